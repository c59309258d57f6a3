package io.restake4j.tx.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.errors.RestakeException;
import io.restake4j.errors.SendOutcome;
import io.restake4j.tx.Operation;
import io.restake4j.tx.OperationListener;
import io.restake4j.tx.PendingOperation;
import io.restake4j.tx.Plan;
import io.restake4j.tx.Planner;
import io.restake4j.tx.Preview;

/**
 * An {@link Operation} that writes its {@link Plan} with its {@link Planner} at every run and hands it to the
 * client's {@link TransactionEngine}. Immutable; building one reads and signs nothing.
 *
 * <p>A failed run's outcome remembers the plan it ran, so that {@link #resume(SendOutcome)} continues exactly
 * those steps (a plan written again could differ: a split, hints, a permit); {@link #resume(List)}, which may
 * come after a restart, writes the plan afresh and matches the transactions against its steps.
 */
public final class PipelineOperation<R> implements Operation<R> {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineOperation.class);

    /** The plan each failed run's outcome came from (weak: kept as long as the outcome is). */
    private static final Map<SendOutcome, Plan<?>> PLANS = Collections.synchronizedMap(new WeakHashMap<>());

    private final TransactionEngine engine;
    private final String description;
    private final Planner<R> planner;
    private final List<OperationListener> listeners;

    /** An operation whose plan is written afresh by {@code planner} at every run. */
    public PipelineOperation(TransactionEngine engine, String description, Planner<R> planner) {
        this(engine, description, planner, List.of());
    }

    /** An operation of a plan fixed in advance (a custom plan given to the client). */
    public static <R> PipelineOperation<R> of(TransactionEngine engine, Plan<R> plan) {
        Objects.requireNonNull(plan, "plan");
        return new PipelineOperation<>(engine, plan.description(), new Fixed<>(plan), List.of());
    }

    private PipelineOperation(TransactionEngine engine, String description, Planner<R> planner,
            List<OperationListener> listeners) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.description = Objects.requireNonNull(description, "description");
        this.planner = Objects.requireNonNull(planner, "planner");
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public String description() {
        return description;
    }

    /** Writes the plan for this run; a refusal fails the run as not sent. */
    private Plan<R> plan() {
        if (planner instanceof Fixed<R> fixed) {
            return fixed.plan;
        }
        Plan.Builder<R> builder = Plan.builder(description);
        try {
            planner.plan(builder);
            return builder.build();
        } catch (RestakeException e) {
            if (e.outcome().isEmpty()) {
                e.withOutcome(new SendOutcome(SendOutcome.State.NOT_SENT, description, List.of(), 0));
            }
            throw e;
        }
    }

    @Override
    public Preview preview() {
        return engine.preview(plan());
    }

    @Override
    public R send() {
        Plan<R> plan = plan();
        return remembering(plan, () -> engine.execute(plan, listener()));
    }

    @Override
    public CompletableFuture<R> sendAsync() {
        return CompletableFuture.supplyAsync(this::send, engine.executor());
    }

    @Override
    public PendingOperation<R> submit() {
        Plan<R> plan = plan();
        Pipeline.PendingRun<R> run = remembering(plan, () -> engine.submit(plan, listener()));
        return new PendingOperation<>() {
            @Override
            public List<String> transactionHashes() {
                return run.transactionHashes();
            }

            @Override
            public Preview preview() {
                return run.preview();
            }

            @Override
            public R await() {
                return remembering(plan, () -> run.await(engine.receiptTimeout()));
            }

            @Override
            public R await(Duration timeout) {
                Objects.requireNonNull(timeout, "timeout");
                return remembering(plan, () -> run.await(timeout));
            }

            @Override
            public CompletableFuture<R> toCompletableFuture() {
                return CompletableFuture.supplyAsync(this::await, engine.executor());
            }

            @Override
            public String toString() {
                return "PendingOperation[" + description + ", " + run.transactionHashes() + "]";
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public R resume(SendOutcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        if (!outcome.operation().equals(description)) {
            throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "the outcome is of '" + outcome.operation() + "', not of '" + description + "'");
        }
        List<String> hashes = new ArrayList<>();
        for (SendOutcome.StepRecord s : outcome.steps()) {
            if (s.status() == SendOutcome.StepStatus.NOT_SENT) {
                continue; // nothing of it can be on chain
            }
            hashes.addAll(s.receipt() != null ? List.of(s.receipt().getTransactionHash()) : s.hashes());
        }
        Plan<?> ran = PLANS.get(outcome);
        Plan<R> plan = ran != null ? (Plan<R>) ran : plan();
        return resume(plan, hashes);
    }

    @Override
    public R resume(List<String> transactionHashes) {
        return resume(plan(), List.copyOf(transactionHashes));
    }

    private R resume(Plan<R> plan, List<String> hashes) {
        return remembering(plan, () -> engine.resume(plan, hashes, listener(), engine.receiptTimeout()));
    }

    /** Runs {@code run}; a failure's outcome remembers {@code plan}, for {@link #resume(SendOutcome)}. */
    private static <T> T remembering(Plan<?> plan, Supplier<T> run) {
        try {
            return run.get();
        } catch (RestakeException e) {
            e.outcome().ifPresent(o -> PLANS.put(o, plan));
            throw e;
        }
    }

    /** Every listener hears every event, whatever another one throws. */
    private OperationListener listener() {
        List<OperationListener> all = listeners;
        return event -> {
            for (OperationListener l : all) {
                try {
                    l.onEvent(event);
                } catch (RuntimeException e) {
                    LOG.warn("operation listener {} threw on {}; the others still hear it", l, event.stage(), e);
                }
            }
        };
    }

    @Override
    public Operation<R> withListener(OperationListener listener) {
        List<OperationListener> more = new ArrayList<>(listeners);
        more.add(Objects.requireNonNull(listener, "listener"));
        return new PipelineOperation<>(engine, description, planner, more);
    }

    @Override
    public String toString() {
        return "Operation[" + description + "]";
    }

    /** A plan given whole, used as it is at every run. */
    private record Fixed<R>(Plan<R> plan) implements Planner<R> {
        @Override
        public void plan(Plan.Builder<R> builder) {
            throw new IllegalStateException("a fixed plan is not written again");
        }
    }
}
