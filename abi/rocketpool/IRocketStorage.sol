// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title IRocketStorage
/// @notice Rocket Pool's key-value hub, whose address never changes. Contract addresses are stored under
///         keccak256(abi.encodePacked("contract.address", name)); resolve the deposit pool and the other
///         upgradeable contracts through getAddress at run time.
interface IRocketStorage {
    event NodeWithdrawalAddressSet(address indexed node, address indexed withdrawalAddress, uint256 time);
    event GuardianChanged(address oldGuardian, address newGuardian);

    function getAddress(bytes32 _key) external view returns (address);
    function getUint(bytes32 _key) external view returns (uint256);

    /// @notice Under "contract.abi" + name: base64 of the zlib-deflated ABI JSON.
    function getString(bytes32 _key) external view returns (string memory);
    function getBytes(bytes32 _key) external view returns (bytes memory);
    function getBool(bytes32 _key) external view returns (bool);
    function getInt(bytes32 _key) external view returns (int256);
    function getBytes32(bytes32 _key) external view returns (bytes32);
    function getDeployedStatus() external view returns (bool);
    function getNodeWithdrawalAddress(address _nodeAddress) external view returns (address);
    function getNodePendingWithdrawalAddress(address _nodeAddress) external view returns (address);
}
