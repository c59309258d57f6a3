package io.restake4j.devnet.karak;

import static io.restake4j.devnet.testing.FixtureAsserts.assertRevertsWith;
import static io.restake4j.devnet.testing.FixtureAsserts.eth;
import static io.restake4j.devnet.testing.FixtureAsserts.mulDiv;
import static io.restake4j.devnet.testing.FixtureAsserts.mulDivUp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetAddresses;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.KarakDevnet;
import io.restake4j.devnet.fixtures.common.TestToken;
import io.restake4j.devnet.fixtures.karak.v2.KarakCore;
import io.restake4j.devnet.fixtures.karak.v2.KarakCoreVault;

/**
 * Karak v2 on the devnet through {@link KarakDevnet}'s controls: operator vaults of KarakCore with solady's
 * ERC-4626 math (virtual shares, offset 0) to the wei, both deposit forms and minSharesOut, mint, the two-step
 * redeem (the vault's self-approval, the 9-day delay, a third party finishing at the finish-time rate), a 10 %
 * slash finalized through the controls (totalAssets and a pending redeem's payout lowered exactly), a cancelled
 * slash leaving both unchanged, withdraw / redeem NotImplemented.
 */
@DevnetTest
class KarakV2IT {

    private static final BigInteger TEN_PERCENT_WAD = eth(10);

    private static BigInteger toShares(BigInteger assets, BigInteger supply, BigInteger total) {
        return mulDiv(assets, supply.add(BigInteger.ONE), total.add(BigInteger.ONE));
    }

    private static BigInteger toAssets(BigInteger shares, BigInteger supply, BigInteger total) {
        return mulDiv(shares, total.add(BigInteger.ONE), supply.add(BigInteger.ONE));
    }

    private record Setup(TestToken token, String vault, KarakCoreVault view) {
    }

    /** A fresh asset (allowlisted), a vault of {@code operator} without limit, stakers funded and approving it. */
    private static Setup setup(Devnet devnet, KarakDevnet karak, Credentials operator, Credentials... stakers)
            throws Exception {
        TestToken token = devnet.deployToken("Restaked ETH", "rsETH", 18);
        karak.allowlistAsset(token.getContractAddress());
        String vault = karak.deployOperatorVault(operator, token.getContractAddress(), "Karak v2 vault", "kv2", null);
        for (Credentials s : stakers) {
            token.send_mint(s.getAddress(), eth(100)).send();
            token(devnet, token, s).send_approve(vault, eth(100)).send();
        }
        return new Setup(token, vault, vault(devnet, vault, devnet.deployer()));
    }

    private static TestToken token(Devnet devnet, TestToken token, Credentials who) {
        return TestToken.load(token.getContractAddress(), devnet.web3j(), devnet.transactionManager(who), devnet.gasProvider());
    }

    private static KarakCoreVault vault(Devnet devnet, String vault, Credentials who) {
        return KarakCoreVault.load(vault, devnet.web3j(), devnet.transactionManager(who), devnet.gasProvider());
    }

    private static KarakCore core(Devnet devnet, KarakDevnet karak) {
        return KarakCore.load(karak.core(), devnet.web3j(), devnet.transactionManager(devnet.deployer()), devnet.gasProvider());
    }

    private static BigInteger balance(TestToken token, String who) throws Exception {
        return token.call_balanceOf(who).send();
    }

