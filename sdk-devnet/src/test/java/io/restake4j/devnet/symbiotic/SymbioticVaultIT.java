package io.restake4j.devnet.symbiotic;

import static io.restake4j.devnet.testing.FixtureAsserts.assertRevertsWith;
import static io.restake4j.devnet.testing.FixtureAsserts.eth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.SymbioticDevnet;
import io.restake4j.devnet.SymbioticDevnet.VaultSpec;
import io.restake4j.devnet.fixtures.common.TestToken;
import io.restake4j.devnet.fixtures.symbiotic.Vault;
import io.restake4j.devnet.fixtures.symbiotic.VaultFactory;
import io.restake4j.devnet.fixtures.symbiotic.VaultTokenized;

/**
 * Symbiotic's core v1 vault on the devnet: the factory's versions, epochs, deposits and withdrawals with
 * upstream's share math (virtual offset 1, floor on deposits and redemptions, ceil on withdrawals), withdrawal
 * buckets per epoch, claims once the bucket's epoch has ended, whitelist and limit, and the tokenized vault.
 * Every figure is computed here independently ({@link Book}) and compared to the wei.
 */
@DevnetTest
class SymbioticVaultIT {

    private static final Duration EPOCH = Duration.ofDays(7);

    /** One side of the vault's books (the active pool or one withdrawal bucket) and upstream's math on it. */
    static final class Book {
        BigInteger assets = BigInteger.ZERO;
        BigInteger shares = BigInteger.ZERO;

        BigInteger toShares(BigInteger a) {
            return a.multiply(shares.add(BigInteger.ONE)).divide(assets.add(BigInteger.ONE));
        }

        BigInteger toSharesUp(BigInteger a) {
            BigInteger[] qr = a.multiply(shares.add(BigInteger.ONE)).divideAndRemainder(assets.add(BigInteger.ONE));
            return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
        }

        BigInteger toAssets(BigInteger s) {
            return s.multiply(assets.add(BigInteger.ONE)).divide(shares.add(BigInteger.ONE));
        }

        BigInteger add(BigInteger a) {
            BigInteger minted = toShares(a);
            assets = assets.add(a);
            shares = shares.add(minted);
            return minted;
        }
    }

    @Test
    void theFactoryHasVersionsOneToThreeAndCreatesInitialisedVaults(Devnet devnet, SymbioticDevnet symbiotic)
            throws Exception {
        TestToken token = devnet.deployToken("Collateral", "COL", 18);
        VaultFactory factory = VaultFactory.load(symbiotic.vaultFactory(), devnet.web3j(),
                devnet.transactionManager(devnet.deployer()), devnet.gasProvider());
        assertEquals(BigInteger.valueOf(3), factory.call_lastVersion().send());
        assertEquals(devnet.addresses().require("symbiotic.VaultImplementation"), factory.call_implementation(BigInteger.ONE).send());
        assertRevertsWith(devnet, devnet.deployer().getAddress(), symbiotic.vaultFactory(),
                VaultFactory.getABI_call_implementation(BigInteger.valueOf(4)), "InvalidVersion()");
        BigInteger before = factory.call_totalEntities().send();

        String vault = symbiotic.createVault(VaultSpec.of(token.getContractAddress(), EPOCH));
        assertTrue(factory.call_isEntity(vault).send());
        assertEquals(before.add(BigInteger.ONE), factory.call_totalEntities().send());
        assertEquals(vault, factory.call_entity(before).send());
        Vault v = vault(devnet, vault, devnet.deployer());
        assertEquals(BigInteger.ONE, v.call_version().send());
        assertEquals(token.getContractAddress(), v.call_collateral().send());
        assertEquals(BigInteger.valueOf(EPOCH.toSeconds()), v.call_epochDuration().send());
        assertEquals(devnet.deployer().getAddress(), v.call_owner().send());
        assertEquals(symbiotic.vaultFactory(), v.call_FACTORY().send());
        assertEquals(BigInteger.ZERO, v.call_currentEpoch().send());
        assertFalse(v.call_isInitialized().send(), "no delegator and slasher yet");
        assertRevertsWith(devnet, devnet.deployer().getAddress(), vault, Vault.getABI_call_previousEpochStart(),
                "NoPreviousEpoch()");
        // the clone was initialised once, by the factory; the implementation locked itself (upstream checks
        // "already initialised" before the caller)
        assertRevertsWith(devnet, devnet.deployer().getAddress(), vault,
                Vault.getABI_send_initialize(BigInteger.ONE, devnet.deployer().getAddress(), new byte[0]),
                "AlreadyInitialized()");
        assertRevertsWith(devnet, symbiotic.vaultFactory(), devnet.addresses().require("symbiotic.VaultImplementation"),
                Vault.getABI_send_initialize(BigInteger.ONE, devnet.deployer().getAddress(), new byte[0]),
                "AlreadyInitialized()");
    }

