// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {
    OperatorSet,
    SignatureWithExpiry,
    IEigenLayerPausable,
    IEigenLayerInitializable,
    IEigenLayerSemVer
} from "abi/eigenlayer/EigenLayerCommon.sol";

/// @title IDelegationManager
/// @notice EigenLayer's DelegationManager as its proxy exposes it: operators, delegation of stakers'
///         shares, the withdrawal queue, and the share accounting of slashing.
interface IDelegationManager is IEigenLayerPausable, IEigenLayerInitializable, IEigenLayerSemVer {
    // ---------------------------------------------------------------------
    // Types
    // ---------------------------------------------------------------------

    /// @notice One withdrawal to queue: strategies and the deposit shares to take from each.
    struct QueuedWithdrawalParams {
        address[] strategies;
        uint256[] depositShares;
        address __deprecated_withdrawer;
    }

    /// @notice A queued withdrawal; its root is keccak256(abi.encode(withdrawal)).
    struct Withdrawal {
        address staker;
        address delegatedTo;
        address withdrawer;
        uint256 nonce;
        uint32 startBlock;
        address[] strategies;
        uint256[] scaledShares;
    }

    // ---------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------

    /// @notice The staker is already delegated.
    error ActivelyDelegated();

    /// @notice The caller may not undelegate this staker.
    error CallerCannotUndelegate();

    /// @notice The operator is fully slashed for the strategy.
    error FullySlashed();

    /// @notice Input arrays differ in length.
    error InputArrayLengthMismatch();

    /// @notice An input array is empty.
    error InputArrayLengthZero();

    /// @notice The deposit scaling factor would be invalid.
    error InvalidDepositScalingFactor();

    /// @notice The caller is neither the account nor one of its appointees.
    error InvalidPermissions();

    /// @notice The signature does not recover to the approver (nor passes EIP-1271).
    error InvalidSignature();

    /// @notice Snapshots were written out of order.
    error InvalidSnapshotOrdering();

    /// @notice The staker is not delegated.
    error NotActivelyDelegated();

    /// @notice Only the AllocationManager may call this.
    error OnlyAllocationManager();

    /// @notice Only the EigenPodManager may call this.
    error OnlyEigenPodManager();

    /// @notice Only the StrategyManager or the EigenPodManager may call this.
    error OnlyStrategyManagerOrEigenPodManager();

    /// @notice The address is not a registered operator.
    error OperatorNotRegistered();

    /// @notice Operators cannot undelegate from themselves.
    error OperatorsCannotUndelegate();

    /// @notice The approver's salt was already used.
    error SaltSpent();

    /// @notice The signature's expiry has passed.
    error SignatureExpired();

    /// @notice The withdrawal delay has not passed yet.
    error WithdrawalDelayNotElapsed();

    /// @notice No such withdrawal is queued.
    error WithdrawalNotQueued();

    /// @notice The caller is not the withdrawal's withdrawer.
    error WithdrawerNotCaller();

    // ---------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------

    /// @notice `operator` registered, with `delegationApprover` (zero for none).
    event OperatorRegistered(address indexed operator, address delegationApprover);

    /// @notice The delegation approver of `operator` changed.
    event DelegationApproverUpdated(address indexed operator, address newDelegationApprover);

    /// @notice The metadata URI of `operator` changed.
    event OperatorMetadataURIUpdated(address indexed operator, string metadataURI);

    /// @notice Delegated shares of `operator` rose by `shares` through `staker`.
    event OperatorSharesIncreased(address indexed operator, address staker, address strategy, uint256 shares);

    /// @notice Delegated shares of `operator` fell by `shares` through `staker`.
    event OperatorSharesDecreased(address indexed operator, address staker, address strategy, uint256 shares);

    /// @notice `totalSlashedShares` of `operator`'s shares in `strategy` were slashed.
    event OperatorSharesSlashed(address indexed operator, address strategy, uint256 totalSlashedShares);

    /// @notice `staker` delegated to `operator`.
    event StakerDelegated(address indexed staker, address indexed operator);

    /// @notice `staker` was undelegated from `operator`.
    event StakerUndelegated(address indexed staker, address indexed operator);

    /// @notice `staker` was undelegated by `operator` (or its approver or appointee).
    event StakerForceUndelegated(address indexed staker, address indexed operator);

