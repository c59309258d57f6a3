// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title IMulticall3
/// @notice The canonical Multicall3 interface, deployed at
///         0xcA11bde05977b3631167028862bE2a173976CA11 on most chains.
interface IMulticall3 {
    /// @notice A call to `target` with `callData`.
    struct Call {
        address target;
        bytes callData;
    }

    /// @notice A call that may be allowed to fail.
    struct Call3 {
        address target;
        bool allowFailure;
        bytes callData;
    }

    /// @notice A call that may be allowed to fail and forwards `value` wei.
    struct Call3Value {
        address target;
        bool allowFailure;
        uint256 value;
        bytes callData;
    }

    /// @notice Outcome of one call.
    struct Result {
        bool success;
        bytes returnData;
    }

    /// @notice Runs all calls; reverts if any fails.
    function aggregate(Call[] calldata calls)
        external
        payable
        returns (uint256 blockNumber, bytes[] memory returnData);

    /// @notice Runs all calls; reverts if a call with `allowFailure == false` fails.
    function aggregate3(Call3[] calldata calls) external payable returns (Result[] memory returnData);

    /// @notice Like `aggregate3`, forwarding each call's value; the values must sum to `msg.value`.
    function aggregate3Value(Call3Value[] calldata calls) external payable returns (Result[] memory returnData);

    /// @notice Same as `tryBlockAndAggregate(true, calls)`.
    function blockAndAggregate(Call[] calldata calls)
        external
        payable
        returns (uint256 blockNumber, bytes32 blockHash, Result[] memory returnData);

    /// @notice `block.basefee`.
    function getBasefee() external view returns (uint256 basefee);

    /// @notice `blockhash(blockNumber)`.
    function getBlockHash(uint256 blockNumber) external view returns (bytes32 blockHash);

    /// @notice `block.number`.
    function getBlockNumber() external view returns (uint256 blockNumber);

    /// @notice `block.chainid`.
    function getChainId() external view returns (uint256 chainid);

    /// @notice `block.coinbase`.
    function getCurrentBlockCoinbase() external view returns (address coinbase);

    /// @notice `block.prevrandao` (formerly the block difficulty).
    function getCurrentBlockDifficulty() external view returns (uint256 difficulty);

    /// @notice `block.gaslimit`.
    function getCurrentBlockGasLimit() external view returns (uint256 gaslimit);

    /// @notice `block.timestamp`.
    function getCurrentBlockTimestamp() external view returns (uint256 timestamp);

    /// @notice Ether balance of `addr`.
    function getEthBalance(address addr) external view returns (uint256 balance);

    /// @notice `blockhash(block.number - 1)`.
    function getLastBlockHash() external view returns (bytes32 blockHash);

    /// @notice Runs all calls; reverts on a failure only if `requireSuccess`.
    function tryAggregate(bool requireSuccess, Call[] calldata calls)
        external
        payable
        returns (Result[] memory returnData);

    /// @notice `tryAggregate` plus the current block number and hash.
    function tryBlockAndAggregate(bool requireSuccess, Call[] calldata calls)
        external
        payable
        returns (uint256 blockNumber, bytes32 blockHash, Result[] memory returnData);
}
