// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {PermitInput} from "abi/etherfi/EtherFiCommon.sol";

/// @title IWeETH
/// @notice weETH (UUPS proxy): non-rebasing wrapper of eETH, 1 weETH = 1 eETH share. Not ERC-4626.
///         ERC-20 with EIP-2612 permit.
interface IWeETH {
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    error ZeroAmount();
    error ZeroAddress();
    error CannotRecoverEETH();

    /// @notice Mint or burn would leave more weETH than eETH shares held.
    error WeETHUnderbacked(uint256 weETHSupply, uint256 proxyShares);

    // ---------------------------------------------------------------------
    // Wrapping
    // ---------------------------------------------------------------------

    /// @notice Takes `_eETHAmount` eETH (needs an allowance) and mints its shares as weETH.
    function wrap(uint256 _eETHAmount) external returns (uint256);

    /// @notice As wrap, applying an eETH permit first.
    function wrapWithPermit(uint256 _eETHAmount, PermitInput calldata _permit) external returns (uint256);

    /// @notice Burns weETH and returns the eETH it is worth.
    function unwrap(uint256 _weETHAmount) external returns (uint256);

    /// @notice eETH per 1e18 weETH.
    function getRate() external view returns (uint256);
    function getEETHByWeETH(uint256 _weETHAmount) external view returns (uint256);
    function getWeETHByeETH(uint256 _eETHAmount) external view returns (uint256);
    function eETH() external view returns (address);
    function liquidityPool() external view returns (address);

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
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
    function increaseAllowance(address spender, uint256 addedValue) external returns (bool);
    function decreaseAllowance(address spender, uint256 subtractedValue) external returns (bool);
    function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s) external;
    function nonces(address owner) external view returns (uint256);
    function DOMAIN_SEPARATOR() external view returns (bytes32);
}
