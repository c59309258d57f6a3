// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title IWithdrawalQueue
/// @notice The exit queue of one Symbiotic Core V2 vault. Each request is an ERC-721 ticket (not enumerable)
///         over a number of vault shares. Requests are filled first in, first out as the delegator frees
///         assets; a share's asset value is fixed when it is filled, and until then it keeps the vault's
///         gains and losses (slashing included). The ticket owner claims what is filled, in as many parts
///         as needed.
interface IWithdrawalQueue {
    // ---------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------

    /// @notice ERC-721: ticket `tokenId` moved from `from` to `to` (4 topics, unlike the share token's Transfer).
    event Transfer(address indexed from, address indexed to, uint256 indexed tokenId);

    /// @notice ERC-721: `owner` let `approved` move ticket `tokenId`.
    event Approval(address indexed owner, address indexed approved, uint256 indexed tokenId);

    /// @notice ERC-721: `owner` let (or stopped letting) `operator` move all its tickets.
    event ApprovalForAll(address indexed owner, address indexed operator, bool approved);

    /// @notice `requester` queued `shares`; ticket `tokenId` was minted to `receiver`. Index this (receiver is
    ///         indexed) with the Transfer logs to list a user's requests.
    event RequestRedeem(address indexed requester, address indexed receiver, uint256 shares, uint256 indexed tokenId);

    /// @notice `receiver` was paid `assetsClaimed` for `sharesClaimed` of ticket `tokenId`.
    event Claim(uint256 indexed tokenId, address indexed receiver, uint256 assetsClaimed, uint256 sharesClaimed);

    /// @notice Pending `shares` were redeemed for `assets` at the current share price.
    event Fill(uint256 assets, uint256 shares);

    // ---------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------

    /// @notice The caller does not own the ticket.
    error NotTokenOwner();

    /// @notice A request of zero shares.
    error ZeroShares();

    /// @notice `owner` is not a valid ticket owner (e.g. the zero address).
    error ERC721InvalidOwner(address owner);

    /// @notice No ticket `tokenId` exists.
    error ERC721NonexistentToken(uint256 tokenId);

    /// @notice `sender` is not the owner (`owner`) of ticket `tokenId`.
    error ERC721IncorrectOwner(address sender, uint256 tokenId, address owner);

    /// @notice `sender` is not a valid sender (e.g. the zero address).
    error ERC721InvalidSender(address sender);

    /// @notice `receiver` is not a valid receiver (the zero address, or a contract refusing ERC-721 tokens).
    error ERC721InvalidReceiver(address receiver);

    /// @notice `operator` may not move ticket `tokenId`.
    error ERC721InsufficientApproval(address operator, uint256 tokenId);

    /// @notice `approver` is not a valid approver.
    error ERC721InvalidApprover(address approver);

    /// @notice `operator` is not a valid operator (e.g. the zero address).
    error ERC721InvalidOperator(address operator);

    /// @notice A transfer of `token` failed.
    error SafeERC20FailedOperation(address token);

    // ---------------------------------------------------------------------
    // Requests
    // ---------------------------------------------------------------------

    /// @notice Queues `shares` and mints a ticket to `receiver`. Pulls the shares with transferFrom, so first
    ///         approve this queue on the vault's share token. Then sweeps the delegator, which may fill the
    ///         request in the same transaction.
    function requestRedeem(uint256 shares, address receiver) external returns (uint256 tokenId);

    /// @notice Pays `receiver` what is filled and unclaimed of ticket `tokenId` (ticket owner only). Does not
    ///         revert when nothing is claimable: it pays 0.
    function claim(uint256 tokenId, address receiver) external returns (uint256 assetsClaimed, uint256 sharesClaimed);

    /// @notice What claim would pay now for ticket `tokenId`.
    function claimable(uint256 tokenId) external view returns (uint256 assetsClaimed, uint256 sharesClaimed);

    /// @notice Whether ticket `tokenId` is fully claimed.
    function isClaimed(uint256 tokenId) external view returns (bool claimed);

    /// @notice Ticket `tokenId`: shares requested, shares claimed, and its FIFO position (shares requested
    ///         before it).
    function requests(uint256 tokenId)
        external
        view
        returns (uint256 shares, uint256 sharesClaimed, uint256 prevRequestSum);

    /// @notice Permissionless: redeems pending shares up to the vault's withdrawable() at the current price.
    function fill() external returns (uint256 assets, uint256 shares);

    // ---------------------------------------------------------------------
    // Queue state
    // ---------------------------------------------------------------------

    /// @notice Shares requested and not yet filled.
    function pendingShares() external view returns (uint256 shares);

    /// @notice Current asset value of the pending shares.
    function pendingAssets() external view returns (uint256 assets);

    /// @notice Cumulative shares ever requested.
    function totalRequested() external view returns (uint256 requested);

    /// @notice Number of tickets ever minted.
    function totalRequests() external view returns (uint256 count);

    /// @notice Cumulative shares ever filled.
    function totalFilled() external view returns (uint256 filled);

    /// @notice The vault this queue serves.
    function vault() external view returns (address vaultToken);

    // ---------------------------------------------------------------------
    // ERC-721 tickets
    // ---------------------------------------------------------------------

    /// @notice Ticket collection name (derived from the vault's name).
    function name() external view returns (string memory);

    /// @notice Ticket collection symbol (derived from the vault's symbol).
    function symbol() external view returns (string memory);

    /// @notice Metadata URI of ticket `tokenId`.
    function tokenURI(uint256 tokenId) external view returns (string memory);

    /// @notice Number of tickets `owner` holds.
    function balanceOf(address owner) external view returns (uint256 balance);

    /// @notice Owner of ticket `tokenId`; reverts ERC721NonexistentToken for an unknown id.
    function ownerOf(uint256 tokenId) external view returns (address owner);

    /// @notice Moves ticket `tokenId`, checking that a contract `to` accepts it, passing `data`.
    function safeTransferFrom(address from, address to, uint256 tokenId, bytes calldata data) external;

    /// @notice Moves ticket `tokenId`, checking that a contract `to` accepts it.
    function safeTransferFrom(address from, address to, uint256 tokenId) external;

    /// @notice Moves ticket `tokenId` without the receiver check.
    function transferFrom(address from, address to, uint256 tokenId) external;

    /// @notice Lets `to` move ticket `tokenId`.
    function approve(address to, uint256 tokenId) external;

    /// @notice Lets (or stops letting) `operator` move all the caller's tickets.
    function setApprovalForAll(address operator, bool approved) external;

    /// @notice Account approved for ticket `tokenId`.
    function getApproved(uint256 tokenId) external view returns (address operator);

    /// @notice Whether `operator` may move all of `owner`'s tickets.
    function isApprovedForAll(address owner, address operator) external view returns (bool);

    /// @notice ERC-165 interface check.
    function supportsInterface(bytes4 interfaceId) external view returns (bool);
}
