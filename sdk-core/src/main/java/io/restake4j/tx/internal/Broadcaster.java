package io.restake4j.tx.internal;

import java.io.IOException;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.EthTransaction;
import org.web3j.utils.Numeric;

import io.restake4j.errors.RpcException;
import io.restake4j.rpc.TransportFailures;

/**
 * Hands signed bytes to the node. A transport failure (timeout, reset, HTTP 429/5xx) is retried after a
 * short pause with the very same bytes, so a transaction that did reach the node is never signed again with another nonce; the
 * node's "already known" and, for our own hash, "nonce too low" mean it has the transaction.
 */
public final class Broadcaster {

    private static final Logger LOG = LoggerFactory.getLogger(Broadcaster.class);

    private final Web3j web3j;
    private final int attempts;

    public Broadcaster(Web3j web3j, int attempts) {
        this.web3j = web3j;
        this.attempts = Math.max(1, attempts);
    }

    /** Sends {@code signedHex} (whose hash is {@code hash}); returns the hash once the node has it. */
    public String broadcast(String signedHex, String hash) {
        Exception last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                pause(attempt);
            }
            EthSendTransaction response;
            try {
                response = web3j.ethSendRawTransaction(signedHex).send();
            } catch (IOException | RuntimeException e) {
                if (!(e instanceof IOException) && !TransportFailures.isRetryable(e)) {
                    throw TransportFailures.toRpcException("eth_sendRawTransaction of " + hash, e);
                }
                last = e;
                LOG.warn("eth_sendRawTransaction of {} failed at the transport (attempt {}/{}): {}; resending the same bytes",
                        hash, attempt, attempts, TransportFailures.describe(e));
                continue;
            }
            if (!response.hasError()) {
                String returned = response.getTransactionHash();
                if (returned != null && !returned.equalsIgnoreCase(hash)) {
                    throw new RpcException("the node returned hash " + returned + " for transaction " + hash, false, null);
                }
                return hash;
            }
            String message = response.getError().getMessage() == null ? "" : response.getError().getMessage();
            String lower = message.toLowerCase(Locale.ROOT);
            if (lower.contains("already known") || lower.contains("known transaction") || lower.contains("already imported")) {
                return hash;
            }
            if (lower.contains("nonce too low") && nodeHas(hash)) {
                return hash;
            }
            throw new RpcException("the node refused transaction " + hash + ": " + message, false, null);
        }
        throw new RpcException("eth_sendRawTransaction of " + hash + " failed " + attempts + " times: "
                + (last == null ? "" : last.getMessage()), true, last);
    }

    private boolean nodeHas(String hash) {
        try {
            EthTransaction tx = web3j.ethGetTransactionByHash(hash).send();
            return !tx.hasError() && tx.getTransaction().isPresent();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A short, growing pause before offering the same bytes again (100 ms, 200 ms, ...). */
    private static void pause(int attempt) {
        try {
            Thread.sleep(100L * (attempt - 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcException("interrupted while resending a transaction", false, e);
        }
    }

    /** The transaction hash of signed bytes. */
    public static String hashOf(byte[] signed) {
        return Numeric.toHexString(org.web3j.crypto.Hash.sha3(signed));
    }
}
