// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IERC20} from "abi/common/IERC20.sol";
import {IStrategy} from "abi/eigenlayer/IStrategy.sol";
import {FixturePausable} from "./FixtureSupport.sol";
import {StrategyManager} from "./StrategyManager.sol";

/// @title StrategyBase (devnet fixture)
/// @notice One strategy per ERC-20 token, with EigenLayer's IStrategy surface and its exchange-rate
///         math: virtual offsets SHARES_OFFSET = BALANCE_OFFSET = 1e3 guard against inflation
///         attacks, so `newShares = amount * (totalShares + 1e3) / (balanceAfter + 1e3 - amount)`.
///         Only the StrategyManager deposits and withdraws. A deposit of tokens that takes a fee on
///         transfer is credited by what actually arrived, as upstream does.
/// @dev Deviation: deployed directly with constructor arguments (upstream: a beacon proxy set up by
///      `initialize`). TVL limits live in the subclass StrategyBaseTVLLimits. Pause flags are upstream's
///      (0 deposits, 1 withdrawals), set by the deployer (no PauserRegistry, see FixturePausable).
///      It implements our abi/eigenlayer/IStrategy.sol, which describes the deployed StrategyBase
///      (sharesToUnderlying / underlyingToShares `view`, explanation `pure`; upstream's IStrategy
///      declares them less strictly).
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract StrategyBase is IStrategy, FixturePausable {

    uint256 internal constant SHARES_OFFSET = 1e3;
    uint256 internal constant BALANCE_OFFSET = 1e3;
    uint256 internal constant MAX_TOTAL_SHARES = 1e38 - 1;
    /// @dev Upstream's pause flags: deposits (0) and withdrawals (1).
    uint8 internal constant PAUSED_DEPOSITS = 0;
    uint8 internal constant PAUSED_WITHDRAWALS = 1;

    /// @notice The StrategyManager, the only account that may deposit or withdraw.
    address public immutable strategyManager;

    /// @notice The token this strategy holds.
    address public immutable underlyingToken;

    /// @notice Shares issued by this strategy (virtual offset excluded).
    uint256 public totalShares;

    constructor(address strategyManager_, address underlyingToken_) {
        if (strategyManager_ == address(0) || underlyingToken_ == address(0)) revert InputAddressZero();
        strategyManager = strategyManager_;
        underlyingToken = underlyingToken_;
        emit StrategyTokenSet(underlyingToken_, IERC20(underlyingToken_).decimals());
    }

    /// @notice Not supported: the fixture is configured by its constructor.
    function initialize(address) external {
        _unsupported("initialize");
    }

    modifier onlyStrategyManager() {
        if (msg.sender != strategyManager) revert OnlyStrategyManager();
        _;
    }

    /// @notice Credits shares for `amount` of `token` that the StrategyManager already sent here.
    /// @return newShares the shares issued
    function deposit(address token, uint256 amount)
        external
        virtual
        onlyWhenNotPaused(PAUSED_DEPOSITS)
        onlyStrategyManager
        returns (uint256 newShares)
    {
        _beforeDeposit(token, amount);
        uint256 priorTotalShares = totalShares;
        uint256 virtualShareAmount = priorTotalShares + SHARES_OFFSET;
        uint256 virtualTokenBalance = _tokenBalance() + BALANCE_OFFSET;
        // the tokens already arrived: the balance before the deposit is the current one minus `amount`
        uint256 virtualPriorTokenBalance = virtualTokenBalance - amount;
        newShares = (amount * virtualShareAmount) / virtualPriorTokenBalance;
        if (newShares == 0) revert NewSharesZero();
        uint256 newTotalShares = priorTotalShares + newShares;
        if (newTotalShares > MAX_TOTAL_SHARES) revert TotalSharesExceedsMax();
        totalShares = newTotalShares;
        _emitExchangeRate(virtualTokenBalance, newTotalShares + SHARES_OFFSET);
    }

    /// @notice Burns `amountShares` and sends the matching tokens to `recipient`.
    /// @return amountOut the tokens sent
    function withdraw(address recipient, address token, uint256 amountShares)
        external
        virtual
        onlyWhenNotPaused(PAUSED_WITHDRAWALS)
        onlyStrategyManager
        returns (uint256 amountOut)
    {
        _beforeWithdrawal(token);
        uint256 priorTotalShares = totalShares;
        if (amountShares > priorTotalShares) revert WithdrawalAmountExceedsTotalDeposits();
        uint256 virtualPriorTotalShares = priorTotalShares + SHARES_OFFSET;
        uint256 virtualTokenBalance = _tokenBalance() + BALANCE_OFFSET;
        amountOut = (virtualTokenBalance * amountShares) / virtualPriorTotalShares;
        totalShares = priorTotalShares - amountShares;
        _emitExchangeRate(virtualTokenBalance - amountOut, totalShares + SHARES_OFFSET);
        if (amountOut != 0) {
            _afterWithdrawal(recipient, token, amountOut);
        }
    }

    /// @dev Runs before shares are minted for `amount` of `token` (already transferred in): only the
    ///      underlying token is accepted here. Subclasses may accept other tokens and convert them into
    ///      the underlying token, so that the balance the shares are computed from includes `amount`.
    function _beforeDeposit(address token, uint256 /* amount */) internal virtual {
        if (token != underlyingToken) revert OnlyUnderlyingToken();
    }

    /// @dev Runs before shares are burnt for a withdrawal paid in `token`: only the underlying token here.
    function _beforeWithdrawal(address token) internal view virtual {
        if (token != underlyingToken) revert OnlyUnderlyingToken();
    }

    /// @dev Sends `amountOut` of the underlying token, owed for the burnt shares, to `recipient` as `token`.
    ///      The base strategy pays in its underlying token, the only one _beforeWithdrawal lets through.
    function _afterWithdrawal(address recipient, address /* token */, uint256 amountOut) internal virtual {
        require(IERC20(underlyingToken).transfer(recipient, amountOut), "StrategyBase: transfer failed");
    }

    /// @notice Hook called by the StrategyManager before it credits shares; no-op here.
    function beforeAddShares(address, uint256) external virtual onlyStrategyManager {}

    /// @notice Hook called by the StrategyManager before it removes shares; no-op here.
    function beforeRemoveShares(address, uint256) external virtual onlyStrategyManager {}

    /// @notice Tokens that `amountShares` are worth now: (balance + 1e3) * shares / (totalShares + 1e3).
    function sharesToUnderlyingView(uint256 amountShares) public view virtual returns (uint256) {
        return ((_tokenBalance() + BALANCE_OFFSET) * amountShares) / (totalShares + SHARES_OFFSET);
    }

    /// @notice Shares that `amountUnderlying` tokens are worth now: amount * (totalShares + 1e3) / (balance + 1e3).
    function underlyingToSharesView(uint256 amountUnderlying) public view virtual returns (uint256) {
        return (amountUnderlying * (totalShares + SHARES_OFFSET)) / (_tokenBalance() + BALANCE_OFFSET);
    }

    /// @notice Same as sharesToUnderlyingView (state-changing in the interface).
    function sharesToUnderlying(uint256 amountShares) external view virtual returns (uint256) {
        return sharesToUnderlyingView(amountShares);
    }

    /// @notice Same as underlyingToSharesView (state-changing in the interface).
    function underlyingToShares(uint256 amountUnderlying) external view virtual returns (uint256) {
        return underlyingToSharesView(amountUnderlying);
    }

    /// @notice Tokens that `user`'s deposit shares are worth now (ignores slashing: see the DelegationManager).
    function userUnderlyingView(address user) public view virtual returns (uint256) {
        return sharesToUnderlyingView(shares(user));
    }

    /// @notice Same as userUnderlyingView (state-changing in the interface).
    function userUnderlying(address user) external virtual returns (uint256) {
        return userUnderlyingView(user);
    }

    /// @notice `user`'s deposit shares in this strategy, as recorded by the StrategyManager.
    function shares(address user) public view virtual returns (uint256) {
        return StrategyManager(strategyManager).stakerDepositShares(user, address(this));
    }

    /// @notice A short description of the strategy.
    function explanation() external pure virtual returns (string memory) {
        return "Base Strategy implementation to inherit from for more complex implementations";
    }

    function _tokenBalance() internal view virtual returns (uint256) {
        return IERC20(underlyingToken).balanceOf(address(this));
    }

    function _emitExchangeRate(uint256 virtualTokenBalance, uint256 virtualTotalShares) internal {
        emit ExchangeRateEmitted((1e18 * virtualTokenBalance) / virtualTotalShares);
    }
}
