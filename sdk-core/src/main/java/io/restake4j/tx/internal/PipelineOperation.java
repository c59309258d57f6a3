package io.restake4j.tx.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import io.restake4j.errors.InvalidInputException;
import io.restake4j.errors.SendOutcome;
import io.restake4j.tx.Operation;
import io.restake4j.tx.OperationListener;
import io.restake4j.tx.PendingOperation;
import io.restake4j.tx.Plan;
import io.restake4j.tx.Preview;

/** An {@link Operation} backed by a {@link Plan} and the client's {@link Pipeline}. Immutable. */
public final class PipelineOperation<R> implements Operation<R> {

    private final Pipeline pipeline;
    private final Plan<R> plan;
    private final List<OperationListener> listeners;

    public PipelineOperation(Pipeline pipeline, Plan<R> plan) {
        this(pipeline, plan, List.of());
    }

    private PipelineOperation(Pipeline pipeline, Plan<R> plan, List<OperationListener> listeners) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public String description() {
        return plan.description();
    }

    @Override
    public Preview preview() {
        return pipeline.preview(plan);
    }

    @Override
    public R send() {
        return pipeline.execute(plan, listener());
    }

    @Override
    public CompletableFuture<R> sendAsync() {
        return CompletableFuture.supplyAsync(this::send, pipeline.executor());
    }

    @Override
    public PendingOperation<R> submit() {
        Pipeline.PendingRun<R> run = pipeline.submit(plan, listener());
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
                return run.await(pipeline.config().receiptTimeout());
            }

            @Override
            public R await(Duration timeout) {
                return run.await(Objects.requireNonNull(timeout, "timeout"));
            }

            @Override
            public CompletableFuture<R> toCompletableFuture() {
                return CompletableFuture.supplyAsync(this::await, pipeline.executor());
            }

            @Override
            public String toString() {
                return "PendingOperation[" + plan.description() + ", " + run.transactionHashes() + "]";
            }
        };
    }

    @Override
    public R resume(SendOutcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        if (!outcome.operation().equals(plan.description())) {
            throw new InvalidInputException("the outcome is of '" + outcome.operation() + "', not of '" + plan.description()
                    + "'");
        }
        List<String> hashes = new ArrayList<>();
        for (SendOutcome.StepRecord s : outcome.steps()) {
            if (s.status() == SendOutcome.StepStatus.NOT_SENT) {
                continue; // nothing of it can be on chain
            }
            hashes.addAll(s.receipt() != null ? List.of(s.receipt().getTransactionHash()) : s.hashes());
        }
        return resume(hashes);
    }

    @Override
    public R resume(List<String> transactionHashes) {
        return pipeline.resume(plan, List.copyOf(transactionHashes), listener(), pipeline.config().receiptTimeout());
    }

    private OperationListener listener() {
        return event -> listeners.forEach(l -> l.onEvent(event));
    }

    @Override
    public Operation<R> withListener(OperationListener listener) {
        List<OperationListener> more = new ArrayList<>(listeners);
        more.add(Objects.requireNonNull(listener, "listener"));
        return new PipelineOperation<>(pipeline, plan, more);
    }

    @Override
    public String toString() {
        return "Operation[" + plan.description() + ", " + plan.steps().size() + " step(s)]";
    }
}
