// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

// Base interfaces shared by the Symbiotic core v1 Vault, VaultTokenized and VaultFactory. This file yields
// no ABI of its own (only abi/**/I*.sol files do); IVault.sol, IVaultTokenized.sol and IVaultFactory.sol
// import it.

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

/// @title IVaultAccessControl
/// @notice Role-based access control (OpenZeppelin AccessControl) guarding the vault's deposit settings.
///         Roles are keccak256 of their names; the default admin role is bytes32(0).
interface IVaultAccessControl {
    /// @notice renounceRole was called with a confirmation address other than the caller.
    error AccessControlBadConfirmation();

    /// @notice `account` lacks `neededRole`.
    error AccessControlUnauthorizedAccount(address account, bytes32 neededRole);

    /// @notice The admin role of `role` changed from `previousAdminRole` to `newAdminRole`.
    event RoleAdminChanged(bytes32 indexed role, bytes32 indexed previousAdminRole, bytes32 indexed newAdminRole);

    /// @notice `sender` granted `role` to `account`.
    event RoleGranted(bytes32 indexed role, address indexed account, address indexed sender);

    /// @notice `sender` revoked `role` from `account` (or `account` renounced it).
    event RoleRevoked(bytes32 indexed role, address indexed account, address indexed sender);

    /// @notice The role that administers every other role by default (bytes32(0)).
    function DEFAULT_ADMIN_ROLE() external view returns (bytes32);

    /// @notice The role allowed to grant and revoke `role`.
    function getRoleAdmin(bytes32 role) external view returns (bytes32);

    /// @notice Whether `account` holds `role`.
    function hasRole(bytes32 role, address account) external view returns (bool);

    /// @notice Grants `role` to `account` (admin of `role` only).
    function grantRole(bytes32 role, address account) external;

    /// @notice Revokes `role` from `account` (admin of `role` only).
    function revokeRole(bytes32 role, address account) external;

    /// @notice Gives up `role`; `callerConfirmation` must be the caller.
    function renounceRole(bytes32 role, address callerConfirmation) external;

    /// @notice ERC-165 interface detection.
    function supportsInterface(bytes4 interfaceId) external view returns (bool);
}

/// @title IVaultMigratableEntity
/// @notice A proxy created and upgraded by its factory (Symbiotic MigratableEntity): initialised once with a
///         version, an owner and encoded parameters; `migrate` is only callable through the factory.
interface IVaultMigratableEntity {
    /// @notice initialize was already called.
    error AlreadyInitialized();

    /// @notice The proxy was already initialised (OpenZeppelin Initializable).
    error InvalidInitialization();

    /// @notice Only the factory may call this.
    error NotFactory();

    /// @notice The entity is not initialised yet.
    error NotInitialized();

    /// @notice The call is only allowed while initialising.
    error NotInitializing();

    /// @notice The proxy was initialised (or reinitialised) to `version`.
    event Initialized(uint64 version);

    /// @notice The factory that created this entity.
    function FACTORY() external view returns (address);

    /// @notice The factory version of the implementation behind this proxy (1 = Vault, 2 = VaultTokenized).
    function version() external view returns (uint64);

    /// @notice Initialises the proxy; called by the factory on create (`data` is the encoded init params).
    function initialize(uint64 initialVersion, address owner_, bytes calldata data) external;

    /// @notice Moves the proxy to `newVersion` (factory only; v1 vaults revert, there is no in-place migration).
    function migrate(uint64 newVersion, bytes calldata data) external;
}
