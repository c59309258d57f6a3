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

    private final boolean retryable;

    public RpcException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    @Override
    public boolean isRetryable() {
        return retryable;
    }
}