    /// @notice The deposit scaling factor of `staker` in `strategy` changed.
    event DepositScalingFactorUpdated(address staker, address strategy, uint256 newDepositScalingFactor);

    /// @notice A withdrawal was queued; `sharesToWithdraw` are withdrawable shares at queue time.
    event SlashingWithdrawalQueued(bytes32 withdrawalRoot, Withdrawal withdrawal, uint256[] sharesToWithdraw);

    /// @notice The withdrawal with this root was completed.
    event SlashingWithdrawalCompleted(bytes32 withdrawalRoot);

    // ---------------------------------------------------------------------
    // Operators
    // ---------------------------------------------------------------------

    /// @notice Registers the caller as an operator delegated to itself.
    function registerAsOperator(address initDelegationApprover, uint32 allocationDelay, string calldata metadataURI)
        external;

    /// @notice Sets the delegation approver of `operator` (the operator or an appointee).
    function modifyOperatorDetails(address operator, address newDelegationApprover) external;

    /// @notice Emits a new metadata URI for `operator` (the operator or an appointee).
    function updateOperatorMetadataURI(address operator, string calldata metadataURI) external;

    /// @notice Whether `operator` is a registered operator.
    function isOperator(address operator) external view returns (bool);

    /// @notice The delegation approver of `operator` (zero for none).
    function delegationApprover(address operator) external view returns (address);

    /// @notice Whether `delegationApprover` already used `salt`.
    function delegationApproverSaltIsSpent(address delegationApprover, bytes32 salt)
        external
        view
        returns (bool spent);

    // ---------------------------------------------------------------------
    // Delegation
    // ---------------------------------------------------------------------

    /// @notice Delegates all of the caller's shares to `operator`; the signature is checked if it has an approver.
    function delegateTo(address operator, SignatureWithExpiry memory approverSignatureAndExpiry, bytes32 approverSalt)
        external;

    /// @notice Undelegates `staker`, queueing one withdrawal per strategy; returns their roots.
    function undelegate(address staker) external returns (bytes32[] memory withdrawalRoots);

    /// @notice Undelegates the caller and delegates to `newOperator`; returns the queued roots.
    function redelegate(
        address newOperator,
        SignatureWithExpiry memory newOperatorApproverSig,
        bytes32 approverSalt
    ) external returns (bytes32[] memory withdrawalRoots);

    /// @notice The operator `staker` is delegated to (zero for none).
    function delegatedTo(address staker) external view returns (address operator);

    /// @notice Whether `staker` is delegated.
    function isDelegated(address staker) external view returns (bool);

    /// @notice EIP-712 digest that `approver` signs to let `staker` delegate to `operator`.
    function calculateDelegationApprovalDigestHash(
        address staker,
        address operator,
        address approver,
        bytes32 approverSalt,
        uint256 expiry
    ) external view returns (bytes32);

    /// @notice The typehash of the EIP-712 DelegationApproval message.
    function DELEGATION_APPROVAL_TYPEHASH() external view returns (bytes32);

    /// @notice The EIP-712 domain separator, recomputed on every call.
    function domainSeparator() external view returns (bytes32);

    // ---------------------------------------------------------------------
    // Withdrawals
    // ---------------------------------------------------------------------

    /// @notice Queues withdrawals of the caller's deposit shares; returns their roots.
    function queueWithdrawals(QueuedWithdrawalParams[] calldata params) external returns (bytes32[] memory);

    /// @notice Completes one withdrawal, as tokens or as shares; `tokens` pairs with its strategies.
    function completeQueuedWithdrawal(
        Withdrawal calldata withdrawal,
        address[] calldata tokens,
        bool receiveAsTokens
    ) external;

    /// @notice Completes several withdrawals; `tokens[i]` and `receiveAsTokens[i]` go with `withdrawals[i]`.
    function completeQueuedWithdrawals(
        Withdrawal[] calldata withdrawals,
        address[][] calldata tokens,
        bool[] calldata receiveAsTokens
    ) external;

    /// @notice keccak256(abi.encode(withdrawal)).
    function calculateWithdrawalRoot(Withdrawal memory withdrawal) external pure returns (bytes32);

    /// @notice Whether the withdrawal with this root is pending (legacy withdrawals included).
    function pendingWithdrawals(bytes32 withdrawalRoot) external view returns (bool pending);

