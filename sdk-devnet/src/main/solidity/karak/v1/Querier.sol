// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IQuerier} from "abi/karak/IQuerier.sol";
import {QueuedWithdrawal} from "abi/karak/KarakV1Types.sol";
import {DelegationSupervisor} from "./DelegationSupervisor.sol";

/// @title Querier (devnet fixture)
/// @notice Karak v1's read helper (karak.md §1.1): `getWithdraws(staker)` returns the staker's queued withdrawals
///         (DelegationSupervisor.fetchQueuedWithdrawals) and, index by index, isWithdrawPending.
/// @dev Devnet semantics (deviations from Karak v1): none beyond being bound to the devnet's DelegationSupervisor
///      at construction (not upgradeable).
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract Querier is IQuerier {
    DelegationSupervisor public immutable delegationSupervisor;

    constructor(address delegationSupervisor_) {
        delegationSupervisor = DelegationSupervisor(delegationSupervisor_);
    }

    function getWithdraws(address staker)
        external
        view
        returns (QueuedWithdrawal[] memory withdrawals, bool[] memory pending)
    {
        withdrawals = delegationSupervisor.fetchQueuedWithdrawals(staker);
        pending = new bool[](withdrawals.length);
        for (uint256 i = 0; i < withdrawals.length; i++) {
            pending[i] = delegationSupervisor.isWithdrawPending(withdrawals[i]);
        }
    }
}
