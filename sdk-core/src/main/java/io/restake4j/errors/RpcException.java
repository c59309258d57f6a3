package io.restake4j.errors;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The node could not be reached, or answered with a JSON-RPC error (not a revert) or with something that is not
 * JSON-RPC at all. Where known it carries the method, the HTTP status and the JSON-RPC error code, to branch on
 * instead of the message.
 *
 * <pre>{@code
 * catch (RpcException e) {
 *     if (e.httpStatus().orElse(0) == 401) alert("the RPC provider refused our key");
 *     else log.warn("{} failed (code {}, retryable: {})", e.method().orElse("?"), e.jsonRpcCode(), e.isRetryable());
 * }
 * }</pre>
 */
public class RpcException extends RestakeException {

    private static final long serialVersionUID = 1L;

    private final boolean transientFailure;
    private final String method;
    private final Integer httpStatus;
    private final Integer jsonRpcCode;

    /**
     * @param transientFailure whether the failure may pass by itself (a timeout, HTTP 503, a rate limit)
     */
    public RpcException(String message, boolean transientFailure, Throwable cause) {
        this(message, transientFailure, cause, null, null, null);
    }

    /**
     * @param method      the JSON-RPC method, or null when not known
     * @param httpStatus  the HTTP status of the answer, or null when there was none (no connection) or it was 200
     * @param jsonRpcCode the JSON-RPC error code, or null when the node sent no JSON-RPC error
     */
    public RpcException(String message, boolean transientFailure, Throwable cause, String method, Integer httpStatus,
            Integer jsonRpcCode) {
        super(message, cause);
        this.transientFailure = transientFailure;
        this.method = method;
        this.httpStatus = httpStatus;
        this.jsonRpcCode = jsonRpcCode;
    }

    /** The JSON-RPC method that failed, e.g. {@code eth_call}, when known. */
    public Optional<String> method() {
        return Optional.ofNullable(method);
    }

    /** The HTTP status of a non-200 answer (429, 503...), when there was one. */
    public OptionalInt httpStatus() {
        return httpStatus == null ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /** The JSON-RPC error code the node answered (-32005, -32601...), when it answered one. */
    public OptionalInt jsonRpcCode() {
        return jsonRpcCode == null ? OptionalInt.empty() : OptionalInt.of(jsonRpcCode);
    }

    @Override
    protected boolean isTransient() {
        return transientFailure;
    }
}
