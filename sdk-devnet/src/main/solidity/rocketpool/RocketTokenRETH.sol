// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IRocketTokenRETH} from "abi/rocketpool/IRocketTokenRETH.sol";
import {IRocketNetworkBalances} from "abi/rocketpool/IRocketNetworkBalances.sol";
import {IRocketDepositPool} from "abi/rocketpool/IRocketDepositPool.sol";
import {RocketFixtureBase, IRocketDepositPoolCollateral} from "./RocketFixtureBase.sol";
import {FixtureAllowances, FixtureAllowanceSteps, FixtureERC20, Generation} from "../common/FixtureERC20.sol";

/// @title RocketTokenRETH (devnet fixture)
/// @notice rETH: an ERC-20 ("Rocket Pool ETH", "rETH", 18 decimals, no permit) minted by the latest
///         deposit pool and burnt for ETH. Its rate comes from RocketNetworkBalances (the last report),
///         found through RocketStorage on every call:
///         - getEthValue(r) = floor(r * totalETH / rethSupply), r itself while the reported supply is 0;
///         - getRethValue(e) = floor(e * rethSupply / totalETH), e itself while the reported supply is 0,
///           reverting "Cannot calculate rETH token amount while total network balance is zero";
///         - getExchangeRate() = getEthValue(1 ether).
///         Burning pays getEthValue(amount) from the collateral: this contract's ETH balance plus the
///         deposit pool's excess balance, withdrawn from the pool when this contract's own balance is
///         short (getTotalCollateral()). ETH sent here (validator withdrawals, rewards) adds collateral.
///         Revert strings are upstream's, including OpenZeppelin's "ERC20: ..." ones: the ERC-20 is a
///         FixtureERC20 with OpenZeppelin 3's rules (every transferFrom spends allowance, after the move).
/// @dev Devnet semantics (deviations from Rocket Pool):
///      - The legacy per-user deposit delay check in token transfers is left out (upstream's deposit
///        pool no longer records deposit blocks, so upstream's check never fires either).
///      - The target collateral rate is read from RocketStorage under the pDAO network setting key
///        "network.reth.collateral.target" (the devnet has no RocketDAOProtocolSettingsNetwork).
///      Has the surface of our abi/rocketpool/IRocketTokenRETH.sol (checked by TokenFixtureAbiTest),
///      whose events it emits.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract RocketTokenRETH is RocketFixtureBase, FixtureERC20, FixtureAllowanceSteps {
    constructor(address rocketStorageAddress)
        RocketFixtureBase(rocketStorageAddress)
        FixtureAllowances(Generation.OpenZeppelin3)
        FixtureERC20("Rocket Pool ETH", "rETH", 18)
    {}

    // ------------------------------------------------------------------ ether in

    /// @notice ETH from validators or anyone else: collateral for burns.
    receive() external payable {
        emit IRocketTokenRETH.EtherDeposited(msg.sender, msg.value, block.timestamp);
    }

    /// @notice The deposit pool tops up the collateral (deposits while below target, burns).
    function depositExcess() external payable onlyLatestContract("rocketDepositPool", msg.sender) {
        emit IRocketTokenRETH.EtherDeposited(msg.sender, msg.value, block.timestamp);
    }

    // ------------------------------------------------------------------ rate

    function getEthValue(uint256 _rethAmount) public view returns (uint256) {
        (uint256 totalEth, uint256 rethSupply) = _networkBalances();
        if (rethSupply == 0) return _rethAmount;
        return _rethAmount * totalEth / rethSupply;
    }

    function getRethValue(uint256 _ethAmount) public view returns (uint256) {
        (uint256 totalEth, uint256 rethSupply) = _networkBalances();
        if (rethSupply == 0) return _ethAmount;
        require(totalEth > 0, "Cannot calculate rETH token amount while total network balance is zero");
        return _ethAmount * rethSupply / totalEth;
    }

    function getExchangeRate() external view returns (uint256) {
        return getEthValue(1 ether);
    }

    /// @notice The deposit pool's excess balance plus this contract's ETH.
    function getTotalCollateral() public view returns (uint256) {
        return IRocketDepositPool(_contract("rocketDepositPool")).getExcessBalance() + address(this).balance;
    }

    /// @notice floor(1e18 * this contract's ETH / getEthValue(totalSupply)); 1e18 while that value is 0.
    function getCollateralRate() public view returns (uint256) {
        uint256 totalEthValue = getEthValue(totalSupply());
        if (totalEthValue == 0) return CALC_BASE;
        return CALC_BASE * address(this).balance / totalEthValue;
    }

    function _networkBalances() private view returns (uint256 totalEth, uint256 rethSupply) {
        IRocketNetworkBalances balances = IRocketNetworkBalances(_contract("rocketNetworkBalances"));
        totalEth = balances.getTotalETHBalance();
        rethSupply = balances.getTotalRETHSupply();
    }

    // ------------------------------------------------------------------ mint and burn

    /// @notice Mints getRethValue(_ethAmount) to `_to`; the latest deposit pool only.
    function mint(uint256 _ethAmount, address _to) external onlyLatestContract("rocketDepositPool", msg.sender) {
        uint256 rethAmount = getRethValue(_ethAmount);
        require(rethAmount > 0, "Invalid token mint amount");
        _mint(_to, rethAmount);
        emit IRocketTokenRETH.TokensMinted(_to, rethAmount, _ethAmount, block.timestamp);
    }

    /// @notice Burns `_rethAmount` of the caller's rETH for getEthValue(_rethAmount) ETH, if the
    ///         collateral covers it; ETH is sent as with `transfer` (2300 gas stipend), as upstream.
    function burn(uint256 _rethAmount) external {
        require(_rethAmount > 0, "Invalid token burn amount");
        require(balanceOf(msg.sender) >= _rethAmount, "Insufficient rETH balance");
        uint256 ethAmount = getEthValue(_rethAmount);
        require(getTotalCollateral() >= ethAmount, "Insufficient ETH balance for exchange");
        _burn(msg.sender, _rethAmount);
        _withdrawDepositCollateral(ethAmount);
        _sendLikeTransfer(payable(msg.sender), ethAmount);
        emit IRocketTokenRETH.TokensBurned(msg.sender, _rethAmount, ethAmount, block.timestamp);
    }

    /// @dev Solidity's `transfer`: the recipient gets the 2300 gas stipend only; a failure reverts with
    ///      the recipient's revert data.
    function _sendLikeTransfer(address payable to, uint256 amount) private {
        (bool sent, bytes memory data) = to.call{value: amount, gas: amount == 0 ? 2300 : 0}("");
        if (!sent) {
            assembly {
                revert(add(data, 32), mload(data))
            }
        }
    }

    /// @dev Pulls the shortfall from the deposit pool's excess balance when this contract holds too little.
    function _withdrawDepositCollateral(uint256 ethRequired) private {
        uint256 held = address(this).balance;
        if (held >= ethRequired) return;
        IRocketDepositPoolCollateral(_contract("rocketDepositPool")).withdrawExcessBalance(ethRequired - held);
    }

    /// @notice Permissionless: sends this contract's ETH above the target collateral rate back to the
    ///         deposit pool.
    function depositExcessCollateral() external {
        uint256 collateralRate = getCollateralRate();
        uint256 targetRate = rocketStorage.getUint(_settingKey("network", "network.reth.collateral.target"));
        if (collateralRate > targetRate) {
            uint256 targetCollateral = address(this).balance * targetRate / collateralRate;
            if (address(this).balance > targetCollateral) {
                IRocketDepositPoolCollateral(_contract("rocketDepositPool")).recycleExcessCollateral{
                    value: address(this).balance - targetCollateral
                }();
            }
        }
    }

    // ------------------------------------------------------------------ ERC-20 metadata

    /// @dev Constants, so `pure` as upstream's (the same values as the FixtureERC20 copies).
    function name() public pure override returns (string memory) {
        return "Rocket Pool ETH";
    }

    function symbol() public pure override returns (string memory) {
        return "rETH";
    }

    function decimals() public pure override returns (uint8) {
        return 18;
    }
}
