// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {WithdrawRequest, QueuedWithdrawal} from "abi/karak/KarakV1Types.sol";

/// @title IDelegationSupervisor
/// @notice Karak v1 DelegationSupervisor: the two-step withdrawal of supervisor-credited vault shares
///         (karak.md §1.1). startWithdraw removes the shares from the staker's credit at once and queues a
///         withdrawal; after withdrawalDelay() finishWithdraw redeems them at the rate of that moment and pays
///         the withdrawer. Unchanged from v1.1 to v1.3 (which only made it UUPS-upgradeable).
/// @dev No official ABI JSON exists for this contract; its signatures are those karak.md §1 lists.
///      Delegation itself is not enabled in v1.
interface IDelegationSupervisor {
    /// @notice A zero address was given.
    error ZeroAddress();

    /// @notice A request's withdrawer is not the caller.
    error NotStaker();

    /// @notice The caller of finishWithdraw is not the withdrawal's withdrawer.
    error WithdrawerNotCaller();

    /// @notice The withdrawal delay has not passed since the withdrawal started.
    error MinWithdrawDelayNotPassed();

    /// @notice This withdrawal root was finished before.
    error WithdrawAlreadyCompleted();

    /// @notice An empty array was given.
    error NoElementsInArray();

    /// @notice Arrays of different lengths were given.
    error ArrayLengthsNotEqual();

    /// @notice A withdrawal delay above MAX_WITHDRAWAL_DELAY (30 days) was set.
    error InvalidWithdrawalDelay();

    /// @notice startWithdraw was given no request.
    error InvalidInput();

    /// @notice A request asked to withdraw 0 shares of a vault.
    error ZeroShares();

    /// @notice The caller is not the VaultSupervisor.
    error NotVaultSupervisor();

    /// @notice `staker` started withdrawing `shares` of `vault` (to `withdrawer`); `operator` is its delegate.
    event StartedWithdrawal(
        address indexed vault, address indexed staker, address indexed operator, address withdrawer, uint256 shares
    );

    /// @notice The withdrawal `withdrawRoot` of `shares` of `vault` by `staker` was finished and paid to `withdrawer`.
    event FinishedWithdrawal(
        address indexed vault,
        address indexed staker,
        address indexed operator,
        address withdrawer,
        uint256 shares,
        bytes32 withdrawRoot
    );

    /// @notice Queues the withdrawals `requests` of the caller (each request's withdrawer must be the caller);
    ///         the shares leave the caller's credit now.
    function startWithdraw(WithdrawRequest[] calldata requests)
        external
        returns (bytes32[] memory withdrawalRoots, QueuedWithdrawal[] memory withdrawals);

    /// @notice Finishes `withdrawals` (as returned by startWithdraw / fetchQueuedWithdrawals, byte-exact) once
    ///         start + withdrawalDelay() has passed, paying each withdrawer; each root finishes once.
    function finishWithdraw(QueuedWithdrawal[] calldata withdrawals) external;

    /// @notice Every withdrawal `staker` queued, finished ones included (filter with isWithdrawPending).
    function fetchQueuedWithdrawals(address staker) external view returns (QueuedWithdrawal[] memory);

    /// @notice Whether `withdrawal` is queued and not yet finished.
    function isWithdrawPending(QueuedWithdrawal calldata withdrawal) external view returns (bool);

    /// @notice Seconds from startWithdraw until finishWithdraw may run (mutable by the manager, at most 30 days).
    function withdrawalDelay() external view returns (uint256);
}
