// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {OperatorSet, IEigenLayerPausable, IEigenLayerInitializable} from "abi/eigenlayer/EigenLayerCommon.sol";

/// @title IAllocationManager
/// @notice EigenLayer's AllocationManager (the IAllocationManager surface, which its proxy serves from
///         AllocationManager and AllocationManagerView): operator sets, allocations of magnitude, slashing.
interface IAllocationManager is IEigenLayerPausable, IEigenLayerInitializable {
    // ---------------------------------------------------------------------
    // Types
    // ---------------------------------------------------------------------

    /// @notice An allocation of magnitude to an operator set, with a pending change taking effect at `effectBlock`.
    struct Allocation {
        uint64 currentMagnitude;
        int128 pendingDiff;
        uint32 effectBlock;
    }

    /// @notice New magnitudes for strategies of one operator set.
    struct AllocateParams {
        OperatorSet operatorSet;
        address[] strategies;
        uint64[] newMagnitudes;
    }

    /// @notice Operator sets of `avs` to register for, with data for the AVS registrar.
    struct RegisterParams {
        address avs;
        uint32[] operatorSetIds;
        bytes data;
    }

    /// @notice Operator sets of `avs` that `operator` leaves.
    struct DeregisterParams {
        address operator;
        address avs;
        uint32[] operatorSetIds;
    }

    /// @notice A slash: the proportions (WAD) of `operator`'s allocations to take per strategy.
    struct SlashingParams {
        address operator;
        uint32 operatorSetId;
        address[] strategies;
        uint256[] wadsToSlash;
        string description;
    }

    /// @notice A new operator set and its strategies.
    struct CreateSetParams {
        uint32 operatorSetId;
        address[] strategies;
    }

    /// @notice A new operator set, its strategies and its slasher.
    struct CreateSetParamsV2 {
        uint32 operatorSetId;
        address[] strategies;
        address slasher;
    }

    // ---------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------

    /// @notice The operator is already a member of the set.
    error AlreadyMemberOfSet();

    /// @notice Input arrays differ in length.
    error InputArrayLengthMismatch();

    /// @notice The new magnitudes exceed what the operator can allocate.
    error InsufficientMagnitude();

    /// @notice The AVS registrar does not support this AVS.
    error InvalidAVSRegistrar();

    /// @notice The caller may not act for this account.
    error InvalidCaller();

    /// @notice The address is not a registered operator.
    error InvalidOperator();

    /// @notice The operator set does not exist.
    error InvalidOperatorSet();

    /// @notice The redistribution recipient is not allowed.
    error InvalidRedistributionRecipient();

    /// @notice The strategy is not allowed here.
    error InvalidStrategy();

    /// @notice A proportion to slash is zero or above 1e18.
    error InvalidWadToSlash();

    /// @notice A change for this operator set and strategy is already pending.
    error ModificationAlreadyPending();

    /// @notice The AVS has published no metadata URI yet.
    error NonexistentAVSMetadata();

    /// @notice The operator is not a member of the set.
    error NotMemberOfSet();

    /// @notice The operator cannot be slashed by this set.
    error OperatorNotSlashable();

    /// @notice The operator set's slasher was already migrated.
    error OperatorSetAlreadyMigrated();

    /// @notice The new magnitude equals the current one.
    error SameMagnitude();

    /// @notice The operator set has no slasher.
    error SlasherNotSet();

    /// @notice Strategies must be listed in strictly ascending address order.
    error StrategiesMustBeInAscendingOrder();

    /// @notice The strategy is already in the operator set.
    error StrategyAlreadyInOperatorSet();

    /// @notice The strategy is not in the operator set.
    error StrategyNotInOperatorSet();

    /// @notice The operator has not set an allocation delay yet.
    error UninitializedAllocationDelay();

    /// @notice A checkpoint history was read while empty (snapshot library).
    error Empty();

    /// @notice The caller is neither the account nor one of its appointees.
    error InvalidPermissions();

    /// @notice Snapshots were written out of order (snapshot library).
    error InvalidSnapshotOrdering();

