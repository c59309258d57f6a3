package io.restake4j.testing.faults;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a {@link FaultProxy} saw and did; thread-safe, live (read it at any time).
 *
 * <p>Besides counters by method and by fault, it counts, for every distinct {@code eth_sendRawTransaction}
 * payload (keyed by its transaction hash), how often the proxy <em>received</em> it and how often it
 * <em>forwarded</em> it to the node: a payload received twice was offered twice by the client (OkHttp's silent
 * resend of a POST, or a re-broadcast by our pipeline).
 */
public final class FaultStats {

    private final AtomicLong httpRequests = new AtomicLong();
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final Map<Fault, LongAdder> faults = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> faultsByMethod = new ConcurrentHashMap<>();
    private final Map<String, Send> sends = new ConcurrentHashMap<>();

    /** Receipts of one signed transaction. */
    private static final class Send {
        final AtomicInteger received = new AtomicInteger();
        final AtomicInteger forwarded = new AtomicInteger();
    }

    void connection() {
        connections.incrementAndGet();
    }

    void httpRequest() {
        httpRequests.incrementAndGet();
    }

    void forwardedRequest() {
        forwarded.incrementAndGet();
    }

    void call(String method) {
        calls.computeIfAbsent(method, m -> new LongAdder()).increment();
    }

    void fault(Fault fault, String method) {
        faults.computeIfAbsent(fault, f -> new LongAdder()).increment();
        faultsByMethod.computeIfAbsent(fault + " " + method, k -> new LongAdder()).increment();
    }

    void sendReceived(String hash) {
        sends.computeIfAbsent(key(hash), k -> new Send()).received.incrementAndGet();
    }

    void sendForwarded(String hash) {
        sends.computeIfAbsent(key(hash), k -> new Send()).forwarded.incrementAndGet();
    }

    private static String key(String hash) {
        return hash.toLowerCase(Locale.ROOT);
    }

    /** TCP connections accepted. */
    public long connections() {
        return connections.get();
    }

    /** HTTP requests read (a batch is one). */
    public long httpRequests() {
        return httpRequests.get();
    }

    /** HTTP requests sent on to the node. */
    public long forwarded() {
        return forwarded.get();
    }

    /** JSON-RPC calls of {@code method} received (batch elements counted one by one). */
    public long calls(String method) {
        LongAdder n = calls.get(method);
        return n == null ? 0 : n.sum();
    }

    /** All JSON-RPC calls received. */
    public long calls() {
        return calls.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Faults of {@code kind} injected. */
    public long faults(Fault kind) {
        LongAdder n = faults.get(kind);
        return n == null ? 0 : n.sum();
    }

    /** Faults of {@code kind} injected into calls of {@code method} (a per-request fault counts under the first call's method). */
    public long faults(Fault kind, String method) {
        LongAdder n = faultsByMethod.get(kind + " " + method);
        return n == null ? 0 : n.sum();
    }

    /** All faults injected. */
    public long faults() {
        return faults.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Faults injected, by kind (kinds never injected left out). */
    public Map<Fault, Long> faultsByKind() {
        Map<Fault, Long> out = new EnumMap<>(Fault.class);
        faults.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** How often the signed transaction with hash {@code hash} reached the proxy. */
    public int sendsReceived(String hash) {
        Send s = sends.get(key(hash));
        return s == null ? 0 : s.received.get();
    }

    /** How often the signed transaction with hash {@code hash} was forwarded to the node. */
    public int sendsForwarded(String hash) {
        Send s = sends.get(key(hash));
        return s == null ? 0 : s.forwarded.get();
    }

    /** Distinct signed transactions received. */
    public int distinctSends() {
        return sends.size();
    }

    /** Distinct signed transactions received more than once. */
    public int sendsReceivedMoreThanOnce() {
        return (int) sends.values().stream().filter(s -> s.received.get() > 1).count();
    }

    /** Distinct signed transactions forwarded to the node more than once. */
    public int sendsForwardedMoreThanOnce() {
        return (int) sends.values().stream().filter(s -> s.forwarded.get() > 1).count();
    }

    /** Receipts of signed transactions beyond the first, summed over all of them. */
    public int extraSendsReceived() {
        return sends.values().stream().mapToInt(s -> Math.max(0, s.received.get() - 1)).sum();
    }

    /** A multi-line, human-readable account of everything above. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("connections %d, HTTP requests %d, forwarded %d, JSON-RPC calls %d, faults %d%n",
                connections(), httpRequests(), forwarded(), calls(), faults()));
        b.append("calls by method:\n");
        new TreeMap<>(calls).forEach((m, n) -> b.append(String.format("  %-34s %7d%n", m, n.sum())));
        b.append("faults by kind:\n");
        faultsByKind().forEach((f, n) -> b.append(String.format("  %-34s %7d%n", f, n)));
        b.append("faults by kind and method:\n");
        new TreeMap<>(faultsByMethod).forEach((k, n) -> b.append(String.format("  %-60s %7d%n", k, n.sum())));
        int[] hist = new int[5];
        sends.values().forEach(s -> hist[Math.min(4, s.received.get())]++);
        b.append(String.format("eth_sendRawTransaction payloads: %d distinct; received once %d, twice %d, three times %d,"
                + " four+ %d; received more than once %d, forwarded more than once %d, extra receipts %d%n",
                distinctSends(), hist[1], hist[2], hist[3], hist[4], sendsReceivedMoreThanOnce(),
                sendsForwardedMoreThanOnce(), extraSendsReceived()));
        return b.toString();
    }

    @Override
    public String toString() {
        return summary();
    }
}
