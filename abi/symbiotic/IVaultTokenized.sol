// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IERC20} from "abi/common/IERC20.sol";
import {IVault} from "abi/symbiotic/IVault.sol";

/// @title IVaultTokenized
/// @notice A Symbiotic core v1 tokenized vault (factory version 2): the Vault with its active shares as a
///         transferable ERC-20. balanceOf is activeSharesOf, totalSupply is activeShares and decimals are
///         the collateral's; Transfer is emitted on deposit (mint), withdraw / redeem (burn) and transfers.
///         Withdrawal shares are not tokens. A transfer moves the active-share checkpoints, and so future
///         rewards and slashable balance, to the receiver.
interface IVaultTokenized is IVault, IERC20 {
    // ---------------------------------------------------------------------
    // Types (for encoding `bytes` arguments; they do not appear in the ABI)
    // ---------------------------------------------------------------------

    /// @notice What `initialize` decodes from its `data` for a tokenized vault (abi.encode of this struct).
    struct InitParamsTokenized {
        InitParams baseParams;
        string name;
        string symbol;
    }
}