    /// @notice An index past the end of a list (AllocationManagerView).
    error OutOfBounds();

    // ---------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------

    /// @notice The allocation delay of `operator` becomes `delay` at `effectBlock`.
    event AllocationDelaySet(address operator, uint32 delay, uint32 effectBlock);

    /// @notice The allocation of `operator` to `operatorSet` in `strategy` becomes `magnitude` at `effectBlock`.
    event AllocationUpdated(
        address operator, OperatorSet operatorSet, address strategy, uint64 magnitude, uint32 effectBlock
    );

    /// @notice The encumbered magnitude of `operator` in `strategy` changed.
    event EncumberedMagnitudeUpdated(address operator, address strategy, uint64 encumberedMagnitude);

    /// @notice The max magnitude of `operator` in `strategy` changed (it only falls, by slashing).
    event MaxMagnitudeUpdated(address operator, address strategy, uint64 maxMagnitude);

    /// @notice `operator` was slashed by `operatorSet`.
    event OperatorSlashed(
        address operator, OperatorSet operatorSet, address[] strategies, uint256[] wadSlashed, string description
    );

    /// @notice `avs` set its registrar.
    event AVSRegistrarSet(address avs, address registrar);

    /// @notice `avs` published a new metadata URI.
    event AVSMetadataURIUpdated(address indexed avs, string metadataURI);

    /// @notice An operator set was created.
    event OperatorSetCreated(OperatorSet operatorSet);

    /// @notice `operator` joined `operatorSet`.
    event OperatorAddedToOperatorSet(address indexed operator, OperatorSet operatorSet);

    /// @notice `operator` left `operatorSet`.
    event OperatorRemovedFromOperatorSet(address indexed operator, OperatorSet operatorSet);

    /// @notice The redistribution recipient of `operatorSet` was set.
    event RedistributionAddressSet(OperatorSet operatorSet, address redistributionRecipient);

    /// @notice The slasher of `operatorSet` becomes `slasher` at `effectBlock`.
    event SlasherUpdated(OperatorSet operatorSet, address slasher, uint32 effectBlock);

    /// @notice The slasher of `operatorSet` was migrated from the AVS's permissions.
    event SlasherMigrated(OperatorSet operatorSet, address slasher);

    /// @notice `strategy` was added to `operatorSet`.
    event StrategyAddedToOperatorSet(OperatorSet operatorSet, address strategy);

    /// @notice `strategy` was removed from `operatorSet`.
    event StrategyRemovedFromOperatorSet(OperatorSet operatorSet, address strategy);

    // ---------------------------------------------------------------------
    // Operators: allocations and registration
    // ---------------------------------------------------------------------

    /// @notice Changes the magnitudes `operator` allocates (the operator or an appointee).
    function modifyAllocations(address operator, AllocateParams[] calldata params) external;

    /// @notice Applies up to `numToClear[i]` completed deallocations of `operator` in `strategies[i]`.
    function clearDeallocationQueue(address operator, address[] calldata strategies, uint16[] calldata numToClear)
        external;

    /// @notice Registers `operator` for operator sets of one AVS (the operator or an appointee).
    function registerForOperatorSets(address operator, RegisterParams calldata params) external;

    /// @notice Deregisters an operator from operator sets of one AVS.
    function deregisterFromOperatorSets(DeregisterParams calldata params) external;

    /// @notice Sets the allocation delay of `operator`, in blocks.
    function setAllocationDelay(address operator, uint32 delay) external;

    // ---------------------------------------------------------------------
    // AVSs: operator sets and slashing
    // ---------------------------------------------------------------------

    /// @notice Slashes an operator; returns the slash id and the shares slashed per strategy (slasher only).
    function slashOperator(address avs, SlashingParams calldata params)
        external
        returns (uint256 slashId, uint256[] memory shares);

    /// @notice Publishes a metadata URI for `avs`.
    function updateAVSMetadataURI(address avs, string calldata metadataURI) external;

