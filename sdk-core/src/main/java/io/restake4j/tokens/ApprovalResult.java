package io.restake4j.tokens;

import io.restake4j.tx.Execution;
import io.restake4j.tx.OperationResult;
import io.restake4j.units.Amount;

/**
 * A completed approval, as its {@code Approval} event reports it.
 *
 * <pre>{@code
 * ApprovalResult r = client.tokens().approve(Amount.parse("5", dusd), vault).send();
 * }</pre>
 */
public final class ApprovalResult extends OperationResult {

    private final String owner;
    private final String spender;
    private final Amount allowance;

    ApprovalResult(Execution execution, String owner, String spender, Amount allowance) {
        super(execution);
        this.owner = owner;
        this.spender = spender;
        this.allowance = allowance;
    }

    public String owner() {
        return owner;
    }

    public String spender() {
        return spender;
    }

    /** The allowance now set. */
    public Amount allowance() {
        return allowance;
    }

    @Override
    public String toString() {
        return "ApprovalResult[" + owner + " allows " + spender + " " + allowance + "]";
    }
}
