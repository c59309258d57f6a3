// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ILido} from "abi/lido/ILido.sol";
import {IWithdrawalQueueERC721} from "abi/lido/IWithdrawalQueueERC721.sol";
import {FixtureUnsupported} from "../eigenlayer/FixtureSupport.sol";

/// @dev What the fixture needs from the contracts it calls back (EIP-1271 wallets).
interface IERC1271Wallet {
    function isValidSignature(bytes32 hash, bytes memory signature) external view returns (bytes4);
}

/// @dev The queue calls of the devnet's report (AccountingOracle's and Accounting's part).
interface IQueueForReport {
    function getLastFinalizedRequestId() external view returns (uint256);
    function onOracleReport(bool isBunkerModeNow, uint256 bunkerStartTimestamp, uint256 currentReportTimestamp) external;
    function calculateFinalizationBatches(
        uint256 maxShareRate,
        uint256 maxTimestamp,
        uint256 maxRequestsPerCall,
        IWithdrawalQueueERC721.BatchesCalculationState memory state
    ) external view returns (IWithdrawalQueueERC721.BatchesCalculationState memory);
    function prefinalize(uint256[] calldata batches, uint256 maxShareRate)
        external
        view
        returns (uint256 ethToLock, uint256 sharesToBurn);
    function finalize(uint256 lastRequestIdToBeFinalized, uint256 maxShareRate) external payable;
}

/// @dev The Burner calls of the devnet's report.
interface IBurnerForReport {
    function requestBurnShares(address from, uint256 sharesAmountToBurn) external;
    function commitSharesToBurn(uint256 sharesToBurn) external;
}

