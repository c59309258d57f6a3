package io.restake4j.eigenlayer;

import java.util.Objects;

import io.restake4j.tx.Execution;
import io.restake4j.tx.OperationResult;

/**
 * The result of creating an EigenPod or staking through one: the pod's address, whether this run deployed it
 * ({@code PodDeployed}), and the receipts.
 *
 * <pre>{@code
 * PodResult r = client.eigenLayer().pods().create().send();
 * System.out.println("pod " + r.pod() + (r.deployed() ? " (new)" : ""));
 * }</pre>
 */
public final class PodResult extends OperationResult {

    private final String pod;
    private final boolean deployed;

    PodResult(Execution execution, String pod, boolean deployed) {
        super(execution);
        this.pod = Objects.requireNonNull(pod, "pod");
        this.deployed = deployed;
    }

    /** The pod's address. */
    public String pod() {
        return pod;
    }

    /** Whether this operation deployed the pod. */
    public boolean deployed() {
        return deployed;
    }

    @Override
    public String toString() {
        return "PodResult[" + pod + (deployed ? " deployed" : "") + ", tx " + transactionHashes() + "]";
    }
}
