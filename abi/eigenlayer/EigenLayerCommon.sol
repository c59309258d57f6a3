// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

// Shared types and base interfaces of the EigenLayer core contracts. This file yields no ABI of its
// own (only abi/**/I*.sol files do); the I<Name>.sol interfaces import it.

/// @notice An operator set: the AVS that owns it and its id within that AVS.
struct OperatorSet {
    address avs;
    uint32 id;
}

/// @notice A signature and the timestamp after which it is no longer accepted.
struct SignatureWithExpiry {
    bytes signature;
    uint256 expiry;
}

/// @title IEigenLayerPausable
/// @notice Pause flags kept in a uint256 bitmap; the pauser registry says who may pause and unpause.
interface IEigenLayerPausable {
    /// @notice The function is paused.
    error CurrentlyPaused();

    /// @notice A required address was the zero address.
    error InputAddressZero();

    /// @notice The new bitmap would unpause (on pause) or pause (on unpause) a flag.
    error InvalidNewPausedStatus();

    /// @notice The caller is not a pauser.
    error OnlyPauser();

    /// @notice The caller is not the unpauser.
    error OnlyUnpauser();

    /// @notice `account` set the paused bitmap to `newPausedStatus`.
    event Paused(address indexed account, uint256 newPausedStatus);

    /// @notice `account` set the paused bitmap to `newPausedStatus`.
    event Unpaused(address indexed account, uint256 newPausedStatus);

    /// @notice The registry of pausers and the unpauser.
    function pauserRegistry() external view returns (address);

    /// @notice Sets the paused bitmap; may only set more bits (pauser only).
    function pause(uint256 newPausedStatus) external;

    /// @notice Sets every pause flag (pauser only).
    function pauseAll() external;

    /// @notice Sets the paused bitmap; may only clear bits (unpauser only).
    function unpause(uint256 newPausedStatus) external;

    /// @notice The paused bitmap.
    function paused() external view returns (uint256);

    /// @notice Whether flag `index` of the paused bitmap is set.
    function paused(uint8 index) external view returns (bool);
}

/// @title IEigenLayerOwnable
/// @notice Single-owner access control (OpenZeppelin Ownable).
interface IEigenLayerOwnable {
    /// @notice Ownership moved from `previousOwner` to `newOwner`.
    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    /// @notice The current owner.
    function owner() external view returns (address);

    /// @notice Leaves the contract without an owner (owner only).
    function renounceOwnership() external;

    /// @notice Hands ownership to `newOwner` (owner only).
    function transferOwnership(address newOwner) external;
}

/// @title IEigenLayerInitializable
/// @notice Proxy initialisation (OpenZeppelin Initializable).
interface IEigenLayerInitializable {
    /// @notice The proxy was initialised (or reinitialised) to `version`.
    event Initialized(uint8 version);
}

/// @title IEigenLayerSemVer
/// @notice The release string of the implementation behind a proxy.
interface IEigenLayerSemVer {
    /// @notice The version string does not fit a short string.
    error InvalidShortString();

    /// @notice `str` is too long for a short string.
    error StringTooLong(string str);

    /// @notice The release, e.g. "1.12.0"; its first character is the EIP-712 domain version.
    function version() external view returns (string memory);
}