/// @title Lido / stETH (devnet fixture)
/// @notice The staking entry point and the rebasing stETH token in one contract, with Lido's share
///         accounting: balances are derived as `shares * totalPooledEther / totalShares` and every
///         conversion rounds down, so `transfer(x)` moves `floor(x * shares / ether)` shares and the
///         recipient may see 1-2 wei less than `x`. Errors are revert strings, as on the 0.4.24 contract.
///         EIP-2612 permit with the domain ("Liquid staked Ether 2.0", "2") and EIP-1271 owners.
/// @dev Devnet semantics (deviations from Lido V3):
///      - No beacon chain, node operators or external (stVault) shares: all pooled ether is
///        buffered in this contract, and `address(this).balance == getTotalPooledEther()` holds.
///      - The bootstrap comes with the constructor (upstream: `initialize`): its ether (1 ETH from LidoDevnet) is
///        minted 1:1 to 0xdead and the contract starts stopped with staking paused until `resume()`. The deployer
///        holds PAUSE_ROLE/RESUME_ROLE (no ACL); LidoDevnet resumes it at deployment.
///      - The oracle is the deployer: `devnetReport(delta)` adds rewards (sent along as msg.value) or
///        takes a loss (the ether is sent to the deployer), emitting `TokenRebased`. Rewards mint fee shares as
///        Accounting does, with a fixed 10% fee (5% to one staking module at DEVNET_STAKING_MODULE, the rest to
///        DEVNET_TREASURY); upstream reads the fees and modules from the StakingRouter.
///      - The stake limit starts unlimited; the deployer may set Lido's sliding limit
///        (`setStakingLimit(max, increasePerBlock)`, StakeLimitUtils semantics: growth per block is
///        `max / floor(max / increase)`, an active limit keeps what it accrued unless paused, unlimited or
///        lowered), remove it, or pause/resume staking. Pausing does not clear the stored block number
///        (upstream encodes "paused" as block 0); the views report the same values.
///      - The report plays AccountingOracle and Accounting in one call (`devnetReport(delta, lastId)`), in their
///        order: queue `onOracleReport`, batches and `prefinalize` at the report's simulated share rate, Burner
///        `requestBurnShares`, queue `finalize{value}`, Burner `commitSharesToBurn` (→ `burnShares`), fee shares,
///        `TokenRebased`. Not modelled: the sanity checker's rebase limit (every requested share is burnt at once),
///        ETHDistributed/InternalShareRateUpdated events, CL balances and vaults (the rewards come as msg.value).
///      - Aragon/governance functions exist with their real signatures and revert
///        `NotSupportedByFixture(name)`.
///      Implements our abi/lido/ILido.sol, which declares the events; the devnet controls
///      (`devnetReport`, `devnetOracle`, `devnetWithdrawalQueue`, `devnetBurner`) and
///      `receive` are the fixture's own additions.
///      Test fixture only: not meant for production use. Written for restake4j; no upstream code.
contract Lido is ILido, FixtureUnsupported {
    bytes32 private constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    bytes32 private constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");
    string private constant NAME = "Liquid staked Ether 2.0";
    string private constant PERMIT_VERSION = "2";
    uint256 private constant INFINITE_ALLOWANCE = type(uint256).max;
    uint256 private constant UINT128_MAX = type(uint128).max;
    uint256 private constant MAX_S = 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0;
    /// @notice The holder of the bootstrap shares, as upstream (INITIAL_TOKEN_HOLDER).
    address private constant INITIAL_TOKEN_HOLDER = 0x000000000000000000000000000000000000dEaD;
    /// @notice Devnet: the treasury that receives the treasury part of the fee shares.
    address public constant DEVNET_TREASURY = 0x000000000000000000000000000000000000FEE1;
    /// @notice Devnet: the one staking module (node operators) that receives the module part of the fee shares.
    address public constant DEVNET_STAKING_MODULE = 0x000000000000000000000000000000000000fEE2;
    /// @dev StakingRouter's fee precision (100%) and the fees, as on mainnet: 10% total, 5% to the module.
    uint256 private constant FEE_PRECISION_POINTS = 1e20;
    uint256 private constant TOTAL_FEE = 1e19;
    uint256 private constant MODULE_FEE = 5e18;

    /// @notice The devnet oracle and staking controller (the deployer).
    address public immutable devnetOracle;
    /// @notice The withdrawal queue fixture, finalized by this contract's reports.
    address public immutable devnetWithdrawalQueue;
    /// @notice The Burner fixture, the only account that can burn shares (`burnShares`).
    address public immutable devnetBurner;

    uint256 private _totalPooledEther;
    uint256 private _totalShares;
    mapping(address => uint256) private _shares;
    mapping(address => mapping(address => uint256)) private _allowances;
    mapping(address => uint256) private _nonces;

    bool private _stopped;
    bool private _stakingPaused;
    uint256 private _maxStakeLimit; // 0 = no limit
    uint256 private _stakeLimitIncreasePerBlock;
    uint256 private _prevStakeLimit;
    uint256 private _prevStakeBlockNumber;
    uint256 private _lastReportTimestamp;
    uint256 private _zero; // never set: the devnet has no validators or external shares

    /// @notice As upstream's `initialize`: the ether sent along (1 ETH on mainnet) is buffered and minted 1:1 as
    ///         shares to 0xdead (`Submitted`, `Transfer`, `TransferShares`), and the contract starts stopped with
    ///         staking paused until `resume()`.
    ///         As upstream's V2 initialization, the queue gives the Burner an infinite stETH allowance, which lets
    ///         the report move finalized requests' shares to the Burner.
    /// @param withdrawalQueue the WithdrawalQueueERC721 fixture (its address is known before deployment)
    /// @param burner the Burner fixture
    constructor(address withdrawalQueue, address burner) payable {
        require(withdrawalQueue != address(0), "ZERO_WITHDRAWAL_QUEUE");
        require(burner != address(0), "ZERO_BURNER");
        devnetOracle = msg.sender;
        devnetWithdrawalQueue = withdrawalQueue;
        devnetBurner = burner;
        _lastReportTimestamp = block.timestamp;
        uint256 balance = address(this).balance;
        assert(balance != 0);
        _totalPooledEther = balance;
        emit Submitted(INITIAL_TOKEN_HOLDER, balance, address(0));
        _mintShares(INITIAL_TOKEN_HOLDER, balance);
        _emitTransferEvents(address(0), INITIAL_TOKEN_HOLDER, getPooledEthByShares(balance), balance);
        _approve(withdrawalQueue, burner, INFINITE_ALLOWANCE);
        _stopped = true;
        _stakingPaused = true;
    }

    modifier onlyDevnetOracle() {
        require(msg.sender == devnetOracle, "APP_AUTH_FAILED");
        _;
    }

    // ------------------------------------------------------------------ metadata

    function name() external pure returns (string memory) {
        return NAME;
    }

    function symbol() external pure returns (string memory) {
        return "stETH";
    }

    function decimals() external pure returns (uint8) {
        return 18;
    }

    // ------------------------------------------------------------------ staking

    /// @notice Stakes msg.value; returns the shares minted (not stETH).
    function submit(address _referral) external payable returns (uint256) {
        return _submit(_referral);
    }

    /// @notice Plain ether transfers stake with no referral.
    receive() external payable {
        _submit(address(0));
    }

    /// @notice Unknown calldata is refused, as upstream.
    fallback() external payable {
        revert("NON_EMPTY_DATA");
    }

    function _submit(address referral) internal returns (uint256 sharesAmount) {
        require(msg.value != 0, "ZERO_DEPOSIT");
        require(!_stakingPaused, "STAKING_PAUSED");
        if (_maxStakeLimit != 0) {
            uint256 current = _currentStakeLimit();
            require(msg.value <= current, "STAKE_LIMIT");
            _prevStakeLimit = current - msg.value;
            _prevStakeBlockNumber = block.number;
        }
        sharesAmount = getSharesByPooledEth(msg.value);
        require(sharesAmount != 0, "ZERO_SHARES"); // only reachable at an extreme share rate
        _mintShares(msg.sender, sharesAmount);
        _totalPooledEther += msg.value;
        emit Submitted(msg.sender, msg.value, referral);
        _emitTransferEvents(address(0), msg.sender, getPooledEthByShares(sharesAmount), sharesAmount);
    }

    function isStakingPaused() external view returns (bool) {
        return _stakingPaused;
    }

    /// @notice type(uint256).max when no limit is set; 0 while staking is paused.
    function getCurrentStakeLimit() public view returns (uint256) {
        if (_stakingPaused) return 0;
        if (_maxStakeLimit == 0) return type(uint256).max;
        return _currentStakeLimit();
    }

    function getStakeLimitFullInfo()
        external
        view
        returns (
            bool isStakingPaused_,
            bool isStakingLimitSet,
            uint256 currentStakeLimit,
            uint256 maxStakeLimit,
            uint256 maxStakeLimitGrowthBlocks,
            uint256 prevStakeLimit,
            uint256 prevStakeBlockNumber
        )
    {
        isStakingPaused_ = _stakingPaused;
        isStakingLimitSet = _maxStakeLimit != 0;
        currentStakeLimit = getCurrentStakeLimit();
        maxStakeLimit = _maxStakeLimit;
        maxStakeLimitGrowthBlocks = _growthBlocks();
        prevStakeLimit = _prevStakeLimit;
        prevStakeBlockNumber = _prevStakeBlockNumber;
    }

    /// @dev Lido's StakeLimitUtils.calculateCurrentStakeLimit: the limit regains
    ///      `max / maxStakeLimitGrowthBlocks` per block (growth blocks = floor(max / increasePerBlock)),
    ///      capped at the max (or sinking to it when a lowered max left it above).
    function _currentStakeLimit() private view returns (uint256) {
        uint256 perBlock = _growthBlocks() == 0 ? 0 : _maxStakeLimit / _growthBlocks();
        uint256 change = (block.number - _prevStakeBlockNumber) * perBlock;
        if (_prevStakeLimit < _maxStakeLimit) {
            uint256 grown = _prevStakeLimit + change;
            return grown > _maxStakeLimit ? _maxStakeLimit : grown;
        }
        uint256 sunk = change > _prevStakeLimit ? 0 : _prevStakeLimit - change;
        return sunk > _maxStakeLimit ? sunk : _maxStakeLimit;
    }

    function _growthBlocks() private view returns (uint256) {
        return _stakeLimitIncreasePerBlock == 0 ? 0 : _maxStakeLimit / _stakeLimitIncreasePerBlock;
    }

    /// @notice Devnet: the deployer sets Lido's sliding stake limit, with StakeLimitUtils.setStakingLimit's
    ///         rules: the accrued limit is kept unless staking was paused or unlimited or the new max is below
    ///         it (then it starts full at the new max).
    function setStakingLimit(uint256 _maxStakeLimitValue, uint256 _stakeLimitIncreasePerBlockValue)
        external
        onlyDevnetOracle
    {
        require(_maxStakeLimitValue != 0, "ZERO_MAX_STAKE_LIMIT");
        require(_maxStakeLimitValue <= type(uint96).max, "TOO_LARGE_MAX_STAKE_LIMIT");
        require(_stakeLimitIncreasePerBlockValue <= _maxStakeLimitValue, "TOO_LARGE_LIMIT_INCREASE");
        require(
            _stakeLimitIncreasePerBlockValue == 0
                || _maxStakeLimitValue / _stakeLimitIncreasePerBlockValue <= type(uint32).max,
            "TOO_SMALL_LIMIT_INCREASE"
        );
        if (_stakingPaused || _maxStakeLimit == 0 || _maxStakeLimitValue < _prevStakeLimit) {
            _prevStakeLimit = _maxStakeLimitValue;
        }
        _maxStakeLimit = _maxStakeLimitValue;
        _stakeLimitIncreasePerBlock = _stakeLimitIncreasePerBlockValue;
        _prevStakeBlockNumber = block.number;
        emit StakingLimitSet(_maxStakeLimitValue, _stakeLimitIncreasePerBlockValue);
    }

    /// @notice Devnet: the deployer removes the stake limit.
    function removeStakingLimit() external onlyDevnetOracle {
        _maxStakeLimit = 0;
        _stakeLimitIncreasePerBlock = 0;
        emit StakingLimitRemoved();
    }

    /// @notice Devnet: the deployer pauses staking (submit reverts "STAKING_PAUSED").
    function pauseStaking() external onlyDevnetOracle {
        _stakingPaused = true;
        emit StakingPaused();
    }

    /// @notice Devnet: the deployer resumes staking.
    function resumeStaking() external onlyDevnetOracle {
        _stakingPaused = false;
        emit StakingResumed();
    }

    // ------------------------------------------------------------------ devnet oracle

    /// @notice Devnet oracle report, in the order of Lido's Accounting: adds `rewardsOrLossWei` to the pooled ether
    ///         (rewards come as msg.value) or removes `-rewardsOrLossWei` (sent to the deployer); with
    ///         `lastRequestIdToFinalize` != 0 it also finalizes withdrawal requests up to that id, as far as one report
    ///         can (the queue's batches: at most 36, within the pooled ether). The share rate for finalization is the
    ///         report's simulated one (rewards and their fee shares in, no withdrawals), as the oracle computes it
    ///         off-chain. Order: the queue's `onOracleReport`; `calculateFinalizationBatches` and `prefinalize` at that
    ///         rate; the Burner's `requestBurnShares(queue, shares)`; the queue's `finalize{value: ethToLock}`; the
    ///         Burner's `commitSharesToBurn` (which calls `burnShares`); fee shares on rewards; `TokenRebased`.
    function devnetReport(int256 rewardsOrLossWei, uint256 lastRequestIdToFinalize) external payable onlyDevnetOracle {
        _whenNotStopped();
        uint256 preShares = _totalShares;
        uint256 preEther = _totalPooledEther;
        require(preShares != 0, "DEVNET_NO_SHARES");
        uint256 rewards;
        uint256 loss;
        if (rewardsOrLossWei >= 0) {
            require(msg.value == uint256(rewardsOrLossWei), "DEVNET_VALUE_MISMATCH");
            rewards = uint256(rewardsOrLossWei);
        } else {
            require(msg.value == 0, "DEVNET_VALUE_MISMATCH");
            loss = uint256(-rewardsOrLossWei);
            require(loss < preEther, "DEVNET_LOSS_TOO_LARGE");
        }
        IQueueForReport queue = IQueueForReport(devnetWithdrawalQueue);
        queue.onOracleReport(false, block.timestamp - 1, block.timestamp - 1);
        uint256 postEther = preEther + rewards - loss;
        uint256 ethToLock;
        uint256 sharesToBurn;
        uint256 lastFinalized;
        uint256 shareRate;
        if (lastRequestIdToFinalize != 0) {
            shareRate = postEther * 1e27 / (preShares + _feeShares(rewards, preShares, postEther));
            uint256[] memory batches = _finalizationBatches(queue, shareRate, lastRequestIdToFinalize, postEther);
            if (batches.length != 0) {
                lastFinalized = batches[batches.length - 1];
                (ethToLock, sharesToBurn) = queue.prefinalize(batches, shareRate);
                IBurnerForReport(devnetBurner).requestBurnShares(devnetWithdrawalQueue, sharesToBurn);
            }
        }
        _totalPooledEther = postEther - ethToLock;
        if (loss != 0) {
            (bool sent,) = msg.sender.call{value: loss}("");
            require(sent, "DEVNET_LOSS_NOT_SENT");
        }
        if (lastFinalized != 0) {
            queue.finalize{value: ethToLock}(lastFinalized, shareRate);
            IBurnerForReport(devnetBurner).commitSharesToBurn(sharesToBurn);
        }
        uint256 sharesMintedAsFees = _distributeFee(rewards, preShares - sharesToBurn, postEther - ethToLock);
        emit TokenRebased(
            block.timestamp,
            block.timestamp - _lastReportTimestamp,
            preShares,
            preEther,
            _totalShares,
            _totalPooledEther,
            sharesMintedAsFees
        );
        _lastReportTimestamp = block.timestamp;
    }

    /// @dev The oracle's batches: `calculateFinalizationBatches` from the first unfinalized request up to `lastId`,
    ///      with everything requested before this block, within `budget`.
    function _finalizationBatches(IQueueForReport queue, uint256 shareRate, uint256 lastId, uint256 budget)
        private
        view
        returns (uint256[] memory batches)
    {
        uint256 firstId = queue.getLastFinalizedRequestId() + 1;
        if (lastId < firstId || budget == 0) return batches;
        IWithdrawalQueueERC721.BatchesCalculationState memory state;
        state.remainingEthBudget = budget;
        state = queue.calculateFinalizationBatches(shareRate, block.timestamp, lastId + 1 - firstId, state);
        batches = new uint256[](state.batchesLength);
        for (uint256 i = 0; i < batches.length; ++i) {
            batches[i] = state.batches[i];
        }
    }

    /// @dev Accounting._calculateFees: the fee shares make the fee's part of the rewards,
    ///      `rewards * fee * shares / (postEther * precision - rewards * fee)` (floor), where shares and postEther
    ///      leave out what the report finalizes (shares burnt, ether locked).
    function _feeShares(uint256 rewards, uint256 shares, uint256 postEther) private pure returns (uint256) {
        if (rewards == 0) return 0;
        return rewards * TOTAL_FEE * shares / (postEther * FEE_PRECISION_POINTS - rewards * TOTAL_FEE);
    }

    /// @dev Accounting._distributeFee with one module: the module gets `minted * moduleFee / totalFee`, the
    ///      treasury the rest.
    function _distributeFee(uint256 rewards, uint256 preShares, uint256 postEther) private returns (uint256 minted) {
        minted = _feeShares(rewards, preShares, postEther);
        if (minted == 0) return 0;
        uint256 moduleShares = minted * MODULE_FEE / TOTAL_FEE;
        if (moduleShares != 0) {
            _mintShares(DEVNET_STAKING_MODULE, moduleShares);
            _emitTransferEvents(address(0), DEVNET_STAKING_MODULE, getPooledEthByShares(moduleShares), moduleShares);
        }
        uint256 treasuryShares = minted - moduleShares;
        if (treasuryShares != 0) {
            _mintShares(DEVNET_TREASURY, treasuryShares);
            _emitTransferEvents(address(0), DEVNET_TREASURY, getPooledEthByShares(treasuryShares), treasuryShares);
        }
    }

    // ------------------------------------------------------------------ shares and balances

    function getTotalPooledEther() public view returns (uint256) {
        return _totalPooledEther;
    }

    function totalSupply() external view returns (uint256) {
        return _totalPooledEther;
    }

    function getTotalShares() external view returns (uint256) {
        return _totalShares;
    }

    function sharesOf(address _account) external view returns (uint256) {
        return _shares[_account];
    }

    function balanceOf(address _account) external view returns (uint256) {
        return getPooledEthByShares(_shares[_account]);
    }

    /// @notice floor(eth * totalShares / totalPooledEther); 1:1 while nothing is pooled.
    function getSharesByPooledEth(uint256 _ethAmount) public view returns (uint256) {
        require(_ethAmount < UINT128_MAX, "ETH_TOO_LARGE");
        if (_totalShares == 0 || _totalPooledEther == 0) return _ethAmount;
        return _ethAmount * _totalShares / _totalPooledEther;
    }

    /// @notice floor(shares * totalPooledEther / totalShares); 1:1 while there are no shares.
    function getPooledEthByShares(uint256 _sharesAmount) public view returns (uint256) {
        require(_sharesAmount < UINT128_MAX, "SHARES_TOO_LARGE");
        if (_totalShares == 0) return _sharesAmount;
        return _sharesAmount * _totalPooledEther / _totalShares;
    }

    /// @notice ceil(shares * totalPooledEther / totalShares).
    function getPooledEthBySharesRoundUp(uint256 _sharesAmount) external view returns (uint256 etherAmount) {
        require(_sharesAmount < UINT128_MAX, "SHARES_TOO_LARGE");
        if (_totalShares == 0) return _sharesAmount;
        etherAmount = _sharesAmount * _totalPooledEther / _totalShares;
        if (mulmod(_sharesAmount, _totalPooledEther, _totalShares) != 0) etherAmount += 1;
    }

    function getBufferedEther() external view returns (uint256) {
        return _totalPooledEther;
    }

    /// @notice (0, 0, 0): the devnet has no validators.
    function getBeaconStat()
        external
        view
        returns (uint256 depositedValidators, uint256 beaconValidators, uint256 beaconBalance)
    {
        return (_zero, _zero, _zero);
    }

    /// @notice 1000 basis points: the 10% fee minted as shares on positive reports.
    function getFee() external pure returns (uint16 totalFee) {
        return uint16(TOTAL_FEE * 10000 / FEE_PRECISION_POINTS);
    }

    /// @notice The fee's split in basis points of the fee: half treasury, half operators (the module), no insurance.
    function getFeeDistribution()
        external
        pure
        returns (uint16 treasuryFeeBasisPoints, uint16 insuranceFeeBasisPoints, uint16 operatorsFeeBasisPoints)
    {
        return (uint16((TOTAL_FEE - MODULE_FEE) * 10000 / TOTAL_FEE), 0, uint16(MODULE_FEE * 10000 / TOTAL_FEE));
    }

    /// @notice 0: no external (stVault) shares on the devnet.
    function getExternalShares() external view returns (uint256) {
        return _zero;
    }

    function getExternalEther() external view returns (uint256) {
        return _zero;
    }

    function getMaxMintableExternalShares() external view returns (uint256) {
        return _zero;
    }

    function getMaxExternalRatioBP() external view returns (uint256) {
        return _zero;
    }

    function isStopped() external view returns (bool) {
        return _stopped;
    }

    function hasInitialized() external view returns (bool) {
        return _zero == 0;
    }

    // ------------------------------------------------------------------ ERC-20 in stETH

    function allowance(address _owner, address _spender) external view returns (uint256) {
        return _allowances[_owner][_spender];
    }

    function approve(address _spender, uint256 _amount) external returns (bool) {
        _approve(msg.sender, _spender, _amount);
        return true;
    }

    function increaseAllowance(address _spender, uint256 _addedValue) external returns (bool) {
        _approve(msg.sender, _spender, _allowances[msg.sender][_spender] + _addedValue);
        return true;
    }

    function decreaseAllowance(address _spender, uint256 _subtractedValue) external returns (bool) {
        uint256 current = _allowances[msg.sender][_spender];
        require(current >= _subtractedValue, "ALLOWANCE_BELOW_ZERO");
        _approve(msg.sender, _spender, current - _subtractedValue);
        return true;
    }

    /// @notice Moves floor(amount * totalShares / totalPooledEther) shares; `Transfer` carries `_amount`.
    function transfer(address _recipient, uint256 _amount) external returns (bool) {
        _transfer(msg.sender, _recipient, _amount);
        return true;
    }

    function transferFrom(address _sender, address _recipient, uint256 _amount) external returns (bool) {
        _spendAllowance(_sender, msg.sender, _amount);
        _transfer(_sender, _recipient, _amount);
        return true;
    }

    /// @notice Moves exactly `_sharesAmount`; returns the stETH they represent (floor).
    function transferShares(address _recipient, uint256 _sharesAmount) external returns (uint256) {
        _transferShares(msg.sender, _recipient, _sharesAmount);
        uint256 tokensAmount = getPooledEthByShares(_sharesAmount);
        _emitTransferEvents(msg.sender, _recipient, tokensAmount, _sharesAmount);
        return tokensAmount;
    }

    /// @notice Spends allowance of getPooledEthByShares(_sharesAmount) (floor).
    function transferSharesFrom(address _sender, address _recipient, uint256 _sharesAmount)
        external
        returns (uint256)
    {
        uint256 tokensAmount = getPooledEthByShares(_sharesAmount);
        _spendAllowance(_sender, msg.sender, tokensAmount);
        _transferShares(_sender, _recipient, _sharesAmount);
        _emitTransferEvents(_sender, _recipient, tokensAmount, _sharesAmount);
        return tokensAmount;
    }

    function _transfer(address _sender, address _recipient, uint256 _amount) internal {
        uint256 sharesToTransfer = getSharesByPooledEth(_amount);
        _transferShares(_sender, _recipient, sharesToTransfer);
        _emitTransferEvents(_sender, _recipient, _amount, sharesToTransfer);
    }

    function _transferShares(address _sender, address _recipient, uint256 _sharesAmount) internal {
        require(_sender != address(0), "TRANSFER_FROM_ZERO_ADDR");
        require(_recipient != address(0), "TRANSFER_TO_ZERO_ADDR");
        require(_recipient != address(this), "TRANSFER_TO_STETH_CONTRACT");
        _whenNotStopped();
        uint256 current = _shares[_sender];
        require(_sharesAmount <= current, "BALANCE_EXCEEDED");
        _shares[_sender] = current - _sharesAmount;
        _shares[_recipient] += _sharesAmount;
    }

    function _mintShares(address _recipient, uint256 _sharesAmount) internal {
        require(_recipient != address(0), "MINT_TO_ZERO_ADDR");
        _totalShares += _sharesAmount;
        _shares[_recipient] += _sharesAmount;
    }

    function _approve(address _owner, address _spender, uint256 _amount) internal {
        require(_owner != address(0), "APPROVE_FROM_ZERO_ADDR");
        require(_spender != address(0), "APPROVE_TO_ZERO_ADDR");
        _allowances[_owner][_spender] = _amount;
        emit Approval(_owner, _spender, _amount);
    }

    function _spendAllowance(address _owner, address _spender, uint256 _amount) internal {
        uint256 current = _allowances[_owner][_spender];
        if (current != INFINITE_ALLOWANCE) {
            require(current >= _amount, "ALLOWANCE_EXCEEDED");
            _approve(_owner, _spender, current - _amount);
        }
    }

    function _emitTransferEvents(address _from, address _to, uint256 _tokenAmount, uint256 _sharesAmount) internal {
        emit Transfer(_from, _to, _tokenAmount);
        emit TransferShares(_from, _to, _sharesAmount);
    }

    // ------------------------------------------------------------------ permit (EIP-2612 + EIP-1271)

    function nonces(address owner) external view returns (uint256) {
        return _nonces[owner];
    }

    function DOMAIN_SEPARATOR() public view returns (bytes32) {
        return keccak256(
            abi.encode(DOMAIN_TYPEHASH, keccak256(bytes(NAME)), keccak256(bytes(PERMIT_VERSION)), block.chainid, address(this))
        );
    }

    /// @notice The shortened ERC-5267 domain Lido returns (no fields, salt or extensions).
    function eip712Domain()
        external
        view
        returns (string memory name_, string memory version, uint256 chainId, address verifyingContract)
    {
        return (NAME, PERMIT_VERSION, block.chainid, address(this));
    }

    /// @notice The fixture hashes permits itself: it returns its own address (upstream: a helper contract).
    function getEIP712StETH() external view returns (address) {
        return address(this);
    }

    function permit(
        address _owner,
        address _spender,
        uint256 _value,
        uint256 _deadline,
        uint8 _v,
        bytes32 _r,
        bytes32 _s
    ) external {
        require(block.timestamp <= _deadline, "DEADLINE_EXPIRED");
        bytes32 structHash =
            keccak256(abi.encode(PERMIT_TYPEHASH, _owner, _spender, _value, _nonces[_owner]++, _deadline));
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", DOMAIN_SEPARATOR(), structHash));
        require(_isValidSignature(_owner, digest, _v, _r, _s), "INVALID_SIGNATURE");
        _approve(_owner, _spender, _value);
    }

    function _isValidSignature(address signer, bytes32 digest, uint8 v, bytes32 r, bytes32 s)
        private
        view
        returns (bool)
    {
        if (signer.code.length > 0) {
            (bool ok, bytes memory result) = signer.staticcall(
                abi.encodeWithSelector(IERC1271Wallet.isValidSignature.selector, digest, abi.encodePacked(r, s, v))
            );
            return ok && result.length >= 32 && abi.decode(result, (bytes32)) == bytes32(bytes4(0x1626ba7e));
        }
        if (uint256(s) > MAX_S || (v != 27 && v != 28)) return false;
        address recovered = ecrecover(digest, v, r, s);
        return recovered != address(0) && recovered == signer;
    }

    // ------------------------------------------------------------------ not supported

    function getLidoLocator() external view returns (address) {
        _unsupportedView("getLidoLocator");
        return address(0);
    }

    function getWithdrawalCredentials() external view returns (bytes32) {
        _unsupportedView("getWithdrawalCredentials");
        return bytes32(0);
    }

    function getTotalELRewardsCollected() external view returns (uint256) {
        _unsupportedView("getTotalELRewardsCollected");
        return 0;
    }

    function getDepositableEther() external view returns (uint256) {
        _unsupportedView("getDepositableEther");
        return 0;
    }

    function canDeposit() external view returns (bool) {
        _unsupportedView("canDeposit");
        return false;
    }

    function deposit(uint256, uint256, bytes calldata) external {
        _unsupported("deposit");
    }

    /// @notice As V3: the Burner burns `_amountOfShares` of its own shares (`SharesBurnt`; no Transfer event).
    function burnShares(uint256 _amountOfShares) external {
        require(msg.sender == devnetBurner, "APP_AUTH_FAILED");
        require(_amountOfShares <= _shares[msg.sender], "BALANCE_EXCEEDED");
        uint256 preRebaseTokenAmount = getPooledEthByShares(_amountOfShares);
        _shares[msg.sender] -= _amountOfShares;
        _totalShares -= _amountOfShares;
        uint256 postRebaseTokenAmount = _totalShares == 0 ? 0 : getPooledEthByShares(_amountOfShares);
        emit SharesBurnt(msg.sender, preRebaseTokenAmount, postRebaseTokenAmount, _amountOfShares);
    }

    function mintShares(address, uint256) external {
        _unsupported("mintShares");
    }

    function mintExternalShares(address, uint256) external {
        _unsupported("mintExternalShares");
    }

    function burnExternalShares(uint256) external {
        _unsupported("burnExternalShares");
    }

    function receiveELRewards() external payable {
        _unsupported("receiveELRewards");
    }

    function receiveWithdrawals() external payable {
        _unsupported("receiveWithdrawals");
    }

    /// @notice Devnet: the deployer (upstream: PAUSE_ROLE) stops the contract and pauses staking
    ///         (`Stopped`, `StakingPaused`); transfers and reports then revert "CONTRACT_IS_STOPPED".
    function stop() external onlyDevnetOracle {
        _whenNotStopped();
        _stopped = true;
        emit Stopped();
        _stakingPaused = true;
        emit StakingPaused();
    }

    /// @notice Devnet: the deployer (upstream: RESUME_ROLE) resumes the contract and staking (`Resumed`,
    ///         `StakingResumed`); reverts "CONTRACT_IS_ACTIVE" if not stopped. LidoDevnet calls it at deployment.
    function resume() external onlyDevnetOracle {
        require(_stopped, "CONTRACT_IS_ACTIVE");
        _stopped = false;
        emit Resumed();
        _stakingPaused = false;
        emit StakingResumed();
    }

    function _whenNotStopped() private view {
        require(!_stopped, "CONTRACT_IS_STOPPED");
    }

    function processClStateUpdate(uint256, uint256, uint256, uint256) external {
        _unsupported("processClStateUpdate");
    }

    function collectRewardsAndProcessWithdrawals(
        uint256,
        uint256,
        uint256,
        uint256,
        uint256,
        uint256,
        uint256,
        uint256
    ) external {
        _unsupported("collectRewardsAndProcessWithdrawals");
    }

    function emitTokenRebase(uint256, uint256, uint256, uint256, uint256, uint256, uint256, uint256, uint256)
        external
    {
        _unsupported("emitTokenRebase");
    }

    function STAKING_CONTROL_ROLE() external view returns (bytes32) {
        _unsupportedView("STAKING_CONTROL_ROLE");
        return bytes32(0);
    }

    function RESUME_ROLE() external view returns (bytes32) {
        _unsupportedView("RESUME_ROLE");
        return bytes32(0);
    }

    function PAUSE_ROLE() external view returns (bytes32) {
        _unsupportedView("PAUSE_ROLE");
        return bytes32(0);
    }

    function STAKING_PAUSE_ROLE() external view returns (bytes32) {
        _unsupportedView("STAKING_PAUSE_ROLE");
        return bytes32(0);
    }

    function UNSAFE_CHANGE_DEPOSITED_VALIDATORS_ROLE() external view returns (bytes32) {
        _unsupportedView("UNSAFE_CHANGE_DEPOSITED_VALIDATORS_ROLE");
        return bytes32(0);
    }

    function appId() external view returns (bytes32) {
        _unsupportedView("appId");
        return bytes32(0);
    }

    function getTreasury() external pure returns (address) {
        return DEVNET_TREASURY;
    }

    function getRecoveryVault() external view returns (address) {
        _unsupportedView("getRecoveryVault");
        return address(0);
    }

    function kernel() external view returns (address) {
        _unsupportedView("kernel");
        return address(0);
    }

    function getEVMScriptRegistry() external view returns (address) {
        _unsupportedView("getEVMScriptRegistry");
        return address(0);
    }

    function getContractVersion() external view returns (uint256) {
        _unsupportedView("getContractVersion");
        return 0;
    }

    function getInitializationBlock() external view returns (uint256) {
        _unsupportedView("getInitializationBlock");
        return 0;
    }

    function isPetrified() external view returns (bool) {
        _unsupportedView("isPetrified");
        return false;
    }

    function getEVMScriptExecutor(bytes calldata) external view returns (address) {
        _unsupportedView("getEVMScriptExecutor");
        return address(0);
    }

    function allowRecoverability(address) external view returns (bool) {
        _unsupportedView("allowRecoverability");
        return false;
    }

    function canPerform(address, bytes32, uint256[] calldata) external view returns (bool) {
        _unsupportedView("canPerform");
        return false;
    }

    function initialize(address, address) external payable {
        _unsupported("initialize");
    }

    function finalizeUpgrade_v3(address, address[] calldata, uint256) external {
        _unsupported("finalizeUpgrade_v3");
    }

    function unsafeChangeDepositedValidators(uint256) external {
        _unsupported("unsafeChangeDepositedValidators");
    }

    function internalizeExternalBadDebt(uint256) external {
        _unsupported("internalizeExternalBadDebt");
    }

    function rebalanceExternalEtherToInternal(uint256) external payable {
        _unsupported("rebalanceExternalEtherToInternal");
    }

    function setMaxExternalRatioBP(uint256) external {
        _unsupported("setMaxExternalRatioBP");
    }

    function transferToVault(address) external {
        _unsupported("transferToVault");
    }
}
