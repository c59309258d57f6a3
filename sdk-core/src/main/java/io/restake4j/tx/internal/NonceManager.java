package io.restake4j.tx.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthGetTransactionCount;

import io.restake4j.errors.RpcException;
import io.restake4j.rpc.TransportFailures;

/**
 * Nonces for one signer in one client. Signing and handing a transaction to the node happen under
 * one lock, with the next nonce: concurrent senders get contiguous nonces and a nonce is only used
 * up when the node accepted its transaction. After any failure the next nonce is read again from
 * the chain (pending state), so a failed send leaves no gap and no stale counter.
 */
public final class NonceManager {

    private static final Logger LOG = LoggerFactory.getLogger(NonceManager.class);

    private final Web3j web3j;
    private final String address;
    private final ReentrantLock lock = new ReentrantLock(true);
    private BigInteger next;

    public NonceManager(Web3j web3j, String address) {
        this.web3j = web3j;
        this.address = address;
    }

    /**
     * Runs {@code send} with the next nonce, under the lock. When it returns, the nonce is used up;
     * when it throws, the counter is dropped and read from the chain next time.
     */
    public <T> T withNextNonce(Function<BigInteger, T> send) {
        lock.lock();
        try {
            if (next == null) {
                next = pendingCount();
            }
            T result;
            try {
                result = send.apply(next);
            } catch (RuntimeException e) {
                LOG.debug("send with nonce {} for {} failed; resynchronising from the chain", next, address);
                next = null;
                throw e;
            }
            next = next.add(BigInteger.ONE);
            return result;
        } finally {
            lock.unlock();
        }
    }

    /** Forgets the counter; the next send reads it from the chain. */
    public void resync() {
        lock.lock();
        try {
            next = null;
        } finally {
            lock.unlock();
        }
    }

    private BigInteger pendingCount() {
        try {
            EthGetTransactionCount count = web3j.ethGetTransactionCount(address, DefaultBlockParameterName.PENDING).send();
            if (count.hasError()) {
                throw new RpcException("eth_getTransactionCount failed: " + count.getError().getMessage(), false, null);
            }
            return count.getTransactionCount();
        } catch (IOException | RuntimeException e) {
            throw TransportFailures.toRpcException("eth_getTransactionCount", e);
        }
    }
}
