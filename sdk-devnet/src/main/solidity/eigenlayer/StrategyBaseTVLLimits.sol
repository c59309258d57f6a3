// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IStrategyBaseTVLLimits} from "abi/eigenlayer/IStrategyBaseTVLLimits.sol";
import {StrategyBase} from "./StrategyBase.sol";

/// @title StrategyBaseTVLLimits (devnet fixture)
/// @notice Our StrategyBase with upstream's deposit limits, in underlying tokens: before shares are
///         minted, a deposit with `amount > maxPerDeposit` reverts `MaxPerDepositExceedsMax()`, then one
///         that leaves the strategy's balance (the tokens have already arrived) above `maxTotalDeposits`
///         reverts `BalanceExceedsMaxTotalDeposits()`, then the base token check runs - upstream's order.
///         `setTVLLimits` emits MaxPerDepositUpdated and MaxTotalDepositsUpdated and reverts
///         `MaxPerDepositExceedsMax()` when the per-deposit limit exceeds the total one. Views ignore the
///         limits, as upstream.
/// @dev Deviations: deployed directly with constructor arguments and limits of type(uint256).max (upstream:
///      a proxy whose `initialize(maxPerDeposit, maxTotalDeposits, token)` sets them; here `initialize`
///      reverts NotSupportedByFixture). `setTVLLimits` is for the deployer, who is the fixture's unpauser
///      (upstream: the PauserRegistry's unpauser). Otherwise the deviations of StrategyBase apply.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract StrategyBaseTVLLimits is StrategyBase, IStrategyBaseTVLLimits {
    /// @notice The largest single deposit accepted, in underlying tokens.
    uint256 public maxPerDeposit = type(uint256).max;

    /// @notice The largest underlying balance the strategy may hold after a deposit.
    uint256 public maxTotalDeposits = type(uint256).max;

    constructor(address strategyManager_, address underlyingToken_) StrategyBase(strategyManager_, underlyingToken_) {}

    /// @notice Not supported: the fixture is configured by its constructor.
    function initialize(uint256, uint256, address) external {
        _unsupported("initialize");
    }

    /// @notice Sets both limits (the unpauser, here the deployer).
    function setTVLLimits(uint256 newMaxPerDeposit, uint256 newMaxTotalDeposits) external onlyUnpauser {
        emit MaxPerDepositUpdated(maxPerDeposit, newMaxPerDeposit);
        emit MaxTotalDepositsUpdated(maxTotalDeposits, newMaxTotalDeposits);
        if (newMaxPerDeposit > newMaxTotalDeposits) revert MaxPerDepositExceedsMax();
        maxPerDeposit = newMaxPerDeposit;
        maxTotalDeposits = newMaxTotalDeposits;
    }

    /// @notice `(maxPerDeposit, maxTotalDeposits)`.
    function getTVLLimits() external view returns (uint256, uint256) {
        return (maxPerDeposit, maxTotalDeposits);
    }

    function _beforeDeposit(address token, uint256 amount) internal virtual override {
        if (amount > maxPerDeposit) revert MaxPerDepositExceedsMax();
        if (_tokenBalance() > maxTotalDeposits) revert BalanceExceedsMaxTotalDeposits();
        super._beforeDeposit(token, amount);
    }
}
