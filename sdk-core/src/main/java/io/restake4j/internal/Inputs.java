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

    private Inputs() {
    }

    /** A 20-byte hex address that is not the zero address. */
    public static String address(String value, String what) {
        if (value == null || !ADDRESS.matcher(value).matches()) {
            throw new InvalidInputException(ErrorCode.MALFORMED_ADDRESS, what + " is not an address: " + value);
        }
        if (value.equalsIgnoreCase(ZERO)) {
            throw new InvalidInputException(ErrorCode.ZERO_ADDRESS, what + " is the zero address");
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

    /** A positive amount of {@code expected} (compared by address; ETH is the token without one). */
    public static Amount amountOf(Amount amount, Token expected, String what) {
        positive(amount, what);
        if (!amount.token().equals(expected)) {
            throw new InvalidInputException(ErrorCode.WRONG_TOKEN, what + ": expected an amount of " + describe(expected) + ", got "
                    + describe(amount.token()));
        }
        return amount;
    }

    /** A moment in the future (a deadline). */
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
        return token.address() == null ? token.symbol() : token.symbol() + " (" + token.address() + ")";
    }
}
