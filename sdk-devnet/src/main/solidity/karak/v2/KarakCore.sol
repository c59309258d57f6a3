// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ICore} from "abi/karak/ICore.sol";
import {Config, SlashRequest, QueuedSlashing, StakeUpdateRequest, QueuedStakeUpdate} from "abi/karak/KarakV2Types.sol";
import {KarakCoreVault} from "./KarakCoreVault.sol";

/// @title KarakCore (devnet fixture)
/// @notice Karak v2's Core (karak.md §2.4-§2.5, "Core" 2.0.0 in Karak's v2 sources).
///         - Assets: `allowlistAssets(assets, slashingHandlers)` (owner; LengthsDontMatch, ZeroAddress) sets
///           each asset's slashing handler; `isAssetAllowlisted` = a handler is set.
///         - Vaults: `deployVaults(configs, vaultImpl)` (pause index 6) deploys, for the caller as operator,
///           one KarakCoreVault per config as an EIP-1167 clone of the standard implementation given to the
///           constructor (vaultImpl address(0) or that implementation; another one must be allowlisted by the
///           owner with `allowlistVaultImpl`, VaultImplNotAllowlisted otherwise), initialised with (Core,
///           caller, asset, name, symbol, extraData); the config's `operator` and `decimals` are ignored, as
///           upstream. AssetNotAllowlisted for an asset without handler; MaxVaultCapacityReached past 32 vaults
///           per operator. Emits NewVault(vault, implementation) then DeployedVault(operator, vault, asset);
///           implementation is address(1) for the standard one, as upstream's flag. `getOperatorVaults`.
///         - DSSs: `registerDSS(maxSlashablePercentageWad)` registers msg.sender (ZeroSlashPercentageWad for 0,
///           MaxSlashPercentageWadBreached above 100e18, DSSAlreadyRegistered). Operators:
///           `registerOperatorToDSS` (index 2; DSSNotRegistered, OperatorAlreadyRegisteredToDSS,
///           MaxDSSCapacityReached past 32) and `unregisterOperatorFromDSS` (index 3; DSSNotRegistered,
///           OperatorNotValidatingForDSS, AllVaultsNotUnstakedFromDSS while a vault is staked in it).
///         - Stake updates: `requestUpdateVaultStakeInDSS` (index 4; the operator must be registered to the
///           DSS; VaultNotAChildVault for another's vault; PendingStakeUpdateRequest while the vault has one)
///           returns QueuedStakeUpdate{nonce, now, operator, request} and emits RequestedStakeUpdate;
///           `finalizeUpdateVaultStakeInDSS` (index 5, anyone) after MIN_STAKE_UPDATE_DELAY (9 days,
///           OperatorStakeUpdateDelayNotPassed), the exact struct (InvalidQueuedStakeUpdateInput) stakes or
///           unstakes the vault and emits FinishedStakeUpdate. `fetchVaultsStakedInDSS(operator, dss)`.
///         - Slashing: `requestSlashing(request)` (index 7) by the DSS (msg.sender): DSSNotRegistered /
///           OperatorNotValidatingForDSS; SlashingCooldownNotPassed within SLASHING_COOLDOWN (2 days) of this
///           DSS's previous request against this operator; LengthsDontMatch, EmptyArray,
///           MaxSlashableVaultsPerRequestBreached (32), DuplicateSlashingVaults; each vault must be staked in
///           the DSS at request time (VaultNotStakedToDSS) and each percentage in 1..the DSS's maximum
///           (ZeroSlashPercentageWad, MaxSlashPercentageWadBreached). Queues QueuedSlashing{dss, now,
///           operator, vaults, slashPercentagesWad, nonce} (nonce shared with stake updates, as upstream), marks
///           the vaults queued and emits RequestedSlashing(dss, request). `finalizeSlashing(q)` (index 9,
///           anyone): InvalidSlashingParams for an unknown / finished struct, MinSlashingDelayNotPassed before
///           timestamp + SLASHING_VETO_WINDOW (2 days); then, per vault, slashes
///           slashPercentagesWad[i] * vault.totalAssets() / 100e18 (rounded down, assets at finalization)
///           through vault.slashAssets(amount, handler of the vault's asset), emitting the vault's Slashed, or
///           SkippedSlashing(vault) when that amount is 0; then FinalizedSlashing(msg.sender, q).
///           `cancelSlashing(q)` (index 8) by the veto committee only (Unauthorized), InvalidSlashingParams
///           as above, emits CancelledSlashing. `isVaultQueuedForSlashing(vault)`: a queued, unfinished
///           slashing names the vault.
///         - Pausing: `pause(map)` / `unpause(map)` (owner) with upstream's Pauser rules; `pauseVault(vault,
///           map)` / `unpauseVault(vault, map)` (owner) forward to the vault. A paused function reverts
///           EnforcedPauseFunction(index). Pause indexes as upstream: 2 register to DSS, 3 unregister, 4 request
///           stake update, 5 finalize stake update, 6 deploy vaults, 7 request slashing, 8 cancel slashing,
///           9 finalize slashing (0 and 1 are unused).
/// @dev Devnet semantics (deviations from Karak):
///      - Constructed, not initialised behind a proxy: `constructor(vaultImpl, vetoCommittee)`, both non-zero
///        (ZeroAddress); the deployer is the owner and also holds upstream's MANAGER_ROLE duties (allowlisting,
///        pausing); the veto committee is one address (upstream: the VETO_COMMITTEE_ROLE), fixed at
///        construction. No ownership transfer, roles, vault implementation upgrades, gas values or extSloads.
///      - Vaults are EIP-1167 clones (upstream: ERC-1967 beacon proxies whose beacon is Core, at a CREATE2
///        address from (operator, asset, vault nonce)); the clone's salt is the same triple.
///      - No DSS hooks are called (upstream calls the DSS's registration / stake-update / slashing hooks when
///        it supports them), and a DSS need not be a contract (upstream: NotSmartContract), so a test account
///        can act as a DSS.
///      - The slash amount is computed at finalization from the percentages (karak-rs ABI layout, in which
///        QueuedSlashing carries slashPercentagesWad); the 2024-07 audit snapshot fixed absolute
///        earmarkedStakes from totalAssets() at request time instead. A slashing has no expiry after the veto
///        window, as in the audited code; vaults unstaked after the request are still slashed.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract KarakCore is ICore {
    uint256 public constant SLASHING_WINDOW = 7 days;
    uint256 public constant SLASHING_VETO_WINDOW = 2 days;
    uint256 public constant MIN_STAKE_UPDATE_DELAY = 9 days;
    uint256 public constant MIN_WITHDRAWAL_DELAY = 9 days;
    uint256 public constant SLASHING_COOLDOWN = 2 days;
    uint256 public constant HUNDRED_PERCENT_WAD = 100e18;
    uint256 public constant MAX_VAULTS_PER_OPERATOR = 32;
    uint256 public constant MAX_DSS_PER_OPERATOR = 32;
    uint256 public constant MAX_SLASHABLE_VAULTS_PER_REQUEST = 32;
    address public constant DEFAULT_VAULT_IMPLEMENTATION_FLAG = address(1);
    string public constant VERSION = "2.0.0";

    uint8 internal constant PAUSE_REGISTER_TO_DSS = 2;
    uint8 internal constant PAUSE_UNREGISTER_FROM_DSS = 3;
    uint8 internal constant PAUSE_REQUEST_STAKE_UPDATE = 4;
    uint8 internal constant PAUSE_FINALIZE_STAKE_UPDATE = 5;
    uint8 internal constant PAUSE_DEPLOY_VAULTS = 6;
    uint8 internal constant PAUSE_REQUEST_SLASHING = 7;
    uint8 internal constant PAUSE_CANCEL_SLASHING = 8;
    uint8 internal constant PAUSE_FINALIZE_SLASHING = 9;

    error ZeroAddress();
    error Unauthorized();
    error LengthsDontMatch();
    error AssetNotAllowlisted();
    error VaultImplNotAllowlisted();
    error MaxVaultCapacityReached();
    error ZeroSlashPercentageWad();
    error MaxSlashPercentageWadBreached();
    error DSSAlreadyRegistered();
    error DSSNotRegistered();
    error OperatorAlreadyRegisteredToDSS();
    error OperatorNotValidatingForDSS();
    error MaxDSSCapacityReached();
    error AllVaultsNotUnstakedFromDSS();
    error VaultNotAChildVault();
    error PendingStakeUpdateRequest();
    error OperatorStakeUpdateDelayNotPassed();
    error InvalidQueuedStakeUpdateInput();
    error SlashingCooldownNotPassed();
    error EmptyArray();
    error MaxSlashableVaultsPerRequestBreached();
    error DuplicateSlashingVaults();
    error VaultNotStakedToDSS();
    error InvalidSlashingParams();
    error MinSlashingDelayNotPassed();
    error EnforcedPauseFunction(uint8 functionIndex);
    error AttemptedUnpauseWhilePausing();
    error AttemptedPauseWhileUnpausing();

    event AllowlistedAssets(address[] assets);
    event AllowlistedVaultImpl(address implementation);
    event Paused(address account, uint256 map);
    event Unpaused(address account, uint256 map);

    address public immutable owner;
    address public immutable vetoCommittee;
    /// @notice The standard vault implementation (cloned for vaultImpl address(0)).
    address public immutable vaultImpl;

    uint256 private _pausedMap;
    uint96 private _nonce;
    uint96 private _vaultNonce;

    mapping(address => address) private _slashingHandlers;
    mapping(address => bool) private _allowlistedImpl;
    mapping(address => address) private _vaultImplOf;
    mapping(address => uint256) private _dssMaxSlashWad;
    mapping(address => address[]) private _operatorVaults;
    mapping(address => mapping(address => bool)) private _isOperatorVault;
    mapping(address => address[]) private _operatorDss;
    mapping(address => mapping(address => bool)) private _registered;
    mapping(address => mapping(address => address[])) private _staked;
    mapping(address => mapping(address => mapping(address => bool))) private _isStaked;
    mapping(address => bytes32) private _pendingStakeUpdate;
    mapping(address => mapping(address => uint256)) private _nextSlashable;
    mapping(bytes32 => bool) private _slashingRequests;
    mapping(address => uint256) private _queuedSlashings;

    constructor(address vaultImpl_, address vetoCommittee_) {
        if (vaultImpl_ == address(0) || vetoCommittee_ == address(0)) revert ZeroAddress();
        owner = msg.sender;
        vaultImpl = vaultImpl_;
        vetoCommittee = vetoCommittee_;
    }

    modifier onlyOwner() {
        if (msg.sender != owner) revert Unauthorized();
        _;
    }

    modifier whenFunctionNotPaused(uint8 index) {
        if (paused(index)) revert EnforcedPauseFunction(index);
        _;
    }

    // ------------------------------------------------------------------ owner controls

    /// @notice Owner: sets each asset's slashing handler (allowlisting it for deployVaults).
    function allowlistAssets(address[] calldata assets, address[] calldata slashingHandlers) external onlyOwner {
        if (assets.length != slashingHandlers.length) revert LengthsDontMatch();
        for (uint256 i = 0; i < assets.length; i++) {
            if (assets[i] == address(0) || slashingHandlers[i] == address(0)) revert ZeroAddress();
            _slashingHandlers[assets[i]] = slashingHandlers[i];
        }
        emit AllowlistedAssets(assets);
    }

    /// @notice Owner: allows `impl` as a non-standard vault implementation for deployVaults.
    function allowlistVaultImpl(address impl) external onlyOwner {
        if (impl == address(0)) revert ZeroAddress();
        _allowlistedImpl[impl] = true;
        emit AllowlistedVaultImpl(impl);
    }

    /// @notice Owner: sets the Core pause bitmap to `map` (only adding bits).
    function pause(uint256 map) external onlyOwner {
        if ((_pausedMap & map) != _pausedMap) revert AttemptedUnpauseWhilePausing();
        _pausedMap = map;
        emit Paused(msg.sender, map);
    }

    /// @notice Owner: sets the Core pause bitmap to `map` (only removing bits).
    function unpause(uint256 map) external onlyOwner {
        if ((_pausedMap & map) != map) revert AttemptedPauseWhileUnpausing();
        _pausedMap = map;
        emit Unpaused(msg.sender, map);
    }

    /// @notice Owner: pauses functions of `vault` (its bitmap becomes `map`).
    function pauseVault(address vault, uint256 map) external onlyOwner {
        KarakCoreVault(vault).pause(map);
    }

    /// @notice Owner: unpauses functions of `vault` (its bitmap becomes `map`).
    function unpauseVault(address vault, uint256 map) external onlyOwner {
        KarakCoreVault(vault).unpause(map);
    }

    // ------------------------------------------------------------------ vaults

    function deployVaults(Config[] calldata vaultConfigs, address vaultImpl_)
        external
        whenFunctionNotPaused(PAUSE_DEPLOY_VAULTS)
        returns (address[] memory vaults)
    {
        address impl = vaultImpl_ == address(0) ? vaultImpl : vaultImpl_;
        if (impl != vaultImpl && !_allowlistedImpl[impl]) revert VaultImplNotAllowlisted();
        address flag = vaultImpl_ == address(0) ? DEFAULT_VAULT_IMPLEMENTATION_FLAG : vaultImpl_;
        for (uint256 i = 0; i < vaultConfigs.length; i++) {
            if (_slashingHandlers[vaultConfigs[i].asset] == address(0)) revert AssetNotAllowlisted();
        }
        address operator = msg.sender;
        vaults = new address[](vaultConfigs.length);
        for (uint256 i = 0; i < vaultConfigs.length; i++) {
            Config calldata c = vaultConfigs[i];
            if (_operatorVaults[operator].length == MAX_VAULTS_PER_OPERATOR) revert MaxVaultCapacityReached();
            address vault = _clone(impl, keccak256(abi.encodePacked(operator, c.asset, _vaultNonce++)));
            _vaultImplOf[vault] = flag;
            KarakCoreVault(vault).initialize(address(this), operator, c.asset, c.name, c.symbol, c.extraData);
            emit NewVault(vault, flag);
            _operatorVaults[operator].push(vault);
            _isOperatorVault[operator][vault] = true;
            emit DeployedVault(operator, vault, c.asset);
            vaults[i] = vault;
        }
    }

    function getOperatorVaults(address operator) external view returns (address[] memory vaults) {
        return _operatorVaults[operator];
    }

    function isAssetAllowlisted(address asset) external view returns (bool) {
        return _slashingHandlers[asset] != address(0);
    }

    /// @notice The slashing handler of `asset` (address(0) if not allowlisted).
    function assetSlashingHandler(address asset) external view returns (address) {
        return _slashingHandlers[asset];
    }

    /// @notice The implementation flag recorded for `vault` (address(1) = standard; 0 = not a Core vault).
    function implementation(address vault) external view returns (address) {
        return _vaultImplOf[vault];
    }

    // ------------------------------------------------------------------ DSS registration

    function registerDSS(uint256 maxSlashablePercentageWad) external {
        if (_dssMaxSlashWad[msg.sender] != 0) revert DSSAlreadyRegistered();
        if (maxSlashablePercentageWad == 0) revert ZeroSlashPercentageWad();
        if (maxSlashablePercentageWad > HUNDRED_PERCENT_WAD) revert MaxSlashPercentageWadBreached();
        _dssMaxSlashWad[msg.sender] = maxSlashablePercentageWad;
        emit DSSRegistered(msg.sender, maxSlashablePercentageWad);
    }

    function registerOperatorToDSS(address dss, bytes calldata)
        external
        whenFunctionNotPaused(PAUSE_REGISTER_TO_DSS)
    {
        if (_dssMaxSlashWad[dss] == 0) revert DSSNotRegistered();
        address operator = msg.sender;
        if (_registered[operator][dss]) revert OperatorAlreadyRegisteredToDSS();
        if (_operatorDss[operator].length == MAX_DSS_PER_OPERATOR) revert MaxDSSCapacityReached();
        _registered[operator][dss] = true;
        _operatorDss[operator].push(dss);
        emit RegisteredOperatorToDSS(operator, dss);
    }

    function unregisterOperatorFromDSS(address dss) external whenFunctionNotPaused(PAUSE_UNREGISTER_FROM_DSS) {
        address operator = msg.sender;
        _checkRegistered(operator, dss);
        if (_staked[operator][dss].length != 0) revert AllVaultsNotUnstakedFromDSS();
        _registered[operator][dss] = false;
        _removeFrom(_operatorDss[operator], dss);
        emit UnregisteredOperatorToDSS(operator, dss);
    }

    function isOperatorRegisteredToDSS(address operator, address dss) external view returns (bool) {
        return _registered[operator][dss];
    }

    function isDSSRegistered(address dss) external view returns (bool) {
        return _dssMaxSlashWad[dss] != 0;
    }

    function getDssMaxSlashablePercentageWad(address dss) external view returns (uint256 slashablePercentageWad) {
        return _dssMaxSlashWad[dss];
    }

    // ------------------------------------------------------------------ stake updates

    function requestUpdateVaultStakeInDSS(StakeUpdateRequest calldata vaultStakeUpdateRequest)
        external
        whenFunctionNotPaused(PAUSE_REQUEST_STAKE_UPDATE)
        returns (QueuedStakeUpdate memory updatedStake)
    {
        address operator = msg.sender;
        address vault = vaultStakeUpdateRequest.vault;
        _checkRegistered(operator, vaultStakeUpdateRequest.dss);
        if (_pendingStakeUpdate[vault] != bytes32(0)) revert PendingStakeUpdateRequest();
        if (!_isOperatorVault[operator][vault]) revert VaultNotAChildVault();
        updatedStake = QueuedStakeUpdate({
            nonce: uint48(_nonce++),
            startTimestamp: uint48(block.timestamp),
            operator: operator,
            updateRequest: vaultStakeUpdateRequest
        });
        _pendingStakeUpdate[vault] = keccak256(abi.encode(updatedStake));
        emit RequestedStakeUpdate(updatedStake);
    }

    function finalizeUpdateVaultStakeInDSS(QueuedStakeUpdate calldata queuedStake)
        external
        whenFunctionNotPaused(PAUSE_FINALIZE_STAKE_UPDATE)
    {
        if (uint256(queuedStake.startTimestamp) + MIN_STAKE_UPDATE_DELAY > block.timestamp) {
            revert OperatorStakeUpdateDelayNotPassed();
        }
        address vault = queuedStake.updateRequest.vault;
        if (keccak256(abi.encode(queuedStake)) != _pendingStakeUpdate[vault]) revert InvalidQueuedStakeUpdateInput();
        address operator = queuedStake.operator;
        address dss = queuedStake.updateRequest.dss;
        if (queuedStake.updateRequest.toStake) {
            if (!_isStaked[operator][dss][vault]) {
                _isStaked[operator][dss][vault] = true;
                _staked[operator][dss].push(vault);
            }
        } else if (_isStaked[operator][dss][vault]) {
            _isStaked[operator][dss][vault] = false;
            _removeFrom(_staked[operator][dss], vault);
        }
        delete _pendingStakeUpdate[vault];
        emit FinishedStakeUpdate(queuedStake);
    }

    function fetchVaultsStakedInDSS(address operator, address dss) external view returns (address[] memory vaults) {
        return _staked[operator][dss];
    }

    // ------------------------------------------------------------------ slashing

    function requestSlashing(SlashRequest calldata slashingRequest)
        external
        whenFunctionNotPaused(PAUSE_REQUEST_SLASHING)
        returns (QueuedSlashing memory queuedSlashing)
    {
        address dss = msg.sender;
        address operator = slashingRequest.operator;
        _checkRegistered(operator, dss);
        if (block.timestamp < _nextSlashable[operator][dss]) revert SlashingCooldownNotPassed();
        uint256 n = slashingRequest.vaults.length;
        if (slashingRequest.slashPercentagesWad.length != n) revert LengthsDontMatch();
        if (n > MAX_SLASHABLE_VAULTS_PER_REQUEST) revert MaxSlashableVaultsPerRequestBreached();
        if (n == 0) revert EmptyArray();
        uint256 maxWad = _dssMaxSlashWad[dss];
        for (uint256 i = 0; i < n; i++) {
            address vault = slashingRequest.vaults[i];
            for (uint256 j = 0; j < i; j++) {
                if (slashingRequest.vaults[j] == vault) revert DuplicateSlashingVaults();
            }
            if (!_isStaked[operator][dss][vault]) revert VaultNotStakedToDSS();
            uint256 pct = slashingRequest.slashPercentagesWad[i];
            if (pct == 0) revert ZeroSlashPercentageWad();
            if (pct > maxWad) revert MaxSlashPercentageWadBreached();
        }
        queuedSlashing = QueuedSlashing({
            dss: dss,
            timestamp: uint96(block.timestamp),
            operator: operator,
            vaults: slashingRequest.vaults,
            slashPercentagesWad: slashingRequest.slashPercentagesWad,
            nonce: _nonce++
        });
        _slashingRequests[keccak256(abi.encode(queuedSlashing))] = true;
        for (uint256 i = 0; i < n; i++) {
            _queuedSlashings[slashingRequest.vaults[i]]++;
        }
        _nextSlashable[operator][dss] = block.timestamp + SLASHING_COOLDOWN;
        emit RequestedSlashing(dss, slashingRequest);
    }

    function finalizeSlashing(QueuedSlashing calldata queuedSlashing)
        external
        whenFunctionNotPaused(PAUSE_FINALIZE_SLASHING)
    {
        _consume(queuedSlashing);
        if (uint256(queuedSlashing.timestamp) + SLASHING_VETO_WINDOW > block.timestamp) {
            revert MinSlashingDelayNotPassed();
        }
        for (uint256 i = 0; i < queuedSlashing.vaults.length; i++) {
            KarakCoreVault vault = KarakCoreVault(queuedSlashing.vaults[i]);
            uint256 amount = uint256(queuedSlashing.slashPercentagesWad[i]) * vault.totalAssets() / HUNDRED_PERCENT_WAD;
            if (amount == 0) {
                emit SkippedSlashing(address(vault));
            } else {
                vault.slashAssets(amount, _slashingHandlers[vault.asset()]);
            }
        }
        emit FinalizedSlashing(msg.sender, queuedSlashing);
    }

    function cancelSlashing(QueuedSlashing calldata queuedSlashing)
        external
        whenFunctionNotPaused(PAUSE_CANCEL_SLASHING)
    {
        if (msg.sender != vetoCommittee) revert Unauthorized();
        _consume(queuedSlashing);
        emit CancelledSlashing(msg.sender, queuedSlashing);
    }

    function isVaultQueuedForSlashing(address vault) external view returns (bool) {
        return _queuedSlashings[vault] != 0;
    }

    /// @notice When `dss` may next request a slashing of `operator` (0 = now).
    function nextSlashableTimestamp(address operator, address dss) external view returns (uint256) {
        return _nextSlashable[operator][dss];
    }

    // ------------------------------------------------------------------ pause state

    function paused(uint8 index) public view returns (bool) {
        return (_pausedMap & (uint256(1) << index)) != 0;
    }

    function pausedMap() external view returns (uint256) {
        return _pausedMap;
    }

    // ------------------------------------------------------------------ internals

    function _checkRegistered(address operator, address dss) internal view {
        if (_dssMaxSlashWad[dss] == 0) revert DSSNotRegistered();
        if (!_registered[operator][dss]) revert OperatorNotValidatingForDSS();
    }

    function _consume(QueuedSlashing calldata queuedSlashing) internal {
        bytes32 root = keccak256(abi.encode(queuedSlashing));
        if (!_slashingRequests[root]) revert InvalidSlashingParams();
        delete _slashingRequests[root];
        for (uint256 i = 0; i < queuedSlashing.vaults.length; i++) {
            _queuedSlashings[queuedSlashing.vaults[i]]--;
        }
    }

    function _removeFrom(address[] storage list, address item) internal {
        uint256 n = list.length;
        for (uint256 i = 0; i < n; i++) {
            if (list[i] == item) {
                list[i] = list[n - 1];
                list.pop();
                return;
            }
        }
    }

    function _clone(address impl, bytes32 salt) internal returns (address instance) {
        bytes memory code = abi.encodePacked(
            hex"3d602d80600a3d3981f3363d3d373d3d3d363d73", impl, hex"5af43d82803e903d91602b57fd5bf3"
        );
        assembly {
            instance := create2(0, add(code, 0x20), mload(code), salt)
        }
        if (instance == address(0)) revert ZeroAddress();
    }
}
