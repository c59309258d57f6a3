// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title IEETH
/// @notice eETH (UUPS proxy): the rebasing ether.fi token, kept in shares of the LiquidityPool.
///         Amounts are in ether; there is no transferShares. Permit is ECDSA only (domain "EETH", "1").
interface IEETH {
    // ---------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------

    event Transfer(address indexed from, address indexed to, uint256 value);

    /// @notice The same move in shares; emitted beside every Transfer (mints and burns included).
    event TransferShares(address indexed from, address indexed to, uint256 sharesValue);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    // ---------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------

    error AddressZero();
    error IncorrectCaller();
    error BurnAmountExceedsBalance();
    error AllowanceBelowZero();
    error TransferAmountExceedsAllowance();
    error ExpiredDeadline();
    error InvalidSignature();
    error TransferAmountExceedsBalance();

    // ---------------------------------------------------------------------
    // Shares
    // ---------------------------------------------------------------------

    function shares(address _user) external view returns (uint256);
    function totalShares() external view returns (uint256);

    /// @notice Only the LiquidityPool.
    function mintShares(address _user, uint256 _share) external;

    /// @notice Only the LiquidityPool.
    function burnShares(address _user, uint256 _share) external;

    // ---------------------------------------------------------------------
    // ERC-20 and permit
    // ---------------------------------------------------------------------

    function name() external pure returns (string memory);
    function symbol() external pure returns (string memory);
    function decimals() external pure returns (uint8);
    function totalSupply() external view returns (uint256);
    function balanceOf(address _user) external view returns (uint256);
    function allowance(address _owner, address _spender) external view returns (uint256);
    function allowances(address _owner, address _spender) external view returns (uint256);
    function approve(address _spender, uint256 _amount) external returns (bool);
    function transfer(address _recipient, uint256 _amount) external returns (bool);
    function transferFrom(address _sender, address _recipient, uint256 _amount) external returns (bool);
    function increaseAllowance(address _spender, uint256 _increaseAmount) external returns (bool);
    function decreaseAllowance(address _spender, uint256 _decreaseAmount) external returns (bool);
    function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s) external;
    function nonces(address owner) external view returns (uint256);
    function DOMAIN_SEPARATOR() external view returns (bytes32);
}
