package io.restake4j.tx.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.EthTransaction;
import org.web3j.utils.Numeric;

import io.restake4j.rpc.TransportFailures;

/**
 * Hands signed bytes to the node and says truthfully what came of it. Every retry offers the very same
 * bytes (so nothing can happen twice); what matters is whether any attempt may have reached the node:
 * <ul>
 *   <li>{@link Verdict#ACCEPTED}: the node has it (an answer with its hash, "already known", or "nonce too
 *       low" for a transaction the node then shows us by its hash);</li>
 *   <li>{@link Verdict#REFUSED}: every attempt was answered with a refusal, or never reached the node
 *       (connection refused, HTTP 429): nothing can be on chain;</li>
 *   <li>{@link Verdict#NONCE_TAKEN}: the node says "nonce too low" and knows nothing of our hash: another
 *       transaction used the nonce, so these bytes can never be mined;</li>
 *   <li>{@link Verdict#UNKNOWN}: an attempt may have been delivered (timeout, reset, 5xx after sending) and
 *       none was acknowledged.</li>
 * </ul>
 */
public final class Broadcaster {

    private static final Logger LOG = LoggerFactory.getLogger(Broadcaster.class);

    /** How a broadcast ended. */
    public enum Verdict { ACCEPTED, REFUSED, NONCE_TAKEN, UNKNOWN }

    /** A broadcast's verdict and, when not accepted, the last failure in words. */
    public record Result(Verdict verdict, String detail, Throwable failure) {
    }

    private final Web3j web3j;
    private final int attempts;
    private final long firstPauseMillis;

    public Broadcaster(Web3j web3j, int attempts) {
        this(web3j, attempts, 100);
    }

    Broadcaster(Web3j web3j, int attempts, long firstPauseMillis) {
        this.web3j = web3j;
        this.attempts = Math.max(1, attempts);
        this.firstPauseMillis = firstPauseMillis;
    }

    /** Offers {@code signedHex} (whose hash is {@code hash}) up to the configured number of times. */
    public Result broadcast(String signedHex, String hash) {
        boolean maybeDelivered = false;
        String last = "";
        Throwable lastFailure = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1 && !pause(attempt)) {
                break;
            }
            EthSendTransaction response;
            try {
                response = web3j.ethSendRawTransaction(signedHex).send();
            } catch (IOException | RuntimeException e) {
                lastFailure = e;
                last = TransportFailures.describe(e);
                if (mayHaveBeenDelivered(e)) {
                    maybeDelivered = true;
                } else if (!TransportFailures.isRetryable(e) && !(e instanceof IOException)) {
                    break; // a failure that will not pass (TLS, a bug): stop offering
                }
                LOG.warn("eth_sendRawTransaction of {} failed at the transport (attempt {}/{}): {}; offering the same bytes again",
                        hash, attempt, attempts, last);
                continue;
            }
            if (!response.hasError()) {
                String returned = response.getTransactionHash();
                if (returned != null && !returned.equalsIgnoreCase(hash)) {
                    LOG.warn("the node answered hash {} for transaction {}", returned, hash);
                }
                return new Result(Verdict.ACCEPTED, null, null);
            }
            String message = response.getError().getMessage() == null ? "" : response.getError().getMessage();
            String lower = message.toLowerCase(Locale.ROOT);
            last = "error " + response.getError().getCode() + ": " + message;
            if (lower.contains("already known") || lower.contains("known transaction") || lower.contains("already imported")
                    || lower.contains("already in pool") || lower.contains("already exists")) {
                return new Result(Verdict.ACCEPTED, null, null);
            }
            if (lower.contains("nonce too low") || lower.contains("nonce is too low") || lower.contains("old nonce")) {
                Boolean known = nodeKnows(hash);
                if (known == null) {
                    return new Result(Verdict.UNKNOWN, "nonce too low, and the node could not be asked whether it has "
                            + hash, null);
                }
                return known ? new Result(Verdict.ACCEPTED, null, null)
                        : maybeDelivered ? new Result(Verdict.UNKNOWN, last, null)
                        : new Result(Verdict.NONCE_TAKEN, message, null);
            }
            if (isFinalRefusal(lower)) {
                return maybeDelivered ? new Result(Verdict.UNKNOWN, last, null) : new Result(Verdict.REFUSED, last, null);
            }
            LOG.warn("eth_sendRawTransaction of {} answered {} (attempt {}/{}); offering the same bytes again", hash, last,
                    attempt, attempts);
        }
        return new Result(maybeDelivered ? Verdict.UNKNOWN : Verdict.REFUSED, last, lastFailure);
    }

    /**
     * Whether the request may have reached the node before failing. Only failures that happen before any
     * byte is sent say no: the connection could not be made, the host is unknown, or a gateway's 429 (rate
     * limits are enforced before forwarding). A timeout, a reset or a 5xx may come after the node took it.
     */
    static boolean mayHaveBeenDelivered(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return false;
            }
        }
        OptionalInt status = TransportFailures.httpStatus(failure);
        return status.isEmpty() || status.getAsInt() != 429;
    }

    /** Refusals that a resend of the same bytes cannot change. */
    static boolean isFinalRefusal(String lower) {
        return lower.contains("insufficient funds") || lower.contains("intrinsic gas") || lower.contains("gas limit")
                || lower.contains("underpriced") || lower.contains("invalid sender") || lower.contains("invalid signature")
                || lower.contains("fee cap") || lower.contains("less than block base fee") || lower.contains("max fee per gas")
                || lower.contains("chain id") || lower.contains("oversized") || lower.contains("exceeds the configured cap")
                || lower.contains("nonce too high") || lower.contains("invalid transaction");
    }

    /** Whether the node has {@code hash} (pending or mined); null when it cannot be asked. */
    Boolean nodeKnows(String hash) {
        try {
            EthTransaction tx = web3j.ethGetTransactionByHash(hash).send();
            if (!tx.hasError() && tx.getTransaction().isPresent()) {
                return true;
            }
            EthGetTransactionReceipt receipt = web3j.ethGetTransactionReceipt(hash).send();
            if (!receipt.hasError() && receipt.getTransactionReceipt().isPresent()) {
                return true;
            }
            return tx.hasError() || receipt.hasError() ? null : false;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A short, growing pause before offering the same bytes again; false when interrupted. */
    private boolean pause(int attempt) {
        try {
            Thread.sleep(firstPauseMillis * (1L << Math.min(attempt - 2, 5)));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The transaction hash of signed bytes. */
    public static String hashOf(byte[] signed) {
        return Numeric.toHexString(org.web3j.crypto.Hash.sha3(signed));
    }
}
