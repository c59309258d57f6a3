// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {RocketFixtureBase} from "./RocketFixtureBase.sol";

/// @dev The setters of a pDAO settings contract (upstream's RocketDAOProtocolSettingsInterface).
interface IRocketDAOProtocolSettingsSetters {
    function setSettingUint(string memory _settingPath, uint256 _value) external;
    function setSettingBool(string memory _settingPath, bool _value) external;
}

/// @title RocketDAOProtocol (devnet fixture)
/// @notice The pDAO's bootstrap entry point, as upstream v1.4: while bootstrap mode is engaged
///         (RocketStorage keccak256("dao.protocol." ‖ "bootstrapmode.disabled") is false) the RocketStorage
///         guardian changes settings with `bootstrapSettingUint` / `bootstrapSettingBool(settingContractName,
///         path, value)`: only the guardian ("Account is not a temporary guardian"), only in bootstrap mode
///         ("Bootstrap mode not engaged"), only while this contract is the registered "rocketDAOProtocol";
///         the settings contract is found by name through RocketStorage ("Contract not found"), its own guards
///         apply (e.g. "Fee must be less than 1%"), and BootstrapSettingUint / BootstrapSettingBool are emitted.
///         This is how the devnet enables deposits after deployment and how its pDAO controls change settings.
/// @dev Devnet semantics (deviations from Rocket Pool):
///      - No RocketDAOProtocolProposals: upstream routes the bootstrap call through the proposals contract
///        (proposalSettingUint/Bool), which calls the settings contract; here this contract calls the settings
///        contract itself, and the settings contracts accept changes from the registered "rocketDAOProtocol"
///        instead of "rocketDAOProtocolProposals".
///      - Only the uint and bool bootstrap settings: no multi/address/claimer/treasury/security-council
///        bootstrap, no bootstrapEnableGovernance / bootstrapDisable and no proposals (bootstrap mode stays
///        engaged on the devnet).
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract RocketDAOProtocol is RocketFixtureBase {
    event BootstrapSettingUint(string settingContractName, string settingPath, uint256 value, uint256 time);
    event BootstrapSettingBool(string settingContractName, string settingPath, bool value, uint256 time);

    constructor(address rocketStorageAddress) RocketFixtureBase(rocketStorageAddress) {}

    modifier onlyBootstrapMode() {
        require(getBootstrapModeDisabled() == false, "Bootstrap mode not engaged");
        _;
    }

    function getBootstrapModeDisabled() public view returns (bool) {
        return rocketStorage.getBool(keccak256(abi.encodePacked("dao.protocol.", "bootstrapmode.disabled")));
    }

    function bootstrapSettingUint(string memory _settingContractName, string memory _settingPath, uint256 _value)
        external
        onlyGuardian
        onlyBootstrapMode
        onlyLatestContract("rocketDAOProtocol", address(this))
    {
        IRocketDAOProtocolSettingsSetters(_contract(_settingContractName)).setSettingUint(_settingPath, _value);
        emit BootstrapSettingUint(_settingContractName, _settingPath, _value, block.timestamp);
    }

    function bootstrapSettingBool(string memory _settingContractName, string memory _settingPath, bool _value)
        external
        onlyGuardian
        onlyBootstrapMode
        onlyLatestContract("rocketDAOProtocol", address(this))
    {
        IRocketDAOProtocolSettingsSetters(_contract(_settingContractName)).setSettingBool(_settingPath, _value);
        emit BootstrapSettingBool(_settingContractName, _settingPath, _value, block.timestamp);
    }
}
