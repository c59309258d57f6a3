// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ISymbioticEntityRegistry, ISymbioticOptInService} from "abi/symbiotic/SymbioticRegistryBase.sol";
import {INetworkRegistry} from "abi/symbiotic/INetworkRegistry.sol";
import {IOperatorRegistry} from "abi/symbiotic/IOperatorRegistry.sol";
import {IOperatorVaultOptInService} from "abi/symbiotic/IOperatorVaultOptInService.sol";
import {IOperatorNetworkOptInService} from "abi/symbiotic/IOperatorNetworkOptInService.sol";
import {INetworkMiddlewareService} from "abi/symbiotic/INetworkMiddlewareService.sol";
import {FixtureUnsupported} from "../eigenlayer/FixtureSupport.sol";
import {SymbioticCheckpoints} from "./SymbioticCheckpoints.sol";

/// @title SymbioticRegistryFixture (devnet fixture base)
/// @notice Symbiotic's `Registry`: an append-only, ordered set of addresses. `isEntity`, `totalEntities` and
///         `entity(i)` (insertion order; an index at or past the end panics with 0x32, as EnumerableSet.at
///         upstream: `EntityNotExist()` is declared but not raised by these views); each addition emits
///         `AddEntity`.
/// @dev Test fixture only: not meant for production use. Written for restake4j; no upstream code.
abstract contract SymbioticRegistryFixture is ISymbioticEntityRegistry {
    address[] private _list;
    mapping(address account => bool) private _listed;

    function isEntity(address entity_) public view returns (bool) {
        return _listed[entity_];
    }

    function totalEntities() external view returns (uint256) {
        return _list.length;
    }

    function entity(uint256 index) external view returns (address) {
        return _list[index];
    }

    /// @dev Appends `entity_` (callers have checked it is new) and emits AddEntity.
    function _addEntity(address entity_) internal {
        _listed[entity_] = true;
        _list.push(entity_);
        emit AddEntity(entity_);
    }
}

/// @title NetworkRegistry (devnet fixture)
/// @notice Symbiotic's NetworkRegistry: `registerNetwork()` adds msg.sender (any account, EOA or contract) as a
///         network, once (`NetworkAlreadyRegistered()` on a second call); `isEntity` / `totalEntities` /
///         `entity(i)` list the networks in registration order. Networks are never removed.
/// @dev Devnet semantics (deviations from Symbiotic): none in behaviour; the set is an own array + mapping
///      instead of OpenZeppelin's EnumerableSet (same order, same views, same panic past the end).
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract NetworkRegistry is SymbioticRegistryFixture, INetworkRegistry {
    function registerNetwork() external {
        if (isEntity(msg.sender)) revert NetworkAlreadyRegistered();
        _addEntity(msg.sender);
    }
}

/// @title OperatorRegistry (devnet fixture)
/// @notice Symbiotic's OperatorRegistry: `registerOperator()` adds msg.sender as an operator, once
///         (`OperatorAlreadyRegistered()` on a second call); `isEntity` / `totalEntities` / `entity(i)` list the
///         operators in registration order. Operators are never removed.
/// @dev Devnet semantics (deviations from Symbiotic): none in behaviour; the set is an own array + mapping
///      instead of OpenZeppelin's EnumerableSet (same order, same views, same panic past the end).
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract OperatorRegistry is SymbioticRegistryFixture, IOperatorRegistry {
    function registerOperator() external {
        if (isEntity(msg.sender)) revert OperatorAlreadyRegistered();
        _addEntity(msg.sender);
    }
}

