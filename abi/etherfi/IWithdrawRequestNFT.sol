// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title IWithdrawRequestNFT
/// @notice ether.fi withdrawal requests as ERC-721 tokens (UUPS proxy), after the 26Q2 security upgrade:
///         claims are permissionless and pay the token owner at the rate frozen at finalization. The
///         request events lost their trailing `fee` in that upgrade (older logs have other topics).
interface IWithdrawRequestNFT {
    /// @notice A request; feeGwei is legacy (0 for new requests); all zero once claimed.
    struct WithdrawRequest {
        uint96 amountOfEEth;
        uint96 shareOfEEth;
        bool isValid;
        uint32 feeGwei;
    }

    // ---------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------

    event WithdrawRequestCreated(uint32 indexed requestId, uint256 amountOfEEth, uint256 shareOfEEth, address owner);
    event WithdrawRequestClaimed(uint32 indexed requestId, uint256 amountOfEEth, uint256 shareOfEEth, address owner);
    event WithdrawRequestInvalidated(uint32 indexed requestId);
    event WithdrawRequestValidated(uint32 indexed requestId);
    event WithdrawRequestSeized(uint32 indexed requestId);
    event Transfer(address indexed from, address indexed to, uint256 indexed tokenId);
    event Approval(address indexed owner, address indexed approved, uint256 indexed tokenId);
    event ApprovalForAll(address indexed owner, address indexed operator, bool approved);

    // ---------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------

    error IncorrectCaller();
    error RequestValid();
    error RequestNotValid();
    error RequestNotFound();
    error CannotUndoFinalization();
    error CannotFinalizeFutureRequests();
    error CannotInvalidateFinalizedRequest();
    error RequestAmountGreaterThanAvailableLiquidity();
    error InsufficientEscrow();
    error EthTransferFailed();
    error RequestNotFinalized();
    error AlreadyInitialized();
    error NotInitialized();

    // ---------------------------------------------------------------------
    // Requests
    // ---------------------------------------------------------------------

    function getRequest(uint256 requestId) external view returns (WithdrawRequest memory);

    /// @notice Reverts RequestNotFinalized() before finalization.
    function getClaimableAmount(uint256 tokenId) external view returns (uint256);
    function isFinalized(uint256 requestId) external view returns (bool);

    /// @notice Reverts RequestNotFound() for a token that does not exist (e.g. claimed).
    function isValid(uint256 requestId) external view returns (bool);
    function lastFinalizedRequestId() external view returns (uint32);
    function nextRequestId() external view returns (uint32);
    function ethAmountLockedForWithdrawal() external view returns (uint128);

    /// @notice The ether-per-share rate frozen when `tokenId` was finalized (0 before the upgrade).
    function frozenRateFor(uint256 tokenId) external view returns (uint224);

    /// @dev Result type not given by our sources; uint256 assumed.
    function finalizationRatesLength() external view returns (uint256);

    /// @notice Permissionless; the ether goes to ownerOf(tokenId). A claimed or unknown id reverts in ownerOf
    ///         with Error("ERC721: invalid token ID").
    function claimWithdraw(uint256 tokenId) external;
    function batchClaimWithdraw(uint256[] calldata tokenIds) external;

    // ---------------------------------------------------------------------
    // Protocol and administration
    // ---------------------------------------------------------------------

    /// @notice Only the LiquidityPool.
    function requestWithdraw(uint96 amountOfEEth, uint96 shareOfEEth, address recipient) external returns (uint256);

    /// @notice Only EtherFiAdmin (oracle path).
    function finalizeRequests(uint256 requestId) external;
    function invalidateRequest(uint256 requestId) external;
    function validateRequest(uint256 requestId) external;
    function seizeInvalidRequest(uint256 requestId, address recipient) external;

    // ---------------------------------------------------------------------
    // ERC-721
    // ---------------------------------------------------------------------

    function name() external view returns (string memory);
    function symbol() external view returns (string memory);
    function tokenURI(uint256 tokenId) external view returns (string memory);
    function balanceOf(address owner) external view returns (uint256);
    function ownerOf(uint256 tokenId) external view returns (address);
    function getApproved(uint256 tokenId) external view returns (address);
    function isApprovedForAll(address owner, address operator) external view returns (bool);
    function approve(address to, uint256 tokenId) external;
    function setApprovalForAll(address operator, bool approved) external;
    function transferFrom(address from, address to, uint256 tokenId) external;
    function safeTransferFrom(address from, address to, uint256 tokenId) external;
    function safeTransferFrom(address from, address to, uint256 tokenId, bytes calldata data) external;
    function supportsInterface(bytes4 interfaceId) external view returns (bool);
}
