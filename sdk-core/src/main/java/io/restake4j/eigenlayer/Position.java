package io.restake4j.eigenlayer;

import java.util.Optional;

import io.restake4j.units.Amount;
import io.restake4j.units.Shares;

/**
 * A staker's holding in one EigenLayer strategy.
 *
 * <pre>{@code
 * for (Position p : client.eigenLayer().positions().positions()) {
 *     System.out.println(p.strategy() + ": " + p.underlying().map(Amount::toString).orElse(p.withdrawableShares().toString()));
 * }
 * }</pre>
 *
 * <h2>Units</h2>
 * Every share figure is a {@link Shares} whose unit names the strategy by the token it pays by default:
 * {@code "EigenLayer <symbol> strategy shares"} with the token's on-chain {@code symbol()} (the underlying
 * token; EIGEN for the EIGEN strategy, whose underlying token is bEIGEN), and
 * {@code "EigenLayer beaconChainETH strategy shares"} for native ETH (wei). Deposit and withdrawable shares of a
 * strategy share that unit, as do {@link PendingWithdrawal#expectedShares()} and {@link DepositResult#shares()},
 * so shares of two strategies cannot be added or compared by mistake.
 *
 * <h2>What counts as slashed</h2>
 * The DelegationManager computes {@code withdrawable = depositShares × dsf × slashingFactor}, rounding down
 * at each WAD step, where the deposit scaling factor {@code dsf} is set at each deposit so that slashing
 * done before it is not charged to it. The gap {@code depositShares - withdrawableShares} is slashing, except
 * for the rounding of that factor: a deposit made while the operator's max magnitude is below 1 gets a
 * {@code dsf} rounded down, and shows a gap of a few shares that no slash took. So {@code slashedShares} is
 * the gap when it exceeds the largest gap rounding alone can leave, and 0 otherwise. That bound is 0 when
 * {@code dsf} is exactly 1e18 (deposits made at full magnitude: every share of the gap is slashing, the
 * exact figure); otherwise it is {@code 2 × ceil(depositShares / 1e18) + 2} shares (two {@code divWad}s
 * in the factor, amplified by the deposit shares, and two {@code mulWad}s). A slash is reported with the
 * rounding of later deposits included (at most that bound), and a slash smaller than the bound on a
 * rescaled position is not reported. Each further deposit under a slashed operator may leave up to the
 * bound again; a gap that several such deposits built up beyond one bound shows as a few shares slashed.
 *
 * @param strategy           the strategy (or the beaconChainETH sentinel for native ETH)
 * @param token              its underlying token (the zero address for native ETH)
 * @param depositShares      shares as deposited (what {@code queueWithdrawals} takes)
 * @param withdrawableShares shares after slashing (what a withdrawal would pay now)
 * @param slashedShares      what slashing has taken since deposit: {@code depositShares - withdrawableShares}
 *                           when that gap is more than rounding can leave, else 0 (see above)
 * @param underlyingAmount   the withdrawable shares in the underlying token (null for native ETH, whose
 *                           shares are wei)
 */
public record Position(String strategy, String token, Shares depositShares, Shares withdrawableShares,
        Shares slashedShares, Amount underlyingAmount) {

    /** The withdrawable shares in the underlying token; empty for native ETH (its shares are wei). */
    public Optional<Amount> underlying() {
        return Optional.ofNullable(underlyingAmount);
    }

    /** Whether slashing has taken any of these shares. */
    public boolean isSlashed() {
        return !slashedShares.isZero();
    }
}
