// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

// Shared base interfaces of the Symbiotic registries and opt-in services. This file yields no ABI of its
// own (only abi/**/I*.sol files do); the I<Name>.sol interfaces import it.

import {
    ISymbioticCheckpointErrors,
    ISymbioticERC5267,
    ISymbioticStaticDelegateCallable
} from "abi/symbiotic/SymbioticCommonBase.sol";

/// @title ISymbioticEntityRegistry
/// @notice An append-only list of addresses: the Network and Operator registries and the factories
///         (each created contract is added on creation). Entries are never removed.
interface ISymbioticEntityRegistry {
    // ---------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------

    /// @notice `entity` was added (a network or operator registered itself, or a factory created it).
    event AddEntity(address indexed entity);

    // ---------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------

    /// @notice An address that must be an entity of this registry is not (`entity(index)` past the end panics
    ///         instead, as EnumerableSet.at).
    error EntityNotExist();

    // ---------------------------------------------------------------------
    // Views
    // ---------------------------------------------------------------------

    /// @notice Whether `entity_` is in the list.
    function isEntity(address entity_) external view returns (bool);

    /// @notice Number of entries; enumerate with `entity(0)` .. `entity(totalEntities() - 1)`.
    function totalEntities() external view returns (uint256);

    /// @notice The entry at position `index` (in order of addition).
    function entity(uint256 index) external view returns (address);
}

/// @title ISymbioticOptInService
/// @notice A checkpointed "who has opted in to where" record. Symbiotic deploys it twice with the same
///         surface: operators into vaults and operators into networks. A vault gives an operator stake only
///         while both opt-ins hold. Opting in or out is done by `who` itself or, with an EIP-712 signature of
///         `who` (typed data `OptIn(address who,address where,uint256 nonce,uint48 deadline)` / `OptOut(...)`),
///         by anyone. The EIP-712 domain (eip712Domain: name is the service's name, version "1"), the checkpoint
///         library errors and staticDelegateCall (e.g. for computing hints) are the shared bases of
///         SymbioticCommonBase.sol.
interface ISymbioticOptInService is ISymbioticERC5267, ISymbioticCheckpointErrors, ISymbioticStaticDelegateCallable {
    // ---------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------

    /// @notice `who` opted in to `where`.
    event OptIn(address indexed who, address indexed where);

    /// @notice `who` opted out of `where`.
    event OptOut(address indexed who, address indexed where);

    /// @notice `who` bumped its signature nonce for `where`, voiding signatures not yet used.
    event IncreaseNonce(address indexed who, address indexed where);

    // ---------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------

    /// @notice `who` is already opted in to `where`.
    error AlreadyOptedIn();

    /// @notice `who` is not opted in to `where`.
    error NotOptedIn();

    /// @notice The caller (or signer) is not registered in the WHO registry.
    error NotWho();

    /// @notice `where` is not registered in the WHERE registry.
    error NotWhereEntity();

    /// @notice An opt-out in the same block as the last opt-in / opt-out change.
    error OptOutCooldown();

    /// @notice The signature's deadline has passed.
    error ExpiredSignature();

    /// @notice The signature is not `who`'s for this nonce and deadline.
    error InvalidSignature();

    /// @notice Short-string encoding of the EIP-712 name failed (library error).
    error InvalidShortString();

    /// @notice The EIP-712 name or version is too long (library error).
    error StringTooLong(string str);

    // ---------------------------------------------------------------------
    // Opt in / opt out
    // ---------------------------------------------------------------------

    /// @notice The caller opts in to `where`.
    function optIn(address where) external;

    /// @notice Opts `who` in to `where` with `who`'s EIP-712 signature, valid until `deadline`.
    function optIn(address who, address where, uint48 deadline, bytes calldata signature) external;

    /// @notice The caller opts out of `where`; takes effect from this block's timestamp.
    function optOut(address where) external;

    /// @notice Opts `who` out of `where` with `who`'s EIP-712 signature, valid until `deadline`.
    function optOut(address who, address where, uint48 deadline, bytes calldata signature) external;

    /// @notice The caller invalidates its pending signatures for `where` by bumping its nonce.
    function increaseNonce(address where) external;

    // ---------------------------------------------------------------------
    // Views
    // ---------------------------------------------------------------------

    /// @notice Whether `who` is opted in to `where` now.
    function isOptedIn(address who, address where) external view returns (bool);

    /// @notice Whether `who` was opted in to `where` at `timestamp`; `hint` may be empty (a checkpoint
    ///         hint only saves gas).
    function isOptedInAt(address who, address where, uint48 timestamp, bytes calldata hint)
        external
        view
        returns (bool);

    /// @notice The nonce the next signature of `who` for `where` must use.
    function nonces(address who, address where) external view returns (uint256 nonce);

    /// @notice The registry `who` must be in (the OperatorRegistry for both deployments).
    function WHO_REGISTRY() external view returns (address);

    /// @notice The registry `where` must be in (VaultFactory for vault opt-ins, NetworkRegistry for network opt-ins).
    function WHERE_REGISTRY() external view returns (address);
}
