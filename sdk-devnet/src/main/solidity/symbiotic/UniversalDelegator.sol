// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IUniversalDelegator} from "abi/symbiotic/IUniversalDelegator.sol";
import {SymbioticInitializableFixture, SymbioticMulDivFixture} from "./SymbioticFixtureSupport.sol";
import {
    AdapterCompanion,
    V2_MAX_ADAPTERS,
    V2_MAX_SHARE,
    VaultV2Companion,
    WithdrawalQueueCompanion,
    minOf,
    subOrZero
} from "./SymbioticV2Support.sol";

/// @title UniversalDelegator (devnet fixture)
/// @notice The delegator of a Symbiotic Core V2 vault: an ordered list of adapters with per-adapter limits, moving
///         the vault's assets to them and back.
///         - `limitOf(a) = min(absoluteLimitOf(a), vault.totalAssets() * shareLimitOf(a) / 1e18)` (rounded down);
///           `allocatable(a) = min(limitOf(a) - a.totalAssets() (saturating), vault.freeAssets(), a.allocatable())`;
///           `totalAssets()` is the sum of the adapters' totalAssets.
///         - Curator (fixture API, `NotCurator()` otherwise): `addAdapter(adapter, absoluteLimit, shareLimit)`
///           (the adapter's vault must be this delegator's: `InvalidAdapter()`; `AlreadyAdded()`,
///           `TooManyAdapters()` past 256, `InvalidShareLimit()` above 1e18; AddAdapter(adapter, 1-based index)
///           and SetLimits), `setLimits(adapter, absoluteLimit, shareLimit)`, `allocate(adapter, assets)`
///           (returns 0 without allocating while the sweep leaves assets pending, as upstream; else caps
///           `assets` at allocatable, the vault pulls them to the adapter, Allocate(adapter, allocated,
///           totalAssets after)), `requestDeallocate(adapter, assets)` (asks the adapter to free `assets` after
///           its delay; RequestDeallocate).
///         - `sweepPending()` (anyone), upstream's order: deallocate from the adapters, in order, what the queue's
///           pendingAssets exceed the vault's freeAssets by (an adapter hands over all its free assets;
///           Deallocate per adapter asked); the queue's `fill()`; then, for the queue's pendingAssets still left,
///           ask the adapters in order for min(left, adapter.totalAssets()) each (RequestDeallocate); adapters
///           asked by the previous sweep and not by this one get a request of 0 (cancelled). Returns the pending
///           assets left.
///         - `deallocatable()`: what the adapters could hand over now (the sum of their freeAssets).
///         - Vault hooks: `onDeposit()` sweeps (no auto-allocation); `onWithdraw(assets)` deallocates up to
///           `assets` for an instant exit. Adapter hook: `decreaseLimits(assets, share)` lowers the caller's own
///           limits (saturating; an unlimited one only by type(uint256).max / 1e18), as upstream.
/// @dev Devnet semantics (deviations from Symbiotic): an EIP-1167 clone made and initialised once by its vault
///      (`initialize(vault, curator)`, the vault only) instead of a DelegatorFactory entity initialised with
///      InitParams; the roles (add / remove / limits / allocate / deallocate / swap / auto-allocate) are one
///      curator, the vault's owner; no AdapterRegistry (any adapter bound to this vault is accepted); no
///      removeAdapter, swapAdapters, auto-allocation, deallocateAll / forceDeallocate or multicall; no
///      reentrancy guard (the sweep's fill re-enters the vault by design). `deallocatable()` computes the sum
///      directly instead of simulating through staticDelegateCall, and records it (a non-view, as upstream).
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract UniversalDelegator is IUniversalDelegator, SymbioticInitializableFixture, SymbioticMulDivFixture {
    /// @notice The caller is not the curator.
    error NotCurator();
    /// @notice The caller is not the vault.
    error NotVault();
    /// @notice The adapter is not bound to this delegator's vault, or not added.
    error InvalidAdapter();
    /// @notice The adapter was added already.
    error AlreadyAdded();
    /// @notice The delegator has its maximum number of adapters.
    error TooManyAdapters();
    /// @notice A share limit above 1e18 (100%).
    error InvalidShareLimit();

    /// @notice `adapter` was added at (1-based) `index`.
    event AddAdapter(address indexed adapter, uint16 index);
    /// @notice The limits of `adapter` were set.
    event SetLimits(address indexed adapter, uint256 absoluteLimit, uint256 shareLimit);
    /// @notice The calling adapter lowered its own limits by `assets` and `share`.
    event DecreaseLimits(uint256 assets, uint256 share);

    address public vault;
    address public curator;
    address[] public adapters;
    mapping(address adapter => bool) public isAdapter;
    mapping(address adapter => uint256) public absoluteLimitOf;
    mapping(address adapter => uint256) public shareLimitOf;
    /// @notice The adapters the last sweep asked to free assets.
    address[] public adaptersWithPending;
    /// @notice deallocatable() as last computed.
    uint256 public lastDeallocatable;

    modifier onlyCurator() {
        if (msg.sender != curator) revert NotCurator();
        _;
    }

    modifier onlyVault() {
        if (msg.sender != vault) revert NotVault();
        _;
    }

    function initialize(address vault_, address curator_) external {
        if (_getInitializedVersion() != 0 || msg.sender != vault_) revert InvalidInitialization();
        _setInitializedVersion(1);
        vault = vault_;
        curator = curator_;
        emit Initialized(1);
    }

    // ================================================================== views

    function totalAdapters() external view returns (uint16) {
        return uint16(adapters.length);
    }

    function totalAssets() public view returns (uint256 assets) {
        for (uint256 i; i < adapters.length; ++i) {
            assets += AdapterCompanion(adapters[i]).totalAssets();
        }
    }

    function limitOf(address adapter) public view returns (uint256) {
        uint256 byShare = _mulDiv(VaultV2Companion(vault).totalAssets(), shareLimitOf[adapter], V2_MAX_SHARE, false);
        return minOf(absoluteLimitOf[adapter], byShare);
    }

    function allocatable(address adapter) public view returns (uint256) {
        uint256 room = subOrZero(limitOf(adapter), AdapterCompanion(adapter).totalAssets());
        return minOf(minOf(room, VaultV2Companion(vault).freeAssets()), AdapterCompanion(adapter).allocatable());
    }

    function deallocatable() external returns (uint256 assets) {
        for (uint256 i; i < adapters.length; ++i) {
            assets += AdapterCompanion(adapters[i]).freeAssets();
        }
        lastDeallocatable = assets;
    }

    // ================================================================== curator

    function addAdapter(address adapter, uint256 absoluteLimit, uint256 shareLimit) external onlyCurator {
        if (AdapterCompanion(adapter).vault() != vault) revert InvalidAdapter();
        if (isAdapter[adapter]) revert AlreadyAdded();
        if (adapters.length == V2_MAX_ADAPTERS) revert TooManyAdapters();
        adapters.push(adapter);
        isAdapter[adapter] = true;
        emit AddAdapter(adapter, uint16(adapters.length));
        _setLimits(adapter, absoluteLimit, shareLimit);
    }

    function setLimits(address adapter, uint256 absoluteLimit, uint256 shareLimit) external onlyCurator {
        _setLimits(adapter, absoluteLimit, shareLimit);
    }

    function allocate(address adapter, uint256 assets) external onlyCurator returns (uint256 allocated) {
        if (!isAdapter[adapter]) revert InvalidAdapter();
        if (sweepPending() > 0) return 0;
        assets = minOf(assets, allocatable(adapter));
        VaultV2Companion(vault).pull(assets, adapter);
        allocated = AdapterCompanion(adapter).allocate(assets);
        if (allocated < assets) VaultV2Companion(vault).push(assets - allocated, adapter);
        emit Allocate(adapter, allocated, totalAssets());
    }

    function requestDeallocate(address adapter, uint256 assets) external onlyCurator {
        if (!isAdapter[adapter]) revert InvalidAdapter();
        _request(adapter, assets);
    }

    // ================================================================== hooks

    function onDeposit() external onlyVault {
        sweepPending();
    }

    function onWithdraw(uint256 assets) external onlyVault returns (uint256) {
        return _deallocateUpTo(assets);
    }

    function decreaseLimits(uint256 assets, uint256 share) external {
        uint256 absolute = absoluteLimitOf[msg.sender];
        if (absolute < type(uint256).max || assets == type(uint256).max) {
            absoluteLimitOf[msg.sender] = subOrZero(absolute, assets);
        }
        uint256 relative = shareLimitOf[msg.sender];
        if (relative < V2_MAX_SHARE || share == V2_MAX_SHARE) shareLimitOf[msg.sender] = subOrZero(relative, share);
        emit DecreaseLimits(assets, share);
    }

    // ================================================================== sweep

    function sweepPending() public returns (uint256 pendingAssets) {
        WithdrawalQueueCompanion queue = WithdrawalQueueCompanion(VaultV2Companion(vault).withdrawalQueue());
        _deallocateUpTo(subOrZero(queue.pendingAssets(), VaultV2Companion(vault).freeAssets()));
        queue.fill();
        pendingAssets = queue.pendingAssets();

        address[] memory previous = adaptersWithPending;
        delete adaptersWithPending;
        uint256 left = pendingAssets;
        for (uint256 i; left > 0 && i < adapters.length; ++i) {
            address adapter = adapters[i];
            uint256 ask = minOf(left, AdapterCompanion(adapter).totalAssets());
            if (ask == 0) continue;
            _request(adapter, ask);
            adaptersWithPending.push(adapter);
            left -= ask;
        }
        for (uint256 i; i < previous.length; ++i) {
            if (!_asked(previous[i])) _request(previous[i], 0);
        }
    }

    // ================================================================== internals

    function _setLimits(address adapter, uint256 absoluteLimit, uint256 shareLimit) private {
        if (!isAdapter[adapter]) revert InvalidAdapter();
        if (shareLimit > V2_MAX_SHARE) revert InvalidShareLimit();
        absoluteLimitOf[adapter] = absoluteLimit;
        shareLimitOf[adapter] = shareLimit;
        emit SetLimits(adapter, absoluteLimit, shareLimit);
    }

    function _asked(address adapter) private view returns (bool) {
        for (uint256 j; j < adaptersWithPending.length; ++j) {
            if (adaptersWithPending[j] == adapter) return true;
        }
        return false;
    }

    function _request(address adapter, uint256 assets) private {
        AdapterCompanion(adapter).requestDeallocate(assets);
        emit RequestDeallocate(adapter, assets);
    }

    /// @dev Asks the adapters in order until `assets` are back in the vault; each hands over all its free assets.
    function _deallocateUpTo(uint256 assets) private returns (uint256 deallocated) {
        for (uint256 i; i < adapters.length && assets > 0; ++i) {
            address adapter = adapters[i];
            uint256 got = AdapterCompanion(adapter).deallocate(minOf(assets, AdapterCompanion(adapter).totalAssets()));
            if (got > 0) VaultV2Companion(vault).push(got, adapter);
            emit Deallocate(adapter, got, totalAssets());
            deallocated += got;
            assets = subOrZero(assets, got);
        }
    }
}
