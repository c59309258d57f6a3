// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IERC20} from "abi/common/IERC20.sol";
import {IEigenPod} from "abi/eigenlayer/IEigenPod.sol";
import {FixtureUnsupported} from "./FixtureSupport.sol";

/// @notice The beacon deposit contract's deposit function.
interface IETHPOSDeposit {
    function deposit(
        bytes calldata pubkey,
        bytes calldata withdrawal_credentials,
        bytes calldata signature,
        bytes32 deposit_data_root
    ) external payable;
}

/// @title EigenPod (devnet fixture)
/// @notice The pod implementation behind the EigenPod beacon: every pod is a BeaconProxy (one per
///         owner, CREATE2 by the EigenPodManager) delegating here, with its storage set by
///         `initialize(owner)` through the proxy (the implementation itself is locked by its constructor,
///         `Initialized(255)`, as upstream's `_disableInitializers`). It stakes 32 ETH
///         validators with the pod as 0x01 withdrawal credentials, keeps the owner / proof-submitter
///         roles and sends out what the EigenPodManager tells it to. Beacon-chain proofs
///         (withdrawal credentials, checkpoints, stale balances) are out of scope: those functions
///         revert NotSupportedByFixture, so no validator ever becomes ACTIVE and no shares are credited.
/// @dev Deviations: the beacon and proxy are our own UpgradeableBeacon / BeaconProxy fixtures
///      (PodBeacon.sol), so pod addresses differ from any real network (CREATE2 of our proxy's init code).
///      No `version()` / SemVer. No EIP-7002/7251 requests. Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract EigenPod is IEigenPod, FixtureUnsupported {
    /// @notice The beacon deposit contract (the devnet's BeaconDepositFixture).
    address public immutable ethPOS;

    /// @notice The EigenPodManager that deployed this pod.
    address public immutable eigenPodManager;

    /// @dev OpenZeppelin Initializable's version (slot 0 as upstream): 0 until initialize, then 1; 255 on
    ///      the implementation itself.
    uint8 private _initialized;

    /// @notice The pod's owner.
    address public podOwner;

    /// @notice An account besides the owner allowed to submit proofs.
    address public proofSubmitter;

    /// @notice Restaked ETH (gwei) in the pod accounted for by checkpoints; always 0 on the devnet.
    uint64 public withdrawableRestakedExecutionLayerGwei;

    /// @notice Validators with verified withdrawal credentials; always 0 on the devnet.
    uint256 public activeValidatorCount;

    /// @notice Timestamp of the active checkpoint (0: none).
    uint64 public currentCheckpointTimestamp;

    /// @notice Timestamp of the last finalized checkpoint.
    uint64 public lastCheckpointTimestamp;

    /// @notice Gwei of exited validators per checkpoint timestamp.
    mapping(uint64 timestamp => uint64) public checkpointBalanceExitedGwei;

    mapping(bytes32 pubkeyHash => ValidatorInfo) private _validators;
    Checkpoint private _currentCheckpoint;

    constructor(address ethPOS_, address eigenPodManager_) {
        ethPOS = ethPOS_;
        eigenPodManager = eigenPodManager_;
        _initialized = type(uint8).max;
        emit Initialized(type(uint8).max);
    }

    modifier onlyEigenPodManager() {
        if (msg.sender != eigenPodManager) revert OnlyEigenPodManager();
        _;
    }

    modifier onlyOwner() {
        if (msg.sender != podOwner) revert OnlyEigenPodOwner();
        _;
    }

    /// @notice Sets the pod's owner, once per proxy (OpenZeppelin `initializer`: anyone may call it, as
    ///         upstream; the EigenPodManager does in the transaction that deploys the proxy).
    function initialize(address owner) external {
        require(_initialized == 0, "Initializable: contract is already initialized");
        _initialized = 1;
        if (owner == address(0)) revert InputAddressZero();
        podOwner = owner;
        emit Initialized(1);
    }

    receive() external payable {
        emit NonBeaconChainETHReceived(msg.value);
    }

    /// @notice Deposits exactly 32 ETH for validator `pubkey` with this pod as 0x01 withdrawal credentials.
    function stake(bytes calldata pubkey, bytes calldata signature, bytes32 depositDataRoot)
        external
        payable
        onlyEigenPodManager
    {
        if (msg.value != 32 ether) revert MsgValueNot32ETH();
        IETHPOSDeposit(ethPOS).deposit{value: 32 ether}(pubkey, _podWithdrawalCredentials(), signature, depositDataRoot);
        emit EigenPodStaked(_pubkeyHash(pubkey));
    }

    /// @notice Sends restaked ETH to `recipient` on a completed withdrawal. Only the EigenPodManager.
    function withdrawRestakedBeaconChainETH(address recipient, uint256 amountWei) external onlyEigenPodManager {
        uint64 amountGwei = uint64(amountWei / 1 gwei);
        if (amountGwei > withdrawableRestakedExecutionLayerGwei) revert InsufficientWithdrawableBalance();
        withdrawableRestakedExecutionLayerGwei -= amountGwei;
        uint256 sendWei = uint256(amountGwei) * 1 gwei;
        emit RestakedBeaconChainETHWithdrawn(recipient, sendWei);
        (bool ok,) = recipient.call{value: sendWei}("");
        require(ok, "EigenPod: ETH transfer failed");
    }

    /// @notice Lets `newProofSubmitter` submit proofs besides the owner. Only the owner.
    function setProofSubmitter(address newProofSubmitter) external onlyOwner {
        emit ProofSubmitterUpdated(proofSubmitter, newProofSubmitter);
        proofSubmitter = newProofSubmitter;
    }

    /// @notice Sends ERC-20 tokens held by the pod to `recipient`. Only the owner.
    function recoverTokens(address[] calldata tokenList, uint256[] calldata amountsToWithdraw, address recipient)
        external
        onlyOwner
    {
        if (tokenList.length != amountsToWithdraw.length) revert InputArrayLengthMismatch();
        for (uint256 i = 0; i < tokenList.length; ++i) {
            require(IERC20(tokenList[i]).transfer(recipient, amountsToWithdraw[i]), "EigenPod: transfer failed");
        }
    }

    // ------------------------------------------------------------------ proofs: not supported

    /// @notice Not supported: beacon-chain proofs are out of scope on the devnet.
    function verifyWithdrawalCredentials(
        uint64,
        StateRootProof calldata,
        uint40[] calldata,
        bytes[] calldata,
        bytes32[][] calldata
    ) external {
        _unsupported("verifyWithdrawalCredentials");
    }

    /// @notice Not supported: checkpoints need beacon-chain proofs (and EIP-4788 roots).
    function startCheckpoint(bool) external {
        _unsupported("startCheckpoint");
    }

    /// @notice Not supported: beacon-chain proofs are out of scope on the devnet.
    function verifyCheckpointProofs(
        BalanceContainerProof calldata,
        BalanceProof[] calldata
    ) external {
        _unsupported("verifyCheckpointProofs");
    }

    /// @notice Not supported: beacon-chain proofs are out of scope on the devnet.
    function verifyStaleBalance(
        uint64,
        StateRootProof calldata,
        ValidatorProof calldata
    ) external {
        _unsupported("verifyStaleBalance");
    }

    /// @notice Not supported: no EIP-7002 withdrawal requests on the devnet.
    function requestWithdrawal(WithdrawalRequest[] calldata) external payable {
        _unsupported("requestWithdrawal");
    }

    /// @notice Not supported: no EIP-7251 consolidation requests on the devnet.
    function requestConsolidation(ConsolidationRequest[] calldata) external payable {
        _unsupported("requestConsolidation");
    }

    /// @notice Not supported: no EIP-7002 predeploy on the devnet.
    function getWithdrawalRequestFee() external view returns (uint256) {
        _unsupportedView("getWithdrawalRequestFee");
        return 0;
    }

    /// @notice Not supported: no EIP-7251 predeploy on the devnet.
    function getConsolidationRequestFee() external view returns (uint256) {
        _unsupportedView("getConsolidationRequestFee");
        return 0;
    }

    /// @notice Not supported: EIP-4788 roots are only needed by proofs.
    function getParentBlockRoot(uint64) external view returns (bytes32) {
        _unsupportedView("getParentBlockRoot");
        return bytes32(0);
    }

    // ------------------------------------------------------------------ views

    /// @notice The active checkpoint (all zero: none on the devnet).
    function currentCheckpoint() external view returns (Checkpoint memory) {
        return _currentCheckpoint;
    }

    /// @notice Validator info by sha256(pubkey ‖ 16 zero bytes) (INACTIVE: no proofs on the devnet).
    function validatorPubkeyHashToInfo(bytes32 validatorPubkeyHash) external view returns (ValidatorInfo memory) {
        return _validators[validatorPubkeyHash];
    }

    /// @notice Validator info by 48-byte pubkey.
    function validatorPubkeyToInfo(bytes calldata validatorPubkey) external view returns (ValidatorInfo memory) {
        return _validators[_pubkeyHash(validatorPubkey)];
    }

    /// @notice Validator status by 48-byte pubkey.
    function validatorStatus(bytes calldata validatorPubkey) external view returns (VALIDATOR_STATUS) {
        return _validators[_pubkeyHash(validatorPubkey)].status;
    }

    /// @notice Validator status by pubkey hash.
    function validatorStatus(bytes32 pubkeyHash) external view returns (VALIDATOR_STATUS) {
        return _validators[pubkeyHash].status;
    }

    function _podWithdrawalCredentials() internal view returns (bytes memory) {
        return abi.encodePacked(bytes1(0x01), bytes11(0), address(this));
    }

    function _pubkeyHash(bytes calldata pubkey) internal pure returns (bytes32) {
        if (pubkey.length != 48) revert InvalidPubKeyLength();
        return sha256(abi.encodePacked(pubkey, bytes16(0)));
    }
}