    /// @notice Sets the contract that approves registrations for `avs`.
    function setAVSRegistrar(address avs, address registrar) external;

    /// @notice Creates operator sets for `avs`.
    function createOperatorSets(address avs, CreateSetParams[] calldata params) external;

    /// @notice Creates operator sets for `avs`, each with its slasher.
    function createOperatorSets(address avs, CreateSetParamsV2[] calldata params) external;

    /// @notice Creates operator sets whose slashed funds go to the given recipients.
    function createRedistributingOperatorSets(
        address avs,
        CreateSetParams[] calldata params,
        address[] calldata redistributionRecipients
    ) external;

    /// @notice Creates operator sets, each with its slasher, whose slashed funds go to the given recipients.
    function createRedistributingOperatorSets(
        address avs,
        CreateSetParamsV2[] calldata params,
        address[] calldata redistributionRecipients
    ) external;

    /// @notice Adds strategies to an operator set of `avs`.
    function addStrategiesToOperatorSet(address avs, uint32 operatorSetId, address[] calldata strategies) external;

    /// @notice Removes strategies from an operator set of `avs`.
    function removeStrategiesFromOperatorSet(address avs, uint32 operatorSetId, address[] calldata strategies)
        external;

    /// @notice Sets a new slasher for `operatorSet`, effective after the configuration delay.
    function updateSlasher(OperatorSet calldata operatorSet, address slasher) external;

    /// @notice Moves the slashers of legacy operator sets into the new slasher record.
    function migrateSlashers(OperatorSet[] calldata operatorSets) external;

    // ---------------------------------------------------------------------
    // Views: magnitudes and allocations
    // ---------------------------------------------------------------------

    /// @notice Magnitude of `operator` in `strategy` not yet allocated nor pending.
    function getAllocatableMagnitude(address operator, address strategy) external view returns (uint64);

    /// @notice Magnitude of `operator` in `strategy` allocated or pending allocation.
    function getEncumberedMagnitude(address operator, address strategy) external view returns (uint64);

    /// @notice Max magnitude of `operator` in `strategy` (1e18 unless slashed).
    function getMaxMagnitude(address operator, address strategy) external view returns (uint64);

    /// @notice Max magnitudes of `operator` in each strategy.
    function getMaxMagnitudes(address operator, address[] calldata strategies)
        external
        view
        returns (uint64[] memory);

    /// @notice Max magnitudes of each operator in `strategy`.
    function getMaxMagnitudes(address[] calldata operators, address strategy)
        external
        view
        returns (uint64[] memory);

    /// @notice Max magnitudes of `operator` in each strategy at `blockNumber`.
    function getMaxMagnitudesAtBlock(address operator, address[] calldata strategies, uint32 blockNumber)
        external
        view
        returns (uint64[] memory);

    /// @notice The allocation of `operator` to `operatorSet` in `strategy`.
    function getAllocation(address operator, OperatorSet memory operatorSet, address strategy)
        external
        view
        returns (Allocation memory);

    /// @notice The allocations of each operator to `operatorSet` in `strategy`.
    function getAllocations(address[] memory operators, OperatorSet memory operatorSet, address strategy)
        external
        view
        returns (Allocation[] memory);

    /// @notice The operator sets `operator` allocates to in `strategy`, and those allocations.
    function getStrategyAllocations(address operator, address strategy)
        external
        view
        returns (OperatorSet[] memory, Allocation[] memory);

    /// @notice Operator sets `operator` has allocations to.
    function getAllocatedSets(address operator) external view returns (OperatorSet[] memory);

    /// @notice Strategies in which `operator` allocates to `operatorSet`.
    function getAllocatedStrategies(address operator, OperatorSet memory operatorSet)
        external
        view
        returns (address[] memory);

    /// @notice Whether the allocation delay of `operator` is set, and its value in blocks.
    function getAllocationDelay(address operator) external view returns (bool isSet, uint32 delay);

