// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title ILidoLocator
/// @notice Address book of a Lido deployment: resolve stETH, wstETH, the withdrawal queue and the
///         rest at run time instead of hard-coding them.
interface ILidoLocator {
    /// @notice A constructor argument was the zero address.
    error ZeroAddress();

    // ---------------------------------------------------------------------
    // User-facing contracts
    // ---------------------------------------------------------------------

    /// @notice stETH (the Lido proxy).
    function lido() external view returns (address);
    function wstETH() external view returns (address);

    /// @notice WithdrawalQueueERC721 (unstETH).
    function withdrawalQueue() external view returns (address);
    function treasury() external view returns (address);

    // ---------------------------------------------------------------------
    // Protocol contracts
    // ---------------------------------------------------------------------

    function accounting() external view returns (address);
    function accountingOracle() external view returns (address);
    function burner() external view returns (address);
    function depositSecurityModule() external view returns (address);
    function elRewardsVault() external view returns (address);
    function oracleDaemonConfig() external view returns (address);
    function oracleReportSanityChecker() external view returns (address);
    function postTokenRebaseReceiver() external view returns (address);
    function stakingRouter() external view returns (address);
    function triggerableWithdrawalsGateway() external view returns (address);
    function validatorExitDelayVerifier() external view returns (address);
    function validatorsExitBusOracle() external view returns (address);
    function withdrawalVault() external view returns (address);

    // V3 (stVaults)
    function vaultHub() external view returns (address);
    function vaultFactory() external view returns (address);
    function lazyOracle() external view returns (address);
    function operatorGrid() external view returns (address);
    function predepositGuarantee() external view returns (address);

    /// @notice elRewardsVault, oracleReportSanityChecker, stakingRouter, treasury, withdrawalQueue, withdrawalVault.
    function coreComponents() external view returns (address, address, address, address, address, address);

    /// @notice accountingOracle, oracleReportSanityChecker, burner, withdrawalQueue, postTokenRebaseReceiver,
    ///         stakingRouter, vaultHub.
    function oracleReportComponents() external view returns (address, address, address, address, address, address, address);
}
