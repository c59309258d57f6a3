package io.restake4j.errors;

/**
 * A waiter gave up: the chain did not reach the awaited state (a withdrawal's completable block, say)
 * within the time given. Nothing was sent; wait again later.
 *
 * <pre>{@code
 * try { withdrawals.awaitClaimable(w, Duration.ofMinutes(5)); }
 * catch (WaitTimeoutException e) { scheduleRetry(); }
 * }</pre>
 */
public class WaitTimeoutException extends RestakeException {

    private static final long serialVersionUID = 1L;

    public WaitTimeoutException(String message) {
        super(message);
    }

    @Override
    protected boolean isTransient() {
        return true;
    }
}
