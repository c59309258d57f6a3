package io.restake4j.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.junit.jupiter.api.Test;

import io.restake4j.errors.InvalidInputException;

class AmountTest {

    private static final Token USDC = Token.erc20("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48", "USDC", 6);
    private static final Token STETH = Token.erc20("0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84", "stETH", 18);

    @Test
    void parsesExactlyIntoTheSmallestUnit() {
        assertEquals(BigInteger.valueOf(250_500_000L), Amount.parse("250.5", USDC).wei());
        assertEquals(BigInteger.ONE, Amount.parse("0.000001", USDC).wei());
        assertEquals(new BigInteger("2500000000000000000000"), Amount.parse("2500", STETH).wei());
        assertEquals(new BigInteger("1"), Amount.parse("0.000000000000000001", STETH).wei());
        assertEquals(BigInteger.valueOf(500_000), Amount.parse("0.5", USDC).wei());
    }

    @Test
    void theGrammarIsStrict() {
        for (String bad : new String[] {" 1", "1 ", "1_0_0", "+1", "-1", "1e3", ".5", "5.", "1.2.3", "1,5", "0x10", "１"}) {
            io.restake4j.errors.InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(
                    io.restake4j.errors.InvalidInputException.class, () -> Amount.parse(bad, USDC), bad);
            assertEquals(io.restake4j.errors.ErrorCode.MALFORMED_AMOUNT, e.code(), bad);
        }
        assertEquals(io.restake4j.errors.ErrorCode.MISSING,
                org.junit.jupiter.api.Assertions.assertThrows(io.restake4j.errors.InvalidInputException.class,
                        () -> Amount.parse("", USDC)).code());
    }

    @Test
    void refusesWhatItCannotRepresentExactly() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Amount.parse("0.0000001", USDC));
        assertEquals("0.0000001 has more than 6 decimal places, the precision of USDC", e.getMessage());
        assertThrows(InvalidInputException.class, () -> Amount.parse("-1", USDC));
        assertThrows(InvalidInputException.class, () -> Amount.parse("1e3", USDC));
        assertThrows(InvalidInputException.class, () -> Amount.parse("", USDC));
        assertThrows(InvalidInputException.class, () -> Amount.parse("1.", USDC));
        assertThrows(InvalidInputException.class, () -> Amount.ofWei(BigInteger.valueOf(-1), USDC));
        assertThrows(InvalidInputException.class, () -> Amount.ofWei(BigInteger.TWO.pow(256), USDC));
        assertThrows(InvalidInputException.class, () -> Amount.of(new BigDecimal("-0.5"), USDC));
    }

    @Test
    void printsHumanForms() {
        Amount a = Amount.ofWei(new BigInteger("1234567890000000000000000"), STETH);
        assertEquals("1234567.89 stETH", a.toString());
        assertEquals("1,234,567.89", a.format());
        assertEquals("0", Amount.zero(USDC).toPlainString());
        assertEquals("1,000", Amount.parse("1000", USDC).format());
        assertEquals(new BigDecimal("250.5"), Amount.parse("250.500", USDC).decimal());
    }

    @Test
    void formattingDoesNotDependOnTheDefaultLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            assertEquals("1,234,567.5", Amount.parse("1234567.5", USDC).format());
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void arithmeticStaysInOneToken() {
        Amount a = Amount.parse("1.5", USDC);
        Amount b = Amount.parse("0.25", USDC);
        assertEquals(Amount.parse("1.75", USDC), a.plus(b));
        assertEquals(Amount.parse("1.25", USDC), a.minus(b));
        assertThrows(InvalidInputException.class, () -> b.minus(a));
        assertTrue(a.isGreaterThan(b));
        assertTrue(b.isLessThan(a));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> a.plus(Amount.parse("1", STETH)));
        assertEquals("different tokens: USDC and stETH", e.getMessage());
    }

    @Test
    void tokensCompareByAddressIgnoringCase() {
        Token lower = Token.erc20("0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48", "USDC", 6);
        assertEquals(USDC, lower);
        assertEquals(USDC.hashCode(), lower.hashCode());
        assertNotEquals(USDC, Token.ETH);
        assertThrows(InvalidInputException.class, () -> Token.erc20("0x1234", "BAD", 18));
        assertThrows(InvalidInputException.class, () -> Token.erc20(USDC.address(), "BAD", 78));
        assertEquals(BigInteger.TEN.pow(18), Amount.parse("1", Token.ETH).wei());
    }
}
