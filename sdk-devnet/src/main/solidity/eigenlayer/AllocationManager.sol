// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {OperatorSet} from "abi/eigenlayer/EigenLayerCommon.sol";
import {IAllocationManager} from "abi/eigenlayer/IAllocationManager.sol";
import {DEFAULT_BURN_ADDRESS_VALUE, FixturePausable, WAD, divWad, mulWad, mulWadRoundUp} from "./FixtureSupport.sol";
import {DelegationManager} from "./DelegationManager.sol";

/// @notice The calls the AllocationManager makes to an AVS's registrar (upstream IAVSRegistrar).
interface IAVSRegistrar {
    function registerOperator(address operator, address avs, uint32[] calldata operatorSetIds, bytes calldata data)
        external;

    function deregisterOperator(address operator, address avs, uint32[] calldata operatorSetIds) external;

    function supportsAVS(address avs) external view returns (bool);
}

/// @title AllocationManager (devnet fixture)
/// @notice EigenLayer's AllocationManager, the parts a staker-side SDK depends on, with their real
///         semantics: operator sets (created by the AVS after it published metadata; slasher = the AVS,
///         or the V2 params' slasher), registration and deregistration (slashable for
///         DEALLOCATION_DELAY blocks after leaving), allocation delays (set at operator registration,
///         effective at once; later changes after ALLOCATION_CONFIGURATION_DELAY + 1 blocks),
///         magnitude allocations (increases effective after the operator's allocation delay,
///         slashable decreases after DEALLOCATION_DELAY + 1 blocks, one pending change per set and
///         strategy), the deallocation queue, max magnitudes with their history
///         (getMaxMagnitudesAtBlock), and slashing: `slashed = ceil(allocated x wadToSlash)` lowers
///         the allocation, the max and the encumbered magnitude, shrinks a pending deallocation in
///         proportion, and slashes the operator's shares in the DelegationManager.
/// @dev Deviations: deployed directly with constructor arguments (upstream: proxy + `initialize`);
///      one contract (upstream splits views into AllocationManagerView); no PermissionController, so
///      only the operator / AVS itself may act for itself; the AVS registrar is called only when it
///      has code (an EOA AVS needs no registrar contract on the devnet); no redistributing operator
///      sets and no slasher changes (they revert NotSupportedByFixture); upstream's pause flags: 0 modifyAllocations, 1 slashOperator,
///      2 registerForOperatorSets / deregisterFromOperatorSets (the deployer pauses; no PauserRegistry).
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract AllocationManager is IAllocationManager, FixturePausable {
    /// @dev Upstream's pause flags (AllocationManagerStorage).
    uint8 internal constant PAUSED_MODIFY_ALLOCATIONS = 0;
    uint8 internal constant PAUSED_OPERATOR_SLASHING = 1;
    uint8 internal constant PAUSED_OPERATOR_SET_REGISTRATION_AND_DEREGISTRATION = 2;

    using {divWad, mulWad, mulWadRoundUp} for uint256;

    /// @notice Blocks before a slashable deallocation takes effect (it does at +1), and how long an
    ///         operator stays slashable after deregistering.
    uint32 public immutable DEALLOCATION_DELAY;

    /// @notice Blocks before a changed allocation delay takes effect (it does at +1).
    uint32 public immutable ALLOCATION_CONFIGURATION_DELAY;

    /// @notice The DelegationManager.
    address public immutable delegation;

    /// @notice No EIGEN strategy on the devnet: address(0).
    address public eigenStrategy;

    /// @notice No PermissionController on the devnet: address(0).
    address public permissionController;

    struct SlasherParams {
        address slasher;
        address pendingSlasher;
        uint32 effectBlock;
    }

    /// @dev Storage only (upstream IAllocationManagerTypes).
    struct AllocationDelayInfo {
        uint32 delay;
        bool isSet;
        uint32 pendingDelay;
        uint32 effectBlock;
    }

    /// @dev Storage only (upstream IAllocationManagerTypes).
    struct RegistrationStatus {
        bool registered;
        uint32 slashableUntil;
    }

    /// @dev Storage only (upstream IAllocationManagerTypes).
    struct StrategyInfo {
        uint64 maxMagnitude;
        uint64 encumberedMagnitude;
    }

    struct MagnitudeAt {
        uint32 blockNumber;
        uint64 value;
    }

    mapping(address avs => bool) private _avsHasMetadata;
    mapping(address avs => address) private _avsRegistrar;
    mapping(address avs => uint256) private _setCount;
    mapping(bytes32 setKey => bool) private _setExists;
    mapping(bytes32 setKey => address) private _slasher;
    mapping(bytes32 setKey => SlasherParams) private _pendingSlasher; // never set: no slasher changes
    mapping(bytes32 setKey => address) private _redistributionRecipient; // never set: no redistribution
    mapping(bytes32 setKey => uint256) private _slashCount;
    mapping(bytes32 setKey => address[]) private _setStrategies;
    mapping(bytes32 setKey => address[]) private _members;
    mapping(bytes32 setKey => mapping(address operator => bool)) private _isMember;

    mapping(address operator => bytes32[]) private _registeredKeys;
    mapping(address operator => mapping(bytes32 setKey => RegistrationStatus)) private _registration;
    mapping(address operator => AllocationDelayInfo) private _allocationDelayInfo;

    mapping(address operator => mapping(bytes32 setKey => mapping(address strategy => Allocation))) private _allocations;
    mapping(address operator => mapping(address strategy => uint64)) private _encumberedMagnitude;
    mapping(address operator => mapping(address strategy => MagnitudeAt[])) private _maxMagnitudeHistory;
    mapping(address operator => mapping(address strategy => bytes32[])) private _deallocationQueue;
    mapping(address operator => mapping(address strategy => uint256)) private _deallocationQueueHead;
    // every (set, strategy) an operator ever allocated to, for the allocation views
    mapping(address operator => bytes32[]) private _everAllocatedSets;
    mapping(address operator => mapping(bytes32 setKey => address[])) private _everAllocatedStrategies;
    mapping(address operator => mapping(address strategy => bytes32[])) private _everAllocatedSetsByStrategy;
    mapping(address operator => mapping(bytes32 setKey => mapping(address strategy => bool))) private _everAllocated;

    /// @param delegation_ the DelegationManager
    /// @param deallocationDelay DEALLOCATION_DELAY, in blocks
    /// @param allocationConfigurationDelay ALLOCATION_CONFIGURATION_DELAY (and SLASHER_CONFIGURATION_DELAY), in blocks
    constructor(address delegation_, uint32 deallocationDelay, uint32 allocationConfigurationDelay) {
        if (delegation_ == address(0)) revert InputAddressZero();
        delegation = delegation_;
        DEALLOCATION_DELAY = deallocationDelay;
        ALLOCATION_CONFIGURATION_DELAY = allocationConfigurationDelay;
    }

    /// @notice Not supported: the fixture is configured by its constructor.
    function initialize(uint256) external {
        _unsupported("initialize");
    }

    // ------------------------------------------------------------------ AVS side

    /// @notice Emits the AVS's metadata URI; needed once before the AVS creates operator sets.
    function updateAVSMetadataURI(address avs, string calldata metadataURI) external {
        _checkCanCall(avs);
        _avsHasMetadata[avs] = true;
        emit AVSMetadataURIUpdated(avs, metadataURI);
    }

    /// @notice Sets the contract called on (de)registration; it must answer supportsAVS(avs) = true.
    function setAVSRegistrar(address avs, address registrar) external {
        _checkCanCall(avs);
        if (registrar.code.length == 0 || !IAVSRegistrar(registrar).supportsAVS(avs)) revert InvalidAVSRegistrar();
        _avsRegistrar[avs] = registrar;
        emit AVSRegistrarSet(avs, registrar);
    }

    /// @notice Creates operator sets whose slasher is the AVS itself.
    function createOperatorSets(address avs, CreateSetParams[] calldata params) external {
        _checkCanCall(avs);
        if (!_avsHasMetadata[avs]) revert NonexistentAVSMetadata();
        for (uint256 i = 0; i < params.length; ++i) {
            _createOperatorSet(avs, params[i].operatorSetId, params[i].strategies, avs);
        }
    }

    /// @notice Creates operator sets with the given slashers.
    function createOperatorSets(address avs, CreateSetParamsV2[] calldata params) external {
        _checkCanCall(avs);
        if (!_avsHasMetadata[avs]) revert NonexistentAVSMetadata();
        for (uint256 i = 0; i < params.length; ++i) {
            if (params[i].slasher == address(0)) revert InputAddressZero();
            _createOperatorSet(avs, params[i].operatorSetId, params[i].strategies, params[i].slasher);
        }
    }

    /// @notice Not supported: the devnet has no redistributing operator sets.
    function createRedistributingOperatorSets(address, CreateSetParams[] calldata, address[] calldata) external {
        _unsupported("createRedistributingOperatorSets");
    }

    /// @notice Not supported: the devnet has no redistributing operator sets.
    function createRedistributingOperatorSets(address, CreateSetParamsV2[] calldata, address[] calldata) external {
        _unsupported("createRedistributingOperatorSets");
    }

    /// @notice Adds strategies to an operator set of the caller (the AVS).
    function addStrategiesToOperatorSet(address avs, uint32 operatorSetId, address[] calldata strategies) external {
        _checkCanCall(avs);
        bytes32 key = _requireSet(avs, operatorSetId);
        for (uint256 i = 0; i < strategies.length; ++i) {
            _addStrategy(key, OperatorSet(avs, operatorSetId), strategies[i]);
        }
    }

    /// @notice Removes strategies from an operator set of the caller (the AVS).
    function removeStrategiesFromOperatorSet(address avs, uint32 operatorSetId, address[] calldata strategies)
        external
    {
        _checkCanCall(avs);
        bytes32 key = _requireSet(avs, operatorSetId);
        for (uint256 i = 0; i < strategies.length; ++i) {
            if (!_removeAddress(_setStrategies[key], strategies[i])) revert StrategyNotInOperatorSet();
            emit StrategyRemovedFromOperatorSet(OperatorSet(avs, operatorSetId), strategies[i]);
        }
    }

    /// @notice Not supported: slashers are fixed at creation on the devnet.
    function updateSlasher(OperatorSet calldata, address) external {
        _unsupported("updateSlasher");
    }

    /// @notice Not supported: every devnet operator set has its slasher from creation.
    function migrateSlashers(OperatorSet[] calldata) external {
        _unsupported("migrateSlashers");
    }

    function _createOperatorSet(address avs, uint32 id, address[] calldata strategies, address slasher) internal {
        bytes32 key = _key(avs, id);
        if (_setExists[key]) revert InvalidOperatorSet();
        _setExists[key] = true;
        _setCount[avs] += 1;
        OperatorSet memory set = OperatorSet(avs, id);
        emit OperatorSetCreated(set);
        for (uint256 i = 0; i < strategies.length; ++i) {
            _addStrategy(key, set, strategies[i]);
        }
        _slasher[key] = slasher; // after the strategies, as upstream's _createOperatorSet
        emit SlasherUpdated(set, slasher, uint32(block.number));
    }

    function _addStrategy(bytes32 key, OperatorSet memory set, address strategy) internal {
        if (_contains(_setStrategies[key], strategy)) revert StrategyAlreadyInOperatorSet();
        _setStrategies[key].push(strategy);
        emit StrategyAddedToOperatorSet(set, strategy);
    }

    // ------------------------------------------------------------------ operator side

    /// @notice Sets `operator`'s allocation delay: at once when the DelegationManager registers the
    ///         operator, else after ALLOCATION_CONFIGURATION_DELAY + 1 blocks.
    function setAllocationDelay(address operator, uint32 delay) external {
        bool newlyRegistered = msg.sender == delegation;
        if (!newlyRegistered) {
            _checkCanCall(operator);
            if (!DelegationManager(delegation).isOperator(operator)) revert InvalidOperator();
        }
        AllocationDelayInfo memory info = _allocationDelayInfo[operator];
        if (info.effectBlock != 0 && block.number >= info.effectBlock) {
            info.delay = info.pendingDelay;
            info.isSet = true;
        }
        info.pendingDelay = delay;
        info.effectBlock = newlyRegistered ? uint32(block.number) : uint32(block.number) + ALLOCATION_CONFIGURATION_DELAY + 1;
        _allocationDelayInfo[operator] = info;
        emit AllocationDelaySet(operator, delay, info.effectBlock);
    }

    /// @notice Registers `operator` for operator sets of `params.avs` (calls the AVS registrar when it has code).
    function registerForOperatorSets(address operator, RegisterParams calldata params)
        external
        onlyWhenNotPaused(PAUSED_OPERATOR_SET_REGISTRATION_AND_DEREGISTRATION)
    {
        _checkCanCall(operator);
        if (!DelegationManager(delegation).isOperator(operator)) revert InvalidOperator();
        for (uint256 i = 0; i < params.operatorSetIds.length; ++i) {
            bytes32 key = _requireSet(params.avs, params.operatorSetIds[i]);
            if (_isMember[key][operator]) revert AlreadyMemberOfSet();
            _isMember[key][operator] = true;
            _members[key].push(operator);
            if (!_contains(_registeredKeys[operator], key)) _registeredKeys[operator].push(key);
            _registration[operator][key] = RegistrationStatus({registered: true, slashableUntil: 0});
            emit OperatorAddedToOperatorSet(operator, OperatorSet(params.avs, params.operatorSetIds[i]));
        }
        address registrar = getAVSRegistrar(params.avs);
        if (registrar.code.length != 0) {
            IAVSRegistrar(registrar).registerOperator(operator, params.avs, params.operatorSetIds, params.data);
        }
    }

    /// @notice Deregisters an operator (caller: the operator or the AVS); it stays slashable for
    ///         DEALLOCATION_DELAY blocks.
    function deregisterFromOperatorSets(DeregisterParams calldata params)
        external
        onlyWhenNotPaused(PAUSED_OPERATOR_SET_REGISTRATION_AND_DEREGISTRATION)
    {
        if (msg.sender != params.operator && msg.sender != params.avs) revert InvalidCaller();
        for (uint256 i = 0; i < params.operatorSetIds.length; ++i) {
            bytes32 key = _requireSet(params.avs, params.operatorSetIds[i]);
            if (!_isMember[key][params.operator]) revert NotMemberOfSet();
            _isMember[key][params.operator] = false;
            _removeAddress(_members[key], params.operator);
            _removeKey(_registeredKeys[params.operator], key);
            _registration[params.operator][key] =
                RegistrationStatus({registered: false, slashableUntil: uint32(block.number) + DEALLOCATION_DELAY});
            emit OperatorRemovedFromOperatorSet(params.operator, OperatorSet(params.avs, params.operatorSetIds[i]));
        }
        // as upstream: the operator is deregistered even if the registrar reverts
        address registrar = getAVSRegistrar(params.avs);
        if (registrar.code.length != 0) {
            try IAVSRegistrar(registrar).deregisterOperator(params.operator, params.avs, params.operatorSetIds) {} catch {}
        }
    }

    /// @notice Changes `operator`'s magnitudes. Increases take effect after the operator's allocation
    ///         delay; decreases of a slashable allocation after DEALLOCATION_DELAY + 1 blocks, others at once.
    function modifyAllocations(address operator, AllocateParams[] calldata params)
        external
        onlyWhenNotPaused(PAUSED_MODIFY_ALLOCATIONS)
    {
        _checkCanCall(operator);
        (bool isSet, uint32 delay) = getAllocationDelay(operator);
        if (!isSet) revert UninitializedAllocationDelay();
        for (uint256 i = 0; i < params.length; ++i) {
            if (params[i].strategies.length != params[i].newMagnitudes.length) revert InputArrayLengthMismatch();
            bytes32 key = _requireSet(params[i].operatorSet.avs, params[i].operatorSet.id);
            bool slashable = isOperatorSlashable(operator, params[i].operatorSet);
            for (uint256 j = 0; j < params[i].strategies.length; ++j) {
                _modifyAllocation(
                    operator, params[i].operatorSet, key, params[i].strategies[j], params[i].newMagnitudes[j], slashable, delay
                );
            }
        }
    }

    function _modifyAllocation(
        address operator,
        OperatorSet calldata set,
        bytes32 key,
        address strategy,
        uint64 newMagnitude,
        bool operatorSlashable,
        uint32 delay
    ) internal {
        _clearDeallocationQueue(operator, strategy, type(uint16).max);
        (StrategyInfo memory info, Allocation memory allocation) = _getUpdatedAllocation(operator, key, strategy);
        if (allocation.pendingDiff != 0) revert ModificationAlreadyPending();
        allocation.pendingDiff = int128(uint128(newMagnitude)) - int128(uint128(allocation.currentMagnitude));
        if (allocation.pendingDiff == 0) revert SameMagnitude();
        if (allocation.pendingDiff < 0) {
            if (operatorSlashable && _contains(_setStrategies[key], strategy)) {
                allocation.effectBlock = uint32(block.number) + DEALLOCATION_DELAY + 1;
                _deallocationQueue[operator][strategy].push(key);
            } else {
                info.encumberedMagnitude = _add(info.encumberedMagnitude, allocation.pendingDiff);
                allocation.currentMagnitude = newMagnitude;
                allocation.pendingDiff = 0;
                allocation.effectBlock = uint32(block.number);
            }
        } else {
            info.encumberedMagnitude = _add(info.encumberedMagnitude, allocation.pendingDiff);
            if (info.encumberedMagnitude > info.maxMagnitude) revert InsufficientMagnitude();
            allocation.effectBlock = uint32(block.number) + delay;
        }
        _store(operator, key, strategy, info, allocation);
        emit AllocationUpdated(
            operator, set, strategy, _add(allocation.currentMagnitude, allocation.pendingDiff), allocation.effectBlock
        );
    }

    /// @notice Applies completed deallocations of `operator` (at most numToClear[i] per strategy); permissionless.
    function clearDeallocationQueue(address operator, address[] calldata strategies, uint16[] calldata numToClear)
        external
    {
        if (strategies.length != numToClear.length) revert InputArrayLengthMismatch();
        for (uint256 i = 0; i < strategies.length; ++i) {
            _clearDeallocationQueue(operator, strategies[i], numToClear[i]);
        }
    }

    function _clearDeallocationQueue(address operator, address strategy, uint16 numToClear) internal {
        bytes32[] storage queue = _deallocationQueue[operator][strategy];
        uint256 head = _deallocationQueueHead[operator][strategy];
        uint256 cleared = 0;
        while (head < queue.length && cleared < numToClear) {
            bytes32 key = queue[head];
            (StrategyInfo memory info, Allocation memory allocation) = _getUpdatedAllocation(operator, key, strategy);
            if (allocation.pendingDiff != 0 && block.number < allocation.effectBlock) break;
            _store(operator, key, strategy, info, allocation);
            ++head;
            ++cleared;
        }
        _deallocationQueueHead[operator][strategy] = head;
    }

    // ------------------------------------------------------------------ slashing

    /// @notice Slashes `params.operator` in operator set (avs, params.operatorSetId). Only the set's
    ///         slasher. Strategies strictly ascending; each wadToSlash in (0, 1e18], a proportion of
    ///         the operator's allocated magnitude.
    /// @return slashId the set's slash counter after this slash
    /// @return shares the shares slashed per strategy (delegated + still-slashable queued)
    function slashOperator(address avs, SlashingParams calldata params)
        external
        onlyWhenNotPaused(PAUSED_OPERATOR_SLASHING)
        returns (uint256 slashId, uint256[] memory shares)
    {
        OperatorSet memory set = OperatorSet(avs, params.operatorSetId);
        bytes32 key = _requireSet(avs, params.operatorSetId);
        if (msg.sender != _slasher[key]) revert InvalidCaller();
        if (params.wadsToSlash.length != params.strategies.length) revert InputArrayLengthMismatch();
        if (!isOperatorSlashable(params.operator, set)) revert OperatorNotSlashable();
        slashId = ++_slashCount[key];
        shares = new uint256[](params.strategies.length);
        uint256[] memory wadSlashed = new uint256[](params.strategies.length);
        address last = address(0);
        for (uint256 i = 0; i < params.strategies.length; ++i) {
            address strategy = params.strategies[i];
            if (strategy <= last) revert StrategiesMustBeInAscendingOrder();
            last = strategy;
            uint256 wad = params.wadsToSlash[i];
            if (wad == 0 || wad > WAD) revert InvalidWadToSlash();
            if (!_contains(_setStrategies[key], strategy)) revert StrategyNotInOperatorSet();
            (wadSlashed[i], shares[i]) = _slashStrategy(params.operator, set, key, slashId, strategy, wad);
        }
        emit OperatorSlashed(params.operator, set, params.strategies, wadSlashed, params.description);
    }

    function _slashStrategy(
        address operator,
        OperatorSet memory set,
        bytes32 key,
        uint256 slashId,
        address strategy,
        uint256 wadToSlash
    ) internal returns (uint256 wadSlashed, uint256 sharesSlashed) {
        (StrategyInfo memory info, Allocation memory allocation) = _getUpdatedAllocation(operator, key, strategy);
        if (allocation.currentMagnitude == 0) return (0, 0);
        uint64 slashed = uint64(uint256(allocation.currentMagnitude).mulWadRoundUp(wadToSlash));
        uint64 prevMaxMagnitude = info.maxMagnitude;
        wadSlashed = uint256(slashed).divWad(prevMaxMagnitude);
        allocation.currentMagnitude -= slashed;
        info.maxMagnitude -= slashed;
        info.encumberedMagnitude -= slashed;
        if (allocation.pendingDiff < 0) {
            uint256 pendingSlashed = uint256(uint128(-allocation.pendingDiff)).mulWadRoundUp(wadToSlash);
            allocation.pendingDiff += int128(uint128(pendingSlashed));
            emit AllocationUpdated(
                operator, set, strategy, _add(allocation.currentMagnitude, allocation.pendingDiff), allocation.effectBlock
            );
        }
        _store(operator, key, strategy, info, allocation);
        emit AllocationUpdated(operator, set, strategy, allocation.currentMagnitude, uint32(block.number));
        _pushMaxMagnitude(operator, strategy, info.maxMagnitude);
        sharesSlashed = DelegationManager(delegation).slashOperatorShares(
            operator, set, slashId, strategy, prevMaxMagnitude, info.maxMagnitude
        );
    }

    // ------------------------------------------------------------------ views

    /// @notice The operator's max magnitude in `strategy` (1e18 until slashed).
    function getMaxMagnitude(address operator, address strategy) public view returns (uint64) {
        MagnitudeAt[] storage history = _maxMagnitudeHistory[operator][strategy];
        return history.length == 0 ? WAD : history[history.length - 1].value;
    }

    /// @notice getMaxMagnitude for several operators.
    function getMaxMagnitudes(address[] calldata operators, address strategy) external view returns (uint64[] memory out) {
        out = new uint64[](operators.length);
        for (uint256 i = 0; i < operators.length; ++i) {
            out[i] = getMaxMagnitude(operators[i], strategy);
        }
    }

    /// @notice getMaxMagnitude for several strategies.
    function getMaxMagnitudes(address operator, address[] calldata strategies) external view returns (uint64[] memory out) {
        out = new uint64[](strategies.length);
        for (uint256 i = 0; i < strategies.length; ++i) {
            out[i] = getMaxMagnitude(operator, strategies[i]);
        }
    }

    /// @notice The max magnitudes as they were at the end of `blockNumber`.
    function getMaxMagnitudesAtBlock(address operator, address[] calldata strategies, uint32 blockNumber)
        external
        view
        returns (uint64[] memory out)
    {
        out = new uint64[](strategies.length);
        for (uint256 i = 0; i < strategies.length; ++i) {
            MagnitudeAt[] storage history = _maxMagnitudeHistory[operator][strategies[i]];
            uint64 value = WAD;
            for (uint256 k = history.length; k > 0; --k) {
                if (history[k - 1].blockNumber <= blockNumber) {
                    value = history[k - 1].value;
                    break;
                }
            }
            out[i] = value;
        }
    }

    /// @notice The operator's allocation to `strategy` in `operatorSet`, with a due pending change applied.
    function getAllocation(address operator, OperatorSet memory operatorSet, address strategy)
        public
        view
        returns (Allocation memory allocation)
    {
        (, allocation) = _getUpdatedAllocation(operator, _key(operatorSet.avs, operatorSet.id), strategy);
    }

    /// @notice getAllocation for several operators.
    function getAllocations(address[] calldata operators, OperatorSet calldata operatorSet, address strategy)
        external
        view
        returns (Allocation[] memory out)
    {
        out = new Allocation[](operators.length);
        for (uint256 i = 0; i < operators.length; ++i) {
            out[i] = getAllocation(operators[i], operatorSet, strategy);
        }
    }

    /// @notice Operator sets in which the operator has a non-zero (or pending) allocation of `strategy`.
    function getStrategyAllocations(address operator, address strategy)
        external
        view
        returns (OperatorSet[] memory sets, Allocation[] memory allocations)
    {
        bytes32[] memory keys = _everAllocatedSetsByStrategy[operator][strategy];
        uint256 n = 0;
        Allocation[] memory all = new Allocation[](keys.length);
        for (uint256 i = 0; i < keys.length; ++i) {
            (, all[i]) = _getUpdatedAllocation(operator, keys[i], strategy);
            if (all[i].currentMagnitude != 0 || all[i].pendingDiff != 0) ++n;
        }
        sets = new OperatorSet[](n);
        allocations = new Allocation[](n);
        n = 0;
        for (uint256 i = 0; i < keys.length; ++i) {
            if (all[i].currentMagnitude != 0 || all[i].pendingDiff != 0) {
                sets[n] = _set(keys[i]);
                allocations[n++] = all[i];
            }
        }
    }

    /// @notice Operator sets in which the operator has any non-zero (or pending) allocation.
    function getAllocatedSets(address operator) external view returns (OperatorSet[] memory sets) {
        bytes32[] memory keys = _everAllocatedSets[operator];
        bool[] memory keep = new bool[](keys.length);
        uint256 n = 0;
        for (uint256 i = 0; i < keys.length; ++i) {
            keep[i] = _allocatedStrategies(operator, keys[i]).length != 0;
            if (keep[i]) ++n;
        }
        sets = new OperatorSet[](n);
        n = 0;
        for (uint256 i = 0; i < keys.length; ++i) {
            if (keep[i]) sets[n++] = _set(keys[i]);
        }
    }

    /// @notice Strategies with a non-zero (or pending) allocation of the operator in `operatorSet`.
    function getAllocatedStrategies(address operator, OperatorSet calldata operatorSet)
        external
        view
        returns (address[] memory)
    {
        return _allocatedStrategies(operator, _key(operatorSet.avs, operatorSet.id));
    }

    /// @notice Magnitude of `strategy` not yet allocated (completed deallocations count as freed).
    function getAllocatableMagnitude(address operator, address strategy) external view returns (uint64) {
        return getMaxMagnitude(operator, strategy) - _encumberedAfterDueDeallocations(operator, strategy);
    }

    /// @notice Magnitude of `strategy` allocated or pending allocation (completed deallocations count as freed).
    function getEncumberedMagnitude(address operator, address strategy) external view returns (uint64) {
        return _encumberedAfterDueDeallocations(operator, strategy);
    }

    /// @notice (isSet, delay): the operator's allocation delay in blocks.
    function getAllocationDelay(address operator) public view returns (bool isSet, uint32 delay) {
        AllocationDelayInfo memory info = _allocationDelayInfo[operator];
        isSet = info.isSet;
        delay = info.delay;
        if (info.effectBlock != 0 && block.number >= info.effectBlock) {
            isSet = true;
            delay = info.pendingDelay;
        }
    }

    /// @notice Delegated shares of each operator in each strategy times its allocated proportion in the set.
    function getAllocatedStake(OperatorSet calldata operatorSet, address[] calldata operators, address[] calldata strategies)
        external
        view
        returns (uint256[][] memory slashableStake)
    {
        return _stakes(operatorSet, operators, strategies, false, 0);
    }

    /// @notice Like getAllocatedStake, but with the pending deallocations due by `futureBlock` applied,
    ///         and 0 for operators that are not slashable by the set.
    function getMinimumSlashableStake(
        OperatorSet calldata operatorSet,
        address[] calldata operators,
        address[] calldata strategies,
        uint32 futureBlock
    ) external view returns (uint256[][] memory slashableStake) {
        return _stakes(operatorSet, operators, strategies, true, futureBlock);
    }

    function _stakes(
        OperatorSet calldata operatorSet,
        address[] calldata operators,
        address[] calldata strategies,
        bool minimum,
        uint32 futureBlock
    ) internal view returns (uint256[][] memory out) {
        bytes32 key = _key(operatorSet.avs, operatorSet.id);
        out = new uint256[][](operators.length);
        for (uint256 i = 0; i < operators.length; ++i) {
            out[i] = new uint256[](strategies.length);
            if (minimum && !isOperatorSlashable(operators[i], operatorSet)) continue;
            uint256[] memory delegated = DelegationManager(delegation).getOperatorShares(operators[i], strategies);
            for (uint256 j = 0; j < strategies.length; ++j) {
                (StrategyInfo memory info, Allocation memory allocation) =
                    _getUpdatedAllocation(operators[i], key, strategies[j]);
                uint64 magnitude = allocation.currentMagnitude;
                if (minimum && allocation.pendingDiff < 0 && allocation.effectBlock <= futureBlock) {
                    magnitude = _add(magnitude, allocation.pendingDiff);
                }
                if (info.maxMagnitude == 0) continue;
                out[i][j] = delegated[j].mulWad(uint256(magnitude).divWad(info.maxMagnitude));
            }
        }
    }

    /// @notice The AVS's registrar (the AVS itself when none was set).
    function getAVSRegistrar(address avs) public view returns (address) {
        address registrar = _avsRegistrar[avs];
        return registrar == address(0) ? avs : registrar;
    }

    /// @notice Whether `operatorSet` exists.
    function isOperatorSet(OperatorSet calldata operatorSet) external view returns (bool) {
        return _setExists[_key(operatorSet.avs, operatorSet.id)];
    }

    /// @notice How many operator sets `avs` created.
    function getOperatorSetCount(address avs) external view returns (uint256) {
        return _setCount[avs];
    }

    /// @notice The registered operators of `operatorSet`.
    function getMembers(OperatorSet calldata operatorSet) external view returns (address[] memory operators) {
        return _members[_key(operatorSet.avs, operatorSet.id)];
    }

    /// @notice How many operators are registered in `operatorSet`.
    function getMemberCount(OperatorSet calldata operatorSet) external view returns (uint256) {
        return _members[_key(operatorSet.avs, operatorSet.id)].length;
    }

    /// @notice Whether `operator` is registered in `operatorSet`.
    function isMemberOfOperatorSet(address operator, OperatorSet calldata operatorSet) external view returns (bool) {
        return _isMember[_key(operatorSet.avs, operatorSet.id)][operator];
    }

    /// @notice The strategies of `operatorSet`.
    function getStrategiesInOperatorSet(OperatorSet calldata operatorSet)
        external
        view
        returns (address[] memory strategies)
    {
        return _setStrategies[_key(operatorSet.avs, operatorSet.id)];
    }

    /// @notice The operator sets `operator` is registered in.
    function getRegisteredSets(address operator) external view returns (OperatorSet[] memory operatorSets) {
        bytes32[] memory keys = _registeredKeys[operator];
        operatorSets = new OperatorSet[](keys.length);
        for (uint256 i = 0; i < keys.length; ++i) {
            operatorSets[i] = _set(keys[i]);
        }
    }

    /// @notice Whether `operatorSet` can slash `operator` now: registered, or deregistered less than
    ///         DEALLOCATION_DELAY blocks ago.
    function isOperatorSlashable(address operator, OperatorSet memory operatorSet) public view returns (bool) {
        RegistrationStatus memory status = _registration[operator][_key(operatorSet.avs, operatorSet.id)];
        return status.registered || block.number <= status.slashableUntil;
    }

    /// @notice The account allowed to slash `operatorSet`.
    function getSlasher(OperatorSet calldata operatorSet) external view returns (address) {
        return _slasher[_key(operatorSet.avs, operatorSet.id)];
    }

    /// @notice The pending slasher change of `operatorSet`; none is ever pending on the devnet: (address(0), 0).
    function getPendingSlasher(OperatorSet calldata operatorSet)
        external
        view
        returns (address pendingSlasher, uint32 effectBlock)
    {
        SlasherParams memory p = _pendingSlasher[_key(operatorSet.avs, operatorSet.id)];
        return (p.pendingSlasher, p.effectBlock);
    }

    /// @notice How many times `operatorSet` slashed (the last slash id).
    function getSlashCount(OperatorSet calldata operatorSet) external view returns (uint256) {
        return _slashCount[_key(operatorSet.avs, operatorSet.id)];
    }

    /// @notice Where slashed funds of `operatorSet` go: the default burn address on the devnet.
    function getRedistributionRecipient(OperatorSet calldata operatorSet) external view returns (address) {
        address recipient = _redistributionRecipient[_key(operatorSet.avs, operatorSet.id)];
        return recipient == address(0) ? DEFAULT_BURN_ADDRESS_VALUE : recipient;
    }

    /// @notice Whether `operatorSet` redistributes slashed funds; never on the devnet.
    function isRedistributingOperatorSet(OperatorSet calldata operatorSet) public view returns (bool) {
        return _redistributionRecipient[_key(operatorSet.avs, operatorSet.id)] != address(0);
    }

    /// @notice Whether `operator` is registered in (or still slashable by) a redistributing set; never on the devnet.
    function isOperatorRedistributable(address operator) external view returns (bool) {
        bytes32[] memory keys = _registeredKeys[operator];
        for (uint256 i = 0; i < keys.length; ++i) {
            if (_redistributionRecipient[keys[i]] != address(0)) return true;
        }
        return false;
    }

    /// @notice SLASHER_CONFIGURATION_DELAY equals ALLOCATION_CONFIGURATION_DELAY.
    function SLASHER_CONFIGURATION_DELAY() external view returns (uint32) {
        return ALLOCATION_CONFIGURATION_DELAY;
    }

    /// @notice Views live in this contract itself (upstream delegates them to AllocationManagerView).
    function viewImplementation() external view returns (address) {
        return address(this);
    }

    // ------------------------------------------------------------------ internals

    function _checkCanCall(address account) internal view {
        if (msg.sender != account) revert InvalidPermissions();
    }

    function _key(address avs, uint32 id) internal pure returns (bytes32) {
        return bytes32(abi.encodePacked(avs, uint96(id)));
    }

    function _set(bytes32 key) internal pure returns (OperatorSet memory) {
        return OperatorSet(address(uint160(uint256(key) >> 96)), uint32(uint256(key)));
    }

    function _requireSet(address avs, uint32 id) internal view returns (bytes32 key) {
        key = _key(avs, id);
        if (!_setExists[key]) revert InvalidOperatorSet();
    }

    function _getUpdatedAllocation(address operator, bytes32 key, address strategy)
        internal
        view
        returns (StrategyInfo memory info, Allocation memory allocation)
    {
        info = StrategyInfo({
            maxMagnitude: getMaxMagnitude(operator, strategy),
            encumberedMagnitude: _encumberedMagnitude[operator][strategy]
        });
        allocation = _allocations[operator][key][strategy];
        if (allocation.pendingDiff == 0 || block.number < allocation.effectBlock) return (info, allocation);
        allocation.currentMagnitude = _add(allocation.currentMagnitude, allocation.pendingDiff);
        if (allocation.pendingDiff < 0) {
            info.encumberedMagnitude = _add(info.encumberedMagnitude, allocation.pendingDiff);
        }
        allocation.pendingDiff = 0;
        allocation.effectBlock = 0;
    }

    function _store(address operator, bytes32 key, address strategy, StrategyInfo memory info, Allocation memory allocation)
        internal
    {
        if (info.encumberedMagnitude != _encumberedMagnitude[operator][strategy]) {
            _encumberedMagnitude[operator][strategy] = info.encumberedMagnitude;
            emit EncumberedMagnitudeUpdated(operator, strategy, info.encumberedMagnitude);
        }
        _allocations[operator][key][strategy] = allocation;
        if (!_everAllocated[operator][key][strategy]) {
            _everAllocated[operator][key][strategy] = true;
            if (_everAllocatedStrategies[operator][key].length == 0) _everAllocatedSets[operator].push(key);
            _everAllocatedStrategies[operator][key].push(strategy);
            _everAllocatedSetsByStrategy[operator][strategy].push(key);
        }
    }

    function _pushMaxMagnitude(address operator, address strategy, uint64 value) internal {
        MagnitudeAt[] storage history = _maxMagnitudeHistory[operator][strategy];
        if (history.length != 0 && history[history.length - 1].blockNumber == uint32(block.number)) {
            history[history.length - 1].value = value;
        } else {
            history.push(MagnitudeAt({blockNumber: uint32(block.number), value: value}));
        }
        emit MaxMagnitudeUpdated(operator, strategy, value);
    }

    function _encumberedAfterDueDeallocations(address operator, address strategy) internal view returns (uint64 encumbered) {
        encumbered = _encumberedMagnitude[operator][strategy];
        bytes32[] storage queue = _deallocationQueue[operator][strategy];
        for (uint256 i = _deallocationQueueHead[operator][strategy]; i < queue.length; ++i) {
            Allocation memory allocation = _allocations[operator][queue[i]][strategy];
            if (allocation.pendingDiff == 0) continue;
            if (block.number < allocation.effectBlock) break;
            if (allocation.pendingDiff < 0) encumbered = _add(encumbered, allocation.pendingDiff);
        }
    }

    function _allocatedStrategies(address operator, bytes32 key) internal view returns (address[] memory out) {
        address[] memory strategies = _everAllocatedStrategies[operator][key];
        bool[] memory keep = new bool[](strategies.length);
        uint256 n = 0;
        for (uint256 i = 0; i < strategies.length; ++i) {
            (, Allocation memory allocation) = _getUpdatedAllocation(operator, key, strategies[i]);
            keep[i] = allocation.currentMagnitude != 0 || allocation.pendingDiff != 0;
            if (keep[i]) ++n;
        }
        out = new address[](n);
        n = 0;
        for (uint256 i = 0; i < strategies.length; ++i) {
            if (keep[i]) out[n++] = strategies[i];
        }
    }

    function _add(uint64 a, int128 b) internal pure returns (uint64) {
        return uint64(uint128(int128(uint128(a)) + b));
    }

    function _contains(address[] storage list, address value) internal view returns (bool) {
        for (uint256 i = 0; i < list.length; ++i) {
            if (list[i] == value) return true;
        }
        return false;
    }

    function _contains(bytes32[] storage list, bytes32 value) internal view returns (bool) {
        for (uint256 i = 0; i < list.length; ++i) {
            if (list[i] == value) return true;
        }
        return false;
    }

    function _removeAddress(address[] storage list, address value) internal returns (bool) {
        uint256 n = list.length;
        for (uint256 i = 0; i < n; ++i) {
            if (list[i] == value) {
                list[i] = list[n - 1];
                list.pop();
                return true;
            }
        }
        return false;
    }

    function _removeKey(bytes32[] storage list, bytes32 value) internal {
        uint256 n = list.length;
        for (uint256 i = 0; i < n; ++i) {
            if (list[i] == value) {
                list[i] = list[n - 1];
                list.pop();
                return;
            }
        }
    }
}
