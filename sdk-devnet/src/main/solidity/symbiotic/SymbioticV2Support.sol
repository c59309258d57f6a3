// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

// What the Symbiotic Core V2 devnet fixtures (VaultV2, WithdrawalQueue, UniversalDelegator, AppAdapter) call on
// each other, beyond the abi/ interfaces: the fixture-only entry points between them, and the SafeERC20-like
// token call they share. Declares no event and no error, so each fixture's ABI keeps the errors it reverts with.
// Test fixture only: not meant for production use. Written for restake4j; no upstream code.

/// @dev 1e18: a share limit of 100% (upstream's MAX_SHARE).
uint256 constant V2_MAX_SHARE = 1e18;

/// @dev Most adapters one delegator takes (upstream's MAX_ADAPTERS).
uint256 constant V2_MAX_ADAPTERS = 256;

/// @dev The VaultV2 fixture, as its companions see it.
interface VaultV2Companion {
    function asset() external view returns (address);
    function name() external view returns (string memory);
    function symbol() external view returns (string memory);
    function delegator() external view returns (address);
    function withdrawalQueue() external view returns (address);
    function totalAssets() external view returns (uint256);
    function freeAssets() external view returns (uint256);
    function withdrawable() external returns (uint256);
    function previewDeposit(uint256 assets) external view returns (uint256);
    function previewRedeem(uint256 shares) external view returns (uint256);
    function redeem(uint256 shares, address receiver, address owner) external returns (uint256);
    function transferFrom(address from, address to, uint256 value) external returns (bool);
    function pull(uint256 assets, address receiver) external;
    function push(uint256 assets, address owner) external;
}

/// @dev The UniversalDelegator fixture, as the vault, the queue and the adapters see it.
interface UniversalDelegatorCompanion {
    function initialize(address vault_, address curator_) external;
    function sweepPending() external returns (uint256 pendingAssets);
    function deallocatable() external returns (uint256);
    function totalAssets() external view returns (uint256);
    function limitOf(address adapter) external view returns (uint256);
    function absoluteLimitOf(address adapter) external view returns (uint256);
    function decreaseLimits(uint256 assets, uint256 share) external;
    function onDeposit() external;
    function onWithdraw(uint256 assets) external returns (uint256 deallocated);
    function vault() external view returns (address);
}

/// @dev The WithdrawalQueue fixture, as the vault and the delegator see it.
interface WithdrawalQueueCompanion {
    function initialize(address vault_) external;
    function pendingAssets() external view returns (uint256);
    function fill() external returns (uint256 assets, uint256 shares);
}

/// @dev An adapter (the AppAdapter fixture), as the delegator sees it (upstream's IAdapter).
interface AdapterCompanion {
    function vault() external view returns (address);
    function totalAssets() external view returns (uint256);
    function freeAssets() external view returns (uint256);
    function allocatable() external view returns (uint256);
    function allocate(uint256 amount) external returns (uint256);
    function deallocate(uint256 amount) external returns (uint256);
    function requestDeallocate(uint256 amount) external;
}

/// @dev The NetworkMiddlewareService fixture's read.
interface MiddlewareLookup {
    function middleware(address network) external view returns (address);
}

/// @dev An ERC-721 receiver's hook.
interface TicketReceiver {
    function onERC721Received(address operator, address from, uint256 tokenId, bytes calldata data)
        external
        returns (bytes4);
}

/// @dev Calls `token` with `data` as OpenZeppelin v5.5's SafeERC20 does: a revert is bubbled as it is (empty
///      included); returns true where SafeERC20 reverts `SafeERC20FailedOperation(token)` (no return data from
///      an account without code, or a return value other than true), so the caller reverts with its own error.
function tokenCallFailed(address token, bytes memory data) returns (bool failed) {
    (bool ok, bytes memory ret) = token.call(data);
    if (!ok) {
        assembly ("memory-safe") {
            revert(add(ret, 0x20), mload(ret))
        }
    }
    if (ret.length == 0) return token.code.length == 0;
    return ret.length < 32 || abi.decode(ret, (uint256)) != 1;
}

/// @dev min(a, b).
function minOf(uint256 a, uint256 b) pure returns (uint256) {
    return a < b ? a : b;
}

/// @dev max(a - b, 0).
function subOrZero(uint256 a, uint256 b) pure returns (uint256) {
    return a > b ? a - b : 0;
}
