package io.restake4j.tx.fees;

import static io.restake4j.tx.fees.FeeMath.answerOf;
import static io.restake4j.tx.fees.FeeMath.nonNegative;
import static io.restake4j.tx.fees.FeeMath.send;
import static io.restake4j.tx.fees.FeeMath.timesCeiling;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthGasPrice;

import io.restake4j.rpc.TransportFailures;
import io.restake4j.tx.Fees;

/**
 * A legacy (type 0) gas price: the node's {@code eth_gasPrice} x {@code multiplier} (default 1,
 * rounded up), lowered to {@code maxGasPriceCap} when set (a capped price may wait long for
 * inclusion; unlike the EIP-1559 cap this never throws, as a legacy price has no base fee to compare).
 * {@link #batched(Web3j)} returns the {@code eth_gasPrice} request.
 *
 * <pre>{@code
 * LegacyStrategy s = FeeStrategies.legacy()
 *         .multiplier(new BigDecimal("1.2"))
 *         .maxGasPriceCap(FeeStrategies.gwei(50))
 *         .build();
 * Fees.Legacy fees = s.fees(web3j);
 * }</pre>
 */
public final class LegacyStrategy implements FeeStrategy {

    private final BigDecimal multiplier;
    private final BigInteger maxGasPriceCap;

    private LegacyStrategy(Builder b) {
        this.multiplier = b.multiplier;
        this.maxGasPriceCap = b.maxGasPriceCap;
    }

    @Override
    public Fees.Legacy fees(Web3j web3j) {
        return fromResponse(send(web3j.ethGasPrice(), "eth_gasPrice"));
    }

    /** The {@code eth_gasPrice} request, and {@link #fees(BigInteger)} on its answer. */
    @Override
    public Batched batched(Web3j web3j) {
        return FeeMath.batched(web3j.ethGasPrice(), this::fromResponse);
    }

    /** The fees for the node's gas price {@code nodeGasPrice} (wei). */
    public Fees.Legacy fees(BigInteger nodeGasPrice) {
        BigInteger price = timesCeiling(nonNegative(nodeGasPrice, "gas price"), multiplier);
        if (maxGasPriceCap != null) {
            price = price.min(maxGasPriceCap);
        }
        return new Fees.Legacy(price);
    }

    private Fees.Legacy fromResponse(Response<?> response) {
        EthGasPrice gasPrice = answerOf(response, EthGasPrice.class, "eth_gasPrice");
        if (gasPrice.hasError() || gasPrice.getResult() == null) {
            throw TransportFailures.toRpcException("eth_gasPrice", gasPrice.getError());
        }
        return fees(gasPrice.getGasPrice());
    }

    public BigDecimal multiplier() {
        return multiplier;
    }

    /** The cap on the gas price, or null. */
    public BigInteger maxGasPriceCap() {
        return maxGasPriceCap;
    }

    /** A builder holding this strategy's settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.multiplier = multiplier;
        b.maxGasPriceCap = maxGasPriceCap;
        return b;
    }

    @Override
    public String toString() {
        return "FeeStrategies.legacy[x" + multiplier + (maxGasPriceCap == null ? "" : ", cap=" + maxGasPriceCap) + "]";
    }

    /**
     * Builds a {@link LegacyStrategy}.
     *
     * <pre>{@code
     * LegacyStrategy s = FeeStrategies.legacy().maxGasPriceCap(FeeStrategies.gwei(20)).build();
     * }</pre>
     */
    public static final class Builder {
        private BigDecimal multiplier = BigDecimal.ONE;
        private BigInteger maxGasPriceCap;

        Builder() {
        }

        /** Node gas price x this; positive. Default 1. */
        public Builder multiplier(BigDecimal multiplier) {
            Objects.requireNonNull(multiplier, "multiplier");
            if (multiplier.signum() <= 0) {
                throw new IllegalArgumentException("multiplier must be positive, was " + multiplier);
            }
            this.multiplier = multiplier;
            return this;
        }

        /** The highest gas price offered, in wei. Default none. */
        public Builder maxGasPriceCap(BigInteger wei) {
            this.maxGasPriceCap = nonNegative(wei, "maxGasPriceCap");
            return this;
        }

        public LegacyStrategy build() {
            return new LegacyStrategy(this);
        }
    }
}
