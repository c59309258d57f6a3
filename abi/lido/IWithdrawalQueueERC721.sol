// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title IWithdrawalQueueERC721
/// @notice Lido's withdrawal queue ("unstETH"): stETH or wstETH go in as requests, one ERC-721 token
///         each; the oracle finalizes a prefix of the queue, appending a checkpoint; the token owner
///         claims the ether with checkpoint hints, which burns the token. Also ERC-4906 metadata events,
///         role-based access and pause-until.
interface IWithdrawalQueueERC721 {
    // ---------------------------------------------------------------------
    // Types
    // ---------------------------------------------------------------------

    /// @notice A request as getWithdrawalStatus reports it (amountOfStETH is in stETH even for wstETH requests).
    struct WithdrawalRequestStatus {
        uint256 amountOfStETH;
        uint256 amountOfShares;
        address owner;
        uint256 timestamp;
        bool isFinalized;
        bool isClaimed;
    }

    /// @notice An EIP-2612 permit of msg.sender for this queue, used by the ...WithPermit requests.
    struct PermitInput {
        uint256 value;
        uint256 deadline;
        uint8 v;
        bytes32 r;
        bytes32 s;
    }

    /// @notice Working state of calculateFinalizationBatches, passed back in until finished.
    struct BatchesCalculationState {
        uint256 remainingEthBudget;
        bool finished;
        uint256[36] batches;
        uint256 batchesLength;
    }

    // ---------------------------------------------------------------------
    // Events: queue
    // ---------------------------------------------------------------------

    event WithdrawalRequested(uint256 indexed requestId, address indexed requestor, address indexed owner, uint256 amountOfStETH, uint256 amountOfShares);
    event WithdrawalsFinalized(uint256 indexed from, uint256 indexed to, uint256 amountOfETHLocked, uint256 sharesToBurn, uint256 timestamp);
    event WithdrawalClaimed(uint256 indexed requestId, address indexed owner, address indexed receiver, uint256 amountOfETH);
    event BunkerModeEnabled(uint256 _sinceTimestamp);
    event BunkerModeDisabled();

    // ---------------------------------------------------------------------
    // Events: ERC-721, ERC-4906
    // ---------------------------------------------------------------------

    event Transfer(address indexed from, address indexed to, uint256 indexed tokenId);

    /// @notice Emitted by the contract, though the official ABI file leaves it out on purpose.
    event Approval(address indexed owner, address indexed approved, uint256 indexed tokenId);

    event ApprovalForAll(address indexed owner, address indexed operator, bool approved);
    event MetadataUpdate(uint256 _tokenId);
    event BatchMetadataUpdate(uint256 _fromTokenId, uint256 _toTokenId);
    event BaseURISet(string baseURI);
    event NftDescriptorAddressSet(address nftDescriptorAddress);

    // ---------------------------------------------------------------------
    // Events: administration
    // ---------------------------------------------------------------------

    event Paused(uint256 duration);
    event Resumed();
    event InitializedV1(address _admin);
    event ContractVersionSet(uint256 version);
    event RoleAdminChanged(bytes32 indexed role, bytes32 indexed previousAdminRole, bytes32 indexed newAdminRole);
    event RoleGranted(bytes32 indexed role, address indexed account, address indexed sender);
    event RoleRevoked(bytes32 indexed role, address indexed account, address indexed sender);

    // ---------------------------------------------------------------------
    // Errors: queue
    // ---------------------------------------------------------------------

    error RequestAmountTooSmall(uint256 _amountOfStETH);
    error RequestAmountTooLarge(uint256 _amountOfStETH);
    error InvalidRequestId(uint256 _requestId);
    error InvalidRequestIdRange(uint256 startId, uint256 endId);
    error NotOwner(address _sender, address _owner);
    error RequestNotFoundOrNotFinalized(uint256 _requestId);
    error RequestAlreadyClaimed(uint256 _requestId);
    error InvalidHint(uint256 _hint);
    error ArraysLengthMismatch(uint256 _firstArrayLength, uint256 _secondArrayLength);
    error RequestIdsNotSorted();
    error ZeroRecipient();
    error CantSendValueRecipientMayHaveReverted();
    error NotEnoughEther();
    error AdminZeroAddress();
    error InvalidReportTimestamp();
    error ZeroAmountOfETH();
    error ZeroShareRate();
    error ZeroTimestamp();
    error TooMuchEtherToFinalize(uint256 sent, uint256 maxExpected);
    error InvalidState();
    error BatchesAreNotSorted();
    error EmptyBatches();

    // ---------------------------------------------------------------------
    // Errors: pause, ERC-721, versions
    // ---------------------------------------------------------------------

    error ResumedExpected();
    error PausedExpected();
    error ZeroPauseDuration();
    error PauseUntilMustBeInFuture();
    error ApprovalToOwner();
    error ApproveToCaller();
    error NotOwnerOrApproved(address sender);
    error NotOwnerOrApprovedForAll(address sender);
    error TransferFromIncorrectOwner(address from, address realOwner);
    error TransferFromZeroAddress();
    error TransferToZeroAddress();
    error TransferToThemselves();
    error TransferToNonIERC721Receiver(address);
    error InvalidOwnerAddress(address);
    error StringTooLong(string str);
    error ZeroMetadata();
    error NonZeroContractVersionOnInit();
    error InvalidContractVersionIncrement();
    error UnexpectedContractVersion(uint256 expected, uint256 received);

    // ---------------------------------------------------------------------
    // Requests (each amount one request and one token; _owner 0 = msg.sender)
    // ---------------------------------------------------------------------

