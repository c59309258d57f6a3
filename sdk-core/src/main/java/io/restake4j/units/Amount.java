package io.restake4j.units;

import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;

/**
 * An exact, non-negative quantity of a {@link Token}: the integer count of its smallest unit
 * ({@link #wei()}, as contracts see it) with the token's decimals for the human form
 * ({@link #decimal()}). No floating point anywhere: parsing refuses more fraction digits than the
 * token has instead of rounding.
 *
 * <pre>{@code
 * Amount a = Amount.parse("250.5", usdc);       // a.wei() == 250500000
 * Amount b = Amount.ofWei(BigInteger.TEN.pow(18), Token.ETH);
 * a.plus(Amount.parse("0.5", usdc)).toString(); // "251 USDC"
 * }</pre>
 */
public final class Amount implements Comparable<Amount> {

    private static final BigInteger UINT256_MAX = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

    private final BigInteger wei;
    private final Token token;

    private Amount(BigInteger wei, Token token) {
        this.wei = wei;
        this.token = token;
    }

    /**
     * From the smallest unit.
     *
     * @throws InvalidInputException when negative or above uint256
     */
    public static Amount ofWei(BigInteger wei, Token token) {
        Objects.requireNonNull(wei, "wei");
        Objects.requireNonNull(token, "token");
        if (wei.signum() < 0) {
            throw new InvalidInputException(ErrorCode.NOT_POSITIVE, "amount cannot be negative: " + wei + " wei of " + token.symbol());
        }
        if (wei.compareTo(UINT256_MAX) > 0) {
            throw new InvalidInputException(ErrorCode.OUT_OF_RANGE, "amount exceeds uint256: " + wei);
        }
        return new Amount(wei, token);
    }

    /**
     * From the human form, e.g. {@code 1.5} ether.
     *
     * @throws InvalidInputException when negative or with more fraction digits than the token has
     */
    public static Amount of(BigDecimal value, Token token) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(token, "token");
        BigDecimal scaled = value.movePointRight(token.decimals());
        BigInteger exact;
        try {
            exact = scaled.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new InvalidInputException(ErrorCode.TOO_PRECISE, value.toPlainString() + " has more than " + token.decimals()
                    + " decimal places, the precision of " + token.symbol());
        }
        return ofWei(exact, token);
    }

    /**
     * Parses a whole-token decimal amount, strictly: ASCII digits, optionally one dot followed by at least one
     * digit ({@code "1000"}, {@code "0.25"}, {@code "1000.5"}). Nothing else is accepted, so that what a user
     * typed means exactly one amount: no sign, no whitespace (not even around it), no thousands separators or
     * underscores, no exponent, no leading or trailing dot. More decimal places than the token has are refused
     * ({@code TOO_PRECISE}), never rounded.
     *
     * <pre>{@code
     * Amount a = Amount.parse("1.5", Token.ETH);   // 1500000000000000000 wei
     * Amount.parse(" 1", Token.ETH);                // InvalidInputException, code MALFORMED_AMOUNT
     * }</pre>
     *
     * @throws InvalidInputException {@code MISSING}, {@code MALFORMED_AMOUNT} or {@code TOO_PRECISE}
     */
    public static Amount parse(String text, Token token) {
        Objects.requireNonNull(token, "token");
        if (text == null || text.isEmpty()) {
            throw new InvalidInputException(ErrorCode.MISSING, "amount", "the amount is missing");
        }
        if (!PLAIN_DECIMAL.matcher(text).matches()) {
            throw new InvalidInputException(ErrorCode.MALFORMED_AMOUNT, "amount", "not a plain decimal amount of "
                    + token.symbol() + " (digits, optionally one '.' and more digits): '" + text + "'");
        }
        return of(new BigDecimal(text), token);
    }

    private static final java.util.regex.Pattern PLAIN_DECIMAL = java.util.regex.Pattern.compile("[0-9]+(\\.[0-9]+)?");

    public static Amount zero(Token token) {
        return new Amount(BigInteger.ZERO, Objects.requireNonNull(token, "token"));
    }

    /** The integer amount in the token's smallest unit (wei for ether and 18-decimal tokens). */
    public BigInteger wei() {
        return wei;
    }

    /** The human amount, exact, e.g. {@code 250.5}. */
    public BigDecimal decimal() {
        return new BigDecimal(wei, token.decimals()).stripTrailingZeros();
    }

    public Token token() {
        return token;
    }

    public boolean isZero() {
        return wei.signum() == 0;
    }

    public Amount plus(Amount other) {
        return ofWei(wei.add(sameToken(other).wei), token);
    }

    /** @throws InvalidInputException when the result would be negative */
    public Amount minus(Amount other) {
        BigInteger result = wei.subtract(sameToken(other).wei);
        if (result.signum() < 0) {
            throw new InvalidInputException(ErrorCode.OUT_OF_RANGE, "cannot subtract " + other + " from " + this);
        }
        return new Amount(result, token);
    }

    public boolean isGreaterThan(Amount other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Amount other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(Amount other) {
        return wei.compareTo(sameToken(other).wei);
    }

    /** The human amount without exponent, e.g. {@code 1000000.25}. */
    public String toPlainString() {
        return decimal().toPlainString();
    }

    /** The human amount with thousands separators, e.g. {@code 1,000,000.25}. */
    public String format() {
        BigDecimal d = decimal();
        String whole = String.format(Locale.ROOT, "%,d", d.toBigInteger());
        String plain = d.toPlainString();
        int dot = plain.indexOf('.');
        return dot < 0 ? whole : whole + plain.substring(dot);
    }

    /**
     * The human form followed by the smallest unit in brackets, e.g. {@code 0.0021 ETH (2100000000000000 wei)}:
     * for fees and shortfalls, where both a person and a block explorer read along.
     */
    public String toStringWithWei() {
        return this + " (" + wei + (token.decimals() == 18 ? " wei)" : " base units)");
    }

    private Amount sameToken(Amount other) {
        Objects.requireNonNull(other, "other");
        if (!token.equals(other.token)) {
            boolean sameContract = token.address() != null && token.address().equalsIgnoreCase(other.token.address());
            throw new InvalidInputException(ErrorCode.WRONG_TOKEN, sameContract
                    ? "different chains: " + token.symbol() + " on chain " + token.chainId().getAsLong() + " and on chain "
                            + other.token.chainId().getAsLong()
                    : "different tokens: " + token.symbol() + " and " + other.token.symbol());
        }
        return other;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Amount a && wei.equals(a.wei) && token.equals(a.token);
    }

    @Override
    public int hashCode() {
        return 31 * wei.hashCode() + token.hashCode();
    }

    /** E.g. {@code 250.5 USDC}. */
    @Override
    public String toString() {
        return toPlainString() + " " + token.symbol();
    }
}
