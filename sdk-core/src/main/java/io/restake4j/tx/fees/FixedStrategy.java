package io.restake4j.tx.fees;

import org.web3j.protocol.Web3j;

import io.restake4j.tx.Fees;

/**
 * Always the same fees, without asking the node; made by {@link FeeStrategies#fixed(Fees)}.
 *
 * <pre>{@code
 * FeeStrategy fixed = FeeStrategies.fixed(new Fees.Legacy(FeeStrategies.gwei(20)));
 * }</pre>
 */
record FixedStrategy(Fees fees) implements FeeStrategy {

    @Override
    public Fees fees(Web3j web3j) {
        return fees;
    }

    @Override
    public String toString() {
        return "FeeStrategies.fixed[" + fees + "]";
    }
}
