package io.restake4j.eigenlayer.rewards;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/** Hashing and the bare {@code Merkle.verifyInclusionKeccak} semantics, checked against hand-built bytes. */
class RewardsMerkleTest {

    private static final String EARNER_A = "0x00000000000000000000000000000000000000a1";
    private static final String EARNER_B = "0x00000000000000000000000000000000000000b2";
    private static final String EARNER_C = "0x00000000000000000000000000000000000000c3";
    private static final String TOKEN = "0x1006dd1b8c3d0ef53489bed27577c75299f71473";

    private static byte[] cat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int off = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, off, p.length);
            off += p.length;
        }
        return out;
    }

    private static byte[] tokenLeafByHand(String token, BigInteger amount) {
        byte[] preimage = cat(new byte[] {1}, Numeric.hexStringToByteArray(token), Numeric.toBytesPadded(amount, 32));
        assertEquals(53, preimage.length);
        return Hash.sha3(preimage);
    }

    private static byte[] earnerLeafByHand(String earner, byte[] tokenRoot) {
        byte[] preimage = cat(new byte[] {0}, Numeric.hexStringToByteArray(earner), tokenRoot);
        assertEquals(53, preimage.length);
        return Hash.sha3(preimage);
    }

    @Test
    void twoEarnerTreeMatchesAHandComputedRoot() {
        BigInteger a = new BigInteger("1000000000000000000");
        BigInteger b = new BigInteger("56800000000000000000"); // above 2^64
        // inserted in descending order on purpose: the tree must sort
        RewardsTree tree = RewardsTree.build(RewardsEarnings.builder()
                .add(EARNER_B, TOKEN, b)
                .add(EARNER_A, TOKEN, a)
                .build());

        // one token each: the token root is the token leaf itself
        byte[] leafA = earnerLeafByHand(EARNER_A, tokenLeafByHand(TOKEN, a));
        byte[] leafB = earnerLeafByHand(EARNER_B, tokenLeafByHand(TOKEN, b));
        byte[] root = Hash.sha3(cat(leafA, leafB));

        assertArrayEquals(root, tree.root());
        assertEquals(1, tree.depth());
        RewardsClaim claimA = tree.claim(0, EARNER_A);
        RewardsClaim claimB = tree.claim(0, EARNER_B);
        assertEquals(0, claimA.earnerIndex());
        assertEquals(1, claimB.earnerIndex());
        assertArrayEquals(leafB, claimA.earnerTreeProof());
        assertArrayEquals(leafA, claimB.earnerTreeProof());
        assertArrayEquals(new byte[0], claimA.tokenTreeProofs().get(0));
        assertTrue(claimA.verify(root).isValid());
        assertTrue(claimB.verify(root).isValid());
    }

    @Test
    void threeLeavesArePaddedWithAZeroWord() {
        BigInteger one = BigInteger.ONE;
        RewardsTree tree = RewardsTree.build(RewardsEarnings.builder()
                .add(EARNER_C, TOKEN, one).add(EARNER_A, TOKEN, one).add(EARNER_B, TOKEN, one).build());
        byte[] l0 = earnerLeafByHand(EARNER_A, tokenLeafByHand(TOKEN, one));
        byte[] l1 = earnerLeafByHand(EARNER_B, tokenLeafByHand(TOKEN, one));
        byte[] l2 = earnerLeafByHand(EARNER_C, tokenLeafByHand(TOKEN, one));
        byte[] zero = new byte[32];
        byte[] root = Hash.sha3(cat(Hash.sha3(cat(l0, l1)), Hash.sha3(cat(l2, zero))));
        assertArrayEquals(root, tree.root());
        // leaf 2's proof: the zero pad, then the left pair
        assertArrayEquals(cat(zero, Hash.sha3(cat(l0, l1))), tree.claim(0, EARNER_C).earnerTreeProof());
    }

    @Test
    void tokenTreeOfThreeTokensIsPaddedToo() {
        String t1 = "0x0000000000000000000000000000000000000001";
        String t2 = "0x0000000000000000000000000000000000000002";
        String t3 = "0x0000000000000000000000000000000000000003";
        RewardsTree tree = RewardsTree.build(RewardsEarnings.builder()
                .add(EARNER_A, t3, BigInteger.valueOf(3)).add(EARNER_A, t1, BigInteger.ONE).add(EARNER_A, t2, BigInteger.TWO)
                .build());
        byte[] k1 = tokenLeafByHand(t1, BigInteger.ONE);
        byte[] k2 = tokenLeafByHand(t2, BigInteger.TWO);
        byte[] k3 = tokenLeafByHand(t3, BigInteger.valueOf(3));
        byte[] tokenRoot = Hash.sha3(cat(Hash.sha3(cat(k1, k2)), Hash.sha3(cat(k3, new byte[32]))));
        assertArrayEquals(tokenRoot, tree.earnerTokenRoot(EARNER_A));
        // a single earner: the distribution root is its leaf, with an empty proof
        assertArrayEquals(earnerLeafByHand(EARNER_A, tokenRoot), tree.root());
        RewardsClaim claim = tree.claim(7, EARNER_A);
        assertEquals(0, claim.earnerTreeProof().length);
        assertEquals(java.util.List.of(0L, 1L, 2L), claim.tokenIndices());
        assertTrue(claim.verify(tree.root()).isValid());
    }

    @Test
    void leafHashHelpersMatchTheRecords() {
        byte[] root = Hash.sha3("x".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(earnerLeafByHand(EARNER_A, root), RewardsMerkle.earnerLeafHash(EARNER_A, root));
        assertArrayEquals(earnerLeafByHand(EARNER_A, root), new EarnerLeaf(EARNER_A.toUpperCase().replace("0X", "0x"), root).hash());
        BigInteger max = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
        assertArrayEquals(tokenLeafByHand(TOKEN, max), RewardsMerkle.tokenLeafHash(TOKEN, max));
        assertArrayEquals(tokenLeafByHand(TOKEN, BigInteger.ZERO), new TokenLeaf(TOKEN, BigInteger.ZERO).hash());
    }

    @Test
    void libraryVerificationFollowsMerkleSol() {
        byte[] leaf = Hash.sha3(new byte[] {1});
        byte[] sibling = Hash.sha3(new byte[] {2});
        byte[] rootLeft = Hash.sha3(cat(leaf, sibling));   // leaf at index 0
        byte[] rootRight = Hash.sha3(cat(sibling, leaf));  // leaf at index 1

        assertEquals(ProofStatus.VALID, RewardsMerkle.verifyInclusionKeccak(sibling, rootLeft, leaf, 0));
        assertEquals(ProofStatus.VALID, RewardsMerkle.verifyInclusionKeccak(sibling, rootRight, leaf, 1));
        assertEquals(ProofStatus.ROOT_MISMATCH, RewardsMerkle.verifyInclusionKeccak(sibling, rootLeft, leaf, 1));
        // index 2 halves to 1 after the only level: not consumed by the proof
        assertEquals(ProofStatus.INVALID_INDEX, RewardsMerkle.verifyInclusionKeccak(sibling, rootLeft, leaf, 2));
        assertEquals(ProofStatus.INVALID_PROOF_LENGTH,
                RewardsMerkle.verifyInclusionKeccak(java.util.Arrays.copyOf(sibling, 33), rootLeft, leaf, 0));
        assertEquals(ProofStatus.EMPTY_ROOT, RewardsMerkle.verifyInclusionKeccak(sibling, new byte[32], leaf, 0));
        // the library returns the leaf for an empty proof without looking at the index...
        assertEquals(ProofStatus.VALID, RewardsMerkle.verifyInclusionKeccak(new byte[0], leaf, leaf, 5));
        // ...which is why the RewardsCoordinator bounds the index by the proof length
        assertTrue(RewardsMerkle.withinLeafIndexBound(0, 0));
        assertTrue(!RewardsMerkle.withinLeafIndexBound(1, 0));
        assertTrue(RewardsMerkle.withinLeafIndexBound(7, 96));
        assertTrue(!RewardsMerkle.withinLeafIndexBound(8, 96));
        assertTrue(RewardsMerkle.withinLeafIndexBound(7, 127)); // 127 / 32 = 3 levels: floor, as in Solidity
        assertTrue(!RewardsMerkle.withinLeafIndexBound(7, 127 - 32));
        assertTrue(RewardsMerkle.withinLeafIndexBound(0xFFFF_FFFFL, 32 * 32));
        assertTrue(!RewardsMerkle.withinLeafIndexBound(0, 32 * 256)); // 1 << 256 wraps to 0 on uint256
    }

    @Test
    void statusSelectorsAreTheContractErrors() {
        for (ProofStatus s : ProofStatus.values()) {
            if (s == ProofStatus.VALID) {
                assertEquals("", s.selector());
                continue;
            }
            String selector = Hash.sha3String(s.contractError()).substring(0, 10);
            assertEquals(selector, s.selector(), s.name());
        }
    }
}
