package io.restake4j.eigenlayer.rewards;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;

/**
 * The RewardsCoordinator's hashing and proof rules, off-chain: leaf hashes and the index-ordered
 * keccak inclusion check of EigenLayer's {@code Merkle} library (not OpenZeppelin's sorted-pair
 * scheme).
 *
 * <ul>
 *   <li>earner leaf = keccak256(abi.encodePacked(uint8 0, address earner, bytes32 earnerTokenRoot)), 53 bytes hashed;</li>
 *   <li>token leaf = keccak256(abi.encodePacked(uint8 1, address token, uint256 cumulativeEarnings)), 53 bytes hashed;</li>
 *   <li>a proof is the concatenation of 32-byte siblings from leaf to root; at each level the node is
 *       keccak256(node ‖ sibling) when the index is even, keccak256(sibling ‖ node) when odd, then the
 *       index is halved.</li>
 * </ul>
 *
 * <pre>{@code
 * byte[] leaf = RewardsMerkle.tokenLeafHash(token, new BigInteger("1000000000000000000"));
 * ProofStatus s = RewardsMerkle.verifyInclusionKeccak(proof, earnerTokenRoot, leaf, 2);
 * }</pre>
 */
public final class RewardsMerkle {

    private RewardsMerkle() {
    }

    /** {@code calculateEarnerLeafHash}: keccak256(0x00 ‖ earner ‖ earnerTokenRoot). */
    public static byte[] earnerLeafHash(String earner, byte[] earnerTokenRoot) {
        byte[] address = Bytes.address(earner, "earner");
        Bytes.requireWord(earnerTokenRoot, "earnerTokenRoot");
        byte[] out = new byte[Bytes.WORD];
        TreeHashing.leafInto(TreeHashing.EARNER_LEAF_SALT, address, 0, earnerTokenRoot, 0, out, 0,
                new byte[TreeHashing.LEAF_PREIMAGE]);
        return out;
    }

    /** {@code calculateTokenLeafHash}: keccak256(0x01 ‖ token ‖ uint256 cumulativeEarnings). */
    public static byte[] tokenLeafHash(String token, BigInteger cumulativeEarnings) {
        byte[] address = Bytes.address(token, "token");
        byte[] amount = new byte[Bytes.WORD];
        Bytes.uint256Into(cumulativeEarnings, amount, 0, "cumulativeEarnings");
        byte[] out = new byte[Bytes.WORD];
        TreeHashing.leafInto(TreeHashing.TOKEN_LEAF_SALT, address, 0, amount, 0, out, 0, new byte[TreeHashing.LEAF_PREIMAGE]);
        return out;
    }

    /**
     * {@code Merkle.verifyInclusionKeccak(proof, root, leaf, index)} with its reverts turned into
     * statuses, checked in the library's order: a zero root ({@link ProofStatus#EMPTY_ROOT}); an empty
     * proof yields the leaf itself whatever the index; a length not a multiple of 32
     * ({@link ProofStatus#INVALID_PROOF_LENGTH}); an index left non-zero after the walk
     * ({@link ProofStatus#INVALID_INDEX}); otherwise {@link ProofStatus#VALID} or
     * {@link ProofStatus#ROOT_MISMATCH}. The RewardsCoordinator's leaf-index bound is not part of
     * this check; {@link RewardsClaim#verify(byte[])} adds it.
     *
     * @param index the leaf index (a uint256 in Solidity; non-negative here)
     */
    public static ProofStatus verifyInclusionKeccak(byte[] proof, byte[] root, byte[] leaf, long index) {
        Objects.requireNonNull(proof, "proof");
        Bytes.requireWord(root, "root");
        Bytes.requireWord(leaf, "leaf");
        if (index < 0) {
            throw new InvalidInputException(ErrorCode.NOT_POSITIVE, "index cannot be negative: " + index);
        }
        if (isZero(root)) {
            return ProofStatus.EMPTY_ROOT;
        }
        byte[] node;
        if (proof.length == 0) {
            node = leaf;
        } else {
            if (proof.length % Bytes.WORD != 0) {
                return ProofStatus.INVALID_PROOF_LENGTH;
            }
            node = walk(proof, leaf, index);
            int levels = proof.length / Bytes.WORD;
            long remaining = levels >= 64 ? 0 : index >>> levels;
            if (remaining != 0) {
                return ProofStatus.INVALID_INDEX;
            }
        }
        return Arrays.equals(node, root) ? ProofStatus.VALID : ProofStatus.ROOT_MISMATCH;
    }

