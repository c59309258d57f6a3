package io.restake4j.eigenlayer.rewards;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

import org.web3j.crypto.Hash;

/**
 * The hashing core shared by tree building, proof extraction and verification. Nodes live in flat
 * {@code byte[]} arrays, 32 bytes per node; a level stores only its "real" nodes (those covering at
 * least one leaf). Every position to the right of them is the root of an all-zero subtree, whose hash
 * depends only on its height and comes from {@link #zero(int)}. That is the same tree as padding the
 * leaves with zero words up to the next power of two and hashing every pair, without storing or
 * hashing the padding.
 */
final class TreeHashing {

    static final byte EARNER_LEAF_SALT = 0;
    static final byte TOKEN_LEAF_SALT = 1;
    static final int LEAF_PREIMAGE = 1 + Bytes.ADDRESS + Bytes.WORD; // 53
    static final int PAIR_PREIMAGE = 2 * Bytes.WORD;

    /** Below this many items a loop runs on the calling thread; above it, ranges of this size are forked. */
    static final int GRAIN = 4096;

    /** zero(h) for h = 0..64: zero(0) is the zero word, zero(h+1) = keccak(zero(h) ‖ zero(h)). */
    private static final byte[][] ZERO = new byte[65][];

    static {
        ZERO[0] = new byte[Bytes.WORD];
        byte[] pair = new byte[PAIR_PREIMAGE];
        for (int h = 1; h < ZERO.length; h++) {
            System.arraycopy(ZERO[h - 1], 0, pair, 0, Bytes.WORD);
            System.arraycopy(ZERO[h - 1], 0, pair, Bytes.WORD, Bytes.WORD);
            ZERO[h] = Hash.sha3(pair);
        }
    }

    private TreeHashing() {
    }

    /** The hash of an all-zero subtree of the given height (shared array: never hand it out). */
    static byte[] zero(int height) {
        return ZERO[height];
    }

    /** keccak256(salt ‖ address ‖ word): the 53-byte {@code abi.encodePacked} leaf preimage. */
    static void leafInto(byte salt, byte[] address, int addressOff, byte[] word, int wordOff,
            byte[] dst, int dstOff, byte[] scratch) {
        scratch[0] = salt;
        System.arraycopy(address, addressOff, scratch, 1, Bytes.ADDRESS);
        System.arraycopy(word, wordOff, scratch, 1 + Bytes.ADDRESS, Bytes.WORD);
        System.arraycopy(Hash.sha3(scratch, 0, LEAF_PREIMAGE), 0, dst, dstOff, Bytes.WORD);
    }

    /** keccak256(left ‖ right) into {@code dst}; {@code dst} may alias either input. */
    static void pairInto(byte[] left, int leftOff, byte[] right, int rightOff, byte[] dst, int dstOff, byte[] scratch) {
        System.arraycopy(left, leftOff, scratch, 0, Bytes.WORD);
        System.arraycopy(right, rightOff, scratch, Bytes.WORD, Bytes.WORD);
        System.arraycopy(Hash.sha3(scratch, 0, PAIR_PREIMAGE), 0, dst, dstOff, Bytes.WORD);
    }

    /** Number of levels above {@code count >= 1} leaves: ceil(log2(count)); 0 for a single leaf. */
    static int depth(int count) {
        return count <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(count - 1);
    }

    /**
     * Reduces {@code count} nodes held in {@code buf} to their root, in place: afterwards
     * {@code buf[0..32)} is the root. For small trees (one earner's tokens).
     */
    static void reduceInPlace(byte[] buf, int count, byte[] scratch) {
        int height = 0;
        while (count > 1) {
            int parents = (count + 1) >>> 1;
            for (int i = 0; i < parents; i++) {
                int l = 2 * i;
                if (l + 1 < count) {
                    pairInto(buf, l * Bytes.WORD, buf, (l + 1) * Bytes.WORD, buf, i * Bytes.WORD, scratch);
                } else {
                    pairInto(buf, l * Bytes.WORD, ZERO[height], 0, buf, i * Bytes.WORD, scratch);
                }
            }
            count = parents;
            height++;
        }
    }

    /**
     * Every level of the tree over {@code count} leaves: {@code levels[0]} is {@code leaves} itself
     * (exactly {@code count * 32} bytes), the last level holds only the root.
     *
     * @param pool where to hash large levels; {@code null} hashes on the calling thread
     */
    static byte[][] levels(byte[] leaves, int count, ForkJoinPool pool) {
        int depth = depth(count);
        byte[][] levels = new byte[depth + 1][];
        levels[0] = leaves;
        int size = count;
        for (int h = 0; h < depth; h++) {
            byte[] below = levels[h];
            int belowSize = size;
            int parents = (size + 1) >>> 1;
            byte[] above = new byte[parents * Bytes.WORD];
            byte[] pad = ZERO[h];
            forRange(pool, parents, (from, to) -> {
                byte[] scratch = new byte[PAIR_PREIMAGE];
                for (int i = from; i < to; i++) {
                    int l = 2 * i;
                    if (l + 1 < belowSize) {
                        pairInto(below, l * Bytes.WORD, below, (l + 1) * Bytes.WORD, above, i * Bytes.WORD, scratch);
                    } else {
                        pairInto(below, l * Bytes.WORD, pad, 0, above, i * Bytes.WORD, scratch);
                    }
                }
            });
            levels[h + 1] = above;
            size = parents;
        }
        return levels;
    }

    /** The sibling path of leaf {@code index}, bottom-up, 32 bytes per level. */
    static byte[] proof(byte[][] levels, int index) {
        int depth = levels.length - 1;
        byte[] proof = new byte[depth * Bytes.WORD];
        int position = index;
        for (int h = 0; h < depth; h++) {
            int sibling = position ^ 1;
            byte[] level = levels[h];
            if ((long) (sibling + 1) * Bytes.WORD <= level.length) {
                System.arraycopy(level, sibling * Bytes.WORD, proof, h * Bytes.WORD, Bytes.WORD);
            } else {
                System.arraycopy(ZERO[h], 0, proof, h * Bytes.WORD, Bytes.WORD);
            }
            position >>>= 1;
        }
        return proof;
    }

    /** A loop body over {@code [from, to)}; each call gets its own range and allocates its own scratch. */
    @FunctionalInterface
    interface RangeBody {
        void run(int from, int to);
    }

    /**
     * Runs {@code body} over {@code [0, n)}: directly when small or without a pool, else split into
     * ranges of about {@link #GRAIN} items forked on {@code pool}. Each index is handled exactly once
     * and writes only its own output slot, so the result does not depend on scheduling.
     */
    static void forRange(ForkJoinPool pool, int n, RangeBody body) {
        if (pool == null || n <= GRAIN) {
            body.run(0, n);
        } else {
            pool.invoke(new RangeTask(body, 0, n));
        }
    }

    private static final class RangeTask extends RecursiveAction {
        private static final long serialVersionUID = 1L;

        private final transient RangeBody body;
        private final int from;
        private final int to;

        RangeTask(RangeBody body, int from, int to) {
            this.body = body;
            this.from = from;
            this.to = to;
        }

        @Override
        protected void compute() {
            if (to - from <= GRAIN) {
                body.run(from, to);
            } else {
                int mid = (from + to) >>> 1;
                invokeAll(new RangeTask(body, from, mid), new RangeTask(body, mid, to));
            }
        }
    }
}
