package io.restake4j.tx.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.restake4j.tx.Fees;

/**
 * One nonce of this client's signer that is in flight: every transaction signed at it (the first, then
 * re-signs with higher fees, or a cancel), and how it ended. At most one of them can be mined.
 */
final class InFlight {

    /** One signed transaction at this nonce. */
    record Candidate(String hash, String signedHex, Fees fees, boolean cancel) {
    }

    /** How the nonce was used: one of our candidates was mined, or another transaction took it. */
    record Resolution(TransactionReceipt receipt, Candidate minedCandidate, String replacedBy) {
        boolean mined() {
            return receipt != null && minedCandidate != null && !minedCandidate.cancel();
        }
    }

    final BigInteger nonce;
    /** What the step sends; null for a transaction known only by its hash (resumed after a restart). */
    final String to;
    final String data;
    final BigInteger value;
    final BigInteger gasLimit;
    final CompletableFuture<Resolution> resolution = new CompletableFuture<>();
    private final List<Candidate> candidates = new ArrayList<>();
    /** The block number when the latest candidate was signed (for the fee-bump policy); null if unknown. */
    volatile BigInteger sentAtBlock;
    /** Polls in a row that found the nonce used but none of our receipts. */
    int replacedSightings;
    /** Polls in a row in which the node did not know our latest hash. */
    int unknownSightings;
    int bumps;
    /** When the poller started following it ({@code System.nanoTime()}). */
    volatile long trackedAt;
    /** When the poller asks for its receipt next, and the gap before the one after. */
    long nextPollAt;
    long pollGap;

    InFlight(BigInteger nonce, String to, String data, BigInteger value, BigInteger gasLimit) {
        this.nonce = nonce;
        this.to = to;
        this.data = data;
        this.value = value;
        this.gasLimit = gasLimit;
    }

    synchronized void add(Candidate c) {
        candidates.add(c);
    }

    synchronized void remove(Candidate c) {
        candidates.remove(c);
    }

    synchronized List<Candidate> candidates() {
        return List.copyOf(candidates);
    }

    synchronized Candidate latest() {
        return candidates.isEmpty() ? null : candidates.get(candidates.size() - 1);
    }

    synchronized Candidate candidate(String hash) {
        for (Candidate c : candidates) {
            if (c.hash().equalsIgnoreCase(hash)) {
                return c;
            }
        }
        return null;
    }

    List<String> hashes() {
        return candidates().stream().map(Candidate::hash).toList();
    }

    boolean resolved() {
        return resolution.isDone();
    }
}
