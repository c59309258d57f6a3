// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IEigenLayerInitializable} from "abi/eigenlayer/EigenLayerCommon.sol";

/// @title IEigenPod
/// @notice An EigenPod (beacon proxy, one per owner): the withdrawal-credentials target of the owner's
///         validators, which proves their balances with beacon-state Merkle proofs.
interface IEigenPod is IEigenLayerInitializable {
    // ---------------------------------------------------------------------
    // Types
    // ---------------------------------------------------------------------

    /// @notice State of a validator in the pod.
    enum VALIDATOR_STATUS {
        INACTIVE,
        ACTIVE,
        WITHDRAWN
    }

    /// @notice What the pod knows about one validator.
    struct ValidatorInfo {
        uint64 validatorIndex;
        uint64 restakedBalanceGwei;
        uint64 lastCheckpointedAt;
        VALIDATOR_STATUS status;
    }

    /// @notice A checkpoint in progress.
    struct Checkpoint {
        bytes32 beaconBlockRoot;
        uint24 proofsRemaining;
        uint64 podBalanceGwei;
        int64 balanceDeltasGwei;
        uint64 prevBeaconBalanceGwei;
    }

    /// @notice An EIP-7002 withdrawal request: `amountGwei` from the validator `pubkey` (0 = full exit).
    struct WithdrawalRequest {
        bytes pubkey;
        uint64 amountGwei;
    }

    /// @notice An EIP-7251 consolidation request from `srcPubkey` into `targetPubkey`.
    struct ConsolidationRequest {
        bytes srcPubkey;
        bytes targetPubkey;
    }

    /// @notice Proof of a beacon state root against a beacon block root.
    struct StateRootProof {
        bytes32 beaconStateRoot;
        bytes proof;
    }

    /// @notice A validator's fields and their proof against the beacon state root.
    struct ValidatorProof {
        bytes32[] validatorFields;
        bytes proof;
    }

    /// @notice Proof of the balance container root against a beacon block root.
    struct BalanceContainerProof {
        bytes32 balanceContainerRoot;
        bytes proof;
    }

    /// @notice Proof of one validator's balance leaf against the balance container root.
    struct BalanceProof {
        bytes32 pubkeyHash;
        bytes32 balanceRoot;
        bytes proof;
    }

    // ---------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------

    /// @notice The beacon timestamp is not after the last checkpoint.
    error BeaconTimestampBeforeLatestCheckpoint();

    /// @notice The beacon timestamp is too old.
    error BeaconTimestampTooFarInPast();

    /// @notice A checkpoint was already started in this block.
    error CannotCheckpointTwiceInSingleBlock();

    /// @notice A checkpoint is already in progress.
    error CheckpointAlreadyActive();

    /// @notice The validator's withdrawal credentials were already verified.
    error CredentialsAlreadyVerified();

    /// @notice The function is paused in the EigenPodManager.
    error CurrentlyPaused();

    /// @notice The Merkle root is zero.
    error EmptyRoot();

    /// @notice The fee query to a Pectra predeploy failed.
    error FeeQueryFailed();

    /// @notice The fork timestamp is not set.
    error ForkTimestampZero();

    /// @notice A required address was the zero address.
    error InputAddressZero();

    /// @notice Input arrays differ in length.
    error InputArrayLengthMismatch();

    /// @notice Not enough ETH was sent to pay the request fees.
    error InsufficientFunds();

    /// @notice More was asked for than the pod can withdraw.
    error InsufficientWithdrawableBalance();

    /// @notice The EIP-4788 beacon roots contract gave no root for the timestamp.
    error InvalidEIP4788Response();

    /// @notice A Merkle index does not fit its proof.
    error InvalidIndex();

    /// @notice A Merkle proof does not verify.
    error InvalidProof();

    /// @notice A proof has the wrong length.
    error InvalidProofLength();

    /// @notice A validator public key is not 48 bytes.
    error InvalidPubKeyLength();

    /// @notice A validator has the wrong number of fields.
    error InvalidValidatorFieldsLength();

    /// @notice The number of Merkle leaves is not a power of two.
    error LeavesNotPowerOfTwo();

    /// @notice A beacon deposit must be exactly 32 ETH.
    error MsgValueNot32ETH();

    /// @notice No checkpoint is in progress.
    error NoActiveCheckpoint();

