// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IEETH} from "abi/etherfi/IEETH.sol";
import {
    Failure, FixtureAllowances, FixtureAllowanceSteps, FixtureERC20Permit, Generation, PermitFailure
} from "../common/FixtureERC20.sol";

/// @dev The pool calls eETH makes.
interface IPoolForEETH {
    function getTotalPooledEther() external view returns (uint256);
    function getTotalEtherClaimOf(address user) external view returns (uint256);
    function sharesForAmount(uint256 amount) external view returns (uint256);
    function amountForShare(uint256 share) external view returns (uint256);
}

/// @dev The limiter call eETH makes.
interface IRateLimiterForEETH {
    function consumeToken(bytes32 id, uint64 amount) external;
}

/// @dev The blacklist check eETH makes.
interface IBlacklisterForEETH {
    function nonBlacklisted(address user) external view;
}

/// @title EETH (devnet fixture)
/// @notice ether.fi's rebasing eETH: shares are stored here, the pool's value lives in the LiquidityPool,
///         and a balance is `amountForShare(shares)` (floor). Every transfer moves
///         `sharesForAmount(amount)` shares (floor), so the recipient may see a wei less than `amount`;
///         there is no transferShares. `transferFrom` always spends allowance. Mints and burns (only the
///         pool) update the shares, then spend the global rate-limiter buckets `EETH_MINT_LIMIT_ID` /
///         `EETH_BURN_LIMIT_ID` (`consumeToken`) with the shares' value at the updated pool, in gwei rounded
///         up, as upstream, and emit Transfer + TransferShares with address 0. Mints, burns and transfers
///         check the Blacklister fixture (the user minted to or burnt from; the sender, the recipient and
///         msg.sender of a transfer): `BlacklistedUser(address)`. EIP-2612 permit
///         with the domain ("EETH", "1"), ECDSA only. Custom errors as upstream. Allowances and permit are
///         FixtureAllowanceSteps and FixtureERC20Permit (Generation.OpenZeppelin4: permit does not check
///         `v`), the balances are this contract's. Has the surface of our abi/etherfi/IEETH.sol (checked
///         by TokenFixtureAbiTest), whose events and errors it uses.
/// @dev Devnet semantics: never paused (upstream: pause and pause-until, ContractPaused /
///      ContractPausedUntil), no per-address buckets, not upgradeable.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract EETH is FixtureAllowanceSteps, FixtureERC20Permit {
    bytes32 public constant EETH_MINT_LIMIT_ID = keccak256("EETH_MINT_LIMIT_ID");
    bytes32 public constant EETH_BURN_LIMIT_ID = keccak256("EETH_BURN_LIMIT_ID");

    IPoolForEETH public immutable liquidityPool;
    IRateLimiterForEETH public immutable rateLimiter;
    IBlacklisterForEETH public immutable blacklister;

    uint256 public totalShares;
    mapping(address => uint256) public shares;

    constructor(address liquidityPool_, address rateLimiter_, address blacklister_)
        FixtureAllowances(Generation.OpenZeppelin4)
        FixtureERC20Permit("EETH")
    {
        if (liquidityPool_ == address(0) || rateLimiter_ == address(0) || blacklister_ == address(0)) {
            revert IEETH.AddressZero();
        }
        liquidityPool = IPoolForEETH(liquidityPool_);
        rateLimiter = IRateLimiterForEETH(rateLimiter_);
        blacklister = IBlacklisterForEETH(blacklister_);
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
        if (msg.sender != address(liquidityPool)) revert IEETH.IncorrectCaller();
        if (_user == address(0)) revert IEETH.AddressZero();
        blacklister.nonBlacklisted(_user);
        shares[_user] += _share;
        totalShares += _share;
        uint256 amount = liquidityPool.amountForShare(_share);
        rateLimiter.consumeToken(EETH_MINT_LIMIT_ID, _toGweiCeil(amount));
        emit IEETH.Transfer(address(0), _user, amount);
        emit IEETH.TransferShares(address(0), _user, _share);
    }

    function burnShares(address _user, uint256 _share) external {
        if (msg.sender != address(liquidityPool)) revert IEETH.IncorrectCaller();
        blacklister.nonBlacklisted(_user);
        if (shares[_user] < _share) revert IEETH.BurnAmountExceedsBalance();
        shares[_user] -= _share;
        totalShares -= _share;
        uint256 amount = liquidityPool.amountForShare(_share); // after the burn, as upstream
        rateLimiter.consumeToken(EETH_BURN_LIMIT_ID, _toGweiCeil(amount));
        emit IEETH.Transfer(_user, address(0), amount);
        emit IEETH.TransferShares(_user, address(0), _share);
    }

    function _toGweiCeil(uint256 amount) private pure returns (uint64) {
        return uint64((amount + 1 gwei - 1) / 1 gwei);
    }

    // ------------------------------------------------------------------ ERC-20

    function allowances(address _owner, address _spender) external view returns (uint256) {
        return allowance(_owner, _spender);
    }

    /// @notice Moves sharesForAmount(_amount) shares (floor); `Transfer` carries `_amount`.
    function transfer(address _recipient, uint256 _amount) external returns (bool) {
        _transfer(msg.sender, _recipient, _amount);
        return true;
    }

    /// @notice Spends `_amount` of allowance (no infinite-allowance case), then as transfer.
    function transferFrom(address _sender, address _recipient, uint256 _amount) external returns (bool) {
        uint256 current = allowance(_sender, msg.sender);
        if (current < _amount) _fail(Failure.InsufficientAllowance, msg.sender, current, _amount);
        _approve(_sender, msg.sender, current - _amount);
        _transfer(_sender, _recipient, _amount);
        return true;
    }

    function _transfer(address _sender, address _recipient, uint256 _amount) private {
        blacklister.nonBlacklisted(_sender);
        blacklister.nonBlacklisted(_recipient);
        blacklister.nonBlacklisted(msg.sender);
        uint256 sharesToTransfer = liquidityPool.sharesForAmount(_amount);
        if (_sender == address(0) || _recipient == address(0)) revert IEETH.AddressZero();
        if (sharesToTransfer > shares[_sender]) revert IEETH.TransferAmountExceedsBalance();
        shares[_sender] -= sharesToTransfer;
        shares[_recipient] += sharesToTransfer;
        emit IEETH.TransferShares(_sender, _recipient, sharesToTransfer);
        emit IEETH.Transfer(_sender, _recipient, _amount);
    }

    /// @dev The allowance failures FixtureAllowances reaches, as IEETH's errors.
    function _fail(Failure failure, address, uint256, uint256) internal pure override {
        if (failure == Failure.InsufficientAllowance) revert IEETH.TransferAmountExceedsAllowance();
        if (failure == Failure.AllowanceBelowZero) revert IEETH.AllowanceBelowZero();
        revert IEETH.AddressZero(); // ZeroApprover, ZeroSpender
    }

    /// @dev Upstream's own errors for the deadline and a wrong signer, OpenZeppelin's ECDSA strings else.
    function _failPermit(PermitFailure failure, address signer, address owner, uint256 deadline)
        internal
        pure
        override
    {
        if (failure == PermitFailure.Expired) revert IEETH.ExpiredDeadline();
        if (failure == PermitFailure.WrongSigner) revert IEETH.InvalidSignature();
        super._failPermit(failure, signer, owner, deadline);
    }
}
