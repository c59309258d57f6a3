// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IBaseNetworkLimitDelegator} from "abi/symbiotic/SymbioticDelegatorBase.sol";
import {ISymbioticMathErrors} from "abi/symbiotic/SymbioticCommonBase.sol";

/// @title INetworkRestakeDelegator
/// @notice Symbiotic v1 delegator of type 0. Each subnetwork gets at most its network limit of the vault's
///         active stake, and that amount is split among operators by shares:
///         stake = operatorNetworkShares * min(activeStake, networkLimit) / totalOperatorNetworkShares
///         (0 when the total is 0). The same collateral can back several networks (restaking across
///         networks), but within one subnetwork operators do not overlap. The multiply-then-divide is done on
///         512 bits (MathOverflowedMulDiv() of ISymbioticMathErrors if a quotient needed more than 256 bits).
interface INetworkRestakeDelegator is IBaseNetworkLimitDelegator, ISymbioticMathErrors {
    // ---------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------

    /// @notice `operator`'s share of `subnetwork` was set to `shares` (the subnetwork total changes with it).
    event SetOperatorNetworkShares(bytes32 indexed subnetwork, address indexed operator, uint256 shares);

    // ---------------------------------------------------------------------
    // Operator shares
    // ---------------------------------------------------------------------

    /// @notice Role that may set operator shares (usually the vault curator).
    function OPERATOR_NETWORK_SHARES_SET_ROLE() external view returns (bytes32);

    /// @notice `operator`'s shares in `subnetwork` now.
    function operatorNetworkShares(bytes32 subnetwork, address operator) external view returns (uint256);

    /// @notice Same as operatorNetworkShares, at `timestamp`; `hint` may be empty.
    function operatorNetworkSharesAt(bytes32 subnetwork, address operator, uint48 timestamp, bytes calldata hint)
        external
        view
        returns (uint256);

    /// @notice Sum of all operators' shares in `subnetwork` now.
    function totalOperatorNetworkShares(bytes32 subnetwork) external view returns (uint256);

    /// @notice Same as totalOperatorNetworkShares, at `timestamp`; `hint` may be empty.
    function totalOperatorNetworkSharesAt(bytes32 subnetwork, uint48 timestamp, bytes calldata hint)
        external
        view
        returns (uint256);

    /// @notice Sets `operator`'s shares in `subnetwork` (OPERATOR_NETWORK_SHARES_SET_ROLE only).
    function setOperatorNetworkShares(bytes32 subnetwork, address operator, uint256 shares) external;
}
