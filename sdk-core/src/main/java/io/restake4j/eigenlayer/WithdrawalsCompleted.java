package io.restake4j.eigenlayer;

import io.restake4j.units.Amount;
import io.restake4j.units.Token;

import java.util.List;

import io.restake4j.tx.Execution;
import io.restake4j.tx.OperationResult;

/**
 * Completed withdrawals: their roots (from {@code SlashingWithdrawalCompleted}) and, when paid as
 * tokens, the amount of each token the staker received (from the tokens' {@code Transfer} events).
 *
 * <pre>{@code
 * WithdrawalsCompleted done = client.eigenLayer().withdrawals().complete(w, ReceiveAs.TOKENS).send();
 * Amount got = done.received(stEth);
 * }</pre>
 */
public final class WithdrawalsCompleted extends OperationResult {

    private final List<String> roots;
    private final List<Amount> received;

    WithdrawalsCompleted(Execution execution, List<String> roots, List<Amount> received) {
        super(execution);
        this.roots = List.copyOf(roots);
        this.received = List.copyOf(received);
    }

    public List<String> roots() {
        return roots;
    }

    /** What the staker received, one amount per token paid; empty when paid as shares. */
    public List<Amount> received() {
        return received;
    }

    /** What the staker received in {@code token} (zero when none). */
    public Amount received(Token token) {
        return received.stream().filter(a -> a.token().equals(token)).findFirst().orElse(Amount.zero(token));
    }

    @Override
    public String toString() {
        return "WithdrawalsCompleted[" + roots + ", received " + received + ", tx " + transactionHashes() + "]";
    }
}
