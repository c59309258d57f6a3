// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IBaseNetworkLimitDelegator} from "abi/symbiotic/SymbioticDelegatorBase.sol";

/// @title IFullRestakeDelegator
/// @notice Symbiotic v1 delegator of type 1. Every operator gets its own limit per subnetwork and
///         stake = min(activeStake, networkLimit, operatorNetworkLimit). Limits are not split, so the same
///         collateral can back several operators and several networks at once, and the limits may add up
///         to more than the vault holds: any of those (subnetwork, operator) pairs can be slashed against it.
interface IFullRestakeDelegator is IBaseNetworkLimitDelegator {
    // ---------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------

    /// @notice `operator`'s limit in `subnetwork` was set to `amount`.
    event SetOperatorNetworkLimit(bytes32 indexed subnetwork, address indexed operator, uint256 amount);

    // ---------------------------------------------------------------------
    // Operator limits
    // ---------------------------------------------------------------------

    /// @notice Role that may set operator limits (usually the vault curator).
    function OPERATOR_NETWORK_LIMIT_SET_ROLE() external view returns (bytes32);

    /// @notice Most of the vault's active stake that `operator` may use in `subnetwork` now.
    function operatorNetworkLimit(bytes32 subnetwork, address operator) external view returns (uint256);

    /// @notice Same as operatorNetworkLimit, at `timestamp`; `hint` may be empty.
    function operatorNetworkLimitAt(bytes32 subnetwork, address operator, uint48 timestamp, bytes calldata hint)
        external
        view
        returns (uint256);

    /// @notice Sets `operator`'s limit in `subnetwork` (OPERATOR_NETWORK_LIMIT_SET_ROLE only).
    function setOperatorNetworkLimit(bytes32 subnetwork, address operator, uint256 amount) external;
}
