// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

// Building blocks shared by the EigenLayer devnet fixtures: WAD math, ownership, a never-paused
// pausable surface, a reentrancy guard and EIP-712 signature checks in the way EigenLayer's
// SignatureUtilsMixin defines them. The bases implement our shared EigenLayer interfaces
// (abi/eigenlayer/EigenLayerCommon.sol), whose events and errors they use. Written for restake4j;
// no upstream code.

import {IEigenLayerOwnable, IEigenLayerPausable, IEigenLayerSemVer} from "abi/eigenlayer/EigenLayerCommon.sol";

/// @notice Raised by every part of the real EigenLayer interface that a devnet fixture declares
///         (so that its ABI matches) but does not implement. `what` names the function.
error NotSupportedByFixture(string what);

/// @dev 1e18, the "1" of magnitudes, scaling factors and slashing proportions.
uint64 constant WAD = 1e18;

/// @dev The beaconChainETH strategy sentinel (not a contract); its shares live in the EigenPodManager.
address constant BEACON_CHAIN_ETH_STRATEGY = 0xbeaC0eeEeeeeEEeEeEEEEeeEEeEeeeEeeEEBEaC0;

/// @dev Where slashed funds go when an operator set has no redistribution recipient.
address constant DEFAULT_BURN_ADDRESS_VALUE = 0x00000000000000000000000000000000000E16E4;

// Multiply-then-divide helpers (free functions, attached with `using {...} for uint256`), rounding
// down or up. Upstream uses OpenZeppelin's 512-bit Math.mulDiv; here the product is computed with
// checked 256-bit math, which gives the same results for every product below 2^256 (shares up to
// 1e38 times a 1e18 factor fit) and a Panic(0x11) above that, where upstream would still succeed.

/// @dev floor(x * y / d).
function mulDiv(uint256 x, uint256 y, uint256 d) pure returns (uint256) {
    return x * y / d;
}

/// @dev ceil(x * y / d).
function mulDivUp(uint256 x, uint256 y, uint256 d) pure returns (uint256 result) {
    result = x * y / d;
    if (mulmod(x, y, d) > 0) result += 1;
}

/// @dev floor(x * y / 1e18).
function mulWad(uint256 x, uint256 y) pure returns (uint256) {
    return x * y / WAD;
}

/// @dev ceil(x * y / 1e18).
function mulWadRoundUp(uint256 x, uint256 y) pure returns (uint256) {
    return mulDivUp(x, y, WAD);
}

/// @dev floor(x * 1e18 / y).
function divWad(uint256 x, uint256 y) pure returns (uint256) {
    return x * WAD / y;
}

/// @dev Helpers for declared-but-unsupported functions: one per mutability, so each function keeps
///      the mutability of the real interface without compiler warnings.
abstract contract FixtureUnsupported {
    uint256 private _unsupportedWrites;

    function _unsupported(string memory what) internal {
        _unsupportedWrites = 0; // a write, so state-changing declarations stay state-changing
        revert NotSupportedByFixture(what);
    }

    function _unsupportedView(string memory what) internal view {
        if (address(this) != address(0)) revert NotSupportedByFixture(what);
    }
}

/// @notice OpenZeppelin-style ownership (same events and revert strings as upstream's OwnableUpgradeable).
abstract contract FixtureOwnable is IEigenLayerOwnable {
    address private _owner;

    constructor(address initialOwner) {
        _transferOwnership(initialOwner);
    }

    modifier onlyOwner() {
        require(msg.sender == _owner, "Ownable: caller is not the owner");
        _;
    }

    function owner() public view returns (address) {
        return _owner;
    }

    function transferOwnership(address newOwner) external onlyOwner {
        require(newOwner != address(0), "Ownable: new owner is the zero address");
        _transferOwnership(newOwner);
    }

    function renounceOwnership() external onlyOwner {
        _transferOwnership(address(0));
    }

    function _transferOwnership(address newOwner) internal {
        address previous = _owner;
        _owner = newOwner;
        emit OwnershipTransferred(previous, newOwner);
    }
}

