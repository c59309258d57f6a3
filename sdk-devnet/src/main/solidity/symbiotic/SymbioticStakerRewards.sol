// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IDefaultStakerRewards} from "abi/symbiotic/IDefaultStakerRewards.sol";
import {IDefaultStakerRewardsFactory} from "abi/symbiotic/IDefaultStakerRewardsFactory.sol";
import {INetworkMiddlewareService} from "abi/symbiotic/INetworkMiddlewareService.sol";
import {ISymbioticEntityRegistry} from "abi/symbiotic/SymbioticRegistryBase.sol";
import {IVault} from "abi/symbiotic/IVault.sol";
import {IERC20} from "abi/common/IERC20.sol";
import {cloneOf} from "./SymbioticFactories.sol";
import {SymbioticRegistryFixture} from "./SymbioticRegistries.sol";
import {
    SymbioticAccessControlFixture,
    SymbioticInitializableFixture,
    SymbioticMulDivFixture,
    SymbioticReentrancyGuardFixture
} from "./SymbioticFixtureSupport.sol";

/// @title DefaultStakerRewards (devnet fixture)
/// @notice Symbiotic's DefaultStakerRewards, `version() == 2` (symbioticfi/rewards v2.0.0): the staker rewards of
///         one v1 vault. `distributeRewards(network, token, amount, data)`, data = abi.encode(uint48 timestamp,
///         uint256 maxAdminFee, bytes activeSharesHint, bytes activeStakeHint), is for the network's middleware
///         only (`NotNetworkMiddleware()`); the timestamp must be in the past (`InvalidRewardTimestamp()`), the
///         admin fee at most `maxAdminFee` (`HighAdminFee()`), and the vault's activeSharesAt / activeStakeAt
///         there non-zero (`InvalidRewardTimestamp()`; the active shares are cached per timestamp, once). The
///         tokens are pulled and measured by the balance delta (`InsufficientReward()` for 0); the admin fee
///         floor(received * adminFee / 10 000) accrues to `claimableAdminFee(token)` and the rest, if any, is
///         appended to `rewards[token][network]` with the timestamp. `claimRewards(recipient, token, data)`,
///         data = abi.encode(address network, uint256 maxRewards, bytes[] activeSharesOfHints), walks the
///         caller's pending distributions of (token, network) from `lastUnclaimedReward`, at most maxRewards
///         (`NoRewardsToClaim()` if none), each paying floor(activeSharesOfAt(caller, t_i) * amount_i /
///         activeSharesAt(t_i)); the hints array is empty or exactly as long as the distributions processed
///         (`InvalidHintsLength()`); the cursor moves on even when the sum is 0 (then nothing is sent).
///         `claimable` is the same sum as a view (data = abi.encode(address network, uint256 maxRewards)).
///         `claimAdminFee` (ADMIN_FEE_CLAIM_ROLE; `InsufficientAdminFee()` for 0) and `setAdminFee`
///         (ADMIN_FEE_SET_ROLE; `AlreadySet()`, `InvalidAdminFee()` above 10 000). As upstream, ClaimAdminFee's
///         first (indexed) field carries the token, not the recipient. `multicall` delegatecalls each item on
///         this contract and bubbles a revert (`FailedInnerCall()` for an empty one), as OpenZeppelin v5.0.2.
///         `initialize(InitParams)`: once (`InvalidInitialization()`), for a vault of the VaultFactory
///         (`NotVault()`); without a default admin, a non-zero fee needs a fee claimer and a zero fee needs both
///         fee roles or neither (`MissingRoles()`); emits InitVault, SetAdminFee, RoleGranted..., Initialized(1).
/// @dev Devnet semantics (deviations from Symbiotic):
///      - AccessControl, the initializer lock, the reentrancy guard and the 512-bit mulDiv are the compact own
///        versions shared by the Symbiotic fixtures (SymbioticFixtureSupport.sol, which states their
///        deviations); SafeERC20 and Multicall are compact own versions with OpenZeppelin v5.0.2's errors.
///        Storage layout is the fixture's own.
///      - The implementation is locked by its constructor (`Initialized(type(uint64).max)`), as
///        `_disableInitializers`; as upstream, anyone may initialise a fresh clone, which
///        DefaultStakerRewardsFactory does in the creating transaction.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract DefaultStakerRewards is
    IDefaultStakerRewards,
    SymbioticInitializableFixture,
    SymbioticReentrancyGuardFixture,
    SymbioticAccessControlFixture,
    SymbioticMulDivFixture
{
    /// @dev One distribution: the stakers' part (admin fee excluded) and the stake timestamp it is shared at.
    struct RewardDistribution {
        uint256 amount;
        uint48 timestamp;
    }

    uint64 public constant version = 2;
    uint256 public constant ADMIN_FEE_BASE = 10_000;
    bytes32 public constant ADMIN_FEE_CLAIM_ROLE = keccak256("ADMIN_FEE_CLAIM_ROLE");
    bytes32 public constant ADMIN_FEE_SET_ROLE = keccak256("ADMIN_FEE_SET_ROLE");

    address public immutable VAULT_FACTORY;
    address public immutable NETWORK_MIDDLEWARE_SERVICE;

    // (version, guard and roles: the bases, in this storage order)

    address public VAULT;
    uint256 public adminFee;
    mapping(address token => mapping(address network => RewardDistribution[] list)) public rewards;
    mapping(address account => mapping(address token => mapping(address network => uint256 index))) public
        lastUnclaimedReward;
    mapping(address token => uint256 amount) public claimableAdminFee;
    mapping(uint48 timestamp => uint256 shares) private _activeSharesAtCache;

    /// @param vaultFactory the VaultFactory that vouches for the vault
    /// @param networkMiddlewareService the NetworkMiddlewareService naming each network's middleware
    constructor(address vaultFactory, address networkMiddlewareService) {
        VAULT_FACTORY = vaultFactory;
        NETWORK_MIDDLEWARE_SERVICE = networkMiddlewareService;
    }

    // ================================================================== initialisation

    function initialize(InitParams calldata params) external {
        if (_getInitializedVersion() != 0) revert InvalidInitialization();
        _setInitializedVersion(1);

        if (!ISymbioticEntityRegistry(VAULT_FACTORY).isEntity(params.vault)) revert NotVault();
        if (params.defaultAdminRoleHolder == address(0)) {
            bool hasClaimer = params.adminFeeClaimRoleHolder != address(0);
            bool hasSetter = params.adminFeeSetRoleHolder != address(0);
            // A fee nobody may claim, or only one of the two fee roles with nobody to grant the other, is refused.
            if (params.adminFee != 0 ? !hasClaimer : hasClaimer != hasSetter) revert MissingRoles();
        }

        _initReentrancyGuard();
        VAULT = params.vault;
        emit InitVault(params.vault);
        _setAdminFee(params.adminFee);
        if (params.defaultAdminRoleHolder != address(0)) _grantRole(DEFAULT_ADMIN_ROLE, params.defaultAdminRoleHolder);
        if (params.adminFeeClaimRoleHolder != address(0)) {
            _grantRole(ADMIN_FEE_CLAIM_ROLE, params.adminFeeClaimRoleHolder);
        }
        if (params.adminFeeSetRoleHolder != address(0)) _grantRole(ADMIN_FEE_SET_ROLE, params.adminFeeSetRoleHolder);

        emit Initialized(1);
    }

    // ================================================================== views

    function rewardsLength(address token, address network) external view returns (uint256) {
        return rewards[token][network].length;
    }

    function claimable(address token, address account, bytes calldata data) external view returns (uint256 amount) {
        (address network, uint256 maxRewards) = abi.decode(data, (address, uint256));
        RewardDistribution[] storage list = rewards[token][network];
        uint256 first = lastUnclaimedReward[account][token][network];
        uint256 count = _pendingCount(list.length, first, maxRewards);
        for (uint256 k = 0; k < count; ++k) {
            amount += _shareOf(account, list[first + k], "");
        }
    }

    // ================================================================== network middleware

    function distributeRewards(address network, address token, uint256 amount, bytes calldata data)
        external
        nonReentrant
    {
        (uint48 timestamp, uint256 maxAdminFee, bytes memory activeSharesHint, bytes memory activeStakeHint) =
            abi.decode(data, (uint48, uint256, bytes, bytes));

        if (INetworkMiddlewareService(NETWORK_MIDDLEWARE_SERVICE).middleware(network) != msg.sender) {
            revert NotNetworkMiddleware();
        }
        if (timestamp >= _now48()) revert InvalidRewardTimestamp();
        uint256 fee = adminFee;
        if (maxAdminFee < fee) revert HighAdminFee();

        if (_activeSharesAtCache[timestamp] == 0) {
            uint256 shares = IVault(VAULT).activeSharesAt(timestamp, activeSharesHint);
            uint256 stake = IVault(VAULT).activeStakeAt(timestamp, activeStakeHint);
            if (shares == 0 || stake == 0) revert InvalidRewardTimestamp();
            _activeSharesAtCache[timestamp] = shares;
        }

        uint256 balanceBefore = IERC20(token).balanceOf(address(this));
        _callToken(token, abi.encodeCall(IERC20.transferFrom, (msg.sender, address(this), amount)));
        uint256 received = IERC20(token).balanceOf(address(this)) - balanceBefore;
        if (received == 0) revert InsufficientReward();

        uint256 feeAmount = _mulDiv(received, fee, ADMIN_FEE_BASE, false);
        uint256 stakersAmount = received - feeAmount;
        claimableAdminFee[token] += feeAmount;
        if (stakersAmount > 0) {
            rewards[token][network].push(RewardDistribution({amount: stakersAmount, timestamp: timestamp}));
        }

        emit DistributeRewards(network, token, stakersAmount, feeAmount, timestamp);
    }

    // ================================================================== stakers

    function claimRewards(address recipient, address token, bytes calldata data) external nonReentrant {
        (address network, uint256 maxRewards, bytes[] memory hints) = abi.decode(data, (address, uint256, bytes[]));
        if (recipient == address(0)) revert InvalidRecipient();

        RewardDistribution[] storage list = rewards[token][network];
        uint256 first = lastUnclaimedReward[msg.sender][token][network];
        uint256 count = _pendingCount(list.length, first, maxRewards);
        if (count == 0) revert NoRewardsToClaim();
        if (hints.length != 0 && hints.length != count) revert InvalidHintsLength();

        uint256 amount;
        for (uint256 k = 0; k < count; ++k) {
            amount += _shareOf(msg.sender, list[first + k], hints.length == 0 ? bytes("") : hints[k]);
        }
        lastUnclaimedReward[msg.sender][token][network] = first + count;

        if (amount > 0) _callToken(token, abi.encodeCall(IERC20.transfer, (recipient, amount)));

        emit ClaimRewards(network, token, msg.sender, amount, recipient);
        emit ClaimRewardsExtra(network, token, msg.sender, first, count);
    }

    // ================================================================== admin fee

    function claimAdminFee(address recipient, address token) external nonReentrant onlyRole(ADMIN_FEE_CLAIM_ROLE) {
        uint256 amount = claimableAdminFee[token];
        if (amount == 0) revert InsufficientAdminFee();
        claimableAdminFee[token] = 0;
        _callToken(token, abi.encodeCall(IERC20.transfer, (recipient, amount)));
        emit ClaimAdminFee(token, amount); // upstream puts the token in the event's first field
    }

    function setAdminFee(uint256 adminFee_) external onlyRole(ADMIN_FEE_SET_ROLE) {
        if (adminFee == adminFee_) revert AlreadySet();
        _setAdminFee(adminFee_);
    }

    // ================================================================== multicall

    function multicall(bytes[] calldata data) external returns (bytes[] memory results) {
        results = new bytes[](data.length);
        for (uint256 k = 0; k < data.length; ++k) {
            (bool ok, bytes memory ret) = address(this).delegatecall(data[k]);
            if (!ok) _bubble(ret);
            results[k] = ret;
        }
    }

    // ================================================================== internals

    function _setAdminFee(uint256 adminFee_) private {
        if (adminFee_ > ADMIN_FEE_BASE) revert InvalidAdminFee();
        adminFee = adminFee_;
        emit SetAdminFee(adminFee_);
    }

    /// @dev min(maxRewards, distributions left after `first`).
    function _pendingCount(uint256 total, uint256 first, uint256 maxRewards) private pure returns (uint256) {
        uint256 left = total - first;
        return maxRewards < left ? maxRewards : left;
    }

    /// @dev `account`'s part of one distribution: its active shares at the timestamp over the cached total.
    function _shareOf(address account, RewardDistribution storage reward, bytes memory hint)
        private
        view
        returns (uint256)
    {
        uint48 t = reward.timestamp;
        uint256 shares = IVault(VAULT).activeSharesOfAt(account, t, hint);
        return _mulDiv(shares, reward.amount, _activeSharesAtCache[t], false);
    }

    /// @dev block.timestamp as uint48 (OpenZeppelin's Time.timestamp, with SafeCast's error).
    function _now48() private view returns (uint48) {
        if (block.timestamp > type(uint48).max) revert SafeCastOverflowedUintDowncast(48, block.timestamp);
        return uint48(block.timestamp);
    }

    /// @dev SafeERC20 (OZ v5.0) call: bubbles a revert, FailedInnerCall() for an empty one, AddressEmptyCode for
    ///      a target without code, SafeERC20FailedOperation when the token returns false.
    function _callToken(address token, bytes memory data) private {
        (bool ok, bytes memory ret) = token.call(data);
        if (!ok) _bubble(ret);
        if (ret.length == 0) {
            if (token.code.length == 0) revert AddressEmptyCode(token);
        } else if (!abi.decode(ret, (bool))) {
            revert SafeERC20FailedOperation(token);
        }
    }

    /// @dev Re-raises a failed call's revert data, or FailedInnerCall() when there is none (OZ v5.0 Address).
    function _bubble(bytes memory ret) private pure {
        if (ret.length == 0) revert FailedInnerCall();
        assembly ("memory-safe") {
            revert(add(ret, 0x20), mload(ret))
        }
    }
}

