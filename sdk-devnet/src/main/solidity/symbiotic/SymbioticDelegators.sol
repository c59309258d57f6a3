// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IBaseDelegator, IBaseNetworkLimitDelegator} from "abi/symbiotic/SymbioticDelegatorBase.sol";
import {INetworkRestakeDelegator} from "abi/symbiotic/INetworkRestakeDelegator.sol";
import {IFullRestakeDelegator} from "abi/symbiotic/IFullRestakeDelegator.sol";
import {IOperatorSpecificDelegator} from "abi/symbiotic/IOperatorSpecificDelegator.sol";
import {IOperatorNetworkSpecificDelegator} from "abi/symbiotic/IOperatorNetworkSpecificDelegator.sol";
import {IOperatorVaultOptInService} from "abi/symbiotic/IOperatorVaultOptInService.sol";
import {IOperatorNetworkOptInService} from "abi/symbiotic/IOperatorNetworkOptInService.sol";
import {INetworkRegistry} from "abi/symbiotic/INetworkRegistry.sol";
import {IOperatorRegistry} from "abi/symbiotic/IOperatorRegistry.sol";
import {IVault} from "abi/symbiotic/IVault.sol";
import {SymbioticCheckpoints} from "./SymbioticCheckpoints.sol";
import {
    SymbioticAccessControlFixture,
    SymbioticInitializableFixture,
    SymbioticMulDivFixture,
    SymbioticReentrancyGuardFixture,
    SymbioticVaultEntityFixture
} from "./SymbioticFixtureSupport.sol";

/// @dev Symbiotic's IDelegatorHook: what a delegator calls on its hook after every slash.
interface ISymbioticDelegatorHookForFixture {
    function onSlash(bytes32 subnetwork, address operator, uint256 amount, uint48 captureTimestamp, bytes calldata data)
        external;
}

