// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ISymbioticEntityRegistry} from "abi/symbiotic/SymbioticRegistryBase.sol";

/// @title IOperatorRegistry
/// @notice Symbiotic's list of operators. An operator registers its own address (msg.sender); only registered
///         operators can opt in to vaults and networks.
interface IOperatorRegistry is ISymbioticEntityRegistry {
    // ---------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------

    /// @notice The caller is already a registered operator.
    error OperatorAlreadyRegistered();

    // ---------------------------------------------------------------------
    // Registration
    // ---------------------------------------------------------------------

    /// @notice Registers the caller as an operator (emits AddEntity).
    function registerOperator() external;
}
