package io.restake4j.eigenlayer;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import io.restake4j.tx.Execution;
import io.restake4j.tx.OperationResult;

/**
 * Completed withdrawals: their roots (from {@code SlashingWithdrawalCompleted}) and, when paid as
 * tokens, the wei of each token the staker received (from the tokens' {@code Transfer} events).
 *
 * <pre>{@code
 * WithdrawalsCompleted done = client.eigenLayer().withdrawals().complete(w, ReceiveAs.TOKENS).send();
 * BigInteger got = done.received().get(stEth.address().toLowerCase());
 * }</pre>
 */
public final class WithdrawalsCompleted extends OperationResult {

    private final List<String> roots;
    private final Map<String, BigInteger> received;

    WithdrawalsCompleted(Execution execution, List<String> roots, Map<String, BigInteger> received) {
        super(execution);
        this.roots = List.copyOf(roots);
        this.received = Map.copyOf(received);
    }

    public List<String> roots() {
        return roots;
    }

    /** Token address (lower case) -> wei received by the staker; empty when paid as shares. */
    public Map<String, BigInteger> received() {
        return received;
    }

    @Override
    public String toString() {
        return "WithdrawalsCompleted[" + roots + ", received " + received + ", tx " + transactionHashes() + "]";
    }
}
