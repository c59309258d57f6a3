// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ISymbioticEntityRegistry} from "abi/symbiotic/SymbioticRegistryBase.sol";
import {IDefaultStakerRewards} from "abi/symbiotic/IDefaultStakerRewards.sol";

/// @title IDefaultStakerRewardsFactory
/// @notice Creates DefaultStakerRewards clones (one per vault) and lists them: a rewards contract is genuine
///         only if `isEntity` says so. New clones are announced by AddEntity.
interface IDefaultStakerRewardsFactory is ISymbioticEntityRegistry {
    // ---------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------

    /// @notice Deploying the minimal-proxy clone failed.
    error ERC1167FailedCreateClone();

    // ---------------------------------------------------------------------
    // Create
    // ---------------------------------------------------------------------

    /// @notice Deploys and initialises a DefaultStakerRewards clone with `params`; returns its address.
    function create(IDefaultStakerRewards.InitParams calldata params) external returns (address);
}
