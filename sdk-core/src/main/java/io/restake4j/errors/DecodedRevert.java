package io.restake4j.errors;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Why a call reverted, decoded from its revert data: {@code Error(string)}, {@code Panic(uint256)}
 * with its meaning, a custom error declared in any known ABI (by name and typed arguments), or the
 * raw data when the selector is unknown.
 *
 * <pre>{@code
 * DecodedRevert r = e.revert();
 * if (r.kind() == DecodedRevert.Kind.CUSTOM && r.name().equals("ERC20InsufficientBalance")) {
 *     BigInteger needed = (BigInteger) r.arguments().get(2);
 * }
 * System.out.println(r); // ERC20InsufficientBalance(sender=0x70997970..., balance=0, needed=1)
 * }</pre>
 *
 * @param kind          what sort of revert
 * @param name          the error's name ({@code Error}, {@code Panic}, the custom error's name), or empty
 * @param signature     canonical signature, e.g. {@code ERC20InsufficientBalance(address,uint256,uint256)}, or empty
 * @param argumentNames parameter names where the ABI has them (else {@code arg0}, ...)
 * @param arguments     decoded values: {@code String} for addresses and strings, {@code BigInteger} for
 *                      integers, {@code Boolean}, {@code byte[]}, {@code List} for arrays
 * @param data          the raw revert data, 0x-hex ({@code 0x} when the revert carried none)
 * @param detail        a human explanation where one exists (a panic's meaning), else empty
 */
public record DecodedRevert(Kind kind, String name, String signature, List<String> argumentNames, List<Object> arguments,
        String data, String detail) {

    /** What sort of revert data this was. */
    public enum Kind {
        /** {@code Error(string)}, from {@code require(cond, "reason")} or {@code revert("reason")}. */
        ERROR_STRING,
        /** {@code Panic(uint256)}: assert, arithmetic overflow, division by zero, bad index... */
        PANIC,
        /** A custom error found in a known ABI. */
        CUSTOM,
        /** A selector no known ABI declares; see {@link #data()}. */
        UNKNOWN,
        /** The revert carried no data ({@code revert()}, or a failed call without reason). */
        EMPTY
    }

    public DecodedRevert {
        Objects.requireNonNull(kind, "kind");
        name = name == null ? "" : name;
        signature = signature == null ? "" : signature;
        argumentNames = List.copyOf(argumentNames == null ? List.of() : argumentNames);
        arguments = arguments == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(arguments));
        data = data == null ? "0x" : data;
        detail = detail == null ? "" : detail;
    }

    /** The 4-byte selector of the data, or {@code 0x} when there is none. */
    public String selector() {
        return data.length() >= 10 ? data.substring(0, 10) : "0x";
    }

    /**
     * A readable one-line form: {@code Error("not allowed")}, {@code Panic(0x12: division or modulo by zero)},
     * {@code Name(arg=value, ...)}, {@code unknown error 0x12345678 (data 0x...)} or {@code revert without data}.
     */
    @Override
    public String toString() {
        return switch (kind) {
            case ERROR_STRING -> "Error(\"" + arguments.get(0) + "\")";
            case PANIC -> "Panic(" + detail + ")";
            case CUSTOM -> name + IntStream.range(0, arguments.size())
                    .mapToObj(i -> argumentNames.get(i) + "=" + show(arguments.get(i)))
                    .collect(Collectors.joining(", ", "(", ")"));
            case UNKNOWN -> "unknown error " + selector() + " (data " + data + ")";
            case EMPTY -> detail.isEmpty() ? "revert without data" : "revert, reason unknown (" + detail + ")";
        };
    }

    private static String show(Object value) {
        if (value instanceof byte[] bytes) {
            return org.web3j.utils.Numeric.toHexString(bytes);
        }
        if (value instanceof String s && !s.startsWith("0x")) {
            return "\"" + s + "\"";
        }
        return String.valueOf(value);
    }
}
