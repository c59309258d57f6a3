package io.restake4j.tx.fees;

import static io.restake4j.tx.fees.FeeFixtures.BUSY;
import static io.restake4j.tx.fees.FeeFixtures.PRE_LONDON;
import static io.restake4j.tx.fees.FeeFixtures.gasPriceAnswer;
import static io.restake4j.tx.fees.FeeFixtures.node;
import static io.restake4j.tx.fees.FeeStrategies.gwei;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;

import io.restake4j.errors.RpcException;
import io.restake4j.testing.FakeWeb3jService;
import io.restake4j.tx.Fees;

class AutoFeeStrategyTest {

    @Test
    void anEip1559NodeGetsEip1559FeesWithoutAnExtraRoundTrip() {
        FakeWeb3jService fake = node(BUSY, gwei(7));
        AutoStrategy auto = FeeStrategies.auto();
        assertEquals(AutoStrategy.Decision.UNDECIDED, auto.decision());
        Fees fees = auto.fees(Web3j.build(fake));
        assertEquals(new Fees.Eip1559(gwei(22), gwei(2)), fees);
        assertEquals(AutoStrategy.Decision.EIP1559, auto.decision());
        assertEquals(List.of("eth_feeHistory"), fake.methods());
        auto.fees(Web3j.build(fake));
        assertEquals(List.of("eth_feeHistory", "eth_feeHistory"), fake.methods());
    }

    @Test
    void aNodeWithZeroBaseFeesGetsLegacyAndTheDecisionIsKept() {
        FakeWeb3jService fake = node(PRE_LONDON, gwei(7));
        AutoStrategy auto = FeeStrategies.auto();
        assertEquals(new Fees.Legacy(gwei(7)), auto.fees(Web3j.build(fake)));
        assertEquals(AutoStrategy.Decision.LEGACY, auto.decision());
        assertEquals(new Fees.Legacy(gwei(7)), auto.fees(Web3j.build(fake)));
        assertEquals(List.of("eth_feeHistory", "eth_gasPrice", "eth_gasPrice"), fake.methods());
    }

    @Test
    void aNodeWithoutFeeHistoryGetsLegacy() {
        FakeWeb3jService fake = new FakeWeb3jService(r -> switch (r.getMethod()) {
            case "eth_feeHistory" -> FakeWeb3jService.error(-32601, "the method eth_feeHistory does not exist");
            case "eth_gasPrice" -> gasPriceAnswer(gwei(3));
            default -> throw new IllegalStateException(r.getMethod());
        });
        AutoStrategy auto = FeeStrategies.auto();
        assertEquals(new Fees.Legacy(gwei(3)), auto.fees(Web3j.build(fake)));
        assertEquals(AutoStrategy.Decision.LEGACY, auto.decision());
    }

    @Test
    void aTransportFailureDecidesNothing() {
        FakeWeb3jService fake = node(BUSY, gwei(7)).failNext(new IOException("connection reset"));
        AutoStrategy auto = FeeStrategies.auto();
        assertThrows(RpcException.class, () -> auto.fees(Web3j.build(fake)));
        assertEquals(AutoStrategy.Decision.UNDECIDED, auto.decision());
        FakeWeb3jService other = new FakeWeb3jService(r -> FakeWeb3jService.error(-32000, "internal"));
        assertThrows(RpcException.class, () -> auto.fees(Web3j.build(other)));
        assertEquals(AutoStrategy.Decision.UNDECIDED, auto.decision());
        assertInstanceOf(Fees.Eip1559.class, auto.fees(Web3j.build(fake)));
        assertEquals(AutoStrategy.Decision.EIP1559, auto.decision());
    }

    @Test
    void autoUsesTheConfiguredStrategies() {
        AutoStrategy auto = FeeStrategies.auto(FeeStrategies.eip1559().maxFeeCap(gwei(12)).build(),
                FeeStrategies.legacy().multiplier(BigDecimal.TWO).build());
        assertEquals(gwei(12), auto.fees(Web3j.build(node(BUSY, gwei(1)))).maxFeePerGas());
        AutoStrategy legacyAuto = FeeStrategies.auto(FeeStrategies.eip1559().build(),
                FeeStrategies.legacy().multiplier(BigDecimal.TWO).build());
        assertEquals(new Fees.Legacy(gwei(2)), legacyAuto.fees(Web3j.build(node(PRE_LONDON, gwei(1)))));
    }

    @Test
    void batchedBeforeDecidingSendsFeeHistoryAndDecidesFromTheAnswer() throws IOException {
        FakeWeb3jService fake = node(BUSY, gwei(7));
        Web3j web3j = Web3j.build(fake);
        AutoStrategy auto = FeeStrategies.auto();
        FeeStrategy.Batched batched = auto.batched(web3j);
        assertEquals("eth_feeHistory", batched.request().getMethod());
        Fees fromBatch = batched.fees(batched.request().send());
        assertEquals(AutoStrategy.Decision.EIP1559, auto.decision());
        assertEquals(auto.fees(web3j), fromBatch);
        assertEquals(FeeStrategies.eip1559().build().fees(BUSY), fromBatch);
        // decided: still the fee history request, no detection any more
        FeeStrategy.Batched again = auto.batched(web3j);
        assertEquals("eth_feeHistory", again.request().getMethod());
        assertEquals(fromBatch, again.fees(again.request().send()));
    }

    @Test
    void batchedOnALegacyNodeFallsBackOnceThenSendsGasPrice() throws IOException {
        FakeWeb3jService fake = node(PRE_LONDON, gwei(5));
        Web3j web3j = Web3j.build(fake);
        AutoStrategy auto = FeeStrategies.auto();
        FeeStrategy.Batched first = auto.batched(web3j);
        assertEquals("eth_feeHistory", first.request().getMethod());
        assertEquals(new Fees.Legacy(gwei(5)), first.fees(first.request().send()));
        assertEquals(AutoStrategy.Decision.LEGACY, auto.decision());
        assertEquals(List.of("eth_feeHistory", "eth_gasPrice"), fake.methods());

        FeeStrategy.Batched next = auto.batched(web3j);
        assertEquals("eth_gasPrice", next.request().getMethod());
        assertEquals(new Fees.Legacy(gwei(5)), next.fees(next.request().send()));
    }

    @Test
    void concurrentFirstCallsDetectOnce() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        FakeWeb3jService fake = node(PRE_LONDON, gwei(5));
        Web3j web3j = Web3j.build(fake);
        AutoStrategy auto = FeeStrategies.auto();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Fees>> tasks = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                tasks.add(() -> {
                    go.await();
                    return auto.fees(web3j);
                });
            }
            List<Future<Fees>> futures = new ArrayList<>();
            tasks.forEach(t -> futures.add(pool.submit(t)));
            go.countDown();
            for (Future<Fees> f : futures) {
                assertEquals(new Fees.Legacy(gwei(5)), f.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, fake.count("eth_feeHistory"), fake.methods().toString());
        assertEquals(threads, fake.count("eth_gasPrice"));
        assertEquals(AutoStrategy.Decision.LEGACY, auto.decision());
    }

    @Test
    void eachAutoInstanceDecidesForItself() {
        AutoStrategy a = FeeStrategies.auto();
        AutoStrategy b = FeeStrategies.auto();
        a.fees(Web3j.build(node(PRE_LONDON, gwei(1))));
        assertEquals(AutoStrategy.Decision.LEGACY, a.decision());
        assertEquals(AutoStrategy.Decision.UNDECIDED, b.decision());
        assertTrue(Arrays.asList(AutoStrategy.Decision.values()).contains(b.decision()));
    }
}
