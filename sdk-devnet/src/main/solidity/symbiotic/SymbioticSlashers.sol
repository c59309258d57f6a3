// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IBaseSlasher} from "abi/symbiotic/SymbioticSlasherBase.sol";
import {ISlasher} from "abi/symbiotic/ISlasher.sol";
import {IVetoSlasher} from "abi/symbiotic/IVetoSlasher.sol";
import {IBaseDelegator} from "abi/symbiotic/SymbioticDelegatorBase.sol";
import {IVault} from "abi/symbiotic/IVault.sol";
import {INetworkMiddlewareService} from "abi/symbiotic/INetworkMiddlewareService.sol";
import {ISymbioticEntityRegistry} from "abi/symbiotic/SymbioticRegistryBase.sol";
import {SymbioticCheckpoints} from "./SymbioticCheckpoints.sol";
import {SymbioticVaultEntityFixture} from "./SymbioticFixtureSupport.sol";

/// @dev The optional burner callback (Symbiotic's IBurner).
interface ISlasherBurnerHook {
    function onSlash(bytes32 subnetwork, address operator, uint256 amount, uint48 captureTimestamp) external;
}

/// @title SymbioticBaseSlasher (devnet fixture base)
/// @notice What both v1 slashers share, as Symbiotic's BaseSlasher and Entity: a clone of one implementation per
///         type, initialised once with `abi.encode(address vault, bytes params)` (SymbioticVaultEntityFixture:
///         `NotVault()` unless the VaultFactory made `vault`; then the type's params, then `NoBurner()` if the
///         burner hook is asked for and the vault has no burner); only the middleware that the
///         NetworkMiddlewareService holds for the subnetwork's network may slash (`NotNetworkMiddleware()`). Per
///         (subnetwork, operator) it keeps the latest slashed capture timestamp and a checkpointed cumulative
///         slash. `slashableStake` is 0 unless
///         `now - epochDuration <= capture < now` and `capture >= latestSlashedCaptureTimestamp`; otherwise it is
///         the delegator's `stakeAt(capture)` minus what was slashed after the capture (cumulativeSlash now minus
///         cumulativeSlashAt(capture)), floored at 0. A slash records the capture timestamp and the cumulative
///         slash, then calls the delegator's `onSlash` (data `abi.encode(GeneralDelegatorData{TYPE, data})`),
///         the vault's `onSlash(amount, capture)` and, with `isBurnerHook`, the burner's
///         `onSlash(subnetwork, operator, amount, capture)` with BURNER_GAS_LIMIT gas (`InsufficientBurnerGas()`
///         if less than BURNER_RESERVE + BURNER_GAS_LIMIT * 64 / 63 is left; the callback's own failure is
///         ignored). `staticDelegateCall` delegatecalls and always reverts with `abi.encode(success, returndata)`.
/// @dev Devnet semantics (deviations from Symbiotic), stated where the shared code is
///      (SymbioticFixtureSupport.sol): clones are EIP-1167 clones made by the SymbioticTypeFactory fixture;
///      `initialize` accepts the FACTORY only and reverts `InvalidInitialization()` for any other caller
///      (SymbioticVaultEntityFixture; upstream lets anyone initialise a fresh clone, which its factory does in the
///      same transaction). Initializable and the reentrancy guard are compact own versions with OpenZeppelin v5's
///      errors and events; storage layout is the fixture's own.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
abstract contract SymbioticBaseSlasher is IBaseSlasher, SymbioticVaultEntityFixture {
    using SymbioticCheckpoints for SymbioticCheckpoints.Trace;

    /// @dev Upstream's IBaseSlasher.BaseParams.
    struct BaseParams {
        bool isBurnerHook;
    }

    /// @dev Upstream's IBaseSlasher.SlashableStakeHints: the delegator's stakeAt hints and the cumulative-slash
    ///      checkpoint hint at the capture timestamp.
    struct SlashableStakeHints {
        bytes stakeHints;
        bytes cumulativeSlashFromHint;
    }

    /// @dev Upstream's IBaseSlasher.GeneralDelegatorData, what the delegator's onSlash receives as `data`.
    struct GeneralDelegatorData {
        uint64 slasherType;
        bytes data;
    }

    uint256 public constant BURNER_GAS_LIMIT = 150_000;
    uint256 public constant BURNER_RESERVE = 20_000;

    address public immutable NETWORK_MIDDLEWARE_SERVICE;

    bool public isBurnerHook;
    mapping(bytes32 subnetwork => mapping(address operator => uint48 value)) public latestSlashedCaptureTimestamp;
    mapping(bytes32 subnetwork => mapping(address operator => SymbioticCheckpoints.Trace amount)) internal
        _cumulativeSlash;

    constructor(address vaultFactory, address networkMiddlewareService, address slasherFactory, uint64 entityType)
        SymbioticVaultEntityFixture(vaultFactory, slasherFactory, entityType)
    {
        NETWORK_MIDDLEWARE_SERVICE = networkMiddlewareService;
    }

    modifier onlyNetworkMiddleware(bytes32 subnetwork) {
        _checkNetworkMiddleware(subnetwork);
        _;
    }

    // ================================================================== initialisation

    /// @dev The slasher part of `initialize` (after the vault is set, before `Initialized(1)`): the type's params,
    ///      then the burner hook.
    function _initializeEntity(address vault_, bytes memory params) internal override {
        BaseParams memory base = _initializeParams(vault_, params);
        if (base.isBurnerHook && IVault(vault_).burner() == address(0)) revert NoBurner();
        isBurnerHook = base.isBurnerHook;
    }

    /// @dev Decodes and checks the type's own init params; returns their BaseParams.
    function _initializeParams(address vault_, bytes memory params) internal virtual returns (BaseParams memory);

    // ================================================================== slash records

    function cumulativeSlash(bytes32 subnetwork, address operator) public view returns (uint256) {
        return _cumulativeSlash[subnetwork][operator].latest();
    }

    function cumulativeSlashAt(bytes32 subnetwork, address operator, uint48 timestamp, bytes memory hint)
        public
        view
        returns (uint256)
    {
        return _cumulativeSlash[subnetwork][operator].upperLookupRecent(timestamp, hint);
    }

    function slashableStake(bytes32 subnetwork, address operator, uint48 captureTimestamp, bytes memory hints)
        public
        view
        returns (uint256 amount)
    {
        (amount,) = _slashableStake(subnetwork, operator, captureTimestamp, hints);
    }

    /// @dev (slashable stake, delegator stake at the capture); both 0 outside the window or before the latest
    ///      slashed capture of (subnetwork, operator).
    function _slashableStake(bytes32 subnetwork, address operator, uint48 captureTimestamp, bytes memory hints)
        internal
        view
        returns (uint256 slashable, uint256 stakeAmount)
    {
        SlashableStakeHints memory h;
        if (hints.length > 0) h = abi.decode(hints, (SlashableStakeHints));

        uint48 now_ = _now();
        if (
            captureTimestamp < now_ - IVault(vault).epochDuration() || captureTimestamp >= now_
                || captureTimestamp < latestSlashedCaptureTimestamp[subnetwork][operator]
        ) return (0, 0);

        stakeAmount =
            IBaseDelegator(IVault(vault).delegator()).stakeAt(subnetwork, operator, captureTimestamp, h.stakeHints);
        uint256 slashedSince = cumulativeSlash(subnetwork, operator)
            - cumulativeSlashAt(subnetwork, operator, captureTimestamp, h.cumulativeSlashFromHint);
        slashable = slashedSince < stakeAmount ? stakeAmount - slashedSince : 0;
    }

    // ================================================================== slashing steps

    function _checkNetworkMiddleware(bytes32 subnetwork) internal view {
        address network = address(uint160(uint256(subnetwork) >> 96));
        if (INetworkMiddlewareService(NETWORK_MIDDLEWARE_SERVICE).middleware(network) != msg.sender) {
            revert NotNetworkMiddleware();
        }
    }

    /// @dev Records the slash and runs the delegator, vault and burner callbacks, in upstream's order.
    function _applySlash(
        bytes32 subnetwork,
        address operator,
        uint256 amount,
        uint48 captureTimestamp,
        bytes memory delegatorData
    ) internal {
        if (latestSlashedCaptureTimestamp[subnetwork][operator] < captureTimestamp) {
            latestSlashedCaptureTimestamp[subnetwork][operator] = captureTimestamp;
        }
        _cumulativeSlash[subnetwork][operator].push(cumulativeSlash(subnetwork, operator) + amount);

        address vault_ = vault;
        IBaseDelegator(IVault(vault_).delegator()).onSlash(
            subnetwork,
            operator,
            amount,
            captureTimestamp,
            abi.encode(GeneralDelegatorData({slasherType: TYPE, data: delegatorData}))
        );
        IVault(vault_).onSlash(amount, captureTimestamp);

        if (isBurnerHook) {
            address burner = IVault(vault_).burner();
            bytes memory callData = abi.encodeCall(
                ISlasherBurnerHook.onSlash, (subnetwork, operator, amount, captureTimestamp)
            );
            if (gasleft() < BURNER_RESERVE + BURNER_GAS_LIMIT * 64 / 63) revert InsufficientBurnerGas();
            assembly {
                // A failing burner does not undo the slash, as upstream.
                pop(call(BURNER_GAS_LIMIT, burner, 0, add(callData, 0x20), mload(callData), 0, 0))
            }
        }
    }

    function _now() internal view returns (uint48) {
        if (block.timestamp > type(uint48).max) revert SafeCastOverflowedUintDowncast(48, block.timestamp);
        return uint48(block.timestamp);
    }
}

