package io.restake4j.errors;

import java.util.Optional;

/**
 * The root of every exception restake4j throws. Unchecked, like the AWS SDK's {@code SdkException}:
 * catch the subtype you can act on.
 *
 * <p>An exception that leaves {@code Operation.send()} also says what is known of the transactions
 * ({@link #outcome()}): nothing sent, maybe on chain (with hashes), reverted, replaced. {@link #isRetryable()}
 * is then true only when nothing at all was broadcast and the failure itself may pass.
 *
 * <pre>{@code
 * try { op.send(); }
 * catch (RestakeException e) {
 *     if (e.isRetryable()) retryLater();                               // nothing was sent
 *     else e.outcome().ifPresent(o -> log.warn("{}", o));               // hashes, receipts, the failed step
 * }
 * }</pre>
 */
public class RestakeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private transient volatile SendOutcome outcome;

    public RestakeException(String message) {
        super(message);
    }

    public RestakeException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether doing the same again may succeed and cannot do anything twice: the failure may pass by
     * itself and, for a failed send, nothing of the operation was broadcast.
     */
    public boolean isRetryable() {
        SendOutcome o = outcome;
        if (o != null && (o.state() != SendOutcome.State.NOT_SENT || o.anythingSent())) {
            return false;
        }
        return isTransient();
    }

    /** Whether this kind of failure may pass by itself (a timeout, a rate limit); false by default. */
    protected boolean isTransient() {
        return false;
    }

    /** For a failed send: what is known of its transactions. Empty for failures outside a send. */
    public Optional<SendOutcome> outcome() {
        return Optional.ofNullable(outcome);
    }

    /**
     * Attaches what is known of a send's transactions (done once, by the transaction pipeline); returns this.
     *
     * @throws IllegalStateException when an outcome was attached already
     */
    public RestakeException withOutcome(SendOutcome outcome) {
        if (this.outcome != null) {
            throw new IllegalStateException("the outcome is set already");
        }
        this.outcome = outcome;
        return this;
    }

    @Override
    public String getMessage() {
        SendOutcome o = outcome;
        String base = super.getMessage();
        return o == null || !o.anythingSent() ? base : base + " [" + o.state() + describeSteps(o) + "]";
    }

    private static String describeSteps(SendOutcome o) {
        StringBuilder b = new StringBuilder();
        for (SendOutcome.StepRecord s : o.steps()) {
            b.append("; ").append(s);
        }
        return b.toString();
    }
}
