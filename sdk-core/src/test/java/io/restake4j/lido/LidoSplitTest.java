package io.restake4j.lido;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.restake4j.errors.InvalidInputException;

class LidoSplitTest {

    private static final BigInteger MIN = BigInteger.valueOf(100);
    private static final BigInteger MAX = BigInteger.TEN.pow(21);
    private static final BigInteger ETH = BigInteger.TEN.pow(18);

    @Test
    void splitsIntoFullRequestsAndARemainder() {
        assertEquals(List.of(MAX, MAX, ETH.multiply(BigInteger.valueOf(500))),
                LidoWithdrawals.split(ETH.multiply(BigInteger.valueOf(2500)), MIN, MAX));
        assertEquals(List.of(MAX), LidoWithdrawals.split(MAX, MIN, MAX));
        assertEquals(List.of(MIN), LidoWithdrawals.split(MIN, MIN, MAX));
    }

    @Test
    void aRemainderBelowTheMinimumBorrowsFromThePartBeforeIt() {
        List<BigInteger> parts = LidoWithdrawals.split(MAX.add(BigInteger.valueOf(40)), MIN, MAX);
        assertEquals(List.of(MAX.subtract(BigInteger.valueOf(60)), MIN), parts);
        assertEquals(MAX.add(BigInteger.valueOf(40)), parts.stream().reduce(BigInteger.ZERO, BigInteger::add));
    }

    @Test
    void belowTheMinimumIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> LidoWithdrawals.split(BigInteger.valueOf(99), MIN, MAX));
        assertEquals("a Lido withdrawal request needs at least 100 wei of stETH, was 99", e.getMessage());
    }

    @Test
    void wstEthPartsUnwrapToStEthWithinTheLimitsAtAnAwkwardRate() {
        // 1.1534... stETH per share: every part's stETH value (rounded down) must sit in [MIN, MAX]
        LidoRates rates = new LidoRates(new BigInteger("9876543210987654321012"), new BigInteger("8563201234567890123456"));
        BigInteger total = new BigInteger("2345678901234567890123");
        List<BigInteger> parts = LidoWithdrawals.splitWrapped(total, MIN, MAX, rates);
        assertEquals(total, parts.stream().reduce(BigInteger.ZERO, BigInteger::add), "nothing lost or added");
        assertEquals(3, parts.size());
        for (BigInteger p : parts) {
            BigInteger st = p.multiply(rates.totalPooledEther()).divide(rates.totalShares());
            assertTrue(st.compareTo(MAX) <= 0 && st.compareTo(MIN) >= 0, p + " unwraps to " + st);
        }
        assertEquals(MAX.multiply(rates.totalShares()).divide(rates.totalPooledEther()), parts.get(0), "full parts as large as allowed");
    }

    @Test
    void aWstEthAmountWorthLessThanTheMinimumIsRefused() {
        LidoRates rates = new LidoRates(BigInteger.valueOf(3), BigInteger.valueOf(2)); // 1.5 stETH per share
        // 66 shares unwrap to 99 wei: below the minimum; 67 unwrap to 100
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> LidoWithdrawals.splitWrapped(BigInteger.valueOf(66), MIN, MAX, rates));
        assertTrue(e.getMessage().contains("unwraps to 99"), e.getMessage());
        assertEquals(List.of(BigInteger.valueOf(67)), LidoWithdrawals.splitWrapped(BigInteger.valueOf(67), MIN, MAX, rates));
    }
}
