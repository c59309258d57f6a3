package io.restake4j.lido;

import java.math.BigInteger;
import java.util.List;

import io.restake4j.tx.Execution;
import io.restake4j.tx.OperationResult;
import io.restake4j.units.Amount;

/**
 * The outcome of a Lido write, as its events report it: the token amount and shares moved (stake,
 * wrap, unwrap), the withdrawal request ids created, or the ether claimed.
 *
 * <pre>{@code
 * LidoResult staked = client.lido().stake(Amount.parse("1", Token.ETH)).send();
 * System.out.println(staked.shares() + " shares, " + staked.amount());       // e.g. "1 stETH"
 * }</pre>
 */
public final class LidoResult extends OperationResult {

    private final Amount amount;
    private final BigInteger shares;
    private final List<BigInteger> requestIds;

    LidoResult(Execution execution, Amount amount, BigInteger shares, List<BigInteger> requestIds) {
        super(execution);
        this.amount = amount;
        this.shares = shares;
        this.requestIds = List.copyOf(requestIds);
    }

    /**
     * What the operation produced, in its own token: stETH for a stake or an unwrap, wstETH for a wrap,
     * stETH requested for a withdrawal request, ETH for a claim.
     */
    public Amount amount() {
        return amount;
    }

    /** stETH shares credited (stake) or moved (wrap, unwrap); zero where no shares moved. */
    public BigInteger shares() {
        return shares;
    }

    /** Withdrawal request ids created (requests only), ascending. */
    public List<BigInteger> requestIds() {
        return requestIds;
    }

    @Override
    public String toString() {
        return "LidoResult[amount " + amount + ", shares " + shares + (requestIds.isEmpty() ? "" : ", requests " + requestIds)
                + ", tx " + transactionHashes() + "]";
    }
}
