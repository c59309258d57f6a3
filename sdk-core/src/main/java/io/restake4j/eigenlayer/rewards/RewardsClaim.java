package io.restake4j.eigenlayer.rewards;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;

import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;

/**
 * A rewards claim as {@code RewardsCoordinator.processClaim} takes it, mirroring
 * {@code IRewardsCoordinatorTypes.RewardsMerkleClaim}
 * {@code (uint32 rootIndex, uint32 earnerIndex, bytes earnerTreeProof, (address,bytes32) earnerLeaf,
 * uint32[] tokenIndices, bytes[] tokenTreeProofs, (address,uint256)[] tokenLeaves)}.
 * Plain Java, independent of the generated contract wrappers. Immutable: byte arrays are copied in
 * and out. uint32 fields are {@code long}s checked to 0..2<sup>32</sup>-1; the three token lists must
 * have equal lengths (the contract's {@code InputArrayLengthMismatch()}), which is checked here.
 *
 * <pre>{@code
 * RewardsClaim claim = tree.claim(rootIndex, earner);
 * claim.verify(tree.root()).orThrow();
 * // drop tokens already claimed in full, or processClaim reverts as a whole:
 * RewardsClaim toSend = claim.withoutFullyClaimed(Map.of(eigen, alreadyClaimed));
 * }</pre>
 *
 * @param rootIndex       index of the distribution root in the RewardsCoordinator
 * @param earnerIndex     the earner leaf's index in the earner tree
 * @param earnerTreeProof siblings from the earner leaf to the distribution root, 32 bytes each
 * @param earnerLeaf      the earner and its token root
 * @param tokenIndices    each token leaf's index in the earner's token tree
 * @param tokenTreeProofs for each token leaf, siblings up to the earnerTokenRoot
 * @param tokenLeaves     the tokens claimed with their cumulative earnings
 */
