// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title IUniversalDelegator
/// @notice The delegator of a Symbiotic Core V2 vault: allocates the vault's assets to adapters within
///         per-adapter limits and frees them for exits. Only the reads and the permissionless sweep a
///         staker-side SDK needs are declared here.
interface IUniversalDelegator {
    // ---------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------

    /// @notice `assets` were allocated to `adapter`; `totalAssets` is the delegator's asset total after it.
    event Allocate(address indexed adapter, uint256 assets, uint256 totalAssets);

    /// @notice `assets` were deallocated from `adapter`; `totalAssets` is the delegator's asset total after it.
    event Deallocate(address indexed adapter, uint256 assets, uint256 totalAssets);

    /// @notice A delayed deallocation of `assets` was requested from `adapter`.
    event RequestDeallocate(address indexed adapter, uint256 assets);

    // ---------------------------------------------------------------------
    // Exits
    // ---------------------------------------------------------------------

    /// @notice Permissionless: deallocates from adapters, fills the vault's withdrawal queue, and requests
    ///         deallocation for what is still missing; returns the assets still pending.
    function sweepPending() external returns (uint256 pendingAssets);

    /// @notice Assets that can be deallocated now. Not a view (simulates): read it with eth_call.
    function deallocatable() external returns (uint256 assets);

    // ---------------------------------------------------------------------
    // Adapters and limits
    // ---------------------------------------------------------------------

    /// @notice Assets managed by the delegator across its adapters.
    function totalAssets() external view returns (uint256 assets);

    /// @notice Number of adapters.
    function totalAdapters() external view returns (uint16 count);

    /// @notice Adapter at `index`.
    function adapters(uint256 index) external view returns (address adapter);

    /// @notice Allocation cap that applies to `adapter`.
    function limitOf(address adapter) external view returns (uint256 limit);

    /// @notice Absolute allocation cap of `adapter`, in assets.
    function absoluteLimitOf(address adapter) external view returns (uint256 limit);

    /// @notice Relative (share-based) allocation cap of `adapter`.
    function shareLimitOf(address adapter) external view returns (uint256 limit);
}
