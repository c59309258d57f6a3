// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title IRocketTokenRETH
/// @notice rETH (not upgradeable): ERC-20 without permit, minted by the deposit pool at the rate last
///         reported to RocketNetworkBalances and burnt for ETH up to the collateral held.
interface IRocketTokenRETH {
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    /// @notice ETH arrived (receive or depositExcess).
    event EtherDeposited(address indexed from, uint256 amount, uint256 time);

    /// @notice `amount` rETH minted to `to` for `ethAmount` (net of the deposit fee).
    event TokensMinted(address indexed to, uint256 amount, uint256 ethAmount, uint256 time);

    /// @notice `amount` rETH burnt by `from` for `ethAmount`.
    event TokensBurned(address indexed from, uint256 amount, uint256 ethAmount, uint256 time);

    // ---------------------------------------------------------------------
    // Rate and collateral
    // ---------------------------------------------------------------------

    /// @notice ETH for an rETH amount, rounded down.
    function getEthValue(uint256 _rethAmount) external view returns (uint256);

    /// @notice rETH for an ETH amount, rounded down; reverts while the network balance is zero.
    function getRethValue(uint256 _ethAmount) external view returns (uint256);

    /// @notice ETH per 1e18 rETH.
    function getExchangeRate() external view returns (uint256);

    /// @notice ETH available to burn: the deposit pool's excess plus this contract's balance.
    function getTotalCollateral() external view returns (uint256);

    /// @notice This contract's ETH over the ETH value of the supply, 1e18 = 100%.
    function getCollateralRate() external view returns (uint256);

    // ---------------------------------------------------------------------
    // Burn, mint, collateral
    // ---------------------------------------------------------------------

    /// @notice Burns the caller's rETH and sends getEthValue(_rethAmount) ETH.
    function burn(uint256 _rethAmount) external;

    /// @notice Only the latest deposit pool.
    function mint(uint256 _ethAmount, address _to) external;

    /// @notice Only the latest deposit pool.
    function depositExcess() external payable;

    /// @notice Permissionless: returns collateral above the target rate to the deposit pool.
    function depositExcessCollateral() external;

    receive() external payable;

    // ---------------------------------------------------------------------
    // ERC-20
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
}
