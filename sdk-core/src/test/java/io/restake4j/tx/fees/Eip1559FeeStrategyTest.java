package io.restake4j.tx.fees;

import static io.restake4j.tx.fees.FeeFixtures.BUSY;
import static io.restake4j.tx.fees.FeeFixtures.answer;
import static io.restake4j.tx.fees.FeeFixtures.gasPriceAnswer;
import static io.restake4j.tx.fees.FeeFixtures.node;
import static io.restake4j.tx.fees.FeeStrategies.gwei;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.exceptions.ClientConnectionException;

import io.restake4j.errors.RpcException;
import io.restake4j.testing.FakeWeb3jService;
import io.restake4j.tx.Fees;

class Eip1559FeeStrategyTest {

    @Test
    void feesAsksFeeHistoryWithTheConfiguredBlocksAndPercentile() {
        AtomicReference<Request<?, ?>> seen = new AtomicReference<>();
        FakeWeb3jService fake = new FakeWeb3jService(r -> {
            seen.set(r);
            return answer(BUSY);
        });
        Eip1559Strategy s = FeeStrategies.eip1559().blocks(20).rewardPercentile(60).build();
        Fees.Eip1559 fees = s.fees(Web3j.build(fake));
        assertEquals(s.fees(BUSY), fees);
        assertEquals(List.of("eth_feeHistory"), fake.methods());
        assertEquals("eth_feeHistory", seen.get().getMethod());
        List<?> params = seen.get().getParams();
        assertEquals("0x14", String.valueOf(params.get(0)));
        assertEquals("latest", params.get(1));
        assertEquals(List.of(60.0), params.get(2));
    }

    @Test
    void batchedSendsFeeHistoryAndComputesTheSameFees() throws IOException {
        Eip1559Strategy s = FeeStrategies.eip1559().build();
        FakeWeb3jService fake = node(BUSY, gwei(7));
        Web3j web3j = Web3j.build(fake);
        FeeStrategy.Batched batched = s.batched(web3j);
        assertNotNull(batched);
        assertEquals("eth_feeHistory", batched.request().getMethod());

        var answers = web3j.newBatch().add(batched.request()).send();
        Fees fromBatch = batched.fees(answers.getResponses().get(0));
        assertEquals(s.fees(web3j), fromBatch);
        assertEquals(new Fees.Eip1559(gwei(22), gwei(2)), fromBatch);
    }

    @Test
    void anErrorAnswerBecomesAnRpcException() throws IOException {
        FakeWeb3jService fake = new FakeWeb3jService(r -> FakeWeb3jService.error(-32602, "invalid block count"));
        Eip1559Strategy s = FeeStrategies.eip1559().build();
        RpcException direct = assertThrows(RpcException.class, () -> s.fees(Web3j.build(fake)));
        assertFalse(direct.isRetryable());
        assertTrue(direct.getMessage().contains("invalid block count"), direct.getMessage());

        FeeStrategy.Batched batched = s.batched(Web3j.build(fake));
        var response = batched.request().send();
        RpcException viaBatch = assertThrows(RpcException.class, () -> batched.fees(response));
        assertEquals(direct.getMessage(), viaBatch.getMessage());

        FakeWeb3jService limited = new FakeWeb3jService(r -> FakeWeb3jService.error(-32005, "rate limited"));
        assertTrue(assertThrows(RpcException.class, () -> s.fees(Web3j.build(limited))).isRetryable());
    }

    @Test
    void transportFailuresBecomeRpcExceptionsRetryableAsClassified() {
        Eip1559Strategy s = FeeStrategies.eip1559().build();
        FakeWeb3jService fake = node(BUSY, gwei(1)).failNext(new SocketTimeoutException("read timed out"),
                new ClientConnectionException("Invalid response received: 503; busy"),
                new ClientConnectionException("Invalid response received: 400; bad request"));
        Web3j web3j = Web3j.build(fake);
        RpcException timeout = assertThrows(RpcException.class, () -> s.fees(web3j));
        assertTrue(timeout.isRetryable());
        assertInstanceOf(SocketTimeoutException.class, timeout.getCause());
        assertTrue(assertThrows(RpcException.class, () -> s.fees(web3j)).isRetryable());
        RpcException badRequest = assertThrows(RpcException.class, () -> s.fees(web3j));
        assertFalse(badRequest.isRetryable());
        assertTrue(badRequest.getMessage().contains("HTTP 400"), badRequest.getMessage());
        assertEquals(s.fees(BUSY), s.fees(web3j));
    }

    @Test
    void batchedRefusesAnAnswerOfAnotherMethod() {
        FeeStrategy.Batched batched = FeeStrategies.eip1559().build().batched(Web3j.build(node(BUSY, gwei(1))));
        assertThrows(IllegalArgumentException.class, () -> batched.fees(gasPriceAnswer(gwei(1))));
    }
}