/// @title BaseDelegatorFixture (devnet fixture base)
/// @notice What the four Symbiotic v1 delegators share (upstream's Entity + BaseDelegator): factory-only,
///         once-only `initialize(abi.encode(address vault, bytes params))` (SymbioticVaultEntityFixture: the vault
///         must be an entity of the VaultFactory, `NotVault()`; `params` is decoded by each type, which returns
///         the BaseParams `{address defaultAdminRoleHolder; address hook; address hookSetRoleHolder}` that are
///         applied after the type's own role holders); `stake` / `stakeAt` give 0 unless the operator is opted in
///         to the vault and to the subnetwork's network (now, or at the timestamp; `stakeAt` first computes the
///         type's amount and checks the opt-ins only when it is not 0); `setMaxNetworkLimit` by a registered network
///         (`NotNetwork()`, `AlreadySet()`); `setHook` (HOOK_SET_ROLE, `AlreadySet()`); `onSlash` from the
///         vault's slasher only (`NotSlasher()`), which calls the hook with HOOK_GAS_LIMIT gas, ignoring its
///         outcome, after checking that `HOOK_RESERVE + HOOK_GAS_LIMIT * 64 / 63` gas is left
///         (`InsufficientHookGas()`), then emits `OnSlash`. `stakeAt` hints are the type's abi-encoded StakeHints
///         whose `baseHints` are abi.encode(StakeBaseHints{bytes operatorVaultOptInHint; bytes
///         operatorNetworkOptInHint}); every hint may be empty.
/// @dev Devnet semantics (deviations from Symbiotic), stated where the shared code is
///      (SymbioticFixtureSupport.sol):
///      - Instances are EIP-1167 clones whose `initialize` only FACTORY may call (SymbioticVaultEntityFixture);
///        the implementation is locked by its constructor, as `_disableInitializers`.
///      - AccessControl and the reentrancy guard are compact own versions with OpenZeppelin v5.0's errors and
///        events (no role admin is ever changed, so every role's admin is DEFAULT_ADMIN_ROLE).
///      - The bases are listed so that the storage keeps its order: version, guard, roles, vault, hook.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
abstract contract BaseDelegatorFixture is
    SymbioticInitializableFixture,
    SymbioticReentrancyGuardFixture,
    SymbioticAccessControlFixture,
    SymbioticVaultEntityFixture,
    IBaseDelegator
{
    using SymbioticCheckpoints for SymbioticCheckpoints.Trace;

    struct BaseParams {
        address defaultAdminRoleHolder;
        address hook;
        address hookSetRoleHolder;
    }

    struct StakeBaseHints {
        bytes operatorVaultOptInHint;
        bytes operatorNetworkOptInHint;
    }

    uint256 public constant HOOK_GAS_LIMIT = 250_000;
    uint256 public constant HOOK_RESERVE = 20_000;
    bytes32 public constant HOOK_SET_ROLE = keccak256("HOOK_SET_ROLE");

    address public immutable NETWORK_REGISTRY;
    address public immutable OPERATOR_VAULT_OPT_IN_SERVICE;
    address public immutable OPERATOR_NETWORK_OPT_IN_SERVICE;

    address public hook;
    mapping(bytes32 subnetwork => uint256 value) public maxNetworkLimit;

    constructor(
        address networkRegistry,
        address vaultFactory,
        address operatorVaultOptInService,
        address operatorNetworkOptInService,
        address delegatorFactory,
        uint64 entityType
    ) SymbioticVaultEntityFixture(vaultFactory, delegatorFactory, entityType) {
        NETWORK_REGISTRY = networkRegistry;
        OPERATOR_VAULT_OPT_IN_SERVICE = operatorVaultOptInService;
        OPERATOR_NETWORK_OPT_IN_SERVICE = operatorNetworkOptInService;
    }

    function VERSION() external pure returns (uint64) {
        return 1;
    }

    // ================================================================== initialisation

    /// @dev The delegator part of `initialize` (after the vault is set, before `Initialized(1)`): the type's
    ///      params, then the hook and the base role holders.
    function _initializeEntity(address, bytes memory params) internal override {
        BaseParams memory base = _initializeType(params);
        hook = base.hook;
        if (base.defaultAdminRoleHolder != address(0)) _grantRole(DEFAULT_ADMIN_ROLE, base.defaultAdminRoleHolder);
        if (base.hookSetRoleHolder != address(0)) _grantRole(HOOK_SET_ROLE, base.hookSetRoleHolder);
    }

    /// @dev Decodes and applies the type's InitParams (its own role holders first) and returns its BaseParams.
    function _initializeType(bytes memory params) internal virtual returns (BaseParams memory);

    // ================================================================== stake

    function stake(bytes32 subnetwork, address operator) external view returns (uint256) {
        if (
            !IOperatorVaultOptInService(OPERATOR_VAULT_OPT_IN_SERVICE).isOptedIn(operator, vault)
                || !IOperatorNetworkOptInService(OPERATOR_NETWORK_OPT_IN_SERVICE).isOptedIn(
                    operator, _networkOf(subnetwork)
                )
        ) return 0;
        return _stake(subnetwork, operator);
    }

    function stakeAt(bytes32 subnetwork, address operator, uint48 timestamp, bytes calldata hints)
        external
        view
        returns (uint256 amount)
    {
        bytes memory baseHints;
        (amount, baseHints) = _stakeAt(subnetwork, operator, timestamp, hints);
        StakeBaseHints memory h;
        if (baseHints.length > 0) h = abi.decode(baseHints, (StakeBaseHints));
        if (
            amount == 0
                || !IOperatorVaultOptInService(OPERATOR_VAULT_OPT_IN_SERVICE).isOptedInAt(
                    operator, vault, timestamp, h.operatorVaultOptInHint
                )
                || !IOperatorNetworkOptInService(OPERATOR_NETWORK_OPT_IN_SERVICE).isOptedInAt(
                    operator, _networkOf(subnetwork), timestamp, h.operatorNetworkOptInHint
                )
        ) return 0;
    }

    /// @dev The type's stake formula now, before the opt-in checks.
    function _stake(bytes32 subnetwork, address operator) internal view virtual returns (uint256);

    /// @dev The type's stake formula at `timestamp` from its StakeHints, and the StakeHints' `baseHints`.
    function _stakeAt(bytes32 subnetwork, address operator, uint48 timestamp, bytes calldata hints)
        internal
        view
        virtual
        returns (uint256 amount, bytes memory baseHints);

    /// @dev The vault's active stake now.
    function _activeStake() internal view returns (uint256) {
        return IVault(vault).activeStake();
    }

    /// @dev The vault's active stake at `timestamp`.
    function _activeStakeAt(uint48 timestamp, bytes memory hint) internal view returns (uint256) {
        return IVault(vault).activeStakeAt(timestamp, hint);
    }

    // ================================================================== network cap

    function setMaxNetworkLimit(uint96 identifier, uint256 amount) external nonReentrant {
        if (!INetworkRegistry(NETWORK_REGISTRY).isEntity(msg.sender)) revert NotNetwork();
        bytes32 subnetwork = bytes32((uint256(uint160(msg.sender)) << 96) | identifier);
        if (maxNetworkLimit[subnetwork] == amount) revert AlreadySet();
        maxNetworkLimit[subnetwork] = amount;
        _afterSetMaxNetworkLimit(subnetwork, amount);
        emit SetMaxNetworkLimit(subnetwork, amount);
    }

    /// @dev What the type does when a network changes its cap (lower the network limit, or checkpoint the cap).
    function _afterSetMaxNetworkLimit(bytes32 subnetwork, uint256 amount) internal virtual;

    // ================================================================== slashing hook

    function setHook(address hook_) external nonReentrant onlyRole(HOOK_SET_ROLE) {
        if (hook == hook_) revert AlreadySet();
        hook = hook_;
        emit SetHook(hook_);
    }

    function onSlash(bytes32 subnetwork, address operator, uint256 amount, uint48 captureTimestamp, bytes calldata data)
        external
        nonReentrant
    {
        if (msg.sender != IVault(vault).slasher()) revert NotSlasher();

        address hook_ = hook;
        if (hook_ != address(0)) {
            bytes memory payload = abi.encodeCall(
                ISymbioticDelegatorHookForFixture.onSlash, (subnetwork, operator, amount, captureTimestamp, data)
            );
            if (gasleft() < HOOK_RESERVE + HOOK_GAS_LIMIT * 64 / 63) revert InsufficientHookGas();
            // The hook's outcome (success, revert, returned data) is ignored, as upstream.
            assembly ("memory-safe") {
                pop(call(HOOK_GAS_LIMIT, hook_, 0, add(payload, 0x20), mload(payload), 0, 0))
            }
        }

        emit OnSlash(subnetwork, operator, amount, captureTimestamp);
    }

    // ================================================================== helpers

    /// @dev The network (top 20 bytes) of a subnetwork `network << 96 | identifier`.
    function _networkOf(bytes32 subnetwork) internal pure returns (address) {
        return address(uint160(uint256(subnetwork) >> 96));
    }

    /// @dev The smaller of two values.
    function _min(uint256 a, uint256 b) internal pure returns (uint256) {
        return a < b ? a : b;
    }
}

