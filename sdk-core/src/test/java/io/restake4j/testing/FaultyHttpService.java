package io.restake4j.testing;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;

/**
 * An HTTP transport that, on request, breaks one {@code eth_sendRawTransaction}: refuses it without
 * reaching the node, or delivers it and then loses the answer (a read timeout or a gateway's HTTP 503).
 */
@SuppressWarnings("rawtypes") // Web3jService itself is declared with raw Request/Response types
public final class FaultyHttpService extends HttpService {

    /** What to break. */
    public enum Fault {
        NONE,
        /** The node refuses the transaction for good (insufficient funds); it never reached the pool. */
        REFUSE_NEXT_SEND,
        /** The node answers with a passing JSON-RPC error (-32005, a rate limit); the transaction did not reach it. */
        RATE_LIMIT_NEXT_SEND,
        /** The node gets the transaction, then the answer is lost (a read timeout). */
        LOSE_NEXT_ANSWER,
        /** The node gets the transaction, then a gateway in front of it answers HTTP 503. */
        GATEWAY_503_AFTER_DELIVERY
    }

    private volatile Fault fault = Fault.NONE;
    private volatile boolean withholdReceipts;
    private final AtomicInteger sends = new AtomicInteger();

    public FaultyHttpService(String url) {
        super(url);
    }

    /** Breaks the next eth_sendRawTransaction, once. */
    public void inject(Fault next) {
        this.fault = next;
    }

    /** While on, every eth_getTransactionReceipt (single or batched) is answered "not mined yet". */
    public void withholdReceipts(boolean on) {
        this.withholdReceipts = on;
    }

    @Override
    public org.web3j.protocol.core.BatchResponse sendBatch(org.web3j.protocol.core.BatchRequest batch) throws IOException {
        org.web3j.protocol.core.BatchResponse answer = super.sendBatch(batch);
        if (withholdReceipts) {
            for (Response<?> r : answer.getResponses()) {
                if (r instanceof org.web3j.protocol.core.methods.response.EthGetTransactionReceipt receipt) {
                    receipt.setResult(null);
                }
            }
        }
        return answer;
    }

    /** eth_sendRawTransaction requests that reached the node. */
    public int sendsDelivered() {
        return sends.get();
    }

    @Override
    public <T extends Response> T send(Request request, Class<T> responseType) throws IOException {
        if (!"eth_sendRawTransaction".equals(request.getMethod())) {
            T answer = super.send(request, responseType);
            if (withholdReceipts && answer instanceof org.web3j.protocol.core.methods.response.EthGetTransactionReceipt r) {
                r.setResult(null);
            }
            return answer;
        }
        Fault now;
        synchronized (this) {
            now = fault;
            fault = Fault.NONE;
        }
        switch (now) {
            case REFUSE_NEXT_SEND -> {
                T refused;
                try {
                    refused = responseType.getDeclaredConstructor().newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                refused.setError(new Response.Error(-32000, "injected: insufficient funds for gas * price + value"));
                return refused;
            }
            case RATE_LIMIT_NEXT_SEND -> {
                T limited;
                try {
                    limited = responseType.getDeclaredConstructor().newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                limited.setError(new Response.Error(-32005, "injected: limit exceeded"));
                return limited;
            }
            case LOSE_NEXT_ANSWER -> {
                super.send(request, responseType);
                sends.incrementAndGet();
                throw new SocketTimeoutException("injected: read timed out after the node got the transaction");
            }
            case GATEWAY_503_AFTER_DELIVERY -> {
                super.send(request, responseType);
                sends.incrementAndGet();
                throw new org.web3j.protocol.exceptions.ClientConnectionException(
                        "Invalid response received: 503; injected: service unavailable");
            }
            default -> {
                T response = super.send(request, responseType);
                sends.incrementAndGet();
                return response;
            }
        }
    }
}
