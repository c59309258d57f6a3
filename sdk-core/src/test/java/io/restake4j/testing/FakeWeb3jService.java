package io.restake4j.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.websocket.events.Notification;

import io.reactivex.Flowable;

/**
 * An in-memory {@link Web3jService} for unit tests: answers every request through a function (by
 * method), can fail the next round trips with scripted exceptions, and records what was asked.
 */
@SuppressWarnings("rawtypes") // Web3jService itself is declared with raw Request/Response types
public final class FakeWeb3jService implements Web3jService {

    /** Answers one request: a {@link Response} of the request's type, an {@link #error} marker, or throws. */
    @FunctionalInterface
    public interface Answer {
        Object answer(Request<?, ?> request) throws IOException;
    }

    /** A JSON-RPC error answer, turned into a response of whatever type the request expects. */
    public record Err(int code, String message) {
    }

    private final Answer answer;
    private final Deque<RuntimeOrIo> failures = new ConcurrentLinkedDeque<>();
    private final List<String> methods = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger roundTrips = new AtomicInteger();
    private final AtomicInteger asyncCalls = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();

    private record RuntimeOrIo(Exception failure) {
    }

    public FakeWeb3jService(Answer answer) {
        this.answer = answer;
    }

    public static Err error(int code, String message) {
        return new Err(code, message);
    }

    /** The next round trips (one each: a send or a batch) throw these, in order, before any answer. */
    public FakeWeb3jService failNext(Exception... failures) {
        for (Exception f : failures) {
            if (!(f instanceof IOException) && !(f instanceof RuntimeException)) {
                throw new IllegalArgumentException("only IOException or RuntimeException: " + f);
            }
            this.failures.add(new RuntimeOrIo(f));
        }
        return this;
    }

    @Override
    public <T extends Response> T send(Request request, Class<T> responseType) throws IOException {
        roundTrips.incrementAndGet();
        methods.add(request.getMethod());
        throwScriptedFailure();
        return respond(request, responseType);
    }

    @Override
    public <T extends Response> CompletableFuture<T> sendAsync(Request request, Class<T> responseType) {
        asyncCalls.incrementAndGet();
        return CompletableFuture.supplyAsync(() -> {
            try {
                return send(request, responseType);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        });
    }

    @Override
    public BatchResponse sendBatch(BatchRequest batch) throws IOException {
        roundTrips.incrementAndGet();
        batch.getRequests().forEach(r -> methods.add(r.getMethod()));
        throwScriptedFailure();
        List<Response<?>> responses = new ArrayList<>();
        for (Request<?, ? extends Response<?>> r : batch.getRequests()) {
            responses.add(respond(r, r.getResponseType()));
        }
        return new BatchResponse(batch.getRequests(), responses);
    }

    @Override
    public CompletableFuture<BatchResponse> sendBatchAsync(BatchRequest batch) {
        asyncCalls.incrementAndGet();
        return CompletableFuture.supplyAsync(() -> {
            try {
                return sendBatch(batch);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        });
    }

    @Override
    public <T extends Notification<?>> Flowable<T> subscribe(Request request, String unsubscribeMethod,
            Class<T> responseType) {
        throw new UnsupportedOperationException("no subscriptions in the fake");
    }

    @Override
    public void close() {
        closed.set(true);
    }

    private void throwScriptedFailure() throws IOException {
        RuntimeOrIo next = failures.poll();
        if (next == null) {
            return;
        }
        if (next.failure() instanceof IOException io) {
            throw io;
        }
        throw (RuntimeException) next.failure();
    }

    @SuppressWarnings("unchecked")
    private <T extends Response> T respond(Request<?, ?> request, Class<T> responseType) throws IOException {
        Object answered = answer.answer(request);
        if (answered instanceof Err err) {
            T response;
            try {
                response = responseType.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            response.setError(new Response.Error(err.code(), err.message()));
            return response;
        }
        if (answered == null || !responseType.isInstance(answered)) {
            throw new IllegalStateException("the fake answered " + request.getMethod() + " with " + answered
                    + ", expected a " + responseType.getSimpleName());
        }
        return (T) answered;
    }

    /** Methods asked so far, in order (the requests of a batch each count). */
    public List<String> methods() {
        synchronized (methods) {
            return List.copyOf(methods);
        }
    }

    public int count(String method) {
        synchronized (methods) {
            return (int) methods.stream().filter(method::equals).count();
        }
    }

    /** Sends and batches that reached the fake (a batch counts once), failed ones included. */
    public int roundTrips() {
        return roundTrips.get();
    }

    /** Calls of sendAsync / sendBatchAsync. */
    public int asyncCalls() {
        return asyncCalls.get();
    }

    public boolean isClosed() {
        return closed.get();
    }
}
