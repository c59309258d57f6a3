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

/// @title LiquidityPool (devnet fixture)
/// @notice ether.fi's ETH entry point with its eETH share math: the pool's value is
///         `totalValueInLp + totalValueOutOfLp`; a deposit of `a` mints `floor(a * totalShares / TVL_before)`
///         shares (1:1 while the pool is empty); `sharesForAmount` and `amountForShare` round down,
///         `sharesForWithdrawalAmount` and `amountPerShareCeil` round up. A withdrawal request of
///         `minWithdrawAmount ≤ amount ≤ maxWithdrawAmount` eETH (0.001 .. 1000 ETH, mainnet's 26Q2 values)
///         moves the eETH (allowance to the pool) to the WithdrawRequestNFT, which records the amount and
///         `sharesForAmount(amount)` and mints the NFT to the recipient. Events and custom errors as upstream:
///         a request of 0 or outside the bounds reverts `InvalidWithdrawalAmount()`, one worth no share
///         `InvalidShareAmount()`; zero deposits and claims revert `InvalidAmount()`.
/// @dev Devnet semantics (deviations from ether.fi):
///      - No validators: all pooled ether is in this contract (`totalValueInLp`), except the escrow of
///        finalized, unclaimed requests, which sits in the WithdrawRequestNFT and is counted in
///        `totalValueOutOfLp` until it is claimed (the pool's value does not change at finalization).
///      - The oracle is the deployer: `devnetRebase(delta)` adds rewards (sent along as msg.value) or takes
///        a loss (sent to the deployer), emitting `Rebase`; no protocol fee shares, no 25 bps cap. The real
///        `rebase(int128,uint128)` reverts `NotSupportedByFixture`.
///      - `addEthAmountLockedForWithdrawal` is called by the WithdrawRequestNFT fixture when the deployer
///        finalizes (upstream: EtherFiAdmin); it sends the escrow to the NFT contract.
///      - `devnetClaimWithdrawal` (WithdrawRequestNFT only) burns the shares of the ether a claim pays
///        (`sharesForWithdrawalAmount`, capped at the request's shares) and removes that ether from
///        `totalValueOutOfLp` (upstream: `withdraw`).
///      - A request above `type(uint96).max` (only possible after raising maxWithdrawAmount) reverts
///        `InvalidAmount()`; upstream truncates it in the uint96 cast.
///      - Never paused, no blacklist; the eETH mint/burn buckets are enforced by the EtherFiRateLimiter
///        fixture through eETH, as upstream. Membership, Liquifier, validator and migration functions
///        revert `NotSupportedByFixture(name)`.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract LiquidityPool is ILiquidityPool, FixtureUnsupported {
    uint256 public constant SHARE_UNIT = 1e18;
    /// @notice 0.001 ETH and 1000 ETH, the bounds mainnet's 26Q2 upgrade sets.
    uint256 public constant DEVNET_DEFAULT_MIN_WITHDRAW_AMOUNT = 1e15;
    uint256 public constant DEVNET_DEFAULT_MAX_WITHDRAW_AMOUNT = 1000 ether;

    /// @notice The devnet oracle and admin (the deployer).
    address public immutable devnetAdmin;
    IEETHForPool private immutable _eETH;
    address private immutable _withdrawRequestNFT;

    uint128 public totalValueInLp;
    uint128 public totalValueOutOfLp;
    uint256 public minWithdrawAmount;
    uint256 public maxWithdrawAmount;
    uint256 private _pausedUntil; // never set
    bool private _paused; // never set
    uint256 private _entered = 1;

    /// @param eETH_ the eETH fixture, @param withdrawRequestNFT_ the WithdrawRequestNFT fixture (both
    ///        addresses are known before deployment)
    constructor(address eETH_, address withdrawRequestNFT_) {
        devnetAdmin = msg.sender;
        _eETH = IEETHForPool(eETH_);
        _withdrawRequestNFT = withdrawRequestNFT_;
        minWithdrawAmount = DEVNET_DEFAULT_MIN_WITHDRAW_AMOUNT;
        maxWithdrawAmount = DEVNET_DEFAULT_MAX_WITHDRAW_AMOUNT;
        emit MinWithdrawAmountSet(DEVNET_DEFAULT_MIN_WITHDRAW_AMOUNT);
        emit MaxWithdrawAmountSet(DEVNET_DEFAULT_MAX_WITHDRAW_AMOUNT);
    }

    modifier onlyDevnetAdmin() {
        if (msg.sender != devnetAdmin) revert IncorrectCaller();
        _;
    }

    modifier nonReentrant() {
        require(_entered == 1, "ReentrancyGuard: reentrant call");
        _entered = 2;
        _;
        _entered = 1;
    }

    // ------------------------------------------------------------------ deposits

    function deposit() external payable returns (uint256) {
        return _deposit(address(0));
    }

    function deposit(address _referral) external payable returns (uint256) {
        return _deposit(_referral);
    }

    function _deposit(address referral) private nonReentrant returns (uint256 share) {
        if (msg.value == 0) revert InvalidAmount();
        uint256 tvlBefore = getTotalPooledEther();
        uint256 sharesBefore = _eETH.totalShares();
        share = tvlBefore == 0 ? msg.value : msg.value * sharesBefore / tvlBefore;
        if (share == 0) revert InvalidAmount();
        totalValueInLp += uint128(msg.value);
        _eETH.mintShares(msg.sender, share);
        // the rate may not fall: (tvl + a) / (shares + s) >= tvl / shares
        if (sharesBefore != 0 && (tvlBefore + msg.value) * sharesBefore < tvlBefore * (sharesBefore + share)) {
            revert EETHRateDeflation();
        }
        emit Deposit(msg.sender, msg.value, SourceOfFunds.EETH, referral);
    }

    // ------------------------------------------------------------------ withdrawal requests

    function requestWithdraw(address recipient, uint256 amount) public nonReentrant returns (uint256 requestId) {
        return _requestWithdraw(msg.sender, recipient, amount);
    }

    /// @notice The permit is tried and a failure ignored (it may have been front-run); then as requestWithdraw.
    function requestWithdrawWithPermit(address _owner, uint256 _amount, PermitInput calldata _permit)
        external
        nonReentrant
        returns (uint256 requestId)
    {
        try _eETH.permit(msg.sender, address(this), _permit.value, _permit.deadline, _permit.v, _permit.r, _permit.s) {}
        catch {}
        return _requestWithdraw(msg.sender, _owner, _amount);
    }

    function _requestWithdraw(address from, address recipient, uint256 amount) private returns (uint256 requestId) {
        if (amount == 0 || amount < minWithdrawAmount || amount > maxWithdrawAmount) revert InvalidWithdrawalAmount();
        uint256 share = sharesForAmount(amount);
        if (share == 0) revert InvalidShareAmount();
        if (amount > type(uint96).max) revert InvalidAmount(); // upstream casts silently (bounded by maxWithdrawAmount)
        _eETH.transferFrom(from, _withdrawRequestNFT, amount);
        requestId = IWithdrawRequestNFTForPool(_withdrawRequestNFT).requestWithdraw(uint96(amount), uint96(share), recipient);
        emit Withdraw(from, recipient, amount, SourceOfFunds.EETH);
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

    /// @notice Always false: the devnet pool is never paused.
    function paused() external view returns (bool) {
        return _paused;
    }

    /// @notice Always 0: the devnet pool is never paused.
    function pausedUntil() external view returns (uint256) {
        return _pausedUntil;
    }

    // ------------------------------------------------------------------ administration (deployer)

    function setMinWithdrawAmount(uint256 _minWithdrawAmount) external onlyDevnetAdmin {
        minWithdrawAmount = _minWithdrawAmount;
        emit MinWithdrawAmountSet(_minWithdrawAmount);
    }

    function setMaxWithdrawAmount(uint256 _maxWithdrawAmount) external onlyDevnetAdmin {
        maxWithdrawAmount = _maxWithdrawAmount;
        emit MaxWithdrawAmountSet(_maxWithdrawAmount);
    }

    /// @notice Devnet oracle report: adds `rewardsOrLossWei` to the pool (rewards come as msg.value) or
    ///         removes `-rewardsOrLossWei` from the ether in the pool (sent to the deployer). Share counts
    ///         do not change. Emits `Rebase(totalPooledEther, totalShares)`.
    function devnetRebase(int256 rewardsOrLossWei) external payable onlyDevnetAdmin nonReentrant {
        uint256 totalShares = _eETH.totalShares();
        require(totalShares != 0, "DEVNET_NO_SHARES");
        if (rewardsOrLossWei >= 0) {
            require(msg.value == uint256(rewardsOrLossWei), "DEVNET_VALUE_MISMATCH");
            totalValueInLp += uint128(msg.value);
        } else {
            require(msg.value == 0, "DEVNET_VALUE_MISMATCH");
            uint256 loss = uint256(-rewardsOrLossWei);
            if (loss >= totalValueInLp) revert InsufficientLiquidity();
            totalValueInLp -= uint128(loss);
            (bool sent,) = msg.sender.call{value: loss}("");
            if (!sent) revert SendFail();
        }
        emit Rebase(getTotalPooledEther(), totalShares);
    }

    /// @notice Finalization escrow, called by the WithdrawRequestNFT fixture: sends `_amount` to it; the
    ///         ether stays in the pool's value (as totalValueOutOfLp) until it is claimed.
    function addEthAmountLockedForWithdrawal(uint128 _amount) external {
        if (msg.sender != _withdrawRequestNFT) revert IncorrectCaller();
        if (_amount > totalValueInLp) revert InsufficientLiquidity();
        totalValueInLp -= _amount;
        totalValueOutOfLp += _amount;
        (bool sent,) = _withdrawRequestNFT.call{value: _amount}("");
        if (!sent) revert SendFail();
    }

    /// @notice Devnet: called by the WithdrawRequestNFT fixture when a request is claimed (upstream: the
    ///         NFT's call to `withdraw`): burns `sharesForWithdrawalAmount(amountPaid)` (rounded up, at most
    ///         the request's `shareOfEEth`) from the NFT contract and removes the ether paid out of escrow.
    ///         Returns the shares burnt; the rest of the request's shares stay with the NFT contract.
    function devnetClaimWithdrawal(uint256 shareOfEEth, uint256 amountPaid) external returns (uint256 burnt) {
        if (msg.sender != _withdrawRequestNFT) revert IncorrectCaller();
        if (amountPaid > totalValueOutOfLp) revert InsufficientLiquidity();
        burnt = sharesForWithdrawalAmount(amountPaid);
        if (burnt > shareOfEEth) burnt = shareOfEEth;
        _eETH.burnShares(msg.sender, burnt); // the burn bucket counts the shares' value before the claim
        totalValueOutOfLp -= uint128(amountPaid);
    }

    // ------------------------------------------------------------------ not supported

    function deposit(address, address) external payable returns (uint256) {
        _unsupported("deposit(address,address)");
    }

    function depositToRecipient(address, uint256, address) external returns (uint256) {
        _unsupported("depositToRecipient");
    }

    function rebase(int128, uint128) external {
        _unsupported("rebase");
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
