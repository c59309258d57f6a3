package io.restake4j.tx.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.restake4j.errors.ChainMismatchException;
import io.restake4j.errors.ConfirmationTimeoutException;
import io.restake4j.errors.DecodedRevert;
import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.errors.RestakeException;
import io.restake4j.errors.ResultUnavailableException;
import io.restake4j.errors.RevertDecoder;
import io.restake4j.errors.RpcException;
import io.restake4j.errors.SendOutcome;
import io.restake4j.errors.SimulationRevertedException;
import io.restake4j.errors.TransactionReplacedException;
import io.restake4j.errors.TransactionRevertedException;
import io.restake4j.rpc.TransportFailures;
import io.restake4j.signer.Signer;
import io.restake4j.tx.Check;
import io.restake4j.tx.CheckResults;
import io.restake4j.tx.Execution;
import io.restake4j.tx.FeeBumpPolicy;
import io.restake4j.tx.fees.FeeStrategy;
import io.restake4j.tx.Fees;
import io.restake4j.tx.OperationEvent;
import io.restake4j.tx.OperationListener;
import io.restake4j.tx.Plan;
import io.restake4j.tx.Preview;
import io.restake4j.tx.SimulatedStep;
import io.restake4j.tx.Step;

/**
 * The one place transactions are made: validate, simulate, price, sign, send, await, decode. Every
 * protocol's operations run through here; none of them signs, sends, polls, estimates or counts nonces.
 *
 * <p>Sending is split in two. The client's one {@link Sequencer} admits operations in order: it simulates
 * them (a group of waiting operations in one {@code eth_simulateV1}, each seeing the state the earlier ones
 * leave), gives each operation's steps consecutive nonces, signs and hands them to the node. The calling
 * thread then awaits its receipts from the client's one {@link ReceiptPoller}. No lock is held while a
 * thread waits for the node; an operation's steps are never interleaved with another operation's.
 *
 * <p>Every failure after the simulation says what is known ({@link SendOutcome}): nothing sent, maybe on
 * chain (with the hashes), reverted, replaced, or mined with only the result missing.
 */
