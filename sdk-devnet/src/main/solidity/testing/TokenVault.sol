// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IERC20} from "abi/common/IERC20.sol";
import {IERC20Permit} from "abi/common/IERC20Permit.sol";

/// @title TokenVault
/// @notice Deposit-like fixture that pulls ERC-20 tokens from the caller, either with a prior
///         `approve` or with an EIP-2612 permit in the same call, and keeps a balance per
///         (owner, token) that the owner can withdraw.
/// @dev Credits the amount asked for, so tokens that take a fee on transfer are not supported.
///      Test fixture only: not meant for production use.
contract TokenVault {
    /// @notice A deposit of zero tokens.
    error ZeroAmount();

    /// @notice The caller has `available` of `token` deposited, less than the `requested` amount.
    error InsufficientDeposit(address token, uint256 available, uint256 requested);

    /// @notice `owner` deposited `amount` of `token`.
    event Deposited(address indexed owner, address indexed token, uint256 amount);

    /// @notice `owner` withdrew `amount` of `token`.
    event Withdrawn(address indexed owner, address indexed token, uint256 amount);

    mapping(address owner => mapping(address token => uint256)) private _deposits;

    /// @notice Pulls `amount` of `token` from the caller, who must have approved this vault.
    /// @return newBalance the caller's deposited balance of `token` afterwards
    function deposit(address token, uint256 amount) external returns (uint256 newBalance) {
        return _deposit(token, amount);
    }

    /// @notice Like `deposit`, approving this vault first with the caller's EIP-2612 permit
    ///         for exactly `amount` (signed for spender = this vault).
    /// @return newBalance the caller's deposited balance of `token` afterwards
    function depositWithPermit(
        address token,
        uint256 amount,
        uint256 deadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external returns (uint256 newBalance) {
        IERC20Permit(token).permit(msg.sender, address(this), amount, deadline, v, r, s);
        return _deposit(token, amount);
    }

    /// @notice Sends `amount` of the caller's deposited `token` back to the caller.
    function withdraw(address token, uint256 amount) external {
        uint256 available = _deposits[msg.sender][token];
        if (amount > available) revert InsufficientDeposit(token, available, amount);
        unchecked {
            // Cannot underflow: amount <= available.
            _deposits[msg.sender][token] = available - amount;
        }
        require(IERC20(token).transfer(msg.sender, amount), "TokenVault: transfer failed");
        emit Withdrawn(msg.sender, token, amount);
    }

    /// @notice Balance of `token` that `owner` has deposited and not withdrawn.
    function deposited(address owner, address token) external view returns (uint256) {
        return _deposits[owner][token];
    }

    function _deposit(address token, uint256 amount) private returns (uint256 newBalance) {
        if (amount == 0) revert ZeroAmount();
        require(IERC20(token).transferFrom(msg.sender, address(this), amount), "TokenVault: transferFrom failed");
        newBalance = _deposits[msg.sender][token] + amount;
        _deposits[msg.sender][token] = newBalance;
        emit Deposited(msg.sender, token, amount);
    }
}
