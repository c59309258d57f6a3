package io.restake4j.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;

import io.restake4j.Restaking;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.eigenlayer.DepositResult;
import io.restake4j.signer.Signer;
import io.restake4j.testing.DevnetAccounts;
import io.restake4j.testing.DevnetClients;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * A node without eth_simulateV1 (answered -32601): the client falls back to eth_call, sends the steps one at a
 * time, each simulated right before it is signed, and still gets the typed result.
 */
@DevnetTest
@SuppressWarnings("rawtypes") // Web3jService itself is declared with raw Request/Response types
class NoSimulateV1IT {

    /** anvil, with eth_simulateV1 answered "method not found" (alone or in a batch). */
    static final class NoSimulate extends HttpService {
        final AtomicInteger refused = new AtomicInteger();

        NoSimulate(String url) {
            super(url);
        }

        @Override
        public <T extends Response> T send(Request request, Class<T> responseType) throws IOException {
            if ("eth_simulateV1".equals(request.getMethod())) {
                return refuse(responseType);
            }
            return super.send(request, responseType);
        }

        @Override
        public BatchResponse sendBatch(BatchRequest batch) throws IOException {
            BatchResponse answer = super.sendBatch(batch);
            for (int i = 0; i < batch.getRequests().size(); i++) {
                if ("eth_simulateV1".equals(batch.getRequests().get(i).getMethod())) {
                    Response<?> r = answer.getResponses().get(i);
                    r.setResult(null);
                    r.setError(new Response.Error(-32601, "the method eth_simulateV1 does not exist/is not available"));
                    refused.incrementAndGet();
                }
            }
            return answer;
        }

        private <T extends Response> T refuse(Class<T> type) {
            refused.incrementAndGet();
            try {
                T r = type.getDeclaredConstructor().newInstance();
                r.setError(new Response.Error(-32601, "the method eth_simulateV1 does not exist/is not available"));
                return r;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void anApprovalAndADepositAreSentOneByOneAfterEthCall(Devnet devnet) throws Exception {
        Credentials staker = DevnetAccounts.fresh(devnet, 1001, 10);
        devnet.eigenLayer().stakeStETHFor(staker.getAddress(), DevnetAccounts.eth(10));
        Token stEth = Token.erc20(devnet.eigenLayer().stETH(), "stETH", 18);
        NoSimulate node = new NoSimulate(devnet.rpcUrl());
        try (Restaking client = DevnetClients.builder(devnet).signer(Signer.of(staker)).service(node).build()) {
            Operation<DepositResult> deposit = client.eigenLayer().deposit(Amount.parse("4", stEth));
            Preview preview = deposit.preview();
            assertEquals("eth_call", preview.method());
            assertFalse(preview.fullySimulated(), "the deposit depends on the approval: not simulated ahead");
            DepositResult r = deposit.send();
            assertEquals(2, r.transactionCount());
            assertEquals(Amount.parse("4", stEth).wei(), r.shares().value());
            assertTrue(node.refused.get() >= 1, "the node was asked once and said no");
            DepositResult again = client.eigenLayer().deposit(Amount.parse("1", stEth)).send();
            assertEquals(2, again.transactionCount());
        }
        assertEquals(BigInteger.valueOf(4), DevnetAccounts.nonce(devnet, staker));
    }
}
