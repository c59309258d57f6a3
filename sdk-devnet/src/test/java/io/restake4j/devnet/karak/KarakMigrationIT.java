package io.restake4j.devnet.karak;

import static io.restake4j.devnet.testing.FixtureAsserts.assertRevertsWith;
import static io.restake4j.devnet.testing.FixtureAsserts.eth;
import static io.restake4j.devnet.testing.FixtureAsserts.mulDiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tuples.generated.Tuple4;

import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetException;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.KarakDevnet;
import io.restake4j.devnet.fixtures.common.TestToken;
import io.restake4j.devnet.fixtures.karak.v1.DelegationSupervisor;
import io.restake4j.devnet.fixtures.karak.v1.KarakVault;
import io.restake4j.devnet.fixtures.karak.v1.VaultSupervisor;
import io.restake4j.devnet.fixtures.karak.v2.KarakCoreVault;

/**
 * Karak v1.3's {@code migrateToV2} on the devnet: a staker's credited v1 shares are redeemed at the v1 vault's rate
 * and deposited into an operator's v2 vault of the same asset at the v2 rate (both solady ERC-4626 with virtual
 * shares, offset 0, checked to the wei after donations), in one transaction without a queued withdrawal; the
 * MigratedToV2 event; the vault leaving getDeposits once all is migrated; the refusals (VaultNotAChildVault,
 * ZeroShares, NotEnoughShares, AssetMismatch in that order) and the v2 vault's own NotEnoughShares /
 * DepositMoreThanMax, after which nothing has changed.
 */
@DevnetTest
class KarakMigrationIT {

    private static final BigInteger LIMIT = eth(1_000);

    /** Solady ERC4626 with virtual shares and no decimals offset: floor(a * (S + 1) / (A + 1)). */
    private static BigInteger toShares(BigInteger assets, BigInteger supply, BigInteger total) {
        return mulDiv(assets, supply.add(BigInteger.ONE), total.add(BigInteger.ONE));
    }

    /** floor(s * (A + 1) / (S + 1)). */
    private static BigInteger toAssets(BigInteger shares, BigInteger supply, BigInteger total) {
        return mulDiv(shares, total.add(BigInteger.ONE), supply.add(BigInteger.ONE));
    }

    private record Setup(TestToken token, String v1, String v2, KarakVault v1View, KarakCoreVault v2View) {
    }

    /**
     * A fresh asset with a v1 vault (through the supervisor) and, allowlisted in Core, a v2 vault of
     * {@code operator} without limit; the stakers are funded and approve both vaults.
     */
    private static Setup setup(Devnet devnet, KarakDevnet karak, Credentials operator, Credentials... stakers)
            throws Exception {
        TestToken token = devnet.deployToken("Restaked ETH", "rsETH", 18);
        String v1 = karak.createVault(token.getContractAddress(), LIMIT);
        karak.allowlistAsset(token.getContractAddress());
        String v2 = karak.deployOperatorVault(operator, token.getContractAddress(), "Karak v2 vault", "kv2", null);
        for (Credentials s : stakers) {
            token.send_mint(s.getAddress(), eth(100)).send();
            token(devnet, token, s).send_approve(v1, eth(100)).send();
            token(devnet, token, s).send_approve(v2, eth(100)).send();
        }
        return new Setup(token, v1, v2,
                KarakVault.load(v1, devnet.web3j(), devnet.transactionManager(devnet.deployer()), devnet.gasProvider()),
                v2(devnet, v2, devnet.deployer()));
    }

    private static TestToken token(Devnet devnet, TestToken token, Credentials who) {
        return TestToken.load(token.getContractAddress(), devnet.web3j(), devnet.transactionManager(who), devnet.gasProvider());
    }

    private static KarakCoreVault v2(Devnet devnet, String vault, Credentials who) {
        return KarakCoreVault.load(vault, devnet.web3j(), devnet.transactionManager(who), devnet.gasProvider());
    }

