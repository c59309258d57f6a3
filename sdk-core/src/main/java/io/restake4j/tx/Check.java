package io.restake4j.tx;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.tx.Contract;

import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.read.WrapperLoader;

/**
 * A typed read an operation needs before anything is signed: a balance to cover, an allowance that
 * decides whether an approval is needed, a contract that must exist. Checks run at the start of the
 * operation's simulation, so they see exactly the state its steps will; a failing check throws
 * {@link InvalidInputException} and nothing is signed.
 *
 * <p>Immutable; the values read live in the {@link CheckResults} of each run.
 *
 * <pre>{@code
 * Check<BigInteger> balance = Check.of("dUSD balance", ERC20::load, token, e -> e.call_balanceOf(owner))
 *         .require(ErrorCode.INSUFFICIENT_BALANCE, b -> b.compareTo(amount) >= 0,
 *                 b -> "transfer of " + amount + " exceeds the balance of " + b);
 * }</pre>
 *
 * @param <T> the read's value type
 */
public final class Check<T> {

    static {
        io.restake4j.tx.internal.Checks.install(new io.restake4j.tx.internal.Checks.Bridge() {
            @Override
            public Object evaluate(Check<?> check, boolean success, String returnData) {
                return check.evaluate(success, returnData);
            }

            @Override
            public void record(CheckResults results, Check<?> check, Object value) {
                results.put(check, value);
            }
        });
    }

    private final String description;
    private final Step call;
    private final Consumer<T> validator;
    private final boolean requireCode;

    private Check(String description, Step call, Consumer<T> validator, boolean requireCode) {
        this.description = description;
        this.call = call;
        this.validator = validator;
        this.requireCode = requireCode;
    }

    /** A read through a generated wrapper; by default the target must be a contract that answers. */
    public static <C extends Contract, T> Check<T> of(String description, WrapperLoader<C> loader, String address,
            Function<C, RemoteFunctionCall<T>> read) {
        return new Check<>(description, Step.of(description, loader, address, read), v -> { }, true);
    }

    /**
     * Adds a rule: when {@code rule} is false for the value, the operation fails with an
     * {@link InvalidInputException} with code {@link ErrorCode#PROTOCOL_STATE} carrying {@code message}; see
     * {@link #require(ErrorCode, java.util.function.Predicate, Function)} to name a more precise code.
     */
    public Check<T> require(java.util.function.Predicate<T> rule, Function<T, String> message) {
        return require(ErrorCode.PROTOCOL_STATE, rule, message);
    }

    /**
     * Adds a rule: when {@code rule} is false for the value, the operation fails with an
     * {@link InvalidInputException} with {@code code} (a precondition, typically) carrying {@code message}.
     */
    public Check<T> require(ErrorCode code, java.util.function.Predicate<T> rule, Function<T, String> message) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        return requireOr(rule, v -> new InvalidInputException(code, message.apply(v)));
    }

    /**
     * Adds a rule: when {@code rule} is false for the value, the operation fails with the exception
     * {@code failure} makes of it (an {@link io.restake4j.errors.InsufficientFundsException} with the figures,
     * for example).
     */
    public Check<T> requireOr(java.util.function.Predicate<T> rule, Function<T, ? extends InvalidInputException> failure) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(failure, "failure");
        Consumer<T> previous = validator;
        return new Check<>(description, call, v -> {
            previous.accept(v);
            if (!rule.test(v)) {
                throw failure.apply(v);
            }
        }, requireCode);
    }

    public String description() {
        return description;
    }

    /** The call that performs the read. */
    public Step call() {
        return call;
    }

    /**
     * Decodes the read's answer and applies the rules (for the pipeline, through its bridge).
     *
     * @throws InvalidInputException when the read reverted, the target answered nothing (no contract),
     *                               or a rule fails
     */
    @SuppressWarnings("unchecked")
    T evaluate(boolean success, String returnData) {
        if (!success) {
            throw new InvalidInputException(ErrorCode.PROTOCOL_STATE, description + ": the read reverted at " + call.to());
        }
        if (requireCode && (returnData == null || returnData.length() <= 2)) {
            throw new InvalidInputException(ErrorCode.UNKNOWN_DEPLOYMENT, description + ": there is no contract at " + call.to());
        }
        T v = (T) call.decodeResult(returnData);
        validator.accept(v);
        return v;
    }

    @Override
    public String toString() {
        return "Check[" + description + "]";
    }
}
