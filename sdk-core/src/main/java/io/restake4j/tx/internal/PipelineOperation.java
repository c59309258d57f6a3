package io.restake4j.tx.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import io.restake4j.tx.Operation;
import io.restake4j.tx.OperationListener;
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
        return pipeline.execute(plan, event -> listeners.forEach(l -> l.onEvent(event)));
    }

    @Override
    public CompletableFuture<R> sendAsync() {
        return CompletableFuture.supplyAsync(this::send, pipeline.executor());
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