    private static VaultSupervisor supervisor(Devnet devnet, KarakDevnet karak, Credentials who) {
        return VaultSupervisor.load(karak.vaultSupervisor(), devnet.web3j(), devnet.transactionManager(who), devnet.gasProvider());
    }

    /** Everything a migration touches, to compare before and after a refused one. */
    private record State(Tuple4<List<String>, List<String>, List<BigInteger>, List<BigInteger>> deposits,
            BigInteger v1Supply, BigInteger v1Assets, BigInteger v1HeldBySupervisor, BigInteger v2Supply,
            BigInteger v2Assets, BigInteger v2OfStaker, BigInteger tokensOfStaker, BigInteger tokensOfSupervisor,
            BigInteger supervisorAllowanceToV2) {
    }

    private static State state(Setup s, KarakDevnet karak, VaultSupervisor vs, String staker) throws Exception {
        return new State(vs.call_getDeposits(staker).send(), s.v1View().call_totalSupply().send(),
                s.v1View().call_totalAssets().send(), s.v1View().call_balanceOf(karak.vaultSupervisor()).send(),
                s.v2View().call_totalSupply().send(), s.v2View().call_totalAssets().send(),
                s.v2View().call_balanceOf(staker).send(), s.token().call_balanceOf(staker).send(),
                s.token().call_balanceOf(karak.vaultSupervisor()).send(),
                s.token().call_allowance(karak.vaultSupervisor(), s.v2()).send());
    }

