package io.restake4j.eigenlayer.rewards;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;

import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;

/**
 * Cumulative rewards earnings, earner → token → amount: the input of a {@link RewardsTree}. Immutable.
 * Earners are held in strictly ascending address order and each earner's tokens likewise, which is
 * the leaf order of the RewardsCoordinator's trees; insertion order does not matter.
 *
 * <p>Stored compactly for large distributions: addresses as 20-byte runs and amounts as 32-byte
 * big-endian words in a few flat arrays (about 52 bytes per (earner, token) entry plus 24 per
 * earner), not one object per entry. Addresses go in and come out as {@code 0x}-hex strings, always
 * lower case on the way out.
 *
 * <pre>{@code
 * RewardsEarnings earnings = RewardsEarnings.builder()
 *         .add("0x00000000000000000000000000000000000000a1", eigenToken, new BigInteger("1500000000000000000"))
 *         .add("0x00000000000000000000000000000000000000a1", wethToken, BigInteger.TEN.pow(17))
 *         .add("0x00000000000000000000000000000000000000b2", eigenToken, BigInteger.ONE)
 *         .build();
 * earnings.earnerCount();                                        // 2
 * earnings.cumulativeEarnings("0x...a1", wethToken);             // Optional[100000000000000000]
 * }</pre>
 */
public final class RewardsEarnings {

    private final byte[] earners;     // earnerCount * 20, strictly ascending
    private final int[] tokenStart;   // earnerCount + 1 offsets into the entry arrays
    private final byte[] tokens;      // entryCount * 20, strictly ascending within an earner
    private final byte[] amounts;     // entryCount * 32, big-endian uint256

    private RewardsEarnings(byte[] earners, int[] tokenStart, byte[] tokens, byte[] amounts) {
        this.earners = earners;
        this.tokenStart = tokenStart;
        this.tokens = tokens;
        this.amounts = amounts;
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder(16);
    }

    /** A new builder with room for about {@code expectedEntries} (earner, token) entries. */
    public static Builder builder(int expectedEntries) {
        if (expectedEntries < 0) {
            throw new InvalidInputException(ErrorCode.NOT_POSITIVE, "expectedEntries cannot be negative: " + expectedEntries);
        }
        return new Builder(Math.max(expectedEntries, 1));
    }

    /** Number of distinct earners. */
    public int earnerCount() {
        return tokenStart.length - 1;
    }

    /** Number of (earner, token) entries, i.e. token leaves over all earners. */
    public int entryCount() {
        return tokenStart[tokenStart.length - 1];
    }

    public boolean isEmpty() {
        return earnerCount() == 0;
    }

    /** The earner at a position of the ascending order (which is its earner-leaf index). */
    public String earner(int index) {
        checkEarner(index);
        return Bytes.hex(earners, index * Bytes.ADDRESS, Bytes.ADDRESS);
    }

