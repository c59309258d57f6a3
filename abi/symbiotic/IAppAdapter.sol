// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title IAppAdapter
/// @notice One app position of a Symbiotic Core V2 vault: the assets its UniversalDelegator allocated to back one
///         (subnetwork, operator). The network's middleware slashes it here (not the vault), which lowers the vault's
///         share price; a deallocation is released `duration()` after it is requested. Only what a staker-side SDK
///         reads for exposure and slashing is declared here.
interface IAppAdapter {
    /// @notice `amount` of the adapter's assets were slashed (sent to its burner).
    event Slash(uint256 amount);

    /// @notice The network released `amount` of stake.
    event Release(uint256 amount);

    /// @notice The caller is not the network middleware of the adapter's subnetwork.
    error NotNetworkMiddleware();

    /// @notice The caller is neither the network nor its middleware.
    error NotNetworkOrMiddleware();

    /// @notice Nothing could be slashed.
    error InsufficientSlash();

    /// @notice Slashes up to `amount` of the slashable stake (network middleware only).
    function slash(uint256 amount) external;

    /// @notice Pulls `amount` of `token` into the adapter as rewards.
    function reward(address token, uint256 amount) external;

    /// @notice The stake the network can slash now.
    function slashable() external view returns (uint256);

    /// @notice The stake backing the (subnetwork, operator) now.
    function stake() external view returns (uint256);

    /// @notice The stake backing the (subnetwork, operator) at `timestamp`.
    function stakeAt(uint48 timestamp) external view returns (uint256);

    /// @notice The operator the adapter backs.
    function operator() external view returns (address);

    /// @notice The subnetwork the adapter backs (network address, then the 96-bit identifier).
    function subnetwork() external view returns (bytes32);

    /// @notice Where slashed assets go.
    function burner() external view returns (address);

    /// @notice Seconds between a deallocation request and its release.
    function duration() external view returns (uint48);

    /// @notice The asset (the vault's).
    function asset() external view returns (address);

    /// @notice What the adapter can still take.
    function allocatable() external view returns (uint256);
}
