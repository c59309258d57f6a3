package io.restake4j.lido;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.restake4j.testing.DevnetAccounts.assertRefused;
import static io.restake4j.testing.DevnetAccounts.balance;
import static io.restake4j.testing.DevnetAccounts.eth;
import static io.restake4j.testing.DevnetAccounts.fresh;
import static io.restake4j.testing.DevnetAccounts.nonce;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

import io.restake4j.Restaking;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.LidoDevnet;
import io.restake4j.devnet.fixtures.lido.WithdrawalQueueERC721.WithdrawalRequestStatus;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.liquid.LiquidPosition;
import io.restake4j.liquid.LiquidPositions;
import io.restake4j.liquid.LiquidResult;
import io.restake4j.liquid.LiquidWithdrawal;
import io.restake4j.exits.ExitStatus;
import io.restake4j.network.Network;
import io.restake4j.testing.CountingHttpService;
import io.restake4j.testing.DevnetClients;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * client.lido() on the devnet's Lido fixtures: every flow with exact wei figures computed here from the
 * fixture's totals (read straight from the fixture, not through the SDK), across positive and negative
 * oracle reports, and the negative paths refused before anything is signed. Each test uses fresh accounts,
 * so the order of tests (and the rebases other tests make) does not matter.
 */
@DevnetTest
class LidoIT {

    private static final BigInteger E27 = BigInteger.TEN.pow(27);

