// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title INetworkMiddlewareService
/// @notice Maps each network to its middleware: the one address allowed to slash and to distribute rewards
///         on the network's behalf. The network may change it at any time (not checkpointed: only the
///         current value is kept).
interface INetworkMiddlewareService {
    // ---------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------

    /// @notice `network` set its middleware to `middleware`.
    event SetMiddleware(address indexed network, address middleware);

    // ---------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------

    /// @notice The network's middleware already has this value.
    error AlreadySet();

    /// @notice The caller is not a registered network.
    error NotNetwork();

    // ---------------------------------------------------------------------
    // Network writes
    // ---------------------------------------------------------------------

    /// @notice The calling network sets its middleware to `middleware_` (network only).
    function setMiddleware(address middleware_) external;

    // ---------------------------------------------------------------------
    // Views
    // ---------------------------------------------------------------------

    /// @notice The middleware of `network` (zero address when none is set).
    function middleware(address network) external view returns (address value);

    /// @notice The NetworkRegistry that decides who is a network.
    function NETWORK_REGISTRY() external view returns (address);
}
