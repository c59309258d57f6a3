package io.restake4j.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.restake4j.Restaking;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.fixtures.common.TestToken;
import io.restake4j.errors.RestakeException;
import io.restake4j.errors.SendOutcome;
import io.restake4j.rpc.RetryPolicy;
import io.restake4j.signer.Signer;
import io.restake4j.testing.DevnetAccounts;
import io.restake4j.testing.DevnetClients;
import io.restake4j.testing.faults.Fault;
import io.restake4j.testing.faults.FaultProxy;
import io.restake4j.testing.faults.OperationLedger;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * The pipeline through a node that fails the way public providers do ({@link FaultProxy}: HTTP 429/502/503,
 * JSON-RPC -32000/-32005, resets before and after forwarding, lost answers to sends, hangs, answers cut in
 * half, delays, stale nonces, withheld receipts, transactions accepted and dropped), sequentially and from 16
 * threads, plus a node down for 10 s. Each operation's report is reconciled with the chain read from anvil
 * directly ({@link OperationLedger}); every UNKNOWN outcome is resolved by the SDK's own {@code resume}.
 *
 * <p>What must hold, and is asserted: nothing lost, nothing done twice, no nonce gap, nothing left in the pool,
 * no operation that executed while reported NOT_SENT or retryable, and every UNKNOWN resolved to what the chain
 * shows. Each test prints its figures.
 */
@DevnetTest
class FaultSuiteIT {

    private static final BigInteger ETHER = BigInteger.TEN.pow(18);
    /** Thirteen kinds of fault, 20% of calls in all (stale nonces, withheld receipts, dropped sends: their methods only). */
    private static final double PER_KIND = 0.20 / 13;

    private static Token stEth;

    @BeforeAll
    static void tokens(Devnet devnet) {
        stEth = Token.erc20(devnet.eigenLayer().stETH(), "stETH", 18);
    }

    private static FaultProxy.Builder twentyPercent(Devnet devnet, long seed) {
        FaultProxy.Builder b = FaultProxy.builder(devnet.rpcUrl()).seed(seed).hang(Duration.ofSeconds(1))
                .delay(Duration.ofMillis(5), Duration.ofMillis(80)).withholdReceipts(3).staleNonceBy(3);
        for (Fault f : Fault.values()) {
            if (f != Fault.NODE_DOWN) {
                b.rule(f, PER_KIND);
            }
        }
        return b;
    }

    /** A client as a user would build it on a flaky provider: its own HTTP connection, short timeouts, quick retries. */
    private static Restaking client(Devnet devnet, Credentials who, String url) {
        return DevnetClients.builder(devnet).rpc(url).signer(Signer.of(who))
                .timeouts(Duration.ofSeconds(2), Duration.ofMillis(600), Duration.ofSeconds(2))
                .retryPolicy(RetryPolicy.builder().maxAttempts(6).initialBackoff(Duration.ofMillis(20))
                        .maxBackoff(Duration.ofMillis(300)).build())
                .receiptTimeout(Duration.ofSeconds(15))
                .build();
    }

    /** A funded account with tokens for the three kinds of operation. */
    private record Actor(Credentials who, Token token, String recipient) {
    }

    private static Actor actor(Devnet devnet, int seed) throws Exception {
        Credentials me = DevnetAccounts.fresh(devnet, seed, 10_000);
        TestToken t = devnet.deployToken("Faulty " + seed, "FLT", 18);
        t.send_mint(me.getAddress(), ETHER.multiply(BigInteger.valueOf(1_000_000))).send();
        devnet.eigenLayer().stakeStETHFor(me.getAddress(), ETHER.multiply(BigInteger.valueOf(5_000)));
        return new Actor(me, Token.erc20(t.getContractAddress(), "FLT", 18),
                DevnetAccounts.fresh(devnet, seed + 1, 1).getAddress());
    }

    private static Operation<?> operation(Restaking client, Actor a, int i) {
        return switch (i % 3) {
            case 0 -> client.tokens().transfer(Amount.parse("1", a.token()), a.recipient());
            case 1 -> client.lido().stake(Amount.parse("0.01", Token.ETH));
            default -> client.eigenLayer().deposit(Amount.parse("1", stEth));
        };
    }

