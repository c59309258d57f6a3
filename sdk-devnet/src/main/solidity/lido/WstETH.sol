// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {
    FixtureAllowances, FixtureAllowanceSteps, FixtureERC20, FixtureERC20Permit, Generation
} from "../common/FixtureERC20.sol";

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
///         ("Wrapped liquid staked Ether 2.0", "1"), ECDSA only (no EIP-1271): FixtureERC20 and
///         FixtureERC20Permit with Generation.OpenZeppelin3.
/// @dev Deployed with the stETH address, like upstream (non-upgradeable). Has the surface of our
///      abi/lido/IWstETH.sol (checked by TokenFixtureAbiTest).
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract WstETH is FixtureERC20, FixtureERC20Permit, FixtureAllowanceSteps {
    string private constant NAME = "Wrapped liquid staked Ether 2.0";

    IStETHForWstETH private immutable _stETH;

    constructor(address stETH_)
        FixtureAllowances(Generation.OpenZeppelin3)
        FixtureERC20(NAME, "wstETH", 18)
        FixtureERC20Permit(NAME)
    {
        _stETH = IStETHForWstETH(stETH_);
    }

    /// @notice The stETH token this contract wraps.
    function stETH() external view returns (address) {
        return address(_stETH);
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
}
