package io.restake4j.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.math.BigInteger;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlockNumber;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthGetBalance;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.exceptions.ClientConnectionException;

import io.restake4j.testing.FakeWeb3jService;

class RetryingWeb3jServiceTest {

    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    /** Defaults, without jitter, recording the waits instead of sleeping. */
    RetryPolicy policy() {
        return RetryPolicy.builder().jitter(0).sleeper(sleeps::add).build();
    }

    static ClientConnectionException http(int status) {
        return new ClientConnectionException("Invalid response received: " + status + "; upstream says no");
    }

    static Object answer(Request<?, ?> request) {
        switch (request.getMethod()) {
            case "eth_blockNumber" -> {
                EthBlockNumber r = new EthBlockNumber();
                r.setResult("0x2a");
                return r;
            }
            case "eth_getBalance" -> {
                EthGetBalance r = new EthGetBalance();
                r.setResult("0x64");
                return r;
            }
            case "eth_sendRawTransaction" -> {
                EthSendTransaction r = new EthSendTransaction();
                r.setResult("0xabc");
                return r;
            }
            case "eth_call" -> {
                EthCall r = new EthCall();
                r.setResult("0x");
                return r;
            }
            default -> throw new IllegalStateException("unexpected " + request.getMethod());
        }
    }

    static final List<Duration> GROWING = List.of(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800));

    @Test
    void retries503And429AndTimeoutsWithGrowingBackoff() throws IOException {
        FakeWeb3jService fake = new FakeWeb3jService(RetryingWeb3jServiceTest::answer)
                .failNext(http(503), http(429), new SocketTimeoutException("Read timed out"));
        Web3j web3j = Web3j.build(RetryingWeb3jService.wrap(fake, policy()));
        assertEquals(BigInteger.valueOf(42), web3j.ethBlockNumber().send().getBlockNumber());
        assertEquals(4, fake.roundTrips());
        assertEquals(GROWING, sleeps);
    }

    @Test
    void retriesResetAndRefusedConnections() throws IOException {
        FakeWeb3jService fake = new FakeWeb3jService(RetryingWeb3jServiceTest::answer)
                .failNext(new SocketException("Connection reset"), new ConnectException("Connection refused"));
        Web3j web3j = Web3j.build(RetryingWeb3jService.wrap(fake, policy()));
        assertEquals(BigInteger.valueOf(100),
                web3j.ethGetBalance("0x0000000000000000000000000000000000000001", DefaultBlockParameterName.LATEST)
                        .send().getBalance());
        assertEquals(3, fake.roundTrips());
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheLastFailure() {
        ClientConnectionException last = http(504);
        FakeWeb3jService fake = new FakeWeb3jService(RetryingWeb3jServiceTest::answer)
                .failNext(http(503), http(502), http(503), last, http(503));
        Web3j web3j = Web3j.build(RetryingWeb3jService.wrap(fake, policy()));
        ClientConnectionException thrown = assertThrows(ClientConnectionException.class, () -> web3j.ethBlockNumber().send());
        assertSame(last, thrown);
        assertEquals(4, fake.roundTrips());
        assertEquals(GROWING, sleeps);
    }

    @Test
    void maxAttemptsIsConfigurable() {
        FakeWeb3jService fake = new FakeWeb3jService(RetryingWeb3jServiceTest::answer)
                .failNext(http(503), http(503), http(503));
        RetryPolicy two = policy().toBuilder().maxAttempts(2).build();
        Web3j web3j = Web3j.build(RetryingWeb3jService.wrap(fake, two));
        assertThrows(ClientConnectionException.class, () -> web3j.ethBlockNumber().send());
        assertEquals(2, fake.roundTrips());
        assertEquals(List.of(Duration.ofMillis(200)), sleeps);
    }

    @Test
    void doesNotRetryABadRequest() {
        FakeWeb3jService fake = new FakeWeb3jService(RetryingWeb3jServiceTest::answer).failNext(http(400));
        Web3j web3j = Web3j.build(RetryingWeb3jService.wrap(fake, policy()));
        assertThrows(ClientConnectionException.class, () -> web3j.ethBlockNumber().send());
        assertEquals(1, fake.roundTrips());
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void doesNotRetryARevert() throws IOException {
        FakeWeb3jService fake = new FakeWeb3jService(r -> FakeWeb3jService.error(3, "execution reverted"));
        Web3j web3j = Web3j.build(RetryingWeb3jService.wrap(fake, policy()));
        EthCall call = web3j.ethCall(Transaction.createEthCallTransaction(null,
                "0x0000000000000000000000000000000000000001", "0x"), DefaultBlockParameterName.LATEST).send();
        assertTrue(call.hasError());
        assertEquals(3, call.getError().getCode());
        assertEquals(1, fake.roundTrips());
    }

    @Test
    void retriesAJsonRpcRateLimitAndReturnsTheLastAnswerWhenItPersists() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        FakeWeb3jService flaky = new FakeWeb3jService(r -> calls.incrementAndGet() <= 2
                ? FakeWeb3jService.error(-32005, "request rate limited")
                : answer(r));
        Web3j web3j = Web3j.build(RetryingWeb3jService.wrap(flaky, policy()));
        EthBlockNumber ok = web3j.ethBlockNumber().send();
        assertFalse(ok.hasError());
        assertEquals(3, flaky.roundTrips());

        FakeWeb3jService limited = new FakeWeb3jService(r -> FakeWeb3jService.error(429, "Too Many Requests"));
        EthBlockNumber refused = Web3j.build(RetryingWeb3jService.wrap(limited, policy())).ethBlockNumber().send();
        assertTrue(refused.hasError());
        assertEquals(429, refused.getError().getCode());
        assertEquals(4, limited.roundTrips());
    }

    @Test
    void neverRetriesSendRawTransaction() {
        for (Exception failure : new Exception[] {new SocketTimeoutException("lost answer"), http(503), http(429)}) {
            FakeWeb3jService fake = new FakeWeb3jService(RetryingWeb3jServiceTest::answer).failNext(failure);
            Web3j web3j = Web3j.build(RetryingWeb3jService.wrap(fake, policy()));
            Exception thrown = assertThrows(Exception.class, () -> web3j.ethSendRawTransaction("0x02f8").send());
            assertSame(failure, thrown);
            assertEquals(1, fake.roundTrips(), failure.toString());
        }
        FakeWeb3jService limited = new FakeWeb3jService(r -> FakeWeb3jService.error(-32005, "rate limit"));
        Web3j web3j = Web3j.build(RetryingWeb3jService.wrap(limited, policy()));
        assertThrows(Exception.class, () -> {
            EthSendTransaction r = web3j.ethSendRawTransaction("0x02f8").send();
            if (r.hasError()) {
                throw new IOException(r.getError().getMessage());
            }
        });
        assertEquals(1, limited.roundTrips());
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void aBatchOfReadsIsRetried() throws IOException {
        FakeWeb3jService fake = new FakeWeb3jService(RetryingWeb3jServiceTest::answer)
                .failNext(http(503), new SocketTimeoutException());
        Web3j web3j = Web3j.build(RetryingWeb3jService.wrap(fake, policy()));
        BatchResponse batch = web3j.newBatch().add(web3j.ethBlockNumber())
                .add(web3j.ethGetBalance("0x0000000000000000000000000000000000000001", DefaultBlockParameterName.LATEST))
                .send();
        assertEquals(2, batch.getResponses().size());
        assertEquals(3, fake.roundTrips());
        assertEquals(GROWING.subList(0, 2), sleeps);
    }

    @Test
    void aBatchWithARateLimitedAnswerIsRetriedWhole() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        FakeWeb3jService fake = new FakeWeb3jService(r -> r.getMethod().equals("eth_getBalance") && calls.incrementAndGet() == 1
                ? FakeWeb3jService.error(-32005, "limit exceeded")
                : answer(r));
        Web3j web3j = Web3j.build(RetryingWeb3jService.wrap(fake, policy()));
        BatchResponse batch = web3j.newBatch().add(web3j.ethBlockNumber())
                .add(web3j.ethGetBalance("0x0000000000000000000000000000000000000001", DefaultBlockParameterName.LATEST))
                .send();
        assertFalse(batch.getResponses().get(1).hasError());
        assertEquals(2, fake.roundTrips());
    }

    @Test
    void aBatchWithAWriteIsNotRetried() {
        FakeWeb3jService fake = new FakeWeb3jService(RetryingWeb3jServiceTest::answer).failNext(http(503));
        Web3j web3j = Web3j.build(RetryingWeb3jService.wrap(fake, policy()));
        assertThrows(ClientConnectionException.class,
                () -> web3j.newBatch().add(web3j.ethBlockNumber()).add(web3j.ethSendRawTransaction("0x02f8")).send());
        assertEquals(1, fake.roundTrips());
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void noneDisablesRetries() {
        FakeWeb3jService fake = new FakeWeb3jService(RetryingWeb3jServiceTest::answer).failNext(http(503));
        Web3jService wrapped = RetryingWeb3jService.wrap(fake, RetryPolicy.none());
        assertSame(fake, wrapped);
        assertThrows(ClientConnectionException.class, () -> Web3j.build(wrapped).ethBlockNumber().send());
        assertEquals(1, fake.roundTrips());
    }

    @Test
    void asyncReadsAreRetriedToo() throws Exception {
        FakeWeb3jService fake = new FakeWeb3jService(RetryingWeb3jServiceTest::answer).failNext(http(502), http(503));
        Web3j web3j = Web3j.build(RetryingWeb3jService.wrap(fake, policy()));
        EthBlockNumber n = web3j.ethBlockNumber().sendAsync().get(10, TimeUnit.SECONDS);
        assertEquals(BigInteger.valueOf(42), n.getBlockNumber());
        assertEquals(3, fake.roundTrips());
        assertEquals(0, fake.asyncCalls(), "the retry loop runs the synchronous send");

        FakeWeb3jService writes = new FakeWeb3jService(RetryingWeb3jServiceTest::answer).failNext(http(503));
        Web3j w = Web3j.build(RetryingWeb3jService.wrap(writes, policy()));
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> w.ethSendRawTransaction("0x02f8").sendAsync().get(10, TimeUnit.SECONDS));
        assertInstanceOf(ClientConnectionException.class, e.getCause());
        assertEquals(1, writes.asyncCalls(), "writes go straight to the delegate");
        assertEquals(1, writes.roundTrips());
    }

    @Test
    void asyncBatchesAreRetried() throws Exception {
        FakeWeb3jService fake = new FakeWeb3jService(RetryingWeb3jServiceTest::answer).failNext(http(503));
        Web3j web3j = Web3j.build(RetryingWeb3jService.wrap(fake, policy()));
        BatchResponse batch = web3j.newBatch().add(web3j.ethBlockNumber()).sendAsync().get(10, TimeUnit.SECONDS);
        assertEquals(1, batch.getResponses().size());
        assertEquals(2, fake.roundTrips());
    }

    @Test
    void anInterruptWhileWaitingStopsRetrying() {
        FakeWeb3jService fake = new FakeWeb3jService(RetryingWeb3jServiceTest::answer).failNext(http(503), http(503));
        RetryPolicy interrupting = RetryPolicy.builder().jitter(0).sleeper(d -> {
            throw new InterruptedException("stop");
        }).build();
        Web3j web3j = Web3j.build(RetryingWeb3jService.wrap(fake, interrupting));
        try {
            assertThrows(InterruptedIOException.class, () -> web3j.ethBlockNumber().send());
            assertTrue(Thread.currentThread().isInterrupted());
            assertEquals(1, fake.roundTrips());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void anAlreadyInterruptedThreadIsNotRetried() {
        FakeWeb3jService fake = new FakeWeb3jService(RetryingWeb3jServiceTest::answer)
                .failNext(new InterruptedIOException("interrupted"));
        Web3j web3j = Web3j.build(RetryingWeb3jService.wrap(fake, policy()));
        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedIOException.class, () -> web3j.ethBlockNumber().send());
            assertEquals(1, fake.roundTrips());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void customIdempotentMethodsAreRetried() throws IOException {
        FakeWeb3jService fake = new FakeWeb3jService(RetryingWeb3jServiceTest::answer).failNext(http(503));
        RetryPolicy p = policy().toBuilder().idempotentIf(m -> m.equals("eth_blockNumber")).build();
        Web3j web3j = Web3j.build(RetryingWeb3jService.wrap(fake, p));
        web3j.ethBlockNumber().send();
        assertEquals(2, fake.roundTrips());
    }

    @Test
    void closeAndAccessorsDelegate() throws IOException {
        FakeWeb3jService fake = new FakeWeb3jService(RetryingWeb3jServiceTest::answer);
        RetryPolicy p = policy();
        RetryingWeb3jService wrapped = (RetryingWeb3jService) RetryingWeb3jService.wrap(fake, p);
        assertSame(fake, wrapped.delegate());
        assertSame(p, wrapped.policy());
        wrapped.close();
        assertTrue(fake.isClosed());
    }
}
