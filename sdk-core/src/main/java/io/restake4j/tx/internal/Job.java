package io.restake4j.tx.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.restake4j.errors.RestakeException;
import io.restake4j.tx.CheckResults;
import io.restake4j.tx.OperationListener;
import io.restake4j.tx.Plan;
import io.restake4j.tx.Preview;
import io.restake4j.tx.Step;

/**
 * One operation on its way through the sequencer: the plan, what its simulation decided, and the
 * transactions it handed to the node. Confined to the sequencer's thread until {@link #admitted} completes;
 * read-only afterwards.
 */
final class Job {

    final Plan<?> plan;
    final OperationListener listener;
    /** Completed (with this job) once every step was handed to the node, or the job stopped before that. */
    final CompletableFuture<Job> admitted = new CompletableFuture<>();
    /** How often the job went back into the queue because another job's send failed before it. */
    int requeues;

    // Decided by the simulation:
    List<Step> current;
    CheckResults checks;
    List<Simulator.Outcome> outcomes;
    Preview preview;

    /** One per step handed to the node (accepted, or maybe delivered), in step order. */
    final List<InFlight> slots = new ArrayList<>();
    /** Why the job stopped before all its steps were handed over (the step at {@code slots.size()}); null if it did not. */
    RestakeException failure;

    Job(Plan<?> plan, OperationListener listener) {
        this.plan = plan;
        this.listener = listener;
        this.current = plan.steps().stream().map(Plan.PlannedStep::step).toList();
    }

    /** Back to the simulation's starting point (before a requeue). */
    void reset() {
        current = plan.steps().stream().map(Plan.PlannedStep::step).toList();
        checks = null;
        outcomes = null;
        preview = null;
        slots.clear();
        failure = null;
    }
}
