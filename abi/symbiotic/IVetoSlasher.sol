// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IBaseSlasher} from "abi/symbiotic/SymbioticSlasherBase.sol";

/// @title IVetoSlasher
/// @notice Symbiotic v1 slasher with a veto window (type 1). The network's middleware first requests a slash;
///         until the request's vetoDeadline (request time + vetoDuration) the subnetwork's resolver may veto
///         it; after the deadline the middleware may execute it, but only while the capture timestamp is at
///         most one vault epoch old. With no resolver (at capture time or now) a request can be executed at
///         once. Requests are public: a staker sees a pending slash (completed == false) before any
///         collateral moves.
interface IVetoSlasher is IBaseSlasher {
    // ---------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------

    /// @notice The new value equals the current one.
    error AlreadySet();

    /// @notice The resolver-change delay set at initialisation is below 3 epochs.
    error InvalidResolverSetEpochsDelay();

    /// @notice The veto duration set at initialisation is not shorter than the vault epoch.
    error InvalidVetoDuration();

    /// @notice The subnetwork has no resolver (at capture time or now), so nobody can veto.
    error NoResolver();

    /// @notice The caller is not a registered network.
    error NotNetwork();

    /// @notice The caller is not the subnetwork's resolver at the request's capture time.
    error NotResolver();

    /// @notice The capture timestamp is more than one epoch old; the request can no longer be executed.
    error SlashPeriodEnded();

    /// @notice The request was already executed or vetoed.
    error SlashRequestCompleted();

    /// @notice No request with this index.
    error SlashRequestNotExist();

    /// @notice The veto deadline has passed.
    error VetoPeriodEnded();

    /// @notice The veto deadline has not passed yet, so the request cannot be executed.
    error VetoPeriodNotEnded();

    // ---------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------

    /// @notice Request `slashIndex` was executed; `slashedAmount` of collateral was taken.
    event ExecuteSlash(uint256 indexed slashIndex, uint256 slashedAmount);

    /// @notice The middleware asked to slash `slashAmount` (already capped at the slashable stake) from
    ///         `operator` in `subnetwork` for stake at `captureTimestamp`; it can be vetoed until
    ///         `vetoDeadline`. A pending slash, not a loss yet: wait for ExecuteSlash or VetoSlash.
    event RequestSlash(
        uint256 indexed slashIndex,
        bytes32 indexed subnetwork,
        address indexed operator,
        uint256 slashAmount,
        uint48 captureTimestamp,
        uint48 vetoDeadline
    );

    /// @notice The network set `resolver` for `subnetwork`. A first resolver applies at once; a change applies
    ///         from the current epoch start + resolverSetEpochsDelay epochs.
    event SetResolver(bytes32 indexed subnetwork, address resolver);

    /// @notice `resolver` vetoed request `slashIndex`; nothing is slashed.
    event VetoSlash(uint256 indexed slashIndex, address indexed resolver);

    // ---------------------------------------------------------------------
    // Slash requests (what a staker reads)
    // ---------------------------------------------------------------------

    /// @notice Veto window of each request, in seconds.
    function vetoDuration() external view returns (uint48);

    /// @notice Number of requests so far; indices run from 0 to length - 1.
    function slashRequestsLength() external view returns (uint256);

    /// @notice Request `index`: who, how much, capture time, veto deadline, and whether it was executed or
    ///         vetoed (`completed`).
    function slashRequests(uint256 index)
        external
        view
        returns (
            bytes32 subnetwork,
            address operator,
            uint256 amount,
            uint48 captureTimestamp,
            uint48 vetoDeadline,
            bool completed
        );

    // ---------------------------------------------------------------------
    // Resolvers
    // ---------------------------------------------------------------------

    /// @notice Resolver that may veto requests for `subnetwork` now (zero if none); `hint` may be empty.
    function resolver(bytes32 subnetwork, bytes calldata hint) external view returns (address);

    /// @notice Resolver of `subnetwork` at `timestamp`; `hint` may be empty.
    function resolverAt(bytes32 subnetwork, uint48 timestamp, bytes calldata hint) external view returns (address);

    /// @notice Vault epochs (counted from the current epoch start) before a resolver change takes effect.
    function resolverSetEpochsDelay() external view returns (uint256);

    /// @notice Called by a network to set the resolver of subnetwork (msg.sender, `identifier`).
    function setResolver(uint96 identifier, address resolver_, bytes calldata hints) external;

    /// @notice Symbiotic's NetworkRegistry.
    function NETWORK_REGISTRY() external view returns (address);

    // ---------------------------------------------------------------------
    // Network middleware and resolver only
    // ---------------------------------------------------------------------

    /// @notice Middleware-only: opens a slash request for at most the slashable stake; returns its index. The
    ///         capture timestamp must be in the past and at least now + vetoDuration - epochDuration.
    function requestSlash(
        bytes32 subnetwork,
        address operator,
        uint256 amount,
        uint48 captureTimestamp,
        bytes calldata hints
    ) external returns (uint256 slashIndex);

    /// @notice Middleware-only: executes request `slashIndex` after its veto deadline (or at once without a
    ///         resolver); returns what was slashed, re-capped at the slashable stake.
    function executeSlash(uint256 slashIndex, bytes calldata hints) external returns (uint256 slashedAmount);

    /// @notice Resolver-only: vetoes request `slashIndex` before its deadline; nothing is slashed.
    function vetoSlash(uint256 slashIndex, bytes calldata hints) external;
}
