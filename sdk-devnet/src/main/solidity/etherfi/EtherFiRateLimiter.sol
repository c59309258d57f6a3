// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title EtherFiRateLimiter (devnet fixture)
/// @notice ether.fi's global token-bucket limiter as eETH uses it: buckets keyed by id (`EETH_MINT_LIMIT_ID`,
///         `EETH_BURN_LIMIT_ID`) hold up to `capacity` units (gwei) and refill by `refillRate` units per second
///         (refilled lazily, capped at the capacity). A token (eETH or weETH) spends units with
///         `consumeToken(id, amount)`, which reverts `UnknownLimit()` for a bucket never created,
///         `InvalidConsumer()` if the token is not allowed on it, and `LimitExceeded()` if the bucket holds fewer
///         units; capacity 0 on an existing bucket lets nothing through (mainnet disables a limit with
///         capacity type(uint64).max). `canConsume`, `consumable` and `getLimit` revert `UnknownLimit()` for an
///         unknown bucket. Admin functions as upstream: `createNewLimiter` (full at once; `LimitAlreadyExists()`),
///         `updateConsumers`, `setCapacity` (refills first, then caps `remaining`), `setRefillRate` (refills
///         first), `setRemaining` (capped at the capacity).
/// @dev Devnet semantics: the deployer holds the admin role (upstream: the RoleRegistry); another caller reverts
///      `IncorrectCaller()`. Per-address buckets, `consume` for other consumers, pausing and upgrades are not
///      modelled. Our abi/ has no interface for this contract (the SDK does not call it), so its surface here is
///      the fixture's own, with upstream's names.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract EtherFiRateLimiter {
    struct Limit {
        uint64 capacity;
        uint64 remaining;
        uint64 lastRefill;
        uint64 refillRate;
    }

    error LimitExceeded();
    error UnknownLimit();
    error InvalidConsumer();
    error LimitAlreadyExists();
    error OnlyToken();
    error IncorrectCaller();

    event LimiterCreated(bytes32 indexed id, uint64 capacity, uint64 refillRate);
    event ConsumerUpdated(bytes32 indexed id, address indexed consumer, bool allowed);
    event CapacityUpdated(bytes32 indexed id, uint64 capacity);
    event RefillRateUpdated(bytes32 indexed id, uint64 refillRate);
    event RemainingUpdated(bytes32 indexed id, uint64 remaining);

    /// @notice The account holding the admin role (the deployer).
    address public immutable devnetAdmin;
    address public immutable eETH;
    address public immutable weETH;

    mapping(bytes32 => Limit) private _limits;
    mapping(bytes32 => mapping(address => bool)) private _consumers;

    constructor(address eETH_, address weETH_) {
        devnetAdmin = msg.sender;
        eETH = eETH_;
        weETH = weETH_;
    }

    modifier onlyDevnetAdmin() {
        if (msg.sender != devnetAdmin) revert IncorrectCaller();
        _;
    }

    modifier existing(bytes32 id) {
        if (!limitExists(id)) revert UnknownLimit();
        _;
    }

    // ------------------------------------------------------------------ admin

    function createNewLimiter(bytes32 id, uint64 capacity, uint64 refillRate) external onlyDevnetAdmin {
        if (limitExists(id)) revert LimitAlreadyExists();
        _limits[id] = Limit(capacity, capacity, uint64(block.timestamp), refillRate);
        emit LimiterCreated(id, capacity, refillRate);
    }

    function updateConsumers(bytes32 id, address consumer, bool allowed) external onlyDevnetAdmin existing(id) {
        _consumers[id][consumer] = allowed;
        emit ConsumerUpdated(id, consumer, allowed);
    }

    function setCapacity(bytes32 id, uint64 capacity) external onlyDevnetAdmin existing(id) {
        Limit storage limit = _refillStored(id);
        limit.capacity = capacity;
        if (limit.remaining > capacity) limit.remaining = capacity;
        emit CapacityUpdated(id, capacity);
    }

    function setRefillRate(bytes32 id, uint64 refillRate) external onlyDevnetAdmin existing(id) {
        _refillStored(id).refillRate = refillRate;
        emit RefillRateUpdated(id, refillRate);
    }

    function setRemaining(bytes32 id, uint64 remaining) external onlyDevnetAdmin existing(id) {
        Limit storage limit = _refillStored(id);
        limit.remaining = remaining > limit.capacity ? limit.capacity : remaining;
        emit RemainingUpdated(id, remaining);
    }

    // ------------------------------------------------------------------ consumption

    /// @notice Spends `amount` units of bucket `id` for eETH or weETH.
    function consumeToken(bytes32 id, uint64 amount) external {
        if (msg.sender != eETH && msg.sender != weETH) revert OnlyToken();
        if (!limitExists(id)) revert UnknownLimit();
        if (!_consumers[id][msg.sender]) revert InvalidConsumer();
        Limit memory limit = _refilled(_limits[id]);
        if (limit.remaining < amount) revert LimitExceeded();
        _limits[id].remaining = limit.remaining - amount;
        _limits[id].lastRefill = limit.lastRefill;
    }

    // ------------------------------------------------------------------ views

    function canConsume(bytes32 id, uint64 amount) external view existing(id) returns (bool) {
        return _refilled(_limits[id]).remaining >= amount;
    }

    function consumable(bytes32 id) external view existing(id) returns (uint64) {
        return _refilled(_limits[id]).remaining;
    }

    /// @notice The stored bucket, in upstream's order (remaining as of lastRefill).
    function getLimit(bytes32 id)
        external
        view
        existing(id)
        returns (uint64 capacity, uint64 remaining, uint64 refillRate, uint256 lastRefill)
    {
        Limit memory limit = _limits[id];
        return (limit.capacity, limit.remaining, limit.refillRate, limit.lastRefill);
    }

    function isConsumerAllowed(bytes32 id, address consumer) external view returns (bool) {
        return _consumers[id][consumer];
    }

    function limitExists(bytes32 id) public view returns (bool) {
        Limit memory limit = _limits[id];
        return limit.capacity != 0 || limit.remaining != 0 || limit.lastRefill != 0 || limit.refillRate != 0;
    }

    function _refillStored(bytes32 id) private returns (Limit storage limit) {
        limit = _limits[id];
        Limit memory refilled = _refilled(limit);
        limit.remaining = refilled.remaining;
        limit.lastRefill = refilled.lastRefill;
    }

    function _refilled(Limit memory limit) private view returns (Limit memory) {
        if (block.timestamp == limit.lastRefill) return limit;
        uint256 grown = uint256(limit.remaining) + (block.timestamp - limit.lastRefill) * uint256(limit.refillRate);
        limit.remaining = grown > limit.capacity ? limit.capacity : uint64(grown);
        limit.lastRefill = uint64(block.timestamp);
        return limit;
    }
}
