package io.restake4j.testing.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlockNumber;
import org.web3j.protocol.core.methods.response.EthGetTransactionCount;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.exceptions.ClientConnectionException;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import okhttp3.OkHttpClient;

/**
 * What each {@link Fault} looks like to web3j's {@link HttpService} (OkHttp underneath), against a fake node
 * that answers a few methods with canned JSON.
 *
 * <p>OkHttp's {@code retryOnConnectionFailure} (on by default) matters here: when a request fails on a
 * <em>pooled</em> keep-alive connection before any answer byte arrives (a reset, or the connection closed
 * after the request was written), OkHttp silently sends the same POST again on a new connection. On a fresh
 * connection it does not (the route counts as failed), and once the status line has arrived it never does.
 * The tests below pin both cases with the proxy's per-payload counters.
 */
class FaultProxyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RAW = "0xf86b80843b9aca0082520894d46e8dd67c5d32be8058bb8eb970870f07244567849184e72a8025a0";
    private static final String RAW_HASH = Numeric.toHexString(Hash.sha3(Numeric.hexStringToByteArray(RAW)));

    /** The fake node: canned answers, and what it was asked. */
    private static HttpServer node;
    private static ExecutorService nodeThreads;
    private static final Map<String, AtomicInteger> nodeCalls = new ConcurrentHashMap<>();
    private static final List<Integer> nodeBatchSizes = new CopyOnWriteArrayList<>();

    private FaultProxy proxy;
    private final List<HttpService> services = new ArrayList<>();

    @BeforeAll
    static void startNode() throws IOException {
        nodeThreads = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fake-node");
            t.setDaemon(true);
            return t;
        });
        node = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        node.setExecutor(nodeThreads);
        node.createContext("/", exchange -> {
            byte[] answer;
            try (InputStream in = exchange.getRequestBody()) {
                answer = JSON.writeValueAsBytes(answer(JSON.readTree(in.readAllBytes())));
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        node.start();
    }

    @AfterAll
    static void stopNode() {
        node.stop(0);
        nodeThreads.shutdownNow();
    }

    private static JsonNode answer(JsonNode request) {
        if (request.isArray()) {
            nodeBatchSizes.add(request.size());
            ArrayNode out = JSON.createArrayNode();
            request.forEach(r -> out.add(answerOne(r)));
            return out;
        }
        return answerOne(request);
    }

    private static JsonNode answerOne(JsonNode r) {
        String method = r.path("method").asText();
        nodeCalls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
        ObjectNode o = JSON.createObjectNode().put("jsonrpc", "2.0");
        o.set("id", r.get("id"));
        JsonNode params = r.path("params");
        switch (method) {
            case "eth_blockNumber" -> o.put("result", "0x10");
            case "eth_chainId" -> o.put("result", "0x7a69");
            case "eth_getTransactionCount" -> o.put("result", "0x5");
            case "eth_sendRawTransaction" ->
                o.put("result", Numeric.toHexString(Hash.sha3(Numeric.hexStringToByteArray(params.get(0).asText()))));
            case "eth_getTransactionReceipt" -> {
                ObjectNode receipt = o.putObject("result");
                receipt.put("transactionHash", params.get(0).asText());
                receipt.put("transactionIndex", "0x0");
                receipt.put("blockHash", "0x" + "ab".repeat(32));
                receipt.put("blockNumber", "0x10");
                receipt.put("cumulativeGasUsed", "0x5208");
                receipt.put("gasUsed", "0x5208");
                receipt.put("status", "0x1");
                receipt.put("from", "0x" + "11".repeat(20));
                receipt.put("to", "0x" + "22".repeat(20));
                receipt.putArray("logs");
                receipt.put("logsBloom", "0x" + "00".repeat(256));
            }
            default -> o.putObject("error").put("code", -32601).put("message", "method not found: " + method);
        }
        return o;
    }

    private static int nodeSaw(String method) {
        AtomicInteger n = nodeCalls.get(method);
        return n == null ? 0 : n.get();
    }

    private static String nodeUrl() {
        return "http://127.0.0.1:" + node.getAddress().getPort();
    }

    @BeforeEach
    void clearNode() {
        nodeCalls.clear();
        nodeBatchSizes.clear();
    }

    @AfterEach
    void close() {
        services.forEach(s -> {
            try {
                s.close();
            } catch (IOException e) {
                // test cleanup
            }
        });
        if (proxy != null) {
            proxy.close();
        }
    }

    private FaultProxy start(FaultProxy.Builder b) throws IOException {
        proxy = b.start();
        return proxy;
    }

    private FaultProxy start() throws IOException {
        return start(FaultProxy.builder(nodeUrl()));
    }

    /** A client with its own OkHttp connection pool (so its first request opens a fresh connection). */
    private Web3j client() {
        HttpService s = new HttpService(proxy.url());
        services.add(s);
        return Web3j.build(s);
    }

    /** A client whose first request has already pooled a keep-alive connection. */
    private Web3j warmClient() throws IOException {
        Web3j web3j = client();
        assertEquals(BigInteger.valueOf(16), web3j.ethBlockNumber().send().getBlockNumber());
        return web3j;
    }

    private Web3j clientWithReadTimeout(Duration timeout) {
        HttpService s = new HttpService(proxy.url(), new OkHttpClient.Builder().readTimeout(timeout).build());
        services.add(s);
        return Web3j.build(s);
    }

    // ---------------------------------------------------------------------------------------------

    @Test
    void noFaultsIsATransparentProxy() throws IOException {
        start();
        Web3j web3j = client();
        assertEquals(BigInteger.valueOf(16), web3j.ethBlockNumber().send().getBlockNumber());
        assertEquals(BigInteger.valueOf(5), web3j.ethGetTransactionCount("0x" + "11".repeat(20),
                DefaultBlockParameterName.PENDING).send().getTransactionCount());
        assertEquals(RAW_HASH, web3j.ethSendRawTransaction(RAW).send().getTransactionHash());
        assertEquals(3, proxy.stats().httpRequests());
        assertEquals(1, proxy.stats().connections(), "one keep-alive connection for all three");
        assertEquals(3, proxy.stats().forwarded());
        assertEquals(1, proxy.stats().calls("eth_sendRawTransaction"));
        assertEquals(1, proxy.stats().sendsReceived(RAW_HASH));
        assertEquals(1, proxy.stats().sendsForwarded(RAW_HASH));
        assertEquals(0, proxy.stats().faults());
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"HTTP_429", "HTTP_502", "HTTP_503"})
    void httpStatusesAreClientConnectionExceptions(Fault fault) throws IOException {
        start();
        Web3j web3j = warmClient();
        proxy.next(fault);
        String status = fault.name().substring(5);
        ClientConnectionException e = assertThrows(ClientConnectionException.class, () -> web3j.ethBlockNumber().send());
        assertTrue(e.getMessage().startsWith("Invalid response received: " + status + "; injected: " + status),
                e.getMessage());
        assertEquals(1, nodeSaw("eth_blockNumber"), "only the warm-up reached the node");
        assertEquals(1, proxy.stats().faults(fault));
        assertEquals(1, proxy.stats().faults(fault, "eth_blockNumber"));
        assertEquals(BigInteger.valueOf(16), web3j.ethBlockNumber().send().getBlockNumber(), "the connection stays usable");
        assertEquals(1, proxy.stats().connections());
    }

    @Test
    void rpcErrorsAreErrorAnswersAndAreNotForwarded() throws IOException {
        start();
        Web3j web3j = client();
        proxy.next(Fault.RPC_HEADER_NOT_FOUND).next(Fault.RPC_RATE_LIMIT);
        EthBlockNumber first = web3j.ethBlockNumber().send();
        assertTrue(first.hasError());
        assertEquals(-32000, first.getError().getCode());
        assertEquals("header not found", first.getError().getMessage());
        EthBlockNumber second = web3j.ethBlockNumber().send();
        assertEquals(-32005, second.getError().getCode());
        assertEquals("limit exceeded", second.getError().getMessage());
        assertEquals(0, nodeSaw("eth_blockNumber"));
        assertEquals(0, proxy.stats().forwarded());
        assertFalse(web3j.ethBlockNumber().send().hasError(), "one-shot faults are used up");
    }

    @Test
    void resetBeforeForwardOnAFreshConnectionIsAnIOException() throws IOException {
        start();
        Web3j web3j = client();
        proxy.next(Fault.RESET_BEFORE_FORWARD);
        IOException e = assertThrows(IOException.class, () -> web3j.ethBlockNumber().send());
        System.out.println("RESET_BEFORE_FORWARD, fresh connection: " + e);
        assertEquals(1, proxy.stats().httpRequests(), "no silent resend on a fresh connection");
        assertEquals(0, nodeSaw("eth_blockNumber"));
    }

    @Test
    void resetBeforeForwardOnAPooledConnectionIsSilentlyResentByOkHttp() throws IOException {
        start();
        Web3j web3j = warmClient();
        proxy.next("eth_sendRawTransaction", Fault.RESET_BEFORE_FORWARD);
        EthSendTransaction sent = web3j.ethSendRawTransaction(RAW).send();
        assertEquals(RAW_HASH, sent.getTransactionHash(), "the caller never saw the reset");
        assertEquals(2, proxy.stats().sendsReceived(RAW_HASH), "OkHttp sent the same POST twice");
        assertEquals(1, proxy.stats().sendsForwarded(RAW_HASH));
        assertEquals(2, proxy.stats().connections(), "the resend went on a new connection");
    }

    @Test
    void forwardThenDropOnAFreshConnectionIsAnIOExceptionAfterTheNodeGotIt() throws IOException {
        start();
        Web3j web3j = client();
        proxy.next("eth_sendRawTransaction", Fault.FORWARD_THEN_DROP);
        IOException e = assertThrows(IOException.class, () -> web3j.ethSendRawTransaction(RAW).send());
        System.out.println("FORWARD_THEN_DROP, fresh connection: " + e);
        assertEquals(1, nodeSaw("eth_sendRawTransaction"), "the node has the transaction");
        assertEquals(1, proxy.stats().sendsReceived(RAW_HASH));
        assertEquals(1, proxy.stats().sendsForwarded(RAW_HASH));
    }

    @Test
    void forwardThenDropOnAPooledConnectionDeliversTheTransactionTwice() throws IOException {
        start();
        Web3j web3j = warmClient();
        proxy.next("eth_sendRawTransaction", Fault.FORWARD_THEN_DROP);
        EthSendTransaction sent = web3j.ethSendRawTransaction(RAW).send();
        assertEquals(RAW_HASH, sent.getTransactionHash(), "the caller sees a plain success");
        assertEquals(2, nodeSaw("eth_sendRawTransaction"), "OkHttp's silent resend reached the node too");
        assertEquals(2, proxy.stats().sendsReceived(RAW_HASH));
        assertEquals(2, proxy.stats().sendsForwarded(RAW_HASH));
        assertEquals(1, proxy.stats().sendsForwardedMoreThanOnce());
    }

    @Test
    void hangIsAReadTimeoutForAShortTimeoutClient() throws IOException {
        start(FaultProxy.builder(nodeUrl()).hang(Duration.ofSeconds(3)));
        Web3j web3j = clientWithReadTimeout(Duration.ofSeconds(1));
        assertEquals(BigInteger.valueOf(16), web3j.ethBlockNumber().send().getBlockNumber());
        proxy.next(Fault.HANG);
        long t0 = System.nanoTime();
        SocketTimeoutException e = assertThrows(SocketTimeoutException.class, () -> web3j.ethBlockNumber().send());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms >= 900 && ms < 2500, "timed out after the client's 1 s, took " + ms + " ms: " + e);
        assertEquals(1, nodeSaw("eth_blockNumber"), "not forwarded (default)");
        assertEquals(2, proxy.stats().httpRequests(), "a timeout is not resent");
    }

    @Test
    void aForwardingHangDeliversTheRequestFirst() throws IOException {
        start(FaultProxy.builder(nodeUrl()).hang(Duration.ofSeconds(3)).hangForwards(true));
        Web3j web3j = clientWithReadTimeout(Duration.ofSeconds(1));
        proxy.next(Fault.HANG);
        assertThrows(SocketTimeoutException.class, () -> web3j.ethSendRawTransaction(RAW).send());
        assertEquals(1, nodeSaw("eth_sendRawTransaction"));
        assertEquals(1, proxy.stats().sendsForwarded(RAW_HASH));
    }

    @Test
    void resetMidAnswerIsAnIOExceptionAndIsNotResent() throws IOException {
        start();
        Web3j web3j = warmClient();
        proxy.next("eth_sendRawTransaction", Fault.RESET_MID_ANSWER);
        IOException e = assertThrows(IOException.class, () -> web3j.ethSendRawTransaction(RAW).send());
        System.out.println("RESET_MID_ANSWER, pooled connection: " + e);
        assertEquals(1, nodeSaw("eth_sendRawTransaction"));
        assertEquals(1, proxy.stats().sendsReceived(RAW_HASH), "the status line had arrived: no resend");
    }

    @Test
    void delayForwardsLate() throws IOException {
        start(FaultProxy.builder(nodeUrl()).delay(Duration.ofMillis(200), Duration.ofMillis(250)));
        Web3j web3j = warmClient();
        proxy.next(Fault.DELAY);
        long t0 = System.nanoTime();
        assertEquals(BigInteger.valueOf(16), web3j.ethBlockNumber().send().getBlockNumber());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms >= 195, "took " + ms + " ms");
        assertEquals(1, proxy.stats().faults(Fault.DELAY));
    }

    @Test
    void staleNonceIsLowerThanTheNodes() throws IOException {
        start(FaultProxy.builder(nodeUrl()).staleNonceBy(3));
        Web3j web3j = client();
        proxy.next("eth_getTransactionCount", Fault.STALE_NONCE, 5);
        for (int i = 0; i < 5; i++) {
            EthGetTransactionCount count = web3j.ethGetTransactionCount("0x" + "11".repeat(20),
                    DefaultBlockParameterName.PENDING).send();
            int n = count.getTransactionCount().intValueExact();
            assertTrue(n >= 2 && n <= 4, "1..3 below the node's 5, was " + n);
        }
        assertEquals(5, nodeSaw("eth_getTransactionCount"), "forwarded");
        assertEquals(BigInteger.valueOf(5), web3j.ethGetTransactionCount("0x" + "11".repeat(20),
                DefaultBlockParameterName.PENDING).send().getTransactionCount());
        assertThrows(IllegalArgumentException.class, () -> proxy.next("eth_blockNumber", Fault.STALE_NONCE));
    }

    @Test
    void withheldReceiptIsNullForTheConfiguredPolls() throws IOException {
        start(FaultProxy.builder(nodeUrl()).withholdReceipts(2));
        Web3j web3j = client();
        String hash = "0x" + "cd".repeat(32);
        String other = "0x" + "ef".repeat(32);
        proxy.next("eth_getTransactionReceipt", Fault.WITHHELD_RECEIPT);
        EthGetTransactionReceipt first = web3j.ethGetTransactionReceipt(hash).send();
        assertFalse(first.hasError());
        assertTrue(first.getTransactionReceipt().isEmpty());
        assertTrue(web3j.ethGetTransactionReceipt(other).send().getTransactionReceipt().isPresent(), "per hash");
        assertTrue(web3j.ethGetTransactionReceipt(hash).send().getTransactionReceipt().isEmpty(), "second poll");
        assertEquals(hash, web3j.ethGetTransactionReceipt(hash).send().getTransactionReceipt().orElseThrow()
                .getTransactionHash(), "third poll");
        assertEquals(2, nodeSaw("eth_getTransactionReceipt"), "withheld polls are not forwarded");
        assertEquals(2, proxy.stats().faults(Fault.WITHHELD_RECEIPT));
    }

    @Test
    void acceptAndDropAnswersTheHashButTheNodeNeverSawIt() throws IOException {
        start();
        Web3j web3j = client();
        proxy.next("eth_sendRawTransaction", Fault.ACCEPT_AND_DROP);
        EthSendTransaction sent = web3j.ethSendRawTransaction(RAW).send();
        assertFalse(sent.hasError());
        assertEquals(RAW_HASH, sent.getTransactionHash());
        assertEquals(0, nodeSaw("eth_sendRawTransaction"));
        assertEquals(1, proxy.stats().sendsReceived(RAW_HASH));
        assertEquals(0, proxy.stats().sendsForwarded(RAW_HASH));
    }

    @Test
    void nodeDownResetsEverythingThenComesBack() throws Exception {
        start();
        Web3j pooled = warmClient();
        proxy.nodeDown(Duration.ofMillis(400));
        assertTrue(proxy.isNodeDown());
        assertThrows(IOException.class, () -> pooled.ethBlockNumber().send());
        assertThrows(IOException.class, () -> client().ethBlockNumber().send());
        assertEquals(1, nodeSaw("eth_blockNumber"), "only the warm-up");
        assertTrue(proxy.stats().faults(Fault.NODE_DOWN) >= 2, proxy.summary());
        while (proxy.isNodeDown()) {
            Thread.sleep(20);
        }
        assertEquals(BigInteger.valueOf(16), pooled.ethBlockNumber().send().getBlockNumber());
        assertEquals(BigInteger.valueOf(16), client().ethBlockNumber().send().getBlockNumber());
    }

    @Test
    void batchElementsAreFaultedOneByOneAndASendIsReallyNotForwarded() throws IOException {
        start(FaultProxy.builder(nodeUrl()).rule(Fault.RPC_RATE_LIMIT, 1.0, "eth_sendRawTransaction"));
        Web3j web3j = client();
        String who = "0x" + "11".repeat(20);
        proxy.next("eth_getTransactionCount", Fault.STALE_NONCE);
        BatchResponse batch = web3j.newBatch()
                .add(web3j.ethBlockNumber())
                .add(web3j.ethGetTransactionCount(who, DefaultBlockParameterName.PENDING))
                .add(web3j.ethSendRawTransaction(RAW))
                .add(web3j.ethGetTransactionCount(who, DefaultBlockParameterName.PENDING))
                .send();
        assertEquals(4, batch.getResponses().size());
        assertEquals(BigInteger.valueOf(16), ((EthBlockNumber) batch.getResponses().get(0)).getBlockNumber());
        assertTrue(((EthGetTransactionCount) batch.getResponses().get(1)).getTransactionCount().intValueExact() < 5, "stale");
        EthSendTransaction send = (EthSendTransaction) batch.getResponses().get(2);
        assertEquals(-32005, send.getError().getCode());
        assertEquals(BigInteger.valueOf(5), ((EthGetTransactionCount) batch.getResponses().get(3)).getTransactionCount());
        assertEquals(List.of(3), nodeBatchSizes, "one smaller batch reached the node");
        assertEquals(0, nodeSaw("eth_sendRawTransaction"));
        assertEquals(1, proxy.stats().sendsReceived(RAW_HASH));
        assertEquals(0, proxy.stats().sendsForwarded(RAW_HASH));
    }

    @Test
    void acceptAndDropInABatch() throws IOException {
        start();
        Web3j web3j = client();
        proxy.next("eth_sendRawTransaction", Fault.ACCEPT_AND_DROP);
        BatchResponse batch = web3j.newBatch().add(web3j.ethSendRawTransaction(RAW)).add(web3j.ethBlockNumber()).send();
        assertEquals(RAW_HASH, ((EthSendTransaction) batch.getResponses().get(0)).getTransactionHash());
        assertEquals(BigInteger.valueOf(16), ((EthBlockNumber) batch.getResponses().get(1)).getBlockNumber());
        assertEquals(0, nodeSaw("eth_sendRawTransaction"));
        assertEquals(List.of(1), nodeBatchSizes);
    }

    @Test
    void aPerRequestFaultHitsTheWholeBatch() throws IOException {
        start();
        Web3j web3j = client();
        proxy.next("eth_blockNumber", Fault.HTTP_503);
        assertThrows(ClientConnectionException.class,
                () -> web3j.newBatch().add(web3j.ethChainId()).add(web3j.ethBlockNumber()).send());
        assertEquals(List.of(), nodeBatchSizes);
        assertEquals(1, proxy.stats().faults(Fault.HTTP_503, "eth_blockNumber"));
    }

    @Test
    void rulesAreRestrictedToTheirMethods() throws IOException {
        start(FaultProxy.builder(nodeUrl()).rule(Fault.HTTP_503, 1.0, "eth_chainId"));
        Web3j web3j = client();
        for (int i = 0; i < 3; i++) {
            assertEquals(BigInteger.valueOf(16), web3j.ethBlockNumber().send().getBlockNumber());
            assertThrows(ClientConnectionException.class, () -> web3j.ethChainId().send());
        }
        assertEquals(3, proxy.stats().faults(Fault.HTTP_503, "eth_chainId"));
        assertEquals(3, proxy.stats().faults());
        assertThrows(IllegalArgumentException.class, () -> FaultProxy.builder(nodeUrl()).rule(Fault.NODE_DOWN, 0.1));
    }

    @Test
    void theSameSeedGivesTheSameFaults() throws IOException {
        List<FaultProxy.Injection> a = seededRun(42);
        List<FaultProxy.Injection> b = seededRun(42);
        List<FaultProxy.Injection> c = seededRun(43);
        assertTrue(a.size() > 20, "enough faults to compare: " + a.size());
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    private List<FaultProxy.Injection> seededRun(long seed) throws IOException {
        try (FaultProxy p = FaultProxy.builder(nodeUrl()).seed(seed)
                .rule(Fault.HTTP_429, 0.05).rule(Fault.HTTP_503, 0.05)
                .rule(Fault.RPC_HEADER_NOT_FOUND, 0.05).rule(Fault.RPC_RATE_LIMIT, 0.05)
                .rule(Fault.STALE_NONCE, 0.3).rule(Fault.ACCEPT_AND_DROP, 0.3).rule(Fault.WITHHELD_RECEIPT, 0.3)
                .rule(Fault.DELAY, 0.05).delay(Duration.ofMillis(1), Duration.ofMillis(3))
                .start()) {
            HttpService s = new HttpService(p.url());
            services.add(s);
            Web3j web3j = Web3j.build(s);
            for (int i = 0; i < 40; i++) {
                String raw = RAW + String.format("%02x", i);
                quietly(() -> web3j.ethBlockNumber().send());
                quietly(() -> web3j.ethGetTransactionCount("0x" + "11".repeat(20), DefaultBlockParameterName.LATEST).send());
                quietly(() -> web3j.ethSendRawTransaction(raw).send());
                quietly(() -> web3j.ethGetTransactionReceipt("0x" + "cd".repeat(32)).send());
            }
            assertEquals(160, p.stats().calls());
            System.out.println("seed " + seed + ": " + p.injections().size() + " faults\n" + p.summary());
            return p.injections();
        }
    }

    private interface Call {
        Object run() throws Exception;
    }

    private static void quietly(Call call) {
        try {
            call.run();
        } catch (Exception e) {
            // counted by the proxy
        }
    }

    @Test
    void closeEndsAHangAtOnce() throws Exception {
        start(FaultProxy.builder(nodeUrl()).hang(Duration.ofSeconds(30)));
        Web3j web3j = clientWithReadTimeout(Duration.ofSeconds(10));
        proxy.next(Fault.HANG);
        Thread closer = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            proxy.close();
        });
        closer.start();
        long t0 = System.nanoTime();
        assertThrows(IOException.class, () -> web3j.ethBlockNumber().send());
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 5000);
        closer.join();
    }
}