    private static String label(int i) {
        return switch (i % 3) {
            case 0 -> "token transfer";
            case 1 -> "lido stake";
            default -> "eigenlayer deposit";
        };
    }

    @Test
    void threeHundredSequentialOperationsThroughTwentyPercentFaults(Devnet devnet) throws Exception {
        Actor a = actor(devnet, 9101);
        BigInteger first = DevnetAccounts.nonce(devnet, a.who());
        Suite suite = new Suite(devnet);
        long t0 = System.nanoTime();
        try (FaultProxy proxy = twentyPercent(devnet, 2026).start(); Restaking client = client(devnet, a.who(), proxy.url())) {
            for (int i = 0; i < 300; i++) {
                int n = i;
                suite.run(label(n), () -> operation(client, a, n));
            }
            suite.finish(a.who(), first, proxy, "300 sequential operations (transfers, Lido stakes, EigenLayer deposits) at"
                    + " 20% faults, seed 2026", t0);
        }
    }

    @Test
    void sixteenThreadsOnOneClientThroughTwentyPercentFaults(Devnet devnet) throws Exception {
        Actor a = actor(devnet, 9201);
        BigInteger first = DevnetAccounts.nonce(devnet, a.who());
        Suite suite = new Suite(devnet);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        long t0 = System.nanoTime();
        try (FaultProxy proxy = twentyPercent(devnet, 7).start(); Restaking client = client(devnet, a.who(), proxy.url())) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 16; w++) {
                int worker = w;
                workers.add(pool.submit(() -> {
                    for (int i = 0; i < 21; i++) {
                        int n = worker * 21 + i;
                        suite.run(label(n), () -> operation(client, a, n));
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get(4, TimeUnit.MINUTES);
            }
            suite.finish(a.who(), first, proxy, "16 threads x 21 mixed operations on one client at 20% faults, seed 7", t0);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNodeDownForTenSecondsMidRunWedgesNothing(Devnet devnet) throws Exception {
        Actor a = actor(devnet, 9301);
        BigInteger first = DevnetAccounts.nonce(devnet, a.who());
        Suite suite = new Suite(devnet);
        long t0 = System.nanoTime();
        int during = 0;
        int after = 0;
        try (FaultProxy proxy = FaultProxy.builder(devnet.rpcUrl()).seed(3).start();
                Restaking client = client(devnet, a.who(), proxy.url())) {
            for (int i = 0; i < 12; i++) {
                int n = i;
                suite.run(label(n), () -> operation(client, a, n));
            }
            proxy.nodeDown(Duration.ofSeconds(10));
            long downUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            for (int i = 12; System.nanoTime() < downUntil || after < 12; i++) {
                int n = i;
                boolean down = proxy.isNodeDown();
                suite.run(label(n), () -> operation(client, a, n));
                if (down) {
                    during++;
                } else if (System.nanoTime() > downUntil) {
                    after++;
                }
            }
            suite.finish(a.who(), first, proxy, "node down for 10 s after 12 operations; " + during
                    + " operations started while it was down, then " + after + " after", t0);
            List<OperationLedger.Entry> tail = suite.ledger.entries().subList(suite.ledger.size() - 6, suite.ledger.size());
            assertTrue(tail.stream().allMatch(OperationLedger.Entry::ok), "after the node came back, sends work: " + tail);
        }
    }

    @Test
    void aTransactionTheNodeAcceptsAndDropsIsOfferedAgainNotSignedAgain(Devnet devnet) throws Exception {
        Actor a = actor(devnet, 9401);
        BigInteger first = DevnetAccounts.nonce(devnet, a.who());
        Suite suite = new Suite(devnet);
        long t0 = System.nanoTime();
        try (FaultProxy proxy = FaultProxy.builder(devnet.rpcUrl()).seed(4).start();
                Restaking client = client(devnet, a.who(), proxy.url())) {
            proxy.next("eth_sendRawTransaction", Fault.ACCEPT_AND_DROP);
            OperationLedger.Entry dropped = suite.run("token transfer", () -> operation(client, a, 0));
            assertTrue(dropped.ok(), "the dropped transaction was offered again and mined: " + dropped);
            String hash = dropped.hashes().get(0);
            assertEquals(2, proxy.stats().sendsReceived(hash), "the same bytes twice: dropped once, then offered again");
            for (int i = 1; i < 6; i++) {
                int n = i;
                suite.run(label(n), () -> operation(client, a, n));
            }
            suite.finish(a.who(), first, proxy, "one transaction accepted and dropped by the node, then 5 more operations", t0);
        }
    }

    @Test
    void receiptsWithheldPastTheTimeoutEndUnknownAndResumeFindsTheTruth(Devnet devnet) throws Exception {
        Actor a = actor(devnet, 9501);
        BigInteger first = DevnetAccounts.nonce(devnet, a.who());
        Suite suite = new Suite(devnet);
        long t0 = System.nanoTime();
        try (FaultProxy proxy = FaultProxy.builder(devnet.rpcUrl()).seed(5)
                .rule(Fault.WITHHELD_RECEIPT, 1.0, "eth_getTransactionReceipt").withholdReceiptsFor(Duration.ofMillis(1500)).withholdEachReceiptOnce()
                .rule(Fault.HTTP_503, 0.05).rule(Fault.FORWARD_THEN_DROP, 0.05).start();
                Restaking client = DevnetClients.builder(devnet).rpc(proxy.url()).signer(Signer.of(a.who()))
                        .timeouts(Duration.ofSeconds(2), Duration.ofMillis(600), Duration.ofSeconds(2))
                        .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(20)).build())
                        .receiptTimeout(Duration.ofMillis(600)).build()) {
            for (int i = 0; i < 15; i++) {
                int n = i;
                suite.run(label(n), () -> operation(client, a, n));
            }
            suite.finish(a.who(), first, proxy, "15 operations whose receipts are withheld for 1.5 s, receipt timeout 0.6 s", t0);
            assertTrue(suite.resolutions.size() >= 10, "most ended UNKNOWN: " + suite.resolutions.size());
        }
    }

    @Test
    void oneHungSendDoesNotHoldUpTheOtherThreads(Devnet devnet) throws Exception {
        Actor a = actor(devnet, 9601);
        BigInteger first = DevnetAccounts.nonce(devnet, a.who());
        Suite suite = new Suite(devnet);
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        // The node takes the first transaction, but its answer hangs for 10 s; the client would wait 15 s for it.
        try (FaultProxy proxy = FaultProxy.builder(devnet.rpcUrl()).seed(6).hang(Duration.ofSeconds(10)).hangForwards(true)
                .start();
                Restaking client = DevnetClients.builder(devnet).rpc(proxy.url()).signer(Signer.of(a.who()))
                        .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(15), Duration.ofSeconds(2))
                        .receiptTimeout(Duration.ofSeconds(30)).build()) {
            client.tokens().transfer(Amount.parse("1", a.token()), a.recipient()).send(); // warm: chain id and nonce read
            proxy.next("eth_sendRawTransaction", Fault.HANG);
            Future<?> hung = pool.submit(() -> suite.run("token transfer", () -> operation(client, a, 0)));
            Thread.sleep(200);
            List<Future<Long>> others = new ArrayList<>();
            for (int w = 1; w < 8; w++) {
                int n = w;
                others.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    for (int i = 0; i < 3; i++) {
                        int k = n * 3 + i;
                        suite.run(label(k), () -> operation(client, a, k));
                    }
                    return (System.nanoTime() - start) / 1_000_000;
                }));
            }
            long slowest = 0;
            for (Future<Long> f : others) {
                slowest = Math.max(slowest, f.get(60, TimeUnit.SECONDS));
            }
            hung.get(60, TimeUnit.SECONDS);
            System.out.println("[fault suite] while one send hung for 10 s, 7 other threads each ran 3 operations; the"
                    + " slowest took " + slowest + " ms");
            assertTrue(slowest < 9_000, "the other threads finished while the send still hung: " + slowest + " ms");
            suite.finish(a.who(), first.add(BigInteger.ONE), proxy, "one send hanging 10 s (the node took it) and 7 threads"
                    + " x 3 operations meanwhile", t0);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs operations through a ledger, resolves every UNKNOWN by resume, and checks the whole against the chain. */
    private static final class Suite {
        final Devnet devnet;
        final OperationLedger ledger;
        final Map<Integer, Resolution> resolutions = Collections.synchronizedMap(new LinkedHashMap<>());
        final Map<Integer, Operation<?>> operations = Collections.synchronizedMap(new LinkedHashMap<>());

