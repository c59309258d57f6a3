package io.restake4j.tx;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.restake4j.errors.InvalidInputException;
import io.restake4j.tx.internal.Pipeline;

/**
 * This client's transactions by hash: await one, speed it up, cancel it, list those still pending. Only
 * the client that signed a transaction can replace it; any client can await any hash.
 *
 * <pre>{@code
 * String hash = e.outcome().orElseThrow().pendingHashes().get(0);
 * String faster = client.transactions().speedUp(hash);           // same nonce, fees +12.5%
 * TransactionReceipt receipt = client.transactions().awaitReceipt(hash, Duration.ofMinutes(5));
 * }</pre>
 * Awaiting a hash that was sped up or cancelled returns whichever of them was mined (a cancel that won ends
 * in a {@link io.restake4j.errors.TransactionReplacedException}).
 */
public final class Transactions {

    private final Pipeline pipeline;

    /** For the client: the transactions of its pipeline. */
    public Transactions(Pipeline pipeline) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    }

    /** Waits up to the client's receipt timeout for {@code hash} (or a replacement this client signed) to be mined. */
    public TransactionReceipt awaitReceipt(String hash) {
        return awaitReceipt(hash, pipeline.config().receiptTimeout());
    }

    /**
     * Waits for {@code hash} to be mined. The receipt may show a revert ({@code isStatusOK()} false).
     *
     * @throws io.restake4j.errors.ConfirmationTimeoutException not mined in time (it may still be)
     * @throws io.restake4j.errors.TransactionReplacedException its nonce was used by another transaction
     */
    public TransactionReceipt awaitReceipt(String hash, Duration timeout) {
        return pipeline.awaitReceipt(requireHash(hash), Objects.requireNonNull(timeout, "timeout"));
    }

    /** Signs {@code hash}'s transaction again at its nonce with fees raised by 12.5%; returns the new hash. */
    public String speedUp(String hash) {
        return sequencer().speedUp(requireHash(hash));
    }

    /**
     * Replaces {@code hash}'s transaction with a zero-value transfer to this account at the same nonce and with
     * raised fees; returns the cancel's hash. Whichever is mined first, the other never is.
     */
    public String cancel(String hash) {
        return sequencer().cancel(requireHash(hash));
    }

    /** The hashes of this client's transactions not yet mined (the latest signed at each nonce). */
    public List<String> pending() {
        return pipeline.sequencer() == null ? List.of() : sequencer().pendingHashes();
    }

    private io.restake4j.tx.internal.Sequencer sequencer() {
        if (pipeline.sequencer() == null) {
            throw new InvalidInputException("this client has no signer: it has no transactions of its own");
        }
        return pipeline.sequencer();
    }

    private static String requireHash(String hash) {
        if (hash == null || !hash.matches("0x[0-9a-fA-F]{64}")) {
            throw new InvalidInputException("not a transaction hash (0x + 64 hex digits): " + hash);
        }
        return hash;
    }
}
