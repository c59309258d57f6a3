// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

// Base interfaces shared by the Symbiotic core v1 Vault, VaultTokenized and VaultFactory. This file yields
// no ABI of its own (only abi/**/I*.sol files do); IVault.sol, IVaultTokenized.sol and IVaultFactory.sol
// import it. The vault's AccessControl and the OpenZeppelin Initializable part of its migratable entity are
// the shared ones of SymbioticCommonBase.sol.

import {ISymbioticInitializable} from "abi/symbiotic/SymbioticCommonBase.sol";

/// @title IVaultOwnable
/// @notice Single-owner control (OpenZeppelin Ownable): the vault owner may migrate the vault through the
///         factory; the factory owner whitelists and blacklists implementations.
interface IVaultOwnable {
    /// @notice `owner` cannot be the owner (the zero address).
    error OwnableInvalidOwner(address owner);

    /// @notice `account` is not the owner.
    error OwnableUnauthorizedAccount(address account);

    /// @notice Ownership moved from `previousOwner` to `newOwner`.
    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    /// @notice The current owner.
    function owner() external view returns (address);

    /// @notice Leaves the contract without an owner (owner only).
    function renounceOwnership() external;

    /// @notice Hands ownership to `newOwner` (owner only).
    function transferOwnership(address newOwner) external;
}

/// @title IVaultMigratableEntity
/// @notice A proxy created and upgraded by its factory (Symbiotic MigratableEntity): initialised once with a
///         version, an owner and encoded parameters; `migrate` is only callable through the factory.
///         InvalidInitialization (initialize with version 0), NotInitializing and Initialized(version) are
///         OpenZeppelin Initializable's (ISymbioticInitializable).
interface IVaultMigratableEntity is ISymbioticInitializable {
    /// @notice initialize was already called.
    error AlreadyInitialized();

    /// @notice Only the factory may call this.
    error NotFactory();

    /// @notice The entity is not initialised yet.
    error NotInitialized();

    /// @notice The factory that created this entity.
    function FACTORY() external view returns (address);

    /// @notice The factory version of the implementation behind this proxy (1 = Vault, 2 = VaultTokenized).
    function version() external view returns (uint64);

    /// @notice Initialises the proxy; called by the factory on create (`data` is the encoded init params).
    function initialize(uint64 initialVersion, address owner_, bytes calldata data) external;

    /// @notice Moves the proxy to `newVersion` (factory only; v1 vaults revert, there is no in-place migration).
    function migrate(uint64 newVersion, bytes calldata data) external;
}
