package io.restake4j.errors;

import java.util.List;

/**
 * A transaction was signed and may have reached the node, but whether it is (or will be) on chain is not
 * known: its broadcast lost its answers, or no receipt came in time. Never sign it again: await it or resume
 * the operation ({@code Operation.resume(e.outcome().get())}), which find out. Not retryable.
 *
 * <pre>{@code
 * catch (OutcomeUnknownException e) {
 *     journal.save(e.transactionHashes());              // then, later or after a restart:
 *     DepositResult r = deposit.resume(e.outcome().orElseThrow());
 * }
 * }</pre>
 */
public class OutcomeUnknownException extends RestakeException {

    private static final long serialVersionUID = 1L;

    private final List<String> transactionHashes;

    public OutcomeUnknownException(String message, List<String> transactionHashes, Throwable cause) {
        super(message, cause);
        this.transactionHashes = List.copyOf(transactionHashes);
    }

    /** Every hash signed for the transaction in question (the same nonce): at most one can be mined. */
    public List<String> transactionHashes() {
        return transactionHashes;
    }

    /** The latest hash signed. */
    public String transactionHash() {
        return transactionHashes.get(transactionHashes.size() - 1);
    }
}
