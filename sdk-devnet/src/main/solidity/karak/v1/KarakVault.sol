// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IVault} from "abi/karak/IVault.sol";
import {AssetType} from "abi/karak/KarakV1Types.sol";
import {IERC20} from "abi/common/IERC20.sol";
import {mulDiv, mulDivUp} from "../../eigenlayer/FixtureSupport.sol";

/// @title KarakVault (devnet fixture)
/// @notice Karak v1's per-asset Vault (karak.md §1): a solady-style ERC-4626 vault over one ERC-20 `asset`,
///         owned by the VaultSupervisor that created it. Share math is solady ERC4626's with virtual shares and a
///         decimals offset of 0 (Karak's Vault does not override `_decimalsOffset`):
///
///             convertToShares(a) = floor(a * (totalSupply + 1) / (totalAssets + 1))
///             convertToAssets(s) = floor(s * (totalAssets + 1) / (totalSupply + 1))
///
///         previewMint / previewWithdraw round up. `totalAssets()` is the vault's balance of the asset, so a plain
///         transfer to the vault is yield for every holder. The share token has the asset's decimals.
///         The owner's `deposit(assets, depositor)` pulls `assets` from `depositor` (who approves the vault) and
///         mints the shares to the owner (the supervisor); ZeroAmount for 0, DepositMoreThanMax above
///         `maxDeposit = assetLimit - totalAssets` (0 once the limit is reached). The owner's
///         `redeem(shares, to, owner)` burns the owner's shares and pays `convertToAssets(shares)` to `to`
///         (upstream's name and arguments; the supervisor uses it for finishWithdraw, paying the withdrawer, and
///         for migrateToV2, paying itself before depositing into the v2 vault).
///         `setLimit` (owner) changes the per-vault cap.
/// @dev Devnet semantics (deviations from Karak v1.3's Vault):
///      - not an upgradeable beacon proxy: a plain contract created by the supervisor, its metadata set in the
///        constructor (no initialize, no swapAsset / Pendle rollover, no pause);
///      - `assetType` is fixed at creation (ETH, STABLE, BTC or OTHER; NONE reverts TokenNotEnabled as upstream);
///      - the owner-only `mint` and `withdraw` are not offered (the supervisor never calls them);
///      - products use checked 256-bit math (no 512-bit fullMulDiv): amounts near 2^128 overflow;
///      - the share token follows solady's ERC-20 (infinite allowance not spent, errors InsufficientBalance /
///        InsufficientAllowance) without permit.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract KarakVault is IVault {
    /// @notice Solady Ownable: the caller is not the owner (the supervisor).
    error Unauthorized();
    /// @notice Solady ERC-20: the sender holds fewer shares than moved.
    error InsufficientBalance();
    /// @notice Solady ERC-20: the allowance is below the shares moved.
    error InsufficientAllowance();

    address public immutable owner;
    address private immutable _asset;
    uint8 private immutable _decimals;
    AssetType private immutable _assetType;
    uint256 public assetLimit;
    string private _name;
    string private _symbol;

    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    constructor(address owner_, address asset_, string memory name_, string memory symbol_, AssetType assetType_,
        uint256 assetLimit_) {
        if (assetType_ == AssetType.NONE) revert TokenNotEnabled();
        owner = owner_;
        _asset = asset_;
        _name = name_;
        _symbol = symbol_;
        _assetType = assetType_;
        assetLimit = assetLimit_;
        (bool ok, bytes memory data) = asset_.staticcall(abi.encodeWithSignature("decimals()"));
        _decimals = ok && data.length >= 32 && abi.decode(data, (uint256)) <= 255 ? uint8(abi.decode(data, (uint256))) : 18;
    }

    modifier onlyOwner() {
        if (msg.sender != owner) revert Unauthorized();
        _;
    }

    // ------------------------------------------------------------ ERC-20 shares

    function name() external view returns (string memory) {
        return _name;
    }

    function symbol() external view returns (string memory) {
        return _symbol;
    }

    function decimals() external view returns (uint8) {
        return _decimals;
    }

    function approve(address spender, uint256 amount) external returns (bool) {
        allowance[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        _transfer(msg.sender, to, amount);
        return true;
    }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        uint256 allowed = allowance[from][msg.sender];
        if (allowed != type(uint256).max) {
            if (allowed < amount) revert InsufficientAllowance();
            allowance[from][msg.sender] = allowed - amount;
        }
        _transfer(from, to, amount);
        return true;
    }

    function _transfer(address from, address to, uint256 amount) private {
        uint256 held = balanceOf[from];
        if (held < amount) revert InsufficientBalance();
        balanceOf[from] = held - amount;
        balanceOf[to] += amount;
        emit Transfer(from, to, amount);
    }

    // ------------------------------------------------------------ ERC-4626 views

    function asset() external view returns (address) {
        return _asset;
    }

    function assetType() external view returns (AssetType) {
        return _assetType;
    }

    function totalAssets() public view returns (uint256 assets) {
        return IERC20(_asset).balanceOf(address(this));
    }

    function convertToShares(uint256 assets) public view returns (uint256 shares) {
        return mulDiv(assets, totalSupply + 1, totalAssets() + 1);
    }

    function convertToAssets(uint256 shares) public view returns (uint256 assets) {
        return mulDiv(shares, totalAssets() + 1, totalSupply + 1);
    }

    function maxDeposit(address) public view returns (uint256 maxAssets) {
        uint256 held = totalAssets();
        return assetLimit <= held ? 0 : assetLimit - held;
    }

    function previewDeposit(uint256 assets) public view returns (uint256 shares) {
        return convertToShares(assets);
    }

    function maxMint(address) external pure returns (uint256 maxShares) {
        return type(uint256).max;
    }

    function previewMint(uint256 shares) external view returns (uint256 assets) {
        return mulDivUp(shares, totalAssets() + 1, totalSupply + 1);
    }

    function maxWithdraw(address holder) external view returns (uint256 maxAssets) {
        return convertToAssets(balanceOf[holder]);
    }

    function previewWithdraw(uint256 assets) external view returns (uint256 shares) {
        return mulDivUp(assets, totalSupply + 1, totalAssets() + 1);
    }

    function maxRedeem(address holder) external view returns (uint256 maxShares) {
        return balanceOf[holder];
    }

    function previewRedeem(uint256 shares) public view returns (uint256 assets) {
        return convertToAssets(shares);
    }

    // ------------------------------------------------------------ owner (supervisor) only

    /// @notice Pulls `assets` from `depositor` (approved to this vault) and mints the shares to the owner.
    function deposit(uint256 assets, address depositor) external onlyOwner returns (uint256 shares) {
        if (assets == 0) revert ZeroAmount();
        if (assets > maxDeposit(depositor)) revert DepositMoreThanMax();
        shares = previewDeposit(assets);
        _pull(depositor, assets);
        totalSupply += shares;
        balanceOf[msg.sender] += shares;
        emit Transfer(address(0), msg.sender, shares);
        emit Deposit(depositor, msg.sender, assets, shares);
    }

    /// @notice Burns `shares` of `holder` (the owner itself) and pays their assets to `to`.
    function redeem(uint256 shares, address to, address holder) external onlyOwner returns (uint256 assets) {
        if (shares == 0) revert ZeroAmount();
        if (holder != msg.sender) revert Unauthorized();
        assets = previewRedeem(shares);
        uint256 held = balanceOf[holder];
        if (held < shares) revert InsufficientBalance();
        balanceOf[holder] = held - shares;
        totalSupply -= shares;
        emit Transfer(holder, address(0), shares);
        emit Withdraw(msg.sender, to, holder, assets, shares);
        _push(to, assets);
    }

    /// @notice Sets the per-vault cap (owner only; the supervisor forwards `setAssetLimit`).
    function setLimit(uint256 newLimit) external onlyOwner {
        assetLimit = newLimit;
    }

    /// @notice ERC-4626 Withdraw (solady emits it on redeem).
    event Withdraw(address indexed by, address indexed to, address indexed owner, uint256 assets, uint256 shares);

    function _pull(address from, uint256 amount) private {
        (bool ok, bytes memory data) =
            _asset.call(abi.encodeWithSelector(IERC20.transferFrom.selector, from, address(this), amount));
        require(ok && (data.length == 0 || abi.decode(data, (bool))), "KarakVault: transferFrom failed");
    }

    function _push(address to, uint256 amount) private {
        (bool ok, bytes memory data) = _asset.call(abi.encodeWithSelector(IERC20.transfer.selector, to, amount));
        require(ok && (data.length == 0 || abi.decode(data, (bool))), "KarakVault: transfer failed");
    }
}
