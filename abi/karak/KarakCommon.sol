// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

// Base interfaces shared by the Karak v1 per-asset vault (IVault) and the v2 operator vault (ICoreVault): both
// are solady ERC-4626 vaults whose shares are an ERC-20. Only what karak.md lists for a staker is declared (the
// ERC-20 share token, the ERC-4626 views, the ERC-4626 Deposit event); solady's own errors, permit and
// ownership functions are left out. solc refuses an event declared twice in one inheritance tree, so each is
// declared here once. This file yields no ABI of its own (only abi/**/I*.sol files do).

/// @title IKarakShareToken
/// @notice The ERC-20 share token of a Karak vault (v1 and v2). Share amounts use the vault's decimals.
interface IKarakShareToken {
    /// @notice `amount` shares moved from `from` to `to` (zero address for mint / burn).
    event Transfer(address indexed from, address indexed to, uint256 amount);

    /// @notice `owner` set the allowance of `spender` over its shares to `amount`.
    event Approval(address indexed owner, address indexed spender, uint256 amount);

    /// @notice Share token name.
    function name() external view returns (string memory);

    /// @notice Share token symbol.
    function symbol() external view returns (string memory);

    /// @notice Decimals of the share token.
    function decimals() external view returns (uint8);

    /// @notice Shares in existence.
    function totalSupply() external view returns (uint256 result);

    /// @notice Shares held by `owner`.
    function balanceOf(address owner) external view returns (uint256 result);

    /// @notice Shares `spender` may still move for `owner`.
    function allowance(address owner, address spender) external view returns (uint256 result);

    /// @notice Sets the caller's allowance for `spender` to `amount` shares.
    function approve(address spender, uint256 amount) external returns (bool);

    /// @notice Moves `amount` of the caller's shares to `to`.
    function transfer(address to, uint256 amount) external returns (bool);

    /// @notice Moves `amount` shares from `from` to `to`, spending the caller's allowance.
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

/// @title IKarakERC4626Views
/// @notice The ERC-4626 read side of a Karak vault and its Deposit event. Conversions and previews follow
///         ERC-4626 rounding (previewDeposit / previewRedeem / convert* down, previewMint / previewWithdraw up).
interface IKarakERC4626Views is IKarakShareToken {
    /// @notice `by` paid `assets` and `owner` was credited `shares` (ERC-4626 Deposit; topic 0xdcbc1c05…).
    event Deposit(address indexed by, address indexed owner, uint256 assets, uint256 shares);

    /// @notice The underlying ERC-20 the vault holds.
    function asset() external view returns (address);

    /// @notice Assets the vault manages; lowered by a slash (v2), which lowers the share price for everyone.
    function totalAssets() external view returns (uint256 assets);

    /// @notice Shares `assets` are worth at the current rate, rounded down.
    function convertToShares(uint256 assets) external view returns (uint256 shares);

    /// @notice Assets `shares` are worth at the current rate, rounded down.
    function convertToAssets(uint256 shares) external view returns (uint256 assets);

    /// @notice Most assets `to` may deposit now (honours the vault's asset limit).
    function maxDeposit(address to) external view returns (uint256 maxAssets);

    /// @notice Shares a deposit of `assets` would mint now (rounded down).
    function previewDeposit(uint256 assets) external view returns (uint256 shares);

    /// @notice Most shares `to` may mint now.
    function maxMint(address to) external view returns (uint256 maxShares);

    /// @notice Assets a mint of `shares` would cost now (rounded up).
    function previewMint(uint256 shares) external view returns (uint256 assets);

    /// @notice Most assets `owner` may withdraw now.
    function maxWithdraw(address owner) external view returns (uint256 maxAssets);

    /// @notice Shares a withdrawal of `assets` would burn now (rounded up).
    function previewWithdraw(uint256 assets) external view returns (uint256 shares);

    /// @notice Most shares `owner` may redeem now.
    function maxRedeem(address owner) external view returns (uint256 maxShares);

    /// @notice Assets a redemption of `shares` would pay now (rounded down).
    function previewRedeem(uint256 shares) external view returns (uint256 assets);
}
