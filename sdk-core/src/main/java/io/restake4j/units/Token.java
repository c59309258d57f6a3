package io.restake4j.units;

import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;

import java.util.Locale;
import java.util.Objects;

/**
 * What an {@link Amount} is counted in: an ERC-20 token (address, symbol, decimals, and the chain it lives on where
 * known) or native ether. The tokens a client gives ({@code client.tokens().token(address)}, {@code lido.wstETH()},
 * ...) know their chain, so an amount of a token on one chain is refused by a client of another, and amounts of
 * the same contract address on two chains (two devnets, a CREATE2 deployment) neither compare nor add.
 *
 * <pre>{@code
 * Token usdc = Token.erc20("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48", "USDC", 6);   // any chain
 * Token usdcOnMainnet = usdc.onChain(1);
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
    private final Long chainId;

    private Token(String address, String symbol, int decimals) {
        this(address, symbol, decimals, null);
    }

    private Token(String address, String symbol, int decimals, Long chainId) {
        this.address = address;
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.decimals = decimals;
        this.chainId = chainId;
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

    /**
     * An ERC-20 token on chain {@code chainId}.
     *
     * @throws InvalidInputException for a malformed address, out-of-range decimals or a chain id that is not positive
     */
    public static Token erc20(long chainId, String address, String symbol, int decimals) {
        return erc20(address, symbol, decimals).onChain(chainId);
    }

    /**
     * This ERC-20 token on chain {@code chainId}. Native ether is not tied to a chain: {@link #ETH} is returned as
     * it is.
     *
     * @throws InvalidInputException when the chain id is not positive, or the token already names another chain
     */
    public Token onChain(long chainId) {
        if (chainId <= 0) {
            throw new InvalidInputException(ErrorCode.OUT_OF_RANGE, "a chain id is positive, was " + chainId);
        }
        if (isNative()) {
            return this;
        }
        if (this.chainId != null && this.chainId != chainId) {
            throw new InvalidInputException(ErrorCode.TOKEN_MISMATCH, this + " is on chain " + this.chainId + ", not "
                    + chainId);
        }
        return new Token(address, symbol, decimals, chainId);
    }

    /** The chain the token lives on, where known (the client's tokens know it; {@code erc20(address, ...)} does not). */
    public java.util.OptionalLong chainId() {
        return chainId == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(chainId);
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

    /**
     * Tokens are equal when they are both native, or the same contract (addresses compared case-insensitively) on
     * the same chain; a token that names no chain matches its contract on any chain.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Token t && (address == null ? t.address == null
                : t.address != null && address.toLowerCase(Locale.ROOT).equals(t.address.toLowerCase(Locale.ROOT))
                        && (chainId == null || t.chainId == null || chainId.equals(t.chainId)));
    }

    @Override
    public int hashCode() {
        return address == null ? 0 : address.toLowerCase(Locale.ROOT).hashCode();
    }

    @Override
    public String toString() {
        return isNative() ? symbol : symbol + "(" + address + ", " + decimals + " decimals"
                + (chainId == null ? "" : ", chain " + chainId) + ")";
    }
}
