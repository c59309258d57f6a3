package io.restake4j.testing.faults;

/**
 * What {@link FaultProxy} can do to a JSON-RPC request instead of (or on top of) forwarding it.
 *
 * <p>Two families:
 * <ul>
 *   <li><b>per call</b> ({@link #perCall()}): one JSON-RPC call is answered differently; in a batch only
 *       that element is affected and the others are forwarded as a smaller batch;</li>
 *   <li><b>per HTTP request</b>: the whole HTTP exchange (a single call or a whole batch) is affected.</li>
 * </ul>
 */
public enum Fault {
    /** Answer HTTP 429 with a short text body; nothing forwarded. */
    HTTP_429(false),
    /** Answer HTTP 502 with a short text body; nothing forwarded. */
    HTTP_502(false),
    /** Answer HTTP 503 with a short text body; nothing forwarded. */
    HTTP_503(false),
    /** Answer the call with JSON-RPC error -32000 "header not found"; that call is not forwarded. */
    RPC_HEADER_NOT_FOUND(true),
    /** Answer the call with JSON-RPC error -32005 "limit exceeded"; that call is not forwarded. */
    RPC_RATE_LIMIT(true),
    /** Reset the connection (TCP RST) without forwarding. */
    RESET_BEFORE_FORWARD(false),
    /** Forward (the node executes the request), then reset the connection without answering. */
    FORWARD_THEN_DROP(false),
    /** Hold the connection without answering for the configured time, then close it (forwarding is configurable). */
    HANG(false),
    /** Forward, write the status line, the headers and about half of the body, then reset. */
    RESET_MID_ANSWER(false),
    /** Forward after a delay drawn from the configured range; the answer is the node's. */
    DELAY(false),
    /** {@code eth_getTransactionCount} only: forward, but answer a value 1..n lower (never below 0). */
    STALE_NONCE(true),
    /** {@code eth_getTransactionReceipt} only: answer {@code null} for that hash for the configured number of polls. */
    WITHHELD_RECEIPT(true),
    /** {@code eth_sendRawTransaction} only: do not forward, answer success with the transaction's hash. */
    ACCEPT_AND_DROP(true),
    /** A window ({@link FaultProxy#nodeDown(java.time.Duration)}) in which every connection is reset on arrival. */
    NODE_DOWN(false);

    private final boolean perCall;

    Fault(boolean perCall) {
        this.perCall = perCall;
    }

    /** Whether the fault applies to one JSON-RPC call (a batch element) rather than to the whole HTTP exchange. */
    public boolean perCall() {
        return perCall;
    }

    /** The only JSON-RPC method the fault makes sense for, or null when it applies to any method. */
    public String onlyFor() {
        return switch (this) {
            case STALE_NONCE -> "eth_getTransactionCount";
            case WITHHELD_RECEIPT -> "eth_getTransactionReceipt";
            case ACCEPT_AND_DROP -> "eth_sendRawTransaction";
            default -> null;
        };
    }

    /** Whether this fault can be injected into a call of {@code method}. */
    public boolean appliesTo(String method) {
        String only = onlyFor();
        return only == null || only.equals(method);
    }
}
