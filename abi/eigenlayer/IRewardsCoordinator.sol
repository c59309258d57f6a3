// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {
    OperatorSet,
    IEigenLayerPausable,
    IEigenLayerOwnable,
    IEigenLayerInitializable
} from "abi/eigenlayer/EigenLayerCommon.sol";

/// @title IRewardsCoordinator
/// @notice EigenLayer's RewardsCoordinator as its proxy exposes it: rewards submissions, the posted
///         distribution roots of cumulative earnings, Merkle claims, and operator splits.
interface IRewardsCoordinator is IEigenLayerPausable, IEigenLayerOwnable, IEigenLayerInitializable {
    // ---------------------------------------------------------------------
    // Types
    // ---------------------------------------------------------------------

    /// @notice A strategy and the weight of its shares in a rewards calculation.
    struct StrategyAndMultiplier {
        address strategy;
        uint96 multiplier;
    }

    /// @notice `amount` of `token` spread over [startTimestamp, startTimestamp + duration).
    struct RewardsSubmission {
        StrategyAndMultiplier[] strategiesAndMultipliers;
        address token;
        uint256 amount;
        uint32 startTimestamp;
        uint32 duration;
    }

    /// @notice The reward an operator gets in an operator-directed submission.
    struct OperatorReward {
        address operator;
        uint256 amount;
    }

    /// @notice A submission that names each operator's reward.
    struct OperatorDirectedRewardsSubmission {
        StrategyAndMultiplier[] strategiesAndMultipliers;
        address token;
        OperatorReward[] operatorRewards;
        uint32 startTimestamp;
        uint32 duration;
        string description;
    }

    /// @notice A posted Merkle root of cumulative earnings, claimable from `activatedAt`.
    struct DistributionRoot {
        bytes32 root;
        uint32 rewardsCalculationEndTimestamp;
        uint32 activatedAt;
        bool disabled;
    }

    /// @notice A leaf of the earner tree: an earner and the root of its token tree.
    struct EarnerTreeMerkleLeaf {
        address earner;
        bytes32 earnerTokenRoot;
    }

    /// @notice A leaf of an earner's token tree: a token and the earner's cumulative earnings in it.
    struct TokenTreeMerkleLeaf {
        address token;
        uint256 cumulativeEarnings;
    }

    /// @notice A claim: the earner leaf and proof, and token leaves with their proofs.
    struct RewardsMerkleClaim {
        uint32 rootIndex;
        uint32 earnerIndex;
        bytes earnerTreeProof;
        EarnerTreeMerkleLeaf earnerLeaf;
        uint32[] tokenIndices;
        bytes[] tokenTreeProofs;
        TokenTreeMerkleLeaf[] tokenLeaves;
    }

    // ---------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------

    /// @notice The amount exceeds the maximum.
    error AmountExceedsMax();

    /// @notice The amount is zero.
    error AmountIsZero();

    /// @notice The duration exceeds MAX_REWARDS_DURATION.
    error DurationExceedsMax();

    /// @notice The duration is zero.
    error DurationIsZero();

    /// @notice A token leaf's cumulative earnings are not above what was already claimed.
    error EarningsNotGreaterThanClaimed();

    /// @notice The Merkle root is zero.
    error EmptyRoot();

    /// @notice Input arrays differ in length.
    error InputArrayLengthMismatch();

    /// @notice An input array is empty.
    error InputArrayLengthZero();

    /// @notice An address is zero.
    error InvalidAddressZero();

    /// @notice CALCULATION_INTERVAL_SECONDS does not divide a day.
    error InvalidCalculationIntervalSecondsRemainder();

    /// @notice A Merkle proof does not verify.
    error InvalidClaimProof();

    /// @notice The duration is not a multiple of CALCULATION_INTERVAL_SECONDS.
    error InvalidDurationRemainder();

    /// @notice The earner is neither an operator nor an AVS with operator sets.
    error InvalidEarner();

    /// @notice The earner index does not fit the earner proof.
    error InvalidEarnerLeafIndex();

    /// @notice GENESIS_REWARDS_TIMESTAMP is not a multiple of CALCULATION_INTERVAL_SECONDS.
    error InvalidGenesisRewardsTimestampRemainder();

    /// @notice A Merkle index does not fit its proof.
    error InvalidIndex();