    @Test
    void requestOf2500StEthBecomesThreeRequestsInOneTransactionAndAllAreClaimedInOneCall(Devnet devnet, LidoDevnet fixture)
            throws Exception {
        Credentials alice = fresh(devnet, 101, 3000);
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            Lido lido = client.lido();
            lido.stake(Amount.parse("2600", Token.ETH)).send();

            BigInteger nonce = nonce(devnet, alice);
            LiquidResult requested = lido.withdrawals().request(Amount.parse("2500", lido.stETH())).send();
            assertEquals(3, requested.requestIds().size(), "1000 + 1000 + 500");
            assertEquals(2, requested.transactionCount(), "approval + one requestWithdrawals");
            assertEquals(nonce.add(BigInteger.TWO), nonce(devnet, alice));
            List<LiquidWithdrawal> pending = lido.withdrawals().pending();
            assertEquals(requested.requestIds(), pending.stream().map(LiquidWithdrawal::requestId).toList());
            assertEquals(List.of(eth(1000), eth(1000), eth(500)), pending.stream().map(r -> r.locked().wei()).toList());
            assertTrue(pending.stream().allMatch(r -> r.status() == ExitStatus.PENDING && r.payout().isZero()));
            BigInteger lastFinalized = queue(devnet, fixture).call_getLastFinalizedRequestId().send();
            assertEquals(pending.stream().map(r -> r.requestId().subtract(lastFinalized)).toList(),
                    pending.stream().map(LiquidWithdrawal::queuePosition).toList(), "place among unfinalized requests");

            fixture.finalizeAll();
            BigInteger maxShareRate = shareRate(devnet, fixture);
            List<BigInteger> expected = new ArrayList<>();
            for (BigInteger id : requested.requestIds()) {
                expected.add(claimableAt(devnet, fixture, id, maxShareRate));
            }
            CountingHttpService counting = new CountingHttpService(devnet.rpcUrl());
            try (Restaking fresh = DevnetClients.client(devnet, alice, counting)) {
                Lido freshLido = fresh.lido();
                counting.reset();
                List<LiquidWithdrawal> found = freshLido.withdrawals().pending();
                assertEquals(3, counting.roundTrips(), "ids, then statuses + hints, then claimable ether: " + counting.log());
                assertEquals(requested.requestIds(), found.stream().filter(LiquidWithdrawal::isClaimable).map(LiquidWithdrawal::requestId).toList(),
                        "a brand-new client finds the claimable requests from chain state alone");
                assertEquals(expected, found.stream().map(r -> r.payout().wei()).toList(),
                        "claimable ether as the queue computes it (shares at the finalization rate, capped by the stETH requested)");
            }

            BigInteger ethBefore = balance(devnet, alice);
            LiquidResult claimed = lido.withdrawals().claimAllReady().send();
            assertEquals(1, claimed.transactionCount(), "all three in one claimWithdrawals");
            assertEquals(requested.requestIds(), claimed.requestIds());
            assertEquals(expected.stream().reduce(BigInteger.ZERO, BigInteger::add), claimed.amount().wei());
            assertEquals(Token.ETH, claimed.amount().token());
            assertEquals(ethBefore.add(claimed.amount().wei()).subtract(claimed.feesPaidWei()), balance(devnet, alice));
            assertTrue(lido.withdrawals().pending().isEmpty(), "claimed requests leave the owner's list");
            List<LiquidWithdrawal> byId = lido.withdrawals().byIds(requested.requestIds());
            assertTrue(byId.stream().allMatch(r -> r.status() == ExitStatus.CLAIMED && r.payout().isZero()
                    && r.owner().equalsIgnoreCase(alice.getAddress())), "looked up by id, they read as claimed: " + byId);
            assertRefused("there is no Lido withdrawal request", () -> lido.withdrawals().byIds(List.of(BigInteger.valueOf(1_000_000))));
        }
    }

    @Test
    void stakeWrapUnwrapAndPositionsAreExactAcrossPositiveAndNegativeReports(Devnet devnet, LidoDevnet fixture) throws Exception {
        Credentials alice = fresh(devnet, 102, 100);
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            Lido lido = client.lido();
            var steth = steth(devnet, fixture);

            BigInteger[] pre = totals(devnet, fixture);
            LiquidResult staked = lido.stake(Amount.parse("10", Token.ETH)).send();
            BigInteger shares = pre[1].signum() == 0 ? eth(10) : eth(10).multiply(pre[1]).divide(pre[0]);
            assertEquals(shares, staked.shares().value(), "shares = floor(eth * totalShares / totalPooledEther) before the deposit");
            BigInteger[] post = totals(devnet, fixture);
            assertEquals(shares.multiply(post[0]).divide(post[1]), staked.amount().wei(), "stETH minted = value of those shares");
            assertEquals(shares, steth.call_sharesOf(alice.getAddress()).send());

            String referral = "0x00000000000000000000000000000000000000aa";
            LiquidResult referred = lido.stake(Amount.parse("1", Token.ETH), referral).send();
            var submitted = io.restake4j.contracts.lido.Lido.getSubmittedEvents(referred.receipts().get(0));
            assertEquals(1, submitted.size());
            assertEquals(referral, submitted.get(0).referral, "the referral reaches Lido's Submitted event");
            assertEquals(eth(1), submitted.get(0).amount);
            shares = shares.add(referred.shares().value());

            fixture.report(new BigInteger("370000000000000001")); // +0.37 ETH and 1 wei: an awkward rate
            BigInteger[] up = totals(devnet, fixture);
            assertEquals(shares.multiply(up[0]).divide(up[1]), steth.call_balanceOf(alice.getAddress()).send(),
                    "balance after a positive report = floor(shares * pooled / totalShares)");
            assertRatesMatchTheContract(lido, steth, up);

            BigInteger wrapIn = new BigInteger("3000000000000000007");
            LiquidResult wrapped = lido.wrap(Amount.ofWei(wrapIn, lido.stETH())).send();
            BigInteger wst = wrapIn.multiply(up[1]).divide(up[0]);
            assertEquals(wst, wrapped.amount().wei(), "wstETH = floor(stETH * totalShares / pooled)");
            assertEquals(lido.wstETH(), wrapped.amount().token());

            fixture.report(new BigInteger("-210000000000000003")); // a loss
            BigInteger[] down = totals(devnet, fixture);
            BigInteger aliceShares = steth.call_sharesOf(alice.getAddress()).send();
            assertEquals(shares.subtract(wst), aliceShares, "wrap moved exactly wst shares");
            assertRatesMatchTheContract(lido, steth, down);

            CountingHttpService counting = new CountingHttpService(devnet.rpcUrl());
            try (Restaking reader = DevnetClients.client(devnet, alice, counting)) {
                Lido l = reader.lido();
                counting.reset();
                LiquidPositions positions = l.positions();
                assertEquals(1, counting.roundTrips(), "positions in one Multicall3 call: " + counting.log());
                assertEquals(1, counting.count("eth_call"));
                LiquidPosition st = positions.holdings().get(0);
                LiquidPosition wp = positions.holdings().get(1);
                assertEquals(aliceShares.multiply(down[0]).divide(down[1]), st.balance().wei());
                assertEquals(aliceShares, st.shares().value());
                assertEquals(st.balance().wei(), st.value().wei(), "1 stETH is worth 1 ETH by definition");
                assertEquals(wst, wp.balance().wei());
                assertEquals(wst.multiply(down[0]).divide(down[1]), wp.value().wei(), "wstETH worth its shares at the new rate");
            }

            LiquidResult unwrapped = lido.unwrap(Amount.ofWei(wst, lido.wstETH())).send();
            BigInteger stBack = wst.multiply(down[0]).divide(down[1]);
            assertEquals(stBack, unwrapped.amount().wei(), "stETH = floor(wstETH * pooled / totalShares)");
            // wstETH pays by amount, so the shares moved are floor(stBack * totalShares / pooled): up to 1 share
            // stays in wstETH, as on mainnet
            BigInteger sharesBack = stBack.multiply(down[1]).divide(down[0]);
            assertEquals(sharesBack, unwrapped.shares().value());
            assertTrue(wst.subtract(sharesBack).compareTo(BigInteger.ONE) <= 0);
            assertEquals(shares.subtract(wst).add(sharesBack), steth.call_sharesOf(alice.getAddress()).send());
        }
    }

    @Test
    void stakeAndWrapIsOneTransactionAndTransferAllLeavesNoDust(Devnet devnet, LidoDevnet fixture) throws Exception {
        Credentials alice = fresh(devnet, 103, 50);
        Credentials bob = fresh(devnet, 104, 1);
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            Lido lido = client.lido();
            var steth = steth(devnet, fixture);
            lido.stake(Amount.parse("1", Token.ETH)).send(); // alice holds stETH through the report
            fixture.report(new BigInteger("123456789012345679"));

            BigInteger[] pre = totals(devnet, fixture);
            LiquidResult both = lido.stakeAndWrap(Amount.parse("7", Token.ETH)).send();
            assertEquals(1, both.transactionCount(), "ether sent to wstETH: staked and wrapped at once");
            BigInteger expected = eth(7).multiply(pre[1]).divide(pre[0]);
            assertEquals(expected, both.amount().wei());
            assertEquals(lido.wstETH(), both.amount().token());

            lido.stake(Amount.parse("5", Token.ETH)).send();
            lido.unwrap(Amount.ofWei(expected, lido.wstETH())).send();
            BigInteger aliceShares = steth.call_sharesOf(alice.getAddress()).send();
            BigInteger bobShares = steth.call_sharesOf(bob.getAddress()).send();
            LiquidResult sent = lido.transferAll(bob.getAddress()).send();
            assertEquals(aliceShares, sent.shares().value());
            assertEquals(BigInteger.ZERO, steth.call_sharesOf(alice.getAddress()).send(), "send max by shares: no dust left");
            assertEquals(BigInteger.ZERO, steth.call_balanceOf(alice.getAddress()).send());
            assertEquals(bobShares.add(aliceShares), steth.call_sharesOf(bob.getAddress()).send());

            BigInteger nonce = nonce(devnet, alice);
            InvalidInputException empty = assertThrows(InvalidInputException.class, () -> lido.transferAll(bob.getAddress()).preview());
            assertTrue(empty.getMessage().contains("holds no stETH"), empty.getMessage());
            assertEquals(nonce, nonce(devnet, alice));
        }
    }

    @Test
    void permitRequestsAndWstEthRequestsSplitWithinTheLimits(Devnet devnet, LidoDevnet fixture) throws Exception {
        Credentials alice = fresh(devnet, 105, 2600);
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            Lido lido = client.lido();
            lido.stake(Amount.parse("10", Token.ETH)).send();
            BigInteger nonce = nonce(devnet, alice);
            LiquidResult permitted = lido.withdrawals().requestWithPermit(Amount.parse("4", lido.stETH()),
                    Instant.now().plus(Duration.ofMinutes(10))).send();
            assertEquals(1, permitted.transactionCount(), "a permit instead of an approval transaction");
            assertEquals(nonce.add(BigInteger.ONE), nonce(devnet, alice));
            assertEquals(1, permitted.requestIds().size());

            fixture.report(new BigInteger("50000000000000000011"));
            LiquidResult small = lido.stakeAndWrap(Amount.parse("3", Token.ETH)).send();
            BigInteger beforePermit = nonce(devnet, alice);
            LiquidResult wstPermitted = lido.withdrawals().requestWithPermit(small.amount(), Instant.now().plus(Duration.ofMinutes(10)))
                    .send();
            assertEquals(1, wstPermitted.transactionCount(), "wstETH permit (its own EIP-712 domain) instead of an approval");
            assertEquals(beforePermit.add(BigInteger.ONE), nonce(devnet, alice));
            assertEquals(1, wstPermitted.requestIds().size());

            LiquidResult wrapped = lido.stakeAndWrap(Amount.parse("2500", Token.ETH)).send();
            BigInteger wst = wrapped.amount().wei();
            LiquidResult requested = lido.withdrawals().request(Amount.ofWei(wst, lido.wstETH())).send();
            BigInteger[] rate = totals(devnet, fixture);
            BigInteger stethTotal = BigInteger.ZERO;
            List<WithdrawalRequestStatus> statuses = statuses(devnet, fixture, requested.requestIds());
            for (WithdrawalRequestStatus s : statuses) {
                assertTrue(s.amountOfStETH.compareTo(LidoDevnet.MAX_STETH_WITHDRAWAL_AMOUNT) <= 0, "within the maximum: " + s.amountOfStETH);
                assertTrue(s.amountOfStETH.compareTo(LidoDevnet.MIN_STETH_WITHDRAWAL_AMOUNT) >= 0);
                stethTotal = stethTotal.add(s.amountOfStETH);
            }
            BigInteger sharesTotal = BigInteger.ZERO;
            for (WithdrawalRequestStatus s : statuses) {
                // the queue unwraps each part to stETH and records the shares of that amount, both rounded down
                assertEquals(s.amountOfStETH.multiply(rate[1]).divide(rate[0]), s.amountOfShares);
                sharesTotal = sharesTotal.add(s.amountOfShares);
            }
            int n = requested.requestIds().size();
            assertTrue(n >= 3, "more than 2000 stETH worth of wstETH needs three requests, got " + n);
            assertEquals(sharesTotal, requested.shares().value(), "the result's shares are the events' shares");
            assertTrue(wst.subtract(sharesTotal).signum() >= 0 && wst.subtract(sharesTotal).compareTo(BigInteger.valueOf(n)) <= 0,
                    "at most one share per request stays behind in the unwrap: " + wst + " vs " + sharesTotal);
            assertTrue(wst.multiply(rate[0]).divide(rate[1]).subtract(stethTotal).abs().compareTo(BigInteger.valueOf(n)) <= 0,
                    "each part unwraps with its own floor");
        }
    }

    @Test
    void negativePathsAreRefusedBeforeSigning(Devnet devnet, LidoDevnet fixture) throws Exception {
        Credentials alice = fresh(devnet, 106, 20);
        Credentials mallory = fresh(devnet, 107, 1);
        try (Restaking client = DevnetClients.client(devnet, alice); Restaking other = DevnetClients.client(devnet, mallory)) {
            Lido lido = client.lido();
            lido.stake(Amount.parse("5", Token.ETH)).send();
            LiquidResult first = lido.withdrawals().request(Amount.parse("1", lido.stETH())).send();
            BigInteger id = first.requestIds().get(0);
            BigInteger nonce = nonce(devnet, alice);
            BigInteger malloryNonce = nonce(devnet, mallory);

            assertRefused("at least 100 wei", () -> lido.withdrawals().request(Amount.ofWei(BigInteger.valueOf(99), lido.stETH())).preview());
            assertRefused("at least 100 wei", () -> lido.withdrawals().request(Amount.ofWei(BigInteger.valueOf(50), lido.wstETH())).preview());
            assertRefused("is not finalized yet", () -> lido.withdrawals().claimIds(id).preview());
            assertRefused("no finalized", () -> lido.withdrawals().claimAllReady().preview());
            assertRefused("greater than zero", () -> lido.stake(Amount.zero(Token.ETH)));
            assertRefused("stakes ETH", () -> lido.stake(Amount.parse("1", lido.stETH())));
            assertRefused("expected an amount of stETH", () -> lido.wrap(Amount.parse("1", lido.wstETH())).preview());
            assertRefused("no Lido withdrawal request", () -> lido.withdrawals().claimIds(BigInteger.valueOf(1_000_000)).preview());
            assertRefused("exceeds the balance", () -> lido.withdrawals().request(Amount.parse("6", lido.stETH())).preview());

            fixture.finalize(id);
            assertRefused("belongs to " + alice.getAddress(), () -> other.lido().withdrawals().claimIds(id).preview());

            fixture.setStakingLimit(eth(2), BigInteger.TEN.pow(9)); // 1 gwei a block: 2e9 growth blocks, within uint32 (1 wei is TOO_SMALL_LIMIT_INCREASE)
            try {
                assertRefused("exceeds Lido's current stake limit", () -> lido.stake(Amount.parse("3", Token.ETH)).send());
            } finally {
                fixture.removeStakingLimit();
            }
            assertEquals(nonce, nonce(devnet, alice), "nothing was signed for alice");
            assertEquals(malloryNonce, nonce(devnet, mallory), "nothing was signed for mallory");

            lido.withdrawals().claimIds(id).send();
            assertRefused("already claimed", () -> lido.withdrawals().claimIds(id).preview());
        }
    }

    @Test
    void aNetworkWithOnlyTheLocatorFindsTheRest(Devnet devnet, LidoDevnet fixture) {
        Network full = DevnetClients.network(devnet);
        Network locatorOnly = Network.of("devnet-locator", devnet.chainId(), java.util.Map.of(
                Network.MULTICALL3, full.multicall3(), "lido.LidoLocator", fixture.locator()));
        try (Restaking client = Restaking.builder().network(locatorOnly).rpc(devnet.rpcUrl()).build()) {
            Lido lido = client.lido();
            assertEquals(fixture.stETH().toLowerCase(), lido.stETH().address().toLowerCase());
            assertEquals(fixture.wstETH().toLowerCase(), lido.wstETH().address().toLowerCase());
            assertEquals(fixture.withdrawalQueue().toLowerCase(), lido.withdrawalQueue().toLowerCase());
        }
        Network none = Network.of("empty", devnet.chainId(), java.util.Map.of(Network.MULTICALL3, full.multicall3()));
        try (Restaking client = Restaking.builder().network(none).rpc(devnet.rpcUrl()).build()) {
            assertRefused("knows no Lido deployment", () -> client.lido().stETH());
        }
    }

    // ---------------------------------------------------------------------------------------------

    private static void assertRatesMatchTheContract(Lido lido, io.restake4j.devnet.fixtures.lido.Lido steth, BigInteger[] totals)
            throws Exception {
        LidoRates rates = lido.rates();
        assertEquals(totals[0], rates.totalPooledEther());
        assertEquals(totals[1], rates.totalShares());
        for (BigInteger x : List.of(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(999), new BigInteger("1000000000000000001"),
                eth(1000), new BigInteger("123456789123456789123"))) {
            assertEquals(steth.call_getSharesByPooledEth(x).send(), rates.sharesFor(x), "getSharesByPooledEth(" + x + ")");
            assertEquals(steth.call_getPooledEthByShares(x).send(), rates.amountFor(x), "getPooledEthByShares(" + x + ")");
            assertEquals(steth.call_getPooledEthBySharesRoundUp(x).send(), rates.stEthForRoundUp(x),
                    "getPooledEthBySharesRoundUp(" + x + ")");
        }
    }

    /** What the queue pays for request {@code id} finalized at {@code maxShareRate} (Lido's discount rule, floors as the contract). */
    private static BigInteger claimableAt(Devnet devnet, LidoDevnet fixture, BigInteger id, BigInteger maxShareRate) throws Exception {
        WithdrawalRequestStatus s = statuses(devnet, fixture, List.of(id)).get(0);
        BigInteger requestRate = s.amountOfStETH.multiply(E27).divide(s.amountOfShares);
        return requestRate.compareTo(maxShareRate) > 0 ? s.amountOfShares.multiply(maxShareRate).divide(E27) : s.amountOfStETH;
    }

    private static BigInteger shareRate(Devnet devnet, LidoDevnet fixture) throws Exception {
        BigInteger[] t = totals(devnet, fixture);
        return t[0].multiply(E27).divide(t[1]);
    }

    @SuppressWarnings("unchecked")
    private static List<WithdrawalRequestStatus> statuses(Devnet devnet, LidoDevnet fixture, List<BigInteger> ids) throws Exception {
        return (List<WithdrawalRequestStatus>) queue(devnet, fixture).call_getWithdrawalStatus(ids).send();
    }

    /** {totalPooledEther, totalShares} read from the fixture itself. */
    private static BigInteger[] totals(Devnet devnet, LidoDevnet fixture) throws Exception {
        var steth = steth(devnet, fixture);
        return new BigInteger[] {steth.call_getTotalPooledEther().send(), steth.call_getTotalShares().send()};
    }

    private static io.restake4j.devnet.fixtures.lido.Lido steth(Devnet devnet, LidoDevnet fixture) {
        return io.restake4j.devnet.fixtures.lido.Lido.load(fixture.stETH(), devnet.web3j(),
                devnet.transactionManager(devnet.deployer()), devnet.gasProvider());
    }

    private static io.restake4j.devnet.fixtures.lido.WithdrawalQueueERC721 queue(Devnet devnet, LidoDevnet fixture) {
        return io.restake4j.devnet.fixtures.lido.WithdrawalQueueERC721.load(fixture.withdrawalQueue(), devnet.web3j(),
                devnet.transactionManager(devnet.deployer()), devnet.gasProvider());
    }
}