/// @title DefaultStakerRewardsFactory (devnet fixture)
/// @notice Symbiotic's DefaultStakerRewardsFactory: `create(InitParams)` deploys an EIP-1167 clone of the
///         DefaultStakerRewards implementation (CREATE2, salt keccak256(abi.encode(totalEntities(), params)), as
///         upstream), initialises it with `params` in the same transaction (so its checks apply: the vault must
///         be a vault of the VaultFactory, `NotVault()`, ...), then lists it (`AddEntity`, after the clone's
///         events). `isEntity`, `totalEntities` and `entity(i)` list every rewards contract made, in order.
/// @dev Devnet semantics (deviations from Symbiotic): the clone is made by the fixtures' `cloneOf`, whose failure
///      reverts with the string "clone failed" instead of `ERC1167FailedCreateClone()`; it cannot fail here, as
///      every salt includes the growing entity count. The list is the fixtures' registry (own array + mapping
///      instead of OpenZeppelin's EnumerableSet; same order, same views, same panic past the end).
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract DefaultStakerRewardsFactory is SymbioticRegistryFixture, IDefaultStakerRewardsFactory {
    address private immutable STAKER_REWARDS_IMPLEMENTATION;

    /// @param stakerRewardsImplementation the DefaultStakerRewards implementation to clone
    constructor(address stakerRewardsImplementation) {
        STAKER_REWARDS_IMPLEMENTATION = stakerRewardsImplementation;
    }

    function create(IDefaultStakerRewards.InitParams calldata params) external returns (address stakerRewards) {
        bytes32 salt = keccak256(abi.encode(this.totalEntities(), params));
        stakerRewards = cloneOf(STAKER_REWARDS_IMPLEMENTATION, salt);
        IDefaultStakerRewards(stakerRewards).initialize(params);
        _addEntity(stakerRewards);
    }
}
