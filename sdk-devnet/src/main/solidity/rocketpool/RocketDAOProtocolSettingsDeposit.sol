// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IRocketDAOProtocolSettingsDeposit} from "abi/rocketpool/IRocketDAOProtocolSettingsDeposit.sol";
import {RocketFixtureBase} from "./RocketFixtureBase.sol";

/// @title RocketDAOProtocolSettingsDeposit (devnet fixture)
/// @notice The pDAO's deposit settings, with upstream v1.4's deploy-time defaults (deposits disabled,
///         assignments enabled, minimum 0.01 ETH, pool maximum 160 ETH, fee 0.0005 = 0.05%, 90 assignments
///         at most, 0 socialised, express queue rate 2, 2 base tickets); the devnet enables deposits right after
///         deployment through RocketDAOProtocol.bootstrapSettingBool, as the pDAO's bootstrap did upstream.
///         The settings are kept in RocketStorage under
///         keccak256(keccak256("dao.protocol.setting.deposit") ‖ path) as upstream: "deposit.enabled",
///         "deposit.assign.enabled", "deposit.minimum", "deposit.pool.maximum", "deposit.fee" (1e18 = 100%),
///         "deposit.assign.maximum", "deposit.assign.socialised.maximum", "express.queue.rate",
///         "express.queue.tickets.base.provision".
/// @dev Devnet semantics (deviations from Rocket Pool):
///      - `setSettingUint` / `setSettingBool`: once this namespace is deployed, only the registered
///        "rocketDAOProtocol" ("Only DAO Protocol Proposals contract can update a setting"; upstream: the
///        registered "rocketDAOProtocolProposals", which the pDAO's bootstrap calls go through; the devnet
///        has no proposals contract). The same guards apply to the fee ("Fee must be less than 1%") and the
///        express queue rate.
///      Implements our abi/rocketpool/IRocketDAOProtocolSettingsDeposit.sol.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract RocketDAOProtocolSettingsDeposit is IRocketDAOProtocolSettingsDeposit, RocketFixtureBase {
    string private constant NAMESPACE = "deposit";

    constructor(address rocketStorageAddress) RocketFixtureBase(rocketStorageAddress) {
        if (!rocketStorage.getDeployedStatus()) {
            _setBool("deposit.enabled", false);
            _setBool("deposit.assign.enabled", true);
            _setUint("deposit.minimum", 0.01 ether);
            _setUint("deposit.pool.maximum", 160 ether);
            _setUint("deposit.assign.maximum", 90);
            _setUint("deposit.assign.socialised.maximum", 0);
            _setUint("deposit.fee", 0.0005 ether);
            _setUint("express.queue.rate", 2);
            _setUint("express.queue.tickets.base.provision", 2);
            rocketStorage.setBool(keccak256(abi.encodePacked(_namespace(), "deployed")), true);
        }
    }

    /// @dev Once deployed, only the pDAO (see the deviations above) may change settings.
    modifier onlyDAOProtocolProposal() {
        if (rocketStorage.getBool(keccak256(abi.encodePacked(_namespace(), "deployed")))) {
            require(_registered("rocketDAOProtocol") == msg.sender,
                "Only DAO Protocol Proposals contract can update a setting");
        }
        _;
    }

    /// @notice A uint setting of this namespace, e.g. ("deposit.fee", 1e15); through the pDAO.
    function setSettingUint(string memory _settingPath, uint256 _value) external onlyDAOProtocolProposal {
        bytes32 path = keccak256(bytes(_settingPath));
        if (path == keccak256("deposit.fee")) {
            require(_value < 0.01 ether, "Fee must be less than 1%");
        } else if (path == keccak256("express.queue.rate")) {
            require(_value > 0, "Rate must be greater than 0");
        }
        _setUint(_settingPath, _value);
    }

    /// @notice A bool setting of this namespace, e.g. ("deposit.enabled", false); through the pDAO.
    function setSettingBool(string memory _settingPath, bool _value) external onlyDAOProtocolProposal {
        _setBool(_settingPath, _value);
    }

    function getSettingUint(string memory _settingPath) public view returns (uint256) {
        return rocketStorage.getUint(_settingKey(NAMESPACE, _settingPath));
    }

    function getSettingBool(string memory _settingPath) public view returns (bool) {
        return rocketStorage.getBool(_settingKey(NAMESPACE, _settingPath));
    }

    function getDepositEnabled() external view returns (bool) {
        return getSettingBool("deposit.enabled");
    }

    function getAssignDepositsEnabled() external view returns (bool) {
        return getSettingBool("deposit.assign.enabled");
    }

    function getMinimumDeposit() external view returns (uint256) {
        return getSettingUint("deposit.minimum");
    }

    function getMaximumDepositPoolSize() external view returns (uint256) {
        return getSettingUint("deposit.pool.maximum");
    }

    /// @notice The fee on user deposits, 1e18 = 100%.
    function getDepositFee() external view returns (uint256) {
        return getSettingUint("deposit.fee");
    }

    function getMaximumDepositAssignments() external view returns (uint256) {
        return getSettingUint("deposit.assign.maximum");
    }

    function getMaximumDepositSocialisedAssignments() external view returns (uint256) {
        return getSettingUint("deposit.assign.socialised.maximum");
    }

    function getExpressQueueRate() external view returns (uint256) {
        return getSettingUint("express.queue.rate");
    }

    function getExpressQueueTicketsBaseProvision() external view returns (uint256) {
        return getSettingUint("express.queue.tickets.base.provision");
    }

    function _namespace() private pure returns (bytes32) {
        return keccak256(abi.encodePacked("dao.protocol.setting.", NAMESPACE));
    }

    function _setUint(string memory path, uint256 value) private {
        rocketStorage.setUint(_settingKey(NAMESPACE, path), value);
    }

    function _setBool(string memory path, bool value) private {
        rocketStorage.setBool(_settingKey(NAMESPACE, path), value);
    }
}
