package io.restake4j.liquid.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;

/**
 * How a withdrawal of any size becomes requests a queue accepts: as many full requests of {@code max} as
 * fit, then the rest; a rest below {@code min} borrows the difference from the full request before it
 * (which stays at or above {@code min}, since {@code max >= 2 * min} on every queue we know, and is
 * checked here).
 *
 * <pre>{@code
 * RequestSplit.split(eth(2500), BigInteger.valueOf(100), eth(1000), "a Lido withdrawal request", "stETH");
 * // [1000 ETH, 1000 ETH, 500 ETH] in wei
 * }</pre>
 */
public final class RequestSplit {

    private RequestSplit() {
    }

    /**
     * The parts of {@code total}, each within [{@code min}, {@code max}], in order; their sum is {@code total}.
     *
     * @param what how to name one request in a refusal, e.g. "a Lido withdrawal request"
     * @param unit the token the amounts are in, e.g. "stETH"
     * @throws InvalidInputException when {@code total} is below {@code min}
     */
    public static List<BigInteger> split(BigInteger total, BigInteger min, BigInteger max, String what, String unit) {
        if (total.compareTo(min) < 0) {
            throw new InvalidInputException(ErrorCode.BELOW_MINIMUM, what + " needs at least " + min + " wei of " + unit + ", was " + total);
        }
        if (max.compareTo(min.shiftLeft(1)) < 0) {
            throw new IllegalStateException(what + ": the maximum " + max + " is below twice the minimum " + min);
        }
        List<BigInteger> parts = new ArrayList<>();
        BigInteger left = total;
        while (left.compareTo(max) > 0) {
            parts.add(max);
            left = left.subtract(max);
        }
        if (left.compareTo(min) < 0) {
            // only possible after a full part: move the shortfall from it (max - shortfall stays >= min)
            BigInteger shortfall = min.subtract(left);
            parts.set(parts.size() - 1, max.subtract(shortfall));
            left = min;
        }
        parts.add(left);
        return parts;
    }
}
