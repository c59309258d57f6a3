// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

// Shared types of the ether.fi contracts. This file yields no ABI of its own (only abi/**/I*.sol
// files do); the I<Name>.sol interfaces import it.

/// @notice An EIP-2612 permit signed for the contract that will pull the tokens.
struct PermitInput {
    uint256 value;
    uint256 deadline;
    uint8 v;
    bytes32 r;
    bytes32 s;
}

/// @notice Where deposited ether came from (uint8 in the ABI): EETH = 1, ETHER_FAN = 2, DELEGATED_STAKING = 3.
enum SourceOfFunds {
    UNDEFINED,
    EETH,
    ETHER_FAN,
    DELEGATED_STAKING
}
