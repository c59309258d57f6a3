package io.restake4j.karak;

import static io.restake4j.testing.DevnetAccounts.eth;
import static io.restake4j.testing.DevnetAccounts.fresh;
import static io.restake4j.testing.DevnetAccounts.nonce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

import io.restake4j.Restaking;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.KarakDevnet;
import io.restake4j.devnet.fixtures.common.TestToken;
import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.exits.ExitStatus;
import io.restake4j.exits.Readiness;
import io.restake4j.testing.CountingHttpService;
import io.restake4j.testing.DevnetClients;
import io.restake4j.tx.Preview;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * {@code client.karak().v2Vault(..)} on the devnet's Karak v2 fixtures: deposits with {@code minSharesOut} from the
 * quote (or a fixed bound refused once the rate moved past it), the two-step redeem with the self-approval, its
 * {@code Instant}, a slash during the delay paid at the finish-time rate (exact wei, solady math with virtual shares,
 * offset 0), the exposure (DSSs, staked vaults, pending slashing), positions across v1 and v2 with the round trips
 * counted, and the refusals before signing with the nonce unchanged.
 */
@DevnetTest
class KarakV2ClientIT {

    /** Solady ERC-4626 with virtual shares, offset 0. */
    private static BigInteger toShares(BigInteger assets, BigInteger supply, BigInteger total) {
        return assets.multiply(supply.add(BigInteger.ONE)).divide(total.add(BigInteger.ONE));
    }

    private static BigInteger toAssets(BigInteger shares, BigInteger supply, BigInteger total) {
        return shares.multiply(total.add(BigInteger.ONE)).divide(supply.add(BigInteger.ONE));
    }

    private record Setup(TestToken token, String vault, Credentials operator) {
    }

    private static Setup setup(Devnet devnet, KarakDevnet karak, int seed, Credentials... stakers) throws Exception {
        Credentials operator = fresh(devnet, seed, 5);
        TestToken token = devnet.deployToken("Wrapped staked ETH", "wstETH", 18);
        karak.allowlistAsset(token.getContractAddress());
        String vault = karak.deployOperatorVault(operator, token.getContractAddress(), "Karak v2 wstETH", "kv2wstETH", null);
        for (Credentials s : stakers) {
            token.send_mint(s.getAddress(), eth(10)).send();
        }
        return new Setup(token, vault, operator);
    }

