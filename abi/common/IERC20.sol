// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title IERC20
/// @notice ERC-20 token standard including the optional metadata functions,
///         plus the ERC-6093 custom errors for ERC-20 tokens.
interface IERC20 {
    // ---------------------------------------------------------------------
    // ERC-6093 errors
    // ---------------------------------------------------------------------

    /// @notice `sender` holds `balance`, less than the `needed` amount.
    error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed);

    /// @notice `sender` is not a valid token sender (e.g. the zero address).
    error ERC20InvalidSender(address sender);

    /// @notice `receiver` is not a valid token receiver (e.g. the zero address).
    error ERC20InvalidReceiver(address receiver);

    /// @notice `spender` is allowed `allowance`, less than the `needed` amount.
    error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed);

    /// @notice `approver` is not a valid approver (e.g. the zero address).
    error ERC20InvalidApprover(address approver);

    /// @notice `spender` is not a valid spender (e.g. the zero address).
    error ERC20InvalidSpender(address spender);

    // ---------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------

    /// @notice `value` tokens moved from `from` to `to` (zero address for mint / burn).
    event Transfer(address indexed from, address indexed to, uint256 value);

    /// @notice `owner` set the allowance of `spender` to `value`.
    event Approval(address indexed owner, address indexed spender, uint256 value);

    // ---------------------------------------------------------------------
    // Metadata
    // ---------------------------------------------------------------------

    /// @notice Token name.
    function name() external view returns (string memory);

    /// @notice Token symbol.
    function symbol() external view returns (string memory);

    /// @notice Number of decimals used for display purposes.
    function decimals() external view returns (uint8);

    // ---------------------------------------------------------------------
    // ERC-20
    // ---------------------------------------------------------------------

    /// @notice Total amount of tokens in existence.
    function totalSupply() external view returns (uint256);

    /// @notice Token balance of `account`.
    function balanceOf(address account) external view returns (uint256);

    /// @notice Moves `value` tokens from the caller to `to`.
    function transfer(address to, uint256 value) external returns (bool);

    /// @notice Remaining amount `spender` may move on behalf of `owner`.
    function allowance(address owner, address spender) external view returns (uint256);

    /// @notice Sets the caller's allowance for `spender` to `value`.
    function approve(address spender, uint256 value) external returns (bool);

    /// @notice Moves `value` tokens from `from` to `to` using the caller's allowance.
    function transferFrom(address from, address to, uint256 value) external returns (bool);
}
