// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IVaultV2} from "abi/symbiotic/IVaultV2.sol";
import {IERC20} from "abi/common/IERC20.sol";
import {SymbioticCheckpoints} from "./SymbioticCheckpoints.sol";
import {SymbioticInitializableFixture, SymbioticMulDivFixture} from "./SymbioticFixtureSupport.sol";
import {cloneOf} from "./SymbioticFactories.sol";
import {
    UniversalDelegatorCompanion, WithdrawalQueueCompanion, tokenCallFailed, subOrZero
} from "./SymbioticV2Support.sol";

/// @title VaultV2 (devnet fixture)
/// @notice Symbiotic's Core V2 vault (VaultFactory version 3): an ERC-4626 vault whose share token is an ERC-20
///         with 18 decimals and EIP-2612 permit (EIP-712 domain (vault name, "1"), described by EIP-5267's
///         eip712Domain). OpenZeppelin v5 ERC-4626 math with the decimals offset `18 - asset.decimals()`:
///         shares = assets * (totalSupply + 10^offset) / (totalAssets + 1), assets = shares * (totalAssets + 1) /
///         (totalSupply + 10^offset); previewDeposit / previewRedeem / convert* round down, previewMint /
///         previewWithdraw up. `totalAssets() = freeAssets() + delegator.totalAssets()`, `freeAssets()` the asset
///         balance the vault holds.
///         - `initialize(version, owner, abi.encode(InitParams))` (the VaultFactory only) clones the
///           WithdrawalQueue and the UniversalDelegator implementations and initialises them (queue: this vault;
///           delegator: this vault, curator = owner), emitting SetWithdrawalQueue then SetDelegator.
///         - `maxDeposit` / `maxMint`: 0 when the whitelist is on and **msg.sender** is not whitelisted, else
///           `depositLimit - totalAssets()` (saturating) when the limit is on (maxMint: previewDeposit of it),
///           else type(uint256).max; over it, deposit / mint revert ERC4626ExceededMaxDeposit / ...Mint as OZ.
///           A deposit pulls the assets, mints, emits Deposit, then calls the delegator's `onDeposit()`, which
///           sweeps (so new assets fill the queue first), as upstream.
///         - `maxWithdraw` / `maxRedeem`: the owner's balance only (OZ, not overridden). withdraw / redeem first
///           sweep the delegator and revert `PendingWithdrawalQueue()` if pending assets remain; then OZ's
///           checks and math; if freeAssets() is short the delegator deallocates what adapters can free now
///           (`onWithdraw`); if still short the asset transfer fails with the token's own error. The queue's
///           `fill` redeems through the same `redeem`, without the sweep and the pending check (queue only).
///         - `withdrawable() = freeAssets() + delegator.deallocatable()`; `redeemable() =
///           previewDeposit(withdrawable())` (rounded down, the figure the queue's fill uses upstream).
///         - `totalSupplyAt` / `balanceOfAt` are checkpointed per second; `multicall` delegatecalls itself.
///         - `pull(assets, receiver)` / `push(assets, owner)`: the delegator moves assets to an adapter / takes
///           them back from one (NotDelegator otherwise), emitting Pull / Push, as upstream.
/// @dev Devnet semantics (deviations from Symbiotic):
///      - Created by the VaultFactory fixture as an EIP-1167 clone, initialised in the same transaction by the
///        FACTORY only (`NotFactory()`, after `AlreadyInitialized()` / `InvalidInitialization()`); the
///        implementation is locked by its constructor. The queue and the delegator are EIP-1167 clones made by
///        `initialize` (upstream: a TransparentUpgradeableProxy queue and a delegator from the DelegatorFactory,
///        set later by `setDelegator`); `isInitialized()` is true once initialised.
///      - Roles are simplified to the owner (the factory's `owner_`): `setDepositWhitelist`,
///        `setDepositorWhitelistStatus` (InvalidAddress for 0), `setIsDepositLimit` and `setDepositLimit` are
///        owner-only (`OwnableUnauthorizedAccount`), where upstream has one AccessControl role each; no AlreadySet
///        check, as upstream V2. No dead shares are minted at initialisation (upstream mints at least 1e9 to
///        0xdEaD from the owner's assets), so a fresh vault's price is exactly 1 asset : 10^offset shares.
///      - No fee registry on the devnet: every fee (management, performance, protocol) is 0 and so are their
///        receivers; `getAccrueInterest()` returns (totalAssets(), 0, 0, 0); `accrueInterest()` sets lastUpdate
///        and emits AccrueInterest(totalAssets, 0, 0, 0); deposits and exits accrue first, as upstream.
///        SetManagementFee, SetPerformanceFee and UpdateProtocolFee are declared only; FeeTooHigh,
///        InvalidDelegator and DelegatorAlreadyInitialized are never raised.
///      - No reentrancy guard (the queue's fill re-enters `redeem` from the delegator's sweep by design).
///      - permit: ECDSA only; an unrecoverable or malleable signature reverts ERC2612InvalidSigner(0, owner)
///        (OZ v5's ECDSA errors are not declared); `nonces` per owner.
///      - ERC-20, ERC-4626, EIP-712 and SafeERC20 are compact own versions with OpenZeppelin v5's rules, errors
///        and events; storage layout is the fixture's own.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract VaultV2 is IVaultV2, SymbioticInitializableFixture, SymbioticMulDivFixture {
    using SymbioticCheckpoints for SymbioticCheckpoints.Trace;

    /// @notice What `initialize` decodes from its `data`.
    struct InitParams {
        address asset;
        string name;
        string symbol;
        bool depositWhitelist;
        bool isDepositLimit;
        uint256 depositLimit;
    }

    /// @notice initialize was called on an initialised vault.
    error AlreadyInitialized();
    /// @notice initialize was called by another account than the VaultFactory.
    error NotFactory();
    /// @notice The asset given at initialisation is the zero address.
    error InvalidCollateral();
    /// @notice `account` is not the vault's owner.
    error OwnableUnauthorizedAccount(address account);

    /// @notice The deposit whitelist was turned on or off.
    event SetDepositWhitelist(bool status);
    /// @notice `account` may (or may no longer) deposit while the whitelist is on.
    event SetDepositorWhitelistStatus(address indexed account, bool status);
    /// @notice The deposit limit was turned on or off.
    event SetIsDepositLimit(bool status);
    /// @notice The deposit limit was set.
    event SetDepositLimit(uint256 limit);
    /// @notice The delegator moved `assets` of the vault to `receiver` (an adapter).
    event Pull(uint256 assets, address receiver);
    /// @notice The delegator brought `assets` back into the vault from `owner` (an adapter).
    event Push(uint256 assets, address owner);

    bytes32 private constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    bytes32 private constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");
    uint256 private constant HALF_ORDER = 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0;
    uint8 private constant SHARES_DECIMALS = 18;

    address public immutable FACTORY;
    address public immutable WITHDRAWAL_QUEUE_IMPLEMENTATION;
    address public immutable DELEGATOR_IMPLEMENTATION;

    address public owner;
    address public asset;
    address public withdrawalQueue;
    address public delegator;
    uint48 public lastUpdate;
    uint8 private _decimalsOffset;
    uint256 public virtualShares;

    bool public depositWhitelist;
    bool public isDepositLimit;
    uint256 public depositLimit;
    mapping(address account => bool value) public isDepositorWhitelisted;

    string private _name;
    string private _symbol;
    uint256 private _totalSupply;
    mapping(address account => uint256) private _balances;
    mapping(address holder => mapping(address spender => uint256)) private _allowances;
    mapping(address holder => uint256) private _nonces;
    SymbioticCheckpoints.Trace private _supplyTrace;
    mapping(address account => SymbioticCheckpoints.Trace) private _balanceTrace;

    constructor(address vaultFactory, address withdrawalQueueImplementation, address delegatorImplementation) {
        FACTORY = vaultFactory;
        WITHDRAWAL_QUEUE_IMPLEMENTATION = withdrawalQueueImplementation;
        DELEGATOR_IMPLEMENTATION = delegatorImplementation;
    }

    modifier onlyOwner() {
        if (msg.sender != owner) revert OwnableUnauthorizedAccount(msg.sender);
        _;
    }

    // ================================================================== set-up

    function version() external view returns (uint64) {
        return _getInitializedVersion();
    }

    function isInitialized() external view returns (bool) {
        return delegator != address(0);
    }

    function initialize(uint64 initialVersion, address owner_, bytes calldata data) external {
        if (_getInitializedVersion() != 0) revert AlreadyInitialized();
        if (initialVersion == 0) revert InvalidInitialization();
        if (msg.sender != FACTORY) revert NotFactory();
        InitParams memory p = abi.decode(data, (InitParams));
        if (p.asset == address(0)) revert InvalidCollateral();
        if (owner_ == address(0)) revert InvalidAddress();
        _setInitializedVersion(initialVersion);

        owner = owner_;
        asset = p.asset;
        _name = p.name;
        _symbol = p.symbol;
        uint8 offset = uint8(subOrZero(SHARES_DECIMALS, IERC20(p.asset).decimals()));
        _decimalsOffset = offset;
        virtualShares = 10 ** offset;
        lastUpdate = uint48(block.timestamp);
        depositWhitelist = p.depositWhitelist;
        isDepositLimit = p.isDepositLimit;
        depositLimit = p.depositLimit;

        address queue = cloneOf(WITHDRAWAL_QUEUE_IMPLEMENTATION, keccak256(abi.encode(address(this), "queue")));
        withdrawalQueue = queue;
        WithdrawalQueueCompanion(queue).initialize(address(this));
        emit SetWithdrawalQueue(queue);

        address delegator_ = cloneOf(DELEGATOR_IMPLEMENTATION, keccak256(abi.encode(address(this), "delegator")));
        delegator = delegator_;
        UniversalDelegatorCompanion(delegator_).initialize(address(this), owner_);
        emit SetDelegator(delegator_);

        emit Initialized(initialVersion);
    }

    function multicall(bytes[] calldata data) external {
        for (uint256 i; i < data.length; ++i) {
            (bool ok, bytes memory ret) = address(this).delegatecall(data[i]);
            if (!ok) {
                assembly ("memory-safe") {
                    revert(add(ret, 0x20), mload(ret))
                }
            }
        }
    }

    // ================================================================== ERC-20 shares

    function name() public view returns (string memory) {
        return _name;
    }

    function symbol() public view returns (string memory) {
        return _symbol;
    }

    function decimals() external pure returns (uint8) {
        return SHARES_DECIMALS;
    }

    function totalSupply() public view returns (uint256) {
        return _totalSupply;
    }

    function balanceOf(address account) public view returns (uint256) {
        return _balances[account];
    }

    function allowance(address holder, address spender) external view returns (uint256) {
        return _allowances[holder][spender];
    }

    function totalSupplyAt(uint48 timestamp) external view returns (uint256) {
        return _supplyTrace.upperLookupRecent(timestamp);
    }

    function balanceOfAt(address account, uint48 timestamp) external view returns (uint256) {
        return _balanceTrace[account].upperLookupRecent(timestamp);
    }

    function approve(address spender, uint256 value) external returns (bool) {
        _approve(msg.sender, spender, value);
        return true;
    }

    function transfer(address to, uint256 value) external returns (bool) {
        _transfer(msg.sender, to, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        _spendAllowance(from, msg.sender, value);
        _transfer(from, to, value);
        return true;
    }

    // ================================================================== EIP-2612 / EIP-5267

    function nonces(address holder) external view returns (uint256) {
        return _nonces[holder];
    }

    function DOMAIN_SEPARATOR() public view returns (bytes32) {
        return keccak256(
            abi.encode(DOMAIN_TYPEHASH, keccak256(bytes(_name)), keccak256("1"), block.chainid, address(this))
        );
    }

    function eip712Domain()
        external
        view
        returns (bytes1, string memory, string memory, uint256, address, bytes32, uint256[] memory)
    {
        return (hex"0f", _name, "1", block.chainid, address(this), bytes32(0), new uint256[](0));
    }

    function permit(address holder, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external
    {
        if (block.timestamp > deadline) revert ERC2612ExpiredSignature(deadline);
        uint256 nonce = _nonces[holder];
        bytes32 digest = keccak256(
            abi.encodePacked(
                "\x19\x01",
                DOMAIN_SEPARATOR(),
                keccak256(abi.encode(PERMIT_TYPEHASH, holder, spender, value, nonce, deadline))
            )
        );
        address signer;
        if (uint256(s) <= HALF_ORDER && (v == 27 || v == 28)) signer = ecrecover(digest, v, r, s);
        if (signer != holder || signer == address(0)) revert ERC2612InvalidSigner(signer, holder);
        _nonces[holder] = nonce + 1;
        _approve(holder, spender, value);
    }

    // ================================================================== ERC-4626 accounting

    function collateral() external view returns (address) {
        return asset;
    }

    function freeAssets() public view returns (uint256) {
        return IERC20(asset).balanceOf(address(this));
    }

    function totalAssets() public view returns (uint256) {
        return freeAssets() + UniversalDelegatorCompanion(delegator).totalAssets();
    }

    function convertToShares(uint256 assets) public view returns (uint256) {
        return _toShares(assets, false);
    }

    function convertToAssets(uint256 shares) public view returns (uint256) {
        return _toAssets(shares, false);
    }

    function previewDeposit(uint256 assets) public view returns (uint256) {
        return _toShares(assets, false);
    }

    function previewMint(uint256 shares) public view returns (uint256) {
        return _toAssets(shares, true);
    }

    function previewWithdraw(uint256 assets) public view returns (uint256) {
        return _toShares(assets, true);
    }

    function previewRedeem(uint256 shares) public view returns (uint256) {
        return _toAssets(shares, false);
    }

    function maxDeposit(address) public view returns (uint256) {
        if (depositWhitelist && !isDepositorWhitelisted[msg.sender]) return 0;
        return isDepositLimit ? subOrZero(depositLimit, totalAssets()) : type(uint256).max;
    }

    function maxMint(address receiver) public view returns (uint256) {
        uint256 assets = maxDeposit(receiver);
        return assets == type(uint256).max ? type(uint256).max : previewDeposit(assets);
    }

    function maxWithdraw(address holder) public view returns (uint256) {
        return _toAssets(_balances[holder], false);
    }

    function maxRedeem(address holder) public view returns (uint256) {
        return _balances[holder];
    }

    function withdrawable() public returns (uint256) {
        return freeAssets() + UniversalDelegatorCompanion(delegator).deallocatable();
    }

    function redeemable() external returns (uint256) {
        return previewDeposit(withdrawable());
    }

    // ================================================================== interest and fees (all 0 on the devnet)

    function getAccrueInterest() public view returns (uint256, uint256, uint256, uint256) {
        return (totalAssets(), 0, 0, 0);
    }

    function accrueInterest() public returns (uint256, uint256, uint256) {
        lastUpdate = uint48(block.timestamp);
        emit AccrueInterest(totalAssets(), 0, 0, 0);
        return (0, 0, 0);
    }

    function managementFee() external pure returns (uint96) {
        return 0;
    }

    function performanceFee() external pure returns (uint96) {
        return 0;
    }

    function managementFeeReceiver() external pure returns (address) {
        return address(0);
    }

    function performanceFeeReceiver() external pure returns (address) {
        return address(0);
    }

    function lastProtocolManagementFee() external pure returns (uint96) {
        return 0;
    }

    function lastProtocolPerformanceFee() external pure returns (uint96) {
        return 0;
    }

    function lastProtocolFeeReceiver() external pure returns (address) {
        return address(0);
    }

    // ================================================================== deposits and exits

    function deposit(uint256 assets, address receiver) external returns (uint256 shares) {
        uint256 max = maxDeposit(receiver);
        if (assets > max) revert ERC4626ExceededMaxDeposit(receiver, assets, max);
        shares = previewDeposit(assets);
        _deposit(receiver, assets, shares);
    }

    function mint(uint256 shares, address receiver) external returns (uint256 assets) {
        uint256 max = maxMint(receiver);
        if (shares > max) revert ERC4626ExceededMaxMint(receiver, shares, max);
        assets = previewMint(shares);
        _deposit(receiver, assets, shares);
    }

    function withdraw(uint256 assets, address receiver, address holder) external returns (uint256 shares) {
        _sweepUnlessQueue();
        uint256 max = maxWithdraw(holder);
        if (assets > max) revert ERC4626ExceededMaxWithdraw(holder, assets, max);
        shares = previewWithdraw(assets);
        _withdraw(receiver, holder, assets, shares);
    }

    function redeem(uint256 shares, address receiver, address holder) external returns (uint256 assets) {
        _sweepUnlessQueue();
        uint256 max = maxRedeem(holder);
        if (shares > max) revert ERC4626ExceededMaxRedeem(holder, shares, max);
        assets = previewRedeem(shares);
        _withdraw(receiver, holder, assets, shares);
    }

    // ================================================================== delegator entry points

    function pull(uint256 assets, address receiver) external {
        if (msg.sender != delegator) revert NotDelegator();
        accrueInterest();
        _assetCall(abi.encodeCall(IERC20.transfer, (receiver, assets)));
        emit Pull(assets, receiver);
    }

    function push(uint256 assets, address from) external {
        if (msg.sender != delegator) revert NotDelegator();
        _assetCall(abi.encodeCall(IERC20.transferFrom, (from, address(this), assets)));
        emit Push(assets, from);
    }

    // ================================================================== owner controls

    function setDepositWhitelist(bool status) external onlyOwner {
        depositWhitelist = status;
        emit SetDepositWhitelist(status);
    }

    function setDepositorWhitelistStatus(address account, bool status) external onlyOwner {
        if (account == address(0)) revert InvalidAddress();
        isDepositorWhitelisted[account] = status;
        emit SetDepositorWhitelistStatus(account, status);
    }

    function setIsDepositLimit(bool status) external onlyOwner {
        isDepositLimit = status;
        emit SetIsDepositLimit(status);
    }

    function setDepositLimit(uint256 limit) external onlyOwner {
        depositLimit = limit;
        emit SetDepositLimit(limit);
    }

    // ================================================================== internals

    function _toShares(uint256 assets, bool roundUp) private view returns (uint256) {
        return _mulDiv(assets, _totalSupply + virtualShares, totalAssets() + 1, roundUp);
    }

    function _toAssets(uint256 shares, bool roundUp) private view returns (uint256) {
        return _mulDiv(shares, totalAssets() + 1, _totalSupply + virtualShares, roundUp);
    }

    function _deposit(address receiver, uint256 assets, uint256 shares) private {
        accrueInterest();
        _assetCall(abi.encodeCall(IERC20.transferFrom, (msg.sender, address(this), assets)));
        _mint(receiver, shares);
        emit Deposit(msg.sender, receiver, assets, shares);
        UniversalDelegatorCompanion(delegator).onDeposit();
    }

    /// @dev An instant exit first sweeps the delegator; assets still pending in the queue refuse it. The queue's
    ///      own fill skips this (it is what the sweep calls).
    function _sweepUnlessQueue() private {
        if (msg.sender == withdrawalQueue) return;
        if (UniversalDelegatorCompanion(delegator).sweepPending() > 0) revert PendingWithdrawalQueue();
    }

    function _withdraw(address receiver, address holder, uint256 assets, uint256 shares) private {
        accrueInterest();
        if (msg.sender != holder) _spendAllowance(holder, msg.sender, shares);
        _burn(holder, shares);
        uint256 free = freeAssets();
        if (free < assets) UniversalDelegatorCompanion(delegator).onWithdraw(assets - free);
        _assetCall(abi.encodeCall(IERC20.transfer, (receiver, assets)));
        emit Withdraw(msg.sender, receiver, holder, assets, shares);
    }

    function _assetCall(bytes memory data) private {
        if (tokenCallFailed(asset, data)) revert SafeERC20FailedOperation(asset);
    }

    function _transfer(address from, address to, uint256 value) private {
        if (from == address(0)) revert ERC20InvalidSender(address(0));
        if (to == address(0)) revert ERC20InvalidReceiver(address(0));
        _update(from, to, value);
    }

    function _mint(address to, uint256 value) private {
        if (to == address(0)) revert ERC20InvalidReceiver(address(0));
        _update(address(0), to, value);
    }

    function _burn(address from, uint256 value) private {
        _update(from, address(0), value);
    }

    /// @dev OZ v5 ERC20._update, with the supply and balance checkpoints.
    function _update(address from, address to, uint256 value) private {
        if (from == address(0)) {
            _totalSupply += value;
            _supplyTrace.push(_totalSupply);
        } else {
            uint256 held = _balances[from];
            if (held < value) revert ERC20InsufficientBalance(from, held, value);
            _balances[from] = held - value;
            _balanceTrace[from].push(held - value);
        }
        if (to == address(0)) {
            _totalSupply -= value;
            _supplyTrace.push(_totalSupply);
        } else {
            uint256 next = _balances[to] + value;
            _balances[to] = next;
            _balanceTrace[to].push(next);
        }
        emit Transfer(from, to, value);
    }

    function _approve(address holder, address spender, uint256 value) private {
        if (holder == address(0)) revert ERC20InvalidApprover(address(0));
        if (spender == address(0)) revert ERC20InvalidSpender(address(0));
        _allowances[holder][spender] = value;
        emit Approval(holder, spender, value);
    }

    /// @dev OZ v5: an infinite allowance is not spent; spending emits no Approval.
    function _spendAllowance(address holder, address spender, uint256 value) private {
        uint256 current = _allowances[holder][spender];
        if (current == type(uint256).max) return;
        if (current < value) revert ERC20InsufficientAllowance(spender, current, value);
        unchecked {
            _allowances[holder][spender] = current - value;
        }
    }
}
