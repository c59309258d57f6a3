package io.restake4j.testing;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;

/** An HTTP transport that counts JSON-RPC requests by method, for round-trip assertions. */
public final class CountingHttpService extends HttpService {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    public CountingHttpService(String url) {
        super(url);
    }

    @Override
    public <T extends Response> T send(Request request, Class<T> responseType) throws IOException {
        counts.computeIfAbsent(request.getMethod(), m -> new AtomicInteger()).incrementAndGet();
        return super.send(request, responseType);
    }

    @Override
    public <T extends Response> CompletableFuture<T> sendAsync(Request request, Class<T> responseType) {
        counts.computeIfAbsent(request.getMethod(), m -> new AtomicInteger()).incrementAndGet();
        return super.sendAsync(request, responseType);
    }

    public int count(String method) {
        AtomicInteger c = counts.get(method);
        return c == null ? 0 : c.get();
    }

    public int total() {
        return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public void reset() {
        counts.clear();
    }

    @Override
    public String toString() {
        return "CountingHttpService" + counts;
    }
}
