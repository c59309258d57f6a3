package io.restake4j.rpc;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;

import org.web3j.protocol.core.Response;

/**
 * How {@link RetryingWeb3jService} retries idempotent reads after a passing transport failure.
 * Immutable and thread-safe; build one with {@link #builder()} or start from {@link #defaults()}.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder()
 *         .maxAttempts(6)
 *         .initialBackoff(Duration.ofMillis(100))
 *         .maxBackoff(Duration.ofSeconds(2))
 *         .build();
 * Web3j web3j = Web3j.build(RetryingWeb3jService.wrap(new HttpService(url), policy));
 * }</pre>
 *
 * <p><b>Backoff.</b> The wait before retry {@code n} (1 for the first retry) is
 * {@code min(maxBackoff, initialBackoff x multiplier^(n-1))}, then jittered: multiplied by a uniform
 * factor in {@code [1 - jitter, 1 + jitter]} and capped at {@code maxBackoff} again. With the defaults
 * (4 attempts including the first, 200 ms, x2, 5 s cap, jitter 0.2) the waits are about 200, 400 and
 * 800 ms, each +-20%. A jitter of 0 makes the waits exact (useful in tests).
 *
 * <p><b>What is retried</b> is decided by three predicates, by default those of {@link TransportFailures}:
 * which methods are idempotent ({@link Builder#idempotentIf}), which exceptions are passing
 * ({@link Builder#retryIf}) and which JSON-RPC error answers are rate limits ({@link Builder#retryErrorIf}).
 * Non-idempotent methods such as {@code eth_sendRawTransaction} are never retried, whatever the failure.
 */
public final class RetryPolicy {

    /** Waits between attempts; replaceable for tests. */
    @FunctionalInterface
    public interface Sleeper {
        /** Waits for {@code duration}; the real one is {@link Thread#sleep(Duration)}. */
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Sleeper THREAD_SLEEP = Thread::sleep;
    private static final DoubleSupplier THREAD_LOCAL_RANDOM = () -> ThreadLocalRandom.current().nextDouble();

    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double multiplier;
    private final double jitter;
    private final Predicate<String> idempotent;
    private final Predicate<Throwable> retryableFailure;
    private final Predicate<Response.Error> retryableError;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.multiplier = b.multiplier;
        this.jitter = b.jitter;
        this.idempotent = b.idempotent;
        this.retryableFailure = b.retryableFailure;
        this.retryableError = b.retryableError;
        this.sleeper = b.sleeper;
        this.random = b.random;
    }

    /** 4 attempts (the first included), 200 ms doubling up to 5 s, jitter +-20%, {@link TransportFailures}' rules. */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** One attempt: no retries at all. */
    public static RetryPolicy none() {
        return NONE;
    }

