package io.restake4j.errors;

import java.math.BigInteger;

/**
 * The next block's base fee alone is above the fee cap a strategy was configured with, so no
 * transaction within the cap can be included now; nothing is signed. Not {@link #isRetryable()
 * retryable} in the "send it again now" sense: wait for the base fee to fall, or raise the cap.
 *
 * <pre>{@code
 * catch (FeeCapExceededException e) {
 *     log.info("base fee {} wei is above our cap {} wei; trying again in a minute", e.baseFeePerGas(), e.maxFeeCap());
 * }
 * }</pre>
 */
public class FeeCapExceededException extends RestakeException {

    private static final long serialVersionUID = 1L;

    private final BigInteger baseFeePerGas;
    private final BigInteger maxFeeCap;

    public FeeCapExceededException(BigInteger baseFeePerGas, BigInteger maxFeeCap) {
        super("the next block's base fee " + baseFeePerGas + " wei is above the max fee cap " + maxFeeCap
                + " wei: no transaction within the cap can be included now");
        this.baseFeePerGas = baseFeePerGas;
        this.maxFeeCap = maxFeeCap;
    }

    /** The next block's base fee per gas, in wei. */
    public BigInteger baseFeePerGas() {
        return baseFeePerGas;
    }

    /** The configured cap on the max fee per gas, in wei. */
    public BigInteger maxFeeCap() {
        return maxFeeCap;
    }
}
