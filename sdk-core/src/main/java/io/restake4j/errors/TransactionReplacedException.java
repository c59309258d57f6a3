package io.restake4j.errors;

import java.math.BigInteger;
import java.util.List;

/**
 * A transaction can never be mined: its nonce was used by another transaction of the same account (one
 * sent from elsewhere with the same key, or a cancel). Final; nothing of it happened.
 *
 * <pre>{@code
 * catch (TransactionReplacedException e) { log.warn("nonce {} was taken by {}", e.nonce(), e.replacedBy()); }
 * }</pre>
 */
public class TransactionReplacedException extends RestakeException {

    private static final long serialVersionUID = 1L;

    private final BigInteger nonce;
    private final List<String> transactionHashes;
    private final String replacedBy;

    public TransactionReplacedException(BigInteger nonce, List<String> transactionHashes, String replacedBy) {
        super("nonce " + nonce + " was used by another transaction" + (replacedBy == null ? "" : " (" + replacedBy + ")")
                + ": " + String.join(" | ", transactionHashes) + " can never be mined");
        this.nonce = nonce;
        this.transactionHashes = List.copyOf(transactionHashes);
        this.replacedBy = replacedBy;
    }

    public BigInteger nonce() {
        return nonce;
    }

    /** The hashes signed at that nonce by this client, none of which was mined. */
    public List<String> transactionHashes() {
        return transactionHashes;
    }

    /** The hash of the transaction that used the nonce, when known (null otherwise). */
    public String replacedBy() {
        return replacedBy;
    }
}