    /// @notice Slashable stake of each operator in each strategy for `operatorSet`, now.
    function getAllocatedStake(
        OperatorSet memory operatorSet,
        address[] memory operators,
        address[] memory strategies
    ) external view returns (uint256[][] memory slashableStake);

    /// @notice Stake of each operator in each strategy that stays slashable until `futureBlock`.
    function getMinimumSlashableStake(
        OperatorSet memory operatorSet,
        address[] memory operators,
        address[] memory strategies,
        uint32 futureBlock
    ) external view returns (uint256[][] memory slashableStake);

    // ---------------------------------------------------------------------
    // Views: operator sets
    // ---------------------------------------------------------------------

    /// @notice Whether `operatorSet` exists.
    function isOperatorSet(OperatorSet memory operatorSet) external view returns (bool);

    /// @notice Number of operator sets `avs` created.
    function getOperatorSetCount(address avs) external view returns (uint256);

    /// @notice The members of `operatorSet`.
    function getMembers(OperatorSet memory operatorSet) external view returns (address[] memory operators);

    /// @notice Number of members of `operatorSet`.
    function getMemberCount(OperatorSet memory operatorSet) external view returns (uint256);

    /// @notice Whether `operator` is a member of `operatorSet`.
    function isMemberOfOperatorSet(address operator, OperatorSet memory operatorSet) external view returns (bool);

    /// @notice Whether `operator` is a member of `operatorSet` or still slashable by it after leaving.
    function isOperatorSlashable(address operator, OperatorSet memory operatorSet) external view returns (bool);

    /// @notice Operator sets `operator` is registered for.
    function getRegisteredSets(address operator) external view returns (OperatorSet[] memory operatorSets);

    /// @notice Strategies of `operatorSet`.
    function getStrategiesInOperatorSet(OperatorSet memory operatorSet)
        external
        view
        returns (address[] memory strategies);

    /// @notice The registrar of `avs` (the AVS itself when unset).
    function getAVSRegistrar(address avs) external view returns (address);

    /// @notice The slasher of `operatorSet`.
    function getSlasher(OperatorSet memory operatorSet) external view returns (address);

    /// @notice The pending slasher of `operatorSet` and the block it takes effect.
    function getPendingSlasher(OperatorSet memory operatorSet)
        external
        view
        returns (address pendingSlasher, uint32 effectBlock);

    /// @notice Number of slashes of `operatorSet` so far.
    function getSlashCount(OperatorSet memory operatorSet) external view returns (uint256);

    /// @notice Where slashed funds of `operatorSet` go.
    function getRedistributionRecipient(OperatorSet memory operatorSet) external view returns (address);

    /// @notice Whether `operatorSet` redistributes slashed funds instead of burning them.
    function isRedistributingOperatorSet(OperatorSet memory operatorSet) external view returns (bool);

    /// @notice Whether `operator` is slashable by any redistributing operator set.
    function isOperatorRedistributable(address operator) external view returns (bool);

    // ---------------------------------------------------------------------
    // Constants, wiring and setup
    // ---------------------------------------------------------------------

    /// @notice Blocks before a deallocation takes effect.
    function DEALLOCATION_DELAY() external view returns (uint32 delay);

    /// @notice Blocks before a new allocation delay takes effect.
    function ALLOCATION_CONFIGURATION_DELAY() external view returns (uint32);

    /// @notice Blocks before a new slasher takes effect.
    function SLASHER_CONFIGURATION_DELAY() external view returns (uint32);

    /// @notice The DelegationManager.
    function delegation() external view returns (address);

    /// @notice The EIGEN strategy.
    function eigenStrategy() external view returns (address);

    /// @notice Initialises the proxy.
    function initialize(uint256 initialPausedStatus) external;

    // ---------------------------------------------------------------------
    // Wiring (served by the AllocationManager implementation itself)
    // ---------------------------------------------------------------------

    /// @notice The PermissionController that authorises appointees.
    function permissionController() external view returns (address);

    /// @notice The AllocationManagerView implementation that view calls are delegated to.
    function viewImplementation() external view returns (address);
}
