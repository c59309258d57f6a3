package io.restake4j.eigenlayer.rewards;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.restake4j.errors.InvalidInputException;

/** Building trees and proving every leaf of them, for many shapes. */
class RewardsTreeTest {

    /** One (earner, token, amount) input row. */
    record Row(String earner, String token, BigInteger amount) {
    }

    static String randomAddress(Random random) {
        byte[] b = new byte[20];
        random.nextBytes(b);
        return Bytes.hex(b);
    }

    /** Random earnings: {@code earners} earners with 1..maxTokens tokens each from a small token set. */
    static List<Row> randomRows(Random random, int earners, int maxTokens) {
        List<String> tokenSet = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tokenSet.add(randomAddress(random));
        }
        Set<String> seen = new HashSet<>();
        List<Row> rows = new ArrayList<>();
        while (seen.size() < earners) {
            String earner = randomAddress(random);
            if (!seen.add(earner)) {
                continue;
            }
            List<String> tokens = new ArrayList<>(tokenSet);
            Collections.shuffle(tokens, random);
            int k = 1 + random.nextInt(maxTokens);
            for (int t = 0; t < k; t++) {
                rows.add(new Row(earner, tokens.get(t), new BigInteger(1 + random.nextInt(255), random)));
            }
        }
        return rows;
    }

    static RewardsEarnings earnings(List<Row> rows) {
        RewardsEarnings.Builder b = RewardsEarnings.builder();
        rows.forEach(r -> b.add(r.earner(), r.token(), r.amount()));
        return b.build();
    }

    @ParameterizedTest(name = "{0} earners")
    @ValueSource(ints = {1, 2, 3, 5, 8, 17})
    void everyLeafOfEveryShapeProvesAgainstTheRoot(int earners) {
        for (int maxTokens = 1; maxTokens <= 4; maxTokens++) {
            Random random = new Random(1000L * earners + maxTokens);
            List<Row> rows = randomRows(random, earners, maxTokens);
            RewardsTree tree = RewardsTree.build(earnings(rows));
            byte[] root = tree.root();
            assertEquals(earners, tree.earnerCount());
            assertEquals(TreeHashing.depth(earners), tree.depth());

            for (int e = 0; e < earners; e++) {
                String earner = tree.earnings().earner(e);
                RewardsClaim all = tree.claim(3, earner);
                assertEquals(e, all.earnerIndex());
                assertEquals(3, all.rootIndex());
                assertEquals(tree.depth() * 32, all.earnerTreeProof().length);
                ClaimVerification v = all.verify(root);
                assertTrue(v.isValid(), earners + "x" + maxTokens + " earner " + e + ": " + v.message());
                assertEquals(tree.earnings().tokensOf(earner).keySet().stream().toList(), all.tokens());

                // and every non-empty subset of its tokens
                List<String> tokens = all.tokens();
                for (int mask = 1; mask < (1 << tokens.size()); mask++) {
                    List<String> subset = new ArrayList<>();
                    for (int t = 0; t < tokens.size(); t++) {
                        if ((mask & (1 << t)) != 0) {
                            subset.add(tokens.get(t));
                        }
                    }
                    Collections.reverse(subset); // order of the request does not matter
                    RewardsClaim some = tree.claim(3, earner, subset);
                    assertEquals(subset.size(), some.tokenCount());
                    assertTrue(some.verify(root).isValid());
                    assertEquals(all.onlyTokens(subset), some);
                }
            }
        }
    }

    @Test
    void leavesAreInAscendingAddressOrder() {
        List<Row> rows = randomRows(new Random(7), 17, 4);
        RewardsEarnings earnings = earnings(rows);
        for (int e = 1; e < earnings.earnerCount(); e++) {
            assertTrue(earnings.earner(e - 1).compareTo(earnings.earner(e)) < 0);
        }
        for (int e = 0; e < earnings.earnerCount(); e++) {
            List<String> tokens = RewardsTree.build(earnings).claim(0, earnings.earner(e)).tokens();
            List<String> sorted = new ArrayList<>(tokens);
            Collections.sort(sorted);
            assertEquals(sorted, tokens);
            assertEquals(new HashSet<>(tokens).size(), tokens.size());
        }
        assertEquals(rows.size(), earnings.entryCount());
    }

    @Test
    void sameEarningsGiveTheSameRootWhateverTheInsertionOrderOrCase() {
        List<Row> rows = randomRows(new Random(42), 17, 4);
        byte[] root = RewardsTree.build(earnings(rows)).root();
        for (int round = 0; round < 5; round++) {
            List<Row> shuffled = new ArrayList<>(rows);
            Collections.shuffle(shuffled, new Random(round));
            if (round % 2 == 1) {
                shuffled.replaceAll(r -> new Row(r.earner().toUpperCase().replace("0X", "0x"), r.token(), r.amount()));
            }
            assertArrayEquals(root, RewardsTree.build(earnings(shuffled)).root(), "round " + round);
            assertEquals(earnings(rows), earnings(shuffled));
        }
    }

    @Test
    void parallelAndSequentialBuildsAgree() {
        // large enough to fork both the sort and the hashing
        int n = 3 * TreeHashing.GRAIN + 17;
        List<Row> rows = randomRows(new Random(5), n, 3);
        Collections.shuffle(rows, new Random(6));
        RewardsEarnings.Builder b = RewardsEarnings.builder(rows.size());
        rows.forEach(r -> b.add(r.earner(), r.token(), r.amount()));
        ForkJoinPool four = new ForkJoinPool(4);
        try {
            RewardsEarnings sequential = b.build(null);
            RewardsEarnings parallel = b.build(four);
            assertEquals(sequential, parallel);
            RewardsTree one = RewardsTree.build(sequential, null);
            RewardsTree many = RewardsTree.build(parallel, four);
            assertArrayEquals(one.root(), many.root());
            String last = one.earnings().earner(n - 1);
            assertEquals(one.claim(1, last), many.claim(1, last));
            assertTrue(many.claim(1, last).verify(one.root()).isValid());
        } finally {
            four.shutdown();
        }
    }

    @Test
    void amountsComeBackExactly() {
        BigInteger max = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
        String earner = "0x00000000000000000000000000000000000000a1";
        String token = "0x00000000000000000000000000000000000000f1";
        RewardsEarnings earnings = RewardsEarnings.builder().add(earner, token, max).build();
        assertEquals(max, earnings.cumulativeEarnings(earner, token).orElseThrow());
        assertEquals(max, RewardsTree.build(earnings).claim(0, earner).tokenLeaves().get(0).cumulativeEarnings());
        assertTrue(earnings.cumulativeEarnings(earner, "0x00000000000000000000000000000000000000f2").isEmpty());
        assertTrue(earnings.tokensOf("0x00000000000000000000000000000000000000f2").isEmpty());
    }

    @Test
    void badInputIsRefused() {
        String earner = "0x00000000000000000000000000000000000000a1";
        String token = "0x00000000000000000000000000000000000000f1";
        InvalidInputException dup = assertThrows(InvalidInputException.class, () -> RewardsEarnings.builder()
                .add(earner, token, BigInteger.ONE)
                .add("0x00000000000000000000000000000000000000b2", token, BigInteger.ONE)
                .add(earner.toUpperCase().replace("0X", "0x"), token, BigInteger.TWO)
                .build());
        assertTrue(dup.getMessage().contains("more than once"), dup.getMessage());
        assertTrue(dup.getMessage().contains(earner), dup.getMessage());

        assertThrows(InvalidInputException.class, () -> RewardsEarnings.builder().add(earner, token, BigInteger.ONE.negate()));
        assertThrows(InvalidInputException.class, () -> RewardsEarnings.builder().add(earner, token, BigInteger.TWO.pow(256)));
        assertThrows(InvalidInputException.class, () -> RewardsEarnings.builder().add(earner, token, null));
        assertThrows(InvalidInputException.class, () -> RewardsEarnings.builder().add("0x1234", token, BigInteger.ONE));
        assertThrows(InvalidInputException.class, () -> RewardsEarnings.builder().add(earner, "0x" + "g".repeat(40), BigInteger.ONE));
        assertThrows(InvalidInputException.class, () -> RewardsEarnings.builder().add(new byte[19], new byte[20], BigInteger.ONE));
        assertThrows(InvalidInputException.class, () -> RewardsTree.build(RewardsEarnings.builder().build()));

        RewardsTree tree = RewardsTree.build(RewardsEarnings.builder().add(earner, token, BigInteger.ONE).build());
        assertThrows(InvalidInputException.class, () -> tree.claim(0, "0x00000000000000000000000000000000000000b2"));
        assertThrows(InvalidInputException.class, () -> tree.claim(0, earner, List.of("0x00000000000000000000000000000000000000f2")));
        assertThrows(InvalidInputException.class, () -> tree.claim(0, earner, List.of()));
        assertThrows(InvalidInputException.class, () -> tree.claim(-1, earner));
        assertThrows(InvalidInputException.class, () -> tree.claim(1L << 32, earner));
    }

    @Test
    void rawByteInputMatchesStringInput() {
        Random random = new Random(9);
        byte[] e = new byte[20];
        byte[] t = new byte[20];
        random.nextBytes(e);
        random.nextBytes(t);
        String earner = Bytes.hex(e);
        RewardsEarnings.Builder b = RewardsEarnings.builder().add(e, t, BigInteger.TEN);
        e[0] ^= 1; // the builder copied the array
        RewardsEarnings fromBytes = b.build();
        RewardsEarnings fromStrings = RewardsEarnings.builder().add(earner, Bytes.hex(t), BigInteger.TEN).build();
        assertEquals(fromStrings, fromBytes);
        assertEquals(fromStrings.hashCode(), fromBytes.hashCode());
    }
}
