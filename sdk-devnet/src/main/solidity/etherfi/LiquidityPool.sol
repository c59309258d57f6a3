// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ILiquidityPool} from "abi/etherfi/ILiquidityPool.sol";
import {PermitInput, SourceOfFunds} from "abi/etherfi/EtherFiCommon.sol";
import {FixtureUnsupported} from "../eigenlayer/FixtureSupport.sol";

/// @dev The eETH calls the pool makes.
interface IEETHForPool {
    function shares(address user) external view returns (uint256);
    function totalShares() external view returns (uint256);
    function mintShares(address user, uint256 share) external;
    function burnShares(address user, uint256 share) external;
    function transferFrom(address sender, address recipient, uint256 amount) external returns (bool);
    function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external;
}

/// @dev The WithdrawRequestNFT call the pool makes.
interface IWithdrawRequestNFTForPool {
    function requestWithdraw(uint96 amountOfEEth, uint96 shareOfEEth, address recipient) external returns (uint256);
}

/// @dev The blacklist check the pool makes.
interface IBlacklisterForPool {
    function nonBlacklisted(address user) external view;
}

/// @title LiquidityPool (devnet fixture)
/// @notice ether.fi's ETH entry point with its eETH share math, after the 26Q2 upgrade. The pool's value is
///         `totalValueInLp + totalValueOutOfLp`; a deposit of `a` mints `floor(a * totalShares / TVL_before)`
///         shares (1:1 while the pool is empty) and may not lower the rate (`EETHRateDeflation()`);
///         `sharesForAmount` and `amountForShare` round down, `sharesForWithdrawalAmount` and
///         `amountPerShareCeil` round up (0 on an empty pool). A withdrawal request of
///         `minWithdrawAmount <= amount <= maxWithdrawAmount` eETH (0.001 .. 1000 ETH, mainnet's 26Q2 values)
///         moves the eETH (allowance to the pool) to the WithdrawRequestNFT, which records the amount and
///         `sharesForAmount(amount)` and mints the NFT to the recipient; 0 or outside the bounds reverts
///         `InvalidWithdrawalAmount()`, a request worth no share `InvalidShareAmount()`.
///         As upstream:
///         - `rebase(accruedRewards, protocolFees)` (EtherFiAdmin only) changes accounting only:
///           `totalValueOutOfLp += accruedRewards`, a positive one at most 25 bps of the pool's value
///           (`RebaseExceedsPositiveCap()`), then `Rebase(totalPooledEther, totalShares)`; protocol fees are
///           minted to `feeRecipient` as eETH at the new rate (`ProtocolFeePaid`, then a Deposit).
///         - `receive()` takes ether back into the pool (validators' exits and rewards, a claim's leftover
///           escrow): `totalValueOutOfLp -= value`, `totalValueInLp += value`.
///         - `addEthAmountLockedForWithdrawal(amount)` (EtherFiAdmin or the NFT) sends finalization escrow from
///           `totalValueInLp` to the WithdrawRequestNFT, counted in `totalValueOutOfLp` (`InsufficientLiquidity()`
///           if the pool holds less); `withdraw(amount, share)` (the NFT only) settles a claim: burns the
///           request's full `share` from the NFT contract and removes `amount` from `totalValueOutOfLp`.
///         - deposits and requests are `whenNotPaused` (`pause()`/`unpause()`: `ContractPaused()`;
///           `pauseUntil()`/`unpauseUntil()`: `ContractPausedUntil(until)`, 8 hours, a 7-day cooldown per
///           pauser) and check the Blacklister (the caller; a request's recipient too): `BlacklistedUser(user)`.
///         - the eETH mint/burn buckets are spent by eETH in the EtherFiRateLimiter fixture.
/// @dev Devnet semantics (deviations from ether.fi):
///      - No validators: the ether stays in this contract. `devnetSendToBeacon(amount)` (EtherFiAdmin only)
///        stands in for the validator deposits: it moves `amount` from `totalValueInLp` to `totalValueOutOfLp`
///        and sends the ether to EtherFiAdmin (the devnet's beacon chain), so that a negative rebase has
///        out-of-pool value to take, as on mainnet.
///      - EtherFiAdmin is the devnet's EtherFiAdmin fixture (driven by the deployer, no oracle committee);
///        the deployer holds the admin, operating-multisig and guardian roles (`setFeeRecipient`,
///        `setMinWithdrawAmount`, `setMaxWithdrawAmount`, the pause functions); others revert `IncorrectCaller()`.
///        `feeRecipient` starts as the deployer. `depositToRecipient` is open to EtherFiAdmin only (no
///        Liquifier).
///      - The pool is not upgradeable and has no escrow migration (`MigrationNotComplete` never happens).
///      - A loss larger than `totalValueOutOfLp` reverts `InsufficientLiquidity()` (upstream's int128 -> uint128
///        cast would wrap; EtherFiAdmin's APR bounds keep mainnet far from it).
///      - A request above `type(uint96).max` (only possible after raising maxWithdrawAmount) reverts
///        `InvalidAmount()`; upstream truncates it in the uint96 cast.
///      - Membership, Liquifier, redemption-manager, priority-queue and validator functions revert
///        `NotSupportedByFixture(name)`.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract LiquidityPool is ILiquidityPool, FixtureUnsupported {
    uint256 public constant SHARE_UNIT = 1e18;
    uint256 public constant MAX_POSITIVE_REBASE_BPS = 25;
    /// @notice 0.001 ETH and 1000 ETH, the bounds mainnet's 26Q2 upgrade sets.
    uint256 public constant DEVNET_DEFAULT_MIN_WITHDRAW_AMOUNT = 1e15;
    uint256 public constant DEVNET_DEFAULT_MAX_WITHDRAW_AMOUNT = 1000 ether;
    uint256 public constant MIN_PAUSE_DURATION = 8 hours;
    uint256 public constant PAUSER_UNTIL_COOLDOWN = 7 days;

    error AlreadyPaused();
    error NotPaused();
    error ContractNotPausedUntil();
    error PauserCooldownStillActive();

    /// @notice The account holding the admin, multisig and guardian roles (the deployer).
    address public immutable devnetAdmin;
    address public immutable etherFiAdminContract;
    IEETHForPool private immutable _eETH;
    address private immutable _withdrawRequestNFT;
    IBlacklisterForPool public immutable blacklister;

    uint128 public totalValueOutOfLp;
    uint128 public totalValueInLp;
    address public feeRecipient;
    uint256 public minWithdrawAmount;
    uint256 public maxWithdrawAmount;
    bool private _paused;
    uint256 private _pausedUntil;
    mapping(address => uint256) public lastPauseTimestamp;
    uint256 private _entered = 1;

    /// @param eETH_ the eETH fixture, @param withdrawRequestNFT_ the WithdrawRequestNFT fixture,
    ///        @param blacklister_ the Blacklister fixture, @param etherFiAdmin_ the EtherFiAdmin fixture (all
    ///        addresses are known before deployment)
    constructor(address eETH_, address withdrawRequestNFT_, address blacklister_, address etherFiAdmin_) {
        devnetAdmin = msg.sender;
        _eETH = IEETHForPool(eETH_);
        _withdrawRequestNFT = withdrawRequestNFT_;
        blacklister = IBlacklisterForPool(blacklister_);
        etherFiAdminContract = etherFiAdmin_;
        feeRecipient = msg.sender;
        minWithdrawAmount = DEVNET_DEFAULT_MIN_WITHDRAW_AMOUNT;
        maxWithdrawAmount = DEVNET_DEFAULT_MAX_WITHDRAW_AMOUNT;
        emit UpdatedFeeRecipient(msg.sender);
        emit MinWithdrawAmountSet(DEVNET_DEFAULT_MIN_WITHDRAW_AMOUNT);
        emit MaxWithdrawAmountSet(DEVNET_DEFAULT_MAX_WITHDRAW_AMOUNT);
    }

    modifier onlyDevnetAdmin() {
        if (msg.sender != devnetAdmin) revert IncorrectCaller();
        _;
    }

    modifier onlyEtherFiAdmin() {
        if (msg.sender != etherFiAdminContract) revert IncorrectCaller();
        _;
    }

    modifier nonReentrant() {
        require(_entered == 1, "ReentrancyGuard: reentrant call");
        _entered = 2;
        _;
        _entered = 1;
    }

    modifier whenNotPaused() {
        if (_paused) revert ContractPaused();
        if (_pausedUntil >= block.timestamp) revert ContractPausedUntil(_pausedUntil);
        _;
    }

    modifier nonBlacklisted() {
        blacklister.nonBlacklisted(msg.sender);
        _;
    }

    /// @notice Ether coming back into the pool: moves its value from out of the pool into it.
    receive() external payable {
        if (msg.value > type(uint128).max) revert InvalidAmount();
        totalValueOutOfLp -= uint128(msg.value);
        totalValueInLp += uint128(msg.value);
        _checkTotalValueInLp();
    }

    // ------------------------------------------------------------------ deposits

    function deposit() external payable returns (uint256) {
        return deposit(address(0));
    }

    function deposit(address _referral) public payable nonReentrant whenNotPaused nonBlacklisted returns (uint256) {
        emit Deposit(msg.sender, msg.value, SourceOfFunds.EETH, _referral);
        return _deposit(msg.sender, msg.value, 0);
    }

    /// @notice EtherFiAdmin only (protocol fees); mints shares for `_amount` counted out of the pool.
    function depositToRecipient(address _recipient, uint256 _amount, address _referral)
        public
        nonReentrant
        whenNotPaused
        returns (uint256)
    {
        if (msg.sender != etherFiAdminContract) revert IncorrectCaller();
        blacklister.nonBlacklisted(_recipient);
        emit Deposit(_recipient, _amount, SourceOfFunds.EETH, _referral);
        return _deposit(_recipient, 0, _amount);
    }

    function _deposit(address recipient, uint256 amountInLp, uint256 amountOutOfLp) private returns (uint256 share) {
        (uint256 tvlBefore, uint256 sharesBefore) = (getTotalPooledEther(), _eETH.totalShares());
        uint256 amount = amountInLp + amountOutOfLp;
        share = tvlBefore == 0 ? amount : amount * sharesBefore / tvlBefore;
        if (amount > type(uint128).max || amount == 0 || share == 0) revert InvalidAmount();
        totalValueInLp += uint128(amountInLp);
        totalValueOutOfLp += uint128(amountOutOfLp);
        _eETH.mintShares(recipient, share);
        _checkTotalValueInLp();
        _checkRateNotLower(tvlBefore, sharesBefore);
    }

    // ------------------------------------------------------------------ withdrawal requests

    function requestWithdraw(address recipient, uint256 amount)
        public
        nonReentrant
        whenNotPaused
        nonBlacklisted
        returns (uint256 requestId)
    {
        blacklister.nonBlacklisted(recipient);
        if (amount == 0 || amount < minWithdrawAmount || amount > maxWithdrawAmount) revert InvalidWithdrawalAmount();
        uint256 share = sharesForAmount(amount);
        if (share == 0) revert InvalidShareAmount();
        if (amount > type(uint96).max) revert InvalidAmount(); // upstream casts silently (bounded by maxWithdrawAmount)
        _eETH.transferFrom(msg.sender, _withdrawRequestNFT, amount);
        requestId = IWithdrawRequestNFTForPool(_withdrawRequestNFT).requestWithdraw(uint96(amount), uint96(share), recipient);
        emit Withdraw(msg.sender, recipient, amount, SourceOfFunds.EETH);
    }

    /// @notice The permit is tried and a failure ignored (it may have been front-run); then as requestWithdraw.
    function requestWithdrawWithPermit(address _owner, uint256 _amount, PermitInput calldata _permit)
        external
        returns (uint256 requestId)
    {
        try _eETH.permit(msg.sender, address(this), _permit.value, _permit.deadline, _permit.v, _permit.r, _permit.s) {}
        catch {}
        return requestWithdraw(_owner, _amount);
    }

    /// @notice Settles a finalized claim (the WithdrawRequestNFT only): burns the request's full `_share` from
    ///         the NFT contract and removes the `_amount` it pays (from its own escrow) from totalValueOutOfLp.
    function withdraw(uint256 _amount, uint256 _share) external nonReentrant {
        if (msg.sender != _withdrawRequestNFT) revert IncorrectCaller();
        if (_amount > type(uint128).max || _amount == 0 || _share == 0) revert InvalidAmount();
        totalValueOutOfLp -= uint128(_amount);
        _eETH.burnShares(msg.sender, _share);
    }

    // ------------------------------------------------------------------ share math

    function getTotalPooledEther() public view returns (uint256) {
        return uint256(totalValueOutOfLp) + uint256(totalValueInLp);
    }

    /// @notice floor(amount * totalShares / TVL); 0 if the pool is empty.
    function sharesForAmount(uint256 _amount) public view returns (uint256) {
        uint256 tvl = getTotalPooledEther();
        if (tvl == 0) return 0;
        return _amount * _eETH.totalShares() / tvl;
    }

    /// @notice ceil(amount * totalShares / TVL); 0 if the pool is empty.
    function sharesForWithdrawalAmount(uint256 _amount) public view returns (uint256) {
        uint256 tvl = getTotalPooledEther();
        if (tvl == 0) return 0;
        uint256 product = _amount * _eETH.totalShares();
        return product / tvl + (product % tvl == 0 ? 0 : 1);
    }

    /// @notice floor(share * TVL / totalShares); 0 if there are no shares.
    function amountForShare(uint256 _share) public view returns (uint256) {
        uint256 total = _eETH.totalShares();
        if (total == 0) return 0;
        return _share * getTotalPooledEther() / total;
    }

    /// @notice ceil(1e18 * TVL / totalShares); 0 while there are no shares (as amountForShare).
    function amountPerShareCeil() public view returns (uint256) {
        uint256 total = _eETH.totalShares();
        if (total == 0) return 0;
        uint256 product = SHARE_UNIT * getTotalPooledEther();
        return product / total + (product % total == 0 ? 0 : 1);
    }

    function getTotalEtherClaimOf(address _user) external view returns (uint256) {
        return amountForShare(_eETH.shares(_user));
    }

    function eETH() external view returns (address) {
        return address(_eETH);
    }

    function withdrawRequestNFT() external view returns (address) {
        return _withdrawRequestNFT;
    }

    function paused() external view returns (bool) {
        return _paused;
    }

    function pausedUntil() external view returns (uint256) {
        return _pausedUntil;
    }

    // ------------------------------------------------------------------ oracle (EtherFiAdmin)

    /// @notice An oracle report: accounting only (the ether arrives through receive()); a positive one at most
    ///         25 bps of the pool's value. Protocol fees are minted to feeRecipient after the rebase.
    function rebase(int128 _accruedRewards, uint128 _protocolFees) external onlyEtherFiAdmin {
        if (_accruedRewards > 0) {
            uint256 maxIncrease = getTotalPooledEther() * MAX_POSITIVE_REBASE_BPS / 10_000;
            if (uint256(uint128(_accruedRewards)) > maxIncrease) revert RebaseExceedsPositiveCap();
        }
        int256 outOfLp = int256(uint256(totalValueOutOfLp)) + _accruedRewards;
        if (outOfLp < 0) revert InsufficientLiquidity(); // upstream's int128 -> uint128 cast would wrap
        totalValueOutOfLp = uint128(uint256(outOfLp));
        emit Rebase(getTotalPooledEther(), _eETH.totalShares());
        if (_protocolFees > 0) {
            emit ProtocolFeePaid(_protocolFees);
            depositToRecipient(feeRecipient, _protocolFees, address(0)); // its checks apply, as upstream
        }
    }

    /// @notice Finalization escrow (EtherFiAdmin or the WithdrawRequestNFT): sends `_amount` to the NFT contract;
    ///         the pool's value does not change (totalValueInLp -> totalValueOutOfLp).
    function addEthAmountLockedForWithdrawal(uint128 _amount) external {
        if (msg.sender != etherFiAdminContract && msg.sender != _withdrawRequestNFT) revert IncorrectCaller();
        _sendOut(_withdrawRequestNFT, _amount);
    }

    /// @notice Devnet stand-in for validator deposits (EtherFiAdmin only): sends `_amount` to EtherFiAdmin,
    ///         counted out of the pool.
    function devnetSendToBeacon(uint128 _amount) external onlyEtherFiAdmin {
        _sendOut(etherFiAdminContract, _amount);
    }

    function _sendOut(address to, uint128 amount) private {
        if (totalValueInLp < amount) revert InsufficientLiquidity();
        totalValueInLp -= amount;
        totalValueOutOfLp += amount;
        (bool sent,) = to.call{value: amount}("");
        if (!sent) revert SendFail();
        _checkTotalValueInLp();
    }

    function _checkTotalValueInLp() private view {
        if (totalValueInLp > address(this).balance) revert InsufficientLiquidity();
    }

    /// @dev Upstream's nonDecreasingRate: P1 * S0 >= P0 * S1 unless either share count is 0.
    function _checkRateNotLower(uint256 tvlBefore, uint256 sharesBefore) private view {
        uint256 sharesAfter = _eETH.totalShares();
        if (sharesBefore != 0 && sharesAfter != 0 && getTotalPooledEther() * sharesBefore < tvlBefore * sharesAfter) {
            revert EETHRateDeflation();
        }
    }

    // ------------------------------------------------------------------ administration (deployer)

    function setFeeRecipient(address _feeRecipient) external onlyDevnetAdmin {
        feeRecipient = _feeRecipient;
        emit UpdatedFeeRecipient(_feeRecipient);
    }

    function setMinWithdrawAmount(uint256 _minWithdrawAmount) external onlyDevnetAdmin {
        if (_minWithdrawAmount > maxWithdrawAmount) revert InvalidAmount();
        minWithdrawAmount = _minWithdrawAmount;
        emit MinWithdrawAmountSet(_minWithdrawAmount);
    }

    function setMaxWithdrawAmount(uint256 _maxWithdrawAmount) external onlyDevnetAdmin {
        if (_maxWithdrawAmount == 0 || _maxWithdrawAmount < minWithdrawAmount) revert InvalidAmount();
        maxWithdrawAmount = _maxWithdrawAmount;
        emit MaxWithdrawAmountSet(_maxWithdrawAmount);
    }

    function pause() external onlyDevnetAdmin {
        if (_paused) revert AlreadyPaused();
        _paused = true;
        emit Paused(msg.sender);
    }

    function unpause() external onlyDevnetAdmin {
        if (!_paused) revert NotPaused();
        _paused = false;
        emit Unpaused(msg.sender);
    }

    /// @notice Pauses until now + 8 hours (upstream's MIN_PAUSE_DURATION, the default duration).
    function pauseUntil() external onlyDevnetAdmin {
        if (_pausedUntil >= block.timestamp) revert ContractPausedUntil(_pausedUntil);
        if (lastPauseTimestamp[msg.sender] + MIN_PAUSE_DURATION + PAUSER_UNTIL_COOLDOWN > block.timestamp) {
            revert PauserCooldownStillActive();
        }
        _pausedUntil = block.timestamp + MIN_PAUSE_DURATION;
        lastPauseTimestamp[msg.sender] = block.timestamp;
        emit PausedUntil(_pausedUntil);
    }

    function unpauseUntil() external onlyDevnetAdmin {
        if (_pausedUntil < block.timestamp) revert ContractNotPausedUntil();
        _pausedUntil = 0;
        emit UnpausedUntil();
    }

    // ------------------------------------------------------------------ not supported

    function deposit(address, address) external payable returns (uint256) {
        _unsupported("deposit(address,address)");
    }

    function liquifier() external view returns (address) {
        _unsupportedView("liquifier");
        return address(0);
    }

    function etherFiRedemptionManager() external view returns (address) {
        _unsupportedView("etherFiRedemptionManager");
        return address(0);
    }

    function priorityWithdrawalQueue() external view returns (address) {
        _unsupportedView("priorityWithdrawalQueue");
        return address(0);
    }

    function validatorSizeWei() external view returns (uint256) {
        _unsupportedView("validatorSizeWei");
        return 0;
    }
}
