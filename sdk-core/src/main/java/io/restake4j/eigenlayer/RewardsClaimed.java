package io.restake4j.eigenlayer;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import io.restake4j.tx.Execution;
import io.restake4j.tx.OperationResult;

/**
 * A completed rewards claim: what each token paid, to whom (from the {@code RewardsClaimed} events).
 *
 * <pre>{@code
 * RewardsClaimed r = client.eigenLayer().rewards().claim(proof, recipient).send();
 * r.claimed().forEach((token, wei) -> System.out.println(token + ": " + wei));
 * }</pre>
 */
public final class RewardsClaimed extends OperationResult {

    private final List<String> earners;
    private final String recipient;
    private final Map<String, BigInteger> claimed;

    RewardsClaimed(Execution execution, List<String> earners, String recipient, Map<String, BigInteger> claimed) {
        super(execution);
        this.earners = List.copyOf(earners);
        this.recipient = recipient;
        this.claimed = Map.copyOf(claimed);
    }

    /** The earners whose rewards were claimed (one, unless several proofs were claimed together). */
    public List<String> earners() {
        return earners;
    }

    public String recipient() {
        return recipient;
    }

    /** Token address (lower case) -> wei paid by this claim. */
    public Map<String, BigInteger> claimed() {
        return claimed;
    }

    @Override
    public String toString() {
        return "RewardsClaimed[" + earners + " -> " + recipient + ": " + claimed + ", tx " + transactionHashes() + "]";
    }
}