    /// @notice The operator set does not exist.
    error InvalidOperatorSet();

    /// @notice The caller is neither the account nor one of its appointees.
    error InvalidPermissions();

    /// @notice A proof's length is not a multiple of 32.
    error InvalidProofLength();

    /// @notice The root is invalid.
    error InvalidRoot();

    /// @notice No root has this index.
    error InvalidRootIndex();

    /// @notice The start timestamp is not a multiple of CALCULATION_INTERVAL_SECONDS.
    error InvalidStartTimestampRemainder();

    /// @notice A token index does not fit its proof.
    error InvalidTokenLeafIndex();

    /// @notice The root's calculation end timestamp is not after the previous one.
    error NewRootMustBeForNewCalculatedPeriod();

    /// @notice Operators must be listed in strictly ascending address order.
    error OperatorsNotInAscendingOrder();

    /// @notice A split change is already pending.
    error PreviousSplitPending();

    /// @notice The rewards calculation end timestamp has not passed.
    error RewardsEndTimestampNotElapsed();

    /// @notice The root is already active and can no longer be disabled.
    error RootAlreadyActivated();

    /// @notice The root is disabled.
    error RootDisabled();

    /// @notice The root is not active yet.
    error RootNotActivated();

    /// @notice The split exceeds 10000 bips.
    error SplitExceedsMax();

    /// @notice The start timestamp is beyond MAX_FUTURE_LENGTH.
    error StartTimestampTooFarInFuture();

    /// @notice The start timestamp is before MAX_RETROACTIVE_LENGTH or genesis.
    error StartTimestampTooFarInPast();

    /// @notice Strategies must be listed in strictly ascending address order.
    error StrategiesNotInAscendingOrder();

    /// @notice The strategy is not whitelisted for deposits.
    error StrategyNotWhitelisted();

    /// @notice An operator-directed submission must end in the past.
    error SubmissionNotRetroactive();

    /// @notice The caller is not the earner's claimer.
    error UnauthorizedCaller();

    // ---------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------

    /// @notice `avs` created a rewards submission.
    event AVSRewardsSubmissionCreated(
        address indexed avs,
        uint256 indexed submissionNonce,
        bytes32 indexed rewardsSubmissionHash,
        RewardsSubmission rewardsSubmission
    );

    /// @notice A rewards-for-all submitter created a submission for all stakers.
    event RewardsSubmissionForAllCreated(
        address indexed submitter,
        uint256 indexed submissionNonce,
        bytes32 indexed rewardsSubmissionHash,
        RewardsSubmission rewardsSubmission
    );

    /// @notice A submission for all earners was created.
    event RewardsSubmissionForAllEarnersCreated(
        address indexed tokenHopper,
        uint256 indexed submissionNonce,
        bytes32 indexed rewardsSubmissionHash,
        RewardsSubmission rewardsSubmission
    );

    /// @notice An operator-directed submission for an AVS was created.
    event OperatorDirectedAVSRewardsSubmissionCreated(
        address indexed caller,
        address indexed avs,
        bytes32 indexed operatorDirectedRewardsSubmissionHash,
        uint256 submissionNonce,
        OperatorDirectedRewardsSubmission operatorDirectedRewardsSubmission
    );

    /// @notice An operator-directed submission for an operator set was created.
    event OperatorDirectedOperatorSetRewardsSubmissionCreated(
        address indexed caller,
        bytes32 indexed operatorDirectedRewardsSubmissionHash,
        OperatorSet operatorSet,
        uint256 submissionNonce,
        OperatorDirectedRewardsSubmission operatorDirectedRewardsSubmission
    );

    /// @notice A unique-stake submission for an operator set was created.
    event UniqueStakeRewardsSubmissionCreated(
        address indexed caller,
        bytes32 indexed rewardsSubmissionHash,
        OperatorSet operatorSet,
        uint256 submissionNonce,
        RewardsSubmission rewardsSubmission
    );

    /// @notice A total-stake submission for an operator set was created.
    event TotalStakeRewardsSubmissionCreated(
        address indexed caller,
        bytes32 indexed rewardsSubmissionHash,
        OperatorSet operatorSet,
        uint256 submissionNonce,
        RewardsSubmission rewardsSubmission
    );

    /// @notice The rewards updater changed.
    event RewardsUpdaterSet(address indexed oldRewardsUpdater, address indexed newRewardsUpdater);

