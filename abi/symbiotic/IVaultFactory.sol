// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IVaultOwnable} from "abi/symbiotic/SymbioticVaultBase.sol";

/// @title IVaultFactory
/// @notice The Symbiotic VaultFactory (a migratables factory): deploys vault proxies from whitelisted
///         implementations, numbered from 1 (1 = Vault, 2 = VaultTokenized, 3+ = VaultV2), and keeps the
///         list of every vault it made. Enumerate vaults with totalEntities() and entity(i), or AddEntity logs.
interface IVaultFactory is IVaultOwnable {
    // ---------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------

    /// @notice The version is already blacklisted.
    error AlreadyBlacklisted();

    /// @notice The implementation is already whitelisted.
    error AlreadyWhitelisted();

    /// @notice The address was not created by this factory.
    error EntityNotExist();

    /// @notice The implementation's FACTORY() is not this factory.
    error InvalidImplementation();

    /// @notice The version is zero or above lastVersion().
    error InvalidVersion();

    /// @notice migrate was called by someone other than the entity's owner.
    error NotOwner();

    /// @notice migrate to a version not above the entity's current one.
    error OldVersion();

    // ---------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------

    /// @notice A new vault proxy `entity` was created.
    event AddEntity(address indexed entity);

    /// @notice `version` was blacklisted.
    event Blacklist(uint64 indexed version);

    /// @notice `entity` was migrated to `newVersion`.
    event Migrate(address indexed entity, uint64 newVersion);

    /// @notice `implementation` was added as the next version (lastVersion() + 1).
    event Whitelist(address indexed implementation);

    // ---------------------------------------------------------------------
    // Entities (vaults)
    // ---------------------------------------------------------------------

    /// @notice Whether `entity_` is a vault created by this factory.
    function isEntity(address entity_) external view returns (bool);

    /// @notice Number of vaults created.
    function totalEntities() external view returns (uint256);

    /// @notice The vault at `index` (0-based, creation order).
    function entity(uint256 index) external view returns (address);

    /// @notice Deploys a vault proxy of `version`, initialised with `owner_` and the encoded init params `data`.
    function create(uint64 version, address owner_, bytes calldata data) external returns (address entity_);

    /// @notice Moves `entity_` to `newVersion` (the entity's owner only; v1 vaults revert in their migration hook).
    function migrate(address entity_, uint64 newVersion, bytes calldata data) external;

    // ---------------------------------------------------------------------
    // Versions (implementations)
    // ---------------------------------------------------------------------

    /// @notice The highest version number (the number of whitelisted implementations).
    function lastVersion() external view returns (uint64);

    /// @notice The implementation behind `version`; reverts InvalidVersion outside 1..lastVersion().
    function implementation(uint64 version) external view returns (address);

    /// @notice Whether `version` is blacklisted.
    function blacklisted(uint64 version) external view returns (bool value);

    /// @notice Adds `implementation_` as the next version (owner only; its FACTORY() must be this factory).
    function whitelist(address implementation_) external;

    /// @notice Marks `version` as blacklisted (owner only; once per version).
    function blacklist(uint64 version) external;
}
