// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IERC20} from "abi/common/IERC20.sol";
import {OperatorSet} from "abi/eigenlayer/EigenLayerCommon.sol";
import {IStrategyManager} from "abi/eigenlayer/IStrategyManager.sol";
import {
    DEFAULT_BURN_ADDRESS_VALUE,
    FixturePausable,
    FixtureOwnable,
    FixtureReentrancyGuard,
    FixtureSignatureUtils
} from "./FixtureSupport.sol";
import {StrategyBase} from "./StrategyBase.sol";
import {DelegationManager} from "./DelegationManager.sol";
import {AllocationManager} from "./AllocationManager.sol";

/// @title StrategyManager (devnet fixture)
/// @notice EigenLayer's StrategyManager: deposits into whitelisted strategies (directly or with the
///         staker's EIP-712 `Deposit` signature), deposit shares per staker (at most 32 strategies),
///         the DelegationManager's share hooks, and the slashed-share queue that
///         `clearBurnOrRedistributableShares*` pays out to the operator set's recipient (the default
///         burn address on the devnet).
/// @dev Deviations: deployed directly with constructor arguments (upstream: a proxy and `initialize`,
///      which reverts here). Pausable with upstream's flag 0
///      (deposits); no PauserRegistry (the deployer pauses, see FixturePausable). Test fixture only: not meant for production use.
///      Written for restake4j; no upstream code.
contract StrategyManager is
    IStrategyManager,
    FixtureOwnable,
    FixturePausable,
    FixtureReentrancyGuard,
    FixtureSignatureUtils
{
    uint8 internal constant PAUSED_DEPOSITS = 0;

    /// @notice The EIP-712 typehash of a deposit signed by the staker.
    bytes32 public constant DEPOSIT_TYPEHASH =
        keccak256("Deposit(address staker,address strategy,address token,uint256 amount,uint256 nonce,uint256 expiry)");

    /// @notice Where slashed shares' tokens go when no redistribution recipient is set.
    address public constant DEFAULT_BURN_ADDRESS = DEFAULT_BURN_ADDRESS_VALUE;

    uint8 internal constant MAX_STAKER_STRATEGY_LIST_LENGTH = 32;

    /// @notice The DelegationManager, the only caller of the share hooks.
    address public immutable delegation;

    /// @notice The AllocationManager (asked for an operator set's redistribution recipient).
    address public immutable allocationManager;

    /// @notice May add strategies to and remove them from the deposit whitelist.
    address public strategyWhitelister;

    /// @notice Whether deposits into `strategy` are allowed.
    mapping(address strategy => bool) public strategyIsWhitelistedForDeposit;

    /// @notice Deposit shares of `user` in `strategy`.
    mapping(address user => mapping(address strategy => uint256)) public stakerDepositShares;

    /// @notice The strategies in which `staker` holds deposit shares (public getter: by index).
    mapping(address staker => address[]) public stakerStrategyList;

    /// @notice The EIP-712 nonce of `signer` for deposits by signature.
    mapping(address signer => uint256) public nonces;

    mapping(address strategy => uint256) private _burnableShares;
    address[] private _strategiesWithBurnableShares;

    // Slashed shares waiting to be cleared, per (operator set, slash id, strategy).
    OperatorSet[] private _pendingOperatorSets;
    mapping(bytes32 setKey => uint256[]) private _pendingSlashIds;
    mapping(bytes32 setKey => mapping(uint256 slashId => address[])) private _slashStrategies;
    mapping(bytes32 setKey => mapping(uint256 slashId => mapping(address strategy => uint256))) private _slashShares;
    mapping(bytes32 setKey => mapping(uint256 slashId => mapping(address strategy => bool))) private _inSlash;

    /// @param delegation_ the DelegationManager
    /// @param allocationManager_ the AllocationManager
    /// @param initialOwner owner (may change the whitelister)
    /// @param initialStrategyWhitelister manages the deposit whitelist
    /// @param version_ semantic version, e.g. "1.12.0"; its first character is the EIP-712 domain version
    constructor(
        address delegation_,
        address allocationManager_,
        address initialOwner,
        address initialStrategyWhitelister,
        string memory version_
    ) FixtureOwnable(initialOwner) FixtureSignatureUtils(version_) {
        if (delegation_ == address(0) || allocationManager_ == address(0)) revert InputAddressZero();
        delegation = delegation_;
        allocationManager = allocationManager_;
        _setStrategyWhitelister(initialStrategyWhitelister);
    }

    modifier onlyDelegationManager() {
        if (msg.sender != delegation) revert OnlyDelegationManager();
        _;
    }

    modifier onlyStrategyWhitelister() {
        if (msg.sender != strategyWhitelister) revert OnlyStrategyWhitelister();
        _;
    }

    /// @notice Not supported: the fixture is configured by its constructor.
    function initialize(address, address, uint256) external {
        _unsupported("initialize");
    }

    // ------------------------------------------------------------------ deposits

    /// @notice Pulls `amount` of `token` from the caller into `strategy` (the caller approved this
    ///         contract) and credits the deposit shares to the caller.
    function depositIntoStrategy(address strategy, address token, uint256 amount)
        external
        nonReentrant
        onlyWhenNotPaused(PAUSED_DEPOSITS)
        returns (uint256 depositShares)
    {
        return _depositIntoStrategy(msg.sender, strategy, token, amount);
    }

    /// @notice Like depositIntoStrategy, crediting `staker`, who signed the EIP-712 `Deposit`
    ///         message (nonce `nonces(staker)`); the tokens still come from the caller.
    function depositIntoStrategyWithSignature(
        address strategy,
        address token,
        uint256 amount,
        address staker,
        uint256 expiry,
        bytes memory signature
    ) external nonReentrant onlyWhenNotPaused(PAUSED_DEPOSITS) returns (uint256 depositShares) {
        uint256 nonce = nonces[staker];
        _checkIsValidSignatureNow(
            staker, calculateStrategyDepositDigestHash(staker, strategy, token, amount, nonce, expiry), signature, expiry
        );
        nonces[staker] = nonce + 1;
        return _depositIntoStrategy(staker, strategy, token, amount);
    }

    /// @notice The EIP-712 digest a staker signs for depositIntoStrategyWithSignature.
    function calculateStrategyDepositDigestHash(
        address staker,
        address strategy,
        address token,
        uint256 amount,
        uint256 nonce,
        uint256 expiry
    ) public view returns (bytes32) {
        return _calculateSignableDigest(
            keccak256(abi.encode(DEPOSIT_TYPEHASH, staker, strategy, token, amount, nonce, expiry))
        );
    }

    function _depositIntoStrategy(address staker, address strategy, address token, uint256 amount)
        internal
        returns (uint256 depositShares)
    {
        if (!strategyIsWhitelistedForDeposit[strategy]) revert StrategyNotWhitelisted();
        require(IERC20(token).transferFrom(msg.sender, strategy, amount), "StrategyManager: transferFrom failed");
        depositShares = StrategyBase(strategy).deposit(token, amount);
        (uint256 prevDepositShares, uint256 addedShares) = _addShares(staker, strategy, depositShares);
        DelegationManager(delegation).increaseDelegatedShares(staker, strategy, prevDepositShares, addedShares);
    }

    // ------------------------------------------------------------------ DelegationManager hooks

    /// @notice Credits `shares` to `staker` (a withdrawal completed as shares). Only the DelegationManager.
    /// @return the staker's previous deposit shares and the shares added
    function addShares(address staker, address strategy, uint256 shares)
        external
        onlyDelegationManager
        nonReentrant
        returns (uint256, uint256)
    {
        return _addShares(staker, strategy, shares);
    }

    /// @notice Removes deposit shares when a withdrawal is queued. Only the DelegationManager.
    /// @return the staker's deposit shares left
    function removeDepositShares(address staker, address strategy, uint256 depositSharesToRemove)
        external
        onlyDelegationManager
        nonReentrant
        returns (uint256)
    {
        if (depositSharesToRemove == 0) revert SharesAmountZero();
        uint256 current = stakerDepositShares[staker][strategy];
        if (depositSharesToRemove > current) revert SharesAmountTooHigh();
        StrategyBase(strategy).beforeRemoveShares(staker, depositSharesToRemove);
        uint256 remaining = current - depositSharesToRemove;
        stakerDepositShares[staker][strategy] = remaining;
        if (remaining == 0) _removeStrategyFromStakerList(staker, strategy);
        return remaining;
    }

    /// @notice Sends the tokens of `shares` in `strategy` to `staker`. Only the DelegationManager.
    function withdrawSharesAsTokens(address staker, address strategy, address token, uint256 shares)
        external
        onlyDelegationManager
        nonReentrant
    {
        StrategyBase(strategy).withdraw(staker, token, shares);
    }

    function _addShares(address staker, address strategy, uint256 shares) internal returns (uint256, uint256) {
        if (staker == address(0)) revert StakerAddressZero();
        if (shares == 0) revert SharesAmountZero();
        StrategyBase(strategy).beforeAddShares(staker, shares);
        uint256 prevDepositShares = stakerDepositShares[staker][strategy];
        if (prevDepositShares == 0) {
            if (stakerStrategyList[staker].length >= MAX_STAKER_STRATEGY_LIST_LENGTH) revert MaxStrategiesExceeded();
            stakerStrategyList[staker].push(strategy);
        }
        stakerDepositShares[staker][strategy] = prevDepositShares + shares;
        emit Deposit(staker, strategy, shares);
        return (prevDepositShares, shares);
    }

    function _removeStrategyFromStakerList(address staker, address strategy) internal {
        address[] storage list = stakerStrategyList[staker];
        uint256 n = list.length;
        for (uint256 i = 0; i < n; ++i) {
            if (list[i] == strategy) {
                list[i] = list[n - 1];
                list.pop();
                return;
            }
        }
        revert StrategyNotFound();
    }

    // ------------------------------------------------------------------ slashed shares

    /// @notice Records shares slashed from `strategy` in slash `slashId` of `operatorSet`. Only the DelegationManager.
    function increaseBurnOrRedistributableShares(
        OperatorSet calldata operatorSet,
        uint256 slashId,
        address strategy,
        uint256 addedSharesToBurn
    ) external onlyDelegationManager nonReentrant {
        bytes32 key = _key(operatorSet);
        if (_inSlash[key][slashId][strategy]) revert StrategyAlreadyInSlash();
        if (_pendingSlashIds[key].length == 0) _pendingOperatorSets.push(operatorSet);
        if (_slashStrategies[key][slashId].length == 0) _pendingSlashIds[key].push(slashId);
        _inSlash[key][slashId][strategy] = true;
        _slashStrategies[key][slashId].push(strategy);
        _slashShares[key][slashId][strategy] = addedSharesToBurn;
        emit BurnOrRedistributableSharesIncreased(operatorSet, slashId, strategy, addedSharesToBurn);
    }

    /// @notice Pays out every strategy of a slash to the operator set's redistribution recipient.
    /// @return the token amounts sent, one per strategy of the slash
    function clearBurnOrRedistributableShares(OperatorSet calldata operatorSet, uint256 slashId)
        external
        nonReentrant
        returns (uint256[] memory)
    {
        address[] memory strategies = _slashStrategies[_key(operatorSet)][slashId];
        uint256[] memory amounts = new uint256[](strategies.length);
        for (uint256 i = 0; i < strategies.length; ++i) {
            amounts[i] = _clear(operatorSet, slashId, strategies[i]);
        }
        return amounts;
    }

    /// @notice Pays out one strategy of a slash to the operator set's redistribution recipient.
    /// @return the token amount sent
    function clearBurnOrRedistributableSharesByStrategy(
        OperatorSet calldata operatorSet,
        uint256 slashId,
        address strategy
    ) external nonReentrant returns (uint256) {
        return _clear(operatorSet, slashId, strategy);
    }

    function _clear(OperatorSet calldata operatorSet, uint256 slashId, address strategy) internal returns (uint256 amountOut) {
        bytes32 key = _key(operatorSet);
        if (!_inSlash[key][slashId][strategy]) return 0;
        uint256 shares = _slashShares[key][slashId][strategy];
        delete _slashShares[key][slashId][strategy];
        delete _inSlash[key][slashId][strategy];
        _removeAddress(_slashStrategies[key][slashId], strategy);
        if (_slashStrategies[key][slashId].length == 0) {
            _removeUint(_pendingSlashIds[key], slashId);
            if (_pendingSlashIds[key].length == 0) _removeOperatorSet(key);
        }
        if (shares != 0) {
            address recipient = AllocationManager(allocationManager).getRedistributionRecipient(operatorSet);
            amountOut = StrategyBase(strategy).withdraw(recipient, StrategyBase(strategy).underlyingToken(), shares);
        }
        emit BurnOrRedistributableSharesDecreased(operatorSet, slashId, strategy, shares);
    }

    /// @notice Shares of every strategy still to be cleared for a slash.
    function getBurnOrRedistributableShares(OperatorSet calldata operatorSet, uint256 slashId)
        external
        view
        returns (address[] memory, uint256[] memory)
    {
        bytes32 key = _key(operatorSet);
        address[] memory strategies = _slashStrategies[key][slashId];
        uint256[] memory shares = new uint256[](strategies.length);
        for (uint256 i = 0; i < strategies.length; ++i) {
            shares[i] = _slashShares[key][slashId][strategies[i]];
        }
        return (strategies, shares);
    }

    /// @notice Shares of `strategy` still to be cleared for a slash.
    function getBurnOrRedistributableShares(OperatorSet calldata operatorSet, uint256 slashId, address strategy)
        external
        view
        returns (uint256)
    {
        return _slashShares[_key(operatorSet)][slashId][strategy];
    }

    /// @notice How many strategies of a slash are still to be cleared.
    function getBurnOrRedistributableCount(OperatorSet calldata operatorSet, uint256 slashId)
        external
        view
        returns (uint256)
    {
        return _slashStrategies[_key(operatorSet)][slashId].length;
    }

    /// @notice Operator sets with slashes still to be cleared.
    function getPendingOperatorSets() external view returns (OperatorSet[] memory) {
        return _pendingOperatorSets;
    }

    /// @notice Slash ids of `operatorSet` still to be cleared.
    function getPendingSlashIds(OperatorSet calldata operatorSet) external view returns (uint256[] memory) {
        return _pendingSlashIds[_key(operatorSet)];
    }

    /// @notice Legacy (pre-redistribution) burnable shares of `strategy`; nothing adds to them on the devnet.
    function getBurnableShares(address strategy) external view returns (uint256) {
        return _burnableShares[strategy];
    }

    /// @notice Legacy burnable shares by strategy; empty on the devnet.
    function getStrategiesWithBurnableShares() external view returns (address[] memory, uint256[] memory) {
        address[] memory strategies = _strategiesWithBurnableShares;
        uint256[] memory shares = new uint256[](strategies.length);
        for (uint256 i = 0; i < strategies.length; ++i) {
            shares[i] = _burnableShares[strategies[i]];
        }
        return (strategies, shares);
    }

    /// @notice Burns the legacy burnable shares of `strategy` (none on the devnet).
    function burnShares(address strategy) external nonReentrant {
        uint256 shares = _burnableShares[strategy];
        if (shares == 0) return;
        _burnableShares[strategy] = 0;
        _removeAddress(_strategiesWithBurnableShares, strategy);
        emit BurnableSharesDecreased(strategy, shares);
        StrategyBase(strategy).withdraw(DEFAULT_BURN_ADDRESS, StrategyBase(strategy).underlyingToken(), shares);
    }

    // ------------------------------------------------------------------ whitelist

    /// @notice Allows deposits into `strategiesToWhitelist`. Only the strategy whitelister.
    function addStrategiesToDepositWhitelist(address[] calldata strategiesToWhitelist) external onlyStrategyWhitelister {
        for (uint256 i = 0; i < strategiesToWhitelist.length; ++i) {
            address strategy = strategiesToWhitelist[i];
            if (!strategyIsWhitelistedForDeposit[strategy]) {
                strategyIsWhitelistedForDeposit[strategy] = true;
                emit StrategyAddedToDepositWhitelist(strategy);
            }
        }
    }

    /// @notice Stops deposits into the given strategies. Only the strategy whitelister.
    function removeStrategiesFromDepositWhitelist(address[] calldata strategiesToRemoveFromWhitelist)
        external
        onlyStrategyWhitelister
    {
        for (uint256 i = 0; i < strategiesToRemoveFromWhitelist.length; ++i) {
            address strategy = strategiesToRemoveFromWhitelist[i];
            if (strategyIsWhitelistedForDeposit[strategy]) {
                strategyIsWhitelistedForDeposit[strategy] = false;
                emit StrategyRemovedFromDepositWhitelist(strategy);
            }
        }
    }

    /// @notice Changes the strategy whitelister. Only the owner.
    function setStrategyWhitelister(address newStrategyWhitelister) external onlyOwner {
        _setStrategyWhitelister(newStrategyWhitelister);
    }

    function _setStrategyWhitelister(address newStrategyWhitelister) internal {
        emit StrategyWhitelisterChanged(strategyWhitelister, newStrategyWhitelister);
        strategyWhitelister = newStrategyWhitelister;
    }

    // ------------------------------------------------------------------ views

    /// @notice The strategies `staker` holds and the deposit shares in each.
    function getDeposits(address staker) external view returns (address[] memory, uint256[] memory) {
        address[] memory strategies = stakerStrategyList[staker];
        uint256[] memory shares = new uint256[](strategies.length);
        for (uint256 i = 0; i < strategies.length; ++i) {
            shares[i] = stakerDepositShares[staker][strategies[i]];
        }
        return (strategies, shares);
    }

    /// @notice The strategies in which `staker` holds deposit shares.
    function getStakerStrategyList(address staker) external view returns (address[] memory) {
        return stakerStrategyList[staker];
    }

    /// @notice How many strategies `staker` holds.
    function stakerStrategyListLength(address staker) external view returns (uint256) {
        return stakerStrategyList[staker].length;
    }

    // ------------------------------------------------------------------ internals

    /// @inheritdoc FixtureSignatureUtils
    function domainSeparator() public view override(IStrategyManager, FixtureSignatureUtils) returns (bytes32) {
        return super.domainSeparator();
    }

    function _revertSignatureExpired() internal pure override {
        revert SignatureExpired();
    }

    function _revertInvalidSignature() internal pure override {
        revert InvalidSignature();
    }

    function _key(OperatorSet calldata operatorSet) internal pure returns (bytes32) {
        return bytes32(abi.encodePacked(operatorSet.avs, uint96(operatorSet.id)));
    }

    function _removeOperatorSet(bytes32 key) internal {
        uint256 n = _pendingOperatorSets.length;
        for (uint256 i = 0; i < n; ++i) {
            OperatorSet memory s = _pendingOperatorSets[i];
            if (bytes32(abi.encodePacked(s.avs, uint96(s.id))) == key) {
                _pendingOperatorSets[i] = _pendingOperatorSets[n - 1];
                _pendingOperatorSets.pop();
                return;
            }
        }
    }

    function _removeAddress(address[] storage list, address value) internal {
        uint256 n = list.length;
        for (uint256 i = 0; i < n; ++i) {
            if (list[i] == value) {
                list[i] = list[n - 1];
                list.pop();
                return;
            }
        }
    }

    function _removeUint(uint256[] storage list, uint256 value) internal {
        uint256 n = list.length;
        for (uint256 i = 0; i < n; ++i) {
            if (list[i] == value) {
                list[i] = list[n - 1];
                list.pop();
                return;
            }
        }
    }
}
