// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IEigenLayerPausable, IEigenLayerInitializable} from "abi/eigenlayer/EigenLayerCommon.sol";

/// @title IStrategy
/// @notice An EigenLayer strategy (StrategyBase): holds one underlying token and issues shares for it,
///         with virtual offsets against inflation attacks. Only the StrategyManager moves tokens.
interface IStrategy is IEigenLayerPausable, IEigenLayerInitializable {
    // ---------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------

    /// @notice A deposit would take the strategy over its total deposit limit (TVL-limited strategies).
    error BalanceExceedsMaxTotalDeposits();

    /// @notice The per-deposit limit would exceed the total limit (TVL-limited strategies).
    error MaxPerDepositExceedsMax();

    /// @notice A deposit would mint zero shares.
    error NewSharesZero();

    /// @notice Only the StrategyManager may call this.
    error OnlyStrategyManager();

    /// @notice The token is not the strategy's underlying token.
    error OnlyUnderlyingToken();

    /// @notice Total shares would exceed the cap.
    error TotalSharesExceedsMax();

    /// @notice A withdrawal of more shares than exist.
    error WithdrawalAmountExceedsTotalDeposits();

    // ---------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------

    /// @notice Underlying per share, scaled by 1e18, after a deposit or withdrawal.
    event ExchangeRateEmitted(uint256 rate);

    /// @notice The underlying token and its decimals, at initialisation.
    event StrategyTokenSet(address token, uint8 decimals);

    // ---------------------------------------------------------------------
    // StrategyManager only
    // ---------------------------------------------------------------------

    /// @notice Mints shares for `amount` of `token` already transferred in; returns the new shares.
    function deposit(address token, uint256 amount) external returns (uint256 newShares);

    /// @notice Burns `amountShares` and sends the underlying `token` to `recipient`; returns the amount.
    function withdraw(address recipient, address token, uint256 amountShares) external returns (uint256 amountOut);

    /// @notice Hook before `shares` are credited to `staker`.
    function beforeAddShares(address staker, uint256 shares) external;

    /// @notice Hook before `shares` are removed from `staker`.
    function beforeRemoveShares(address staker, uint256 shares) external;

    // ---------------------------------------------------------------------
    // Views
    // ---------------------------------------------------------------------

    /// @notice Underlying amount worth `amountShares` (the interface allows state changes; StrategyBase is view).
    function sharesToUnderlying(uint256 amountShares) external view returns (uint256);

    /// @notice Underlying amount worth `amountShares`; always a view.
    function sharesToUnderlyingView(uint256 amountShares) external view returns (uint256);

    /// @notice Shares worth `amountUnderlying` (the interface allows state changes; StrategyBase is view).
    function underlyingToShares(uint256 amountUnderlying) external view returns (uint256);

    /// @notice Shares worth `amountUnderlying`; always a view.
    function underlyingToSharesView(uint256 amountUnderlying) external view returns (uint256);

    /// @notice Underlying amount worth the deposit shares of `user` (not view: subclasses may update state).
    function userUnderlying(address user) external returns (uint256);

    /// @notice Underlying amount worth the deposit shares of `user`.
    function userUnderlyingView(address user) external view returns (uint256);

    /// @notice Deposit shares of `user`, as the StrategyManager records them.
    function shares(address user) external view returns (uint256);

    /// @notice Total shares issued.
    function totalShares() external view returns (uint256);

    /// @notice The token this strategy holds.
    function underlyingToken() external view returns (address);

    /// @notice A human-readable description of the strategy.
    function explanation() external pure returns (string memory);

    // ---------------------------------------------------------------------
    // Wiring and setup
    // ---------------------------------------------------------------------

    /// @notice The StrategyManager.
    function strategyManager() external view returns (address);

    /// @notice Initialises the proxy with its underlying token.
    function initialize(address _underlyingToken) external;
}
