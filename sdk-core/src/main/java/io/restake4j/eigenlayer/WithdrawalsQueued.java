package io.restake4j.eigenlayer;

import java.util.List;

import io.restake4j.tx.Execution;
import io.restake4j.tx.OperationResult;

/**
 * Withdrawals a transaction queued (by {@code queueWithdrawals}, {@code undelegate} or {@code redelegate}),
 * read from its {@code SlashingWithdrawalQueued} events: everything needed to complete them later.
 *
 * <pre>{@code
 * WithdrawalsQueued q = client.eigenLayer().withdrawals().queueAll(strategy).send();
 * PendingWithdrawal w = q.withdrawals().get(0);
 * }</pre>
 */
public final class WithdrawalsQueued extends OperationResult {

    private final List<PendingWithdrawal> withdrawals;

    WithdrawalsQueued(Execution execution, List<PendingWithdrawal> withdrawals) {
        super(execution);
        this.withdrawals = List.copyOf(withdrawals);
    }

    public List<PendingWithdrawal> withdrawals() {
        return withdrawals;
    }

    @Override
    public String toString() {
        return "WithdrawalsQueued[" + withdrawals.stream().map(PendingWithdrawal::root).toList() + ", tx "
                + transactionHashes() + "]";
    }
}
