// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @dev The pool calls EtherFiAdmin makes.
interface IPoolForEtherFiAdmin {
    function getTotalPooledEther() external view returns (uint256);
    function rebase(int128 accruedRewards, uint128 protocolFees) external;
    function addEthAmountLockedForWithdrawal(uint128 amount) external;
    function devnetSendToBeacon(uint128 amount) external;
}

/// @dev The WithdrawRequestNFT calls EtherFiAdmin makes.
interface INftForEtherFiAdmin {
    function getFinalizedWithdrawalAmount(uint32 requestId) external view returns (uint128);
    function lastFinalizedRequestId() external view returns (uint32);
    function nextRequestId() external view returns (uint32);
    function finalizeRequests(uint256 requestId) external;
}

/// @title EtherFiAdmin (devnet fixture)
/// @notice The devnet's stand-in for ether.fi's EtherFiAdmin, the contract that applies oracle reports: the
///         LiquidityPool and WithdrawRequestNFT fixtures take `rebase`, `addEthAmountLockedForWithdrawal` and
///         `finalizeRequests` from it only, as mainnet's take them from EtherFiAdmin. Each function here makes the
///         calls mainnet's report execution makes, with their real checks:
///         - `rebase(accruedRewards, protocolFees)`: one report's rebase (a positive one at most 25 bps of the
///           pool's value, `RebaseExceedsPositiveCap()`).
///         - `rebaseInSteps(maxSteps)`: rewards sent as msg.value, applied as up to `maxSteps` successive
///           reports, each as large as the cap allows, then the ether applied is paid into the pool through its
///           `receive()` (as validators' rewards arrive) and the rest is returned to the caller. Returns the
///           rewards applied.
///         - `applyLoss(loss)`: the ether leaves the pool towards "validators" (`devnetSendToBeacon`), then a
///           negative rebase writes it off; the ether goes to the caller.
///         - `finalize(lastRequestId)`: reads the amount the newly finalized requests asked for
///           (`getFinalizedWithdrawalAmount`), finalizes them (`finalizeRequests`), and escrows that amount
///           (`addEthAmountLockedForWithdrawal`, skipped when 0).
/// @dev Devnet semantics: only the deployer may call (`IncorrectCaller()`); there is no oracle committee, no
///      report timing, no APR bounds and no validator tasks (mainnet's EtherFiAdmin checks those before it
///      calls the pool). Not part of our abi/ (the SDK does not call it).
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract EtherFiAdmin {
    error IncorrectCaller();
    error SendFail();

    /// @notice The devnet oracle (the deployer).
    address public immutable devnetAdmin;
    IPoolForEtherFiAdmin public immutable liquidityPool;
    INftForEtherFiAdmin public immutable withdrawRequestNFT;

    constructor(address liquidityPool_, address withdrawRequestNFT_) {
        devnetAdmin = msg.sender;
        liquidityPool = IPoolForEtherFiAdmin(liquidityPool_);
        withdrawRequestNFT = INftForEtherFiAdmin(withdrawRequestNFT_);
    }

    modifier onlyDevnetAdmin() {
        if (msg.sender != devnetAdmin) revert IncorrectCaller();
        _;
    }

    /// @notice The pool's ether towards "validators" (devnetSendToBeacon) comes here.
    receive() external payable {
        if (msg.sender != address(liquidityPool)) revert IncorrectCaller();
    }

    function rebase(int128 accruedRewards, uint128 protocolFees) external onlyDevnetAdmin {
        liquidityPool.rebase(accruedRewards, protocolFees);
    }

    function rebaseInSteps(uint256 maxSteps) external payable onlyDevnetAdmin returns (uint256 applied) {
        uint256 remaining = msg.value;
        for (uint256 i = 0; i < maxSteps && remaining != 0; ++i) {
            uint256 cap = liquidityPool.getTotalPooledEther() * 25 / 10_000;
            uint256 step = remaining < cap ? remaining : cap;
            if (step == 0) step = remaining; // below 400 wei of value nothing fits: the pool refuses it by name
            liquidityPool.rebase(int128(uint128(step)), 0);
            remaining -= step;
            applied += step;
        }
        _send(address(liquidityPool), applied);
        _send(msg.sender, remaining);
    }

    function applyLoss(uint128 loss) external onlyDevnetAdmin {
        liquidityPool.devnetSendToBeacon(loss);
        liquidityPool.rebase(-int128(loss), 0);
        _send(msg.sender, loss);
    }

    function finalize(uint32 lastRequestId) external onlyDevnetAdmin {
        bool advances = lastRequestId > withdrawRequestNFT.lastFinalizedRequestId()
            && lastRequestId < withdrawRequestNFT.nextRequestId(); // else finalizeRequests refuses it by name
        uint128 amount = advances ? withdrawRequestNFT.getFinalizedWithdrawalAmount(lastRequestId) : 0;
        withdrawRequestNFT.finalizeRequests(lastRequestId);
        if (amount != 0) liquidityPool.addEthAmountLockedForWithdrawal(amount);
    }

    function _send(address to, uint256 amount) private {
        if (amount == 0) return;
        (bool sent,) = to.call{value: amount}("");
        if (!sent) revert SendFail();
    }
}
