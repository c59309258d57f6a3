package io.restake4j.wait;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import io.restake4j.errors.RestakeException;
import io.restake4j.errors.WaitTimeoutException;

/**
 * A wait for a state of the chain, ready to run: a block height, a chain time, an epoch, or any condition
 * read from the chain. Immutable; {@link #await()} polls until the state is reached or the timeout passes,
 * {@link #awaitAsync()} does the same on a virtual thread. Made by a {@link Waiter}.
 *
 * <pre>{@code
 * long block = waiter.untilBlock(w.completableAtBlock()).timeout(Duration.ofHours(2)).await();
 * waiter.until("request 42 finalized", () -> etherFi.withdrawals().byId(id).filter(Withdrawal::isClaimable))
 *       .pollInterval(Duration.ofSeconds(12))
 *       .awaitAsync()
 *       .thenAccept(w -> log.info("claimable: {}", w));
 * }</pre>
 *
 * @param <T> what the wait returns once the state is reached
 */
public final class Wait<T> {

    private final String what;
    private final Supplier<Optional<T>> probe;
    private final Supplier<String> progress;
    private final Duration timeout;
    private final Duration pollInterval;
    private final Executor executor;

    Wait(String what, Supplier<Optional<T>> probe, Supplier<String> progress, Duration timeout, Duration pollInterval,
            Executor executor) {
        this.what = Objects.requireNonNull(what, "what");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.progress = progress;
        this.timeout = positive(timeout, "timeout");
        this.pollInterval = positive(pollInterval, "poll interval");
        this.executor = executor;
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
        return d;
    }

    /** The same wait giving up after {@code timeout}. */
    public Wait<T> timeout(Duration timeout) {
        return new Wait<>(what, probe, progress, timeout, pollInterval, executor);
    }

    /** The same wait reading the chain every {@code interval}. */
    public Wait<T> pollInterval(Duration interval) {
        return new Wait<>(what, probe, progress, timeout, interval, executor);
    }

    /** What is awaited, in words. */
    public String description() {
        return what;
    }

    /**
     * Polls until the state is reached and returns what the last read found. A read that fails for a passing
     * reason (a rate limit, a lost answer) is tried again at the next poll.
     *
     * @throws WaitTimeoutException when the timeout passes first, or the thread is interrupted
     * @throws RestakeException     when a read fails for good
     */
    public T await() {
        long deadline = System.nanoTime() + timeout.toNanos();
        RestakeException lastFailure = null;
        while (true) {
            try {
                Optional<T> reached = probe.get();
                if (reached.isPresent()) {
                    return reached.get();
                }
                lastFailure = null;
            } catch (RestakeException e) {
                if (!e.isRetryable()) {
                    throw e;
                }
                lastFailure = e;
            }
            if (System.nanoTime() - deadline >= 0) {
                String state = lastFailure != null ? "the last read failed: " + lastFailure.getMessage()
                        : progress != null ? progress.get() : "not reached";
                throw new WaitTimeoutException("gave up waiting for " + what + " after " + timeout + " (" + state + ")");
            }
            long left = deadline - System.nanoTime();
            try {
                Thread.sleep(Math.max(1, Math.min(pollInterval.toMillis(), left / 1_000_000 + 1)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WaitTimeoutException("interrupted while waiting for " + what);
            }
        }
    }

    /** {@link #await()} on a virtual thread (or the client's executor). */
    public CompletableFuture<T> awaitAsync() {
        return executor != null ? CompletableFuture.supplyAsync(this::await, executor)
                : CompletableFuture.supplyAsync(this::await, r -> Thread.ofVirtual().name("restake4j-wait").start(r));
    }

    @Override
    public String toString() {
        return "Wait[" + what + ", timeout " + timeout + ", every " + pollInterval + "]";
    }
}
