// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {
    ISymbioticAccessControl,
    ISymbioticInitializable,
    ISymbioticMathErrors,
    ISymbioticReentrancyGuard,
    ISymbioticSafeERC20Errors
} from "abi/symbiotic/SymbioticCommonBase.sol";

/// @title IDefaultStakerRewards
/// @notice Staker rewards of one Symbiotic v1 vault (a clone made by DefaultStakerRewardsFactory). A network's
///         middleware distributes an amount of a token at a past timestamp; each staker's part is its share
///         of the vault's *active* shares at that timestamp (pending withdrawals earn nothing), less the admin
///         fee. Rewards are kept per (token, network) with a per-account cursor, so a staker claims one
///         network at a time, in batches of at most `maxRewards` distributions.
/// @dev Events match `version() == 2` (rewards repo HEAD / v2.0.0), the ABI described here. Older reward
///      contracts with `version() == 1` have the same functions, errors and other events, but emit instead:
///        DistributeRewards(address indexed network, address indexed token, uint256 amount, bytes data)
///          topic0 0xf6101460e0ced9671f166f53bda732cf79afc891a70034b18d2db13a4b6bccb6
///        ClaimRewards(address indexed token, address indexed network, address indexed claimer,
///                     address recipient, uint256 firstRewardIndex, uint256 numRewards, uint256 amount)
///          topic0 0x376215be8cf5117776ebc282116cf6e99075dc479274a0ab44bf5856bb3919d7 (token before network!)
///      and have neither ClaimRewardsExtra nor InitVault. Decode logs by the contract's `version()`.
///      Roles, the clone's initialisation, the reentrancy guard and the OpenZeppelin library errors (mulDiv,
///      SafeERC20 and Address, e.g. inside multicall) are the shared bases of SymbioticCommonBase.sol.
interface IDefaultStakerRewards is
    ISymbioticAccessControl,
    ISymbioticInitializable,
    ISymbioticReentrancyGuard,
    ISymbioticMathErrors,
    ISymbioticSafeERC20Errors
{
    // ---------------------------------------------------------------------
    // Structs
    // ---------------------------------------------------------------------

    /// @notice Initialisation parameters (also the argument of DefaultStakerRewardsFactory.create).
    struct InitParams {
        address vault;
        uint256 adminFee;
        address defaultAdminRoleHolder;
        address adminFeeClaimRoleHolder;
        address adminFeeSetRoleHolder;
    }

    // ---------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------

    /// @notice The middleware of `network` distributed `token`: `distributeAmount` to stakers and
    ///         `adminFeeAmount` to the admin fee, for stake at `timestamp` (v2 form; network is topic1).
    event DistributeRewards(
        address indexed network, address indexed token, uint256 distributeAmount, uint256 adminFeeAmount, uint48 timestamp
    );

    /// @notice `claimer` claimed `amount` of `token` from `network`'s distributions, sent to `recipient` (v2 form).
    event ClaimRewards(
        address indexed network, address indexed token, address indexed claimer, uint256 amount, address recipient
    );

    /// @notice Companion of ClaimRewards: the claim covered `rewardsClaimed` distributions starting at
    ///         index `firstClaimedRewardIndex`.
    event ClaimRewardsExtra(
        address indexed network,
        address indexed token,
        address indexed claimer,
        uint256 firstClaimedRewardIndex,
        uint256 rewardsClaimed
    );

    /// @notice `amount` of accrued admin fee was claimed. The official ABI names the indexed field `recipient`, but
    ///         upstream (rewards v2.0.0) emits the reward token there: do not read it as the recipient.
    event ClaimAdminFee(address indexed recipient, uint256 amount);

    /// @notice The admin fee is now `adminFee` (out of ADMIN_FEE_BASE).
    event SetAdminFee(uint256 adminFee);

    /// @notice The contract was bound to `vault` at initialisation.
    event InitVault(address vault);

    // ---------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------

    /// @notice No pending distribution of this token from this network for the account.
    error NoRewardsToClaim();

    /// @notice The hints array in claimRewards data is neither empty nor `min(maxRewards, pending)` long.
    error InvalidHintsLength();

    /// @notice The recipient is the zero address.
    error InvalidRecipient();

    /// @notice The distribution timestamp is not in the past, or the vault had no active shares or stake then.
    error InvalidRewardTimestamp();

    /// @notice Nothing to distribute (zero amount received).
    error InsufficientReward();

    /// @notice The current admin fee is above the caller's `maxAdminFee`.
    error HighAdminFee();

    /// @notice An admin fee above ADMIN_FEE_BASE.
    error InvalidAdminFee();

    /// @notice No admin fee accrued for this token.
    error InsufficientAdminFee();

    /// @notice The new value equals the current one.
    error AlreadySet();

    /// @notice The caller is not the middleware of the network.
    error NotNetworkMiddleware();

    /// @notice The address is not a registered network.
    error NotNetwork();

    /// @notice The vault was not created by the VaultFactory.
    error NotVault();

    /// @notice Initialisation without the role holders it needs.
    error MissingRoles();

    /// @notice A value does not fit the smaller integer type (library error).
    error SafeCastOverflowedUintDowncast(uint8 bits, uint256 value);

    // ---------------------------------------------------------------------
    // Staker: claim
    // ---------------------------------------------------------------------

    /// @notice Claims the caller's pending `token` rewards from one network and sends them to `recipient`.
    ///         `data = abi.encode(address network, uint256 maxRewards, bytes[] activeSharesOfHints)`; the hints
    ///         array is empty or exactly `min(maxRewards, pending)` long. Reverts NoRewardsToClaim when nothing
    ///         is pending; the cursor advances even when the amount works out to 0.
    function claimRewards(address recipient, address token, bytes calldata data) external;

    /// @notice `account`'s claimable `token` rewards from one network over at most `maxRewards` pending
    ///         distributions; `data = abi.encode(address network, uint256 maxRewards)`.
    function claimable(address token, address account, bytes calldata data) external view returns (uint256 amount);

    // ---------------------------------------------------------------------
    // Reward history
    // ---------------------------------------------------------------------

    /// @notice Number of distributions of `token` by `network`.
    function rewardsLength(address token, address network) external view returns (uint256);

    /// @notice Distribution number `rewardIndex` of `token` by `network`: the stakers' amount and the stake timestamp.
    function rewards(address token, address network, uint256 rewardIndex)
        external
        view
        returns (uint256 amount, uint48 timestamp);

    /// @notice `account`'s cursor: index of its first unclaimed distribution of `token` by `network`.
    function lastUnclaimedReward(address account, address token, address network)
        external
        view
        returns (uint256 rewardIndex);

    // ---------------------------------------------------------------------
    // Network middleware
    // ---------------------------------------------------------------------

    /// @notice Pulls `amount` of `token` from the caller (the middleware of `network`) and records a
    ///         distribution. `data = abi.encode(uint48 timestamp, uint256 maxAdminFee, bytes activeSharesHint,
    ///         bytes activeStakeHint)`.
    function distributeRewards(address network, address token, uint256 amount, bytes calldata data) external;

    // ---------------------------------------------------------------------
    // Admin fee
    // ---------------------------------------------------------------------

    /// @notice The admin fee, out of ADMIN_FEE_BASE, taken from each distribution.
    function adminFee() external view returns (uint256);

    /// @notice Denominator of the admin fee (10 000 = 100 %).
    function ADMIN_FEE_BASE() external view returns (uint256);

    /// @notice Accrued, unclaimed admin fee in `token`.
    function claimableAdminFee(address token) external view returns (uint256 amount);

    /// @notice Sends the accrued admin fee in `token` to `recipient` (ADMIN_FEE_CLAIM_ROLE only).
    function claimAdminFee(address recipient, address token) external;

    /// @notice Sets the admin fee (ADMIN_FEE_SET_ROLE only).
    function setAdminFee(uint256 adminFee_) external;

    // ---------------------------------------------------------------------
    // Roles
    // ---------------------------------------------------------------------

    /// @notice The role that may claim the admin fee.
    function ADMIN_FEE_CLAIM_ROLE() external view returns (bytes32);

    /// @notice The role that may set the admin fee.
    function ADMIN_FEE_SET_ROLE() external view returns (bytes32);

    // ---------------------------------------------------------------------
    // Wiring and setup
    // ---------------------------------------------------------------------

    /// @notice The vault whose stakers this contract rewards.
    function VAULT() external view returns (address);

    /// @notice The VaultFactory that vouches for the vault.
    function VAULT_FACTORY() external view returns (address);

    /// @notice The NetworkMiddlewareService that names each network's middleware.
    function NETWORK_MIDDLEWARE_SERVICE() external view returns (address);

    /// @notice Contract version: 2 for the events declared here, 1 for the older events (see @dev).
    function version() external view returns (uint64);

    /// @notice Initialises the clone (called by the factory).
    function initialize(InitParams calldata params) external;

    /// @notice Runs several calls on this contract in one transaction (e.g. claims for several networks).
    function multicall(bytes[] calldata data) external returns (bytes[] memory results);
}