        record Resolution(SendOutcome outcome, Object result, RestakeException error, List<String> hashes, int attempts) {
        }

        Suite(Devnet devnet) {
            this.devnet = devnet;
            this.ledger = new OperationLedger(devnet.web3j());
        }

        OperationLedger.Entry run(String label, java.util.function.Supplier<Operation<?>> make) {
            Operation<?>[] built = new Operation<?>[1];
            OperationLedger.Entry e = ledger.run(label, () -> {
                built[0] = make.get();
                @SuppressWarnings("unchecked")
                Operation<Object> any = (Operation<Object>) built[0];
                return any;
            });
            if (e.error() instanceof RestakeException re && re.outcome().isPresent()
                    && re.outcome().get().state() == SendOutcome.State.UNKNOWN) {
                resolutions.put(e.index(), resolve(built[0], re.outcome().get()));
            }
            return e;
        }

        /** The SDK's own await: resume until the outcome is known (a resume may itself time out under faults). */
        private Resolution resolve(Operation<?> op, SendOutcome outcome) {
            List<String> hashes = Collections.synchronizedList(new ArrayList<>());
            Operation<?> watched = op.withListener(ev -> {
                if (ev.stage() == OperationEvent.Stage.SIGNED) {
                    hashes.add(ev.transactionHash().toLowerCase(Locale.ROOT));
                }
            });
            SendOutcome current = outcome;
            RestakeException last = null;
            for (int attempt = 1; attempt <= 6; attempt++) {
                try {
                    return new Resolution(outcome, watched.resume(current), null, hashes, attempt);
                } catch (RestakeException e) {
                    last = e;
                    SendOutcome o = e.outcome().orElse(null);
                    if (o == null || o.state() != SendOutcome.State.UNKNOWN) {
                        if (o != null && o.state() == SendOutcome.State.NOT_SENT && !o.anythingSent()) {
                            continue; // the resume's own reads failed before anything: ask again
                        }
                        return new Resolution(outcome, null, e, hashes, attempt);
                    }
                    current = o;
                }
            }
            return new Resolution(outcome, null, last, hashes, 6);
        }

