// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title IRocketNetworkBalances
/// @notice The network balances the oDAO reports (roughly daily); rETH's rate is totalETH / rETH supply
///         from here, so it moves in steps.
interface IRocketNetworkBalances {
    /// @notice A report took effect (v1.3 and later; v1.2 emitted a different BalancesUpdated).
    event BalancesUpdated(uint256 indexed block, uint256 slotTimestamp, uint256 totalEth, uint256 stakingEth, uint256 rethSupply, uint256 blockTimestamp);

    /// @notice A trusted member voted for a report.
    event BalancesSubmitted(address indexed from, uint256 block, uint256 slotTimestamp, uint256 totalEth, uint256 stakingEth, uint256 rethSupply, uint256 blockTimestamp);

    function submitBalances(uint256 _block, uint256 _slotTimestamp, uint256 _totalEth, uint256 _stakingEth, uint256 _rethSupply) external;
    function executeUpdateBalances(uint256 _block, uint256 _slotTimestamp, uint256 _totalEth, uint256 _stakingEth, uint256 _rethSupply) external;
    function getBalancesBlock() external view returns (uint256);
    function getBalancesTimestamp() external view returns (uint256);
    function getTotalETHBalance() external view returns (uint256);
    function getStakingETHBalance() external view returns (uint256);
    function getTotalRETHSupply() external view returns (uint256);
    function getETHUtilizationRate() external view returns (uint256);
}
