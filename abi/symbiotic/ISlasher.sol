// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IBaseSlasher} from "abi/symbiotic/SymbioticSlasherBase.sol";

/// @title ISlasher
/// @notice Symbiotic v1 instant slasher (type 0): the network's middleware slashes in one call, with no warning
///         period for stakers. Each slash emits Slash, filterable by subnetwork and operator.
interface ISlasher is IBaseSlasher {
    // ---------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------

    /// @notice `slashedAmount` of collateral was taken for `operator` in `subnetwork`, for stake captured at
    ///         `captureTimestamp`. Not the V2 AppAdapter's Slash(uint256) (other topic0).
    event Slash(bytes32 indexed subnetwork, address indexed operator, uint256 slashedAmount, uint48 captureTimestamp);

    // ---------------------------------------------------------------------
    // Network middleware only
    // ---------------------------------------------------------------------

    /// @notice Slashes up to `amount` from `operator` in `subnetwork` for stake at `captureTimestamp`; returns
    ///         what was actually slashed (at most the slashable stake).
    function slash(bytes32 subnetwork, address operator, uint256 amount, uint48 captureTimestamp, bytes calldata hints)
        external
        returns (uint256 slashedAmount);
}
