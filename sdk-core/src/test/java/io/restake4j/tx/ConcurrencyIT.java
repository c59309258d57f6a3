package io.restake4j.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.Transaction;

import io.restake4j.Restaking;
import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.fixtures.common.TestToken;
import io.restake4j.errors.RpcException;
import io.restake4j.errors.SendOutcome;
import io.restake4j.testing.DevnetClients;
import io.restake4j.testing.FaultyHttpService;
import io.restake4j.tokens.TransferResult;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/** One client, many threads: every nonce used once, in order, and recovered after failures. */
@DevnetTest
class ConcurrencyIT {

    private static Token token;

    @BeforeAll
    static void token(Devnet devnet, @Account(0) Credentials alice) throws Exception {
        TestToken t = devnet.deployToken("Concurrent", "CCY", 0);
        t.send_mint(alice.getAddress(), BigInteger.valueOf(1_000_000)).send();
        token = Token.erc20(t.getContractAddress(), "CCY", 0);
    }

    @Test
    void eightThreadsTimesTwentyFiveTransfersGetContiguousNonces(Devnet devnet, @Account(0) Credentials alice,
            @Account(1) Credentials bob) throws Exception {
        BigInteger first = nonce(devnet, alice);
        List<String> hashes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            List<Future<List<String>>> workers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                workers.add(pool.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                        TransferResult r = client.tokens().transfer(Amount.parse("1", token), bob.getAddress()).send();
                        mine.add(r.transactionHashes().get(0));
                    }
                    return mine;
                }));
            }
            for (Future<List<String>> w : workers) {
                hashes.addAll(w.get());
            }
        } finally {
            pool.shutdown();
        }

        assertEquals(200, hashes.size());
        assertEquals(200, new HashSet<>(hashes).size(), "200 distinct transactions");
        List<BigInteger> nonces = new ArrayList<>();
        for (String h : hashes) {
            Transaction tx = devnet.web3j().ethGetTransactionByHash(h).send().getTransaction()
                    .orElseThrow(() -> new AssertionError("transaction " + h + " is not on chain (replaced?)"));
            assertTrue(devnet.web3j().ethGetTransactionReceipt(h).send().getTransactionReceipt().orElseThrow().isStatusOK());
            nonces.add(tx.getNonce());
        }
        nonces.sort(null);
        for (int i = 0; i < 200; i++) {
            assertEquals(first.add(BigInteger.valueOf(i)), nonces.get(i), "nonces are contiguous from " + first);
        }
        assertEquals(first.add(BigInteger.valueOf(200)), nonce(devnet, alice));
        assertEquals(BigInteger.valueOf(200), balance(devnet, bob));
    }

    @Test
    void aRefusedSendLeavesNoGapAndTheNextSendsResynchronise(Devnet devnet, @Account(0) Credentials alice,
            @Account(2) Credentials carol) throws Exception {
        FaultyHttpService transport = new FaultyHttpService(devnet.rpcUrl());
        BigInteger first = nonce(devnet, alice);
        try (Restaking client = DevnetClients.client(devnet, alice, transport)) {
            for (int i = 0; i < 3; i++) {
                client.tokens().transfer(Amount.parse("1", token), carol.getAddress()).send();
            }
            transport.inject(FaultyHttpService.Fault.REFUSE_NEXT_SEND);
            RpcException refused = assertThrows(RpcException.class,
                    () -> client.tokens().transfer(Amount.parse("1", token), carol.getAddress()).send());
            assertTrue(refused.getMessage().contains("injected: insufficient funds"), refused.getMessage());
            SendOutcome outcome = refused.outcome().orElseThrow();
            assertEquals(SendOutcome.State.NOT_SENT, outcome.state());
            assertFalse(outcome.anythingSent(), outcome.toString());
            assertFalse(refused.isRetryable(), "a final refusal does not pass by itself");
            for (int i = 0; i < 3; i++) {
                client.tokens().transfer(Amount.parse("1", token), carol.getAddress()).send();
            }
        }
        assertEquals(first.add(BigInteger.valueOf(6)), nonce(devnet, alice), "six mined, the refused one left no gap");
        assertEquals(BigInteger.valueOf(6), balance(devnet, carol));
    }

    @Test
    void aRateLimitedSendIsOfferedAgainWithTheSameBytes(Devnet devnet, @Account(0) Credentials alice,
            @Account(2) Credentials carol) throws Exception {
        FaultyHttpService transport = new FaultyHttpService(devnet.rpcUrl());
        BigInteger first = nonce(devnet, alice);
        try (Restaking client = DevnetClients.client(devnet, alice, transport)) {
            transport.inject(FaultyHttpService.Fault.RATE_LIMIT_NEXT_SEND);
            TransferResult r = client.tokens().transfer(Amount.parse("1", token), carol.getAddress()).send();
            Transaction tx = devnet.web3j().ethGetTransactionByHash(r.transactionHashes().get(0)).send().getTransaction()
                    .orElseThrow();
            assertEquals(first, tx.getNonce(), "the -32005 answer was not a refusal: the same transaction went through");
            assertEquals(1, transport.sendsDelivered(), "delivered once, after the rate-limited attempt");
        }
        assertEquals(first.add(BigInteger.ONE), nonce(devnet, alice));
    }

    @ParameterizedTest
    @EnumSource(value = FaultyHttpService.Fault.class, names = {"LOSE_NEXT_ANSWER", "GATEWAY_503_AFTER_DELIVERY"})
    void aLostAnswerIsRetriedWithTheSameBytesNotANewNonce(FaultyHttpService.Fault fault, Devnet devnet,
            @Account(0) Credentials alice, @Account(3) Credentials dave) throws Exception {
        FaultyHttpService transport = new FaultyHttpService(devnet.rpcUrl());
        BigInteger first = nonce(devnet, alice);
        BigInteger before = balance(devnet, dave);
        try (Restaking client = DevnetClients.client(devnet, alice, transport)) {
            transport.inject(fault);
            TransferResult r = client.tokens().transfer(Amount.parse("7", token), dave.getAddress()).send();
            Transaction tx = devnet.web3j().ethGetTransactionByHash(r.transactionHashes().get(0)).send().getTransaction().orElseThrow();
            assertEquals(first, tx.getNonce(), "the original transaction, with the original nonce");
            assertEquals(2, transport.sendsDelivered(), "the same bytes were offered twice");
            client.tokens().transfer(Amount.parse("1", token), dave.getAddress()).send();
        }
        assertEquals(first.add(BigInteger.TWO), nonce(devnet, alice), "two transactions, two nonces");
        assertEquals(before.add(BigInteger.valueOf(8)), balance(devnet, dave));
    }

    @Test
    void sixteenThreadsTimesTwentyEigenLayerDepositsOnOneClientNeverRevert(Devnet devnet) throws Exception {
        Credentials staker = io.restake4j.testing.DevnetAccounts.fresh(devnet, 901, 100);
        devnet.eigenLayer().stakeStETHFor(staker.getAddress(), io.restake4j.testing.DevnetAccounts.eth(1_000));
        Token stEth = Token.erc20(devnet.eigenLayer().stETH(), "stETH", 18);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<io.restake4j.eigenlayer.DepositResult> results = java.util.Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        try (Restaking client = DevnetClients.client(devnet, staker)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        try {
                            results.add(client.eigenLayer().deposit(Amount.parse("1.5", stEth)).send());
                        } catch (RuntimeException e) {
                            failed.incrementAndGet();
                            failures.add(e.toString());
                        }
                    }
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int reverted = 0;
        int transactions = 0;
        for (io.restake4j.eigenlayer.DepositResult r : results) {
            for (String h : r.transactionHashes()) {
                transactions++;
                if (!devnet.web3j().ethGetTransactionReceipt(h).send().getTransactionReceipt().orElseThrow().isStatusOK()) {
                    reverted++;
                }
            }
        }
        System.out.printf("[concurrency] 16 threads x 20 EigenLayer deposits on one client: %d deposited, %d failed, "
                + "%d of %d transactions reverted, %.1f s%n", results.size(), failed.get(), reverted, transactions, seconds);
        assertEquals(List.of(), failures, "no deposit failed");
        assertEquals(320, results.size());
        assertEquals(0, reverted, "no transaction reverted");
        assertEquals(BigInteger.valueOf(transactions), nonce(devnet, staker), "every nonce used once: " + transactions);
        BigInteger shares = io.restake4j.contracts.eigenlayer.StrategyManager.load(devnet.eigenLayer().strategyManager(),
                devnet.web3j(), devnet.transactionManager(staker), devnet.gasProvider())
                .call_stakerDepositShares(staker.getAddress(), devnet.eigenLayer().stETHStrategy()).send();
        BigInteger reported = results.stream().map(r -> r.shares().value())
                .reduce(BigInteger.ZERO, BigInteger::add);
        assertEquals(reported, shares, "the shares the results report are the shares the staker holds");
        assertTrue(shares.signum() > 0);
    }

    private static BigInteger nonce(Devnet devnet, Credentials who) throws Exception {
        return devnet.web3j().ethGetTransactionCount(who.getAddress(), DefaultBlockParameterName.PENDING).send()
                .getTransactionCount();
    }

    private static BigInteger balance(Devnet devnet, Credentials who) throws Exception {
        return io.restake4j.contracts.common.ERC20.load(token.address(), devnet.web3j(), devnet.transactionManager(who),
                devnet.gasProvider()).call_balanceOf(who.getAddress()).send();
    }
}
