package io.restake4j.eigenlayer.rewards;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.web3j.utils.Numeric;

import io.restake4j.testing.SharedFacts;

/**
 * Every upstream RewardsCoordinator claim proof (eigenlayer-contracts test data, copied under
 * {@code ../shared/protocols/test-vectors/eigenlayer/}) must parse and verify with our hashing.
 * Skipped, with a message, when the shared directory is absent.
 */
class RewardsConformanceTest {

    private static final String VECTORS = "protocols/test-vectors/eigenlayer";

    private static List<Path> vectorFiles() throws IOException {
        Path dir = SharedFacts.requireOrSkip(VECTORS);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyUpstreamProofVerifies() throws IOException {
        List<Path> files = vectorFiles();
        assertFalse(files.isEmpty(), "no *.json vectors found");
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> checkVector(file)));
    }

    private static void checkVector(Path file) {
        RewardsProof proof = RewardsProofJson.read(file);
        RewardsClaim claim = proof.claim();

        // the whole claim, as the contract checks it
        ClaimVerification v = proof.verify();
        assertTrue(v.isValid(), file + ": " + v.message());

        // the earner proof on its own, with the leaf hash recomputed by our code from an explicit preimage
        byte[] earnerLeafHash = claim.earnerLeaf().hash();
        byte[] preimage = concat(new byte[] {0}, Numeric.hexStringToByteArray(claim.earner()),
                claim.earnerLeaf().earnerTokenRoot());
        assertEquals(53, preimage.length);
        assertArrayEquals(org.web3j.crypto.Hash.sha3(preimage), earnerLeafHash);
        assertEquals(ProofStatus.VALID, RewardsMerkle.verifyInclusionKeccak(claim.earnerTreeProof(), proof.root(),
                earnerLeafHash, claim.earnerIndex()), file + " earner proof");

        // each token proof against the EarnerTokenRoot
        byte[] tokenRoot = claim.earnerLeaf().earnerTokenRoot();
        for (int i = 0; i < claim.tokenCount(); i++) {
            TokenLeaf leaf = claim.tokenLeaves().get(i);
            byte[] tokenPreimage = concat(new byte[] {1}, Numeric.hexStringToByteArray(leaf.token()),
                    Numeric.toBytesPadded(leaf.cumulativeEarnings(), 32));
            assertArrayEquals(org.web3j.crypto.Hash.sha3(tokenPreimage), leaf.hash());
            assertEquals(ProofStatus.VALID, RewardsMerkle.verifyInclusionKeccak(claim.tokenTreeProofs().get(i),
                    tokenRoot, leaf.hash(), claim.tokenIndices().get(i)), file + " token proof #" + i);
        }

        // writing and reading back gives the same proof
        assertEquals(proof, RewardsProofJson.parse(RewardsProofJson.toJson(proof)));
    }

    /**
     * Root1..3 list all six token leaves of their earner (indices 0..5; the proofs of 4 and 5 carry
     * keccak(0‖0) for the padded pair 6,7), and SingleTokenLeaf its only one: rebuilding the token tree
     * from those leaves with our builder must give the upstream EarnerTokenRoot, and our token proofs
     * must equal the upstream ones byte for byte.
     */
    @TestFactory
    Stream<DynamicTest> ourBuilderReproducesUpstreamTokenTrees() throws IOException {
        vectorFiles();
        Path dir = SharedFacts.requireOrSkip(VECTORS);
        return Stream.of("processClaimProofs_Root1.json", "processClaimProofs_Root2.json",
                "processClaimProofs_Root3.json", "processClaimProofs_SingleTokenLeaf.json")
                .map(dir::resolve)
                .filter(Files::exists)
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    RewardsClaim upstream = RewardsProofJson.read(file).claim();
                    RewardsEarnings.Builder b = RewardsEarnings.builder();
                    for (TokenLeaf leaf : upstream.tokenLeaves()) {
                        b.add(upstream.earner(), leaf.token(), leaf.cumulativeEarnings());
                    }
                    RewardsTree tree = RewardsTree.build(b.build());
                    assertArrayEquals(upstream.earnerLeaf().earnerTokenRoot(), tree.earnerTokenRoot(upstream.earner()));
                    RewardsClaim ours = tree.claim(0, upstream.earner());
                    assertEquals(upstream.tokenIndices(), ours.tokenIndices());
                    for (int i = 0; i < upstream.tokenCount(); i++) {
                        assertArrayEquals(upstream.tokenTreeProofs().get(i), ours.tokenTreeProofs().get(i), "token proof #" + i);
                    }
                }));
    }

    @Test
    void amountsAboveLongAreReadExactly() throws IOException {
        // Root3 carries the largest amounts of the set; nothing may go through double or long
        Path dir = SharedFacts.requireOrSkip(VECTORS);
        Path root3 = dir.resolve("processClaimProofs_Root3.json");
        String text = Files.readString(root3);
        RewardsClaim claim = RewardsProofJson.read(root3).claim();
        for (TokenLeaf leaf : claim.tokenLeaves()) {
            assertTrue(text.contains("\"CumulativeEarnings\": " + leaf.cumulativeEarnings()),
                    "amount " + leaf.cumulativeEarnings() + " must appear verbatim in the source JSON");
        }
        assertTrue(claim.tokenLeaves().stream().anyMatch(l -> l.cumulativeEarnings().compareTo(BigInteger.valueOf(Long.MAX_VALUE)) > 0),
                "Root3 has an amount above 2^63");
    }

    private static byte[] concat(byte[]... parts) {
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
}
