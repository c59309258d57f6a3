// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IAppAdapter} from "abi/symbiotic/IAppAdapter.sol";
import {IERC20} from "abi/common/IERC20.sol";
import {SymbioticCheckpoints} from "./SymbioticCheckpoints.sol";
import {
    MiddlewareLookup, UniversalDelegatorCompanion, VaultV2Companion, minOf, subOrZero, tokenCallFailed
} from "./SymbioticV2Support.sol";

/// @title AppAdapter (devnet fixture)
/// @notice Symbiotic Core V2's AppAdapter: one app position, the stake a (subnetwork, operator) pair gets from a
///         VaultV2's UniversalDelegator. It holds the assets allocated to it (`totalAssets()` = its asset balance).
///         Its stake follows upstream's model: a stake record (initial stake, slashed so far, debt) starts at each
///         allocation with the whole balance; `slashable() = initial - slashed - debt(now)`, `stake() = initial -
///         slashed - debt(now + duration - 1)`, `stakeAt(t)` the same for the record, slashed and debt at `t`;
///         `freeAssets() = totalAssets() - slashable()` is what the delegator can take back now (a deallocation
///         hands over all of it) and `allocatable()` is unbounded.
///         - `requestDeallocate(amount)` (the delegator only): when `min(delegator.limitOf(this), totalAssets()) -
///           amount` covers the slashable stake already, a new record starts at the slashable stake (nothing to
///           wait for; a request of 0 cancels one not yet due); otherwise a larger request books the debt `amount`
///           due at now + `duration` (the release delay), a smaller one keeps the booked debt.
///         - `slash(amount)`: only the middleware of the subnetwork's network in the NetworkMiddlewareService
///           (`NotNetworkMiddleware()`); takes min(amount, slashable()) (`InsufficientSlash()` when that is 0),
///           sends it to the burner, lowers the adapter's absolute limit in the delegator by it, emits Slash. The
///           vault's totalAssets (so its share price) falls by the amount.
///         - `release(amount)`: the network or its middleware (`NotNetworkOrMiddleware()`) gives up
///           min(amount, slashable()) of stake, which becomes free at once; the delegator's absolute limit comes
///           down to what stays slashable; emits Release.
///         - `reward(token, amount)`: pulls `amount` of `token` from the caller; rewards in the vault's asset raise
///           totalAssets (the share price) and are free at once.
/// @dev Devnet semantics (deviations from Symbiotic): deployed directly with a constructor
///      (delegator, subnetwork, operator, burner, duration, networkMiddlewareService) instead of an
///      AdapterFactory entity with InitParams; vault and asset are read from the delegator. It implements our
///      abi/ IAppAdapter (the reads a staker needs); the delegator-facing functions are its own. A request after an earlier one has become due
///      first starts a new record at the stake left (so the new debt counts from it). No burner hook
///      (`IBurner.onSlash` is not called), no CoWSwap conversion of reward tokens other than the asset (they just
///      stay in the adapter), no multicall, no migration.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract AppAdapter is IAppAdapter {
    using SymbioticCheckpoints for SymbioticCheckpoints.Trace;

    /// @notice The caller is not the vault's delegator.
    error NotVault();
    /// @notice Zero subnetwork or operator.
    error InvalidNetOrOp();
    /// @notice Zero duration.
    error InvalidDuration();
    /// @notice Zero burner.
    error NoBurner();
    /// @notice A transfer of `token` failed.
    error SafeERC20FailedOperation(address token);


    struct StakeRecord {
        uint256 initial;
        SymbioticCheckpoints.Trace slashed;
        SymbioticCheckpoints.Trace debt; // keyed by the time the debt is due
    }

    address public immutable delegator;
    address public immutable vault;
    address public immutable asset;
    bytes32 public immutable subnetwork;
    address public immutable operator;
    address public immutable burner;
    uint48 public immutable duration;
    address public immutable NETWORK_MIDDLEWARE_SERVICE;

    /// @notice What the last deallocation handed over.
    uint256 public lastDeallocated;

    StakeRecord[] private _records;
    SymbioticCheckpoints.Trace private _recordAt; // time -> index into _records

    constructor(
        address delegator_,
        bytes32 subnetwork_,
        address operator_,
        address burner_,
        uint48 duration_,
        address networkMiddlewareService
    ) {
        if (subnetwork_ == bytes32(0) || operator_ == address(0)) revert InvalidNetOrOp();
        if (duration_ == 0) revert InvalidDuration();
        if (burner_ == address(0)) revert NoBurner();
        address vault_ = UniversalDelegatorCompanion(delegator_).vault();
        address asset_ = VaultV2Companion(vault_).asset();
        delegator = delegator_;
        vault = vault_;
        asset = asset_;
        subnetwork = subnetwork_;
        operator = operator_;
        burner = burner_;
        duration = duration_;
        NETWORK_MIDDLEWARE_SERVICE = networkMiddlewareService;
        _records.push();
        _recordAt.push(0);
        if (tokenCallFailed(asset_, abi.encodeCall(IERC20.approve, (vault_, type(uint256).max)))) {
            revert SafeERC20FailedOperation(asset_);
        }
    }

    modifier onlyDelegator() {
        if (msg.sender != delegator) revert NotVault();
        _;
    }

    // ================================================================== views

    /// @notice The network of the subnetwork (its upper 160 bits).
    function network() public view returns (address) {
        return address(uint160(uint256(subnetwork) >> 96));
    }

    function totalAssets() public view returns (uint256) {
        return IERC20(asset).balanceOf(address(this));
    }

    function freeAssets() public view returns (uint256) {
        return subOrZero(totalAssets(), slashable());
    }

    function allocatable() external pure returns (uint256) {
        return type(uint256).max;
    }

    function slashable() public view returns (uint256) {
        StakeRecord storage r = _current();
        return subOrZero(subOrZero(r.initial, r.slashed.latest()), r.debt.upperLookupRecent(uint48(block.timestamp)));
    }

    function stake() external view returns (uint256) {
        StakeRecord storage r = _current();
        uint48 horizon = uint48(block.timestamp) + duration - 1;
        return subOrZero(subOrZero(r.initial, r.slashed.latest()), r.debt.upperLookupRecent(horizon));
    }

    function stakeAt(uint48 timestamp) external view returns (uint256) {
        StakeRecord storage r = _records[_recordAt.upperLookupRecent(timestamp)];
        uint48 horizon = timestamp + duration - 1;
        return subOrZero(subOrZero(r.initial, r.slashed.upperLookupRecent(timestamp)), r.debt.upperLookupRecent(horizon));
    }

    // ================================================================== delegator

    function allocate(uint256 amount) external onlyDelegator returns (uint256) {
        if (amount == 0) return 0;
        _newRecord(totalAssets());
        return amount;
    }

    /// @notice Hands the delegator all free assets (whatever `amount` it asks), as upstream; records the figure.
    function deallocate(uint256) external onlyDelegator returns (uint256 freed) {
        freed = freeAssets();
        lastDeallocated = freed;
    }

    function requestDeallocate(uint256 amount) external onlyDelegator {
        StakeRecord storage r = _current();
        if (r.debt.upperLookupRecent(uint48(block.timestamp)) > 0) {
            _newRecord(slashable()); // the earlier request is due: count the new one from the stake left
            r = _current();
        }
        uint256 left = slashable();
        uint256 kept = minOf(UniversalDelegatorCompanion(delegator).limitOf(address(this)), totalAssets());
        if (subOrZero(kept, amount) >= left) {
            _newRecord(left);
        } else if (r.debt.latest() < amount) {
            r.debt.pushAt(uint48(block.timestamp) + duration, amount);
        }
    }

    // ================================================================== network

    function slash(uint256 amount) external {
        if (MiddlewareLookup(NETWORK_MIDDLEWARE_SERVICE).middleware(network()) != msg.sender) {
            revert NotNetworkMiddleware();
        }
        amount = minOf(amount, slashable());
        if (amount == 0) revert InsufficientSlash();
        StakeRecord storage r = _current();
        r.slashed.push(r.slashed.latest() + amount);
        UniversalDelegatorCompanion(delegator).decreaseLimits(amount, 0);
        if (tokenCallFailed(asset, abi.encodeCall(IERC20.transfer, (burner, amount)))) {
            revert SafeERC20FailedOperation(asset);
        }
        emit Slash(amount);
    }

    function release(uint256 amount) external {
        address network_ = network();
        if (msg.sender != network_ && MiddlewareLookup(NETWORK_MIDDLEWARE_SERVICE).middleware(network_) != msg.sender) {
            revert NotNetworkOrMiddleware();
        }
        amount = minOf(amount, slashable());
        StakeRecord storage r = _current();
        r.slashed.push(r.slashed.latest() + amount);
        uint256 limit = UniversalDelegatorCompanion(delegator).absoluteLimitOf(address(this));
        UniversalDelegatorCompanion(delegator).decreaseLimits(subOrZero(limit, slashable()), 0);
        emit Release(amount);
    }

    function reward(address token, uint256 amount) external {
        if (tokenCallFailed(token, abi.encodeCall(IERC20.transferFrom, (msg.sender, address(this), amount)))) {
            revert SafeERC20FailedOperation(token);
        }
    }

    // ================================================================== internals

    function _current() private view returns (StakeRecord storage) {
        return _records[_recordAt.latest()];
    }

    function _newRecord(uint256 initial) private {
        _recordAt.push(_records.length);
        _records.push().initial = initial;
    }
}
