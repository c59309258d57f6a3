// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IWithdrawalQueueERC721} from "abi/lido/IWithdrawalQueueERC721.sol";
import {FixtureUnsupported} from "../eigenlayer/FixtureSupport.sol";

/// @dev The stETH calls the queue makes.
interface IStETHForQueue {
    function getSharesByPooledEth(uint256 ethAmount) external view returns (uint256);
    function transferFrom(address sender, address recipient, uint256 amount) external returns (bool);
    function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external;
}

/// @dev The wstETH calls the queue makes.
interface IWstETHForQueue {
    function transferFrom(address sender, address recipient, uint256 amount) external returns (bool);
    function unwrap(uint256 wstETHAmount) external returns (uint256);
    function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external;
}

interface IERC721ReceiverForQueue {
    function onERC721Received(address operator, address from, uint256 tokenId, bytes calldata data)
        external
        returns (bytes4);
}

/// @title WithdrawalQueueERC721 (devnet fixture)
/// @notice Lido's withdrawal queue ("unstETH" NFTs): requests of 100 wei .. 1000 stETH each lock the
///         stETH and its shares; finalization appends a checkpoint with the share rate it used; a
///         finalized request pays its stETH at request time, or shares * checkpoint rate / 1e27 if that is
///         less (losses are shared, rewards are not paid); claims need the checkpoint hint and the NFT
///         owner, and burn the NFT. Custom errors and events as upstream.
///         Finalization is upstream's: the oracle splits the requests into batches
///         (`calculateFinalizationBatches`: all nominal or all discounted against the report's share rate, requests
///         of one report kept together), `prefinalize(batches, maxShareRate)` prices each batch (its stETH, or
///         shares * maxShareRate / 1e27 when the batch's own rate is above), and `finalize(lastId, maxShareRate)`
///         takes exactly that ether (`TooMuchEtherToFinalize` above the requests' stETH) and adds a checkpoint. A
///         claim pays by the request's own rate, so up to a few wei per batch stay locked after every claim, as on
///         mainnet. The queue burns nothing: stETH's report moves the requests' shares to the Burner, which burns them.
///         `onOracleReport` records the report timestamp each new request carries.
/// @dev Devnet semantics (deviations from Lido):
///      - The roles are fixed: stETH's devnet report (which plays AccountingOracle and Accounting) holds
///        FINALIZE_ROLE and ORACLE_ROLE; the deployer holds PAUSE_ROLE and RESUME_ROLE.
///      - Starts paused until `resume()`, as upstream's `initialize` (`Paused(PAUSE_INFINITELY)`); LidoDevnet
///        resumes it at deployment. `pauseFor`, `pauseUntil` and `resume` have
///        PausableUntil semantics and errors, callable by the deployer (no roles). Requests and
///        finalization revert `ResumedExpected()` while paused; claims do not.
///      - Never in bunker mode (`onOracleReport(true, ...)` reverts `NotSupportedByFixture`); no role
///        management, no NFT descriptor, empty token URIs.
///      - Role and URI functions exist with their real signatures and revert `NotSupportedByFixture(name)`.
///        `calculateFinalizationBatches` works but has no wrapper method (web3j cannot build its struct with a
///        `uint256[36]` member; it is listed in the codegen-excluded manifest); stETH's report calls it on chain.
///      Implements our abi/lido/IWithdrawalQueueERC721.sol, which declares the events, errors and
///      ABI structs; `devnetFinalizer` (the pauser) is the fixture's own addition.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract WithdrawalQueueERC721 is IWithdrawalQueueERC721, FixtureUnsupported {
    /// @dev As upstream: cumulative sums over the queue (request 0 is the zero sentinel), so a batch's stETH and
    ///      shares are differences of two entries.
    struct Request {
        uint128 cumulativeStETH;
        uint128 cumulativeShares;
        address owner;
        uint40 timestamp;
        bool claimed;
        uint40 reportTimestamp;
    }

    struct Checkpoint {
        uint256 fromRequestId;
        uint256 maxShareRate;
    }

    uint256 public constant MIN_STETH_WITHDRAWAL_AMOUNT = 100;
    uint256 public constant MAX_STETH_WITHDRAWAL_AMOUNT = 1000 ether;
    uint256 public constant MAX_BATCHES_LENGTH = 36;
    uint256 public constant BUNKER_MODE_DISABLED_TIMESTAMP = type(uint256).max;
    uint256 public constant PAUSE_INFINITELY = type(uint256).max;
    uint256 private constant E27_PRECISION_BASE = 1e27;

    IStETHForQueue private immutable _stETH;
    IWstETHForQueue private immutable _wstETH;
    /// @notice The account holding PAUSE_ROLE and RESUME_ROLE (the deployer).
    address public immutable devnetFinalizer;

    // storage, so that these getters are `view` as upstream; the fixture never changes them
    string private _name = "Lido: stETH Withdrawal NFT";
    string private _symbol = "unstETH";
    uint256 private _bunkerModeSince = BUNKER_MODE_DISABLED_TIMESTAMP;
    uint256 private _resumeSince; // PAUSE_INFINITELY from the constructor until resume()
    string private _baseURI; // empty
    address private _nftDescriptor; // none

    uint256 private _lastRequestId;
    uint256 private _lastFinalizedRequestId;
    uint256 private _lastCheckpointIndex;
    uint256 private _lockedEther;
    uint256 private _lastReportTimestamp;
    mapping(uint256 => Request) private _requests;
    mapping(uint256 => Checkpoint) private _checkpoints;
    mapping(address => uint256[]) private _ownerRequests;
    mapping(uint256 => uint256) private _indexInOwner; // position + 1
    mapping(uint256 => address) private _tokenApprovals;
    mapping(address => mapping(address => bool)) private _operatorApprovals;

    constructor(address stETH_, address wstETH_) {
        _stETH = IStETHForQueue(stETH_);
        _wstETH = IWstETHForQueue(wstETH_);
        devnetFinalizer = msg.sender;
        _setPausedState(PAUSE_INFINITELY);
    }

    function STETH() external view returns (address) {
        return address(_stETH);
    }

    function WSTETH() external view returns (address) {
        return address(_wstETH);
    }


    function name() external view returns (string memory) {
        return _name;
    }

    function symbol() external view returns (string memory) {
        return _symbol;
    }

    // ------------------------------------------------------------------ requests

    function requestWithdrawals(uint256[] calldata _amounts, address _owner)
        public
        returns (uint256[] memory requestIds)
    {
        _checkResumed();
        if (_owner == address(0)) _owner = msg.sender;
        requestIds = new uint256[](_amounts.length);
        for (uint256 i = 0; i < _amounts.length; ++i) {
            _checkAmount(_amounts[i]);
            _stETH.transferFrom(msg.sender, address(this), _amounts[i]);
            requestIds[i] = _enqueue(_amounts[i], _stETH.getSharesByPooledEth(_amounts[i]), _owner);
        }
    }

    function requestWithdrawalsWstETH(uint256[] calldata _amounts, address _owner)
        public
        returns (uint256[] memory requestIds)
    {
        _checkResumed();
        if (_owner == address(0)) _owner = msg.sender;
        requestIds = new uint256[](_amounts.length);
        for (uint256 i = 0; i < _amounts.length; ++i) {
            _wstETH.transferFrom(msg.sender, address(this), _amounts[i]);
            uint256 amountOfStETH = _wstETH.unwrap(_amounts[i]);
            _checkAmount(amountOfStETH);
            requestIds[i] = _enqueue(amountOfStETH, _stETH.getSharesByPooledEth(amountOfStETH), _owner);
        }
    }

    function requestWithdrawalsWithPermit(uint256[] calldata _amounts, address _owner, PermitInput calldata _permit)
        external
        returns (uint256[] memory requestIds)
    {
        _stETH.permit(msg.sender, address(this), _permit.value, _permit.deadline, _permit.v, _permit.r, _permit.s);
        return requestWithdrawals(_amounts, _owner);
    }

    function requestWithdrawalsWstETHWithPermit(
        uint256[] calldata _amounts,
        address _owner,
        PermitInput calldata _permit
    ) external returns (uint256[] memory requestIds) {
        _wstETH.permit(msg.sender, address(this), _permit.value, _permit.deadline, _permit.v, _permit.r, _permit.s);
        return requestWithdrawalsWstETH(_amounts, _owner);
    }

    function _checkAmount(uint256 amountOfStETH) private pure {
        if (amountOfStETH < MIN_STETH_WITHDRAWAL_AMOUNT) revert RequestAmountTooSmall(amountOfStETH);
        if (amountOfStETH > MAX_STETH_WITHDRAWAL_AMOUNT) revert RequestAmountTooLarge(amountOfStETH);
    }

    function _enqueue(uint256 amountOfStETH, uint256 amountOfShares, address owner) private returns (uint256 id) {
        Request storage last = _requests[_lastRequestId];
        id = ++_lastRequestId;
        _requests[id] = Request(
            last.cumulativeStETH + uint128(amountOfStETH),
            last.cumulativeShares + uint128(amountOfShares),
            owner,
            uint40(block.timestamp),
            false,
            uint40(_lastReportTimestamp)
        );
        _addToOwner(owner, id);
        emit WithdrawalRequested(id, msg.sender, owner, amountOfStETH, amountOfShares);
        emit Transfer(address(0), owner, id);
    }

    // ------------------------------------------------------------------ finalization (oracle side)

    /// @notice As upstream: the oracle's off-chain view that splits the finalizable requests into batches, all
    ///         nominal or all discounted against `_maxShareRate` (requests of one report stay together, since their
    ///         rates differ only by rounding), within the ether budget, the timestamp and the request count.
    function calculateFinalizationBatches(
        uint256 _maxShareRate,
        uint256 _maxTimestamp,
        uint256 _maxRequestsPerCall,
        BatchesCalculationState memory _state
    ) external view returns (BatchesCalculationState memory) {
        if (_state.finished || _state.remainingEthBudget == 0) revert InvalidState();
        uint256 id;
        uint256 prevRate;
        Request memory prev;
        if (_state.batchesLength == 0) {
            id = _lastFinalizedRequestId + 1;
            prev = _requests[id - 1];
        } else {
            uint256 lastHandled = _state.batches[_state.batchesLength - 1];
            id = lastHandled + 1;
            prev = _requests[lastHandled];
            (prevRate,,) = _batch(_requests[lastHandled - 1], prev);
        }
        uint256 stopAt = id + _maxRequestsPerCall;
        uint256 end = _lastRequestId + 1;
        for (; id < end && id < stopAt; ++id) {
            Request memory r = _requests[id];
            if (r.timestamp > _maxTimestamp) break;
            (uint256 rate, uint256 eth, uint256 shares) = _batch(prev, r);
            if (rate > _maxShareRate) eth = shares * _maxShareRate / E27_PRECISION_BASE;
            if (eth > _state.remainingEthBudget) break;
            _state.remainingEthBudget -= eth;
            bool sameBatch = _state.batchesLength != 0
                && (prev.reportTimestamp == r.reportTimestamp || (prevRate <= _maxShareRate) == (rate <= _maxShareRate));
            if (sameBatch) {
                _state.batches[_state.batchesLength - 1] = id;
            } else {
                if (_state.batchesLength == MAX_BATCHES_LENGTH) break;
                _state.batches[_state.batchesLength++] = id;
            }
            prevRate = rate;
            prev = r;
        }
        _state.finished = id == end || id < stopAt;
        return _state;
    }

    /// @notice As upstream: the ether `finalize` needs for `_batches` (ending ids) at `_maxShareRate`, batch by batch:
    ///         a batch whose own rate is above the max locks `shares * max / 1e27`, otherwise its stETH.
    function prefinalize(uint256[] calldata _batches, uint256 _maxShareRate)
        external
        view
        returns (uint256 ethToLock, uint256 sharesToBurn)
    {
        if (_maxShareRate == 0) revert ZeroShareRate();
        if (_batches.length == 0) revert EmptyBatches();
        if (_batches[0] <= _lastFinalizedRequestId) revert InvalidRequestId(_batches[0]);
        if (_batches[_batches.length - 1] > _lastRequestId) revert InvalidRequestId(_batches[_batches.length - 1]);
        uint256 prevEnd = _lastFinalizedRequestId;
        for (uint256 i = 0; i < _batches.length; ++i) {
            if (_batches[i] <= prevEnd) revert BatchesAreNotSorted();
            (uint256 rate, uint256 stETH, uint256 shares) = _batch(_requests[prevEnd], _requests[_batches[i]]);
            ethToLock += rate > _maxShareRate ? shares * _maxShareRate / E27_PRECISION_BASE : stETH;
            sharesToBurn += shares;
            prevEnd = _batches[i];
        }
    }

    /// @notice As upstream: finalizes up to `_lastRequestIdToBeFinalized`, locking the ether sent (from
    ///         `prefinalize`), with a new checkpoint at `_maxShareRate`. FINALIZE_ROLE: stETH's devnet report.
    function finalize(uint256 _lastRequestIdToBeFinalized, uint256 _maxShareRate) external payable {
        _checkResumed();
        require(msg.sender == address(_stETH), "DEVNET_FINALIZE_ROLE");
        uint256 firstId = _lastFinalizedRequestId + 1;
        if (_lastRequestIdToBeFinalized > _lastRequestId) revert InvalidRequestId(_lastRequestIdToBeFinalized);
        if (_lastRequestIdToBeFinalized < firstId) revert InvalidRequestId(_lastRequestIdToBeFinalized);
        Request storage from = _requests[firstId - 1];
        Request storage to = _requests[_lastRequestIdToBeFinalized];
        uint256 stETHToFinalize = to.cumulativeStETH - from.cumulativeStETH;
        if (msg.value > stETHToFinalize) revert TooMuchEtherToFinalize(msg.value, stETHToFinalize);
        _checkpoints[++_lastCheckpointIndex] = Checkpoint(firstId, _maxShareRate);
        _lockedEther += msg.value;
        _lastFinalizedRequestId = _lastRequestIdToBeFinalized;
        emit WithdrawalsFinalized(
            firstId, _lastRequestIdToBeFinalized, msg.value, to.cumulativeShares - from.cumulativeShares, block.timestamp
        );
        emit BatchMetadataUpdate(firstId, _lastRequestId);
    }

    /// @notice As upstream, for the oracle (ORACLE_ROLE: stETH's devnet report): records the report's timestamp,
    ///         which later requests carry. The devnet never enters bunker mode (`_isBunkerModeNow` must be false).
    function onOracleReport(bool _isBunkerModeNow, uint256 _bunkerStartTimestamp, uint256 _currentReportTimestamp)
        external
    {
        require(msg.sender == address(_stETH), "DEVNET_ORACLE_ROLE");
        if (_bunkerStartTimestamp >= block.timestamp) revert InvalidReportTimestamp();
        if (_currentReportTimestamp >= block.timestamp) revert InvalidReportTimestamp();
        if (_isBunkerModeNow) _unsupported("bunker mode");
        _lastReportTimestamp = _currentReportTimestamp;
    }

    /// @dev The rate (1e27), stETH and shares of the requests after `pre` up to and including `post`.
    function _batch(Request memory pre, Request memory post)
        private
        pure
        returns (uint256 rate, uint256 stETH, uint256 shares)
    {
        stETH = post.cumulativeStETH - pre.cumulativeStETH;
        shares = post.cumulativeShares - pre.cumulativeShares;
        rate = stETH * E27_PRECISION_BASE / shares;
    }

    /// @dev What request `id` claims at a checkpoint's rate: its stETH, or its shares at the rate if its own is above.
    function _claimableAt(uint256 id, uint256 maxShareRate) private view returns (uint256) {
        (uint256 rate, uint256 stETH, uint256 shares) = _batch(_requests[id - 1], _requests[id]);
        if (rate > maxShareRate) return shares * maxShareRate / E27_PRECISION_BASE;
        return stETH;
    }

    // ------------------------------------------------------------------ views

    function getWithdrawalRequests(address _owner) external view returns (uint256[] memory requestsIds) {
        return _ownerRequests[_owner];
    }

    function getWithdrawalStatus(uint256[] calldata _requestIds)
        external
        view
        returns (WithdrawalRequestStatus[] memory statuses)
    {
        statuses = new WithdrawalRequestStatus[](_requestIds.length);
        for (uint256 i = 0; i < _requestIds.length; ++i) {
            uint256 id = _requestIds[i];
            if (id == 0 || id > _lastRequestId) revert InvalidRequestId(id);
            Request storage r = _requests[id];
            Request storage before = _requests[id - 1];
            statuses[i] = WithdrawalRequestStatus(
                r.cumulativeStETH - before.cumulativeStETH,
                r.cumulativeShares - before.cumulativeShares,
                r.owner,
                r.timestamp,
                id <= _lastFinalizedRequestId,
                r.claimed
            );
        }
    }

    function getClaimableEther(uint256[] calldata _requestIds, uint256[] calldata _hints)
        external
        view
        returns (uint256[] memory claimableEthValues)
    {
        if (_requestIds.length != _hints.length) revert ArraysLengthMismatch(_requestIds.length, _hints.length);
        claimableEthValues = new uint256[](_requestIds.length);
        for (uint256 i = 0; i < _requestIds.length; ++i) {
            uint256 id = _requestIds[i];
            if (id == 0 || id > _lastRequestId) revert InvalidRequestId(id);
            if (id > _lastFinalizedRequestId || _requests[id].claimed) continue;
            claimableEthValues[i] = _claimable(id, _hints[i]);
        }
    }

    function findCheckpointHints(uint256[] calldata _requestIds, uint256 _firstIndex, uint256 _lastIndex)
        external
        view
        returns (uint256[] memory hintIds)
    {
        hintIds = new uint256[](_requestIds.length);
        uint256 previous;
        for (uint256 i = 0; i < _requestIds.length; ++i) {
            if (_requestIds[i] < previous) revert RequestIdsNotSorted();
            previous = _requestIds[i];
            hintIds[i] = _findHint(_requestIds[i], _firstIndex, _lastIndex);
        }
    }

    /// @dev The checkpoint index covering `id` within [start, end], or 0.
    function _findHint(uint256 id, uint256 start, uint256 end) private view returns (uint256) {
        if (id == 0 || id > _lastRequestId) revert InvalidRequestId(id);
        if (start == 0 || end > _lastCheckpointIndex) revert InvalidRequestIdRange(start, end);
        if (_lastCheckpointIndex == 0 || id > _lastFinalizedRequestId || start > end) return 0;
        if (id < _checkpoints[start].fromRequestId) return 0;
        if (id >= _checkpoints[end].fromRequestId) {
            return end == _lastCheckpointIndex || id < _checkpoints[end + 1].fromRequestId ? end : 0;
        }
        // checkpoints[lo].from <= id < checkpoints[hi].from
        uint256 lo = start;
        uint256 hi = end;
        while (hi - lo > 1) {
            uint256 mid = (lo + hi) / 2;
            if (_checkpoints[mid].fromRequestId <= id) lo = mid;
            else hi = mid;
        }
        return lo;
    }

    function _claimable(uint256 id, uint256 hint) private view returns (uint256) {
        if (hint == 0 || hint > _lastCheckpointIndex) revert InvalidHint(hint);
        if (_checkpoints[hint].fromRequestId > id) revert InvalidHint(hint);
        if (hint < _lastCheckpointIndex && _checkpoints[hint + 1].fromRequestId <= id) revert InvalidHint(hint);
        return _claimableAt(id, _checkpoints[hint].maxShareRate);
    }

    function getLastCheckpointIndex() external view returns (uint256) {
        return _lastCheckpointIndex;
    }

    function getLastRequestId() external view returns (uint256) {
        return _lastRequestId;
    }

    function getLastFinalizedRequestId() external view returns (uint256) {
        return _lastFinalizedRequestId;
    }

    function getLockedEtherAmount() external view returns (uint256) {
        return _lockedEther;
    }

    function unfinalizedRequestNumber() external view returns (uint256) {
        return _lastRequestId - _lastFinalizedRequestId;
    }

    function unfinalizedStETH() external view returns (uint256) {
        return _requests[_lastRequestId].cumulativeStETH - _requests[_lastFinalizedRequestId].cumulativeStETH;
    }

    /// @notice Always false: the devnet has no bunker mode.
    function isBunkerModeActive() external view returns (bool) {
        return _bunkerModeSince < BUNKER_MODE_DISABLED_TIMESTAMP;
    }

    function bunkerModeSinceTimestamp() external view returns (uint256) {
        return _bunkerModeSince;
    }

    /// @notice True while a `pauseFor`/`pauseUntil` pause lasts.
    function isPaused() external view returns (bool) {
        return block.timestamp < _resumeSince;
    }

    function getResumeSinceTimestamp() external view returns (uint256) {
        return _resumeSince;
    }

    // ------------------------------------------------------------------ pause (PausableUntil)

    /// @notice Pauses requests and finalization for `_duration` seconds (PAUSE_INFINITELY: until resumed);
    ///         claims stay open. Devnet: the deployer holds PAUSE_ROLE.
    function pauseFor(uint256 _duration) external {
        _onlyDevnetRole();
        _checkResumed();
        if (_duration == 0) revert ZeroPauseDuration();
        _setPausedState(_duration == PAUSE_INFINITELY ? PAUSE_INFINITELY : block.timestamp + _duration);
    }

    /// @notice Pauses until `_pauseUntilInclusive` (that second included). Devnet: the deployer holds PAUSE_ROLE.
    function pauseUntil(uint256 _pauseUntilInclusive) external {
        _onlyDevnetRole();
        _checkResumed();
        if (_pauseUntilInclusive < block.timestamp) revert PauseUntilMustBeInFuture();
        _setPausedState(_pauseUntilInclusive == PAUSE_INFINITELY ? PAUSE_INFINITELY : _pauseUntilInclusive + 1);
    }

    /// @notice Ends a pause. Devnet: the deployer holds RESUME_ROLE.
    function resume() external {
        _onlyDevnetRole();
        if (!(block.timestamp < _resumeSince)) revert PausedExpected();
        _resumeSince = block.timestamp;
        emit Resumed();
    }

    function _setPausedState(uint256 resumeSince) private {
        _resumeSince = resumeSince;
        emit Paused(resumeSince == PAUSE_INFINITELY ? PAUSE_INFINITELY : resumeSince - block.timestamp);
    }

    function _checkResumed() private view {
        if (block.timestamp < _resumeSince) revert ResumedExpected();
    }

    /// @dev Roles are not modelled: the deployer holds PAUSE_ROLE and RESUME_ROLE.
    function _onlyDevnetRole() private view {
        require(msg.sender == devnetFinalizer, "DEVNET_ONLY_DEPLOYER");
    }

    // ------------------------------------------------------------------ claims

    function claimWithdrawal(uint256 _requestId) external {
        _claim(_requestId, _findHint(_requestId, 1, _lastCheckpointIndex), msg.sender);
    }

    function claimWithdrawals(uint256[] calldata _requestIds, uint256[] calldata _hints) external {
        if (_requestIds.length != _hints.length) revert ArraysLengthMismatch(_requestIds.length, _hints.length);
        for (uint256 i = 0; i < _requestIds.length; ++i) {
            _claim(_requestIds[i], _hints[i], msg.sender);
        }
    }

    function claimWithdrawalsTo(uint256[] calldata _requestIds, uint256[] calldata _hints, address _recipient)
        external
    {
        if (_recipient == address(0)) revert ZeroRecipient();
        if (_requestIds.length != _hints.length) revert ArraysLengthMismatch(_requestIds.length, _hints.length);
        for (uint256 i = 0; i < _requestIds.length; ++i) {
            _claim(_requestIds[i], _hints[i], _recipient);
        }
    }

    function _claim(uint256 id, uint256 hint, address recipient) private {
        if (id == 0) revert InvalidRequestId(id);
        if (id > _lastFinalizedRequestId) revert RequestNotFoundOrNotFinalized(id);
        Request storage r = _requests[id];
        if (r.claimed) revert RequestAlreadyClaimed(id);
        if (r.owner != msg.sender) revert NotOwner(msg.sender, r.owner);
        uint256 amountOfETH = _claimable(id, hint);
        r.claimed = true;
        _lockedEther -= amountOfETH;
        _removeFromOwner(r.owner, id);
        delete _tokenApprovals[id];
        emit Transfer(r.owner, address(0), id);
        (bool sent,) = recipient.call{value: amountOfETH}("");
        if (!sent) revert CantSendValueRecipientMayHaveReverted();
        emit WithdrawalClaimed(id, r.owner, recipient, amountOfETH);
    }

    // ------------------------------------------------------------------ ERC-721

    function supportsInterface(bytes4 interfaceId) external view returns (bool) {
        if (_nftDescriptor != address(0)) return false; // never: keeps the upstream `view`
        return interfaceId == 0x01ffc9a7 // ERC-165
            || interfaceId == 0x80ac58cd // ERC-721
            || interfaceId == 0x5b5e139f // ERC-721 metadata
            || interfaceId == 0x49064906; // ERC-4906
    }

    function balanceOf(address _owner) external view returns (uint256) {
        if (_owner == address(0)) revert InvalidOwnerAddress(_owner);
        return _ownerRequests[_owner].length;
    }

    function ownerOf(uint256 _requestId) public view returns (address) {
        if (_requestId == 0 || _requestId > _lastRequestId) revert InvalidRequestId(_requestId);
        Request storage r = _requests[_requestId];
        if (r.claimed) revert RequestAlreadyClaimed(_requestId);
        return r.owner;
    }

    /// @notice Always "": the fixture has no base URI and no NFT descriptor.
    function tokenURI(uint256 _requestId) external view returns (string memory) {
        ownerOf(_requestId);
        return "";
    }

    function getBaseURI() external view returns (string memory) {
        return _baseURI;
    }

    function getNFTDescriptorAddress() external view returns (address) {
        return _nftDescriptor;
    }

    function approve(address _to, uint256 _requestId) external {
        address owner = ownerOf(_requestId);
        if (_to == owner) revert ApprovalToOwner();
        if (msg.sender != owner && !_operatorApprovals[owner][msg.sender]) revert NotOwnerOrApprovedForAll(msg.sender);
        _tokenApprovals[_requestId] = _to;
        emit Approval(owner, _to, _requestId);
    }

    function getApproved(uint256 _requestId) external view returns (address) {
        if (_requestId == 0 || _requestId > _lastRequestId) revert InvalidRequestId(_requestId);
        return _tokenApprovals[_requestId];
    }

    function setApprovalForAll(address _operator, bool _approved) external {
        if (msg.sender == _operator) revert ApproveToCaller();
        _operatorApprovals[msg.sender][_operator] = _approved;
        emit ApprovalForAll(msg.sender, _operator, _approved);
    }

    function isApprovedForAll(address _owner, address _operator) external view returns (bool) {
        return _operatorApprovals[_owner][_operator];
    }

    function transferFrom(address _from, address _to, uint256 _requestId) external {
        _transfer(_from, _to, _requestId);
    }

    function safeTransferFrom(address _from, address _to, uint256 _requestId) external {
        safeTransferFrom(_from, _to, _requestId, "");
    }

    function safeTransferFrom(address _from, address _to, uint256 _requestId, bytes memory _data) public {
        _transfer(_from, _to, _requestId);
        if (_to.code.length > 0) {
            try IERC721ReceiverForQueue(_to).onERC721Received(msg.sender, _from, _requestId, _data) returns (
                bytes4 retval
            ) {
                if (retval != IERC721ReceiverForQueue.onERC721Received.selector) {
                    revert TransferToNonIERC721Receiver(_to);
                }
            } catch {
                revert TransferToNonIERC721Receiver(_to);
            }
        }
    }

    function _transfer(address _from, address _to, uint256 _requestId) private {
        if (_to == address(0)) revert TransferToZeroAddress();
        if (_to == _from) revert TransferToThemselves();
        if (_requestId == 0 || _requestId > _lastRequestId) revert InvalidRequestId(_requestId);
        Request storage r = _requests[_requestId];
        if (r.claimed) revert RequestAlreadyClaimed(_requestId);
        if (_from != r.owner) revert TransferFromIncorrectOwner(_from, r.owner);
        if (msg.sender != _from && _tokenApprovals[_requestId] != msg.sender && !_operatorApprovals[_from][msg.sender]) {
            revert NotOwnerOrApproved(msg.sender);
        }
        delete _tokenApprovals[_requestId];
        r.owner = _to;
        _removeFromOwner(_from, _requestId);
        _addToOwner(_to, _requestId);
        emit Transfer(_from, _to, _requestId);
    }

    function _addToOwner(address owner, uint256 id) private {
        _ownerRequests[owner].push(id);
        _indexInOwner[id] = _ownerRequests[owner].length;
    }

    /// @dev Swap-and-pop, like an EnumerableSet: the order of an owner's ids is not sorted.
    function _removeFromOwner(address owner, uint256 id) private {
        uint256[] storage ids = _ownerRequests[owner];
        uint256 position = _indexInOwner[id] - 1;
        uint256 last = ids[ids.length - 1];
        ids[position] = last;
        _indexInOwner[last] = position + 1;
        ids.pop();
        delete _indexInOwner[id];
    }

    // ------------------------------------------------------------------ not supported


    function setBaseURI(string calldata) external {
        _unsupported("setBaseURI");
    }

    function setNFTDescriptorAddress(address) external {
        _unsupported("setNFTDescriptorAddress");
    }

    function initialize(address) external {
        _unsupported("initialize");
    }

    function getContractVersion() external view returns (uint256) {
        _unsupportedView("getContractVersion");
        return 0;
    }

    function DEFAULT_ADMIN_ROLE() external view returns (bytes32) {
        _unsupportedView("DEFAULT_ADMIN_ROLE");
        return bytes32(0);
    }

    function FINALIZE_ROLE() external view returns (bytes32) {
        _unsupportedView("FINALIZE_ROLE");
        return bytes32(0);
    }

    function MANAGE_TOKEN_URI_ROLE() external view returns (bytes32) {
        _unsupportedView("MANAGE_TOKEN_URI_ROLE");
        return bytes32(0);
    }

    function ORACLE_ROLE() external view returns (bytes32) {
        _unsupportedView("ORACLE_ROLE");
        return bytes32(0);
    }

    function PAUSE_ROLE() external view returns (bytes32) {
        _unsupportedView("PAUSE_ROLE");
        return bytes32(0);
    }

    function RESUME_ROLE() external view returns (bytes32) {
        _unsupportedView("RESUME_ROLE");
        return bytes32(0);
    }

    function getRoleAdmin(bytes32) external view returns (bytes32) {
        _unsupportedView("getRoleAdmin");
        return bytes32(0);
    }

    function getRoleMember(bytes32, uint256) external view returns (address) {
        _unsupportedView("getRoleMember");
        return address(0);
    }

    function getRoleMemberCount(bytes32) external view returns (uint256) {
        _unsupportedView("getRoleMemberCount");
        return 0;
    }

    function hasRole(bytes32, address) external view returns (bool) {
        _unsupportedView("hasRole");
        return false;
    }

    function grantRole(bytes32, address) external {
        _unsupported("grantRole");
    }

    function revokeRole(bytes32, address) external {
        _unsupported("revokeRole");
    }

    function renounceRole(bytes32, address) external {
        _unsupported("renounceRole");
    }
}
