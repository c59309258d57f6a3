// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title ILido
/// @notice stETH as the Lido proxy serves it (Lido V3): ETH staking with referral, the rebasing token
///         kept in shares, EIP-2612 permit (with ERC-1271 for contract owners), external shares minted
///         against stVaults, oracle-side accounting and the Aragon app plumbing. The real contract is
///         Solidity 0.4.24 and reverts with strings only, so no custom errors are declared.
interface ILido {
    // ---------------------------------------------------------------------
    // Events: staking and accounting
    // ---------------------------------------------------------------------

    /// @notice `sender` staked `amount` wei, naming `referral`.
    event Submitted(address indexed sender, uint256 amount, address referral);

    /// @notice `account` had `sharesAmount` shares burnt (no Transfer event accompanies it).
    event SharesBurnt(address indexed account, uint256 preRebaseTokenAmount, uint256 postRebaseTokenAmount, uint256 sharesAmount);

    /// @notice An oracle report changed the share rate: totals before and after, fee shares minted.
    event TokenRebased(uint256 indexed reportTimestamp, uint256 timeElapsed, uint256 preTotalShares, uint256 preTotalEther, uint256 postTotalShares, uint256 postTotalEther, uint256 sharesMintedAsFees);

    /// @notice Ether moved by an oracle report: consensus-layer balances, withdrawals and EL rewards taken in.
    event ETHDistributed(uint256 indexed reportTimestamp, uint256 preCLBalance, uint256 postCLBalance, uint256 withdrawalsWithdrawn, uint256 executionLayerRewardsWithdrawn, uint256 postBufferedEther);

    /// @notice The internal share rate after a report (V3).
    event InternalShareRateUpdated(uint256 indexed reportTimestamp, uint256 postInternalShares, uint256 postInternalEther, uint256 sharesMintedAsFees);

    /// @notice The number of validators seen on the consensus layer changed.
    event CLValidatorsUpdated(uint256 indexed reportTimestamp, uint256 preCLValidators, uint256 postCLValidators);

    /// @notice The deposited-validators counter was set.
    event DepositedValidatorsChanged(uint256 depositedValidators);

    /// @notice Execution-layer rewards arrived.
    event ELRewardsReceived(uint256 amount);

    /// @notice Withdrawn validator ether arrived.
    event WithdrawalsReceived(uint256 amount);

    /// @notice Buffered ether left for deposits to validators.
    event Unbuffered(uint256 amount);

    /// @notice `amountOfShares` external shares were minted to `receiver` (V3).
    event ExternalSharesMinted(address indexed receiver, uint256 amountOfShares);

    /// @notice `amountOfShares` external shares were burnt (V3).
    event ExternalSharesBurnt(uint256 amountOfShares);

    /// @notice External ether was moved into the buffer (V3).
    event ExternalEtherTransferredToBuffer(uint256 amount);

    /// @notice External bad debt of `amountOfShares` shares was taken on by all holders (V3).
    event ExternalBadDebtInternalized(uint256 amountOfShares);

    /// @notice The cap on external shares, in basis points of all shares, changed (V3).
    event MaxExternalRatioBPSet(uint256 maxExternalRatioBP);

    // ---------------------------------------------------------------------
    // Events: token
    // ---------------------------------------------------------------------

    /// @notice `value` stETH moved from `from` to `to` (zero address on mint).
    event Transfer(address indexed from, address indexed to, uint256 value);

    /// @notice The same move counted in shares; emitted beside every Transfer.
    event TransferShares(address indexed from, address indexed to, uint256 sharesValue);

    /// @notice `owner` set the allowance of `spender` to `value`.
    event Approval(address indexed owner, address indexed spender, uint256 value);

    // ---------------------------------------------------------------------
    // Events: pausing, limits, set-up
    // ---------------------------------------------------------------------

    event StakingPaused();
    event StakingResumed();
    event StakingLimitSet(uint256 maxStakeLimit, uint256 stakeLimitIncreasePerBlock);
    event StakingLimitRemoved();

    /// @notice The whole protocol (token included) was stopped.
    event Stopped();

    /// @notice The protocol was resumed.
    event Resumed();

