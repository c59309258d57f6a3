package io.restake4j.errors;

import java.util.Objects;

import io.restake4j.units.Amount;

/**
 * The account holds too little for the operation: of a token it moves ({@link ErrorCode#INSUFFICIENT_BALANCE}),
 * of allowance ({@link ErrorCode#INSUFFICIENT_ALLOWANCE}), or of ETH for the value plus gas at the fee cap
 * ({@link ErrorCode#INSUFFICIENT_GAS_FUNDS}). Found before signing; nothing was sent.
 *
 * <pre>{@code
 * catch (InsufficientFundsException e) {
 *     System.out.println("needs " + e.needed() + ", holds " + e.held() + ": top up " + e.shortfall());
 * }
 * }</pre>
 */
public class InsufficientFundsException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final transient Amount needed;
    private final transient Amount held;

    public InsufficientFundsException(ErrorCode code, Amount needed, Amount held, String message) {
        super(code, message);
        if (code.kind() != ErrorCode.Kind.PRECONDITION) {
            throw new IllegalArgumentException("not a precondition code: " + code);
        }
        this.needed = Objects.requireNonNull(needed, "needed");
        this.held = Objects.requireNonNull(held, "held");
    }

    /** What the operation needs (the amount moved; or the value plus the most the gas can cost). */
    public Amount needed() {
        return needed;
    }

    /** What the account holds (or has approved). */
    public Amount held() {
        return held;
    }

    /** How much more is needed: {@code needed - held}. */
    public Amount shortfall() {
        return needed.minus(held);
    }
}
