package io.restake4j.errors;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * What is known about an operation that did not finish: its {@link State state} and, per step, whether it
 * was sent, under which nonce and hashes, and its receipt if mined. Every exception that leaves
 * {@code Operation.send()} carries one ({@link RestakeException#outcome()}). Immutable.
 *
 * <pre>{@code
 * try {
 *     deposit.send();
 * } catch (RestakeException e) {
 *     SendOutcome outcome = e.outcome().orElseThrow();
 *     switch (outcome.state()) {
 *         case NOT_SENT -> { if (e.isRetryable()) retryLater(); }       // nothing was broadcast
 *         case UNKNOWN -> deposit.resume(outcome);                       // await, never re-sign
 *         case REVERTED, REPLACED -> alert(e.getMessage());              // final, decoded
 *         case EXECUTED -> audit(outcome.receipts());                    // mined; only the result failed
 *     }
 * }
 * }</pre>
 *
 * @param state     what is known of the operation as a whole
 * @param operation the operation's description
 * @param steps     every step the operation meant to send, in order
 * @param failedStep the zero-based index of the step that failed, or -1 when none did (EXECUTED)
 */
public record SendOutcome(State state, String operation, List<StepRecord> steps, int failedStep) {

    /** What is known of an operation that threw. */
    public enum State {
        /**
         * Nothing of the failed step was broadcast: it is safe to try it again (only when no earlier step was
         * mined is the whole operation safe to send again; otherwise resume it).
         */
        NOT_SENT,
        /**
         * Signed bytes of the failed step may be on chain or in a mempool ({@link StepRecord#hashes()}). Do not
         * sign again: await or resume, which find out.
         */
        UNKNOWN,
        /** The failed step was mined and reverted; {@link RevertException#revert()} says why. Final. */
        REVERTED,
        /** The failed step's nonce was used by another transaction, so it can never be mined. Final. */
        REPLACED,
        /** Every step was mined successfully; only turning the receipts into the result failed. */
        EXECUTED
    }

    /** Where one step got to. */
    public enum StepStatus {
        /** Never broadcast (nothing of it can be on chain). */
        NOT_SENT,
        /** Signed and maybe broadcast: outcome unknown. */
        PENDING,
        /** Mined with status 1. */
        MINED,
        /** Mined with status 0. */
        REVERTED,
        /** Its nonce was used by another transaction. */
        REPLACED
    }

    /**
     * One step of the operation.
     *
     * @param index       zero-based
     * @param description the step's description
     * @param status      where it got to
     * @param nonce       the nonce it was signed with, or null when it was never signed
     * @param hashes      every transaction signed for it (the first, then speed-ups, cancels or re-signs at the
     *                    same nonce); at most one of them can be mined
     * @param receipt     the receipt, when mined
     */
    public record StepRecord(int index, String description, StepStatus status, BigInteger nonce, List<String> hashes,
            TransactionReceipt receipt) {
        public StepRecord {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(status, "status");
            hashes = List.copyOf(hashes);
        }

        /** The hash of the mined transaction, else the latest one signed, else null. */
        public String transactionHash() {
            if (receipt != null) {
                return receipt.getTransactionHash();
            }
            return hashes.isEmpty() ? null : hashes.get(hashes.size() - 1);
        }

        @Override
        public String toString() {
            return "step " + (index + 1) + " (" + description + "): " + status
                    + (nonce != null ? ", nonce " + nonce : "")
                    + (receipt != null ? ", " + receipt.getTransactionHash() + " in block " + receipt.getBlockNumberRaw()
                            : hashes.isEmpty() ? "" : ", " + String.join(" | ", hashes));
        }
    }

    public SendOutcome {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(operation, "operation");
        steps = List.copyOf(steps);
    }

    /** The steps mined successfully, in order. */
    public List<StepRecord> completed() {
        return steps.stream().filter(s -> s.status() == StepStatus.MINED).toList();
    }

    /** The receipts of the steps mined (successfully or not), in order. */
    public List<TransactionReceipt> receipts() {
        List<TransactionReceipt> all = new ArrayList<>();
        steps.forEach(s -> {
            if (s.receipt() != null) {
                all.add(s.receipt());
            }
        });
        return all;
    }

    /** Every hash signed for a step whose outcome is unknown: await these, never sign again. */
    public List<String> pendingHashes() {
        List<String> all = new ArrayList<>();
        steps.stream().filter(s -> s.status() == StepStatus.PENDING).forEach(s -> all.addAll(s.hashes()));
        return all;
    }

    /** Whether anything of the operation was broadcast (or may have been). */
    public boolean anythingSent() {
        return steps.stream().anyMatch(s -> s.status() != StepStatus.NOT_SENT);
    }

    /**
     * The failed step, when there is one (none when every step was mined, or when the operation failed while
     * writing its plan, before it had steps).
     */
    public java.util.Optional<StepRecord> failed() {
        return failedStep < 0 || failedStep >= steps.size() ? java.util.Optional.empty()
                : java.util.Optional.of(steps.get(failedStep));
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(state.name()).append(": ").append(operation);
        for (StepRecord s : steps) {
            b.append("\n  ").append(s);
        }
        return b.toString();
    }
}