    @Test
    void depositsWithdrawalsAndClaimsFollowUpstreamMathToTheWei(Devnet devnet, SymbioticDevnet symbiotic,
            @Account(1) Credentials alice, @Account(2) Credentials bob, @Account(3) Credentials carol) throws Exception {
        TestToken token = devnet.deployToken("Collateral", "COL", 18);
        String vault = symbiotic.createVault(VaultSpec.of(token.getContractAddress(), EPOCH));
        fund(devnet, token, vault, alice, eth(10));
        fund(devnet, token, vault, bob, eth(10));
        Vault a = vault(devnet, vault, alice);
        Vault b = vault(devnet, vault, bob);
        Book active = new Book();

        // alice deposits 3 ETH for herself; bob 2 ETH on behalf of carol
        TransactionReceipt d1 = a.send_deposit(alice.getAddress(), eth(3)).send();
        BigInteger aliceShares = active.add(eth(3));
        assertEquals(eth(3), aliceShares, "an empty vault mints 1:1");
        Vault.DepositEventResponse dep = Vault.getDepositEvents(d1).get(0);
        assertEquals(alice.getAddress(), dep.depositor);
        assertEquals(alice.getAddress(), dep.onBehalfOf);
        assertEquals(eth(3), dep.amount);
        assertEquals(aliceShares, dep.shares);
        b.send_deposit(carol.getAddress(), eth(2)).send();
        BigInteger carolShares = active.add(eth(2));
        assertEquals(carolShares, a.call_activeSharesOf(carol.getAddress()).send());
        assertEquals(BigInteger.ZERO, a.call_activeSharesOf(bob.getAddress()).send());
        assertEquals(active.assets, a.call_activeStake().send());
        assertEquals(active.shares, a.call_activeShares().send());
        // direct transfer to the vault (a "donation") moves no books: the vault measures what deposit pulls
        token.send_mint(vault, BigInteger.valueOf(777)).send();
        assertEquals(active.assets, a.call_activeStake().send());

        // an awkward withdrawal: burns ceil(shares), mints bucket shares in epoch 0 + 1
        BigInteger amount = new BigInteger("1234567890123456789");
        BigInteger burned = active.toSharesUp(amount);
        TransactionReceipt w = a.send_withdraw(alice.getAddress(), amount).send();
        active.assets = active.assets.subtract(amount);
        active.shares = active.shares.subtract(burned);
        Book bucket1 = new Book();
        BigInteger minted = bucket1.add(amount);
        Vault.WithdrawEventResponse we = Vault.getWithdrawEvents(w).get(0);
        assertEquals(amount, we.amount);
        assertEquals(burned, we.burnedShares);
        assertEquals(minted, we.mintedShares);
        assertEquals(amount, a.call_withdrawals(BigInteger.ONE).send());
        assertEquals(minted, a.call_withdrawalShares(BigInteger.ONE).send());
        assertEquals(minted, a.call_withdrawalSharesOf(BigInteger.ONE, alice.getAddress()).send());
        assertEquals(bucket1.toAssets(minted), a.call_withdrawalsOf(BigInteger.ONE, alice.getAddress()).send());
        assertEquals(aliceShares.subtract(burned), a.call_activeSharesOf(alice.getAddress()).send());
        assertEquals(active.toAssets(aliceShares.subtract(burned)), a.call_activeBalanceOf(alice.getAddress()).send());
        assertEquals(active.assets.add(amount), a.call_totalStake().send(), "active + buckets current and next");
        assertEquals(active.toAssets(aliceShares.subtract(burned)).add(bucket1.toAssets(minted)),
                a.call_slashableBalanceOf(alice.getAddress()).send());

        // over the active balance, zero and bad addresses: refused by name
        assertRevertsWith(devnet, alice.getAddress(), vault, Vault.getABI_send_withdraw(alice.getAddress(), eth(5)),
                "TooMuchWithdraw()");
        assertRevertsWith(devnet, alice.getAddress(), vault, Vault.getABI_send_withdraw(alice.getAddress(), BigInteger.ZERO),
                "InsufficientWithdrawal()");
        assertRevertsWith(devnet, alice.getAddress(), vault,
                Vault.getABI_send_withdraw("0x0000000000000000000000000000000000000000", BigInteger.ONE), "InvalidClaimer()");
        assertRevertsWith(devnet, alice.getAddress(), vault,
                Vault.getABI_send_deposit("0x0000000000000000000000000000000000000000", BigInteger.ONE), "InvalidOnBehalfOf()");

        // redeem all of carol's shares... carol has no collateral; she redeems for bob as claimer
        Vault c = vault(devnet, vault, carol);
        BigInteger redeemed = active.toAssets(carolShares);
        TransactionReceipt r = c.send_redeem(bob.getAddress(), carolShares).send();
        active.assets = active.assets.subtract(redeemed);
        active.shares = active.shares.subtract(carolShares);
        BigInteger bobBucketShares = bucket1.add(redeemed);
        assertEquals(redeemed, Vault.getWithdrawEvents(r).get(0).amount);
        assertEquals(BigInteger.ZERO, c.call_activeSharesOf(carol.getAddress()).send(), "no dust left");
        assertEquals(bobBucketShares, c.call_withdrawalSharesOf(BigInteger.ONE, bob.getAddress()).send());

        // epoch 1 has not ended: the bucket cannot be claimed; in epoch 2 it can, by its claimer only
        String claimOne = Vault.getABI_send_claim(alice.getAddress(), BigInteger.ONE);
        assertRevertsWith(devnet, alice.getAddress(), vault, claimOne, "InvalidEpoch()");
        symbiotic.advanceEpochs(vault, 1);
        assertEquals(BigInteger.ONE, a.call_currentEpoch().send());
        assertRevertsWith(devnet, alice.getAddress(), vault, claimOne, "InvalidEpoch()");
        symbiotic.advanceEpochs(vault, 1);
        assertEquals(BigInteger.TWO, a.call_currentEpoch().send());
        assertRevertsWith(devnet, carol.getAddress(), vault, Vault.getABI_send_claim(carol.getAddress(), BigInteger.ONE),
                "InsufficientClaim()");
        BigInteger aliceOwed = bucket1.toAssets(minted);
        BigInteger before = token.call_balanceOf(alice.getAddress()).send();
        TransactionReceipt claimed = a.send_claim(alice.getAddress(), BigInteger.ONE).send();
        assertEquals(aliceOwed, Vault.getClaimEvents(claimed).get(0).amount);
        assertEquals(before.add(aliceOwed), token.call_balanceOf(alice.getAddress()).send());
        assertTrue(a.call_isWithdrawalsClaimed(BigInteger.ONE, alice.getAddress()).send());
        assertRevertsWith(devnet, alice.getAddress(), vault, claimOne, "AlreadyClaimed()");
        // claimBatch: empty is refused; bob's one epoch pays into carol's wallet
        assertRevertsWith(devnet, bob.getAddress(), vault, Vault.getABI_send_claimBatch(bob.getAddress(), List.of()),
                "InvalidLengthEpochs()");
        BigInteger bobOwed = bucket1.toAssets(bobBucketShares);
        TransactionReceipt batch = b.send_claimBatch(carol.getAddress(), List.of(BigInteger.ONE)).send();
        assertEquals(bobOwed, Vault.getClaimBatchEvents(batch).get(0).amount);
        assertEquals(bobOwed, token.call_balanceOf(carol.getAddress()).send());
    }

