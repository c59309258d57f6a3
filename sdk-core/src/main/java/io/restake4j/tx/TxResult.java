package io.restake4j.tx;

/**
 * The result of a write whose only outcome is that its transactions were mined: their receipts, gas and fees.
 *
 * <pre>{@code
 * TxResult r = client.eigenLayer().rewards().setClaimer(claimer).send();
 * System.out.println(r.transactionHashes() + " cost " + r.feesPaidWei() + " wei");
 * }</pre>
 */
public final class TxResult extends OperationResult {

    /** For protocol packages: the run's execution. */
    public TxResult(Execution execution) {
        super(execution);
    }

    @Override
    public String toString() {
        return "TxResult[tx " + transactionHashes() + "]";
    }
}
