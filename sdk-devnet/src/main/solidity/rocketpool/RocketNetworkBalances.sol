// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IRocketNetworkBalances} from "abi/rocketpool/IRocketNetworkBalances.sol";
import {RocketFixtureBase} from "./RocketFixtureBase.sol";

/// @title RocketNetworkBalances (devnet fixture)
/// @notice The network balances that rETH's exchange rate is computed from: total ETH, staking ETH and
///         the rETH supply as of the last report, kept in RocketStorage under Rocket Pool's keys
///         (keccak256("network.balance.total"), "network.balance.staking", "network.balance.reth.supply",
///         "network.balances.updated.block", "network.balances.updated.timestamp").
/// @dev Devnet semantics (deviations from Rocket Pool):
///      - There is no oracle DAO: the RocketStorage guardian (the deployer) reports with
///        `devnetSubmitBalances`, which takes effect at once (no consensus, no minimum interval and no
///        RPIP-61 limit on how far the rate may move). The report is for the previous block.
///      Implements our abi/rocketpool/IRocketNetworkBalances.sol, which declares the event.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract RocketNetworkBalances is IRocketNetworkBalances, RocketFixtureBase {
    bytes32 private constant BLOCK_KEY = keccak256("network.balances.updated.block");
    bytes32 private constant TIMESTAMP_KEY = keccak256("network.balances.updated.timestamp");
    bytes32 private constant TOTAL_KEY = keccak256("network.balance.total");
    bytes32 private constant STAKING_KEY = keccak256("network.balance.staking");
    bytes32 private constant RETH_SUPPLY_KEY = keccak256("network.balance.reth.supply");

    constructor(address rocketStorageAddress) RocketFixtureBase(rocketStorageAddress) {}

    function getBalancesBlock() external view returns (uint256) {
        return rocketStorage.getUint(BLOCK_KEY);
    }

    function getBalancesTimestamp() external view returns (uint256) {
        return rocketStorage.getUint(TIMESTAMP_KEY);
    }

    function getTotalETHBalance() public view returns (uint256) {
        return rocketStorage.getUint(TOTAL_KEY);
    }

    function getStakingETHBalance() public view returns (uint256) {
        return rocketStorage.getUint(STAKING_KEY);
    }

    function getTotalRETHSupply() external view returns (uint256) {
        return rocketStorage.getUint(RETH_SUPPLY_KEY);
    }

    /// @notice stakingETH / totalETH, 1e18 = 100%; 1e18 while the total is zero.
    function getETHUtilizationRate() external view returns (uint256) {
        uint256 total = getTotalETHBalance();
        if (total == 0) return CALC_BASE;
        return CALC_BASE * getStakingETHBalance() / total;
    }

    /// @notice Devnet oracle: the guardian reports the network balances as of the previous block.
    ///         rETH's rate becomes `totalEth / rethSupply` at once. Emits `BalancesUpdated`.
    function devnetSubmitBalances(uint256 totalEth, uint256 stakingEth, uint256 rethSupply) external onlyGuardian {
        require(stakingEth <= totalEth, "Invalid network balances");
        uint256 reportBlock = block.number - 1;
        rocketStorage.setUint(BLOCK_KEY, reportBlock);
        rocketStorage.setUint(TIMESTAMP_KEY, block.timestamp);
        rocketStorage.setUint(TOTAL_KEY, totalEth);
        rocketStorage.setUint(STAKING_KEY, stakingEth);
        rocketStorage.setUint(RETH_SUPPLY_KEY, rethSupply);
        emit BalancesUpdated(reportBlock, block.timestamp, totalEth, stakingEth, rethSupply, block.timestamp);
    }
}
