package io.restake4j.tx;

import java.util.concurrent.CompletableFuture;

/**
 * A write, ready to be previewed or sent: one or more transactions (an approval and a deposit, say)
 * that the user sees as one action. A recipe: building one reads and signs nothing, and every
 * {@code preview()}, {@code send()} or {@code submit()} plans afresh against the chain as it is then (the
 * split of an amount, hints, share counts, permit signatures). Immutable and reusable.
 *
 * <ul>
 *   <li>{@link #preview()} simulates every transaction together against the latest state and signs
 *       nothing;</li>
 *   <li>{@link #send()} simulates first, sends nothing if any step would revert, then signs, sends and
 *       waits for each transaction, and returns the typed result;</li>
 *   <li>{@link #sendAsync()} does the same off the calling thread.</li>
 * </ul>
 *
 * <pre>{@code
 * Operation<TransferResult> transfer = client.tokens().transfer(Amount.parse("10", dusd), bob);
 * System.out.println(transfer.preview());
 * TransferResult result = transfer.withListener(e -> log.info("{}", e)).send();
 * }</pre>
 *
 * @param <R> the result type
 */
public interface Operation<R> {

    /** What the operation does, in words. */
    String description();

    /**
     * Simulates the operation: the steps it would send now, each with its decoded result, logs, gas
     * and fee. Changes nothing.
     *
     * @throws io.restake4j.errors.InvalidInputException when a check fails
     */
    Preview preview();

    /**
     * Simulates, then signs, sends and confirms each step.
     *
     * @throws io.restake4j.errors.InvalidInputException       bad input, found before signing
     * @throws io.restake4j.errors.SimulationRevertedException a step would revert; nothing sent
     * @throws io.restake4j.errors.TransactionRevertedException a step reverted on chain
     * @throws io.restake4j.errors.ChainMismatchException      the node is on another chain
     * @throws io.restake4j.errors.ConfirmationTimeoutException a step was not confirmed in time (it may still be)
     * @throws io.restake4j.errors.OutcomeUnknownException     a step may be on chain: await or resume, never re-send
     * @throws io.restake4j.errors.TransactionReplacedException a step's nonce was used by another transaction
     * @throws io.restake4j.errors.ResultUnavailableException  everything was mined, the result could not be read
     * @throws io.restake4j.errors.RpcException                the node could not be reached
     * Every exception from here carries a {@link io.restake4j.errors.SendOutcome} (which steps were sent, their
     * hashes and receipts); only one that says nothing was sent is {@code isRetryable()}.
     */
    R send();

    /** {@link #send()} on the client's executor. */
    CompletableFuture<R> sendAsync();

    /**
     * Simulates, signs and hands the transactions to the node, and returns without waiting for them to be
     * mined: await the returned handle for the result. Fails as {@link #send()} does when nothing was sent.
     */
    PendingOperation<R> submit();

    /**
     * Continues this operation from a failed send: awaits the transactions the outcome lists as sent or pending
     * (never signing them again), then sends the steps that were not sent, and returns the typed result. For an
     * outcome that is final (reverted, replaced) it throws the same way again.
     *
     * <pre>{@code
     * catch (OutcomeUnknownException e) { result = deposit.resume(e.outcome().orElseThrow()); }
     * }</pre>
     */
    R resume(io.restake4j.errors.SendOutcome outcome);

    /**
     * Continues this operation from transactions already sent for it, e.g. after a restart, from the hashes a
     * listener saw at {@link OperationEvent.Stage#SIGNED}: awaits each, then sends the remaining steps. The hashes
     * must be the operation's first steps, in order; several hashes at one nonce (a speed-up) count as one step.
     */
    R resume(java.util.List<String> transactionHashes);

    /** The same operation, reporting its progress to {@code listener} as well. */
    Operation<R> withListener(OperationListener listener);
}
