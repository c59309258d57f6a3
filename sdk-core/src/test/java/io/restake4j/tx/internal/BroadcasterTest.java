package io.restake4j.tx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.EthTransaction;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.exceptions.ClientConnectionException;

import io.restake4j.testing.FakeWeb3jService;

/** What each answer to eth_sendRawTransaction means for the bytes we sent: accepted, refused, taken, or unknown. */
class BroadcasterTest {

    private static final String HASH = "0x" + "ab".repeat(32);
    private static final String RAW = "0x02f8";

    /** A node whose answers to eth_sendRawTransaction come from {@code sends}, in order; lookups as given. */
    private static FakeWeb3jService node(Deque<Object> sends, boolean knowsHash) {
        return new FakeWeb3jService(r -> switch (r.getMethod()) {
            case "eth_sendRawTransaction" -> {
                Object next = sends.poll();
                if (next instanceof IOException io) {
                    throw io;
                }
                if (next instanceof RuntimeException re) {
                    throw re;
                }
                yield next;
            }
            case "eth_getTransactionByHash" -> {
                EthTransaction t = new EthTransaction();
                Transaction tx = new Transaction();
                tx.setHash(HASH);
                t.setResult(knowsHash ? tx : null);
                yield t;
            }
            case "eth_getTransactionReceipt" -> new EthGetTransactionReceipt();
            default -> throw new IllegalStateException(r.getMethod());
        });
    }

    private static EthSendTransaction ok() {
        EthSendTransaction a = new EthSendTransaction();
        a.setResult(HASH);
        return a;
    }

    private static Broadcaster.Result broadcast(FakeWeb3jService node, int attempts) {
        return new Broadcaster(Web3j.build(node), attempts, 1).broadcast(RAW, HASH);
    }

    private static Deque<Object> answers(Object... a) {
        return new ArrayDeque<>(List.of(a));
    }

    @Test
    void aPlainAnswerOrAlreadyKnownIsAccepted() {
        assertEquals(Broadcaster.Verdict.ACCEPTED, broadcast(node(answers(ok()), false), 3).verdict());
        assertEquals(Broadcaster.Verdict.ACCEPTED,
                broadcast(node(answers(FakeWeb3jService.error(-32000, "already known")), false), 3).verdict());
    }

    @Test
    void aRateLimitOrAHiccupIsOfferedAgainWithTheSameBytes() {
        FakeWeb3jService n = node(answers(FakeWeb3jService.error(-32005, "limit exceeded"),
                FakeWeb3jService.error(-32000, "header not found"), ok()), false);
        assertEquals(Broadcaster.Verdict.ACCEPTED, broadcast(n, 3).verdict());
        assertEquals(3, n.count("eth_sendRawTransaction"));
    }

    @Test
    void aFinalRefusalIsNotOfferedAgain() {
        FakeWeb3jService n = node(answers(FakeWeb3jService.error(-32000, "insufficient funds for gas * price + value")), false);
        Broadcaster.Result r = broadcast(n, 3);
        assertEquals(Broadcaster.Verdict.REFUSED, r.verdict());
        assertTrue(r.detail().contains("insufficient funds"), r.detail());
        assertEquals(1, n.count("eth_sendRawTransaction"));
    }

    @Test
    void connectionsThatNeverOpenedMeanNothingWasDelivered() {
        FakeWeb3jService n = node(answers(new ConnectException("refused"), new ConnectException("refused"),
                new ClientConnectionException("Invalid response received: 429; slow down")), false);
        assertEquals(Broadcaster.Verdict.REFUSED, broadcast(n, 3).verdict());
    }

    @Test
    void oneLostAnswerMakesTheOutcomeUnknownWhateverFollows() {
        FakeWeb3jService n = node(answers(new SocketTimeoutException("read timed out"), new ConnectException("refused"),
                new ClientConnectionException("Invalid response received: 503; down")), false);
        Broadcaster.Result r = broadcast(n, 3);
        assertEquals(Broadcaster.Verdict.UNKNOWN, r.verdict(), "the first attempt may have reached the node");
    }

    @Test
    void nonceTooLowForOurOwnHashMeansTheNodeHasIt() {
        FakeWeb3jService n = node(answers(new SocketTimeoutException("lost"), FakeWeb3jService.error(-32000, "nonce too low")),
                true);
        assertEquals(Broadcaster.Verdict.ACCEPTED, broadcast(n, 3).verdict());
    }

    @Test
    void nonceTooLowForAHashTheNodeDoesNotKnowMeansAnotherTransactionTookTheNonce() {
        FakeWeb3jService n = node(answers(FakeWeb3jService.error(-32000, "nonce too low: next nonce 7, tx nonce 5")), false);
        assertEquals(Broadcaster.Verdict.NONCE_TAKEN, broadcast(n, 3).verdict());
    }

    @Test
    void nonceTooLowAfterALostAnswerStaysUnknownWhenTheNodeDoesNotShowTheHash() {
        FakeWeb3jService n = node(answers(new SocketTimeoutException("lost"), FakeWeb3jService.error(-32000, "nonce too low")),
                false);
        assertEquals(Broadcaster.Verdict.UNKNOWN, broadcast(n, 3).verdict(),
                "our first attempt may be what used the nonce (a lagging node may not show it yet)");
    }

    @Test
    void deliveryIsDeniedOnlyForFailuresBeforeAnyByteWasSent() {
        assertFalse(Broadcaster.mayHaveBeenDelivered(new ConnectException("refused")));
        assertFalse(Broadcaster.mayHaveBeenDelivered(new ClientConnectionException("Invalid response received: 429; x")));
        assertTrue(Broadcaster.mayHaveBeenDelivered(new SocketTimeoutException("read timed out")));
        assertTrue(Broadcaster.mayHaveBeenDelivered(new ClientConnectionException("Invalid response received: 502; x")));
        assertTrue(Broadcaster.mayHaveBeenDelivered(new IOException("unexpected end of stream")));
    }
}
