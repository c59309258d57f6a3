package io.restake4j.rpc;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.websocket.events.Notification;
import org.web3j.utils.Async;

import io.reactivex.Flowable;

/**
 * A {@link Web3jService} that retries idempotent reads after passing transport failures, following a
 * {@link RetryPolicy}. Everything else goes to the wrapped service once, untouched.
 *
 * <pre>{@code
 * Web3j web3j = Web3j.build(RetryingWeb3jService.wrap(new HttpService(url), RetryPolicy.defaults()));
 * web3j.ethBlockNumber().send();   // up to 4 attempts on a 503, a timeout or a reset connection
 * }</pre>
 *
 * <ul>
 *   <li>Only methods the policy calls idempotent (by default {@link TransportFailures#isIdempotent(String)})
 *       are retried; {@code eth_sendRawTransaction} and every other write, signing call, filter,
 *       subscription or devnet control is sent exactly once.</li>
 *   <li>A batch is retried (whole) only when every request in it is idempotent, on a retryable
 *       exception or when any of its answers is a retryable JSON-RPC error (a rate limit).</li>
 *   <li>After the last attempt the caller sees what the wrapped service produced: the same exception
 *       (e.g. web3j's {@code ClientConnectionException} or an {@link IOException}) or the last error
 *       answer. Nothing is translated here.</li>
 *   <li>A thread interrupted while waiting stops retrying: {@code send} throws an
 *       {@link InterruptedIOException} and keeps the interrupt flag.</li>
 *   <li>{@code Retry-After} is not honoured: web3j's {@code HttpService} does not expose response headers
 *       (a non-2xx answer only surfaces as an exception carrying the status and body), so the policy's
 *       own backoff applies.</li>
 *   <li>{@code sendAsync}/{@code sendBatchAsync} of retried requests run the same loop on web3j's async
 *       executor, as web3j's own {@code Service} does; subscriptions are passed through.</li>
 * </ul>
 * Retries are logged at DEBUG (method, attempt, wait and the failure's type or HTTP status; never the
 * request's parameters, which may hold a signed transaction).
 */
@SuppressWarnings("rawtypes") // Web3jService itself is declared with raw Request/Response types
public final class RetryingWeb3jService implements Web3jService {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingWeb3jService.class);

    private final Web3jService delegate;
    private final RetryPolicy policy;

    private RetryingWeb3jService(Web3jService delegate, RetryPolicy policy) {
        this.delegate = delegate;
        this.policy = policy;
    }

    /**
     * Wraps {@code delegate} so that its idempotent reads are retried by {@code policy}. A policy that
     * does not retry ({@link RetryPolicy#none()}) returns {@code delegate} itself.
     */
    public static Web3jService wrap(Web3jService delegate, RetryPolicy policy) {
        Objects.requireNonNull(delegate, "delegate");
        Objects.requireNonNull(policy, "policy");
        if (!policy.retries()) {
            return delegate;
        }
        return new RetryingWeb3jService(delegate, policy);
    }

    /** The wrapped transport. */
    public Web3jService delegate() {
        return delegate;
    }

    public RetryPolicy policy() {
        return policy;
    }

    @Override
    public <T extends Response> T send(Request request, Class<T> responseType) throws IOException {
        String method = request.getMethod();
        if (!policy.isIdempotent(method)) {
            return delegate.send(request, responseType);
        }
        return withRetries(method, () -> delegate.send(request, responseType),
                r -> r != null && r.hasError() ? r.getError() : null);
    }

    @Override
    public <T extends Response> CompletableFuture<T> sendAsync(Request request, Class<T> responseType) {
        if (!policy.isIdempotent(request.getMethod())) {
            return delegate.sendAsync(request, responseType);
        }
        return Async.run(() -> send(request, responseType));
    }

    @Override
    public BatchResponse sendBatch(BatchRequest batch) throws IOException {
        if (!allIdempotent(batch)) {
            return delegate.sendBatch(batch);
        }
        String what = "batch of " + batch.getRequests().size();
        return withRetries(what, () -> delegate.sendBatch(batch), this::retryableErrorIn);
    }

    @Override
    public CompletableFuture<BatchResponse> sendBatchAsync(BatchRequest batch) {
        if (!allIdempotent(batch)) {
            return delegate.sendBatchAsync(batch);
        }
        return Async.run(() -> sendBatch(batch));
    }

    @Override
    public <T extends Notification<?>> Flowable<T> subscribe(Request request, String unsubscribeMethod,
            Class<T> responseType) {
        return delegate.subscribe(request, unsubscribeMethod, responseType);
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }

    @Override
    public String toString() {
        return "RetryingWeb3jService[" + delegate + ", " + policy + "]";
    }

    private boolean allIdempotent(BatchRequest batch) {
        List<Request<?, ? extends Response<?>>> requests = batch.getRequests();
        if (requests.isEmpty()) {
            return false;
        }
        for (Request<?, ?> r : requests) {
            if (!policy.isIdempotent(r.getMethod())) {
                return false;
            }
        }
        return true;
    }

    /** The first answer in a batch that is an error the policy retries (a rate limit), else null. */
    private Response.Error retryableErrorIn(BatchResponse response) {
        if (response == null || response.getResponses() == null) {
            return null;
        }
        for (Response<?> r : response.getResponses()) {
            if (r != null && r.hasError() && policy.isRetryable(r.getError())) {
                return r.getError();
            }
        }
        return null;
    }

    @FunctionalInterface
    private interface Attempt<R> {
        R run() throws IOException;
    }

    @FunctionalInterface
    private interface ErrorOf<R> {
        Response.Error of(R result);
    }

    private <R> R withRetries(String what, Attempt<R> attempt, ErrorOf<R> errorOf) throws IOException {
        int max = policy.maxAttempts();
        for (int n = 1; ; n++) {
            R result;
            try {
                result = attempt.run();
            } catch (IOException | RuntimeException e) {
                if (n >= max || !policy.isRetryable(e) || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                pause(what, n, TransportFailures.describe(e));
                continue;
            }
            if (n < max && !Thread.currentThread().isInterrupted()) {
                Response.Error error = errorOf.of(result);
                if (error != null && policy.isRetryable(error)) {
                    pause(what, n, "JSON-RPC error " + error.getCode());
                    continue;
                }
            }
            return result;
        }
    }

    private void pause(String what, int failedAttempt, String failure) throws InterruptedIOException {
        Duration delay = policy.delayBefore(failedAttempt);
        LOG.debug("{} failed ({}) on attempt {}/{}; retrying in {} ms", what, failure, failedAttempt,
                policy.maxAttempts(), delay.toMillis());
        try {
            policy.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException stop = new InterruptedIOException("interrupted while waiting to retry " + what);
            stop.initCause(e);
            throw stop;
        }
    }
}
