package io.restake4j.testing.faults;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A JSON-RPC HTTP proxy for tests that injects faults between a client and a node (anvil).
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.builder(devnet.rpcUrl()).seed(7)
 *         .rule(Fault.HTTP_503, 0.05)
 *         .rule(Fault.ACCEPT_AND_DROP, 0.10, "eth_sendRawTransaction")
 *         .start()) {
 *     proxy.next("eth_sendRawTransaction", Fault.FORWARD_THEN_DROP);   // one-shot
 *     Web3j web3j = Web3j.build(new HttpService(proxy.url()));
 *     ...
 *     System.out.println(proxy.summary());
 * }
 * }</pre>
 *
 * <p><b>Wire.</b> It listens on 127.0.0.1 on an ephemeral port with a plain {@link ServerSocket} and speaks
 * just enough HTTP/1.1 itself (request line, headers, a Content-Length or chunked body, keep-alive; answers
 * carry a Content-Length), so that it controls exactly when a connection is reset: a reset is a TCP RST
 * ({@code SO_LINGER 0}, then close). One thread per connection from a bounded pool of daemon threads;
 * requests are forwarded with {@link HttpClient}. Every wait is bounded and {@link #close()} ends them all.
 *
 * <p><b>Choosing faults.</b> For every JSON-RPC call (each element of a batch counts), in arrival order and
 * under one lock: first an ongoing receipt withholding for that hash, then the first matching scheduled
 * fault ({@link #next}), then one draw of the seeded {@link Random} against the {@linkplain Builder#rule
 * rules} that apply to the call's method, whose probabilities add up (at most one fault per call; keep
 * their sum at or below 1). Parameters (a delay, how stale a nonce is) are drawn from the same
 * {@code Random}. Given the same seed and the same sequence of calls the faults are the same. Receipt
 * withholding by duration ({@link Builder#withholdReceiptsFor}) and {@link #nodeDown} depend on time.
 *
 * <p><b>Batches.</b> A per-call fault ({@link Fault#perCall()}) hits only its element: error answers,
 * {@link Fault#ACCEPT_AND_DROP} and {@link Fault#WITHHELD_RECEIPT} are answered by the proxy and those
 * elements are <em>not</em> forwarded (so an {@code eth_sendRawTransaction} element really does not reach
 * the node); the remaining elements go to the node as a smaller batch and the answers are merged back in
 * the original order (matched by id). A per-request fault chosen for any element applies to the whole
 * batch (the first one drawn wins; a batch answered 503 or reset forwards nothing and shows no per-call
 * fault). Only faults that took effect are counted and logged.
 */
public final class FaultProxy implements AutoCloseable {

    /** One fault that took effect: on the {@code call}-th JSON-RPC call received (1-based), of {@code method}. */
    public record Injection(long call, String method, Fault fault) {
    }

    /** Inject {@code fault} with {@code probability} into calls of {@code methods} (empty: any method it applies to). */
    public record Rule(Fault fault, double probability, Set<String> methods) {
        public Rule {
            Objects.requireNonNull(fault, "fault");
            if (fault == Fault.NODE_DOWN) {
                throw new IllegalArgumentException("NODE_DOWN is a time window: use FaultProxy.nodeDown(Duration)");
            }
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("probability must be in [0, 1], was " + probability);
            }
            methods = Set.copyOf(methods);
        }

        boolean appliesTo(String method) {
            return fault.appliesTo(method) && (methods.isEmpty() || methods.contains(method));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LOG = 1_000_000;
    private static final String SEND = "eth_sendRawTransaction";
    private static final String RECEIPT = "eth_getTransactionReceipt";

    private final URI upstream;
    private final List<Rule> rules;
    private final long seed;
    private final Duration hang;
    private final boolean hangForwards;
    private final long delayMinMs;
    private final long delayMaxMs;
    private final int staleBy;
    private final int withholdPolls;
    private final boolean withholdOnce;
    private final java.util.Set<String> withheldBefore = new java.util.HashSet<>();
    private final Duration withholdFor;
    private final Duration idleTimeout;
    private final Duration upstreamTimeout;
    private final Duration midAnswerPause;

    private final ServerSocket server;
    private final Thread acceptor;
    private final ThreadPoolExecutor pool;
    private final HttpClient http;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final FaultStats stats = new FaultStats();

    /** Guards everything below: the decisions are made one call at a time, in arrival order. */
    private final Object lock = new Object();
    private final Random random;
    private final Deque<Scheduled> scheduled = new ArrayDeque<>();
    private final Map<String, Withheld> withheld = new HashMap<>();
    private final List<Injection> injections = new ArrayList<>();
    private long callCount;

    private volatile long downUntilNanos;
    private volatile boolean downSet;

    private FaultProxy(Builder b) throws IOException {
        this.upstream = URI.create(b.upstream);
        this.rules = List.copyOf(b.rules);
        this.seed = b.seed;
        this.random = new Random(b.seed);
        this.hang = b.hang;
        this.hangForwards = b.hangForwards;
        this.delayMinMs = b.delayMin.toMillis();
        this.delayMaxMs = b.delayMax.toMillis();
        this.staleBy = b.staleBy;
        this.withholdPolls = b.withholdPolls;
        this.withholdOnce = b.withholdOnce;
        this.withholdFor = b.withholdFor;
        this.idleTimeout = b.idleTimeout;
        this.upstreamTimeout = b.upstreamTimeout;
        this.midAnswerPause = b.midAnswerPause;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(0, b.maxConnections, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "fault-proxy-conn-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        this.acceptor = new Thread(this::acceptLoop, "fault-proxy-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy in front of {@code upstreamUrl}, to configure. */
    public static Builder builder(String upstreamUrl) {
        return new Builder(upstreamUrl);
    }

    /** The URL clients should use instead of the node's. */
    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The node requests are forwarded to. */
    public String upstream() {
        return upstream.toString();
    }

    /** Live statistics. */
    public FaultStats stats() {
        return stats;
    }

    /** Injects {@code fault} into the next call it applies to, whatever its method. */
    public FaultProxy next(Fault fault) {
        return next(null, fault, 1);
    }

    /** Injects {@code fault} into the next call of {@code method}. */
    public FaultProxy next(String method, Fault fault) {
        return next(method, fault, 1);
    }

    /** Injects {@code fault} into the next {@code times} calls of {@code method} ({@code null}: any method). */
    public FaultProxy next(String method, Fault fault, int times) {
        Objects.requireNonNull(fault, "fault");
        if (fault == Fault.NODE_DOWN) {
            throw new IllegalArgumentException("NODE_DOWN is a time window: use nodeDown(Duration)");
        }
        if (method != null && !fault.appliesTo(method)) {
            throw new IllegalArgumentException(fault + " does not apply to " + method);
        }
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        synchronized (lock) {
            scheduled.addLast(new Scheduled(method, fault, times));
        }
        return this;
    }

    /** Drops the scheduled faults not yet injected. */
    public void clearScheduled() {
        synchronized (lock) {
            scheduled.clear();
        }
    }

    /**
     * The node is "down" for {@code duration} from now: every new connection, and every request on an open one,
     * is reset on arrival. Afterwards the proxy forwards again by itself.
     */
    public void nodeDown(Duration duration) {
        downUntilNanos = System.nanoTime() + duration.toNanos();
        downSet = true;
    }

    /** Whether a {@link #nodeDown} window is open now. */
    public boolean isNodeDown() {
        return downSet && System.nanoTime() - downUntilNanos < 0;
    }

    /** The faults that took effect, in order. */
    public List<Injection> injections() {
        synchronized (lock) {
            return List.copyOf(injections);
        }
    }

    /** Configuration and {@linkplain FaultStats#summary() statistics}, for printing. */
    public String summary() {
        return "FaultProxy " + url() + " -> " + upstream + ", seed " + seed + ", rules " + rules + "\n" + stats.summary();
    }

    @Override
    public String toString() {
        return "FaultProxy[" + url() + " -> " + upstream + "]";
    }

    /** Stops accepting, ends every connection and wait, and releases the threads. */
    @Override
    public void close() {
        if (closed.getCount() == 0) {
            return;
        }
        closed.countDown();
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : open) {
            closeQuietly(s);
        }
        pool.shutdownNow();
        http.shutdownNow();
        try {
            acceptor.join(2000);
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Connections
    // ---------------------------------------------------------------------------------------------

    private void acceptLoop() {
        while (closed.getCount() > 0) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                if (closed.getCount() == 0) {
                    return;
                }
                continue;
            }
            stats.connection();
            if (isNodeDown()) {
                nodeDownHit();
                reset(s);
                continue;
            }
            open.add(s);
            try {
                pool.execute(() -> serve(s));
            } catch (RejectedExecutionException e) {
                open.remove(s);
                reset(s);
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setSoTimeout((int) idleTimeout.toMillis());
            s.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = new BufferedOutputStream(s.getOutputStream());
            while (closed.getCount() > 0) {
                HttpWire.Request request;
                try {
                    request = HttpWire.read(in);
                } catch (SocketTimeoutException idle) {
                    return;
                } catch (HttpWire.BadRequest bad) {
                    write(out, bad.status, "text/plain", bad.getMessage().getBytes(StandardCharsets.UTF_8), false);
                    return;
                }
                if (request == null) {
                    return;
                }
                stats.httpRequest();
                if (isNodeDown()) {
                    nodeDownHit();
                    reset(s);
                    return;
                }
                boolean keepAlive = request.keepAlive();
                if (!"POST".equals(request.method())) {
                    write(out, 405, "text/plain", "POST JSON-RPC only".getBytes(StandardCharsets.UTF_8), keepAlive);
                } else {
                    keepAlive = exchange(s, out, request.body(), keepAlive);
                }
                if (!keepAlive) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away, or we reset it
        } finally {
            open.remove(s);
        }
    }

    /** Handles one JSON-RPC HTTP request; returns whether the connection stays open. */
    private boolean exchange(Socket s, OutputStream out, byte[] body, boolean keepAlive) throws IOException {
        Exchange ex = parse(body);
        decide(ex);
        Fault t = ex.transport;
        if (t != null) {
            switch (t) {
                case HTTP_429, HTTP_502, HTTP_503 -> {
                    int status = Integer.parseInt(t.name().substring(5));
                    write(out, status, "text/plain",
                            ("injected: " + status + " " + HttpWire.reason(status)).getBytes(StandardCharsets.UTF_8), keepAlive);
                    return keepAlive;
                }
                case RESET_BEFORE_FORWARD -> {
                    reset(s);
                    return false;
                }
                case HANG -> {
                    if (hangForwards) {
                        answer(ex);
                    }
                    pause(hang.toMillis());
                    closeQuietly(s);
                    return false;
                }
                case DELAY -> pause(ex.delayMs);
                default -> {
                    // FORWARD_THEN_DROP and RESET_MID_ANSWER: forward first, below
                }
            }
        }
        Answer a = answer(ex);
        if (t == Fault.FORWARD_THEN_DROP) {
            reset(s);
            return false;
        }
        if (t == Fault.RESET_MID_ANSWER) {
            out.write(HttpWire.head(a.status, a.contentType, a.body.length, true));
            out.write(a.body, 0, a.body.length / 2);
            out.flush();
            // Let the client read the head first: an RST that overtakes unread bytes makes the kernel drop them,
            // and the client would see a reset before any answer instead of a truncated one.
            pause(midAnswerPause.toMillis());
            reset(s);
            return false;
        }
        write(out, a.status, a.contentType, a.body, keepAlive);
        return keepAlive;
    }

    private static void write(OutputStream out, int status, String contentType, byte[] body, boolean keepAlive)
            throws IOException {
        out.write(HttpWire.head(status, contentType, body.length, keepAlive));
        out.write(body);
        out.flush();
    }

    /** A TCP reset: the peer sees "connection reset", not an orderly end of stream. */
    private static void reset(Socket s) {
        try {
            s.setSoLinger(true, 0);
        } catch (IOException e) {
            // closing anyway
        }
        closeQuietly(s);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already gone
        }
    }

    /** Waits {@code millis}, or less when the proxy is closed. */
    private void pause(long millis) {
        try {
            closed.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void nodeDownHit() {
        synchronized (lock) {
            stats.fault(Fault.NODE_DOWN, "*");
            log(new Injection(callCount, "*", Fault.NODE_DOWN));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Decisions
    // ---------------------------------------------------------------------------------------------

    /** One JSON-RPC call of a request. */
    private static final class Call {
        final JsonNode node;
        final String method;
        final String sendHash;
        final String receiptHash;
        Fault fault;
        long callNumber;
        int staleBy;

        Call(JsonNode node) {
            this.node = node;
            JsonNode m = node.get("method");
            this.method = m != null && m.isTextual() ? m.asText() : "?";
            String first = firstParam(node);
            this.sendHash = SEND.equals(method) && first != null ? hashOfRaw(first) : null;
            this.receiptHash = RECEIPT.equals(method) && first != null ? first.toLowerCase(Locale.ROOT) : null;
        }

        JsonNode id() {
            return node.get("id");
        }

        boolean answeredByProxy() {
            return fault == Fault.RPC_HEADER_NOT_FOUND || fault == Fault.RPC_RATE_LIMIT || fault == Fault.ACCEPT_AND_DROP
                    || fault == Fault.WITHHELD_RECEIPT;
        }

        private static String firstParam(JsonNode node) {
            JsonNode params = node.get("params");
            return params != null && params.isArray() && params.size() > 0 && params.get(0).isTextual()
                    ? params.get(0).asText() : null;
        }

        private static String hashOfRaw(String raw) {
            try {
                return Numeric.toHexString(Hash.sha3(Numeric.hexStringToByteArray(raw)));
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    /** One HTTP request: its calls (none when the body is not JSON-RPC) and the per-request fault. */
    private static final class Exchange {
        final byte[] body;
        final boolean batch;
        final List<Call> calls;
        Fault transport;
        long delayMs;

        Exchange(byte[] body, boolean batch, List<Call> calls) {
            this.body = body;
            this.batch = batch;
            this.calls = calls;
        }
    }

    private record Scheduled(String method, Fault fault, int[] remaining) {
        Scheduled(String method, Fault fault, int times) {
            this(method, fault, new int[] {times});
        }

        boolean matches(String m) {
            return (method == null || method.equals(m)) && fault.appliesTo(m);
        }
    }

    /** A receipt being withheld: for a number of polls, or until a deadline. */
    private static final class Withheld {
        int polls;
        final long untilNanos;
        final boolean timed;

        Withheld(int polls, Duration duration) {
            this.polls = polls;
            this.timed = duration != null;
            this.untilNanos = timed ? System.nanoTime() + duration.toNanos() : 0;
        }

        /** Withholds once more if still active. */
        boolean take() {
            if (timed) {
                return System.nanoTime() - untilNanos < 0;
            }
            if (polls > 0) {
                polls--;
                return true;
            }
            return false;
        }
    }

    private static Exchange parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            root = null;
        }
        if (root != null && root.isObject()) {
            return new Exchange(body, false, List.of(new Call(root)));
        }
        if (root != null && root.isArray() && !root.isEmpty()) {
            List<Call> calls = new ArrayList<>();
            for (JsonNode n : root) {
                if (!n.isObject()) {
                    return new Exchange(body, true, List.of());
                }
                calls.add(new Call(n));
            }
            return new Exchange(body, true, calls);
        }
        return new Exchange(body, false, List.of()); // not JSON-RPC: forwarded untouched
    }

    private void decide(Exchange ex) {
        synchronized (lock) {
            Call transportCall = null;
            for (Call c : ex.calls) {
                c.callNumber = ++callCount;
                stats.call(c.method);
                if (c.sendHash != null) {
                    stats.sendReceived(c.sendHash);
                }
                double u = random.nextDouble(); // one draw per call, used or not: the sequence stays aligned
                Fault f = null;
                if (c.receiptHash != null) {
                    Withheld w = withheld.get(c.receiptHash);
                    if (w != null) {
                        if (w.take()) {
                            f = Fault.WITHHELD_RECEIPT;
                        } else {
                            withheld.remove(c.receiptHash);
                            if (withholdOnce) {
                                withheldBefore.add(c.receiptHash);
                            }
                        }
                    }
                }
                if (f == null) {
                    f = takeScheduled(c.method);
                }
                if (f == null) {
                    f = draw(u, c.method);
                    if (f == Fault.WITHHELD_RECEIPT && withheldBefore.contains(c.receiptHash)) {
                        f = null; // withheld once already, and the builder asked for once per hash
                    }
                }
                if (f == null) {
                    continue;
                }
                if (f.perCall()) {
                    c.fault = f;
                    if (f == Fault.STALE_NONCE) {
                        c.staleBy = 1 + random.nextInt(staleBy);
                    }
                } else if (ex.transport == null) {
                    ex.transport = f;
                    transportCall = c;
                    if (f == Fault.DELAY) {
                        ex.delayMs = delayMinMs + (long) (random.nextDouble() * (delayMaxMs - delayMinMs + 1));
                    }
                }
            }
            Fault t = ex.transport;
            boolean nothingForwarded = t == Fault.HTTP_429 || t == Fault.HTTP_502 || t == Fault.HTTP_503
                    || t == Fault.RESET_BEFORE_FORWARD || (t == Fault.HANG && !hangForwards);
            if (nothingForwarded) {
                ex.calls.forEach(c -> c.fault = null);
            }
            for (Call c : ex.calls) {
                if (c.fault != null) {
                    if (c.fault == Fault.WITHHELD_RECEIPT && !withheld.containsKey(c.receiptHash)) {
                        withheld.put(c.receiptHash, new Withheld(withholdPolls - 1, withholdFor)); // this poll is the first
                    }
                    stats.fault(c.fault, c.method);
                    log(new Injection(c.callNumber, c.method, c.fault));
                }
            }
            if (transportCall != null) {
                stats.fault(t, transportCall.method);
                log(new Injection(transportCall.callNumber, transportCall.method, t));
            }
        }
    }

    private Fault takeScheduled(String method) {
        for (Iterator<Scheduled> it = scheduled.iterator(); it.hasNext(); ) {
            Scheduled s = it.next();
            if (s.matches(method)) {
                if (--s.remaining()[0] <= 0) {
                    it.remove();
                }
                return s.fault();
            }
        }
        return null;
    }

    private Fault draw(double u, String method) {
        double cumulative = 0;
        for (Rule r : rules) {
            if (r.appliesTo(method)) {
                cumulative += r.probability();
                if (u < cumulative) {
                    return r.fault();
                }
            }
        }
        return null;
    }

    private void log(Injection injection) {
        if (injections.size() < MAX_LOG) {
            injections.add(injection);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Forwarding and answers
    // ---------------------------------------------------------------------------------------------

    private record Answer(int status, String contentType, byte[] body) {
    }

    /** Forwards what must reach the node and builds the answer the client gets (before any transport fault). */
    private Answer answer(Exchange ex) throws IOException {
        if (ex.calls.isEmpty()) {
            return forward(ex.body);
        }
        List<Call> toNode = ex.calls.stream().filter(c -> !c.answeredByProxy()).toList();
        boolean untouched = toNode.size() == ex.calls.size()
                && ex.calls.stream().noneMatch(c -> c.fault == Fault.STALE_NONCE);
        JsonNode upstreamRoot = null;
        if (!toNode.isEmpty()) {
            byte[] payload;
            if (toNode.size() == ex.calls.size()) {
                payload = ex.body;
            } else {
                ArrayNode subset = JSON.createArrayNode();
                toNode.forEach(c -> subset.add(c.node));
                payload = JSON.writeValueAsBytes(subset);
            }
            toNode.stream().filter(c -> c.sendHash != null).forEach(c -> stats.sendForwarded(c.sendHash));
            Answer up = forward(payload);
            if (untouched || up.status != 200) {
                return up;
            }
            try {
                upstreamRoot = JSON.readTree(up.body);
            } catch (IOException e) {
                return up;
            }
            if (upstreamRoot == null || (ex.batch ? !upstreamRoot.isArray() : !upstreamRoot.isObject())) {
                return up;
            }
        }
        Map<String, Deque<JsonNode>> byId = new HashMap<>();
        if (ex.batch && upstreamRoot != null) {
            for (JsonNode a : upstreamRoot) {
                byId.computeIfAbsent(String.valueOf(a.get("id")), k -> new ArrayDeque<>()).addLast(a);
            }
        }
        List<JsonNode> answers = new ArrayList<>();
        for (Call c : ex.calls) {
            JsonNode a;
            if (c.answeredByProxy()) {
                a = synthesized(c);
            } else if (!ex.batch) {
                a = upstreamRoot;
            } else {
                Deque<JsonNode> q = byId.get(String.valueOf(c.id()));
                a = q == null || q.isEmpty() ? error(c, -32603, "proxy: the node sent no answer for this call") : q.pollFirst();
            }
            if (c.fault == Fault.STALE_NONCE) {
                a = stale(a, c.staleBy);
            }
            answers.add(a);
        }
        JsonNode out;
        if (ex.batch) {
            ArrayNode array = JSON.createArrayNode();
            answers.forEach(array::add);
            out = array;
        } else {
            out = answers.get(0);
        }
        return new Answer(200, "application/json", JSON.writeValueAsBytes(out));
    }

    private Answer forward(byte[] payload) {
        stats.forwardedRequest();
        HttpRequest request = HttpRequest.newBuilder(upstream).timeout(upstreamTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload)).build();
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.headers().firstValue("content-type").orElse("application/json"), r.body());
        } catch (IOException e) {
            return new Answer(502, "text/plain", ("proxy: upstream failed: " + e).getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(502, "text/plain", "proxy: interrupted".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static ObjectNode envelope(Call c) {
        ObjectNode o = JSON.createObjectNode();
        JsonNode version = c.node.get("jsonrpc");
        o.put("jsonrpc", version != null && version.isTextual() ? version.asText() : "2.0");
        o.set("id", c.id());
        return o;
    }

    private static JsonNode error(Call c, int code, String message) {
        ObjectNode o = envelope(c);
        ObjectNode e = o.putObject("error");
        e.put("code", code);
        e.put("message", message);
        return o;
    }

    private static JsonNode synthesized(Call c) {
        return switch (c.fault) {
            case RPC_HEADER_NOT_FOUND -> error(c, -32000, "header not found");
            case RPC_RATE_LIMIT -> error(c, -32005, "limit exceeded");
            case ACCEPT_AND_DROP -> {
                ObjectNode o = envelope(c);
                if (c.sendHash != null) {
                    o.put("result", c.sendHash);
                } else {
                    o.putNull("result");
                }
                yield o;
            }
            case WITHHELD_RECEIPT -> envelope(c).putNull("result");
            default -> throw new IllegalStateException(c.fault + " is not answered by the proxy");
        };
    }

    /** The node's count minus {@code by}, never below zero; any other answer (an error) unchanged. */
    private static JsonNode stale(JsonNode answer, int by) {
        JsonNode result = answer == null ? null : answer.get("result");
        if (result == null || !result.isTextual()) {
            return answer;
        }
        try {
            java.math.BigInteger n = Numeric.decodeQuantity(result.asText());
            java.math.BigInteger lower = n.subtract(java.math.BigInteger.valueOf(by)).max(java.math.BigInteger.ZERO);
            ObjectNode copy = ((ObjectNode) answer).deepCopy();
            copy.put("result", Numeric.encodeQuantity(lower));
            return copy;
        } catch (RuntimeException e) {
            return answer;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Builder
    // ---------------------------------------------------------------------------------------------

    /**
     * Configures a {@link FaultProxy}. Defaults: seed 1, no rules, hang 15 s not forwarded, delay 50..500 ms,
     * stale nonces 1..3 lower, receipts withheld for 3 polls, 100 ms between a half answer and its reset, idle
     * connections closed after 60 s, upstream timeout 30 s, at most 64 connections at once.
     */
    public static final class Builder {
        private final String upstream;
        private final List<Rule> rules = new ArrayList<>();
        private long seed = 1;
        private Duration hang = Duration.ofSeconds(15);
        private boolean hangForwards;
        private Duration delayMin = Duration.ofMillis(50);
        private Duration delayMax = Duration.ofMillis(500);
        private int staleBy = 3;
        private int withholdPolls = 3;
        private boolean withholdOnce;
        private Duration withholdFor;
        private Duration idleTimeout = Duration.ofSeconds(60);
        private Duration upstreamTimeout = Duration.ofSeconds(30);
        private int maxConnections = 64;
        private Duration midAnswerPause = Duration.ofMillis(100);

        private Builder(String upstream) {
            this.upstream = Objects.requireNonNull(upstream, "upstream");
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Injects {@code fault} with {@code probability} into calls of {@code methods} (none given: every method it applies to). */
        public Builder rule(Fault fault, double probability, String... methods) {
            rules.add(new Rule(fault, probability, new LinkedHashSet<>(Arrays.asList(methods))));
            return this;
        }

        /** How long {@link Fault#HANG} holds a connection before closing it. */
        public Builder hang(Duration duration) {
            this.hang = positive(duration, "hang");
            return this;
        }

        /** Whether {@link Fault#HANG} forwards the request to the node first (default false). */
        public Builder hangForwards(boolean forward) {
            this.hangForwards = forward;
            return this;
        }

        /** The range {@link Fault#DELAY} draws its delay from. */
        public Builder delay(Duration min, Duration max) {
            if (min.isNegative() || max.compareTo(min) < 0) {
                throw new IllegalArgumentException("need 0 <= min <= max");
            }
            this.delayMin = min;
            this.delayMax = max;
            return this;
        }

        /** {@link Fault#STALE_NONCE} answers 1..{@code max} lower than the node. */
        public Builder staleNonceBy(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("max must be at least 1");
            }
            this.staleBy = max;
            return this;
        }

        /** {@link Fault#WITHHELD_RECEIPT} answers null for this many polls of the hash (the first included). */
        public Builder withholdReceipts(int polls) {
            if (polls < 1) {
                throw new IllegalArgumentException("polls must be at least 1");
            }
            this.withholdPolls = polls;
            this.withholdFor = null;
            return this;
        }

        /** Withholds each hash's receipt at most once (one window), so that every receipt does come in the end. */
        public Builder withholdEachReceiptOnce() {
            this.withholdOnce = true;
            return this;
        }

        /** {@link Fault#WITHHELD_RECEIPT} answers null for the hash during {@code duration} (instead of a number of polls). */
        public Builder withholdReceiptsFor(Duration duration) {
            this.withholdFor = positive(duration, "withholding");
            return this;
        }

        /** An idle keep-alive connection is closed after this long. */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = positive(timeout, "idle timeout");
            return this;
        }

        /** How long a forwarded request may take at the node. */
        public Builder upstreamTimeout(Duration timeout) {
            this.upstreamTimeout = positive(timeout, "upstream timeout");
            return this;
        }

        /** How long {@link Fault#RESET_MID_ANSWER} waits between the half answer and the reset (default 100 ms). */
        public Builder midAnswerPause(Duration pause) {
            if (pause.isNegative()) {
                throw new IllegalArgumentException("pause must not be negative");
            }
            this.midAnswerPause = pause;
            return this;
        }

        /** Connections served at once; more are reset. */
        public Builder maxConnections(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("need at least one connection");
            }
            this.maxConnections = n;
            return this;
        }

        /** The rules so far (for printing). */
        public List<Rule> rules() {
            return Collections.unmodifiableList(rules);
        }

        /** Binds and starts the proxy. */
        public FaultProxy start() throws IOException {
            return new FaultProxy(this);
        }

        private static Duration positive(Duration d, String what) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive");
            }
            return d;
        }
    }
}
