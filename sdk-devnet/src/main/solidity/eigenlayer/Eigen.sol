// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IERC20} from "abi/common/IERC20.sol";
import {FixtureAllowances, FixtureERC20, Generation} from "../common/FixtureERC20.sol";

/// @title Eigen (devnet fixture)
/// @notice The EIGEN token: an ERC-20 that wraps bEIGEN 1:1. `wrap(x)` pulls x bEIGEN from the caller
///         (who approved this contract) and mints x EIGEN to it; `unwrap(x)` burns x of the caller's
///         EIGEN and sends it x bEIGEN. So EIGEN's supply is always backed by the bEIGEN this contract
///         holds. Emits TokenWrapped / TokenUnwrapped as upstream does. ERC-20 with OpenZeppelin 4's rules
///         and revert strings (FixtureERC20, Generation.OpenZeppelin4): an unlimited allowance is not spent.
/// @dev Deviations: it has the ERC-20 and wrapping part of EIGEN only (the same selectors and events as
///      our abi/eigenlayer/IEigen.sol); votes, permit, minting allowances and transfer restrictions are
///      left out, so transfers are never restricted. Deployed with the bEIGEN address (upstream: a proxy
///      with `bEIGEN` immutable). bEIGEN on the devnet is a TestToken that the deployer mints.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract Eigen is FixtureERC20 {
    /// @notice `account` wrapped `amount` bEIGEN into EIGEN.
    event TokenWrapped(address indexed account, uint256 amount);

    /// @notice `account` unwrapped `amount` EIGEN into bEIGEN.
    event TokenUnwrapped(address indexed account, uint256 amount);

    /// @notice The bEIGEN token backing EIGEN.
    address public immutable bEIGEN;

    constructor(address bEIGEN_) FixtureAllowances(Generation.OpenZeppelin4) FixtureERC20("Eigen", "EIGEN", 18) {
        require(bEIGEN_ != address(0), "Eigen: bEIGEN is the zero address");
        bEIGEN = bEIGEN_;
    }

    // ------------------------------------------------------------------ bEIGEN wrapping

    /// @notice Wraps `amount` of the caller's bEIGEN into as much EIGEN.
    function wrap(uint256 amount) external {
        require(IERC20(bEIGEN).transferFrom(msg.sender, address(this), amount), "Eigen: bEIGEN transfer failed");
        _mint(msg.sender, amount);
        emit TokenWrapped(msg.sender, amount);
    }

    /// @notice Unwraps `amount` of the caller's EIGEN into as much bEIGEN.
    function unwrap(uint256 amount) external {
        _burn(msg.sender, amount);
        require(IERC20(bEIGEN).transfer(msg.sender, amount), "Eigen: bEIGEN transfer failed");
        emit TokenUnwrapped(msg.sender, amount);
    }
}
