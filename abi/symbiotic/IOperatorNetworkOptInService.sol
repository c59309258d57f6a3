// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ISymbioticOptInService} from "abi/symbiotic/SymbioticRegistryBase.sol";

/// @title IOperatorNetworkOptInService
/// @notice Records which operators (`who`, from the OperatorRegistry) opted in to which networks (`where`, from
///         the NetworkRegistry). An operator has no stake for a network's subnetworks without this opt-in (and
///         the vault one). EIP-712 domain name "OperatorNetworkOptInService", version "1".
interface IOperatorNetworkOptInService is ISymbioticOptInService {}