    /** The position of an earner in ascending address order, if present. */
    public OptionalInt earnerIndex(String earner) {
        byte[] key = Bytes.address(earner, "earner");
        int i = indexOf(key);
        return i < 0 ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /** Number of tokens of the earner at {@code index}. */
    public int tokenCount(int earnerIndex) {
        checkEarner(earnerIndex);
        return tokenStart[earnerIndex + 1] - tokenStart[earnerIndex];
    }

    /** An earner's tokens and amounts, in ascending token order (its token-leaf order); empty when unknown. */
    public SortedMap<String, BigInteger> tokensOf(String earner) {
        OptionalInt i = earnerIndex(earner);
        if (i.isEmpty()) {
            return Collections.emptySortedMap();
        }
        SortedMap<String, BigInteger> out = new TreeMap<>();
        for (int e = tokenStart[i.getAsInt()]; e < tokenStart[i.getAsInt() + 1]; e++) {
            out.put(Bytes.hex(tokens, e * Bytes.ADDRESS, Bytes.ADDRESS), Bytes.uint256(amounts, e * Bytes.WORD));
        }
        return Collections.unmodifiableSortedMap(out);
    }

    /** One earner's cumulative earnings in one token, if the pair is present. */
    public Optional<BigInteger> cumulativeEarnings(String earner, String token) {
        OptionalInt i = earnerIndex(earner);
        if (i.isEmpty()) {
            return Optional.empty();
        }
        int e = tokenEntry(i.getAsInt(), Bytes.address(token, "token"));
        return e < 0 ? Optional.empty() : Optional.of(Bytes.uint256(amounts, e * Bytes.WORD));
    }

    // ---- package-private views for RewardsTree (no copies) ----

    byte[] earnerBytes() {
        return earners;
    }

    int[] tokenStart() {
        return tokenStart;
    }

    byte[] tokenBytes() {
        return tokens;
    }

    byte[] amountBytes() {
        return amounts;
    }

    /** Binary search of a 20-byte address among the earners; -1 when absent. */
    int indexOf(byte[] earner) {
        int lo = 0;
        int hi = earnerCount() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Arrays.compareUnsigned(earners, mid * Bytes.ADDRESS, (mid + 1) * Bytes.ADDRESS, earner, 0, Bytes.ADDRESS);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** The entry index of {@code token} under the earner at {@code earnerIndex}; -1 when absent. */
    int tokenEntry(int earnerIndex, byte[] token) {
        int lo = tokenStart[earnerIndex];
        int hi = tokenStart[earnerIndex + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Arrays.compareUnsigned(tokens, mid * Bytes.ADDRESS, (mid + 1) * Bytes.ADDRESS, token, 0, Bytes.ADDRESS);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    private void checkEarner(int index) {
        if (index < 0 || index >= earnerCount()) {
            throw new InvalidInputException(ErrorCode.OUT_OF_RANGE, "earner index " + index + " is outside 0.." + (earnerCount() - 1));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RewardsEarnings other
                && Arrays.equals(tokenStart, other.tokenStart)
                && Arrays.equals(earners, other.earners)
                && Arrays.equals(tokens, other.tokens)
                && Arrays.equals(amounts, other.amounts);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(earners) + Arrays.hashCode(tokens)) + Arrays.hashCode(amounts);
    }

    @Override
    public String toString() {
        return "RewardsEarnings[earners=" + earnerCount() + ", entries=" + entryCount() + "]";
    }

    /**
     * Collects (earner, token, cumulativeEarnings) entries in any order; {@link #build()} sorts them
     * and refuses a pair given twice. Not thread-safe. Amounts must be uint256 (0 ≤ x &lt; 2<sup>256</sup>).
     *
     * <pre>{@code
     * RewardsEarnings.Builder b = RewardsEarnings.builder(2_000_000);
     * for (Row r : rows) b.add(r.earner(), r.token(), r.amount());
     * RewardsEarnings earnings = b.build();
     * }</pre>
     */
    public static final class Builder {

        private byte[] rowEarner;
        private byte[] rowToken;
        private byte[] rowAmount;
        private int size;

        private Builder(int capacity) {
            rowEarner = new byte[capacity * Bytes.ADDRESS];
            rowToken = new byte[capacity * Bytes.ADDRESS];
            rowAmount = new byte[capacity * Bytes.WORD];
        }

        /**
         * Adds one entry.
         *
         * @throws InvalidInputException for a malformed address or an amount outside uint256
         */
        public Builder add(String earner, String token, BigInteger cumulativeEarnings) {
            ensureRoom();
            Bytes.addressInto(earner, rowEarner, size * Bytes.ADDRESS, "earner");
            Bytes.addressInto(token, rowToken, size * Bytes.ADDRESS, "token");
            Bytes.uint256Into(cumulativeEarnings, rowAmount, size * Bytes.WORD,
                    "cumulativeEarnings of " + earner + " in " + token);
            size++;
            return this;
        }

        /** Adds one entry from raw 20-byte addresses (copied), for bulk loaders that already hold bytes. */
        public Builder add(byte[] earner, byte[] token, BigInteger cumulativeEarnings) {
            if (earner == null || earner.length != Bytes.ADDRESS) {
                throw new InvalidInputException(ErrorCode.MALFORMED_BYTES, "earner must be 20 bytes");
            }
            if (token == null || token.length != Bytes.ADDRESS) {
                throw new InvalidInputException(ErrorCode.MALFORMED_BYTES, "token must be 20 bytes");
            }
            ensureRoom();
            Bytes.uint256Into(cumulativeEarnings, rowAmount, size * Bytes.WORD,
                    "cumulativeEarnings of " + Bytes.hex(earner) + " in " + Bytes.hex(token));
            System.arraycopy(earner, 0, rowEarner, size * Bytes.ADDRESS, Bytes.ADDRESS);
            System.arraycopy(token, 0, rowToken, size * Bytes.ADDRESS, Bytes.ADDRESS);
            size++;
            return this;
        }

        /** Adds every token of one earner. */
        public Builder addAll(String earner, Map<String, BigInteger> cumulativeEarningsByToken) {
            Objects.requireNonNull(cumulativeEarningsByToken, "cumulativeEarningsByToken");
            cumulativeEarningsByToken.forEach((token, amount) -> add(earner, token, amount));
            return this;
        }

        /** Entries added so far. */
        public int size() {
            return size;
        }

        /** Sorts and checks the entries using the common fork-join pool for large inputs. */
        public RewardsEarnings build() {
            return build(ForkJoinPool.commonPool());
        }

        /**
         * Sorts and checks the entries; the builder stays usable.
         *
         * @param pool used to sort large inputs in parallel; {@code null} sorts on the calling thread
         * @throws InvalidInputException when an (earner, token) pair was added more than once
         */
        public RewardsEarnings build(ForkJoinPool pool) {
            int n = size;
            int[] perm = new int[n];
            Arrays.setAll(perm, i -> i);
            byte[] re = rowEarner;
            byte[] rt = rowToken;
            RowSort.sort(perm, (a, b) -> {
                int c = Arrays.compareUnsigned(re, a * Bytes.ADDRESS, (a + 1) * Bytes.ADDRESS, re, b * Bytes.ADDRESS, (b + 1) * Bytes.ADDRESS);
                return c != 0 ? c
                        : Arrays.compareUnsigned(rt, a * Bytes.ADDRESS, (a + 1) * Bytes.ADDRESS, rt, b * Bytes.ADDRESS, (b + 1) * Bytes.ADDRESS);
            }, pool);

            int earnerCount = 0;
            for (int i = 0; i < n; i++) {
                if (i == 0 || !sameAddress(re, perm[i - 1], perm[i])) {
                    earnerCount++;
                } else if (sameAddress(rt, perm[i - 1], perm[i])) {
                    throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "earner " + Bytes.hex(re, perm[i] * Bytes.ADDRESS, Bytes.ADDRESS)
                            + " has token " + Bytes.hex(rt, perm[i] * Bytes.ADDRESS, Bytes.ADDRESS)
                            + " more than once (entries " + perm[i - 1] + " and " + perm[i] + ")");
                }
            }
            byte[] earners = new byte[earnerCount * Bytes.ADDRESS];
            int[] tokenStart = new int[earnerCount + 1];
            byte[] tokens = new byte[n * Bytes.ADDRESS];
            byte[] amounts = new byte[n * Bytes.WORD];
            int e = -1;
            for (int i = 0; i < n; i++) {
                int row = perm[i];
                if (i == 0 || !sameAddress(re, perm[i - 1], row)) {
                    e++;
                    System.arraycopy(re, row * Bytes.ADDRESS, earners, e * Bytes.ADDRESS, Bytes.ADDRESS);
                    tokenStart[e] = i;
                }
                System.arraycopy(rt, row * Bytes.ADDRESS, tokens, i * Bytes.ADDRESS, Bytes.ADDRESS);
                System.arraycopy(rowAmount, row * Bytes.WORD, amounts, i * Bytes.WORD, Bytes.WORD);
            }
            tokenStart[earnerCount] = n;
            return new RewardsEarnings(earners, tokenStart, tokens, amounts);
        }

        private static boolean sameAddress(byte[] a, int rowA, int rowB) {
            return Arrays.equals(a, rowA * Bytes.ADDRESS, (rowA + 1) * Bytes.ADDRESS, a, rowB * Bytes.ADDRESS, (rowB + 1) * Bytes.ADDRESS);
        }

        private void ensureRoom() {
            int capacity = rowEarner.length / Bytes.ADDRESS;
            if (size < capacity) {
                return;
            }
            long grown = Math.max(capacity + 16L, capacity + (capacity >> 1));
            if (grown * Bytes.WORD > Integer.MAX_VALUE - 8) {
                grown = (Integer.MAX_VALUE - 8) / Bytes.WORD;
                if (grown <= capacity) {
                    throw new InvalidInputException(ErrorCode.OUT_OF_RANGE, "too many entries for one builder: " + size);
                }
            }
            int c = (int) grown;
            rowEarner = Arrays.copyOf(rowEarner, c * Bytes.ADDRESS);
            rowToken = Arrays.copyOf(rowToken, c * Bytes.ADDRESS);
            rowAmount = Arrays.copyOf(rowAmount, c * Bytes.WORD);
        }
    }
}