/// @title SymbioticOptInFixture (devnet fixture base)
/// @notice Symbiotic's `OptInService`, shared by both deployments. Per (who, where) a time checkpoint holds 1
///         (opted in) or 0 (opted out), written at block.timestamp.
///         - `optIn(where)` / `optIn(who, where, deadline, sig)`: `who` must be in WHO_REGISTRY (`NotWho()`),
///           `where` in WHERE_REGISTRY (`NotWhereEntity()`), and not opted in now (`AlreadyOptedIn()`).
///         - `optOut(where)` / `optOut(who, where, deadline, sig)`: the latest value must be 1 (`NotOptedIn()`)
///           and its checkpoint older than this block's timestamp (`OptOutCooldown()`); registrations are
///           not re-checked.
///         - Every successful opt-in or opt-out bumps `nonces(who, where)` (event IncreaseNonce, then OptIn /
///           OptOut); `increaseNonce(where)` bumps the caller's nonce alone, with no checks.
///         - Signed variants: `deadline < block.timestamp` reverts `ExpiredSignature()` first; then the
///           EIP-712 digest of `OptIn(address who,address where,uint256 nonce,uint48 deadline)` (or `OptOut`)
///           with the current nonce, in the domain (name, "1", chainid, this), must carry `who`'s signature
///           (`InvalidSignature()`): a 65-byte ECDSA signature r‖s‖v with low s, or else `who`'s ERC-1271
///           `isValidSignature(digest, sig)` returning its selector (OpenZeppelin v5.0 SignatureChecker).
///         - `isOptedIn(who, where)` is the latest value; `isOptedInAt(who, where, t, hint)` the value at `t`
///           (empty hint, or abi.encode(uint32 checkpointIndex) as Symbiotic's Checkpoints).
/// @dev Devnet semantics (deviations from Symbiotic): `staticDelegateCall` reverts
///      `NotSupportedByFixture("staticDelegateCall")` (upstream delegate-calls `target` and reverts with
///      abi.encode(success, returndata), for the hint helper contracts the devnet does not deploy). EIP-712
///      domain, ECDSA recovery and ERC-1271 check are own compact versions with OpenZeppelin v5.0's results
///      (the name is kept in storage; `EIP712DomainChanged`, `InvalidShortString` and `StringTooLong` are
///      declared only). Time keys are uint48(block.timestamp) without SafeCast.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
abstract contract SymbioticOptInFixture is ISymbioticOptInService, FixtureUnsupported {
    using SymbioticCheckpoints for SymbioticCheckpoints.Trace;

    bytes32 private constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    bytes32 private constant OPT_IN_TYPEHASH =
        keccak256("OptIn(address who,address where,uint256 nonce,uint48 deadline)");
    bytes32 private constant OPT_OUT_TYPEHASH =
        keccak256("OptOut(address who,address where,uint256 nonce,uint48 deadline)");
    /// @dev Largest `s` of a non-malleable secp256k1 signature (n / 2).
    uint256 private constant HALF_ORDER = 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0;
    /// @dev ERC-1271 `isValidSignature(bytes32,bytes)` selector, also its success value.
    bytes4 private constant ERC1271_MAGIC = 0x1626ba7e;

    address public immutable WHO_REGISTRY;
    address public immutable WHERE_REGISTRY;
    bytes32 private immutable _nameHash;
    string private _name;

    mapping(address who => mapping(address where => uint256 nonce)) public nonces;
    mapping(address who => mapping(address where => SymbioticCheckpoints.Trace state)) private _optedIn;

    constructor(address whoRegistry, address whereRegistry, string memory name_) {
        WHO_REGISTRY = whoRegistry;
        WHERE_REGISTRY = whereRegistry;
        _name = name_;
        _nameHash = keccak256(bytes(name_));
    }

    modifier checkDeadline(uint48 deadline) {
        if (deadline < block.timestamp) revert ExpiredSignature();
        _;
    }

    // ------------------------------------------------------------------ opt in / opt out

    function optIn(address where) external {
        _optIn(msg.sender, where);
    }

    function optIn(address who, address where, uint48 deadline, bytes calldata signature)
        external
        checkDeadline(deadline)
    {
        _checkSignature(who, _structHash(OPT_IN_TYPEHASH, who, where, deadline), signature);
        _optIn(who, where);
    }

    function optOut(address where) external {
        _optOut(msg.sender, where);
    }

    function optOut(address who, address where, uint48 deadline, bytes calldata signature)
        external
        checkDeadline(deadline)
    {
        _checkSignature(who, _structHash(OPT_OUT_TYPEHASH, who, where, deadline), signature);
        _optOut(who, where);
    }

    function increaseNonce(address where) external {
        _bumpNonce(msg.sender, where);
    }

    // ------------------------------------------------------------------ views

    function isOptedIn(address who, address where) public view returns (bool) {
        return _optedIn[who][where].latest() == 1;
    }

    function isOptedInAt(address who, address where, uint48 timestamp, bytes calldata hint)
        external
        view
        returns (bool)
    {
        return _optedIn[who][where].upperLookupRecent(timestamp, hint) == 1;
    }

    function eip712Domain()
        external
        view
        returns (
            bytes1 fields,
            string memory name,
            string memory version,
            uint256 chainId,
            address verifyingContract,
            bytes32 salt,
            uint256[] memory extensions
        )
    {
        return (hex"0f", _name, "1", block.chainid, address(this), bytes32(0), new uint256[](0));
    }

    function staticDelegateCall(address, bytes calldata) external {
        _unsupported("staticDelegateCall");
    }

    // ------------------------------------------------------------------ internals

    function _optIn(address who, address where) private {
        if (!ISymbioticEntityRegistry(WHO_REGISTRY).isEntity(who)) revert NotWho();
        if (!ISymbioticEntityRegistry(WHERE_REGISTRY).isEntity(where)) revert NotWhereEntity();
        if (isOptedIn(who, where)) revert AlreadyOptedIn();
        _optedIn[who][where].push(1);
        _bumpNonce(who, where);
        emit OptIn(who, where);
    }

    function _optOut(address who, address where) private {
        SymbioticCheckpoints.Trace storage trace = _optedIn[who][where];
        uint256 n = trace.points.length;
        if (n == 0 || trace.points[n - 1].value == 0) revert NotOptedIn();
        if (trace.points[n - 1].key == uint48(block.timestamp)) revert OptOutCooldown();
        trace.push(0);
        _bumpNonce(who, where);
        emit OptOut(who, where);
    }

    function _bumpNonce(address who, address where) private {
        unchecked {
            ++nonces[who][where];
        }
        emit IncreaseNonce(who, where);
    }

    /// @dev The struct hash of OptIn / OptOut with `who`'s current nonce for `where`.
    function _structHash(bytes32 typeHash, address who, address where, uint48 deadline)
        private
        view
        returns (bytes32)
    {
        return keccak256(abi.encode(typeHash, who, where, nonces[who][where], deadline));
    }

    function _checkSignature(address who, bytes32 structHash, bytes calldata signature) private view {
        bytes32 domainSeparator =
            keccak256(abi.encode(DOMAIN_TYPEHASH, _nameHash, keccak256("1"), block.chainid, address(this)));
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", domainSeparator, structHash));
        if (!_signedBy(who, digest, signature)) revert InvalidSignature();
    }

    /// @dev OpenZeppelin v5.0 SignatureChecker.isValidSignatureNow: a recovered ECDSA signer equal to `signer`,
    ///      or else a successful ERC-1271 answer from `signer` (an account without code answers nothing).
    function _signedBy(address signer, bytes32 digest, bytes calldata signature) private view returns (bool) {
        if (signature.length == 65) {
            bytes32 r = bytes32(signature[0:32]);
            bytes32 s = bytes32(signature[32:64]);
            uint8 v = uint8(signature[64]);
            if (uint256(s) <= HALF_ORDER) {
                address recovered = ecrecover(digest, v, r, s);
                if (recovered != address(0) && recovered == signer) return true;
            }
        }
        (bool ok, bytes memory answer) = signer.staticcall(abi.encodeWithSelector(ERC1271_MAGIC, digest, signature));
        return ok && answer.length >= 32 && abi.decode(answer, (bytes32)) == bytes32(ERC1271_MAGIC);
    }
}

