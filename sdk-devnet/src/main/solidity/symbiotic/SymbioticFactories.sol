// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IVaultFactory} from "abi/symbiotic/IVaultFactory.sol";
import {FixtureUnsupported} from "../eigenlayer/FixtureSupport.sol";

/// @dev What the factories call on an implementation and its clones.
interface IFactoryMadeForFixture {
    function FACTORY() external view returns (address);
    function initialize(uint64 initialVersion, address owner_, bytes calldata data) external;
}

/// @dev What the type factories call on a delegator or slasher clone.
interface ITypeFactoryMadeForFixture {
    function FACTORY() external view returns (address);
    function TYPE() external view returns (uint64);
    function initialize(bytes calldata data) external;
}

/// @dev The entities a Symbiotic factory made, in creation order.
struct EntityList {
    address[] all;
    mapping(address => bool) made;
}

/// @dev CREATE2 of the EIP-1167 runtime that delegates every call to `impl`.
function cloneOf(address impl, bytes32 salt) returns (address instance) {
    bytes memory code = abi.encodePacked(
        hex"3d602d80600a3d3981f3363d3d373d3d3d363d73", impl, hex"5af43d82803e903d91602b57fd5bf3"
    );
    assembly {
        instance := create2(0, add(code, 0x20), mload(code), salt)
    }
    require(instance != address(0), "clone failed");
}

/// @title VaultFactory (devnet fixture)
/// @notice Symbiotic's VaultFactory: versions are whitelisted implementations numbered from 1 (the devnet
///         whitelists Vault, VaultTokenized and VaultV2 in that order, as mainnet); `create(version, owner, data)`
///         deploys a vault for `version` and initialises it in the same transaction (the vault's events, then
///         `AddEntity`); `isEntity`, `totalEntities` and `entity(i)` list every vault made. `whitelist` needs the
///         implementation's `FACTORY()` to be this factory (`InvalidImplementation()`, `AlreadyWhitelisted()`);
///         a version outside 1..lastVersion() reverts `InvalidVersion()`; `blacklist(version)` marks it
///         (`AlreadyBlacklisted()`); creating a blacklisted version is not refused, as upstream's `create`.
/// @dev Devnet semantics (deviations from Symbiotic): vaults are EIP-1167 clones of the implementation (salt
///      keccak256(abi.encode(totalEntities(), version, owner, data)), as upstream's) instead of
///      MigratableEntityProxy contracts, so they cannot migrate: `migrate` reverts `NotSupportedByFixture`.
///      Owner-only functions are the deployer's; the OZ v5 Ownable errors as upstream.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract VaultFactory is IVaultFactory, FixtureUnsupported {
    EntityList private _entities;
    address private _owner;
    address[] private _implementations;
    mapping(address => bool) private _whitelisted;
    mapping(uint64 => bool) private _blacklisted;

    constructor(address owner_) {
        _transferOwnership(owner_);
    }

    modifier onlyOwner() {
        if (msg.sender != _owner) revert OwnableUnauthorizedAccount(msg.sender);
        _;
    }

    modifier checkVersion(uint64 version) {
        if (version == 0 || version > lastVersion()) revert InvalidVersion();
        _;
    }

    // ------------------------------------------------------------------ versions

    function lastVersion() public view returns (uint64) {
        return uint64(_implementations.length);
    }

    function implementation(uint64 version) public view checkVersion(version) returns (address) {
        return _implementations[version - 1];
    }

    function blacklisted(uint64 version) external view returns (bool) {
        return _blacklisted[version];
    }

    function whitelist(address implementation_) external onlyOwner {
        if (IFactoryMadeForFixture(implementation_).FACTORY() != address(this)) revert InvalidImplementation();
        if (_whitelisted[implementation_]) revert AlreadyWhitelisted();
        _whitelisted[implementation_] = true;
        _implementations.push(implementation_);
        emit Whitelist(implementation_);
    }

    function blacklist(uint64 version) external onlyOwner checkVersion(version) {
        if (_blacklisted[version]) revert AlreadyBlacklisted();
        _blacklisted[version] = true;
        emit Blacklist(version);
    }

    // ------------------------------------------------------------------ vaults

    function isEntity(address entity_) external view returns (bool) {
        return _entities.made[entity_];
    }

    function totalEntities() public view returns (uint256) {
        return _entities.all.length;
    }

    /// @notice The vault at `index` (creation order); an index past the end panics, as EnumerableSet.at.
    function entity(uint256 index) external view returns (address) {
        return _entities.all[index];
    }

    function create(uint64 version, address owner_, bytes calldata data) external returns (address entity_) {
        entity_ = cloneOf(implementation(version), keccak256(abi.encode(totalEntities(), version, owner_, data)));
        IFactoryMadeForFixture(entity_).initialize(version, owner_, data);
        _entities.all.push(entity_);
        _entities.made[entity_] = true;
        emit AddEntity(entity_);
    }

    function migrate(address, uint64, bytes calldata) external {
        _unsupported("migrate");
    }

    // ------------------------------------------------------------------ ownership

    function owner() external view returns (address) {
        return _owner;
    }

    function transferOwnership(address newOwner) external onlyOwner {
        if (newOwner == address(0)) revert OwnableInvalidOwner(address(0));
        _transferOwnership(newOwner);
    }

    function renounceOwnership() external onlyOwner {
        _transferOwnership(address(0));
    }

    function _transferOwnership(address newOwner) private {
        emit OwnershipTransferred(_owner, newOwner);
        _owner = newOwner;
    }
}

