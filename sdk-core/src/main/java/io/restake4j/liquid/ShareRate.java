package io.restake4j.liquid;

import java.math.BigInteger;

/**
 * A share-based liquid staking token's rate at one block: pooled ether against total shares, and the
 * conversions its contracts compute, rounded down. Lido's stETH ({@link io.restake4j.lido.LidoRates}) and
 * ether.fi's eETH ({@link io.restake4j.etherfi.EtherFiRates}) both work this way, and both wrap a share as one
 * non-rebasing token (wstETH, weETH): {@code wrap(x)} mints {@code sharesFor(x)}, {@code unwrap(w)} pays
 * {@code amountFor(w)}. What each protocol does on an empty pool, and any rounding-up views, are stated by the
 * implementing type.
 *
 * <pre>{@code
 * ShareRate r = client.lido().rates();
 * BigInteger wstEth = r.wrappedFor(Amount.parse("1", client.lido().stETH()).wei());   // what wrap(1 stETH) mints
 * BigInteger perWrapped = r.amountPerWrapped();                                       // stETH per 1 wstETH, in wei
 * }</pre>
 */
public interface ShareRate {

    /** Wei in one whole wrapped token (both wrapped tokens have 18 decimals). */
    BigInteger ONE_TOKEN = BigInteger.TEN.pow(18);

    /** The pool's total ether, in wei. */
    BigInteger totalPooledEther();

    /** The token's total shares. */
    BigInteger totalShares();

    /** The shares {@code amount} wei of the rebasing token is worth, rounded down. */
    BigInteger sharesFor(BigInteger amount);

    /** The rebasing token's wei that {@code shares} are worth, rounded down. */
    BigInteger amountFor(BigInteger shares);

    /** What wrapping {@code amount} wei mints, in wrapped-token wei: the shares, rounded down. */
    default BigInteger wrappedFor(BigInteger amount) {
        return sharesFor(amount);
    }

    /** What unwrapping {@code wrapped} wei of the wrapped token pays, rounded down. */
    default BigInteger unwrappedFor(BigInteger wrapped) {
        return amountFor(wrapped);
    }

    /** The rebasing token's wei for one whole wrapped token ({@code stEthPerToken()}, {@code weETH.getRate()}). */
    default BigInteger amountPerWrapped() {
        return amountFor(ONE_TOKEN);
    }

    /** The wrapped token's wei for one whole rebasing token ({@code tokensPerStEth()}). */
    default BigInteger wrappedPerAmount() {
        return sharesFor(ONE_TOKEN);
    }
}
