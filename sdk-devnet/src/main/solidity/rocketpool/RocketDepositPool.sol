// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IRocketDepositPool} from "abi/rocketpool/IRocketDepositPool.sol";
import {IRocketTokenRETH} from "abi/rocketpool/IRocketTokenRETH.sol";
import {IRocketNetworkBalances} from "abi/rocketpool/IRocketNetworkBalances.sol";
import {IRocketDAOProtocolSettingsDeposit} from "abi/rocketpool/IRocketDAOProtocolSettingsDeposit.sol";
import {IRocketVault} from "abi/rocketpool/IRocketVault.sol";
import {RocketFixtureBase} from "./RocketFixtureBase.sol";

/// @title RocketDepositPool (devnet fixture)
/// @notice Rocket Pool's deposit entry point (v1.4 rules), finding rETH, the network balances and the
///         deposit settings through RocketStorage on every call:
///         - `deposit()` requires deposits enabled ("Deposits into Rocket Pool are currently disabled"),
///           msg.value >= the minimum ("The deposited amount is less than the minimum deposit size") and
///           getBalance() + msg.value <= the maximum pool size, plus the queue's capacity when assignments
///           are enabled ("The deposit pool size after depositing exceeds the maximum size");
///         - fee = floor(msg.value * depositFee / 1e18); rETH mints getRethValue(msg.value - fee) to the
///           sender (TokensMinted, Transfer), then DepositReceived(sender, msg.value, time);
///         - the ETH first tops rETH's collateral up to the target rate
///           (floor(totalETH * target / 1e18) - rETH's balance), the rest goes to RocketVault
///           (`depositEther`, credited to "rocketDepositPool");
///         - getBalance() = RocketVault's balanceOf("rocketDepositPool"); ETH leaving the pool (rETH's
///           burns through `withdrawExcessBalance`) is withdrawn from the vault first
///           (`withdrawEther`, paid through `receiveVaultWithdrawalETH`, which only the vault may call);
///         - getMaximumDepositAmount() = the remaining headroom, 0 while deposits are disabled;
///         - getExcessBalance() = the balance above the queue's capacity, which rETH may withdraw for
///           burns (`withdrawExcessBalance`, ExcessWithdrawn).
/// @dev Devnet semantics (deviations from Rocket Pool):
///      - No validator queue: its capacity is 0, queue views return 0 and assignments do nothing;
///        the requested total is read from RocketStorage (keccak256("deposit.pool.requested.total")) and
///        is 0 on the devnet. Instead the guardian moves pool ETH "to validators" with
///        `devnetAssignToValidators` (the ETH goes to the guardian; FundsAssigned), which shrinks the
///        excess balance and so rETH's collateral.
///      - The target collateral rate is read from RocketStorage under the pDAO network setting key
///        "network.reth.collateral.target"; the constructor writes upstream's default (10%) during
///        deployment, and the guardian may change it with `devnetSetTargetRethCollateralRate`.
///      Implements our abi/rocketpool/IRocketDepositPool.sol, which declares the events;
///      `withdrawExcessBalance` and `recycleExcessCollateral` are upstream's functions for rETH.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract RocketDepositPool is IRocketDepositPool, RocketFixtureBase {
    /// @dev Upstream's key is an unhashed string literal.
    bytes32 private constant NODE_BALANCE_KEY = "deposit.pool.node.balance";
    bytes32 private constant REQUESTED_TOTAL_KEY = keccak256("deposit.pool.requested.total");
    bytes32 private constant QUEUE_INDEX_KEY = keccak256("megapool.queue.index");
    bytes32 private constant QUEUE_MOVED_KEY = keccak256("megapool.queue.moved");

    /// @dev Not upgraded, so looked up once, as upstream.
    IRocketVault private immutable rocketVault;
    /// @dev The devnet has no queue entries; kept in state so the views stay views.
    uint256 private _queueLength;

    constructor(address rocketStorageAddress) RocketFixtureBase(rocketStorageAddress) {
        rocketVault = IRocketVault(_contract("rocketVault"));
        if (!rocketStorage.getDeployedStatus()) {
            rocketStorage.setUint(_targetCollateralKey(), 0.1 ether);
        }
    }

    modifier onlyThisLatestContract() {
        require(address(this) == _registered("rocketDepositPool"), "Invalid or outdated contract");
        _;
    }

    // ------------------------------------------------------------------ balances

    function getBalance() public view returns (uint256) {
        return rocketVault.balanceOf("rocketDepositPool");
    }

    /// @notice The vault's withdrawals arrive here; the registered RocketVault only.
    function receiveVaultWithdrawalETH()
        external
        payable
        onlyThisLatestContract
        onlyLatestContract("rocketVault", msg.sender)
    {}

    /// @notice ETH node operators put in the pool while waiting in the queue (0 on the devnet).
    function getNodeBalance() public view returns (uint256) {
        return rocketStorage.getUint(NODE_BALANCE_KEY);
    }

    function getUserBalance() external view returns (int256) {
        return int256(getBalance()) - int256(getNodeBalance());
    }

    function getNodeCreditBalance(address _nodeAddress) external view returns (uint256) {
        return rocketStorage.getUint(keccak256(abi.encodePacked("node.deposit.credit.balance", _nodeAddress)));
    }

    /// @notice The balance above the queue's capacity (the devnet's queue has none).
    function getExcessBalance() public view returns (uint256) {
        uint256 capacity = _queueCapacity();
        uint256 balance = getBalance();
        return capacity >= balance ? 0 : balance - capacity;
    }

    function _queueCapacity() private view returns (uint256) {
        return rocketStorage.getUint(REQUESTED_TOTAL_KEY);
    }

    // ------------------------------------------------------------------ deposits

    function deposit() external payable onlyThisLatestContract {
        IRocketDAOProtocolSettingsDeposit settings = _settings();
        require(settings.getDepositEnabled(), "Deposits into Rocket Pool are currently disabled");
        require(msg.value >= settings.getMinimumDeposit(), "The deposited amount is less than the minimum deposit size");
        uint256 capacityNeeded = getBalance() + msg.value;
        uint256 maximum = settings.getMaximumDepositPoolSize();
        if (capacityNeeded > maximum) {
            if (settings.getAssignDepositsEnabled()) {
                require(capacityNeeded <= maximum + _queueCapacity(),
                    "The deposit pool size after depositing exceeds the maximum size");
            } else {
                revert("The deposit pool size after depositing exceeds the maximum size");
            }
        }
        uint256 fee = msg.value * settings.getDepositFee() / CALC_BASE;
        _reth().mint(msg.value - fee, msg.sender);
        emit DepositReceived(msg.sender, msg.value, block.timestamp);
        _processDeposit();
    }

    /// @notice The headroom left for deposits; 0 while they are disabled.
    function getMaximumDepositAmount() external view returns (uint256) {
        IRocketDAOProtocolSettingsDeposit settings = _settings();
        if (!settings.getDepositEnabled()) return 0;
        uint256 maximum = settings.getMaximumDepositPoolSize();
        if (settings.getAssignDepositsEnabled()) {
            maximum += _queueCapacity();
        }
        uint256 balance = getBalance();
        return balance >= maximum ? 0 : maximum - balance;
    }

    /// @dev Routes msg.value: first rETH's collateral shortfall, the rest into the vault.
    function _processDeposit() private {
        uint256 toReth = _rethCollateralShortfall();
        if (toReth > msg.value) toReth = msg.value;
        uint256 toVault = msg.value - toReth;
        if (toReth > 0) {
            _reth().depositExcess{value: toReth}();
        }
        if (toVault > 0) {
            rocketVault.depositEther{value: toVault}();
        }
    }

    /// @dev floor(totalETH * target / 1e18) minus rETH's ETH balance, or 0.
    function _rethCollateralShortfall() private view returns (uint256) {
        uint256 totalEth = IRocketNetworkBalances(_contract("rocketNetworkBalances")).getTotalETHBalance();
        uint256 target = totalEth * rocketStorage.getUint(_targetCollateralKey()) / CALC_BASE;
        uint256 held = _contract("rocketTokenRETH").balance;
        return target > held ? target - held : 0;
    }

    // ------------------------------------------------------------------ rETH collateral

    /// @notice rETH pulls ETH for burns out of the excess balance.
    function withdrawExcessBalance(uint256 _amount)
        external
        onlyThisLatestContract
        onlyLatestContract("rocketTokenRETH", msg.sender)
    {
        require(_amount <= getExcessBalance(), "Insufficient excess balance for withdrawal");
        rocketVault.withdrawEther(_amount);
        _reth().depositExcess{value: _amount}();
        emit ExcessWithdrawn(msg.sender, _amount, block.timestamp);
    }

    /// @notice rETH returns collateral above its target rate.
    function recycleExcessCollateral()
        external
        payable
        onlyThisLatestContract
        onlyLatestContract("rocketTokenRETH", msg.sender)
    {
        emit DepositRecycled(msg.sender, msg.value, block.timestamp);
        _processDeposit();
    }

    // ------------------------------------------------------------------ queue (empty on the devnet)

    /// @notice Assigns up to `_max` queue entries if assignments are enabled (the devnet queue is empty).
    function maybeAssignDeposits(uint256 _max) external onlyThisLatestContract {
        require(_max > 0, "Must assign at least 1");
        if (!_settings().getAssignDepositsEnabled()) return;
        _assignFromQueue(_max);
    }

    /// @notice Assigns up to `_max` queue entries; reverts while assignments are disabled.
    function assignDeposits(uint256 _max) external onlyThisLatestContract {
        require(_max > 0, "Must assign at least 1");
        require(_settings().getAssignDepositsEnabled(), "Deposit assignments are disabled");
        _assignFromQueue(_max);
    }

    /// @dev The devnet queue never holds entries, so this loop never runs.
    function _assignFromQueue(uint256 max) private {
        for (uint256 i = 0; i < max && _queueLength > 0; i++) {
            _queueLength -= 1;
        }
    }

    function getQueueTop() external view returns (address receiver, bool assignmentPossible, uint256 headMovedBlock) {
        return (address(0), false, rocketStorage.getUint(QUEUE_MOVED_KEY));
    }

    function getQueueIndex() external view returns (uint256) {
        return rocketStorage.getUint(QUEUE_INDEX_KEY);
    }

    function getMinipoolQueueLength() external view returns (uint256) {
        return _queueLength;
    }

    function getExpressQueueLength() external view returns (uint256) {
        return _queueLength;
    }

    function getStandardQueueLength() external view returns (uint256) {
        return _queueLength;
    }

    function getTotalQueueLength() external view returns (uint256) {
        return _queueLength;
    }

    // ------------------------------------------------------------------ devnet controls

    /// @notice Devnet: withdraws `amount` of the pool's ETH from the vault and moves it "to validators" (to the guardian). The network
    ///         still owns it, so reports keep counting it, but it is no longer collateral for burns.
    function devnetAssignToValidators(uint256 amount) external onlyGuardian {
        require(amount <= getBalance(), "DEVNET_INSUFFICIENT_POOL_BALANCE");
        rocketVault.withdrawEther(amount);
        emit FundsAssigned(msg.sender, amount, block.timestamp);
        (bool sent,) = msg.sender.call{value: amount}("");
        require(sent, "DEVNET_ETHER_NOT_SENT");
    }

    /// @notice Devnet: sets rETH's target collateral rate (1e18 = 100%; default 10%).
    function devnetSetTargetRethCollateralRate(uint256 rate) external onlyGuardian {
        rocketStorage.setUint(_targetCollateralKey(), rate);
    }

    /// @notice rETH's target collateral rate, 1e18 = 100%.
    function devnetTargetRethCollateralRate() external view returns (uint256) {
        return rocketStorage.getUint(_targetCollateralKey());
    }

    // ------------------------------------------------------------------ lookups

    function _settings() private view returns (IRocketDAOProtocolSettingsDeposit) {
        return IRocketDAOProtocolSettingsDeposit(_contract("rocketDAOProtocolSettingsDeposit"));
    }

    function _reth() private view returns (IRocketTokenRETH) {
        return IRocketTokenRETH(payable(_contract("rocketTokenRETH")));
    }

    function _targetCollateralKey() private pure returns (bytes32) {
        return _settingKey("network", "network.reth.collateral.target");
    }
}
