// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IDelegationSupervisor} from "abi/karak/IDelegationSupervisor.sol";
import {WithdrawRequest, QueuedWithdrawal} from "abi/karak/KarakV1Types.sol";
import {VaultSupervisor} from "./VaultSupervisor.sol";

/// @title DelegationSupervisor (devnet fixture)
/// @notice Karak v1's DelegationSupervisor (karak.md §1.1): two-step withdrawals of supervisor-credited shares.
///         `startWithdraw(requests)`: empty list InvalidInput; per request empty arrays NoElementsInArray,
///         different lengths ArrayLengthsNotEqual, `withdrawer != msg.sender` NotStaker, a zero share amount
///         ZeroShares; the shares leave the caller's credit at once (the supervisor's NotEnoughShares if short),
///         one StartedWithdrawal per vault; the queued withdrawal is QueuedWithdrawal{staker, delegatedTo = 0,
///         nonce = the staker's count of queued withdrawals, start = block.timestamp, request}, its root
///         keccak256(abi.encode(withdrawal)) is marked pending and the withdrawal is appended to the staker's
///         list. `finishWithdraw(withdrawals)`, for each, in upstream's order: the caller must be the request's
///         withdrawer (WithdrawerNotCaller), `start + withdrawalDelay <= block.timestamp`
///         (MinWithdrawDelayNotPassed), the root pending (WithdrawAlreadyCompleted); then every vault's shares are
///         redeemed at the exchange rate of that moment and paid to the caller (FinishedWithdrawal per vault).
///         Fixture API: `updateMinWithdrawDelay(seconds)` (owner only, as upstream's manager call; above 30 days
///         InvalidWithdrawalDelay).
/// @dev Devnet semantics (deviations from Karak v1.3):
///      - not upgradeable, no roles (the owner is the manager), no pause;
///      - delegation is not enabled (as upstream v1): delegatedTo and the events' operator are always 0.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract DelegationSupervisor is IDelegationSupervisor {
    /// @notice Only the owner (the devnet's deployer) may call this.
    error Unauthorized();

    /// @notice Upstream's MAX_WITHDRAWAL_DELAY.
    uint256 public constant MAX_WITHDRAWAL_DELAY = 30 days;

    address public immutable owner;
    VaultSupervisor public immutable vaultSupervisor;
    uint256 public withdrawalDelay;

    mapping(bytes32 => bool) private _pending;
    mapping(address => QueuedWithdrawal[]) private _queued;
    mapping(address => uint256) private _totalQueued;

    constructor(address vaultSupervisor_, uint256 withdrawalDelay_, address owner_) {
        if (vaultSupervisor_ == address(0) || owner_ == address(0)) revert ZeroAddress();
        if (withdrawalDelay_ > MAX_WITHDRAWAL_DELAY) revert InvalidWithdrawalDelay();
        vaultSupervisor = VaultSupervisor(vaultSupervisor_);
        withdrawalDelay = withdrawalDelay_;
        owner = owner_;
    }

    /// @notice Sets the withdrawal delay in seconds (at most 30 days).
    function updateMinWithdrawDelay(uint256 delay) external {
        if (msg.sender != owner) revert Unauthorized();
        if (delay > MAX_WITHDRAWAL_DELAY) revert InvalidWithdrawalDelay();
        withdrawalDelay = delay;
    }

    function startWithdraw(WithdrawRequest[] calldata requests)
        external
        returns (bytes32[] memory withdrawalRoots, QueuedWithdrawal[] memory withdrawals)
    {
        if (requests.length == 0) revert InvalidInput();
        withdrawalRoots = new bytes32[](requests.length);
        withdrawals = new QueuedWithdrawal[](requests.length);
        for (uint256 i = 0; i < requests.length; i++) {
            WithdrawRequest calldata r = requests[i];
            if (r.shares.length == 0 || r.vaults.length == 0) revert NoElementsInArray();
            if (r.shares.length != r.vaults.length) revert ArrayLengthsNotEqual();
            if (r.withdrawer != msg.sender) revert NotStaker();
            for (uint256 j = 0; j < r.vaults.length; j++) {
                if (r.shares[j] == 0) revert ZeroShares();
                vaultSupervisor.removeShares(msg.sender, r.vaults[j], r.shares[j]);
                emit StartedWithdrawal(r.vaults[j], msg.sender, address(0), r.withdrawer, r.shares[j]);
            }
            QueuedWithdrawal memory w = QueuedWithdrawal({
                staker: msg.sender,
                delegatedTo: address(0),
                nonce: _totalQueued[msg.sender]++,
                start: block.timestamp,
                request: r
            });
            bytes32 root = keccak256(abi.encode(w));
            _pending[root] = true;
            _queued[msg.sender].push(w);
            withdrawalRoots[i] = root;
            withdrawals[i] = w;
        }
    }

    function finishWithdraw(QueuedWithdrawal[] calldata withdrawals) external {
        for (uint256 i = 0; i < withdrawals.length; i++) {
            QueuedWithdrawal calldata w = withdrawals[i];
            bytes32 root = keccak256(abi.encode(w));
            if (w.request.withdrawer != msg.sender) revert WithdrawerNotCaller();
            if (w.start + withdrawalDelay > block.timestamp) revert MinWithdrawDelayNotPassed();
            if (!_pending[root]) revert WithdrawAlreadyCompleted();
            delete _pending[root];
            for (uint256 j = 0; j < w.request.vaults.length; j++) {
                vaultSupervisor.redeemShares(msg.sender, w.request.vaults[j], w.request.shares[j]);
                emit FinishedWithdrawal(
                    w.request.vaults[j], w.staker, w.delegatedTo, w.request.withdrawer, w.request.shares[j], root
                );
            }
        }
    }

    function fetchQueuedWithdrawals(address staker) external view returns (QueuedWithdrawal[] memory) {
        return _queued[staker];
    }

    function isWithdrawPending(QueuedWithdrawal calldata withdrawal) external view returns (bool) {
        return _pending[keccak256(abi.encode(withdrawal))];
    }
}
