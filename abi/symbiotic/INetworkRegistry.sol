// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ISymbioticEntityRegistry} from "abi/symbiotic/SymbioticRegistryBase.sol";

/// @title INetworkRegistry
/// @notice Symbiotic's list of networks. A network registers its own address (msg.sender); only registered
///         networks can set a middleware, be opted in to by operators and receive stake from vaults.
interface INetworkRegistry is ISymbioticEntityRegistry {
    // ---------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------

    /// @notice The caller is already a registered network.
    error NetworkAlreadyRegistered();

    // ---------------------------------------------------------------------
    // Registration
    // ---------------------------------------------------------------------

    /// @notice Registers the caller as a network (emits AddEntity).
    function registerNetwork() external;
}
