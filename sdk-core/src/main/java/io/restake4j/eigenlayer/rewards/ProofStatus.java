package io.restake4j.eigenlayer.rewards;

/**
 * The outcome of checking a Merkle proof the way the RewardsCoordinator does; each failure names the
 * custom error the contract would revert with, so a claim can be refused before it is sent.
 *
 * <pre>{@code
 * ClaimVerification v = claim.verify(root);
 * if (v.status() == ProofStatus.INVALID_TOKEN_LEAF_INDEX) { ... }
 * v.status().contractError();   // "InvalidTokenLeafIndex()"
 * v.status().selector();        // "0xa9fe9be0"
 * }</pre>
 */
public enum ProofStatus {

    /** The proof holds. */
    VALID("", ""),
    /** The proof's byte length is not a multiple of 32 ({@code Merkle.InvalidProofLength()}). */
    INVALID_PROOF_LENGTH("InvalidProofLength()", "0x4dc5f6a4"),
    /**
     * The index was not fully consumed by the proof ({@code Merkle.InvalidIndex()}). Only the bare
     * library check can report it: through the RewardsCoordinator the leaf-index bound fails first.
     */
    INVALID_INDEX("InvalidIndex()", "0x63df8171"),
    /** The root to check against is zero ({@code Merkle.EmptyRoot()}); for a token proof, the earnerTokenRoot is zero. */
    EMPTY_ROOT("EmptyRoot()", "0x53ce4ece"),
    /** {@code earnerIndex >= 2^(earnerTreeProof.length / 32)} ({@code InvalidEarnerLeafIndex()}). */
    INVALID_EARNER_LEAF_INDEX("InvalidEarnerLeafIndex()", "0x6361ce80"),
    /** {@code tokenIndices[i] >= 2^(tokenTreeProofs[i].length / 32)} ({@code InvalidTokenLeafIndex()}). */
    INVALID_TOKEN_LEAF_INDEX("InvalidTokenLeafIndex()", "0xa9fe9be0"),
    /**
     * The proof is well formed but leads to a different root: wrong leaf, index, sibling or root
     * ({@code InvalidClaimProof()} in the RewardsCoordinator; the bare library returns {@code false}).
     */
    ROOT_MISMATCH("InvalidClaimProof()", "0x69ca16c9");

    private final String contractError;
    private final String selector;

    ProofStatus(String contractError, String selector) {
        this.contractError = contractError;
        this.selector = selector;
    }

    /** The Solidity custom error's signature, e.g. {@code InvalidClaimProof()}; empty for {@link #VALID}. */
    public String contractError() {
        return contractError;
    }

    /** The custom error's 4-byte selector as {@code 0x}-hex; empty for {@link #VALID}. */
    public String selector() {
        return selector;
    }

    public boolean isValid() {
        return this == VALID;
    }
}
