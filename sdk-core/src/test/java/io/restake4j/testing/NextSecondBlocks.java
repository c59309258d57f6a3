package io.restake4j.testing;

import java.io.IOException;
import java.math.BigInteger;

import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;

import io.restake4j.devnet.Devnet;

/**
 * A devnet transport whose transactions always land in a block a second after the latest one: before each
 * {@code eth_sendRawTransaction} it sets the next block's timestamp to the latest's + 1. Anvil simulates "pending"
 * in the latest block's second, so a write keyed by {@code block.timestamp} (Symbiotic's checkpoints) is simulated
 * in one second and mined in the next: what happens by chance when the wall clock ticks between the two.
 *
 * <pre>{@code
 * try (Restaking client = DevnetClients.client(devnet, account, new NextSecondBlocks(devnet))) { ... }
 * }</pre>
 */
@SuppressWarnings("rawtypes") // Web3jService itself is declared with raw Request/Response types
public final class NextSecondBlocks extends HttpService {

    private final Devnet devnet;

    public NextSecondBlocks(Devnet devnet) {
        super(devnet.rpcUrl());
        this.devnet = devnet;
    }

    @Override
    public <T extends Response> T send(Request request, Class<T> responseType) throws IOException {
        if ("eth_sendRawTransaction".equals(request.getMethod())) {
            nextSecond();
        }
        return super.send(request, responseType);
    }

    @Override
    public BatchResponse sendBatch(BatchRequest batch) throws IOException {
        if (batch.getRequests().stream().anyMatch(r -> "eth_sendRawTransaction".equals(r.getMethod()))) {
            nextSecond();
        }
        return super.sendBatch(batch);
    }

    private void nextSecond() throws IOException {
        BigInteger latest = devnet.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock()
                .getTimestamp();
        devnet.rpc("evm_setNextBlockTimestamp", latest.add(BigInteger.ONE).longValueExact());
    }
}
