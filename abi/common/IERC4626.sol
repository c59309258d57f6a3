// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IERC20} from "abi/common/IERC20.sol";

/// @title IERC4626
/// @notice EIP-4626 tokenized vault: shares (this ERC-20) over one underlying ERC-20 `asset`.
///         Rounding as the EIP requires: conversions and previewDeposit/previewRedeem round down (in the
///         vault's favour), previewMint/previewWithdraw round up.
/// @dev The custom errors are not part of EIP-4626; they are the names OpenZeppelin's ERC4626 uses for a
///      request above the current maximum, declared here so that such reverts are decoded by name.
interface IERC4626 is IERC20 {
    // ---------------------------------------------------------------------
    // Errors (conventional, not required by the EIP)
    // ---------------------------------------------------------------------

    /// @notice A deposit of `assets` for `receiver` exceeds `max`, what maxDeposit(receiver) allows.
    error ERC4626ExceededMaxDeposit(address receiver, uint256 assets, uint256 max);

    /// @notice A mint of `shares` for `receiver` exceeds `max`, what maxMint(receiver) allows.
    error ERC4626ExceededMaxMint(address receiver, uint256 shares, uint256 max);

    /// @notice A withdrawal of `assets` from `owner` exceeds `max`, what maxWithdraw(owner) allows.
    error ERC4626ExceededMaxWithdraw(address owner, uint256 assets, uint256 max);

    /// @notice A redemption of `shares` from `owner` exceeds `max`, what maxRedeem(owner) allows.
    error ERC4626ExceededMaxRedeem(address owner, uint256 shares, uint256 max);

    // ---------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------

    /// @notice `sender` paid `assets` and `owner` received `shares` (by deposit or mint).
    event Deposit(address indexed sender, address indexed owner, uint256 assets, uint256 shares);

    /// @notice `sender` burnt `shares` of `owner` and `receiver` got `assets` (by withdraw or redeem).
    event Withdraw(
        address indexed sender,
        address indexed receiver,
        address indexed owner,
        uint256 assets,
        uint256 shares
    );

    // ---------------------------------------------------------------------
    // Accounting
    // ---------------------------------------------------------------------

    /// @notice The underlying ERC-20 the vault holds and pays out.
    function asset() external view returns (address assetTokenAddress);

    /// @notice All assets the vault manages (for a plain vault: its balance of `asset`).
    function totalAssets() external view returns (uint256 totalManagedAssets);

    /// @notice Shares `assets` are worth at the current rate, rounded down, ignoring limits and fees.
    function convertToShares(uint256 assets) external view returns (uint256 shares);

    /// @notice Assets `shares` are worth at the current rate, rounded down, ignoring limits and fees.
    function convertToAssets(uint256 shares) external view returns (uint256 assets);

    // ---------------------------------------------------------------------
    // Deposit / mint
    // ---------------------------------------------------------------------

    /// @notice Most assets `receiver` may deposit now.
    function maxDeposit(address receiver) external view returns (uint256 maxAssets);

    /// @notice Shares a deposit of `assets` would mint now (rounded down).
    function previewDeposit(uint256 assets) external view returns (uint256 shares);

    /// @notice Pulls `assets` from the caller and mints shares to `receiver`.
    function deposit(uint256 assets, address receiver) external returns (uint256 shares);

    /// @notice Most shares `receiver` may mint now.
    function maxMint(address receiver) external view returns (uint256 maxShares);

    /// @notice Assets a mint of `shares` would pull now (rounded up).
    function previewMint(uint256 shares) external view returns (uint256 assets);

    /// @notice Mints exactly `shares` to `receiver`, pulling the assets they cost from the caller.
    function mint(uint256 shares, address receiver) external returns (uint256 assets);

    // ---------------------------------------------------------------------
    // Withdraw / redeem
    // ---------------------------------------------------------------------

    /// @notice Most assets `owner` may withdraw now.
    function maxWithdraw(address owner) external view returns (uint256 maxAssets);

    /// @notice Shares a withdrawal of `assets` would burn now (rounded up).
    function previewWithdraw(uint256 assets) external view returns (uint256 shares);

    /// @notice Burns `owner`'s shares to send exactly `assets` to `receiver`.
    function withdraw(uint256 assets, address receiver, address owner) external returns (uint256 shares);

    /// @notice Most shares `owner` may redeem now.
    function maxRedeem(address owner) external view returns (uint256 maxShares);

    /// @notice Assets a redemption of `shares` would pay now (rounded down).
    function previewRedeem(uint256 shares) external view returns (uint256 assets);

    /// @notice Burns exactly `shares` of `owner` and sends the assets they are worth to `receiver`.
    function redeem(uint256 shares, address receiver, address owner) external returns (uint256 assets);
}
