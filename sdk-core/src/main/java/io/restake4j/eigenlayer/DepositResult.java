package io.restake4j.eigenlayer;

import java.math.BigInteger;

import io.restake4j.tx.Execution;
import io.restake4j.tx.OperationResult;
import io.restake4j.units.Amount;

/**
 * A completed EigenLayer deposit: the strategy, the amount pulled, and the deposit shares the
 * StrategyManager credited (from its {@code Deposit} event).
 *
 * <pre>{@code
 * DepositResult d = client.eigenLayer().deposit(Amount.parse("10", stEth)).send();
 * System.out.println(d.shares() + " shares of " + d.strategy());
 * }</pre>
 */
public final class DepositResult extends OperationResult {

    private final String staker;
    private final String strategy;
    private final Amount amount;
    private final BigInteger shares;

    DepositResult(Execution execution, String staker, String strategy, Amount amount, BigInteger shares) {
        super(execution);
        this.staker = staker;
        this.strategy = strategy;
        this.amount = amount;
        this.shares = shares;
    }

    /** Who the shares were credited to. */
    public String staker() {
        return staker;
    }

    public String strategy() {
        return strategy;
    }

    /** The token amount deposited. */
    public Amount amount() {
        return amount;
    }

    /** Deposit shares minted (the {@code Deposit} event's {@code shares}). */
    public BigInteger shares() {
        return shares;
    }

    @Override
    public String toString() {
        return "DepositResult[" + amount + " -> " + shares + " shares of " + strategy + ", tx " + transactionHashes() + "]";
    }
}
