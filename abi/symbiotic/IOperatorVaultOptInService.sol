// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ISymbioticOptInService} from "abi/symbiotic/SymbioticRegistryBase.sol";

/// @title IOperatorVaultOptInService
/// @notice Records which operators (`who`, from the OperatorRegistry) opted in to which vaults (`where`, from
///         the VaultFactory). A vault's delegator gives an operator no stake without this opt-in (and the
///         network one). EIP-712 domain name "OperatorVaultOptInService", version "1".
interface IOperatorVaultOptInService is ISymbioticOptInService {}
