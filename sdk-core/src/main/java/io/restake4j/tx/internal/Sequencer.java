package io.restake4j.tx.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.RawTransaction;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthChainId;
import org.web3j.protocol.core.methods.response.EthGetBalance;
import org.web3j.protocol.core.methods.response.EthGetTransactionCount;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.utils.Numeric;

import io.restake4j.errors.ChainMismatchException;
import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InsufficientFundsException;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.errors.RestakeException;
import io.restake4j.errors.RpcException;
import io.restake4j.errors.SimulationRevertedException;
import io.restake4j.rpc.TransportFailures;
import io.restake4j.signer.Signer;
import io.restake4j.tx.FeeBumpPolicy;
import io.restake4j.tx.Fees;
import io.restake4j.tx.OperationEvent;
import io.restake4j.tx.Step;

/**
 * The one sender of a client's transactions. Operations wait in a queue; one thread takes all that are
 * waiting (up to {@value #MAX_GROUP}), simulates them together in one round trip (each on the state the
 * earlier ones leave, with the chain id and nonce read in the same batch when needed), gives each
 * operation's steps consecutive nonces, signs them and hands them to the node one after another. Callers
 * then await their receipts on their own threads; the sequencer goes on with the next group meanwhile.
 *
 * <p>Nonces stay exact without a lock: only this thread counts them. A transaction the node refused leaves
 * no gap (the count goes back to it, and the operations behind it in the group are simulated again); a
 * "nonce too low" for a transaction the node does not know means another sender used the nonce: the count
 * is read again from the chain. A transaction that may have been delivered keeps its nonce: it is tracked
 * until it is mined, offered again if the node forgets it, or found replaced.
 */
