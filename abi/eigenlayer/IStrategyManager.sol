// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {
    OperatorSet,
    IEigenLayerPausable,
    IEigenLayerOwnable,
    IEigenLayerInitializable,
    IEigenLayerSemVer
} from "abi/eigenlayer/EigenLayerCommon.sol";

/// @title IStrategyManager
/// @notice EigenLayer's StrategyManager as its proxy exposes it: token deposits into strategies,
///         the staker's deposit shares, and slashed shares awaiting burn or redistribution.
interface IStrategyManager is IEigenLayerPausable, IEigenLayerOwnable, IEigenLayerInitializable, IEigenLayerSemVer {
    // ---------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------

    /// @notice The signature does not recover to the staker (nor passes EIP-1271).
    error InvalidSignature();

    /// @notice The staker already holds shares in the maximum number of strategies (32).
    error MaxStrategiesExceeded();

    /// @notice Only the DelegationManager may call this.
    error OnlyDelegationManager();

    /// @notice Only the strategy whitelister may call this.
    error OnlyStrategyWhitelister();

    /// @notice More shares were asked for than the staker holds.
    error SharesAmountTooHigh();

    /// @notice A share amount of zero.
    error SharesAmountZero();

    /// @notice The signature's expiry has passed.
    error SignatureExpired();

    /// @notice The staker is the zero address.
    error StakerAddressZero();

    /// @notice The strategy is already recorded for this slash.
    error StrategyAlreadyInSlash();

    /// @notice The strategy is not in the staker's strategy list.
    error StrategyNotFound();

    /// @notice The strategy is not whitelisted for deposits.
    error StrategyNotWhitelisted();

    // ---------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------

    /// @notice `staker` received `shares` deposit shares in `strategy`.
    event Deposit(address staker, address strategy, uint256 shares);

    /// @notice The strategy whitelister changed.
    event StrategyWhitelisterChanged(address previousAddress, address newAddress);

    /// @notice `strategy` now accepts deposits.
    event StrategyAddedToDepositWhitelist(address strategy);

    /// @notice `strategy` no longer accepts deposits.
    event StrategyRemovedFromDepositWhitelist(address strategy);

    /// @notice Legacy burnable shares of `strategy` were burned.
    event BurnableSharesDecreased(address strategy, uint256 shares);

    /// @notice `shares` of `strategy` were marked for burn or redistribution for a slash.
    event BurnOrRedistributableSharesIncreased(OperatorSet operatorSet, uint256 slashId, address strategy, uint256 shares);

    /// @notice `shares` of `strategy` marked for a slash were burned or redistributed.
    event BurnOrRedistributableSharesDecreased(OperatorSet operatorSet, uint256 slashId, address strategy, uint256 shares);

    // ---------------------------------------------------------------------
    // Deposits
    // ---------------------------------------------------------------------

    /// @notice Deposits `amount` of `token` (approved to this contract) into `strategy` for the caller.
    function depositIntoStrategy(address strategy, address token, uint256 amount)
        external
        returns (uint256 depositShares);

    /// @notice Deposits the caller's `token` into `strategy` for `staker`, who signed the EIP-712 Deposit.
    function depositIntoStrategyWithSignature(
        address strategy,
        address token,
        uint256 amount,
        address staker,
        uint256 expiry,
        bytes memory signature
    ) external returns (uint256 depositShares);

    /// @notice EIP-712 digest of a Deposit message for `depositIntoStrategyWithSignature`.
    function calculateStrategyDepositDigestHash(
        address staker,
        address strategy,
        address token,
        uint256 amount,
        uint256 nonce,
        uint256 expiry
    ) external view returns (bytes32);

    /// @notice The typehash of the EIP-712 Deposit message.
    function DEPOSIT_TYPEHASH() external view returns (bytes32);

    /// @notice The EIP-712 domain separator, recomputed on every call.
    function domainSeparator() external view returns (bytes32);

    /// @notice The next Deposit signature nonce of `signer`.
    function nonces(address signer) external view returns (uint256 nonce);

    // ---------------------------------------------------------------------
    // Staker views
    // ---------------------------------------------------------------------

    /// @notice Deposit shares of `staker` in `strategy`.
    function stakerDepositShares(address staker, address strategy) external view returns (uint256 shares);

    /// @notice The strategies `staker` holds shares in, and the deposit shares in each.
    function getDeposits(address staker) external view returns (address[] memory, uint256[] memory);

    /// @notice The strategies `staker` holds shares in.
    function getStakerStrategyList(address staker) external view returns (address[] memory);