    event LidoLocatorSet(address lidoLocator);
    event EIP712StETHInitialized(address eip712StETH);
    event ContractVersionSet(uint256 version);

    // Aragon app
    event RecoverToVault(address indexed vault, address indexed token, uint256 amount);
    event ScriptResult(address indexed executor, bytes script, bytes input, bytes returnData);

    // ---------------------------------------------------------------------
    // Staking
    // ---------------------------------------------------------------------

    /// @notice Stakes msg.value for the caller; returns the SHARES minted (not stETH).
    function submit(address _referral) external payable returns (uint256);

    /// @notice Plain ETH with empty calldata stakes as `submit(address(0))`.
    fallback() external payable;

    function isStakingPaused() external view returns (bool);

    /// @notice How much can be staked now: 2^256-1 when unlimited, 0 when paused or exhausted.
    function getCurrentStakeLimit() external view returns (uint256);

    function getStakeLimitFullInfo() external view returns (bool isStakingPaused_, bool isStakingLimitSet, uint256 currentStakeLimit, uint256 maxStakeLimit, uint256 maxStakeLimitGrowthBlocks, uint256 prevStakeLimit, uint256 prevStakeBlockNumber);
    function getBufferedEther() external view returns (uint256);
    function getDepositableEther() external view returns (uint256);
    function canDeposit() external view returns (bool);
    function getBeaconStat() external view returns (uint256 depositedValidators, uint256 beaconValidators, uint256 beaconBalance);
    function getTotalELRewardsCollected() external view returns (uint256);
    function getWithdrawalCredentials() external view returns (bytes32);
    function getTreasury() external view returns (address);

    /// @notice Legacy fee views, in basis points.
    function getFee() external view returns (uint16 totalFee);
    function getFeeDistribution() external view returns (uint16 treasuryFeeBasisPoints, uint16 insuranceFeeBasisPoints, uint16 operatorsFeeBasisPoints);

    /// @notice The LidoLocator, which names the other protocol contracts.
    function getLidoLocator() external view returns (address);

    // ---------------------------------------------------------------------
    // Shares
    // ---------------------------------------------------------------------

    /// @notice All pooled ether (internal + external); equals totalSupply().
    function getTotalPooledEther() external view returns (uint256);
    function getTotalShares() external view returns (uint256);
    function sharesOf(address _account) external view returns (uint256);

    /// @notice Shares for an ether amount, rounded down.
    function getSharesByPooledEth(uint256 _ethAmount) external view returns (uint256);

    /// @notice Ether for a share amount, rounded down.
    function getPooledEthByShares(uint256 _sharesAmount) external view returns (uint256);

    /// @notice Ether for a share amount, rounded up (V3).
    function getPooledEthBySharesRoundUp(uint256 _sharesAmount) external view returns (uint256);

    /// @notice Moves shares; returns the stETH they are worth (rounded down).
    function transferShares(address _recipient, uint256 _sharesAmount) external returns (uint256);

    /// @notice Moves shares on an allowance counted in stETH.
    function transferSharesFrom(address _sender, address _recipient, uint256 _sharesAmount) external returns (uint256);

    // ---------------------------------------------------------------------
    // External shares (V3, stVaults)
    // ---------------------------------------------------------------------

    function getExternalShares() external view returns (uint256);
    function getExternalEther() external view returns (uint256);
    function getMaxMintableExternalShares() external view returns (uint256);
    function getMaxExternalRatioBP() external view returns (uint256);
    function mintExternalShares(address _recipient, uint256 _amountOfShares) external;
    function burnExternalShares(uint256 _amountOfShares) external;
    function rebalanceExternalEtherToInternal(uint256 _amountOfShares) external payable;
    function internalizeExternalBadDebt(uint256 _amountOfShares) external;
    function setMaxExternalRatioBP(uint256 _maxExternalRatioBP) external;

    // ---------------------------------------------------------------------
    // ERC-20 (amounts in stETH)
    // ---------------------------------------------------------------------