    /// @notice An account's permission to submit rewards for all changed.
    event RewardsForAllSubmitterSet(address indexed rewardsForAllSubmitter, bool indexed oldValue, bool indexed newValue);

    /// @notice The activation delay changed.
    event ActivationDelaySet(uint32 oldActivationDelay, uint32 newActivationDelay);

    /// @notice The default operator split changed.
    event DefaultOperatorSplitBipsSet(uint16 oldDefaultOperatorSplitBips, uint16 newDefaultOperatorSplitBips);

    /// @notice The split of `operator` for `avs` changes at `activatedAt`.
    event OperatorAVSSplitBipsSet(
        address indexed caller,
        address indexed operator,
        address indexed avs,
        uint32 activatedAt,
        uint16 oldOperatorAVSSplitBips,
        uint16 newOperatorAVSSplitBips
    );

    /// @notice The programmatic-incentives split of `operator` changes at `activatedAt`.
    event OperatorPISplitBipsSet(
        address indexed caller,
        address indexed operator,
        uint32 activatedAt,
        uint16 oldOperatorPISplitBips,
        uint16 newOperatorPISplitBips
    );

    /// @notice The split of `operator` for `operatorSet` changes at `activatedAt`.
    event OperatorSetSplitBipsSet(
        address indexed caller,
        address indexed operator,
        OperatorSet operatorSet,
        uint32 activatedAt,
        uint16 oldOperatorSetSplitBips,
        uint16 newOperatorSetSplitBips
    );

    /// @notice The claimer of `earner` changed.
    event ClaimerForSet(address indexed earner, address indexed oldClaimer, address indexed claimer);

    /// @notice A distribution root was posted.
    event DistributionRootSubmitted(
        uint32 indexed rootIndex,
        bytes32 indexed root,
        uint32 indexed rewardsCalculationEndTimestamp,
        uint32 activatedAt
    );

    /// @notice The distribution root at `rootIndex` was disabled.
    event DistributionRootDisabled(uint32 indexed rootIndex);

    /// @notice `claimedAmount` of `token` earned by `earner` went to `recipient`.
    event RewardsClaimed(
        bytes32 root,
        address indexed earner,
        address indexed claimer,
        address indexed recipient,
        address token,
        uint256 claimedAmount
    );

    /// @notice The protocol fee recipient changed.
    event FeeRecipientSet(address indexed oldFeeRecipient, address indexed newFeeRecipient);

    /// @notice `submitter` opted in or out of the protocol fee.
    event OptInForProtocolFeeSet(address indexed submitter, bool indexed oldValue, bool indexed newValue);

    // ---------------------------------------------------------------------
    // Submissions
    // ---------------------------------------------------------------------

    /// @notice Funds rewards for the caller's (AVS's) stakers and operators.
    function createAVSRewardsSubmission(RewardsSubmission[] calldata rewardsSubmissions) external;

    /// @notice Funds rewards for all stakers (rewards-for-all submitters only).
    function createRewardsForAllSubmission(RewardsSubmission[] calldata rewardsSubmissions) external;

    /// @notice Funds rewards for all earners (rewards-for-all submitters only).
    function createRewardsForAllEarners(RewardsSubmission[] calldata rewardsSubmissions) external;

    /// @notice Funds EigenDA rewards for `avs`.
    function createEigenDARewardsSubmission(address avs, RewardsSubmission[] calldata rewardsSubmissions) external;

    /// @notice Funds rewards of `avs` with a set reward per operator.
    function createOperatorDirectedAVSRewardsSubmission(
        address avs,
        OperatorDirectedRewardsSubmission[] calldata operatorDirectedRewardsSubmissions
    ) external;

    /// @notice Funds rewards of `operatorSet` with a set reward per operator.
    function createOperatorDirectedOperatorSetRewardsSubmission(
        OperatorSet calldata operatorSet,
        OperatorDirectedRewardsSubmission[] calldata operatorDirectedRewardsSubmissions
    ) external;

    /// @notice Funds rewards of `operatorSet` weighted by unique (slashable) stake.
    function createUniqueStakeRewardsSubmission(
        OperatorSet calldata operatorSet,
        RewardsSubmission[] calldata rewardsSubmissions
    ) external;

