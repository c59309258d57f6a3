// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

// Shared types of the Karak v1 ("Supervisor") contracts, per karak.md §1 (v1.3 sources). This file yields no
// ABI of its own (only abi/**/I*.sol files do); IVaultSupervisor, IVault, IDelegationSupervisor and IQuerier
// import it. Vaults and tokens are plain addresses here (IVault / IERC20 in Karak's sources).

/// @notice An ECDSA signature split in its parts, as depositWithSignature takes it (v1.3 `Signature`).
struct Signature {
    uint8 v;
    bytes32 r;
    bytes32 s;
}

/// @notice What a staker asks to withdraw: `shares[i]` of `vaults[i]`, paid to `withdrawer`, which must be
///         the caller of startWithdraw. Both arrays non-empty and of equal length.
struct WithdrawRequest {
    address[] vaults;
    uint256[] shares;
    address withdrawer;
}

/// @notice A queued v1 withdrawal. Its root is keccak256(abi.encode(withdrawal)); finishWithdraw needs it back
///         byte-exact (nonce and start included), so read it from fetchQueuedWithdrawals, not from events.
struct QueuedWithdrawal {
    address staker;
    address delegatedTo;
    uint256 nonce;
    uint256 start;
    WithdrawRequest request;
}

/// @notice The asset class of a v1 vault (uint8 in the ABI): NONE = 0, ETH = 1, STABLE = 2, BTC = 3, OTHER = 4.
enum AssetType {
    NONE,
    ETH,
    STABLE,
    BTC,
    OTHER
}