/// @title BaseNetworkLimitDelegatorFixture (devnet fixture base)
/// @notice The checkpointed per-subnetwork network limit of the NetworkRestake, FullRestake and
///         OperatorSpecific delegators: `setNetworkLimit` (NETWORK_LIMIT_SET_ROLE) checks
///         `ExceedsMaxNetworkLimit()` (amount above the network's cap) before `AlreadySet()`; when a network
///         lowers its cap below an existing limit, the limit is lowered to the cap at that time (no event).
///         Role-holder lists given at initialisation must not contain the zero address
///         (`ZeroAddressRoleHolder()`) or repeat an address (`DuplicateRoleHolder()`).
/// @dev Devnet semantics: as BaseDelegatorFixture.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
abstract contract BaseNetworkLimitDelegatorFixture is BaseDelegatorFixture, IBaseNetworkLimitDelegator {
    using SymbioticCheckpoints for SymbioticCheckpoints.Trace;

    bytes32 public constant NETWORK_LIMIT_SET_ROLE = keccak256("NETWORK_LIMIT_SET_ROLE");

    mapping(bytes32 subnetwork => SymbioticCheckpoints.Trace value) internal _networkLimit;

    // No constructor: each type passes its arguments to BaseDelegatorFixture directly.

    function networkLimit(bytes32 subnetwork) public view returns (uint256) {
        return _networkLimit[subnetwork].latest();
    }

    function networkLimitAt(bytes32 subnetwork, uint48 timestamp, bytes memory hint) public view returns (uint256) {
        return _networkLimit[subnetwork].upperLookupRecent(timestamp, hint);
    }

    function setNetworkLimit(bytes32 subnetwork, uint256 amount) external onlyRole(NETWORK_LIMIT_SET_ROLE) {
        if (amount > maxNetworkLimit[subnetwork]) revert ExceedsMaxNetworkLimit();
        if (networkLimit(subnetwork) == amount) revert AlreadySet();
        _networkLimit[subnetwork].push(amount);
        emit SetNetworkLimit(subnetwork, amount);
    }

    function _afterSetMaxNetworkLimit(bytes32 subnetwork, uint256 amount) internal override {
        SymbioticCheckpoints.Trace storage limit = _networkLimit[subnetwork];
        if (limit.length() > 0 && limit.latest() > amount) limit.push(amount);
    }

    /// @dev Grants `role` to each of `holders`, refusing the zero address and repeats.
    function _grantRoleHolders(bytes32 role, address[] memory holders) internal {
        for (uint256 i; i < holders.length; ++i) {
            if (holders[i] == address(0)) revert ZeroAddressRoleHolder();
            if (!_grantRole(role, holders[i])) revert DuplicateRoleHolder();
        }
    }
}

