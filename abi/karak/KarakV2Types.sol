// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

// Shared types of the Karak v2 ("Core") contracts, with the layouts of the karak-rs ABI that karak.md §2.2,
// §2.4 and §2.5 give. This file yields no ABI of its own (only abi/**/I*.sol files do); ICoreVault and ICore
// import it. DSSs and vaults are plain addresses here (IDSS / IKarakBaseVault in Karak's sources).

/// @notice A v2 vault's configuration (VaultLib.Config): its asset and decimals, the operator that deployed
///         it, the share token's name and symbol, and implementation-specific extra data.
struct Config {
    address asset;
    uint8 decimals;
    address operator;
    string name;
    string symbol;
    bytes extraData;
}

/// @notice A v2 redeem in its delay: `shares` of `staker` escrowed in the vault since `start`, paid to
///         `beneficiary` by finishRedeem. Keyed by keccak256(abi.encode(staker, nonce)).
struct QueuedWithdrawal {
    address staker;
    uint96 start;
    uint256 shares;
    address beneficiary;
}

/// @notice A DSS's slashing request against `operator`: `slashPercentagesWad[i]` (1e18 = 1 %, 100e18 = all)
///         of `vaults[i]`.
struct SlashRequest {
    address operator;
    uint96[] slashPercentagesWad;
    address[] vaults;
}

/// @notice A slashing queued by `dss` at `timestamp` (karak-rs layout: uint96[] slashPercentagesWad, not the
///         2024-07 audit snapshot's uint256[] earmarkedStakes); finalizable after the veto window.
struct QueuedSlashing {
    address dss;
    uint96 timestamp;
    address operator;
    address[] vaults;
    uint96[] slashPercentagesWad;
    uint256 nonce;
}

/// @notice An operator's request to stake (`toStake`) or unstake `vault` in `dss`.
struct StakeUpdateRequest {
    address vault;
    address dss;
    bool toStake;
}

/// @notice A stake update queued at `startTimestamp` by `operator`; finalizable after MIN_STAKE_UPDATE_DELAY.
struct QueuedStakeUpdate {
    uint48 nonce;
    uint48 startTimestamp;
    address operator;
    StakeUpdateRequest updateRequest;
}
