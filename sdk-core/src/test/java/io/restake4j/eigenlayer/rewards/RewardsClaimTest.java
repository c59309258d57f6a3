package io.restake4j.eigenlayer.rewards;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restake4j.errors.InvalidInputException;

/** Tampered claims fail with the contract's reason; token-dropping helpers keep the rest valid. */
class RewardsClaimTest {

    private RewardsTree tree;
    private byte[] root;
    private RewardsClaim claim; // 4 tokens, earner in the middle of a 5-earner tree (3 levels)

    @BeforeEach
    void setUp() {
        List<RewardsTreeTest.Row> rows = new ArrayList<>(RewardsTreeTest.randomRows(new Random(11), 4, 2));
        String earner = "0x7000000000000000000000000000000000000007";
        for (int t = 1; t <= 4; t++) {
            rows.add(new RewardsTreeTest.Row(earner, "0x" + "0".repeat(39) + t, BigInteger.TEN.pow(18 + t)));
        }
        tree = RewardsTree.build(RewardsTreeTest.earnings(rows));
        root = tree.root();
        claim = tree.claim(2, earner);
        assertEquals(4, claim.tokenCount());
        assertEquals(3, tree.depth());
        assertTrue(claim.verify(root).isValid());
    }

    private static byte[] flip(byte[] bytes, int at) {
        byte[] out = bytes.clone();
        out[at] ^= 0x01;
        return out;
    }

    private RewardsClaim withEarnerProof(byte[] proof) {
        return new RewardsClaim(claim.rootIndex(), claim.earnerIndex(), proof, claim.earnerLeaf(), claim.tokenIndices(),
                claim.tokenTreeProofs(), claim.tokenLeaves());
    }

    private RewardsClaim withEarnerIndex(long index) {
        return new RewardsClaim(claim.rootIndex(), index, claim.earnerTreeProof(), claim.earnerLeaf(), claim.tokenIndices(),
                claim.tokenTreeProofs(), claim.tokenLeaves());
    }

    private RewardsClaim withToken(int position, Long index, byte[] proof, TokenLeaf leaf) {
        List<Long> indices = new ArrayList<>(claim.tokenIndices());
        List<byte[]> proofs = new ArrayList<>(claim.tokenTreeProofs());
        List<TokenLeaf> leaves = new ArrayList<>(claim.tokenLeaves());
        if (index != null) {
            indices.set(position, index);
        }
        if (proof != null) {
            proofs.set(position, proof);
        }
        if (leaf != null) {
            leaves.set(position, leaf);
        }
        return new RewardsClaim(claim.rootIndex(), claim.earnerIndex(), claim.earnerTreeProof(), claim.earnerLeaf(),
                indices, proofs, leaves);
    }

    private static void assertFails(ClaimVerification v, ProofStatus status, int position) {
        assertEquals(status, v.status(), v.message());
        assertEquals(position, v.tokenPosition(), v.message());
        assertFalse(v.isValid());
        assertTrue(v.message().contains(status.contractError()), v.message());
        InvalidInputException e = assertThrows(InvalidInputException.class, v::orThrow);
        assertTrue(e.getMessage().contains(v.message()));
    }

    @Test
    void flippingAnyByteOfTheEarnerProofIsARootMismatch() {
        byte[] proof = claim.earnerTreeProof();
        for (int at = 0; at < proof.length; at++) {
            ClaimVerification v = withEarnerProof(flip(proof, at)).verify(root);
            assertFails(v, ProofStatus.ROOT_MISMATCH, -1);
            assertTrue(v.isEarnerProofFailure());
        }
    }

    @Test
    void flippingAByteOfATokenProofFailsThatToken() {
        for (int position = 0; position < claim.tokenCount(); position++) {
            byte[] proof = claim.tokenTreeProofs().get(position);
            ClaimVerification v = withToken(position, null, flip(proof, 31), null).verify(root);
            assertFails(v, ProofStatus.ROOT_MISMATCH, position);
            assertFalse(v.isEarnerProofFailure());
        }
    }

