// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IWithdrawRequestNFT} from "abi/etherfi/IWithdrawRequestNFT.sol";
import {FixtureUnsupported} from "../eigenlayer/FixtureSupport.sol";

/// @dev The pool calls the NFT contract makes.
interface IPoolForWithdrawRequestNFT {
    function amountPerShareCeil() external view returns (uint256);
    function addEthAmountLockedForWithdrawal(uint128 amount) external;
    function devnetClaimWithdrawal(uint256 shareOfEEth, uint256 amountPaid) external returns (uint256);
}

interface IERC721ReceiverForWithdrawRequestNFT {
    function onERC721Received(address operator, address from, uint256 tokenId, bytes calldata data)
        external
        returns (bytes4);
}

/// @title WithdrawRequestNFT (devnet fixture)
/// @notice ether.fi withdrawal requests as ERC-721 tokens ("Withdraw Request NFT"), in their 26Q2 form:
///         a request (minted by the LiquidityPool, ids from 1 up) holds `amountOfEEth` and
///         `shareOfEEth = sharesForAmount(amount)`; finalization up to an id freezes the pool's
///         `amountPerShareCeil()` for those requests and escrows what they can claim here; a finalized
///         request can claim `min(amountOfEEth, shareOfEEth * frozenRate / 1e18)` (floor), so holders never
///         gain from rewards while queued but share losses up to finalization. Claims are permissionless and
///         pay `ownerOf(tokenId)`; they burn the token, burn `sharesForWithdrawalAmount(paid)` of the request's
///         eETH shares (rounded up, at most all of them; the rest stays here as `totalRemainderEEthShares`)
///         and delete the request. `WithdrawRequestClaimed` reports the ether paid and the shares burnt.
///         Claiming a claimed or unknown id fails in `ownerOf` with `Error("ERC721: invalid token ID")`, as
///         upstream; `isValid` of such an id reverts `RequestNotFound()`.
///         Events and custom errors as upstream (current signatures), ERC-721 with OpenZeppelin 4 revert
///         strings; mints use the safe-mint receiver check.
/// @dev Devnet semantics (deviations from ether.fi):
///      - `finalizeRequests(lastId)` may be called by the deployer (upstream: EtherFiAdmin on an oracle
///        report) and escrows the exact sum the requests can claim; there is no daily cap and no
///        per-report request cap.
///      - The remainder shares are only counted; upstream's `handleRemainder` (burn / treasury) is not modelled.
///      - Requests are always valid: `invalidateRequest`, `validateRequest` and `seizeInvalidRequest`
///        revert `NotSupportedByFixture(name)`. Never paused, no blacklist, no fee, not upgradeable.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract WithdrawRequestNFT is IWithdrawRequestNFT, FixtureUnsupported {
    struct FinalizationRate {
        uint32 lastRequestId;
        uint224 rate;
    }

    /// @notice The account allowed to finalize (the deployer).
    address public immutable devnetAdmin;
    IPoolForWithdrawRequestNFT private immutable _pool;

    string private _name = "Withdraw Request NFT"; // storage, so the getters are `view` as upstream
    string private _symbol = "WithdrawRequestNFT";

    uint32 public nextRequestId = 1;
    uint32 public lastFinalizedRequestId;
    uint128 public ethAmountLockedForWithdrawal;
    /// @notice Shares of claimed requests left over after their burn (the value of rewards a request did not
    ///         get); they stay with this contract (upstream: for `handleRemainder`, not modelled).
    uint256 public totalRemainderEEthShares;
    FinalizationRate[] private _rates;
    mapping(uint256 => WithdrawRequest) private _requests;
    mapping(uint256 => address) private _owners;
    mapping(address => uint256) private _balances;
    mapping(uint256 => address) private _tokenApprovals;
    mapping(address => mapping(address => bool)) private _operatorApprovals;
    uint256 private _entered = 1;

    constructor(address liquidityPool_) {
        devnetAdmin = msg.sender;
        _pool = IPoolForWithdrawRequestNFT(liquidityPool_);
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
    }

    // ------------------------------------------------------------------ requests

    /// @notice Only the LiquidityPool, which has moved the eETH here already.
    function requestWithdraw(uint96 amountOfEEth, uint96 shareOfEEth, address recipient) external returns (uint256) {
        if (msg.sender != address(_pool)) revert IncorrectCaller();
        uint256 requestId = nextRequestId++;
        _requests[requestId] = WithdrawRequest(amountOfEEth, shareOfEEth, true, 0);
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

    /// @notice min(amountOfEEth, shareOfEEth * frozenRate / 1e18); 0 once claimed.
    function getClaimableAmount(uint256 tokenId) public view returns (uint256) {
        if (!isFinalized(tokenId)) revert RequestNotFinalized();
        return _claimable(_requests[tokenId], frozenRateFor(tokenId));
    }

    function _claimable(WithdrawRequest memory request, uint256 rate) private pure returns (uint256) {
        uint256 atRate = uint256(request.shareOfEEth) * rate / 1e18;
        return atRate < request.amountOfEEth ? atRate : request.amountOfEEth;
    }

    /// @notice The rate frozen by the finalization that covered `tokenId`; 0 if not finalized.
    function frozenRateFor(uint256 tokenId) public view returns (uint224) {
        if (tokenId == 0 || !isFinalized(tokenId)) return 0;
        uint256 lo = 0;
        uint256 hi = _rates.length - 1;
        while (lo < hi) { // the first finalization whose lastRequestId >= tokenId
            uint256 mid = (lo + hi) / 2;
            if (_rates[mid].lastRequestId >= tokenId) hi = mid;
            else lo = mid + 1;
        }
        return _rates[lo].rate;
    }

    function finalizationRatesLength() external view returns (uint256) {
        return _rates.length;
    }

    // ------------------------------------------------------------------ finalization (devnet oracle)

    /// @notice Finalizes every request up to `requestId` at the pool's current amountPerShareCeil() and
    ///         escrows the ether they can claim. Only the deployer.
    function finalizeRequests(uint256 requestId) external nonReentrant {
        if (msg.sender != devnetAdmin) revert IncorrectCaller();
        if (requestId <= lastFinalizedRequestId) revert CannotUndoFinalization();
        if (requestId >= nextRequestId) revert CannotFinalizeFutureRequests();
        uint256 rate = _pool.amountPerShareCeil();
        uint256 toLock;
        for (uint256 id = uint256(lastFinalizedRequestId) + 1; id <= requestId; ++id) {
            toLock += _claimable(_requests[id], rate);
        }
        lastFinalizedRequestId = uint32(requestId);
        _rates.push(FinalizationRate(uint32(requestId), uint224(rate)));
        ethAmountLockedForWithdrawal += uint128(toLock);
        _pool.addEthAmountLockedForWithdrawal(uint128(toLock));
    }

    // ------------------------------------------------------------------ claims (permissionless)

    function claimWithdraw(uint256 tokenId) external nonReentrant {
        _claim(tokenId);
    }

    function batchClaimWithdraw(uint256[] calldata tokenIds) external nonReentrant {
        for (uint256 i = 0; i < tokenIds.length; ++i) {
            _claim(tokenIds[i]);
        }
    }

    function _claim(uint256 tokenId) private {
        address owner = ownerOf(tokenId); // a claimed (burnt) or unknown id: Error("ERC721: invalid token ID")
        if (!isFinalized(tokenId)) revert RequestNotFinalized();
        WithdrawRequest memory request = _requests[tokenId];
        if (!request.isValid) revert RequestNotValid();
        uint256 amount = _claimable(request, frozenRateFor(tokenId));
        if (amount > ethAmountLockedForWithdrawal || amount > address(this).balance) revert InsufficientEscrow();
        delete _requests[tokenId];
        _burn(tokenId, owner);
        ethAmountLockedForWithdrawal -= uint128(amount);
        uint256 burnt = _pool.devnetClaimWithdrawal(request.shareOfEEth, amount);
        totalRemainderEEthShares += request.shareOfEEth - burnt;
        (bool sent,) = owner.call{value: amount}("");
        if (!sent) revert EthTransferFailed();
        emit WithdrawRequestClaimed(uint32(tokenId), amount, burnt, owner);
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
        delete _tokenApprovals[tokenId];
        _balances[from] -= 1;
        _balances[to] += 1;
        _owners[tokenId] = to;
        emit Transfer(from, to, tokenId);
    }

    function _mint(address to, uint256 tokenId) private {
        require(to != address(0), "ERC721: mint to the zero address");
        _balances[to] += 1;
        _owners[tokenId] = to;
        emit Transfer(address(0), to, tokenId);
        _checkReceiver(address(0), to, tokenId, "");
    }

    function _burn(uint256 tokenId, address owner) private {
        delete _tokenApprovals[tokenId];
        _balances[owner] -= 1;
        delete _owners[tokenId];
        emit Transfer(owner, address(0), tokenId);
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
