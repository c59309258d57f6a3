// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IVaultSupervisor} from "abi/karak/IVaultSupervisor.sol";
import {Signature, AssetType} from "abi/karak/KarakV1Types.sol";
import {NotSupportedByFixture} from "../../eigenlayer/FixtureSupport.sol";
import {IERC20} from "abi/common/IERC20.sol";
import {IERC20Permit} from "abi/common/IERC20Permit.sol";
import {KarakVault} from "./KarakVault.sol";
import {ICoreVault} from "abi/karak/ICoreVault.sol";

/// @title VaultSupervisor (devnet fixture)
/// @notice Karak v1.3's VaultSupervisor (karak.md §1.1-§1.2), the staker's entry point. It owns its vaults.
///         `deposit(vault, amount, minSharesOut)` has the vault pull `amount` from the caller (approve the
///         vault), the vault mints the shares to the supervisor, and the supervisor credits them in
///         `stakerShares[staker][vault]`: NotEnoughShares below `minSharesOut`, the vault's ZeroAmount /
///         DepositMoreThanMax, MaxStakerVault when the staker would enter a 33rd vault, VaultNotAChildVault for a
///         vault it did not create. `gimmieShares` hands credited shares out as the vault's ERC-20 (ZeroShares,
///         NotEnoughShares; the vault leaves the staker's list at 0), `returnShares` credits them again and pulls
///         the share tokens with transferFrom (approve the vault share token to the supervisor),
///         `depositAndGimmie` is both in one call; `depositWithSignature` deposits for a user who signed (below);
///         `migrateToV2` moves credited shares into a same-asset v2 vault in one call (below). The
///         DelegationSupervisor removes credit on startWithdraw
///         (`removeShares`) and redeems the supervisor's shares to the withdrawer on finishWithdraw
///         (`redeemShares`); others get NotDelegationSupervisor.
///         Fixture API (owner only, `Unauthorized()` otherwise): `deployVault(asset, name, symbol, assetType,
///         assetLimit)` creates a KarakVault owned by this supervisor (upstream's manager call takes no limit and
///         clones a beacon proxy; the limit is set later through runAdminOperation), emits NewVault;
///         `setAssetLimit(vault, limit)` forwards the vault's setLimit.
/// @dev Devnet semantics (deviations from Karak v1.3):
///      - not upgradeable, no roles (the owner, the devnet's deployer, is the manager), no pause, no global USD
///        limiter (CrossedDepositLimit is never raised);
///      - migrate (v1 -> v1 through a swapper) reverts NotSupportedByFixture;
///      - migrateToV2 is implemented (see its NatSpec) without a reentrancy guard or pause check; the order of
///        its checks is the fixture's own reading of karak.md §1.2, not compared with compiled upstream; it
///        does not check that `v2Vault` belongs to a KarakCore (anything answering asset() and
///        deposit(uint256,address,uint256) is called); a `v2Vault` without code reverts without data;
///      - depositWithSignature checks the vault is a child first (upstream reads vault.asset() before), and any
///        failed recovery is InvalidSignature (upstream's OpenZeppelin ECDSA.recover has errors of its own for
///        malformed signatures); the fixture adds the view DOMAIN_SEPARATOR(), which upstream does not expose;
///      - no vaultSwap, registerSwapperForRoutes, runAdminOperation, changeImplementation.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract VaultSupervisor is IVaultSupervisor {
    /// @notice Only the owner (the devnet's deployer) may call this.
    error Unauthorized();

    /// @notice The v1.3 EIP-712 type hash of a signed deposit (karak.md §1.1; the string has spaces after commas).
    bytes32 public constant SIGNED_DEPOSIT_TYPEHASH =
        keccak256("Deposit(address vault, uint256 deadline, uint256 value, uint256 minSharesOut, uint256 nonce)");

    /// @notice Upstream's MAX_VAULTS_PER_STAKER.
    uint256 public constant MAX_VAULTS_PER_STAKER = 32;

    address public immutable owner;
    address public immutable delegationSupervisor;

    address[] private _vaults;
    mapping(address => bool) private _isChild;
    mapping(address => mapping(address => uint256)) private _stakerShares;
    mapping(address => address[]) private _stakersVaults;
    mapping(address => uint256) private _userNonce;

    constructor(address delegationSupervisor_, address owner_) {
        if (delegationSupervisor_ == address(0) || owner_ == address(0)) revert ZeroAddress();
        delegationSupervisor = delegationSupervisor_;
        owner = owner_;
    }

    modifier onlyOwner() {
        if (msg.sender != owner) revert Unauthorized();
        _;
    }

    modifier onlyChildVault(address vault) {
        if (!_isChild[vault]) revert VaultNotAChildVault();
        _;
    }

    modifier onlyDelegationSupervisor() {
        if (msg.sender != delegationSupervisor) revert NotDelegationSupervisor();
        _;
    }

    // ------------------------------------------------------------ fixture control

    /// @notice Creates a vault for `asset` owned by this supervisor, accepting at most `assetLimit` assets.
    function deployVault(address asset, string calldata name, string calldata symbol, AssetType assetType,
        uint256 assetLimit) external onlyOwner returns (address vault) {
        if (asset == address(0)) revert ZeroAddress();
        vault = address(new KarakVault(address(this), asset, name, symbol, assetType, assetLimit));
        _vaults.push(vault);
        _isChild[vault] = true;
        emit NewVault(vault);
    }

    /// @notice Sets the per-vault cap of `vault` (upstream: runAdminOperation(vault, setLimit(limit))).
    function setAssetLimit(address vault, uint256 limit) external onlyOwner onlyChildVault(vault) {
        KarakVault(vault).setLimit(limit);
    }

    // ------------------------------------------------------------ deposits

    function deposit(address vault, uint256 amount, uint256 minSharesOut) external returns (uint256 shares) {
        return _deposit(msg.sender, vault, amount, minSharesOut);
    }

    function depositAndGimmie(address vault, uint256 amount, uint256 minSharesOut) external returns (uint256 shares) {
        shares = _deposit(msg.sender, vault, amount, minSharesOut);
        _gimmie(vault, shares);
    }

    /// @notice Deposits `value` for `user`, who signed it: first `permit` is tried as the asset's EIP-2612 permit
    ///         of `value` to the vault (if it fails, an existing allowance of `user` to the vault of at least
    ///         `value` will do, else PermitFailed); then ExpiredSign once `deadline < block.timestamp`; then
    ///         `vaultAllowance` must recover to `user` over upstream's digest
    ///         keccak256("\x19\x01" || domainSeparator || keccak256(abi.encodePacked(SIGNED_DEPOSIT_TYPEHASH,
    ///         vault, deadline, value, minSharesOut, getUserNonce(user)))) (InvalidSignature), with the domain
    ///         ("Karak_Vault_Sup", "v1", chainid, this supervisor). Note the packed encoding (the vault takes 20
    ///         bytes): not EIP-712's encodeData, so typed-data signers cannot produce it. The nonce then grows by one
    ///         and the deposit is `user`'s, pulled from `user`.
    function depositWithSignature(address vault, address user, uint256 value, uint256 minSharesOut, uint256 deadline,
        Signature calldata permit, Signature calldata vaultAllowance) external returns (uint256 shares) {
        if (!_isChild[vault]) revert VaultNotAChildVault();
        _permitOrAllowance(vault, user, value, deadline, permit);
        if (deadline < block.timestamp) revert ExpiredSign();
        uint256 nonce = _userNonce[user];
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", DOMAIN_SEPARATOR(),
            keccak256(abi.encodePacked(SIGNED_DEPOSIT_TYPEHASH, vault, deadline, value, minSharesOut, nonce))));
        address signer = ecrecover(digest, vaultAllowance.v, vaultAllowance.r, vaultAllowance.s);
        if (signer == address(0) || signer != user) revert InvalidSignature();
        _userNonce[user] = nonce + 1;
        return _deposit(user, vault, value, minSharesOut);
    }

    /// @notice The EIP-712 domain separator of signed deposits: ("Karak_Vault_Sup", "v1", chainid, this contract).
    function DOMAIN_SEPARATOR() public view returns (bytes32) {
        return keccak256(abi.encode(
            keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
            keccak256(bytes("Karak_Vault_Sup")), keccak256(bytes("v1")), block.chainid, address(this)));
    }

    function _permitOrAllowance(address vault, address user, uint256 value, uint256 deadline, Signature calldata p)
        private
    {
        address asset = KarakVault(vault).asset();
        (bool ok,) = asset.call(abi.encodeWithSelector(IERC20Permit.permit.selector, user, vault, value, deadline, p.v,
            p.r, p.s));
        if (!ok && IERC20(asset).allowance(user, vault) < value) revert PermitFailed();
    }

    function _deposit(address staker, address vault, uint256 amount, uint256 minSharesOut)
        private
        onlyChildVault(vault)
        returns (uint256 shares)
    {
        shares = KarakVault(vault).deposit(amount, staker);
        if (shares < minSharesOut) revert NotEnoughShares();
        _increase(staker, vault, shares);
    }

    function _increase(address staker, address vault, uint256 shares) private {
        if (staker == address(0)) revert ZeroAddress();
        if (shares == 0) revert ZeroShares();
        if (_stakerShares[staker][vault] == 0) {
            if (_stakersVaults[staker].length >= MAX_VAULTS_PER_STAKER) revert MaxStakerVault();
            _stakersVaults[staker].push(vault);
        }
        _stakerShares[staker][vault] += shares;
    }

    function _remove(address staker, address vault, uint256 shares) private {
        if (shares == 0) revert ZeroShares();
        uint256 held = _stakerShares[staker][vault];
        if (shares > held) revert NotEnoughShares();
        _stakerShares[staker][vault] = held - shares;
        if (held == shares) _removeVault(staker, vault);
    }

    function _removeVault(address staker, address vault) private {
        address[] storage list = _stakersVaults[staker];
        uint256 n = list.length;
        for (uint256 i = 0; i < n; i++) {
            if (list[i] == vault) {
                list[i] = list[n - 1];
                list.pop();
                return;
            }
        }
        revert VaultNotFound();
    }

    // ------------------------------------------------------------ share tokens

    function gimmieShares(address vault, uint256 shares) external onlyChildVault(vault) {
        _gimmie(vault, shares);
    }

    function _gimmie(address vault, uint256 shares) private {
        if (shares == 0) revert ZeroShares();
        if (_stakerShares[msg.sender][vault] < shares) revert NotEnoughShares();
        _remove(msg.sender, vault, shares);
        KarakVault(vault).transfer(msg.sender, shares);
        emit GaveShares(msg.sender, vault, vault, shares);
    }

    function returnShares(address vault, uint256 shares) external onlyChildVault(vault) {
        _increase(msg.sender, vault, shares);
        KarakVault(vault).transferFrom(msg.sender, address(this), shares);
        emit ReturnedShares(msg.sender, vault, vault, shares);
    }

    // ------------------------------------------------------------ DelegationSupervisor hooks

    /// @notice Removes `shares` of `vault` from `staker`'s credit (startWithdraw).
    function removeShares(address staker, address vault, uint256 shares)
        external
        onlyDelegationSupervisor
        onlyChildVault(vault)
    {
        _remove(staker, vault, shares);
    }

    /// @notice Redeems `shares` of `vault` held by this supervisor, paying the assets to `to` (finishWithdraw).
    function redeemShares(address to, address vault, uint256 shares)
        external
        onlyDelegationSupervisor
        onlyChildVault(vault)
    {
        KarakVault(vault).redeem(shares, to, address(this));
    }

    // ------------------------------------------------------------ migration

    function migrate(address, address, uint256, uint256, bytes calldata) external pure {
        revert NotSupportedByFixture("migrate");
    }

    /// @notice Moves `oldShares` of the caller's credit in the v1 vault `v1Vault` into the v2 vault `v2Vault` of
    ///         the same asset in one transaction, without the DelegationSupervisor's withdrawal delay (karak.md
    ///         §1.2). Checks, in this order: VaultNotAChildVault if this supervisor did not create `v1Vault`;
    ///         ZeroShares for `oldShares == 0`; NotEnoughShares above the caller's credit in `v1Vault` (shares taken
    ///         out with gimmieShares do not count); AssetMismatch if `v1Vault.asset() != v2Vault.asset()` (the first
    ///         call to `v2Vault`). Then the credit drops by `oldShares` (the vault leaves the caller's list at 0, as
    ///         for gimmieShares), the supervisor redeems the shares it holds from `v1Vault` to itself at the
    ///         current rate (`assets = convertToAssets(oldShares)`), approves exactly `assets` of the asset to
    ///         `v2Vault` and calls `v2Vault.deposit(assets, msg.sender, minNewShares)`, so the caller receives the
    ///         v2 shares directly and the v2 vault's own errors (NotEnoughShares below `minNewShares`,
    ///         DepositMoreThanMax, ZeroAmount when the shares are worth 0 assets) revert the whole call. Emits
    ///         MigratedToV2(caller, v1Vault, v2Vault, oldShares, newShares, assets).
    function migrateToV2(address v1Vault, address v2Vault, uint256 oldShares, uint256 minNewShares)
        external
        onlyChildVault(v1Vault)
    {
        if (oldShares == 0) revert ZeroShares();
        if (_stakerShares[msg.sender][v1Vault] < oldShares) revert NotEnoughShares();
        address asset = KarakVault(v1Vault).asset();
        if (ICoreVault(v2Vault).asset() != asset) revert AssetMismatch();
        _remove(msg.sender, v1Vault, oldShares);
        uint256 assets = KarakVault(v1Vault).redeem(oldShares, address(this), address(this));
        _approve(asset, v2Vault, assets);
        uint256 newShares = ICoreVault(v2Vault).deposit(assets, msg.sender, minNewShares);
        emit MigratedToV2(msg.sender, v1Vault, v2Vault, oldShares, newShares, assets);
    }

    function _approve(address asset, address spender, uint256 amount) private {
        (bool ok, bytes memory data) = asset.call(abi.encodeWithSelector(IERC20.approve.selector, spender, amount));
        require(ok && (data.length == 0 || abi.decode(data, (bool))), "VaultSupervisor: approve failed");
    }

    // ------------------------------------------------------------ views

    function getDeposits(address staker)
        external
        view
        returns (address[] memory vaults, address[] memory tokens, uint256[] memory assets, uint256[] memory shares)
    {
        vaults = _stakersVaults[staker];
        uint256 n = vaults.length;
        tokens = new address[](n);
        assets = new uint256[](n);
        shares = new uint256[](n);
        for (uint256 i = 0; i < n; i++) {
            shares[i] = _stakerShares[staker][vaults[i]];
            assets[i] = KarakVault(vaults[i]).convertToAssets(shares[i]);
            tokens[i] = KarakVault(vaults[i]).asset();
        }
    }

    function getVaults() external view returns (address[] memory) {
        return _vaults;
    }

    function getUserNonce(address user) external view returns (uint256) {
        return _userNonce[user];
    }
}