/// @title NetworkRestakeDelegator (devnet fixture)
/// @notice Symbiotic's delegator type 0: in each subnetwork the vault's active stake, capped by the network
///         limit, is split among operators by shares:
///         stake = floor(operatorNetworkShares * min(activeStake, networkLimit) / totalOperatorNetworkShares),
///         0 while the total is 0 (512-bit product, SymbioticMulDivFixture). Shares and totals are checkpointed;
///         `setOperatorNetworkShares` (OPERATOR_NETWORK_SHARES_SET_ROLE, `AlreadySet()` for the current value)
///         moves the total by the difference. Init params: abi.encode(InitParams{BaseParams baseParams; address[]
///         networkLimitSetRoleHolders; address[] operatorNetworkSharesSetRoleHolders}); without a default admin
///         both lists must be non-empty (`MissingRoleHolders()`). StakeHints: {bytes baseHints; bytes
///         activeStakeHint; bytes networkLimitHint; bytes totalOperatorNetworkSharesHint; bytes
///         operatorNetworkSharesHint}.
/// @dev Devnet semantics (deviations from Symbiotic): see BaseDelegatorFixture (clone initialisation, compact
///      AccessControl). Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract NetworkRestakeDelegator is BaseNetworkLimitDelegatorFixture, SymbioticMulDivFixture, INetworkRestakeDelegator {
    using SymbioticCheckpoints for SymbioticCheckpoints.Trace;

    struct InitParams {
        BaseParams baseParams;
        address[] networkLimitSetRoleHolders;
        address[] operatorNetworkSharesSetRoleHolders;
    }

    struct StakeHints {
        bytes baseHints;
        bytes activeStakeHint;
        bytes networkLimitHint;
        bytes totalOperatorNetworkSharesHint;
        bytes operatorNetworkSharesHint;
    }

    bytes32 public constant OPERATOR_NETWORK_SHARES_SET_ROLE = keccak256("OPERATOR_NETWORK_SHARES_SET_ROLE");

    mapping(bytes32 subnetwork => SymbioticCheckpoints.Trace shares) internal _totalOperatorNetworkShares;
    mapping(bytes32 subnetwork => mapping(address operator => SymbioticCheckpoints.Trace shares)) internal
        _operatorNetworkShares;

    constructor(
        address networkRegistry,
        address vaultFactory,
        address operatorVaultOptInService,
        address operatorNetworkOptInService,
        address delegatorFactory,
        uint64 entityType
    )
        BaseDelegatorFixture(
            networkRegistry, vaultFactory, operatorVaultOptInService, operatorNetworkOptInService, delegatorFactory,
            entityType
        )
    {}

    function operatorNetworkShares(bytes32 subnetwork, address operator) public view returns (uint256) {
        return _operatorNetworkShares[subnetwork][operator].latest();
    }

    function operatorNetworkSharesAt(bytes32 subnetwork, address operator, uint48 timestamp, bytes memory hint)
        public
        view
        returns (uint256)
    {
        return _operatorNetworkShares[subnetwork][operator].upperLookupRecent(timestamp, hint);
    }

    function totalOperatorNetworkShares(bytes32 subnetwork) public view returns (uint256) {
        return _totalOperatorNetworkShares[subnetwork].latest();
    }

    function totalOperatorNetworkSharesAt(bytes32 subnetwork, uint48 timestamp, bytes memory hint)
        public
        view
        returns (uint256)
    {
        return _totalOperatorNetworkShares[subnetwork].upperLookupRecent(timestamp, hint);
    }

    function setOperatorNetworkShares(bytes32 subnetwork, address operator, uint256 shares)
        external
        onlyRole(OPERATOR_NETWORK_SHARES_SET_ROLE)
    {
        uint256 previous = operatorNetworkShares(subnetwork, operator);
        if (previous == shares) revert AlreadySet();
        _totalOperatorNetworkShares[subnetwork].push(totalOperatorNetworkShares(subnetwork) - previous + shares);
        _operatorNetworkShares[subnetwork][operator].push(shares);
        emit SetOperatorNetworkShares(subnetwork, operator, shares);
    }

    function _stake(bytes32 subnetwork, address operator) internal view override returns (uint256) {
        uint256 total = totalOperatorNetworkShares(subnetwork);
        if (total == 0) return 0;
        return _mulDiv(
            operatorNetworkShares(subnetwork, operator), _min(_activeStake(), networkLimit(subnetwork)), total, false
        );
    }

    function _stakeAt(bytes32 subnetwork, address operator, uint48 timestamp, bytes calldata hints)
        internal
        view
        override
        returns (uint256 amount, bytes memory baseHints)
    {
        StakeHints memory h;
        if (hints.length > 0) h = abi.decode(hints, (StakeHints));
        baseHints = h.baseHints;
        uint256 total = totalOperatorNetworkSharesAt(subnetwork, timestamp, h.totalOperatorNetworkSharesHint);
        if (total == 0) return (0, baseHints);
        amount = _mulDiv(
            operatorNetworkSharesAt(subnetwork, operator, timestamp, h.operatorNetworkSharesHint),
            _min(_activeStakeAt(timestamp, h.activeStakeHint), networkLimitAt(subnetwork, timestamp, h.networkLimitHint)),
            total,
            false
        );
    }

    function _initializeType(bytes memory params) internal override returns (BaseParams memory) {
        InitParams memory p = abi.decode(params, (InitParams));
        if (
            p.baseParams.defaultAdminRoleHolder == address(0)
                && (p.networkLimitSetRoleHolders.length == 0 || p.operatorNetworkSharesSetRoleHolders.length == 0)
        ) revert MissingRoleHolders();
        _grantRoleHolders(NETWORK_LIMIT_SET_ROLE, p.networkLimitSetRoleHolders);
        _grantRoleHolders(OPERATOR_NETWORK_SHARES_SET_ROLE, p.operatorNetworkSharesSetRoleHolders);
        return p.baseParams;
    }
}

