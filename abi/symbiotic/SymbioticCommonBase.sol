// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

// Base interfaces shared across the Symbiotic interfaces: the OpenZeppelin v5 pieces (AccessControl,
// Initializable, ReentrancyGuard, the errors of Math, SafeCast and SafeERC20, EIP-5267) that the vault, the
// delegators, the slashers, the opt-in services, the staker rewards and the V2 vault each have, and the entity
// that the delegator and slasher factories make. solc refuses an event or error declared twice in one inheritance
// tree, so each group is declared here once and the I<Name>.sol interfaces inherit it. This file yields no
// ABI of its own (only abi/**/I*.sol files do).

/// @title ISymbioticAccessControl
/// @notice Role-based access control (OpenZeppelin v5 AccessControl), as the vault, the delegators and the
///         staker rewards use it. Roles are keccak256 of their names; the default admin role is bytes32(0)
///         and administers every other role unless its admin is changed (RoleAdminChanged).
interface ISymbioticAccessControl {
    /// @notice renounceRole was called with a confirmation address other than the caller.
    error AccessControlBadConfirmation();

    /// @notice `account` lacks `neededRole` for this call.
    error AccessControlUnauthorizedAccount(address account, bytes32 neededRole);

    /// @notice The admin role of `role` changed from `previousAdminRole` to `newAdminRole`.
    event RoleAdminChanged(bytes32 indexed role, bytes32 indexed previousAdminRole, bytes32 indexed newAdminRole);

    /// @notice `sender` granted `role` to `account`.
    event RoleGranted(bytes32 indexed role, address indexed account, address indexed sender);

    /// @notice `sender` revoked `role` from `account` (or `account` renounced it).
    event RoleRevoked(bytes32 indexed role, address indexed account, address indexed sender);

    /// @notice The role that administers every other role by default (bytes32(0)).
    function DEFAULT_ADMIN_ROLE() external view returns (bytes32);

    /// @notice The role allowed to grant and revoke `role`.
    function getRoleAdmin(bytes32 role) external view returns (bytes32);

    /// @notice Whether `account` holds `role`.
    function hasRole(bytes32 role, address account) external view returns (bool);

    /// @notice Grants `role` to `account` (admin of `role` only).
    function grantRole(bytes32 role, address account) external;

    /// @notice Revokes `role` from `account` (admin of `role` only).
    function revokeRole(bytes32 role, address account) external;

    /// @notice Gives up `role`; `callerConfirmation` must be the caller.
    function renounceRole(bytes32 role, address callerConfirmation) external;

    /// @notice ERC-165 interface detection.
    function supportsInterface(bytes4 interfaceId) external view returns (bool);
}

/// @title ISymbioticInitializable
/// @notice One-time initialisation of a proxy or clone (OpenZeppelin v5 Initializable). An implementation
///         contract is locked at deployment (`Initialized(type(uint64).max)`), so only its proxies or clones
///         can be initialised.
interface ISymbioticInitializable {
    /// @notice The contract was already initialised (or initialize was not allowed here).
    error InvalidInitialization();

    /// @notice An initialiser-only step was called outside initialisation.
    error NotInitializing();

    /// @notice The contract was initialised (or reinitialised) to `version`.
    event Initialized(uint64 version);
}

/// @title ISymbioticReentrancyGuard
/// @notice The error of OpenZeppelin v5's ReentrancyGuard.
interface ISymbioticReentrancyGuard {
    /// @notice A reentrant call was blocked (nonReentrant guard).
    error ReentrancyGuardReentrantCall();
}

/// @title ISymbioticMathErrors
/// @notice The error of OpenZeppelin v5.0's Math.mulDiv (512-bit multiply-then-divide).
interface ISymbioticMathErrors {
    /// @notice A multiply-then-divide overflowed (the quotient needs more than 256 bits).
    error MathOverflowedMulDiv();
}

/// @title ISymbioticCheckpointErrors
/// @notice The library errors of the checkpointed values (Symbiotic's Checkpoints on OpenZeppelin's SafeCast).
interface ISymbioticCheckpointErrors {
    /// @notice A checkpoint was written with a key older than the latest one.
    error CheckpointUnorderedInsertion();

    /// @notice `value` does not fit in `bits` bits.
    error SafeCastOverflowedUintDowncast(uint8 bits, uint256 value);
}

/// @title ISymbioticSafeERC20Errors
/// @notice The library errors of OpenZeppelin v5.0's SafeERC20 and Address, for contracts that move ERC-20
///         tokens (the vault's collateral, the staker rewards' tokens).
interface ISymbioticSafeERC20Errors {
    /// @notice A call target has no code.
    error AddressEmptyCode(address target);

    /// @notice `account` holds too little ETH for the call.
    error AddressInsufficientBalance(address account);

    /// @notice A low-level call reverted without a reason.
    error FailedInnerCall();

    /// @notice A transfer of `token` failed or returned false.
    error SafeERC20FailedOperation(address token);
}

/// @title ISymbioticERC5267
/// @notice EIP-5267 (OpenZeppelin v5 IERC5267): the description of a contract's EIP-712 domain, as the opt-in
///         services (signed opt-ins) and the V2 vault (EIP-2612 permit) offer it.
interface ISymbioticERC5267 {
    /// @notice EIP-5267: the EIP-712 domain changed.
    event EIP712DomainChanged();

    /// @notice EIP-5267: the fields of the EIP-712 domain. Bit i of `fields` says whether field i is used
    ///         (0 name, 1 version, 2 chainId, 3 verifyingContract, 4 salt).
    function eip712Domain()
        external
        view
        returns (
            bytes1 fields,
            string memory name,
            string memory version,
            uint256 chainId,
            address verifyingContract,
            bytes32 salt,
            uint256[] memory extensions
        );
}

/// @title ISymbioticStaticDelegateCallable
/// @notice Symbiotic's StaticDelegateCallable: lets off-chain hint helpers read a contract's storage.
interface ISymbioticStaticDelegateCallable {
    /// @notice Delegatecalls `target` with `data` in this contract's context and always reverts with
    ///         abi.encode(bool success, bytes returndata); meant for eth_call reads (decode the revert data),
    ///         never for transactions.
    function staticDelegateCall(address target, bytes calldata data) external;
}

/// @title ISymbioticVaultEntity
/// @notice What a delegator and a slasher share (upstream's Entity plus the vault binding): a clone made by its
///         type factory (DelegatorFactory or SlasherFactory), initialised once by that factory with the vault it
///         serves, which must be a vault of the VaultFactory. `TYPE()` is the entity's type number in its
///         factory (see IBaseDelegator and IBaseSlasher).
interface ISymbioticVaultEntity is ISymbioticInitializable, ISymbioticStaticDelegateCallable {
    /// @notice The contract has not been initialised.
    error NotInitialized();

    /// @notice The vault given at initialisation is not a vault of the VaultFactory.
    error NotVault();

    /// @notice The entity's type number in its factory.
    function TYPE() external view returns (uint64);

    /// @notice The factory that created this entity.
    function FACTORY() external view returns (address);

    /// @notice The vault this entity serves.
    function vault() external view returns (address);

    /// @notice Symbiotic's VaultFactory.
    function VAULT_FACTORY() external view returns (address);

    /// @notice Factory-only initialisation with ABI-encoded parameters (the vault, then the type's own).
    function initialize(bytes calldata data) external;
}