/// @title Slasher (devnet fixture)
/// @notice Symbiotic's instant v1 Slasher (type 0). `slash(subnetwork, operator, amount, capture, hints)`, the
///         subnetwork's network middleware only, needs `now - epochDuration <= capture < now`
///         (`InvalidCaptureTimestamp()`), slashes `min(amount, slashableStake)` (`InsufficientSlash()` for 0,
///         which includes a capture before the latest slashed one), records it, calls the delegator's and
///         the vault's `onSlash` (then the burner hook) and emits `Slash`. Init params:
///         `abi.encode(InitParams{BaseParams{bool isBurnerHook}})`; hints: `abi.encode(SlashHints{bytes
///         slashableStakeHints})` with slashableStakeHints = `abi.encode(SlashableStakeHints{bytes stakeHints;
///         bytes cumulativeSlashFromHint})`, or empty.
/// @dev Devnet semantics (deviations from Symbiotic): those of SymbioticBaseSlasher (clone made by the
///      SymbioticTypeFactory fixture; factory-only `initialize`).
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract Slasher is SymbioticBaseSlasher, ISlasher {
    /// @dev Upstream's ISlasher.InitParams.
    struct InitParams {
        BaseParams baseParams;
    }

    /// @dev Upstream's ISlasher.SlashHints.
    struct SlashHints {
        bytes slashableStakeHints;
    }

    /// @dev Upstream's ISlasher.DelegatorData (the delegator's `data.data`).
    struct DelegatorData {
        uint256 slashableStake;
        uint256 stakeAt;
    }

    constructor(address vaultFactory, address networkMiddlewareService, address slasherFactory, uint64 entityType)
        SymbioticBaseSlasher(vaultFactory, networkMiddlewareService, slasherFactory, entityType)
    {}

    function slash(bytes32 subnetwork, address operator, uint256 amount, uint48 captureTimestamp, bytes calldata hints)
        external
        nonReentrant
        onlyNetworkMiddleware(subnetwork)
        returns (uint256 slashedAmount)
    {
        SlashHints memory h;
        if (hints.length > 0) h = abi.decode(hints, (SlashHints));

        uint48 now_ = _now();
        if (captureTimestamp < now_ - IVault(vault).epochDuration() || captureTimestamp >= now_) {
            revert InvalidCaptureTimestamp();
        }

        (uint256 slashable, uint256 stakeAmount) =
            _slashableStake(subnetwork, operator, captureTimestamp, h.slashableStakeHints);
        slashedAmount = amount < slashable ? amount : slashable;
        if (slashedAmount == 0) revert InsufficientSlash();

        _applySlash(
            subnetwork,
            operator,
            slashedAmount,
            captureTimestamp,
            abi.encode(DelegatorData({slashableStake: slashable, stakeAt: stakeAmount}))
        );

        emit Slash(subnetwork, operator, slashedAmount, captureTimestamp);
    }

    function _initializeParams(address, bytes memory params) internal pure override returns (BaseParams memory) {
        return abi.decode(params, (InitParams)).baseParams;
    }
}

