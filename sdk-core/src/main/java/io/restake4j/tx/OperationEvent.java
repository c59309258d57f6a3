package io.restake4j.tx;

import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.restake4j.errors.RestakeException;

/**
 * One moment in an operation's life. Fields that do not apply to the stage are {@code null}
 * ({@code stepIndex} is -1 for operation-wide stages).
 *
 * <pre>{@code
 * listener = e -> { if (e.stage() == OperationEvent.Stage.SENT) audit(e.transactionHash()); };
 * }</pre>
 *
 * @param stage           what happened
 * @param stepIndex       zero-based step, or -1
 * @param step            the step, or null
 * @param transactionHash from SIGNED on
 * @param receipt         from MINED on
 * @param preview         for SIMULATED
 * @param error           for FAILED
 */
public record OperationEvent(Stage stage, int stepIndex, Step step, String transactionHash, TransactionReceipt receipt,
        Preview preview, RestakeException error) {

    /** The stages, in order. */
    public enum Stage {
        /** All steps were simulated together (once per operation). */
        SIMULATED,
        /** A step's transaction was signed (its hash is known). */
        SIGNED,
        /** The node accepted the transaction. */
        SENT,
        /** The transaction is in a block. */
        MINED,
        /** The transaction has the configured number of confirmations. */
        CONFIRMED,
        /** The operation failed; {@link #error()} says why. */
        FAILED
    }

    @Override
    public String toString() {
        return stage + (stepIndex >= 0 ? " step " + (stepIndex + 1) + " (" + step.description() + ")" : "")
                + (transactionHash != null ? " " + transactionHash : "")
                + (error != null ? ": " + error.getMessage() : "");
    }
}
