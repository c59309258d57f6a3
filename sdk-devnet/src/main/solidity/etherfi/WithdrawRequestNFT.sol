// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IWithdrawRequestNFT} from "abi/etherfi/IWithdrawRequestNFT.sol";
import {FixtureUnsupported} from "../eigenlayer/FixtureSupport.sol";

/// @dev The pool calls the NFT contract makes.
interface IPoolForWithdrawRequestNFT {
    function amountPerShareCeil() external view returns (uint256);
    function withdraw(uint256 amount, uint256 share) external;
}

/// @dev The blacklist check the NFT contract makes.
interface IBlacklisterForWithdrawRequestNFT {
    function nonBlacklisted(address user) external view;
}

interface IERC721ReceiverForWithdrawRequestNFT {
    function onERC721Received(address operator, address from, uint256 tokenId, bytes calldata data)
        external
        returns (bytes4);
}

/// @title WithdrawRequestNFT (devnet fixture)
/// @notice ether.fi withdrawal requests as ERC-721 tokens ("Withdraw Request NFT"), in their 26Q2 form.
///         A request (minted by the LiquidityPool, ids from 1 up) holds `amountOfEEth` and
///         `shareOfEEth = sharesForAmount(amount)`; `totalRequestedWithdrawalAmount(id)` is the running sum of
///         the amounts requested up to `id`. As upstream:
///         - `finalizeRequests(id)` (EtherFiAdmin only) finalizes every request up to `id` and, if `id` is new,
///           freezes the pool's `amountPerShareCeil()` for them (a checkpoint); finalizing the last id again is a
///           no-op, a lower id reverts `CannotUndoFinalization()`, a future one `CannotFinalizeFutureRequests()`.
///           It moves no ether: EtherFiAdmin then escrows `getFinalizedWithdrawalAmount(id)` (the full
///           `amountOfEEth` of the newly finalized requests, read before finalizing) through the pool's
///           `addEthAmountLockedForWithdrawal`, which sends it here (`receive()`, from the pool only, adds it to
///           `ethAmountLockedForWithdrawal`).
///         - A finalized request can claim `min(amountOfEEth, shareOfEEth * frozenRate / 1e18)` (floor), so holders
///           never gain from rewards while queued but share losses up to finalization. Claims are permissionless
///           (the caller must not be blacklisted) and pay `ownerOf(tokenId)`; a claim burns the token, deletes
///           the request, takes the request's full `amountOfEEth` off the escrow (`InsufficientEscrow()` if the
///           escrow is below the payout), has the pool burn the request's full `shareOfEEth`
///           (`LiquidityPool.withdraw(paid, shares)`), pays, and sweeps the ether left above the escrow back to
///           the pool. `WithdrawRequestClaimed` reports the ether paid and the request's shares.
///         - A claimed or unknown id fails in `ownerOf` with `Error("ERC721: invalid token ID")` (claims and
///           `getClaimableAmount` of a finalized id alike); `isValid` of such an id reverts `RequestNotFound()`.
///         - The rate checkpoints start with the upgrade's sentinel (id 0, rate 0), as on mainnet, so
///           `finalizationRatesLength()` is one more than the finalizations; `frozenRateFor(id)` is the rate of
///           the first finalization covering `id`, 0 while none does.
///         - Mints, transfers and burns check the Blacklister for `from` and `to` (`BlacklistedUser(address)`).
///         Events and custom errors as upstream (current signatures), ERC-721 with OpenZeppelin 4 revert strings;
///         mints use the safe-mint receiver check.
/// @dev Devnet semantics (deviations from ether.fi):
///      - EtherFiAdmin is the devnet's EtherFiAdmin fixture, driven by the deployer (no oracle committee, no
///        daily or per-report request cap).
///      - Requests are always valid: `invalidateRequest`, `validateRequest` and `seizeInvalidRequest` revert
///        `NotSupportedByFixture(name)`. Never paused (upstream: requests are `whenNotPaused` here too), no
///        legacy (pre-upgrade) requests, not upgradeable.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract WithdrawRequestNFT is IWithdrawRequestNFT, FixtureUnsupported {
    struct FinalizationRate {
        uint32 lastRequestId;
        uint224 rate;
    }

    uint256 public constant SHARE_UNIT = 1e18;

    address public immutable etherFiAdmin;
    IPoolForWithdrawRequestNFT private immutable _pool;
    IBlacklisterForWithdrawRequestNFT public immutable blacklister;

    string private _name = "Withdraw Request NFT"; // storage, so the getters are `view` as upstream
    string private _symbol = "WithdrawRequestNFT";

    uint32 public nextRequestId = 1;
    uint32 public lastFinalizedRequestId;
    uint128 public ethAmountLockedForWithdrawal;
    mapping(uint256 => uint256) public totalRequestedWithdrawalAmount;
    FinalizationRate[] private _rates;
    mapping(uint256 => WithdrawRequest) private _requests;
    mapping(uint256 => address) private _owners;
    mapping(address => uint256) private _balances;
    mapping(uint256 => address) private _tokenApprovals;
    mapping(address => mapping(address => bool)) private _operatorApprovals;
    uint256 private _entered = 1;

    constructor(address liquidityPool_, address blacklister_, address etherFiAdmin_) {
        _pool = IPoolForWithdrawRequestNFT(liquidityPool_);
        blacklister = IBlacklisterForWithdrawRequestNFT(blacklister_);
        etherFiAdmin = etherFiAdmin_;
        _rates.push(FinalizationRate(0, 0)); // the share-rate-freeze upgrade's sentinel
    }

    modifier nonReentrant() {
        require(_entered == 1, "ReentrancyGuard: reentrant call");
        _entered = 2;
        _;
        _entered = 1;
    }

    /// @notice Only the pool sends ether here (the finalization escrow).
    receive() external payable {
        if (msg.sender != address(_pool)) revert IncorrectCaller();
        ethAmountLockedForWithdrawal += uint128(msg.value);
        _checkEthAmountLockedForWithdrawal();
    }

    function liquidityPool() external view returns (address) {
        return address(_pool);
    }

    // ------------------------------------------------------------------ requests

    /// @notice Only the LiquidityPool, which has moved the eETH here already.
    function requestWithdraw(uint96 amountOfEEth, uint96 shareOfEEth, address recipient) external returns (uint256) {
        if (msg.sender != address(_pool)) revert IncorrectCaller();
        uint256 requestId = nextRequestId++;
        _requests[requestId] = WithdrawRequest(amountOfEEth, shareOfEEth, true, 0);
        totalRequestedWithdrawalAmount[requestId] = totalRequestedWithdrawalAmount[requestId - 1] + amountOfEEth;
        _mint(recipient, requestId);
        emit WithdrawRequestCreated(uint32(requestId), amountOfEEth, shareOfEEth, recipient);
        return requestId;
    }

    function getRequest(uint256 requestId) external view returns (WithdrawRequest memory) {
        return _requests[requestId];
    }

    function isFinalized(uint256 requestId) public view returns (bool) {
        return requestId <= lastFinalizedRequestId;
    }

    function isValid(uint256 requestId) external view returns (bool) {
        if (_owners[requestId] == address(0)) revert RequestNotFound();
        return _requests[requestId].isValid;
    }

    /// @notice min(amountOfEEth, shareOfEEth * frozenRate / 1e18); reverts RequestNotFinalized() before
    ///         finalization and Error("ERC721: invalid token ID") once claimed.
    function getClaimableAmount(uint256 tokenId) public view returns (uint256) {
        if (tokenId > lastFinalizedRequestId) revert RequestNotFinalized();
        ownerOf(tokenId);
        WithdrawRequest memory request = _requests[tokenId];
        uint256 rate = frozenRateFor(tokenId);
        if (rate == 0) rate = _pool.amountPerShareCeil(); // upstream's legacy path (no such requests here)
        uint256 atRate = uint256(request.shareOfEEth) * rate / SHARE_UNIT;
        return atRate < request.amountOfEEth ? atRate : request.amountOfEEth;
    }

    /// @notice The ether the requests after the last finalized one, up to `requestId`, asked for.
    function getFinalizedWithdrawalAmount(uint32 requestId) external view returns (uint128) {
        return uint128(totalRequestedWithdrawalAmount[requestId] - totalRequestedWithdrawalAmount[lastFinalizedRequestId]);
    }

    /// @notice The rate of the first finalization whose last id is at least `tokenId`; 0 if none.
    function frozenRateFor(uint256 tokenId) public view returns (uint224) {
        uint256 lo = 0;
        uint256 hi = _rates.length;
        while (lo < hi) { // the first checkpoint whose lastRequestId >= tokenId
            uint256 mid = (lo + hi) / 2;
            if (_rates[mid].lastRequestId >= tokenId) hi = mid;
            else lo = mid + 1;
        }
        return lo == _rates.length ? 0 : _rates[lo].rate;
    }

    function finalizationRatesLength() external view returns (uint256) {
        return _rates.length;
    }

    // ------------------------------------------------------------------ finalization (EtherFiAdmin)

    function finalizeRequests(uint256 requestId) external {
        if (msg.sender != etherFiAdmin) revert IncorrectCaller();
        if (requestId < lastFinalizedRequestId) revert CannotUndoFinalization();
        if (requestId >= nextRequestId) revert CannotFinalizeFutureRequests();
        if (requestId > lastFinalizedRequestId) {
            _rates.push(FinalizationRate(uint32(requestId), uint224(_pool.amountPerShareCeil())));
        }
        lastFinalizedRequestId = uint32(requestId);
    }

    // ------------------------------------------------------------------ claims (permissionless)

    function claimWithdraw(uint256 tokenId) external nonReentrant {
        blacklister.nonBlacklisted(msg.sender);
        _claim(tokenId);
    }

    function batchClaimWithdraw(uint256[] calldata tokenIds) external nonReentrant {
        blacklister.nonBlacklisted(msg.sender);
        for (uint256 i = 0; i < tokenIds.length; ++i) {
            _claim(tokenIds[i]);
        }
    }

    function _claim(uint256 tokenId) private {
        address recipient = ownerOf(tokenId); // a claimed (burnt) or unknown id: Error("ERC721: invalid token ID")
        WithdrawRequest memory request = _requests[tokenId];
        if (!request.isValid) revert RequestNotValid();
        uint256 amount = getClaimableAmount(tokenId);

        _burn(tokenId, recipient);
        delete _requests[tokenId];

        if (ethAmountLockedForWithdrawal < amount) revert InsufficientEscrow();
        ethAmountLockedForWithdrawal -= uint128(request.amountOfEEth); // the full amount, as upstream

        _pool.withdraw(amount, request.shareOfEEth);

        (bool sent,) = recipient.call{value: amount}("");
        if (!sent) revert EthTransferFailed();

        if (address(this).balance > ethAmountLockedForWithdrawal) { // what the escrow no longer needs
            (bool swept,) = address(_pool).call{value: address(this).balance - ethAmountLockedForWithdrawal}("");
            if (!swept) revert EthTransferFailed();
        }
        _checkEthAmountLockedForWithdrawal();

        emit WithdrawRequestClaimed(uint32(tokenId), amount, request.shareOfEEth, recipient);
    }

    function _checkEthAmountLockedForWithdrawal() private view {
        if (address(this).balance < ethAmountLockedForWithdrawal) revert InsufficientEscrow();
    }

    // ------------------------------------------------------------------ ERC-721

    function name() external view returns (string memory) {
        return _name;
    }

    function symbol() external view returns (string memory) {
        return _symbol;
    }

    /// @notice "" for every existing token (no base URI on the devnet).
    function tokenURI(uint256 tokenId) external view returns (string memory) {
        ownerOf(tokenId);
        return "";
    }

    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return interfaceId == 0x01ffc9a7 || interfaceId == 0x80ac58cd || interfaceId == 0x5b5e139f;
    }

    function balanceOf(address owner) external view returns (uint256) {
        require(owner != address(0), "ERC721: address zero is not a valid owner");
        return _balances[owner];
    }

    function ownerOf(uint256 tokenId) public view returns (address) {
        address owner = _owners[tokenId];
        require(owner != address(0), "ERC721: invalid token ID");
        return owner;
    }

    function getApproved(uint256 tokenId) external view returns (address) {
        ownerOf(tokenId);
        return _tokenApprovals[tokenId];
    }

    function isApprovedForAll(address owner, address operator) public view returns (bool) {
        return _operatorApprovals[owner][operator];
    }

    function approve(address to, uint256 tokenId) external {
        address owner = ownerOf(tokenId);
        require(to != owner, "ERC721: approval to current owner");
        require(msg.sender == owner || isApprovedForAll(owner, msg.sender),
            "ERC721: approve caller is not token owner or approved for all");
        _tokenApprovals[tokenId] = to;
        emit Approval(owner, to, tokenId);
    }

    function setApprovalForAll(address operator, bool approved) external {
        require(operator != msg.sender, "ERC721: approve to caller");
        _operatorApprovals[msg.sender][operator] = approved;
        emit ApprovalForAll(msg.sender, operator, approved);
    }

    function transferFrom(address from, address to, uint256 tokenId) external {
        _transfer(from, to, tokenId);
    }

    function safeTransferFrom(address from, address to, uint256 tokenId) external {
        safeTransferFrom(from, to, tokenId, "");
    }

    function safeTransferFrom(address from, address to, uint256 tokenId, bytes memory data) public {
        _transfer(from, to, tokenId);
        _checkReceiver(from, to, tokenId, data);
    }

    function _transfer(address from, address to, uint256 tokenId) private {
        address owner = ownerOf(tokenId);
        require(msg.sender == owner || isApprovedForAll(owner, msg.sender) || _tokenApprovals[tokenId] == msg.sender,
            "ERC721: caller is not token owner or approved");
        require(owner == from, "ERC721: transfer from incorrect owner");
        require(to != address(0), "ERC721: transfer to the zero address");
        _beforeTokenTransfer(from, to);
        delete _tokenApprovals[tokenId];
        _balances[from] -= 1;
        _balances[to] += 1;
        _owners[tokenId] = to;
        emit Transfer(from, to, tokenId);
    }

    function _mint(address to, uint256 tokenId) private {
        require(to != address(0), "ERC721: mint to the zero address");
        _beforeTokenTransfer(address(0), to);
        _balances[to] += 1;
        _owners[tokenId] = to;
        emit Transfer(address(0), to, tokenId);
        _checkReceiver(address(0), to, tokenId, "");
    }

    function _burn(uint256 tokenId, address owner) private {
        _beforeTokenTransfer(owner, address(0));
        delete _tokenApprovals[tokenId];
        _balances[owner] -= 1;
        delete _owners[tokenId];
        emit Transfer(owner, address(0), tokenId);
    }

    /// @dev Upstream's hook: neither side may be blacklisted (requests are always valid here).
    function _beforeTokenTransfer(address from, address to) private view {
        blacklister.nonBlacklisted(from);
        blacklister.nonBlacklisted(to);
    }

    function _checkReceiver(address from, address to, uint256 tokenId, bytes memory data) private {
        if (to.code.length == 0) return;
        try IERC721ReceiverForWithdrawRequestNFT(to).onERC721Received(msg.sender, from, tokenId, data) returns (
            bytes4 retval
        ) {
            require(retval == IERC721ReceiverForWithdrawRequestNFT.onERC721Received.selector,
                "ERC721: transfer to non ERC721Receiver implementer");
        } catch {
            revert("ERC721: transfer to non ERC721Receiver implementer");
        }
    }

    // ------------------------------------------------------------------ not supported

    function invalidateRequest(uint256) external {
        _unsupported("invalidateRequest");
    }

    function validateRequest(uint256) external {
        _unsupported("validateRequest");
    }

    function seizeInvalidRequest(uint256, address) external {
        _unsupported("seizeInvalidRequest");
    }
}
