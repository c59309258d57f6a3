// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {
    OperatorSet,
    IEigenLayerPausable,
    IEigenLayerOwnable,
    IEigenLayerInitializable
} from "abi/eigenlayer/EigenLayerCommon.sol";

/// @title IEigenPodManager
/// @notice EigenLayer's EigenPodManager as its proxy exposes it: one EigenPod per owner for native
///         restaking, and the owners' beacon-chain ETH shares.
interface IEigenPodManager is IEigenLayerPausable, IEigenLayerOwnable, IEigenLayerInitializable {
    // ---------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------

    /// @notice The caller already has a pod.
    error EigenPodAlreadyExists();

    /// @notice The strategy is not the beacon-chain ETH strategy.
    error InvalidStrategy();

    /// @notice The owner still has a negative share balance from legacy withdrawals.
    error LegacyWithdrawalsNotCompleted();

    /// @notice Only the DelegationManager may call this.
    error OnlyDelegationManager();

    /// @notice Only the owner's EigenPod may call this.
    error OnlyEigenPod();

    /// @notice Only the proof timestamp setter may call this.
    error OnlyProofTimestampSetter();

    /// @notice Shares would become negative.
    error SharesNegative();

    /// @notice The share amount is not a whole number of gwei.
    error SharesNotMultipleOfGwei();

    // ---------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------

    /// @notice `podOwner` deployed `eigenPod`.
    event PodDeployed(address indexed eigenPod, address indexed podOwner);

    /// @notice `amount` wei were deposited to the beacon chain through the pod of `podOwner`.
    event BeaconChainETHDeposited(address indexed podOwner, uint256 amount);

    /// @notice The shares of `podOwner` changed by `sharesDelta`.
    event PodSharesUpdated(address indexed podOwner, int256 sharesDelta);

    /// @notice The shares of `podOwner` are now `newTotalShares`.
    event NewTotalShares(address indexed podOwner, int256 newTotalShares);

    /// @notice A legacy (pre-slashing) beacon-chain ETH withdrawal was completed.
    event BeaconChainETHWithdrawalCompleted(
        address indexed podOwner,
        uint256 shares,
        uint96 nonce,
        address delegatedAddress,
        address withdrawer,
        bytes32 withdrawalRoot
    );

    /// @notice The beacon-chain slashing factor of `staker` fell.
    event BeaconChainSlashingFactorDecreased(
        address staker, uint64 prevBeaconChainSlashingFactor, uint64 newBeaconChainSlashingFactor
    );

    /// @notice `shares` of slashed beacon-chain ETH were added to the burnable amount.
    event BurnableETHSharesIncreased(uint256 shares);

    /// @notice The Pectra fork timestamp used for proofs was set.
    event PectraForkTimestampSet(uint64 newPectraForkTimestamp);

    /// @notice The proof timestamp setter changed.
    event ProofTimestampSetterSet(address newProofTimestampSetter);

    // ---------------------------------------------------------------------
    // Pod owners
    // ---------------------------------------------------------------------

    /// @notice Deploys the caller's pod; returns its address.
    function createPod() external returns (address);

    /// @notice Deposits 32 ETH to the beacon chain with the caller's pod as withdrawal credentials (creates the pod if needed).
    function stake(bytes calldata pubkey, bytes calldata signature, bytes32 depositDataRoot) external payable;

    /// @notice The pod address of `podOwner`, deployed or not.
    function getPod(address podOwner) external view returns (address);

    /// @notice Whether `podOwner` has deployed a pod.
    function hasPod(address podOwner) external view returns (bool);

    /// @notice The deployed pod of `podOwner` (zero for none).
    function ownerToPod(address podOwner) external view returns (address);

    /// @notice Number of pods deployed.
    function numPods() external view returns (uint256);

    /// @notice Deposit shares of `podOwner`, in wei; negative for legacy deficits.
    function podOwnerDepositShares(address podOwner) external view returns (int256 shares);

    /// @notice Deposit shares of `user` in the beacon-chain ETH strategy (zero if negative).
    function stakerDepositShares(address user, address strategy) external view returns (uint256 depositShares);

    /// @notice The beacon-chain slashing factor of `podOwner` (WAD).
    function beaconChainSlashingFactor(address podOwner) external view returns (uint64);

    // ---------------------------------------------------------------------
    // Pods only
    // ---------------------------------------------------------------------

    /// @notice Records a balance change of the pod of `podOwner` after a checkpoint.
    function recordBeaconChainETHBalanceUpdate(address podOwner, uint256 prevRestakedBalanceWei, int256 balanceDeltaWei)
        external;

    // ---------------------------------------------------------------------
    // Share manager (called by the DelegationManager)
    // ---------------------------------------------------------------------

    /// @notice Credits `shares`; returns the previous and the added deposit shares.
    function addShares(address staker, address strategy, uint256 shares) external returns (uint256, uint256);

    /// @notice Removes deposit shares of `staker`; returns the deposit shares left.
    function removeDepositShares(address staker, address strategy, uint256 depositSharesToRemove)
        external
        returns (uint256);

    /// @notice Withdraws `shares` wei of ETH from the pod of `staker` to it (the token argument is ignored).
    function withdrawSharesAsTokens(address staker, address strategy, address token, uint256 shares) external;

    /// @notice Adds slashed beacon-chain ETH shares to the burnable amount.
    function increaseBurnOrRedistributableShares(
        OperatorSet calldata operatorSet,
        uint256 slashId,
        address strategy,
        uint256 addedSharesToBurn
    ) external;

    /// @notice Slashed beacon-chain ETH shares awaiting burn.
    function burnableETHShares() external view returns (uint256);

    // ---------------------------------------------------------------------
    // Administration
    // ---------------------------------------------------------------------

    /// @notice Timestamp of the Pectra fork, which selects the proof format.
    function pectraForkTimestamp() external view returns (uint64);

    /// @notice Sets the Pectra fork timestamp (proof timestamp setter only).
    function setPectraForkTimestamp(uint64 timestamp) external;

    /// @notice The account allowed to set the Pectra fork timestamp.
    function proofTimestampSetter() external view returns (address);

    /// @notice Sets the proof timestamp setter (owner only).
    function setProofTimestampSetter(address newProofTimestampSetter) external;

    /// @notice Initialises the proxy.
    function initialize(address initialOwner, uint256 _initPausedStatus) external;

    // ---------------------------------------------------------------------
    // Wiring
    // ---------------------------------------------------------------------

    /// @notice The beacon chain deposit contract.
    function ethPOS() external view returns (address);

    /// @notice The beacon whose implementation every pod runs.
    function eigenPodBeacon() external view returns (address);

    /// @notice The DelegationManager.
    function delegationManager() external view returns (address);

    /// @notice The sentinel strategy of native ETH.
    function beaconChainETHStrategy() external view returns (address);
}
