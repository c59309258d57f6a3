// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title IBatchSettlement
/// @notice Test-only ABI shape: a `T[][]` parameter next to structs, which web3j codegen
///         cannot handle, so the Java side encodes `settle` by hand.
interface IBatchSettlement {
    /// @notice One staker's settlement entry.
    struct Entry {
        address staker;
        uint256 nonce;
        address[] strategies;
        uint256[] shares;
    }

    /// @notice Emitted with solc's canonical re-encoding of the received call and a few digests of it.
    event Settled(
        bytes canonicalCalldata,
        address firstStaker,
        uint256 entryCount,
        uint256 tokenCount,
        uint256 shareSum,
        uint256 trueFlags
    );

    // codegen cannot handle this one (address[][] + structs): Java encodes it by hand
    function settle(Entry[] calldata entries, address[][] calldata tokens, bool[] calldata receiveAsTokens)
        external;

    // a struct function codegen CAN handle, so the generated wrapper contains the Entry struct class
    function settleOne(Entry calldata entry, address[] calldata tokens, bool receiveAsTokens) external;
}

/// @title AbiProbe
/// @notice Test fixture: decodes the arguments with solc's ABI decoder (malformed calldata
///         reverts) and echoes solc's canonical re-encoding in `Settled`, to be compared
///         byte-for-byte with the calldata the Java encoder produced.
contract AbiProbe is IBatchSettlement {
    /// @notice `entries`, `tokens` and `receiveAsTokens` must have the same length.
    error LengthMismatch(uint256 entries, uint256 tokens, uint256 flags);

    /// @inheritdoc IBatchSettlement
    function settle(Entry[] calldata entries, address[][] calldata tokens, bool[] calldata receiveAsTokens)
        external
    {
        if (entries.length != tokens.length || entries.length != receiveAsTokens.length) {
            revert LengthMismatch(entries.length, tokens.length, receiveAsTokens.length);
        }

        uint256 tokenCount = 0;
        uint256 shareSum = 0;
        uint256 trueFlags = 0;
        for (uint256 i = 0; i < entries.length; ++i) {
            tokenCount += tokens[i].length;
            shareSum += _sum(entries[i].shares);
            if (receiveAsTokens[i]) ++trueFlags;
        }

        emit Settled(
            abi.encodeCall(IBatchSettlement.settle, (entries, tokens, receiveAsTokens)),
            entries.length == 0 ? address(0) : entries[0].staker,
            entries.length,
            tokenCount,
            shareSum,
            trueFlags
        );
    }

    /// @inheritdoc IBatchSettlement
    function settleOne(Entry calldata entry, address[] calldata tokens, bool receiveAsTokens) external {
        emit Settled(
            abi.encodeCall(IBatchSettlement.settleOne, (entry, tokens, receiveAsTokens)),
            entry.staker,
            1,
            tokens.length,
            _sum(entry.shares),
            receiveAsTokens ? 1 : 0
        );
    }

    function _sum(uint256[] calldata values) private pure returns (uint256 total) {
        for (uint256 i = 0; i < values.length; ++i) {
            total += values[i];
        }
    }
}
