// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IVaultOwnable, IVaultMigratableEntity} from "abi/symbiotic/SymbioticVaultBase.sol";
import {
    ISymbioticAccessControl,
    ISymbioticCheckpointErrors,
    ISymbioticMathErrors,
    ISymbioticReentrancyGuard,
    ISymbioticSafeERC20Errors,
    ISymbioticStaticDelegateCallable
} from "abi/symbiotic/SymbioticCommonBase.sol";

/// @title IVault
/// @notice A Symbiotic core v1 vault (factory version 1): holds one ERC-20 collateral and books deposits as
///         active shares (not an ERC-20 here). Exits are epoch based: a withdrawal requested in epoch N goes
///         into bucket N+1 and can be claimed once currentEpoch() > N+1; until then it stays slashable and
///         earns no rewards. Stake and shares are checkpointed, so the `...At(timestamp, hint)` views read
///         past values; every hint may be empty. Check version() first: 2 is VaultTokenized, 3+ is VaultV2.
///         Roles (ISymbioticAccessControl) guard the deposit settings; the OpenZeppelin library errors of the
///         implementation (checkpoints, mulDiv, reentrancy guard, SafeERC20) are the shared ones of
///         SymbioticCommonBase.sol; staticDelegateCall lets the core hint helpers read this vault's storage.
interface IVault is
    IVaultOwnable,
    ISymbioticAccessControl,
    IVaultMigratableEntity,
    ISymbioticReentrancyGuard,
    ISymbioticMathErrors,
    ISymbioticCheckpointErrors,
    ISymbioticSafeERC20Errors,
    ISymbioticStaticDelegateCallable
{
    // ---------------------------------------------------------------------
    // Types (for encoding `bytes` arguments; they do not appear in the ABI)
    // ---------------------------------------------------------------------

    /// @notice What `initialize` decodes from its `data` (abi.encode of this struct).
    struct InitParams {
        address collateral;
        address burner;
        uint48 epochDuration;
        bool depositWhitelist;
        bool isDepositLimit;
        uint256 depositLimit;
        address defaultAdminRoleHolder;
        address depositWhitelistSetRoleHolder;
        address depositorWhitelistRoleHolder;
        address isDepositLimitSetRoleHolder;
        address depositLimitSetRoleHolder;
    }

    /// @notice What `activeBalanceOfAt` decodes from `hints` (abi.encode of this struct; or pass empty bytes).
    struct ActiveBalanceOfHints {
        bytes activeSharesOfHint;
        bytes activeStakeHint;
        bytes activeSharesHint;
    }

    // ---------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------

    /// @notice This epoch was already claimed by the account.
    error AlreadyClaimed();

    /// @notice A setter was called with the value already set.
    error AlreadySet();

    /// @notice setDelegator was already called.
    error DelegatorAlreadyInitialized();

    /// @notice The deposit would take activeStake over depositLimit (pending withdrawals do not count).
    error DepositLimitReached();

    /// @notice Nothing to claim for this epoch.
    error InsufficientClaim();

    /// @notice deposit: no collateral arrived (the measured balance delta is zero).
    error InsufficientDeposit();

    /// @notice redeem: the shares are worth zero collateral (also for zero shares).
    error InsufficientRedemption();

    /// @notice withdraw of a zero amount.
    error InsufficientWithdrawal();

    /// @notice setDepositorWhitelistStatus for the zero address.
    error InvalidAccount();

    /// @notice onSlash: the capture timestamp is neither in the current nor in the previous epoch.
    error InvalidCaptureEpoch();

    /// @notice The claimer is the zero address.
    error InvalidClaimer();

    /// @notice The collateral is the zero address.
    error InvalidCollateral();

    /// @notice setDelegator: the delegator belongs to another vault.
    error InvalidDelegator();

    /// @notice claim: the epoch has not ended yet (it must be below currentEpoch()).
    error InvalidEpoch();

    /// @notice The epoch duration is zero.
    error InvalidEpochDuration();

    /// @notice claimBatch was called with an empty epoch list.
    error InvalidLengthEpochs();

    /// @notice deposit on behalf of the zero address.
    error InvalidOnBehalfOf();

    /// @notice claim to the zero address.
    error InvalidRecipient();

    /// @notice setSlasher: the slasher belongs to another vault.
    error InvalidSlasher();

    /// @notice initialize: with no default admin, the whitelist / limit settings and their role holders do not fit.
    error MissingRoles();

    /// @notice setDelegator: the address was not created by the DelegatorFactory.
    error NotDelegator();

    /// @notice onSlash from a caller other than the slasher, or setSlasher with an address the SlasherFactory
    ///         did not create.
    error NotSlasher();

    /// @notice The deposit whitelist is on and msg.sender (not onBehalfOf) is not whitelisted.
    error NotWhitelistedDepositor();

    /// @notice setSlasher was already called.
    error SlasherAlreadyInitialized();

    /// @notice redeem of more shares than the caller's active shares.
    error TooMuchRedeem();

    /// @notice withdraw of more than the caller's active balance (shares are rounded up).
    error TooMuchWithdraw();

    /// @notice epochAt: the timestamp is before epochDurationInit.
    error InvalidTimestamp();

    /// @notice previousEpochStart was called in epoch 0.
    error NoPreviousEpoch();

    // ---------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------

    /// @notice `depositor` (msg.sender) deposited `amount` collateral; `shares` active shares went to `onBehalfOf`.
    event Deposit(address indexed depositor, address indexed onBehalfOf, uint256 amount, uint256 shares);

    /// @notice `withdrawer` burned `burnedShares` active shares for `amount` collateral; `claimer` got
    ///         `mintedShares` withdrawal shares in bucket currentEpoch() + 1.
    event Withdraw(
        address indexed withdrawer, address indexed claimer, uint256 amount, uint256 burnedShares, uint256 mintedShares
    );

    /// @notice `claimer` claimed `amount` collateral of `epoch`, sent to `recipient`.
    event Claim(address indexed claimer, address indexed recipient, uint256 epoch, uint256 amount);

    /// @notice `claimer` claimed `amount` collateral over `epochs`, sent to `recipient` in one transfer.
    event ClaimBatch(address indexed claimer, address indexed recipient, uint256[] epochs, uint256 amount);

    /// @notice The slasher asked for `amount` at `captureTimestamp`; `slashedAmount` went to the burner.
    event OnSlash(uint256 amount, uint48 captureTimestamp, uint256 slashedAmount);

    /// @notice The deposit whitelist was switched on or off.
    event SetDepositWhitelist(bool status);

    /// @notice `account` was added to or removed from the deposit whitelist.
    event SetDepositorWhitelistStatus(address indexed account, bool status);

    /// @notice The deposit limit was switched on or off.
    event SetIsDepositLimit(bool status);

    /// @notice The deposit limit was set to `limit`.
    event SetDepositLimit(uint256 limit);

    /// @notice The delegator was set (once).
    event SetDelegator(address indexed delegator);

    /// @notice The slasher was set (once).
    event SetSlasher(address indexed slasher);

    // ---------------------------------------------------------------------
    // Staker writes
    // ---------------------------------------------------------------------

    /// @notice Pulls `amount` collateral from msg.sender (approve first) and mints active shares (rounded
    ///         down) to `onBehalfOf`. The whitelist is checked on msg.sender. No slippage bound.
    /// @return depositedAmount collateral actually received (balance delta); mintedShares new active shares.
    function deposit(address onBehalfOf, uint256 amount)
        external
        returns (uint256 depositedAmount, uint256 mintedShares);

    /// @notice Requests `amount` collateral: burns the caller's active shares (rounded up) and books withdrawal
    ///         shares for `claimer` in bucket currentEpoch() + 1. For a full exit use redeem instead.
    /// @return burnedShares active shares burned; mintedShares withdrawal shares minted.
    function withdraw(address claimer, uint256 amount) external returns (uint256 burnedShares, uint256 mintedShares);

    /// @notice Like withdraw, but in active shares (collateral rounded down); redeem(activeSharesOf(me)) exits fully.
    /// @return withdrawnAssets collateral booked for withdrawal; mintedShares withdrawal shares minted.
    function redeem(address claimer, uint256 shares) external returns (uint256 withdrawnAssets, uint256 mintedShares);

    /// @notice Claims the caller's (the claimer's) bucket of `epoch` to `recipient`; needs epoch < currentEpoch().
    function claim(address recipient, uint256 epoch) external returns (uint256 amount);

    /// @notice Claims several ended epochs in one transfer to `recipient`; reverts on an empty list.
    function claimBatch(address recipient, uint256[] calldata epochs) external returns (uint256 amount);

    // ---------------------------------------------------------------------
    // Epochs (seconds, counted from epochDurationInit)
    // ---------------------------------------------------------------------

    /// @notice Start of epoch 0 (the vault's initialisation time).
    function epochDurationInit() external view returns (uint48);

    /// @notice Epoch length in seconds.
    function epochDuration() external view returns (uint48);

    /// @notice Epoch containing `timestamp`: (timestamp - epochDurationInit) / epochDuration.
    function epochAt(uint48 timestamp) external view returns (uint256);

    /// @notice Epoch containing block.timestamp.
    function currentEpoch() external view returns (uint256);

    /// @notice Start of the current epoch.
    function currentEpochStart() external view returns (uint48);

    /// @notice Start of the previous epoch; reverts NoPreviousEpoch in epoch 0.
    function previousEpochStart() external view returns (uint48);

    /// @notice Start of the next epoch; a request made now is claimable from nextEpochStart() + epochDuration().
    function nextEpochStart() external view returns (uint48);

    // ---------------------------------------------------------------------
    // Active stake and shares
    // ---------------------------------------------------------------------

    /// @notice Total active collateral (excludes pending withdrawals).
    function activeStake() external view returns (uint256);

    /// @notice Total active collateral at `timestamp`.
    function activeStakeAt(uint48 timestamp, bytes calldata hint) external view returns (uint256);

    /// @notice Total active shares.
    function activeShares() external view returns (uint256);

    /// @notice Total active shares at `timestamp`.
    function activeSharesAt(uint48 timestamp, bytes calldata hint) external view returns (uint256);

    /// @notice Active shares of `account`.
    function activeSharesOf(address account) external view returns (uint256);

    /// @notice Active shares of `account` at `timestamp`.
    function activeSharesOfAt(address account, uint48 timestamp, bytes calldata hint) external view returns (uint256);

    /// @notice Collateral worth the active shares of `account` (rounded down; drops after a slash).
    function activeBalanceOf(address account) external view returns (uint256);

    /// @notice Collateral worth the active shares of `account` at `timestamp`; `hints` is an encoded
    ///         ActiveBalanceOfHints or empty.
    function activeBalanceOfAt(address account, uint48 timestamp, bytes calldata hints)
        external
        view
        returns (uint256);

    /// @notice activeStake plus the withdrawal buckets of the current and next epoch (everything slashable).
    function totalStake() external view returns (uint256);

    /// @notice Active balance of `account` plus its current and next-epoch withdrawals (its slashable amount).
    function slashableBalanceOf(address account) external view returns (uint256);

    // ---------------------------------------------------------------------
    // Withdrawal buckets (per epoch)
    // ---------------------------------------------------------------------

    /// @notice Collateral in the withdrawal bucket of `epoch` (shrinks if a slash hits it).
    function withdrawals(uint256 epoch) external view returns (uint256 amount);

    /// @notice Withdrawal shares issued in the bucket of `epoch`.
    function withdrawalShares(uint256 epoch) external view returns (uint256 amount);

    /// @notice Withdrawal shares of `account` in the bucket of `epoch`.
    function withdrawalSharesOf(uint256 epoch, address account) external view returns (uint256 amount);

    /// @notice Collateral of `account` in the bucket of `epoch`; not zeroed by claim, so check isWithdrawalsClaimed.
    function withdrawalsOf(uint256 epoch, address account) external view returns (uint256);

    /// @notice Whether `account` already claimed its bucket of `epoch`.
    function isWithdrawalsClaimed(uint256 epoch, address account) external view returns (bool value);

    // ---------------------------------------------------------------------
    // Deposit whitelist and limit
    // ---------------------------------------------------------------------

    /// @notice Whether only whitelisted msg.senders may deposit.
    function depositWhitelist() external view returns (bool);

    /// @notice Whether `account` may deposit while the whitelist is on.
    function isDepositorWhitelisted(address account) external view returns (bool value);

    /// @notice Whether depositLimit is enforced.
    function isDepositLimit() external view returns (bool);

    /// @notice Cap on activeStake after a deposit (only when isDepositLimit).
    function depositLimit() external view returns (uint256);

    /// @notice Role allowed to call setDepositWhitelist.
    function DEPOSIT_WHITELIST_SET_ROLE() external view returns (bytes32);

    /// @notice Role allowed to call setDepositorWhitelistStatus.
    function DEPOSITOR_WHITELIST_ROLE() external view returns (bytes32);

    /// @notice Role allowed to call setIsDepositLimit.
    function IS_DEPOSIT_LIMIT_SET_ROLE() external view returns (bytes32);

    /// @notice Role allowed to call setDepositLimit.
    function DEPOSIT_LIMIT_SET_ROLE() external view returns (bytes32);

    /// @notice Switches the deposit whitelist on or off (DEPOSIT_WHITELIST_SET_ROLE).
    function setDepositWhitelist(bool status) external;

    /// @notice Adds `account` to or removes it from the whitelist (DEPOSITOR_WHITELIST_ROLE).
    function setDepositorWhitelistStatus(address account, bool status) external;

    /// @notice Switches the deposit limit on or off (IS_DEPOSIT_LIMIT_SET_ROLE).
    function setIsDepositLimit(bool status) external;

    /// @notice Sets the deposit limit (DEPOSIT_LIMIT_SET_ROLE).
    function setDepositLimit(uint256 limit) external;

    // ---------------------------------------------------------------------
    // Wiring: collateral, burner, delegator, slasher
    // ---------------------------------------------------------------------

    /// @notice The ERC-20 collateral.
    function collateral() external view returns (address);

    /// @notice Receives slashed collateral.
    function burner() external view returns (address);

    /// @notice The delegator that spreads the active stake over networks and operators.
    function delegator() external view returns (address);

    /// @notice The slasher; address(0) means the vault cannot be slashed.
    function slasher() external view returns (address);

    /// @notice Whether setDelegator was called.
    function isDelegatorInitialized() external view returns (bool);

    /// @notice Whether setSlasher was called.
    function isSlasherInitialized() external view returns (bool);

    /// @notice Whether both the delegator and the slasher are set (deposits are only useful then).
    function isInitialized() external view returns (bool);

    /// @notice Sets the delegator once (no role check; the VaultConfigurator calls it right after create).
    function setDelegator(address delegator_) external;

    /// @notice Sets the slasher once, address(0) for none (no role check; the VaultConfigurator calls it).
    function setSlasher(address slasher_) external;

    /// @notice The factory of delegators.
    function DELEGATOR_FACTORY() external view returns (address);

    /// @notice The factory of slashers.
    function SLASHER_FACTORY() external view returns (address);

    // ---------------------------------------------------------------------
    // Slasher only
    // ---------------------------------------------------------------------

    /// @notice Takes up to `amount` pro rata from active stake and the pending buckets slashable at
    ///         `captureTimestamp` and sends it to the burner; active shares stay, so the share price drops.
    function onSlash(uint256 amount, uint48 captureTimestamp) external returns (uint256 slashedAmount);
}
