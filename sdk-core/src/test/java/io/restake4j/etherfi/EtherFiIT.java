package io.restake4j.etherfi;

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
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.restake4j.Restaking;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.EtherFiDevnet;
import io.restake4j.devnet.fixtures.etherfi.EETH;
import io.restake4j.devnet.fixtures.etherfi.LiquidityPool;
import io.restake4j.devnet.fixtures.etherfi.WeETH;
import io.restake4j.devnet.fixtures.etherfi.WithdrawRequestNFT;
import io.restake4j.errors.SimulationRevertedException;
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
 * client.etherFi() on the devnet's ether.fi fixtures: every flow with exact wei figures computed here from the
 * pool's totals (read straight from the fixtures, not through the SDK) with BigInteger floor/ceil, across
 * positive and negative rebases, and the negative paths refused before anything is signed (nonce unchanged).
 */
@DevnetTest
class EtherFiIT {

    private static final BigInteger ETHER = BigInteger.TEN.pow(18);
    private static final BigInteger GWEI = BigInteger.TEN.pow(9);

    @Test
    void stakeWrapUnwrapAndRatesAreExactAcrossPositiveAndNegativeRebases(Devnet devnet, EtherFiDevnet fixture) throws Exception {
        Credentials alice = fresh(devnet, 201, 100);
        Credentials bob = fresh(devnet, 202, 10);
        try (Restaking client = DevnetClients.client(devnet, alice); Restaking other = DevnetClients.client(devnet, bob)) {
            EtherFi etherFi = client.etherFi();
            EETH eeth = eeth(devnet, fixture);
            other.etherFi().stake(Amount.parse("3", Token.ETH)).send();

            BigInteger[] pre = totals(devnet, fixture);
            LiquidResult staked = etherFi.stake(Amount.parse("10", Token.ETH), bob.getAddress()).send();
            BigInteger shares = eth(10).multiply(pre[1]).divide(pre[0]);
            assertEquals(shares, staked.shares().value(), "shares = floor(eth * totalShares / pooled before the deposit)");
            BigInteger[] post = totals(devnet, fixture);
            assertEquals(shares.multiply(post[0]).divide(post[1]), staked.amount().wei(), "eETH minted = value of those shares");
            assertEquals(etherFi.eETH(), staked.amount().token());
            assertEquals(shares, eeth.call_shares(alice.getAddress()).send());
            TransactionReceipt receipt = staked.receipts().get(0);
            assertEquals(bob.getAddress(), LiquidityPool.getDepositEvents(receipt).get(0).referral, "referral passed on");

            fixture.rebase(new BigInteger("370000000000000001")); // +0.37 ETH and 1 wei: an awkward rate
            BigInteger[] up = totals(devnet, fixture);
            assertEquals(shares.multiply(up[0]).divide(up[1]), eeth.call_balanceOf(alice.getAddress()).send());
            assertRatesMatchTheContracts(etherFi, devnet, fixture, up);

            BigInteger wrapIn = new BigInteger("3000000000000000007");
            LiquidResult wrapped = etherFi.wrap(Amount.ofWei(wrapIn, etherFi.eETH())).send();
            BigInteger we = wrapIn.multiply(up[1]).divide(up[0]);
            assertEquals(we, wrapped.amount().wei(), "weETH = floor(eETH * totalShares / pooled)");
            assertEquals(etherFi.weETH(), wrapped.amount().token());
            assertEquals(we, wrapped.shares().value(), "the shares moved into weETH");
            assertEquals(2, wrapped.transactionCount(), "approval + wrap");

            fixture.rebase(new BigInteger("-210000000000000003")); // a loss
            BigInteger[] down = totals(devnet, fixture);
            assertRatesMatchTheContracts(etherFi, devnet, fixture, down);
            BigInteger aliceShares = eeth.call_shares(alice.getAddress()).send();
            assertEquals(shares.subtract(we), aliceShares, "wrap moved exactly the shares it minted");

            LiquidResult unwrapped = etherFi.unwrap(Amount.ofWei(we, etherFi.weETH())).send();
            BigInteger back = we.multiply(down[0]).divide(down[1]);
            assertEquals(back, unwrapped.amount().wei(), "eETH = floor(weETH * pooled / totalShares)");
            BigInteger sharesBack = back.multiply(down[1]).divide(down[0]);
            assertEquals(sharesBack, unwrapped.shares().value(), "eETH pays by amount: floor shares, dust stays in weETH");
            assertEquals(aliceShares.add(sharesBack), eeth.call_shares(alice.getAddress()).send());
        }
    }

