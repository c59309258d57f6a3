package io.restake4j.eigenlayer.rewards;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.ForkJoinPool;

import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;

/**
 * The RewardsCoordinator's two-level Merkle tree over a {@link RewardsEarnings}: the distribution root
 * and a claim with proofs for any earner and any subset of its tokens.
 *
 * <p>Shape (what the contract accepts, and what EigenLayer's {@code eigenlayer-rewards-proofs}
 * builds): one token tree per earner over its token leaves in ascending token order, then the earner
 * tree over earner leaves in ascending earner order. In both, leaves are padded with zero words up to
 * the next power of two and a parent is keccak256(left ‖ right) by position; a single leaf is its own
 * root and has an empty proof.
 *
 * <p>Memory: the tree keeps the earner levels (about 64 bytes per earner, in flat arrays) and refers
 * to the earnings; token trees are not stored but rebuilt for the one earner a claim is made for.
 * Hashing of large levels is spread over a fork-join pool; each node is written by exactly one task,
 * so the root never depends on scheduling.
 *
 * <pre>{@code
 * RewardsTree tree = RewardsTree.build(earnings);
 * byte[] root = tree.root();                              // what the rewardsUpdater submits
 * RewardsClaim claim = tree.claim(rootIndex, earner);     // all of the earner's tokens
 * RewardsClaim some = tree.claim(rootIndex, earner, List.of(eigenToken));
 * some.verify(root).orThrow();
 * }</pre>
 */
public final class RewardsTree {

    private final RewardsEarnings earnings;
    private final byte[][] earnerLevels; // [0] = earner leaf hashes, [depth] = root

    private RewardsTree(RewardsEarnings earnings, byte[][] earnerLevels) {
        this.earnings = earnings;
        this.earnerLevels = earnerLevels;
    }

    /** Builds the tree, hashing large levels on the common fork-join pool. */
    public static RewardsTree build(RewardsEarnings earnings) {
        return build(earnings, ForkJoinPool.commonPool());
    }

    /**
     * Builds the tree.
     *
     * @param pool where to hash in parallel; {@code null} hashes on the calling thread
     * @throws InvalidInputException when there are no earnings
     */
    public static RewardsTree build(RewardsEarnings earnings, ForkJoinPool pool) {
        Objects.requireNonNull(earnings, "earnings");
        if (earnings.isEmpty()) {
            throw new InvalidInputException(ErrorCode.MISSING, "cannot build a rewards tree without earnings");
        }
        int n = earnings.earnerCount();
        byte[] leaves = new byte[n * Bytes.WORD];
        byte[] earners = earnings.earnerBytes();
        int[] start = earnings.tokenStart();
        TreeHashing.forRange(pool, n, (from, to) -> {
            byte[] scratch = new byte[TreeHashing.PAIR_PREIMAGE];
            byte[] tokenNodes = new byte[4 * Bytes.WORD];
            for (int e = from; e < to; e++) {
                int k = start[e + 1] - start[e];
                if (tokenNodes.length < k * Bytes.WORD) {
                    tokenNodes = new byte[Integer.highestOneBit(k) * 2 * Bytes.WORD];
                }
                tokenLeavesInto(earnings, e, tokenNodes, scratch);
                TreeHashing.reduceInPlace(tokenNodes, k, scratch);
                TreeHashing.leafInto(TreeHashing.EARNER_LEAF_SALT, earners, e * Bytes.ADDRESS, tokenNodes, 0,
                        leaves, e * Bytes.WORD, scratch);
            }
        });
        return new RewardsTree(earnings, TreeHashing.levels(leaves, n, pool));
    }

    /** The distribution root (a copy). */
    public byte[] root() {
        return earnerLevels[earnerLevels.length - 1].clone();
    }

    /** The distribution root as {@code 0x}-hex. */
    public String rootHex() {
        return Bytes.hex(earnerLevels[earnerLevels.length - 1]);
    }

    /** Number of earner leaves (before padding). */
    public int earnerCount() {
        return earnings.earnerCount();
    }

    /** Number of levels above the earner leaves, i.e. siblings in every earner proof. */
    public int depth() {
        return earnerLevels.length - 1;
    }

    /** The earnings the tree was built from. */
    public RewardsEarnings earnings() {
        return earnings;
    }

    /** An earner's leaf index, if it is in the tree. */
    public OptionalInt earnerIndex(String earner) {
        return earnings.earnerIndex(earner);
    }

