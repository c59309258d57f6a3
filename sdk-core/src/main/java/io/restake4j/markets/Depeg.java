package io.restake4j.markets;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * The gap, at one size, between what the protocol says a token is worth (the fair rate {@code F}, in ETH per token)
 * and what a venue pays for it now (the market rate {@code M(x) = out / x}): {@code d(x) = (1 - M(x) / F) * 10,000}
 * basis points, positive when the market pays less (markets-oracles.md §4). Computed in {@link MathContext#DECIMAL128}
 * and kept to two decimals of a basis point (half-even).
 *
 * <pre>{@code
 * // F = 1.2; selling 100 wstETH on a venue returns 119.64 ETH: M = 1.1964, d = 30 bps
 * Depeg d = Depeg.of(wstEth, Amount.parse("100", wstEth), new BigDecimal("1.2"), Amount.parse("119.64", Token.ETH), "curve");
 * d.discountBps();                       // 30.00
 * d.isBeyond(new BigDecimal("25"));      // true
 * }</pre>
 *
 * @param token       the token priced
 * @param size        how much of it the quote sells
 * @param fairRate    ETH per token by the protocol's own rate (1 for stETH, {@code stEthPerToken / 1e18} for wstETH, ...)
 * @param received    what the venue pays for {@code size}, net of its fee (ETH or WETH, taken as equal)
 * @param venue       where the quote comes from (for reports)
 */
public record Depeg(Token token, Amount size, BigDecimal fairRate, Amount received, String venue) {

    /** Rates and discounts are computed in this context (34 digits). */
    public static final MathContext MATH = MathContext.DECIMAL128;
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    public Depeg {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(fairRate, "fairRate");
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(venue, "venue");
        if (!size.token().equals(token)) {
            throw new InvalidInputException(ErrorCode.WRONG_TOKEN, "a depeg of " + token + " needs a size in " + token
                    + ", got " + size.token());
        }
        if (size.wei().signum() <= 0) {
            throw new InvalidInputException(ErrorCode.NOT_POSITIVE, "the size of a depeg quote must be positive, was " + size);
        }
        if (fairRate.signum() <= 0) {
            throw new InvalidInputException(ErrorCode.NOT_POSITIVE, "the fair rate of " + token + " must be positive, was "
                    + fairRate);
        }
        if (received.wei().signum() < 0) {
            throw new InvalidInputException(ErrorCode.NOT_POSITIVE, "a venue cannot pay a negative amount: " + received);
        }
    }

    /** As the canonical constructor. */
    public static Depeg of(Token token, Amount size, BigDecimal fairRate, Amount received, String venue) {
        return new Depeg(token, size, fairRate, received, venue);
    }

    /** {@code M = received / size}, ETH per token. */
    public BigDecimal marketRate() {
        return received.decimal().divide(size.decimal(), MATH);
    }

    /** {@code (1 - M / F) * 10,000}, two decimals; negative when the venue pays more than the fair rate. */
    public BigDecimal discountBps() {
        return discountBps(fairRate, marketRate());
    }

    /** {@code (1 - market / fair) * 10,000} basis points, two decimals (half-even). */
    public static BigDecimal discountBps(BigDecimal fair, BigDecimal market) {
        Objects.requireNonNull(fair, "fair");
        Objects.requireNonNull(market, "market");
        if (fair.signum() <= 0) {
            throw new InvalidInputException(ErrorCode.NOT_POSITIVE, "the fair rate must be positive, was " + fair);
        }
        return BigDecimal.ONE.subtract(market.divide(fair, MATH), MATH).multiply(TEN_THOUSAND, MATH)
                .setScale(2, RoundingMode.HALF_EVEN);
    }

    /** What {@code size} is worth at the fair rate, in ETH. */
    public BigDecimal fairValue() {
        return size.decimal().multiply(fairRate, MATH);
    }

    /** Whether the discount exceeds {@code thresholdBps} (strictly). */
    public boolean isBeyond(BigDecimal thresholdBps) {
        return discountBps().compareTo(Objects.requireNonNull(thresholdBps, "thresholdBps")) > 0;
    }
}
