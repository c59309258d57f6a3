// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Signature} from "abi/karak/KarakV1Types.sol";

/// @title IVaultSupervisor
/// @notice Karak v1 VaultSupervisor, the staker's entry point on every v1 chain, in its v1.3 form (karak.md
///         §1.1-§1.2). Deposits go through the supervisor into a per-asset vault (IVault): the vault pulls the
///         tokens from the staker (approve the vault), mints the shares to the supervisor, and the supervisor
///         credits them to the staker; getDeposits lists the credit. gimmieShares hands credited shares out as
///         the vault's ERC-20, returnShares takes them back. Withdrawals go through the DelegationSupervisor.
/// @dev Only the staker-relevant part listed in karak.md: deploying vaults, limits, roles, upgrades,
///      vaultSwap and registerSwapperForRoutes (manager / owner only) are left out. The v1.1-era forms
///      deposit(address,uint256) 0x47e7ef24 and the 6-argument depositWithSignature 0x6ff09141 of the
///      committed v1 ABI JSON are replaced by the v1.2 / v1.3 forms below.
interface IVaultSupervisor {
    // ---------------------------------------------------------------------
    // Errors (v1 Errors.sol, those the supervisor's staker paths raise)
    // ---------------------------------------------------------------------

    /// @notice A zero address was given where an account or contract is needed.
    error ZeroAddress();

    /// @notice A zero share amount was given (gimmieShares / returnShares).
    error ZeroShares();

    /// @notice The vault minted fewer shares than `minSharesOut`, or the caller's credit is below the shares asked.
    error NotEnoughShares();

    /// @notice The staker already has deposits in the maximum number of vaults (32).
    error MaxStakerVault();

    /// @notice The deposit would cross the global (USD) deposit limit of the limiter.
    error CrossedDepositLimit();

    /// @notice The vault was not deployed by this supervisor.
    error VaultNotAChildVault();

    /// @notice The vault is not in the staker's list of vaults.
    error VaultNotFound();

    /// @notice Only the DelegationSupervisor may call this (share removal / redemption on withdrawals).
    error NotDelegationSupervisor();

    /// @notice The admin call forwarded to a vault is not an allowed one.
    error InvalidVaultAdminFunction();

    /// @notice The EIP-2612 permit of depositWithSignature failed.
    error PermitFailed();

    /// @notice The deadline of a signed deposit has passed.
    error ExpiredSign();

    /// @notice The signed-deposit signature does not recover to the user.
    error InvalidSignature();

    /// @notice migrate: redeeming the old vault's shares failed (v1.3).
    error MigrationRedeemFailed();

    /// @notice migrate: the swap from the old asset to the new one failed (v1.3).
    error MigrationSwapFailed();

    /// @notice A swap failed (v1.3).
    error SwapFailed();

    /// @notice No swapper is registered for the route of a migrate (v1.3).
    error InvalidSwapper();

    /// @notice A swapper route has the wrong length (v1.3).
    error InvalidSwapperRouteLength();

    /// @notice migrateToV2: the v1 and v2 vaults hold different assets (v1.3).
    error AssetMismatch();

    /// @notice Array arguments of different lengths (v1.3).
    error LengthDoesNotMatch();

    /// @notice The swap is not possible (v1.3).
    error CannotSwap();

    /// @notice The swap parameters are invalid (v1.3).
    error InvalidSwapParams();

    /// @notice A Pendle swap failed (v1.3).
    error PendleSwapFailed();

    // ---------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------

    /// @notice The supervisor deployed `vault`.
    event NewVault(address indexed vault);

    /// @notice `staker` took `shares` of `vault` out of the supervisor as the share token `shareToken`.
    event GaveShares(address indexed staker, address indexed vault, address shareToken, uint256 shares);

    /// @notice `staker` returned `shares` of the share token `shareToken` of `vault` to the supervisor.
    event ReturnedShares(address indexed staker, address indexed vault, address shareToken, uint256 shares);