    @Test
    void coreIsDeployedAfterV1AndOwnedByTheDeployer(Devnet devnet, KarakDevnet karak, @Account(3) Credentials operator)
            throws Exception {
        assertEquals(karak.core(), devnet.addresses().require(DevnetAddresses.KARAK_CORE));
        assertEquals(karak.coreVaultImplementation(), devnet.addresses().require(DevnetAddresses.KARAK_CORE_VAULT_IMPLEMENTATION));
        KarakCore core = core(devnet, karak);
        assertEquals(devnet.deployer().getAddress(), core.call_owner().send());
        assertEquals(devnet.deployer().getAddress(), core.call_vetoCommittee().send());
        assertEquals(karak.coreVaultImplementation(), core.call_vaultImpl().send());
        assertEquals("2.0.0", core.call_VERSION().send());

        TestToken token = devnet.deployToken("Karak asset", "KA", 6);
        assertFalse(core.call_isAssetAllowlisted(token.getContractAddress()).send());
        karak.allowlistAsset(token.getContractAddress());
        assertTrue(core.call_isAssetAllowlisted(token.getContractAddress()).send());
        assertEquals(KarakDevnet.SLASHING_HANDLER.toLowerCase(),
                core.call_assetSlashingHandler(token.getContractAddress()).send().toLowerCase());
        String limited = karak.deployOperatorVault(operator, token.getContractAddress(), "Limited", "LIM", BigInteger.valueOf(5_000_000));
        KarakCoreVault v = vault(devnet, limited, operator);
        assertEquals(BigInteger.valueOf(6), v.call_decimals().send());
        assertEquals("Limited", v.call_name().send());
        assertEquals(BigInteger.valueOf(5_000_000), v.call_maxDeposit(operator.getAddress()).send());
        assertArrayEquals(Numeric.toBytesPadded(BigInteger.valueOf(5_000_000), 32), v.call_vaultConfig().send().extraData);
        assertEquals(karak.core(), v.call_owner().send());
        List<?> vaults = core.call_getOperatorVaults(operator.getAddress()).send();
        assertEquals(limited, vaults.get(vaults.size() - 1));
    }

    @Test
    void depositsAndMintFollowSoladyMathToTheWei(Devnet devnet, KarakDevnet karak, @Account(3) Credentials operator,
            @Account(1) Credentials alice, @Account(2) Credentials bob) throws Exception {
        Setup s = setup(devnet, karak, operator, alice, bob);
        KarakCoreVault asAlice = vault(devnet, s.vault(), alice);
        KarakCoreVault asBob = vault(devnet, s.vault(), bob);
        KarakCoreVault v = s.view();
        assertEquals(s.token().getContractAddress(), v.call_asset().send());

        BigInteger a1 = eth(3);
        TransactionReceipt r1 = asAlice.send_deposit(a1, alice.getAddress()).send();
        System.out.println("Karak v2 gas: vault.deposit(assets, to) (first) = " + r1.getGasUsed());
        assertEquals(a1, v.call_balanceOf(alice.getAddress()).send());

        BigInteger donation = new BigInteger("777777777777777777");
        token(devnet, s.token(), bob).send_transfer(s.vault(), donation).send();
        BigInteger supply = a1;
        BigInteger total = a1.add(donation);
        assertEquals(total, v.call_totalAssets().send());

        // deposit(assets, to, minSharesOut): exact shares pass, one more is refused
        BigInteger a2 = new BigInteger("1234567890123456789");
        BigInteger expected2 = toShares(a2, supply, total);
        assertEquals(expected2, v.call_previewDeposit(a2).send());
        assertRevertsWith(devnet, bob.getAddress(), s.vault(),
                KarakCoreVault.getABI_send_deposit(a2, bob.getAddress(), expected2.add(BigInteger.ONE)), "NotEnoughShares()");
        TransactionReceipt r2 = asBob.send_deposit(a2, bob.getAddress(), expected2).send();
        System.out.println("Karak v2 gas: vault.deposit(assets, to, minSharesOut) (vault not empty) = " + r2.getGasUsed());
        assertEquals(expected2, v.call_balanceOf(bob.getAddress()).send());
        supply = supply.add(expected2);
        total = total.add(a2);

        // deposit(assets, to) for someone else
        BigInteger a3 = BigInteger.valueOf(999_999_999_999L);
        BigInteger expected3 = toShares(a3, supply, total);
        asAlice.send_deposit(a3, bob.getAddress()).send();
        supply = supply.add(expected3);
        total = total.add(a3);
        assertEquals(expected2.add(expected3), v.call_balanceOf(bob.getAddress()).send());

        // mint pulls previewMint (rounded up)
        BigInteger m = BigInteger.valueOf(123_456_789_012L);
        BigInteger cost = mulDivUp(m, total.add(BigInteger.ONE), supply.add(BigInteger.ONE));
        assertEquals(cost, v.call_previewMint(m).send());
        BigInteger before = balance(s.token(), alice.getAddress());
        asAlice.send_mint(m, alice.getAddress()).send();
        assertEquals(before.subtract(cost), balance(s.token(), alice.getAddress()));
        supply = supply.add(m);
        total = total.add(cost);
        assertEquals(supply, v.call_totalSupply().send());
        assertEquals(total, v.call_totalAssets().send());
        BigInteger q = BigInteger.valueOf(987_654_321L);
        assertEquals(toAssets(q, supply, total), v.call_convertToAssets(q).send());
        assertEquals(mulDivUp(q, supply.add(BigInteger.ONE), total.add(BigInteger.ONE)), v.call_previewWithdraw(q).send());

        assertRevertsWith(devnet, alice.getAddress(), s.vault(),
                KarakCoreVault.getABI_send_deposit(BigInteger.ZERO, alice.getAddress()), "ZeroAmount()");
        assertRevertsWith(devnet, alice.getAddress(), s.vault(),
                KarakCoreVault.getABI_send_mint(BigInteger.ZERO, alice.getAddress()), "ZeroShares()");
        assertRevertsWith(devnet, alice.getAddress(), s.vault(),
                KarakCoreVault.getABI_send_withdraw(BigInteger.ONE, alice.getAddress(), alice.getAddress()), "NotImplemented()");
        assertRevertsWith(devnet, alice.getAddress(), s.vault(),
                KarakCoreVault.getABI_send_redeem(BigInteger.ONE, alice.getAddress(), alice.getAddress()), "NotImplemented()");
    }

