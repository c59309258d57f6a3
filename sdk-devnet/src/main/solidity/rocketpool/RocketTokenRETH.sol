// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IRocketTokenRETH} from "abi/rocketpool/IRocketTokenRETH.sol";
import {IRocketNetworkBalances} from "abi/rocketpool/IRocketNetworkBalances.sol";
import {IRocketDepositPool} from "abi/rocketpool/IRocketDepositPool.sol";
import {RocketFixtureBase, IRocketDepositPoolCollateral} from "./RocketFixtureBase.sol";

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
///         Revert strings are upstream's, including OpenZeppelin's "ERC20: ..." ones.
/// @dev Devnet semantics (deviations from Rocket Pool):
///      - The legacy per-user deposit delay check in token transfers is left out (upstream's deposit
///        pool no longer records deposit blocks, so upstream's check never fires either).
///      - The target collateral rate is read from RocketStorage under the pDAO network setting key
///        "network.reth.collateral.target" (the devnet has no RocketDAOProtocolSettingsNetwork).
///      Implements our abi/rocketpool/IRocketTokenRETH.sol, which declares the events.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract RocketTokenRETH is IRocketTokenRETH, RocketFixtureBase {
    mapping(address => uint256) private _balances;
    mapping(address => mapping(address => uint256)) private _allowances;
    uint256 private _totalSupply;

    constructor(address rocketStorageAddress) RocketFixtureBase(rocketStorageAddress) {}

    // ------------------------------------------------------------------ ether in

    /// @notice ETH from validators or anyone else: collateral for burns.
    receive() external payable {
        emit EtherDeposited(msg.sender, msg.value, block.timestamp);
    }

    /// @notice The deposit pool tops up the collateral (deposits while below target, burns).
    function depositExcess() external payable onlyLatestContract("rocketDepositPool", msg.sender) {
        emit EtherDeposited(msg.sender, msg.value, block.timestamp);
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
        uint256 totalEthValue = getEthValue(_totalSupply);
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
        emit TokensMinted(_to, rethAmount, _ethAmount, block.timestamp);
    }

    /// @notice Burns `_rethAmount` of the caller's rETH for getEthValue(_rethAmount) ETH, if the
    ///         collateral covers it; ETH is sent as with `transfer` (2300 gas stipend), as upstream.
    function burn(uint256 _rethAmount) external {
        require(_rethAmount > 0, "Invalid token burn amount");
        require(_balances[msg.sender] >= _rethAmount, "Insufficient rETH balance");
        uint256 ethAmount = getEthValue(_rethAmount);
        require(getTotalCollateral() >= ethAmount, "Insufficient ETH balance for exchange");
        _burn(msg.sender, _rethAmount);
        _withdrawDepositCollateral(ethAmount);
        _sendLikeTransfer(payable(msg.sender), ethAmount);
        emit TokensBurned(msg.sender, _rethAmount, ethAmount, block.timestamp);
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

    // ------------------------------------------------------------------ ERC-20

    function name() external pure returns (string memory) {
        return "Rocket Pool ETH";
    }

    function symbol() external pure returns (string memory) {
        return "rETH";
    }

    function decimals() external pure returns (uint8) {
        return 18;
    }

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

    function _transfer(address sender, address recipient, uint256 amount) private {
        require(sender != address(0), "ERC20: transfer from the zero address");
        require(recipient != address(0), "ERC20: transfer to the zero address");
        uint256 held = _balances[sender];
        require(held >= amount, "ERC20: transfer amount exceeds balance");
        _balances[sender] = held - amount;
        _balances[recipient] += amount;
        emit Transfer(sender, recipient, amount);
    }

    function _mint(address account, uint256 amount) private {
        require(account != address(0), "ERC20: mint to the zero address");
        _totalSupply += amount;
        _balances[account] += amount;
        emit Transfer(address(0), account, amount);
    }

    function _burn(address account, uint256 amount) private {
        uint256 held = _balances[account];
        require(held >= amount, "ERC20: burn amount exceeds balance");
        _balances[account] = held - amount;
        _totalSupply -= amount;
        emit Transfer(account, address(0), amount);
    }

    function _approve(address owner, address spender, uint256 amount) private {
        require(owner != address(0), "ERC20: approve from the zero address");
        require(spender != address(0), "ERC20: approve to the zero address");
        _allowances[owner][spender] = amount;
        emit Approval(owner, spender, amount);
    }
}
