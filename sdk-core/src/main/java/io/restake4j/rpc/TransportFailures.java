package io.restake4j.rpc;

import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;

import org.web3j.protocol.core.Response;
import org.web3j.protocol.exceptions.ClientConnectionException;

import io.restake4j.errors.RestakeException;
import io.restake4j.errors.RpcException;

/**
 * The one place that decides what a JSON-RPC failure means: is it a passing transport problem worth
 * another try, and is a method safe to send twice. Used by {@link RetryingWeb3jService} and by the
 * transaction pipeline (whose broadcaster resends the same signed bytes after a transport failure).
 *
 * <pre>{@code
 * try {
 *     web3j.ethBlockNumber().send();
 * } catch (IOException | RuntimeException e) {
 *     if (TransportFailures.isRetryable(e)) scheduleAnotherTry();
 *     else throw TransportFailures.toRpcException("eth_blockNumber", e);
 * }
 * }</pre>
 *
 * <p><b>Retryable failures</b> ({@link #isRetryable(Throwable)}, looking through the cause chain):
 * <ul>
 *   <li>timeouts: {@link SocketTimeoutException}, and any other {@link InterruptedIOException} (OkHttp
 *       reports its call timeout that way);</li>
 *   <li>connections refused, reset or dropped: {@link ConnectException}, {@link SocketException}, and
 *       {@link EOFException} (the peer closed the stream mid-answer);</li>
 *   <li>HTTP answers without a JSON-RPC body, which web3j's {@code HttpService} throws as
 *       {@link ClientConnectionException} "Invalid response received: &lt;status&gt;; &lt;body&gt;":
 *       408, 425, 429 and every 5xx except 501 (not implemented) and 505 (HTTP version);</li>
 *   <li>a {@link RestakeException} that says {@link RestakeException#isRetryable() it is}.</li>
 * </ul>
 * TLS failures ({@link SSLException}), unknown hosts and every other exception are not retryable: they
 * do not heal by themselves within a backoff.
 *
 * <p><b>Retryable JSON-RPC errors</b> ({@link #isRetryable(Response.Error)}) are rate limits only,
 * recognised conservatively: code {@code -32005} ("limit exceeded", EIP-1474), code {@code 429}, or a
 * message saying "rate limit", "too many requests" or "request limit". Reverts, invalid parameters,
 * unknown methods and all other node errors are final.
 *
 * <p><b>Idempotent methods</b> ({@link #isIdempotent(String)}) come from an allow-list of reads; anything
 * else (writes, signing, {@code personal_*}, filters and subscriptions, devnet controls such as
 * {@code anvil_*}/{@code evm_*}/{@code hardhat_*}, tracing) is treated as unsafe to repeat.
 */
public final class TransportFailures {

    /** JSON-RPC reads that have no effect on the node, so sending one twice is harmless. */
    private static final Set<String> IDEMPOTENT = Set.of(
            "eth_call",
            "eth_estimateGas",
            "eth_simulateV1",
            "eth_createAccessList",
            "eth_getBalance",
            "eth_getTransactionCount",
            "eth_getCode",
            "eth_getStorageAt",
            "eth_getProof",
            "eth_getTransactionReceipt",
            "eth_getTransactionByHash",
            "eth_getTransactionByBlockHashAndIndex",
            "eth_getTransactionByBlockNumberAndIndex",
            "eth_getBlockByNumber",
            "eth_getBlockByHash",
            "eth_getBlockReceipts",
            "eth_getBlockTransactionCountByHash",
            "eth_getBlockTransactionCountByNumber",
            "eth_getUncleCountByBlockHash",
            "eth_getUncleCountByBlockNumber",
            "eth_getLogs",
            "eth_blockNumber",
            "eth_chainId",
            "eth_syncing",
            "eth_protocolVersion",
            "eth_feeHistory",
            "eth_gasPrice",
            "eth_maxPriorityFeePerGas",
            "eth_blobBaseFee",
            "net_version",
            "net_listening",
            "net_peerCount",
            "web3_clientVersion",
            "web3_sha3");

    private static final Pattern HTTP_STATUS = Pattern.compile("^Invalid response received: (\\d{3})\\b");

    private static final int MAX_DETAIL = 200;

    private TransportFailures() {
    }

