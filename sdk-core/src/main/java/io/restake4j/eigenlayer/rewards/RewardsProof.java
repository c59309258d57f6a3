package io.restake4j.eigenlayer.rewards;

import java.util.Arrays;
import java.util.Objects;

/**
 * A claim together with the distribution root it was made for: what EigenLayer's proof tooling
 * (eigenlayer-cli, the Sidecar) hands out, and what {@link RewardsProofJson} reads and writes.
 *
 * <pre>{@code
 * RewardsProof proof = RewardsProofJson.read(Path.of("claim.json"));
 * proof.verify().orThrow();
 * RewardsClaim claim = proof.claim().withRootIndex(rootIndexFromChain);
 * }</pre>
 *
 * @param root  the 32-byte distribution root
 * @param claim the claim proven against it
 */
public record RewardsProof(byte[] root, RewardsClaim claim) {

    /** @throws io.restake4j.errors.InvalidInputException when the root is not 32 bytes or the claim is missing */
    public RewardsProof {
        root = Bytes.requireWord(root, "root").clone();
        if (claim == null) {
            throw new io.restake4j.errors.InvalidInputException(io.restake4j.errors.ErrorCode.MISSING, "claim", "claim is missing");
        }
    }

    /** A copy of the root. */
    @Override
    public byte[] root() {
        return root.clone();
    }

    public String rootHex() {
        return Bytes.hex(root);
    }

    /** {@link RewardsClaim#verify(byte[])} against this proof's root. */
    public ClaimVerification verify() {
        return claim.verify(root);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RewardsProof other && Arrays.equals(root, other.root) && claim.equals(other.claim);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(root) + Objects.hashCode(claim);
    }

    @Override
    public String toString() {
        return "RewardsProof[root=" + rootHex() + ", claim=" + claim + "]";
    }
}
