// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

// Shared EigenLayer (slashing era, v1.x) types for the devnet fixtures. Names and field orders are
// the upstream ones, so that the ABI tuples match the real contracts (see
// shared/protocols/eigenlayer.md, section 1). Contract-typed fields (IStrategy, IERC20) are `address`
// here; their ABI type is `address` either way. Written for restake4j; no upstream code.

/// @notice An operator set: an AVS address and a set id chosen by the AVS. ABI `(address,uint32)`.
struct OperatorSet {
    address avs;
    uint32 id;
}

/// @notice Signature structs of upstream's SignatureUtilsMixin.
interface ISignatureUtilsMixinTypes {
    /// @dev ABI `(bytes,uint256)`.
    struct SignatureWithExpiry {
        bytes signature;
        uint256 expiry;
    }

    /// @dev ABI `(bytes,bytes32,uint256)`.
    struct SignatureWithSaltAndExpiry {
        bytes signature;
        bytes32 salt;
        uint256 expiry;
    }
}

/// @notice DelegationManager structs.
interface IDelegationManagerTypes {
    /// @dev ABI `(address[],uint256[],address)`. `__deprecated_withdrawer` is ignored.
    struct QueuedWithdrawalParams {
        address[] strategies;
        uint256[] depositShares;
        address __deprecated_withdrawer;
    }

    /// @dev ABI `(address,address,address,uint256,uint32,address[],uint256[])`;
    ///      root = keccak256(abi.encode(withdrawal)).
    struct Withdrawal {
        address staker;
        address delegatedTo;
        address withdrawer;
        uint256 nonce;
        uint32 startBlock;
        address[] strategies;
        uint256[] scaledShares;
    }

    /// @dev Storage only upstream; kept for reference.
    struct OperatorDetails {
        address __deprecated_earningsReceiver;
        address delegationApprover;
        uint32 __deprecated_stakerOptOutWindowBlocks;
    }
}

/// @notice AllocationManager structs.
interface IAllocationManagerTypes {
    /// @dev ABI `(uint64,int128,uint32)`.
    struct Allocation {
        uint64 currentMagnitude;
        int128 pendingDiff;
        uint32 effectBlock;
    }

    /// @dev ABI `((address,uint32),address[],uint64[])`.
    struct AllocateParams {
        OperatorSet operatorSet;
        address[] strategies;
        uint64[] newMagnitudes;
    }

    /// @dev ABI `(address,uint32[],bytes)`.
    struct RegisterParams {
        address avs;
        uint32[] operatorSetIds;
        bytes data;
    }

    /// @dev ABI `(address,address,uint32[])`.
    struct DeregisterParams {
        address operator;
        address avs;
        uint32[] operatorSetIds;
    }

    /// @dev ABI `(address,uint32,address[],uint256[],string)`.
    struct SlashingParams {
        address operator;
        uint32 operatorSetId;
        address[] strategies;
        uint256[] wadsToSlash;
        string description;
    }

    /// @dev ABI `(uint32,address[])`.
    struct CreateSetParams {
        uint32 operatorSetId;
        address[] strategies;
    }

    /// @dev ABI `(uint32,address[],address)`.
    struct CreateSetParamsV2 {
        uint32 operatorSetId;
        address[] strategies;
        address slasher;
    }

    /// @dev Storage only upstream.
    struct AllocationDelayInfo {
        uint32 delay;
        bool isSet;
        uint32 pendingDelay;
        uint32 effectBlock;
    }

    /// @dev Storage only upstream.
    struct RegistrationStatus {
        bool registered;
        uint32 slashableUntil;
    }

    /// @dev Storage only upstream.
    struct StrategyInfo {
        uint64 maxMagnitude;
        uint64 encumberedMagnitude;
    }
}

/// @notice RewardsCoordinator structs.
interface IRewardsCoordinatorTypes {
    /// @dev ABI `(address,uint96)`.
    struct StrategyAndMultiplier {
        address strategy;
        uint96 multiplier;
    }

