// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IERC20} from "abi/common/IERC20.sol";

/// @title Eigen (devnet fixture)
/// @notice The EIGEN token: an ERC-20 that wraps bEIGEN 1:1. `wrap(x)` pulls x bEIGEN from the caller
///         (who approved this contract) and mints x EIGEN to it; `unwrap(x)` burns x of the caller's
///         EIGEN and sends it x bEIGEN. So EIGEN's supply is always backed by the bEIGEN this contract
///         holds. Emits TokenWrapped / TokenUnwrapped as upstream does.
/// @dev Deviations: it has the ERC-20 and wrapping part of EIGEN only (the same selectors and events as
///      our abi/eigenlayer/IEigen.sol); votes, permit, minting allowances and transfer restrictions are
///      left out, so transfers are never restricted. Deployed with the bEIGEN address (upstream: a proxy
///      with `bEIGEN` immutable). bEIGEN on the devnet is a TestToken that the deployer mints.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract Eigen {
    /// @notice `value` tokens moved from `from` to `to` (zero address for mint / burn).
    event Transfer(address indexed from, address indexed to, uint256 value);

    /// @notice `owner` set the allowance of `spender` to `value`.
    event Approval(address indexed owner, address indexed spender, uint256 value);

    /// @notice `account` wrapped `amount` bEIGEN into EIGEN.
    event TokenWrapped(address indexed account, uint256 amount);

    /// @notice `account` unwrapped `amount` EIGEN into bEIGEN.
    event TokenUnwrapped(address indexed account, uint256 amount);

    /// @notice The bEIGEN token backing EIGEN.
    address public immutable bEIGEN;

    string private _name = "Eigen"; // storage, so name/symbol/decimals are `view` as upstream
    string private _symbol = "EIGEN";
    uint8 private _decimals = 18;
    uint256 private _totalSupply;
    mapping(address account => uint256) private _balances;
    mapping(address owner => mapping(address spender => uint256)) private _allowances;

    constructor(address bEIGEN_) {
        require(bEIGEN_ != address(0), "Eigen: bEIGEN is the zero address");
        bEIGEN = bEIGEN_;
    }

    // ------------------------------------------------------------------ ERC-20

    /// @notice Token name.
    function name() external view returns (string memory) {
        return _name;
    }

    /// @notice Token symbol.
    function symbol() external view returns (string memory) {
        return _symbol;
    }

    /// @notice Number of decimals used for display purposes.
    function decimals() external view returns (uint8) {
        return _decimals;
    }

    /// @notice EIGEN in existence: the bEIGEN wrapped into it.
    function totalSupply() external view returns (uint256) {
        return _totalSupply;
    }

    /// @notice EIGEN of `account`.
    function balanceOf(address account) external view returns (uint256) {
        return _balances[account];
    }

    /// @notice What `spender` may still move for `owner`.
    function allowance(address owner, address spender) external view returns (uint256) {
        return _allowances[owner][spender];
    }

    /// @notice Moves `amount` of the caller's EIGEN to `to`.
    function transfer(address to, uint256 amount) external returns (bool) {
        _transfer(msg.sender, to, amount);
        return true;
    }

    /// @notice Sets the caller's allowance for `spender` to `amount`.
    function approve(address spender, uint256 amount) external returns (bool) {
        _approve(msg.sender, spender, amount);
        return true;
    }

    /// @notice Moves `amount` from `from` to `to` within the caller's allowance (unlimited: not spent).
    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        uint256 allowed = _allowances[from][msg.sender];
        if (allowed != type(uint256).max) {
            require(allowed >= amount, "ERC20: insufficient allowance");
            _approve(from, msg.sender, allowed - amount);
        }
        _transfer(from, to, amount);
        return true;
    }

    // ------------------------------------------------------------------ bEIGEN wrapping

    /// @notice Wraps `amount` of the caller's bEIGEN into as much EIGEN.
    function wrap(uint256 amount) external {
        require(IERC20(bEIGEN).transferFrom(msg.sender, address(this), amount), "Eigen: bEIGEN transfer failed");
        _totalSupply += amount;
        _balances[msg.sender] += amount;
        emit Transfer(address(0), msg.sender, amount);
        emit TokenWrapped(msg.sender, amount);
    }

    /// @notice Unwraps `amount` of the caller's EIGEN into as much bEIGEN.
    function unwrap(uint256 amount) external {
        uint256 balance = _balances[msg.sender];
        require(balance >= amount, "ERC20: burn amount exceeds balance");
        _balances[msg.sender] = balance - amount;
        _totalSupply -= amount;
        emit Transfer(msg.sender, address(0), amount);
        require(IERC20(bEIGEN).transfer(msg.sender, amount), "Eigen: bEIGEN transfer failed");
        emit TokenUnwrapped(msg.sender, amount);
    }

    function _transfer(address from, address to, uint256 amount) private {
        require(from != address(0), "ERC20: transfer from the zero address");
        require(to != address(0), "ERC20: transfer to the zero address");
        uint256 balance = _balances[from];
        require(balance >= amount, "ERC20: transfer amount exceeds balance");
        _balances[from] = balance - amount;
        _balances[to] += amount;
        emit Transfer(from, to, amount);
    }

    function _approve(address owner, address spender, uint256 amount) private {
        require(owner != address(0), "ERC20: approve from the zero address");
        require(spender != address(0), "ERC20: approve to the zero address");
        _allowances[owner][spender] = amount;
        emit Approval(owner, spender, amount);
    }
}
