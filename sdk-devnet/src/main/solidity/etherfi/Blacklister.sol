// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title Blacklister (devnet fixture)
/// @notice ether.fi's blacklist, which the LiquidityPool, eETH and the WithdrawRequestNFT consult: an address is
///         blacklisted while `blacklistedUntil(user) > block.timestamp`, and `nonBlacklisted(user)` then reverts
///         `BlacklistedUser(user)`. `blacklistUser` blacklists for good (type(uint256).max), `blacklistUserUntil`
///         for BLACKLIST_DURATION (3 days; `UserAlreadyBlacklisted(user)` while one is running),
///         `setBlacklistUntil(user, d)` for `d` seconds from now, `unblacklistUser` lifts it. Events and errors as
///         upstream; nobody is blacklisted at start.
/// @dev Devnet semantics: the deployer holds every role (upstream: guardian for `blacklistUserUntil`, operating
///      multisig for the rest, through the RoleRegistry); another caller reverts `IncorrectCaller()` (upstream:
///      the RoleRegistry's own error). Not upgradeable.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract Blacklister {
    uint256 public constant BLACKLIST_DURATION = 3 days;

    event UserBlacklisted(address user);
    event UserUnblacklisted(address user);
    event UserBlacklistedUntil(address user, uint256 until);

    error InvalidUser();
    error BlacklistedUser(address user);
    error UserAlreadyBlacklisted(address user);
    error IncorrectCaller();

    /// @notice The account holding the guardian and multisig roles (the deployer).
    address public immutable devnetAdmin;

    mapping(address => uint256) public blacklistedUntil;

    constructor() {
        devnetAdmin = msg.sender;
    }

    modifier onlyDevnetAdmin() {
        if (msg.sender != devnetAdmin) revert IncorrectCaller();
        _;
    }

    function blacklistUserUntil(address user) external onlyDevnetAdmin {
        if (user == address(0)) revert InvalidUser();
        if (blacklistedUntil[user] > block.timestamp) revert UserAlreadyBlacklisted(user);
        blacklistedUntil[user] = block.timestamp + BLACKLIST_DURATION;
        emit UserBlacklistedUntil(user, block.timestamp + BLACKLIST_DURATION);
    }

    function setBlacklistUntil(address user, uint256 until) external onlyDevnetAdmin {
        if (user == address(0)) revert InvalidUser();
        blacklistedUntil[user] = block.timestamp + until;
        emit UserBlacklistedUntil(user, block.timestamp + until);
    }

    function blacklistUser(address user) external onlyDevnetAdmin {
        if (user == address(0)) revert InvalidUser();
        blacklistedUntil[user] = type(uint256).max;
        emit UserBlacklisted(user);
    }

    function unblacklistUser(address user) external onlyDevnetAdmin {
        blacklistedUntil[user] = 0;
        emit UserUnblacklisted(user);
    }

    /// @notice Reverts `BlacklistedUser(user)` while `user` is blacklisted.
    function nonBlacklisted(address user) external view {
        if (blacklistedUntil[user] > block.timestamp) revert BlacklistedUser(user);
    }
}
