package io.restake4j.lido;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
                Lido.split(ETH.multiply(BigInteger.valueOf(2500)), MIN, MAX));
        assertEquals(List.of(MAX), Lido.split(MAX, MIN, MAX));
        assertEquals(List.of(MIN), Lido.split(MIN, MIN, MAX));
    }

    @Test
    void aRemainderBelowTheMinimumBorrowsFromThePartBeforeIt() {
        List<BigInteger> parts = Lido.split(MAX.add(BigInteger.valueOf(40)), MIN, MAX);
        assertEquals(List.of(MAX.subtract(BigInteger.valueOf(60)), MIN), parts);
        assertEquals(MAX.add(BigInteger.valueOf(40)), parts.stream().reduce(BigInteger.ZERO, BigInteger::add));
    }

    @Test
    void belowTheMinimumIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Lido.split(BigInteger.valueOf(99), MIN, MAX));
        assertEquals("a Lido withdrawal request needs at least 100 wei of stETH, was 99", e.getMessage());
    }
}
