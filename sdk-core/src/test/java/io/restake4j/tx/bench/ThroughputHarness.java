package io.restake4j.tx.bench;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.FastRawTransactionManager;
import org.web3j.tx.gas.StaticEIP1559GasProvider;
import org.web3j.tx.response.NoOpProcessor;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

import io.restake4j.Restaking;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.fixtures.common.TestToken;
import io.restake4j.testing.CountingHttpService;
import io.restake4j.testing.DevnetAccounts;
import io.restake4j.testing.DevnetClients;
import io.restake4j.tokens.TransferResult;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * Throughput of the SDK's transaction pipeline against raw web3j, on an embedded devnet (anvil, automine,
 * no protocol fixtures). A harness, not a test: it prints figures, and fails (exit 1) only when the chain
 * shows that the transfers it timed did not all happen.
 *
 * <pre>{@code
 * mvn -B -ntp -q -Ptx-bench -DskipTests verify -pl sdk-core -am
 *     [-Dtx.bench.transfers=200] [-Dtx.bench.threads=16] [-Dtx.bench.runs=3] [-Dtx.bench.warmups=1] [-Dtx.bench.reset=true]
 * java -cp <test classpath> io.restake4j.tx.bench.ThroughputHarness [transfers] [threads] [runs] [warmups] [reset]
 * }</pre>
 *
 * <p>Every run of every mode sends {@code transfers} ERC-20 transfers of one token (18 decimals, a
 * {@link TestToken} fixture) from a fresh sender (funded with {@code anvil_setBalance}, minted
 * {@code transfers + 1} tokens beforehand, so its nonce starts at 0 and its balance never reaches zero) to a
 * fresh recipient. The modes, interleaved within each run so that drift on a shared machine hits them alike:
 * <ol>
 *   <li><b>raw web3j sequential</b>: the generated wrapper's {@code send_transfer(..).send()} through a
 *       {@link FastRawTransactionManager} (nonce counted locally after the first read) with static EIP-1559 fees
 *       and gas limit, and a {@link PollingTransactionReceiptProcessor} polling every 5 ms: one transfer mined
 *       before the next is signed.</li>
 *   <li><b>raw web3j pipelined</b>: all transfers signed and sent back to back from one thread (the same
 *       manager, hand-encoded calldata, no receipt wait), then every receipt polled (5 ms between polls).</li>
 *   <li><b>SDK sequential</b>: one {@link Restaking} client (as {@link DevnetClients} builds it: default fee
 *       strategy, gas from simulation, receipts polled every 5 ms), {@code tokens().transfer(..).send()} one after
 *       another.</li>
 *   <li><b>SDK threads</b>: the same transfers on ONE client, taken by {@code threads} threads each calling
 *       {@code send()} as fast as it can.</li>
 * </ol>
 * The fees of the raw modes are fixed once per run: max fee = 2 x the latest block's base fee + 1 gwei tip
 * (anvil's base fee only falls on this chain); their gas limit is 100,000.
 *
 * <p>Timing: wall clock from the first transaction's preparation to the last receipt, the client (and its
 * first {@code eth_chainId} / nonce reads) being set up before but used only inside. {@code warmups} runs of
 * every mode come first and are not counted; the table shows the median over {@code runs} measured runs and
 * the range. Every client talks to anvil through its own {@link CountingHttpService} (web3j's
 * {@code HttpService} with OkHttp's defaults, as {@code Restaking.builder().rpc(url)} would build it), which
 * counts HTTP requests (a JSON-RPC batch is one) and JSON-RPC calls by method; the table gives them per
 * transaction, over the measured runs.
 *
 * <p>Right after each run of each mode, warm-ups included, the harness checks on the chain, through the
 * devnet's own connection (neither timed nor counted): as many distinct transaction hashes as transfers, each
 * mined with status 1, from its sender, to the token; the sender's nonce equal to the transfers; the
 * recipient's balance exactly {@code transfers} tokens. Any difference is printed and the harness exits with
 * status 1.
 *
 * <p>Then, with {@code reset} (the default), the chain is rolled back ({@code evm_revert}) to the snapshot
 * taken after the set-up, so every run of every mode starts on the same chain: same height, same base fee.
 * Without it anvil (1.7, default settings) gets slower as blocks pile up, each transfer being a block of its
 * own: over 6,400 transfers (8 rounds of the four modes) raw sequential fell from about 160 to about 80 tx/s,
 * and the receipt polls per transaction grew with it (to some 35 HTTP requests per transfer with 16 threads),
 * which says more about the chain's length than about the clients.
 * {@code -Dtx.bench.reset=false} shows it.
 */
public final class ThroughputHarness {

    private static final long POLL_MS = 5;
    private static final int POLL_ATTEMPTS = 12_000; // 60 s at 5 ms
    private static final BigInteger ONE_TOKEN = BigInteger.TEN.pow(18);
    private static final BigInteger RAW_GAS_LIMIT = BigInteger.valueOf(100_000);
    private static final BigInteger RAW_TIP = BigInteger.valueOf(1_000_000_000L);
    private static final int VERIFY_BATCH = 100;

    private enum Mode {
        RAW_SEQUENTIAL("raw web3j sequential"),
        RAW_PIPELINED("raw web3j pipelined"),
        SDK_SEQUENTIAL("SDK sequential"),
        SDK_THREADS("SDK %d threads");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        String label(int threads) {
            return String.format(Locale.ROOT, label, threads);
        }
    }

    /** One sender and one recipient, used by exactly one run of one mode. */
    private record Party(Credentials sender, String recipient) {
    }

    /** What one run of one mode did. */
    private record Run(Mode mode, int index, boolean warmup, Party party, long nanos, List<String> hashes,
            Map<String, Integer> calls, int httpRequests) {
        double txPerSecond() {
            return hashes.size() / (nanos / 1e9);
        }
    }

    private final Devnet devnet;
    private final TestToken token;
    private final int transfers;
    private final int threads;
    private final boolean reset;

    private ThroughputHarness(Devnet devnet, TestToken token, int transfers, int threads, boolean reset) {
        this.devnet = devnet;
        this.token = token;
        this.transfers = transfers;
        this.threads = threads;
        this.reset = reset;
    }

    public static void main(String[] args) throws Exception {
        int transfers = intArg(args, 0, 200);
        int threads = intArg(args, 1, 16);
        int runs = intArg(args, 2, 3);
        int warmups = intArg(args, 3, 1);
        boolean reset = args.length <= 4 || !args[4].strip().equalsIgnoreCase("false");
        if (transfers < 1 || threads < 1 || runs < 1 || warmups < 0) {
            throw new IllegalArgumentException("need transfers >= 1, threads >= 1, runs >= 1, warmups >= 0");
        }
        long started = System.nanoTime();
        int exit;
        try (Devnet devnet = Devnet.builder().lido(false).etherFi(false).rocketPool(false).eigenLayer(false).accounts(2)
                .start()) {
            TestToken token = devnet.deployToken("Bench Token", "TXB", 18);
            exit = new ThroughputHarness(devnet, token, transfers, threads, reset).run(runs, warmups, started);
        } catch (Exception | Error e) {
            System.out.println("FAILURE: the harness stopped, no valid figures: " + e);
            e.printStackTrace(System.out);
            exit = 1;
        }
        System.exit(exit);
    }

    private int run(int runs, int warmups, long started) throws Exception {
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "tx throughput harness: %d ERC-20 transfers per run and mode, %d threads for the"
                + " threaded mode, %d warm-up + %d measured runs; anvil automine on %s; receipts polled every %d ms%n",
                transfers, threads, warmups, runs, devnet.rpcUrl(), POLL_MS);
        System.out.printf(Locale.ROOT, "JVM %s (%s), %d CPUs, max heap %,d MiB; %s%n", System.getProperty("java.version"),
                System.getProperty("java.vm.name"), rt.availableProcessors(), rt.maxMemory() >> 20, reset
                        ? "chain rolled back to the set-up snapshot after every run (each starts at the same height)"
                        : "chain NOT reset between runs (later runs meet a longer chain)");

        // ---- set-up, not timed: one fresh sender and recipient per run and mode, funded and minted ----
        int total = warmups + runs;
        Map<Mode, List<Party>> parties = new EnumMap<>(Mode.class);
        BigInteger mint = ONE_TOKEN.multiply(BigInteger.valueOf(transfers + 1L));
        for (Mode mode : Mode.values()) {
            List<Party> list = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                int seed = 0xbe000 + mode.ordinal() * 1000 + i;
                Credentials sender = DevnetAccounts.fresh(devnet, seed, 1_000);
                String recipient = Credentials.create(String.format("0x%064x", BigInteger.valueOf(0xbeef00000L + seed)))
                        .getAddress();
                token.send_mint(sender.getAddress(), mint).send();
                list.add(new Party(sender, recipient));
            }
            parties.put(mode, list);
        }

        // ---- the runs: modes interleaved; each checked on the chain right after it, then (reset) rolled back ----
        List<Run> all = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Devnet.Snapshot base = reset ? devnet.snapshot() : null;
        for (int i = 0; i < total; i++) {
            boolean warmup = i < warmups;
            for (Mode mode : Mode.values()) {
                Run r = runOnce(mode, i, warmup, parties.get(mode).get(i));
                all.add(r);
                int before = failures.size();
                verify(r, failures);
                System.out.printf(Locale.ROOT, "%s %d, %-22s %4d tx in %,7.0f ms = %7.1f tx/s, %5.2f HTTP requests/tx%s%n",
                        warmup ? "warm-up" : "run    ", warmup ? i + 1 : i - warmups + 1, mode.label(threads) + ":",
                        r.hashes().size(), r.nanos() / 1e6, r.txPerSecond(), (double) r.httpRequests() / r.hashes().size(),
                        failures.size() == before ? "" : "  VERIFICATION FAILED");
                if (reset) {
                    devnet.revert(base);
                    base = devnet.snapshot();
                }
            }
        }

        // ---- figures ----
        printTable(all, runs);
        System.out.printf(Locale.ROOT, "%nverification: %d runs x %d transfers checked on the chain (receipts, status,"
                + " sender nonces, recipient balances): %s%n", all.size(), transfers,
                failures.isEmpty() ? "all mined with status 1, every recipient holds exactly " + transfers + " TXB" : "FAILED");
        System.out.printf(Locale.ROOT, "harness wall time (devnet start to here): %.1f s%n", (System.nanoTime() - started) / 1e9);
        if (!failures.isEmpty()) {
            System.out.println();
            System.out.println("FAILURE: the figures above are not valid; the chain shows:");
            failures.stream().limit(50).forEach(f -> System.out.println("  " + f));
            if (failures.size() > 50) {
                System.out.println("  ... and " + (failures.size() - 50) + " more");
            }
            return 1;
        }
        return 0;
    }

    // ------------------------------------------------------------------------------------------ modes

    private Run runOnce(Mode mode, int index, boolean warmup, Party party) throws Exception {
        CountingHttpService http = new CountingHttpService(devnet.rpcUrl());
        List<String> hashes = Collections.synchronizedList(new ArrayList<>(transfers));
        long nanos = switch (mode) {
            case RAW_SEQUENTIAL -> rawSequential(http, party, hashes);
            case RAW_PIPELINED -> rawPipelined(http, party, hashes);
            case SDK_SEQUENTIAL -> sdkSequential(http, party, hashes);
            case SDK_THREADS -> sdkThreads(http, party, hashes);
        };
        Map<String, Integer> calls = new TreeMap<>();
        for (String method : http.log()) {
            if (!method.startsWith("(batch")) {
                calls.merge(method, 1, Integer::sum);
            }
        }
        return new Run(mode, index, warmup, party, nanos, List.copyOf(hashes), calls, http.roundTrips());
    }

    private long rawSequential(CountingHttpService http, Party party, List<String> hashes) throws Exception {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        Web3j web3j = Web3j.build(http, POLL_MS, executor);
        try {
            StaticEIP1559GasProvider gas = rawFees();
            FastRawTransactionManager manager = new FastRawTransactionManager(web3j, party.sender(), devnet.chainId(),
                    new PollingTransactionReceiptProcessor(web3j, POLL_MS, POLL_ATTEMPTS));
            TestToken wrapper = TestToken.load(token.getContractAddress(), web3j, manager, gas);
            long t0 = System.nanoTime();
            for (int i = 0; i < transfers; i++) {
                TransactionReceipt receipt = wrapper.send_transfer(party.recipient(), ONE_TOKEN).send();
                hashes.add(receipt.getTransactionHash());
            }
            return System.nanoTime() - t0;
        } finally {
            web3j.shutdown();
        }
    }

    private long rawPipelined(CountingHttpService http, Party party, List<String> hashes) throws Exception {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        Web3j web3j = Web3j.build(http, POLL_MS, executor);
        try {
            StaticEIP1559GasProvider gas = rawFees();
            FastRawTransactionManager manager = new FastRawTransactionManager(web3j, party.sender(), devnet.chainId(),
                    new NoOpProcessor(web3j));
            String tokenAddress = token.getContractAddress();
            long t0 = System.nanoTime();
            List<String> sent = new ArrayList<>(transfers);
            for (int i = 0; i < transfers; i++) {
                String data = FunctionEncoder.encode(new Function("transfer",
                        List.of(new Address(party.recipient()), new Uint256(ONE_TOKEN)), List.of()));
                EthSendTransaction s = manager.sendEIP1559Transaction(devnet.chainId(), gas.getMaxPriorityFeePerGas(),
                        gas.getMaxFeePerGas(), gas.getGasLimit(), tokenAddress, data, BigInteger.ZERO);
                if (s.hasError()) {
                    throw new IllegalStateException("raw pipelined send " + i + " refused: " + s.getError().getMessage());
                }
                sent.add(s.getTransactionHash());
            }
            for (String hash : sent) {
                awaitReceipt(web3j, hash);
                hashes.add(hash);
            }
            return System.nanoTime() - t0;
        } finally {
            web3j.shutdown();
        }
    }

    private long sdkSequential(CountingHttpService http, Party party, List<String> hashes) {
        try (Restaking client = DevnetClients.client(devnet, party.sender(), http)) {
            Amount one = Amount.parse("1", Token.erc20(token.getContractAddress(), "TXB", 18));
            long t0 = System.nanoTime();
            for (int i = 0; i < transfers; i++) {
                TransferResult r = client.tokens().transfer(one, party.recipient()).send();
                hashes.addAll(r.transactionHashes());
            }
            return System.nanoTime() - t0;
        }
    }

    private long sdkThreads(CountingHttpService http, Party party, List<String> hashes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (Restaking client = DevnetClients.client(devnet, party.sender(), http)) {
            ((ThreadPoolExecutor) pool).prestartAllCoreThreads();
            Amount one = Amount.parse("1", Token.erc20(token.getContractAddress(), "TXB", 18));
            AtomicInteger next = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Future<?>> workers = new ArrayList<>(threads);
            long t0 = System.nanoTime();
            for (int w = 0; w < threads; w++) {
                workers.add(pool.submit(() -> {
                    while (failure.get() == null && next.getAndIncrement() < transfers) {
                        try {
                            hashes.addAll(client.tokens().transfer(one, party.recipient()).send().transactionHashes());
                        } catch (RuntimeException e) {
                            failure.compareAndSet(null, e);
                        }
                    }
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
            long nanos = System.nanoTime() - t0;
            if (failure.get() != null) {
                throw new IllegalStateException("SDK threaded transfer failed: " + failure.get(), failure.get());
            }
            return nanos;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Fixed fees for a raw run: 2 x the latest base fee + a 1 gwei tip (read through the devnet's connection). */
    private StaticEIP1559GasProvider rawFees() throws Exception {
        BigInteger baseFee = devnet.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send()
                .getBlock().getBaseFeePerGas();
        return new StaticEIP1559GasProvider(devnet.chainId(), baseFee.shiftLeft(1).add(RAW_TIP), RAW_TIP, RAW_GAS_LIMIT);
    }

    private static void awaitReceipt(Web3j web3j, String hash) throws Exception {
        for (int attempt = 0; attempt < POLL_ATTEMPTS; attempt++) {
            EthGetTransactionReceipt r = web3j.ethGetTransactionReceipt(hash).send();
            if (r.hasError()) {
                throw new IllegalStateException("eth_getTransactionReceipt " + hash + ": " + r.getError().getMessage());
            }
            if (r.getTransactionReceipt().isPresent()) {
                return;
            }
            Thread.sleep(POLL_MS);
        }
        throw new IllegalStateException("no receipt for " + hash + " after " + POLL_ATTEMPTS * POLL_MS + " ms");
    }

    // ------------------------------------------------------------------------------------------ checks

    private void verify(Run r, List<String> failures) throws Exception {
        String what = r.mode().label(threads) + (r.warmup() ? " warm-up " : " run ") + (r.index() + 1);
        Web3j chain = devnet.web3j();
        String sender = r.party().sender().getAddress();
        if (r.hashes().size() != transfers || new HashSet<>(r.hashes()).size() != transfers) {
            failures.add(what + ": " + r.hashes().size() + " hashes (" + new HashSet<>(r.hashes()).size() + " distinct)"
                    + " for " + transfers + " transfers");
        }
        for (int from = 0; from < r.hashes().size(); from += VERIFY_BATCH) {
            List<String> chunk = r.hashes().subList(from, Math.min(r.hashes().size(), from + VERIFY_BATCH));
            BatchRequest batch = chain.newBatch();
            chunk.forEach(h -> batch.add(chain.ethGetTransactionReceipt(h)));
            BatchResponse answers = batch.send();
            for (int i = 0; i < chunk.size(); i++) {
                Response<?> answer = answers.getResponses().get(i);
                Optional<TransactionReceipt> receipt = answer instanceof EthGetTransactionReceipt g && !g.hasError()
                        ? g.getTransactionReceipt() : Optional.empty();
                if (receipt.isEmpty()) {
                    failures.add(what + ": " + chunk.get(i) + " has no receipt");
                } else if (!receipt.get().isStatusOK()) {
                    failures.add(what + ": " + chunk.get(i) + " mined with status " + receipt.get().getStatus());
                } else if (!sender.equalsIgnoreCase(receipt.get().getFrom())
                        || !token.getContractAddress().equalsIgnoreCase(receipt.get().getTo())) {
                    failures.add(what + ": " + chunk.get(i) + " is from " + receipt.get().getFrom() + " to "
                            + receipt.get().getTo());
                }
            }
        }
        BigInteger nonce = chain.ethGetTransactionCount(sender, DefaultBlockParameterName.LATEST).send().getTransactionCount();
        if (nonce.intValueExact() != transfers) {
            failures.add(what + ": sender " + sender + " has sent " + nonce + " transactions, expected " + transfers);
        }
        BigInteger balance = token.call_balanceOf(r.party().recipient()).send();
        BigInteger expected = ONE_TOKEN.multiply(BigInteger.valueOf(transfers));
        if (!balance.equals(expected)) {
            failures.add(what + ": recipient " + r.party().recipient() + " holds " + balance + " wei of TXB, expected " + expected);
        }
    }

    // ------------------------------------------------------------------------------------------ output

    private void printTable(List<Run> all, int runs) {
        Map<Mode, Double> medians = new EnumMap<>(Mode.class);
        System.out.println();
        System.out.printf(Locale.ROOT, "== results: %d transfers per run, median of %d measured runs ==%n", transfers, runs);
        System.out.printf(Locale.ROOT, "%-22s %12s  %-17s %8s %12s %14s%n", "mode", "tx/s median", "(min-max)", "ms/tx",
                "HTTP req/tx", "RPC calls/tx");
        Map<Mode, Map<String, Integer>> callsByMode = new EnumMap<>(Mode.class);
        for (Mode mode : Mode.values()) {
            List<Run> measured = all.stream().filter(r -> r.mode() == mode && !r.warmup()).toList();
            double[] rates = measured.stream().mapToDouble(Run::txPerSecond).sorted().toArray();
            double median = median(rates);
            medians.put(mode, median);
            long txs = measured.stream().mapToLong(r -> r.hashes().size()).sum();
            long http = measured.stream().mapToLong(Run::httpRequests).sum();
            Map<String, Integer> calls = new TreeMap<>();
            measured.forEach(r -> r.calls().forEach((m, n) -> calls.merge(m, n, Integer::sum)));
            callsByMode.put(mode, calls);
            long rpc = calls.values().stream().mapToLong(Integer::longValue).sum();
            System.out.printf(Locale.ROOT, "%-22s %12.1f  %-17s %8.2f %12.2f %14.2f%n", mode.label(threads), median,
                    String.format(Locale.ROOT, "(%.1f-%.1f)", rates[0], rates[rates.length - 1]), 1000 / median,
                    (double) http / txs, (double) rpc / txs);
        }
        System.out.println();
        System.out.println("JSON-RPC calls per transaction, by method (measured runs; batched calls counted one by one):");
        for (Mode mode : Mode.values()) {
            long txs = (long) runs * transfers;
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-22s", mode.label(threads)));
            callsByMode.get(mode).entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(e -> line.append(String.format(Locale.ROOT, " %s %.3f,", e.getKey(), (double) e.getValue() / txs)));
            line.setLength(line.length() - 1);
            System.out.println(line);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "ratio SDK %d threads / raw web3j pipelined (median tx/s): %.2f%n", threads,
                medians.get(Mode.SDK_THREADS) / medians.get(Mode.RAW_PIPELINED));
        System.out.printf(Locale.ROOT, "ratio SDK sequential / raw web3j sequential (median tx/s): %.2f%n",
                medians.get(Mode.SDK_SEQUENTIAL) / medians.get(Mode.RAW_SEQUENTIAL));
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static int intArg(String[] args, int i, int dflt) {
        if (args.length <= i || args[i].isBlank()) {
            return dflt;
        }
        return Integer.parseInt(args[i].replace("_", "").strip());
    }
}
