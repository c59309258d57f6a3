package io.restake4j.tx;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An operation whose transactions were handed to the node and are not yet known to be mined: returned by
 * {@link Operation#submit()}. Await it (now or later, on any thread) for the typed result. Keep its
 * {@link #transactionHashes()} if the process may stop meanwhile: {@link Operation#resume(List)} continues
 * from them in a new client.
 *
 * <pre>{@code
 * PendingOperation<DepositResult> pending = client.eigenLayer().deposit(amount).submit();
 * journal.save(pending.transactionHashes());
 * DepositResult result = pending.await();
 * }</pre>
 *
 * @param <R> the operation's result type
 */
public interface PendingOperation<R> {

    /** The transactions handed to the node, one per step sent, in order. */
    List<String> transactionHashes();

    /** The simulation the transactions were signed after. */
    Preview preview();

    /**
     * Waits for every transaction (up to the client's receipt timeout) and returns the typed result.
     *
     * @throws io.restake4j.errors.RestakeException with its {@link io.restake4j.errors.SendOutcome}, as
     *         {@link Operation#send()} does
     */
    R await();

    /** {@link #await()} with a timeout of your own. */
    R await(Duration timeout);

    /** {@link #await()} on the client's executor. */
    CompletableFuture<R> toCompletableFuture();
}
