package io.restake4j.errors;

import java.time.Duration;
import java.util.List;

/**
 * A sent transaction was not mined (or not confirmed deeply enough) within the configured time. It may
 * still be mined later: await it ({@code client.transactions().awaitReceipt(hash)}) or resume the operation.
 * Not retryable: sending again could pay twice.
 *
 * <pre>{@code
 * catch (ConfirmationTimeoutException e) { watchLater(e.transactionHashes()); }
 * }</pre>
 */
public class ConfirmationTimeoutException extends OutcomeUnknownException {

    private static final long serialVersionUID = 1L;

    public ConfirmationTimeoutException(List<String> transactionHashes, Duration waited) {
        super("transaction " + String.join(" | ", transactionHashes) + " was not confirmed within " + waited.toMillis()
                + " ms; it may still be mined", transactionHashes, null);
    }
}
