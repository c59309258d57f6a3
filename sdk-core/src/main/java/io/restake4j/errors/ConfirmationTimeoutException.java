package io.restake4j.errors;

import java.time.Duration;

/**
 * A sent transaction was not mined (or not confirmed deeply enough) within the configured time. It
 * may still be mined later: look it up by {@link #transactionHash()}.
 *
 * <pre>{@code
 * catch (ConfirmationTimeoutException e) { watchLater(e.transactionHash()); }
 * }</pre>
 */
public class ConfirmationTimeoutException extends RestakeException {

    private static final long serialVersionUID = 1L;

    private final String transactionHash;

    public ConfirmationTimeoutException(String transactionHash, Duration waited) {
        super("transaction " + transactionHash + " was not confirmed within " + waited.toMillis() + " ms; it may still be mined");
        this.transactionHash = transactionHash;
    }

    public String transactionHash() {
        return transactionHash;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
