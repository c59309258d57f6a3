// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title IVaultV2
/// @notice A Symbiotic Core V2 vault (`version()` 3 or more): an ERC-4626 vault whose share token is a plain
///         ERC-20 with EIP-2612 permit and 18 decimals. Idle assets sit in the vault, the rest is spread over
///         adapters by the vault's UniversalDelegator. Yield, fees and slashing all move the share price.
///         Exits are instant (withdraw / redeem) while liquidity allows and nothing is queued; otherwise
///         shares go to the vault's WithdrawalQueue.
interface IVaultV2 {
    // ---------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------

    /// @notice ERC-20: `value` shares moved from `from` to `to` (zero address for mint / burn, fee shares included).
    event Transfer(address indexed from, address indexed to, uint256 value);

    /// @notice ERC-20: `owner` set the share allowance of `spender` to `value`.
    event Approval(address indexed owner, address indexed spender, uint256 value);

    /// @notice ERC-4626: `sender` paid `assets` and `owner` received `shares`. Same topic0 as the v1 vault's Deposit.
    event Deposit(address indexed sender, address indexed owner, uint256 assets, uint256 shares);

    /// @notice ERC-4626: `sender` burnt `shares` of `owner` and `receiver` got `assets` (instant exits and queue fills).
    event Withdraw(
        address indexed sender,
        address indexed receiver,
        address indexed owner,
        uint256 assets,
        uint256 shares
    );

    /// @notice ERC-5267: the EIP-712 domain changed.
    event EIP712DomainChanged();

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

    /// @notice A deposit of `assets` for `receiver` above `max` (maxDeposit: whitelist or deposit limit).
    error ERC4626ExceededMaxDeposit(address receiver, uint256 assets, uint256 max);

    /// @notice A mint of `shares` for `receiver` above `max` (maxMint).
    error ERC4626ExceededMaxMint(address receiver, uint256 shares, uint256 max);

    /// @notice A withdrawal of `assets` from `owner` above `max` (maxWithdraw, i.e. the owner's balance).
    error ERC4626ExceededMaxWithdraw(address owner, uint256 assets, uint256 max);

    /// @notice A redemption of `shares` from `owner` above `max` (maxRedeem, i.e. the owner's balance).
    error ERC4626ExceededMaxRedeem(address owner, uint256 shares, uint256 max);

