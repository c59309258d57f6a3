package io.restake4j.etherfi;

import java.math.BigInteger;
import java.util.Objects;

import io.restake4j.liquid.ShareRate;

/**
 * ether.fi's eETH share rate at one block: the LiquidityPool's total pooled ether and eETH's total shares,
 * with every conversion computed exactly as the contracts compute it. Read with {@link EtherFi#rates()} in
 * one batched call.
 *
 * <p>Rounding: {@code sharesForAmount}, {@code amountForShare} and deposits round down (in the pool's
 * favour), {@code sharesForWithdrawalAmount} and {@code amountPerShareCeil} round up. A deposit is priced on
 * the value before it and the first deposit mints 1:1. On an empty pool the views answer as the pool does:
 * {@code sharesForAmount}, {@code amountForShare}, {@code amountPerShareCeil} and the weETH rate are 0.
 * eETH has no {@code transferShares}: sending {@code x} eETH moves {@code sharesFor(x)} shares, so the recipient can see a wei less than {@code x} and a
 * balance sent in full by amount can leave a share behind. weETH is 1 eETH share: {@code wrap(x)} mints
 * {@code sharesFor(x)}, {@code unwrap(w)} pays {@code amountFor(w)}. Figures hold for the block
 * they were read at; every oracle report changes the rate.
 *
 * <pre>{@code
 * EtherFiRates r = client.etherFi().rates();
 * BigInteger weEth = r.wrappedFor(Amount.parse("1", etherFi.eETH()).wei());   // what wrap(1 eETH) mints (see ShareRate)
 * }</pre>
 *
 * @param totalPooledEther {@code LiquidityPool.getTotalPooledEther()}
 * @param totalShares      {@code eETH.totalShares()}
 */
public record EtherFiRates(BigInteger totalPooledEther, BigInteger totalShares) implements ShareRate {

    private static final BigInteger SHARE_UNIT = ONE_TOKEN;

    public EtherFiRates {
        Objects.requireNonNull(totalPooledEther, "totalPooledEther");
        Objects.requireNonNull(totalShares, "totalShares");
        if (totalPooledEther.signum() < 0 || totalShares.signum() < 0) {
            throw new IllegalArgumentException("pool totals cannot be negative: " + totalPooledEther + " / " + totalShares);
        }
    }

    /** {@code sharesForAmount}: floor(amount * totalShares / totalPooledEther); 0 while the pool is empty. */
    @Override
    public BigInteger sharesFor(BigInteger amount) {
        if (totalPooledEther.signum() == 0) {
            return BigInteger.ZERO;
        }
        return amount.multiply(totalShares).divide(totalPooledEther);
    }

    /** {@code sharesForWithdrawalAmount}: the same, rounded up. */
    public BigInteger sharesForWithdrawalAmount(BigInteger amount) {
        if (totalPooledEther.signum() == 0) {
            return BigInteger.ZERO;
        }
        return ceilDiv(amount.multiply(totalShares), totalPooledEther);
    }

    /** {@code amountForShare}: floor(shares * totalPooledEther / totalShares); 0 while there are no shares. */
    @Override
    public BigInteger amountFor(BigInteger shares) {
        if (totalShares.signum() == 0) {
            return BigInteger.ZERO;
        }
        return shares.multiply(totalPooledEther).divide(totalShares);
    }

    /**
     * {@code amountPerShareCeil}: ether per 1e18 shares, rounded up (the rate a finalization freezes); 0 while
     * there are no shares, as the pool answers (never a divisor: nothing here divides by a rate).
     */
    public BigInteger amountPerShareCeil() {
        if (totalShares.signum() == 0) {
            return BigInteger.ZERO;
        }
        return ceilDiv(SHARE_UNIT.multiply(totalPooledEther), totalShares);
    }

    /** The shares {@code deposit()} mints for {@code eth}: priced on the value before it, floor; 1:1 in an empty pool. */
    public BigInteger sharesForDeposit(BigInteger eth) {
        if (totalPooledEther.signum() == 0) {
            return eth;
        }
        return eth.multiply(totalShares).divide(totalPooledEther);
    }

    /** The rates after a deposit of {@code eth} (for the eETH value of what it minted). */
    public EtherFiRates afterDeposit(BigInteger eth) {
        return new EtherFiRates(totalPooledEther.add(eth), totalShares.add(sharesForDeposit(eth)));
    }

    /**
     * What a finalized request pays ({@code getClaimableAmount}) at these rates: min(amountOfEEth,
     * shareOfEEth * frozenRate / 1e18), rounded down, where {@code frozenRate} is {@code frozenRateFor(id)}. A
     * request finalized before the rate snapshots existed has a frozen rate of 0 and is paid at the live rate
     * instead: min(amountOfEEth, amountFor(shareOfEEth)). (Such old requests may also carry a {@code feeGwei}
     * that the contract deducts; it is 0 for every request made since, and not modelled here.)
     */
    public BigInteger claimable(BigInteger amountOfEEth, BigInteger shareOfEEth, BigInteger frozenRate) {
        if (frozenRate.signum() == 0) {
            return amountOfEEth.min(amountFor(shareOfEEth));
        }
        return amountOfEEth.min(shareOfEEth.multiply(frozenRate).divide(SHARE_UNIT));
    }

    private static BigInteger ceilDiv(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    }
}