    @Test
    void aWrongEarnerIndexFails() {
        long index = claim.earnerIndex();
        // inside the bound but not the leaf's position: the proof leads elsewhere
        assertFails(withEarnerIndex(index ^ 1).verify(root), ProofStatus.ROOT_MISMATCH, -1);
        // at or beyond 2^(proof levels): refused before hashing
        assertFails(withEarnerIndex(8).verify(root), ProofStatus.INVALID_EARNER_LEAF_INDEX, -1);
        assertFails(withEarnerIndex(index + 8).verify(root), ProofStatus.INVALID_EARNER_LEAF_INDEX, -1);
    }

    @Test
    void aWrongTokenIndexFails() {
        assertFails(withToken(2, 3L, null, null).verify(root), ProofStatus.ROOT_MISMATCH, 2);
        assertFails(withToken(1, 4L, null, null).verify(root), ProofStatus.INVALID_TOKEN_LEAF_INDEX, 1);
    }

    @Test
    void aWrongCumulativeEarningsFails() {
        TokenLeaf leaf = claim.tokenLeaves().get(3);
        TokenLeaf inflated = new TokenLeaf(leaf.token(), leaf.cumulativeEarnings().add(BigInteger.ONE));
        assertFails(withToken(3, null, null, inflated).verify(root), ProofStatus.ROOT_MISMATCH, 3);
    }

    @Test
    void aWrongEarnerTokenRootOrEarnerFailsTheEarnerProof() {
        EarnerLeaf leaf = claim.earnerLeaf();
        RewardsClaim otherRoot = new RewardsClaim(claim.rootIndex(), claim.earnerIndex(), claim.earnerTreeProof(),
                new EarnerLeaf(leaf.earner(), flip(leaf.earnerTokenRoot(), 0)), claim.tokenIndices(), claim.tokenTreeProofs(),
                claim.tokenLeaves());
        assertFails(otherRoot.verify(root), ProofStatus.ROOT_MISMATCH, -1);
        RewardsClaim otherEarner = new RewardsClaim(claim.rootIndex(), claim.earnerIndex(), claim.earnerTreeProof(),
                new EarnerLeaf("0x7000000000000000000000000000000000000008", leaf.earnerTokenRoot()), claim.tokenIndices(),
                claim.tokenTreeProofs(), claim.tokenLeaves());
        assertFails(otherEarner.verify(root), ProofStatus.ROOT_MISMATCH, -1);
    }

    @Test
    void malformedProofsAndRootsFailWithTheirOwnReason() {
        byte[] proof = claim.earnerTreeProof();
        assertFails(withEarnerProof(Arrays.copyOf(proof, proof.length - 1)).verify(root), ProofStatus.INVALID_PROOF_LENGTH, -1);
        assertFails(withEarnerProof(Arrays.copyOf(proof, proof.length + 1)).verify(root), ProofStatus.INVALID_PROOF_LENGTH, -1);
        byte[] tokenProof = claim.tokenTreeProofs().get(0);
        assertFails(withToken(0, null, Arrays.copyOf(tokenProof, tokenProof.length + 5), null).verify(root),
                ProofStatus.INVALID_PROOF_LENGTH, 0);
        assertFails(claim.verify(new byte[32]), ProofStatus.EMPTY_ROOT, -1);
        assertFails(claim.verify(flip(root, 5)), ProofStatus.ROOT_MISMATCH, -1);
        // an earner proof one level short: the index no longer fits
        assertFails(withEarnerProof(Arrays.copyOf(proof, proof.length - 32)).verify(root),
                claim.earnerIndex() >= 4 ? ProofStatus.INVALID_EARNER_LEAF_INDEX : ProofStatus.ROOT_MISMATCH, -1);
    }

    @Test
    void theFirstFailureIsReportedInContractOrder() {
        TokenLeaf first = claim.tokenLeaves().get(0);
        RewardsClaim tokensZeroAndTwoBad = withToken(0, null, null, new TokenLeaf(first.token(), BigInteger.ZERO));
        List<Long> indices = new ArrayList<>(tokensZeroAndTwoBad.tokenIndices());
        indices.set(2, 4L);
        tokensZeroAndTwoBad = new RewardsClaim(claim.rootIndex(), claim.earnerIndex(), claim.earnerTreeProof(),
                claim.earnerLeaf(), indices, claim.tokenTreeProofs(), tokensZeroAndTwoBad.tokenLeaves());
        assertFails(tokensZeroAndTwoBad.verify(root), ProofStatus.ROOT_MISMATCH, 0);
        RewardsClaim earnerBadToo = new RewardsClaim(claim.rootIndex(), 8, claim.earnerTreeProof(), claim.earnerLeaf(),
                indices, claim.tokenTreeProofs(), tokensZeroAndTwoBad.tokenLeaves());
        assertFails(earnerBadToo.verify(root), ProofStatus.INVALID_EARNER_LEAF_INDEX, -1);
    }

