package io.restake4j.tx.fees;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.exceptions.ClientConnectionException;

import io.restake4j.errors.RpcException;
import io.restake4j.rpc.TransportFailures;
import io.restake4j.tx.Fees;

/**
 * The built-in {@link FeeStrategy fee strategies}: EIP-1559 fees from the node's fee history, a legacy
 * gas price, fixed fees, and {@link #auto()} which picks EIP-1559 or legacy for the node it meets.
 * All amounts are wei, as {@link BigInteger}. Every strategy is immutable and thread-safe (auto's
 * one-time decision included).
 *
 * <pre>{@code
 * FeeStrategy capped = FeeStrategies.eip1559()
 *         .maxFeeCap(FeeStrategies.gwei(80))
 *         .maxPriorityFeeCap(FeeStrategies.gwei(3))
 *         .build();
 * Fees fees = capped.fees(web3j);
 * }</pre>
 *
 * <p>Failures to ask the node (an {@link IOException}, web3j's {@link ClientConnectionException} for a
 * non-2xx HTTP answer, a JSON-RPC error answer) surface as {@link RpcException}, retryable as
 * {@link TransportFailures} classifies them.
 */
public final class FeeStrategies {

    private static final BigInteger WEI_PER_GWEI = BigInteger.TEN.pow(9);

    private FeeStrategies() {
    }

    /**
     * Starts an EIP-1559 strategy; see {@link Eip1559Strategy} for how the fees are computed.
     *
     * <pre>{@code
     * FeeStrategy fast = FeeStrategies.eip1559().rewardPercentile(75).build();
     * }</pre>
     */
    public static Eip1559Strategy.Builder eip1559() {
        return new Eip1559Strategy.Builder();
    }

    /**
     * Starts a legacy gas price strategy; see {@link LegacyStrategy}.
     *
     * <pre>{@code
     * FeeStrategy legacy = FeeStrategies.legacy().multiplier(new BigDecimal("1.1")).build();
     * }</pre>
     */
    public static LegacyStrategy.Builder legacy() {
        return new LegacyStrategy.Builder();
    }

    /**
     * Always the same fees, without asking the node. Its {@link FeeStrategy#batched(Web3j)} is
     * {@code null}: there is nothing to send.
     *
     * <pre>{@code
     * FeeStrategy fixed = FeeStrategies.fixed(new Fees.Eip1559(FeeStrategies.gwei(30), FeeStrategies.gwei(1)));
     * }</pre>
     */
    public static FeeStrategy fixed(Fees fees) {
        return new FixedStrategy(Objects.requireNonNull(fees, "fees"));
    }

    /**
     * EIP-1559 with the default settings where the node has base fees, a legacy gas price otherwise;
     * see {@link AutoStrategy}. The client's default.
     *
     * <pre>{@code
     * Fees fees = FeeStrategies.auto().fees(web3j);
     * }</pre>
     */
    public static AutoStrategy auto() {
        return new AutoStrategy(eip1559().build(), legacy().build());
    }

    /**
     * Like {@link #auto()}, with your settings for each side.
     *
     * <pre>{@code
     * FeeStrategy strategy = FeeStrategies.auto(
     *         FeeStrategies.eip1559().maxFeeCap(FeeStrategies.gwei(100)).build(),
     *         FeeStrategies.legacy().maxGasPriceCap(FeeStrategies.gwei(100)).build());
     * }</pre>
     */
    public static AutoStrategy auto(Eip1559Strategy eip1559, LegacyStrategy legacy) {
        return new AutoStrategy(Objects.requireNonNull(eip1559, "eip1559"), Objects.requireNonNull(legacy, "legacy"));
    }

    /** {@code gwei} gwei in wei, e.g. {@code gwei(30)} = 30 000 000 000. */
    public static BigInteger gwei(long gwei) {
        return BigInteger.valueOf(gwei).multiply(WEI_PER_GWEI);
    }

    /**
     * A decimal amount of gwei in wei, e.g. {@code gwei("0.01")} = 10 000 000.
     *
     * @throws IllegalArgumentException when it is not a whole number of wei
     */
    public static BigInteger gwei(String gwei) {
        try {
            return new BigDecimal(gwei).movePointRight(9).toBigIntegerExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number of wei: " + gwei + " gwei", e);
        }
    }
}