    /** A builder holding the {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this policy's settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Attempts per request, the first one included (1 = no retries). */
    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration initialBackoff() {
        return initialBackoff;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    public double multiplier() {
        return multiplier;
    }

    /** The jitter fraction in [0, 1]: each wait is scaled by a random factor in [1 - jitter, 1 + jitter]. */
    public double jitter() {
        return jitter;
    }

    /** Whether this policy retries at all. */
    public boolean retries() {
        return maxAttempts > 1;
    }

    /** Whether {@code method} may be sent again after a failure. */
    public boolean isIdempotent(String method) {
        return method != null && idempotent.test(method);
    }

    /** Whether an exception from the transport is worth another attempt (for an idempotent method). */
    public boolean isRetryable(Throwable failure) {
        return failure != null && retryableFailure.test(failure);
    }

    /** Whether a JSON-RPC error answer is worth another attempt (for an idempotent method). */
    public boolean isRetryable(Response.Error error) {
        return error != null && retryableError.test(error);
    }

    /**
     * The wait before retry {@code retry} (1 = the first retry), without jitter:
     * {@code min(maxBackoff, initialBackoff x multiplier^(retry-1))}.
     */
    public Duration backoff(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry numbers start at 1, got " + retry);
        }
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, retry - 1);
        long capped = millis >= maxBackoff.toMillis() ? maxBackoff.toMillis() : (long) millis;
        return Duration.ofMillis(capped);
    }

    /** The wait before retry {@code retry}, jittered as the class comment says; never above {@link #maxBackoff()}. */
    public Duration delayBefore(int retry) {
        Duration base = backoff(retry);
        if (jitter == 0) {
            return base;
        }
        double r = random.getAsDouble();
        double factor = 1 - jitter + 2 * jitter * Math.min(1, Math.max(0, r));
        long millis = Math.round(base.toMillis() * factor);
        return Duration.ofMillis(Math.max(0, Math.min(millis, maxBackoff.toMillis())));
    }

    /** Waits {@code delay} with the policy's sleeper. */
    void sleep(Duration delay) throws InterruptedException {
        if (!delay.isZero()) {
            sleeper.sleep(delay);
        }
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", maxBackoff="
                + maxBackoff + ", multiplier=" + multiplier + ", jitter=" + jitter + "]";
    }

    /**
     * Builds a {@link RetryPolicy}; starts from the defaults.
     *
     * <pre>{@code
     * RetryPolicy patient = RetryPolicy.builder().maxAttempts(8).maxBackoff(Duration.ofSeconds(30)).build();
     * }</pre>
     */
    public static final class Builder {
        private int maxAttempts = 4;
        private Duration initialBackoff = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private double multiplier = 2;
        private double jitter = 0.2;
        private Predicate<String> idempotent = TransportFailures::isIdempotent;
        private Predicate<Throwable> retryableFailure = TransportFailures::isRetryable;
        private Predicate<Response.Error> retryableError = TransportFailures::isRetryable;
        private Sleeper sleeper = THREAD_SLEEP;
        private DoubleSupplier random = THREAD_LOCAL_RANDOM;

        private Builder() {
        }

        private Builder(RetryPolicy p) {
            this.maxAttempts = p.maxAttempts;
            this.initialBackoff = p.initialBackoff;
            this.maxBackoff = p.maxBackoff;
            this.multiplier = p.multiplier;
            this.jitter = p.jitter;
            this.idempotent = p.idempotent;
            this.retryableFailure = p.retryableFailure;
            this.retryableError = p.retryableError;
            this.sleeper = p.sleeper;
            this.random = p.random;
        }

        /** Attempts per request including the first; 1 disables retries. Default 4. */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1 || attempts > 100) {
                throw new IllegalArgumentException("maxAttempts must be 1..100, was " + attempts);
            }
            this.maxAttempts = attempts;
            return this;
        }

        /** The wait before the first retry. Default 200 ms. */
        public Builder initialBackoff(Duration backoff) {
            Objects.requireNonNull(backoff, "backoff");
            if (backoff.isNegative()) {
                throw new IllegalArgumentException("initial backoff cannot be negative");
            }
            this.initialBackoff = backoff;
            return this;
        }

        /** The longest wait between two attempts. Default 5 s. */
        public Builder maxBackoff(Duration backoff) {
            Objects.requireNonNull(backoff, "backoff");
            if (backoff.isNegative()) {
                throw new IllegalArgumentException("max backoff cannot be negative");
            }
            this.maxBackoff = backoff;
            return this;
        }

        /** How much each wait grows over the previous one; at least 1. Default 2. */
        public Builder multiplier(double multiplier) {
            if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
                throw new IllegalArgumentException("multiplier must be a finite number >= 1, was " + multiplier);
            }
            this.multiplier = multiplier;
            return this;
        }

        /** Jitter fraction in [0, 1]: each wait is scaled by a random factor in [1 - jitter, 1 + jitter]. Default 0.2. */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0 && jitter <= 1)) {
                throw new IllegalArgumentException("jitter must be within 0..1, was " + jitter);
            }
            this.jitter = jitter;
            return this;
        }

        /**
         * Which JSON-RPC methods may be sent again. Default {@link TransportFailures#isIdempotent(String)};
         * to add a read of your own: {@code m -> TransportFailures.isIdempotent(m) || m.equals("my_read")}.
         */
        public Builder idempotentIf(Predicate<String> idempotent) {
            this.idempotent = Objects.requireNonNull(idempotent, "idempotent");
            return this;
        }

        /** Which transport exceptions are passing. Default {@link TransportFailures#isRetryable(Throwable)}. */
        public Builder retryIf(Predicate<Throwable> retryable) {
            this.retryableFailure = Objects.requireNonNull(retryable, "retryable");
            return this;
        }

        /** Which JSON-RPC error answers are passing. Default {@link TransportFailures#isRetryable(Response.Error)}. */
        public Builder retryErrorIf(Predicate<Response.Error> retryable) {
            this.retryableError = Objects.requireNonNull(retryable, "retryable");
            return this;
        }

        /** How to wait (tests pass a recording sleeper). Default {@link Thread#sleep(Duration)}. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The source of uniform randoms in [0, 1) for the jitter. Default {@link ThreadLocalRandom}. */
        public Builder random(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        public RetryPolicy build() {
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalStateException("max backoff " + maxBackoff + " is below the initial backoff " + initialBackoff);
            }
            return new RetryPolicy(this);
        }
    }
}
