// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IWithdrawalQueue} from "abi/symbiotic/IWithdrawalQueue.sol";
import {IERC20} from "abi/common/IERC20.sol";
import {SymbioticInitializableFixture, SymbioticMulDivFixture} from "./SymbioticFixtureSupport.sol";
import {
    TicketReceiver,
    UniversalDelegatorCompanion,
    VaultV2Companion,
    minOf,
    subOrZero,
    tokenCallFailed
} from "./SymbioticV2Support.sol";

/// @title WithdrawalQueue (devnet fixture)
/// @notice The exit queue of one Symbiotic Core V2 vault: ERC-721 tickets (OpenZeppelin v5 ERC721, not
///         enumerable, its errors and events; `safeTransferFrom` checks `onERC721Received` of a contract
///         receiver) named `<vault name> (WQ)` / `<vault symbol>_WQ`, ids from 0.
///         - `requestRedeem(shares, receiver)`: `ZeroShares()` for 0; pulls the shares with the vault's
///           transferFrom; records (shares, 0, prevRequestSum = totalRequested before) and adds to totalRequested;
///           mints ticket `totalRequests()` to `receiver` (no receiver hook, as upstream's `_mint`); sweeps the
///           delegator (which may fill in the same transaction); emits RequestRedeem last, as upstream.
///         - `fill()` (anyone): shares = min(pendingShares(), vault.previewDeposit(vault.withdrawable())); 0 does
///           nothing; else the vault redeems them to this queue at the current price (burning them), the fill is
///           appended to the cumulative list (totalFilled, cumulative assets paid) and Fill(assets, shares) emitted.
///           A share's asset value is fixed at its fill; pending shares keep the vault's gains and losses.
///         - Claims are FIFO by cumulative share position: ticket [prev, prev + shares) claims the filled,
///           unclaimed part [prev + claimed, min(prev + shares, totalFilled)); its assets are A(end) - A(start),
///           where A(x) interpolates the cumulative fill list linearly inside the fill containing x, rounded down
///           (upstream's formula). A(fill boundary) is exact, so all claims together never exceed what the fills
///           paid. `claim(tokenId, receiver)`: ERC721NonexistentToken for an unknown id, `NotTokenOwner()` unless
///           the caller owns it; pays the claimable part (0 too: no revert, a transfer of 0), emits Claim.
///         - `pendingShares = totalRequested - totalFilled`, `pendingAssets = vault.previewRedeem(pendingShares)`;
///           `isClaimed(id)`: a ticket whose shares are all claimed.
/// @dev Devnet semantics (deviations from Symbiotic): an EIP-1167 clone initialised once by its vault
///      (`initialize(vault)`, the vault only; upstream: a TransparentUpgradeableProxy initialised with
///      `initialize()` by the vault). Upstream's versions read for it name the collection "Withdrawal Queue" /
///      "WQ"; the devnet derives the names from the vault as our IWithdrawalQueue describes. `claim` pays
///      `receiver` (our interface) and does not sweep first. `tokenURI` is "" for an existing ticket (no base
///      URI). No multicall. ERC-721 and SafeERC20 are compact own versions with OpenZeppelin v5's rules and
///      errors; storage layout is the fixture's own.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract WithdrawalQueue is IWithdrawalQueue, SymbioticInitializableFixture, SymbioticMulDivFixture {
    struct Request {
        uint256 shares;
        uint256 sharesClaimed;
        uint256 prevRequestSum;
    }

    address public vault;
    uint256 public totalRequested;
    uint256 public totalRequests;
    mapping(uint256 tokenId => Request) public requests;

    /// @dev Fill i covers cumulative shares (_cumShares[i-1], _cumShares[i]] paid at cumulative assets _cumAssets[i];
    ///      entry 0 is (0, 0).
    uint256[] private _cumShares;
    uint256[] private _cumAssets;

    string private _name;
    string private _symbol;
    mapping(uint256 tokenId => address) private _owners;
    mapping(address owner => uint256) private _ticketCounts;
    mapping(uint256 tokenId => address) private _approvals;
    mapping(address owner => mapping(address operator => bool)) private _operators;

    // ================================================================== set-up

    function initialize(address vault_) external {
        if (_getInitializedVersion() != 0 || msg.sender != vault_) revert InvalidInitialization();
        _setInitializedVersion(1);
        vault = vault_;
        _name = string.concat(VaultV2Companion(vault_).name(), " (WQ)");
        _symbol = string.concat(VaultV2Companion(vault_).symbol(), "_WQ");
        _cumShares.push(0);
        _cumAssets.push(0);
        emit Initialized(1);
    }

    // ================================================================== queue state

    function totalFilled() public view returns (uint256) {
        return _cumShares[_cumShares.length - 1];
    }

    function pendingShares() public view returns (uint256) {
        return totalRequested - totalFilled();
    }

    function pendingAssets() external view returns (uint256) {
        return VaultV2Companion(vault).previewRedeem(pendingShares());
    }

    function isClaimed(uint256 tokenId) external view returns (bool) {
        Request storage r = requests[tokenId];
        return r.shares != 0 && r.sharesClaimed == r.shares;
    }

    function claimable(uint256 tokenId) public view returns (uint256 assets, uint256 shares) {
        Request storage r = requests[tokenId];
        uint256 start = r.prevRequestSum + r.sharesClaimed;
        uint256 end = minOf(r.prevRequestSum + r.shares, totalFilled());
        shares = subOrZero(end, start);
        if (shares == 0) return (0, 0);
        assets = _assetsAt(end, _fillOf(end - 1)) - _assetsAt(start, _fillOf(start));
    }

    // ================================================================== requests, fills, claims

    function requestRedeem(uint256 shares, address receiver) external returns (uint256 tokenId) {
        if (shares == 0) revert ZeroShares();
        address vault_ = vault;
        if (tokenCallFailed(vault_, abi.encodeCall(IERC20.transferFrom, (msg.sender, address(this), shares)))) {
            revert SafeERC20FailedOperation(vault_);
        }
        tokenId = totalRequests++;
        requests[tokenId] = Request({shares: shares, sharesClaimed: 0, prevRequestSum: totalRequested});
        totalRequested += shares;
        _mint(receiver, tokenId);
        UniversalDelegatorCompanion(VaultV2Companion(vault_).delegator()).sweepPending();
        emit RequestRedeem(msg.sender, receiver, shares, tokenId);
    }

    function fill() external returns (uint256 assets, uint256 shares) {
        shares = pendingShares();
        if (shares == 0) return (0, 0);
        VaultV2Companion v = VaultV2Companion(vault);
        shares = minOf(shares, v.previewDeposit(v.withdrawable()));
        if (shares == 0) return (0, 0);
        assets = v.redeem(shares, address(this), address(this));
        _cumShares.push(totalFilled() + shares);
        _cumAssets.push(_cumAssets[_cumAssets.length - 1] + assets);
        emit Fill(assets, shares);
    }

    function claim(uint256 tokenId, address receiver) external returns (uint256 assets, uint256 shares) {
        if (ownerOf(tokenId) != msg.sender) revert NotTokenOwner();
        (assets, shares) = claimable(tokenId);
        requests[tokenId].sharesClaimed += shares;
        address token = VaultV2Companion(vault).asset();
        if (tokenCallFailed(token, abi.encodeCall(IERC20.transfer, (receiver, assets)))) {
            revert SafeERC20FailedOperation(token);
        }
        emit Claim(tokenId, receiver, assets, shares);
    }

    /// @dev The index i of the fill list entry that starts the segment holding cumulative share `x`: the last
    ///      entry whose cumulative shares are at most `x` (binary search).
    function _fillOf(uint256 x) private view returns (uint256) {
        uint256 low = 0;
        uint256 high = _cumShares.length;
        while (low < high) {
            uint256 mid = (low + high) >> 1;
            if (_cumShares[mid] > x) high = mid;
            else low = mid + 1;
        }
        return high - 1;
    }

    /// @dev Cumulative assets paid at cumulative share `x`, inside the segment that starts at entry `i`.
    function _assetsAt(uint256 x, uint256 i) private view returns (uint256) {
        uint256 baseShares = _cumShares[i];
        uint256 baseAssets = _cumAssets[i];
        if (x == baseShares) return baseAssets;
        return baseAssets
            + _mulDiv(x - baseShares, _cumAssets[i + 1] - baseAssets, _cumShares[i + 1] - baseShares, false);
    }

    // ================================================================== ERC-721

    function name() external view returns (string memory) {
        return _name;
    }

    function symbol() external view returns (string memory) {
        return _symbol;
    }

    function tokenURI(uint256 tokenId) external view returns (string memory) {
        _requireOwned(tokenId);
        return "";
    }

    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return interfaceId == 0x01ffc9a7 || interfaceId == 0x80ac58cd || interfaceId == 0x5b5e139f;
    }

    function balanceOf(address owner) external view returns (uint256) {
        if (owner == address(0)) revert ERC721InvalidOwner(address(0));
        return _ticketCounts[owner];
    }

    function ownerOf(uint256 tokenId) public view returns (address) {
        return _requireOwned(tokenId);
    }

    function getApproved(uint256 tokenId) external view returns (address) {
        _requireOwned(tokenId);
        return _approvals[tokenId];
    }

    function isApprovedForAll(address owner, address operator) public view returns (bool) {
        return _operators[owner][operator];
    }

    function approve(address to, uint256 tokenId) external {
        address owner = _requireOwned(tokenId);
        if (owner != msg.sender && !isApprovedForAll(owner, msg.sender)) revert ERC721InvalidApprover(msg.sender);
        _approvals[tokenId] = to;
        emit Approval(owner, to, tokenId);
    }

    function setApprovalForAll(address operator, bool approved) external {
        if (operator == address(0)) revert ERC721InvalidOperator(operator);
        _operators[msg.sender][operator] = approved;
        emit ApprovalForAll(msg.sender, operator, approved);
    }

    function transferFrom(address from, address to, uint256 tokenId) public {
        if (to == address(0)) revert ERC721InvalidReceiver(address(0));
        address previous = _update(to, tokenId, msg.sender);
        if (previous != from) revert ERC721IncorrectOwner(from, tokenId, previous);
    }

    function safeTransferFrom(address from, address to, uint256 tokenId) external {
        safeTransferFrom(from, to, tokenId, "");
    }

    function safeTransferFrom(address from, address to, uint256 tokenId, bytes memory data) public {
        transferFrom(from, to, tokenId);
        if (to.code.length == 0) return;
        try TicketReceiver(to).onERC721Received(msg.sender, from, tokenId, data) returns (bytes4 answer) {
            if (answer != TicketReceiver.onERC721Received.selector) revert ERC721InvalidReceiver(to);
        } catch (bytes memory reason) {
            if (reason.length == 0) revert ERC721InvalidReceiver(to);
            assembly ("memory-safe") {
                revert(add(reason, 0x20), mload(reason))
            }
        }
    }

    function _requireOwned(uint256 tokenId) private view returns (address owner) {
        owner = _owners[tokenId];
        if (owner == address(0)) revert ERC721NonexistentToken(tokenId);
    }

    function _mint(address to, uint256 tokenId) private {
        if (to == address(0)) revert ERC721InvalidReceiver(address(0));
        _update(to, tokenId, address(0));
    }

    /// @dev OZ v5 ERC721._update: checks `auth` (unless 0), clears the approval, moves the ticket, emits Transfer;
    ///      returns the previous owner (ERC721NonexistentToken when there was none and `auth` is set).
    function _update(address to, uint256 tokenId, address auth) private returns (address from) {
        from = _owners[tokenId];
        if (auth != address(0)) {
            bool allowed = from == auth || isApprovedForAll(from, auth) || _approvals[tokenId] == auth;
            if (!allowed) {
                if (from == address(0)) revert ERC721NonexistentToken(tokenId);
                revert ERC721InsufficientApproval(auth, tokenId);
            }
        }
        if (from != address(0)) {
            delete _approvals[tokenId];
            _ticketCounts[from] -= 1;
        }
        _ticketCounts[to] += 1;
        _owners[tokenId] = to;
        emit Transfer(from, to, tokenId);
    }
}
