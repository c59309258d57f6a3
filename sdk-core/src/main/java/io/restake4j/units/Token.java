package io.restake4j.units;

import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;

import java.util.Locale;
import java.util.Objects;

/**
 * What an {@link Amount} is counted in: an ERC-20 token (address, symbol, decimals) or native ether.
 *
 * <pre>{@code
 * Token usdc = Token.erc20("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48", "USDC", 6);
 * Amount fee = Amount.parse("1.25", usdc);     // 1250000 units
 * Amount gas = Amount.parse("0.002", Token.ETH);
 * }</pre>
 */
public final class Token {


    /** Native ether (18 decimals, no contract address). */
    public static final Token ETH = new Token(null, "ETH", 18);

    private final String address;
    private final String symbol;
    private final int decimals;

    private Token(String address, String symbol, int decimals) {
        this.address = address;
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.decimals = decimals;
    }

    /**
     * An ERC-20 token. Decimals are 0..77 (a uint256 holds 77 full decimal digits).
     *
     * @throws InvalidInputException for a malformed address or out-of-range decimals
     */
    public static Token erc20(String address, String symbol, int decimals) {
        io.restake4j.internal.Inputs.checksummed(address, "token address");
        if (decimals < 0 || decimals > 77) {
            throw new InvalidInputException(ErrorCode.OUT_OF_RANGE, "decimals must be 0..77, was " + decimals);
        }
        return new Token(address, symbol, decimals);
    }

    /** The contract address; {@code null} for {@link #ETH}. */
    public String address() {
        return address;
    }

    public boolean isNative() {
        return address == null;
    }

    public String symbol() {
        return symbol;
    }

    public int decimals() {
        return decimals;
    }

    /** Tokens are equal when they are the same contract (addresses compared case-insensitively) or both native. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Token t && (address == null ? t.address == null
                : t.address != null && address.toLowerCase(Locale.ROOT).equals(t.address.toLowerCase(Locale.ROOT)));
    }

    @Override
    public int hashCode() {
        return address == null ? 0 : address.toLowerCase(Locale.ROOT).hashCode();
    }

    @Override
    public String toString() {
        return isNative() ? symbol : symbol + "(" + address + ", " + decimals + " decimals)";
    }
}
