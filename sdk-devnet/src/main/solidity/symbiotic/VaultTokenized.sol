// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IVault} from "abi/symbiotic/IVault.sol";
import {IVaultTokenized} from "abi/symbiotic/IVaultTokenized.sol";
import {IERC20} from "abi/common/IERC20.sol";
import {Vault} from "./Vault.sol";
import {SymbioticCheckpoints} from "./SymbioticCheckpoints.sol";

/// @title VaultTokenized (devnet fixture)
/// @notice Symbiotic's core v1 VaultTokenized (factory version 2): the Vault fixture's semantics, with the active
///         shares as an ERC-20. `balanceOf` is activeSharesOf, `totalSupply` is activeShares, `decimals` is read
///         from the collateral on every call, `name` / `symbol` come from InitParamsTokenized. A deposit emits
///         Deposit then Transfer(0, onBehalfOf, mintedShares); withdraw / redeem emit Withdraw then
///         Transfer(msg.sender, 0, burnedShares); `transfer` / `transferFrom` move the active-share checkpoints
///         (so later rewards and slashable balance) to the receiver. OZ v5 ERC-20 rules: zero sender / receiver /
///         approver / spender revert ERC20Invalid...; an infinite allowance is not spent; `transferFrom` spends
///         the allowance before moving the shares, without an Approval event.
/// @dev Devnet semantics: as the Vault fixture (EIP-1167 clone initialised by the VaultFactory fixture, no migrate
///      or staticDelegateCall); the ERC-20 part is a compact own version of OZ v5.0's ERC20 with its errors and
///      events.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract VaultTokenized is Vault, IVaultTokenized {
    using SymbioticCheckpoints for SymbioticCheckpoints.Trace;

    string private _name;
    string private _symbol;
    mapping(address holder => mapping(address spender => uint256)) private _allowances;

    constructor(address delegatorFactory, address slasherFactory, address vaultFactory)
        Vault(delegatorFactory, slasherFactory, vaultFactory)
    {}

    // ================================================================== ERC-20 views

    function name() external view returns (string memory) {
        return _name;
    }

    function symbol() external view returns (string memory) {
        return _symbol;
    }

    function decimals() external view returns (uint8) {
        return IERC20(collateral).decimals();
    }

    function totalSupply() external view returns (uint256) {
        return activeShares();
    }

    function balanceOf(address account) external view returns (uint256) {
        return activeSharesOf(account);
    }

    function allowance(address holder, address spender) external view returns (uint256) {
        return _allowances[holder][spender];
    }

    // ================================================================== ERC-20 writes

    function approve(address spender, uint256 value) external returns (bool) {
        _approve(msg.sender, spender, value, true);
        return true;
    }

    function transfer(address to, uint256 value) external returns (bool) {
        _transfer(msg.sender, to, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        uint256 current = _allowances[from][msg.sender];
        if (current != type(uint256).max) {
            if (current < value) revert ERC20InsufficientAllowance(msg.sender, current, value);
            unchecked {
                _approve(from, msg.sender, current - value, false);
            }
        }
        _transfer(from, to, value);
        return true;
    }

    // ================================================================== vault hooks

    function deposit(address onBehalfOf, uint256 amount)
        public
        override(Vault, IVault)
        returns (uint256 depositedAmount, uint256 mintedShares)
    {
        (depositedAmount, mintedShares) = super.deposit(onBehalfOf, amount);
        emit Transfer(address(0), onBehalfOf, mintedShares);
    }

    function _withdraw(address claimer, uint256 withdrawnAssets, uint256 burnedShares)
        internal
        override
        returns (uint256 mintedShares)
    {
        mintedShares = super._withdraw(claimer, withdrawnAssets, burnedShares);
        emit Transfer(msg.sender, address(0), burnedShares);
    }

    function _initialize(bytes calldata data) internal override {
        InitParamsTokenized memory p = abi.decode(data, (InitParamsTokenized));
        _initializeVault(p.baseParams);
        _name = p.name;
        _symbol = p.symbol;
    }

    // ================================================================== internals

    function _transfer(address from, address to, uint256 value) private {
        if (from == address(0)) revert ERC20InvalidSender(address(0));
        if (to == address(0)) revert ERC20InvalidReceiver(address(0));
        uint256 fromBalance = activeSharesOf(from);
        if (fromBalance < value) revert ERC20InsufficientBalance(from, fromBalance, value);
        _activeSharesOf[from].push(fromBalance - value);
        _activeSharesOf[to].push(activeSharesOf(to) + value);
        emit Transfer(from, to, value);
    }

    function _approve(address holder, address spender, uint256 value, bool emitEvent) private {
        if (holder == address(0)) revert ERC20InvalidApprover(address(0));
        if (spender == address(0)) revert ERC20InvalidSpender(address(0));
        _allowances[holder][spender] = value;
        if (emitEvent) emit Approval(holder, spender, value);
    }
}
