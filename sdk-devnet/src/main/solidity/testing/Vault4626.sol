// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IERC20} from "abi/common/IERC20.sol";
import {IERC4626} from "abi/common/IERC4626.sol";
import {Failure, FixtureAllowances, FixtureERC20, Generation, revertERC6093} from "../common/FixtureERC20.sol";

/// @title Vault4626
/// @notice An EIP-4626 vault over any ERC-20 `asset`, written for restake4j's tests. Its shares are
///         this contract's own ERC-20, with `asset.decimals() + decimalsOffset` decimals.
///
///         Share math, with a virtual-shares offset against the first-depositor inflation attack:
///
///             shares(assets) = assets * (totalSupply + 10**decimalsOffset) / (totalAssets + 1)
///             assets(shares) = shares * (totalAssets + 1) / (totalSupply + 10**decimalsOffset)
///
///         The vault behaves as if 10**decimalsOffset shares and 1 wei of assets were always there, so an
///         empty vault starts at 10**decimalsOffset shares per wei, and a donation cannot round a later
///         depositor down to zero shares without costing the donor about 10**decimalsOffset times as much.
///         Rounding is the EIP's: convertToShares, convertToAssets, previewDeposit, previewRedeem and
///         maxWithdraw round down; previewMint and previewWithdraw round up (always in the vault's favour).
///
///         `totalAssets()` is the vault's balance of `asset`, so a plain transfer of assets to the vault
///         is yield for every holder. The owner (the deployer) may cap the assets held: `maxDeposit` and
///         `maxMint` then say what room is left, and deposits or mints above it revert with
///         `ERC4626ExceededMaxDeposit` / `ERC4626ExceededMaxMint`.
///
///         The shares are a FixtureERC20 with OpenZeppelin 5's rules and ERC-6093 errors, except that a
///         transfer from the zero address is not rejected (transferFrom(address(0), to, 0) succeeds).
///         The events and errors are those of abi/common/IERC4626.sol.
/// @dev Products are computed with checked 256-bit arithmetic (no 512-bit mulDiv): amounts near 2**128
///      overflow. Tokens with a fee on transfer are not supported. Test fixture only.
contract Vault4626 is FixtureERC20 {
    /// @notice Only the owner may change the deposit cap.
    error Unauthorized(address caller);

    /// @notice The owner set the cap on assets held to `cap` (type(uint256).max: no cap).
    event DepositCapSet(uint256 cap);

    address public immutable owner;
    uint8 public immutable decimalsOffset;
    address private immutable _asset;

    /// @notice Most assets the vault takes in total; type(uint256).max when uncapped.
    uint256 public depositCap = type(uint256).max;

    constructor(address asset_, uint8 decimalsOffset_, string memory name_, string memory symbol_)
        FixtureAllowances(Generation.OpenZeppelin5)
        FixtureERC20(name_, symbol_, IERC20(asset_).decimals() + decimalsOffset_)
    {
        owner = msg.sender;
        _asset = asset_;
        decimalsOffset = decimalsOffset_;
    }

    /// @notice Caps the assets the vault holds at `cap` (type(uint256).max removes the cap).
    function setDepositCap(uint256 cap) external {
        if (msg.sender != owner) revert Unauthorized(msg.sender);
        depositCap = cap;
        emit DepositCapSet(cap);
    }

    // ---------------------------------------------------------------------
    // EIP-4626 accounting
    // ---------------------------------------------------------------------

    function asset() external view returns (address) {
        return _asset;
    }

    function totalAssets() public view returns (uint256) {
        return IERC20(_asset).balanceOf(address(this));
    }

    function convertToShares(uint256 assets) external view returns (uint256) {
        return _toShares(assets, false);
    }

    function convertToAssets(uint256 shares) external view returns (uint256) {
        return _toAssets(shares, false);
    }

    // ---------------------------------------------------------------------
    // Deposit / mint
    // ---------------------------------------------------------------------

    function maxDeposit(address) public view returns (uint256) {
        if (depositCap == type(uint256).max) return type(uint256).max;
        uint256 held = totalAssets();
        return depositCap > held ? depositCap - held : 0;
    }

    function previewDeposit(uint256 assets) public view returns (uint256) {
        return _toShares(assets, false);
    }

    function deposit(uint256 assets, address receiver) external returns (uint256 shares) {
        uint256 max = maxDeposit(receiver);
        if (assets > max) revert IERC4626.ERC4626ExceededMaxDeposit(receiver, assets, max);
        shares = previewDeposit(assets);
        _enter(receiver, assets, shares);
    }

    function maxMint(address receiver) public view returns (uint256) {
        uint256 room = maxDeposit(receiver);
        return room == type(uint256).max ? type(uint256).max : _toShares(room, false);
    }

    function previewMint(uint256 shares) public view returns (uint256) {
        return _toAssets(shares, true);
    }

    function mint(uint256 shares, address receiver) external returns (uint256 assets) {
        uint256 max = maxMint(receiver);
        if (shares > max) revert IERC4626.ERC4626ExceededMaxMint(receiver, shares, max);
        assets = previewMint(shares);
        _enter(receiver, assets, shares);
    }

    // ---------------------------------------------------------------------
    // Withdraw / redeem
    // ---------------------------------------------------------------------

    function maxWithdraw(address holder) public view returns (uint256) {
        return _toAssets(balanceOf(holder), false);
    }

    function previewWithdraw(uint256 assets) public view returns (uint256) {
        return _toShares(assets, true);
    }

    function withdraw(uint256 assets, address receiver, address holder) external returns (uint256 shares) {
        uint256 max = maxWithdraw(holder);
        if (assets > max) revert IERC4626.ERC4626ExceededMaxWithdraw(holder, assets, max);
        shares = previewWithdraw(assets);
        _exit(receiver, holder, assets, shares);
    }

    function maxRedeem(address holder) public view returns (uint256) {
        return balanceOf(holder);
    }

    function previewRedeem(uint256 shares) public view returns (uint256) {
        return _toAssets(shares, false);
    }

    function redeem(uint256 shares, address receiver, address holder) external returns (uint256 assets) {
        uint256 max = maxRedeem(holder);
        if (shares > max) revert IERC4626.ERC4626ExceededMaxRedeem(holder, shares, max);
        assets = previewRedeem(shares);
        _exit(receiver, holder, assets, shares);
    }

    // ---------------------------------------------------------------------
    // Internals
    // ---------------------------------------------------------------------

    function _toShares(uint256 assets, bool up) private view returns (uint256) {
        return _mulDiv(assets, totalSupply() + 10 ** decimalsOffset, totalAssets() + 1, up);
    }

    function _toAssets(uint256 shares, bool up) private view returns (uint256) {
        return _mulDiv(shares, totalAssets() + 1, totalSupply() + 10 ** decimalsOffset, up);
    }

    function _mulDiv(uint256 a, uint256 b, uint256 c, bool up) private pure returns (uint256) {
        uint256 product = a * b;
        uint256 q = product / c;
        return up && q * c != product ? q + 1 : q;
    }

    /// Pulls the assets first, then mints: the shares were priced before the transfer changed totalAssets.
    function _enter(address receiver, uint256 assets, uint256 shares) private {
        if (receiver == address(0)) revert IERC20.ERC20InvalidReceiver(address(0));
        require(IERC20(_asset).transferFrom(msg.sender, address(this), assets), "Vault4626: transferFrom failed");
        _mint(receiver, shares);
        emit IERC4626.Deposit(msg.sender, receiver, assets, shares);
    }

    /// Burns first, then pays: the assets were priced before the burn.
    function _exit(address receiver, address holder, uint256 assets, uint256 shares) private {
        if (receiver == address(0)) revert IERC20.ERC20InvalidReceiver(address(0));
        if (msg.sender != holder) _spendAllowance(holder, msg.sender, shares);
        _burn(holder, shares);
        require(IERC20(_asset).transfer(receiver, assets), "Vault4626: transfer failed");
        emit IERC4626.Withdraw(msg.sender, receiver, holder, assets, shares);
    }

    function _fail(Failure failure, address account, uint256 held, uint256 needed) internal pure override {
        revertERC6093(failure, account, held, needed);
    }

    /// @dev The vault never checked the sender of a share transfer.
    function _rejectsZeroSender() internal pure override returns (bool) {
        return false;
    }
}