public final class Pipeline implements TransactionEngine, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    private static final BigInteger MIN_GAS = BigInteger.valueOf(21_000);
    /** 5/4: the most gas consumed before an EIP-3529 refund, per unit of gas used after it. */
    private static final BigDecimal REFUND_ALLOWANCE = new BigDecimal("1.25");
    /** Attempts at a simulation that failed for a passing reason (a rate limit, a lost answer). */
    static final int SIMULATION_ATTEMPTS = 3;

    /** Everything the pipeline needs, fixed when the client is built. */
    public record Config(Web3j web3j, Web3jService service, long chainId, Signer signer, String readOnlyFrom,
            FeeStrategy feeStrategy, BigDecimal gasMargin, int confirmations, Duration pollInterval,
            Duration receiptTimeout, int broadcastAttempts, Executor executor, RevertDecoder revertDecoder,
            FeeBumpPolicy feeBumpPolicy) {
        public Config {
            Objects.requireNonNull(web3j, "web3j");
            Objects.requireNonNull(feeStrategy, "feeStrategy");
            Objects.requireNonNull(gasMargin, "gasMargin");
            Objects.requireNonNull(executor, "executor");
            Objects.requireNonNull(revertDecoder, "revertDecoder");
            feeBumpPolicy = feeBumpPolicy == null ? FeeBumpPolicy.none() : feeBumpPolicy;
        }
    }

    private final Config config;
    final Simulator simulator;
    private final Sequencer sequencer;
    private volatile boolean chainVerified;

    public Pipeline(Config config) {
        this.config = config;
        this.simulator = new Simulator(config.web3j(), config.service());
        this.sequencer = config.signer() == null ? null : new Sequencer(this, config);
    }

    public Config config() {
        return config;
    }

    /** The account operations act for: the signer's, or the read-only address. */
    public String from() {
        if (config.signer() != null) {
            return config.signer().address();
        }
        if (config.readOnlyFrom() != null) {
            return config.readOnlyFrom();
        }
        throw new InvalidInputException(ErrorCode.NO_SIGNER, "this client has no signer and no account address: build it with .signer(...)"
                + " to send, or .readOnlyAccount(address) to preview");
    }

    @Override
    public Executor executor() {
        return config.executor();
    }

    @Override
    public Duration receiptTimeout() {
        return config.receiptTimeout();
    }

    // ---------------------------------------------------------------- preview

    /** Simulates a plan and prices it; signs nothing. */
    @Override
    public Preview preview(Plan<?> plan) {
        Job job = new Job(plan, null);
        simulateGroup(List.of(job), List.of(), List.of(), false);
        if (job.failure != null) {
            throw job.failure;
        }
        return job.preview;
    }

    // ---------------------------------------------------------------- send

    /** Runs a plan to the end: admitted, sent, mined, mapped. */
    @Override
    public <R> R execute(Plan<R> plan, OperationListener listener) {
        return submit(plan, listener).await(config.receiptTimeout());
    }

    /** Admits a plan and returns once its transactions are with the node (or it failed before that). */
    @Override
    public <R> PendingRun<R> submit(Plan<R> plan, OperationListener listener) {
        try {
            requireSigner();
            Job job = sequencer.admit(plan, listener);
            return new PendingRun<>(this, plan, job, List.of(), List.of());
        } catch (RestakeException e) {
            throw fail(listener, e.outcome().isPresent() ? e : e.withOutcome(notSent(plan, null, -1)));
        }
    }

    /**
     * The handle of a plan whose transactions were handed to the node: await it for the typed result.
     * {@code before}/{@code beforeReceipts} are steps mined before this run (when resuming).
     */
    public static final class PendingRun<R> {
        private final Pipeline pipeline;
        private final Plan<R> plan;
        private final Job job;
        private final List<Step> before;
        private final List<TransactionReceipt> beforeReceipts;

        PendingRun(Pipeline pipeline, Plan<R> plan, Job job, List<Step> before, List<TransactionReceipt> beforeReceipts) {
            this.pipeline = pipeline;
            this.plan = plan;
            this.job = job;
            this.before = before;
            this.beforeReceipts = beforeReceipts;
        }

        /** The hashes handed to the node so far, per step (the latest signed at each nonce). */
        public List<String> transactionHashes() {
            return job.slots.stream().map(s -> s.latest().hash()).toList();
        }

        public Preview preview() {
            return job.preview;
        }

        /** Waits for every step (up to {@code timeout} in all) and maps the result. */
        public R await(Duration timeout) {
            return pipeline.finish(plan, job, before, beforeReceipts, timeout);
        }
    }

    private void requireSigner() {
        if (config.signer() == null) {
            throw new InvalidInputException(ErrorCode.NO_SIGNER, "this client has no signer: it can read and preview, not send");
        }
    }

    /** Awaits the job's transactions, then maps the result; every failure carries its outcome. */
    <R> R finish(Plan<R> plan, Job job, List<Step> before, List<TransactionReceipt> beforeReceipts, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<TransactionReceipt> receipts = new ArrayList<>(beforeReceipts);
        List<InFlight.Resolution> resolutions = new ArrayList<>();
        RestakeException failure = null;
        int failedAt = -1;
        for (int i = 0; i < job.slots.size(); i++) {
            InFlight slot = job.slots.get(i);
            Step step = job.current.get(i);
            InFlight.Resolution r = awaitSlot(slot, failure == null ? deadline : Math.min(deadline, System.nanoTime()
                    + TimeUnit.SECONDS.toNanos(2)));
            resolutions.add(r);
            if (failure != null) {
                continue; // only finding out what became of the later steps, for the outcome
            }
            int index = before.size() + i;
            if (r == null) {
                failure = new ConfirmationTimeoutException(slot.hashes(), timeout);
            } else if (!r.mined()) {
                failure = new TransactionReplacedException(slot.nonce, slot.hashes(), r.replacedBy());
            } else {
                TransactionReceipt receipt = r.receipt();
                emit(job.listener, new OperationEvent(OperationEvent.Stage.MINED, index, step, receipt.getTransactionHash(),
                        receipt, null, null));
                if (!receipt.isStatusOK()) {
                    failure = new TransactionRevertedException(step.description(), receipt, revertOf(step, receipt, slot.gasLimit));
                } else {
                    try {
                        awaitConfirmations(receipt, deadline, timeout);
                    } catch (RestakeException e) {
                        failure = e;
                    }
                    if (failure == null) {
                        receipts.add(receipt);
                        emit(job.listener, new OperationEvent(OperationEvent.Stage.CONFIRMED, index, step,
                                receipt.getTransactionHash(), receipt, null, null));
                    }
                }
            }
            if (failure != null) {
                failedAt = i;
            }
        }
        if (failure == null && job.failure != null) {
            failure = job.failure;
            failedAt = job.slots.size();
        }
        if (failure != null) {
            throw fail(job.listener, failure.withOutcome(outcomeOf(plan, job, before, beforeReceipts, resolutions, failedAt,
                    null)));
        }
        List<Step> steps = new ArrayList<>(before);
        steps.addAll(job.current);
        try {
            return plan.mapper().map(new Execution(job.checks, steps, receipts, job.preview));
        } catch (RuntimeException e) {
            ResultUnavailableException unavailable = new ResultUnavailableException("all " + receipts.size()
                    + " transaction(s) of " + plan.description() + " were mined, but the result could not be read: " + e, e);
            throw fail(job.listener, unavailable.withOutcome(outcomeOf(plan, job, before, beforeReceipts, resolutions, -1,
                    SendOutcome.State.EXECUTED)));
        }
    }

    private static InFlight.Resolution awaitSlot(InFlight slot, long deadlineNanos) {
        try {
            long left = deadlineNanos - System.nanoTime();
            return left <= 0 && !slot.resolved() ? null : slot.resolution.get(Math.max(left, 0), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }

    private SendOutcome outcomeOf(Plan<?> plan, Job job, List<Step> before, List<TransactionReceipt> beforeReceipts,
            List<InFlight.Resolution> resolutions, int failedAt, SendOutcome.State forced) {
        List<SendOutcome.StepRecord> records = minedBefore(before, beforeReceipts);
        List<Step> steps = job.current == null ? List.of() : job.current;
        for (int i = 0; i < steps.size(); i++) {
            int index = before.size() + i;
            String description = steps.get(i).description();
            if (i >= job.slots.size()) {
                records.add(new SendOutcome.StepRecord(index, description, SendOutcome.StepStatus.NOT_SENT, null, List.of(),
                        null));
                continue;
            }
            InFlight slot = job.slots.get(i);
            InFlight.Resolution r = i < resolutions.size() ? resolutions.get(i) : slot.resolution.getNow(null);
            records.add(record(index, description, slot, r));
        }
        int failedIndex = failedAt < 0 ? -1 : before.size() + failedAt;
        SendOutcome.State state = forced != null ? forced : stateOf(failedIndex < 0 || failedIndex >= records.size()
                ? SendOutcome.StepStatus.NOT_SENT : records.get(failedIndex).status());
        return new SendOutcome(state, plan.description(), records, forced == SendOutcome.State.EXECUTED ? -1 : failedIndex);
    }

    /** Where a step got to, from how its nonce ended (null: not known yet). */
    private static SendOutcome.StepStatus statusOf(InFlight.Resolution r) {
        if (r == null) {
            return SendOutcome.StepStatus.PENDING;
        }
        if (!r.mined()) {
            return SendOutcome.StepStatus.REPLACED;
        }
        return r.receipt().isStatusOK() ? SendOutcome.StepStatus.MINED : SendOutcome.StepStatus.REVERTED;
    }

    /** The record of a step sent at {@code slot}, as it ended by {@code r} (null: not known yet). */
    private static SendOutcome.StepRecord record(int index, String description, InFlight slot, InFlight.Resolution r) {
        return new SendOutcome.StepRecord(index, description, statusOf(r), slot.nonce, slot.hashes(),
                r == null ? null : r.receipt());
    }

    /** The records of steps mined before this run (when resuming). */
    private static List<SendOutcome.StepRecord> minedBefore(List<Step> before, List<TransactionReceipt> receipts) {
        List<SendOutcome.StepRecord> records = new ArrayList<>();
        for (int b = 0; b < before.size(); b++) {
            records.add(new SendOutcome.StepRecord(b, before.get(b).description(), SendOutcome.StepStatus.MINED, null,
                    List.of(receipts.get(b).getTransactionHash()), receipts.get(b)));
        }
        return records;
    }

    private static SendOutcome.State stateOf(SendOutcome.StepStatus failed) {
        return switch (failed) {
            case NOT_SENT -> SendOutcome.State.NOT_SENT;
            case PENDING -> SendOutcome.State.UNKNOWN;
            case REVERTED -> SendOutcome.State.REVERTED;
            case REPLACED -> SendOutcome.State.REPLACED;
            case MINED -> SendOutcome.State.UNKNOWN; // mined but not confirmed deeply enough in time
        };
    }

    /** The outcome of a plan none of whose steps was sent. */
    static SendOutcome notSent(Plan<?> plan, List<Step> steps, int failedStep) {
        List<Step> all = steps != null ? steps : plan.steps().stream().map(Plan.PlannedStep::step).toList();
        List<SendOutcome.StepRecord> records = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            records.add(new SendOutcome.StepRecord(i, all.get(i).description(), SendOutcome.StepStatus.NOT_SENT, null,
                    List.of(), null));
        }
        return new SendOutcome(SendOutcome.State.NOT_SENT, plan.description(), records, failedStep < 0 ? 0 : failedStep);
    }

    private void awaitConfirmations(TransactionReceipt receipt, long deadline, Duration timeout) {
        int confirmations = config.confirmations();
        if (confirmations <= 1) {
            return;
        }
        BigInteger target = receipt.getBlockNumber().add(BigInteger.valueOf(confirmations - 1L));
        while (true) {
            try {
                BigInteger now = config.web3j().ethBlockNumber().send().getBlockNumber();
                if (now.compareTo(target) >= 0) {
                    return;
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("eth_blockNumber failed while counting confirmations: {}", TransportFailures.describe(e));
            }
            if (System.nanoTime() > deadline) {
                throw new ConfirmationTimeoutException(List.of(receipt.getTransactionHash()), timeout);
            }
            sleep(config.pollInterval());
        }
    }

    // ---------------------------------------------------------------- resume

    /**
     * Continues a plan from transactions already sent for it: awaits each (any hash signed at the same
     * nonce counts as that transaction), then sends the plan's remaining steps, and maps the typed result.
     * The transactions must be the plan's first steps, in order (as listed by an outcome or a journal of the
     * SIGNED events).
     */
    @Override
    public <R> R resume(Plan<R> plan, List<String> hashes, OperationListener listener, Duration timeout) {
        requireSigner();
        if (hashes.isEmpty()) {
            return execute(plan, listener);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<InFlight> slots = new ArrayList<>();
        for (String hash : hashes) {
            InFlight slot = sequencer.slotFor(hash);
            InFlight same = slots.stream().filter(s -> s == slot || (s.nonce != null && s.nonce.equals(slot.nonce)))
                    .findFirst().orElse(null);
            if (same == null) {
                slots.add(slot);
            } else if (same != slot) {
                slot.candidates().forEach(same::add); // another transaction at the same nonce: one step
            }
        }
        List<Plan.PlannedStep> candidates = plan.steps();
        List<Step> before = new ArrayList<>();
        List<TransactionReceipt> receipts = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < slots.size(); i++) {
            InFlight slot = slots.get(i);
            int matched = -1;
            for (int c = next; c < candidates.size() && slot.to != null; c++) {
                Step s = candidates.get(c).step();
                if (s.to().equalsIgnoreCase(slot.to) && s.data().equalsIgnoreCase(slot.data) && s.value().equals(slot.value)) {
                    matched = c;
                    break;
                }
            }
            Step step = matched >= 0 ? candidates.get(matched).step()
                    : Step.raw("transaction " + slot.latest().hash(), slot.to == null ? "0x" : slot.to, slot.data, slot.value);
            InFlight.Resolution r = awaitSlot(slot, deadline);
            RestakeException failure = null;
            if (r == null) {
                failure = new ConfirmationTimeoutException(slot.hashes(), timeout);
            } else if (!r.mined()) {
                failure = new TransactionReplacedException(slot.nonce, slot.hashes(), r.replacedBy());
            } else if (!r.receipt().isStatusOK()) {
                failure = new TransactionRevertedException(step.description(), r.receipt(), revertOf(step, r.receipt(), slot.gasLimit));
            } else if (matched < 0) {
                failure = new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "transaction " + r.receipt().getTransactionHash()
                        + " is none of the remaining steps of " + plan.description() + ": cannot resume it");
            }
            if (failure != null) {
                SendOutcome.StepStatus status = statusOf(r);
                List<SendOutcome.StepRecord> records = minedBefore(before, receipts);
                records.add(record(before.size(), step.description(), slot, r));
                // The transactions given after this one may be on chain too: they stay in the outcome, so that a
                // later resume awaits them instead of planning their steps again.
                for (int k = i + 1; k < slots.size(); k++) {
                    InFlight later = slots.get(k);
                    records.add(record(records.size(), "transaction " + later.latest().hash(), later,
                            later.resolution.getNow(null)));
                }
                SendOutcome.State state = failure instanceof InvalidInputException ? SendOutcome.State.NOT_SENT
                        : stateOf(status);
                throw fail(listener, failure.withOutcome(new SendOutcome(state, plan.description(), records, before.size())));
            }
            emit(listener, new OperationEvent(OperationEvent.Stage.MINED, before.size(), step, r.receipt().getTransactionHash(),
                    r.receipt(), null, null));
            before.add(step);
            receipts.add(r.receipt());
            next = matched + 1;
        }
        Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), TimeUnit.SECONDS.toNanos(1)));
        if (next >= candidates.size()) {
            try {
                return plan.mapper().map(new Execution(new CheckResults(), before, receipts, null));
            } catch (RuntimeException e) {
                ResultUnavailableException unavailable = new ResultUnavailableException("the transactions of "
                        + plan.description() + " were mined, but the result could not be read: " + e, e);
                List<SendOutcome.StepRecord> records = minedBefore(before, receipts);
                throw fail(listener, unavailable.withOutcome(new SendOutcome(SendOutcome.State.EXECUTED, plan.description(),
                        records, -1)));
            }
        }
        Plan.Builder<R> rest = Plan.builder(plan.description());
        plan.checks().forEach(rest::check);
        candidates.subList(next, candidates.size()).forEach(p -> rest.stepIf(p.condition(), p.step()));
        plan.quotes().forEach(q -> rest.quote(q.label(), q.amount()));
        Plan<R> remaining = rest.result(plan.mapper()).build();
        Job job;
        try {
            job = sequencer.admit(remaining, listener);
        } catch (RestakeException e) {
            List<SendOutcome.StepRecord> records = minedBefore(before, receipts);
            SendOutcome rem = e.outcome().orElse(notSent(remaining, null, 0));
            for (SendOutcome.StepRecord s : rem.steps()) {
                records.add(new SendOutcome.StepRecord(before.size() + s.index(), s.description(), s.status(), s.nonce(),
                        s.hashes(), s.receipt()));
            }
            RestakeException failure = e.outcome().isPresent() ? new RestakeException(e.getMessage(), e) : e;
            throw fail(listener, failure.withOutcome(new SendOutcome(SendOutcome.State.NOT_SENT, plan.description(), records,
                    before.size() + Math.max(rem.failedStep(), 0))));
        }
        return finish(remaining, job, before, receipts, left);
    }

    /** Waits for the receipt of {@code hash} (sent by this client or known to the node). */
    public TransactionReceipt awaitReceipt(String hash, Duration timeout) {
        if (sequencer == null) {
            throw new InvalidInputException(ErrorCode.NO_SIGNER, "this client has no signer: use web3j's receipt processor to await " + hash);
        }
        InFlight slot = sequencer.slotFor(hash);
        InFlight.Resolution r = awaitSlot(slot, System.nanoTime() + timeout.toNanos());
        if (r == null) {
            throw new ConfirmationTimeoutException(slot.hashes(), timeout);
        }
        if (r.receipt() != null && r.minedCandidate() != null && r.minedCandidate().hash().equalsIgnoreCase(hash)) {
            return r.receipt(); // the very transaction asked for (a cancel, too)
        }
        if (!r.mined()) {
            throw new TransactionReplacedException(slot.nonce, slot.hashes(), r.replacedBy());
        }
        return r.receipt(); // it, or a speed-up of it at the same nonce
    }

    /** The sequencer, for speed-ups and cancels ({@code null} without a signer). */
    public Sequencer sequencer() {
        return sequencer;
    }

    // ---------------------------------------------------------------- simulation of a group

    /** What one round trip of a group's simulation decided, besides what it stored in the jobs. */
    record Group(Fees fees, List<Response<?>> prefixAnswers, boolean simulatedV1) {
    }

    /**
     * Simulates the jobs in order, each on the state the earlier ones leave, after {@code prepend} (this client's
     * transactions the node has not executed yet), with {@code prefix} requests in the same batch (chain id, nonce). Stores in each job its checks, chosen steps, outcomes and preview, or its
     * {@link Job#failure} (a check refused, or, when {@code rejectReverts}, a step would revert). Re-simulates
     * until every job's steps are settled (a conditional step dropped out, a job was rejected).
     */
    Group simulateGroup(List<Job> jobs, List<Request<?, ? extends Response<?>>> prefix, List<Step> prepend,
            boolean rejectReverts) {
        try {
            return simulateGroupOnce(jobs, prefix, prepend, rejectReverts);
        } catch (GasFunds.Refused refused) {
            // The node will not even simulate: the account cannot pay the value (plus gas). Said with the figures.
            BigInteger value = prepend.stream().map(Step::value).reduce(BigInteger.ZERO, BigInteger::add);
            for (Job j : jobs) {
                value = value.add(j.current.stream().map(Step::value).reduce(BigInteger.ZERO, BigInteger::add));
            }
            String what = jobs.size() == 1 ? jobs.get(0).plan.description() : jobs.size() + " operations sent together";
            throw GasFunds.afterNodeRefusal(config.web3j(), what, from(), value, BigInteger.ZERO, refused.getMessage());
        }
    }

    private Group simulateGroupOnce(List<Job> jobs, List<Request<?, ? extends Response<?>>> prefix, List<Step> prepend,
            boolean rejectReverts) {
        String from = from();
        List<Job> active = new ArrayList<>(jobs);
        Fees fees = null;
        List<Response<?>> prefixAnswers = List.of();
        boolean v1 = simulator.hasSimulateV1();
        int rounds = 0;
        while (!active.isEmpty()) {
            if (++rounds > 2 * jobs.size() + 3) {
                for (Job j : active) {
                    j.failure = new RpcException("the simulation did not settle (the steps kept changing); nothing was sent",
                            true, null);
                }
                break;
            }
            List<Step> calls = new ArrayList<>(prepend);
            for (Job j : active) {
                j.plan.checks().forEach(c -> calls.add(c.call()));
                calls.addAll(j.current);
            }
            Simulator.Result sim = null;
            if (v1) {
                List<Request<?, ? extends Response<?>>> extra = new ArrayList<>(rounds == 1 ? prefix : List.of());
                FeeStrategy.Batched batched = fees == null ? config.feeStrategy().batched(config.web3j()) : null;
                if (batched != null) {
                    extra.add(batched.request());
                }
                Request<?, Simulator.SimulateResponse> request = simulator.request(from, calls);
                List<Response<?>> answers = sendWithRetries(request, extra);
                Simulator.SimulateResponse response = (Simulator.SimulateResponse) answers.get(answers.size() - 1);
                if (rounds == 1) {
                    prefixAnswers = answers.subList(0, prefix.size());
                }
                if (batched != null) {
                    fees = batched.fees(answers.get(answers.size() - 2));
                }
                sim = simulator.parse(response, calls.size());
                if (sim == null) {
                    v1 = false; // the node has no eth_simulateV1: decide by eth_call below
                }
            } else if (rounds == 1 && !prefix.isEmpty()) {
                prefixAnswers = sendWithRetries(null, prefix);
            }
            if (fees == null) {
                fees = config.feeStrategy().fees(config.web3j());
            }
            if (sim == null) {
                for (Job j : active) {
                    decideWithoutSimulateV1(j, from, fees);
                }
                return new Group(fees, prefixAnswers, false);
            }
            boolean changed = false;
            int offset = prepend.size();
            List<Job> still = new ArrayList<>();
            for (Job j : active) {
                int nChecks = j.plan.checks().size();
                List<Simulator.Outcome> outs = sim.outcomes().subList(offset, offset + nChecks + j.current.size());
                offset += nChecks + j.current.size();
                CheckResults results = new CheckResults();
                try {
                    for (int c = 0; c < nChecks; c++) {
                        Check<?> check = j.plan.checks().get(c);
                        Checks.record(results, check, Checks.evaluate(check, outs.get(c).success(), outs.get(c).returnData()));
                    }
                } catch (RestakeException e) {
                    j.failure = e;
                    changed = true;
                    continue;
                }
                List<Step> chosen = j.plan.steps().stream().filter(p -> p.condition().test(results))
                        .map(Plan.PlannedStep::step).toList();
                if (!chosen.equals(j.current)) {
                    j.current = chosen;
                    changed = true;
                    still.add(j);
                    continue;
                }
                j.checks = results;
                j.outcomes = new ArrayList<>(outs.subList(nChecks, outs.size()));
                j.preview = preview(j.plan, j.current, j.outcomes, fees, sim.baseFeePerGas(), sim.method());
                if (rejectReverts) {
                    SimulatedStep bad = j.preview.steps().stream().filter(s -> s.simulated() && !s.success()).findFirst()
                            .orElse(null);
                    if (bad != null) {
                        j.failure = new SimulationRevertedException(bad.index(), bad.step().description(), bad.revert());
                        changed = true;
                        continue;
                    }
                }
                still.add(j);
            }
            active = still;
            if (!changed) {
                break;
            }
        }
        return new Group(fees, prefixAnswers, true);
    }

    /** Without eth_simulateV1: checks one by one, then the first step by eth_call (the rest right before sending). */
    private void decideWithoutSimulateV1(Job j, String from, Fees fees) {
        try {
            CheckResults results = new CheckResults();
            for (Check<?> c : j.plan.checks()) {
                Simulator.Outcome o = simulator.callOne(from, c.call());
                Checks.record(results, c, Checks.evaluate(c, o.success(), o.returnData()));
            }
            j.checks = results;
            j.current = j.plan.steps().stream().filter(p -> p.condition().test(results)).map(Plan.PlannedStep::step).toList();
            Simulator.Result r = simulator.simulate(from, j.current);
            j.outcomes = new ArrayList<>(r.outcomes());
            j.preview = preview(j.plan, j.current, j.outcomes, fees, r.baseFeePerGas(), r.method());
        } catch (RestakeException e) {
            j.failure = e;
        }
    }

    /**
     * Sends {@code extra} requests and then {@code last} (if any) in one batch, retrying passing failures
     * (the simulation is a read: it can be asked again) up to {@link #SIMULATION_ATTEMPTS} times.
     */
    private List<Response<?>> sendWithRetries(Request<?, ? extends Response<?>> last,
            List<Request<?, ? extends Response<?>>> extra) {
        RestakeException failure = null;
        for (int attempt = 1; attempt <= SIMULATION_ATTEMPTS; attempt++) {
            if (attempt > 1) {
                sleep(Duration.ofMillis(100L << (attempt - 2)));
            }
            try {
                List<Response<?>> answers;
                if (extra.isEmpty()) {
                    answers = List.of(last.send());
                } else {
                    BatchRequest batch = config.web3j().newBatch();
                    extra.forEach(batch::add);
                    if (last != null) {
                        batch.add(last);
                    }
                    BatchResponse response = batch.send();
                    answers = response.getResponses() == null ? null : new ArrayList<>(response.getResponses());
                    if (answers == null || answers.size() != extra.size() + (last == null ? 0 : 1)) {
                        throw new RpcException("the node answered " + (answers == null ? 0 : answers.size())
                                + " of the batched requests", true, null);
                    }
                }
                Response.Error error = firstPassingError(answers);
                if (GasFunds.isInsufficientFunds(error)) {
                    throw new GasFunds.Refused(error.getMessage());
                }
                if (error != null) {
                    throw new RpcException("simulation batch failed: error " + error.getCode() + ": " + error.getMessage(),
                            true, null);
                }
                return answers;
            } catch (GasFunds.Refused refused) {
                throw refused;
            } catch (IOException | RuntimeException e) {
                failure = TransportFailures.toRpcException("eth_simulateV1", e);
                if (!failure.isRetryable()) {
                    throw failure;
                }
                LOG.debug("simulation failed (attempt {}/{}): {}", attempt, SIMULATION_ATTEMPTS, failure.getMessage());
            }
        }
        throw failure;
    }

    /** A JSON-RPC error in a batch answer that is no verdict (not a revert, not a missing method): worth asking again. */
    private static Response.Error firstPassingError(List<Response<?>> answers) {
        for (Response<?> r : answers) {
            if (r != null && r.hasError() && r.getError().getCode() != -32601 && !Simulator.isUnsupported(r.getError())) {
                String m = r.getError().getMessage() == null ? "" : r.getError().getMessage().toLowerCase(Locale.ROOT);
                if (!m.contains("revert")) {
                    return r.getError();
                }
            }
        }
        return null;
    }

    Preview preview(Plan<?> plan, List<Step> stepList, List<Simulator.Outcome> outcomes, Fees fees, BigInteger baseFee,
            String method) {
        List<SimulatedStep> steps = new ArrayList<>();
        boolean full = true;
        for (int i = 0; i < stepList.size(); i++) {
            Step step = stepList.get(i);
            Simulator.Outcome o = outcomes.get(i);
            if (!o.simulated()) {
                full = false;
                steps.add(new SimulatedStep(i, step, false, false, null, null, null, List.of(), null));
                continue;
            }
            Object result = o.success() ? step.decodeResult(o.returnData()) : null;
            DecodedRevert revert = o.success() ? null : config.revertDecoder().decode(o.returnData());
            steps.add(new SimulatedStep(i, step, true, o.success(), result, o.gasUsed(), withMargin(step, o.gasUsed()), o.logs(),
                    revert));
        }
        return new Preview(plan.description(), steps, fees, baseFee, full, method, plan.quotes());
    }

    /**
     * The gas limit for a step whose simulation reported {@code gasUsed}. That figure is after refunds,
     * but execution must be able to consume the gas before them: EIP-3529 caps a refund at a fifth of
     * the gas consumed, so up to {@code gasUsed * 5/4} may be needed (a withdrawal completion that
     * clears storage needs it). The configured margin comes on top of that.
     */
    BigInteger withMargin(Step step, BigInteger gasUsed) {
        return withMargin(gasUsed).add(step.gasAllowance());
    }

    /** {@link #withMargin(Step, BigInteger)} for a step without an allowance. */
    BigInteger withMargin(BigInteger gasUsed) {
        BigDecimal beforeRefunds = new BigDecimal(gasUsed).multiply(REFUND_ALLOWANCE);
        BigInteger limit = beforeRefunds.multiply(BigDecimal.ONE.add(config.gasMargin()))
                .setScale(0, RoundingMode.CEILING).toBigIntegerExact();
        return limit.max(MIN_GAS);
    }

    /** Why {@code step} reverted in {@code receipt}'s block: replayed there, asked again after passing failures. */
    DecodedRevert revertOf(Step step, TransactionReceipt receipt, BigInteger gasLimit) {
        DecodedRevert replayed = revertOf(step, receipt);
        // EIP-150 leaves a caller 1/64 of its gas when an inner call runs out, so "used at least 63/64 of the limit"
        // is what running out looks like from the receipt.
        boolean gasExhausted = gasLimit != null && receipt.getGasUsed() != null
                && receipt.getGasUsed().multiply(BigInteger.valueOf(64)).compareTo(gasLimit.multiply(BigInteger.valueOf(63))) >= 0;
        if (gasExhausted && replayed.kind() == DecodedRevert.Kind.EMPTY && replayed.data().length() <= 2) {
            // The replay succeeds (with the node's own gas allowance) and the transaction used (almost) all of its limit.
            return new DecodedRevert(DecodedRevert.Kind.EMPTY, "", "", List.of(), List.of(), "0x",
                    "out of gas: it used " + receipt.getGasUsed() + " of its " + gasLimit + " gas limit, and the replay at"
                            + " block " + receipt.getBlockNumber() + " with more gas did not revert");
        }
        return replayed;
    }

    /** Why {@code step} reverted, from a replay alone. */
    DecodedRevert revertOf(Step step, TransactionReceipt receipt) {
        String last = "";
        for (int attempt = 1; attempt <= 4; attempt++) {
            try {
                EthCall call = config.web3j().ethCall(Transaction.createFunctionCallTransaction(from(), null, null, null,
                        step.to(), step.value(), step.data()), DefaultBlockParameter.valueOf(receipt.getBlockNumber())).send();
                String data = call.getRevertReasonEncodedData();
                if (data != null) {
                    return config.revertDecoder().decode(data.replace("\"", ""));
                }
                if (!call.hasError()) {
                    // The replay succeeded: the revert came from state the block's earlier transactions changed.
                    return new DecodedRevert(DecodedRevert.Kind.EMPTY, "", "", List.of(), List.of(), "0x",
                            "the replay at block " + receipt.getBlockNumber() + " did not revert");
                }
                String message = call.getError().getMessage() == null ? "" : call.getError().getMessage();
                if (message.toLowerCase(Locale.ROOT).contains("revert")) {
                    return config.revertDecoder().decode("0x");
                }
                last = "error " + call.getError().getCode() + ": " + message;
            } catch (IOException | RuntimeException e) {
                last = TransportFailures.describe(e);
            }
            sleep(Duration.ofMillis(100L * attempt));
        }
        LOG.debug("could not replay reverted transaction {}: {}", receipt.getTransactionHash(), last);
        return new DecodedRevert(DecodedRevert.Kind.EMPTY, "", "", List.of(), List.of(), "0x",
                "the replay failed: " + last);
    }

    // ---------------------------------------------------------------- chain

    /** Refuses to sign for a node on another chain than configured (checked once). */
    @Override
    public void verifyChain() {
        if (chainVerified) {
            return;
        }
        long actual;
        try {
            actual = config.web3j().ethChainId().send().getChainId().longValueExact();
        } catch (IOException | RuntimeException e) {
            throw TransportFailures.toRpcException("eth_chainId", e);
        }
        checkChain(actual);
    }

    boolean chainVerified() {
        return chainVerified;
    }

    void checkChain(long actual) {
        if (actual != config.chainId()) {
            throw new ChainMismatchException(config.chainId(), actual);
        }
        chainVerified = true;
    }

    static RestakeException fail(OperationListener listener, RestakeException e) {
        emit(listener, new OperationEvent(OperationEvent.Stage.FAILED, -1, null, null, null, null, e));
        return e;
    }

    static void emit(OperationListener listener, OperationEvent event) {
        if (listener == null) {
            return;
        }
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("operation listener threw on {}; ignored", event.stage(), e);
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(Math.max(1, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcException("interrupted", false, e);
        }
    }

    @Override
    public void close() {
        if (sequencer != null) {
            sequencer.close();
        }
    }

    /** Reads a transaction by hash (null when the node does not know it), asking again after passing failures. */
    static org.web3j.protocol.core.methods.response.Transaction transactionByHash(Web3j web3j, String hash) {
        for (int attempt = 1; ; attempt++) {
            try {
                EthTransaction tx = web3j.ethGetTransactionByHash(hash).send();
                if (!tx.hasError()) {
                    return tx.getTransaction().orElse(null);
                }
                if (attempt >= 4) {
                    throw TransportFailures.toRpcException("eth_getTransactionByHash", tx.getError());
                }
            } catch (IOException | RuntimeException e) {
                if (attempt >= 4) {
                    throw TransportFailures.toRpcException("eth_getTransactionByHash", e);
                }
            }
            sleep(Duration.ofMillis(100L * attempt));
        }
    }

}
