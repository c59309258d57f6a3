package io.restake4j.lido;

import java.math.BigInteger;
import java.util.Objects;

import io.restake4j.liquid.ShareRate;

/**
 * Lido's share rate at one block: total pooled ether and total shares, with the conversions computed
 * exactly as stETH computes them (integer division rounding down, unless the name says up). Read with
 * {@link Lido#rates()} in one batched call.
 *
 * <p>Where off-chain math meets the chain: balances are {@code amountFor(shares)}, rounded down, and a
 * transfer of {@code x} stETH moves {@code sharesFor(x)} shares, rounded down. So a balance changes by
 * the difference of two floors: the recipient of {@code x} can see {@code x - 2} to {@code x} wei more,
 * the sender up to 1 wei more or less than {@code x} gone, and a balance "sent in full" by amount can leave
 * 1-2 wei behind. Moving shares ({@link Lido#transferShares}, {@link Lido#transferAll}) leaves no dust.
 * The rate changes with every oracle report; figures computed here hold for the block they were read at.
 *
 * <pre>{@code
 * LidoRates r = client.lido().rates();
 * BigInteger wst = r.wrappedFor(Amount.parse("1", lido.stETH()).wei());   // what wrap(1 stETH) mints (see ShareRate)
 * }</pre>
 *
 * @param totalPooledEther {@code getTotalPooledEther()}
 * @param totalShares      {@code getTotalShares()}
 */
public record LidoRates(BigInteger totalPooledEther, BigInteger totalShares) implements ShareRate {

    public LidoRates {
        Objects.requireNonNull(totalPooledEther, "totalPooledEther");
        Objects.requireNonNull(totalShares, "totalShares");
    }

    /** {@code getSharesByPooledEth}: floor(stEth * totalShares / totalPooledEther); 1:1 before the first deposit. */
    @Override
    public BigInteger sharesFor(BigInteger stEthWei) {
        if (totalPooledEther.signum() == 0) {
            return stEthWei;
        }
        return stEthWei.multiply(totalShares).divide(totalPooledEther);
    }

    /** {@code getPooledEthByShares}: floor(shares * totalPooledEther / totalShares); 1:1 before the first deposit. */
    @Override
    public BigInteger amountFor(BigInteger shares) {
        if (totalShares.signum() == 0) {
            return shares;
        }
        return shares.multiply(totalPooledEther).divide(totalShares);
    }

    /** {@code getPooledEthBySharesRoundUp}: the same, rounded up. */
    public BigInteger stEthForRoundUp(BigInteger shares) {
        if (totalShares.signum() == 0) {
            return shares;
        }
        BigInteger[] qr = shares.multiply(totalPooledEther).divideAndRemainder(totalShares);
        return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    }
}