    /** Whether {@code method} is on the allow-list of reads that are safe to send again. */
    public static boolean isIdempotent(String method) {
        return method != null && IDEMPOTENT.contains(method);
    }

    /** The allow-list itself (immutable), for documentation and for building a policy of your own. */
    public static Set<String> idempotentMethods() {
        return IDEMPOTENT;
    }

    /**
     * Whether the failure is a passing transport problem (timeout, reset, refused connection, HTTP 429
     * or 5xx, ...) after which the same request may well succeed. Looks through the cause chain.
     */
    public static boolean isRetryable(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 16; t = t.getCause(), depth++) {
            if (t instanceof RestakeException r) {
                return r.isRetryable();
            }
            if (t instanceof SSLException) {
                return false;
            }
            if (t instanceof InterruptedIOException // includes SocketTimeoutException
                    || t instanceof SocketException // includes ConnectException, "Connection reset"
                    || t instanceof EOFException) {
                return true;
            }
            if (t instanceof ClientConnectionException) {
                OptionalInt status = httpStatus(t);
                return status.isPresent() && isRetryableStatus(status.getAsInt());
            }
        }
        return false;
    }

    /** Whether an HTTP status means "try again later": 408, 425, 429, and 5xx except 501 and 505. */
    public static boolean isRetryableStatus(int status) {
        if (status == 408 || status == 425 || status == 429) {
            return true;
        }
        return status >= 500 && status <= 599 && status != 501 && status != 505;
    }

    /**
     * Whether a JSON-RPC error is a rate limit that a later identical request may pass (see the class
     * comment). Reverts and every other node error are not.
     */
    public static boolean isRetryable(Response.Error error) {
        if (error == null) {
            return false;
        }
        if (error.getCode() == -32005 || error.getCode() == 429) {
            return true;
        }
        String message = error.getMessage() == null ? "" : error.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("rate limit") || message.contains("too many requests")
                || message.contains("request limit");
    }

    /**
     * The HTTP status of a non-2xx answer, when {@code failure} (or a cause) is web3j's
     * {@link ClientConnectionException} "Invalid response received: &lt;status&gt;; ...".
     */
    public static OptionalInt httpStatus(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 16; t = t.getCause(), depth++) {
            if (t instanceof ClientConnectionException && t.getMessage() != null) {
                Matcher m = HTTP_STATUS.matcher(t.getMessage());
                if (m.find()) {
                    return OptionalInt.of(Integer.parseInt(m.group(1)));
                }
            }
        }
        return OptionalInt.empty();
    }

    /**
     * A short description of a failure for logs and exception messages: the exception type and its
     * message, or only the HTTP status for a non-2xx answer (whose body may be a long HTML page).
     */
    public static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        OptionalInt status = httpStatus(failure);
        if (status.isPresent()) {
            return "HTTP " + status.getAsInt();
        }
        String message = failure.getMessage();
        String text = failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "...";
    }

    /** A failure to send {@code method} as an {@link RpcException}, retryable as {@link #isRetryable(Throwable)} says. */
    public static RpcException toRpcException(String method, Throwable failure) {
        if (failure instanceof RpcException r) {
            return r;
        }
        OptionalInt status = httpStatus(failure);
        if (status.isEmpty() && invalidJson(failure)) {
            return new RpcException("the node returned invalid JSON for " + method + " (an empty body, HTML or a "
                    + "truncated answer: is the RPC URL a JSON-RPC endpoint?)", false, failure, method, null, null);
        }
        return new RpcException(method + " failed: " + describe(failure), isRetryable(failure), failure, method,
                status.isPresent() ? status.getAsInt() : null, null);
    }

    /** Whether the failure is an answer that could not be parsed as JSON(-RPC), looking through the cause chain. */
    static boolean invalidJson(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 16; t = t.getCause(), depth++) {
            if (t instanceof com.fasterxml.jackson.core.JsonProcessingException) {
                return true;
            }
        }
        return false;
    }

    /** A JSON-RPC error answer to {@code method} as an {@link RpcException} (retryable only for rate limits). */
    public static RpcException toRpcException(String method, Response.Error error) {
        String message = error == null ? "no result and no error" : "error " + error.getCode() + ": " + error.getMessage();
        return new RpcException(method + " failed: " + message, isRetryable(error), null, method, null,
                error == null ? null : error.getCode());
    }
}