    function name() external pure returns (string memory);
    function symbol() external pure returns (string memory);
    function decimals() external pure returns (uint8);
    function totalSupply() external view returns (uint256);
    function balanceOf(address _account) external view returns (uint256);
    function allowance(address _owner, address _spender) external view returns (uint256);
    function approve(address _spender, uint256 _amount) external returns (bool);
    function transfer(address _recipient, uint256 _amount) external returns (bool);
    function transferFrom(address _sender, address _recipient, uint256 _amount) external returns (bool);
    function increaseAllowance(address _spender, uint256 _addedValue) external returns (bool);
    function decreaseAllowance(address _spender, uint256 _subtractedValue) external returns (bool);

    // ---------------------------------------------------------------------
    // Permit (EIP-2612, EIP-5267 shortened)
    // ---------------------------------------------------------------------

    function permit(address _owner, address _spender, uint256 _value, uint256 _deadline, uint8 _v, bytes32 _r, bytes32 _s) external;
    function nonces(address owner) external view returns (uint256);
    function DOMAIN_SEPARATOR() external view returns (bytes32);

    /// @notice name, version, chain id and verifying contract only (no salt, extensions or fields).
    function eip712Domain() external view returns (string memory name, string memory version, uint256 chainId, address verifyingContract);

    /// @notice The helper contract that hashes the EIP-712 domain.
    function getEIP712StETH() external view returns (address);

    // ---------------------------------------------------------------------
    // Protocol operations (oracle, deposits, governance)
    // ---------------------------------------------------------------------

    function deposit(uint256 _maxDepositsCount, uint256 _stakingModuleId, bytes calldata _depositCalldata) external;
    function receiveELRewards() external payable;
    function receiveWithdrawals() external payable;
    function processClStateUpdate(uint256 _reportTimestamp, uint256 _preClValidators, uint256 _reportClValidators, uint256 _reportClBalance) external;
    function collectRewardsAndProcessWithdrawals(uint256 _reportTimestamp, uint256 _reportClBalance, uint256 _principalCLBalance, uint256 _withdrawalsToWithdraw, uint256 _elRewardsToWithdraw, uint256 _lastWithdrawalRequestToFinalize, uint256 _withdrawalsShareRate, uint256 _etherToLockOnWithdrawalQueue) external;
    function emitTokenRebase(uint256 _reportTimestamp, uint256 _timeElapsed, uint256 _preTotalShares, uint256 _preTotalEther, uint256 _postTotalShares, uint256 _postTotalEther, uint256 _postInternalShares, uint256 _postInternalEther, uint256 _sharesMintedAsFees) external;
    function mintShares(address _recipient, uint256 _amountOfShares) external;
    function burnShares(uint256 _amountOfShares) external;
    function unsafeChangeDepositedValidators(uint256 _newDepositedValidators) external;

    function stop() external;
    function resume() external;
    function isStopped() external view returns (bool);
    function pauseStaking() external;
    function resumeStaking() external;
    function setStakingLimit(uint256 _maxStakeLimit, uint256 _stakeLimitIncreasePerBlock) external;
    function removeStakingLimit() external;

    function STAKING_CONTROL_ROLE() external view returns (bytes32);
    function STAKING_PAUSE_ROLE() external view returns (bytes32);
    function PAUSE_ROLE() external view returns (bytes32);
    function RESUME_ROLE() external view returns (bytes32);
    function UNSAFE_CHANGE_DEPOSITED_VALIDATORS_ROLE() external view returns (bytes32);

    function initialize(address _lidoLocator, address _eip712StETH) external payable;
    function finalizeUpgrade_v3(address _oldBurner, address[] calldata _contractsWithBurnerAllowances, uint256 _initialMaxExternalRatioBP) external;
    function getContractVersion() external view returns (uint256);

    // ---------------------------------------------------------------------
    // Aragon app
    // ---------------------------------------------------------------------

    function kernel() external view returns (address);
    function appId() external view returns (bytes32);
    function hasInitialized() external view returns (bool);
    function getInitializationBlock() external view returns (uint256);
    function isPetrified() external view returns (bool);
    function canPerform(address _sender, bytes32 _role, uint256[] calldata _params) external view returns (bool);
    function getEVMScriptExecutor(bytes calldata _script) external view returns (address);
    function getEVMScriptRegistry() external view returns (address);
    function getRecoveryVault() external view returns (address);
    function allowRecoverability(address token) external view returns (bool);
    function transferToVault(address token) external;
}