        void finish(Credentials account, BigInteger first, FaultProxy proxy, String title, long t0) throws Exception {
            long seconds = (System.nanoTime() - t0) / 1_000_000_000;
            OperationLedger.Reconciliation r = ledger.reconcile(devnet.web3j(), account.getAddress(), first);
            Map<String, OperationLedger.Truth> truth = r.truth();
            Function<String, TransactionReceipt> receipt = h -> {
                try {
                    return devnet.web3j().ethGetTransactionReceipt(h).send().getTransactionReceipt().orElse(null);
                } catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            };
            int unknown = 0;
            int unknownResolved = 0;
            int unknownResolvedMined = 0;
            int executedNotSent = 0;
            int reportedNotSent = 0;
            int resolvedWrongly = 0;
            List<String> wrong = new ArrayList<>();
            for (OperationLedger.Entry e : ledger.entries()) {
                if (!(e.error() instanceof RestakeException re) || re.outcome().isEmpty()) {
                    continue;
                }
                SendOutcome o = re.outcome().get();
                if (o.state() == SendOutcome.State.NOT_SENT) {
                    reportedNotSent++;
                }
                for (SendOutcome.StepRecord s : o.steps()) {
                    if (s.status() != SendOutcome.StepStatus.NOT_SENT) {
                        continue;
                    }
                    for (String h : e.hashesByStep().getOrDefault(s.index(), List.of())) {
                        TransactionReceipt rc = receipt.apply(h);
                        if (rc != null) {
                            executedNotSent++;
                            wrong.add("reported NOT_SENT but mined: " + e);
                        }
                    }
                }
                if (o.state() == SendOutcome.State.UNKNOWN) {
                    unknown++;
                    Resolution res = resolutions.get(e.index());
                    boolean right;
                    if (res.result() != null) {
                        OperationResult result = (OperationResult) res.result();
                        right = result.transactionHashes().stream().map(receipt).allMatch(rc -> rc != null && rc.isStatusOK());
                        unknownResolvedMined++;
                    } else {
                        SendOutcome final_ = res.error().outcome().orElse(null);
                        right = final_ != null && switch (final_.state()) {
                            case REVERTED -> final_.failed().map(s -> receipt.apply(s.transactionHash()))
                                    .map(rc -> !rc.isStatusOK()).orElse(false);
                            case REPLACED -> final_.failed().map(s -> s.hashes().stream().map(receipt)
                                    .allMatch(rc -> rc == null || !rc.isStatusOK() || !s.hashes().contains(rc
                                            .getTransactionHash()))).orElse(false);
                            default -> false;
                        };
                    }
                    if (right) {
                        unknownResolved++;
                    } else {
                        resolvedWrongly++;
                        wrong.add("UNKNOWN resolved wrongly: " + e + " -> " + (res.result() != null ? "OK" : res.error()));
                    }
                }
            }
            int duplicatedAfterResume = 0;
            for (OperationLedger.Entry e : ledger.entries()) {
                Resolution res = resolutions.get(e.index());
                List<String> all = new ArrayList<>(e.hashes());
                if (res != null) {
                    res.hashes().stream().filter(h -> !all.contains(h)).forEach(all::add);
                }
                long minedOk = all.stream().map(receipt).filter(rc -> rc != null && rc.isStatusOK()).count();
                if (e.steps() > 0 && minedOk > e.steps()) {
                    duplicatedAfterResume++;
                    wrong.add("duplicated: " + e);
                }
            }
            BigInteger latest = devnet.web3j().ethGetTransactionCount(account.getAddress(), DefaultBlockParameterName.LATEST)
                    .send().getTransactionCount();
            BigInteger pending = devnet.web3j().ethGetTransactionCount(account.getAddress(), DefaultBlockParameterName.PENDING)
                    .send().getTransactionCount();
            long sends = proxy.stats().calls("eth_sendRawTransaction");
            long minedTxs = latest.subtract(first).longValueExact();

            System.out.println("=== FAULT SUITE: " + title + ", " + seconds + " s ===");
            System.out.print(r.summary());
            System.out.printf("  %-56s %6d%n  %-56s %6d%n  %-56s %6d%n  %-56s %6d%n  %-56s %6d%n  %-56s %6d%n  %-56s %6d%n"
                    + "  %-56s %6d%n  %-56s %6.2f%n  %-56s %6.2f%n",
                    "failed as NOT_SENT", reportedNotSent,
                    "executed but reported NOT_SENT", executedNotSent,
                    "failed as UNKNOWN (may be on chain)", unknown,
                    "  resolved by the SDK's resume to the chain's truth", unknownResolved,
                    "    of which mined (resume returned the result)", unknownResolvedMined,
                    "  resolved wrongly", resolvedWrongly,
                    "duplicated, counting what resume sent", duplicatedAfterResume,
                    "faults injected", proxy.stats().faults(),
                    "HTTP requests per mined transaction", (double) proxy.stats().httpRequests() / Math.max(1, minedTxs),
                    "eth_sendRawTransaction calls per mined transaction", (double) sends / Math.max(1, minedTxs));
            System.out.println("  faults by kind: " + proxy.stats().faultsByKind());
            if (!wrong.isEmpty()) {
                System.out.println("=== problems ===");
                wrong.stream().limit(20).forEach(w -> System.out.println("  " + w));
            }
            System.out.println("=== details ===");
            System.out.print(r.details(4));

            assertEquals(ledger.size(), r.operations());
            assertEquals(0, r.figure("lost (reported OK, a step not mined)"), "lost");
            assertEquals(0, r.figure("duplicated (more mined txs than steps)"), "duplicated");
            assertEquals(0, duplicatedAfterResume, "duplicated after resume");
            assertEquals(0, r.figure("nonce gaps (used nonces with no recorded mined tx)"), "nonce gaps");
            assertEquals(0, r.figure("retryable but executed"), "retryable but executed");
            assertEquals(0, r.figure("  failed with a non-RestakeException"), "every failure is a RestakeException");
            assertEquals(0, executedNotSent, "executed but reported NOT_SENT");
            assertEquals(unknown, unknownResolved, "every UNKNOWN resolved to its true outcome: " + wrong);
            assertEquals(latest, pending, "nothing left waiting in the pool");
            assertTrue(r.figure("reported OK") + unknownResolvedMined > 0, "something went through");
        }
    }
}