/// @title SymbioticTypeFactory (devnet fixture)
/// @notice Symbiotic's DelegatorFactory and SlasherFactory (one plain `Factory` each upstream): types are
///         whitelisted implementations numbered from 0 (delegators: 0 NetworkRestake, 1 FullRestake,
///         2 OperatorSpecific, 3 OperatorNetworkSpecific; slashers: 0 Slasher, 1 VetoSlasher), each of whose
///         `TYPE()` must be the next number (`InvalidType()`); `create(type, data)` clones the type's
///         implementation, registers it (`AddEntity`) and then calls `initialize(data)` on it; vaults accept only
///         entities of their factories (`isEntity`).
/// @dev Devnet semantics: EIP-1167 clones instead of upstream's proxies; the deployer is the owner. Our abi/
///      has no interface for these factories (a staker reads entities through the vault), so the surface is the
///      fixture's own with upstream's names.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract SymbioticTypeFactory {
    error EntityNotExist();
    error InvalidType();
    error AlreadyWhitelisted();
    error InvalidImplementation();
    error OwnableUnauthorizedAccount(address account);

    event AddEntity(address indexed entity);
    event Whitelist(address indexed implementation);

    address public immutable owner;
    EntityList private _entities;
    address[] private _implementations;
    mapping(address => bool) private _whitelisted;

    constructor(address owner_) {
        owner = owner_;
    }

    function totalTypes() public view returns (uint64) {
        return uint64(_implementations.length);
    }

    function implementation(uint64 type_) public view returns (address) {
        if (type_ >= totalTypes()) revert InvalidType();
        return _implementations[type_];
    }

    function whitelist(address implementation_) external {
        if (msg.sender != owner) revert OwnableUnauthorizedAccount(msg.sender);
        if (ITypeFactoryMadeForFixture(implementation_).TYPE() != totalTypes()) revert InvalidType();
        if (ITypeFactoryMadeForFixture(implementation_).FACTORY() != address(this)) revert InvalidImplementation();
        if (_whitelisted[implementation_]) revert AlreadyWhitelisted();
        _whitelisted[implementation_] = true;
        _implementations.push(implementation_);
        emit Whitelist(implementation_);
    }

    function isEntity(address entity_) external view returns (bool) {
        return _entities.made[entity_];
    }

    function totalEntities() public view returns (uint256) {
        return _entities.all.length;
    }

    function entity(uint256 index) external view returns (address) {
        return _entities.all[index];
    }

    function create(uint64 type_, bytes calldata data) external returns (address entity_) {
        entity_ = cloneOf(implementation(type_), keccak256(abi.encode(totalEntities(), type_, data)));
        _entities.all.push(entity_); // registered before its initialize runs, as upstream's Factory
        _entities.made[entity_] = true;
        emit AddEntity(entity_);
        ITypeFactoryMadeForFixture(entity_).initialize(data);
    }
}
