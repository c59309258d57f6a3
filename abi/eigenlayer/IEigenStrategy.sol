// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IStrategy} from "abi/eigenlayer/IStrategy.sol";

/// @title IEigenStrategy
/// @notice EigenLayer's EIGEN strategy (EigenStrategy): a StrategyBase whose underlying token is bEIGEN
///         that also takes EIGEN. A deposit of EIGEN is unwrapped 1:1 into bEIGEN; a withdrawal asked in
///         EIGEN wraps the bEIGEN back 1:1 and sends EIGEN. Any other token is refused with
///         `OnlyUnderlyingToken()`.
interface IEigenStrategy is IStrategy {
    /// @notice The EIGEN token, accepted besides the underlying bEIGEN (`underlyingToken()`).
    function EIGEN() external view returns (address);

    /// @notice Initialises the proxy with EIGEN and bEIGEN (the underlying token).
    function initialize(address _EIGEN, address _bEIGEN) external;
}
