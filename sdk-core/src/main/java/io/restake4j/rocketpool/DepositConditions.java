package io.restake4j.rocketpool;

import java.math.BigInteger;
import java.util.Objects;

import io.restake4j.units.Amount;

/**
 * Rocket Pool's deposit conditions at one moment, read together: a deposit of {@code v} goes through when
 * {@code enabled}, {@code v >= minimumDeposit} and {@code v <= maximumDepositAmount}; it pays
 * {@code floor(v * fee / 1e18)}.
 *
 * <pre>{@code
 * DepositConditions c = client.rocketPool().depositConditions();
 * if (c.accepts(Amount.parse("5", Token.ETH))) { ... }
 * }</pre>
 *
 * @param enabled              whether deposits are open (pDAO setting {@code deposit.enabled})
 * @param minimumDeposit       the smallest deposit
 * @param maximumDepositAmount the room left in the deposit pool ({@code getMaximumDepositAmount}); 0 while disabled
 * @param fee                  the deposit fee, 1e18 = 100% (e.g. 5e14 = 0.05%)
 */
public record DepositConditions(boolean enabled, Amount minimumDeposit, Amount maximumDepositAmount, BigInteger fee) {

    public DepositConditions {
        Objects.requireNonNull(minimumDeposit, "minimumDeposit");
        Objects.requireNonNull(maximumDepositAmount, "maximumDepositAmount");
        Objects.requireNonNull(fee, "fee");
    }

    /** Whether a deposit of {@code eth} meets these conditions. */
    public boolean accepts(Amount eth) {
        return enabled && eth.wei().compareTo(minimumDeposit.wei()) >= 0
                && eth.wei().compareTo(maximumDepositAmount.wei()) <= 0;
    }

    /** The fee on a deposit of {@code eth}, rounded down as the deposit pool does. */
    public Amount feeOn(Amount eth) {
        return Amount.ofWei(RocketPoolRates.depositFee(eth.wei(), fee), eth.token());
    }
}
