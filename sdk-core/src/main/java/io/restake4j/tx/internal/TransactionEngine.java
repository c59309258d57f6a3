package io.restake4j.tx.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

import io.restake4j.tx.OperationListener;
import io.restake4j.tx.Plan;
import io.restake4j.tx.Preview;

/**
 * What an operation needs of the client's transaction machinery: simulate a plan, run it, hand it over and
 * return, or continue it from transactions already sent. {@link Pipeline} is the implementation; protocol
 * packages never see either, only the operations a {@code ProtocolContext} makes.
 */
public interface TransactionEngine {

    /** Simulates and prices a plan; signs nothing. */
    Preview preview(Plan<?> plan);

    /** Runs a plan to the end: admitted, sent, mined, mapped. */
    <R> R execute(Plan<R> plan, io.restake4j.tx.OperationListener listener);

    /** Admits a plan and returns once its transactions are with the node. */
    <R> Pipeline.PendingRun<R> submit(Plan<R> plan, OperationListener listener);

    /** Continues a plan from transactions already sent for it. */
    <R> R resume(Plan<R> plan, List<String> hashes, OperationListener listener, Duration timeout);

    /** Where asynchronous sends run. */
    Executor executor();

    /** How long a send waits for its receipts by default. */
    Duration receiptTimeout();

    /** Checks once (then remembers) that the node is on the configured chain; throws ChainMismatchException if not. */
    void verifyChain();
}