public final class Sequencer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sequencer.class);
    static final int MAX_GROUP = 16;
    /** How long the sequencer waits for the node to take a group's transactions before it goes on without. */
    static final long HANDOVER_WAIT_MILLIS = 2_000;
    private static final int MAX_REQUEUES = 3;
    private static final int REMEMBERED = 10_000;
    private static final BigInteger CANCEL_GAS = BigInteger.valueOf(21_000);

    private final Pipeline pipeline;
    private final Pipeline.Config config;
    private final Web3j web3j;
    private final Signer signer;
    private final String account;
    private final Broadcaster broadcaster;
    private final ReceiptPoller poller;
    private final FeeBumpPolicy bumps;
    private final FeeBumpPolicy manualBump = FeeBumpPolicy.builder().build();
    private final LinkedBlockingDeque<Job> queue = new LinkedBlockingDeque<>();
    private final java.util.concurrent.ExecutorService handovers = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "restake4j-handover");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, InFlight> byHash = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, InFlight> eldest) {
            return size() > REMEMBERED && eldest.getValue().resolved();
        }
    });
    private Thread thread;
    private volatile boolean closed;
    private volatile boolean resync;
    /** The next nonce to sign with; touched only by the sequencer thread. Null until read from the chain. */
    private BigInteger next;
    /** The node's pending transaction count of this account, as last read. */
    private BigInteger pendingCount;
    /** One above the highest nonce this client handed to the node: the count never goes below it. */
    private BigInteger floor = BigInteger.ZERO;

    Sequencer(Pipeline pipeline, Pipeline.Config config) {
        this.pipeline = pipeline;
        this.config = config;
        this.web3j = config.web3j();
        this.signer = config.signer();
        this.account = signer.address();
        this.broadcaster = new Broadcaster(web3j, config.broadcastAttempts());
        this.bumps = config.feeBumpPolicy();
        Web3j polling = config.service() instanceof io.restake4j.rpc.RetryingWeb3jService retrying
                ? Web3j.build(retrying.delegate()) : web3j;
        this.poller = new ReceiptPoller(polling, account, config.pollInterval(), new ReceiptPoller.Caretaker() {
            @Override
            public void rebroadcast(InFlight slot) {
                Sequencer.this.rebroadcast(slot);
            }

            @Override
            public void unmined(InFlight slot, BigInteger latestBlock) {
                Sequencer.this.unmined(slot, latestBlock);
            }
        });
    }

    // ---------------------------------------------------------------- admission

    /**
     * Queues a plan and waits until its transactions are with the node. Returns the job (whose
     * {@link Job#failure} may say it stopped part-way); throws when nothing of it was sent.
     */
    Job admit(io.restake4j.tx.Plan<?> plan, io.restake4j.tx.OperationListener listener) {
        if (closed) {
            throw new InvalidInputException(ErrorCode.INVALID_CONFIGURATION, "this client is closed");
        }
        Job job = new Job(plan, listener);
        queue.add(job);
        ensureStarted();
        job.admitted.join();
        if (job.failure != null && job.slots.isEmpty()) {
            RestakeException f = job.failure;
            throw f.outcome().isPresent() ? f : f.withOutcome(Pipeline.notSent(plan, job.current,
                    f instanceof SimulationRevertedException s ? s.stepIndex() : 0));
        }
        return job;
    }

    private synchronized void ensureStarted() {
        if (thread == null && !closed) {
            thread = new Thread(this::run, "restake4j-sender");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void run() {
        while (!closed) {
            Job first;
            try {
                first = queue.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (first == null) {
                continue;
            }
            List<Job> group = new ArrayList<>();
            group.add(first);
            queue.drainTo(group, MAX_GROUP - 1);
            try {
                process(group);
            } catch (RuntimeException e) {
                LOG.error("the sender failed on a group of {} operation(s)", group.size(), e);
                for (Job j : group) {
                    if (!j.admitted.isDone()) {
                        if (j.failure == null && j.slots.isEmpty()) {
                            j.failure = e instanceof RestakeException r && group.size() == 1 ? r
                                    : new RestakeException("the sender failed before this operation was sent: " + e, e);
                        }
                        j.admitted.complete(j);
                    }
                }
            }
        }
        RestakeException closedFailure = new InvalidInputException(ErrorCode.INVALID_CONFIGURATION, "the client was closed before this operation was sent");
        for (Job j; (j = queue.poll()) != null; ) {
            j.failure = new InvalidInputException(ErrorCode.INVALID_CONFIGURATION, closedFailure.getMessage());
            j.admitted.complete(j);
        }
    }

    private void process(List<Job> group) {
        Pipeline.Group g = null;
        BigInteger balance = null;
        BigInteger inFlightValue = BigInteger.ZERO;
        try {
            for (int round = 1; ; round++) {
                // This client's transactions that are with the node but maybe not executed in its pending state (a
                // dropped one being offered again, the ones queued behind it): the group is simulated after those whose
                // nonce is at or above the node's pending count, and the count is read in the same batch to check.
                List<InFlight> ours = poller.inFlight().stream().filter(sl -> sl.nonce != null && sl.to != null)
                        .sorted(java.util.Comparator.comparing(sl -> sl.nonce)).toList();
                List<Request<?, ? extends Response<?>>> prefix = new ArrayList<>();
                boolean askChain = !pipeline.chainVerified();
                boolean askNonce = next == null || resync;
                boolean askCount = askNonce || !ours.isEmpty();
                if (askChain) {
                    prefix.add(web3j.ethChainId());
                }
                if (askCount) {
                    prefix.add(web3j.ethGetTransactionCount(account, DefaultBlockParameterName.PENDING));
                }
                // The balance rides in the same batch (no extra round trip): value plus gas at the fee cap is checked
                // against it before anything is signed.
                prefix.add(web3j.ethGetBalance(account, DefaultBlockParameterName.PENDING));
                BigInteger assumed = pendingCount;
                List<InFlight> prepended = assumed == null ? List.of()
                        : ours.stream().filter(sl -> sl.nonce.compareTo(assumed) >= 0).toList();
                List<Step> prepend = prepended.stream().map(sl -> Step.raw("in flight: nonce " + sl.nonce, sl.to, sl.data,
                        sl.value)).toList();
                g = pipeline.simulateGroup(group, prefix, prepend, true);
                int at = 0;
                if (askChain) {
                    EthChainId id = (EthChainId) g.prefixAnswers().get(at++);
                    if (id.hasError() || id.getChainId() == null) {
                        throw new RpcException("eth_chainId failed: " + (id.hasError() ? id.getError().getMessage()
                                : "no answer"), true, null);
                    }
                    pipeline.checkChain(id.getChainId().longValueExact());
                }
                if (askCount) {
                    EthGetTransactionCount count = (EthGetTransactionCount) g.prefixAnswers().get(at++);
                    if (count.hasError() || count.getTransactionCount() == null) {
                        throw new RpcException("eth_getTransactionCount failed: "
                                + (count.hasError() ? count.getError().getMessage() : "no answer"), true, null);
                    }
                    BigInteger now = count.getTransactionCount();
                    pendingCount = now;
                    if (askNonce) {
                        seed(count);
                    }
                    List<InFlight> shouldHave = ours.stream().filter(sl -> sl.nonce.compareTo(now) >= 0).toList();
                    if (!shouldHave.equals(prepended) && round < 3) {
                        LOG.debug("the node executes {} of this client's transactions, not {}: simulating again", now, assumed);
                        group.forEach(Job::reset);
                        continue;
                    }
                }
                EthGetBalance balanceAnswer = (EthGetBalance) g.prefixAnswers().get(at);
                if (balanceAnswer.hasError() || balanceAnswer.getBalance() == null) {
                    throw new RpcException("eth_getBalance failed: " + (balanceAnswer.hasError()
                            ? balanceAnswer.getError().getMessage() : "no answer"), true, null);
                }
                balance = balanceAnswer.getBalance();
                inFlightValue = prepend.stream().map(Step::value).reduce(BigInteger.ZERO, BigInteger::add);
                break;
            }
        } catch (RestakeException e) {
            for (Job j : group) {
                j.failure = group.size() == 1 ? e : copy(e);
                j.admitted.complete(j);
            }
            return;
        }
        List<Job> unpaid = refuseWhatCannotBePaid(group, balance.subtract(inFlightValue));
        requeueAll(unpaid);
        group = group.stream().filter(j -> !unpaid.contains(j)).toList();
        if (!g.simulatedV1()) {
            for (Job j : group) {
                if (j.failure == null) {
                    emitSimulated(j);
                    sendOneByOne(j, g.fees());
                }
                j.admitted.complete(j);
            }
            return;
        }
        List<Job> ready = new ArrayList<>();
        for (Job j : group) {
            if (j.failure != null) {
                j.admitted.complete(j);
            } else {
                emitSimulated(j);
                ready.add(j);
            }
        }
        List<Job> requeue = handOverAll(ready, g.fees());
        for (Job j : ready) {
            if (!requeue.contains(j)) {
                j.admitted.complete(j);
            }
        }
        requeueAll(requeue);
    }

    /** Puts jobs back at the head of the queue, in order, to be simulated again (nothing of them was sent). */
    private void requeueAll(List<Job> requeue) {
        for (int i = requeue.size() - 1; i >= 0; i--) {
            Job j = requeue.get(i);
            if (++j.requeues > MAX_REQUEUES) {
                j.failure = new RpcException("not sent: the transactions queued before it failed " + MAX_REQUEUES
                        + " times; nothing of this operation was broadcast", true, null);
                j.admitted.complete(j);
            } else {
                j.reset();
                queue.addFirst(j);
            }
        }
    }

    /**
     * Refuses, before signing, each job whose value plus gas at the fee cap the account cannot pay after the jobs
     * before it in the group ({@link ErrorCode#INSUFFICIENT_GAS_FUNDS}, completed here). The jobs after the first
     * refused one were simulated on its effects: they are returned, to be simulated again without it.
     */
    private List<Job> refuseWhatCannotBePaid(List<Job> group, BigInteger available) {
        BigInteger left = available;
        for (int x = 0; x < group.size(); x++) {
            Job j = group.get(x);
            if (j.failure != null || j.preview == null) {
                continue;
            }
            BigInteger value = j.current.stream().map(Step::value).reduce(BigInteger.ZERO, BigInteger::add);
            BigInteger gas = j.preview.maxFeeWei();
            InsufficientFundsException refusal = GasFunds.check(j.plan.description(), account, value, gas,
                    left.max(BigInteger.ZERO));
            if (refusal != null) {
                j.failure = refusal;
                j.admitted.complete(j);
                List<Job> later = new ArrayList<>();
                for (Job k : group.subList(x + 1, group.size())) {
                    if (k.failure == null) {
                        later.add(k);
                    }
                }
                return later;
            }
            left = left.subtract(value).subtract(gas);
        }
        return List.of();
    }

    /** One signed transaction of a group, before it is handed over. */
    private record Signed(Job job, int step, BigInteger nonce, BigInteger gasLimit, InFlight.Candidate candidate) {
    }

    /**
     * Signs every step of the ready jobs with consecutive nonces, hands them to the node in one JSON-RPC batch,
     * and settles each transaction the batch did not plainly accept one by one, in nonce order, with the very
     * same bytes. Returns the jobs to simulate again (nothing of them was handed over, and a transaction before
     * them was refused, so the state they were simulated on will not be).
     */
    private List<Job> handOverAll(List<Job> ready, Fees fees) {
        List<Job> requeue = new ArrayList<>();
        List<Signed> txs = new ArrayList<>();
        BigInteger nonce = next;
        for (int r = 0; r < ready.size(); r++) {
            Job j = ready.get(r);
            List<Signed> mine = new ArrayList<>();
            try {
                for (int i = 0; i < j.current.size(); i++) {
                    Step step = j.current.get(i);
                    BigInteger gas = j.preview.steps().get(i).gasLimit();
                    InFlight.Candidate c = sign(nonce.add(BigInteger.valueOf(mine.size())), step.to(), step.value(), step.data(),
                            gas, fees, false);
                    mine.add(new Signed(j, i, nonce.add(BigInteger.valueOf(mine.size())), gas, c));
                }
            } catch (RuntimeException e) {
                j.failure = e instanceof RestakeException re ? re : new RestakeException("signing failed: " + e, e);
                requeue.addAll(ready.subList(r + 1, ready.size())); // their nonces would have followed this job's
                break;
            }
            for (Signed t : mine) {
                Pipeline.emit(j.listener, new OperationEvent(OperationEvent.Stage.SIGNED, t.step(), j.current.get(t.step()),
                        t.candidate().hash(), null, null, null));
            }
            txs.addAll(mine);
            nonce = nonce.add(BigInteger.valueOf(mine.size()));
        }
        handOverSigned(txs, fees, requeue);
        return requeue;
    }

    /**
     * Hands signed transactions (consecutive nonces from {@link #next}) to the node and applies what came of it:
     * followed, refused (the count goes back to it; the jobs behind it are added to {@code requeue}), or, past
     * the hand-over wait, followed as maybe delivered.
     */
    private void handOverSigned(List<Signed> txs, Fees fees, List<Job> requeue) {
        if (txs.isEmpty()) {
            return;
        }
        Handover h = new Handover(txs, fees);
        handovers.execute(h);
        Settled settled = h.awaitOrAbandon(HANDOVER_WAIT_MILLIS);
        if (settled == null) {
            // The node has not answered in time (a hung request): follow the transactions as maybe delivered and go
            // on; the next groups are simulated after them, and the hand-over settles them when it ends.
            LOG.warn("handing {} transaction(s) to the node takes over {} ms; following them as maybe delivered",
                    txs.size(), HANDOVER_WAIT_MILLIS);
            for (int x = 0; x < txs.size(); x++) {
                follow(txs.get(x).job(), h.slots.get(x), txs.get(x).nonce());
            }
            // The hung request may never have reached the node: offer the same bytes once more on another connection,
            // so that the transactions signed after them are not left waiting behind their nonces.
            handovers.execute(() -> offerAgain(txs));
            return;
        }
        boolean[] accepted = settled.accepted();
        boolean stopped = false;
        for (int x = 0; x < txs.size(); x++) {
            Signed t = txs.get(x);
            Job j = t.job();
            Step step = j.current.get(t.step());
            if (stopped || settled.results().get(x) == null) {
                stopped = true;
                if (j.slots.isEmpty()) {
                    if (!requeue.contains(j)) {
                        requeue.add(j);
                    }
                } else if (j.failure == null) {
                    j.failure = new RpcException("step " + (t.step() + 1) + " (" + step.description() + ") was not sent: an"
                            + " earlier transaction of this client was refused", true, null);
                }
                continue;
            }
            Broadcaster.Result result = settled.results().get(x);
            InFlight slot = h.slots.get(x);
            switch (result.verdict()) {
                case ACCEPTED, UNKNOWN -> {
                    follow(j, slot, t.nonce());
                    if (result.verdict() == Broadcaster.Verdict.ACCEPTED) {
                        Pipeline.emit(j.listener, new OperationEvent(OperationEvent.Stage.SENT, t.step(), step,
                                t.candidate().hash(), null, null, null));
                    } else {
                        LOG.warn("transaction {} (nonce {}) may or may not have reached the node ({}); following it",
                                t.candidate().hash(), t.nonce(), result.detail());
                    }
                }
                default -> {
                    boolean taken = result.verdict() == Broadcaster.Verdict.NONCE_TAKEN;
                    if (laterInPool(accepted, x)) {
                        // Transactions behind this nonce already wait in the pool: the nonce must be used up.
                        useUp(slot, taken, fees);
                        follow(j, slot, t.nonce());
                        continue;
                    }
                    stopped = true;
                    if (taken) {
                        LOG.warn("nonce {} of {} is used by another transaction; reading the count from the chain again",
                                t.nonce(), account);
                        resyncNow(t.nonce().add(BigInteger.ONE));
                        if (j.slots.isEmpty() && j.requeues < MAX_REQUEUES) {
                            requeue.add(j);
                            continue;
                        }
                        j.failure = new RpcException("step " + (t.step() + 1) + " (" + step.description()
                                + ") was not sent: its nonce " + t.nonce() + " was used by another transaction of " + account,
                                true, null);
                    } else {
                        next = t.nonce();
                        String detail = result.detail() == null ? "" : result.detail();
                        boolean passing = !Broadcaster.isFinalRefusal(detail.toLowerCase(java.util.Locale.ROOT));
                        j.failure = new RpcException("step " + (t.step() + 1) + " (" + step.description() + "), transaction "
                                + t.candidate().hash() + ", was not taken by the node: " + detail + "; it was not broadcast",
                                passing, result.failure());
                    }
                }
            }
        }
    }

    /** One more offer of the same bytes, answers ignored (the hand-over and the poller settle them). */
    private void offerAgain(List<Signed> txs) {
        if (txs.size() > 1) {
            batchSend(txs);
            return;
        }
        try {
            web3j.ethSendRawTransaction(txs.get(0).candidate().signedHex()).send();
        } catch (IOException | RuntimeException e) {
            LOG.debug("offering {} again failed: {}", txs.get(0).candidate().hash(), TransportFailures.describe(e));
        }
    }

    private static boolean laterInPool(boolean[] accepted, int x) {
        for (int y = x + 1; y < accepted.length; y++) {
            if (accepted[y]) {
                return true;
            }
        }
        return false;
    }

    /** What handing a group's transactions to the node came to: per transaction a verdict, or null if not offered. */
    private record Settled(boolean[] accepted, List<Broadcaster.Result> results) {
    }

    /**
     * Hands a group's signed transactions to the node on a thread of its own: one batch, then one by one, in nonce
     * order, the ones the batch did not plainly accept, stopping at a refusal that nothing later in the pool depends
     * on. The sequencer waits for it a bounded time; if it gives up waiting, the hand-over settles the transactions
     * itself when it ends, as later nonces may then exist: each is offered until the node takes it, a nonce whose
     * transaction the node refuses for good is used up by a cancel, one taken by another transaction is so.
     */
    private final class Handover implements Runnable {
        private static final int RUNNING = 0;
        private static final int COLLECTED = 1;
        private static final int ABANDONED = 2;

        final List<Signed> txs;
        final Fees fees;
        final List<InFlight> slots = new ArrayList<>();
        private final java.util.concurrent.atomic.AtomicInteger state = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.CompletableFuture<Settled> done = new java.util.concurrent.CompletableFuture<>();

        Handover(List<Signed> txs, Fees fees) {
            this.txs = txs;
            this.fees = fees;
            for (Signed t : txs) {
                Step step = t.job().current.get(t.step());
                InFlight slot = new InFlight(t.nonce(), step.to(), step.data(), step.value(), t.gasLimit());
                slot.add(t.candidate());
                slot.sentAtBlock = poller.latestBlock();
                slots.add(slot);
            }
        }

        @Override
        public void run() {
            Settled settled;
            try {
                settled = settle();
            } catch (RuntimeException e) {
                LOG.error("handing over {} transaction(s) failed", txs.size(), e);
                settled = new Settled(new boolean[txs.size()], java.util.Arrays.asList(new Broadcaster.Result[txs.size()]));
            }
            done.complete(settled);
            if (!state.compareAndSet(RUNNING, COLLECTED)) {
                settleLate(settled);
            }
        }

        /** The settled verdicts within {@code millis}, or null after marking this hand-over abandoned. */
        Settled awaitOrAbandon(long millis) {
            try {
                return done.get(millis, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                return state.compareAndSet(RUNNING, ABANDONED) ? null : done.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return state.compareAndSet(RUNNING, ABANDONED) ? null : done.join();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }

        private Settled settle() {
            boolean[] accepted = batchSend(txs);
            Broadcaster.Result[] results = new Broadcaster.Result[txs.size()];
            for (int x = 0; x < txs.size(); x++) {
                if (accepted[x]) {
                    results[x] = new Broadcaster.Result(Broadcaster.Verdict.ACCEPTED, null, null);
                    continue;
                }
                Signed t = txs.get(x);
                results[x] = broadcaster.broadcast(t.candidate().signedHex(), t.candidate().hash());
                Broadcaster.Verdict v = results[x].verdict();
                if ((v == Broadcaster.Verdict.REFUSED || v == Broadcaster.Verdict.NONCE_TAKEN) && !laterInPool(accepted, x)) {
                    break; // the rest are not offered: the sequencer decides (goes back, or simulates them again)
                }
            }
            return new Settled(accepted, java.util.Arrays.asList(results));
        }

        /** After the sequencer went on: later nonces may exist, so every nonce of this group must be used. */
        private void settleLate(Settled settled) {
            for (int x = 0; x < txs.size(); x++) {
                Signed t = txs.get(x);
                InFlight slot = slots.get(x);
                Broadcaster.Result r = settled.results().get(x);
                if (r == null) {
                    r = broadcaster.broadcast(t.candidate().signedHex(), t.candidate().hash());
                }
                switch (r.verdict()) {
                    case ACCEPTED -> Pipeline.emit(t.job().listener, new OperationEvent(OperationEvent.Stage.SENT, t.step(),
                            t.job().current.get(t.step()), t.candidate().hash(), null, null, null));
                    case UNKNOWN -> { } // followed; offered again by the poller if the node does not know it
                    case NONCE_TAKEN -> useUp(slot, true, fees);
                    case REFUSED -> {
                        String detail = r.detail() == null ? "" : r.detail().toLowerCase(java.util.Locale.ROOT);
                        if (Broadcaster.isFinalRefusal(detail)) {
                            useUp(slot, false, fees);
                            slot.candidates().forEach(c -> byHash.put(key(c.hash()), slot));
                            poller.wakeUp();
                        } // else passing: the poller offers the same bytes again
                    }
                }
            }
        }
    }

    private void follow(Job j, InFlight slot, BigInteger nonce) {
        next = nonce.add(BigInteger.ONE);
        floor = floor.max(next);
        slot.candidates().forEach(c -> byHash.put(key(c.hash()), slot));
        j.slots.add(slot);
        poller.track(slot);
    }

    /**
     * A transaction the node refused although later ones of this client already wait in its pool behind it:
     * the nonce is used up by a zero-value transfer to this account (a cancel), so the later ones can be
     * mined; the step then ends as replaced. When another transaction used the nonce already, it is so now.
     */
    private void useUp(InFlight slot, boolean taken, Fees fees) {
        if (taken) {
            slot.resolution.complete(new InFlight.Resolution(null, null, null));
            return;
        }
        try {
            InFlight.Candidate cancel = sign(slot.nonce, account, BigInteger.ZERO, "0x", CANCEL_GAS, fees, true);
            slot.add(cancel);
            Broadcaster.Result r = broadcaster.broadcast(cancel.signedHex(), cancel.hash());
            LOG.warn("the node refused {} (nonce {}) while later transactions wait behind it; filled the nonce with {}: {}",
                    slot.candidates().get(0).hash(), slot.nonce, cancel.hash(), r.verdict());
        } catch (RuntimeException e) {
            LOG.error("could not fill nonce {} of {}: the transactions behind it wait until it is used", slot.nonce, account, e);
        }
    }

    /**
     * Hands {@code txs} to the node in one JSON-RPC batch (several if long); true for each the node plainly
     * accepted. Anything else (an error answer, a lost batch) is settled one by one by the caller.
     */
    private boolean[] batchSend(List<Signed> txs) {
        boolean[] accepted = new boolean[txs.size()];
        if (txs.size() < 2) {
            return accepted; // one transaction: the broadcaster's own path costs the same
        }
        for (int from = 0; from < txs.size(); from += ReceiptPoller.MAX_BATCH) {
            int to = Math.min(txs.size(), from + ReceiptPoller.MAX_BATCH);
            org.web3j.protocol.core.BatchRequest batch = web3j.newBatch();
            for (int x = from; x < to; x++) {
                batch.add(web3j.ethSendRawTransaction(txs.get(x).candidate().signedHex()));
            }
            List<? extends Response<?>> answers;
            try {
                answers = batch.send().getResponses();
            } catch (IOException | RuntimeException e) {
                LOG.debug("batch of {} transactions failed at the transport ({}); settling them one by one", to - from,
                        TransportFailures.describe(e));
                return accepted;
            }
            if (answers == null || answers.size() != to - from) {
                return accepted;
            }
            for (int x = from; x < to; x++) {
                Response<?> a = answers.get(x - from);
                accepted[x] = a != null && !a.hasError() && a.getResult() != null;
            }
        }
        return accepted;
    }

    /** Without eth_simulateV1: each step is simulated right before it is sent, after the one before it was mined. */
    private void sendOneByOne(Job j, Fees fees) {
        for (int i = 0; i < j.current.size(); i++) {
            Step step = j.current.get(i);
            BigInteger gasLimit = j.preview.steps().get(i).gasLimit();
            if (!j.preview.steps().get(i).simulated()) {
                Simulator.Outcome now;
                try {
                    now = pipeline.simulator.callOne(pipeline.from(), step);
                } catch (RestakeException e) {
                    j.failure = e;
                    return;
                } catch (GasFunds.Refused refused) {
                    j.failure = GasFunds.afterNodeRefusal(web3j, step.description() + " (the steps before it were already sent)",
                            account, step.value(), BigInteger.ZERO, refused.getMessage());
                    return;
                }
                if (!now.success()) {
                    j.failure = new SimulationRevertedException(i, step.description() + "; the steps before it were already sent",
                            config.revertDecoder().decode(now.returnData()));
                    return;
                }
                gasLimit = pipeline.withMargin(step, now.gasUsed());
            } else if (!j.preview.steps().get(i).success()) {
                SimulationRevertedException e = new SimulationRevertedException(i, step.description(),
                        j.preview.steps().get(i).revert());
                j.failure = e;
                return;
            }
            if (handOver(j, i, gasLimit, fees) != Verdict.CONTINUE) {
                return;
            }
            if (i + 1 < j.current.size()) {
                InFlight slot = j.slots.get(i);
                try {
                    InFlight.Resolution r = slot.resolution.get(config.receiptTimeout().toNanos(), TimeUnit.NANOSECONDS);
                    if (!r.mined() || !r.receipt().isStatusOK()) {
                        return; // finish() reports it
                    }
                } catch (Exception e) {
                    return; // not mined in time: finish() reports it as unknown
                }
            }
        }
    }

    private enum Verdict { CONTINUE, STOP }

    /** Signs step {@code i} of {@code j} with the next nonce and hands it over (without eth_simulateV1, one at a time). */
    private Verdict handOver(Job j, int i, BigInteger gasLimit, Fees fees) {
        Step step = j.current.get(i);
        Signed t;
        try {
            t = new Signed(j, i, next, gasLimit, sign(next, step.to(), step.value(), step.data(), gasLimit, fees, false));
        } catch (RuntimeException e) {
            j.failure = e instanceof RestakeException r ? r
                    : new RestakeException("signing step " + (i + 1) + " (" + step.description() + ") failed: " + e, e);
            return Verdict.STOP;
        }
        Pipeline.emit(j.listener, new OperationEvent(OperationEvent.Stage.SIGNED, i, step, t.candidate().hash(), null, null,
                null));
        List<Job> requeue = new ArrayList<>();
        handOverSigned(List.of(t), fees, requeue);
        if (!requeue.isEmpty()) {
            j.failure = new RpcException("step " + (i + 1) + " (" + step.description() + ") was not sent: its nonce " + t.nonce()
                    + " was used by another transaction of " + account, true, null);
        }
        return j.failure == null && j.slots.size() == i + 1 ? Verdict.CONTINUE : Verdict.STOP;
    }

    private InFlight.Candidate sign(BigInteger nonce, String to, BigInteger value, String data, BigInteger gasLimit, Fees fees,
            boolean cancel) {
        RawTransaction raw = switch (fees) {
            case Fees.Eip1559 f -> RawTransaction.createTransaction(config.chainId(), nonce, gasLimit, to, value, data,
                    f.maxPriorityFeePerGas(), f.maxFeePerGas());
            case Fees.Legacy l -> RawTransaction.createTransaction(nonce, l.gasPrice(), gasLimit, to, value, data);
        };
        byte[] signed = signer.signTransaction(raw, config.chainId());
        return new InFlight.Candidate(Broadcaster.hashOf(signed), Numeric.toHexString(signed), fees, cancel);
    }

    private void seed(EthGetTransactionCount count) {
        if (count.hasError() || count.getTransactionCount() == null) {
            throw new RpcException("eth_getTransactionCount failed: "
                    + (count.hasError() ? count.getError().getMessage() : "no answer"), true, null);
        }
        next = count.getTransactionCount().max(floor);
        resync = false;
    }

    /** Reads the pending count again (after a nonce was found used); never below {@code atLeast} or the floor. */
    private void resyncNow(BigInteger atLeast) {
        BigInteger fetched = null;
        for (int attempt = 1; attempt <= 3 && fetched == null; attempt++) {
            try {
                EthGetTransactionCount c = web3j.ethGetTransactionCount(account, DefaultBlockParameterName.PENDING).send();
                fetched = c.hasError() ? null : c.getTransactionCount();
            } catch (IOException | RuntimeException e) {
                LOG.debug("eth_getTransactionCount failed: {}", TransportFailures.describe(e));
            }
        }
        next = (fetched == null ? atLeast : fetched.max(atLeast)).max(floor);
        floor = floor.max(atLeast);
    }

    private void emitSimulated(Job j) {
        Pipeline.emit(j.listener, new OperationEvent(OperationEvent.Stage.SIMULATED, -1, null, null, null, j.preview, null));
    }

    private static RestakeException copy(RestakeException e) {
        if (e instanceof ChainMismatchException c) {
            return new ChainMismatchException(c.expected(), c.actual());
        }
        if (e instanceof InvalidInputException i) {
            return new InvalidInputException(i.code(), i.parameter().orElse(null), e.getMessage());
        }
        return new RpcException(e.getMessage(), e.isRetryable(), e);
    }

    // ---------------------------------------------------------------- in flight

    /** This client's record of {@code hash}, or a new one read from the node (followed until it is mined). */
    InFlight slotFor(String hash) {
        InFlight known = byHash.get(key(hash));
        if (known != null) {
            return known;
        }
        Transaction tx = Pipeline.transactionByHash(web3j, hash);
        InFlight slot;
        if (tx == null) {
            slot = new InFlight(null, null, "0x", BigInteger.ZERO, null);
        } else {
            slot = new InFlight(tx.getNonce(), tx.getTo(), tx.getInput(), tx.getValue(), tx.getGas());
        }
        slot.add(new InFlight.Candidate(hash, null, null, false));
        byHash.put(key(hash), slot);
        poller.track(slot);
        return slot;
    }

    private static String key(String hash) {
        return hash.toLowerCase(java.util.Locale.ROOT);
    }

    /** The hashes of this client's transactions not yet mined (the latest signed at each nonce). */
    public List<String> pendingHashes() {
        return poller.inFlight().stream().map(s -> s.latest().hash()).toList();
    }

    /**
     * Signs the transaction behind {@code hash} again at its nonce with fees raised by 12.5% (or to the fee
     * strategy's current fees, if higher) and hands it to the node; returns the new hash. Only one of the two
     * can be mined.
     */
    public String speedUp(String hash) {
        return replace(requireInFlight(hash), false, manualBump);
    }

    /**
     * Replaces the transaction behind {@code hash} with a zero-value transfer to this account at the same
     * nonce, with raised fees; returns the cancel's hash. Whichever is mined, the other never is.
     */
    public String cancel(String hash) {
        return replace(requireInFlight(hash), true, manualBump);
    }

    private InFlight requireInFlight(String hash) {
        InFlight slot = byHash.get(key(hash));
        if (slot == null || slot.latest().signedHex() == null) {
            throw new InvalidInputException(ErrorCode.NOT_PERMITTED, "transaction " + hash + " was not signed by this client: only its own transactions"
                    + " can be sped up or cancelled");
        }
        if (slot.resolved()) {
            throw new InvalidInputException(ErrorCode.ALREADY_DONE, "transaction " + hash + " is no longer pending (it was mined or replaced)");
        }
        return slot;
    }

    private String replace(InFlight slot, boolean cancel, FeeBumpPolicy policy) {
        synchronized (slot) {
            InFlight.Candidate latest = slot.latest();
            Fees bumped = policy.bump(latest.fees());
            if (bumped == null) {
                throw new InvalidInputException(ErrorCode.ABOVE_MAXIMUM, "cannot raise the fees of " + latest.hash() + " by the 10% a replacement needs"
                        + " within the cap " + policy.maxFeeCap() + " wei");
            }
            Fees now = currentFeesOrNull();
            if (now != null && now.getClass() == bumped.getClass() && now.maxFeePerGas().compareTo(bumped.maxFeePerGas()) > 0
                    && (policy.maxFeeCap() == null || now.maxFeePerGas().compareTo(policy.maxFeeCap()) <= 0)) {
                bumped = now;
            }
            InFlight.Candidate c = cancel
                    ? sign(slot.nonce, account, BigInteger.ZERO, "0x", CANCEL_GAS, bumped, true)
                    : sign(slot.nonce, slot.to, slot.value, slot.data, slot.gasLimit, bumped, false);
            slot.add(c);
            byHash.put(key(c.hash()), slot);
            Broadcaster.Result r = broadcaster.broadcast(c.signedHex(), c.hash());
            if (r.verdict() == Broadcaster.Verdict.REFUSED || r.verdict() == Broadcaster.Verdict.NONCE_TAKEN) {
                slot.remove(c);
                byHash.remove(key(c.hash()));
                throw new RpcException("the node refused the " + (cancel ? "cancel" : "speed-up") + " of " + latest.hash() + ": "
                        + r.detail(), false, r.failure());
            }
            slot.sentAtBlock = poller.latestBlock();
            LOG.info("{} {} (nonce {}) as {} with max fee {} wei", cancel ? "cancelled" : "sped up", latest.hash(), slot.nonce,
                    c.hash(), bumped.maxFeePerGas());
            poller.wakeUp();
            return c.hash();
        }
    }

    private Fees currentFeesOrNull() {
        try {
            return config.feeStrategy().fees(web3j);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The poller found the node no longer knows the latest bytes of {@code slot}: offer them again. */
    private void rebroadcast(InFlight slot) {
        InFlight.Candidate latest = slot.latest();
        Broadcaster.Result r = broadcaster.broadcast(latest.signedHex(), latest.hash());
        if (r.verdict() == Broadcaster.Verdict.REFUSED && r.detail() != null
                && r.detail().toLowerCase(java.util.Locale.ROOT).contains("underpriced")) {
            try {
                replace(slot, false, bumps.enabled() ? bumps : manualBump);
            } catch (RuntimeException e) {
                LOG.warn("could not re-sign {} with higher fees: {}", latest.hash(), e.getMessage());
            }
        } else if (r.verdict() != Broadcaster.Verdict.ACCEPTED) {
            LOG.debug("offering {} again: {} {}", latest.hash(), r.verdict(), r.detail());
        }
    }

    /** The fee-bump policy, applied to a slot still unmined at {@code block}. */
    private void unmined(InFlight slot, BigInteger block) {
        if (!bumps.enabled() || slot.to == null || slot.latest().signedHex() == null) {
            return;
        }
        if (slot.sentAtBlock == null) {
            slot.sentAtBlock = block;
            return;
        }
        if (slot.bumps >= bumps.maxBumps() || block.subtract(slot.sentAtBlock).intValue() < bumps.afterBlocks()) {
            return;
        }
        try {
            slot.bumps++;
            replace(slot, false, bumps);
        } catch (RuntimeException e) {
            LOG.warn("fee bump of nonce {} failed: {}", slot.nonce, e.getMessage());
            slot.sentAtBlock = block;
        }
    }

    @Override
    public void close() {
        closed = true;
        handovers.shutdown();
        poller.close();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.interrupt();
        }
    }
}