    /// @notice Entry `index` of the strategy list of `staker`.
    function stakerStrategyList(address staker, uint256 index) external view returns (address strategies);

    /// @notice Number of strategies `staker` holds shares in.
    function stakerStrategyListLength(address staker) external view returns (uint256);

    // ---------------------------------------------------------------------
    // Strategy whitelist
    // ---------------------------------------------------------------------

    /// @notice Whether `strategy` accepts deposits.
    function strategyIsWhitelistedForDeposit(address strategy) external view returns (bool whitelisted);

    /// @notice The account allowed to edit the deposit whitelist.
    function strategyWhitelister() external view returns (address);

    /// @notice Replaces the strategy whitelister (owner only).
    function setStrategyWhitelister(address newStrategyWhitelister) external;

    /// @notice Opens the given strategies to deposits (whitelister only).
    function addStrategiesToDepositWhitelist(address[] calldata strategiesToWhitelist) external;

    /// @notice Closes the given strategies to deposits (whitelister only).
    function removeStrategiesFromDepositWhitelist(address[] calldata strategiesToRemoveFromWhitelist) external;

    // ---------------------------------------------------------------------
    // Share manager (called by the DelegationManager)
    // ---------------------------------------------------------------------

    /// @notice Credits `shares` deposit shares; returns the previous and the added deposit shares.
    function addShares(address staker, address strategy, uint256 shares) external returns (uint256, uint256);

    /// @notice Removes deposit shares of `staker`; returns the deposit shares left.
    function removeDepositShares(address staker, address strategy, uint256 depositSharesToRemove)
        external
        returns (uint256);

    /// @notice Withdraws `shares` of `strategy` as `token` to `staker`.
    function withdrawSharesAsTokens(address staker, address strategy, address token, uint256 shares) external;

    // ---------------------------------------------------------------------
    // Slashed shares: burn or redistribution
    // ---------------------------------------------------------------------

    /// @notice Records `sharesToBurn` of `strategy` for a slash of `operatorSet` (DelegationManager only).
    function increaseBurnOrRedistributableShares(
        OperatorSet calldata operatorSet,
        uint256 slashId,
        address strategy,
        uint256 sharesToBurn
    ) external;

    /// @notice Sends every strategy's slashed tokens of a slash to its recipient; returns the amounts.
    function clearBurnOrRedistributableShares(OperatorSet calldata operatorSet, uint256 slashId)
        external
        returns (uint256[] memory);

    /// @notice Sends one strategy's slashed tokens of a slash to its recipient; returns the amount.
    function clearBurnOrRedistributableSharesByStrategy(
        OperatorSet calldata operatorSet,
        uint256 slashId,
        address strategy
    ) external returns (uint256);

    /// @notice The strategies and shares still pending for a slash.
    function getBurnOrRedistributableShares(OperatorSet calldata operatorSet, uint256 slashId)
        external
        view
        returns (address[] memory, uint256[] memory);

    /// @notice The shares of `strategy` still pending for a slash.
    function getBurnOrRedistributableShares(OperatorSet calldata operatorSet, uint256 slashId, address strategy)
        external
        view
        returns (uint256);

    /// @notice Number of strategies still pending for a slash.
    function getBurnOrRedistributableCount(OperatorSet calldata operatorSet, uint256 slashId)
        external
        view
        returns (uint256);

    /// @notice Operator sets with slashes not yet cleared.
    function getPendingOperatorSets() external view returns (OperatorSet[] memory);

    /// @notice Slash ids of `operatorSet` not yet cleared.
    function getPendingSlashIds(OperatorSet calldata operatorSet) external view returns (uint256[] memory);

    /// @notice Burns the legacy (pre-redistribution) burnable shares of `strategy`.
    function burnShares(address strategy) external;

    /// @notice Legacy burnable shares of `strategy`.
    function getBurnableShares(address strategy) external view returns (uint256);

    /// @notice Strategies with legacy burnable shares, and their amounts.
    function getStrategiesWithBurnableShares() external view returns (address[] memory, uint256[] memory);

    /// @notice Where slashed shares go when an operator set has no redistribution recipient.
    function DEFAULT_BURN_ADDRESS() external view returns (address);

    // ---------------------------------------------------------------------
    // Wiring and setup
    // ---------------------------------------------------------------------

    /// @notice The DelegationManager.
    function delegation() external view returns (address);

    /// @notice The AllocationManager.
    function allocationManager() external view returns (address);

    /// @notice Initialises the proxy.
    function initialize(address initialOwner, address initialStrategyWhitelister, uint256 initialPausedStatus)
        external;
}
