package io.restake4j.tokens;

/**
 * How much to approve when a protocol must pull tokens and the allowance is short.
 *
 * <pre>{@code
 * EigenLayer el = client.eigenLayer();
 * el.deposit(amount, el.strategyFor(amount.token()), ApprovalPolicy.UNLIMITED).send();
 * }</pre>
 */
public enum ApprovalPolicy {
    /** Exactly the amount to be pulled (the default: no standing allowance left behind). */
    EXACT,
    /** {@code 2^256-1}, so later pulls need no approval; only when the user asks for it. */
    UNLIMITED
}
