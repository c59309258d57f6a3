// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ILidoLocator} from "abi/lido/ILidoLocator.sol";

/// @title LidoLocator (devnet fixture)
/// @notice Lido's address book, as the SDK reads it on mainnet and testnets: stETH, wstETH, the
///         withdrawal queue and the Burner of the devnet's Lido fixtures, the devnet treasury, and stETH as
///         `accounting()` (its devnet report plays Accounting). The devnet has none of Lido's oracle, staking
///         router, vault or V3 contracts, so their getters revert `NotSupportedByFixture(name)` rather than
///         answer with an address that holds no contract.
/// @dev Immutable, like upstream (upgrades replace the implementation behind the proxy). Implements our
///      abi/lido/ILidoLocator.sol. Test fixture only. Written for restake4j; no upstream code.
contract LidoLocator is ILidoLocator {
    error NotSupportedByFixture(string what);

    address private immutable _lido;
    address private immutable _wstETH;
    address private immutable _withdrawalQueue;
    address private immutable _burner;
    address private immutable _treasury;

    constructor(address lido_, address wstETH_, address withdrawalQueue_, address burner_, address treasury_) {
        if (lido_ == address(0) || wstETH_ == address(0) || withdrawalQueue_ == address(0)) revert ZeroAddress();
        if (burner_ == address(0) || treasury_ == address(0)) revert ZeroAddress();
        _lido = lido_;
        _wstETH = wstETH_;
        _withdrawalQueue = withdrawalQueue_;
        _burner = burner_;
        _treasury = treasury_;
    }

    function lido() external view returns (address) { return _lido; }
    function wstETH() external view returns (address) { return _wstETH; }
    function withdrawalQueue() external view returns (address) { return _withdrawalQueue; }

    function treasury() external view returns (address) { return _treasury; }
    function accounting() external view returns (address) { return _lido; }
    function accountingOracle() external pure returns (address) { revert NotSupportedByFixture("accountingOracle"); }
    function burner() external view returns (address) { return _burner; }
    function depositSecurityModule() external pure returns (address) { revert NotSupportedByFixture("depositSecurityModule"); }
    function elRewardsVault() external pure returns (address) { revert NotSupportedByFixture("elRewardsVault"); }
    function oracleDaemonConfig() external pure returns (address) { revert NotSupportedByFixture("oracleDaemonConfig"); }
    function oracleReportSanityChecker() external pure returns (address) { revert NotSupportedByFixture("oracleReportSanityChecker"); }
    function postTokenRebaseReceiver() external pure returns (address) { revert NotSupportedByFixture("postTokenRebaseReceiver"); }
    function stakingRouter() external pure returns (address) { revert NotSupportedByFixture("stakingRouter"); }
    function triggerableWithdrawalsGateway() external pure returns (address) { revert NotSupportedByFixture("triggerableWithdrawalsGateway"); }
    function validatorExitDelayVerifier() external pure returns (address) { revert NotSupportedByFixture("validatorExitDelayVerifier"); }
    function validatorsExitBusOracle() external pure returns (address) { revert NotSupportedByFixture("validatorsExitBusOracle"); }
    function withdrawalVault() external pure returns (address) { revert NotSupportedByFixture("withdrawalVault"); }
    function vaultHub() external pure returns (address) { revert NotSupportedByFixture("vaultHub"); }
    function vaultFactory() external pure returns (address) { revert NotSupportedByFixture("vaultFactory"); }
    function lazyOracle() external pure returns (address) { revert NotSupportedByFixture("lazyOracle"); }
    function operatorGrid() external pure returns (address) { revert NotSupportedByFixture("operatorGrid"); }
    function predepositGuarantee() external pure returns (address) { revert NotSupportedByFixture("predepositGuarantee"); }

    function coreComponents() external pure returns (address, address, address, address, address, address) {
        revert NotSupportedByFixture("coreComponents");
    }

    function oracleReportComponents() external pure returns (address, address, address, address, address, address, address) {
        revert NotSupportedByFixture("oracleReportComponents");
    }
}
