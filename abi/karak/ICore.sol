// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Config, SlashRequest, QueuedSlashing, StakeUpdateRequest, QueuedStakeUpdate} from "abi/karak/KarakV2Types.sol";

/// @title ICore
/// @notice Karak v2 Core (karak.md §2.4-§2.5): operators deploy vaults per allowlisted asset and stake whole
///         vaults into DSSs (request, MIN_STAKE_UPDATE_DELAY, finalize); DSSs register with a maximum slashable
///         percentage and request percentage slashes of an operator's vaults, finalized after the veto window
///         unless the veto committee cancels them. A staker reads it to see what its vault backs and whether a
///         slash is pending.
/// @dev Only the part karak.md lists: asset allowlisting, vault implementations, gas values, roles, pausing
///      and ownership are left out. None of the events has an indexed field: filter by the Core address and
///      topic0, then decode the data. karak.md lists no Core errors, so none are declared.
interface ICore {
    // ---------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------

    /// @notice `operator` deployed `vault` for `asset`.
    event DeployedVault(address operator, address vault, address asset);

    /// @notice `vault` was created with the implementation `implementation`.
    event NewVault(address vault, address implementation);

    /// @notice `dss` registered, slashing at most `maxSlashablePercentageWad` per slash.
    event DSSRegistered(address dss, uint256 maxSlashablePercentageWad);

    /// @notice `operator` registered to `dss`.
    event RegisteredOperatorToDSS(address operator, address dss);

    /// @notice `operator` unregistered from `dss`.
    event UnregisteredOperatorToDSS(address operator, address dss);

    /// @notice An operator queued the stake update `updateRequest`.
    event RequestedStakeUpdate(QueuedStakeUpdate updateRequest);

    /// @notice The stake update `updateRequest` took effect.
    event FinishedStakeUpdate(QueuedStakeUpdate updateRequest);

    /// @notice `dss` requested the slashing `requestSlashing`.
    event RequestedSlashing(address dss, SlashRequest requestSlashing);

    /// @notice `finisher` finalized `queuedSlashing`: the vaults' assets went to the slashing handlers.
    event FinalizedSlashing(address finisher, QueuedSlashing queuedSlashing);

    /// @notice The veto committee member `canceller` cancelled `queuedSlashing`.
    event CancelledSlashing(address canceller, QueuedSlashing queuedSlashing);

    /// @notice `vault` was skipped while finalizing a slashing.
    event SkippedSlashing(address vault);

    // ---------------------------------------------------------------------
    // Vaults
    // ---------------------------------------------------------------------

    /// @notice Deploys one vault per config for the caller as operator; `vaultImpl` address(0) = standard.
    function deployVaults(Config[] calldata vaultConfigs, address vaultImpl) external returns (address[] memory vaults);

    /// @notice The vaults `operator` deployed.
    function getOperatorVaults(address operator) external view returns (address[] memory vaults);

    /// @notice Whether `asset` may back new vaults.
    function isAssetAllowlisted(address asset) external view returns (bool);

    // ---------------------------------------------------------------------
    // DSS registration
    // ---------------------------------------------------------------------

    /// @notice Registers the caller as a DSS slashing at most `maxSlashablePercentageWad` (100e18 = 100 %).
    function registerDSS(uint256 maxSlashablePercentageWad) external;

    /// @notice Registers the caller as operator to `dss`, passing `registrationHookData` to its hook.
    function registerOperatorToDSS(address dss, bytes calldata registrationHookData) external;

    /// @notice Unregisters the caller as operator from `dss`.
    function unregisterOperatorFromDSS(address dss) external;

    /// @notice Whether `operator` is registered to `dss`.
    function isOperatorRegisteredToDSS(address operator, address dss) external view returns (bool);

    /// @notice Whether `dss` is registered.
    function isDSSRegistered(address dss) external view returns (bool);

    /// @notice The most `dss` may slash per slash, in WAD percent (100e18 = 100 %).
    function getDssMaxSlashablePercentageWad(address dss) external view returns (uint256 slashablePercentageWad);

    // ---------------------------------------------------------------------
    // Stake updates
    // ---------------------------------------------------------------------

    /// @notice Queues staking (or unstaking) a vault of the caller in a DSS.
    function requestUpdateVaultStakeInDSS(StakeUpdateRequest calldata vaultStakeUpdateRequest)
        external
        returns (QueuedStakeUpdate memory updatedStake);

    /// @notice Applies `queuedStake` after MIN_STAKE_UPDATE_DELAY.
    function finalizeUpdateVaultStakeInDSS(QueuedStakeUpdate calldata queuedStake) external;

    /// @notice The vaults of `operator` staked in `dss`.
    function fetchVaultsStakedInDSS(address operator, address dss) external view returns (address[] memory vaults);

    // ---------------------------------------------------------------------
    // Slashing
    // ---------------------------------------------------------------------

    /// @notice The calling DSS queues a slashing of an operator's vaults.
    function requestSlashing(SlashRequest calldata slashingRequest)
        external
        returns (QueuedSlashing memory queuedSlashing);

    /// @notice Executes `queuedSlashing` after the veto window.
    function finalizeSlashing(QueuedSlashing calldata queuedSlashing) external;

    /// @notice The veto committee cancels `queuedSlashing`.
    function cancelSlashing(QueuedSlashing calldata queuedSlashing) external;

    /// @notice Whether a slashing of `vault` is queued.
    function isVaultQueuedForSlashing(address vault) external view returns (bool);

    // ---------------------------------------------------------------------
    // Pause state
    // ---------------------------------------------------------------------

    /// @notice Whether the Core function with pause index `index` is paused.
    function paused(uint8 index) external view returns (bool);

    /// @notice The Core pause bitmap.
    function pausedMap() external view returns (uint256);
}
