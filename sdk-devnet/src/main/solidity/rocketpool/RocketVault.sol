// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IRocketVault} from "abi/rocketpool/IRocketVault.sol";
import {RocketFixtureBase} from "./RocketFixtureBase.sol";

/// @dev The callback the vault pays withdrawals through (upstream's RocketVaultWithdrawerInterface).
interface IRocketVaultWithdrawer {
    function receiveVaultWithdrawalETH() external payable;
}

/// @title RocketVault (devnet fixture)
/// @notice Holds the ETH of Rocket Pool's network contracts, so that upgrading a contract does not move
///         its balance. Balances are kept per registered contract name (RocketStorage's
///         "contract.name" of the caller), as upstream v1.4:
///         - `depositEther()` (payable): registered network contracts only ("Invalid or outdated network
///           contract"), msg.value > 0 ("No valid amount of ETH given to deposit"); credits the caller's
///           name and emits EtherDeposited(name, amount, time);
///         - `withdrawEther(amount)`: registered network contracts only, amount > 0 ("No valid amount of
///           ETH given to withdraw"), at most the caller's balance ("Insufficient contract ETH balance");
///           pays the caller through its `receiveVaultWithdrawalETH()` and emits EtherWithdrawn;
///         - `balanceOf(name)`: the ETH held for that contract name.
/// @dev Devnet semantics (deviations from Rocket Pool):
///      - ETH only: the token functions (depositToken, withdrawToken, transferToken, burnToken,
///        balanceOfToken) are not implemented (the devnet has no RPL).
///      Implements our abi/rocketpool/IRocketVault.sol, which declares the events.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract RocketVault is IRocketVault, RocketFixtureBase {
    mapping(string => uint256) private _etherBalances;

    constructor(address rocketStorageAddress) RocketFixtureBase(rocketStorageAddress) {}

    /// @dev A contract registered in RocketStorage now (contract.exists + address), as upstream's RocketBase.
    modifier onlyLatestNetworkContract() {
        require(rocketStorage.getBool(keccak256(abi.encodePacked("contract.exists", msg.sender))),
            "Invalid or outdated network contract");
        _;
    }

    function balanceOf(string memory _networkContractName) external view returns (uint256) {
        return _etherBalances[_networkContractName];
    }

    function depositEther() external payable onlyLatestNetworkContract {
        require(msg.value > 0, "No valid amount of ETH given to deposit");
        string memory name = _callerName();
        _etherBalances[name] += msg.value;
        emit EtherDeposited(name, msg.value, block.timestamp);
    }

    function withdrawEther(uint256 _amount) external onlyLatestNetworkContract {
        require(_amount > 0, "No valid amount of ETH given to withdraw");
        string memory name = _callerName();
        require(_etherBalances[name] >= _amount, "Insufficient contract ETH balance");
        _etherBalances[name] -= _amount;
        IRocketVaultWithdrawer(msg.sender).receiveVaultWithdrawalETH{value: _amount}();
        emit EtherWithdrawn(name, _amount, block.timestamp);
    }

    /// @dev RocketStorage's contract.name of the caller; "Contract not found" if it has none (upstream's
    ///      getContractName).
    function _callerName() private view returns (string memory name) {
        name = rocketStorage.getString(keccak256(abi.encodePacked("contract.name", msg.sender)));
        require(bytes(name).length > 0, "Contract not found");
    }
}
