// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title IRocketDepositPool
/// @notice Rocket Pool's deposit pool (v1.4): ETH in, rETH minted to the sender at the last reported
///         rate, net of the deposit fee. Replaced on upgrades: resolve it through RocketStorage.
interface IRocketDepositPool {
    /// @notice `amount` is the gross msg.value.
    event DepositReceived(address indexed from, uint256 amount, uint256 time);
    event DepositRecycled(address indexed from, uint256 amount, uint256 time);
    event DepositAssigned(address indexed minipool, uint256 amount, uint256 time);
    event ExcessWithdrawn(address indexed to, uint256 amount, uint256 time);
    event FundsRequested(address indexed receiver, uint256 validatorId, uint256 amount, bool expressQueue, uint256 time);
    event FundsAssigned(address indexed receiver, uint256 amount, uint256 time);
    event QueueExited(address indexed nodeAddress, uint256 time);
    event CreditWithdrawn(address indexed nodeAddress, uint256 amount, uint256 time);

    // ---------------------------------------------------------------------
    // Deposits
    // ---------------------------------------------------------------------

    /// @notice Mints rETH to msg.sender; no referral, no result.
    function deposit() external payable;

    /// @notice The remaining headroom for deposits; 0 when they are disabled.
    function getMaximumDepositAmount() external view returns (uint256);

    /// @notice ETH held for the pool in RocketVault.
    function getBalance() external view returns (uint256);

    /// @notice Can be negative (v1.3 and later).
    function getUserBalance() external view returns (int256);
    function getNodeBalance() external view returns (uint256);
    function getNodeCreditBalance(address _nodeAddress) external view returns (uint256);
    function getExcessBalance() external view returns (uint256);

    // ---------------------------------------------------------------------
    // Queue (node-operator side)
    // ---------------------------------------------------------------------

    function maybeAssignDeposits(uint256 _max) external;
    function assignDeposits(uint256 _max) external;
    function getQueueTop() external view returns (address receiver, bool assignmentPossible, uint256 headMovedBlock);
    function getQueueIndex() external view returns (uint256);
    function getMinipoolQueueLength() external view returns (uint256);
    function getExpressQueueLength() external view returns (uint256);
    function getStandardQueueLength() external view returns (uint256);
    function getTotalQueueLength() external view returns (uint256);
}
