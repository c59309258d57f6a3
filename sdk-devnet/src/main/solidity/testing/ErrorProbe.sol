// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title ErrorProbe
/// @notice Fixture for the SDK's revert decoding: one function per kind of failure
///         (custom error, Error(string), Panic(uint256), no data) and one that succeeds.
/// @dev Every function is state-changing, so it can be simulated as a transaction (eth_call,
///      eth_estimateGas) and mined. The failing ones write `lastResult` before they fail, which
///      gives the revert a write to undo and keeps solc from suggesting `view` or `pure`.
///      Test fixture only: not meant for production use.
contract ErrorProbe {
    /// @notice A deliberate failure with a caller-chosen `code` and `reason`, raised for `caller`.
    error ProbeFailed(uint256 code, address caller, string reason);

    /// @notice `succeed` was called by `caller` and stored `value`.
    event Echoed(address indexed caller, uint256 value);

    /// @dev What the failing functions write before failing; never left in storage by them.
    uint256 private constant FAILING = type(uint256).max;

    /// @notice The value stored by the last successful `succeed` or `divide`.
    uint256 public lastResult;

    /// @notice Stores and returns `x * 2` (checked: panics 0x11 on overflow) and emits `Echoed`.
    /// @return the doubled value
    function succeed(uint256 x) external returns (uint256) {
        uint256 doubled = x * 2;
        lastResult = doubled;
        emit Echoed(msg.sender, doubled);
        return doubled;
    }

    /// @notice Always reverts with `ProbeFailed(code, msg.sender, reason)`.
    function failWithCustomError(uint256 code, string calldata reason) external {
        lastResult = FAILING;
        revert ProbeFailed(code, msg.sender, reason);
    }

    /// @notice Always reverts with `Error(string)` carrying `reason`.
    function failWithReason(string calldata reason) external {
        lastResult = FAILING;
        revert(reason);
    }

    /// @notice Stores and returns `a / b`; `b == 0` reverts with `Panic(0x12)`.
    /// @return the quotient
    function divide(uint256 a, uint256 b) external returns (uint256) {
        uint256 quotient = a / b;
        lastResult = quotient;
        return quotient;
    }

    /// @notice Always fails an assertion: reverts with `Panic(0x01)`.
    function failAssert() external {
        lastResult = FAILING;
        assert(false);
    }

    /// @notice Always reverts with no return data at all.
    function failWithoutData() external {
        lastResult = FAILING;
        revert();
    }
}
