package io.restake4j.eigenlayer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The rule of {@link SlashedShares} against the DelegationManager's share math, replayed in Java with its
 * rounding (mulWad and divWad round down): deposits made under a slashed operator never show as slashed,
 * a slash of deposits made at full magnitude shows exactly, and the bound is nearly reached (it is tight).
 */
class SlashedSharesTest {

    private static final BigInteger WAD = EigenLayerContext.WAD;

    private static BigInteger mulWad(BigInteger x, BigInteger y) {
        return x.multiply(y).divide(WAD);
    }

    private static BigInteger divWad(BigInteger x, BigInteger y) {
        return x.multiply(WAD).divide(y);
    }

    private static BigInteger withdrawable(BigInteger depositShares, BigInteger dsf, BigInteger factor) {
        return mulWad(mulWad(depositShares, dsf), factor);
    }

    @Test
    void aDepositUnderASlashedOperatorIsNeverSlashedAndTheBoundIsTight() {
        SplittableRandom random = new SplittableRandom(11);
        BigInteger worstGap = BigInteger.ZERO;
        BigInteger itsBound = BigInteger.ONE;
        int withGap = 0;
        for (int i = 0; i < 20_000; i++) {
            BigInteger m = BigInteger.valueOf(random.nextLong(1, WAD.longValueExact()));
            BigInteger d = new BigInteger(85, new java.util.Random(random.nextLong())).add(BigInteger.ONE);  // up to ~3.9e25
            BigInteger dsf = divWad(WAD, m);                                   // first deposit (or delegation) under m
            BigInteger gap = d.subtract(withdrawable(d, dsf, m));
            withGap += gap.signum() > 0 ? 1 : 0;
            assertEquals(BigInteger.ZERO, SlashedShares.of(d, withdrawable(d, dsf, m), dsf), "m=" + m + " d=" + d);
            if (gap.multiply(itsBound).compareTo(worstGap.multiply(SlashedShares.roundingBound(d, dsf))) > 0) {
                worstGap = gap;
                itsBound = SlashedShares.roundingBound(d, dsf);
            }
        }
        assertTrue(withGap > 10_000, "most such deposits show a gap today: " + withGap);
        // one divWad here (the re-deposit has two): the gap comes near half the bound, never over it
        assertTrue(worstGap.multiply(BigInteger.valueOf(20)).compareTo(itsBound.multiply(BigInteger.valueOf(9))) > 0,
                "the worst gap is near half the bound: " + worstGap + " of " + itsBound);
    }

    @Test
    void aReDepositUnderASlashedOperatorKeepsTheSlashWithinTheBound() {
        SplittableRandom random = new SplittableRandom(7);
        double worstDust = 0;
        for (int i = 0; i < 20_000; i++) {
            BigInteger m = BigInteger.valueOf(random.nextLong(1, WAD.longValueExact()));
            BigInteger before = new BigInteger(80, new java.util.Random(random.nextLong())).add(BigInteger.ONE);
            BigInteger added = new BigInteger(80, new java.util.Random(random.nextLong())).add(BigInteger.ONE);
            BigInteger current = withdrawable(before, WAD, m);               // deposited at full magnitude, then slashed
            BigInteger slash = before.subtract(current);
            BigInteger dsf = divWad(divWad(current.add(added), before.add(added)), m);
            BigInteger d = before.add(added);
            BigInteger reported = SlashedShares.of(d, withdrawable(d, dsf, m), dsf);
            BigInteger bound = SlashedShares.roundingBound(d, dsf);
            BigInteger dust = d.subtract(withdrawable(d, dsf, m)).subtract(slash);
            assertTrue(dust.compareTo(bound) <= 0, "dust " + dust + " over the bound " + bound);
            worstDust = Math.max(worstDust, dust.doubleValue() / bound.doubleValue());
            if (slash.compareTo(bound) > 0) {
                assertTrue(reported.compareTo(slash) >= 0 && reported.compareTo(slash.add(bound)) <= 0,
                        "reported " + reported + " for a slash of " + slash + " (bound " + bound + ")");
            } else {
                assertTrue(reported.compareTo(slash.add(bound)) <= 0);
            }
        }
        assertTrue(worstDust > 0.9, "the bound is tight: the worst dust reached " + worstDust + " of it");
    }

    @Test
    void atFullMagnitudeEveryShareOfTheGapIsSlashing() {
        BigInteger d = new BigInteger("1234567890123456789012");
        BigInteger m = new BigInteger("666666666666666667");
        BigInteger w = withdrawable(d, WAD, m);
        assertEquals(BigInteger.ZERO, SlashedShares.roundingBound(d, WAD));
        assertEquals(d.subtract(w), SlashedShares.of(d, w, WAD));
        assertEquals(BigInteger.ONE, SlashedShares.of(BigInteger.TEN, BigInteger.valueOf(9), WAD), "even one share");
        assertEquals(BigInteger.ZERO, SlashedShares.of(d, d, WAD), "no gap, nothing slashed");
    }

    @Test
    void theBoundIsTwoPerWholeShareRoundedUpPlusTwo() {
        BigInteger dsf = WAD.add(BigInteger.ONE);
        assertEquals(BigInteger.valueOf(4), SlashedShares.roundingBound(BigInteger.ONE, dsf));
        assertEquals(BigInteger.valueOf(4), SlashedShares.roundingBound(WAD, dsf));
        assertEquals(BigInteger.valueOf(6), SlashedShares.roundingBound(WAD.add(BigInteger.ONE), dsf));
        assertEquals(BigInteger.valueOf(5), SlashedShares.of(WAD, WAD.subtract(BigInteger.valueOf(5)), dsf));
        assertEquals(BigInteger.ZERO, SlashedShares.of(WAD, WAD.subtract(BigInteger.valueOf(4)), dsf));
    }
}
