package io.restake4j.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;

/**
 * An HTTP transport that counts what crosses the wire: HTTP round trips (a JSON-RPC batch is one) and
 * JSON-RPC requests by method, for round-trip assertions.
 */
@SuppressWarnings("rawtypes") // Web3jService itself is declared with raw Request/Response types
public final class CountingHttpService extends HttpService {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final AtomicInteger roundTrips = new AtomicInteger();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    public CountingHttpService(String url) {
        super(url);
    }

    @Override
    public <T extends Response> T send(Request request, Class<T> responseType) throws IOException {
        record(request.getMethod());
        roundTrips.incrementAndGet();
        return super.send(request, responseType);
    }

    @Override
    public <T extends Response> CompletableFuture<T> sendAsync(Request request, Class<T> responseType) {
        record(request.getMethod());
        roundTrips.incrementAndGet();
        return super.sendAsync(request, responseType);
    }

    @Override
    public BatchResponse sendBatch(BatchRequest batch) throws IOException {
        batch.getRequests().forEach(r -> record(r.getMethod()));
        roundTrips.incrementAndGet();
        log.add("(batch of " + batch.getRequests().size() + ")");
        return super.sendBatch(batch);
    }

    private void record(String method) {
        counts.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
        log.add(method);
    }

    /** JSON-RPC requests of this method (inside batches too). */
    public int count(String method) {
        AtomicInteger c = counts.get(method);
        return c == null ? 0 : c.get();
    }

    /** HTTP requests made (a batch counts once). */
    public int roundTrips() {
        return roundTrips.get();
    }

    public int total() {
        return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    public void reset() {
        counts.clear();
        roundTrips.set(0);
        log.clear();
    }

    @Override
    public String toString() {
        return "CountingHttpService[" + roundTrips + " round trips, " + counts + "]";
    }
}
