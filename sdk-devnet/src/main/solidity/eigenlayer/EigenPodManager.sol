// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {OperatorSet} from "abi/eigenlayer/EigenLayerCommon.sol";
import {IEigenPodManager} from "abi/eigenlayer/IEigenPodManager.sol";
import {BEACON_CHAIN_ETH_STRATEGY, FixturePausable, FixtureOwnable, FixtureReentrancyGuard, WAD} from "./FixtureSupport.sol";
import {EigenPod} from "./EigenPod.sol";
import {BeaconProxy} from "./PodBeacon.sol";
import {DelegationManager} from "./DelegationManager.sol";

/// @title EigenPodManager (devnet fixture)
/// @notice EigenLayer's EigenPodManager: one EigenPod per owner, a BeaconProxy of the EigenPod beacon
///         deployed with CREATE2 at an address that `getPod` predicts before creation
///         (salt = bytes32(uint256(uint160(owner))), init code = proxy code ‖ abi.encode(beacon, "")) and
///         initialised through the proxy with `initialize(owner)`, as upstream; `stake` (32 ETH to the
///         beacon deposit fixture, creating the pod if needed), beaconChainETH deposit shares
///         (int256 per owner), the beacon-chain slashing factor, and the DelegationManager's share
///         hooks for the beaconChainETH strategy.
/// @dev Deviations: the BeaconProxy and beacon are our own fixtures (PodBeacon.sol), so pod addresses
///      differ from any real network. Since pods cannot verify beacon-chain proofs on the devnet, no shares are ever
///      credited and balance decreases are not supported. Pause flag 0 (PAUSED_NEW_EIGENPODS) guards createPod and stake, as
///      upstream; the pod-level flags (credentials/checkpoints) are moot since those proofs are not
///      supported. Constructor-configured; the deployer pauses (no PauserRegistry).
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract EigenPodManager is IEigenPodManager, FixtureOwnable, FixturePausable, FixtureReentrancyGuard {
    /// @notice The beaconChainETH strategy sentinel.
    address public constant beaconChainETHStrategy = BEACON_CHAIN_ETH_STRATEGY;

    /// @dev Upstream's pause flag (EigenPodPausingConstants): creating pods, also through `stake`.
    uint8 internal constant PAUSED_NEW_EIGENPODS = 0;

    /// @notice The beacon deposit contract (the devnet's BeaconDepositFixture).
    address public immutable ethPOS;

    /// @notice The DelegationManager.
    address public immutable delegationManager;

    /// @notice The beacon every pod proxy follows (holds the EigenPod implementation).
    address public immutable eigenPodBeacon;

    /// @notice The pod of each owner (address(0) before createPod / stake).
    mapping(address podOwner => address) public ownerToPod;

    /// @notice beaconChainETH deposit shares of each pod owner (negative only for legacy deficits).
    mapping(address podOwner => int256) public podOwnerDepositShares;

    /// @notice Pods deployed so far.
    uint256 public numPods;

    /// @notice Slashed beaconChainETH shares waiting to be burned.
    uint256 public burnableETHShares;

    /// @notice The Pectra fork timestamp used by proofs (informational on the devnet).
    uint64 public pectraForkTimestamp;

    /// @notice May set pectraForkTimestamp.
    address public proofTimestampSetter;

    struct BeaconChainSlashingFactor {
        bool isSet;
        uint64 slashingFactor;
    }

    mapping(address staker => BeaconChainSlashingFactor) private _beaconChainSlashingFactor;

    /// @param ethPOS_ the beacon deposit contract
    /// @param eigenPodBeacon_ the EigenPod beacon (an UpgradeableBeacon holding the EigenPod implementation)
    /// @param delegationManager_ the DelegationManager
    /// @param initialOwner owner (may appoint the proof timestamp setter)
    constructor(address ethPOS_, address eigenPodBeacon_, address delegationManager_, address initialOwner)
        FixtureOwnable(initialOwner)
    {
        if (ethPOS_ == address(0) || eigenPodBeacon_ == address(0) || delegationManager_ == address(0)) {
            revert InputAddressZero();
        }
        ethPOS = ethPOS_;
        eigenPodBeacon = eigenPodBeacon_;
        delegationManager = delegationManager_;
        proofTimestampSetter = initialOwner;
    }

    /// @notice Not supported: the fixture is configured by its constructor.
    function initialize(address, uint256) external {
        _unsupported("initialize");
    }

    modifier onlyDelegationManager() {
        if (msg.sender != delegationManager) revert OnlyDelegationManager();
        _;
    }

    // ------------------------------------------------------------------ pods

    /// @notice Deploys the caller's EigenPod.
    /// @return the pod's address (equal to getPod(caller) beforehand)
    function createPod() external onlyWhenNotPaused(PAUSED_NEW_EIGENPODS) nonReentrant returns (address) {
        if (ownerToPod[msg.sender] != address(0)) revert EigenPodAlreadyExists();
        return _deployPod();
    }

    /// @notice Stakes a 32 ETH validator through the caller's pod, deploying the pod first if needed.
    function stake(bytes calldata pubkey, bytes calldata signature, bytes32 depositDataRoot)
        external
        payable
        onlyWhenNotPaused(PAUSED_NEW_EIGENPODS)
        nonReentrant
    {
        address pod = ownerToPod[msg.sender];
        if (pod == address(0)) pod = _deployPod();
        EigenPod(payable(pod)).stake{value: msg.value}(pubkey, signature, depositDataRoot);
    }

    /// @notice `podOwner`'s pod address, deployed or not.
    function getPod(address podOwner) public view returns (address) {
        address pod = ownerToPod[podOwner];
        if (pod != address(0)) return pod;
        bytes32 initCodeHash = keccak256(abi.encodePacked(type(BeaconProxy).creationCode, abi.encode(eigenPodBeacon, "")));
        return address(
            uint160(uint256(keccak256(abi.encodePacked(bytes1(0xff), address(this), _salt(podOwner), initCodeHash))))
        );
    }

    /// @notice Whether `podOwner` has deployed a pod.
    function hasPod(address podOwner) external view returns (bool) {
        return ownerToPod[podOwner] != address(0);
    }

    function _deployPod() internal returns (address pod) {
        ++numPods;
        pod = address(new BeaconProxy{salt: _salt(msg.sender)}(eigenPodBeacon, ""));
        EigenPod(payable(pod)).initialize(msg.sender);
        ownerToPod[msg.sender] = pod;
        emit PodDeployed(pod, msg.sender);
    }

    function _salt(address podOwner) internal pure returns (bytes32) {
        return bytes32(uint256(uint160(podOwner)));
    }

    // ------------------------------------------------------------------ shares

    /// @notice Records a pod's beacon-chain balance change. Only the owner's pod; pods never call it
    ///         on the devnet (no proofs). Decreases are not supported.
    function recordBeaconChainETHBalanceUpdate(address podOwner, uint256, int256 balanceDeltaWei)
        external
        nonReentrant
    {
        if (ownerToPod[podOwner] != msg.sender || msg.sender == address(0)) revert OnlyEigenPod();
        if (balanceDeltaWei % int256(uint256(1 gwei)) != 0) revert SharesNotMultipleOfGwei();
        if (podOwnerDepositShares[podOwner] < 0) revert LegacyWithdrawalsNotCompleted();
        if (balanceDeltaWei > 0) {
            (uint256 prev, uint256 added) = _addShares(podOwner, uint256(balanceDeltaWei));
            DelegationManager(delegationManager).increaseDelegatedShares(podOwner, BEACON_CHAIN_ETH_STRATEGY, prev, added);
            emit BeaconChainETHDeposited(podOwner, uint256(balanceDeltaWei));
        } else if (balanceDeltaWei < 0) {
            _unsupported("recordBeaconChainETHBalanceUpdate: balance decrease");
        }
    }

    /// @notice Credits beaconChainETH shares (a withdrawal completed as shares). Only the DelegationManager.
    /// @return the previous deposit shares (0 if negative) and the shares added
    function addShares(address staker, address strategy, uint256 shares)
        external
        onlyDelegationManager
        nonReentrant
        returns (uint256, uint256)
    {
        if (strategy != BEACON_CHAIN_ETH_STRATEGY) revert InvalidStrategy();
        return _addShares(staker, shares);
    }

    /// @notice Removes deposit shares when a withdrawal is queued. Only the DelegationManager.
    /// @return the deposit shares left
    function removeDepositShares(address staker, address strategy, uint256 depositSharesToRemove)
        external
        onlyDelegationManager
        nonReentrant
        returns (uint256)
    {
        if (strategy != BEACON_CHAIN_ETH_STRATEGY) revert InvalidStrategy();
        int256 updated = podOwnerDepositShares[staker] - int256(depositSharesToRemove);
        if (updated < 0) revert SharesNegative();
        podOwnerDepositShares[staker] = updated;
        emit NewTotalShares(staker, updated);
        return uint256(updated);
    }

    /// @notice Pays out beaconChainETH shares through the staker's pod. Only the DelegationManager.
    function withdrawSharesAsTokens(address staker, address strategy, address, uint256 shares)
        external
        onlyDelegationManager
        nonReentrant
    {
        if (strategy != BEACON_CHAIN_ETH_STRATEGY) revert InvalidStrategy();
        if (staker == address(0)) revert InputAddressZero();
        if (int256(shares) < 0) revert SharesNegative();
        int256 current = podOwnerDepositShares[staker];
        uint256 toWithdraw = shares;
        if (current < 0) {
            uint256 deficit = uint256(-current);
            uint256 repay = shares > deficit ? deficit : shares;
            toWithdraw = shares - repay;
            int256 updated = current + int256(repay);
            podOwnerDepositShares[staker] = updated;
            emit PodSharesUpdated(staker, int256(repay));
            emit NewTotalShares(staker, updated);
        }
        if (toWithdraw > 0) EigenPod(payable(ownerToPod[staker])).withdrawRestakedBeaconChainETH(staker, toWithdraw);
    }

    /// @notice Records slashed beaconChainETH shares. Only the DelegationManager.
    function increaseBurnOrRedistributableShares(OperatorSet calldata, uint256, address, uint256 addedSharesToBurn)
        external
        onlyDelegationManager
        nonReentrant
    {
        burnableETHShares += addedSharesToBurn;
        emit BurnableETHSharesIncreased(addedSharesToBurn);
    }

    /// @notice The non-negative beaconChainETH deposit shares of `user`.
    function stakerDepositShares(address user, address strategy) external view returns (uint256 depositShares) {
        if (strategy != BEACON_CHAIN_ETH_STRATEGY) revert InvalidStrategy();
        int256 shares = podOwnerDepositShares[user];
        return shares < 0 ? 0 : uint256(shares);
    }

    /// @notice The pod owner's beacon-chain slashing factor (1e18 until a balance decrease).
    function beaconChainSlashingFactor(address staker) external view returns (uint64) {
        BeaconChainSlashingFactor memory factor = _beaconChainSlashingFactor[staker];
        return factor.isSet ? factor.slashingFactor : WAD;
    }

    function _addShares(address staker, uint256 shares) internal returns (uint256, uint256) {
        if (staker == address(0)) revert InputAddressZero();
        if (int256(shares) < 0) revert SharesNegative();
        int256 current = podOwnerDepositShares[staker];
        int256 updated = current + int256(shares);
        podOwnerDepositShares[staker] = updated;
        emit PodSharesUpdated(staker, int256(shares));
        emit NewTotalShares(staker, updated);
        return (current < 0 ? 0 : uint256(current), shares);
    }

    // ------------------------------------------------------------------ admin

    /// @notice Sets the Pectra fork timestamp. Only the proof timestamp setter.
    function setPectraForkTimestamp(uint64 timestamp) external {
        if (msg.sender != proofTimestampSetter) revert OnlyProofTimestampSetter();
        pectraForkTimestamp = timestamp;
        emit PectraForkTimestampSet(timestamp);
    }

    /// @notice Appoints the proof timestamp setter. Only the owner.
    function setProofTimestampSetter(address newProofTimestampSetter) external onlyOwner {
        proofTimestampSetter = newProofTimestampSetter;
        emit ProofTimestampSetterSet(newProofTimestampSetter);
    }
}
