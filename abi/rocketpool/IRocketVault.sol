// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title IRocketVault
/// @notice Rocket Pool's vault (not upgraded): holds the ETH of the network contracts per contract name, e.g.
///         balanceOf("rocketDepositPool") is the deposit pool's balance (RocketDepositPool.getBalance()).
///         Only registered network contracts deposit and withdraw.
interface IRocketVault {
    /// @notice `by` is the depositing contract's name (indexed: its keccak256 in the topic).
    event EtherDeposited(string indexed by, uint256 amount, uint256 time);
    event EtherWithdrawn(string indexed by, uint256 amount, uint256 time);

    /// @notice The ETH held for the network contract registered under `_networkContractName`.
    function balanceOf(string memory _networkContractName) external view returns (uint256);

    /// @notice Credits msg.value to the calling network contract's name.
    function depositEther() external payable;

    /// @notice Pays `_amount` of the caller's balance back through its receiveVaultWithdrawalETH().
    function withdrawEther(uint256 _amount) external;
}