    /// @notice The pod has no balance to checkpoint.
    error NoBalanceToCheckpoint();

    /// @notice Too few Merkle leaves.
    error NotEnoughLeaves();

    /// @notice Only the EigenPodManager may call this.
    error OnlyEigenPodManager();

    /// @notice Only the pod owner may call this.
    error OnlyEigenPodOwner();

    /// @notice Only the pod owner or its proof submitter may call this.
    error OnlyEigenPodOwnerOrProofSubmitter();

    /// @notice A Pectra predeploy call failed.
    error PredeployFailed();

    /// @notice The timestamp is outside the range the beacon roots contract keeps.
    error TimestampOutOfRange();

    /// @notice The validator is not active on the beacon chain.
    error ValidatorInactiveOnBeaconChain();

    /// @notice The validator is exiting the beacon chain.
    error ValidatorIsExitingBeaconChain();

    /// @notice The validator is not active in this pod.
    error ValidatorNotActiveInPod();

    /// @notice The validator was not slashed on the beacon chain.
    error ValidatorNotSlashedOnBeaconChain();

    /// @notice The validator's withdrawal credentials do not point at this pod.
    error WithdrawalCredentialsNotForEigenPod();

    // ---------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------

    /// @notice A validator was staked through the pod.
    event EigenPodStaked(bytes32 pubkeyHash);

    /// @notice A validator's withdrawal credentials were verified and its balance restaked.
    event ValidatorRestaked(bytes32 pubkeyHash);

    /// @notice A validator's balance was updated.
    event ValidatorBalanceUpdated(bytes32 pubkeyHash, uint64 balanceTimestamp, uint64 newValidatorBalanceGwei);

    /// @notice The pod owner withdrew `amount` wei to `recipient`.
    event RestakedBeaconChainETHWithdrawn(address indexed recipient, uint256 amount);

    /// @notice The proof submitter changed.
    event ProofSubmitterUpdated(address prevProofSubmitter, address newProofSubmitter);

    /// @notice ETH arrived outside the beacon chain.
    event NonBeaconChainETHReceived(uint256 amountReceived);

    /// @notice A checkpoint started against `beaconBlockRoot`, covering `validatorCount` validators.
    event CheckpointCreated(uint64 indexed checkpointTimestamp, bytes32 indexed beaconBlockRoot, uint256 validatorCount);

    /// @notice A checkpoint finished; the pod's shares changed by `totalShareDeltaWei`.
    event CheckpointFinalized(uint64 indexed checkpointTimestamp, int256 totalShareDeltaWei);

    /// @notice A validator's balance was proven in a checkpoint.
    event ValidatorCheckpointed(uint64 indexed checkpointTimestamp, bytes32 indexed pubkeyHash);

    /// @notice A validator was found withdrawn in a checkpoint.
    event ValidatorWithdrawn(uint64 indexed checkpointTimestamp, bytes32 indexed pubkeyHash);

    /// @notice A consolidation was requested.
    event ConsolidationRequested(bytes32 indexed sourcePubkeyHash, bytes32 indexed targetPubkeyHash);

    /// @notice A switch to compounding credentials was requested (a consolidation into itself).
    event SwitchToCompoundingRequested(bytes32 indexed validatorPubkeyHash);

    /// @notice A full exit was requested.
    event ExitRequested(bytes32 indexed validatorPubkeyHash);

    /// @notice A partial withdrawal was requested.
    event WithdrawalRequested(bytes32 indexed validatorPubkeyHash, uint64 withdrawalAmountGwei);

    // ---------------------------------------------------------------------
    // Receiving ETH
    // ---------------------------------------------------------------------

    /// @notice Accepts ETH (beacon-chain withdrawals, rewards, or plain transfers).
    receive() external payable;

    // ---------------------------------------------------------------------
    // Proofs (owner or proof submitter)
    // ---------------------------------------------------------------------

    /// @notice Proves validators' withdrawal credentials point at this pod and restakes their balances.
    function verifyWithdrawalCredentials(
        uint64 beaconTimestamp,
        StateRootProof calldata stateRootProof,
        uint40[] calldata validatorIndices,
        bytes[] calldata validatorFieldsProofs,
        bytes32[][] calldata validatorFields
    ) external;

    /// @notice Starts a checkpoint of every active validator and the pod's ETH balance.
    function startCheckpoint(bool revertIfNoBalance) external;