    @Test
    void redeemNeedsTheSelfApprovalAndNineDaysAndPaysAtTheFinishRate(Devnet devnet, KarakDevnet karak,
            @Account(3) Credentials operator, @Account(1) Credentials alice, @Account(2) Credentials bob,
            @Account(4) Credentials carol) throws Exception {
        Setup s = setup(devnet, karak, operator, alice, bob);
        KarakCoreVault asAlice = vault(devnet, s.vault(), alice);
        asAlice.send_deposit(eth(10), alice.getAddress()).send();
        BigInteger shares = eth(4);

        // without approving the vault on itself the escrow transfer fails
        assertRevertsWith(devnet, alice.getAddress(), s.vault(),
                KarakCoreVault.getABI_send_startRedeem(shares, carol.getAddress()), "InsufficientAllowance()");
        asAlice.send_approve(s.vault(), shares).send();
        BigInteger nonce = s.view().call_getNextWithdrawNonce(alice.getAddress()).send();
        TransactionReceipt started = asAlice.send_startRedeem(shares, carol.getAddress()).send();
        System.out.println("Karak v2 gas: vault.startRedeem = " + started.getGasUsed());
        KarakCoreVault.StartedRedeemEventResponse ev = KarakCoreVault.getStartedRedeemEvents(started).get(0);
        byte[] key = Hash.sha3(Numeric.hexStringToByteArray(
                TypeEncoder.encode(new Address(alice.getAddress())) + TypeEncoder.encode(new Uint256(nonce))));
        assertArrayEquals(key, ev.withdrawKey);
        assertEquals(shares, s.view().call_balanceOf(s.vault()).send());
        assertTrue(s.view().call_isWithdrawalPending(alice.getAddress(), nonce).send());

        assertRevertsWith(devnet, bob.getAddress(), s.vault(), KarakCoreVault.getABI_send_finishRedeem(key),
                "MinWithdrawDelayNotPassed()");
        devnet.advanceTime(KarakDevnet.REDEEM_DELAY.minusSeconds(10));
        assertRevertsWith(devnet, bob.getAddress(), s.vault(), KarakCoreVault.getABI_send_finishRedeem(key),
                "MinWithdrawDelayNotPassed()");
        devnet.advanceTime(Duration.ofSeconds(11));

        // a donation after the start raises the payout: the rate is the finish-time one
        token(devnet, s.token(), bob).send_transfer(s.vault(), eth(1)).send();
        BigInteger supply = s.view().call_totalSupply().send();
        BigInteger total = s.view().call_totalAssets().send();
        BigInteger payout = toAssets(shares, supply, total);
        TransactionReceipt finished = vault(devnet, s.vault(), bob).send_finishRedeem(key).send();
        System.out.println("Karak v2 gas: vault.finishRedeem (third party) = " + finished.getGasUsed());
        assertEquals(payout, balance(s.token(), carol.getAddress()));
        assertEquals(payout, KarakCoreVault.getFinishedRedeemEvents(finished).get(0).assetsClaimed);
        assertEquals(supply.subtract(shares), s.view().call_totalSupply().send());
        assertFalse(s.view().call_isWithdrawalPending(alice.getAddress(), nonce).send());
        assertRevertsWith(devnet, bob.getAddress(), s.vault(), KarakCoreVault.getABI_send_finishRedeem(key),
                "WithdrawalNotFound()");
    }

