// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IBaseDelegator} from "abi/symbiotic/SymbioticDelegatorBase.sol";

/// @title IOperatorNetworkSpecificDelegator
/// @notice Symbiotic v1 delegator of type 3: the whole vault backs one operator in one network, both fixed at
///         creation. stake = min(activeStake, maxNetworkLimit) for that (network, operator) pair and 0 for every
///         other; there is no separate network limit, only the network's own cap.
interface IOperatorNetworkSpecificDelegator is IBaseDelegator {
    // ---------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------

    /// @notice setMaxNetworkLimit by a registered network other than this delegator's network() (an unregistered
    ///         one, here or at initialisation, gets NotNetwork()).
    error InvalidNetwork();

    /// @notice The operator given at initialisation is not a registered operator.
    error NotOperator();

    // ---------------------------------------------------------------------
    // Views
    // ---------------------------------------------------------------------

    /// @notice The only network this vault's stake goes to.
    function network() external view returns (address);

    /// @notice The only operator this vault's stake goes to.
    function operator() external view returns (address);

    /// @notice Same as maxNetworkLimit, at `timestamp`; `hint` may be empty.
    function maxNetworkLimitAt(bytes32 subnetwork, uint48 timestamp, bytes calldata hint)
        external
        view
        returns (uint256);

    /// @notice Symbiotic's OperatorRegistry.
    function OPERATOR_REGISTRY() external view returns (address);
}
