package io.restake4j.devnet.lido;

import static io.restake4j.devnet.lido.LidoTestSupport.queue;
import static io.restake4j.devnet.lido.LidoTestSupport.stETH;
import static io.restake4j.devnet.testing.FixtureAsserts.eth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.LidoDevnet;
import io.restake4j.devnet.fixtures.lido.Burner;
import io.restake4j.devnet.fixtures.lido.Lido;
import io.restake4j.devnet.fixtures.lido.WithdrawalQueueERC721;
import io.restake4j.devnet.fixtures.lido.WithdrawalQueueERC721.WithdrawalRequestStatus;
import io.restake4j.devnet.testing.FixtureAsserts;

/**
 * Finalization as Lido's Accounting does it: batches priced by {@code prefinalize} at the report's share rate, the
 * queue's shares burnt by the Burner, and the few wei the batch pricing locks beyond the claims left in the queue.
 */
@DevnetTest
class LidoFinalizationIT {

    private static final String NO_REFERRAL = "0x0000000000000000000000000000000000000000";
    private static final BigInteger E27 = BigInteger.TEN.pow(27);
    private static final List<BigInteger> ONE_2_3 = List.of(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3));

    @Test
    void aLossReportLocksTheBatchPriceAndTheDustStaysAfterEveryClaim(Devnet devnet, LidoDevnet lido,
            @Account(1) Credentials alice) throws Exception {
        Lido a = stETH(devnet, lido, alice);
        WithdrawalQueueERC721 q = queue(devnet, lido, alice);
        a.send_submit(NO_REFERRAL, eth(30)).send();
        lido.report(eth(1).divide(BigInteger.valueOf(3))); // an odd rate, so that shares round
        a.send_approve(lido.withdrawalQueue(), eth(30)).send();
        // three requests in one report period: one batch for the oracle
        q.send_requestWithdrawals(List.of(new BigInteger("7000000000000000001"), new BigInteger("5000000000000000003"),
                new BigInteger("3333333333333333337")), alice.getAddress()).send();
        @SuppressWarnings("unchecked")
        List<WithdrawalRequestStatus> statuses = (List<WithdrawalRequestStatus>) q.call_getWithdrawalStatus(ONE_2_3).send();
        BigInteger pooled = a.call_getTotalPooledEther().send();
        BigInteger shares = a.call_getTotalShares().send();

        // pick a loss whose rate leaves dust: the batch locks floor(sum(shares) * rate) and each request
        // claims floor(its shares * rate), every request being above the rate after the loss
        BigInteger loss = eth(1);
        BigInteger rate;
        BigInteger expectedLock;
        BigInteger expectedClaims;
        while (true) {
            rate = pooled.subtract(loss).multiply(E27).divide(shares);
            BigInteger sumShares = BigInteger.ZERO;
            BigInteger claims = BigInteger.ZERO;
            for (WithdrawalRequestStatus s : statuses) {
                sumShares = sumShares.add(s.amountOfShares);
                claims = claims.add(s.amountOfShares.multiply(rate).divide(E27));
            }
            expectedLock = sumShares.multiply(rate).divide(E27);
            expectedClaims = claims;
            if (expectedLock.compareTo(expectedClaims) > 0) {
                break;
            }
            loss = loss.add(BigInteger.ONE);
        }
        BigInteger dust = expectedLock.subtract(expectedClaims);

        // prefinalize is a view anyone may call: one batch ending at 3, at the report's rate
        var priced = q.call_prefinalize(List.of(BigInteger.valueOf(3)), rate).send();
        assertEquals(expectedLock, priced.component1(), "discounted batch: floor(shares * rate / 1e27)");

        TransactionReceipt report = lido.reportAndFinalize(loss.negate(), BigInteger.valueOf(3));
        var finalized = WithdrawalQueueERC721.getWithdrawalsFinalizedEvents(report);
        assertEquals(1, finalized.size());
        assertEquals(expectedLock, finalized.get(0).amountOfETHLocked);
        assertEquals(expectedLock, q.call_getLockedEtherAmount().send());

        // each request claims by its own rate: less than the lock
        List<BigInteger> hints = hints(q);
        List<BigInteger> claimable = q.call_getClaimableEther(ONE_2_3, hints).send();
        assertEquals(expectedClaims, claimable.stream().reduce(BigInteger.ZERO, BigInteger::add));
        q.send_claimWithdrawals(ONE_2_3, hints).send();
        assertEquals(dust, q.call_getLockedEtherAmount().send(), "the dust stays locked after every claim");
        assertTrue(dust.signum() > 0 && dust.compareTo(BigInteger.valueOf(3)) < 0, "a few wei: " + dust);
    }

    @Test
    void theReportBurnsTheQueuesSharesThroughTheBurnerInAccountingsOrder(Devnet devnet, LidoDevnet lido,
            @Account(1) Credentials alice) throws Exception {
        Lido a = stETH(devnet, lido, alice);
        WithdrawalQueueERC721 q = queue(devnet, lido, alice);
        a.send_submit(NO_REFERRAL, eth(10)).send();
        a.send_approve(lido.withdrawalQueue(), eth(4)).send();
        q.send_requestWithdrawals(List.of(eth(4)), alice.getAddress()).send();
        BigInteger requestShares = a.call_sharesOf(lido.withdrawalQueue()).send();
        BigInteger preShares = a.call_getTotalShares().send();
        BigInteger preEther = a.call_getTotalPooledEther().send();

        // rewards and finalization in one report: the rate is the report's (rewards and fee shares in)
        BigInteger rewards = eth(2);
        TransactionReceipt report = lido.reportAndFinalize(rewards, BigInteger.ONE);
        BigInteger simulatedFee = LidoTestSupport.feeShares(rewards, preShares, preEther.add(rewards));
        BigInteger rate = preEther.add(rewards).multiply(E27).divide(preShares.add(simulatedFee));
        assertTrue(rate.compareTo(eth(4).multiply(E27).divide(requestShares)) > 0, "the request is nominal");
        assertEquals(eth(4), q.call_getLockedEtherAmount().send(), "a nominal request locks its stETH");

        Burner burner = Burner.load(lido.burner(), devnet.web3j(), devnet.transactionManager(alice),
                devnet.gasProvider());
        assertEquals(BigInteger.ZERO, a.call_sharesOf(lido.withdrawalQueue()).send());
        assertEquals(BigInteger.ZERO, a.call_sharesOf(lido.burner()).send());
        assertEquals(requestShares, burner.call_getNonCoverSharesBurnt().send());
        assertEquals(BigInteger.ZERO, burner.call_getCoverSharesBurnt().send());
        var requested = burner.call_getSharesRequestedToBurn().send();
        assertEquals(BigInteger.ZERO, requested.component1().add(requested.component2()), "nothing left requested");
        // fee shares with what the report finalized left out, as Accounting's _calculateFees
        BigInteger fee = LidoTestSupport.feeShares(rewards, preShares.subtract(requestShares),
                preEther.add(rewards).subtract(eth(4)));
        assertEquals(preShares.subtract(requestShares).add(fee), a.call_getTotalShares().send());
        assertEquals(fee, Lido.getTokenRebasedEvents(report).get(0).sharesMintedAsFees);

        // the order of the report's events, emitter by emitter
        List<String> order = new ArrayList<>();
        for (Log log : report.getLogs()) {
            String topic = log.getTopics().get(0);
            String at = log.getAddress();
            name(order, at, lido.burner(), topic, Burner.STETHBURNREQUESTED_EVENT, "StETHBurnRequested");
            name(order, at, lido.burner(), topic, Burner.STETHBURNT_EVENT, "StETHBurnt");
            name(order, at, lido.withdrawalQueue(), topic, WithdrawalQueueERC721.WITHDRAWALSFINALIZED_EVENT,
                    "WithdrawalsFinalized");
            name(order, at, lido.withdrawalQueue(), topic, WithdrawalQueueERC721.BATCHMETADATAUPDATE_EVENT,
                    "BatchMetadataUpdate");
            name(order, at, lido.stETH(), topic, Lido.SHARESBURNT_EVENT, "SharesBurnt");
            name(order, at, lido.stETH(), topic, Lido.TOKENREBASED_EVENT, "TokenRebased");
        }
        assertEquals(List.of("StETHBurnRequested", "WithdrawalsFinalized", "BatchMetadataUpdate", "StETHBurnt",
                "SharesBurnt", "TokenRebased"), order);
        var burnt = Lido.getSharesBurntEvents(report);
        assertEquals(lido.burner().toLowerCase(), burnt.get(0).account.toLowerCase());
        assertEquals(requestShares, burnt.get(0).sharesAmount);
    }

    @Test
    void prefinalizeAndFinalizeCheckTheirInputsAsUpstream(Devnet devnet, LidoDevnet lido,
            @Account(1) Credentials alice) throws Exception {
        Lido a = stETH(devnet, lido, alice);
        WithdrawalQueueERC721 q = queue(devnet, lido, alice);
        a.send_submit(NO_REFERRAL, eth(3)).send();
        a.send_approve(lido.withdrawalQueue(), eth(2)).send();
        q.send_requestWithdrawals(List.of(eth(1), eth(1)), alice.getAddress()).send();
        String at = lido.withdrawalQueue();
        FixtureAsserts.assertRevertsWith(devnet, alice.getAddress(), at,
                WithdrawalQueueERC721.getABI_call_prefinalize(List.of(BigInteger.ONE), BigInteger.ZERO), "ZeroShareRate()");
        FixtureAsserts.assertRevertsWith(devnet, alice.getAddress(), at,
                WithdrawalQueueERC721.getABI_call_prefinalize(List.of(), E27), "EmptyBatches()");
        FixtureAsserts.assertRevertsWith(devnet, alice.getAddress(), at,
                WithdrawalQueueERC721.getABI_call_prefinalize(List.of(BigInteger.TWO, BigInteger.TWO), E27),
                "BatchesAreNotSorted()");
        FixtureAsserts.assertRevertsWith(devnet, alice.getAddress(), at,
                WithdrawalQueueERC721.getABI_call_prefinalize(List.of(BigInteger.valueOf(3)), E27),
                "InvalidRequestId(uint256)", new Uint256(3));
        // two batches at 1:1 are both nominal: each locks its stETH
        assertEquals(eth(2), q.call_prefinalize(List.of(BigInteger.ONE, BigInteger.TWO), E27).send().component1());
        // only the report finalizes (FINALIZE_ROLE)
        FixtureAsserts.assertRevertsWithReason(devnet, alice.getAddress(), at,
                WithdrawalQueueERC721.getABI_send_finalize(BigInteger.ONE, E27, BigInteger.ZERO), "DEVNET_FINALIZE_ROLE");
        lido.finalize(BigInteger.TWO);
        assertEquals(BigInteger.TWO, q.call_getLastFinalizedRequestId().send());
        assertEquals(eth(2), q.call_getLockedEtherAmount().send());
    }

    private static void name(List<String> order, String at, String emitter, String topic, Event event, String name) {
        if (at.equalsIgnoreCase(emitter) && topic.equals(EventEncoder.encode(event))) {
            order.add(name);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<BigInteger> hints(WithdrawalQueueERC721 q) throws Exception {
        BigInteger last = q.call_getLastCheckpointIndex().send();
        return (List<BigInteger>) q.call_findCheckpointHints(ONE_2_3, BigInteger.ONE, last).send();
    }
}
