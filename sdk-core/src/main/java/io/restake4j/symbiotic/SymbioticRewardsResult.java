package io.restake4j.symbiotic;

import java.math.BigInteger;
import java.util.Objects;

import io.restake4j.tx.Execution;
import io.restake4j.tx.OperationResult;
import io.restake4j.units.Amount;

/**
 * The outcome of a staker rewards claim: the amount paid ({@code ClaimRewards}) and how many distributions the
 * claim went through (the cursor moves over all of them, even those worth 0 to the account).
 *
 * <pre>{@code
 * SymbioticRewardsResult r = rewards.claim(token, network).send();
 * System.out.println(r.amount() + " over " + r.distributions() + " distribution(s)");
 * }</pre>
 */
public final class SymbioticRewardsResult extends OperationResult {

    private final Amount amount;
    private final BigInteger distributions;

    SymbioticRewardsResult(Execution execution, Amount amount, BigInteger distributions) {
        super(execution);
        this.amount = Objects.requireNonNull(amount, "amount");
        this.distributions = Objects.requireNonNull(distributions, "distributions");
    }

    /** The rewards paid to the account. */
    public Amount amount() {
        return amount;
    }

    /** The distributions claimed. */
    public BigInteger distributions() {
        return distributions;
    }

    @Override
    public String toString() {
        return "SymbioticRewardsResult[" + amount + " over " + distributions + " distribution(s), " + transactionCount()
                + " transaction(s)]";
    }
}