    @Test
    void aTenPercentSlashLowersTotalAssetsAndAPendingRedeemExactlyAndACancelLeavesThem(Devnet devnet,
            KarakDevnet karak, @Account(5) Credentials operator, @Account(6) Credentials dss,
            @Account(1) Credentials alice, @Account(2) Credentials bob) throws Exception {
        Setup s = setup(devnet, karak, operator, alice);
        KarakCoreVault asAlice = vault(devnet, s.vault(), alice);
        asAlice.send_deposit(new BigInteger("12345678901234567891"), alice.getAddress()).send();
        BigInteger shares = new BigInteger("3333333333333333333");
        asAlice.send_approve(s.vault(), shares).send();
        TransactionReceipt started = asAlice.send_startRedeem(shares, alice.getAddress()).send();
        byte[] key = KarakCoreVault.getStartedRedeemEvents(started).get(0).withdrawKey;

        if (!core(devnet, karak).call_isDSSRegistered(dss.getAddress()).send()) {
            karak.registerDss(dss, eth(50));
        }
        karak.registerOperatorToDss(operator, dss.getAddress());
        karak.stakeVaultInDss(operator, s.vault(), dss.getAddress());
        KarakCore core = core(devnet, karak);
        assertEquals(List.of(s.vault()), core.call_fetchVaultsStakedInDSS(operator.getAddress(), dss.getAddress()).send());

        // a cancelled slashing moves nothing
        BigInteger total = s.view().call_totalAssets().send();
        BigInteger supply = s.view().call_totalSupply().send();
        KarakDevnet.Slashing vetoed = karak.requestSlashing(dss, operator.getAddress(), List.of(s.vault()),
                List.of(TEN_PERCENT_WAD));
        assertTrue(core.call_isVaultQueuedForSlashing(s.vault()).send());
        karak.cancelSlashing(vetoed);
        assertFalse(core.call_isVaultQueuedForSlashing(s.vault()).send());
        assertEquals(total, s.view().call_totalAssets().send());
        assertEquals(toAssets(shares, supply, total), s.view().call_convertToAssets(shares).send());
        assertRevertsWith(devnet, bob.getAddress(), karak.core(),
                KarakCore.getABI_send_finalizeSlashing(vetoed.queuedSlashing()), "InvalidSlashingParams()");

        // the next request waits out the cooldown; then a 10 % slash, finalized after the veto window
        devnet.advanceTime(Duration.ofDays(2).plusSeconds(1));
        KarakDevnet.Slashing slashing = karak.requestSlashing(dss, operator.getAddress(), List.of(s.vault()),
                List.of(TEN_PERCENT_WAD));
        assertEquals(vetoed.nonce().add(BigInteger.ONE), slashing.nonce());
        assertRevertsWith(devnet, bob.getAddress(), karak.core(),
                KarakCore.getABI_send_finalizeSlashing(slashing.queuedSlashing()), "MinSlashingDelayNotPassed()");
        assertRevertsWith(devnet, bob.getAddress(), karak.core(),
                KarakCore.getABI_send_cancelSlashing(slashing.queuedSlashing()), "Unauthorized()");
        BigInteger burnedBefore = balance(s.token(), KarakDevnet.SLASHING_HANDLER);
        TransactionReceipt finalized = karak.finalizeSlashing(slashing);
        System.out.println("Karak v2 gas: core.finalizeSlashing (one vault) = " + finalized.getGasUsed());
        BigInteger slashed = mulDiv(TEN_PERCENT_WAD, total, eth(100));
        assertEquals(total.subtract(slashed), s.view().call_totalAssets().send());
        assertEquals(burnedBefore.add(slashed), balance(s.token(), KarakDevnet.SLASHING_HANDLER));
        BigInteger after = total.subtract(slashed);
        BigInteger payout = toAssets(shares, supply, after);
        assertEquals(payout, s.view().call_convertToAssets(shares).send());

        // the pending redeem is paid at the slashed rate
        devnet.advanceTime(KarakDevnet.REDEEM_DELAY);
        BigInteger before = balance(s.token(), alice.getAddress());
        vault(devnet, s.vault(), bob).send_finishRedeem(key).send();
        assertEquals(before.add(payout), balance(s.token(), alice.getAddress()));
    }
}
