// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {PermitInput, SourceOfFunds} from "abi/etherfi/EtherFiCommon.sol";

/// @title ILiquidityPool
/// @notice ether.fi's ETH entry point (UUPS proxy, after the 26Q2 security upgrade): deposits mint eETH
///         shares, withdrawal requests take eETH and mint a WithdrawRequestNFT, and the pool owns the
///         eETH share math.
interface ILiquidityPool {
    // ---------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------

    /// @notice `amount` wei deposited; `sender` is the recipient for depositToRecipient.
    event Deposit(address indexed sender, uint256 amount, SourceOfFunds source, address referral);

    /// @notice A withdrawal was requested (emitted on request, not on payout).
    event Withdraw(address indexed sender, address recipient, uint256 amount, SourceOfFunds source);

    /// @notice An oracle report set the pool's value and share count.
    event Rebase(uint256 totalEthLocked, uint256 totalEEthShares);

    event ProtocolFeePaid(uint128 protocolFees);
    event EEthSharesBurnedForNonETHWithdrawal(uint256 amountSharesToBurn, uint256 withdrawalValueInETH);
    event MinWithdrawAmountSet(uint256 minWithdrawAmount);
    event MaxWithdrawAmountSet(uint256 maxWithdrawAmount);
    event UpdatedFeeRecipient(address feeRecipient);
    event ValidatorSpawnerRegistered(address user);
    event ValidatorSpawnerUnregistered(address user);
    event Paused(address account);
    event Unpaused(address account);
    event PausedUntil(uint256 pausedUntil);
    event UnpausedUntil();

    // ---------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------

    error IncorrectCaller();
    error InvalidAmount();

    /// @notice Zero, below minWithdrawAmount or above maxWithdrawAmount.
    error InvalidWithdrawalAmount();

    /// @notice A withdrawal request worth no eETH share (sharesForAmount(amount) == 0).
    error InvalidShareAmount();
    error InsufficientLiquidity();
    error SendFail();
    error InvalidValidatorSize();
    error RebaseExceedsPositiveCap();
    error AlreadyMigrated();
    error MigrationNotComplete();
    error AlreadyRegistered();
    error NotRegistered();

    /// @notice A deposit or withdrawal would lower the eETH rate.
    error EETHRateDeflation();
    error ContractPaused();
    error ContractPausedUntil(uint256 pausedUntil);
    error BlacklistedUser(address user);

    /// @notice The global eETH mint / burn rate limit is exhausted.
    error LimitExceeded();

    // ---------------------------------------------------------------------
    // Deposits and withdrawal requests
    // ---------------------------------------------------------------------

    /// @notice Same as deposit(address(0)).
    function deposit() external payable returns (uint256);

    /// @notice Mints eETH shares for msg.value to msg.sender; returns the shares.
    function deposit(address _referral) external payable returns (uint256);

    /// @notice Only the MembershipManager (ether.fan).
    function deposit(address _user, address _referral) external payable returns (uint256);

    /// @notice Only the Liquifier or EtherFiAdmin.
    function depositToRecipient(address _recipient, uint256 _amount, address _referral) external returns (uint256);

    /// @notice Takes `amount` eETH from msg.sender (needs an allowance) and mints a WithdrawRequestNFT to `recipient`.
    function requestWithdraw(address recipient, uint256 amount) external returns (uint256 requestId);

    /// @notice As requestWithdraw, applying an eETH permit first (a failing permit is ignored); `_owner` gets the NFT.
    function requestWithdrawWithPermit(address _owner, uint256 _amount, PermitInput calldata _permit) external returns (uint256 requestId);

    // ---------------------------------------------------------------------
    // Views
    // ---------------------------------------------------------------------

    function getTotalPooledEther() external view returns (uint256);
    function totalValueInLp() external view returns (uint128);
    function totalValueOutOfLp() external view returns (uint128);

    /// @notice Shares for an amount, rounded down.
    function sharesForAmount(uint256 _amount) external view returns (uint256);

    /// @notice Shares for a withdrawal amount, rounded up.
    function sharesForWithdrawalAmount(uint256 _amount) external view returns (uint256);

    /// @notice Ether for shares, rounded down.
    function amountForShare(uint256 _share) external view returns (uint256);

    /// @notice Ether per 1e18 shares, rounded up.
    function amountPerShareCeil() external view returns (uint256);

    /// @notice The user's eETH balance.
    function getTotalEtherClaimOf(address _user) external view returns (uint256);
    function minWithdrawAmount() external view returns (uint256);
    function maxWithdrawAmount() external view returns (uint256);
    function SHARE_UNIT() external view returns (uint256);

    function eETH() external view returns (address);
    function withdrawRequestNFT() external view returns (address);
    function liquifier() external view returns (address);
    function etherFiRedemptionManager() external view returns (address);
    function priorityWithdrawalQueue() external view returns (address);

    /// @dev Result type not given by our sources; uint256 assumed.
    function validatorSizeWei() external view returns (uint256);
    function paused() external view returns (bool);

    /// @dev Result type not given by our sources; uint256 (a timestamp) assumed.
    function pausedUntil() external view returns (uint256);

    // ---------------------------------------------------------------------
    // Oracle and administration
    // ---------------------------------------------------------------------

    /// @notice Applied by EtherFiAdmin on an oracle report; a positive rebase is capped at 25 bps of TVL.
    function rebase(int128 _accruedRewards, uint128 _protocolFees) external;
    function addEthAmountLockedForWithdrawal(uint128 _amount) external;
    function setMinWithdrawAmount(uint256 _minWithdrawAmount) external;
    function setMaxWithdrawAmount(uint256 _maxWithdrawAmount) external;
}
