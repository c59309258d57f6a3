package io.restake4j.tx;

import java.time.Duration;
import java.util.List;

import org.web3j.protocol.core.methods.response.TransactionReceipt;


/**
 * This client's transactions by hash: await one, speed it up, cancel it, list those still pending. Only
 * the client that signed a transaction can replace it; any client can await any hash.
 *
 * <pre>{@code
 * String hash = e.outcome().orElseThrow().pendingHashes().get(0);
 * String faster = client.transactions().speedUp(hash);           // same nonce, fees +12.5%
 * TransactionReceipt receipt = client.transactions().awaitReceipt(hash, Duration.ofMinutes(5));
 * }</pre>
 * Awaiting a hash that was sped up or cancelled returns whichever of them was mined (a cancel that won ends
 * in a {@link io.restake4j.errors.TransactionReplacedException}).
 */
public interface Transactions {

    /** Waits up to the client's receipt timeout for {@code hash} (or a replacement this client signed) to be mined. */
    TransactionReceipt awaitReceipt(String hash);

    /**
     * Waits for {@code hash} to be mined. The receipt may show a revert ({@code isStatusOK()} false).
     *
     * @throws io.restake4j.errors.ConfirmationTimeoutException not mined in time (it may still be)
     * @throws io.restake4j.errors.TransactionReplacedException its nonce was used by another transaction
     */
    TransactionReceipt awaitReceipt(String hash, Duration timeout);

    /** Signs {@code hash}'s transaction again at its nonce with fees raised by 12.5%; returns the new hash. */
    String speedUp(String hash);

    /**
     * Replaces {@code hash}'s transaction with a zero-value transfer to this account at the same nonce and with
     * raised fees; returns the cancel's hash. Whichever is mined first, the other never is.
     */
    String cancel(String hash);

    /** The hashes of this client's transactions not yet mined (the latest signed at each nonce). */
    List<String> pending();
}