    /// @notice Proves balances for the current checkpoint.
    function verifyCheckpointProofs(BalanceContainerProof calldata balanceContainerProof, BalanceProof[] calldata proofs)
        external;

    /// @notice Forces a checkpoint of a pod whose validator was slashed on the beacon chain (anyone).
    function verifyStaleBalance(
        uint64 beaconTimestamp,
        StateRootProof calldata stateRootProof,
        ValidatorProof calldata proof
    ) external;

    // ---------------------------------------------------------------------
    // Owner
    // ---------------------------------------------------------------------

    /// @notice Sets an account that may submit proofs besides the owner.
    function setProofSubmitter(address newProofSubmitter) external;

    /// @notice Sends tokens sent to the pod by mistake to `recipient`.
    function recoverTokens(address[] memory tokenList, uint256[] memory amountsToWithdraw, address recipient)
        external;

    /// @notice Submits EIP-7002 withdrawal requests; msg.value pays the fees.
    function requestWithdrawal(WithdrawalRequest[] calldata requests) external payable;

    /// @notice Submits EIP-7251 consolidation requests; msg.value pays the fees.
    function requestConsolidation(ConsolidationRequest[] calldata requests) external payable;

    // ---------------------------------------------------------------------
    // EigenPodManager only
    // ---------------------------------------------------------------------

    /// @notice Deposits 32 ETH to the beacon chain with this pod as withdrawal credentials.
    function stake(bytes calldata pubkey, bytes calldata signature, bytes32 depositDataRoot) external payable;

    /// @notice Sends `amountWei` of checkpointed ETH to `recipient` when a withdrawal completes.
    function withdrawRestakedBeaconChainETH(address recipient, uint256 amountWei) external;

    /// @notice Initialises the pod for `_podOwner`.
    function initialize(address _podOwner) external;

    // ---------------------------------------------------------------------
    // Views
    // ---------------------------------------------------------------------

    /// @notice The pod's owner.
    function podOwner() external view returns (address);

    /// @notice The account that may submit proofs besides the owner.
    function proofSubmitter() external view returns (address);

    /// @notice Number of validators with verified credentials that have not withdrawn.
    function activeValidatorCount() external view returns (uint256);

    /// @notice The checkpoint in progress.
    function currentCheckpoint() external view returns (Checkpoint memory);

    /// @notice Timestamp of the checkpoint in progress (zero for none).
    function currentCheckpointTimestamp() external view returns (uint64);

    /// @notice Timestamp of the last finished checkpoint.
    function lastCheckpointTimestamp() external view returns (uint64);

    /// @notice Gwei of exited validators' balance found in the checkpoint at `checkpointTimestamp`.
    function checkpointBalanceExitedGwei(uint64 checkpointTimestamp) external view returns (uint64);

    /// @notice Checkpointed execution-layer ETH the owner can withdraw, in gwei.
    function withdrawableRestakedExecutionLayerGwei() external view returns (uint64);

    /// @notice What the pod knows about the validator with this pubkey hash.
    function validatorPubkeyHashToInfo(bytes32 validatorPubkeyHash) external view returns (ValidatorInfo memory);

    /// @notice What the pod knows about the validator with this pubkey.
    function validatorPubkeyToInfo(bytes calldata validatorPubkey) external view returns (ValidatorInfo memory);

    /// @notice Status of the validator with this pubkey.
    function validatorStatus(bytes calldata validatorPubkey) external view returns (VALIDATOR_STATUS);

    /// @notice Status of the validator with this pubkey hash.
    function validatorStatus(bytes32 pubkeyHash) external view returns (VALIDATOR_STATUS);

    /// @notice The beacon block root for the parent of the block at `timestamp` (EIP-4788).
    function getParentBlockRoot(uint64 timestamp) external view returns (bytes32);

    /// @notice Current fee of one EIP-7002 withdrawal request, in wei.
    function getWithdrawalRequestFee() external view returns (uint256);

    /// @notice Current fee of one EIP-7251 consolidation request, in wei.
    function getConsolidationRequestFee() external view returns (uint256);

    /// @notice The beacon chain deposit contract.
    function ethPOS() external view returns (address);

    /// @notice The EigenPodManager.
    function eigenPodManager() external view returns (address);
}