    /// @notice The queued withdrawal with this root (empty for legacy ones).
    function queuedWithdrawals(bytes32 withdrawalRoot) external view returns (Withdrawal memory withdrawal);

    /// @notice The queued withdrawal with this root and its withdrawable shares so far.
    function getQueuedWithdrawal(bytes32 withdrawalRoot)
        external
        view
        returns (Withdrawal memory withdrawal, uint256[] memory shares);

    /// @notice The queued withdrawals of `staker` and their withdrawable shares so far.
    function getQueuedWithdrawals(address staker)
        external
        view
        returns (Withdrawal[] memory withdrawals, uint256[][] memory shares);

    /// @notice Roots of the withdrawals `staker` has queued.
    function getQueuedWithdrawalRoots(address staker) external view returns (bytes32[] memory);

    /// @notice Number of withdrawals `staker` ever queued (the next withdrawal nonce).
    function cumulativeWithdrawalsQueued(address staker) external view returns (uint256 totalQueued);

    /// @notice Blocks a withdrawal waits before it can be completed.
    function minWithdrawalDelayBlocks() external view returns (uint32);

    // ---------------------------------------------------------------------
    // Shares
    // ---------------------------------------------------------------------

    /// @notice Withdrawable and deposit shares of `staker` in each strategy.
    function getWithdrawableShares(address staker, address[] memory strategies)
        external
        view
        returns (uint256[] memory withdrawableShares, uint256[] memory depositShares);

    /// @notice Deposit shares that correspond to the given withdrawable shares of `staker`.
    function convertToDepositShares(
        address staker,
        address[] memory strategies,
        uint256[] memory withdrawableShares
    ) external view returns (uint256[] memory);

    /// @notice Strategies and deposit shares of `staker`, native ETH included.
    function getDepositedShares(address staker) external view returns (address[] memory, uint256[] memory);

    /// @notice The deposit scaling factor of `staker` in `strategy` (WAD).
    function depositScalingFactor(address staker, address strategy) external view returns (uint256);

    /// @notice Shares delegated to `operator` in `strategy`.
    function operatorShares(address operator, address strategy) external view returns (uint256 shares);

    /// @notice Shares delegated to `operator` in each strategy.
    function getOperatorShares(address operator, address[] memory strategies)
        external
        view
        returns (uint256[] memory);

    /// @notice Shares delegated to each operator in each strategy.
    function getOperatorsShares(address[] memory operators, address[] memory strategies)
        external
        view
        returns (uint256[][] memory);

    /// @notice Shares of `operator` in `strategy` that sit in the withdrawal queue and are still slashable.
    function getSlashableSharesInQueue(address operator, address strategy) external view returns (uint256);

    // ---------------------------------------------------------------------
    // Share managers and the AllocationManager only
    // ---------------------------------------------------------------------

    /// @notice Adds shares of a deposit to the staker's operator (share managers only).
    function increaseDelegatedShares(
        address staker,
        address strategy,
        uint256 prevDepositShares,
        uint256 addedShares
    ) external;

    /// @notice Lowers the staker's operator shares after a beacon-chain slashing (EigenPodManager only).
    function decreaseDelegatedShares(
        address staker,
        uint256 curDepositShares,
        uint64 beaconChainSlashingFactorDecrease
    ) external;

    /// @notice Slashes `operator`'s delegated and queued shares (AllocationManager only).
    function slashOperatorShares(
        address operator,
        OperatorSet calldata operatorSet,
        uint256 slashId,
        address strategy,
        uint64 prevMaxMagnitude,
        uint64 newMaxMagnitude
    ) external returns (uint256 totalDepositSharesToSlash);

    // ---------------------------------------------------------------------
    // Wiring and setup
    // ---------------------------------------------------------------------

    /// @notice The StrategyManager.
    function strategyManager() external view returns (address);

    /// @notice The EigenPodManager.
    function eigenPodManager() external view returns (address);

    /// @notice The AllocationManager.
    function allocationManager() external view returns (address);

    /// @notice The PermissionController (user access management).
    function permissionController() external view returns (address);

    /// @notice The sentinel strategy of native ETH, 0xbeaC0eeEeeeeEEeEeEEEEeeEEeEeeeEeeEEBEaC0.
    function beaconChainETHStrategy() external view returns (address);

    /// @notice Initialises the proxy.
    function initialize(uint256 initialPausedStatus) external;
}
