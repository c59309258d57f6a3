package io.restake4j.tx.internal;

import io.restake4j.tx.Check;
import io.restake4j.tx.CheckResults;

/**
 * The pipeline's way to evaluate {@link Check}s and fill {@link CheckResults} without those methods being
 * public API: the {@code io.restake4j.tx} package installs the bridge once, when {@link Check} is loaded.
 */
public final class Checks {

    /** What the pipeline may do with checks. */
    public interface Bridge {
        /** Decodes a check's answer and applies its rules. */
        Object evaluate(Check<?> check, boolean success, String returnData);

        /** Records a check's value in the results of one run. */
        void record(CheckResults results, Check<?> check, Object value);
    }

    private static volatile Bridge bridge;

    private Checks() {
    }

    /**
     * Installs the bridge; called once by {@link Check}.
     *
     * @throws IllegalStateException on a second call
     */
    public static synchronized void install(Bridge b) {
        if (bridge != null) {
            throw new IllegalStateException("the check bridge is installed already");
        }
        bridge = b;
    }

    static Object evaluate(Check<?> check, boolean success, String returnData) {
        return bridge.evaluate(check, success, returnData); // Check is loaded: the caller holds one
    }

    static void record(CheckResults results, Check<?> check, Object value) {
        bridge.record(results, check, value);
    }
}
