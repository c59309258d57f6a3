// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IKarakERC4626Views} from "abi/karak/KarakCommon.sol";
import {AssetType} from "abi/karak/KarakV1Types.sol";

/// @title IVault
/// @notice Karak v1 per-asset vault (karak.md §1): a solady ERC-4626 vault owned by the VaultSupervisor.
///         Its mutating ERC-4626 functions are the supervisor's only, so a staker reads it (asset, rates,
///         limit) and, for shares taken out with gimmieShares, uses its ERC-20 share token.
/// @dev Only the staker-relevant part listed in karak.md: the owner-only deposit / mint / withdraw / redeem,
///      initialize, setLimit, pause and ownership functions are left out.
interface IVault is IKarakERC4626Views {
    /// @notice The deposit would take the vault's assets above assetLimit().
    error DepositMoreThanMax();

    /// @notice A zero amount was given.
    error ZeroAmount();

    /// @notice The vault's token is not enabled for deposits.
    error TokenNotEnabled();

    /// @notice The most assets the vault accepts (per-vault cap).
    function assetLimit() external view returns (uint256);

    /// @notice The vault's asset class.
    function assetType() external view returns (AssetType);
}