    function requestWithdrawals(uint256[] calldata _amounts, address _owner) external returns (uint256[] memory requestIds);
    function requestWithdrawalsWstETH(uint256[] calldata _amounts, address _owner) external returns (uint256[] memory requestIds);
    function requestWithdrawalsWithPermit(uint256[] calldata _amounts, address _owner, PermitInput calldata _permit) external returns (uint256[] memory requestIds);
    function requestWithdrawalsWstETHWithPermit(uint256[] calldata _amounts, address _owner, PermitInput calldata _permit) external returns (uint256[] memory requestIds);

    // ---------------------------------------------------------------------
    // Claims (only the token owner; ETH to msg.sender or _recipient)
    // ---------------------------------------------------------------------

    function claimWithdrawals(uint256[] calldata _requestIds, uint256[] calldata _hints) external;
    function claimWithdrawalsTo(uint256[] calldata _requestIds, uint256[] calldata _hints, address _recipient) external;

    /// @notice Claims one request, searching its hint on chain.
    function claimWithdrawal(uint256 _requestId) external;

    // ---------------------------------------------------------------------
    // Views
    // ---------------------------------------------------------------------

    /// @notice The owner's request ids, in no particular order.
    function getWithdrawalRequests(address _owner) external view returns (uint256[] memory requestsIds);
    function getWithdrawalStatus(uint256[] calldata _requestIds) external view returns (WithdrawalRequestStatus[] memory statuses);
    function getClaimableEther(uint256[] calldata _requestIds, uint256[] calldata _hints) external view returns (uint256[] memory claimableEthValues);

    /// @notice Checkpoint hints for ascending request ids, searched in [_firstIndex, _lastIndex].
    function findCheckpointHints(uint256[] calldata _requestIds, uint256 _firstIndex, uint256 _lastIndex) external view returns (uint256[] memory hintIds);
    function getLastCheckpointIndex() external view returns (uint256);
    function getLastRequestId() external view returns (uint256);
    function getLastFinalizedRequestId() external view returns (uint256);
    function getLockedEtherAmount() external view returns (uint256);
    function unfinalizedRequestNumber() external view returns (uint256);
    function unfinalizedStETH() external view returns (uint256);
    function isBunkerModeActive() external view returns (bool);
    function bunkerModeSinceTimestamp() external view returns (uint256);
    function isPaused() external view returns (bool);
    function getResumeSinceTimestamp() external view returns (uint256);
    function STETH() external view returns (address);
    function WSTETH() external view returns (address);
    function MIN_STETH_WITHDRAWAL_AMOUNT() external view returns (uint256);
    function MAX_STETH_WITHDRAWAL_AMOUNT() external view returns (uint256);
    function MAX_BATCHES_LENGTH() external view returns (uint256);
    function BUNKER_MODE_DISABLED_TIMESTAMP() external view returns (uint256);
    function PAUSE_INFINITELY() external view returns (uint256);
    function getContractVersion() external view returns (uint256);

    // ---------------------------------------------------------------------
    // ERC-721 and metadata
    // ---------------------------------------------------------------------

    function name() external view returns (string memory);
    function symbol() external view returns (string memory);
    function tokenURI(uint256 _requestId) external view returns (string memory);
    function balanceOf(address _owner) external view returns (uint256);
    function ownerOf(uint256 _requestId) external view returns (address);
    function getApproved(uint256 _requestId) external view returns (address);
    function isApprovedForAll(address _owner, address _operator) external view returns (bool);
    function approve(address _to, uint256 _requestId) external;
    function setApprovalForAll(address _operator, bool _approved) external;
    function transferFrom(address _from, address _to, uint256 _requestId) external;
    function safeTransferFrom(address _from, address _to, uint256 _requestId) external;
    function safeTransferFrom(address _from, address _to, uint256 _requestId, bytes calldata _data) external;
    function supportsInterface(bytes4 interfaceId) external view returns (bool);
    function getBaseURI() external view returns (string memory);
    function getNFTDescriptorAddress() external view returns (address);
    function setBaseURI(string calldata _baseURI) external;
    function setNFTDescriptorAddress(address _nftDescriptorAddress) external;

    // ---------------------------------------------------------------------
    // Oracle and administration
    // ---------------------------------------------------------------------

    function calculateFinalizationBatches(uint256 _maxShareRate, uint256 _maxTimestamp, uint256 _maxRequestsPerCall, BatchesCalculationState calldata _state) external view returns (BatchesCalculationState memory);
    function prefinalize(uint256[] calldata _batches, uint256 _maxShareRate) external view returns (uint256 ethToLock, uint256 sharesToBurn);
    function finalize(uint256 _lastRequestIdToBeFinalized, uint256 _maxShareRate) external payable;
    function onOracleReport(bool _isBunkerModeNow, uint256 _bunkerStartTimestamp, uint256 _currentReportTimestamp) external;
    function pauseFor(uint256 _duration) external;
    function pauseUntil(uint256 _pauseUntilInclusive) external;
    function resume() external;
    function initialize(address _admin) external;

    function DEFAULT_ADMIN_ROLE() external view returns (bytes32);
    function FINALIZE_ROLE() external view returns (bytes32);
    function MANAGE_TOKEN_URI_ROLE() external view returns (bytes32);
    function ORACLE_ROLE() external view returns (bytes32);
    function PAUSE_ROLE() external view returns (bytes32);
    function RESUME_ROLE() external view returns (bytes32);
    function getRoleAdmin(bytes32 role) external view returns (bytes32);
    function getRoleMember(bytes32 role, uint256 index) external view returns (address);
    function getRoleMemberCount(bytes32 role) external view returns (uint256);
    function hasRole(bytes32 role, address account) external view returns (bool);
    function grantRole(bytes32 role, address account) external;
    function revokeRole(bytes32 role, address account) external;
    function renounceRole(bytes32 role, address account) external;
}