    @Test
    void whitelistAndLimitAreCheckedOnTheCaller(Devnet devnet, SymbioticDevnet symbiotic, @Account(1) Credentials alice,
            @Account(2) Credentials bob) throws Exception {
        TestToken token = devnet.deployToken("Collateral", "COL", 6);
        String vault = symbiotic.createVault(VaultSpec.of(token.getContractAddress(), EPOCH).withDepositWhitelist()
                .withDepositLimit(BigInteger.valueOf(5_000_000)));
        fund(devnet, token, vault, alice, BigInteger.valueOf(10_000_000));
        fund(devnet, token, vault, bob, BigInteger.valueOf(10_000_000));
        String deposit = Vault.getABI_send_deposit(alice.getAddress(), BigInteger.valueOf(1_000_000));
        assertRevertsWith(devnet, alice.getAddress(), vault, deposit, "NotWhitelistedDepositor()");
        symbiotic.setDepositorWhitelistStatus(vault, bob.getAddress(), true);
        // bob is whitelisted and may deposit on alice's behalf; alice herself may not
        vault(devnet, vault, bob).send_deposit(alice.getAddress(), BigInteger.valueOf(4_000_000)).send();
        assertRevertsWith(devnet, alice.getAddress(), vault, deposit, "NotWhitelistedDepositor()");
        assertRevertsWith(devnet, bob.getAddress(), vault,
                Vault.getABI_send_deposit(bob.getAddress(), BigInteger.valueOf(1_000_001)), "DepositLimitReached()");
        vault(devnet, vault, bob).send_deposit(bob.getAddress(), BigInteger.valueOf(1_000_000)).send();
        // the limit counts active stake only: a withdrawal frees room
        vault(devnet, vault, bob).send_withdraw(bob.getAddress(), BigInteger.valueOf(500_000)).send();
        vault(devnet, vault, bob).send_deposit(bob.getAddress(), BigInteger.valueOf(500_000)).send();
        assertEquals(BigInteger.valueOf(5_000_000), vault(devnet, vault, bob).call_activeStake().send());
        // roles: a stranger cannot change the settings
        assertRevertsWith(devnet, alice.getAddress(), vault, Vault.getABI_send_setDepositLimit(BigInteger.TEN),
                "AccessControlUnauthorizedAccount(address,bytes32)",
                new org.web3j.abi.datatypes.Address(alice.getAddress()),
                new org.web3j.abi.datatypes.generated.Bytes32(org.web3j.crypto.Hash.sha3(
                        "DEPOSIT_LIMIT_SET_ROLE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
    }

    @Test
    void pastValuesAreReadFromCheckpoints(Devnet devnet, SymbioticDevnet symbiotic, @Account(1) Credentials alice)
            throws Exception {
        TestToken token = devnet.deployToken("Collateral", "COL", 18);
        String vault = symbiotic.createVault(VaultSpec.of(token.getContractAddress(), EPOCH));
        fund(devnet, token, vault, alice, eth(10));
        Vault a = vault(devnet, vault, alice);
        TransactionReceipt first = a.send_deposit(alice.getAddress(), eth(4)).send();
        BigInteger t1 = timestamp(devnet, first);
        devnet.advanceTime(Duration.ofHours(1));
        TransactionReceipt second = a.send_deposit(alice.getAddress(), eth(1)).send();
        BigInteger t2 = timestamp(devnet, second);
        assertEquals(eth(4), a.call_activeStakeAt(t1, new byte[0]).send());
        assertEquals(eth(4), a.call_activeSharesOfAt(alice.getAddress(), t2.subtract(BigInteger.ONE), new byte[0]).send());
        assertEquals(eth(5), a.call_activeSharesOfAt(alice.getAddress(), t2, new byte[0]).send());
        assertEquals(BigInteger.ZERO, a.call_activeSharesAt(t1.subtract(BigInteger.ONE), new byte[0]).send(), "before any deposit");
        assertEquals(eth(5), a.call_activeBalanceOfAt(alice.getAddress(), t2, new byte[0]).send());
        assertEquals(BigInteger.ZERO, a.call_epochAt(t2).send());
    }

    @Test
    void tokenizedVaultSharesAreAnErc20(Devnet devnet, SymbioticDevnet symbiotic, @Account(1) Credentials alice,
            @Account(2) Credentials bob) throws Exception {
        TestToken token = devnet.deployToken("Collateral", "COL", 8);
        String vault = symbiotic.createVault(VaultSpec.of(token.getContractAddress(), EPOCH).tokenized("Staked COL", "sCOL"));
        fund(devnet, token, vault, alice, BigInteger.valueOf(1_000_000_000));
        VaultTokenized t = VaultTokenized.load(vault, devnet.web3j(), devnet.transactionManager(alice), devnet.gasProvider());
        assertEquals(BigInteger.TWO, t.call_version().send());
        assertEquals("Staked COL", t.call_name().send());
        assertEquals("sCOL", t.call_symbol().send());
        assertEquals(BigInteger.valueOf(8), t.call_decimals().send(), "the collateral's decimals");
        TransactionReceipt d = t.send_deposit(alice.getAddress(), BigInteger.valueOf(600_000_000)).send();
        assertEquals(BigInteger.valueOf(600_000_000), VaultTokenized.getTransferEvents(d).get(0).value, "a mint");
        assertEquals(BigInteger.valueOf(600_000_000), t.call_balanceOf(alice.getAddress()).send());
        assertEquals(t.call_activeShares().send(), t.call_totalSupply().send());
        t.send_transfer(bob.getAddress(), BigInteger.valueOf(100_000_000)).send();
        assertEquals(BigInteger.valueOf(100_000_000), t.call_activeSharesOf(bob.getAddress()).send(), "shares move with the token");
        assertEquals(BigInteger.valueOf(500_000_000), t.call_activeSharesOf(alice.getAddress()).send());
    }

    // ---------------------------------------------------------------- helpers

    private static Vault vault(Devnet devnet, String vault, Credentials as) {
        return Vault.load(vault, devnet.web3j(), devnet.transactionManager(as), devnet.gasProvider());
    }

    /** Mints {@code amount} of {@code token} to {@code who} and approves the vault for it. */
    private static void fund(Devnet devnet, TestToken token, String vault, Credentials who, BigInteger amount)
            throws Exception {
        token.send_mint(who.getAddress(), amount).send();
        TestToken.load(token.getContractAddress(), devnet.web3j(), devnet.transactionManager(who), devnet.gasProvider())
                .send_approve(vault, amount).send();
    }

    private static BigInteger timestamp(Devnet devnet, TransactionReceipt receipt) throws Exception {
        return devnet.web3j().ethGetBlockByHash(receipt.getBlockHash(), false).send().getBlock().getTimestamp();
    }
}
