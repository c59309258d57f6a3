// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IStrategy} from "abi/eigenlayer/IStrategy.sol";

/// @title IStrategyBaseTVLLimits
/// @notice A StrategyBase with deposit limits in underlying tokens (mainnet's LST strategies): a deposit
///         above `maxPerDeposit()` reverts `MaxPerDepositExceedsMax()`, and one that leaves the strategy
///         holding more than `maxTotalDeposits()` reverts `BalanceExceedsMaxTotalDeposits()`. Share
///         conversions in the view functions ignore the limits.
interface IStrategyBaseTVLLimits is IStrategy {
    /// @notice `maxPerDeposit` changed from `previousValue` to `newValue`.
    event MaxPerDepositUpdated(uint256 previousValue, uint256 newValue);

    /// @notice `maxTotalDeposits` changed from `previousValue` to `newValue`.
    event MaxTotalDepositsUpdated(uint256 previousValue, uint256 newValue);

    /// @notice The largest single deposit accepted, in underlying tokens.
    function maxPerDeposit() external view returns (uint256);

    /// @notice The largest underlying balance the strategy may hold after a deposit.
    function maxTotalDeposits() external view returns (uint256);

    /// @notice `(maxPerDeposit, maxTotalDeposits)`.
    function getTVLLimits() external view returns (uint256, uint256);

    /// @notice Sets both limits (the unpauser only); reverts `MaxPerDepositExceedsMax()` when
    ///         `newMaxPerDeposit > newMaxTotalDeposits`.
    function setTVLLimits(uint256 newMaxPerDeposit, uint256 newMaxTotalDeposits) external;

    /// @notice Initialises the proxy with its limits and underlying token.
    function initialize(uint256 _maxPerDeposit, uint256 _maxTotalDeposits, address _underlyingToken) external;
}
