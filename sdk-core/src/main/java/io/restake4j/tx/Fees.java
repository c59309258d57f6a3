package io.restake4j.tx;

import java.math.BigInteger;
import java.util.Objects;

/**
 * What a transaction offers to pay per unit of gas: EIP-1559 fees, or a legacy gas price.
 *
 * <pre>{@code
 * Fees fees = new Fees.Eip1559(gwei(30), gwei(1));
 * BigInteger worstCase = fees.maxFeePerGas().multiply(gasLimit);
 * }</pre>
 */
public sealed interface Fees permits Fees.Eip1559, Fees.Legacy {

    /** The most the transaction can pay per gas. */
    BigInteger maxFeePerGas();

    /** {@code wei} per gas in gwei, exactly, e.g. {@code 1.5 gwei}. */
    static String inGwei(BigInteger wei) {
        return new java.math.BigDecimal(wei).movePointLeft(9).stripTrailingZeros().toPlainString() + " gwei";
    }

    /** EIP-1559 (type 2) fees. */
    record Eip1559(BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas) implements Fees {
        public Eip1559 {
            Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
            Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
            if (maxPriorityFeePerGas.signum() < 0 || maxFeePerGas.compareTo(maxPriorityFeePerGas) < 0) {
                throw new IllegalArgumentException("need 0 <= maxPriorityFeePerGas <= maxFeePerGas, got "
                        + maxPriorityFeePerGas + " and " + maxFeePerGas);
            }
        }

        /** E.g. {@code EIP-1559 fees: at most 30 gwei per gas, priority 1 gwei}. */
        @Override
        public String toString() {
            return "EIP-1559 fees: at most " + Fees.inGwei(maxFeePerGas) + " per gas, priority " + Fees.inGwei(maxPriorityFeePerGas);
        }
    }

    /** A legacy (type 0) gas price, for chains without EIP-1559. */
    record Legacy(BigInteger gasPrice) implements Fees {
        public Legacy {
            Objects.requireNonNull(gasPrice, "gasPrice");
            if (gasPrice.signum() < 0) {
                throw new IllegalArgumentException("gas price cannot be negative: " + gasPrice);
            }
        }

        @Override
        public BigInteger maxFeePerGas() {
            return gasPrice;
        }

        /** E.g. {@code legacy gas price 20 gwei}. */
        @Override
        public String toString() {
            return "legacy gas price " + Fees.inGwei(gasPrice);
        }
    }
}
