// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IVault} from "abi/symbiotic/IVault.sol";
import {IVaultOwnable} from "abi/symbiotic/SymbioticVaultBase.sol";
import {ISymbioticVaultEntity} from "abi/symbiotic/SymbioticCommonBase.sol";
import {ISymbioticEntityRegistry} from "abi/symbiotic/SymbioticRegistryBase.sol";
import {IERC20} from "abi/common/IERC20.sol";
import {FixtureUnsupported} from "../eigenlayer/FixtureSupport.sol";
import {SymbioticCheckpoints} from "./SymbioticCheckpoints.sol";
import {
    SymbioticAccessControlFixture,
    SymbioticInitializableFixture,
    SymbioticMulDivFixture,
    SymbioticReentrancyGuardFixture
} from "./SymbioticFixtureSupport.sol";

/// @title VaultOwnableFixture (devnet fixture base)
/// @notice The vault's owner (OpenZeppelin v5.0 Ownable): `transferOwnership` / `renounceOwnership` by the owner
///         only (`OwnableUnauthorizedAccount(msg.sender)`), not to the zero address (`OwnableInvalidOwner(0)`; use
///         renounceOwnership); each change emits OwnershipTransferred. Set by `initialize` (none for owner 0).
/// @dev A compact own version with OpenZeppelin v5.0's errors and events. A base of its own only so that the
///      Vault's storage keeps its order (version, guard, owner, roles).
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
abstract contract VaultOwnableFixture is IVaultOwnable {
    address private _owner;

    function owner() public view returns (address) {
        return _owner;
    }

    function transferOwnership(address newOwner) external {
        _checkOwner();
        if (newOwner == address(0)) revert OwnableInvalidOwner(address(0));
        _transferOwnership(newOwner);
    }

    function renounceOwnership() external {
        _checkOwner();
        _transferOwnership(address(0));
    }

    function _checkOwner() private view {
        if (msg.sender != _owner) revert OwnableUnauthorizedAccount(msg.sender);
    }

    function _transferOwnership(address newOwner) internal {
        address previous = _owner;
        _owner = newOwner;
        emit OwnershipTransferred(previous, newOwner);
    }
}

