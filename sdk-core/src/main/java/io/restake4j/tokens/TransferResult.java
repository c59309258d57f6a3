package io.restake4j.tokens;

import io.restake4j.tx.Execution;
import io.restake4j.tx.OperationResult;
import io.restake4j.units.Amount;

/**
 * A completed token transfer, as its {@code Transfer} event reports it.
 *
 * <pre>{@code
 * TransferResult r = client.tokens().transfer(Amount.parse("5", dusd), bob).send();
 * System.out.println(r.from() + " -> " + r.to() + ": " + r.amount());
 * }</pre>
 */
public final class TransferResult extends OperationResult {

    private final String from;
    private final String to;
    private final Amount amount;

    TransferResult(Execution execution, String from, String to, Amount amount) {
        super(execution);
        this.from = from;
        this.to = to;
        this.amount = amount;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    /** The amount the Transfer event reports. */
    public Amount amount() {
        return amount;
    }

    @Override
    public String toString() {
        return "TransferResult[" + from + " -> " + to + ", " + amount + ", tx " + transactionHashes() + "]";
    }
}