/// @notice EigenLayer's Pausable: a uint256 bitmap of pause flags; `pause` may only set more flags,
///         `unpause` may only clear flags, `pauseAll` sets every flag, and a function guarded by flag i
///         reverts `CurrentlyPaused()` while the flag is set (each contract's flag indexes are upstream's).
/// @dev Deviation: there is no PauserRegistry contract (`pauserRegistry()` is address(0)); the account that
///      deployed the fixture is its only pauser and the unpauser (upstream: the registry's `isPauser` /
///      `unpauser`). Reverts `OnlyPauser()` / `OnlyUnpauser()` for anyone else, as upstream.
abstract contract FixturePausable is IEigenLayerPausable, FixtureUnsupported {
    uint256 private _pausedStatus;
    address private immutable _pauser = msg.sender;
    address private immutable _noPauserRegistry = address(0);

    modifier onlyWhenNotPaused(uint8 index) {
        if ((_pausedStatus >> index) & 1 == 1) revert CurrentlyPaused();
        _;
    }

    /// @dev Upstream's `onlyUnpauser` (here: the deployer), e.g. for StrategyBaseTVLLimits.setTVLLimits.
    modifier onlyUnpauser() {
        if (msg.sender != _pauser) revert OnlyUnpauser();
        _;
    }

    function pause(uint256 newPausedStatus) external {
        if (msg.sender != _pauser) revert OnlyPauser();
        if ((_pausedStatus & newPausedStatus) != _pausedStatus) revert InvalidNewPausedStatus();
        _pausedStatus = newPausedStatus;
        emit Paused(msg.sender, newPausedStatus);
    }

    function pauseAll() external {
        if (msg.sender != _pauser) revert OnlyPauser();
        _pausedStatus = type(uint256).max;
        emit Paused(msg.sender, type(uint256).max);
    }

    function unpause(uint256 newPausedStatus) external onlyUnpauser {
        if ((~_pausedStatus & ~newPausedStatus) != ~_pausedStatus) revert InvalidNewPausedStatus();
        _pausedStatus = newPausedStatus;
        emit Unpaused(msg.sender, newPausedStatus);
    }

    /// @notice The paused bitmap.
    function paused() external view returns (uint256) {
        return _pausedStatus;
    }

    /// @notice Whether flag `index` is set.
    function paused(uint8 index) public view returns (bool) {
        return (_pausedStatus >> index) & 1 == 1;
    }

    /// @notice address(0): the fixtures have no PauserRegistry (their deployer pauses and unpauses).
    ///      `view` as upstream (it reads a stored registry there); here an immutable that is always address(0).
    function pauserRegistry() external view returns (address) {
        return _noPauserRegistry;
    }
}

/// @notice A plain reentrancy guard (same revert string as OpenZeppelin's).
abstract contract FixtureReentrancyGuard {
    uint256 private _entered = 1;

    modifier nonReentrant() {
        require(_entered == 1, "ReentrancyGuard: reentrant call");
        _entered = 2;
        _;
        _entered = 1;
    }
}

/// @notice EIP-712 domain and signature checks as in EigenLayer's SignatureUtilsMixin: name
///         "EigenLayer", version = the first character of `version()`, no salt; signatures are
///         checked at `expiry >= block.timestamp`, accepting an EOA's ECDSA signature or an
///         EIP-1271 contract signature.
///         The errors InvalidSignature() and SignatureExpired() belong to the interface each user
///         implements (IStrategyManager, IDelegationManager), so the user raises them: see
///         `_revertSignatureExpired` and `_revertInvalidSignature`.
abstract contract FixtureSignatureUtils is IEigenLayerSemVer {
    bytes32 internal constant EIP712_DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");

    /// @dev secp256k1n / 2: larger `s` values are malleable and rejected.
    uint256 private constant MAX_S = 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0;

    string private _version;

    constructor(string memory version_) {
        require(bytes(version_).length > 0, "version must not be empty");
        _version = version_;
    }

    /// @notice The semantic version of this contract, e.g. "1.12.0" (mainnet style, no "v").
    function version() public view returns (string memory) {
        return _version;
    }

    /// @notice The EIP-712 domain separator, recomputed on every call.
    function domainSeparator() public view virtual returns (bytes32) {
        bytes memory major = new bytes(1);
        major[0] = bytes(_version)[0];
        return keccak256(
            abi.encode(EIP712_DOMAIN_TYPEHASH, keccak256(bytes("EigenLayer")), keccak256(major), block.chainid, address(this))
        );
    }

    function _calculateSignableDigest(bytes32 structHash) internal view returns (bytes32) {
        return keccak256(abi.encodePacked("\x19\x01", domainSeparator(), structHash));
    }

    function _checkIsValidSignatureNow(address signer, bytes32 digest, bytes memory signature, uint256 expiry)
        internal
        view
    {
        if (expiry < block.timestamp) _revertSignatureExpired();
        if (!_isValidSignatureNow(signer, digest, signature)) _revertInvalidSignature();
    }

    /// @dev Reverts with the user's `SignatureExpired()` error.
    function _revertSignatureExpired() internal pure virtual;

    /// @dev Reverts with the user's `InvalidSignature()` error.
    function _revertInvalidSignature() internal pure virtual;

    function _isValidSignatureNow(address signer, bytes32 digest, bytes memory signature)
        private
        view
        returns (bool)
    {
        if (signature.length == 65) {
            bytes32 r;
            bytes32 s;
            uint8 v;
            assembly {
                r := mload(add(signature, 0x20))
                s := mload(add(signature, 0x40))
                v := byte(0, mload(add(signature, 0x60)))
            }
            if (uint256(s) <= MAX_S && (v == 27 || v == 28)) {
                address recovered = ecrecover(digest, v, r, s);
                if (recovered != address(0) && recovered == signer) return true;
            }
        }
        if (signer.code.length == 0) return false;
        (bool ok, bytes memory result) =
            signer.staticcall(abi.encodeWithSelector(bytes4(0x1626ba7e), digest, signature));
        return ok && result.length >= 32 && abi.decode(result, (bytes32)) == bytes32(bytes4(0x1626ba7e));
    }
}
