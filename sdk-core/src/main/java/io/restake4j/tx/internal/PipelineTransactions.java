package io.restake4j.tx.internal;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.tx.Transactions;

/** {@link Transactions} on a client's pipeline and its sender. */
public final class PipelineTransactions implements Transactions {

    private final Pipeline pipeline;

    public PipelineTransactions(Pipeline pipeline) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    }

    @Override
    public TransactionReceipt awaitReceipt(String hash) {
        return awaitReceipt(hash, pipeline.config().receiptTimeout());
    }

    @Override
    public TransactionReceipt awaitReceipt(String hash, Duration timeout) {
        return pipeline.awaitReceipt(requireHash(hash), Objects.requireNonNull(timeout, "timeout"));
    }

    @Override
    public String speedUp(String hash) {
        return sequencer().speedUp(requireHash(hash));
    }

    @Override
    public String cancel(String hash) {
        return sequencer().cancel(requireHash(hash));
    }

    @Override
    public List<String> pending() {
        return pipeline.sequencer() == null ? List.of() : sequencer().pendingHashes();
    }

    private Sequencer sequencer() {
        if (pipeline.sequencer() == null) {
            throw new InvalidInputException(ErrorCode.NO_SIGNER, "this client has no signer: it has no transactions of its own");
        }
        return pipeline.sequencer();
    }

    private static String requireHash(String hash) {
        if (hash == null || !hash.matches("0x[0-9a-fA-F]{64}")) {
            throw new InvalidInputException(ErrorCode.MALFORMED_BYTES, "not a transaction hash (0x + 64 hex digits): " + hash);
        }
        return hash;
    }
}
