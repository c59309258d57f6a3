// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IWeETH} from "abi/etherfi/IWeETH.sol";
import {PermitInput} from "abi/etherfi/EtherFiCommon.sol";
import {
    FixtureAllowances, FixtureAllowanceSteps, FixtureERC20, FixtureERC20Permit, Generation
} from "../common/FixtureERC20.sol";

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
///         (an infinite allowance is not spent) and EIP-2612 permit with the domain ("Wrapped eETH", "1")
///         (FixtureERC20 and FixtureERC20Permit with Generation.OpenZeppelin4). Has the surface of our
///         abi/etherfi/IWeETH.sol (checked by TokenFixtureAbiTest), whose errors it reverts with.
/// @dev Devnet semantics: never paused, no blacklist, no rate-limiter buckets, not upgradeable.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract WeETH is FixtureERC20, FixtureERC20Permit, FixtureAllowanceSteps {
    /// @notice Upstream's error for rescuing eETH through its token-recovery function, which the devnet
    ///         weETH does not have; declared so the ABI is IWeETH's.
    error CannotRecoverEETH();

    IEETHForWeETH private immutable _eETH;
    IPoolForWeETH private immutable _pool;

    constructor(address eETH_, address liquidityPool_)
        FixtureAllowances(Generation.OpenZeppelin4)
        FixtureERC20("Wrapped eETH", "weETH", 18)
        FixtureERC20Permit("Wrapped eETH")
    {
        if (eETH_ == address(0) || liquidityPool_ == address(0)) revert IWeETH.ZeroAddress();
        _eETH = IEETHForWeETH(eETH_);
        _pool = IPoolForWeETH(liquidityPool_);
    }

    function eETH() external view returns (address) {
        return address(_eETH);
    }

    function liquidityPool() external view returns (address) {
        return address(_pool);
    }

    // ------------------------------------------------------------------ wrapping

    function wrap(uint256 _eETHAmount) public returns (uint256) {
        if (_eETHAmount == 0) revert IWeETH.ZeroAmount();
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
        if (_weETHAmount == 0) revert IWeETH.ZeroAmount();
        uint256 eETHAmount = _pool.amountForShare(_weETHAmount);
        _burn(msg.sender, _weETHAmount);
        _eETH.transfer(msg.sender, eETHAmount);
        _checkBacking();
        return eETHAmount;
    }

    function _checkBacking() private view {
        uint256 held = _eETH.shares(address(this));
        if (totalSupply() > held) revert IWeETH.WeETHUnderbacked(totalSupply(), held);
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
}
