// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

// Building blocks shared by the Symbiotic devnet fixtures (Vault and VaultTokenized, the four delegators, the two
// slashers): OpenZeppelin v5-like AccessControl, the initializer lock of a clone's implementation, a reentrancy
// guard, the 512-bit mulDiv and the vault-bound entity that the delegator and slasher factories clone. Each base
// implements one of our shared interfaces (abi/symbiotic/SymbioticCommonBase.sol), whose events and errors it
// uses, so a fixture's ABI stays that of its abi/ interface. The bases are abstract: they yield no artifact.
// Test fixture only: not meant for production use. Written for restake4j; no upstream code.

import {
    ISymbioticAccessControl,
    ISymbioticInitializable,
    ISymbioticMathErrors,
    ISymbioticReentrancyGuard,
    ISymbioticVaultEntity
} from "abi/symbiotic/SymbioticCommonBase.sol";
import {ISymbioticEntityRegistry} from "abi/symbiotic/SymbioticRegistryBase.sol";

/// @title SymbioticAccessControlFixture (devnet fixture base)
/// @notice OpenZeppelin v5.0 AccessControl as the vault and the delegators use it: `onlyRole` reverts
///         `AccessControlUnauthorizedAccount(msg.sender, role)`; `grantRole` / `revokeRole` need the role's admin;
///         `renounceRole` needs `callerConfirmation == msg.sender` (`AccessControlBadConfirmation()`); granting a
///         held role or revoking a missing one does nothing (no event); RoleGranted / RoleRevoked carry
///         msg.sender. ERC-165: IAccessControl (0x7965db0b) and ERC-165 itself (0x01ffc9a7), as upstream.
/// @dev Deviation from OpenZeppelin: a compact own version with its errors and events; no role admin is ever
///      changed (RoleAdminChanged is declared only), so every role's admin is DEFAULT_ADMIN_ROLE.
abstract contract SymbioticAccessControlFixture is ISymbioticAccessControl {
    bytes32 public constant DEFAULT_ADMIN_ROLE = 0x00;

    mapping(bytes32 role => mapping(address account => bool)) private _members;
    mapping(bytes32 role => bytes32 adminRole) private _roleAdmin; // never set: every admin is DEFAULT_ADMIN_ROLE

    modifier onlyRole(bytes32 role) {
        if (!_members[role][msg.sender]) revert AccessControlUnauthorizedAccount(msg.sender, role);
        _;
    }

    function hasRole(bytes32 role, address account) public view returns (bool) {
        return _members[role][account];
    }

    function getRoleAdmin(bytes32 role) public view returns (bytes32) {
        return _roleAdmin[role];
    }

    function grantRole(bytes32 role, address account) external onlyRole(getRoleAdmin(role)) {
        _grantRole(role, account);
    }

    function revokeRole(bytes32 role, address account) external onlyRole(getRoleAdmin(role)) {
        _revokeRole(role, account);
    }

    function renounceRole(bytes32 role, address callerConfirmation) external {
        if (callerConfirmation != msg.sender) revert AccessControlBadConfirmation();
        _revokeRole(role, callerConfirmation);
    }

    /// @notice ERC-165: IAccessControl (0x7965db0b) and ERC-165 itself (0x01ffc9a7), as upstream.
    /// @dev The `address(this)` read keeps the function `view`, the mutability of the interface.
    function supportsInterface(bytes4 interfaceId) external view returns (bool) {
        return address(this) != address(0) && (interfaceId == 0x7965db0b || interfaceId == 0x01ffc9a7);
    }

    /// @dev Grants `role`; false (and no event) if `account` already held it, as OZ v5's `_grantRole`.
    function _grantRole(bytes32 role, address account) internal returns (bool) {
        if (_members[role][account]) return false;
        _members[role][account] = true;
        emit RoleGranted(role, account, msg.sender);
        return true;
    }

    function _revokeRole(bytes32 role, address account) private {
        if (_members[role][account]) {
            _members[role][account] = false;
            emit RoleRevoked(role, account, msg.sender);
        }
    }
}

/// @title SymbioticInitializableFixture (devnet fixture base)
/// @notice The initialised version of an EIP-1167 clone (0 until its initialize). The implementation locks itself
///         in its constructor, as OpenZeppelin's `_disableInitializers()` in upstream's constructors: version
///         type(uint64).max and `Initialized(type(uint64).max)`, so only clones can be initialised. Each user's
///         `initialize` checks the version, records it and emits Initialized itself, after its own events.
/// @dev Deviation from OpenZeppelin: a compact own version with its errors and events (no `initializer` /
///      `onlyInitializing` modifiers: NotInitializing is declared only); storage layout is the fixture's own.
abstract contract SymbioticInitializableFixture is ISymbioticInitializable {
    uint64 private _initializedVersion;

    constructor() {
        _initializedVersion = type(uint64).max;
        emit Initialized(type(uint64).max);
    }

    /// @dev 0 for a clone not yet initialised, type(uint64).max for the implementation, else the version.
    function _getInitializedVersion() internal view returns (uint64) {
        return _initializedVersion;
    }

    /// @dev Records the initialised version; the caller has checked that it may.
    function _setInitializedVersion(uint64 version_) internal {
        _initializedVersion = version_;
    }
}

