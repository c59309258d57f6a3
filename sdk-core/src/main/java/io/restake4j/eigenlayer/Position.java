package io.restake4j.eigenlayer;

import java.math.BigInteger;
import java.util.Optional;

import io.restake4j.units.Amount;

/**
 * A staker's holding in one EigenLayer strategy.
 *
 * <pre>{@code
 * for (Position p : client.eigenLayer().positions().positions()) {
 *     System.out.println(p.strategy() + ": " + p.underlying().map(Amount::toString).orElse(p.withdrawableShares() + " wei ETH"));
 * }
 * }</pre>
 *
 * @param strategy           the strategy (or the beaconChainETH sentinel for native ETH)
 * @param token              its underlying token (the zero address for native ETH)
 * @param depositShares      shares as deposited (what {@code queueWithdrawals} takes)
 * @param withdrawableShares shares after slashing (what a withdrawal would pay now)
 * @param slashedShares      {@code depositShares - withdrawableShares}: what slashing has taken since deposit
 * @param underlyingAmount   the withdrawable shares in the underlying token (null for native ETH, whose
 *                           shares are wei)
 */
public record Position(String strategy, String token, BigInteger depositShares, BigInteger withdrawableShares,
        BigInteger slashedShares, Amount underlyingAmount) {

    /** The withdrawable shares in the underlying token; empty for native ETH (its shares are wei). */
    public Optional<Amount> underlying() {
        return Optional.ofNullable(underlyingAmount);
    }

    /** Whether slashing has taken any of these shares. */
    public boolean isSlashed() {
        return slashedShares.signum() > 0;
    }
}