    /** The root of an earner's token tree (recomputed from its leaves). */
    public byte[] earnerTokenRoot(String earner) {
        int e = requireEarner(earner);
        return lastLevel(tokenLevels(e)).clone();
    }

    /** The earner's leaf (address and token root). */
    public EarnerLeaf earnerLeaf(String earner) {
        int e = requireEarner(earner);
        return new EarnerLeaf(earnings.earner(e), lastLevel(tokenLevels(e)));
    }

    /**
     * A claim for all of an earner's tokens.
     *
     * @param rootIndex index under which this tree's root was submitted ({@code getRootIndexFromHash(root)})
     * @throws InvalidInputException when the earner is not in the tree
     */
    public RewardsClaim claim(long rootIndex, String earner) {
        int e = requireEarner(earner);
        int first = earnings.tokenStart()[e];
        int[] entries = new int[earnings.tokenCount(e)];
        Arrays.setAll(entries, i -> first + i);
        return claim(rootIndex, e, entries);
    }

    /**
     * A claim for some of an earner's tokens, in ascending token order whatever the order given.
     *
     * @throws InvalidInputException when the earner, or one of the tokens under it, is not in the tree,
     *                               or no token is given
     */
    public RewardsClaim claim(long rootIndex, String earner, Collection<String> tokens) {
        Objects.requireNonNull(tokens, "tokens");
        int e = requireEarner(earner);
        if (tokens.isEmpty()) {
            throw new InvalidInputException(ErrorCode.MISSING, "no tokens requested for earner " + earnings.earner(e));
        }
        int[] entries = tokens.stream().mapToInt(t -> {
            int entry = earnings.tokenEntry(e, Bytes.address(t, "token"));
            if (entry < 0) {
                throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "earner " + earnings.earner(e) + " has no earnings in token " + t);
            }
            return entry;
        }).sorted().distinct().toArray();
        return claim(rootIndex, e, entries);
    }

    private RewardsClaim claim(long rootIndex, int e, int[] entries) {
        byte[][] tokenLevels = tokenLevels(e);
        int first = earnings.tokenStart()[e];
        List<Long> indices = new ArrayList<>(entries.length);
        List<byte[]> proofs = new ArrayList<>(entries.length);
        List<TokenLeaf> leaves = new ArrayList<>(entries.length);
        for (int entry : entries) {
            int index = entry - first;
            indices.add((long) index);
            proofs.add(TreeHashing.proof(tokenLevels, index));
            leaves.add(new TokenLeaf(Bytes.hex(earnings.tokenBytes(), entry * Bytes.ADDRESS, Bytes.ADDRESS),
                    Bytes.uint256(earnings.amountBytes(), entry * Bytes.WORD)));
        }
        EarnerLeaf earnerLeaf = new EarnerLeaf(earnings.earner(e), lastLevel(tokenLevels));
        return new RewardsClaim(rootIndex, e, TreeHashing.proof(earnerLevels, e), earnerLeaf, indices, proofs, leaves);
    }

    private int requireEarner(String earner) {
        int e = earnings.indexOf(Bytes.address(earner, "earner"));
        if (e < 0) {
            throw new InvalidInputException(ErrorCode.NOT_FOUND, "earner " + earner + " is not in the rewards tree");
        }
        return e;
    }

    /** The full token tree of one earner, level by level. */
    private byte[][] tokenLevels(int e) {
        int k = earnings.tokenCount(e);
        byte[] leaves = new byte[k * Bytes.WORD];
        tokenLeavesInto(earnings, e, leaves, new byte[TreeHashing.PAIR_PREIMAGE]);
        return TreeHashing.levels(leaves, k, null);
    }

    /** Hashes earner {@code e}'s token leaves into {@code dst[0 .. k*32)}. */
    private static void tokenLeavesInto(RewardsEarnings earnings, int e, byte[] dst, byte[] scratch) {
        int[] start = earnings.tokenStart();
        byte[] tokens = earnings.tokenBytes();
        byte[] amounts = earnings.amountBytes();
        for (int entry = start[e], i = 0; entry < start[e + 1]; entry++, i++) {
            TreeHashing.leafInto(TreeHashing.TOKEN_LEAF_SALT, tokens, entry * Bytes.ADDRESS, amounts, entry * Bytes.WORD,
                    dst, i * Bytes.WORD, scratch);
        }
    }

    private static byte[] lastLevel(byte[][] levels) {
        return levels[levels.length - 1];
    }

    @Override
    public String toString() {
        return "RewardsTree[root=" + rootHex() + ", earners=" + earnerCount() + ", depth=" + depth() + "]";
    }
}
