// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IWeETH} from "abi/etherfi/IWeETH.sol";
import {PermitInput} from "abi/etherfi/EtherFiCommon.sol";

/// @dev The eETH calls weETH makes.
interface IEETHForWeETH {
    function shares(address user) external view returns (uint256);
    function transfer(address recipient, uint256 amount) external returns (bool);
    function transferFrom(address sender, address recipient, uint256 amount) external returns (bool);
    function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external;
}

/// @dev The pool calls weETH makes.
interface IPoolForWeETH {
    function sharesForAmount(uint256 amount) external view returns (uint256);
    function amountForShare(uint256 share) external view returns (uint256);
}

/// @title WeETH (devnet fixture)
/// @notice Wrapped eETH, 1 weETH = 1 eETH share (not ERC-4626): `wrap(x)` pulls x eETH (allowance to weETH)
///         and mints `sharesForAmount(x)` (floor); `unwrap(w)` burns w and sends `amountForShare(w)` eETH
///         (floor), whose transfer moves `sharesForAmount` of that (floor), so the dust stays here; every
///         mint and burn checks that weETH supply ≤ the eETH shares held (`WeETHUnderbacked`).
///         `getRate()` = amountForShare(1e18). ERC-20 with OpenZeppelin 4 semantics and revert strings
///         (an infinite allowance is not spent) and EIP-2612 permit with the domain ("Wrapped eETH", "1").
/// @dev Devnet semantics: never paused, no blacklist, no rate-limiter buckets, not upgradeable.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract WeETH is IWeETH {
    bytes32 private constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    bytes32 private constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");
    uint256 private constant MAX_S = 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0;

    IEETHForWeETH private immutable _eETH;
    IPoolForWeETH private immutable _pool;

    string private _name = "Wrapped eETH"; // storage, so the metadata getters are `view` as upstream
    string private _symbol = "weETH";
    uint8 private _decimals = 18;
    uint256 private _totalSupply;
    mapping(address => uint256) private _balances;
    mapping(address => mapping(address => uint256)) private _allowances;
    mapping(address => uint256) private _nonces;

    constructor(address eETH_, address liquidityPool_) {
        if (eETH_ == address(0) || liquidityPool_ == address(0)) revert ZeroAddress();
        _eETH = IEETHForWeETH(eETH_);
        _pool = IPoolForWeETH(liquidityPool_);
    }

    function eETH() external view returns (address) {
        return address(_eETH);
    }

    function liquidityPool() external view returns (address) {
        return address(_pool);
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

    function wrap(uint256 _eETHAmount) public returns (uint256) {
        if (_eETHAmount == 0) revert ZeroAmount();
        uint256 weETHAmount = _pool.sharesForAmount(_eETHAmount);
        _eETH.transferFrom(msg.sender, address(this), _eETHAmount);
        _mint(msg.sender, weETHAmount);
        _checkBacking();
        return weETHAmount;
    }

    /// @notice The eETH permit is tried and a failure ignored (it may have been front-run); then as wrap.
    function wrapWithPermit(uint256 _eETHAmount, PermitInput calldata _permit) external returns (uint256) {
        try _eETH.permit(msg.sender, address(this), _permit.value, _permit.deadline, _permit.v, _permit.r, _permit.s) {}
        catch {}
        return wrap(_eETHAmount);
    }

    function unwrap(uint256 _weETHAmount) external returns (uint256) {
        if (_weETHAmount == 0) revert ZeroAmount();
        uint256 eETHAmount = _pool.amountForShare(_weETHAmount);
        _burn(msg.sender, _weETHAmount);
        _eETH.transfer(msg.sender, eETHAmount);
        _checkBacking();
        return eETHAmount;
    }

    function _checkBacking() private view {
        uint256 held = _eETH.shares(address(this));
        if (_totalSupply > held) revert WeETHUnderbacked(_totalSupply, held);
    }

    /// @notice eETH for 1e18 weETH (floor).
    function getRate() external view returns (uint256) {
        return _pool.amountForShare(1 ether);
    }

    function getEETHByWeETH(uint256 _weETHAmount) external view returns (uint256) {
        return _pool.amountForShare(_weETHAmount);
    }

    function getWeETHByeETH(uint256 _eETHAmount) external view returns (uint256) {
        return _pool.sharesForAmount(_eETHAmount);
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

    function transfer(address to, uint256 amount) external returns (bool) {
        _transfer(msg.sender, to, amount);
        return true;
    }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        uint256 current = _allowances[from][msg.sender];
        if (current != type(uint256).max) {
            require(current >= amount, "ERC20: insufficient allowance");
            _approve(from, msg.sender, current - amount);
        }
        _transfer(from, to, amount);
        return true;
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

    function _mint(address account, uint256 amount) private {
        _totalSupply += amount;
        _balances[account] += amount;
        emit Transfer(address(0), account, amount);
    }

    function _burn(address account, uint256 amount) private {
        uint256 balance = _balances[account];
        require(balance >= amount, "ERC20: burn amount exceeds balance");
        _balances[account] = balance - amount;
        _totalSupply -= amount;
        emit Transfer(account, address(0), amount);
    }

    function _approve(address owner, address spender, uint256 amount) private {
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
        return keccak256(
            abi.encode(DOMAIN_TYPEHASH, keccak256("Wrapped eETH"), keccak256("1"), block.chainid, address(this))
        );
    }

    function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external
    {
        require(block.timestamp <= deadline, "ERC20Permit: expired deadline");
        bytes32 structHash = keccak256(abi.encode(PERMIT_TYPEHASH, owner, spender, value, _nonces[owner]++, deadline));
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", DOMAIN_SEPARATOR(), structHash));
        require(uint256(s) <= MAX_S, "ECDSA: invalid signature 's' value");
        address signer = ecrecover(digest, v, r, s);
        require(signer != address(0), "ECDSA: invalid signature");
        require(signer == owner, "ERC20Permit: invalid signature");
        _approve(owner, spender, value);
    }
}
