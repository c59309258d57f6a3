// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

// Base interface shared by the two Symbiotic v1 slashers. This file yields no ABI of its own (only
// abi/**/I*.sol files do); ISlasher and IVetoSlasher import it.
//
// Amounts are in collateral units. Every `bytes hint` / `bytes hints` argument may be empty (0x); hints only
// make checkpoint lookups cheaper.

import {
    ISymbioticCheckpointErrors,
    ISymbioticReentrancyGuard,
    ISymbioticVaultEntity
} from "abi/symbiotic/SymbioticCommonBase.sol";

/// @title IBaseSlasher
/// @notice What both Symbiotic v1 slashers have: one vault, slashing driven only by a network's middleware, and
///         per (subnetwork, operator) records of what has been slashed so far. A capture timestamp must lie
///         within the last vault epoch and not before the latest capture already slashed; what can still be
///         slashed is the delegator's stake at that time minus what was slashed since. Slashed collateral goes
///         to the vault's burner. `TYPE()` is 0 for the instant Slasher, 1 for the VetoSlasher. The entity part
///         (factory, vault, initialisation, staticDelegateCall) and the library errors are the shared bases of
///         SymbioticCommonBase.sol.
interface IBaseSlasher is ISymbioticVaultEntity, ISymbioticReentrancyGuard, ISymbioticCheckpointErrors {
    // ---------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------

    /// @notice Too little gas was left to run the burner hook.
    error InsufficientBurnerGas();

    /// @notice Nothing would be slashed (zero amount or nothing slashable).
    error InsufficientSlash();

    /// @notice The capture timestamp is outside the slashable window (older than one epoch, or not in the past).
    ///         A capture before the latest slashed one leaves nothing slashable: InsufficientSlash().
    error InvalidCaptureTimestamp();

    /// @notice The burner hook was asked for but the vault has no burner.
    error NoBurner();

    /// @notice The caller is not the middleware registered for the subnetwork's network.
    error NotNetworkMiddleware();

    // ---------------------------------------------------------------------
    // Identity and wiring
    // ---------------------------------------------------------------------

    /// @notice Symbiotic's NetworkMiddlewareService (who may slash for which network).
    function NETWORK_MIDDLEWARE_SERVICE() external view returns (address);

    // ---------------------------------------------------------------------
    // Burner hook
    // ---------------------------------------------------------------------

    /// @notice Whether the vault's burner is called back (onSlash) after each slash.
    function isBurnerHook() external view returns (bool);

    /// @notice Gas handed to the burner callback.
    function BURNER_GAS_LIMIT() external view returns (uint256);

    /// @notice Gas kept back when calling the burner, so the slash itself can finish.
    function BURNER_RESERVE() external view returns (uint256);

    // ---------------------------------------------------------------------
    // Slash records (what a staker reads)
    // ---------------------------------------------------------------------

    /// @notice Capture timestamp of the latest slash of `operator` in `subnetwork`; 0 if never slashed.
    function latestSlashedCaptureTimestamp(bytes32 subnetwork, address operator)
        external
        view
        returns (uint48 value);

    /// @notice Total slashed from `operator` in `subnetwork` so far.
    function cumulativeSlash(bytes32 subnetwork, address operator) external view returns (uint256);

    /// @notice Total slashed from `operator` in `subnetwork` up to `timestamp`; `hint` may be empty.
    function cumulativeSlashAt(bytes32 subnetwork, address operator, uint48 timestamp, bytes calldata hint)
        external
        view
        returns (uint256);

    /// @notice What can still be slashed from `operator` in `subnetwork` for stake captured at
    ///         `captureTimestamp`: stake then minus what was slashed since, 0 outside the window.
    function slashableStake(bytes32 subnetwork, address operator, uint48 captureTimestamp, bytes calldata hints)
        external
        view
        returns (uint256 amount);
}