    /// @notice Funds rewards of `operatorSet` weighted by total stake.
    function createTotalStakeRewardsSubmission(
        OperatorSet calldata operatorSet,
        RewardsSubmission[] calldata rewardsSubmissions
    ) external;

    /// @notice Next submission nonce of `avs`.
    function submissionNonce(address avs) external view returns (uint256 nonce);

    /// @notice Whether `hash` is a rewards submission of `avs`.
    function isAVSRewardsSubmissionHash(address avs, bytes32 hash) external view returns (bool valid);

    /// @notice Whether `hash` is a rewards-for-all submission of `avs`.
    function isRewardsSubmissionForAllHash(address avs, bytes32 hash) external view returns (bool valid);

    /// @notice Whether `hash` is a rewards-for-all-earners submission of `avs`.
    function isRewardsSubmissionForAllEarnersHash(address avs, bytes32 hash) external view returns (bool valid);

    /// @notice Whether `hash` is an operator-directed AVS submission of `avs`.
    function isOperatorDirectedAVSRewardsSubmissionHash(address avs, bytes32 hash)
        external
        view
        returns (bool valid);

    /// @notice Whether `hash` is an operator-directed operator-set submission of `avs`.
    function isOperatorDirectedOperatorSetRewardsSubmissionHash(address avs, bytes32 hash)
        external
        view
        returns (bool valid);

    /// @notice Whether `hash` is a unique-stake submission of `avs`.
    function isUniqueStakeRewardsSubmissionHash(address avs, bytes32 hash) external view returns (bool valid);

    /// @notice Whether `hash` is a total-stake submission of `avs`.
    function isTotalStakeRewardsSubmissionHash(address avs, bytes32 hash) external view returns (bool valid);

    /// @notice Whether `submitter` may submit rewards for all.
    function isRewardsForAllSubmitter(address submitter) external view returns (bool valid);

    // ---------------------------------------------------------------------
    // Distribution roots
    // ---------------------------------------------------------------------

    /// @notice Posts a root of cumulative earnings up to `rewardsCalculationEndTimestamp` (rewards updater only).
    function submitRoot(bytes32 root, uint32 rewardsCalculationEndTimestamp) external;

    /// @notice Disables a root that is not active yet (rewards updater only).
    function disableRoot(uint32 rootIndex) external;

    /// @notice Number of posted roots.
    function getDistributionRootsLength() external view returns (uint256);

    /// @notice The root at `index`.
    function getDistributionRootAtIndex(uint256 index) external view returns (DistributionRoot memory);

    /// @notice The latest root, which may not be active yet.
    function getCurrentDistributionRoot() external view returns (DistributionRoot memory);

    /// @notice The latest active, not disabled root.
    function getCurrentClaimableDistributionRoot() external view returns (DistributionRoot memory);

    /// @notice The index of the root `rootHash`.
    function getRootIndexFromHash(bytes32 rootHash) external view returns (uint32);

    /// @notice End timestamp of the latest posted calculation.
    function currRewardsCalculationEndTimestamp() external view returns (uint32);

    // ---------------------------------------------------------------------
    // Claims
    // ---------------------------------------------------------------------

    /// @notice Pays the claimed earnings to `recipient` (the earner's claimer, or the earner).
    function processClaim(RewardsMerkleClaim calldata claim, address recipient) external;

    /// @notice Pays several claims to one `recipient`.
    function processClaims(RewardsMerkleClaim[] calldata claims, address recipient) external;

    /// @notice Checks the root, lengths and proofs of `claim`; reverts if one fails.
    function checkClaim(RewardsMerkleClaim calldata claim) external view returns (bool);

    /// @notice Sets the caller's claimer.
    function setClaimerFor(address claimer) external;

    /// @notice Sets the claimer of `earner` (an operator or AVS, or its appointee).
    function setClaimerFor(address earner, address claimer) external;

    /// @notice The claimer of `earner` (zero for the earner itself).
    function claimerFor(address earner) external view returns (address claimer);

    /// @notice Amount of `token` already claimed for `earner`.
    function cumulativeClaimed(address earner, address token) external view returns (uint256 totalClaimed);

    /// @notice Hash of an earner leaf, salt prefix 0.
    function calculateEarnerLeafHash(EarnerTreeMerkleLeaf calldata leaf) external pure returns (bytes32);

