package io.restake4j.eigenlayer.rewards;

import java.util.Objects;

import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;

/**
 * The result of {@link RewardsClaim#verify(byte[])}: valid, or the first check that failed, in the
 * order the RewardsCoordinator runs them (the earner proof, then each token proof in claim order).
 *
 * <pre>{@code
 * ClaimVerification v = claim.verify(root);
 * if (!v.isValid()) {
 *     System.out.println(v.message()); // "token proof #1 (token 0x43af...): proof leads to 0x9c1e... not ..."
 * }
 * claim.verify(root).orThrow();        // or fail with InvalidInputException
 * }</pre>
 *
 * @param status        what happened
 * @param tokenPosition position in the claim's token lists of the failing token proof; -1 when the
 *                      earner proof failed or everything is valid
 * @param message       a readable explanation, naming the contract error a submission would revert with
 */
public record ClaimVerification(ProofStatus status, int tokenPosition, String message) {

    private static final ClaimVerification VALID = new ClaimVerification(ProofStatus.VALID, -1, "valid");

    public ClaimVerification {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }

    static ClaimVerification valid() {
        return VALID;
    }

    public boolean isValid() {
        return status == ProofStatus.VALID;
    }

    /** Whether the earner proof (rather than a token proof) failed. */
    public boolean isEarnerProofFailure() {
        return !isValid() && tokenPosition < 0;
    }

    /**
     * Returns this when valid.
     *
     * @throws InvalidInputException with {@link #message()} when not valid
     */
    public ClaimVerification orThrow() {
        if (!isValid()) {
            throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "rewards claim would revert: " + message);
        }
        return this;
    }
}
