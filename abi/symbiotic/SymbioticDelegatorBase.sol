// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

// Base interfaces shared by the four Symbiotic v1 delegators. This file yields no ABI of its own (only
// abi/**/I*.sol files do); INetworkRestakeDelegator, IFullRestakeDelegator, IOperatorSpecificDelegator and
// IOperatorNetworkSpecificDelegator import it.
//
// Terms used below: a subnetwork is bytes32(network << 96 | identifier) with a uint96 identifier (0 is the usual
// default); "active stake" is the vault's activeStake() (pending withdrawals are slashable but never delegated).
// Every `bytes hint` / `bytes hints` argument may be empty (0x); hints only make checkpoint lookups cheaper.

import {
    ISymbioticAccessControl,
    ISymbioticCheckpointErrors,
    ISymbioticReentrancyGuard,
    ISymbioticVaultEntity
} from "abi/symbiotic/SymbioticCommonBase.sol";

/// @title IBaseDelegator
/// @notice What every Symbiotic v1 delegator has: it tells a network how much of one vault's active stake each
///         operator brings to a subnetwork, at present (stake) or at a past timestamp (stakeAt). The answer is
///         0 unless the operator is opted in to both the vault and the network. The network caps what it
///         accepts per subnetwork (maxNetworkLimit). `TYPE()` says which delegator this is: 0 NetworkRestake,
///         1 FullRestake, 2 OperatorSpecific, 3 OperatorNetworkSpecific. The entity part (factory, vault,
///         initialisation, staticDelegateCall), the roles and the library errors are the shared bases of
///         SymbioticCommonBase.sol.
interface IBaseDelegator is
    ISymbioticVaultEntity,
    ISymbioticAccessControl,
    ISymbioticReentrancyGuard,
    ISymbioticCheckpointErrors
{
    // ---------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------

    /// @notice The new value equals the current one.
    error AlreadySet();

    /// @notice Too little gas was left to run the hook on a slash.
    error InsufficientHookGas();

    /// @notice The caller is not a registered network allowed to set this limit.
    error NotNetwork();

    /// @notice Only the vault's slasher may report a slash.
    error NotSlasher();

    // ---------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------

    /// @notice The slasher reported that `amount` was slashed from `operator`'s stake in `subnetwork`, for stake
    ///         captured at `captureTimestamp`. Same name as the vault's OnSlash but a different topic0.
    event OnSlash(bytes32 indexed subnetwork, address indexed operator, uint256 amount, uint48 captureTimestamp);

    /// @notice A new hook (called on every slash) was set; zero address means none.
    event SetHook(address indexed hook);

    /// @notice The network behind `subnetwork` set the most it will accept from this vault to `amount`.
    event SetMaxNetworkLimit(bytes32 indexed subnetwork, uint256 amount);

    // ---------------------------------------------------------------------
    // Identity and wiring
    // ---------------------------------------------------------------------

    /// @notice Implementation version of this delegator.
    function VERSION() external pure returns (uint64);

    /// @notice Symbiotic's NetworkRegistry.
    function NETWORK_REGISTRY() external view returns (address);

    /// @notice OptInService in which operators opt in to vaults.
    function OPERATOR_VAULT_OPT_IN_SERVICE() external view returns (address);

    /// @notice OptInService in which operators opt in to networks.
    function OPERATOR_NETWORK_OPT_IN_SERVICE() external view returns (address);

    // ---------------------------------------------------------------------
    // Stake (what a staker's collateral backs)
    // ---------------------------------------------------------------------

    /// @notice Stake that `operator` has from this vault in `subnetwork` now, in collateral units; 0 unless the
    ///         operator is opted in to the vault and to the subnetwork's network.
    function stake(bytes32 subnetwork, address operator) external view returns (uint256);

    /// @notice Same as stake, at `timestamp` (opt-in history included); `hints` may be empty.
    function stakeAt(bytes32 subnetwork, address operator, uint48 timestamp, bytes calldata hints)
        external
        view
        returns (uint256);

    /// @notice Cap set by the network behind `subnetwork` on what it accepts from this vault.
    function maxNetworkLimit(bytes32 subnetwork) external view returns (uint256 value);

    /// @notice Called by a network to set its cap for subnetwork (msg.sender, `identifier`) to `amount`.
    function setMaxNetworkLimit(uint96 identifier, uint256 amount) external;

    // ---------------------------------------------------------------------
    // Slash hook
    // ---------------------------------------------------------------------

    /// @notice Contract called on every slash (for example to lower limits afterwards); zero if none.
    function hook() external view returns (address);

    /// @notice Gas handed to the hook on a slash.
    function HOOK_GAS_LIMIT() external view returns (uint256);

    /// @notice Gas kept back when calling the hook, so the slash itself can finish.
    function HOOK_RESERVE() external view returns (uint256);

    /// @notice Sets the hook (HOOK_SET_ROLE holders only).
    function setHook(address hook_) external;

    /// @notice Slasher-only: records a slash of `amount` for (`subnetwork`, `operator`) and runs the hook.
    function onSlash(bytes32 subnetwork, address operator, uint256 amount, uint48 captureTimestamp, bytes calldata data)
        external;

    // ---------------------------------------------------------------------
    // Roles
    // ---------------------------------------------------------------------

    /// @notice Role that may change the hook.
    function HOOK_SET_ROLE() external view returns (bytes32);
}

/// @title IBaseNetworkLimitDelegator
/// @notice Our own grouping (not an upstream contract) of what the NetworkRestake, FullRestake and
///         OperatorSpecific delegators add: a per-subnetwork network limit that the vault's curators set, at
///         most the network's own cap, and role holders fixed at initialisation.
interface IBaseNetworkLimitDelegator is IBaseDelegator {
    // ---------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------

    /// @notice The same address was listed twice as a role holder at initialisation.
    error DuplicateRoleHolder();

    /// @notice A network limit above the network's maxNetworkLimit.
    error ExceedsMaxNetworkLimit();

    /// @notice No role holders were given where at least one is required.
    error MissingRoleHolders();

    /// @notice A role holder was the zero address.
    error ZeroAddressRoleHolder();

    // ---------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------

    /// @notice The vault side set how much of its active stake `subnetwork` may use to `amount`.
    event SetNetworkLimit(bytes32 indexed subnetwork, uint256 amount);

    // ---------------------------------------------------------------------
    // Network limits
    // ---------------------------------------------------------------------

    /// @notice Role that may set network limits (usually the vault curator).
    function NETWORK_LIMIT_SET_ROLE() external view returns (bytes32);

    /// @notice Most of the vault's active stake that `subnetwork` may use now.
    function networkLimit(bytes32 subnetwork) external view returns (uint256);

    /// @notice Same as networkLimit, at `timestamp`; `hint` may be empty.
    function networkLimitAt(bytes32 subnetwork, uint48 timestamp, bytes calldata hint)
        external
        view
        returns (uint256);

    /// @notice Sets the network limit of `subnetwork` (NETWORK_LIMIT_SET_ROLE only; at most maxNetworkLimit).
    function setNetworkLimit(bytes32 subnetwork, uint256 amount) external;
}