    /**
     * The RewardsCoordinator's bound {@code index < (1 << (proof.length / 32))}, evaluated as the EVM
     * does on uint256: the shift is floored division, and from 256 levels on it wraps to 0, refusing
     * every index.
     */
    static boolean withinLeafIndexBound(long index, int proofLength) {
        int levels = proofLength / Bytes.WORD;
        if (levels >= 256) {
            return false;
        }
        return levels >= 63 || index < (1L << levels);
    }

    /** {@code _verifyEarnerClaimProof}: the index bound, then the inclusion check against the distribution root. */
    static ClaimVerification verifyEarner(byte[] root, long earnerIndex, byte[] proof, EarnerLeaf leaf) {
        if (!withinLeafIndexBound(earnerIndex, proof.length)) {
            return new ClaimVerification(ProofStatus.INVALID_EARNER_LEAF_INDEX, -1, "earner index " + earnerIndex
                    + " is not below 2^" + (proof.length / Bytes.WORD) + " for a " + proof.length
                    + "-byte earner proof; the contract reverts with InvalidEarnerLeafIndex()");
        }
        byte[] leafHash = leaf.hash();
        ProofStatus s = verifyInclusionKeccak(proof, root, leafHash, earnerIndex);
        if (s.isValid()) {
            return ClaimVerification.valid();
        }
        return new ClaimVerification(s, -1, "earner proof for " + leaf.earner() + " at index " + earnerIndex + ": "
                + explain(s, proof, root, leafHash, earnerIndex));
    }

    /** {@code _verifyTokenClaimProof}: the index bound, then the inclusion check against the earnerTokenRoot. */
    static ClaimVerification verifyToken(byte[] earnerTokenRoot, long tokenIndex, byte[] proof, TokenLeaf leaf, int position) {
        String which = "token proof #" + position + " (token " + leaf.token() + ", index " + tokenIndex + ")";
        if (!withinLeafIndexBound(tokenIndex, proof.length)) {
            return new ClaimVerification(ProofStatus.INVALID_TOKEN_LEAF_INDEX, position, which + ": index is not below 2^"
                    + (proof.length / Bytes.WORD) + " for a " + proof.length
                    + "-byte token proof; the contract reverts with InvalidTokenLeafIndex()");
        }
        byte[] leafHash = leaf.hash();
        ProofStatus s = verifyInclusionKeccak(proof, earnerTokenRoot, leafHash, tokenIndex);
        if (s.isValid()) {
            return ClaimVerification.valid();
        }
        return new ClaimVerification(s, position, which + ": " + explain(s, proof, earnerTokenRoot, leafHash, tokenIndex));
    }

    private static String explain(ProofStatus s, byte[] proof, byte[] root, byte[] leafHash, long index) {
        return switch (s) {
            case EMPTY_ROOT -> "the root is zero; the contract reverts with EmptyRoot()";
            case INVALID_PROOF_LENGTH -> "proof length " + proof.length
                    + " is not a multiple of 32; the contract reverts with InvalidProofLength()";
            case INVALID_INDEX -> "index " + index + " does not fit a " + proof.length / Bytes.WORD
                    + "-level proof; the contract reverts with InvalidIndex()";
            case ROOT_MISMATCH -> "proof leads to " + Bytes.hex(walk(proof, leafHash, index)) + " not "
                    + Bytes.hex(root) + "; the contract reverts with InvalidClaimProof()";
            case VALID, INVALID_EARNER_LEAF_INDEX, INVALID_TOKEN_LEAF_INDEX -> s.name();
        };
    }

    /** Hashes {@code leaf} up through every whole 32-byte sibling of {@code proof}. */
    private static byte[] walk(byte[] proof, byte[] leaf, long index) {
        byte[] node = leaf.clone();
        byte[] scratch = new byte[TreeHashing.PAIR_PREIMAGE];
        long i = index;
        for (int off = 0; off + Bytes.WORD <= proof.length; off += Bytes.WORD) {
            if ((i & 1) == 0) {
                TreeHashing.pairInto(node, 0, proof, off, node, 0, scratch);
            } else {
                TreeHashing.pairInto(proof, off, node, 0, node, 0, scratch);
            }
            i >>>= 1;
        }
        return node;
    }

    private static boolean isZero(byte[] word) {
        for (byte b : word) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