    /// @notice `sender` holds `balance` shares, less than the `needed` amount.
    error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed);

    /// @notice `sender` is not a valid share sender (e.g. the zero address).
    error ERC20InvalidSender(address sender);

    /// @notice `receiver` is not a valid share receiver (e.g. the zero address).
    error ERC20InvalidReceiver(address receiver);

    /// @notice `spender` may move `allowance` shares, less than the `needed` amount.
    error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed);

    /// @notice `approver` is not a valid approver (e.g. the zero address).
    error ERC20InvalidApprover(address approver);

    /// @notice `spender` is not a valid spender (e.g. the zero address).
    error ERC20InvalidSpender(address spender);

    /// @notice A permit submitted after its `deadline`.
    error ERC2612ExpiredSignature(uint256 deadline);

    /// @notice The permit was signed by `signer`, not by `owner`.
    error ERC2612InvalidSigner(address signer, address owner);

    /// @notice A transfer of the asset `token` failed.
    error SafeERC20FailedOperation(address token);

    // ---------------------------------------------------------------------
    // Share token (ERC-20 metadata and transfers)
    // ---------------------------------------------------------------------

    /// @notice Share token name (also the EIP-712 domain name of permit).
    function name() external view returns (string memory);

    /// @notice Share token symbol.
    function symbol() external view returns (string memory);

    /// @notice Always 18, whatever the asset's decimals.
    function decimals() external view returns (uint8);

    /// @notice Total share supply.
    function totalSupply() external view returns (uint256);

    /// @notice Share balance of `account`.
    function balanceOf(address account) external view returns (uint256);

    /// @notice Moves `value` shares from the caller to `to`.
    function transfer(address to, uint256 value) external returns (bool);

    /// @notice Remaining shares `spender` may move for `owner`.
    function allowance(address owner, address spender) external view returns (uint256);

    /// @notice Lets `spender` move `value` of the caller's shares (the WithdrawalQueue needs this before requestRedeem).
    function approve(address spender, uint256 value) external returns (bool);

    /// @notice Moves `value` shares from `from` to `to` using the caller's allowance.
    function transferFrom(address from, address to, uint256 value) external returns (bool);

    // ---------------------------------------------------------------------
    // Permit (EIP-2612 on the share token, EIP-712 domain per ERC-5267)
    // ---------------------------------------------------------------------

    /// @notice Sets `spender`'s share allowance over `owner`'s shares to `value` with `owner`'s signature.
    function permit(
        address owner,
        address spender,
        uint256 value,
        uint256 deadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external;

    /// @notice Nonce `owner` must sign in the next permit.
    function nonces(address owner) external view returns (uint256);

    /// @notice EIP-712 domain separator of permit.
    function DOMAIN_SEPARATOR() external view returns (bytes32);

    /// @notice ERC-5267: the fields of the EIP-712 domain.
    function eip712Domain()
        external
        view
        returns (
            bytes1 fields,
            string memory name,
            string memory version,
            uint256 chainId,
            address verifyingContract,
            bytes32 salt,
            uint256[] memory extensions
        );

    // ---------------------------------------------------------------------
    // ERC-4626 accounting
    // ---------------------------------------------------------------------

    /// @notice The collateral the vault takes and pays out.
    function asset() external view returns (address assetTokenAddress);

    /// @notice Free assets plus the assets the delegator manages (the vault's TVL).
    function totalAssets() external view returns (uint256 totalManagedAssets);

    /// @notice Shares `assets` are worth now, rounded down.
    function convertToShares(uint256 assets) external view returns (uint256 shares);

    /// @notice Assets `shares` are worth now, rounded down (its growth is the vault's yield).
    function convertToAssets(uint256 shares) external view returns (uint256 assets);

    // ---------------------------------------------------------------------
    // Deposit / mint
    // ---------------------------------------------------------------------

    /// @notice Most assets that can be deposited now: 0 if the whitelist is on and the caller (msg.sender, not
    ///         `receiver`) is not whitelisted, else what the deposit limit leaves.
    function maxDeposit(address receiver) external view returns (uint256 maxAssets);

    /// @notice Shares a deposit of `assets` would mint now.
    function previewDeposit(uint256 assets) external view returns (uint256 shares);

    /// @notice Pulls `assets` from the caller (approve the asset first) and mints shares to `receiver`.
    function deposit(uint256 assets, address receiver) external returns (uint256 shares);

    /// @notice Most shares that can be minted now (same rule as maxDeposit).
    function maxMint(address receiver) external view returns (uint256 maxShares);

    /// @notice Assets a mint of `shares` would pull now.
    function previewMint(uint256 shares) external view returns (uint256 assets);

    /// @notice Mints exactly `shares` to `receiver`, pulling what they cost from the caller.
    function mint(uint256 shares, address receiver) external returns (uint256 assets);

    // ---------------------------------------------------------------------
    // Instant withdraw / redeem
    // ---------------------------------------------------------------------

    /// @notice `owner`'s balance in assets. Ignores liquidity: check withdrawable() instead.
    function maxWithdraw(address owner) external view returns (uint256 maxAssets);

    /// @notice Shares a withdrawal of `assets` would burn now.
    function previewWithdraw(uint256 assets) external view returns (uint256 shares);

    /// @notice Instant exit of exactly `assets` to `receiver`; reverts PendingWithdrawalQueue while the queue
    ///         would stay pending, and fails beyond withdrawable().
    function withdraw(uint256 assets, address receiver, address owner) external returns (uint256 shares);

    /// @notice `owner`'s share balance. Ignores liquidity: check redeemable() instead.
    function maxRedeem(address owner) external view returns (uint256 maxShares);

    /// @notice Assets a redemption of `shares` would pay now.
    function previewRedeem(uint256 shares) external view returns (uint256 assets);

    /// @notice Instant exit burning exactly `shares`; same conditions as withdraw.
    function redeem(uint256 shares, address receiver, address owner) external returns (uint256 assets);

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
