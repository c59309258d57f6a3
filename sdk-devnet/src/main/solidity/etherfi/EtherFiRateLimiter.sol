// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title EtherFiRateLimiter (devnet fixture)
/// @notice ether.fi's global token-bucket limiter, reduced to what eETH uses: buckets keyed by id
///         (`EETH_MINT_LIMIT_ID`, `EETH_BURN_LIMIT_ID`) hold up to `capacity` units and refill by
///         `refillRate` units per second; a consumer spends units or the call reverts `LimitExceeded()`.
///         eETH counts in gwei, rounding the ether amount up. A bucket with capacity 0 is "not configured"
///         and `consumeIfConfigured` lets everything through.
/// @dev Devnet semantics: the deployer is the only admin and sets buckets with `setLimit` (full at
///      once); eETH is the only consumer, fixed at construction. Roles, per-address limits and the
///      other bucket ids of mainnet are not modelled. Our abi/ has no interface for this contract (the
///      SDK does not call it), so its surface here is the fixture's own.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract EtherFiRateLimiter {
    struct Bucket {
        uint64 capacity;
        uint64 remaining;
        uint64 lastRefill;
        uint64 refillRate;
    }

    /// @notice The bucket has fewer units than asked for.
    error LimitExceeded();
    error IncorrectCaller();
    error InvalidLimit();

    event LimitSet(bytes32 indexed id, uint64 capacity, uint64 refillRate);

    /// @notice The account allowed to set limits (the deployer).
    address public immutable devnetAdmin;
    /// @notice The only consumer (the eETH fixture).
    address public immutable consumer;

    mapping(bytes32 => Bucket) private _buckets;

    constructor(address consumer_) {
        devnetAdmin = msg.sender;
        consumer = consumer_;
    }

    /// @notice Devnet: sets a bucket's capacity and refill rate (units per second) and fills it.
    ///         Capacity 0 removes the limit.
    function setLimit(bytes32 id, uint64 capacity, uint64 refillRate) external {
        if (msg.sender != devnetAdmin) revert IncorrectCaller();
        if (refillRate > capacity) revert InvalidLimit();
        _buckets[id] = Bucket(capacity, capacity, uint64(block.timestamp), refillRate);
        emit LimitSet(id, capacity, refillRate);
    }

    /// @notice Spends `amount` units of bucket `id` if it is configured; reverts `LimitExceeded()` if short.
    function consumeIfConfigured(bytes32 id, uint64 amount) external {
        if (msg.sender != consumer) revert IncorrectCaller();
        Bucket storage b = _buckets[id];
        if (b.capacity == 0) return;
        uint64 available = _available(b);
        if (amount > available) revert LimitExceeded();
        b.remaining = available - amount;
        b.lastRefill = uint64(block.timestamp);
    }

    /// @notice Whether `amount` units could be spent now (always true for an unconfigured bucket).
    function canConsume(bytes32 id, uint64 amount) external view returns (bool) {
        Bucket storage b = _buckets[id];
        return b.capacity == 0 || amount <= _available(b);
    }

    /// @notice Units available now (type(uint64).max for an unconfigured bucket).
    function consumable(bytes32 id) external view returns (uint64) {
        Bucket storage b = _buckets[id];
        return b.capacity == 0 ? type(uint64).max : _available(b);
    }

    /// @notice The stored bucket (remaining as of lastRefill).
    function getLimit(bytes32 id)
        external
        view
        returns (uint64 capacity, uint64 remaining, uint64 lastRefill, uint64 refillRate)
    {
        Bucket storage b = _buckets[id];
        return (b.capacity, b.remaining, b.lastRefill, b.refillRate);
    }

    function _available(Bucket storage b) private view returns (uint64) {
        uint256 refilled = uint256(b.remaining) + (block.timestamp - b.lastRefill) * uint256(b.refillRate);
        return refilled > b.capacity ? b.capacity : uint64(refilled);
    }
}