/// @title SymbioticReentrancyGuardFixture (devnet fixture base)
/// @notice OpenZeppelin v5.0 ReentrancyGuard: a `nonReentrant` function called while one runs reverts
///         `ReentrancyGuardReentrantCall()`. A clone's guard starts at 0 (as "not entered"); initialize sets it to 1.
/// @dev Deviation from OpenZeppelin: a compact own version with its error; storage layout is the fixture's own.
abstract contract SymbioticReentrancyGuardFixture is ISymbioticReentrancyGuard {
    uint256 private _guard; // 2 while a nonReentrant function runs

    modifier nonReentrant() {
        if (_guard == 2) revert ReentrancyGuardReentrantCall();
        _guard = 2;
        _;
        _guard = 1;
    }

    /// @dev Sets the guard of a fresh clone to "not entered" (1), as upstream's initializer.
    function _initReentrancyGuard() internal {
        _guard = 1;
    }
}

/// @title SymbioticMulDivFixture (devnet fixture base)
/// @notice x * y / d on the full 512-bit product, rounded down or up, with OpenZeppelin v5.0 Math.mulDiv's results
///         and errors: Panic(0x12) for d == 0, `MathOverflowedMulDiv()` if the quotient needs more than 256 bits.
/// @dev Deviation from OpenZeppelin: a binary long division instead of its Newton inversion (same results).
abstract contract SymbioticMulDivFixture is ISymbioticMathErrors {
    function _mulDiv(uint256 x, uint256 y, uint256 d, bool roundUp) internal pure returns (uint256 q) {
        uint256 lo;
        uint256 hi;
        assembly {
            let all := mulmod(x, y, not(0))
            lo := mul(x, y)
            hi := sub(sub(all, lo), lt(all, lo))
        }
        if (hi == 0) {
            q = lo / d;
        } else {
            if (d <= hi) revert MathOverflowedMulDiv();
            // Binary long division of (hi:lo) by d; the running remainder stays below d.
            uint256 rem = hi;
            unchecked {
                for (uint256 bit = 256; bit > 0; --bit) {
                    bool carry = rem >> 255 != 0;
                    rem = (rem << 1) | ((lo >> (bit - 1)) & 1);
                    q <<= 1;
                    if (carry || rem >= d) {
                        rem -= d;
                        q |= 1;
                    }
                }
            }
        }
        if (roundUp && mulmod(x, y, d) > 0) q += 1;
    }
}

/// @title SymbioticVaultEntityFixture (devnet fixture base)
/// @notice What the delegators and slashers share (upstream's Entity plus the vault binding of BaseDelegator and
///         BaseSlasher): FACTORY, TYPE and VAULT_FACTORY fixed at deployment; a factory-only, once-only
///         `initialize(abi.encode(address vault, bytes params))` that sets the reentrancy guard, requires `vault`
///         to be an entity of the VaultFactory (`NotVault()`), stores it, lets the type apply `params`
///         (`_initializeEntity`, whose events come first) and emits `Initialized(1)`; and `staticDelegateCall`,
///         which delegatecalls and always reverts with abi.encode(bool success, bytes returndata), as upstream's
///         StaticDelegateCallable (for off-chain reads of this contract's storage through eth_call; nothing it
///         does is ever kept).
/// @dev Devnet semantics (deviations from Symbiotic): instances are EIP-1167 clones made by the SymbioticTypeFactory
///      fixture, as upstream's Factory, but `initialize` also checks its caller: only FACTORY may call it (upstream
///      has no caller check and relies on the factory initialising in the creating transaction); any other
///      caller, like a second call, gets `InvalidInitialization()`. The implementation is locked by its
///      constructor (`Initialized(type(uint64).max)`, SymbioticInitializableFixture), as `_disableInitializers`.
abstract contract SymbioticVaultEntityFixture is
    ISymbioticVaultEntity,
    SymbioticInitializableFixture,
    SymbioticReentrancyGuardFixture
{
    address public immutable VAULT_FACTORY;
    address public immutable FACTORY;
    uint64 public immutable TYPE;

    address public vault;

    constructor(address vaultFactory, address factory, uint64 entityType) {
        VAULT_FACTORY = vaultFactory;
        FACTORY = factory;
        TYPE = entityType;
    }

    function initialize(bytes calldata data) external {
        if (_getInitializedVersion() != 0 || msg.sender != FACTORY) revert InvalidInitialization();
        _setInitializedVersion(1);
        _initReentrancyGuard();

        (address vault_, bytes memory params) = abi.decode(data, (address, bytes));
        if (!ISymbioticEntityRegistry(VAULT_FACTORY).isEntity(vault_)) revert NotVault();
        vault = vault_;
        _initializeEntity(vault_, params);

        emit Initialized(1);
    }

    /// @dev Decodes, checks and applies the type's own init params (after `vault` is set).
    function _initializeEntity(address vault_, bytes memory params) internal virtual;

    function staticDelegateCall(address target, bytes calldata data) external {
        (bool success, bytes memory returndata) = target.delegatecall(data);
        bytes memory outcome = abi.encode(success, returndata);
        assembly ("memory-safe") {
            revert(add(outcome, 0x20), mload(outcome))
        }
    }
}