    @Test
    void migratingPartThenAllRedeemsAtTheV1RateAndMintsAtTheV2RateToTheWei(Devnet devnet, KarakDevnet karak,
            @Account(3) Credentials operator, @Account(1) Credentials alice, @Account(2) Credentials bob)
            throws Exception {
        Setup s = setup(devnet, karak, operator, alice, bob);
        VaultSupervisor asAlice = supervisor(devnet, karak, alice);

        // v1: alice's deposit, then a donation for an awkward rate
        BigInteger deposited = new BigInteger("5000000000000000003");
        BigInteger credit = toShares(deposited, BigInteger.ZERO, BigInteger.ZERO);
        asAlice.send_deposit(s.v1(), deposited, credit).send();
        BigInteger v1Donation = new BigInteger("777777777777777777");
        token(devnet, s.token(), bob).send_transfer(s.v1(), v1Donation).send();
        BigInteger s1 = credit;
        BigInteger a1 = deposited.add(v1Donation);
        assertEquals(s1, s.v1View().call_totalSupply().send());
        assertEquals(a1, s.v1View().call_totalAssets().send());

        // v2: bob's direct deposit, then a donation of its own
        BigInteger bobAssets = new BigInteger("1234567890123456789");
        BigInteger bobShares = toShares(bobAssets, BigInteger.ZERO, BigInteger.ZERO);
        v2(devnet, s.v2(), bob).send_deposit(bobAssets, bob.getAddress()).send();
        BigInteger v2Donation = new BigInteger("333333333333333331");
        token(devnet, s.token(), bob).send_transfer(s.v2(), v2Donation).send();
        BigInteger s2 = bobShares;
        BigInteger a2 = bobAssets.add(v2Donation);
        assertEquals(s2, s.v2View().call_totalSupply().send());
        assertEquals(a2, s.v2View().call_totalAssets().send());

        // part: exactly the predicted v2 shares are accepted as minNewShares
        BigInteger part = new BigInteger("2000000000000000001");
        BigInteger assets1 = toAssets(part, s1, a1);
        BigInteger new1 = toShares(assets1, s2, a2);
        assertEquals(assets1, s.v1View().call_previewRedeem(part).send());
        assertEquals(new1, s.v2View().call_previewDeposit(assets1).send());
        BigInteger aliceTokens = s.token().call_balanceOf(alice.getAddress()).send();
        TransactionReceipt r1 = asAlice.send_migrateToV2(s.v1(), s.v2(), part, new1).send();
        System.out.println("Karak gas: VaultSupervisor.migrateToV2 (part) = " + r1.getGasUsed());

        List<VaultSupervisor.MigratedToV2EventResponse> events = VaultSupervisor.getMigratedToV2Events(r1);
        assertEquals(1, events.size());
        VaultSupervisor.MigratedToV2EventResponse e1 = events.get(0);
        assertEquals(alice.getAddress(), e1.user);
        assertEquals(s.v1(), e1.v1Vault);
        assertEquals(s.v2(), e1.v2Vault);
        assertEquals(part, e1.oldShares);
        assertEquals(new1, e1.newShares);
        assertEquals(assets1, e1.assets);
        // the v2 vault saw a deposit by the supervisor for alice
        KarakCoreVault.DepositEventResponse deposit = KarakCoreVault.getDepositEvents(r1).get(0);
        assertEquals(karak.vaultSupervisor(), deposit.by);
        assertEquals(alice.getAddress(), deposit.owner);
        assertEquals(assets1, deposit.assets);
        assertEquals(new1, deposit.shares);

        s1 = s1.subtract(part);
        a1 = a1.subtract(assets1);
        s2 = s2.add(new1);
        a2 = a2.add(assets1);
        BigInteger rest = credit.subtract(part);
        Tuple4<List<String>, List<String>, List<BigInteger>, List<BigInteger>> after1 =
                asAlice.call_getDeposits(alice.getAddress()).send();
        assertEquals(List.of(s.v1()), after1.component1());
        assertEquals(List.of(rest), after1.component4());
        assertEquals(List.of(toAssets(rest, s1, a1)), after1.component3());
        assertEquals(s1, s.v1View().call_totalSupply().send());
        assertEquals(s1, s.v1View().call_balanceOf(karak.vaultSupervisor()).send());
        assertEquals(a1, s.v1View().call_totalAssets().send());
        assertEquals(new1, s.v2View().call_balanceOf(alice.getAddress()).send());
        assertEquals(s2, s.v2View().call_totalSupply().send());
        assertEquals(a2, s.v2View().call_totalAssets().send());
        // nothing paid out to alice, nothing left with the supervisor, the approval used up
        assertEquals(aliceTokens, s.token().call_balanceOf(alice.getAddress()).send());
        assertEquals(BigInteger.ZERO, s.token().call_balanceOf(karak.vaultSupervisor()).send());
        assertEquals(BigInteger.ZERO, s.token().call_allowance(karak.vaultSupervisor(), s.v2()).send());
        // no withdrawal delay: nothing was queued in the DelegationSupervisor
        DelegationSupervisor ds = DelegationSupervisor.load(karak.delegationSupervisor(), devnet.web3j(),
                devnet.transactionManager(alice), devnet.gasProvider());
        assertEquals(List.of(), ds.call_fetchQueuedWithdrawals(alice.getAddress()).send());

        // the rest: the vault leaves alice's list
        BigInteger assets2 = toAssets(rest, s1, a1);
        BigInteger new2 = toShares(assets2, s2, a2);
        TransactionReceipt r2 = asAlice.send_migrateToV2(s.v1(), s.v2(), rest, BigInteger.ZERO).send();
        System.out.println("Karak gas: VaultSupervisor.migrateToV2 (all, vault leaves the list) = " + r2.getGasUsed());
        VaultSupervisor.MigratedToV2EventResponse e2 = VaultSupervisor.getMigratedToV2Events(r2).get(0);
        assertEquals(rest, e2.oldShares);
        assertEquals(new2, e2.newShares);
        assertEquals(assets2, e2.assets);
        Tuple4<List<String>, List<String>, List<BigInteger>, List<BigInteger>> after2 =
                asAlice.call_getDeposits(alice.getAddress()).send();
        assertEquals(List.of(), after2.component1(), "the vault leaves getDeposits at 0");
        assertEquals(List.of(), after2.component4());
        assertEquals(BigInteger.ZERO, s.v1View().call_totalSupply().send());
        assertEquals(a1.subtract(assets2), s.v1View().call_totalAssets().send(), "the rounding dust stays in v1");
        assertEquals(new1.add(new2), s.v2View().call_balanceOf(alice.getAddress()).send());
        assertEquals(s2.add(new2), s.v2View().call_totalSupply().send());
        assertEquals(a2.add(assets2), s.v2View().call_totalAssets().send());
        assertEquals(aliceTokens, s.token().call_balanceOf(alice.getAddress()).send());

        // with no credit left, even one share is too many
        assertRevertsWith(devnet, alice.getAddress(), karak.vaultSupervisor(),
                VaultSupervisor.getABI_send_migrateToV2(s.v1(), s.v2(), BigInteger.ONE, BigInteger.ZERO), "NotEnoughShares()");
        // the v2 shares are ordinary: alice may start a redeem of them on the v2 vault
        KarakCoreVault aliceV2 = v2(devnet, s.v2(), alice);
        aliceV2.send_approve(s.v2(), new1).send();
        aliceV2.send_startRedeem(new1, alice.getAddress()).send();
        assertEquals(new2, s.v2View().call_balanceOf(alice.getAddress()).send());
    }

