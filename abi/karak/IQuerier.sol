// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {QueuedWithdrawal} from "abi/karak/KarakV1Types.sol";

/// @title IQuerier
/// @notice Karak v1 read helper (karak.md §1.1): a staker's queued withdrawals with their pending flags in
///         one call.
/// @dev Only getWithdraws is listed in karak.md; its address is not among the facts' addresses.
interface IQuerier {
    /// @notice The withdrawals `staker` queued and, index by index, whether each is still pending.
    function getWithdraws(address staker)
        external
        view
        returns (QueuedWithdrawal[] memory withdrawals, bool[] memory pending);
}
