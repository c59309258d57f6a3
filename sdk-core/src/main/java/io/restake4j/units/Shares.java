package io.restake4j.units;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A number of a protocol's shares, kept apart from token amounts: stETH shares, eETH shares, rETH (whose balance
 * is its share count). Shares are whole units with no decimals of their own; what they are worth is a protocol's
 * rate, never a fixed factor.
 *
 * <pre>{@code
 * Shares s = client.lido().stake(Amount.parse("1", Token.ETH)).send().shares();
 * System.out.println(s);                       // e.g. "999999999999999998 stETH shares"
 * BigInteger raw = s.value();
 * }</pre>
 *
 * @param value the count, zero or more
 * @param unit  what is counted, e.g. "stETH shares"
 */
public record Shares(BigInteger value, String unit) implements Comparable<Shares> {

    public Shares {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("a share count cannot be negative, was " + value);
        }
    }

    public static Shares of(BigInteger value, String unit) {
        return new Shares(value, unit);
    }

    public static Shares zero(String unit) {
        return new Shares(BigInteger.ZERO, unit);
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    /** The sum with {@code other}, which must count the same unit. */
    public Shares plus(Shares other) {
        if (!unit.equals(other.unit)) {
            throw new IllegalArgumentException("cannot add " + other.unit + " to " + unit);
        }
        return new Shares(value.add(other.value), unit);
    }

    @Override
    public int compareTo(Shares other) {
        if (!unit.equals(other.unit)) {
            throw new IllegalArgumentException("cannot compare " + other.unit + " with " + unit);
        }
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value + " " + unit;
    }
}
