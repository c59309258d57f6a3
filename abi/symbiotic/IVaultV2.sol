// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IERC4626} from "abi/common/IERC4626.sol";
import {IERC20Permit} from "abi/common/IERC20Permit.sol";
import {ISymbioticERC5267} from "abi/symbiotic/SymbioticCommonBase.sol";

/// @title IVaultV2
/// @notice A Symbiotic Core V2 vault (`version()` 3 or more): an ERC-4626 vault whose share token is a plain
///         ERC-20 with EIP-2612 permit (the EIP-712 domain name is the vault's name) and 18 decimals. Idle assets
///         sit in the vault, the rest is spread over adapters by the vault's UniversalDelegator. Yield, fees and
///         slashing all move the share price. Exits are instant (withdraw / redeem) while liquidity allows and
///         nothing is queued (else `PendingWithdrawalQueue()`; beyond `withdrawable()` the asset transfer fails);
///         otherwise shares go to the vault's WithdrawalQueue. Where this vault differs from plain ERC-4626:
///         `maxDeposit`/`maxMint` are 0 when the deposit whitelist is on and **msg.sender** (not the receiver)
///         is not whitelisted, else what the deposit limit leaves; `maxWithdraw`/`maxRedeem` reflect the owner's
///         balance only and ignore liquidity, so read `withdrawable()`/`redeemable()` (with eth_call) instead.
///         Its EIP-712 domain is described by EIP-5267's eip712Domain (ISymbioticERC5267).
interface IVaultV2 is IERC4626, IERC20Permit, ISymbioticERC5267 {
    // ---------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------

    /// @notice Interest was accrued: the new asset total and the fee shares minted for it.
    event AccrueInterest(
        uint256 newTotalAssets,
        uint256 managementFeeShares,
        uint256 performanceFeeShares,
        uint256 protocolFeeShares
    );

    /// @notice The vault's withdrawal queue was set.
    event SetWithdrawalQueue(address indexed withdrawalQueue);

    /// @notice The vault's delegator was set (once).
    event SetDelegator(address indexed delegator);

    /// @notice The protocol fee snapshot was refreshed from the fee registry.
    event UpdateProtocolFee(address indexed receiver, uint96 managementFee, uint96 performanceFee);

    /// @notice The curator's management fee (per second, 1e18 scale) and its receiver were set.
    event SetManagementFee(uint256 fee, address indexed receiver);

    /// @notice The curator's performance fee (1e18 scale) and its receiver were set.
    event SetPerformanceFee(uint256 fee, address indexed receiver);

    // ---------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------

    /// @notice An instant withdraw / redeem while the delegator's sweep would still leave queued assets pending.
    error PendingWithdrawalQueue();

    /// @notice A fee above its maximum.
    error FeeTooHigh();

    /// @notice An address argument was not acceptable (e.g. the zero address).
    error InvalidAddress();

    /// @notice The caller is not the vault's delegator.
    error NotDelegator();

    /// @notice The delegator given is not a valid one for this vault.
    error InvalidDelegator();

    /// @notice The delegator has already been set.
    error DelegatorAlreadyInitialized();

    /// @notice A transfer of the asset `token` failed.
    error SafeERC20FailedOperation(address token);

    /// @notice Assets an instant exit can pay now: free assets plus what the delegator can deallocate.
    ///         Not a view (simulates deallocation): read it with eth_call.
    function withdrawable() external returns (uint256 assets);

    /// @notice withdrawable() in shares. Not a view: read it with eth_call.
    function redeemable() external returns (uint256 shares);

    /// @notice Assets held by the vault itself (not allocated to adapters).
    function freeAssets() external view returns (uint256 assets);

    // ---------------------------------------------------------------------
    // Wiring and identity
    // ---------------------------------------------------------------------

    /// @notice The vault's WithdrawalQueue (ERC-721 exit tickets).
    function withdrawalQueue() external view returns (address withdrawalQueueAddress);

    /// @notice The vault's UniversalDelegator (same selector as the v1 vault's delegator()).
    function delegator() external view returns (address delegatorAddress);

    /// @notice Vault version from the VaultFactory: 1 Vault, 2 VaultTokenized, 3 or more VaultV2.
    function version() external view returns (uint64);

    /// @notice Whether the vault is fully set up.
    function isInitialized() external view returns (bool initialized);

    /// @notice Batch of calls executed on the vault itself.
    function multicall(bytes[] calldata data) external;

    // ---------------------------------------------------------------------
    // Share checkpoints
    // ---------------------------------------------------------------------

    /// @notice Share supply at `timestamp` (checkpointed).
    function totalSupplyAt(uint48 timestamp) external view returns (uint256 supply);

    /// @notice Share balance of `account` at `timestamp`.
    function balanceOfAt(address account, uint48 timestamp) external view returns (uint256 balance);

    // ---------------------------------------------------------------------
    // Interest and fees (all fees are minted as shares)
    // ---------------------------------------------------------------------

    /// @notice Preview of the next accrual: new asset total and the fee shares it would mint.
    function getAccrueInterest()
        external
        view
        returns (
            uint256 newTotalAssets,
            uint256 managementFeeShares,
            uint256 performanceFeeShares,
            uint256 protocolFeeShares
        );

    /// @notice Accrues interest now, minting the fee shares.
    function accrueInterest()
        external
        returns (uint256 managementFeeShares, uint256 performanceFeeShares, uint256 protocolFeeShares);

    /// @notice Time of the last accrual.
    function lastUpdate() external view returns (uint48 timestamp);

    /// @notice Curator management fee, per second, 1e18 scale.
    function managementFee() external view returns (uint96 fee);

    /// @notice Curator performance fee on interest, 1e18 scale.
    function performanceFee() external view returns (uint96 fee);

    /// @notice Receiver of the management fee shares.
    function managementFeeReceiver() external view returns (address receiver);

    /// @notice Receiver of the performance fee shares.
    function performanceFeeReceiver() external view returns (address receiver);

    /// @notice Protocol management fee as of the last accrual.
    function lastProtocolManagementFee() external view returns (uint96 fee);

    /// @notice Protocol performance fee as of the last accrual.
    function lastProtocolPerformanceFee() external view returns (uint96 fee);

    /// @notice Protocol fee receiver as of the last accrual.
    function lastProtocolFeeReceiver() external view returns (address receiver);

    // ---------------------------------------------------------------------
    // Deposit whitelist and limit
    // ---------------------------------------------------------------------

    /// @notice Whether only whitelisted callers may deposit.
    function depositWhitelist() external view returns (bool enabled);

    /// @notice Whether `account` may deposit while the whitelist is on.
    function isDepositorWhitelisted(address account) external view returns (bool whitelisted);

    /// @notice Whether the deposit limit applies.
    function isDepositLimit() external view returns (bool enabled);

    /// @notice Cap on totalAssets() for deposits, when isDepositLimit().
    function depositLimit() external view returns (uint256 limit);
}