/// @title OperatorVaultOptInService (devnet fixture)
/// @notice Symbiotic's operator-to-vault OptInService: WHO_REGISTRY is the OperatorRegistry, WHERE_REGISTRY the
///         VaultFactory; EIP-712 domain name "OperatorVaultOptInService" (given to the constructor, as upstream),
///         version "1". A delegator gives an operator stake in a vault at time t only if
///         `isOptedInAt(operator, vault, t, hint)`. Rules: see SymbioticOptInFixture.
/// @dev Devnet semantics (deviations from Symbiotic): as SymbioticOptInFixture (`staticDelegateCall` reverts
///      `NotSupportedByFixture`; own EIP-712 / ECDSA / ERC-1271 code with OpenZeppelin v5.0's results).
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract OperatorVaultOptInService is SymbioticOptInFixture, IOperatorVaultOptInService {
    /// @param whoRegistry the OperatorRegistry
    /// @param whereRegistry the VaultFactory
    /// @param name_ the EIP-712 domain name ("OperatorVaultOptInService" on the devnet, as mainnet)
    constructor(address whoRegistry, address whereRegistry, string memory name_)
        SymbioticOptInFixture(whoRegistry, whereRegistry, name_)
    {}
}

/// @title OperatorNetworkOptInService (devnet fixture)
/// @notice Symbiotic's operator-to-network OptInService: WHO_REGISTRY is the OperatorRegistry, WHERE_REGISTRY the
///         NetworkRegistry; EIP-712 domain name "OperatorNetworkOptInService" (given to the constructor, as
///         upstream), version "1". A delegator gives an operator stake for a network's subnetworks at time t only
///         if `isOptedInAt(operator, network, t, hint)`. Rules: see SymbioticOptInFixture.
/// @dev Devnet semantics (deviations from Symbiotic): as SymbioticOptInFixture (`staticDelegateCall` reverts
///      `NotSupportedByFixture`; own EIP-712 / ECDSA / ERC-1271 code with OpenZeppelin v5.0's results).
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract OperatorNetworkOptInService is SymbioticOptInFixture, IOperatorNetworkOptInService {
    /// @param whoRegistry the OperatorRegistry
    /// @param whereRegistry the NetworkRegistry
    /// @param name_ the EIP-712 domain name ("OperatorNetworkOptInService" on the devnet, as mainnet)
    constructor(address whoRegistry, address whereRegistry, string memory name_)
        SymbioticOptInFixture(whoRegistry, whereRegistry, name_)
    {}
}

/// @title NetworkMiddlewareService (devnet fixture)
/// @notice Symbiotic's NetworkMiddlewareService: a registered network (NETWORK_REGISTRY.isEntity(msg.sender),
///         else `NotNetwork()`) sets its middleware with `setMiddleware(m)`; setting the value it already has
///         reverts `AlreadySet()` (so the first call with address(0) does too); emits SetMiddleware.
///         `middleware(network)` is the current value (address(0) when unset); no history is kept. Slashers
///         and staker rewards accept calls for a network only from this middleware.
/// @dev Devnet semantics (deviations from Symbiotic): none.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract NetworkMiddlewareService is INetworkMiddlewareService {
    address public immutable NETWORK_REGISTRY;

    mapping(address network => address value) public middleware;

    /// @param networkRegistry the NetworkRegistry
    constructor(address networkRegistry) {
        NETWORK_REGISTRY = networkRegistry;
    }

    function setMiddleware(address middleware_) external {
        if (!ISymbioticEntityRegistry(NETWORK_REGISTRY).isEntity(msg.sender)) revert NotNetwork();
        if (middleware[msg.sender] == middleware_) revert AlreadySet();
        middleware[msg.sender] = middleware_;
        emit SetMiddleware(msg.sender, middleware_);
    }
}
