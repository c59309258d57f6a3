// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title IRocketDAOProtocolSettingsDeposit
/// @notice The pDAO's deposit settings: whether deposits are open, their minimum, the pool's maximum
///         size and the deposit fee (1e18 = 100%). Resolve through RocketStorage.
interface IRocketDAOProtocolSettingsDeposit {
    function getDepositEnabled() external view returns (bool);
    function getAssignDepositsEnabled() external view returns (bool);
    function getMinimumDeposit() external view returns (uint256);
    function getMaximumDepositPoolSize() external view returns (uint256);
    function getDepositFee() external view returns (uint256);
    function getMaximumDepositAssignments() external view returns (uint256);
    function getMaximumDepositSocialisedAssignments() external view returns (uint256);
    function getExpressQueueRate() external view returns (uint256);
    function getExpressQueueTicketsBaseProvision() external view returns (uint256);
}
