package io.restake4j.exits;

import java.time.Duration;
import java.util.List;

import io.restake4j.tx.Operation;
import io.restake4j.tx.OperationResult;
import io.restake4j.units.Amount;

/**
 * A protocol's exits, in one vocabulary: request, list, look up, claim, claim everything ready, and wait. Every
 * method that returns an {@link Operation} reads nothing until it runs; every list is read from the chain at the
 * call.
 *
 * <pre>{@code
 * LidoWithdrawals queue = client.lido().withdrawals();
 * queue.request(Amount.parse("1", client.lido().stETH())).send();
 * LiquidWithdrawal first = queue.pending().get(0);
 * queue.claim(queue.awaitClaimable(first, Duration.ofHours(24))).send();
 * }</pre>
 *
 * @param <W> the protocol's withdrawal type
 * @param <R> what a request returns
 * @param <C> what a claim returns
 */
public interface WithdrawalQueue<W extends Withdrawal, R extends OperationResult, C extends OperationResult> {

    /** Requests (queues) the withdrawal of {@code amount} for the client account. */
    Operation<R> request(Amount amount);

    /** The client account's withdrawals not claimed yet, pending and claimable. */
    List<W> pending();

    /** {@code owner}'s withdrawals not claimed yet. */
    List<W> pending(String owner);

    /**
     * One withdrawal by the protocol's id ({@link Withdrawal#id()}), read afresh; claimed ones included where the
     * protocol still knows them.
     *
     * @throws io.restake4j.errors.InvalidInputException when the protocol knows no such withdrawal
     */
    W byId(String id);

    /** Claims (completes) these withdrawals, in as few transactions as the protocol allows. */
    Operation<C> claim(List<W> withdrawals);

    /** Claims one withdrawal. */
    default Operation<C> claim(W withdrawal) {
        return claim(List.of(withdrawal));
    }

    /** Claims every withdrawal of the client account that is claimable when the operation runs; refused when none is. */
    Operation<C> claimAllReady();

    /**
     * Blocks until {@code withdrawal} is claimable and returns it read afresh, polling at the client's poll interval.
     *
     * @throws io.restake4j.errors.WaitTimeoutException when {@code timeout} passes first
     */
    W awaitClaimable(W withdrawal, Duration timeout);
}
