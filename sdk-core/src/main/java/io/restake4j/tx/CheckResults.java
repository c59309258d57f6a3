package io.restake4j.tx;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The values an operation's {@link Check}s read in one run, at the state its steps were simulated on.
 *
 * <pre>{@code
 * plan.stepIf(results -> results.get(allowance).compareTo(amount) < 0, approveStep);
 * }</pre>
 */
public final class CheckResults {

    private final Map<Check<?>, Object> values = new IdentityHashMap<>();

    /** The value read by {@code check}. */
    @SuppressWarnings("unchecked")
    public <T> T get(Check<T> check) {
        if (!values.containsKey(check)) {
            throw new IllegalArgumentException("check '" + check.description() + "' is not part of this operation");
        }
        return (T) values.get(check);
    }

    void put(Check<?> check, Object value) {
        values.put(check, value);
    }
}
