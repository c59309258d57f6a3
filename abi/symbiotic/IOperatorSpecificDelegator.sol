// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IBaseNetworkLimitDelegator} from "abi/symbiotic/SymbioticDelegatorBase.sol";

/// @title IOperatorSpecificDelegator
/// @notice Symbiotic v1 delegator of type 2: the whole vault backs one operator, fixed at creation. For that
///         operator stake = min(activeStake, networkLimit) in each subnetwork; every other operator gets 0.
interface IOperatorSpecificDelegator is IBaseNetworkLimitDelegator {
    // ---------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------

    /// @notice The operator given at initialisation is not a registered operator.
    error NotOperator();

    // ---------------------------------------------------------------------
    // Views
    // ---------------------------------------------------------------------

    /// @notice The only operator this vault's stake goes to.
    function operator() external view returns (address);

    /// @notice Symbiotic's OperatorRegistry.
    function OPERATOR_REGISTRY() external view returns (address);
}