/// @title VetoSlasher (devnet fixture)
/// @notice Symbiotic's v1 VetoSlasher (type 1). `requestSlash` (network middleware only) needs
///         `now + vetoDuration - epochDuration <= capture < now` (`InvalidCaptureTimestamp()`), caps the amount
///         at `slashableStake` (`InsufficientSlash()` for 0) and stores a request with
///         `vetoDeadline = now + vetoDuration` (`RequestSlash`). `executeSlash(i)`: `SlashRequestNotExist()`,
///         then the middleware of the request's network only, `VetoPeriodNotEnded()` while there is a resolver at
///         the capture and at now - 1 and the deadline has not passed, `SlashPeriodEnded()` once
///         `now - capture > epochDuration`, the amount re-capped at `slashableStake` (`InsufficientSlash()`),
///         `SlashRequestCompleted()`; then the slash as the Slasher's (`ExecuteSlash`). `vetoSlash(i)`:
///         `SlashRequestNotExist()`, `NoResolver()` unless there is a resolver at the capture and at now - 1,
///         `NotResolver()` unless the caller is the capture-time one, `VetoPeriodEnded()` from the deadline on,
///         `SlashRequestCompleted()`; marks it completed (`VetoSlash`). `setResolver(identifier, resolver, hints)`
///         by a registered network (`NotNetwork()`): a first resolver applies at once (zero: `AlreadySet()`);
///         a change replaces any still pending one and applies from currentEpochStart + resolverSetEpochsDelay
///         epochs (`AlreadySet()` if it equals the current one with nothing pending; setting the current one
///         while a change is pending cancels the change). Init params: `abi.encode(InitParams{BaseParams{bool
///         isBurnerHook}, uint48 vetoDuration, uint256 resolverSetEpochsDelay})`, `InvalidVetoDuration()` unless
///         vetoDuration < the vault's epochDuration, `InvalidResolverSetEpochsDelay()` below 3. Hints are
///         upstream's RequestSlashHints / ExecuteSlashHints / VetoSlashHints / SetResolverHints, or empty.
/// @dev Devnet semantics (deviations from Symbiotic): those of SymbioticBaseSlasher (clone made by the
///      SymbioticTypeFactory fixture; factory-only `initialize`).
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract VetoSlasher is SymbioticBaseSlasher, IVetoSlasher {
    using SymbioticCheckpoints for SymbioticCheckpoints.Trace;

    /// @dev Upstream's IVetoSlasher.InitParams.
    struct InitParams {
        BaseParams baseParams;
        uint48 vetoDuration;
        uint256 resolverSetEpochsDelay;
    }

    /// @dev Upstream's IVetoSlasher.SlashRequest.
    struct SlashRequest {
        bytes32 subnetwork;
        address operator;
        uint256 amount;
        uint48 captureTimestamp;
        uint48 vetoDeadline;
        bool completed;
    }

    struct RequestSlashHints {
        bytes slashableStakeHints;
    }

    struct ExecuteSlashHints {
        bytes captureResolverHint;
        bytes currentResolverHint;
        bytes slashableStakeHints;
    }

    struct VetoSlashHints {
        bytes captureResolverHint;
        bytes currentResolverHint;
    }

    struct SetResolverHints {
        bytes resolverHint;
    }

    /// @dev Upstream's IVetoSlasher.DelegatorData (the delegator's `data.data`).
    struct DelegatorData {
        uint256 slashableStake;
        uint256 stakeAt;
        uint256 slashIndex;
    }

    address public immutable NETWORK_REGISTRY;

    SlashRequest[] public slashRequests;
    uint48 public vetoDuration;
    uint256 public resolverSetEpochsDelay;
    /// @dev Resolver (as uint160) per subnetwork; the newest checkpoint may lie in the future (a pending change).
    mapping(bytes32 subnetwork => SymbioticCheckpoints.Trace value) internal _resolver;

    constructor(
        address vaultFactory,
        address networkMiddlewareService,
        address networkRegistry,
        address slasherFactory,
        uint64 entityType
    ) SymbioticBaseSlasher(vaultFactory, networkMiddlewareService, slasherFactory, entityType) {
        NETWORK_REGISTRY = networkRegistry;
    }

    // ================================================================== views

    function slashRequestsLength() external view returns (uint256) {
        return slashRequests.length;
    }

    function resolverAt(bytes32 subnetwork, uint48 timestamp, bytes memory hint) public view returns (address) {
        return address(uint160(_resolver[subnetwork].upperLookupRecent(timestamp, hint)));
    }

    function resolver(bytes32 subnetwork, bytes memory hint) public view returns (address) {
        return resolverAt(subnetwork, _now(), hint);
    }

    // ================================================================== slashing

    function requestSlash(
        bytes32 subnetwork,
        address operator,
        uint256 amount,
        uint48 captureTimestamp,
        bytes calldata hints
    ) external nonReentrant onlyNetworkMiddleware(subnetwork) returns (uint256 slashIndex) {
        RequestSlashHints memory h;
        if (hints.length > 0) h = abi.decode(hints, (RequestSlashHints));

        uint48 now_ = _now();
        if (captureTimestamp < now_ + vetoDuration - IVault(vault).epochDuration() || captureTimestamp >= now_) {
            revert InvalidCaptureTimestamp();
        }

        uint256 slashable = slashableStake(subnetwork, operator, captureTimestamp, h.slashableStakeHints);
        if (slashable < amount) amount = slashable;
        if (amount == 0) revert InsufficientSlash();

        uint48 vetoDeadline = now_ + vetoDuration;
        slashIndex = slashRequests.length;
        slashRequests.push(
            SlashRequest({
                subnetwork: subnetwork,
                operator: operator,
                amount: amount,
                captureTimestamp: captureTimestamp,
                vetoDeadline: vetoDeadline,
                completed: false
            })
        );

        emit RequestSlash(slashIndex, subnetwork, operator, amount, captureTimestamp, vetoDeadline);
    }

    function executeSlash(uint256 slashIndex, bytes calldata hints)
        external
        nonReentrant
        returns (uint256 slashedAmount)
    {
        ExecuteSlashHints memory h;
        if (hints.length > 0) h = abi.decode(hints, (ExecuteSlashHints));

        if (slashIndex >= slashRequests.length) revert SlashRequestNotExist();
        SlashRequest storage request = slashRequests[slashIndex];
        _checkNetworkMiddleware(request.subnetwork);
        _checkExecutable(request, h.captureResolverHint, h.currentResolverHint);

        (uint256 slashable, uint256 stakeAmount) =
            _slashableStake(request.subnetwork, request.operator, request.captureTimestamp, h.slashableStakeHints);
        slashedAmount = request.amount < slashable ? request.amount : slashable;
        if (slashedAmount == 0) revert InsufficientSlash();

        if (request.completed) revert SlashRequestCompleted();
        request.completed = true;

        _applySlash(
            request.subnetwork,
            request.operator,
            slashedAmount,
            request.captureTimestamp,
            abi.encode(DelegatorData({slashableStake: slashable, stakeAt: stakeAmount, slashIndex: slashIndex}))
        );

        emit ExecuteSlash(slashIndex, slashedAmount);
    }

    /// @dev `VetoPeriodNotEnded()` while a resolver (at the capture and at now - 1) may still veto;
    ///      `SlashPeriodEnded()` once the capture is more than one epoch old.
    function _checkExecutable(SlashRequest storage request, bytes memory captureHint, bytes memory currentHint)
        private
        view
    {
        uint48 now_ = _now();
        if (
            resolverAt(request.subnetwork, request.captureTimestamp, captureHint) != address(0)
                && resolverAt(request.subnetwork, now_ - 1, currentHint) != address(0) && request.vetoDeadline > now_
        ) revert VetoPeriodNotEnded();
        if (now_ - request.captureTimestamp > IVault(vault).epochDuration()) revert SlashPeriodEnded();
    }

    function vetoSlash(uint256 slashIndex, bytes calldata hints) external nonReentrant {
        VetoSlashHints memory h;
        if (hints.length > 0) h = abi.decode(hints, (VetoSlashHints));

        if (slashIndex >= slashRequests.length) revert SlashRequestNotExist();
        SlashRequest storage request = slashRequests[slashIndex];

        uint48 now_ = _now();
        address captureResolver = resolverAt(request.subnetwork, request.captureTimestamp, h.captureResolverHint);
        if (
            captureResolver == address(0)
                || resolverAt(request.subnetwork, now_ - 1, h.currentResolverHint) == address(0)
        ) revert NoResolver();
        if (msg.sender != captureResolver) revert NotResolver();
        if (request.vetoDeadline <= now_) revert VetoPeriodEnded();
        if (request.completed) revert SlashRequestCompleted();

        request.completed = true;

        emit VetoSlash(slashIndex, msg.sender);
    }

    // ================================================================== resolvers

    function setResolver(uint96 identifier, address resolver_, bytes calldata hints) external nonReentrant {
        if (hints.length > 0) abi.decode(hints, (SetResolverHints)); // upstream decodes the hint and leaves it unused

        if (!ISymbioticEntityRegistry(NETWORK_REGISTRY).isEntity(msg.sender)) revert NotNetwork();

        bytes32 subnetwork = bytes32(uint256(uint160(msg.sender)) << 96 | uint256(identifier));
        SymbioticCheckpoints.Point[] storage points = _resolver[subnetwork].points;
        uint256 n = points.length;
        uint48 now_ = _now();
        if (n == 0) {
            if (resolver_ == address(0)) revert AlreadySet();
            _resolver[subnetwork].push(uint160(resolver_));
        } else {
            address current = address(uint160(points[n - 1].value));
            if (points[n - 1].key > now_) {
                // A change is still pending: it is dropped and replaced (or simply cancelled).
                points.pop();
                current = n > 1 ? address(uint160(points[n - 2].value)) : address(0);
            } else if (resolver_ == current) {
                revert AlreadySet();
            }
            if (resolver_ != current) {
                address vault_ = vault;
                uint256 from =
                    IVault(vault_).currentEpochStart() + resolverSetEpochsDelay * IVault(vault_).epochDuration();
                if (from > type(uint48).max) revert SafeCastOverflowedUintDowncast(48, from);
                _pushAt(points, uint48(from), uint160(resolver_));
            }
        }

        emit SetResolver(subnetwork, resolver_);
    }

    /// @dev A checkpoint at `key` (which may be in the future); an equal key replaces the newest value.
    function _pushAt(SymbioticCheckpoints.Point[] storage points, uint48 key, uint256 value) private {
        uint256 n = points.length;
        if (n != 0) {
            SymbioticCheckpoints.Point storage last = points[n - 1];
            if (last.key > key) revert CheckpointUnorderedInsertion();
            if (last.key == key) {
                last.value = value;
                return;
            }
        }
        points.push(SymbioticCheckpoints.Point({key: key, value: value}));
    }

    // ================================================================== initialisation

    function _initializeParams(address vault_, bytes memory params) internal override returns (BaseParams memory) {
        InitParams memory p = abi.decode(params, (InitParams));
        if (p.vetoDuration >= IVault(vault_).epochDuration()) revert InvalidVetoDuration();
        if (p.resolverSetEpochsDelay < 3) revert InvalidResolverSetEpochsDelay();
        vetoDuration = p.vetoDuration;
        resolverSetEpochsDelay = p.resolverSetEpochsDelay;
        return p.baseParams;
    }
}
