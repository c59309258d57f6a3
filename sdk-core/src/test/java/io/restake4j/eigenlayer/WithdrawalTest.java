package io.restake4j.eigenlayer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

import io.restake4j.errors.InvalidInputException;

class WithdrawalTest {

    private static final String STAKER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    private static final String OPERATOR = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
    private static final String STRATEGY_A = "0x93c4b944D05dfe6df7645A86cd2206016c51564D";
    private static final String STRATEGY_B = "0x1BeE69b7dFFfA4E2d53C2a2Df135C388AD25dCD2";

    /** abi.encode(struct) written out word by word, independently of web3j's encoder. */
    @Test
    void rootHashesTheOffsetWordAndTheTuple() {
        BigInteger shareA = new BigInteger("1000000000000000000");
        BigInteger shareB = new BigInteger("123456789");
        Withdrawal w = new Withdrawal(STAKER, OPERATOR, STAKER, BigInteger.valueOf(7), 1234L,
                List.of(STRATEGY_A, STRATEGY_B), List.of(shareA, shareB));

        StringBuilder words = new StringBuilder();
        words.append(word(32));                      // offset of the (dynamic) tuple
        words.append(addr(STAKER)).append(addr(OPERATOR)).append(addr(STAKER));
        words.append(word(7)).append(word(1234));
        words.append(word(7 * 32));                   // strategies start after the 7 head words
        words.append(word(7 * 32 + 3 * 32));          // shares after the strategies' length + 2 items
        words.append(word(2)).append(addr(STRATEGY_A)).append(addr(STRATEGY_B));
        words.append(word(2)).append(word(shareA)).append(word(shareB));

        assertEquals(Hash.sha3("0x" + words), w.root());
    }

    @Test
    void everyFieldChangesTheRoot() {
        Withdrawal w = new Withdrawal(STAKER, OPERATOR, STAKER, BigInteger.ONE, 10L, List.of(STRATEGY_A),
                List.of(BigInteger.TEN));
        assertNotEquals(w.root(), new Withdrawal(STAKER, OPERATOR, STAKER, BigInteger.TWO, 10L, List.of(STRATEGY_A),
                List.of(BigInteger.TEN)).root());
        assertNotEquals(w.root(), new Withdrawal(STAKER, OPERATOR, STAKER, BigInteger.ONE, 11L, List.of(STRATEGY_A),
                List.of(BigInteger.TEN)).root());
        assertNotEquals(w.root(), new Withdrawal(STAKER, OPERATOR, STAKER, BigInteger.ONE, 10L, List.of(STRATEGY_A),
                List.of(BigInteger.ONE)).root());
    }

    @Test
    void firstCompletableBlockIsStartPlusDelayPlusOne() {
        Withdrawal w = new Withdrawal(STAKER, OPERATOR, STAKER, BigInteger.ZERO, 100L, List.of(), List.of());
        assertEquals(111L, w.firstCompletableBlock(10));
    }

    @Test
    void rejectsMismatchedArraysAndOutOfRangeBlocks() {
        assertThrows(InvalidInputException.class, () -> new Withdrawal(STAKER, OPERATOR, STAKER, BigInteger.ZERO, 1L,
                List.of(STRATEGY_A), List.of()));
        assertThrows(InvalidInputException.class, () -> new Withdrawal(STAKER, OPERATOR, STAKER, BigInteger.ZERO,
                1L << 32, List.of(), List.of()));
    }

    private static String word(long v) {
        return word(BigInteger.valueOf(v));
    }

    private static String word(BigInteger v) {
        String hex = v.toString(16);
        return "0".repeat(64 - hex.length()) + hex;
    }

    private static String addr(String a) {
        return "0".repeat(24) + a.substring(2).toLowerCase(java.util.Locale.ROOT);
    }
}
