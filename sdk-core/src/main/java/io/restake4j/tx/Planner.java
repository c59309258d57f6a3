package io.restake4j.tx;
import io.restake4j.errors.ErrorCode;

/**
 * Writes an operation's {@link Plan} at the moment it runs: the reads it needs to decide its steps (a
 * request split, checkpoint hints, a share count, a permit's nonce), its {@link Check}s, its {@link Step}s and
 * its result. An {@link Operation} calls it afresh at every {@code preview()}, {@code send()} and
 * {@code submit()}, so what it reads is never older than the run; building the operation calls nothing.
 * Refusals belong here too: an {@link io.restake4j.errors.InvalidInputException} thrown by a planner fails
 * that run with nothing sent.
 *
 * <pre>{@code
 * Operation<TransferResult> sendAll = ctx.operation("send all dUSD to " + bob, plan -> {
 *     BigInteger balance = ctx.reads().readOne(ERC20::load, dusd, e -> e.call_balanceOf(me));   // read at run time
 *     if (balance.signum() == 0) throw new InvalidInputException(ErrorCode.INSUFFICIENT_BALANCE, me + " holds no dUSD");
 *     plan.step(Step.of("transfer all", ERC20::load, dusd, e -> e.call_transfer(bob, balance)))
 *         .result(ex -> new TransferResult(...));
 * });
 * }</pre>
 *
 * @param <R> the operation's result type
 */
@FunctionalInterface
public interface Planner<R> {

    /** Adds checks, steps, quotes and the result mapper to {@code plan} (whose description is the operation's). */
    void plan(Plan.Builder<R> plan);
}