/// @title FullRestakeDelegator (devnet fixture)
/// @notice Symbiotic's delegator type 1: every operator has its own checkpointed limit per subnetwork and
///         stake = min(activeStake, networkLimit, operatorNetworkLimit); limits are not split, so the same
///         collateral can back several operators and networks. `setOperatorNetworkLimit`
///         (OPERATOR_NETWORK_LIMIT_SET_ROLE, `AlreadySet()` for the current value) is not capped.
///         Init params: abi.encode(InitParams{BaseParams baseParams; address[] networkLimitSetRoleHolders;
///         address[] operatorNetworkLimitSetRoleHolders}); without a default admin both lists must be non-empty
///         (`MissingRoleHolders()`). StakeHints: {bytes baseHints; bytes activeStakeHint; bytes networkLimitHint;
///         bytes operatorNetworkLimitHint}.
/// @dev Devnet semantics (deviations from Symbiotic): see BaseDelegatorFixture (clone initialisation, compact
///      AccessControl). Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract FullRestakeDelegator is BaseNetworkLimitDelegatorFixture, IFullRestakeDelegator {
    using SymbioticCheckpoints for SymbioticCheckpoints.Trace;

    struct InitParams {
        BaseParams baseParams;
        address[] networkLimitSetRoleHolders;
        address[] operatorNetworkLimitSetRoleHolders;
    }

    struct StakeHints {
        bytes baseHints;
        bytes activeStakeHint;
        bytes networkLimitHint;
        bytes operatorNetworkLimitHint;
    }

    bytes32 public constant OPERATOR_NETWORK_LIMIT_SET_ROLE = keccak256("OPERATOR_NETWORK_LIMIT_SET_ROLE");

    mapping(bytes32 subnetwork => mapping(address operator => SymbioticCheckpoints.Trace value)) internal
        _operatorNetworkLimit;

    constructor(
        address networkRegistry,
        address vaultFactory,
        address operatorVaultOptInService,
        address operatorNetworkOptInService,
        address delegatorFactory,
        uint64 entityType
    )
        BaseDelegatorFixture(
            networkRegistry, vaultFactory, operatorVaultOptInService, operatorNetworkOptInService, delegatorFactory,
            entityType
        )
    {}

    function operatorNetworkLimit(bytes32 subnetwork, address operator) public view returns (uint256) {
        return _operatorNetworkLimit[subnetwork][operator].latest();
    }

    function operatorNetworkLimitAt(bytes32 subnetwork, address operator, uint48 timestamp, bytes memory hint)
        public
        view
        returns (uint256)
    {
        return _operatorNetworkLimit[subnetwork][operator].upperLookupRecent(timestamp, hint);
    }

    function setOperatorNetworkLimit(bytes32 subnetwork, address operator, uint256 amount)
        external
        onlyRole(OPERATOR_NETWORK_LIMIT_SET_ROLE)
    {
        if (operatorNetworkLimit(subnetwork, operator) == amount) revert AlreadySet();
        _operatorNetworkLimit[subnetwork][operator].push(amount);
        emit SetOperatorNetworkLimit(subnetwork, operator, amount);
    }

    function _stake(bytes32 subnetwork, address operator) internal view override returns (uint256) {
        return _min(_activeStake(), _min(networkLimit(subnetwork), operatorNetworkLimit(subnetwork, operator)));
    }

    function _stakeAt(bytes32 subnetwork, address operator, uint48 timestamp, bytes calldata hints)
        internal
        view
        override
        returns (uint256 amount, bytes memory baseHints)
    {
        StakeHints memory h;
        if (hints.length > 0) h = abi.decode(hints, (StakeHints));
        amount = _min(
            _activeStakeAt(timestamp, h.activeStakeHint),
            _min(
                networkLimitAt(subnetwork, timestamp, h.networkLimitHint),
                operatorNetworkLimitAt(subnetwork, operator, timestamp, h.operatorNetworkLimitHint)
            )
        );
        baseHints = h.baseHints;
    }

    function _initializeType(bytes memory params) internal override returns (BaseParams memory) {
        InitParams memory p = abi.decode(params, (InitParams));
        if (
            p.baseParams.defaultAdminRoleHolder == address(0)
                && (p.networkLimitSetRoleHolders.length == 0 || p.operatorNetworkLimitSetRoleHolders.length == 0)
        ) revert MissingRoleHolders();
        _grantRoleHolders(NETWORK_LIMIT_SET_ROLE, p.networkLimitSetRoleHolders);
        _grantRoleHolders(OPERATOR_NETWORK_LIMIT_SET_ROLE, p.operatorNetworkLimitSetRoleHolders);
        return p.baseParams;
    }
}

