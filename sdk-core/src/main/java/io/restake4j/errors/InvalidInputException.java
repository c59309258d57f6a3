package io.restake4j.errors;

/**
 * The caller asked for something that cannot be done, found before anything is signed or sent:
 * a zero or malformed amount or address, more than the balance, a token with no contract, a value
 * outside a protocol's limits.
 *
 * <pre>{@code
 * catch (InvalidInputException e) { showToUser(e.getMessage()); } // e.g. "transfer of 12 dUSD exceeds the balance of 10 dUSD"
 * }</pre>
 */
public class InvalidInputException extends RestakeException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }
}
