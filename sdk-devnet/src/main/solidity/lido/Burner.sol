// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {FixtureUnsupported} from "../eigenlayer/FixtureSupport.sol";

/// @dev The stETH calls the Burner makes.
interface IStETHForBurner {
    function getPooledEthByShares(uint256 sharesAmount) external view returns (uint256);
    function sharesOf(address account) external view returns (uint256);
    function transferSharesFrom(address sender, address recipient, uint256 sharesAmount) external returns (uint256);
    function burnShares(uint256 amountOfShares) external;
}

/// @dev The staker-visible surface of Lido V3's Burner (lidofinance/core contracts/0.8.9/Burner.sol), declared here
///      because the SDK does not call it: the devnet's stETH does, during its report.
interface IBurner {
    event StETHBurnRequested(bool indexed isCover, address indexed requestedBy, uint256 amountOfStETH, uint256 amountOfShares);
    event StETHBurnt(bool indexed isCover, uint256 amountOfStETH, uint256 amountOfShares);

    error AppAuthFailed();
    error DirectETHTransfer();
    error ZeroBurnAmount();
    error BurnAmountExceedsActual(uint256 requestedAmount, uint256 actualAmount);
    error ZeroAddress(string field);

    function requestBurnShares(address _from, uint256 _sharesAmountToBurn) external;
    function requestBurnSharesForCover(address _from, uint256 _sharesAmountToBurn) external;
    function requestBurnMyShares(uint256 _sharesAmountToBurn) external;
    function requestBurnMyStETH(uint256 _stETHAmountToBurn) external;
    function requestBurnMyStETHForCover(uint256 _stETHAmountToBurn) external;
    function commitSharesToBurn(uint256 _sharesToBurn) external;
    function getSharesRequestedToBurn() external view returns (uint256 coverShares, uint256 nonCoverShares);
    function getCoverSharesBurnt() external view returns (uint256);
    function getNonCoverSharesBurnt() external view returns (uint256);
    function getExcessStETH() external view returns (uint256);
}

/// @title Burner (devnet fixture)
/// @notice Lido's Burner: shares requested for burning are moved onto it (`requestBurnShares`, `StETHBurnRequested`)
///         and burnt when the report commits them (`commitSharesToBurn`, `StETHBurnt` for the cover part first, then
///         the non-cover part, then stETH's `burnShares`, which emits `SharesBurnt`). On the devnet the only requests
///         are the withdrawal queue's finalized shares, which stETH's report moves here and commits in the same
///         transaction, as mainnet's Accounting does.
/// @dev Devnet semantics (deviations from Lido V3):
///      - Roles are fixed: the devnet's stETH plays Accounting (the only caller of `commitSharesToBurn`) and holds
///        REQUEST_BURN_SHARES_ROLE; nobody holds REQUEST_BURN_MY_STETH_ROLE, so `requestBurnMy*` revert
///        `NotSupportedByFixture`. Reports commit every requested share (no rebase limiter defers a part).
///      - No initialize, migration, redeem track or token recovery (`NotSupportedByFixture`).
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract Burner is IBurner, FixtureUnsupported {
    IStETHForBurner private immutable _stETH;

    uint256 private _coverSharesBurnRequested;
    uint256 private _nonCoverSharesBurnRequested;
    uint256 private _totalCoverSharesBurnt;
    uint256 private _totalNonCoverSharesBurnt;

    constructor(address stETH_) {
        if (stETH_ == address(0)) revert ZeroAddress("_stETH");
        _stETH = IStETHForBurner(stETH_);
    }

    /// @notice stETH (LIDO on upstream's Burner).
    function LIDO() external view returns (address) {
        return address(_stETH);
    }

    receive() external payable {
        revert DirectETHTransfer();
    }

    modifier onlyStETH() {
        if (msg.sender != address(_stETH)) revert AppAuthFailed();
        _;
    }

    function requestBurnShares(address _from, uint256 _sharesAmountToBurn) external onlyStETH {
        uint256 stETHAmount = _stETH.transferSharesFrom(_from, address(this), _sharesAmountToBurn);
        _requestBurn(_sharesAmountToBurn, stETHAmount, false);
    }

    function requestBurnSharesForCover(address _from, uint256 _sharesAmountToBurn) external onlyStETH {
        uint256 stETHAmount = _stETH.transferSharesFrom(_from, address(this), _sharesAmountToBurn);
        _requestBurn(_sharesAmountToBurn, stETHAmount, true);
    }

    function requestBurnMyShares(uint256) external {
        _unsupported("requestBurnMyShares");
    }

    function requestBurnMyStETH(uint256) external {
        _unsupported("requestBurnMyStETH");
    }

    function requestBurnMyStETHForCover(uint256) external {
        _unsupported("requestBurnMyStETHForCover");
    }

    /// @notice Burns `_sharesToBurn` of the requested shares, cover requests first (`StETHBurnt` per kind), through
    ///         stETH's `burnShares`. Only the accounting (the devnet's stETH) calls it; 0 does nothing.
    function commitSharesToBurn(uint256 _sharesToBurn) external onlyStETH {
        if (_sharesToBurn == 0) return;
        uint256 cover = _coverSharesBurnRequested;
        uint256 nonCover = _nonCoverSharesBurnRequested;
        if (_sharesToBurn > cover + nonCover) revert BurnAmountExceedsActual(_sharesToBurn, cover + nonCover);
        uint256 fromCover = _sharesToBurn < cover ? _sharesToBurn : cover;
        if (fromCover != 0) {
            _totalCoverSharesBurnt += fromCover;
            _coverSharesBurnRequested = cover - fromCover;
            emit StETHBurnt(true, _stETH.getPooledEthByShares(fromCover), fromCover);
        }
        uint256 fromNonCover = _sharesToBurn - fromCover;
        if (fromNonCover != 0) {
            _totalNonCoverSharesBurnt += fromNonCover;
            _nonCoverSharesBurnRequested = nonCover - fromNonCover;
            emit StETHBurnt(false, _stETH.getPooledEthByShares(fromNonCover), fromNonCover);
        }
        _stETH.burnShares(_sharesToBurn);
    }

    function getSharesRequestedToBurn() external view returns (uint256 coverShares, uint256 nonCoverShares) {
        return (_coverSharesBurnRequested, _nonCoverSharesBurnRequested);
    }

    function getCoverSharesBurnt() external view returns (uint256) {
        return _totalCoverSharesBurnt;
    }

    function getNonCoverSharesBurnt() external view returns (uint256) {
        return _totalNonCoverSharesBurnt;
    }

    /// @notice The stETH held here but not requested for burning.
    function getExcessStETH() external view returns (uint256) {
        uint256 requested = _coverSharesBurnRequested + _nonCoverSharesBurnRequested;
        uint256 held = _stETH.sharesOf(address(this));
        return held <= requested ? 0 : _stETH.getPooledEthByShares(held - requested);
    }

    function _requestBurn(uint256 shares, uint256 stETHAmount, bool isCover) private {
        if (shares == 0) revert ZeroBurnAmount();
        emit StETHBurnRequested(isCover, msg.sender, stETHAmount, shares);
        if (isCover) _coverSharesBurnRequested += shares;
        else _nonCoverSharesBurnRequested += shares;
    }
}