    @Test
    void depositRedeemAndFinishAfterASlash(Devnet devnet, KarakDevnet karak) throws Exception {
        Credentials kim = fresh(devnet, 320, 5);
        Credentials lee = fresh(devnet, 321, 5);
        Credentials dss = fresh(devnet, 322, 5);
        Setup s = setup(devnet, karak, 323, kim);
        try (Restaking client = DevnetClients.client(devnet, kim); Restaking other = DevnetClients.client(devnet, lee)) {
            KarakV2Vault vault = client.karak().v2Vault(s.vault());
            Token token = client.tokens().token(s.token().getContractAddress());
            assertEquals(Keys.toChecksumAddress(s.operator().getAddress()), vault.operator());
            assertEquals(token, vault.asset());

            Preview preview = vault.deposit(Amount.parse("4", token), 50).preview();
            BigInteger four = eth(4);
            assertEquals(four, preview.quote(Karak.EXPECTED_SHARES_QUOTE).orElseThrow().amount().wei(), "4 * (0 + 1) / (0 + 1)");
            assertEquals(four.multiply(BigInteger.valueOf(9_950)).divide(BigInteger.valueOf(10_000)),
                    preview.quote(Karak.MIN_SHARES_QUOTE).orElseThrow().amount().wei());
            KarakResult in = vault.deposit(Amount.parse("4", token), 50).send();
            assertEquals(2, in.transactionCount(), "approve the vault + deposit(assets, to, minSharesOut)");
            assertEquals(four, in.shares());
            assertEquals(Amount.ofWei(four, token), in.assets());

            // a donation moves the rate: 4e18 + 1e18 + 7 assets over 4e18 shares
            BigInteger donation = eth(1).add(BigInteger.valueOf(7));
            s.token().send_mint(s.vault(), donation).send();
            BigInteger total = four.add(donation);
            Amount staleBound = preview.quote(Karak.EXPECTED_SHARES_QUOTE).orElseThrow().amount();
            BigInteger nonce = nonce(devnet, kim);
            InvalidInputException moved = assertThrows(InvalidInputException.class,
                    () -> vault.deposit(Amount.parse("4", token), staleBound).send());
            assertEquals(ErrorCode.BELOW_MINIMUM, moved.code(), moved.getMessage());
            assertTrue(moved.getMessage().contains("slippage"), moved.getMessage());
            assertCode(ErrorCode.INSUFFICIENT_BALANCE, () -> vault.deposit(Amount.parse("7", token), 50).send());
            assertCode(ErrorCode.NOT_POSITIVE, () -> vault.deposit(Amount.ofWei(BigInteger.ZERO, token), 50));
            assertCode(ErrorCode.OUT_OF_RANGE, () -> vault.deposit(Amount.parse("1", token), -1));
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> vault.erc4626().redeem(Amount.ofWei(BigInteger.ONE,
                    vault.shareToken())).send());
            assertEquals(nonce, nonce(devnet, kim), "nothing was sent");

            BigInteger expected = toShares(eth(1), four, total);
            KarakResult more = vault.deposit(Amount.parse("1", token), Amount.ofWei(expected, vault.shareToken())).send();
            assertEquals(expected, more.shares(), "the exact bound holds");
            BigInteger supply = four.add(expected);
            total = total.add(eth(1));
            assertEquals(new KarakPosition(s.vault(), KarakPosition.Kind.V2_SHARES, Amount.ofWei(supply, vault.shareToken()),
                    Amount.ofWei(toAssets(supply, supply, total), token)), vault.position());

            BigInteger half = supply.divide(BigInteger.TWO);
            KarakResult started = vault.startRedeem(Amount.ofWei(half, vault.shareToken())).send();
            assertEquals(2, started.transactionCount(), "self-approval of the shares to the vault + startRedeem");
            assertEquals(List.of(KarakV2Vault.key(kim.getAddress(), BigInteger.ZERO)), started.roots(), "the key of nonce 0");
            assertEquals(toAssets(half, supply, total), started.assets().wei(), "the vault's estimate at start");
            List<KarakRedeem> redeems = vault.redeems();
            assertEquals(1, redeems.size());
            KarakRedeem r = redeems.get(0);
            assertEquals(ExitStatus.PENDING, r.status());
            assertEquals(r.started().plus(KarakV2Vault.MIN_WITHDRAWAL_DELAY), r.unlocksAt());
            assertEquals(new Readiness.AtTime(r.unlocksAt()), r.readiness());
            assertEquals(Amount.ofWei(half, vault.shareToken()), r.shares());
            assertEquals(kim.getAddress(), r.beneficiary());

            nonce = nonce(devnet, kim);
            InvalidInputException early = assertThrows(InvalidInputException.class, () -> vault.finishRedeem(r).send());
            assertEquals(ErrorCode.NOT_READY, early.code());
            assertTrue(early.getMessage().contains(r.unlocksAt().toString()), early.getMessage());
            assertCode(ErrorCode.NOT_PERMITTED, () -> other.karak().v2Vault(s.vault()).finishRedeem(r).send());
            assertEquals(nonce, nonce(devnet, kim), "nothing was sent");

            // a 25 % slash during the delay: the escrowed shares are paid at the rate after it
            karak.registerDss(dss, eth(50));
            karak.registerOperatorToDss(s.operator(), dss.getAddress());
            karak.stakeVaultInDss(s.operator(), s.vault(), dss.getAddress());
            KarakDevnet.Slashing slashing = karak.requestSlashing(dss, s.operator().getAddress(), List.of(s.vault()),
                    List.of(eth(25)));
            karak.finalizeSlashing(slashing);
            BigInteger slashed = total.multiply(eth(25)).divide(eth(100));
            total = total.subtract(slashed);
            devnet.advanceTime(KarakV2Vault.MIN_WITHDRAWAL_DELAY);
            KarakRedeem ready = vault.redeems().get(0);
            assertEquals(ExitStatus.CLAIMABLE, ready.status());
            BigInteger pays = toAssets(half, supply, total);
            assertEquals(Amount.ofWei(pays, token), ready.assets());
            BigInteger before = s.token().call_balanceOf(kim.getAddress()).send();
            KarakResult done = vault.finishRedeem(ready).send();
            assertEquals(Amount.ofWei(pays, token), done.assets(), "the finish-time rate, rounded down");
            assertEquals(before.add(pays), s.token().call_balanceOf(kim.getAddress()).send());
            assertEquals(List.of(r.key()), done.roots());
            assertEquals(List.of(), vault.redeems());
            assertCode(ErrorCode.ALREADY_DONE, () -> vault.finishRedeem(r).send());
        }
    }

    @Test
    void v1AndV2CallsAreNotMixed(Devnet devnet, KarakDevnet karak) throws Exception {
        Credentials kim = fresh(devnet, 330, 5);
        Setup s = setup(devnet, karak, 331, kim);
        String v1 = karak.createVault(s.token().getContractAddress(), eth(1_000));
        try (Restaking client = DevnetClients.client(devnet, kim)) {
            Token token = client.tokens().token(s.token().getContractAddress());
            BigInteger nonce = nonce(devnet, kim);
            InvalidInputException v2OnV1 = assertThrows(InvalidInputException.class,
                    () -> client.karak().v2Vault(v1).deposit(Amount.parse("1", token), 50).send());
            assertEquals(ErrorCode.INVALID_ARGUMENT, v2OnV1.code());
            assertTrue(v2OnV1.getMessage().contains("v1 vault"), v2OnV1.getMessage());
            InvalidInputException v1OnV2 = assertThrows(InvalidInputException.class,
                    () -> client.karak().deposit(s.vault(), Amount.parse("1", token), 50).send());
            assertEquals(ErrorCode.INVALID_ARGUMENT, v1OnV2.code());
            assertTrue(v1OnV2.getMessage().contains("v2 vault"), v1OnV2.getMessage());
            assertCode(ErrorCode.NOT_FOUND, () -> client.karak().v2Vault(s.token().getContractAddress())
                    .startRedeem(Amount.ofWei(BigInteger.ONE, Token.erc20(s.token().getContractAddress(), "X", 18))).send());
            assertEquals(nonce, nonce(devnet, kim), "nothing was sent");
        }
    }

    @Test
    void exposureNamesTheDssAndThePendingSlashing(Devnet devnet, KarakDevnet karak) throws Exception {
        Credentials kim = fresh(devnet, 340, 5);
        Credentials dssA = fresh(devnet, 341, 5);
        Credentials dssB = fresh(devnet, 342, 5);
        Setup s = setup(devnet, karak, 343, kim);
        karak.registerDss(dssA, eth(30));
        karak.registerDss(dssB, eth(10));
        karak.registerOperatorToDss(s.operator(), dssA.getAddress());
        karak.registerOperatorToDss(s.operator(), dssB.getAddress());
        karak.stakeVaultInDss(s.operator(), s.vault(), dssA.getAddress());
        try (Restaking client = DevnetClients.client(devnet, kim)) {
            KarakV2Vault vault = client.karak().v2Vault(s.vault());
            vault.deposit(Amount.parse("2", vault.asset()), 0).send();
            KarakExposure e = vault.exposure();
            assertEquals(Keys.toChecksumAddress(s.operator().getAddress()), e.operator());
            assertEquals(List.of(new KarakExposure.DssStake(Keys.toChecksumAddress(dssA.getAddress()), true, true, eth(30)),
                    new KarakExposure.DssStake(Keys.toChecksumAddress(dssB.getAddress()), true, false, eth(10))), e.dsss());
            assertEquals(List.of(e.dsss().get(0)), e.stakedIn(), "only A can slash this vault");
            assertFalse(e.queuedForSlashing());
            assertEquals(List.of(), e.pendingSlashings());

            KarakDevnet.Slashing slashing = karak.requestSlashing(dssA, s.operator().getAddress(), List.of(s.vault()),
                    List.of(eth(20)));
            KarakExposure queued = vault.exposure();
            assertTrue(queued.queuedForSlashing());
            Instant at = Instant.ofEpochSecond(slashing.timestamp().longValueExact());
            assertEquals(List.of(new KarakExposure.PendingSlashing(Keys.toChecksumAddress(dssA.getAddress()), eth(20), at,
                    Instant.ofEpochSecond(slashing.finalizableAt().longValueExact()))), queued.pendingSlashings());

            karak.cancelSlashing(slashing);
            KarakExposure after = vault.exposure();
            assertFalse(after.queuedForSlashing());
            assertEquals(List.of(), after.pendingSlashings(), "a cancelled request is no longer pending");
        }
    }

    @Test
    void positionsAcrossV1AndV2CountTheirRoundTrips(Devnet devnet, KarakDevnet karak) throws Exception {
        Credentials kim = fresh(devnet, 350, 5);
        Setup s = setup(devnet, karak, 351, kim);
        String v1 = karak.createVault(s.token().getContractAddress(), eth(1_000));
        CountingHttpService counting = new CountingHttpService(devnet.rpcUrl());
        try (Restaking client = DevnetClients.client(devnet, kim, counting)) {
            Karak k = client.karak();
            Token token = client.tokens().token(s.token().getContractAddress());
            k.deposit(v1, Amount.parse("3", token), 0).send();
            k.v2Vault(s.vault()).deposit(Amount.parse("2", token), 0).send();
            k.positions(kim.getAddress(), s.vault()); // the vaults' tokens and the v2 check, read once and kept

            counting.reset();
            List<KarakPosition> p = k.positions(kim.getAddress(), s.vault());
            assertEquals(2, counting.roundTrips(), "getDeposits + getVaults + v2 balanceOf, then v1 balanceOf + convertToAssets: "
                    + counting.log());
            assertTrue(p.contains(new KarakPosition(v1, KarakPosition.Kind.SUPERVISOR_CREDIT,
                    Amount.ofWei(eth(3), client.tokens().token(v1)), Amount.ofWei(eth(3), token))), p.toString());
            assertTrue(p.contains(new KarakPosition(s.vault(), KarakPosition.Kind.V2_SHARES,
                    Amount.ofWei(eth(2), client.tokens().token(s.vault())), Amount.ofWei(eth(2), token))), p.toString());
            assertEquals(2, p.stream().filter(x -> x.vault().equalsIgnoreCase(v1) || x.vault().equalsIgnoreCase(s.vault()))
                    .count());

            // shares taken out of the supervisor are still the account's, as v1 share tokens
            io.restake4j.devnet.fixtures.karak.v1.VaultSupervisor.load(karak.vaultSupervisor(), devnet.web3j(),
                    devnet.transactionManager(kim), devnet.gasProvider()).send_gimmieShares(v1, eth(1)).send();
            counting.reset();
            List<KarakPosition> q = k.positions(kim.getAddress(), s.vault());
            assertEquals(3, counting.roundTrips(), "a third batch values the share tokens: " + counting.log());
            assertTrue(q.contains(new KarakPosition(v1, KarakPosition.Kind.SUPERVISOR_CREDIT,
                    Amount.ofWei(eth(2), client.tokens().token(v1)), Amount.ofWei(eth(2), token))), q.toString());
            assertTrue(q.contains(new KarakPosition(v1, KarakPosition.Kind.V1_SHARE_TOKENS,
                    Amount.ofWei(eth(1), client.tokens().token(v1)), Amount.ofWei(eth(1), token))), q.toString());
        }
    }

    @Test
    void migrateToV2MovesCreditStraightIntoAV2Vault(Devnet devnet, KarakDevnet karak) throws Exception {
        Credentials kim = fresh(devnet, 360, 5);
        Setup s = setup(devnet, karak, 361, kim);
        String v1 = karak.createVault(s.token().getContractAddress(), eth(1_000));
        TestToken other = devnet.deployToken("Other", "OTH", 18);
        karak.allowlistAsset(other.getContractAddress());
        String otherV2 = karak.deployOperatorVault(s.operator(), other.getContractAddress(), "Other v2", "ov2", null);
        try (Restaking client = DevnetClients.client(devnet, kim)) {
            Karak k = client.karak();
            Token token = client.tokens().token(s.token().getContractAddress());
            assertTrue(k.supportsMigrationToV2(), "the devnet's VaultSupervisor is v1.3");
            k.deposit(v1, Amount.parse("6", token), 0).send();
            // the v1 vault's rate moves: 6e18 + 5 assets over 6e18 shares
            s.token().send_mint(v1, BigInteger.valueOf(5)).send();
            KarakV2Vault v2 = k.v2Vault(s.vault());
            v2.deposit(Amount.parse("1", token), 0).send();
            s.token().send_mint(s.vault(), BigInteger.valueOf(3)).send(); // and the v2 vault's: 1e18 + 3 over 1e18

            BigInteger nonce = nonce(devnet, kim);
            assertCode(ErrorCode.INSUFFICIENT_BALANCE, () -> k.migrateToV2(v1, eth(6).add(BigInteger.ONE), v2, 50).send());
            assertCode(ErrorCode.WRONG_TOKEN, () -> k.migrateToV2(v1, eth(1), k.v2Vault(otherV2), 50).send());
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> k.migrateToV2(v1, eth(1), k.v2Vault(v1), 50).send());
            assertCode(ErrorCode.NOT_POSITIVE, () -> k.migrateToV2(v1, BigInteger.ZERO, v2, 50));
            assertEquals(nonce, nonce(devnet, kim), "nothing was sent");

            BigInteger moved = eth(4);
            BigInteger assets = toAssets(moved, eth(6), eth(6).add(BigInteger.valueOf(5)));
            BigInteger minted = toShares(assets, eth(1), eth(1).add(BigInteger.valueOf(3)));
            Preview preview = k.migrateToV2(v1, moved, v2, 100).preview();
            assertEquals(minted, preview.quote(Karak.EXPECTED_SHARES_QUOTE).orElseThrow().amount().wei());
            KarakResult r = k.migrateToV2(v1, moved, v2, 100).send();
            assertEquals(1, r.transactionCount(), "one transaction, no approval, no delay");
            assertEquals(Amount.ofWei(assets, token), r.assets());
            assertEquals(minted, r.shares());
            assertEquals(eth(2), k.deposits().get(0).shares(), "the v1 credit left");
            assertEquals(eth(1).add(minted), v2.position().shares().wei());
        }
        // a supervisor without migrateToV2 (here: the Querier's code, which has no such function and no fallback)
        String querier = karak.querier();
        try (Restaking lacking = DevnetClients.builder(devnet)
                .network(DevnetClients.network(devnet).with("karak.VaultSupervisor", querier))
                .signer(io.restake4j.signer.Signer.of(kim)).rpc(devnet.rpcUrl()).build()) {
            assertFalse(lacking.karak().supportsMigrationToV2());
            BigInteger nonce = nonce(devnet, kim);
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> lacking.karak().migrateToV2(v1, eth(1), lacking.karak().v2Vault(s.vault()), 50).send());
            assertEquals(ErrorCode.PROTOCOL_STATE, refused.code(), refused.getMessage());
            assertTrue(refused.getMessage().contains("has no migrateToV2"), refused.getMessage());
            assertEquals(nonce, nonce(devnet, kim), "nothing was sent");
        }
    }

    private static void assertCode(ErrorCode code, org.junit.jupiter.api.function.Executable call) {
        InvalidInputException e = assertThrows(InvalidInputException.class, call);
        assertEquals(code, e.code(), e.getMessage());
    }
}
