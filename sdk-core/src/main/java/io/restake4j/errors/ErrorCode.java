package io.restake4j.errors;

/**
 * What exactly was refused, as a stable code to branch on (never parse messages). Each code belongs to one
 * {@link Kind}: the caller's argument, the chain's state at the time, or the client's configuration.
 *
 * <pre>{@code
 * catch (InvalidInputException e) {
 *     switch (e.kind()) {
 *         case ARGUMENT -> form.showError(e.parameter().orElse("input"), e.getMessage());  // the user typed it
 *         case PRECONDITION -> form.showWarning(e.getMessage());        // e.g. INSUFFICIENT_BALANCE: top up first
 *         case CONFIGURATION -> alertOperators(e);                      // e.g. CHAIN_MISMATCH: fix the deployment
 *     }
 * }
 * }</pre>
 */
public enum ErrorCode {

    // --- the caller's argument -------------------------------------------------------------------------------
    /** A required argument is null or empty. */
    MISSING(Kind.ARGUMENT),
    /** An amount's text is not a plain decimal number (see {@link io.restake4j.units.Amount#parse}). */
    MALFORMED_AMOUNT(Kind.ARGUMENT),
    /** An amount is zero or negative where it must be positive. */
    NOT_POSITIVE(Kind.ARGUMENT),
    /** An amount has more decimal places than its token. */
    TOO_PRECISE(Kind.ARGUMENT),
    /** A number is outside the range its field can hold (uint256, uint32, an index). */
    OUT_OF_RANGE(Kind.ARGUMENT),
    /** An amount of one token where another is needed (ETH where an ERC-20 is needed, for example). */
    WRONG_TOKEN(Kind.ARGUMENT),
    /** Not "0x" and 40 hex digits. */
    MALFORMED_ADDRESS(Kind.ARGUMENT),
    /** A mixed-case address whose EIP-55 checksum does not match: most likely a typo. */
    BAD_CHECKSUM(Kind.ARGUMENT),
    /** The zero address where a real account or contract is needed. */
    ZERO_ADDRESS(Kind.ARGUMENT),
    /** Hex bytes of the wrong form or length (a hash, a root, a signature part). */
    MALFORMED_BYTES(Kind.ARGUMENT),
    /** A deadline, expiry or signature validity that has passed (or a duration that is not positive). */
    EXPIRED(Kind.ARGUMENT),
    /** A signature that is not 65 valid bytes, or does not recover to the expected signer. */
    BAD_SIGNATURE(Kind.ARGUMENT),
    /** Any other argument that cannot be used as given (a malformed proof or typed-data structure, for example). */
    INVALID_ARGUMENT(Kind.ARGUMENT),

    // --- the chain's state ------------------------------------------------------------------------------------
    /** The account holds less of the token than the operation moves ({@link InsufficientFundsException}). */
    INSUFFICIENT_BALANCE(Kind.PRECONDITION),
    /** The allowance is less than the operation spends and no approval step was planned. */
    INSUFFICIENT_ALLOWANCE(Kind.PRECONDITION),
    /** The account cannot pay the value plus the gas at the fee cap ({@link InsufficientFundsException}). */
    INSUFFICIENT_GAS_FUNDS(Kind.PRECONDITION),
    /** Below a protocol's minimum (a minimum deposit or withdrawal). */
    BELOW_MINIMUM(Kind.PRECONDITION),
    /** Above a protocol's maximum or current limit (a stake limit, a deposit pool's room, a vault cap). */
    ABOVE_MAXIMUM(Kind.PRECONDITION),
    /** Not possible yet: a withdrawal not finalized or still within its delay. */
    NOT_READY(Kind.PRECONDITION),
    /** The account may not do this: not the owner, not the claimer, not the approver. */
    NOT_PERMITTED(Kind.PRECONDITION),
    /** What the argument names does not exist on chain (a request id, a withdrawal root, a distribution root). */
    NOT_FOUND(Kind.PRECONDITION),
    /** Already done: claimed, completed, spent. */
    ALREADY_DONE(Kind.PRECONDITION),
    /** The protocol refuses it in its current state (deposits disabled, paused, nothing to claim). */
    PROTOCOL_STATE(Kind.PRECONDITION),

    // --- the client's configuration ---------------------------------------------------------------------------
    /** The client has no signer (or no account) for an operation that needs one. */
    NO_SIGNER(Kind.CONFIGURATION),
    /** The node serves another chain than the client's network ({@link ChainMismatchException}). */
    CHAIN_MISMATCH(Kind.CONFIGURATION),
    /** The network names no such deployment, or there is no contract (or not the expected one) at its address. */
    UNKNOWN_DEPLOYMENT(Kind.CONFIGURATION),
    /** A token's decimals or symbol as given differ from what its contract answers. */
    TOKEN_MISMATCH(Kind.CONFIGURATION),
    /** The RPC endpoint is not a usable http(s) URL. */
    INVALID_RPC_URL(Kind.CONFIGURATION),
    /** A private key or keystore that cannot be used. */
    INVALID_KEY(Kind.CONFIGURATION),
    /** A contract's EIP-712 domain differs from the one restake4j would sign for ({@link Eip712DomainMismatchException}). */
    EIP712_DOMAIN_MISMATCH(Kind.CONFIGURATION),
    /** Any other builder setting that cannot work. */
    INVALID_CONFIGURATION(Kind.CONFIGURATION);

    /** Who has to act: the caller (argument), the chain state (precondition) or whoever configured the client. */
    public enum Kind {
        /** The argument itself is wrong; showing the message to the user who typed it is right. */
        ARGUMENT,
        /** The argument is well formed but the chain's state refuses it now (balance, limits, readiness). */
        PRECONDITION,
        /** The client is set up wrongly (chain, deployment addresses, signer, RPC URL). */
        CONFIGURATION
    }

    private final Kind kind;

    ErrorCode(Kind kind) {
        this.kind = kind;
    }

    /** Whether the caller, the chain's state or the configuration is at fault. */
    public Kind kind() {
        return kind;
    }
}
