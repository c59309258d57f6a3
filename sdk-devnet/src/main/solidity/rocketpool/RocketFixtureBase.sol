// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

// Building blocks shared by the Rocket Pool devnet fixtures: the RocketStorage write surface the
// fixtures use, and a base that finds the other fixtures through RocketStorage at call time, as every
// Rocket Pool contract does (`contract.address` + name). Written for restake4j; no upstream code.

import {IRocketStorage} from "abi/rocketpool/IRocketStorage.sol";

/// @dev The parts of RocketStorage beyond our read-only IRocketStorage that the fixtures call: the
///      guardian and the setters, which only registered contracts (and the guardian during deployment)
///      may use.
interface IRocketStorageFixture is IRocketStorage {
    function getGuardian() external view returns (address);
    function setUint(bytes32 _key, uint256 _value) external;
    function setBool(bytes32 _key, bool _value) external;
    function setAddress(bytes32 _key, address _value) external;
    function addUint(bytes32 _key, uint256 _amount) external;
    function subUint(bytes32 _key, uint256 _amount) external;
}

/// @dev The deposit pool functions only rETH calls (real signatures, not part of our user-facing
///      IRocketDepositPool).
interface IRocketDepositPoolCollateral {
    function withdrawExcessBalance(uint256 _amount) external;
    function recycleExcessCollateral() external payable;
}

/// @notice Common base of the Rocket Pool fixtures: the RocketStorage they live in, contract lookup by
///         name with the real key scheme, pDAO setting keys and Rocket Pool's access checks (same revert
///         strings as upstream's RocketBase).
abstract contract RocketFixtureBase {
    /// @dev 1 ether: the "100%" of every rate and fee.
    uint256 internal constant CALC_BASE = 1 ether;

    IRocketStorageFixture internal immutable rocketStorage;

    constructor(address rocketStorageAddress) {
        require(rocketStorageAddress != address(0), "DEVNET_ZERO_STORAGE");
        rocketStorage = IRocketStorageFixture(rocketStorageAddress);
    }

    /// @dev Only the address registered under `name` right now.
    modifier onlyLatestContract(string memory name, address account) {
        require(account == _registered(name), "Invalid or outdated contract");
        _;
    }

    /// @dev The RocketStorage guardian (on the devnet: the deployer).
    modifier onlyGuardian() {
        require(msg.sender == rocketStorage.getGuardian(), "Account is not a temporary guardian");
        _;
    }

    /// @notice The RocketStorage this contract reads and writes.
    function getRocketStorage() external view returns (address) {
        return address(rocketStorage);
    }

    /// @dev keccak256(abi.encodePacked("contract.address", name)).
    function _contractAddressKey(string memory name) internal pure returns (bytes32) {
        return keccak256(abi.encodePacked("contract.address", name));
    }

    function _registered(string memory name) internal view returns (address) {
        return rocketStorage.getAddress(_contractAddressKey(name));
    }

    /// @dev The contract registered under `name`; reverts "Contract not found" when there is none.
    function _contract(string memory name) internal view returns (address found) {
        found = _registered(name);
        require(found != address(0), "Contract not found");
    }

    /// @dev keccak256(keccak256("dao.protocol.setting." ‖ namespace) ‖ path).
    function _settingKey(string memory namespace, string memory path) internal pure returns (bytes32) {
        return keccak256(abi.encodePacked(keccak256(abi.encodePacked("dao.protocol.setting.", namespace)), path));
    }
}
