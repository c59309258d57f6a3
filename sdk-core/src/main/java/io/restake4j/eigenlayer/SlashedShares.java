package io.restake4j.eigenlayer;

import java.math.BigInteger;

/**
 * The rule that tells slashing from rounding in a position (see {@link Position}): the gap between deposit
 * shares and withdrawable shares is slashing only beyond what the chain's WAD rounding alone can produce.
 *
 * <p>The DelegationManager computes {@code withdrawable = mulWad(mulWad(depositShares, dsf), slashingFactor)}
 * and, when shares are added under a slashing factor {@code m0} below 1, sets the deposit scaling factor to
 * {@code divWad(divWad(withdrawableBefore + added, depositSharesBefore + added), m0)} (or
 * {@code divWad(dsf, m0)} on a first deposit). Each of those four steps rounds down. The two
 * {@code divWad}s leave the factor short by less than {@code 1e18 / m0 + 1} (in 1e-18 units), which costs
 * {@code depositShares × that × m / 1e36 <= 2 × depositShares / 1e18} shares (the factor {@code m} now is
 * at most {@code m0}: magnitudes only fall); the two {@code mulWad}s lose less than one share each. So one
 * deposit made under a slashed operator leaves a gap of at most {@code 2 × ceil(depositShares / 1e18) + 2}
 * shares that no slashing took. When the factor is exactly 1e18 (every deposit made at full magnitude) the
 * first {@code mulWad} is exact and the only rounding is the slash's own, so every share of the gap is
 * slashing.
 *
 * <pre>{@code
 * BigInteger slashed = SlashedShares.of(depositShares, withdrawable, dsf);
 * }</pre>
 */
final class SlashedShares {

    private SlashedShares() {
    }

    /** The shares slashing took: the gap when it exceeds {@link #roundingBound}, else zero. */
    static BigInteger of(BigInteger depositShares, BigInteger withdrawableShares, BigInteger depositScalingFactor) {
        BigInteger gap = depositShares.subtract(withdrawableShares);
        return gap.compareTo(roundingBound(depositShares, depositScalingFactor)) > 0 ? gap : BigInteger.ZERO;
    }

    /**
     * The largest gap rounding alone leaves: 0 with a deposit scaling factor of 1e18, else
     * {@code 2 × ceil(depositShares / 1e18) + 2}.
     */
    static BigInteger roundingBound(BigInteger depositShares, BigInteger depositScalingFactor) {
        if (depositScalingFactor.equals(EigenLayerContext.WAD)) {
            return BigInteger.ZERO;
        }
        BigInteger[] qr = depositShares.divideAndRemainder(EigenLayerContext.WAD);
        BigInteger ceil = qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
        return ceil.shiftLeft(1).add(BigInteger.TWO);
    }
}
