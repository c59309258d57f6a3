// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {OperatorSet, SignatureWithExpiry} from "abi/eigenlayer/EigenLayerCommon.sol";
import {IDelegationManager} from "abi/eigenlayer/IDelegationManager.sol";
import {
    BEACON_CHAIN_ETH_STRATEGY,
    divWad,
    mulDivUp,
    mulWad,
    mulWadRoundUp,
    FixturePausable,
    FixtureReentrancyGuard,
    FixtureSignatureUtils,
    WAD
} from "./FixtureSupport.sol";
import {StrategyManager} from "./StrategyManager.sol";
import {AllocationManager} from "./AllocationManager.sol";
import {EigenPodManager} from "./EigenPodManager.sol";

/// @title DelegationManager (devnet fixture)
/// @notice EigenLayer's DelegationManager with the slashing-era accounting:
///         - operators (registered operators are delegated to themselves), delegation with an
///           optional delegationApprover EIP-712 signature and one-time salt, undelegation and
///           redelegation through the withdrawal queue;
///         - deposit shares vs withdrawable shares: withdrawable = depositShares x dsf x slashingFactor
///           (WAD math, rounding down), where slashingFactor is the operator's max magnitude in the
///           AllocationManager (times the staker's beacon-chain slashing factor for beaconChainETH), and
///           the deposit scaling factor dsf is updated on deposits and delegation and reset at zero;
///         - queued withdrawals keyed by keccak256(abi.encode(withdrawal)), completable strictly after
///           startBlock + minWithdrawalDelayBlocks, paying scaledShares x slashingFactor at
///           slashableUntil = startBlock + delay (read from the AllocationManager's max-magnitude history);
///         - slashing of operator shares and of the queued shares that are still slashable.
///         Events as upstream, in its order: `DepositScalingFactorUpdated(staker, strategy, WAD)` when a queued
///         withdrawal or an undelegation empties a strategy; in a slash, `OperatorSharesDecreased(operator,
///         address(0), strategy, shares)` then `OperatorSharesSlashed`; `SlashingWithdrawalCompleted` first in a
///         completion, before the shares or tokens move.
/// @dev Deviations: deployed directly with constructor arguments (upstream: proxy + `initialize`,
///      which reverts here); no PermissionController, so only the operator itself may act for the
///      operator (`permissionController()` is address(0)). Pausable
///      flags as upstream: 0 new delegations (delegateTo, redelegate), 1 entering the withdrawal queue
///      (queueWithdrawals, undelegate, redelegate), 2 completing withdrawals; no PauserRegistry (the
///      deployer pauses, see FixturePausable).
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract DelegationManager is
    IDelegationManager,
    FixturePausable,
    FixtureReentrancyGuard,
    FixtureSignatureUtils
{
    uint8 internal constant PAUSED_NEW_DELEGATION = 0;
    uint8 internal constant PAUSED_ENTER_WITHDRAWAL_QUEUE = 1;
    uint8 internal constant PAUSED_EXIT_WITHDRAWAL_QUEUE = 2;

    using {divWad, mulDivUp, mulWad, mulWadRoundUp} for uint256;

    /// @notice The EIP-712 typehash of a delegation approval signed by an operator's delegationApprover.
    bytes32 public constant DELEGATION_APPROVAL_TYPEHASH = keccak256(
        "DelegationApproval(address delegationApprover,address staker,address operator,bytes32 salt,uint256 expiry)"
    );

    /// @notice The beaconChainETH strategy sentinel (not a contract).
    address public constant beaconChainETHStrategy = BEACON_CHAIN_ETH_STRATEGY;

    /// @notice The StrategyManager (share manager of every strategy but beaconChainETH).
    address public immutable strategyManager;

    /// @notice The EigenPodManager (share manager of beaconChainETH).
    address public immutable eigenPodManager;

    /// @notice The AllocationManager (max magnitudes, the only caller of slashOperatorShares).
    address public immutable allocationManager;

    /// @notice Not used by the fixture (no user access management): address(0).
    address public immutable permissionController;

    uint32 internal immutable MIN_WITHDRAWAL_DELAY_BLOCKS;

    /// @notice Shares delegated to `operator` in `strategy`: the sum of its stakers' withdrawable shares.
    mapping(address operator => mapping(address strategy => uint256 shares)) public operatorShares;

    /// @notice The operator `staker` is delegated to, or address(0).
    mapping(address staker => address) public delegatedTo;

    /// @notice Whether `delegationApprover` already used `salt`.
    mapping(address delegationApprover => mapping(bytes32 salt => bool)) public delegationApproverSaltIsSpent;

    /// @notice Withdrawals queued so far by `staker` (the next withdrawal's nonce).
    mapping(address staker => uint256) public cumulativeWithdrawalsQueued;

    /// @notice Whether a withdrawal with this root is queued and not completed.
    mapping(bytes32 withdrawalRoot => bool pending) public pendingWithdrawals;

    mapping(address operator => address) private _approverOf;
    mapping(address staker => mapping(address strategy => uint256)) private _dsf; // 0 means WAD
    mapping(bytes32 withdrawalRoot => Withdrawal) private _queuedWithdrawals;
    mapping(address staker => bytes32[]) private _stakerRoots;
    mapping(bytes32 withdrawalRoot => uint256) private _rootPosition; // index + 1 in _stakerRoots

    struct CumulativeShares {
        uint32 blockNumber;
        uint224 value;
    }

    /// @dev Cumulative scaled shares queued for withdrawal, per operator and strategy, by block.
    mapping(address operator => mapping(address strategy => CumulativeShares[])) private _queuedScaledShares;

    /// @param strategyManager_ the StrategyManager
    /// @param eigenPodManager_ the EigenPodManager
    /// @param allocationManager_ the AllocationManager
    /// @param minWithdrawalDelayBlocks_ blocks a withdrawal waits (completable at startBlock + delay + 1)
    /// @param version_ semantic version, e.g. "1.12.0"; its first character is the EIP-712 domain version
    constructor(
        address strategyManager_,
        address eigenPodManager_,
        address allocationManager_,
        uint32 minWithdrawalDelayBlocks_,
        string memory version_
    ) FixtureSignatureUtils(version_) {
        if (strategyManager_ == address(0) || eigenPodManager_ == address(0) || allocationManager_ == address(0)) {
            revert InputAddressZero();
        }
        strategyManager = strategyManager_;
        eigenPodManager = eigenPodManager_;
        allocationManager = allocationManager_;
        MIN_WITHDRAWAL_DELAY_BLOCKS = minWithdrawalDelayBlocks_;
    }

    modifier onlyAllocationManager() {
        if (msg.sender != allocationManager) revert OnlyAllocationManager();
        _;
    }

    /// @notice Not supported: the fixture is configured by its constructor.
    function initialize(uint256) external {
        _unsupported("initialize");
    }

    // ------------------------------------------------------------------ operators

    /// @notice Registers the caller as an operator delegated to itself, with an optional
    ///         delegationApprover and its allocation delay (forwarded to the AllocationManager).
    function registerAsOperator(address initDelegationApprover, uint32 allocationDelay, string calldata metadataURI)
        external
        nonReentrant
    {
        if (isDelegated(msg.sender)) revert ActivelyDelegated();
        AllocationManager(allocationManager).setAllocationDelay(msg.sender, allocationDelay);
        _setDelegationApprover(msg.sender, initDelegationApprover);
        _delegate(msg.sender, msg.sender);
        emit OperatorRegistered(msg.sender, initDelegationApprover);
        emit OperatorMetadataURIUpdated(msg.sender, metadataURI);
    }

    /// @notice Changes `operator`'s delegationApprover. Only the operator.
    function modifyOperatorDetails(address operator, address newDelegationApprover) external nonReentrant {
        _checkCanCall(operator);
        if (!isOperator(operator)) revert OperatorNotRegistered();
        _setDelegationApprover(operator, newDelegationApprover);
    }

    /// @notice Emits a new metadata URI for `operator`. Only the operator.
    function updateOperatorMetadataURI(address operator, string calldata metadataURI) external {
        _checkCanCall(operator);
        if (!isOperator(operator)) revert OperatorNotRegistered();
        emit OperatorMetadataURIUpdated(operator, metadataURI);
    }

    // ------------------------------------------------------------------ delegation

    /// @notice Delegates the caller and all its deposit shares to `operator`. When the operator has a
    ///         delegationApprover, `approverSignatureAndExpiry` must be its signature over
    ///         calculateDelegationApprovalDigestHash(caller, operator, approver, approverSalt, expiry).
    function delegateTo(
        address operator,
        SignatureWithExpiry memory approverSignatureAndExpiry,
        bytes32 approverSalt
    ) external nonReentrant onlyWhenNotPaused(PAUSED_NEW_DELEGATION) {
        if (isDelegated(msg.sender)) revert ActivelyDelegated();
        if (!isOperator(operator)) revert OperatorNotRegistered();
        _checkApproverSignature(msg.sender, operator, approverSignatureAndExpiry, approverSalt);
        _delegate(msg.sender, operator);
    }

    /// @notice Undelegates `staker`, queueing one withdrawal per strategy it holds. Callable by the
    ///         staker, its operator or the operator's delegationApprover.
    /// @return withdrawalRoots the roots of the queued withdrawals
    function undelegate(address staker)
        external
        nonReentrant
        onlyWhenNotPaused(PAUSED_ENTER_WITHDRAWAL_QUEUE)
        returns (bytes32[] memory withdrawalRoots) {
        if (!isDelegated(staker)) revert NotActivelyDelegated();
        if (isOperator(staker)) revert OperatorsCannotUndelegate();
        address operator = delegatedTo[staker];
        if (msg.sender != staker && msg.sender != operator && msg.sender != _approverOf[operator]) {
            revert CallerCannotUndelegate();
        }
        if (msg.sender != staker) emit StakerForceUndelegated(staker, operator);
        emit StakerUndelegated(staker, operator);
        return _undelegate(staker, operator);
    }

    /// @notice undelegate(caller) followed by delegateTo(newOperator, ...).
    /// @return withdrawalRoots the roots of the withdrawals queued by the undelegation
    function redelegate(address newOperator, SignatureWithExpiry memory newOperatorApproverSig, bytes32 approverSalt)
        external
        nonReentrant
        onlyWhenNotPaused(PAUSED_ENTER_WITHDRAWAL_QUEUE)
        onlyWhenNotPaused(PAUSED_NEW_DELEGATION)
        returns (bytes32[] memory withdrawalRoots)
    {
        if (!isDelegated(msg.sender)) revert NotActivelyDelegated();
        if (isOperator(msg.sender)) revert OperatorsCannotUndelegate();
        if (!isOperator(newOperator)) revert OperatorNotRegistered();
        address operator = delegatedTo[msg.sender];
        emit StakerUndelegated(msg.sender, operator);
        withdrawalRoots = _undelegate(msg.sender, operator);
        _checkApproverSignature(msg.sender, newOperator, newOperatorApproverSig, approverSalt);
        _delegate(msg.sender, newOperator);
    }

    /// @notice The EIP-712 digest a delegationApprover signs to let `staker` delegate to `operator`.
    function calculateDelegationApprovalDigestHash(
        address staker,
        address operator,
        address _delegationApprover,
        bytes32 approverSalt,
        uint256 expiry
    ) public view returns (bytes32) {
        return _calculateSignableDigest(
            keccak256(
                abi.encode(DELEGATION_APPROVAL_TYPEHASH, _delegationApprover, staker, operator, approverSalt, expiry)
            )
        );
    }

    function _checkApproverSignature(
        address staker,
        address operator,
        SignatureWithExpiry memory signature,
        bytes32 salt
    ) internal {
        address approver = _approverOf[operator];
        if (approver == address(0)) return;
        if (delegationApproverSaltIsSpent[approver][salt]) revert SaltSpent();
        _checkIsValidSignatureNow(
            approver,
            calculateDelegationApprovalDigestHash(staker, operator, approver, salt, signature.expiry),
            signature.signature,
            signature.expiry
        );
        delegationApproverSaltIsSpent[approver][salt] = true;
    }

    function _delegate(address staker, address operator) internal {
        delegatedTo[staker] = operator;
        emit StakerDelegated(staker, operator);
        (address[] memory strategies, uint256[] memory depositShares) = getDepositedShares(staker);
        uint256[] memory slashingFactors = _slashingFactors(staker, operator, strategies);
        for (uint256 i = 0; i < strategies.length; ++i) {
            _increaseDelegation(operator, staker, strategies[i], 0, depositShares[i], slashingFactors[i]);
        }
    }

    function _undelegate(address staker, address operator) internal returns (bytes32[] memory roots) {
        delegatedTo[staker] = address(0);
        (address[] memory strategies, uint256[] memory depositShares) = getDepositedShares(staker);
        roots = new bytes32[](strategies.length);
        uint256[] memory slashingFactors = _slashingFactors(staker, operator, strategies);
        for (uint256 i = 0; i < strategies.length; ++i) {
            address[] memory one = new address[](1);
            uint256[] memory shares = new uint256[](1);
            uint256[] memory factor = new uint256[](1);
            one[0] = strategies[i];
            shares[0] = depositShares[i];
            factor[0] = slashingFactors[i];
            roots[i] = _removeSharesAndQueueWithdrawal(staker, operator, one, shares, factor);
        }
    }

    function _setDelegationApprover(address operator, address approver) internal {
        _approverOf[operator] = approver;
        emit DelegationApproverUpdated(operator, approver);
    }

    function _checkCanCall(address account) internal view {
        if (msg.sender != account) revert InvalidPermissions();
    }

    // ------------------------------------------------------------------ share hooks

    /// @notice Called by the StrategyManager or EigenPodManager after a deposit: updates the
    ///         staker's deposit scaling factor and its operator's shares.
    function increaseDelegatedShares(address staker, address strategy, uint256 prevDepositShares, uint256 addedShares)
        external
        nonReentrant
    {
        if (msg.sender != strategyManager && msg.sender != eigenPodManager) {
            revert OnlyStrategyManagerOrEigenPodManager();
        }
        address operator = delegatedTo[staker];
        uint256 slashingFactor = _slashingFactor(staker, strategy, _maxMagnitude(operator, strategy));
        _increaseDelegation(operator, staker, strategy, prevDepositShares, addedShares, slashingFactor);
    }

    /// @notice Called by the EigenPodManager when a pod owner's beacon-chain slashing factor drops:
    ///         removes the lost shares from the operator.
    function decreaseDelegatedShares(address staker, uint256 curDepositShares, uint64 beaconChainSlashingFactorDecrease)
        external
        nonReentrant
    {
        if (msg.sender != eigenPodManager) revert OnlyEigenPodManager();
        address operator = delegatedTo[staker];
        if (operator == address(0)) return;
        uint256 lost = curDepositShares.mulWad(_scalingFactor(staker, BEACON_CHAIN_ETH_STRATEGY)).mulWad(
            _maxMagnitude(operator, BEACON_CHAIN_ETH_STRATEGY)
        ).mulWad(beaconChainSlashingFactorDecrease);
        _decreaseDelegation(operator, staker, BEACON_CHAIN_ETH_STRATEGY, lost);
    }

    /// @notice Called by the AllocationManager when `operator` is slashed in `strategy`: removes the
    ///         slashed share of the operator's shares and of its still-slashable queued shares, and
    ///         hands them to the share manager to burn or redistribute.
    /// @return totalDepositSharesToSlash the shares slashed (delegated + queued)
    function slashOperatorShares(
        address operator,
        OperatorSet calldata operatorSet,
        uint256 slashId,
        address strategy,
        uint64 prevMaxMagnitude,
        uint64 newMaxMagnitude
    ) external onlyAllocationManager nonReentrant returns (uint256 totalDepositSharesToSlash) {
        uint256 current = operatorShares[operator][strategy];
        uint256 operatorSharesSlashed = current - current.mulDivUp(newMaxMagnitude, prevMaxMagnitude);
        uint256 queuedSlashed = _slashableSharesInQueue(operator, strategy, prevMaxMagnitude, newMaxMagnitude);
        totalDepositSharesToSlash = operatorSharesSlashed + queuedSlashed;
        _decreaseDelegation(operator, address(0), strategy, operatorSharesSlashed); // upstream: staker address(0)
        emit OperatorSharesSlashed(operator, strategy, totalDepositSharesToSlash);
        if (totalDepositSharesToSlash != 0) {
            address manager = strategy == BEACON_CHAIN_ETH_STRATEGY ? eigenPodManager : strategyManager;
            StrategyManager(manager).increaseBurnOrRedistributableShares(
                operatorSet, slashId, strategy, totalDepositSharesToSlash
            );
        }
    }

    function _increaseDelegation(
        address operator,
        address staker,
        address strategy,
        uint256 prevDepositShares,
        uint256 addedShares,
        uint256 slashingFactor
    ) internal {
        if (slashingFactor == 0) revert FullySlashed();
        uint256 dsf;
        if (prevDepositShares == 0) {
            dsf = uint256(WAD).divWad(slashingFactor);
        } else {
            uint256 currentShares = prevDepositShares.mulWad(_scalingFactor(staker, strategy)).mulWad(slashingFactor);
            dsf = (currentShares + addedShares).divWad(prevDepositShares + addedShares).divWad(slashingFactor);
        }
        _dsf[staker][strategy] = dsf;
        emit DepositScalingFactorUpdated(staker, strategy, dsf);
        uint256 delegated = addedShares.mulWad(dsf).mulWad(slashingFactor);
        if (operator != address(0)) {
            operatorShares[operator][strategy] += delegated;
            emit OperatorSharesIncreased(operator, staker, strategy, delegated);
        }
    }

    function _decreaseDelegation(address operator, address staker, address strategy, uint256 shares) internal {
        operatorShares[operator][strategy] -= shares;
        emit OperatorSharesDecreased(operator, staker, strategy, shares);
    }

    // ------------------------------------------------------------------ withdrawals

    /// @notice Queues withdrawals of the caller's deposit shares (inputs are deposit shares, not
    ///         withdrawable shares; `__deprecated_withdrawer` is ignored: the withdrawer is the caller).
    /// @return roots the withdrawal roots, one per entry
    function queueWithdrawals(QueuedWithdrawalParams[] calldata params)
        external
        nonReentrant
        onlyWhenNotPaused(PAUSED_ENTER_WITHDRAWAL_QUEUE)
        returns (bytes32[] memory roots) {
        roots = new bytes32[](params.length);
        address operator = delegatedTo[msg.sender];
        for (uint256 i = 0; i < params.length; ++i) {
            if (params[i].strategies.length != params[i].depositShares.length) revert InputArrayLengthMismatch();
            uint256[] memory slashingFactors = _slashingFactors(msg.sender, operator, params[i].strategies);
            roots[i] = _removeSharesAndQueueWithdrawal(
                msg.sender, operator, params[i].strategies, params[i].depositShares, slashingFactors
            );
        }
    }

    function _removeSharesAndQueueWithdrawal(
        address staker,
        address operator,
        address[] memory strategies,
        uint256[] memory depositShares,
        uint256[] memory slashingFactors
    ) internal returns (bytes32 root) {
        if (staker == address(0)) revert InputAddressZero();
        if (strategies.length == 0) revert InputArrayLengthZero();
        uint256[] memory scaledShares = new uint256[](strategies.length);
        uint256[] memory withdrawableShares = new uint256[](strategies.length);
        for (uint256 i = 0; i < strategies.length; ++i) {
            uint256 dsf = _scalingFactor(staker, strategies[i]);
            scaledShares[i] = depositShares[i].mulWad(dsf);
            withdrawableShares[i] = depositShares[i].mulWad(dsf).mulWad(slashingFactors[i]);
            if (operator != address(0)) {
                _addQueuedSlashableShares(operator, strategies[i], scaledShares[i]);
                _decreaseDelegation(operator, staker, strategies[i], withdrawableShares[i]);
            }
            uint256 left = _shareManager(strategies[i]).removeDepositShares(staker, strategies[i], depositShares[i]);
            if (left == 0) { // the strategy is empty: its scaling factor resets, as upstream, with the event
                delete _dsf[staker][strategies[i]];
                emit DepositScalingFactorUpdated(staker, strategies[i], WAD);
            }
        }
        Withdrawal memory withdrawal = Withdrawal({
            staker: staker,
            delegatedTo: operator,
            withdrawer: staker,
            nonce: cumulativeWithdrawalsQueued[staker],
            startBlock: uint32(block.number),
            strategies: strategies,
            scaledShares: scaledShares
        });
        root = calculateWithdrawalRoot(withdrawal);
        cumulativeWithdrawalsQueued[staker] += 1;
        _queuedWithdrawals[root] = withdrawal;
        pendingWithdrawals[root] = true;
        _stakerRoots[staker].push(root);
        _rootPosition[root] = _stakerRoots[staker].length;
        emit SlashingWithdrawalQueued(root, withdrawal, withdrawableShares);
    }

    /// @notice Completes a queued withdrawal (caller = its withdrawer, strictly after
    ///         startBlock + minWithdrawalDelayBlocks): as tokens to the staker, or as shares
    ///         re-delegated to the staker's current operator. `tokens` must match `strategies`.
    function completeQueuedWithdrawal(Withdrawal calldata withdrawal, address[] calldata tokens, bool receiveAsTokens)
        external
        nonReentrant
        onlyWhenNotPaused(PAUSED_EXIT_WITHDRAWAL_QUEUE)
    {
        _completeQueuedWithdrawal(withdrawal, tokens, receiveAsTokens);
    }

    /// @notice completeQueuedWithdrawal for several withdrawals.
    function completeQueuedWithdrawals(
        Withdrawal[] calldata withdrawals,
        address[][] calldata tokens,
        bool[] calldata receiveAsTokens
    ) external nonReentrant onlyWhenNotPaused(PAUSED_EXIT_WITHDRAWAL_QUEUE) {
        if (withdrawals.length != tokens.length || withdrawals.length != receiveAsTokens.length) {
            revert InputArrayLengthMismatch();
        }
        for (uint256 i = 0; i < withdrawals.length; ++i) {
            _completeQueuedWithdrawal(withdrawals[i], tokens[i], receiveAsTokens[i]);
        }
    }

    function _completeQueuedWithdrawal(Withdrawal calldata withdrawal, address[] calldata tokens, bool receiveAsTokens)
        internal
    {
        if (tokens.length != withdrawal.strategies.length) revert InputArrayLengthMismatch();
        if (msg.sender != withdrawal.withdrawer) revert WithdrawerNotCaller();
        bytes32 root = calculateWithdrawalRoot(withdrawal);
        if (!pendingWithdrawals[root]) revert WithdrawalNotQueued();
        uint32 slashableUntil = withdrawal.startBlock + MIN_WITHDRAWAL_DELAY_BLOCKS;
        if (block.number <= slashableUntil) revert WithdrawalDelayNotElapsed();
        uint256[] memory prevFactors =
            _slashingFactorsAtBlock(withdrawal.staker, withdrawal.delegatedTo, withdrawal.strategies, slashableUntil);
        _forget(withdrawal.staker, root);
        emit SlashingWithdrawalCompleted(root); // before the shares move, as upstream
        address newOperator = delegatedTo[withdrawal.staker];
        uint256[] memory newFactors;
        if (!receiveAsTokens) newFactors = _slashingFactors(withdrawal.staker, newOperator, withdrawal.strategies);
        for (uint256 i = 0; i < withdrawal.strategies.length; ++i) {
            uint256 shares = withdrawal.scaledShares[i].mulWad(prevFactors[i]);
            if (shares == 0) continue;
            address strategy = withdrawal.strategies[i];
            if (receiveAsTokens) {
                _shareManager(strategy).withdrawSharesAsTokens(withdrawal.staker, strategy, tokens[i], shares);
            } else {
                (uint256 prevDepositShares, uint256 added) =
                    _shareManager(strategy).addShares(withdrawal.staker, strategy, shares);
                _increaseDelegation(newOperator, withdrawal.staker, strategy, prevDepositShares, added, newFactors[i]);
            }
        }
    }

    function _forget(address staker, bytes32 root) internal {
        delete pendingWithdrawals[root];
        delete _queuedWithdrawals[root];
        bytes32[] storage roots = _stakerRoots[staker];
        uint256 position = _rootPosition[root];
        if (position != 0) {
            bytes32 last = roots[roots.length - 1];
            roots[position - 1] = last;
            _rootPosition[last] = position;
            roots.pop();
            delete _rootPosition[root];
        }
    }

    function _addQueuedSlashableShares(address operator, address strategy, uint256 scaledShares) internal {
        CumulativeShares[] storage history = _queuedScaledShares[operator][strategy];
        uint256 latest = history.length == 0 ? 0 : history[history.length - 1].value;
        uint224 value = uint224(latest + scaledShares);
        if (history.length != 0 && history[history.length - 1].blockNumber == uint32(block.number)) {
            history[history.length - 1].value = value;
        } else {
            history.push(CumulativeShares({blockNumber: uint32(block.number), value: value}));
        }
    }

    /// @dev Queued scaled shares still slashable now (queued at a block >= block.number - delay),
    ///      scaled by the magnitude being slashed.
    function _slashableSharesInQueue(address operator, address strategy, uint64 prevMaxMagnitude, uint64 newMaxMagnitude)
        internal
        view
        returns (uint256)
    {
        CumulativeShares[] storage history = _queuedScaledShares[operator][strategy];
        if (history.length == 0) return 0;
        uint256 latest = history[history.length - 1].value;
        uint256 before = 0;
        if (block.number > uint256(MIN_WITHDRAWAL_DELAY_BLOCKS) + 1) {
            uint256 key = block.number - MIN_WITHDRAWAL_DELAY_BLOCKS - 1;
            for (uint256 i = history.length; i > 0; --i) {
                if (history[i - 1].blockNumber <= key) {
                    before = history[i - 1].value;
                    break;
                }
            }
        }
        return (latest - before).mulWad(prevMaxMagnitude - newMaxMagnitude);
    }

    // ------------------------------------------------------------------ views

    /// @notice Queued shares of `operator` in `strategy` that can still be slashed.
    function getSlashableSharesInQueue(address operator, address strategy) external view returns (uint256) {
        return _slashableSharesInQueue(operator, strategy, _maxMagnitude(operator, strategy), 0);
    }

    /// @notice keccak256(abi.encode(withdrawal)).
    function calculateWithdrawalRoot(Withdrawal memory withdrawal) public pure returns (bytes32) {
        return keccak256(abi.encode(withdrawal));
    }

    /// @notice The queued withdrawal stored under `withdrawalRoot` (zeroes if none).
    function queuedWithdrawals(bytes32 withdrawalRoot) external view returns (Withdrawal memory withdrawal) {
        return _queuedWithdrawals[withdrawalRoot];
    }

    /// @notice A queued withdrawal and the shares it would pay now (final once slashableUntil has passed).
    function getQueuedWithdrawal(bytes32 withdrawalRoot)
        external
        view
        returns (Withdrawal memory withdrawal, uint256[] memory shares)
    {
        withdrawal = _queuedWithdrawals[withdrawalRoot];
        shares = _withdrawableOf(withdrawal);
    }

    /// @notice The roots of `staker`'s queued withdrawals.
    function getQueuedWithdrawalRoots(address staker) external view returns (bytes32[] memory) {
        return _stakerRoots[staker];
    }

    /// @notice `staker`'s queued withdrawals and the shares each would pay now.
    function getQueuedWithdrawals(address staker)
        external
        view
        returns (Withdrawal[] memory withdrawals, uint256[][] memory shares)
    {
        bytes32[] memory roots = _stakerRoots[staker];
        withdrawals = new Withdrawal[](roots.length);
        shares = new uint256[][](roots.length);
        for (uint256 i = 0; i < roots.length; ++i) {
            withdrawals[i] = _queuedWithdrawals[roots[i]];
            shares[i] = _withdrawableOf(withdrawals[i]);
        }
    }

    function _withdrawableOf(Withdrawal memory withdrawal) internal view returns (uint256[] memory shares) {
        shares = new uint256[](withdrawal.strategies.length);
        if (shares.length == 0) return shares;
        uint32 slashableUntil = withdrawal.startBlock + MIN_WITHDRAWAL_DELAY_BLOCKS;
        uint256[] memory factors = slashableUntil < block.number
            ? _slashingFactorsAtBlock(withdrawal.staker, withdrawal.delegatedTo, withdrawal.strategies, slashableUntil)
            : _slashingFactors(withdrawal.staker, withdrawal.delegatedTo, withdrawal.strategies);
        for (uint256 i = 0; i < shares.length; ++i) {
            shares[i] = withdrawal.scaledShares[i].mulWad(factors[i]);
        }
    }

    /// @notice Withdrawable and deposit shares of `staker` in each of `strategies`.
    function getWithdrawableShares(address staker, address[] memory strategies)
        public
        view
        returns (uint256[] memory withdrawableShares, uint256[] memory depositShares)
    {
        withdrawableShares = new uint256[](strategies.length);
        depositShares = new uint256[](strategies.length);
        uint256[] memory factors = _slashingFactors(staker, delegatedTo[staker], strategies);
        for (uint256 i = 0; i < strategies.length; ++i) {
            depositShares[i] = _shareManager(strategies[i]).stakerDepositShares(staker, strategies[i]);
            withdrawableShares[i] = depositShares[i].mulWad(_scalingFactor(staker, strategies[i])).mulWad(factors[i]);
        }
    }

    /// @notice Converts withdrawable shares to the deposit shares that queueWithdrawals takes.
    function convertToDepositShares(address staker, address[] memory strategies, uint256[] memory withdrawableShares)
        external
        view
        returns (uint256[] memory depositShares)
    {
        if (strategies.length != withdrawableShares.length) revert InputArrayLengthMismatch();
        uint256[] memory factors = _slashingFactors(staker, delegatedTo[staker], strategies);
        depositShares = new uint256[](strategies.length);
        for (uint256 i = 0; i < strategies.length; ++i) {
            depositShares[i] = withdrawableShares[i].divWad(_scalingFactor(staker, strategies[i])).divWad(factors[i]);
        }
    }

    /// @notice Every strategy in which `staker` has deposit shares (beaconChainETH last) and the shares.
    function getDepositedShares(address staker) public view returns (address[] memory, uint256[] memory) {
        (address[] memory smStrategies, uint256[] memory smShares) = StrategyManager(strategyManager).getDeposits(staker);
        uint256 podShares = EigenPodManager(eigenPodManager).stakerDepositShares(staker, BEACON_CHAIN_ETH_STRATEGY);
        if (podShares == 0) return (smStrategies, smShares);
        address[] memory strategies = new address[](smStrategies.length + 1);
        uint256[] memory shares = new uint256[](smStrategies.length + 1);
        for (uint256 i = 0; i < smStrategies.length; ++i) {
            strategies[i] = smStrategies[i];
            shares[i] = smShares[i];
        }
        strategies[smStrategies.length] = BEACON_CHAIN_ETH_STRATEGY;
        shares[smStrategies.length] = podShares;
        return (strategies, shares);
    }

    /// @notice Delegated shares of `operator` in each of `strategies`.
    function getOperatorShares(address operator, address[] memory strategies) public view returns (uint256[] memory shares) {
        shares = new uint256[](strategies.length);
        for (uint256 i = 0; i < strategies.length; ++i) {
            shares[i] = operatorShares[operator][strategies[i]];
        }
    }

    /// @notice getOperatorShares for several operators.
    function getOperatorsShares(address[] memory operators, address[] memory strategies)
        external
        view
        returns (uint256[][] memory shares)
    {
        shares = new uint256[][](operators.length);
        for (uint256 i = 0; i < operators.length; ++i) {
            shares[i] = getOperatorShares(operators[i], strategies);
        }
    }

    /// @notice The deposit scaling factor of `staker` in `strategy` (1e18 when unset).
    function depositScalingFactor(address staker, address strategy) external view returns (uint256) {
        return _scalingFactor(staker, strategy);
    }

    /// @notice The delegationApprover of `operator`, or address(0).
    function delegationApprover(address operator) external view returns (address) {
        return _approverOf[operator];
    }

    /// @notice Whether `staker` is delegated to an operator.
    function isDelegated(address staker) public view returns (bool) {
        return delegatedTo[staker] != address(0);
    }

    /// @notice Whether `operator` is a registered operator (delegated to itself).
    function isOperator(address operator) public view returns (bool) {
        return operator != address(0) && delegatedTo[operator] == operator;
    }

    /// @notice Blocks a withdrawal waits: completable at startBlock + minWithdrawalDelayBlocks() + 1.
    function minWithdrawalDelayBlocks() external view returns (uint32) {
        return MIN_WITHDRAWAL_DELAY_BLOCKS;
    }

    // ------------------------------------------------------------------ internals

    /// @inheritdoc FixtureSignatureUtils
    function domainSeparator() public view override(IDelegationManager, FixtureSignatureUtils) returns (bytes32) {
        return super.domainSeparator();
    }

    function _revertSignatureExpired() internal pure override {
        revert SignatureExpired();
    }

    function _revertInvalidSignature() internal pure override {
        revert InvalidSignature();
    }

    function _scalingFactor(address staker, address strategy) internal view returns (uint256) {
        uint256 dsf = _dsf[staker][strategy];
        return dsf == 0 ? WAD : dsf;
    }

    function _shareManager(address strategy) internal view returns (StrategyManager) {
        // the EigenPodManager has the same share-manager functions for beaconChainETH
        return StrategyManager(strategy == BEACON_CHAIN_ETH_STRATEGY ? eigenPodManager : strategyManager);
    }

    function _maxMagnitude(address operator, address strategy) internal view returns (uint64) {
        return AllocationManager(allocationManager).getMaxMagnitude(operator, strategy);
    }

    function _slashingFactor(address staker, address strategy, uint64 operatorMaxMagnitude)
        internal
        view
        returns (uint256)
    {
        if (strategy == BEACON_CHAIN_ETH_STRATEGY) {
            uint64 beaconFactor = EigenPodManager(eigenPodManager).beaconChainSlashingFactor(staker);
            return uint256(operatorMaxMagnitude).mulWad(beaconFactor);
        }
        return operatorMaxMagnitude;
    }

    function _slashingFactors(address staker, address operator, address[] memory strategies)
        internal
        view
        returns (uint256[] memory factors)
    {
        uint64[] memory magnitudes = AllocationManager(allocationManager).getMaxMagnitudes(operator, strategies);
        factors = new uint256[](strategies.length);
        for (uint256 i = 0; i < strategies.length; ++i) {
            factors[i] = _slashingFactor(staker, strategies[i], magnitudes[i]);
        }
    }

    function _slashingFactorsAtBlock(address staker, address operator, address[] memory strategies, uint32 blockNumber)
        internal
        view
        returns (uint256[] memory factors)
    {
        uint64[] memory magnitudes =
            AllocationManager(allocationManager).getMaxMagnitudesAtBlock(operator, strategies, blockNumber);
        factors = new uint256[](strategies.length);
        for (uint256 i = 0; i < strategies.length; ++i) {
            factors[i] = _slashingFactor(staker, strategies[i], magnitudes[i]);
        }
    }
}