    @Test
    void stakeAndWrapIsOnePlanWithQuotesAndExactResult(Devnet devnet, EtherFiDevnet fixture) throws Exception {
        Credentials alice = fresh(devnet, 203, 50);
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            EtherFi etherFi = client.etherFi();
            etherFi.stake(Amount.parse("1", Token.ETH)).send(); // a rebase needs shares
            fixture.rebase(new BigInteger("123456789012345679"));

            BigInteger[] pre = totals(devnet, fixture);
            BigInteger shares = eth(7).multiply(pre[1]).divide(pre[0]);
            BigInteger eEth = shares.multiply(pre[0].add(eth(7))).divide(pre[1].add(shares));
            BigInteger expected = eEth.multiply(pre[1].add(shares)).divide(pre[0].add(eth(7)));
            var op = etherFi.stakeAndWrap(Amount.parse("7", Token.ETH));
            var preview = op.preview();
            assertTrue(preview.wouldSucceed(), preview.toString());
            assertEquals(eEth, preview.quote("eETH minted").orElseThrow().amount().wei());
            assertEquals(expected, preview.quote("weETH expected").orElseThrow().amount().wei());
            BigInteger nonce = nonce(devnet, alice);
            LiquidResult both = op.send();
            assertEquals(3, both.transactionCount(), "deposit, approval (none before), wrap");
            assertEquals(nonce.add(BigInteger.valueOf(3)), nonce(devnet, alice));
            assertEquals(expected, both.amount().wei(), "weETH received = floor(eETH minted * shares / pooled) after the deposit");
            assertEquals(etherFi.weETH(), both.amount().token());
            assertEquals(expected, weeth(devnet, fixture).call_balanceOf(alice.getAddress()).send());
        }
    }

    @Test
    void requestsFinalizeAndClaimExactlyFromChainStateAlone(Devnet devnet, EtherFiDevnet fixture) throws Exception {
        Credentials alice = fresh(devnet, 204, 40);
        Credentials bob = fresh(devnet, 205, 1);
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            EtherFi etherFi = client.etherFi();
            etherFi.stake(Amount.parse("20", Token.ETH)).send();
            fixture.rebase(eth(1));

            BigInteger nonce = nonce(devnet, alice);
            BigInteger[] atRequest = totals(devnet, fixture);
            LiquidResult first = etherFi.withdrawals().request(Amount.parse("4", etherFi.eETH())).send();
            assertEquals(2, first.transactionCount(), "approval + requestWithdraw");
            assertEquals(nonce.add(BigInteger.TWO), nonce(devnet, alice));
            BigInteger share1 = eth(4).multiply(atRequest[1]).divide(atRequest[0]);
            assertEquals(share1, first.shares().value(), "the request locks floor(amount * totalShares / pooled) shares");
            assertEquals(1, first.requestIds().size());
            BigInteger id1 = first.requestIds().get(0);
            BigInteger share2 = new BigInteger("2500000000000000001").multiply(atRequest[1]).divide(atRequest[0]);
            LiquidResult second = etherFi.withdrawals().request(Amount.ofWei(new BigInteger("2500000000000000001"), etherFi.eETH())).send();
            BigInteger id2 = second.requestIds().get(0);
            assertEquals(share2, second.shares().value());
            BigInteger id3 = etherFi.withdrawals().request(Amount.parse("1", etherFi.eETH())).send().requestIds().get(0);

            List<LiquidWithdrawal> pending = etherFi.withdrawals().pending();
            assertEquals(List.of(id1, id2, id3), pending.stream().map(LiquidWithdrawal::requestId).toList());
            assertTrue(pending.stream().allMatch(r -> r.status() == ExitStatus.PENDING && r.payout().isZero()));
            BigInteger lastFinalized = nft(devnet, fixture).call_lastFinalizedRequestId().send();
            assertEquals(pending.stream().map(r -> r.requestId().subtract(lastFinalized)).toList(),
                    pending.stream().map(LiquidWithdrawal::queuePosition).toList(), "requests ahead not yet finalized");
            assertEquals(List.of(eth(4), new BigInteger("2500000000000000001"), eth(1)),
                    pending.stream().map(r -> r.locked().wei()).toList());

            // the rate falls after the requests, then the oracle finalizes the first two: the frozen rate pays less
            fixture.rebase(new BigInteger("-900000000000000007"));
            BigInteger[] atFinalization = totals(devnet, fixture);
            BigInteger frozen = ceilDiv(ETHER.multiply(atFinalization[0]), atFinalization[1]);
            fixture.finalize(id2);
            BigInteger owed1 = eth(4).min(share1.multiply(frozen).divide(ETHER));
            BigInteger owed2 = new BigInteger("2500000000000000001").min(share2.multiply(frozen).divide(ETHER));
            assertTrue(owed1.compareTo(eth(4)) < 0, "the loss before finalization is shared");
            fixture.rebase(eth(2)); // rewards after finalization are not paid to the queued requests

            // the NFT of request 1 moves to bob: the ether will go to him
            client.operation(io.restake4j.tx.Plan.<Boolean>builder("give request " + id1 + " to bob")
                    .step(io.restake4j.tx.Step.raw("transferFrom", fixture.withdrawRequestNFT(),
                            WithdrawRequestNFT.getABI_send_transferFrom(alice.getAddress(), bob.getAddress(), id1), BigInteger.ZERO))
                    .result(ex -> Boolean.TRUE).build()).send();

            CountingHttpService counting = new CountingHttpService(devnet.rpcUrl());
            try (Restaking fresh = DevnetClients.client(devnet, alice, counting)) {
                EtherFi f = fresh.etherFi();
                counting.reset();
                List<LiquidWithdrawal> found = f.withdrawals().pending();
                assertEquals(2, counting.roundTrips(), "NFT Transfer logs, then one Multicall3 call: " + counting.log());
                assertEquals(1, counting.count("eth_getLogs"));
                assertEquals(1, counting.count("eth_call"));
                assertEquals(List.of(id2, id3), found.stream().map(LiquidWithdrawal::requestId).toList(), "request 1 is bob's now");
                LiquidWithdrawal r2 = found.get(0);
                assertEquals(ExitStatus.CLAIMABLE, r2.status());
                assertEquals(owed2, r2.payout().wei(), "min(requested, shares * frozen rate / 1e18)");
                assertEquals(BigInteger.ZERO, r2.queuePosition());
                LiquidWithdrawal r3 = found.get(1);
                assertEquals(ExitStatus.PENDING, r3.status());
                assertEquals(BigInteger.ONE, r3.queuePosition(), "the next to be finalized");
                assertEquals(alice.getAddress(), r3.owner());
                List<LiquidWithdrawal> bobs = f.withdrawals().pending(bob.getAddress());
                assertEquals(List.of(id1), bobs.stream().map(LiquidWithdrawal::requestId).toList());
                assertEquals(owed1, bobs.get(0).payout().wei());
            }

            // alice claims request 1 for bob (claims are permissionless) and her own request 2 in one batch
            BigInteger aliceBefore = balance(devnet, alice);
            BigInteger bobBefore = balance(devnet, bob);
            BigInteger[] atClaim = totals(devnet, fixture);
            // each claim burns the request's full shareOfEEth (mainnet since 26Q2), whatever it pays
            BigInteger burnt1 = share1;
            BigInteger burnt2 = share2;
            LiquidResult claimed = etherFi.withdrawals().claimIds(List.of(id2, id1)).send();
            assertEquals(1, claimed.transactionCount(), "one batchClaimWithdraw");
            assertEquals(List.of(id1, id2), claimed.requestIds());
            assertEquals(owed1.add(owed2), claimed.amount().wei());
            assertEquals(Token.ETH, claimed.amount().token());
            assertEquals(burnt1.add(burnt2), claimed.shares().value(), "the shares burnt, from WithdrawRequestClaimed");
            assertEquals(java.util.Map.of(org.web3j.crypto.Keys.toChecksumAddress(bob.getAddress()), Amount.ofWei(owed1, Token.ETH),
                    org.web3j.crypto.Keys.toChecksumAddress(alice.getAddress()),
                    Amount.ofWei(owed2, Token.ETH)), claimed.paidTo(), "who received what, from the claim events");
            assertTrue(claimed.toString().contains("paid to"), claimed.toString());
            BigInteger[] afterClaim = totals(devnet, fixture);
            assertEquals(atClaim[0].subtract(owed1).subtract(owed2), afterClaim[0], "the ether paid left the pool");
            assertEquals(atClaim[1].subtract(burnt1).subtract(burnt2), afterClaim[1]);
            assertEquals(bobBefore.add(owed1), balance(devnet, bob), "the ether goes to the NFT owner");
            assertEquals(aliceBefore.add(owed2).subtract(claimed.feesPaidWei()), balance(devnet, alice));
            assertEquals(List.of(id3), etherFi.withdrawals().pending().stream().map(LiquidWithdrawal::requestId).toList());

            fixture.finalizeAll();
            BigInteger[] atLast = totals(devnet, fixture);
            BigInteger frozen3 = ceilDiv(ETHER.multiply(atLast[0]), atLast[1]);
            BigInteger share3 = eth(1).multiply(atRequest[1]).divide(atRequest[0]);
            BigInteger owed3 = eth(1).min(share3.multiply(frozen3).divide(ETHER));
            assertEquals(eth(1), owed3, "the rate rose since the request: capped at the amount requested");
            BigInteger before = balance(devnet, alice);
            LiquidResult last = etherFi.withdrawals().claimAllReady().send();
            assertEquals(List.of(id3), last.requestIds());
            assertEquals(owed3, last.amount().wei());
            assertEquals(before.add(owed3).subtract(last.feesPaidWei()), balance(devnet, alice));
            assertTrue(etherFi.withdrawals().pending().isEmpty(), "claimed requests are burnt and leave the list");
        }
    }

    @Test
    void positionsInTwoRoundTripsWithExactValues(Devnet devnet, EtherFiDevnet fixture) throws Exception {
        Credentials alice = fresh(devnet, 206, 30);
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            EtherFi etherFi = client.etherFi();
            etherFi.stake(Amount.parse("12", Token.ETH)).send();
            fixture.rebase(new BigInteger("777777777777777777"));
            etherFi.wrap(Amount.parse("2", etherFi.eETH())).send();
            BigInteger id = etherFi.withdrawals().request(Amount.parse("1.5", etherFi.eETH())).send().requestIds().get(0);
            fixture.rebase(new BigInteger("-333333333333333333"));
            BigInteger[] t = totals(devnet, fixture);
            EETH eeth = eeth(devnet, fixture);
            BigInteger shares = eeth.call_shares(alice.getAddress()).send();
            BigInteger we = weeth(devnet, fixture).call_balanceOf(alice.getAddress()).send();

            CountingHttpService counting = new CountingHttpService(devnet.rpcUrl());
            try (Restaking reader = DevnetClients.client(devnet, alice, counting)) {
                EtherFi f = reader.etherFi();
                counting.reset();
                LiquidPositions positions = f.positions();
                assertEquals(2, counting.roundTrips(), "NFT logs, then one Multicall3 call: " + counting.log());
                assertEquals(1, counting.count("eth_call"));
                LiquidPosition e = positions.holdings().get(0);
                LiquidPosition w = positions.holdings().get(1);
                assertEquals(f.eETH(), e.token());
                assertEquals(shares, e.shares().value());
                assertEquals(shares.multiply(t[0]).divide(t[1]), e.balance().wei(), "balance = floor(shares * pooled / total)");
                assertEquals(e.balance().wei(), e.value().wei(), "1 eETH is worth 1 ETH by definition");
                assertEquals(List.of(id), positions.openRequestIds());
                assertEquals(e, positions.of(f.eETH()), "looked up by token");
                assertEquals(f.weETH(), w.token());
                assertEquals(we, w.balance().wei());
                assertEquals(we.multiply(t[0]).divide(t[1]), w.value().wei(), "weETH worth its shares at the new rate");
            }
        }
    }

    @Test
    void aRequestAboveTheMaximumIsSplitAndAllPartsAreClaimedInOneCall(Devnet devnet, EtherFiDevnet fixture) throws Exception {
        Credentials alice = fresh(devnet, 209, 4100);
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            EtherFi etherFi = client.etherFi();
            etherFi.stake(Amount.parse("4050", Token.ETH)).send();
            BigInteger nonce = nonce(devnet, alice);
            LiquidResult requested = etherFi.withdrawals().request(Amount.parse("2500", etherFi.eETH())).send();
            assertEquals(3, requested.requestIds().size(), "1000 + 1000 + 500 eETH");
            assertEquals(4, requested.transactionCount(), "one approval, then one requestWithdraw per part");
            assertEquals(nonce.add(BigInteger.valueOf(4)), nonce(devnet, alice));
            List<BigInteger> amounts = new java.util.ArrayList<>();
            for (BigInteger id : requested.requestIds()) {
                amounts.add(nft(devnet, fixture).call_getRequest(id).send().amountOfEEth);
            }
            assertEquals(List.of(eth(1000), eth(1000), eth(500)), amounts);

            LiquidResult permitted = etherFi.withdrawals().requestWithPermit(Amount.parse("1500", etherFi.eETH()),
                    Instant.now().plus(Duration.ofMinutes(10))).send();
            assertEquals(2, permitted.transactionCount(), "requestWithdrawWithPermit for 1000, then requestWithdraw for 500");
            assertEquals(2, permitted.requestIds().size());

            assertEquals(5, etherFi.withdrawals().pending().size());
            devnet.mine(1); // an empty block after the last request
            BigInteger next = devnet.web3j().ethBlockNumber().send().getBlockNumber();
            assertTrue(etherFi.withLogsFromBlock(next).withdrawals().pending().isEmpty(), "logs read from a block after the requests find nothing");
            assertEquals(5, etherFi.withLogsFromBlock(BigInteger.ZERO).withdrawals().pending().size());

            BigInteger[] t = totals(devnet, fixture);
            BigInteger product = BigInteger.TEN.pow(18).multiply(t[0]);
            BigInteger frozen = product.divide(t[1]).add(product.mod(t[1]).signum() == 0 ? BigInteger.ZERO : BigInteger.ONE);
            fixture.finalizeAll();
            BigInteger expected = BigInteger.ZERO;
            List<BigInteger> all = new java.util.ArrayList<>(requested.requestIds());
            all.addAll(permitted.requestIds());
            for (BigInteger id : all) {
                var r = nft(devnet, fixture).call_getRequest(id).send();
                expected = expected.add(r.amountOfEEth.min(r.shareOfEEth.multiply(frozen).divide(BigInteger.TEN.pow(18))));
            }
            LiquidResult claimed = etherFi.withdrawals().claimAllReady().send();
            assertEquals(1, claimed.transactionCount(), "five requests in one batchClaimWithdraw");
            assertEquals(all.stream().sorted().toList(), claimed.requestIds());
            assertEquals(expected, claimed.amount().wei(), "min(requested, shares x rate frozen at finalization), per request");
            assertTrue(etherFi.withdrawals().pending().isEmpty(), "claimed NFTs are burnt");
            List<LiquidWithdrawal> byId = etherFi.withdrawals().byIds(all);
            assertEquals(5, byId.size());
            assertTrue(byId.stream().allMatch(r -> r.status() == ExitStatus.CLAIMED), "looked up by id: " + byId);
        }
    }

    @Test
    void negativePathsAreRefusedBeforeSigning(Devnet devnet, EtherFiDevnet fixture) throws Exception {
        Credentials alice = fresh(devnet, 207, 20);
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            EtherFi etherFi = client.etherFi();
            etherFi.stake(Amount.parse("5", Token.ETH)).send();
            BigInteger id = etherFi.withdrawals().request(Amount.parse("1", etherFi.eETH())).send().requestIds().get(0);
            BigInteger nonce = nonce(devnet, alice);

            BigInteger min = EtherFiDevnet.MIN_WITHDRAW_AMOUNT;
            assertRefused("below ether.fi's minimum withdrawal request (minWithdrawAmount 0.001 eETH)",
                    () -> etherFi.withdrawals().request(Amount.ofWei(min.subtract(BigInteger.ONE), etherFi.eETH())).preview());
            assertRefused("exceeds the balance", () -> etherFi.withdrawals().request(
                    Amount.ofWei(EtherFiDevnet.MAX_WITHDRAW_AMOUNT.add(BigInteger.ONE), etherFi.eETH())).preview());
            assertRefused("greater than zero", () -> etherFi.withdrawals().request(Amount.zero(etherFi.eETH())));
            assertRefused("expected an amount of eETH", () -> etherFi.withdrawals().request(Amount.parse("1", etherFi.weETH())));
            assertRefused("exceeds the balance", () -> etherFi.withdrawals().request(Amount.parse("5", etherFi.eETH())).preview());
            assertRefused("greater than zero", () -> etherFi.stake(Amount.zero(Token.ETH)));
            assertRefused("stakes ETH", () -> etherFi.stake(Amount.parse("1", etherFi.eETH())));
            assertRefused("expected an amount of eETH", () -> etherFi.wrap(Amount.parse("1", etherFi.weETH())));
            assertRefused("expected an amount of weETH", () -> etherFi.unwrap(Amount.parse("1", etherFi.eETH())));
            assertRefused("is not finalized yet", () -> etherFi.withdrawals().claimIds(id).preview());
            assertRefused("no finalized", () -> etherFi.withdrawals().claimAllReady().preview());
            assertRefused("no ether.fi withdrawal request 1000", () -> etherFi.withdrawals().claimIds(BigInteger.valueOf(1000)).preview());
            assertRefused("no ether.fi withdrawal request 0", () -> etherFi.withdrawals().claimIds(BigInteger.ZERO).preview());

            // the mint bucket: 2 ETH left, a 3 ETH deposit fails its simulation with LimitExceeded, by name
            fixture.setRateLimit(EtherFiDevnet.Bucket.MINT, GWEI.multiply(BigInteger.TWO), BigInteger.ZERO);
            try {
                SimulationRevertedException limited = assertThrows(SimulationRevertedException.class,
                        () -> etherFi.stake(Amount.parse("3", Token.ETH)).send());
                assertEquals("LimitExceeded", limited.revert().name(), limited.getMessage());
                assertFalse(etherFi.stakeAndWrap(Amount.parse("3", Token.ETH)).preview().wouldSucceed());
            } finally { // the devnet is shared by every test class: put mainnet's bucket back
                fixture.setRateLimit(EtherFiDevnet.Bucket.MINT, EtherFiDevnet.DEFAULT_MINT_CAPACITY_GWEI,
                        EtherFiDevnet.DEFAULT_MINT_REFILL_GWEI_PER_SECOND);
            }
            assertEquals(nonce, nonce(devnet, alice), "nothing was signed");

            fixture.finalizeAll();
            etherFi.withdrawals().claimIds(id).send();
            BigInteger afterClaim = nonce(devnet, alice);
            assertRefused("already claimed", () -> etherFi.withdrawals().claimIds(id).preview());
            assertRefused("already claimed", () -> etherFi.withdrawals().claimIds(id).send());
            // past the SDK's own check, the contract's answer: ownerOf of the burnt NFT, decoded before signing
            SimulationRevertedException again = assertThrows(SimulationRevertedException.class, () -> client.operation(
                    io.restake4j.tx.Plan.<Boolean>builder("claim request " + id + " again")
                            .step(io.restake4j.tx.Step.raw("claimWithdraw", fixture.withdrawRequestNFT(),
                                    WithdrawRequestNFT.getABI_send_claimWithdraw(id), BigInteger.ZERO))
                            .result(ex -> Boolean.TRUE).build()).send());
            assertEquals(io.restake4j.errors.DecodedRevert.Kind.ERROR_STRING, again.revert().kind(), again.getMessage());
            assertEquals(List.of("ERC721: invalid token ID"), again.revert().arguments(), again.getMessage());
            assertEquals(afterClaim, nonce(devnet, alice), "nothing was signed for the double claim");
        }
    }

    @Test
    void permitsReplaceTheApprovalTransactions(Devnet devnet, EtherFiDevnet fixture) throws Exception {
        Credentials alice = fresh(devnet, 208, 20);
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            EtherFi etherFi = client.etherFi();
            etherFi.stake(Amount.parse("6", Token.ETH)).send();
            fixture.rebase(new BigInteger("300000000000000001"));
            Instant deadline = Instant.now().plus(Duration.ofMinutes(10));

            BigInteger nonce = nonce(devnet, alice);
            BigInteger[] t = totals(devnet, fixture);
            LiquidResult wrapped = etherFi.wrapWithPermit(Amount.parse("2", etherFi.eETH()), deadline).send();
            assertEquals(1, wrapped.transactionCount(), "wrapWithPermit, no approval transaction");
            assertEquals(eth(2).multiply(t[1]).divide(t[0]), wrapped.amount().wei());
            assertEquals(BigInteger.ONE, eeth(devnet, fixture).call_nonces(alice.getAddress()).send(), "the permit was used");

            LiquidResult requested = etherFi.withdrawals().requestWithPermit(Amount.parse("1.25", etherFi.eETH()), deadline).send();
            assertEquals(1, requested.transactionCount(), "requestWithdrawWithPermit, no approval transaction");
            assertEquals(nonce.add(BigInteger.TWO), nonce(devnet, alice));
            assertEquals(new BigInteger("1250000000000000000").multiply(t[1]).divide(t[0]), requested.shares().value());
            assertEquals(requested.requestIds(), etherFi.withdrawals().pending().stream().map(LiquidWithdrawal::requestId).toList());
            assertEquals(BigInteger.ZERO, eeth(devnet, fixture).call_allowance(alice.getAddress(), fixture.liquidityPool()).send());

            assertRefused("deadline must be in the future",
                    () -> etherFi.wrapWithPermit(Amount.parse("1", etherFi.eETH()), Instant.now().minusSeconds(1)));
            assertRefused("below ether.fi's minimum",
                    () -> etherFi.withdrawals().requestWithPermit(Amount.ofWei(BigInteger.TEN, etherFi.eETH()), deadline).preview());
            assertEquals(nonce.add(BigInteger.TWO), nonce(devnet, alice));
        }
    }

    @Test
    void aNetworkWithoutEtherFiAddressesIsRefused(Devnet devnet) {
        Network full = DevnetClients.network(devnet);
        Network none = Network.of("empty", devnet.chainId(), java.util.Map.of(Network.MULTICALL3, full.multicall3()));
        try (Restaking client = Restaking.builder().network(none).rpc(devnet.rpcUrl()).build()) {
            assertRefused("knows no ether.fi deployment", client::etherFi);
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** The SDK's conversions against the contracts' own views, for awkward inputs. */
    static void assertRatesMatchTheContracts(EtherFi etherFi, Devnet devnet, EtherFiDevnet fixture, BigInteger[] totals)
            throws Exception {
        EtherFiRates rates = etherFi.rates();
        assertEquals(totals[0], rates.totalPooledEther());
        assertEquals(totals[1], rates.totalShares());
        LiquidityPool lp = pool(devnet, fixture);
        WeETH w = weeth(devnet, fixture);
        for (BigInteger x : List.of(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(999), new BigInteger("1000000000000000001"),
                eth(1000), new BigInteger("123456789123456789123"))) {
            assertEquals(lp.call_sharesForAmount(x).send(), rates.sharesFor(x), "sharesFor(" + x + ")");
            assertEquals(lp.call_sharesForWithdrawalAmount(x).send(), rates.sharesForWithdrawalAmount(x),
                    "sharesForWithdrawalAmount(" + x + ")");
            assertEquals(lp.call_amountForShare(x).send(), rates.amountFor(x), "amountFor(" + x + ")");
            assertEquals(w.call_getWeETHByeETH(x).send(), rates.wrappedFor(x), "getWeETHByeETH(" + x + ")");
            assertEquals(w.call_getEETHByWeETH(x).send(), rates.unwrappedFor(x), "getEETHByWeETH(" + x + ")");
        }
        assertEquals(lp.call_amountPerShareCeil().send(), rates.amountPerShareCeil());
        assertEquals(w.call_getRate().send(), rates.amountPerWrapped());
    }

    private static BigInteger ceilDiv(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    }

    /** {totalPooledEther, totalShares} read from the fixtures themselves. */
    static BigInteger[] totals(Devnet devnet, EtherFiDevnet fixture) throws Exception {
        return new BigInteger[] {pool(devnet, fixture).call_getTotalPooledEther().send(), eeth(devnet, fixture).call_totalShares().send()};
    }

    static LiquidityPool pool(Devnet devnet, EtherFiDevnet fixture) {
        return LiquidityPool.load(fixture.liquidityPool(), devnet.web3j(), devnet.transactionManager(devnet.deployer()),
                devnet.gasProvider());
    }

    static EETH eeth(Devnet devnet, EtherFiDevnet fixture) {
        return EETH.load(fixture.eETH(), devnet.web3j(), devnet.transactionManager(devnet.deployer()), devnet.gasProvider());
    }

    static WeETH weeth(Devnet devnet, EtherFiDevnet fixture) {
        return WeETH.load(fixture.weETH(), devnet.web3j(), devnet.transactionManager(devnet.deployer()), devnet.gasProvider());
    }

    private static WithdrawRequestNFT nft(Devnet devnet, EtherFiDevnet fixture) {
        return nftAs(devnet, fixture, devnet.deployer());
    }

    private static WithdrawRequestNFT nftAs(Devnet devnet, EtherFiDevnet fixture, Credentials as) {
        return WithdrawRequestNFT.load(fixture.withdrawRequestNFT(), devnet.web3j(), devnet.transactionManager(as),
                devnet.gasProvider());
    }
}