/// @title OperatorSpecificDelegator (devnet fixture)
/// @notice Symbiotic's delegator type 2: the whole vault backs one registered operator, fixed at
///         initialisation; for it stake = min(activeStake, networkLimit) in each subnetwork, 0 for any other
///         operator. Init params: abi.encode(InitParams{BaseParams baseParams; address[]
///         networkLimitSetRoleHolders; address operator}), checked in this order: `MissingRoleHolders()` (no
///         default admin and no network-limit setter), `NotOperator()` (not in the OperatorRegistry), then the
///         role-holder list. StakeHints: {bytes baseHints; bytes activeStakeHint; bytes networkLimitHint}.
/// @dev Devnet semantics (deviations from Symbiotic): see BaseDelegatorFixture (clone initialisation, compact
///      AccessControl). Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract OperatorSpecificDelegator is BaseNetworkLimitDelegatorFixture, IOperatorSpecificDelegator {
    struct InitParams {
        BaseParams baseParams;
        address[] networkLimitSetRoleHolders;
        address operator;
    }

    struct StakeHints {
        bytes baseHints;
        bytes activeStakeHint;
        bytes networkLimitHint;
    }

    address public immutable OPERATOR_REGISTRY;

    address public operator;

    constructor(
        address operatorRegistry,
        address networkRegistry,
        address vaultFactory,
        address operatorVaultOptInService,
        address operatorNetworkOptInService,
        address delegatorFactory,
        uint64 entityType
    )
        BaseDelegatorFixture(
            networkRegistry, vaultFactory, operatorVaultOptInService, operatorNetworkOptInService, delegatorFactory,
            entityType
        )
    {
        OPERATOR_REGISTRY = operatorRegistry;
    }

    function _stake(bytes32 subnetwork, address operator_) internal view override returns (uint256) {
        if (operator_ != operator) return 0;
        return _min(_activeStake(), networkLimit(subnetwork));
    }

    function _stakeAt(bytes32 subnetwork, address operator_, uint48 timestamp, bytes calldata hints)
        internal
        view
        override
        returns (uint256 amount, bytes memory baseHints)
    {
        StakeHints memory h;
        if (hints.length > 0) h = abi.decode(hints, (StakeHints));
        baseHints = h.baseHints;
        if (operator_ != operator) return (0, baseHints);
        amount = _min(
            _activeStakeAt(timestamp, h.activeStakeHint), networkLimitAt(subnetwork, timestamp, h.networkLimitHint)
        );
    }

    function _initializeType(bytes memory params) internal override returns (BaseParams memory) {
        InitParams memory p = abi.decode(params, (InitParams));
        if (p.baseParams.defaultAdminRoleHolder == address(0) && p.networkLimitSetRoleHolders.length == 0) {
            revert MissingRoleHolders();
        }
        if (!IOperatorRegistry(OPERATOR_REGISTRY).isEntity(p.operator)) revert NotOperator();
        _grantRoleHolders(NETWORK_LIMIT_SET_ROLE, p.networkLimitSetRoleHolders);
        operator = p.operator;
        return p.baseParams;
    }
}

