package io.restake4j.markets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/** The depeg arithmetic of markets-oracles.md §4 against hand-computed figures, and the oracle answer checks. */
class DepegTest {

    private static final Token WSTETH = Token.erc20("0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0", "wstETH", 18);
    private static final Token STETH = Token.erc20("0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84", "stETH", 18);

    @Test
    void theFactsFilesIllustrationIsThirtyBasisPoints() {
        // F = 1.2000; 100 wstETH fetch 119.64 ETH: M = 1.1964, d = (1 - 1.1964 / 1.2) * 10,000 = 30
        Depeg d = Depeg.of(WSTETH, Amount.parse("100", WSTETH), new BigDecimal("1.2"), Amount.parse("119.64", Token.ETH),
                "curve");
        assertEquals(new BigDecimal("1.1964"), d.marketRate().stripTrailingZeros());
        assertEquals(new BigDecimal("30.00"), d.discountBps());
        assertEquals(0, new BigDecimal("120").compareTo(d.fairValue()), "100 * 1.2 ETH at the fair rate");
        assertTrue(d.isBeyond(new BigDecimal("29.99")));
        assertFalse(d.isBeyond(new BigDecimal("30")), "strictly beyond");
    }

    @Test
    void discountsAreRoundedHalfEvenToHundredthsAndMayBeNegative() {
        // stETH at F = 1: 3 stETH fetch 2.9991 ETH -> M = 0.9997, d = 3 bps; 7 fetch 6.99999 -> d = 0.0142857.. -> 0.01
        assertEquals(new BigDecimal("3.00"), Depeg.of(STETH, Amount.parse("3", STETH), BigDecimal.ONE,
                Amount.parse("2.9991", Token.ETH), "curve").discountBps());
        assertEquals(new BigDecimal("0.01"), Depeg.of(STETH, Amount.parse("7", STETH), BigDecimal.ONE,
                Amount.parse("6.99999", Token.ETH), "curve").discountBps());
        // a premium: 1 stETH fetches 1.0005 ETH -> -5 bps
        assertEquals(new BigDecimal("-5.00"), Depeg.of(STETH, Amount.parse("1", STETH), BigDecimal.ONE,
                Amount.parse("1.0005", Token.ETH), "curve").discountBps());
        // 1 wei of wstETH at F = 1.15 fetching 1 wei: M = 1, d = (1 - 1/1.15) * 10,000 = 1304.3478.. -> 1304.35
        assertEquals(new BigDecimal("1304.35"), Depeg.of(WSTETH, Amount.ofWei(BigInteger.ONE, WSTETH),
                new BigDecimal("1.15"), Amount.ofWei(BigInteger.ONE, Token.ETH), "curve").discountBps());
        assertEquals(new BigDecimal("10000.00"), Depeg.discountBps(BigDecimal.ONE, BigDecimal.ZERO), "a venue paying nothing");
    }

    @Test
    void badInputIsRefused() {
        InvalidInputException wrong = assertThrows(InvalidInputException.class, () -> Depeg.of(WSTETH,
                Amount.parse("1", STETH), BigDecimal.ONE, Amount.parse("1", Token.ETH), "curve"));
        assertEquals(ErrorCode.WRONG_TOKEN, wrong.code());
        assertEquals(ErrorCode.NOT_POSITIVE, assertThrows(InvalidInputException.class, () -> Depeg.of(STETH,
                Amount.zero(STETH), BigDecimal.ONE, Amount.parse("1", Token.ETH), "curve")).code());
        assertEquals(ErrorCode.NOT_POSITIVE, assertThrows(InvalidInputException.class, () -> Depeg.of(STETH,
                Amount.parse("1", STETH), BigDecimal.ZERO, Amount.parse("1", Token.ETH), "curve")).code());
        assertEquals(ErrorCode.NOT_POSITIVE, assertThrows(InvalidInputException.class,
                () -> Depeg.discountBps(new BigDecimal("-1"), BigDecimal.ONE)).code());
    }

    @Test
    void oracleAnswersArePricedAndCheckedForStaleness() {
        Instant updated = Instant.parse("2026-12-01T00:00:00Z");
        OracleAnswer a = new OracleAnswer("0x86392dC19c0b719886221c78AB11eb8Cf5c52812", "STETH / ETH", BigInteger.valueOf(7),
                new BigInteger("998700000000000000"), 18, updated, updated, BigInteger.valueOf(7));
        assertEquals(new BigDecimal("0.998700000000000000"), a.price());
        assertEquals(new BigDecimal("13.00"), Depeg.discountBps(BigDecimal.ONE, a.price()), "(1 - 0.9987) * 10,000");
        Duration day = Duration.ofHours(24);
        assertTrue(a.isFresh(updated.plus(day), day), "exactly one heartbeat old is still fresh");
        assertFalse(a.isFresh(updated.plus(day).plusSeconds(1), day));
        assertEquals(Duration.ZERO, a.age(updated.minusSeconds(5)), "an answer ahead of the clock has no age");
        OracleAnswer eightDecimals = new OracleAnswer("0xfeed000000000000000000000000000000000001", "rETH / ETH",
                BigInteger.ONE, BigInteger.valueOf(112_345_678L), 8, updated, updated, BigInteger.ONE);
        assertEquals(new BigDecimal("1.12345678"), eightDecimals.price());
        OracleAnswer carried = new OracleAnswer("0xfeed000000000000000000000000000000000001", "x", BigInteger.TEN,
                BigInteger.ONE, 8, updated, updated, BigInteger.valueOf(9));
        assertFalse(carried.isComplete(), "answeredInRound < roundId: a stale carry-over");
        OracleAnswer negative = new OracleAnswer("0xfeed000000000000000000000000000000000001", "x", BigInteger.ONE,
                BigInteger.valueOf(-1), 8, updated, updated, BigInteger.ONE);
        assertFalse(negative.isFresh(updated, day));
        OracleAnswer unset = new OracleAnswer("0xfeed000000000000000000000000000000000001", "x", BigInteger.ONE,
                BigInteger.ONE, 8, Instant.EPOCH, Instant.EPOCH, BigInteger.ONE);
        assertFalse(unset.isComplete(), "updatedAt 0: the round never completed");
    }
}
