package io.restake4j.errors;

/**
 * The node serves a different chain than the network the client was built for ({@link ErrorCode#CHAIN_MISMATCH},
 * a configuration error); nothing is signed or sent, and reads are refused too.
 *
 * <pre>{@code
 * catch (ChainMismatchException e) { log.error("expected chain {}, node is on {}", e.expected(), e.actual()); }
 * }</pre>
 */
public class ChainMismatchException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final long expected;
    private final long actual;

    public ChainMismatchException(long expected, long actual) {
        super(ErrorCode.CHAIN_MISMATCH, "the node is on chain " + actual + " but the client is configured for chain " + expected
                + "; refusing to read or sign");
        this.expected = expected;
        this.actual = actual;
    }

    public long expected() {
        return expected;
    }

    public long actual() {
        return actual;
    }
}
