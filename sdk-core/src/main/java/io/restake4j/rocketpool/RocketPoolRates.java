package io.restake4j.rocketpool;

import java.math.BigInteger;

import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;

/**
 * rETH's exchange rate as Rocket Pool computes it: from the network balances of the last oracle report (total
 * ETH and rETH supply in {@code RocketNetworkBalances}), not from rETH's live supply, so it moves in steps
 * (about daily). Every conversion rounds down, exactly as {@code RocketTokenRETH} does:
 * <ul>
 *   <li>{@link #ethValue}: {@code floor(reth * totalEth / rethSupply)}, the amount itself while the reported
 *       supply is 0;</li>
 *   <li>{@link #rethValue}: {@code floor(eth * rethSupply / totalEth)}, the amount itself while the reported
 *       supply is 0; undefined (Rocket Pool reverts) while the total is 0 and the supply is not;</li>
 *   <li>{@link #exchangeRate()}: {@code ethValue(1e18)}, ETH per rETH with 18 decimals.</li>
 * </ul>
 * A deposit of {@code v} wei pays {@link #depositFee(BigInteger, BigInteger) floor(v * fee / 1e18)} and mints
 * {@code rethValue(v - fee)} rETH.
 *
 * <pre>{@code
 * RocketPoolRates rates = client.rocketPool().rates();
 * BigInteger rethOut = rates.rethValue(wei.subtract(RocketPoolRates.depositFee(wei, feeSetting)));
 * }</pre>
 *
 * @param totalEth   the reported total ETH balance of the network, in wei
 * @param rethSupply the reported rETH supply, in wei
 */
public record RocketPoolRates(BigInteger totalEth, BigInteger rethSupply) {

    private static final BigInteger ONE_ETHER = BigInteger.TEN.pow(18);

    public RocketPoolRates {
        if (totalEth == null || totalEth.signum() < 0 || rethSupply == null || rethSupply.signum() < 0) {
            throw new IllegalArgumentException("network balances must be non-negative: " + totalEth + ", " + rethSupply);
        }
    }

    /** ETH (wei) that {@code rethWei} rETH is worth, rounded down ({@code getEthValue}). */
    public BigInteger ethValue(BigInteger rethWei) {
        requireNonNegative(rethWei);
        if (rethSupply.signum() == 0) {
            return rethWei;
        }
        return rethWei.multiply(totalEth).divide(rethSupply);
    }

    /**
     * rETH (wei) that {@code ethWei} ETH buys, rounded down ({@code getRethValue}).
     *
     * @throws InvalidInputException while the reported total ETH is 0 but the supply is not (Rocket Pool reverts
     *                               "Cannot calculate rETH token amount while total network balance is zero")
     */
    public BigInteger rethValue(BigInteger ethWei) {
        requireNonNegative(ethWei);
        if (rethSupply.signum() == 0) {
            return ethWei;
        }
        if (totalEth.signum() == 0) {
            throw new InvalidInputException(ErrorCode.PROTOCOL_STATE, "Rocket Pool's reported total network balance is zero while " + rethSupply
                    + " wei of rETH exist: no rETH value can be computed (the contract reverts)");
        }
        return ethWei.multiply(rethSupply).divide(totalEth);
    }

    /** ETH per 1 rETH, 18 decimals ({@code getExchangeRate}). */
    public BigInteger exchangeRate() {
        return ethValue(ONE_ETHER);
    }

    /**
     * The largest rETH amount (wei) whose {@link #ethValue ETH value} is at most {@code ethWei}: what a burn can
     * take from {@code ethWei} of collateral. {@code floor(r * T / S) <= C} holds exactly for
     * {@code r <= ceil((C + 1) * S / T) - 1}; 0 while the reported total is 0 but the supply is not (nothing is
     * worth anything then, but Rocket Pool's rETH has no value to burn either way).
     */
    public BigInteger maxRethFor(BigInteger ethWei) {
        requireNonNegative(ethWei);
        if (rethSupply.signum() == 0) {
            return ethWei;
        }
        if (totalEth.signum() == 0) {
            return BigInteger.ZERO;
        }
        BigInteger[] qr = ethWei.add(BigInteger.ONE).multiply(rethSupply).divideAndRemainder(totalEth);
        BigInteger ceil = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
        return ceil.subtract(BigInteger.ONE);
    }

    /** The deposit fee on {@code valueWei}: {@code floor(value * fee / 1e18)}, {@code fee} in 1e18 = 100%. */
    public static BigInteger depositFee(BigInteger valueWei, BigInteger fee) {
        requireNonNegative(valueWei);
        requireNonNegative(fee);
        return valueWei.multiply(fee).divide(ONE_ETHER);
    }

    /** rETH (wei) minted for a deposit of {@code valueWei} at this rate with {@code fee}. */
    public BigInteger rethForDeposit(BigInteger valueWei, BigInteger fee) {
        return rethValue(valueWei.subtract(depositFee(valueWei, fee)));
    }

    private static void requireNonNegative(BigInteger wei) {
        if (wei == null || wei.signum() < 0) {
            throw new InvalidInputException(ErrorCode.NOT_POSITIVE, "amount must be a non-negative wei value, was " + wei);
        }
    }
}
