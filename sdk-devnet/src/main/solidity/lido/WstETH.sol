// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IWstETH} from "abi/lido/IWstETH.sol";

/// @dev The stETH calls wstETH makes.
interface IStETHForWstETH {
    function getSharesByPooledEth(uint256 ethAmount) external view returns (uint256);
    function getPooledEthByShares(uint256 sharesAmount) external view returns (uint256);
    function transfer(address recipient, uint256 amount) external returns (bool);
    function transferFrom(address sender, address recipient, uint256 amount) external returns (bool);
    function submit(address referral) external payable returns (uint256);
}

/// @title WstETH (devnet fixture)
/// @notice Wrapped stETH: 1 wstETH is 1 stETH share. `wrap(x)` pulls x stETH and mints
///         getSharesByPooledEth(x) (floor); `unwrap(w)` burns w and sends getPooledEthByShares(w) stETH
///         (floor), so round trips lose dust. Ether sent to it is staked (no referral) and the shares
///         minted are credited as wstETH. ERC-20 with OpenZeppelin 3.x semantics and revert strings
///         (every transferFrom spends allowance) and EIP-2612 permit with the domain
///         ("Wrapped liquid staked Ether 2.0", "1"), ECDSA only (no EIP-1271).
/// @dev Deployed with the stETH address, like upstream (non-upgradeable). Implements our
///      abi/lido/IWstETH.sol, which declares the events.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract WstETH is IWstETH {
    bytes32 private constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    bytes32 private constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");
    string private constant NAME = "Wrapped liquid staked Ether 2.0";
    uint256 private constant MAX_S = 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0;

    IStETHForWstETH private immutable _stETH;

    string private _name = NAME; // storage, so name/symbol/decimals are `view` as upstream
    string private _symbol = "wstETH";
    uint8 private _decimals = 18;
    uint256 private _totalSupply;
    mapping(address => uint256) private _balances;
    mapping(address => mapping(address => uint256)) private _allowances;
    mapping(address => uint256) private _nonces;

    constructor(address stETH_) {
        _stETH = IStETHForWstETH(stETH_);
    }

    /// @notice The stETH token this contract wraps.
    function stETH() external view returns (address) {
        return address(_stETH);
    }

    function name() external view returns (string memory) {
        return _name;
    }

    function symbol() external view returns (string memory) {
        return _symbol;
    }

    function decimals() external view returns (uint8) {
        return _decimals;
    }

    // ------------------------------------------------------------------ wrapping

    /// @notice Pulls `_stETHAmount` stETH (approve first) and mints the shares it is worth; returns them.
    function wrap(uint256 _stETHAmount) external returns (uint256) {
        require(_stETHAmount > 0, "wstETH: can't wrap zero stETH");
        uint256 wstETHAmount = _stETH.getSharesByPooledEth(_stETHAmount);
        _mint(msg.sender, wstETHAmount);
        _stETH.transferFrom(msg.sender, address(this), _stETHAmount);
        return wstETHAmount;
    }

    /// @notice Burns `_wstETHAmount` and sends the stETH it is worth; returns that stETH amount.
    function unwrap(uint256 _wstETHAmount) external returns (uint256) {
        require(_wstETHAmount > 0, "wstETH: zero amount unwrap not allowed");
        uint256 stETHAmount = _stETH.getPooledEthByShares(_wstETHAmount);
        _burn(msg.sender, _wstETHAmount);
        _stETH.transfer(msg.sender, stETHAmount);
        return stETHAmount;
    }

    /// @notice Stakes the ether (no referral) and mints the shares stETH minted for it.
    receive() external payable {
        uint256 shares = _stETH.submit{value: msg.value}(address(0));
        _mint(msg.sender, shares);
    }

    function getWstETHByStETH(uint256 _stETHAmount) external view returns (uint256) {
        return _stETH.getSharesByPooledEth(_stETHAmount);
    }

    function getStETHByWstETH(uint256 _wstETHAmount) external view returns (uint256) {
        return _stETH.getPooledEthByShares(_wstETHAmount);
    }

    /// @notice stETH for 1e18 wstETH.
    function stEthPerToken() external view returns (uint256) {
        return _stETH.getPooledEthByShares(1 ether);
    }

    /// @notice wstETH for 1e18 stETH.
    function tokensPerStEth() external view returns (uint256) {
        return _stETH.getSharesByPooledEth(1 ether);
    }

    // ------------------------------------------------------------------ ERC-20

    function totalSupply() external view returns (uint256) {
        return _totalSupply;
    }

    function balanceOf(address account) external view returns (uint256) {
        return _balances[account];
    }

    function allowance(address owner, address spender) external view returns (uint256) {
        return _allowances[owner][spender];
    }

    function approve(address spender, uint256 amount) external returns (bool) {
        _approve(msg.sender, spender, amount);
        return true;
    }

    function increaseAllowance(address spender, uint256 addedValue) external returns (bool) {
        _approve(msg.sender, spender, _allowances[msg.sender][spender] + addedValue);
        return true;
    }

    function decreaseAllowance(address spender, uint256 subtractedValue) external returns (bool) {
        uint256 current = _allowances[msg.sender][spender];
        require(current >= subtractedValue, "ERC20: decreased allowance below zero");
        _approve(msg.sender, spender, current - subtractedValue);
        return true;
    }

    function transfer(address recipient, uint256 amount) external returns (bool) {
        _transfer(msg.sender, recipient, amount);
        return true;
    }

    function transferFrom(address sender, address recipient, uint256 amount) external returns (bool) {
        _transfer(sender, recipient, amount);
        uint256 current = _allowances[sender][msg.sender];
        require(current >= amount, "ERC20: transfer amount exceeds allowance");
        _approve(sender, msg.sender, current - amount);
        return true;
    }

    function _transfer(address sender, address recipient, uint256 amount) internal {
        require(sender != address(0), "ERC20: transfer from the zero address");
        require(recipient != address(0), "ERC20: transfer to the zero address");
        uint256 balance = _balances[sender];
        require(balance >= amount, "ERC20: transfer amount exceeds balance");
        _balances[sender] = balance - amount;
        _balances[recipient] += amount;
        emit Transfer(sender, recipient, amount);
    }

    function _mint(address account, uint256 amount) internal {
        _totalSupply += amount;
        _balances[account] += amount;
        emit Transfer(address(0), account, amount);
    }

    function _burn(address account, uint256 amount) internal {
        uint256 balance = _balances[account];
        require(balance >= amount, "ERC20: burn amount exceeds balance");
        _balances[account] = balance - amount;
        _totalSupply -= amount;
        emit Transfer(account, address(0), amount);
    }

    function _approve(address owner, address spender, uint256 amount) internal {
        require(owner != address(0), "ERC20: approve from the zero address");
        require(spender != address(0), "ERC20: approve to the zero address");
        _allowances[owner][spender] = amount;
        emit Approval(owner, spender, amount);
    }

    // ------------------------------------------------------------------ permit (EIP-2612, ECDSA only)

    function nonces(address owner) external view returns (uint256) {
        return _nonces[owner];
    }

    function DOMAIN_SEPARATOR() public view returns (bytes32) {
        return keccak256(abi.encode(DOMAIN_TYPEHASH, keccak256(bytes(NAME)), keccak256("1"), block.chainid, address(this)));
    }

    function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external
    {
        require(block.timestamp <= deadline, "ERC20Permit: expired deadline");
        bytes32 structHash = keccak256(abi.encode(PERMIT_TYPEHASH, owner, spender, value, _nonces[owner], deadline));
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", DOMAIN_SEPARATOR(), structHash));
        require(uint256(s) <= MAX_S, "ECDSA: invalid signature 's' value");
        require(v == 27 || v == 28, "ECDSA: invalid signature 'v' value");
        address signer = ecrecover(digest, v, r, s);
        require(signer != address(0), "ECDSA: invalid signature");
        require(signer == owner, "ERC20Permit: invalid signature");
        _nonces[owner]++;
        _approve(owner, spender, value);
    }
}