    @Test
    void droppingTokenLeavesKeepsTheOtherProofsValid() {
        List<String> tokens = claim.tokens();
        RewardsClaim without = claim.withoutTokens(Set.of(tokens.get(1), tokens.get(2).toUpperCase().replace("0X", "0x")));
        assertEquals(List.of(tokens.get(0), tokens.get(3)), without.tokens());
        assertEquals(List.of(0L, 3L), without.tokenIndices());
        assertArrayEquals(claim.tokenTreeProofs().get(3), without.tokenTreeProofs().get(1), "proofs are carried, not rebuilt");
        assertTrue(without.verify(root).isValid());

        RewardsClaim only = claim.onlyTokens(List.of(tokens.get(2)));
        assertEquals(List.of(2L), only.tokenIndices());
        assertTrue(only.verify(root).isValid());
        assertEquals(tree.claim(2, claim.earner(), List.of(tokens.get(2))), only);

        RewardsClaim none = claim.withoutTokens(tokens);
        assertEquals(0, none.tokenCount());
        assertTrue(none.verify(root).isValid(), "an empty claim passes the proof checks, like on chain");
        assertEquals(claim, claim.withoutTokens(List.of("0x00000000000000000000000000000000000000ff")));
        assertThrows(InvalidInputException.class, () -> claim.onlyTokens(List.of("0x00000000000000000000000000000000000000ff")));
    }

    @Test
    void fullyClaimedTokensAreDropped() {
        List<TokenLeaf> leaves = claim.tokenLeaves();
        RewardsClaim rest = claim.withoutFullyClaimed(Map.of(
                leaves.get(0).token(), leaves.get(0).cumulativeEarnings(),                       // equal: nothing left
                leaves.get(1).token(), leaves.get(1).cumulativeEarnings().add(BigInteger.ONE),   // more (stale tree)
                leaves.get(2).token(), leaves.get(2).cumulativeEarnings().subtract(BigInteger.ONE)));
        assertEquals(List.of(leaves.get(2).token(), leaves.get(3).token()), rest.tokens());
        assertTrue(rest.verify(root).isValid());
    }

    @Test
    void theClaimIsImmutableAndChecksItsShape() {
        byte[] proof = claim.earnerTreeProof();
        proof[0] ^= 1;
        claim.tokenTreeProofs().get(0)[0] ^= 1;
        claim.earnerLeaf().earnerTokenRoot()[0] ^= 1;
        assertTrue(claim.verify(root).isValid());
        assertThrows(UnsupportedOperationException.class, () -> claim.tokenLeaves().clear());

        assertThrows(InvalidInputException.class, () -> new RewardsClaim(0, 0, new byte[0], claim.earnerLeaf(),
                List.of(0L), List.of(), List.of()));
        assertThrows(InvalidInputException.class, () -> new RewardsClaim(1L << 32, 0, new byte[0], claim.earnerLeaf(),
                List.of(), List.of(), List.of()));
        assertThrows(InvalidInputException.class, () -> new RewardsClaim(0, -1, new byte[0], claim.earnerLeaf(),
                List.of(), List.of(), List.of()));
        assertThrows(InvalidInputException.class, () -> new RewardsClaim(0, 0, new byte[0], claim.earnerLeaf(),
                List.of(1L << 32), List.of(new byte[0]), List.of(claim.tokenLeaves().get(0))));
        assertThrows(InvalidInputException.class, () -> new EarnerLeaf(claim.earner(), new byte[31]));
        assertThrows(InvalidInputException.class, () -> new TokenLeaf("0x01", BigInteger.ONE));

        RewardsClaim moved = claim.withRootIndex(9);
        assertEquals(9, moved.rootIndex());
        assertTrue(moved.verify(root).isValid());
        assertEquals(claim.hashCode(), claim.withRootIndex(2).hashCode());
        assertTrue(claim.toString().contains(claim.earner()));
    }
}