    /// @dev ABI `((address,uint96)[],address,uint256,uint32,uint32)`.
    struct RewardsSubmission {
        StrategyAndMultiplier[] strategiesAndMultipliers;
        address token;
        uint256 amount;
        uint32 startTimestamp;
        uint32 duration;
    }

    /// @dev ABI `(address,uint256)`.
    struct OperatorReward {
        address operator;
        uint256 amount;
    }

    /// @dev ABI `((address,uint96)[],address,(address,uint256)[],uint32,uint32,string)`.
    struct OperatorDirectedRewardsSubmission {
        StrategyAndMultiplier[] strategiesAndMultipliers;
        address token;
        OperatorReward[] operatorRewards;
        uint32 startTimestamp;
        uint32 duration;
        string description;
    }

    /// @dev Storage only upstream.
    struct OperatorSplit {
        uint16 oldSplitBips;
        uint16 newSplitBips;
        uint32 activatedAt;
    }

    /// @dev ABI `(bytes32,uint32,uint32,bool)`.
    struct DistributionRoot {
        bytes32 root;
        uint32 rewardsCalculationEndTimestamp;
        uint32 activatedAt;
        bool disabled;
    }

    /// @dev ABI `(address,bytes32)`.
    struct EarnerTreeMerkleLeaf {
        address earner;
        bytes32 earnerTokenRoot;
    }

    /// @dev ABI `(address,uint256)`.
    struct TokenTreeMerkleLeaf {
        address token;
        uint256 cumulativeEarnings;
    }

    /// @dev ABI `(uint32,uint32,bytes,(address,bytes32),uint32[],bytes[],(address,uint256)[])`.
    struct RewardsMerkleClaim {
        uint32 rootIndex;
        uint32 earnerIndex;
        bytes earnerTreeProof;
        EarnerTreeMerkleLeaf earnerLeaf;
        uint32[] tokenIndices;
        bytes[] tokenTreeProofs;
        TokenTreeMerkleLeaf[] tokenLeaves;
    }
}

/// @notice EigenPod structs and enum.
interface IEigenPodTypes {
    enum VALIDATOR_STATUS {
        INACTIVE,
        ACTIVE,
        WITHDRAWN
    }

    /// @dev ABI `(uint64,uint64,uint64,uint8)`.
    struct ValidatorInfo {
        uint64 validatorIndex;
        uint64 restakedBalanceGwei;
        uint64 lastCheckpointedAt;
        VALIDATOR_STATUS status;
    }

    /// @dev ABI `(bytes32,uint24,uint64,int64,uint64)`.
    struct Checkpoint {
        bytes32 beaconBlockRoot;
        uint24 proofsRemaining;
        uint64 podBalanceGwei;
        int64 balanceDeltasGwei;
        uint64 prevBeaconBalanceGwei;
    }

    /// @dev EIP-7002 request, ABI `(bytes,uint64)`.
    struct WithdrawalRequest {
        bytes pubkey;
        uint64 amountGwei;
    }

    /// @dev EIP-7251 request, ABI `(bytes,bytes)`.
    struct ConsolidationRequest {
        bytes srcPubkey;
        bytes targetPubkey;
    }
}

/// @notice The proof structs of upstream's `BeaconChainProofs` library (an interface here, so the
///         names read the same and no library artifact is produced).
interface BeaconChainProofs {
    /// @dev ABI `(bytes32,bytes)`.
    struct StateRootProof {
        bytes32 beaconStateRoot;
        bytes proof;
    }

    /// @dev ABI `(bytes32[],bytes)`.
    struct ValidatorProof {
        bytes32[] validatorFields;
        bytes proof;
    }

    /// @dev ABI `(bytes32,bytes)`.
    struct BalanceContainerProof {
        bytes32 balanceContainerRoot;
        bytes proof;
    }

    /// @dev ABI `(bytes32,bytes32,bytes)`.
    struct BalanceProof {
        bytes32 pubkeyHash;
        bytes32 balanceRoot;
        bytes proof;
    }
}