    /// @notice `user` moved `oldShares` of `v1Vault` (worth `assets`) into `v2Vault`, receiving `newShares` (v1.3).
    event MigratedToV2(
        address indexed user,
        address indexed v1Vault,
        address indexed v2Vault,
        uint256 oldShares,
        uint256 newShares,
        uint256 assets
    );

    // ---------------------------------------------------------------------
    // Deposits
    // ---------------------------------------------------------------------

    /// @notice Deposits `amount` of the vault's asset (approved to the vault, which pulls it) and credits the
    ///         shares to the caller; reverts NotEnoughShares if fewer than `minSharesOut` are minted (v1.2+).
    function deposit(address vault, uint256 amount, uint256 minSharesOut) external returns (uint256 shares);

    /// @notice Gasless deposit for `user` of `value`: `permit` is the asset's EIP-2612 permit to the vault,
    ///         `vaultAllowance` the user's EIP-712 signature over Deposit(vault, deadline, value, minSharesOut,
    ///         nonce) (SIGNED_DEPOSIT_TYPEHASH, nonce getUserNonce(user)); v1.3 form.
    function depositWithSignature(
        address vault,
        address user,
        uint256 value,
        uint256 minSharesOut,
        uint256 deadline,
        Signature calldata permit,
        Signature calldata vaultAllowance
    ) external returns (uint256 shares);

    /// @notice As deposit, then hands the new shares to the caller as the vault's ERC-20 in the same transaction.
    function depositAndGimmie(address vault, uint256 amount, uint256 minSharesOut) external returns (uint256 shares);

    // ---------------------------------------------------------------------
    // Share tokens in and out of the supervisor (v1.2+)
    // ---------------------------------------------------------------------

    /// @notice Moves `shares` of the caller's credit in `vault` out of the supervisor as the vault's share
    ///         token; such shares cannot be withdrawn through startWithdraw until returned.
    function gimmieShares(address vault, uint256 shares) external;

    /// @notice Credits `shares` of `vault` to the caller again, pulling the share tokens with transferFrom
    ///         (approve the vault share token to the supervisor first).
    function returnShares(address vault, uint256 shares) external;

    // ---------------------------------------------------------------------
    // Migration
    // ---------------------------------------------------------------------

    /// @notice v1 -> v1 across assets through a registered swapper: redeems `oldShares` of `oldVault`, swaps
    ///         and deposits into `newVault`, needing at least `minNewShares`.
    function migrate(address oldVault, address newVault, uint256 oldShares, uint256 minNewShares, bytes calldata swapperParams)
        external;

    /// @notice v1 -> v2, same asset only (AssetMismatch): redeems `oldShares` of `v1Vault` and deposits the
    ///         assets into the v2 vault `v2Vault` for the caller with at least `minNewShares` (v1.3 only).
    function migrateToV2(address v1Vault, address v2Vault, uint256 oldShares, uint256 minNewShares) external;

    // ---------------------------------------------------------------------
    // Views
    // ---------------------------------------------------------------------

    /// @notice The EIP-712 type hash of a signed deposit (v1.3: keccak256 of
    ///         "Deposit(address vault, uint256 deadline, uint256 value, uint256 minSharesOut, uint256 nonce)").
    function SIGNED_DEPOSIT_TYPEHASH() external pure returns (bytes32);

    /// @notice The staker's vaults, their assets, and the assets and shares credited in each (share tokens
    ///         taken out with gimmieShares are not counted).
    function getDeposits(address staker)
        external
        view
        returns (address[] memory vaults, address[] memory tokens, uint256[] memory assets, uint256[] memory shares);

    /// @notice Every vault the supervisor deployed.
    function getVaults() external view returns (address[] memory);

    /// @notice The DelegationSupervisor the supervisor works with (where withdrawals start and finish).
    function delegationSupervisor() external view returns (address);

    /// @notice The next signed-deposit nonce of `user`.
    function getUserNonce(address user) external view returns (uint256);
}
