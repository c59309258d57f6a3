// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IERC20} from "abi/common/IERC20.sol";
import {IStrategy} from "abi/eigenlayer/IStrategy.sol";
import {IEigenStrategy} from "abi/eigenlayer/IEigenStrategy.sol";
import {StrategyBase} from "./StrategyBase.sol";

/// @dev The EIGEN calls the strategy makes.
interface IEigenForStrategy {
    function wrap(uint256 amount) external;
    function unwrap(uint256 amount) external;
}

/// @title EigenStrategy (devnet fixture)
/// @notice EigenLayer's EIGEN strategy: a StrategyBase whose underlying token is bEIGEN and that also
///         takes EIGEN. A deposit of EIGEN is unwrapped into bEIGEN before the shares are computed (so
///         1 EIGEN counts as 1 bEIGEN); a withdrawal asked in EIGEN wraps the bEIGEN owed into EIGEN and
///         sends that; a withdrawal in bEIGEN sends bEIGEN. Any other token: `OnlyUnderlyingToken()`.
/// @dev Deviation: deployed with constructor arguments (upstream: a proxy set up by
///      `initialize(EIGEN, bEIGEN)`). Test fixture only: not meant for production use. Written for
///      restake4j; no upstream code.
contract EigenStrategy is StrategyBase, IEigenStrategy {
    /// @notice The EIGEN token, accepted besides the underlying bEIGEN.
    address public immutable EIGEN;

    constructor(address strategyManager_, address eigen_, address bEigen_) StrategyBase(strategyManager_, bEigen_) {
        if (eigen_ == address(0)) revert InputAddressZero();
        EIGEN = eigen_;
    }

    /// @notice Not supported: the fixture is configured by its constructor.
    function initialize(address, address) external {
        _unsupported("initialize");
    }

    /// @notice A short description of the strategy.
    function explanation() external pure override(IStrategy, StrategyBase) returns (string memory) {
        return "EIGEN strategy accepting bEIGEN and EIGEN";
    }

    function _beforeDeposit(address token, uint256 amount) internal override {
        if (token != underlyingToken && token != EIGEN) revert OnlyUnderlyingToken();
        if (token == EIGEN) {
            IEigenForStrategy(EIGEN).unwrap(amount);
        }
    }

    function _beforeWithdrawal(address token) internal view override {
        if (token != underlyingToken && token != EIGEN) revert OnlyUnderlyingToken();
    }

    function _afterWithdrawal(address recipient, address token, uint256 amountOut) internal override {
        if (token == EIGEN) {
            require(IERC20(underlyingToken).approve(EIGEN, amountOut), "EigenStrategy: approve failed");
            IEigenForStrategy(EIGEN).wrap(amountOut);
            require(IERC20(EIGEN).transfer(recipient, amountOut), "EigenStrategy: transfer failed");
        } else {
            require(IERC20(underlyingToken).transfer(recipient, amountOut), "EigenStrategy: transfer failed");
        }
    }
}
