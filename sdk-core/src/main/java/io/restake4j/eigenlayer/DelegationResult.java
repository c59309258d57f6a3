package io.restake4j.eigenlayer;

import io.restake4j.tx.Execution;
import io.restake4j.tx.OperationResult;

/**
 * A completed delegation: the staker is now delegated to the operator (from {@code StakerDelegated}).
 *
 * <pre>{@code
 * DelegationResult r = client.eigenLayer().delegateTo(operator).send();
 * }</pre>
 */
public final class DelegationResult extends OperationResult {

    private final String staker;
    private final String operator;

    DelegationResult(Execution execution, String staker, String operator) {
        super(execution);
        this.staker = staker;
        this.operator = operator;
    }

    public String staker() {
        return staker;
    }

    public String operator() {
        return operator;
    }

    @Override
    public String toString() {
        return "DelegationResult[" + staker + " -> " + operator + ", tx " + transactionHashes() + "]";
    }
}