/// @title Vault (devnet fixture)
/// @notice Symbiotic's core v1 Vault (factory version 1). One ERC-20 collateral; a deposit (whitelist checked on
///         msg.sender, limit checked on activeStake) measures the balance delta and mints active shares
///         `floor(assets * (activeShares + 1) / (activeStake + 1))`. `withdraw(claimer, amount)` burns
///         `ceil(amount * (activeShares + 1) / (activeStake + 1))` shares, `redeem(claimer, shares)` books
///         `floor(shares * (activeStake + 1) / (activeShares + 1))` collateral; both move the collateral into the
///         bucket of epoch currentEpoch() + 1, minting withdrawal shares for `claimer` at that bucket's own ratio
///         (same formula), claimable once the bucket's epoch has ended (`claim` / `claimBatch`). Epochs are
///         `(t - epochDurationInit) / epochDuration`. Active stake and shares are checkpointed (the `...At`
///         views take an empty hint or an encoded checkpoint index). `onSlash` (the slasher only) takes
///         `min(amount, slashable)` pro rata, rounding down, from activeStake and the next epoch's bucket (capture
///         in the current epoch), or from activeStake, the current and the next bucket (capture in the previous
///         epoch; the current bucket's rounding shortfall goes to the next one), and sends it to the burner.
///         Roles (OZ AccessControl) guard the deposit settings; `setDelegator` / `setSlasher` take one entity of
///         the Delegator / Slasher factory whose `vault()` is this vault, once each.
/// @dev Devnet semantics (deviations from Symbiotic):
///      - The VaultFactory fixture deploys EIP-1167 clones of one implementation per version (no
///        MigratableEntityProxy) and calls `initialize` in the same transaction; `initialize` therefore accepts
///        the FACTORY only (`NotFactory()`, after upstream's `AlreadyInitialized()` / `InvalidInitialization()`
///        checks) instead of checking upstream's proxy-constructor path. The implementation is locked by its
///        constructor (`Initialized(type(uint64).max)`, SymbioticInitializableFixture), as `_disableInitializers`.
///      - `migrate` and `staticDelegateCall` revert `NotSupportedByFixture(name)` (upstream: `migrate` from the
///        factory always reverts; `staticDelegateCall` reverts with the delegatecall's result for the hint
///        helpers, which the devnet does not deploy).
///      - Ownable (VaultOwnableFixture) and SafeERC20 are compact own versions with OpenZeppelin v5.0's errors
///        and events; so are AccessControl, the initializer lock, the reentrancy guard and the 512-bit mulDiv,
///        shared with the delegators and slashers (SymbioticFixtureSupport.sol, which states their deviations);
///        storage layout is the fixture's own.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract Vault is
    IVault,
    FixtureUnsupported,
    SymbioticInitializableFixture,
    SymbioticReentrancyGuardFixture,
    VaultOwnableFixture,
    SymbioticAccessControlFixture,
    SymbioticMulDivFixture
{
    using SymbioticCheckpoints for SymbioticCheckpoints.Trace;

    bytes32 public constant DEPOSIT_WHITELIST_SET_ROLE = keccak256("DEPOSIT_WHITELIST_SET_ROLE");
    bytes32 public constant DEPOSITOR_WHITELIST_ROLE = keccak256("DEPOSITOR_WHITELIST_ROLE");
    bytes32 public constant IS_DEPOSIT_LIMIT_SET_ROLE = keccak256("IS_DEPOSIT_LIMIT_SET_ROLE");
    bytes32 public constant DEPOSIT_LIMIT_SET_ROLE = keccak256("DEPOSIT_LIMIT_SET_ROLE");

    address public immutable DELEGATOR_FACTORY;
    address public immutable SLASHER_FACTORY;
    address public immutable FACTORY;

    // (version, guard, owner and roles: the bases, in this storage order)

    // ------------------------------------------------------------------ vault state
    address public collateral;
    address public burner;
    uint48 public epochDurationInit;
    uint48 public epochDuration;
    address public delegator;
    bool public isDelegatorInitialized;
    address public slasher;
    bool public isSlasherInitialized;
    bool public depositWhitelist;
    bool public isDepositLimit;
    uint256 public depositLimit;
    mapping(address account => bool value) public isDepositorWhitelisted;
    mapping(uint256 epoch => uint256 amount) public withdrawals;
    mapping(uint256 epoch => uint256 amount) public withdrawalShares;
    mapping(uint256 epoch => mapping(address account => uint256 amount)) public withdrawalSharesOf;
    mapping(uint256 epoch => mapping(address account => bool value)) public isWithdrawalsClaimed;

    SymbioticCheckpoints.Trace internal _activeShares;
    SymbioticCheckpoints.Trace internal _activeStake;
    mapping(address account => SymbioticCheckpoints.Trace shares) internal _activeSharesOf;

    constructor(address delegatorFactory, address slasherFactory, address vaultFactory) {
        DELEGATOR_FACTORY = delegatorFactory;
        SLASHER_FACTORY = slasherFactory;
        FACTORY = vaultFactory;
    }

    // ================================================================== migratable entity

    function version() external view returns (uint64) {
        return _getInitializedVersion();
    }

    function initialize(uint64 initialVersion, address owner_, bytes calldata data) external {
        if (_getInitializedVersion() != 0) revert AlreadyInitialized();
        if (initialVersion == 0) revert InvalidInitialization();
        if (msg.sender != FACTORY) revert NotFactory();
        _setInitializedVersion(initialVersion);
        _initReentrancyGuard();
        if (owner_ != address(0)) _transferOwnership(owner_);
        _initialize(data);
        emit Initialized(initialVersion);
    }

    function migrate(uint64, bytes calldata) external {
        _unsupported("migrate");
    }

    function staticDelegateCall(address, bytes calldata) external {
        _unsupported("staticDelegateCall");
    }

    /// @dev Decodes and applies the init params (VaultTokenized decodes its own struct).
    function _initialize(bytes calldata data) internal virtual {
        _initializeVault(abi.decode(data, (InitParams)));
    }

    function _initializeVault(InitParams memory p) internal {
        if (p.collateral == address(0)) revert InvalidCollateral();
        if (p.epochDuration == 0) revert InvalidEpochDuration();
        if (p.defaultAdminRoleHolder == address(0)) {
            // Without an admin, a setting nobody can change must be consistent with its holders.
            if (p.depositWhitelistSetRoleHolder == address(0)) {
                if (p.depositWhitelist ? p.depositorWhitelistRoleHolder == address(0)
                        : p.depositorWhitelistRoleHolder != address(0)) revert MissingRoles();
            }
            if (p.isDepositLimitSetRoleHolder == address(0)) {
                if (p.isDepositLimit) {
                    if (p.depositLimit == 0 && p.depositLimitSetRoleHolder == address(0)) revert MissingRoles();
                } else if (p.depositLimit != 0 || p.depositLimitSetRoleHolder != address(0)) {
                    revert MissingRoles();
                }
            }
        }
        collateral = p.collateral;
        burner = p.burner;
        epochDurationInit = uint48(block.timestamp);
        epochDuration = p.epochDuration;
        depositWhitelist = p.depositWhitelist;
        isDepositLimit = p.isDepositLimit;
        depositLimit = p.depositLimit;
        _grantIfSet(DEFAULT_ADMIN_ROLE, p.defaultAdminRoleHolder);
        _grantIfSet(DEPOSIT_WHITELIST_SET_ROLE, p.depositWhitelistSetRoleHolder);
        _grantIfSet(DEPOSITOR_WHITELIST_ROLE, p.depositorWhitelistRoleHolder);
        _grantIfSet(IS_DEPOSIT_LIMIT_SET_ROLE, p.isDepositLimitSetRoleHolder);
        _grantIfSet(DEPOSIT_LIMIT_SET_ROLE, p.depositLimitSetRoleHolder);
    }

    function _grantIfSet(bytes32 role, address account) private {
        if (account != address(0)) _grantRole(role, account);
    }

    // ================================================================== epochs

    function epochAt(uint48 timestamp) public view returns (uint256) {
        if (timestamp < epochDurationInit) revert InvalidTimestamp();
        return (timestamp - epochDurationInit) / epochDuration;
    }

    function currentEpoch() public view returns (uint256) {
        return (block.timestamp - epochDurationInit) / epochDuration;
    }

    function currentEpochStart() external view returns (uint48) {
        return _epochStart(currentEpoch());
    }

    function previousEpochStart() external view returns (uint48) {
        uint256 epoch = currentEpoch();
        if (epoch == 0) revert NoPreviousEpoch();
        return _epochStart(epoch - 1);
    }

    function nextEpochStart() external view returns (uint48) {
        return _epochStart(currentEpoch() + 1);
    }

    function _epochStart(uint256 epoch) private view returns (uint48) {
        uint256 start = epochDurationInit + epoch * epochDuration;
        if (start > type(uint48).max) revert SafeCastOverflowedUintDowncast(48, start);
        return uint48(start);
    }

    // ================================================================== stake and shares

    function activeStake() public view returns (uint256) {
        return _activeStake.latest();
    }

    function activeStakeAt(uint48 timestamp, bytes memory hint) public view returns (uint256) {
        return _activeStake.upperLookupRecent(timestamp, hint);
    }

    function activeShares() public view returns (uint256) {
        return _activeShares.latest();
    }

    function activeSharesAt(uint48 timestamp, bytes memory hint) public view returns (uint256) {
        return _activeShares.upperLookupRecent(timestamp, hint);
    }

    function activeSharesOf(address account) public view returns (uint256) {
        return _activeSharesOf[account].latest();
    }

    function activeSharesOfAt(address account, uint48 timestamp, bytes memory hint) public view returns (uint256) {
        return _activeSharesOf[account].upperLookupRecent(timestamp, hint);
    }

    function activeBalanceOf(address account) public view returns (uint256) {
        return _toAssets(activeSharesOf(account), activeStake(), activeShares(), false);
    }

    function activeBalanceOfAt(address account, uint48 timestamp, bytes calldata hints)
        external
        view
        returns (uint256)
    {
        ActiveBalanceOfHints memory h;
        if (hints.length > 0) h = abi.decode(hints, (ActiveBalanceOfHints));
        return _toAssets(
            activeSharesOfAt(account, timestamp, h.activeSharesOfHint),
            activeStakeAt(timestamp, h.activeStakeHint),
            activeSharesAt(timestamp, h.activeSharesHint),
            false
        );
    }

    function totalStake() external view returns (uint256) {
        uint256 epoch = currentEpoch();
        return activeStake() + withdrawals[epoch] + withdrawals[epoch + 1];
    }

    function withdrawalsOf(uint256 epoch, address account) public view returns (uint256) {
        return _toAssets(withdrawalSharesOf[epoch][account], withdrawals[epoch], withdrawalShares[epoch], false);
    }

    function slashableBalanceOf(address account) external view returns (uint256) {
        uint256 epoch = currentEpoch();
        return activeBalanceOf(account) + withdrawalsOf(epoch, account) + withdrawalsOf(epoch + 1, account);
    }

    function isInitialized() external view returns (bool) {
        return isDelegatorInitialized && isSlasherInitialized;
    }

    // ================================================================== staker writes

    function deposit(address onBehalfOf, uint256 amount)
        public
        virtual
        nonReentrant
        returns (uint256 depositedAmount, uint256 mintedShares)
    {
        if (onBehalfOf == address(0)) revert InvalidOnBehalfOf();
        if (depositWhitelist && !isDepositorWhitelisted[msg.sender]) revert NotWhitelistedDepositor();

        uint256 balanceBefore = IERC20(collateral).balanceOf(address(this));
        _callCollateral(abi.encodeCall(IERC20.transferFrom, (msg.sender, address(this), amount)));
        depositedAmount = IERC20(collateral).balanceOf(address(this)) - balanceBefore;
        if (depositedAmount == 0) revert InsufficientDeposit();

        uint256 stake = activeStake();
        if (isDepositLimit && stake + depositedAmount > depositLimit) revert DepositLimitReached();
        uint256 shares = activeShares();
        mintedShares = _toShares(depositedAmount, shares, stake, false);

        _activeStake.push(stake + depositedAmount);
        _activeShares.push(shares + mintedShares);
        _activeSharesOf[onBehalfOf].push(activeSharesOf(onBehalfOf) + mintedShares);

        emit Deposit(msg.sender, onBehalfOf, depositedAmount, mintedShares);
    }

    function withdraw(address claimer, uint256 amount)
        external
        nonReentrant
        returns (uint256 burnedShares, uint256 mintedShares)
    {
        if (claimer == address(0)) revert InvalidClaimer();
        if (amount == 0) revert InsufficientWithdrawal();
        burnedShares = _toShares(amount, activeShares(), activeStake(), true);
        if (burnedShares > activeSharesOf(msg.sender)) revert TooMuchWithdraw();
        mintedShares = _withdraw(claimer, amount, burnedShares);
    }

    function redeem(address claimer, uint256 shares)
        external
        nonReentrant
        returns (uint256 withdrawnAssets, uint256 mintedShares)
    {
        if (claimer == address(0)) revert InvalidClaimer();
        if (shares > activeSharesOf(msg.sender)) revert TooMuchRedeem();
        withdrawnAssets = _toAssets(shares, activeStake(), activeShares(), false);
        if (withdrawnAssets == 0) revert InsufficientRedemption();
        mintedShares = _withdraw(claimer, withdrawnAssets, shares);
    }

    function claim(address recipient, uint256 epoch) external nonReentrant returns (uint256 amount) {
        if (recipient == address(0)) revert InvalidRecipient();
        amount = _claim(epoch);
        _callCollateral(abi.encodeCall(IERC20.transfer, (recipient, amount)));
        emit Claim(msg.sender, recipient, epoch, amount);
    }

    function claimBatch(address recipient, uint256[] calldata epochs) external nonReentrant returns (uint256 amount) {
        if (recipient == address(0)) revert InvalidRecipient();
        uint256 n = epochs.length;
        if (n == 0) revert InvalidLengthEpochs();
        for (uint256 i; i < n; ++i) {
            amount += _claim(epochs[i]);
        }
        _callCollateral(abi.encodeCall(IERC20.transfer, (recipient, amount)));
        emit ClaimBatch(msg.sender, recipient, epochs, amount);
    }

    /// @dev Burns `burnedShares` active shares of msg.sender and books `withdrawnAssets` in bucket
    ///      currentEpoch() + 1 for `claimer`; VaultTokenized adds the ERC-20 burn event.
    function _withdraw(address claimer, uint256 withdrawnAssets, uint256 burnedShares)
        internal
        virtual
        returns (uint256 mintedShares)
    {
        _activeSharesOf[msg.sender].push(activeSharesOf(msg.sender) - burnedShares);
        _activeShares.push(activeShares() - burnedShares);
        _activeStake.push(activeStake() - withdrawnAssets);

        uint256 epoch = currentEpoch() + 1;
        uint256 bucketAssets = withdrawals[epoch];
        uint256 bucketShares = withdrawalShares[epoch];
        mintedShares = _toShares(withdrawnAssets, bucketShares, bucketAssets, false);
        withdrawals[epoch] = bucketAssets + withdrawnAssets;
        withdrawalShares[epoch] = bucketShares + mintedShares;
        withdrawalSharesOf[epoch][claimer] += mintedShares;

        emit Withdraw(msg.sender, claimer, withdrawnAssets, burnedShares, mintedShares);
    }

    function _claim(uint256 epoch) private returns (uint256 amount) {
        if (epoch >= currentEpoch()) revert InvalidEpoch();
        if (isWithdrawalsClaimed[epoch][msg.sender]) revert AlreadyClaimed();
        amount = withdrawalsOf(epoch, msg.sender);
        if (amount == 0) revert InsufficientClaim();
        isWithdrawalsClaimed[epoch][msg.sender] = true;
    }

    // ================================================================== slashing

    function onSlash(uint256 amount, uint48 captureTimestamp) external nonReentrant returns (uint256 slashedAmount) {
        if (msg.sender != slasher) revert NotSlasher();

        uint256 epochNow = currentEpoch();
        uint256 captureEpoch = epochAt(captureTimestamp);
        if ((epochNow > 0 && captureEpoch < epochNow - 1) || captureEpoch > epochNow) revert InvalidCaptureEpoch();

        uint256 stake = activeStake();
        uint256 nextBucket = withdrawals[epochNow + 1];
        if (captureEpoch == epochNow) {
            // The current bucket was requested before the capture: only active stake and the next bucket.
            uint256 slashable = stake + nextBucket;
            slashedAmount = amount < slashable ? amount : slashable;
            if (slashedAmount > 0) {
                uint256 fromActive = _mulDiv(slashedAmount, stake, slashable, false);
                _activeStake.push(stake - fromActive);
                withdrawals[epochNow + 1] = nextBucket - (slashedAmount - fromActive);
            }
        } else {
            uint256 currentBucket = withdrawals[epochNow];
            uint256 slashable = stake + currentBucket + nextBucket;
            slashedAmount = amount < slashable ? amount : slashable;
            if (slashedAmount > 0) {
                uint256 fromActive = _mulDiv(slashedAmount, stake, slashable, false);
                uint256 fromNext = _mulDiv(slashedAmount, nextBucket, slashable, false);
                uint256 fromCurrent = slashedAmount - fromActive - fromNext;
                if (fromCurrent > currentBucket) {
                    fromNext += fromCurrent - currentBucket;
                    fromCurrent = currentBucket;
                }
                _activeStake.push(stake - fromActive);
                withdrawals[epochNow + 1] = nextBucket - fromNext;
                withdrawals[epochNow] = currentBucket - fromCurrent;
            }
        }

        if (slashedAmount > 0) _callCollateral(abi.encodeCall(IERC20.transfer, (burner, slashedAmount)));

        emit OnSlash(amount, captureTimestamp, slashedAmount);
    }

    // ================================================================== settings

    function setDepositWhitelist(bool status) external nonReentrant onlyRole(DEPOSIT_WHITELIST_SET_ROLE) {
        if (depositWhitelist == status) revert AlreadySet();
        depositWhitelist = status;
        emit SetDepositWhitelist(status);
    }

    function setDepositorWhitelistStatus(address account, bool status)
        external
        nonReentrant
        onlyRole(DEPOSITOR_WHITELIST_ROLE)
    {
        if (account == address(0)) revert InvalidAccount();
        if (isDepositorWhitelisted[account] == status) revert AlreadySet();
        isDepositorWhitelisted[account] = status;
        emit SetDepositorWhitelistStatus(account, status);
    }

    function setIsDepositLimit(bool status) external nonReentrant onlyRole(IS_DEPOSIT_LIMIT_SET_ROLE) {
        if (isDepositLimit == status) revert AlreadySet();
        isDepositLimit = status;
        emit SetIsDepositLimit(status);
    }

    function setDepositLimit(uint256 limit) external nonReentrant onlyRole(DEPOSIT_LIMIT_SET_ROLE) {
        if (depositLimit == limit) revert AlreadySet();
        depositLimit = limit;
        emit SetDepositLimit(limit);
    }

    function setDelegator(address delegator_) external nonReentrant {
        if (isDelegatorInitialized) revert DelegatorAlreadyInitialized();
        if (!ISymbioticEntityRegistry(DELEGATOR_FACTORY).isEntity(delegator_)) revert NotDelegator();
        if (ISymbioticVaultEntity(delegator_).vault() != address(this)) revert InvalidDelegator();
        delegator = delegator_;
        isDelegatorInitialized = true;
        emit SetDelegator(delegator_);
    }

    function setSlasher(address slasher_) external nonReentrant {
        if (isSlasherInitialized) revert SlasherAlreadyInitialized();
        if (slasher_ != address(0)) {
            if (!ISymbioticEntityRegistry(SLASHER_FACTORY).isEntity(slasher_)) revert NotSlasher();
            if (ISymbioticVaultEntity(slasher_).vault() != address(this)) revert InvalidSlasher();
            slasher = slasher_;
        }
        isSlasherInitialized = true;
        emit SetSlasher(slasher_);
    }

    // ================================================================== helpers

    /// @dev ERC4626Math with decimals offset 0: assets -> shares, `assets * (totalShares + 1) / (totalAssets + 1)`.
    function _toShares(uint256 assets, uint256 totalShares, uint256 totalAssets, bool roundUp)
        internal
        pure
        returns (uint256)
    {
        return _mulDiv(assets, totalShares + 1, totalAssets + 1, roundUp);
    }

    /// @dev ERC4626Math with decimals offset 0: shares -> assets, `shares * (totalAssets + 1) / (totalShares + 1)`.
    function _toAssets(uint256 shares, uint256 totalAssets, uint256 totalShares, bool roundUp)
        internal
        pure
        returns (uint256)
    {
        return _mulDiv(shares, totalAssets + 1, totalShares + 1, roundUp);
    }

    /// @dev SafeERC20 (OZ v5.0) call on the collateral: bubbles a revert, FailedInnerCall() for an empty one,
    ///      AddressEmptyCode(token) for a call to no code, SafeERC20FailedOperation(token) for a `false` return.
    function _callCollateral(bytes memory data) private {
        address token = collateral;
        (bool ok, bytes memory ret) = token.call(data);
        if (!ok) {
            if (ret.length > 0) {
                assembly {
                    revert(add(ret, 0x20), mload(ret))
                }
            }
            revert FailedInnerCall();
        }
        if (ret.length == 0) {
            if (token.code.length == 0) revert AddressEmptyCode(token);
        } else if (!abi.decode(ret, (bool))) {
            revert SafeERC20FailedOperation(token);
        }
    }
}
