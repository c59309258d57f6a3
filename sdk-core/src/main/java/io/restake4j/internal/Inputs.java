package io.restake4j.internal;

import java.util.regex.Pattern;

import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/** Input checks shared by every facade; each failure names the parameter and the value. */
public final class Inputs {

    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final String ZERO = "0x0000000000000000000000000000000000000000";
    /**
     * The opt-in strict mode: with {@code -Drestake4j.strictChecksums=true} every address entering the API must be in
     * its EIP-55 mixed-case form; all-lower and all-upper case (which carry no checksum) are refused too. JVM-wide,
     * read at each check.
     */
    public static final String STRICT_CHECKSUMS_PROPERTY = "restake4j.strictChecksums";

    private Inputs() {
    }

    /**
     * A 20-byte hex address that is not the zero address. A mixed-case address must carry a valid EIP-55
     * checksum (a typo in a checksummed address is refused); all-lower and all-upper case carry none and are
     * accepted, as EIP-55 says.
     */
    public static String address(String value, String what) {
        checksummed(value, what);
        if (value.equalsIgnoreCase(ZERO)) {
            throw new InvalidInputException(ErrorCode.ZERO_ADDRESS, what, what + " is the zero address");
        }
        return value;
    }

    /**
     * {@code value} if it is "0x" and 40 hex digits whose letter case is either uniform or a valid EIP-55
     * checksum; the zero address is allowed.
     *
     * @throws InvalidInputException MALFORMED_ADDRESS or BAD_CHECKSUM (naming the checksummed form)
     */
    public static String checksummed(String value, String what) {
        if (value == null || !ADDRESS.matcher(value).matches()) {
            throw new InvalidInputException(value == null ? ErrorCode.MISSING : ErrorCode.MALFORMED_ADDRESS, what,
                    what + " is not an address (0x and 40 hex digits): " + value);
        }
        String digits = value.substring(2);
        boolean mixed = !digits.equals(digits.toLowerCase(java.util.Locale.ROOT))
                && !digits.equals(digits.toUpperCase(java.util.Locale.ROOT));
        boolean hasLetters = !digits.equals(digits.toLowerCase(java.util.Locale.ROOT))
                || !digits.equals(digits.toUpperCase(java.util.Locale.ROOT));
        if (!mixed && hasLetters && Boolean.getBoolean(STRICT_CHECKSUMS_PROPERTY)) {
            String expected = org.web3j.crypto.Keys.toChecksumAddress(value.toLowerCase(java.util.Locale.ROOT));
            throw new InvalidInputException(ErrorCode.BAD_CHECKSUM, what, what + " " + value + " carries no EIP-55 "
                    + "checksum, and " + STRICT_CHECKSUMS_PROPERTY + " is set: give it as " + expected);
        }
        if (mixed) {
            String expected = org.web3j.crypto.Keys.toChecksumAddress(value.toLowerCase(java.util.Locale.ROOT));
            if (!expected.equals(value)) {
                throw new InvalidInputException(ErrorCode.BAD_CHECKSUM, what, what + " " + value + " has a wrong EIP-55 "
                        + "checksum (mistyped?): the checksummed form of these digits is " + expected + "; check the "
                        + "address, or give it in all lower case to skip the checksum");
            }
        }
        return value;
    }

    /** A 20-byte hex address, the zero address allowed (an optional referral, for example). */
    public static String addressOrZero(String value, String what) {
        return ZERO.equalsIgnoreCase(value) ? value : address(value, what);
    }

    /** An amount greater than zero. */
    public static Amount positive(Amount amount, String what) {
        if (amount == null) {
            throw new InvalidInputException(ErrorCode.MISSING, what + " is missing");
        }
        if (amount.isZero()) {
            throw new InvalidInputException(ErrorCode.NOT_POSITIVE, what + " must be greater than zero, was 0 " + amount.token().symbol());
        }
        return amount;
    }

    /**
     * A positive amount of an ERC-20 token (not ETH).
     *
     * @param hint what to do with ETH instead, for the message
     */
    public static Amount erc20Amount(Amount amount, String what, String hint) {
        positive(amount, what);
        if (amount.token().address() == null) {
            throw new InvalidInputException(ErrorCode.WRONG_TOKEN, what, what + " is " + amount + ", but an ERC-20 token is"
                    + " needed here: " + hint);
        }
        return amount;
    }

    /** A positive amount of {@code expected} (compared by address; ETH is the token without one). */
    public static Amount amountOf(Amount amount, Token expected, String what) {
        positive(amount, what);
        if (!amount.token().equals(expected)) {
            throw new InvalidInputException(ErrorCode.WRONG_TOKEN, what + ": expected an amount of " + describe(expected) + ", got "
                    + describe(amount.token()));
        }
        return amount;
    }

    /** {@code value} as 32 bytes: "0x" and 64 hex digits. */
    public static byte[] bytes32(String value, String what) {
        if (value == null || !value.matches("0x[0-9a-fA-F]{64}")) {
            throw new InvalidInputException(ErrorCode.MALFORMED_BYTES, what + " must be 0x followed by 64 hex digits, was " + value);
        }
        return org.web3j.utils.Numeric.hexStringToByteArray(value);
    }

    public static java.time.Instant future(java.time.Instant deadline, String what) {
        if (deadline == null || !deadline.isAfter(java.time.Instant.now())) {
            throw new InvalidInputException(ErrorCode.EXPIRED, what + " must be in the future, was " + deadline);
        }
        return deadline;
    }

    /** A positive duration (a validity, a timeout). */
    public static java.time.Duration positive(java.time.Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new InvalidInputException(ErrorCode.NOT_POSITIVE, what + " must be positive, was " + d);
        }
        return d;
    }

    private static String describe(Token token) {
        return token.address() == null ? token.symbol() : token.symbol() + " (" + token.address()
                + (token.chainId().isPresent() ? ", chain " + token.chainId().getAsLong() : "") + ")";
    }

    /**
     * Refuses a token of another chain than {@code network}'s: the same address there is another contract, or none.
     * A token that names no chain passes.
     */
    public static Token onChain(Token token, io.restake4j.network.Network network, String what) {
        if (token.chainId().isPresent() && token.chainId().getAsLong() != network.chainId()) {
            throw new InvalidInputException(ErrorCode.WRONG_TOKEN, what + ": " + describe(token) + " is a token of chain "
                    + token.chainId().getAsLong() + ", and this client is on " + network.name() + " (chain "
                    + network.chainId() + ")");
        }
        return token;
    }
}
