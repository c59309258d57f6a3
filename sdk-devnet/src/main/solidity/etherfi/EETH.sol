// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IEETH} from "abi/etherfi/IEETH.sol";

/// @dev The pool calls eETH makes.
interface IPoolForEETH {
    function getTotalPooledEther() external view returns (uint256);
    function getTotalEtherClaimOf(address user) external view returns (uint256);
    function sharesForAmount(uint256 amount) external view returns (uint256);
    function amountForShare(uint256 share) external view returns (uint256);
}

/// @dev The limiter call eETH makes.
interface IRateLimiterForEETH {
    function consumeIfConfigured(bytes32 id, uint64 amount) external;
}

/// @title EETH (devnet fixture)
/// @notice ether.fi's rebasing eETH: shares are stored here, the pool's value lives in the LiquidityPool,
///         and a balance is `amountForShare(shares)` (floor). Every transfer moves
///         `sharesForAmount(amount)` shares (floor), so the recipient may see a wei less than `amount`;
///         there is no transferShares. `transferFrom` always spends allowance. Mints and burns (only the
///         pool) spend the global rate-limiter buckets `EETH_MINT_LIMIT_ID` / `EETH_BURN_LIMIT_ID` in gwei
///         (the ether value rounded up) and emit Transfer + TransferShares with address 0. EIP-2612 permit
///         with the domain ("EETH", "1"), ECDSA only. Custom errors as upstream.
/// @dev Devnet semantics: never paused, no blacklist, no transfer bucket, not upgradeable.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract EETH is IEETH {
    bytes32 public constant EETH_MINT_LIMIT_ID = keccak256("EETH_MINT_LIMIT_ID");
    bytes32 public constant EETH_BURN_LIMIT_ID = keccak256("EETH_BURN_LIMIT_ID");

    bytes32 private constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    bytes32 private constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");
    uint256 private constant MAX_S = 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0;

    IPoolForEETH public immutable liquidityPool;
    IRateLimiterForEETH public immutable rateLimiter;

    uint256 public totalShares;
    mapping(address => uint256) public shares;
    mapping(address => mapping(address => uint256)) public allowances;
    mapping(address => uint256) private _nonces;

    constructor(address liquidityPool_, address rateLimiter_) {
        if (liquidityPool_ == address(0) || rateLimiter_ == address(0)) revert AddressZero();
        liquidityPool = IPoolForEETH(liquidityPool_);
        rateLimiter = IRateLimiterForEETH(rateLimiter_);
    }

    function name() external pure returns (string memory) {
        return "ether.fi ETH";
    }

    function symbol() external pure returns (string memory) {
        return "eETH";
    }

    function decimals() external pure returns (uint8) {
        return 18;
    }

    function totalSupply() external view returns (uint256) {
        return liquidityPool.getTotalPooledEther();
    }

    function balanceOf(address _user) external view returns (uint256) {
        return liquidityPool.getTotalEtherClaimOf(_user);
    }

    // ------------------------------------------------------------------ mint / burn (pool only)

    function mintShares(address _user, uint256 _share) external {
        if (msg.sender != address(liquidityPool)) revert IncorrectCaller();
        if (_user == address(0)) revert AddressZero();
        shares[_user] += _share;
        totalShares += _share;
        uint256 amount = liquidityPool.amountForShare(_share);
        rateLimiter.consumeIfConfigured(EETH_MINT_LIMIT_ID, _toGweiCeil(amount));
        emit Transfer(address(0), _user, amount);
        emit TransferShares(address(0), _user, _share);
    }

    function burnShares(address _user, uint256 _share) external {
        if (msg.sender != address(liquidityPool)) revert IncorrectCaller();
        if (shares[_user] < _share) revert BurnAmountExceedsBalance();
        uint256 amount = liquidityPool.amountForShare(_share);
        shares[_user] -= _share;
        totalShares -= _share;
        rateLimiter.consumeIfConfigured(EETH_BURN_LIMIT_ID, _toGweiCeil(amount));
        emit Transfer(_user, address(0), amount);
        emit TransferShares(_user, address(0), _share);
    }

    function _toGweiCeil(uint256 amount) private pure returns (uint64) {
        return uint64((amount + 1 gwei - 1) / 1 gwei);
    }

    // ------------------------------------------------------------------ ERC-20

    function allowance(address _owner, address _spender) external view returns (uint256) {
        return allowances[_owner][_spender];
    }

    function approve(address _spender, uint256 _amount) external returns (bool) {
        _approve(msg.sender, _spender, _amount);
        return true;
    }

    function increaseAllowance(address _spender, uint256 _increaseAmount) external returns (bool) {
        _approve(msg.sender, _spender, allowances[msg.sender][_spender] + _increaseAmount);
        return true;
    }

    function decreaseAllowance(address _spender, uint256 _decreaseAmount) external returns (bool) {
        uint256 current = allowances[msg.sender][_spender];
        if (current < _decreaseAmount) revert AllowanceBelowZero();
        _approve(msg.sender, _spender, current - _decreaseAmount);
        return true;
    }

    /// @notice Moves sharesForAmount(_amount) shares (floor); `Transfer` carries `_amount`.
    function transfer(address _recipient, uint256 _amount) external returns (bool) {
        _transfer(msg.sender, _recipient, _amount);
        return true;
    }

    /// @notice Spends `_amount` of allowance (no infinite-allowance case), then as transfer.
    function transferFrom(address _sender, address _recipient, uint256 _amount) external returns (bool) {
        uint256 current = allowances[_sender][msg.sender];
        if (current < _amount) revert TransferAmountExceedsAllowance();
        _approve(_sender, msg.sender, current - _amount);
        _transfer(_sender, _recipient, _amount);
        return true;
    }

    function _transfer(address _sender, address _recipient, uint256 _amount) private {
        uint256 sharesToTransfer = liquidityPool.sharesForAmount(_amount);
        if (_sender == address(0) || _recipient == address(0)) revert AddressZero();
        if (sharesToTransfer > shares[_sender]) revert TransferAmountExceedsBalance();
        shares[_sender] -= sharesToTransfer;
        shares[_recipient] += sharesToTransfer;
        emit TransferShares(_sender, _recipient, sharesToTransfer);
        emit Transfer(_sender, _recipient, _amount);
    }

    function _approve(address _owner, address _spender, uint256 _amount) private {
        if (_owner == address(0) || _spender == address(0)) revert AddressZero();
        allowances[_owner][_spender] = _amount;
        emit Approval(_owner, _spender, _amount);
    }

    // ------------------------------------------------------------------ permit (EIP-2612, ECDSA only)

    function nonces(address owner) external view returns (uint256) {
        return _nonces[owner];
    }

    function DOMAIN_SEPARATOR() public view returns (bytes32) {
        return keccak256(abi.encode(DOMAIN_TYPEHASH, keccak256("EETH"), keccak256("1"), block.chainid, address(this)));
    }

    function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external
    {
        if (block.timestamp > deadline) revert ExpiredDeadline();
        bytes32 structHash = keccak256(abi.encode(PERMIT_TYPEHASH, owner, spender, value, _nonces[owner]++, deadline));
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", DOMAIN_SEPARATOR(), structHash));
        require(uint256(s) <= MAX_S, "ECDSA: invalid signature 's' value");
        address signer = ecrecover(digest, v, r, s);
        require(signer != address(0), "ECDSA: invalid signature");
        if (signer != owner) revert InvalidSignature();
        _approve(owner, spender, value);
    }
}
