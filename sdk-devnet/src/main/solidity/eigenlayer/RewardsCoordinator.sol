// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IERC20} from "abi/common/IERC20.sol";
import {OperatorSet} from "abi/eigenlayer/EigenLayerCommon.sol";
import {IRewardsCoordinator} from "abi/eigenlayer/IRewardsCoordinator.sol";
import {
    BEACON_CHAIN_ETH_STRATEGY,
    FixturePausable,
    FixtureOwnable,
    FixtureReentrancyGuard
} from "./FixtureSupport.sol";
import {StrategyManager} from "./StrategyManager.sol";
import {DelegationManager} from "./DelegationManager.sol";
import {AllocationManager} from "./AllocationManager.sol";

/// @title RewardsCoordinator (devnet fixture)
/// @notice EigenLayer's RewardsCoordinator, claim side with its exact semantics:
///         - the rewardsUpdater posts cumulative distribution roots (`submitRoot`), claimable from
///           `block.timestamp + activationDelay` on, and may disable a root before it activates;
///         - claims prove an earner leaf keccak256(0x00 ‖ earner ‖ earnerTokenRoot) in the distribution
///           root and token leaves keccak256(0x01 ‖ token ‖ cumulativeEarnings) in the earner's token root,
///           with index-ordered Merkle proofs (no sorted pairs); every token's cumulative earnings must be
///           strictly above what was claimed, and the difference is paid from this contract's balance;
///         - claimers (`setClaimerFor`), operator reward splits (activated after activationDelay).
///         Submission side: createAVSRewardsSubmission / createRewardsForAllSubmission /
///         createRewardsForAllEarners validate the submission as upstream does, pull the tokens and emit
///         the event; the devnet has no off-chain pipeline, so roots are posted by hand (tests,
///         EigenLayerDevnet.postRewardsRoot). The other submission kinds and the protocol fee are not
///         supported (NotSupportedByFixture).
/// @dev Deviations: deployed directly with constructor arguments (upstream: proxy + `initialize`); no
///      PermissionController (only the account itself may act for itself); upstream's pause flags 0 createAVSRewardsSubmission, 1 createRewardsForAllSubmission,
///      2 processClaim(s), 3 submitRoot / disableRoot, 4 createRewardsForAllEarners, 6 setOperatorAVSSplit,
///      7 setOperatorPISplit, 8 setOperatorSetSplit; the deployer pauses (no PauserRegistry).
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract RewardsCoordinator is IRewardsCoordinator, FixtureOwnable, FixturePausable, FixtureReentrancyGuard {
    /// @dev Storage only (upstream IRewardsCoordinatorTypes).
    struct OperatorSplit {
        uint16 oldSplitBips;
        uint16 newSplitBips;
        uint32 activatedAt;
    }

    uint8 internal constant EARNER_LEAF_SALT = 0;
    uint8 internal constant TOKEN_LEAF_SALT = 1;
    uint16 internal constant ONE_HUNDRED_IN_BIPS = 10000;
    uint256 internal constant MAX_REWARDS_AMOUNT = 1e38 - 1;
    /// @dev Upstream's pause flags (RewardsCoordinatorStorage).
    uint8 internal constant PAUSED_AVS_REWARDS_SUBMISSION = 0;
    uint8 internal constant PAUSED_REWARDS_FOR_ALL_SUBMISSION = 1;
    uint8 internal constant PAUSED_PROCESS_CLAIM = 2;
    uint8 internal constant PAUSED_SUBMIT_DISABLE_ROOTS = 3;
    uint8 internal constant PAUSED_REWARD_ALL_STAKERS_AND_OPERATORS = 4;
    uint8 internal constant PAUSED_OPERATOR_AVS_SPLIT = 6;
    uint8 internal constant PAUSED_OPERATOR_PI_SPLIT = 7;
    uint8 internal constant PAUSED_OPERATOR_SET_SPLIT = 8;

    /// @notice The beaconChainETH strategy sentinel.
    address public constant beaconChainETHStrategy = BEACON_CHAIN_ETH_STRATEGY;

    /// @notice Submission timestamps and durations are multiples of this (devnet: 1 day).
    uint32 public immutable CALCULATION_INTERVAL_SECONDS;
    /// @notice Longest submission duration (devnet: 70 days).
    uint32 public immutable MAX_REWARDS_DURATION;
    /// @notice How far back a submission may start (devnet: 90 days).
    uint32 public immutable MAX_RETROACTIVE_LENGTH;
    /// @notice How far ahead a submission may start (devnet: 30 days).
    uint32 public immutable MAX_FUTURE_LENGTH;
    /// @notice Earliest submission start (devnet: 0).
    uint32 public immutable GENESIS_REWARDS_TIMESTAMP;

    /// @notice The DelegationManager (operator check for setClaimerFor(earner, claimer)).
    address public immutable delegationManager;
    /// @notice The StrategyManager (strategy whitelist of submissions).
    address public immutable strategyManager;
    /// @notice The AllocationManager (operator sets).
    address public immutable allocationManager;

    /// @notice No PermissionController on the devnet: address(0).
    address public permissionController;
    /// @notice No EmissionsController on the devnet: address(0).
    address public emissionsController;

    /// @notice Posts distribution roots.
    address public rewardsUpdater;
    /// @notice Seconds between a root's submission and its activation.
    uint32 public activationDelay;
    /// @notice End timestamp of the latest root's calculation period.
    uint32 public currRewardsCalculationEndTimestamp;
    /// @notice Operator split used until an operator sets its own (bips).
    uint16 public defaultOperatorSplitBips;
    /// @notice Protocol fee recipient (the fee itself is not supported on the devnet).
    address public feeRecipient;

    /// @notice Who may claim for `earner` (address(0): the earner itself).
    mapping(address earner => address) public claimerFor;
    /// @notice Cumulative amount of `token` claimed for `earner`.
    mapping(address earner => mapping(address token => uint256)) public cumulativeClaimed;
    /// @notice The next submission nonce of `avs`.
    mapping(address avs => uint256 nonce) public submissionNonce;
    /// @notice Hashes of AVS rewards submissions.
    mapping(address avs => mapping(bytes32 hash => bool valid)) public isAVSRewardsSubmissionHash;
    /// @notice Hashes of rewards-for-all submissions.
    mapping(address avs => mapping(bytes32 hash => bool valid)) public isRewardsSubmissionForAllHash;
    /// @notice Hashes of rewards-for-all-earners submissions.
    mapping(address avs => mapping(bytes32 hash => bool valid)) public isRewardsSubmissionForAllEarnersHash;
    /// @notice Hashes of operator-directed AVS submissions (none on the devnet).
    mapping(address avs => mapping(bytes32 hash => bool valid)) public isOperatorDirectedAVSRewardsSubmissionHash;
    /// @notice Hashes of operator-directed operator-set submissions (none on the devnet).
    mapping(address avs => mapping(bytes32 hash => bool valid)) public isOperatorDirectedOperatorSetRewardsSubmissionHash;
    /// @notice Hashes of unique-stake submissions (none on the devnet).
    mapping(address avs => mapping(bytes32 hash => bool valid)) public isUniqueStakeRewardsSubmissionHash;
    /// @notice Hashes of total-stake submissions (none on the devnet).
    mapping(address avs => mapping(bytes32 hash => bool valid)) public isTotalStakeRewardsSubmissionHash;
    /// @notice Accounts allowed to create rewards-for-all submissions.
    mapping(address submitter => bool valid) public isRewardsForAllSubmitter;
    /// @notice Protocol fee opt-ins (never set on the devnet).
    mapping(address submitter => bool isOptedIn) public isOptedInForProtocolFee;

    DistributionRoot[] private _distributionRoots;
    mapping(address operator => mapping(address avs => OperatorSplit)) private _avsSplits;
    mapping(address operator => OperatorSplit) private _piSplits;
    mapping(address operator => mapping(bytes32 setKey => OperatorSplit)) private _setSplits;

    /// @notice Devnet configuration; the time limits are fixed devnet values (see the getters).
    /// @param delegationManager_ the DelegationManager
    /// @param strategyManager_ the StrategyManager
    /// @param allocationManager_ the AllocationManager
    /// @param initialOwner owner (may change the updater, the activation delay and the default split)
    /// @param rewardsUpdater_ posts distribution roots
    /// @param activationDelay_ seconds before a posted root becomes claimable
    /// @param defaultSplitBips_ default operator split, in bips
    constructor(
        address delegationManager_,
        address strategyManager_,
        address allocationManager_,
        address initialOwner,
        address rewardsUpdater_,
        uint32 activationDelay_,
        uint16 defaultSplitBips_
    ) FixtureOwnable(initialOwner) {
        if (delegationManager_ == address(0) || strategyManager_ == address(0) || allocationManager_ == address(0)) {
            revert InputAddressZero();
        }
        delegationManager = delegationManager_;
        strategyManager = strategyManager_;
        allocationManager = allocationManager_;
        CALCULATION_INTERVAL_SECONDS = 1 days;
        MAX_REWARDS_DURATION = 70 days;
        MAX_RETROACTIVE_LENGTH = 90 days;
        MAX_FUTURE_LENGTH = 30 days;
        GENESIS_REWARDS_TIMESTAMP = 0;
        _setRewardsUpdater(rewardsUpdater_);
        _setActivationDelay(activationDelay_);
        _setDefaultOperatorSplit(defaultSplitBips_);
    }

    /// @notice Not supported: the fixture is configured by its constructor.
    function initialize(address, uint256, address, uint32, uint16, address) external {
        _unsupported("initialize");
    }

    // ------------------------------------------------------------------ roots

    /// @notice Posts a cumulative distribution root, claimable from now + activationDelay. Only the rewardsUpdater.
    function submitRoot(bytes32 root, uint32 rewardsCalculationEndTimestamp)
        external
        onlyWhenNotPaused(PAUSED_SUBMIT_DISABLE_ROOTS)
        nonReentrant
    {
        if (msg.sender != rewardsUpdater) revert UnauthorizedCaller();
        if (rewardsCalculationEndTimestamp <= currRewardsCalculationEndTimestamp) {
            revert NewRootMustBeForNewCalculatedPeriod();
        }
        if (rewardsCalculationEndTimestamp >= block.timestamp) revert RewardsEndTimestampNotElapsed();
        uint32 rootIndex = uint32(_distributionRoots.length);
        uint32 activatedAt = uint32(block.timestamp) + activationDelay;
        _distributionRoots.push(
            DistributionRoot({
                root: root,
                rewardsCalculationEndTimestamp: rewardsCalculationEndTimestamp,
                activatedAt: activatedAt,
                disabled: false
            })
        );
        currRewardsCalculationEndTimestamp = rewardsCalculationEndTimestamp;
        emit DistributionRootSubmitted(rootIndex, root, rewardsCalculationEndTimestamp, activatedAt);
    }

    /// @notice Disables a root that is not active yet. Only the rewardsUpdater.
    function disableRoot(uint32 rootIndex) external onlyWhenNotPaused(PAUSED_SUBMIT_DISABLE_ROOTS) {
        if (msg.sender != rewardsUpdater) revert UnauthorizedCaller();
        if (rootIndex >= _distributionRoots.length) revert InvalidRootIndex();
        DistributionRoot storage root = _distributionRoots[rootIndex];
        if (root.disabled) revert RootDisabled();
        if (block.timestamp >= root.activatedAt) revert RootAlreadyActivated();
        root.disabled = true;
        emit DistributionRootDisabled(rootIndex);
    }

    /// @notice How many roots were posted.
    function getDistributionRootsLength() external view returns (uint256) {
        return _distributionRoots.length;
    }

    /// @notice The root at `index`.
    function getDistributionRootAtIndex(uint256 index) external view returns (DistributionRoot memory) {
        return _distributionRoots[index];
    }

    /// @notice The latest root, which may not be active yet (all zero when none).
    function getCurrentDistributionRoot() external view returns (DistributionRoot memory root) {
        if (_distributionRoots.length != 0) root = _distributionRoots[_distributionRoots.length - 1];
    }

    /// @notice The latest root that is active and not disabled (all zero when none).
    function getCurrentClaimableDistributionRoot() external view returns (DistributionRoot memory root) {
        for (uint256 i = _distributionRoots.length; i > 0; --i) {
            DistributionRoot memory candidate = _distributionRoots[i - 1];
            if (!candidate.disabled && block.timestamp >= candidate.activatedAt) return candidate;
        }
    }

    /// @notice The index of the latest root equal to `rootHash`; reverts InvalidRoot when none.
    function getRootIndexFromHash(bytes32 rootHash) external view returns (uint32) {
        for (uint256 i = _distributionRoots.length; i > 0; --i) {
            if (_distributionRoots[i - 1].root == rootHash) return uint32(i - 1);
        }
        revert InvalidRoot();
    }

    // ------------------------------------------------------------------ claims

    /// @notice keccak256(abi.encodePacked(uint8(0), earner, earnerTokenRoot)).
    function calculateEarnerLeafHash(EarnerTreeMerkleLeaf calldata leaf) public pure returns (bytes32) {
        return keccak256(abi.encodePacked(EARNER_LEAF_SALT, leaf.earner, leaf.earnerTokenRoot));
    }

    /// @notice keccak256(abi.encodePacked(uint8(1), token, cumulativeEarnings)).
    function calculateTokenLeafHash(TokenTreeMerkleLeaf calldata leaf) public pure returns (bytes32) {
        return keccak256(abi.encodePacked(TOKEN_LEAF_SALT, leaf.token, leaf.cumulativeEarnings));
    }

    /// @notice Checks the root state and every proof of `claim`; reverts on failure, else true.
    ///         Does not check the caller or what was already claimed.
    function checkClaim(RewardsMerkleClaim calldata claim) public view returns (bool) {
        _checkClaim(claim, _distributionRoots[claim.rootIndex]);
        return true;
    }

    /// @notice Claims `claim` and sends what was earned since the last claim to `recipient`.
    ///         Caller: claimerFor(earner), or the earner when no claimer is set.
    function processClaim(RewardsMerkleClaim calldata claim, address recipient)
        external
        onlyWhenNotPaused(PAUSED_PROCESS_CLAIM)
        nonReentrant
    {
        _processClaim(claim, recipient);
    }

    /// @notice processClaim for several claims, one recipient.
    function processClaims(RewardsMerkleClaim[] calldata claims, address recipient)
        external
        onlyWhenNotPaused(PAUSED_PROCESS_CLAIM)
        nonReentrant
    {
        for (uint256 i = 0; i < claims.length; ++i) {
            _processClaim(claims[i], recipient);
        }
    }

    function _processClaim(RewardsMerkleClaim calldata claim, address recipient) internal {
        DistributionRoot memory root = _distributionRoots[claim.rootIndex];
        _checkClaim(claim, root);
        address earner = claim.earnerLeaf.earner;
        address claimer = claimerFor[earner];
        if (claimer == address(0)) claimer = earner;
        if (msg.sender != claimer) revert UnauthorizedCaller();
        for (uint256 i = 0; i < claim.tokenLeaves.length; ++i) {
            TokenTreeMerkleLeaf calldata leaf = claim.tokenLeaves[i];
            uint256 claimed = cumulativeClaimed[earner][leaf.token];
            if (leaf.cumulativeEarnings <= claimed) revert EarningsNotGreaterThanClaimed();
            uint256 amount = leaf.cumulativeEarnings - claimed;
            cumulativeClaimed[earner][leaf.token] = leaf.cumulativeEarnings;
            require(IERC20(leaf.token).transfer(recipient, amount), "RewardsCoordinator: transfer failed");
            emit RewardsClaimed(root.root, earner, claimer, recipient, leaf.token, amount);
        }
    }

    function _checkClaim(RewardsMerkleClaim calldata claim, DistributionRoot memory root) internal view {
        if (root.disabled) revert RootDisabled();
        if (block.timestamp < root.activatedAt) revert RootNotActivated();
        if (claim.tokenIndices.length != claim.tokenTreeProofs.length) revert InputArrayLengthMismatch();
        if (claim.tokenTreeProofs.length != claim.tokenLeaves.length) revert InputArrayLengthMismatch();
        if (claim.earnerIndex >= (uint256(1) << (claim.earnerTreeProof.length / 32))) revert InvalidEarnerLeafIndex();
        if (!_verify(claim.earnerTreeProof, root.root, calculateEarnerLeafHash(claim.earnerLeaf), claim.earnerIndex)) {
            revert InvalidClaimProof();
        }
        for (uint256 i = 0; i < claim.tokenIndices.length; ++i) {
            if (claim.tokenIndices[i] >= (uint256(1) << (claim.tokenTreeProofs[i].length / 32))) {
                revert InvalidTokenLeafIndex();
            }
            bytes32 leafHash = calculateTokenLeafHash(claim.tokenLeaves[i]);
            if (!_verify(claim.tokenTreeProofs[i], claim.earnerLeaf.earnerTokenRoot, leafHash, claim.tokenIndices[i])) {
                revert InvalidClaimProof();
            }
        }
    }

    /// @dev Index-ordered keccak Merkle inclusion: at each level the node is hashed on the left when
    ///      the index is even, on the right when odd; the index halves per level and must end at 0.
    function _verify(bytes calldata proof, bytes32 root, bytes32 leaf, uint256 index) internal pure returns (bool) {
        if (root == bytes32(0)) revert EmptyRoot();
        if (proof.length % 32 != 0) revert InvalidProofLength();
        bytes32 node = leaf;
        for (uint256 offset = 0; offset < proof.length; offset += 32) {
            bytes32 sibling = bytes32(proof[offset:offset + 32]);
            node = index % 2 == 0 ? keccak256(abi.encodePacked(node, sibling)) : keccak256(abi.encodePacked(sibling, node));
            index /= 2;
        }
        if (index != 0) revert InvalidIndex();
        return node == root;
    }

    // ------------------------------------------------------------------ claimers

    /// @notice Lets `claimer` claim for the caller.
    function setClaimerFor(address claimer) external {
        _setClaimer(msg.sender, claimer);
    }

    /// @notice Lets `claimer` claim for `earner`, an operator or an AVS with operator sets. Caller:
    ///         the earner itself (no appointees on the devnet).
    function setClaimerFor(address earner, address claimer) external {
        if (msg.sender != earner) revert InvalidPermissions();
        if (
            !DelegationManager(delegationManager).isOperator(earner)
                && AllocationManager(allocationManager).getOperatorSetCount(earner) == 0
        ) revert InvalidEarner();
        _setClaimer(earner, claimer);
    }

    function _setClaimer(address earner, address claimer) internal {
        address old = claimerFor[earner];
        claimerFor[earner] = claimer;
        emit ClaimerForSet(earner, old, claimer);
    }

    // ------------------------------------------------------------------ submissions

    /// @notice Funds AVS rewards: validates each submission, pulls its tokens from the caller (the AVS).
    function createAVSRewardsSubmission(RewardsSubmission[] calldata rewardsSubmissions)
        external
        onlyWhenNotPaused(PAUSED_AVS_REWARDS_SUBMISSION)
        nonReentrant
    {
        for (uint256 i = 0; i < rewardsSubmissions.length; ++i) {
            bytes32 hash = _takeSubmission(rewardsSubmissions[i]);
            isAVSRewardsSubmissionHash[msg.sender][hash] = true;
            emit AVSRewardsSubmissionCreated(msg.sender, submissionNonce[msg.sender] - 1, hash, rewardsSubmissions[i]);
        }
    }

    /// @notice Funds rewards for all stakers. Only rewards-for-all submitters.
    function createRewardsForAllSubmission(RewardsSubmission[] calldata rewardsSubmissions)
        external
        onlyWhenNotPaused(PAUSED_REWARDS_FOR_ALL_SUBMISSION)
        nonReentrant
    {
        if (!isRewardsForAllSubmitter[msg.sender]) revert UnauthorizedCaller();
        for (uint256 i = 0; i < rewardsSubmissions.length; ++i) {
            bytes32 hash = _takeSubmission(rewardsSubmissions[i]);
            isRewardsSubmissionForAllHash[msg.sender][hash] = true;
            emit RewardsSubmissionForAllCreated(msg.sender, submissionNonce[msg.sender] - 1, hash, rewardsSubmissions[i]);
        }
    }

    /// @notice Funds rewards for all earners. Only rewards-for-all submitters.
    function createRewardsForAllEarners(RewardsSubmission[] calldata rewardsSubmissions)
        external
        onlyWhenNotPaused(PAUSED_REWARD_ALL_STAKERS_AND_OPERATORS)
        nonReentrant
    {
        if (!isRewardsForAllSubmitter[msg.sender]) revert UnauthorizedCaller();
        for (uint256 i = 0; i < rewardsSubmissions.length; ++i) {
            bytes32 hash = _takeSubmission(rewardsSubmissions[i]);
            isRewardsSubmissionForAllEarnersHash[msg.sender][hash] = true;
            emit RewardsSubmissionForAllEarnersCreated(
                msg.sender, submissionNonce[msg.sender] - 1, hash, rewardsSubmissions[i]
            );
        }
    }

    /// @notice Not supported on the devnet.
    function createOperatorDirectedAVSRewardsSubmission(address, OperatorDirectedRewardsSubmission[] calldata) external {
        _unsupported("createOperatorDirectedAVSRewardsSubmission");
    }

    /// @notice Not supported on the devnet.
    function createOperatorDirectedOperatorSetRewardsSubmission(
        OperatorSet calldata,
        OperatorDirectedRewardsSubmission[] calldata
    ) external {
        _unsupported("createOperatorDirectedOperatorSetRewardsSubmission");
    }

    /// @notice Not supported on the devnet.
    function createUniqueStakeRewardsSubmission(OperatorSet calldata, RewardsSubmission[] calldata) external {
        _unsupported("createUniqueStakeRewardsSubmission");
    }

    /// @notice Not supported on the devnet.
    function createTotalStakeRewardsSubmission(OperatorSet calldata, RewardsSubmission[] calldata) external {
        _unsupported("createTotalStakeRewardsSubmission");
    }

    /// @notice Not supported on the devnet.
    function createEigenDARewardsSubmission(address, RewardsSubmission[] calldata) external {
        _unsupported("createEigenDARewardsSubmission");
    }

    function _takeSubmission(RewardsSubmission calldata submission) internal returns (bytes32 hash) {
        _validate(submission);
        uint256 nonce = submissionNonce[msg.sender];
        hash = keccak256(abi.encode(msg.sender, nonce, submission));
        submissionNonce[msg.sender] = nonce + 1;
        require(
            IERC20(submission.token).transferFrom(msg.sender, address(this), submission.amount),
            "RewardsCoordinator: transferFrom failed"
        );
    }

    function _validate(RewardsSubmission calldata submission) internal view {
        if (submission.strategiesAndMultipliers.length == 0) revert InputArrayLengthZero();
        if (submission.amount == 0) revert AmountIsZero();
        if (submission.amount > MAX_REWARDS_AMOUNT) revert AmountExceedsMax();
        if (submission.duration == 0) revert DurationIsZero();
        if (submission.duration > MAX_REWARDS_DURATION) revert DurationExceedsMax();
        if (submission.duration % CALCULATION_INTERVAL_SECONDS != 0) revert InvalidDurationRemainder();
        if (submission.startTimestamp % CALCULATION_INTERVAL_SECONDS != 0) revert InvalidStartTimestampRemainder();
        if (
            uint256(submission.startTimestamp) + MAX_RETROACTIVE_LENGTH < block.timestamp
                || submission.startTimestamp < GENESIS_REWARDS_TIMESTAMP
        ) revert StartTimestampTooFarInPast();
        if (submission.startTimestamp > block.timestamp + MAX_FUTURE_LENGTH) revert StartTimestampTooFarInFuture();
        address previous = address(0);
        for (uint256 i = 0; i < submission.strategiesAndMultipliers.length; ++i) {
            address strategy = submission.strategiesAndMultipliers[i].strategy;
            if (
                strategy != BEACON_CHAIN_ETH_STRATEGY
                    && !StrategyManager(strategyManager).strategyIsWhitelistedForDeposit(strategy)
            ) revert StrategyNotWhitelisted();
            if (strategy <= previous) revert StrategiesNotInAscendingOrder();
            previous = strategy;
        }
    }

    // ------------------------------------------------------------------ splits

    /// @notice The operator's split for `avs` rewards, in bips.
    function getOperatorAVSSplit(address operator, address avs) external view returns (uint16) {
        return _splitNow(_avsSplits[operator][avs]);
    }

    /// @notice The operator's split for programmatic incentives, in bips.
    function getOperatorPISplit(address operator) external view returns (uint16) {
        return _splitNow(_piSplits[operator]);
    }

    /// @notice The operator's split for `operatorSet` rewards, in bips.
    function getOperatorSetSplit(address operator, OperatorSet calldata operatorSet) external view returns (uint16) {
        return _splitNow(_setSplits[operator][_key(operatorSet)]);
    }

    /// @notice Sets the operator's split for `avs`, effective after activationDelay. Only the operator.
    function setOperatorAVSSplit(address operator, address avs, uint16 split)
        external
        onlyWhenNotPaused(PAUSED_OPERATOR_AVS_SPLIT)
    {
        if (msg.sender != operator) revert InvalidPermissions();
        (uint32 activatedAt, uint16 old) = _setSplit(_avsSplits[operator][avs], split);
        emit OperatorAVSSplitBipsSet(msg.sender, operator, avs, activatedAt, old, split);
    }

    /// @notice Sets the operator's programmatic-incentive split, effective after activationDelay. Only the operator.
    function setOperatorPISplit(address operator, uint16 split) external onlyWhenNotPaused(PAUSED_OPERATOR_PI_SPLIT) {
        if (msg.sender != operator) revert InvalidPermissions();
        (uint32 activatedAt, uint16 old) = _setSplit(_piSplits[operator], split);
        emit OperatorPISplitBipsSet(msg.sender, operator, activatedAt, old, split);
    }

    /// @notice Sets the operator's split for `operatorSet`, effective after activationDelay. Only the operator.
    function setOperatorSetSplit(address operator, OperatorSet calldata operatorSet, uint16 split)
        external
        onlyWhenNotPaused(PAUSED_OPERATOR_SET_SPLIT)
    {
        if (msg.sender != operator) revert InvalidPermissions();
        if (!AllocationManager(allocationManager).isOperatorSet(operatorSet)) revert InvalidOperatorSet();
        (uint32 activatedAt, uint16 old) = _setSplit(_setSplits[operator][_key(operatorSet)], split);
        emit OperatorSetSplitBipsSet(msg.sender, operator, operatorSet, activatedAt, old, split);
    }

    function _splitNow(OperatorSplit memory split) internal view returns (uint16) {
        if (split.activatedAt == 0) return defaultOperatorSplitBips;
        return block.timestamp >= split.activatedAt ? split.newSplitBips : split.oldSplitBips;
    }

    function _setSplit(OperatorSplit storage split, uint16 newSplit) internal returns (uint32 activatedAt, uint16 old) {
        if (newSplit > ONE_HUNDRED_IN_BIPS) revert SplitExceedsMax();
        if (split.activatedAt != 0 && block.timestamp < split.activatedAt) revert PreviousSplitPending();
        old = _splitNow(split);
        activatedAt = uint32(block.timestamp) + activationDelay;
        split.oldSplitBips = old;
        split.newSplitBips = newSplit;
        split.activatedAt = activatedAt;
    }

    function _key(OperatorSet calldata operatorSet) internal pure returns (bytes32) {
        return bytes32(abi.encodePacked(operatorSet.avs, uint96(operatorSet.id)));
    }

    // ------------------------------------------------------------------ admin

    /// @notice Changes the rewardsUpdater. Only the owner.
    function setRewardsUpdater(address _rewardsUpdater) external onlyOwner {
        _setRewardsUpdater(_rewardsUpdater);
    }

    /// @notice Changes the activation delay (seconds). Only the owner.
    function setActivationDelay(uint32 _activationDelay) external onlyOwner {
        _setActivationDelay(_activationDelay);
    }

    /// @notice Changes the default operator split (bips). Only the owner.
    function setDefaultOperatorSplit(uint16 split) external onlyOwner {
        _setDefaultOperatorSplit(split);
    }

    /// @notice Allows or disallows rewards-for-all submissions by `_submitter`. Only the owner.
    function setRewardsForAllSubmitter(address _submitter, bool _newValue) external onlyOwner {
        emit RewardsForAllSubmitterSet(_submitter, isRewardsForAllSubmitter[_submitter], _newValue);
        isRewardsForAllSubmitter[_submitter] = _newValue;
    }

    /// @notice Changes the protocol fee recipient. Only the owner.
    function setFeeRecipient(address _feeRecipient) external onlyOwner {
        if (_feeRecipient == address(0)) revert InputAddressZero();
        emit FeeRecipientSet(feeRecipient, _feeRecipient);
        feeRecipient = _feeRecipient;
    }

    /// @notice Not supported: the devnet takes no protocol fee.
    function setOptInForProtocolFee(address, bool) external {
        _unsupported("setOptInForProtocolFee");
    }

    function _setRewardsUpdater(address newUpdater) internal {
        emit RewardsUpdaterSet(rewardsUpdater, newUpdater);
        rewardsUpdater = newUpdater;
    }

    function _setActivationDelay(uint32 newDelay) internal {
        emit ActivationDelaySet(activationDelay, newDelay);
        activationDelay = newDelay;
    }

    function _setDefaultOperatorSplit(uint16 split) internal {
        if (split > ONE_HUNDRED_IN_BIPS) revert SplitExceedsMax();
        emit DefaultOperatorSplitBipsSet(defaultOperatorSplitBips, split);
        defaultOperatorSplitBips = split;
    }
}
