package io.restake4j.etherfi;

import java.math.BigInteger;
import java.util.Objects;

/**
 * ether.fi's eETH share rate at one block: the LiquidityPool's total pooled ether and eETH's total shares,
 * with every conversion computed exactly as the contracts compute it. Read with {@link EtherFi#rates()} in
 * one batched call.
 *
 * <p>Rounding: {@code sharesForAmount}, {@code amountForShare} and deposits round down (in the pool's
 * favour), {@code sharesForWithdrawalAmount} and {@code amountPerShareCeil} round up. A deposit is priced on
 * the value before it and the first deposit mints 1:1. On an empty pool the views answer as the pool does:
 * {@code sharesForAmount}, {@code amountForShare}, {@code amountPerShareCeil} and the weETH rate are 0.
 * eETH has no {@code transferShares}: sending {@code x} eETH moves {@code sharesForAmount(x)} shares, so the recipient can see a wei less than {@code x} and a
 * balance sent in full by amount can leave a share behind. weETH is 1 eETH share: {@code wrap(x)} mints
 * {@code sharesForAmount(x)}, {@code unwrap(w)} pays {@code amountForShare(w)}. Figures hold for the block
 * they were read at; every oracle report changes the rate.
 *
 * <pre>{@code
 * EtherFiRates r = client.etherFi().rates();
 * BigInteger weEth = r.weEthForEEth(Amount.parse("1", etherFi.eETH()).wei());   // what wrap(1 eETH) mints
 * }</pre>
 *
 * @param totalPooledEther {@code LiquidityPool.getTotalPooledEther()}
 * @param totalShares      {@code eETH.totalShares()}
 */
public record EtherFiRates(BigInteger totalPooledEther, BigInteger totalShares) {

    private static final BigInteger SHARE_UNIT = BigInteger.TEN.pow(18);

    public EtherFiRates {
        Objects.requireNonNull(totalPooledEther, "totalPooledEther");
        Objects.requireNonNull(totalShares, "totalShares");
        if (totalPooledEther.signum() < 0 || totalShares.signum() < 0) {
            throw new IllegalArgumentException("pool totals cannot be negative: " + totalPooledEther + " / " + totalShares);
        }
    }

    /** {@code sharesForAmount}: floor(amount * totalShares / totalPooledEther); 0 while the pool is empty. */
    public BigInteger sharesForAmount(BigInteger amount) {
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
    public BigInteger amountForShare(BigInteger shares) {
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

    /** What {@code wrap(eEth)} mints ({@code getWeETHByeETH}): the shares, rounded down. */
    public BigInteger weEthForEEth(BigInteger eEth) {
        return sharesForAmount(eEth);
    }

    /** What {@code unwrap(weEth)} pays ({@code getEETHByWeETH}), rounded down. */
    public BigInteger eEthForWeEth(BigInteger weEth) {
        return amountForShare(weEth);
    }

    /** {@code weETH.getRate()}: eETH for 1e18 weETH, rounded down; 0 while there are no shares. */
    public BigInteger weEthRate() {
        return amountForShare(SHARE_UNIT);
    }

    /**
     * What a finalized request pays ({@code getClaimableAmount}): min(amountOfEEth, shareOfEEth * frozenRate / 1e18),
     * rounded down.
     */
    public static BigInteger claimable(BigInteger amountOfEEth, BigInteger shareOfEEth, BigInteger frozenRate) {
        return amountOfEEth.min(shareOfEEth.multiply(frozenRate).divide(SHARE_UNIT));
    }

    private static BigInteger ceilDiv(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    }
}
