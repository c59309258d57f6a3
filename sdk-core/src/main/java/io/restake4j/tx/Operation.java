package io.restake4j.tx;

import java.util.concurrent.CompletableFuture;

/**
 * A write, ready to be previewed or sent: one or more transactions (an approval and a deposit, say)
 * that the user sees as one action. Immutable and reusable: every {@code preview()} or {@code send()}
 * reads the chain afresh.
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
     * @throws io.restake4j.errors.ConfirmationTimeoutException a step was not confirmed in time
     * @throws io.restake4j.errors.RpcException                the node could not be reached
     */
    R send();

    /** {@link #send()} on the client's executor. */
    CompletableFuture<R> sendAsync();

    /** The same operation, reporting its progress to {@code listener} as well. */
    Operation<R> withListener(OperationListener listener);
}
