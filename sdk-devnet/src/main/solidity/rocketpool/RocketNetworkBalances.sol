// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IRocketNetworkBalances} from "abi/rocketpool/IRocketNetworkBalances.sol";
import {RocketFixtureBase} from "./RocketFixtureBase.sol";

/// @title RocketNetworkBalances (devnet fixture)
/// @notice The network balances that rETH's exchange rate is computed from: total ETH, staking ETH and
///         the rETH supply as of the last report, kept in RocketStorage under Rocket Pool's keys
///         (keccak256("network.balance.total"), "network.balance.staking", "network.balance.reth.supply",
///         "network.balances.updated.block", "network.balances.updated.timestamp").
///         Reports follow v1.4's rules: trusted (oDAO) members vote with
///         `submitBalances(block, slotTimestamp, totalEth, stakingEth, rethSupply)` (one vote per member and
///         report: "Duplicate submission from node"; block < block.number and >= the last report's block);
///         a report takes effect when 1e18 * votes / members >= the consensus threshold (0.51e18), and
///         then only if at least 95% of the submit frequency (86400 s) has passed since the last update
///         ("Not enough time has passed") and, after the first report, the rate totalEth / rethSupply moves
///         by at most the max rETH delta (2%, RPIP-61) of the current rate ("Change exceeds maximum").
///         `executeUpdateBalances` applies a report that reached consensus ("Consensus has not been reached").
/// @dev Devnet semantics (deviations from Rocket Pool):
///      - There is no RocketDAONodeTrusted contract: the member list lives here and the RocketStorage
///        guardian edits it (`devnetSetMember`); the deployer is the only member after deployment.
///      - The network settings (submit balances enabled, frequency, consensus threshold, max rETH delta)
///        live in RocketStorage under the pDAO "network" keys with upstream's defaults, written by the
///        constructor; there is no RocketDAOProtocolSettingsNetwork contract to read them from.
///      Implements our abi/rocketpool/IRocketNetworkBalances.sol, which declares the events.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract RocketNetworkBalances is IRocketNetworkBalances, RocketFixtureBase {
    bytes32 private constant BLOCK_KEY = keccak256("network.balances.updated.block");
    bytes32 private constant TIMESTAMP_KEY = keccak256("network.balances.updated.timestamp");
    bytes32 private constant TOTAL_KEY = keccak256("network.balance.total");
    bytes32 private constant STAKING_KEY = keccak256("network.balance.staking");
    bytes32 private constant RETH_SUPPLY_KEY = keccak256("network.balance.reth.supply");

    /// @dev The trusted members (stand-in for RocketDAONodeTrusted).
    mapping(address => bool) private _member;
    uint256 private _memberCount;

    constructor(address rocketStorageAddress) RocketFixtureBase(rocketStorageAddress) {
        if (!rocketStorage.getDeployedStatus()) {
            rocketStorage.setBool(_settingKey("network", "network.submit.balances.enabled"), true);
            rocketStorage.setUint(_settingKey("network", "network.submit.balances.frequency"), 1 days);
            rocketStorage.setUint(_settingKey("network", "network.consensus.threshold"), 0.51 ether);
            rocketStorage.setUint(_settingKey("network", "network.max.reth.balance.delta"), 0.02 ether);
        }
        _member[msg.sender] = true;
        _memberCount = 1;
    }

    function getBalancesBlock() public view returns (uint256) {
        return rocketStorage.getUint(BLOCK_KEY);
    }

    function getBalancesTimestamp() public view returns (uint256) {
        return rocketStorage.getUint(TIMESTAMP_KEY);
    }

    function getTotalETHBalance() public view returns (uint256) {
        return rocketStorage.getUint(TOTAL_KEY);
    }

    function getStakingETHBalance() public view returns (uint256) {
        return rocketStorage.getUint(STAKING_KEY);
    }

    function getTotalRETHSupply() public view returns (uint256) {
        return rocketStorage.getUint(RETH_SUPPLY_KEY);
    }

    /// @notice stakingETH / totalETH, 1e18 = 100%; 1e18 while the total is zero.
    function getETHUtilizationRate() external view returns (uint256) {
        uint256 total = getTotalETHBalance();
        if (total == 0) return CALC_BASE;
        return CALC_BASE * getStakingETHBalance() / total;
    }

    // ------------------------------------------------------------------ settings and members

    function getSubmitBalancesFrequency() public view returns (uint256) {
        return rocketStorage.getUint(_settingKey("network", "network.submit.balances.frequency"));
    }

    function getNodeConsensusThreshold() public view returns (uint256) {
        return rocketStorage.getUint(_settingKey("network", "network.consensus.threshold"));
    }

    function getMaxRethDelta() public view returns (uint256) {
        return rocketStorage.getUint(_settingKey("network", "network.max.reth.balance.delta"));
    }

    function getMemberCount() public view returns (uint256) {
        return _memberCount;
    }

    function getMemberIsValid(address account) external view returns (bool) {
        return _member[account];
    }

    /// @notice Devnet: the guardian adds or removes a trusted member.
    function devnetSetMember(address account, bool trusted) external onlyGuardian {
        if (_member[account] == trusted) return;
        _member[account] = trusted;
        if (trusted) _memberCount += 1;
        else _memberCount -= 1;
    }

    // ------------------------------------------------------------------ reports

    /// @notice A trusted member's vote for a report; applies it once the votes reach consensus.
    function submitBalances(uint256 _block, uint256 _slotTimestamp, uint256 _totalEth, uint256 _stakingEth, uint256 _rethSupply)
        external
        onlyLatestContract("rocketNetworkBalances", address(this))
    {
        require(_member[msg.sender], "Invalid trusted node");
        require(rocketStorage.getBool(_settingKey("network", "network.submit.balances.enabled")),
            "Submitting balances is currently disabled");
        require(_block < block.number, "Balances can not be submitted for a future block");
        uint256 lastBlock = getBalancesBlock();
        require(_block >= lastBlock, "Network balances for a higher block are set");
        bytes32 voteKey = keccak256(abi.encodePacked("network.balances.submitted.node", msg.sender, _block,
            _slotTimestamp, _totalEth, _stakingEth, _rethSupply));
        bytes32 countKey = _countKey(_block, _slotTimestamp, _totalEth, _stakingEth, _rethSupply);
        require(!rocketStorage.getBool(voteKey), "Duplicate submission from node");
        rocketStorage.setBool(voteKey, true);
        uint256 votes = rocketStorage.getUint(countKey) + 1;
        rocketStorage.setUint(countKey, votes);
        emit BalancesSubmitted(msg.sender, _block, _slotTimestamp, _totalEth, _stakingEth, _rethSupply, block.timestamp);
        if (_block == lastBlock) return;
        if (CALC_BASE * votes / _memberCount >= getNodeConsensusThreshold()) {
            _update(_block, _slotTimestamp, _totalEth, _stakingEth, _rethSupply);
        }
    }

    /// @notice Applies a report whose votes reached consensus (e.g. after members were removed).
    function executeUpdateBalances(uint256 _block, uint256 _slotTimestamp, uint256 _totalEth, uint256 _stakingEth, uint256 _rethSupply)
        external
        onlyLatestContract("rocketNetworkBalances", address(this))
    {
        require(rocketStorage.getBool(_settingKey("network", "network.submit.balances.enabled")),
            "Submitting balances is currently disabled");
        require(_block < block.number, "Balances can not be submitted for a future block");
        require(_block > getBalancesBlock(), "Network balances for an equal or higher block are set");
        require(_stakingEth <= _totalEth, "Invalid network balances");
        uint256 votes = rocketStorage.getUint(_countKey(_block, _slotTimestamp, _totalEth, _stakingEth, _rethSupply));
        require(CALC_BASE * votes / _memberCount >= getNodeConsensusThreshold(), "Consensus has not been reached");
        _update(_block, _slotTimestamp, _totalEth, _stakingEth, _rethSupply);
    }

    function _countKey(uint256 b, uint256 ts, uint256 total, uint256 staking, uint256 supply) private pure returns (bytes32) {
        return keccak256(abi.encodePacked("network.balances.submitted.count", b, ts, total, staking, supply));
    }

    /// @dev The frequency and RPIP-61 checks, then the write.
    function _update(uint256 _block, uint256 _slotTimestamp, uint256 _totalEth, uint256 _stakingEth, uint256 _rethSupply) private {
        uint256 earliest = getBalancesTimestamp() + getSubmitBalancesFrequency() * 95 / 100;
        require(block.timestamp >= earliest, "Not enough time has passed");
        rocketStorage.setUint(TIMESTAMP_KEY, block.timestamp);
        uint256 currentTotal = getTotalETHBalance();
        if (currentTotal > 0) {
            uint256 currentRate = CALC_BASE * currentTotal / getTotalRETHSupply();
            uint256 newRate = CALC_BASE * _totalEth / _rethSupply;
            uint256 maxChange = currentRate * getMaxRethDelta() / CALC_BASE;
            uint256 change = newRate > currentRate ? newRate - currentRate : currentRate - newRate;
            require(change <= maxChange, "Change exceeds maximum");
        }
        rocketStorage.setUint(BLOCK_KEY, _block);
        rocketStorage.setUint(TOTAL_KEY, _totalEth);
        rocketStorage.setUint(STAKING_KEY, _stakingEth);
        rocketStorage.setUint(RETH_SUPPLY_KEY, _rethSupply);
        emit BalancesUpdated(_block, _slotTimestamp, _totalEth, _stakingEth, _rethSupply, block.timestamp);
    }
}
