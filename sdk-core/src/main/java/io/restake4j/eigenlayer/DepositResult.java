package io.restake4j.eigenlayer;

import io.restake4j.tx.Execution;
import io.restake4j.tx.OperationResult;
import io.restake4j.units.Amount;
import io.restake4j.units.Shares;

/**
 * A completed EigenLayer deposit: the strategy, the amount pulled, and the deposit shares the
 * StrategyManager credited (from its {@code Deposit} event).
 *
 * <pre>{@code
 * DepositResult d = client.eigenLayer().deposit(Amount.parse("10", stEth)).send();
 * System.out.println(d.shares());   // e.g. "10000000000000000000 EigenLayer stETH strategy shares"
 * }</pre>
 */
public final class DepositResult extends OperationResult {

    private final String staker;
    private final String strategy;
    private final Amount amount;
    private final Shares shares;

    DepositResult(Execution execution, String staker, String strategy, Amount amount, Shares shares) {
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

    /**
     * Deposit shares minted (the {@code Deposit} event's {@code shares}), in the strategy's unit, e.g.
     * {@code "EigenLayer stETH strategy shares"} (see {@link Position}).
     */
    public Shares shares() {
        return shares;
    }

    @Override
    public String toString() {
        return "DepositResult[" + amount + " -> " + shares + " (" + strategy + ")" + ", tx " + transactionHashes() + "]";
    }
}