    @Test
    void refusalsComeInTheDocumentedOrderAndTheV2VaultsOwnErrorsBubbleUp(Devnet devnet, KarakDevnet karak,
            @Account(3) Credentials operator, @Account(1) Credentials alice, @Account(2) Credentials bob)
            throws Exception {
        Setup s = setup(devnet, karak, operator, alice, bob);
        VaultSupervisor asAlice = supervisor(devnet, karak, alice);
        BigInteger credit = eth(2);
        asAlice.send_deposit(s.v1(), credit, BigInteger.ZERO).send();
        // awkward rates on both sides: donations to v1, bob's deposit and a donation to v2
        token(devnet, s.token(), bob).send_transfer(s.v1(), new BigInteger("123456789012345679")).send();
        v2(devnet, s.v2(), bob).send_deposit(new BigInteger("1500000000000000003"), bob.getAddress()).send();
        token(devnet, s.token(), bob).send_transfer(s.v2(), new BigInteger("100000000000000001")).send();
        String sup = karak.vaultSupervisor();
        String from = alice.getAddress();

        // a v2 vault of another asset
        TestToken other = devnet.deployToken("Other ETH", "oETH", 18);
        karak.allowlistAsset(other.getContractAddress());
        String otherV2 = karak.deployOperatorVault(operator, other.getContractAddress(), "Other v2 vault", "ov2", null);

        // VaultNotAChildVault first: a v2 vault or a token is not the supervisor's child
        assertRevertsWith(devnet, from, sup, VaultSupervisor.getABI_send_migrateToV2(s.v2(), s.v2(), BigInteger.ONE,
                BigInteger.ZERO), "VaultNotAChildVault()");
        assertRevertsWith(devnet, from, sup, VaultSupervisor.getABI_send_migrateToV2(s.token().getContractAddress(),
                otherV2, BigInteger.ZERO, BigInteger.ZERO), "VaultNotAChildVault()");
        // then ZeroShares, even with a mismatched v2 vault
        assertRevertsWith(devnet, from, sup, VaultSupervisor.getABI_send_migrateToV2(s.v1(), s.v2(), BigInteger.ZERO,
                BigInteger.ZERO), "ZeroShares()");
        assertRevertsWith(devnet, from, sup, VaultSupervisor.getABI_send_migrateToV2(s.v1(), otherV2, BigInteger.ZERO,
                BigInteger.ZERO), "ZeroShares()");
        // then NotEnoughShares above the credit (also with a mismatched v2 vault, and for a staker with none)
        assertRevertsWith(devnet, from, sup, VaultSupervisor.getABI_send_migrateToV2(s.v1(), s.v2(),
                credit.add(BigInteger.ONE), BigInteger.ZERO), "NotEnoughShares()");
        assertRevertsWith(devnet, from, sup, VaultSupervisor.getABI_send_migrateToV2(s.v1(), otherV2,
                credit.add(BigInteger.ONE), BigInteger.ZERO), "NotEnoughShares()");
        assertRevertsWith(devnet, bob.getAddress(), sup, VaultSupervisor.getABI_send_migrateToV2(s.v1(), s.v2(),
                BigInteger.ONE, BigInteger.ZERO), "NotEnoughShares()");
        // then AssetMismatch
        assertRevertsWith(devnet, from, sup, VaultSupervisor.getABI_send_migrateToV2(s.v1(), otherV2, BigInteger.ONE,
                BigInteger.ZERO), "AssetMismatch()");

        // shares taken out with gimmieShares are not credit any more
        BigInteger given = eth(1);
        asAlice.send_gimmieShares(s.v1(), given).send();
        BigInteger left = credit.subtract(given);
        assertRevertsWith(devnet, from, sup, VaultSupervisor.getABI_send_migrateToV2(s.v1(), s.v2(),
                left.add(BigInteger.ONE), BigInteger.ZERO), "NotEnoughShares()");

        // the v2 vault's NotEnoughShares: one share above its preview; the transaction mined, nothing changed
        BigInteger part = new BigInteger("600000000000000007");
        BigInteger supply1 = s.v1View().call_totalSupply().send();
        BigInteger total1 = s.v1View().call_totalAssets().send();
        BigInteger assets = toAssets(part, supply1, total1);
        BigInteger expected = toShares(assets, s.v2View().call_totalSupply().send(), s.v2View().call_totalAssets().send());
        String tooHigh = VaultSupervisor.getABI_send_migrateToV2(s.v1(), s.v2(), part, expected.add(BigInteger.ONE));
        assertRevertsWith(devnet, from, sup, tooHigh, "NotEnoughShares()");
        State before = state(s, karak, asAlice, from);
        DevnetException refused = assertThrows(DevnetException.class, () -> devnet.transact(alice, sup, tooHigh,
                BigInteger.ZERO));
        assertTrue(refused.getMessage().contains("reverted"), refused.getMessage());
        assertEquals(before, state(s, karak, asAlice, from), "a refused migration changes nothing");
        assertEquals(List.of(left), before.deposits().component4());
        // the preview itself passes, to the wei
        asAlice.send_migrateToV2(s.v1(), s.v2(), part, expected).send();
        assertEquals(expected, s.v2View().call_balanceOf(from).send());
        assertEquals(List.of(left.subtract(part)), asAlice.call_getDeposits(from).send().component4());

        // the v2 vault's DepositMoreThanMax: a limited v2 vault of the same asset takes at most its limit
        BigInteger limit = BigInteger.valueOf(1_000_000L);
        String limited = karak.deployOperatorVault(operator, s.token().getContractAddress(), "Limited v2", "lv2", limit);
        BigInteger remaining = left.subtract(part);
        BigInteger worth = toAssets(remaining, s.v1View().call_totalSupply().send(), s.v1View().call_totalAssets().send());
        assertTrue(worth.compareTo(limit) > 0);
        assertRevertsWith(devnet, from, sup, VaultSupervisor.getABI_send_migrateToV2(s.v1(), limited, remaining,
                BigInteger.ZERO), "DepositMoreThanMax()");
        // ... but a small enough part fits under the limit
        BigInteger small = BigInteger.valueOf(900_000L);
        BigInteger smallAssets = toAssets(small, s.v1View().call_totalSupply().send(), s.v1View().call_totalAssets().send());
        assertTrue(smallAssets.compareTo(limit) <= 0 && smallAssets.compareTo(small) > 0, smallAssets.toString());
        asAlice.send_migrateToV2(s.v1(), limited, small, BigInteger.ZERO).send();
        assertEquals(toShares(smallAssets, BigInteger.ZERO, BigInteger.ZERO), v2(devnet, limited, alice).call_balanceOf(from).send());
        assertEquals(limit.subtract(smallAssets), v2(devnet, limited, alice).call_maxDeposit(from).send());
    }
}