public record RewardsClaim(long rootIndex, long earnerIndex, byte[] earnerTreeProof, EarnerLeaf earnerLeaf,
        List<Long> tokenIndices, List<byte[]> tokenTreeProofs, List<TokenLeaf> tokenLeaves) {

    /** @throws InvalidInputException for a missing part, a uint32 out of range, or token lists of unequal length */
    public RewardsClaim {
        Bytes.requireUint32(rootIndex, "rootIndex");
        Bytes.requireUint32(earnerIndex, "earnerIndex");
        if (earnerTreeProof == null) {
            throw new InvalidInputException(ErrorCode.MISSING, "earnerTreeProof is missing");
        }
        earnerTreeProof = earnerTreeProof.clone();
        if (earnerLeaf == null) {
            throw new InvalidInputException(ErrorCode.MISSING, "earnerLeaf is missing");
        }
        if (tokenIndices == null || tokenTreeProofs == null || tokenLeaves == null) {
            throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "tokenIndices, tokenTreeProofs and tokenLeaves are all required");
        }
        if (tokenIndices.size() != tokenTreeProofs.size() || tokenTreeProofs.size() != tokenLeaves.size()) {
            throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "tokenIndices (" + tokenIndices.size() + "), tokenTreeProofs ("
                    + tokenTreeProofs.size() + ") and tokenLeaves (" + tokenLeaves.size()
                    + ") must have the same length; the contract reverts with InputArrayLengthMismatch()");
        }
        List<Long> indices = new ArrayList<>(tokenIndices.size());
        List<byte[]> proofs = new ArrayList<>(tokenTreeProofs.size());
        for (int i = 0; i < tokenIndices.size(); i++) {
            Long index = tokenIndices.get(i);
            if (index == null) {
                throw new InvalidInputException(ErrorCode.MISSING, "tokenIndices[" + i + "] is missing");
            }
            indices.add(Bytes.requireUint32(index, "tokenIndices[" + i + "]"));
            byte[] proof = tokenTreeProofs.get(i);
            if (proof == null) {
                throw new InvalidInputException(ErrorCode.MISSING, "tokenTreeProofs[" + i + "] is missing");
            }
            proofs.add(proof.clone());
            if (tokenLeaves.get(i) == null) {
                throw new InvalidInputException(ErrorCode.MISSING, "tokenLeaves[" + i + "] is missing");
            }
        }
        tokenIndices = Collections.unmodifiableList(indices);
        tokenTreeProofs = Collections.unmodifiableList(proofs);
        tokenLeaves = List.copyOf(tokenLeaves);
    }

    /** A copy of the earner proof. */
    @Override
    public byte[] earnerTreeProof() {
        return earnerTreeProof.clone();
    }

    /** Copies of the token proofs, in claim order. */
    @Override
    public List<byte[]> tokenTreeProofs() {
        List<byte[]> out = new ArrayList<>(tokenTreeProofs.size());
        tokenTreeProofs.forEach(p -> out.add(p.clone()));
        return Collections.unmodifiableList(out);
    }

    /** The earner's address. */
    public String earner() {
        return earnerLeaf.earner();
    }

    /** The claimed tokens' addresses, in claim order. */
    public List<String> tokens() {
        return tokenLeaves.stream().map(TokenLeaf::token).toList();
    }

    /** Number of token leaves claimed. A claim without any is accepted on chain but pays nothing. */
    public int tokenCount() {
        return tokenLeaves.size();
    }

    /**
     * Runs the RewardsCoordinator's proof checks ({@code _verifyEarnerClaimProof}, then
     * {@code _verifyTokenClaimProof} for each token in order) against a distribution root and reports
     * the first failure. Root state (disabled, activation time), the caller and
     * {@code cumulativeClaimed} are chain state and are not checked here.
     *
     * @param root the 32-byte distribution root at {@link #rootIndex()}
     */
    public ClaimVerification verify(byte[] root) {
        Bytes.requireWord(root, "root");
        ClaimVerification earner = RewardsMerkle.verifyEarner(root, earnerIndex, earnerTreeProof, earnerLeaf);
        if (!earner.isValid()) {
            return earner;
        }
        byte[] tokenRoot = earnerLeaf.earnerTokenRoot();
        for (int i = 0; i < tokenLeaves.size(); i++) {
            ClaimVerification t = RewardsMerkle.verifyToken(tokenRoot, tokenIndices.get(i), tokenTreeProofs.get(i),
                    tokenLeaves.get(i), i);
            if (!t.isValid()) {
                return t;
            }
        }
        return ClaimVerification.valid();
    }

    /**
     * This claim without the given tokens (any letter case; tokens not in the claim are ignored).
     * Each token proof stands alone against the earnerTokenRoot, so the remaining proofs stay valid.
     */
    public RewardsClaim withoutTokens(Collection<String> tokens) {
        Set<String> drop = normalise(tokens);
        return filter(i -> !drop.contains(tokenLeaves.get(i).token()));
    }

    /**
     * This claim with only the given tokens, in the claim's order.
     *
     * @throws InvalidInputException when a requested token is not in the claim
     */
    public RewardsClaim onlyTokens(Collection<String> tokens) {
        Set<String> keep = normalise(tokens);
        Set<String> missing = new HashSet<>(keep);
        tokenLeaves.forEach(l -> missing.remove(l.token()));
        if (!missing.isEmpty()) {
            throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "the claim for " + earner() + " has no leaf for token(s) " + new TreeSet<>(missing));
        }
        return filter(i -> keep.contains(tokenLeaves.get(i).token()));
    }

    /**
     * This claim without the tokens whose {@code cumulativeEarnings} do not exceed what was already
     * claimed ({@code RewardsCoordinator.cumulativeClaimed(earner, token)}); the contract requires
     * strictly more and reverts the whole claim otherwise. Tokens absent from the map count as never
     * claimed.
     *
     * @param cumulativeClaimed token address (any case) → amount already claimed
     */
    public RewardsClaim withoutFullyClaimed(Map<String, BigInteger> cumulativeClaimed) {
        Objects.requireNonNull(cumulativeClaimed, "cumulativeClaimed");
        Map<String, BigInteger> claimed = new HashMap<>();
        cumulativeClaimed.forEach((token, amount) -> claimed.put(Bytes.normaliseAddress(token, "token"),
                Objects.requireNonNull(amount, "cumulativeClaimed of " + token)));
        return filter(i -> {
            TokenLeaf leaf = tokenLeaves.get(i);
            BigInteger done = claimed.getOrDefault(leaf.token(), BigInteger.ZERO);
            return leaf.cumulativeEarnings().compareTo(done) > 0;
        });
    }

    /** The same claim against another root index (proofs unchanged). */
    public RewardsClaim withRootIndex(long newRootIndex) {
        return new RewardsClaim(newRootIndex, earnerIndex, earnerTreeProof, earnerLeaf, tokenIndices, tokenTreeProofs, tokenLeaves);
    }

    private RewardsClaim filter(IntPredicate keep) {
        List<Long> indices = new ArrayList<>();
        List<byte[]> proofs = new ArrayList<>();
        List<TokenLeaf> leaves = new ArrayList<>();
        for (int i = 0; i < tokenLeaves.size(); i++) {
            if (keep.test(i)) {
                indices.add(tokenIndices.get(i));
                proofs.add(tokenTreeProofs.get(i));
                leaves.add(tokenLeaves.get(i));
            }
        }
        return new RewardsClaim(rootIndex, earnerIndex, earnerTreeProof, earnerLeaf, indices, proofs, leaves);
    }

    private static Set<String> normalise(Collection<String> tokens) {
        Objects.requireNonNull(tokens, "tokens");
        Set<String> out = new HashSet<>();
        tokens.forEach(t -> out.add(Bytes.normaliseAddress(t, "token")));
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RewardsClaim other)) {
            return false;
        }
        if (rootIndex != other.rootIndex || earnerIndex != other.earnerIndex
                || !Arrays.equals(earnerTreeProof, other.earnerTreeProof) || !earnerLeaf.equals(other.earnerLeaf)
                || !tokenIndices.equals(other.tokenIndices) || !tokenLeaves.equals(other.tokenLeaves)
                || tokenTreeProofs.size() != other.tokenTreeProofs.size()) {
            return false;
        }
        for (int i = 0; i < tokenTreeProofs.size(); i++) {
            if (!Arrays.equals(tokenTreeProofs.get(i), other.tokenTreeProofs.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(rootIndex, earnerIndex, earnerLeaf, tokenIndices, tokenLeaves);
        h = 31 * h + Arrays.hashCode(earnerTreeProof);
        for (byte[] p : tokenTreeProofs) {
            h = 31 * h + Arrays.hashCode(p);
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("RewardsClaim[rootIndex=").append(rootIndex)
                .append(", earnerIndex=").append(earnerIndex)
                .append(", earnerTreeProof=").append(Bytes.hex(earnerTreeProof))
                .append(", earnerLeaf=").append(earnerLeaf)
                .append(", tokens=[");
        for (int i = 0; i < tokenLeaves.size(); i++) {
            if (i > 0) {
                s.append(", ");
            }
            s.append(tokenLeaves.get(i).token()).append('=').append(tokenLeaves.get(i).cumulativeEarnings())
                    .append(" @").append(tokenIndices.get(i))
                    .append(" proof ").append(Bytes.hex(tokenTreeProofs.get(i)));
        }
        return s.append("]]").toString();
    }
}
