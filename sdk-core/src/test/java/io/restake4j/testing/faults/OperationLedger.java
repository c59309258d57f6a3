package io.restake4j.testing.faults;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.restake4j.errors.RestakeException;
import io.restake4j.errors.TransactionRevertedException;
import io.restake4j.tx.Operation;
import io.restake4j.tx.OperationEvent;

/**
 * Runs operations, records what each one reported, and then compares that with what the chain says.
 *
 * <pre>{@code
 * OperationLedger ledger = new OperationLedger();
 * BigInteger first = nonce(account);
 * for (...) ledger.run("transfer", () -> client.tokens().transfer(amount, bob));   // never throws
 * OperationLedger.Reconciliation r = ledger.reconcile(devnet.web3j(), account, first); // straight to anvil
 * System.out.println(r.summary());
 * }</pre>
 *
 * <p>Per operation it keeps the transaction hashes seen in its listener events (SIGNED carries the hash before
 * the transaction is broadcast, so even a transaction whose answer was lost is known), its number of steps
 * (from the SIMULATED preview), and its result or exception ({@link RestakeException#isRetryable()} included).
 * Thread-safe: several threads may {@link #run} at once.
 */
public final class OperationLedger {

    /**
     * What one operation reported. {@code steps} is -1 when it failed before its simulation; {@code endBlock} is
     * the node's block height when the operation returned (-1 without an observer).
     */
    public record Entry(int index, String label, int steps, Map<Integer, List<String>> hashesByStep, List<String> hashes,
            List<OperationEvent.Stage> stages, Object result, Throwable error, boolean retryable, long millis,
            long endBlock) {

        public boolean ok() {
            return error == null;
        }

        /** "ClassName" of the exception, or null. */
        public String errorType() {
            return error == null ? null : error.getClass().getSimpleName();
        }

        @Override
        public String toString() {
            return "#" + index + " " + label + " (" + steps + " steps, " + millis + " ms, returned at block " + endBlock + ") "
                    + (ok() ? "OK" : errorType() + (retryable ? " [retryable]" : "") + ": " + error.getMessage())
                    + " hashes " + hashesByStep;
        }
    }

    private final List<Entry> entries = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger counter = new AtomicInteger();
    private final Web3j observer;

    /** A ledger that does not look at the chain until {@link #reconcile}. */
    public OperationLedger() {
        this(null);
    }

    /**
     * A ledger that also reads the block height from {@code observer} (straight to the node, not through a faulty
     * proxy) when each operation returns, so that {@link #reconcile} can tell transactions mined after their
     * operation had already reported.
     */
    public OperationLedger(Web3j observer) {
        this.observer = observer;
    }

