// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

// The beacon-proxy pattern EigenLayer's pods use (OpenZeppelin's UpgradeableBeacon and BeaconProxy,
// ERC-1967 beacon slot), reduced to what the devnet needs. Written for restake4j; no upstream code.

import {FixtureOwnable} from "./FixtureSupport.sol";

/// @notice What a beacon proxy asks its beacon for.
interface IFixtureBeacon {
    /// @notice The implementation every proxy of this beacon delegates to.
    function implementation() external view returns (address);
}

/// @title UpgradeableBeacon (devnet fixture)
/// @notice Holds the implementation behind the beacon proxies (the devnet's EigenPod beacon holds the
///         EigenPod implementation); the owner may point it at a new implementation.
/// @dev Deviations: the owner is a constructor argument (OpenZeppelin: the deployer). Same events and
///      revert strings as OpenZeppelin 4.9 (`Upgraded`, "UpgradeableBeacon: implementation is not a contract").
///      Test fixture only: not meant for production use.
contract UpgradeableBeacon is IFixtureBeacon, FixtureOwnable {
    /// @notice The beacon now points at `implementation`.
    event Upgraded(address indexed implementation);

    address private _implementation;

    /// @param implementation_ the first implementation (must be a contract)
    /// @param initialOwner may upgrade
    constructor(address implementation_, address initialOwner) FixtureOwnable(initialOwner) {
        _setImplementation(implementation_);
    }

    /// @inheritdoc IFixtureBeacon
    function implementation() external view returns (address) {
        return _implementation;
    }

    /// @notice Points every proxy of this beacon at `newImplementation`. Only the owner.
    function upgradeTo(address newImplementation) external onlyOwner {
        _setImplementation(newImplementation);
        emit Upgraded(newImplementation);
    }

    function _setImplementation(address newImplementation) private {
        require(newImplementation.code.length > 0, "UpgradeableBeacon: implementation is not a contract");
        _implementation = newImplementation;
    }
}

/// @title BeaconProxy (devnet fixture)
/// @notice A proxy that delegates every call to its beacon's current implementation, with the beacon in
///         the ERC-1967 beacon slot; the EigenPodManager deploys one per pod with CREATE2.
/// @dev Deviations from OpenZeppelin 4.9's BeaconProxy: no `_getBeacon`/`_setBeacon` internals for
///      subclasses; a failing initialisation call bubbles its revert data as OpenZeppelin does.
///      Constructor events as upstream: `BeaconUpgraded(beacon)`. Test fixture only: not meant for production use.
contract BeaconProxy {
    /// @dev bytes32(uint256(keccak256("eip1967.proxy.beacon")) - 1)
    bytes32 internal constant BEACON_SLOT = 0xa3f0ad74e5423aebfd80d3ef4346578335a9a72aeaee59ff6cb3582b35133d50;

    /// @notice The proxy now follows `beacon`.
    event BeaconUpgraded(address indexed beacon);

    /// @param beacon the beacon (a contract whose implementation is a contract)
    /// @param data a call to delegate to the implementation right away (empty: none)
    constructor(address beacon, bytes memory data) payable {
        require(beacon.code.length > 0, "ERC1967: new beacon is not a contract");
        address impl = IFixtureBeacon(beacon).implementation();
        require(impl.code.length > 0, "ERC1967: beacon implementation is not a contract");
        assembly {
            sstore(BEACON_SLOT, beacon)
        }
        emit BeaconUpgraded(beacon);
        if (data.length > 0) {
            (bool ok, bytes memory ret) = impl.delegatecall(data);
            if (!ok) {
                assembly {
                    revert(add(ret, 32), mload(ret))
                }
            }
        }
    }

    fallback() external payable {
        _delegate();
    }

    receive() external payable {
        _delegate();
    }

    function _delegate() private {
        address beacon;
        assembly {
            beacon := sload(BEACON_SLOT)
        }
        address impl = IFixtureBeacon(beacon).implementation();
        assembly {
            calldatacopy(0, 0, calldatasize())
            let ok := delegatecall(gas(), impl, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            switch ok
            case 0 { revert(0, returndatasize()) }
            default { return(0, returndatasize()) }
        }
    }
}
