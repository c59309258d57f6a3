package io.restake4j.errors;

import java.util.Objects;
import java.util.Optional;

/**
 * Refused before anything is signed or sent: a malformed or zero amount or address, a wrong token, more than
 * the balance, a value outside a protocol's limits, a client on the wrong chain. Every refusal carries an
 * {@link ErrorCode} (and so a {@link ErrorCode.Kind}: argument, precondition or configuration) and, for an
 * argument, the parameter's name; branch on those, not on the message, which is for people.
 *
 * <pre>{@code
 * try { client.lido().stake(Amount.parse(input, Token.ETH)).send(); }
 * catch (InvalidInputException e) {
 *     if (e.code() == ErrorCode.INSUFFICIENT_GAS_FUNDS) showTopUp(((InsufficientFundsException) e).shortfall());
 *     else if (e.kind() == ErrorCode.Kind.ARGUMENT) showToUser(e.parameter().orElse("amount"), e.getMessage());
 *     else throw e;
 * }
 * }</pre>
 */
public class InvalidInputException extends RestakeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String parameter;

    /**
     * @param code      what was refused
     * @param parameter the argument's name as the caller knows it, or null when the refusal is not about one
     * @param message   what went wrong, in units, for people
     */
    public InvalidInputException(ErrorCode code, String parameter, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.parameter = parameter;
    }

    /** A refusal not about one named parameter. */
    public InvalidInputException(ErrorCode code, String message) {
        this(code, null, message);
    }

    /** What was refused. */
    public ErrorCode code() {
        return code;
    }

    /** Whether the argument, the chain's state or the configuration is at fault ({@code code().kind()}). */
    public ErrorCode.Kind kind() {
        return code.kind();
    }

    /** The argument refused, as the method names it (e.g. "amount", "recipient"), when the refusal is about one. */
    public Optional<String> parameter() {
        return Optional.ofNullable(parameter);
    }
}
