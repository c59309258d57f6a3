// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title IWstETH
/// @notice wstETH: non-rebasing wrapper of stETH (1 wstETH = 1 stETH share), ERC-20 with EIP-2612 permit
///         (ECDSA only). Not upgradeable.
interface IWstETH {
    /// @notice `value` wstETH moved from `from` to `to` (zero address for mint / burn).
    event Transfer(address indexed from, address indexed to, uint256 value);

    /// @notice `owner` set the allowance of `spender` to `value`.
    event Approval(address indexed owner, address indexed spender, uint256 value);

    // ---------------------------------------------------------------------
    // Wrapping
    // ---------------------------------------------------------------------

    /// @notice Takes `_stETHAmount` stETH (needs an stETH allowance) and mints the shares as wstETH.
    function wrap(uint256 _stETHAmount) external returns (uint256);

    /// @notice Burns `_wstETHAmount` wstETH and sends the stETH they are worth; returns that amount.
    function unwrap(uint256 _wstETHAmount) external returns (uint256);

    /// @notice ETH sent here is staked without referral and credited as wstETH.
    receive() external payable;

    function getWstETHByStETH(uint256 _stETHAmount) external view returns (uint256);
    function getStETHByWstETH(uint256 _wstETHAmount) external view returns (uint256);

    /// @notice stETH for 1e18 wstETH.
    function stEthPerToken() external view returns (uint256);

    /// @notice wstETH for 1e18 stETH.
    function tokensPerStEth() external view returns (uint256);

    /// @notice The stETH token wrapped.
    function stETH() external view returns (address);

    // ---------------------------------------------------------------------
    // ERC-20 and permit
    // ---------------------------------------------------------------------

    function name() external view returns (string memory);
    function symbol() external view returns (string memory);
    function decimals() external view returns (uint8);
    function totalSupply() external view returns (uint256);
    function balanceOf(address account) external view returns (uint256);
    function allowance(address owner, address spender) external view returns (uint256);
    function approve(address spender, uint256 amount) external returns (bool);
    function transfer(address recipient, uint256 amount) external returns (bool);
    function transferFrom(address sender, address recipient, uint256 amount) external returns (bool);
    function increaseAllowance(address spender, uint256 addedValue) external returns (bool);
    function decreaseAllowance(address spender, uint256 subtractedValue) external returns (bool);
    function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s) external;
    function nonces(address owner) external view returns (uint256);
    function DOMAIN_SEPARATOR() external view returns (bytes32);
}