/// @title OperatorNetworkSpecificDelegator (devnet fixture)
/// @notice Symbiotic's delegator type 3: the whole vault backs one registered operator in one registered
///         network, both fixed at initialisation; stake = min(activeStake, maxNetworkLimit) for a subnetwork of
///         that network and that operator, 0 otherwise. There is no vault-side limit: the network's cap is
///         checkpointed (`maxNetworkLimitAt`), and only that network may set it (another registered network gets
///         `InvalidNetwork()`). Init params: abi.encode(InitParams{BaseParams baseParams; address network;
///         address operator}), checked `NotNetwork()` (not in the NetworkRegistry) then `NotOperator()` (not in
///         the OperatorRegistry); no role holder is required. StakeHints: {bytes baseHints; bytes
///         activeStakeHint; bytes maxNetworkLimitHint}.
/// @dev Devnet semantics (deviations from Symbiotic): see BaseDelegatorFixture (clone initialisation, compact
///      AccessControl). Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract OperatorNetworkSpecificDelegator is BaseDelegatorFixture, IOperatorNetworkSpecificDelegator {
    using SymbioticCheckpoints for SymbioticCheckpoints.Trace;

    struct InitParams {
        BaseParams baseParams;
        address network;
        address operator;
    }

    struct StakeHints {
        bytes baseHints;
        bytes activeStakeHint;
        bytes maxNetworkLimitHint;
    }

    address public immutable OPERATOR_REGISTRY;

    mapping(bytes32 subnetwork => SymbioticCheckpoints.Trace value) internal _maxNetworkLimit;

    address public network;
    address public operator;

    constructor(
        address operatorRegistry,
        address networkRegistry,
        address vaultFactory,
        address operatorVaultOptInService,
        address operatorNetworkOptInService,
        address delegatorFactory,
        uint64 entityType
    )
        BaseDelegatorFixture(
            networkRegistry, vaultFactory, operatorVaultOptInService, operatorNetworkOptInService, delegatorFactory,
            entityType
        )
    {
        OPERATOR_REGISTRY = operatorRegistry;
    }

    function maxNetworkLimitAt(bytes32 subnetwork, uint48 timestamp, bytes memory hint) public view returns (uint256) {
        return _maxNetworkLimit[subnetwork].upperLookupRecent(timestamp, hint);
    }

    function _stake(bytes32 subnetwork, address operator_) internal view override returns (uint256) {
        if (_networkOf(subnetwork) != network || operator_ != operator) return 0;
        return _min(_activeStake(), maxNetworkLimit[subnetwork]);
    }

    function _stakeAt(bytes32 subnetwork, address operator_, uint48 timestamp, bytes calldata hints)
        internal
        view
        override
        returns (uint256 amount, bytes memory baseHints)
    {
        StakeHints memory h;
        if (hints.length > 0) h = abi.decode(hints, (StakeHints));
        baseHints = h.baseHints;
        if (_networkOf(subnetwork) != network || operator_ != operator) return (0, baseHints);
        amount = _min(
            _activeStakeAt(timestamp, h.activeStakeHint), maxNetworkLimitAt(subnetwork, timestamp, h.maxNetworkLimitHint)
        );
    }

    function _afterSetMaxNetworkLimit(bytes32 subnetwork, uint256 amount) internal override {
        if (_networkOf(subnetwork) != network) revert InvalidNetwork();
        _maxNetworkLimit[subnetwork].push(amount);
    }

    function _initializeType(bytes memory params) internal override returns (BaseParams memory) {
        InitParams memory p = abi.decode(params, (InitParams));
        if (!INetworkRegistry(NETWORK_REGISTRY).isEntity(p.network)) revert NotNetwork();
        if (!IOperatorRegistry(OPERATOR_REGISTRY).isEntity(p.operator)) revert NotOperator();
        network = p.network;
        operator = p.operator;
        return p.baseParams;
    }
}