    /** Builds the operation with {@code make} and sends it; any exception (also from {@code make}) is recorded, not thrown. */
    public <R> Entry run(String label, Supplier<? extends Operation<R>> make) {
        int index = counter.incrementAndGet();
        Map<Integer, List<String>> byStep = Collections.synchronizedMap(new TreeMap<>());
        Set<String> hashes = Collections.synchronizedSet(new LinkedHashSet<>());
        List<OperationEvent.Stage> stages = Collections.synchronizedList(new ArrayList<>());
        int[] steps = {-1};
        long t0 = System.nanoTime();
        Object result = null;
        Throwable error = null;
        try {
            Operation<R> op = make.get();
            result = op.withListener(e -> {
                stages.add(e.stage());
                if (e.stage() == OperationEvent.Stage.SIMULATED && e.preview() != null) {
                    steps[0] = e.preview().steps().size();
                }
                if (e.transactionHash() != null) {
                    String h = e.transactionHash().toLowerCase(Locale.ROOT);
                    if (hashes.add(h)) {
                        byStep.computeIfAbsent(e.stepIndex(), k -> Collections.synchronizedList(new ArrayList<>())).add(h);
                    }
                }
            }).send();
        } catch (RuntimeException e) {
            error = e;
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        long endBlock = -1;
        if (observer != null) {
            try {
                endBlock = observer.ethBlockNumber().send().getBlockNumber().longValueExact();
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("the observer cannot read the block height", e);
            }
        }
        boolean retryable = error instanceof RestakeException re && re.isRetryable();
        Map<Integer, List<String>> stepsCopy = new TreeMap<>();
        synchronized (byStep) {
            byStep.forEach((k, v) -> stepsCopy.put(k, List.copyOf(v)));
        }
        Entry entry = new Entry(index, label, steps[0], Collections.unmodifiableMap(stepsCopy), List.copyOf(hashes),
                List.copyOf(stages), result, error, retryable, millis, endBlock);
        entries.add(entry);
        return entry;
    }

    /** Sends {@code op} (see {@link #run(String, Supplier)}). */
    public <R> Entry run(String label, Operation<R> op) {
        return run(label, () -> op);
    }

    /** Everything recorded, in the order the operations finished. */
    public List<Entry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    public int size() {
        return entries.size();
    }

    // ---------------------------------------------------------------------------------------------

    /** What the node says about one recorded hash. */
    public record Truth(String hash, boolean known, boolean mined, boolean success, BigInteger nonce, String from,
            BigInteger gasUsed, BigInteger gasLimit, long block) {

        @Override
        public String toString() {
            return hash + (!known ? " unknown" : !mined ? " in pool" : (success ? " ok" : " REVERTED") + " nonce " + nonce
                    + " block " + block + " gas " + gasUsed + "/" + gasLimit);
        }
    }

    /**
     * Reads the truth from {@code groundTruth} (a client straight to the node, not through a faulty proxy): every
     * recorded hash's transaction and receipt, and {@code account}'s nonces. {@code firstNonce} is the account's
     * nonce before the first recorded operation.
     */
    public Reconciliation reconcile(Web3j groundTruth, String account, BigInteger firstNonce) throws IOException {
        List<Entry> all = entries();
        all = all.stream().sorted((a, b) -> Integer.compare(a.index(), b.index())).toList();
        Map<String, Truth> truth = new LinkedHashMap<>();
        for (Entry e : all) {
            for (String h : e.hashes()) {
                truth.computeIfAbsent(h, k -> lookUp(groundTruth, k));
            }
        }
        BigInteger latest = groundTruth.ethGetTransactionCount(account, DefaultBlockParameterName.LATEST).send()
                .getTransactionCount();
        BigInteger pending = groundTruth.ethGetTransactionCount(account, DefaultBlockParameterName.PENDING).send()
                .getTransactionCount();
        return new Reconciliation(all, truth, account, firstNonce, latest, pending);
    }

    private static Truth lookUp(Web3j web3j, String hash) {
        try {
            Optional<TransactionReceipt> receipt = web3j.ethGetTransactionReceipt(hash).send().getTransactionReceipt();
            Optional<Transaction> tx = web3j.ethGetTransactionByHash(hash).send().getTransaction();
            return new Truth(hash, tx.isPresent(), receipt.isPresent(), receipt.map(TransactionReceipt::isStatusOK).orElse(false),
                    tx.map(Transaction::getNonce).orElse(null), tx.map(Transaction::getFrom).orElse(null),
                    receipt.map(TransactionReceipt::getGasUsed).orElse(null), tx.map(Transaction::getGas).orElse(null),
                    receipt.map(r -> r.getBlockNumber().longValueExact()).orElse(-1L));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the truth about " + hash + " from the node", e);
        }
    }

    /** The recorded operations against the chain: the figures, and the operations behind each anomaly. */
    public static final class Reconciliation {
        private final Map<String, Integer> figures = new LinkedHashMap<>();
        private final Map<String, List<String>> details = new LinkedHashMap<>();
        private final Map<String, Integer> failureTypes = new TreeMap<>();
        private final Map<String, int[]> byLabel = new TreeMap<>();
        private final Map<String, Truth> truth;
        private final int operations;

        Reconciliation(List<Entry> all, Map<String, Truth> truth, String account, BigInteger firstNonce,
                BigInteger latest, BigInteger pending) {
            this.truth = truth;
            this.operations = all.size();
            int ok = 0;
            int failed = 0;
            int failedRetryable = 0;
            int failedBeforeSigning = 0;
            int notRestake = 0;
            int executedFailed = 0;
            int executedFailedFully = 0;
            int retryableExecuted = 0;
            int lost = 0;
            int duplicated = 0;
            int revertedOps = 0;
            int reportedReverted = 0;
            int lateTxs = 0;
            int lateOps = 0;
            boolean observed = !all.isEmpty() && all.stream().allMatch(e -> e.endBlock() >= 0);
            for (Entry e : all) {
                int[] l = byLabel.computeIfAbsent(e.label(), k -> new int[2]);
                List<Truth> mine = e.hashes().stream().map(truth::get).toList();
                long minedOk = mine.stream().filter(t -> t.mined() && t.success()).count();
                boolean anyReverted = mine.stream().anyMatch(t -> t.mined() && !t.success());
                long late = mine.stream().filter(t -> t.mined() && e.endBlock() >= 0 && t.block() > e.endBlock()).count();
                if (late > 0) {
                    lateTxs += (int) late;
                    lateOps++;
                    details.computeIfAbsent("mined after the operation returned", k -> new ArrayList<>()).add(e + " -> "
                            + mine.stream().filter(t -> t.mined() && t.block() > e.endBlock()).toList());
                }
                if (anyReverted) {
                    revertedOps++;
                    details.computeIfAbsent("reverted on chain", k -> new ArrayList<>()).add(e + " -> "
                            + mine.stream().filter(t -> t.mined() && !t.success()).toList());
                }
                if (e.ok()) {
                    ok++;
                    l[0]++;
                    for (int s = 0; s < Math.max(0, e.steps()); s++) {
                        List<String> hs = e.hashesByStep().getOrDefault(s, List.of());
                        if (hs.stream().map(truth::get).noneMatch(Truth::mined)) {
                            lost++;
                            note("lost", e);
                            break;
                        }
                    }
                } else {
                    failed++;
                    l[1]++;
                    failureTypes.merge(e.errorType() + (e.retryable() ? " (retryable)" : ""), 1, Integer::sum);
                    if (e.retryable()) {
                        failedRetryable++;
                    }
                    if (e.hashes().isEmpty()) {
                        failedBeforeSigning++;
                    }
                    if (!(e.error() instanceof RestakeException)) {
                        notRestake++;
                        note("not a RestakeException", e);
                    }
                    if (e.error() instanceof TransactionRevertedException) {
                        reportedReverted++;
                    }
                    if (minedOk > 0) {
                        executedFailed++;
                        note("executed but reported failed", e);
                        if (e.steps() > 0 && minedOk >= e.steps()) {
                            executedFailedFully++;
                        }
                        if (e.retryable()) {
                            retryableExecuted++;
                            note("retryable but executed", e);
                        }
                    }
                }
                boolean dup = e.steps() > 0 && minedOk > e.steps();
                for (List<String> hs : e.hashesByStep().values()) {
                    dup |= hs.stream().map(truth::get).filter(t -> t.mined() && t.success()).count() > 1;
                }
                if (dup) {
                    duplicated++;
                    note("duplicated", e);
                }
            }
            int signed = truth.size();
            long mined = truth.values().stream().filter(Truth::mined).count();
            long minedOk = truth.values().stream().filter(t -> t.mined() && t.success()).count();
            long inPool = truth.values().stream().filter(t -> t.known() && !t.mined()).count();
            long unknown = truth.values().stream().filter(t -> !t.known()).count();
            TreeSet<BigInteger> minedNonces = new TreeSet<>();
            truth.values().stream().filter(t -> t.mined() && t.nonce() != null && account.equalsIgnoreCase(t.from()))
                    .map(Truth::nonce).filter(n -> n.compareTo(firstNonce) >= 0).forEach(minedNonces::add);
            int gaps = 0;
            for (BigInteger n = firstNonce; n.compareTo(latest) < 0; n = n.add(BigInteger.ONE)) {
                if (!minedNonces.contains(n)) {
                    gaps++;
                }
            }
            figures.put("operations", operations);
            figures.put("reported OK", ok);
            figures.put("reported failed", failed);
            figures.put("  failed, retryable", failedRetryable);
            figures.put("  failed before signing anything", failedBeforeSigning);
            figures.put("  failed with a TransactionRevertedException", reportedReverted);
            figures.put("  failed with a non-RestakeException", notRestake);
            figures.put("executed but reported failed (a hash mined, status 1)", executedFailed);
            figures.put("  of which every step mined", executedFailedFully);
            figures.put("retryable but executed", retryableExecuted);
            figures.put("lost (reported OK, a step not mined)", lost);
            figures.put("duplicated (more mined txs than steps)", duplicated);
            figures.put("ops with a tx reverted on chain", revertedOps);
            if (observed) {
                figures.put("ops with a tx mined after the op returned", lateOps);
                figures.put("  txs mined after their op returned", lateTxs);
            }
            figures.put("signed hashes", signed);
            figures.put("  mined", (int) mined);
            figures.put("  mined with status 1", (int) minedOk);
            figures.put("  mined with status 0 (reverted on chain)", (int) (mined - minedOk));
            figures.put("  in the node's pool, not mined", (int) inPool);
            figures.put("  unknown to the node (never arrived or dropped)", (int) unknown);
            figures.put("account nonce: first", firstNonce.intValueExact());
            figures.put("account nonce: latest", latest.intValueExact());
            figures.put("account nonce: pending", pending.intValueExact());
            figures.put("nonces used (latest - first)", latest.subtract(firstNonce).intValueExact());
            figures.put("recorded mined txs of the account from first", minedNonces.size());
            figures.put("nonce gaps (used nonces with no recorded mined tx)", gaps);
            figures.put("txs waiting in the pool (pending - latest)", pending.subtract(latest).intValueExact());
        }

        private void note(String what, Entry e) {
            details.computeIfAbsent(what, k -> new ArrayList<>()).add(e.toString());
        }

        public int operations() {
            return operations;
        }

        /** A figure by its label in {@link #summary()} (leading spaces included), e.g. {@code "reported OK"}. */
        public int figure(String label) {
            Integer v = figures.get(label);
            if (v == null) {
                throw new IllegalArgumentException("no figure '" + label + "'; have " + figures.keySet());
            }
            return v;
        }

        /** All figures, in order. */
        public Map<String, Integer> figures() {
            return Collections.unmodifiableMap(figures);
        }

        /** What the node says about every recorded hash. */
        public Map<String, Truth> truth() {
            return Collections.unmodifiableMap(truth);
        }

        /** One line per figure, then failures by exception type and the outcome by operation label. */
        public String summary() {
            StringBuilder b = new StringBuilder();
            figures.forEach((k, v) -> b.append(String.format("  %-56s %6d%n", k, v)));
            b.append("  failures by exception:\n");
            failureTypes.forEach((k, v) -> b.append(String.format("    %-54s %6d%n", k, v)));
            b.append("  by operation (ok / failed):\n");
            byLabel.forEach((k, v) -> b.append(String.format("    %-54s %6d / %d%n", k, v[0], v[1])));
            return b.toString();
        }

        /** The operations behind each anomaly, at most {@code perKind} of each. */
        public String details(int perKind) {
            StringBuilder b = new StringBuilder();
            details.forEach((k, v) -> {
                b.append("  ").append(k).append(" (").append(v.size()).append("):\n");
                v.stream().limit(perKind).forEach(line -> b.append("    ").append(line).append('\n'));
            });
            return b.toString();
        }

        @Override
        public String toString() {
            return summary();
        }
    }
}
