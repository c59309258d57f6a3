package io.restake4j.errors;

/**
 * The root of every exception restake4j throws. Unchecked, like the AWS SDK's {@code SdkException}:
 * catch the subtype you can act on.
 *
 * <pre>{@code
 * try { reads.execute(); }
 * catch (RpcException e) { if (e.isRetryable()) retryLater(); else throw e; }
 * }</pre>
 */
public class RestakeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RestakeException(String message) {
        super(message);
    }

    public RestakeException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether the same request may succeed if sent again unchanged. */
    public boolean isRetryable() {
        return false;
    }
}
