// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IERC20} from "abi/common/IERC20.sol";
import {IERC4626} from "abi/common/IERC4626.sol";

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
/// @dev Products are computed with checked 256-bit arithmetic (no 512-bit mulDiv): amounts near 2**128
///      overflow. Tokens with a fee on transfer are not supported. Test fixture only.
contract Vault4626 is IERC4626 {
    /// @notice Only the owner may change the deposit cap.
    error Unauthorized(address caller);

    /// @notice The owner set the cap on assets held to `cap` (type(uint256).max: no cap).
    event DepositCapSet(uint256 cap);

    address public immutable owner;
    uint8 public immutable decimalsOffset;
    address private immutable _asset;
    uint8 private immutable _decimals;
    string private _name;
    string private _symbol;

    /// @notice Most assets the vault takes in total; type(uint256).max when uncapped.
    uint256 public depositCap = type(uint256).max;

    uint256 private _totalSupply;
    mapping(address account => uint256) private _balances;
    mapping(address account => mapping(address spender => uint256)) private _allowances;

    constructor(address asset_, uint8 decimalsOffset_, string memory name_, string memory symbol_) {
        owner = msg.sender;
        _asset = asset_;
        decimalsOffset = decimalsOffset_;
        _decimals = IERC20(asset_).decimals() + decimalsOffset_;
        _name = name_;
        _symbol = symbol_;
    }

    /// @notice Caps the assets the vault holds at `cap` (type(uint256).max removes the cap).
    function setDepositCap(uint256 cap) external {
        if (msg.sender != owner) revert Unauthorized(msg.sender);
        depositCap = cap;
        emit DepositCapSet(cap);
    }

    // ---------------------------------------------------------------------
    // ERC-20 (the shares)
    // ---------------------------------------------------------------------

    function name() external view returns (string memory) {
        return _name;
    }

    function symbol() external view returns (string memory) {
        return _symbol;
    }

    function decimals() external view returns (uint8) {
        return _decimals;
    }

    function totalSupply() external view returns (uint256) {
        return _totalSupply;
    }

    function balanceOf(address account) external view returns (uint256) {
        return _balances[account];
    }

    function allowance(address holder, address spender) external view returns (uint256) {
        return _allowances[holder][spender];
    }

    function transfer(address to, uint256 value) external returns (bool) {
        _transfer(msg.sender, to, value);
        return true;
    }

    function approve(address spender, uint256 value) external returns (bool) {
        if (spender == address(0)) revert ERC20InvalidSpender(address(0));
        _allowances[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        _spendAllowance(from, msg.sender, value);
        _transfer(from, to, value);
        return true;
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
        if (assets > max) revert ERC4626ExceededMaxDeposit(receiver, assets, max);
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
        if (shares > max) revert ERC4626ExceededMaxMint(receiver, shares, max);
        assets = previewMint(shares);
        _enter(receiver, assets, shares);
    }

    // ---------------------------------------------------------------------
    // Withdraw / redeem
    // ---------------------------------------------------------------------

    function maxWithdraw(address holder) public view returns (uint256) {
        return _toAssets(_balances[holder], false);
    }

    function previewWithdraw(uint256 assets) public view returns (uint256) {
        return _toShares(assets, true);
    }

    function withdraw(uint256 assets, address receiver, address holder) external returns (uint256 shares) {
        uint256 max = maxWithdraw(holder);
        if (assets > max) revert ERC4626ExceededMaxWithdraw(holder, assets, max);
        shares = previewWithdraw(assets);
        _exit(receiver, holder, assets, shares);
    }

    function maxRedeem(address holder) public view returns (uint256) {
        return _balances[holder];
    }

    function previewRedeem(uint256 shares) public view returns (uint256) {
        return _toAssets(shares, false);
    }

    function redeem(uint256 shares, address receiver, address holder) external returns (uint256 assets) {
        uint256 max = maxRedeem(holder);
        if (shares > max) revert ERC4626ExceededMaxRedeem(holder, shares, max);
        assets = previewRedeem(shares);
        _exit(receiver, holder, assets, shares);
    }

    // ---------------------------------------------------------------------
    // Internals
    // ---------------------------------------------------------------------

    function _toShares(uint256 assets, bool up) private view returns (uint256) {
        return _mulDiv(assets, _totalSupply + 10 ** decimalsOffset, totalAssets() + 1, up);
    }

    function _toAssets(uint256 shares, bool up) private view returns (uint256) {
        return _mulDiv(shares, totalAssets() + 1, _totalSupply + 10 ** decimalsOffset, up);
    }

    function _mulDiv(uint256 a, uint256 b, uint256 c, bool up) private pure returns (uint256) {
        uint256 product = a * b;
        uint256 q = product / c;
        return up && q * c != product ? q + 1 : q;
    }

    /// Pulls the assets first, then mints: the shares were priced before the transfer changed totalAssets.
    function _enter(address receiver, uint256 assets, uint256 shares) private {
        if (receiver == address(0)) revert ERC20InvalidReceiver(address(0));
        require(IERC20(_asset).transferFrom(msg.sender, address(this), assets), "Vault4626: transferFrom failed");
        _totalSupply += shares;
        unchecked {
            // Cannot overflow: a balance is at most the total supply.
            _balances[receiver] += shares;
        }
        emit Transfer(address(0), receiver, shares);
        emit Deposit(msg.sender, receiver, assets, shares);
    }

    /// Burns first, then pays: the assets were priced before the burn.
    function _exit(address receiver, address holder, uint256 assets, uint256 shares) private {
        if (receiver == address(0)) revert ERC20InvalidReceiver(address(0));
        if (msg.sender != holder) _spendAllowance(holder, msg.sender, shares);
        uint256 balance = _balances[holder];
        if (balance < shares) revert ERC20InsufficientBalance(holder, balance, shares);
        unchecked {
            // Cannot underflow: shares <= balance <= total supply.
            _balances[holder] = balance - shares;
            _totalSupply -= shares;
        }
        emit Transfer(holder, address(0), shares);
        require(IERC20(_asset).transfer(receiver, assets), "Vault4626: transfer failed");
        emit Withdraw(msg.sender, receiver, holder, assets, shares);
    }

    function _transfer(address from, address to, uint256 value) private {
        if (to == address(0)) revert ERC20InvalidReceiver(address(0));
        uint256 balance = _balances[from];
        if (balance < value) revert ERC20InsufficientBalance(from, balance, value);
        unchecked {
            _balances[from] = balance - value;
            _balances[to] += value;
        }
        emit Transfer(from, to, value);
    }

    function _spendAllowance(address holder, address spender, uint256 value) private {
        uint256 current = _allowances[holder][spender];
        if (current == type(uint256).max) return;
        if (current < value) revert ERC20InsufficientAllowance(spender, current, value);
        unchecked {
            _allowances[holder][spender] = current - value;
        }
    }
}
