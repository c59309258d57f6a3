package io.restake4j.tx.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthBlockNumber;
import org.web3j.protocol.core.methods.response.EthGetTransactionCount;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.EthTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.restake4j.rpc.TransportFailures;

/**
 * One poller per client for every transaction in flight: each tick asks for all their receipts in one
 * JSON-RPC batch, polls at once when a transaction is added, and keeps going through transient errors
 * (with a growing pause, never giving up by itself). Every few ticks it also looks after the ones still
 * unmined: offers again the bytes of a transaction the node no longer knows, notices a nonce that another
 * transaction used, and lets the engine bump fees by its policy.
 */
final class ReceiptPoller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptPoller.class);
    /** Requests per JSON-RPC batch (providers cap batches; 100 is accepted everywhere we know). */
    static final int MAX_BATCH = 100;
    /** Every how many ticks unmined transactions are looked after. */
    private static final int CARE_EVERY = 5;
    /** How long a transaction may stay unmined before it is looked after (re-broadcast, replacement, bumps). */
    private final long careAfterNanos;
    /** Sightings in a row before a transaction counts as dropped or replaced (a load balancer may lag). */
    private static final int SIGHTINGS = 2;

    /** What the engine does for the poller: re-broadcasts and fee bumps. */
    interface Caretaker {
        /** Offers the latest bytes of {@code slot} again (the node no longer knows them). */
        void rebroadcast(InFlight slot);

        /** Called with the latest block number for every unmined slot; may bump its fees. */
        void unmined(InFlight slot, BigInteger latestBlock);
    }

    private final Web3j web3j;
    private final String account;
    private final Duration interval;
    private final Caretaker caretaker;
    private final Set<InFlight> tracked = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private boolean woken;
    private volatile boolean closed;
    private volatile BigInteger latestBlock;
    private Thread thread;
    private long ticks;
    /** Requests per batch now: halved after a batch failed whole, doubled (up to {@link #MAX_BATCH}) after one went through. */
    private int chunk = MAX_BATCH;

    /**
     * @param web3j the node, preferably without a retrying layer: the poller has its own (the next tick), and a
     *              layer that repeats a whole batch for one failed element would hold it up
     */
    ReceiptPoller(Web3j web3j, String account, Duration interval, Caretaker caretaker) {
        this.web3j = web3j;
        this.account = account;
        this.interval = interval;
        this.caretaker = caretaker;
        this.careAfterNanos = Math.max(interval.toNanos() * 20, TimeUnit.SECONDS.toNanos(2));
    }

    /** Starts following {@code slot}; polls at once. */
    void track(InFlight slot) {
        if (slot.resolved()) {
            return;
        }
        slot.trackedAt = System.nanoTime();
        slot.pollGap = firstGap();
        slot.nextPollAt = slot.trackedAt + slot.pollGap;
        tracked.add(slot);
        slot.resolution.whenComplete((r, e) -> tracked.remove(slot));
        ensureStarted();
        wakeUp();
    }

    /** The slots still unresolved. */
    List<InFlight> inFlight() {
        return List.copyOf(tracked);
    }

    /** The latest block number seen by the poller (null before the first look). */
    BigInteger latestBlock() {
        return latestBlock;
    }

    void wakeUp() {
        lock.lock();
        try {
            woken = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private synchronized void ensureStarted() {
        if (thread == null && !closed) {
            thread = new Thread(this::run, "restake4j-receipts");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void run() {
        int failures = 0;
        while (!closed) {
            if (tracked.isEmpty()) {
                if (!await(Duration.ofSeconds(1))) {
                    continue;
                }
            }
            try {
                tick();
                failures = 0;
                await(nextWait());
            } catch (RuntimeException | IOException e) {
                failures++;
                long pause = Math.min(interval.toMillis() * (1L << Math.min(failures, 6)), 2_000);
                LOG.debug("receipt poll failed ({}); trying again in {} ms", TransportFailures.describe(e), pause);
                await(Duration.ofMillis(Math.max(pause, 1)));
            }
        }
    }

    /** The first pause after a transaction is handed over: a fifth of the interval (1 ms at 5 ms, 200 ms at 1 s). */
    private long firstGap() {
        return Math.max(interval.toNanos() / 5, 1);
    }

    /**
     * The pause until the next slot is due. Each slot is asked for first a fifth of the interval after it was
     * handed over (on a devnet it is mined by then; elsewhere the poll is cheap), then after gaps that double
     * up to the interval: a young transaction is found soon, an old one costs one request per interval.
     */
    Duration nextWait() {
        long now = System.nanoTime();
        long soonest = Long.MAX_VALUE;
        for (InFlight s : tracked) {
            soonest = Math.min(soonest, s.nextPollAt);
        }
        return Duration.ofNanos(soonest == Long.MAX_VALUE ? interval.toNanos() : Math.max(0, soonest - now));
    }

    /** Waits for a wake-up or the timeout; true when woken. */
    private boolean await(Duration timeout) {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (!woken && nanos > 0 && !closed) {
                nanos = wake.awaitNanos(nanos);
            }
            boolean was = woken;
            woken = false;
            return was;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
            return false;
        } finally {
            lock.unlock();
        }
    }

    private void tick() throws IOException {
        long now = System.nanoTime();
        List<InFlight> slots = new ArrayList<>();
        for (InFlight s : tracked) {
            if (s.nextPollAt <= now + 200_000) { // due (or within 0.2 ms: polled together)
                slots.add(s);
                s.pollGap = Math.min(s.pollGap * 2, interval.toNanos());
                s.nextPollAt = now + s.pollGap;
            }
        }
        if (slots.isEmpty()) {
            return;
        }
        ticks++;
        List<InFlight> old = new ArrayList<>();
        if (ticks % CARE_EVERY == 0) {
            for (InFlight s : slots) {
                if (now - s.trackedAt > careAfterNanos) {
                    old.add(s);
                }
            }
        }
        boolean care = !old.isEmpty();
        record Asked(InFlight slot, InFlight.Candidate candidate) {
        }
        List<Asked> asked = new ArrayList<>();
        List<Request<?, ? extends Response<?>>> requests = new ArrayList<>();
        for (InFlight slot : slots) {
            for (InFlight.Candidate c : slot.candidates()) {
                asked.add(new Asked(slot, c));
                requests.add(web3j.ethGetTransactionReceipt(c.hash()));
            }
        }
        int receiptCount = requests.size();
        List<InFlight.Candidate> latest = new ArrayList<>();
        if (care) {
            requests.add(web3j.ethBlockNumber());
            requests.add(web3j.ethGetTransactionCount(account, DefaultBlockParameterName.LATEST));
            for (InFlight slot : old) {
                InFlight.Candidate newest = slot.latest();
                latest.add(newest);
                requests.add(web3j.ethGetTransactionByHash(newest.hash()));
            }
        }
        List<Response<?>> answers = send(requests);
        java.util.Set<InFlight> unanswered = new java.util.HashSet<>();
        for (int i = 0; i < receiptCount; i++) {
            if (answers.get(i) instanceof EthGetTransactionReceipt er && !er.hasError()) {
                if (er.getTransactionReceipt().isPresent()) {
                    resolveMined(asked.get(i).slot(), asked.get(i).candidate(), er.getTransactionReceipt().get());
                }
            } else {
                unanswered.add(asked.get(i).slot());
            }
        }
        if (!care) {
            return;
        }
        BigInteger block = answers.get(receiptCount) instanceof EthBlockNumber bn && !bn.hasError() ? bn.getBlockNumber() : null;
        if (block != null) {
            latestBlock = block;
        }
        BigInteger minedNonce = answers.get(receiptCount + 1) instanceof EthGetTransactionCount tc && !tc.hasError()
                ? tc.getTransactionCount() : null;
        int j = receiptCount + 2;
        for (InFlight slot : old) {
            Response<?> a = answers.get(j);
            InFlight.Candidate lookedUp = latest.get(j++ - receiptCount - 2);
            if (slot.resolved()) {
                continue;
            }
            if (minedNonce != null && slot.nonce != null && minedNonce.compareTo(slot.nonce) > 0
                    && !unanswered.contains(slot)) {
                // The nonce is used, but none of our receipts is there (yet): replaced, after two sightings.
                if (++slot.replacedSightings >= SIGHTINGS) {
                    resolveReplaced(slot);
                }
                continue;
            }
            slot.replacedSightings = 0;
            if (a instanceof EthTransaction et && !et.hasError()) {
                if (et.getTransaction().isEmpty() && lookedUp == slot.latest() && lookedUp.signedHex() != null) {
                    if (++slot.unknownSightings >= SIGHTINGS) {
                        slot.unknownSightings = 0;
                        LOG.info("the node no longer knows transaction {} (nonce {}); offering the same bytes again",
                                slot.latest().hash(), slot.nonce);
                        caretaker.rebroadcast(slot);
                    }
                } else {
                    slot.unknownSightings = 0;
                }
            }
            if (block != null) {
                caretaker.unmined(slot, block);
            }
        }
    }

    /**
     * Sends {@code requests} in batches of {@link #chunk}; the answer list is aligned with the requests, with
     * null where a batch failed whole (a reset, a 503). A failed batch halves the chunk, so that a node that fails
     * some requests still answers the rest this tick; a tick with no failure doubles it again (up to
     * {@link #MAX_BATCH}). Throws only when nothing at all was answered (then the poller backs off).
     */
    private List<Response<?>> send(List<Request<?, ? extends Response<?>>> requests) throws IOException {
        List<Response<?>> all = new ArrayList<>(requests.size());
        IOException lastFailure = null;
        boolean anyAnswered = false;
        int from = 0;
        while (from < requests.size()) {
            int size = Math.min(chunk, requests.size() - from);
            List<Request<?, ? extends Response<?>>> part = requests.subList(from, from + size);
            try {
                if (size == 1) {
                    all.add(part.get(0).send());
                } else {
                    BatchRequest batch = web3j.newBatch();
                    part.forEach(batch::add);
                    BatchResponse response = batch.send();
                    if (response.getResponses() == null || response.getResponses().size() != size) {
                        throw new IOException("the node answered " + (response.getResponses() == null ? 0
                                : response.getResponses().size()) + " of " + size + " batched requests");
                    }
                    all.addAll(response.getResponses());
                }
                anyAnswered = true;
            } catch (IOException | RuntimeException e) {
                lastFailure = e instanceof IOException io ? io : new IOException(e);
                for (int i = 0; i < size; i++) {
                    all.add(null);
                }
                chunk = Math.max(1, chunk / 2);
            }
            from += size;
        }
        if (!anyAnswered && lastFailure != null) {
            throw lastFailure;
        }
        if (lastFailure == null) {
            chunk = Math.min(MAX_BATCH, chunk * 2);
        }
        return all;
    }

    /**
     * Settles a slot whose nonce the chain shows used while no receipt of ours came: replaced only when, for every
     * hash signed at that nonce, the node has neither a receipt nor the transaction itself. A lagging node may
     * miss a receipt of a mined transaction; it then still knows the transaction (with its block), and the slot
     * stays open until the receipt comes. Any failed or erroneous answer leaves it for the next look.
     */
    private void resolveReplaced(InFlight slot) {
        for (InFlight.Candidate c : slot.candidates()) {
            try {
                EthGetTransactionReceipt r = web3j.ethGetTransactionReceipt(c.hash()).send();
                if (r.hasError()) {
                    return;
                }
                if (r.getTransactionReceipt().isPresent()) {
                    resolveMined(slot, c, r.getTransactionReceipt().get());
                    return;
                }
                EthTransaction t = web3j.ethGetTransactionByHash(c.hash()).send();
                if (t.hasError() || t.getTransaction().isPresent()) {
                    slot.replacedSightings = 0; // mined (or pending) after all: wait for its receipt
                    return;
                }
            } catch (IOException | RuntimeException e) {
                return;
            }
        }
        LOG.info("nonce {} of {} was used by another transaction; {} can never be mined", slot.nonce, account, slot.hashes());
        slot.resolution.complete(new InFlight.Resolution(null, null, null));
    }

    private static void resolveMined(InFlight slot, InFlight.Candidate c, TransactionReceipt receipt) {
        if (c.cancel()) {
            slot.resolution.complete(new InFlight.Resolution(receipt, c, c.hash()));
        } else {
            slot.resolution.complete(new InFlight.Resolution(receipt, c, null));
        }
    }

    @Override
    public void close() {
        closed = true;
        wakeUp();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
