// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IKarakERC4626Views} from "abi/karak/KarakCommon.sol";
import {Config, QueuedWithdrawal} from "abi/karak/KarakV2Types.sol";

/// @title ICoreVault
/// @notice Karak v2 vault (karak.md §2.2): an operator-owned solady ERC-4626 vault deployed through Core, whose
///         shares are a transferable ERC-20. Stakers deposit (optionally with a minimum of shares) or mint,
///         and leave in two steps: startRedeem escrows the shares in the vault (approve the vault's shares to
///         the vault itself first), and after MIN_WITHDRAWAL_DELAY (9 days) anyone may finishRedeem, which pays
///         convertToAssets(shares) at that moment (a slash in between lowers it) to the beneficiary.
/// @dev Named CoreVault (v2) to keep it apart from the v1 IVault. Only the staker-relevant part listed in
///      karak.md: initialize, slashAssets (Core only), pause / unpause, permit and ownership are left out.
///      ERC-4626 withdraw / redeem are declared because they exist and always revert NotImplemented.
interface ICoreVault is IKarakERC4626Views {
    // ---------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------

    /// @notice A zero amount of assets was given.
    error ZeroAmount();

    /// @notice A zero amount of shares was given.
    error ZeroShares();

    /// @notice A zero address was given (beneficiary).
    error ZeroAddress();

    /// @notice The deposit is above maxDeposit (the vault's asset limit).
    error DepositMoreThanMax();

    /// @notice The deposit would mint fewer shares than `minSharesOut`.
    error NotEnoughShares();

    /// @notice No queued redeem has this withdrawal key.
    error WithdrawalNotFound();

    /// @notice MIN_WITHDRAWAL_DELAY has not passed since startRedeem.
    error MinWithdrawDelayNotPassed();

    /// @notice The redemption is above what may be redeemed.
    error RedeemMoreThanMax();

    /// @notice ERC-4626 withdraw / redeem: not implemented, always reverts (use startRedeem / finishRedeem).
    error NotImplemented();

    // ---------------------------------------------------------------------
    // Events (none indexed on the redeem events and Slashed: filter by vault address and topic0)
    // ---------------------------------------------------------------------

    /// @notice `staker` escrowed `shares` for redemption under `withdrawKey`; `assets` is an estimate at start.
    event StartedRedeem(address staker, address operator, uint256 shares, bytes32 withdrawKey, uint256 assets);

    /// @notice The redeem `withdrawRoot` of `shares` by `staker` paid `assetsClaimed` to `beneficiary`.
    event FinishedRedeem(
        address staker, address beneficiary, address operator, uint256 shares, uint256 assetsClaimed, bytes32 withdrawRoot
    );

    /// @notice `assets` left the vault to the asset's slashing handler.
    event Slashed(uint256 assets);

    // ---------------------------------------------------------------------
    // Deposit / mint
    // ---------------------------------------------------------------------

    /// @notice ERC-4626 deposit: pulls `assets` (approved to the vault) and mints shares to `to`.
    function deposit(uint256 assets, address to) external returns (uint256 shares);

    /// @notice As deposit, reverting NotEnoughShares if fewer than `minSharesOut` shares are minted.
    function deposit(uint256 assets, address to, uint256 minSharesOut) external returns (uint256 shares);

    /// @notice Mints exactly `shares` to `to`, pulling the assets they cost.
    function mint(uint256 shares, address to) external returns (uint256 assets);

    // ---------------------------------------------------------------------
    // Redeem (two steps)
    // ---------------------------------------------------------------------

    /// @notice Escrows `shares` of the caller in the vault for `beneficiary`; returns the withdrawal key
    ///         keccak256(abi.encode(caller, getNextWithdrawNonce(caller) before the call)).
    function startRedeem(uint256 shares, address beneficiary) external returns (bytes32 withdrawalKey);

    /// @notice Pays the redeem `withdrawalKey` at the current rate once its delay has passed (callable by anyone).
    function finishRedeem(bytes32 withdrawalKey) external;

    /// @notice ERC-4626 withdraw: always reverts NotImplemented.
    function withdraw(uint256 assets, address to, address owner) external returns (uint256 shares);

    /// @notice ERC-4626 redeem: always reverts NotImplemented.
    function redeem(uint256 shares, address to, address owner) external returns (uint256 assets);

    // ---------------------------------------------------------------------
    // Views
    // ---------------------------------------------------------------------

    /// @notice The nonce the next startRedeem of `staker` will use.
    function getNextWithdrawNonce(address staker) external view returns (uint256);

    /// @notice Whether the redeem number `_withdrawNonce` of `staker` is queued and not finished.
    function isWithdrawalPending(address staker, uint256 _withdrawNonce) external view returns (bool);

    /// @notice The redeem number `_withdrawNonce` of `staker`.
    function getQueuedWithdrawal(address staker, uint256 _withdrawNonce) external view returns (QueuedWithdrawal memory);

    /// @notice The vault's configuration, operator included (pure in the official ABI: read from immutable args).
    function vaultConfig() external pure returns (Config memory);

    /// @notice Whether the function with pause index `index` is paused: 0 deposit, 1 deposit with slippage,
    ///         2 mint, 3 startRedeem, 4 finishRedeem, 5 withdraw, 6 redeem.
    function paused(uint8 index) external view returns (bool);

    /// @notice The pause bitmap (bit i = pause index i).
    function pausedMap() external view returns (uint256);
}
