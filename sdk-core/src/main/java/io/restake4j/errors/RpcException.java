package io.restake4j.errors;

/**
 * The node could not be reached or answered with a JSON-RPC error (not a revert).
 *
 * <pre>{@code
 * catch (RpcException e) { log.warn("node {} failed (retryable: {})", e.getMessage(), e.isRetryable()); }
 * }</pre>
 */
public class RpcException extends RestakeException {

    private static final long serialVersionUID = 1L;

    private final boolean transientFailure;

    /**
     * @param transientFailure whether the failure may pass by itself (a timeout, HTTP 503, a rate limit)
     */
    public RpcException(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    @Override
    protected boolean isTransient() {
        return transientFailure;
    }
}