    /// @notice Hash of a token leaf, salt prefix 1.
    function calculateTokenLeafHash(TokenTreeMerkleLeaf calldata leaf) external pure returns (bytes32);

    // ---------------------------------------------------------------------
    // Operator splits
    // ---------------------------------------------------------------------

    /// @notice Sets the split of `operator` for `avs`, in bips (the operator or an appointee).
    function setOperatorAVSSplit(address operator, address avs, uint16 split) external;

    /// @notice Sets the programmatic-incentives split of `operator`, in bips.
    function setOperatorPISplit(address operator, uint16 split) external;

    /// @notice Sets the split of `operator` for `operatorSet`, in bips.
    function setOperatorSetSplit(address operator, OperatorSet calldata operatorSet, uint16 split) external;

    /// @notice The split of `operator` for `avs`, in bips.
    function getOperatorAVSSplit(address operator, address avs) external view returns (uint16);

    /// @notice The programmatic-incentives split of `operator`, in bips.
    function getOperatorPISplit(address operator) external view returns (uint16);

    /// @notice The split of `operator` for `operatorSet`, in bips.
    function getOperatorSetSplit(address operator, OperatorSet calldata operatorSet) external view returns (uint16);

    /// @notice The split used before an operator sets one, in bips.
    function defaultOperatorSplitBips() external view returns (uint16);

    // ---------------------------------------------------------------------
    // Protocol fee
    // ---------------------------------------------------------------------

    /// @notice Opts `submitter` in or out of the protocol fee.
    function setOptInForProtocolFee(address submitter, bool optInForProtocolFee) external;

    /// @notice Whether `submitter` opted in to the protocol fee.
    function isOptedInForProtocolFee(address submitter) external view returns (bool isOptedIn);

    /// @notice Where protocol fees go.
    function feeRecipient() external view returns (address);

    /// @notice Sets where protocol fees go (owner only).
    function setFeeRecipient(address _feeRecipient) external;

    // ---------------------------------------------------------------------
    // Administration
    // ---------------------------------------------------------------------

    /// @notice The account that posts roots.
    function rewardsUpdater() external view returns (address);

    /// @notice Sets the account that posts roots (owner only).
    function setRewardsUpdater(address _rewardsUpdater) external;

    /// @notice Seconds between a root's posting and its activation.
    function activationDelay() external view returns (uint32);

    /// @notice Sets the activation delay (owner only).
    function setActivationDelay(uint32 _activationDelay) external;

    /// @notice Sets the default operator split (owner only).
    function setDefaultOperatorSplit(uint16 split) external;

    /// @notice Allows or forbids `_submitter` to submit rewards for all (owner only).
    function setRewardsForAllSubmitter(address _submitter, bool _newValue) external;

    /// @notice Initialises the proxy.
    function initialize(
        address initialOwner,
        uint256 initialPausedStatus,
        address _rewardsUpdater,
        uint32 _activationDelay,
        uint16 _defaultSplitBips,
        address _feeRecipient
    ) external;

    // ---------------------------------------------------------------------
    // Constants and wiring
    // ---------------------------------------------------------------------

    /// @notice Granularity of rewards timestamps and durations, in seconds.
    function CALCULATION_INTERVAL_SECONDS() external view returns (uint32);

    /// @notice Longest rewards duration, in seconds.
    function MAX_REWARDS_DURATION() external view returns (uint32);

    /// @notice How far back a submission may start, in seconds.
    function MAX_RETROACTIVE_LENGTH() external view returns (uint32);

    /// @notice How far ahead a submission may start, in seconds.
    function MAX_FUTURE_LENGTH() external view returns (uint32);

    /// @notice Earliest allowed rewards start timestamp.
    function GENESIS_REWARDS_TIMESTAMP() external view returns (uint32);

    /// @notice The sentinel strategy of native ETH.
    function beaconChainETHStrategy() external view returns (address);

    /// @notice The DelegationManager.
    function delegationManager() external view returns (address);

    /// @notice The StrategyManager.
    function strategyManager() external view returns (address);

    /// @notice The AllocationManager.
    function allocationManager() external view returns (address);

    /// @notice The PermissionController (user access management).
    function permissionController() external view returns (address);

    /// @notice The EIGEN EmissionsController.
    function emissionsController() external view returns (address);
}
