// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ICoreVault} from "abi/karak/ICoreVault.sol";
import {Config, QueuedWithdrawal} from "abi/karak/KarakV2Types.sol";
import {IERC20} from "abi/common/IERC20.sol";

/// @title KarakCoreVault (devnet fixture)
/// @notice Karak v2's standard operator vault (karak.md §2.2, "Vault" 2.0.0 in Karak's v2 sources): an ERC-4626
///         vault whose shares are a transferable ERC-20, deployed for an operator by KarakCore (its owner) as an
///         EIP-1167 clone and initialised in the same transaction.
///         - Share math is solady's ERC4626 with virtual shares and a decimals offset of 0, as upstream:
///           shares = assets * (totalSupply + 1) / (totalAssets + 1), assets = shares * (totalAssets + 1) /
///           (totalSupply + 1); convertToShares / convertToAssets / previewDeposit / previewRedeem round down,
///           previewMint / previewWithdraw round up. `totalAssets()` is the asset balance the vault holds.
///           `decimals()` is the asset's decimals (18 if the asset has no `decimals()`), as upstream's
///           initialize; the `decimals` of the Config given to Core is ignored, as upstream.
///         - `deposit(assets, to)` (pause index 0) and `deposit(assets, to, minSharesOut)` (index 1): ZeroAmount
///           for 0, DepositMoreThanMax above `maxDeposit(to)`, then pull the assets (approve the vault first),
///           mint, emit Deposit; the 3-argument form reverts NotEnoughShares below `minSharesOut`.
///           `mint(shares, to)` (index 2): ZeroShares for 0, MintMoreThanMax above `maxMint(to)`, pulls
///           previewMint(shares).
///         - `startRedeem(shares, beneficiary)` (index 3): ZeroShares, ZeroAddress; the key is
///           keccak256(abi.encode(staker, nonce)) with the staker's nonce before the increment; records
///           (staker, start = now, shares, beneficiary), then escrows the shares with an external
///           `this.transferFrom(staker, vault, shares)`, so the staker must first `approve(vault, shares)` on
///           the vault itself (InsufficientAllowance otherwise); emits StartedRedeem with
///           convertToAssets(shares) at start as the estimate.
///         - `finishRedeem(key)` (index 4), callable by anyone: WithdrawalNotFound for an unknown or finished
///           key, MinWithdrawDelayNotPassed before start + MIN_WITHDRAWAL_DELAY (9 days), RedeemMoreThanMax if
///           the vault holds fewer escrowed shares; pays convertToAssets(shares) at finish time (a slash in
///           between lowers it) to the beneficiary, burns the escrowed shares, emits Withdraw (by = owner =
///           vault) then FinishedRedeem. `withdraw` (index 5) / `redeem` (index 6) revert NotImplemented.
///         - `slashAssets(amount, handler)` (Core only, Unauthorized otherwise) moves min(amount,
///           totalAssets()) of the asset to `handler` and emits Slashed; `pause(map)` / `unpause(map)` (Core
///           only) set the pause bitmap with upstream's Pauser rules (pause may only add bits:
///           AttemptedUnpauseWhilePausing; unpause may only remove bits: AttemptedPauseWhileUnpausing); a paused
///           function reverts EnforcedPauseFunction(index).
/// @dev Devnet semantics (deviations from Karak):
///      - Asset limit: upstream's standard v2 vault has none (solady's maxDeposit = type(uint256).max). The
///        fixture reads an optional limit from the Config's extraData: if it is exactly 32 bytes,
///        abi.decode(extraData, (uint256)) is the most totalAssets() may reach, and maxDeposit(to) =
///        limit - totalAssets() (0 when at or above it), maxMint(to) = convertToShares(maxDeposit(to));
///        any other extraData means no limit (both type(uint256).max).
///      - The slashing handler receives a plain ERC-20 transfer (upstream approves the handler and calls its
///        handleSlashing(asset, amount), which pulls the assets): any address can be a handler on the devnet.
///      - EIP-1167 clone locked by the implementation's constructor (upstream: an ERC-1967 beacon proxy whose
///        beacon is Core); initialize(owner, operator, asset, name, symbol, extraData) once (AlreadyInitialized).
///      - No permit, no ownership transfer, no reentrancy guard, no extSloads; ERC-20 (with solady's errors
///        InsufficientBalance / InsufficientAllowance, an allowance of type(uint256).max never decreasing) and
///        ERC-4626 are compact own versions; arithmetic is plain checked uint256 (no 512-bit mulDiv), so
///        products above 2^256 revert with a panic. Storage layout is the fixture's own.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract KarakCoreVault is ICoreVault {
    uint256 public constant MIN_WITHDRAWAL_DELAY = 9 days;
    string public constant VERSION = "2.0.0";

    uint8 internal constant PAUSE_DEPOSIT = 0;
    uint8 internal constant PAUSE_DEPOSIT_SLIPPAGE = 1;
    uint8 internal constant PAUSE_MINT = 2;
    uint8 internal constant PAUSE_START_REDEEM = 3;
    uint8 internal constant PAUSE_FINISH_REDEEM = 4;
    uint8 internal constant PAUSE_WITHDRAW = 5;
    uint8 internal constant PAUSE_REDEEM = 6;

    // keccak256("restake4j.karak.v2.vault.config"): a fixed slot so that the pure vaultConfig() can copy it.
    bytes32 internal constant CONFIG_SLOT = 0x528c70d9a53cfc483bf7137d960b00abeb7ea1befb4135996f5869dbae07ce0a;

    error MintMoreThanMax();
    error InsufficientBalance();
    error InsufficientAllowance();
    error Unauthorized();
    error AlreadyInitialized();
    error EnforcedPauseFunction(uint8 functionIndex);
    error AttemptedUnpauseWhilePausing();
    error AttemptedPauseWhileUnpausing();
    error TokenTransferFailed();

    event Withdraw(address indexed by, address indexed to, address indexed owner, uint256 assets, uint256 shares);
    event Paused(address account, uint256 map);
    event Unpaused(address account, uint256 map);

    bool private _initialized;
    address private _owner;
    uint256 private _pausedMap;
    uint256 private _totalSupply;
    bool private _limited;
    uint256 private _assetLimit;
    mapping(address => uint256) private _balances;
    mapping(address => mapping(address => uint256)) private _allowances;
    mapping(address => uint256) private _withdrawNonce;
    mapping(bytes32 => QueuedWithdrawal) private _withdrawals;

    constructor() {
        _initialized = true; // the implementation itself is locked; clones start uninitialised
    }

    /// @notice Initialises a clone: `owner_` (KarakCore) controls slashing and pausing; `operator` owns the vault.
    function initialize(
        address owner_,
        address operator,
        address depositToken,
        string calldata name_,
        string calldata symbol_,
        bytes calldata extraData
    ) external {
        if (_initialized) revert AlreadyInitialized();
        _initialized = true;
        _owner = owner_;
        Config storage c = _config();
        c.asset = depositToken;
        c.operator = operator;
        c.name = name_;
        c.symbol = symbol_;
        c.extraData = extraData;
        c.decimals = _assetDecimals(depositToken);
        if (extraData.length == 32) {
            _limited = true;
            _assetLimit = abi.decode(extraData, (uint256));
        }
    }

    // ------------------------------------------------------------------ modifiers

    modifier whenFunctionNotPaused(uint8 index) {
        if (paused(index)) revert EnforcedPauseFunction(index);
        _;
    }

    modifier onlyCore() {
        if (msg.sender != _owner) revert Unauthorized();
        _;
    }

    // ------------------------------------------------------------------ ERC-20 share token

    function name() external view returns (string memory) {
        return _config().name;
    }

    function symbol() external view returns (string memory) {
        return _config().symbol;
    }

    function decimals() external view returns (uint8) {
        return _config().decimals;
    }

    function totalSupply() public view returns (uint256 result) {
        return _totalSupply;
    }

    function balanceOf(address owner_) public view returns (uint256 result) {
        return _balances[owner_];
    }

    function allowance(address owner_, address spender) external view returns (uint256 result) {
        return _allowances[owner_][spender];
    }

    function approve(address spender, uint256 amount) external returns (bool) {
        _allowances[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        _transfer(msg.sender, to, amount);
        return true;
    }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        uint256 allowed = _allowances[from][msg.sender];
        if (allowed != type(uint256).max) {
            if (amount > allowed) revert InsufficientAllowance();
            _allowances[from][msg.sender] = allowed - amount;
        }
        _transfer(from, to, amount);
        return true;
    }

    /// @notice The vault's owner: KarakCore.
    function owner() external view returns (address) {
        return _owner;
    }

    // ------------------------------------------------------------------ ERC-4626 views

    function asset() public view returns (address) {
        return _config().asset;
    }

    function totalAssets() public view returns (uint256 assets) {
        return IERC20(_config().asset).balanceOf(address(this));
    }

    function convertToShares(uint256 assets) public view returns (uint256 shares) {
        return assets * (_totalSupply + 1) / (totalAssets() + 1);
    }

    function convertToAssets(uint256 shares) public view returns (uint256 assets) {
        return shares * (totalAssets() + 1) / (_totalSupply + 1);
    }

    function maxDeposit(address) public view returns (uint256 maxAssets) {
        if (!_limited) return type(uint256).max;
        uint256 held = totalAssets();
        return held >= _assetLimit ? 0 : _assetLimit - held;
    }

    function previewDeposit(uint256 assets) public view returns (uint256 shares) {
        return convertToShares(assets);
    }

    function maxMint(address to) public view returns (uint256 maxShares) {
        if (!_limited) return type(uint256).max;
        return convertToShares(maxDeposit(to));
    }

    function previewMint(uint256 shares) public view returns (uint256 assets) {
        return _divUp(shares * (totalAssets() + 1), _totalSupply + 1);
    }

    function maxWithdraw(address owner_) external view returns (uint256 maxAssets) {
        return convertToAssets(_balances[owner_]);
    }

    function previewWithdraw(uint256 assets) external view returns (uint256 shares) {
        return _divUp(assets * (_totalSupply + 1), totalAssets() + 1);
    }

    function maxRedeem(address owner_) public view returns (uint256 maxShares) {
        return _balances[owner_];
    }

    function previewRedeem(uint256 shares) external view returns (uint256 assets) {
        return convertToAssets(shares);
    }

    // ------------------------------------------------------------------ deposit / mint

    function deposit(uint256 assets, address to)
        external
        whenFunctionNotPaused(PAUSE_DEPOSIT)
        returns (uint256 shares)
    {
        shares = _depositAssets(assets, to);
    }

    function deposit(uint256 assets, address to, uint256 minSharesOut)
        external
        whenFunctionNotPaused(PAUSE_DEPOSIT_SLIPPAGE)
        returns (uint256 shares)
    {
        shares = _depositAssets(assets, to);
        if (shares < minSharesOut) revert NotEnoughShares();
    }

    function mint(uint256 shares, address to) external whenFunctionNotPaused(PAUSE_MINT) returns (uint256 assets) {
        if (shares == 0) revert ZeroShares();
        if (shares > maxMint(to)) revert MintMoreThanMax();
        assets = previewMint(shares);
        _pullAndMint(to, assets, shares);
    }

    // ------------------------------------------------------------------ redeem (two steps)

    function startRedeem(uint256 shares, address beneficiary)
        external
        whenFunctionNotPaused(PAUSE_START_REDEEM)
        returns (bytes32 withdrawalKey)
    {
        if (shares == 0) revert ZeroShares();
        if (beneficiary == address(0)) revert ZeroAddress();
        address staker = msg.sender;
        uint256 estimate = convertToAssets(shares);
        withdrawalKey = keccak256(abi.encode(staker, _withdrawNonce[staker]++));
        _withdrawals[withdrawalKey] = QueuedWithdrawal({
            staker: staker, start: uint96(block.timestamp), shares: shares, beneficiary: beneficiary
        });
        this.transferFrom(staker, address(this), shares);
        emit StartedRedeem(staker, _config().operator, shares, withdrawalKey, estimate);
    }

    function finishRedeem(bytes32 withdrawalKey) external whenFunctionNotPaused(PAUSE_FINISH_REDEEM) {
        QueuedWithdrawal memory w = _withdrawals[withdrawalKey];
        if (w.start == 0) revert WithdrawalNotFound();
        if (uint256(w.start) + MIN_WITHDRAWAL_DELAY > block.timestamp) revert MinWithdrawDelayNotPassed();
        if (w.shares > maxRedeem(address(this))) revert RedeemMoreThanMax();
        uint256 assets = convertToAssets(w.shares);
        delete _withdrawals[withdrawalKey];
        _burn(address(this), w.shares);
        _safeTransfer(w.beneficiary, assets);
        emit Withdraw(address(this), w.beneficiary, address(this), assets, w.shares);
        emit FinishedRedeem(w.staker, w.beneficiary, _config().operator, w.shares, assets, withdrawalKey);
    }

    function withdraw(uint256, address, address)
        external
        view
        whenFunctionNotPaused(PAUSE_WITHDRAW)
        returns (uint256)
    {
        revert NotImplemented();
    }

    function redeem(uint256, address, address) external view whenFunctionNotPaused(PAUSE_REDEEM) returns (uint256) {
        revert NotImplemented();
    }

    // ------------------------------------------------------------------ Core controls

    /// @notice Core only: moves min(`totalAssetsToSlash`, totalAssets()) to `slashingHandler`.
    function slashAssets(uint256 totalAssetsToSlash, address slashingHandler)
        external
        onlyCore
        returns (uint256 transferAmount)
    {
        uint256 held = totalAssets();
        transferAmount = totalAssetsToSlash < held ? totalAssetsToSlash : held;
        _safeTransfer(slashingHandler, transferAmount);
        emit Slashed(transferAmount);
    }

    /// @notice Core only: sets the pause bitmap to `map`, which must contain every bit already set.
    function pause(uint256 map) external onlyCore {
        if ((_pausedMap & map) != _pausedMap) revert AttemptedUnpauseWhilePausing();
        _pausedMap = map;
        emit Paused(msg.sender, map);
    }

    /// @notice Core only: sets the pause bitmap to `map`, which must be a subset of the bits set.
    function unpause(uint256 map) external onlyCore {
        if ((_pausedMap & map) != map) revert AttemptedPauseWhileUnpausing();
        _pausedMap = map;
        emit Unpaused(msg.sender, map);
    }

    // ------------------------------------------------------------------ views

    function getNextWithdrawNonce(address staker) external view returns (uint256) {
        return _withdrawNonce[staker];
    }

    function isWithdrawalPending(address staker, uint256 _withdrawNonce_) external view returns (bool) {
        return _withdrawals[keccak256(abi.encode(staker, _withdrawNonce_))].start > 0;
    }

    function getQueuedWithdrawal(address staker, uint256 _withdrawNonce_)
        external
        view
        returns (QueuedWithdrawal memory)
    {
        return _withdrawals[keccak256(abi.encode(staker, _withdrawNonce_))];
    }

    function vaultConfig() external pure returns (Config memory) {
        return _config();
    }

    function paused(uint8 index) public view returns (bool) {
        return (_pausedMap & (uint256(1) << index)) != 0;
    }

    function pausedMap() external view returns (uint256) {
        return _pausedMap;
    }

    // ------------------------------------------------------------------ internals

    function _config() internal pure returns (Config storage c) {
        bytes32 slot = CONFIG_SLOT;
        assembly {
            c.slot := slot
        }
    }

    function _depositAssets(uint256 assets, address to) internal returns (uint256 shares) {
        if (assets == 0) revert ZeroAmount();
        if (assets > maxDeposit(to)) revert DepositMoreThanMax();
        shares = previewDeposit(assets);
        _pullAndMint(to, assets, shares);
    }

    function _pullAndMint(address to, uint256 assets, uint256 shares) internal {
        (bool ok, bytes memory ret) = _config().asset.call(
            abi.encodeWithSelector(IERC20.transferFrom.selector, msg.sender, address(this), assets)
        );
        if (!ok || (ret.length != 0 && !abi.decode(ret, (bool)))) revert TokenTransferFailed();
        _totalSupply += shares;
        _balances[to] += shares;
        emit Transfer(address(0), to, shares);
        emit Deposit(msg.sender, to, assets, shares);
    }

    function _burn(address from, uint256 shares) internal {
        uint256 held = _balances[from];
        if (shares > held) revert InsufficientBalance();
        _balances[from] = held - shares;
        _totalSupply -= shares;
        emit Transfer(from, address(0), shares);
    }

    function _transfer(address from, address to, uint256 amount) internal {
        uint256 held = _balances[from];
        if (amount > held) revert InsufficientBalance();
        _balances[from] = held - amount;
        _balances[to] += amount;
        emit Transfer(from, to, amount);
    }

    function _safeTransfer(address to, uint256 amount) internal {
        (bool ok, bytes memory ret) =
            _config().asset.call(abi.encodeWithSelector(IERC20.transfer.selector, to, amount));
        if (!ok || (ret.length != 0 && !abi.decode(ret, (bool)))) revert TokenTransferFailed();
    }

    function _assetDecimals(address token) internal view returns (uint8) {
        (bool ok, bytes memory ret) = token.staticcall(abi.encodeWithSignature("decimals()"));
        if (ok && ret.length >= 32) {
            uint256 d = abi.decode(ret, (uint256));
            if (d <= type(uint8).max) return uint8(d);
        }
        return 18;
    }

    function _divUp(uint256 a, uint256 b) internal pure returns (uint256) {
        return a == 0 ? 0 : (a - 1) / b + 1;
    }
}
