// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IRocketStorage} from "abi/rocketpool/IRocketStorage.sol";

/// @title RocketStorage (devnet fixture)
/// @notice Rocket Pool's key-value hub: every other fixture finds the others here at call time, under
///         keccak256(abi.encodePacked("contract.address", name)), and keeps its settings and network
///         balances here under Rocket Pool's keys. Only registered contracts
///         (keccak256("contract.exists" ‖ address) is true) may write; while the storage is not yet marked
///         deployed, transactions started by the guardian may write too (upstream's deployment rule).
/// @dev Devnet semantics (deviations from Rocket Pool):
///      - The constructor performs the deployment's registration step: for each (name, address) it sets
///        contract.address+name, contract.exists+address and contract.name+address. The ABIs
///        (contract.abi+name) are not stored: getString of such a key returns "".
///      - The guardian is the deployer (the devnet's last account).
///      Implements our abi/rocketpool/IRocketStorage.sol, which declares the events; the setters,
///      guardian and withdrawal-address functions are upstream's, outside our read-only interface.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract RocketStorage is IRocketStorage {
    mapping(bytes32 => string) private _strings;
    mapping(bytes32 => bytes) private _bytes;
    mapping(bytes32 => uint256) private _uints;
    mapping(bytes32 => int256) private _ints;
    mapping(bytes32 => address) private _addresses;
    mapping(bytes32 => bool) private _bools;
    mapping(bytes32 => bytes32) private _bytes32s;

    mapping(address => address) private _withdrawalAddresses;
    mapping(address => address) private _pendingWithdrawalAddresses;

    address private _guardian;
    address private _newGuardian;
    bool private _deployed;

    /// @param names contract names, e.g. "rocketTokenRETH"
    /// @param contracts their addresses (the devnet knows them before deploying them)
    constructor(string[] memory names, address[] memory contracts) {
        require(names.length == contracts.length, "DEVNET_LENGTH_MISMATCH");
        _guardian = msg.sender;
        for (uint256 i = 0; i < names.length; i++) {
            require(contracts[i] != address(0), "DEVNET_ZERO_ADDRESS");
            _addresses[keccak256(abi.encodePacked("contract.address", names[i]))] = contracts[i];
            _bools[keccak256(abi.encodePacked("contract.exists", contracts[i]))] = true;
            _strings[keccak256(abi.encodePacked("contract.name", contracts[i]))] = names[i];
        }
    }

    /// @dev Registered contracts only; during deployment also transactions the guardian started.
    modifier onlyLatestRocketNetworkContract() {
        bool registered = _bools[keccak256(abi.encodePacked("contract.exists", msg.sender))];
        if (_deployed) {
            require(registered, "Invalid or outdated network contract");
        } else {
            // tx.origin, as upstream: during deployment the guardian's transactions create the contracts
            require(registered || tx.origin == _guardian,
                "Invalid or outdated network contract attempting access during deployment");
        }
        _;
    }

    // ------------------------------------------------------------------ guardian and deployment

    function getGuardian() external view returns (address) {
        return _guardian;
    }

    /// @notice First step of a guardian change; the new guardian confirms.
    function setGuardian(address _newAddress) external {
        require(msg.sender == _guardian, "Is not guardian account");
        _newGuardian = _newAddress;
    }

    function confirmGuardian() external {
        require(msg.sender == _newGuardian, "Confirmation must come from new guardian address");
        address old = _guardian;
        _guardian = _newGuardian;
        _newGuardian = address(0);
        emit GuardianChanged(old, _guardian);
    }

    function getDeployedStatus() external view returns (bool) {
        return _deployed;
    }

    /// @notice Ends the deployment phase: from now on only registered contracts write.
    function setDeployedStatus() external {
        require(msg.sender == _guardian, "Is not guardian account");
        _deployed = true;
    }

    // ------------------------------------------------------------------ node withdrawal addresses

    /// @notice The node itself while none is set.
    function getNodeWithdrawalAddress(address _nodeAddress) public view returns (address) {
        address set = _withdrawalAddresses[_nodeAddress];
        return set == address(0) ? _nodeAddress : set;
    }

    function getNodePendingWithdrawalAddress(address _nodeAddress) external view returns (address) {
        return _pendingWithdrawalAddresses[_nodeAddress];
    }

    /// @notice Sent by the node's current withdrawal address: sets the new one now (`_confirm`) or
    ///         makes it pending until the new address confirms.
    function setWithdrawalAddress(address _nodeAddress, address _newWithdrawalAddress, bool _confirm) external {
        require(_newWithdrawalAddress != address(0), "Invalid withdrawal address");
        require(getNodeWithdrawalAddress(_nodeAddress) == msg.sender,
            "Only a tx from a node's withdrawal address can update it");
        if (_confirm) {
            _setWithdrawalAddress(_nodeAddress, _newWithdrawalAddress);
        } else {
            _pendingWithdrawalAddresses[_nodeAddress] = _newWithdrawalAddress;
        }
    }

    function confirmWithdrawalAddress(address _nodeAddress) external {
        require(_pendingWithdrawalAddresses[_nodeAddress] == msg.sender,
            "Confirmation must come from the pending withdrawal address");
        _pendingWithdrawalAddresses[_nodeAddress] = address(0);
        _setWithdrawalAddress(_nodeAddress, msg.sender);
    }

    function _setWithdrawalAddress(address node, address withdrawalAddress) private {
        _withdrawalAddresses[node] = withdrawalAddress;
        emit NodeWithdrawalAddressSet(node, withdrawalAddress, block.timestamp);
    }

    // ------------------------------------------------------------------ getters

    function getAddress(bytes32 _key) external view returns (address) {
        return _addresses[_key];
    }

    function getUint(bytes32 _key) external view returns (uint256) {
        return _uints[_key];
    }

    function getString(bytes32 _key) external view returns (string memory) {
        return _strings[_key];
    }

    function getBytes(bytes32 _key) external view returns (bytes memory) {
        return _bytes[_key];
    }

    function getBool(bytes32 _key) external view returns (bool) {
        return _bools[_key];
    }

    function getInt(bytes32 _key) external view returns (int256) {
        return _ints[_key];
    }

    function getBytes32(bytes32 _key) external view returns (bytes32) {
        return _bytes32s[_key];
    }

    // ------------------------------------------------------------------ setters (network contracts)

    function setAddress(bytes32 _key, address _value) external onlyLatestRocketNetworkContract {
        _addresses[_key] = _value;
    }

    function setUint(bytes32 _key, uint256 _value) external onlyLatestRocketNetworkContract {
        _uints[_key] = _value;
    }

    function setString(bytes32 _key, string calldata _value) external onlyLatestRocketNetworkContract {
        _strings[_key] = _value;
    }

    function setBytes(bytes32 _key, bytes calldata _value) external onlyLatestRocketNetworkContract {
        _bytes[_key] = _value;
    }

    function setBool(bytes32 _key, bool _value) external onlyLatestRocketNetworkContract {
        _bools[_key] = _value;
    }

    function setInt(bytes32 _key, int256 _value) external onlyLatestRocketNetworkContract {
        _ints[_key] = _value;
    }

    function setBytes32(bytes32 _key, bytes32 _value) external onlyLatestRocketNetworkContract {
        _bytes32s[_key] = _value;
    }

    function deleteAddress(bytes32 _key) external onlyLatestRocketNetworkContract {
        delete _addresses[_key];
    }

    function deleteUint(bytes32 _key) external onlyLatestRocketNetworkContract {
        delete _uints[_key];
    }

    function deleteString(bytes32 _key) external onlyLatestRocketNetworkContract {
        delete _strings[_key];
    }

    function deleteBytes(bytes32 _key) external onlyLatestRocketNetworkContract {
        delete _bytes[_key];
    }

    function deleteBool(bytes32 _key) external onlyLatestRocketNetworkContract {
        delete _bools[_key];
    }

    function deleteInt(bytes32 _key) external onlyLatestRocketNetworkContract {
        delete _ints[_key];
    }

    function deleteBytes32(bytes32 _key) external onlyLatestRocketNetworkContract {
        delete _bytes32s[_key];
    }

    /// @notice Checked addition (reverts with Panic(0x11) on overflow).
    function addUint(bytes32 _key, uint256 _amount) external onlyLatestRocketNetworkContract {
        _uints[_key] += _amount;
    }

    /// @notice Checked subtraction (reverts with Panic(0x11) below zero).
    function subUint(bytes32 _key, uint256 _amount) external onlyLatestRocketNetworkContract {
        _uints[_key] -= _amount;
    }
}
