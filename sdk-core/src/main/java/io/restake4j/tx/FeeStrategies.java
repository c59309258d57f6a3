package io.restake4j.tx;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthFeeHistory;
import org.web3j.protocol.core.methods.response.EthGasPrice;
import org.web3j.protocol.exceptions.ClientConnectionException;
import org.web3j.utils.Numeric;

import io.restake4j.errors.FeeCapExceededException;
import io.restake4j.errors.RestakeException;
import io.restake4j.errors.RpcException;
import io.restake4j.rpc.TransportFailures;

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
        return new Fixed(Objects.requireNonNull(fees, "fees"));
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

    // ------------------------------------------------------------------------------------------------

    /**
     * EIP-1559 (type 2) fees from {@code eth_feeHistory} over the last {@code blocks} blocks (default 10)
     * at one reward percentile (default 50):
     * <ul>
     *   <li><b>priority fee</b> = the median of the blocks' non-zero rewards at that percentile (for an
     *       even count, the higher of the two middle values; empty blocks report 0 and are left out), at
     *       least {@code minPriorityFee} (default 0.01 gwei, also used when no block had a reward),
     *       at most {@code maxPriorityFeeCap} when set;</li>
     *   <li><b>max fee</b> = next block's base fee (the last entry of {@code baseFeePerGas}, which the
     *       node computes for the block after the newest one) x {@code baseFeeMultiplier} (default 2,
     *       rounded up) + priority fee. The default survives six full blocks of +12.5% each.</li>
     *   <li><b>max fee cap</b> (optional): when the next base fee alone is above it, a
     *       {@link FeeCapExceededException} (no transaction within the cap can be included); otherwise a
     *       larger max fee is lowered to the cap, and the priority fee to at most the max fee.</li>
     * </ul>
     * {@link #batched(Web3j)} returns the {@code eth_feeHistory} request so the pipeline can send it in
     * the simulation's batch; {@link #fees(EthFeeHistory.FeeHistory)} is the computation itself.
     *
     * <pre>{@code
     * Eip1559Strategy strategy = FeeStrategies.eip1559()
     *         .blocks(20).rewardPercentile(60)
     *         .baseFeeMultiplier(new BigDecimal("1.5"))
     *         .maxFeeCap(FeeStrategies.gwei(80))
     *         .build();
     * Fees.Eip1559 fees = strategy.fees(web3j);
     * }</pre>
     */
    public static final class Eip1559Strategy implements FeeStrategy {

        private final int blocks;
        private final double rewardPercentile;
        private final BigDecimal baseFeeMultiplier;
        private final BigInteger minPriorityFee;
        private final BigInteger maxPriorityFeeCap;
        private final BigInteger maxFeeCap;

        private Eip1559Strategy(Builder b) {
            this.blocks = b.blocks;
            this.rewardPercentile = b.rewardPercentile;
            this.baseFeeMultiplier = b.baseFeeMultiplier;
            this.minPriorityFee = b.minPriorityFee;
            this.maxPriorityFeeCap = b.maxPriorityFeeCap;
            this.maxFeeCap = b.maxFeeCap;
        }

        @Override
        public Fees.Eip1559 fees(Web3j web3j) {
            EthFeeHistory response;
            try {
                response = request(web3j).send();
            } catch (IOException | ClientConnectionException e) {
                throw TransportFailures.toRpcException("eth_feeHistory", e);
            }
            return fees(historyOf(response));
        }

        /** The {@code eth_feeHistory} request, and {@link #fees(EthFeeHistory.FeeHistory)} on its answer. */
        @Override
        public Batched batched(Web3j web3j) {
            Request<?, EthFeeHistory> request = request(web3j);
            return new Batched() {
                @Override
                public Request<?, ? extends Response<?>> request() {
                    return request;
                }

                @Override
                public Fees fees(Response<?> response) {
                    return Eip1559Strategy.this.fees(historyOf(response));
                }
            };
        }

        /**
         * The fees for a fee history (as {@code eth_feeHistory} answered with this strategy's settings).
         *
         * @throws RestakeException when the history has no base fee (the chain has no EIP-1559)
         * @throws FeeCapExceededException when the next base fee is above {@code maxFeeCap}
         */
        public Fees.Eip1559 fees(EthFeeHistory.FeeHistory history) {
            Objects.requireNonNull(history, "history");
            BigInteger nextBaseFee = nextBaseFeeOf(history);
            if (nextBaseFee == null) {
                throw new RestakeException("the node's fee history has no base fee (no EIP-1559 on this chain?); "
                        + "use FeeStrategies.legacy() or FeeStrategies.auto()");
            }
            BigInteger priority = priorityFee(history);
            BigInteger maxFee = new BigDecimal(nextBaseFee).multiply(baseFeeMultiplier).setScale(0, RoundingMode.CEILING)
                    .toBigIntegerExact().add(priority);
            if (maxFeeCap != null) {
                if (nextBaseFee.compareTo(maxFeeCap) > 0) {
                    throw new FeeCapExceededException(nextBaseFee, maxFeeCap);
                }
                maxFee = maxFee.min(maxFeeCap);
                priority = priority.min(maxFee);
            }
            return new Fees.Eip1559(maxFee, priority);
        }

        /** The priority fee part of the computation (median of non-zero rewards, floor, cap). */
        private BigInteger priorityFee(EthFeeHistory.FeeHistory history) {
            List<BigInteger> rewards = new ArrayList<>();
            List<List<String>> raw = history.getRewardRaw();
            if (raw != null) {
                for (List<String> block : raw) {
                    if (block != null && !block.isEmpty() && block.get(0) != null) {
                        BigInteger reward = Numeric.decodeQuantity(block.get(0));
                        if (reward.signum() > 0) {
                            rewards.add(reward);
                        }
                    }
                }
            }
            BigInteger priority = minPriorityFee;
            if (!rewards.isEmpty()) {
                Collections.sort(rewards);
                priority = rewards.get(rewards.size() / 2).max(minPriorityFee);
            }
            if (maxPriorityFeeCap != null) {
                priority = priority.min(maxPriorityFeeCap);
            }
            return priority;
        }

        Request<?, EthFeeHistory> request(Web3j web3j) {
            return web3j.ethFeeHistory(blocks, DefaultBlockParameterName.LATEST, List.of(rewardPercentile));
        }

        public int blocks() {
            return blocks;
        }

        public double rewardPercentile() {
            return rewardPercentile;
        }

        public BigDecimal baseFeeMultiplier() {
            return baseFeeMultiplier;
        }

        public BigInteger minPriorityFee() {
            return minPriorityFee;
        }

        /** The cap on the priority fee, or null. */
        public BigInteger maxPriorityFeeCap() {
            return maxPriorityFeeCap;
        }

        /** The cap on the max fee, or null. */
        public BigInteger maxFeeCap() {
            return maxFeeCap;
        }

        /** A builder holding this strategy's settings. */
        public Builder toBuilder() {
            Builder b = new Builder();
            b.blocks = blocks;
            b.rewardPercentile = rewardPercentile;
            b.baseFeeMultiplier = baseFeeMultiplier;
            b.minPriorityFee = minPriorityFee;
            b.maxPriorityFeeCap = maxPriorityFeeCap;
            b.maxFeeCap = maxFeeCap;
            return b;
        }

        @Override
        public String toString() {
            return "FeeStrategies.eip1559[blocks=" + blocks + ", p" + rewardPercentile + ", base x" + baseFeeMultiplier
                    + ", minPriorityFee=" + minPriorityFee + (maxPriorityFeeCap == null ? "" : ", maxPriorityFeeCap="
                    + maxPriorityFeeCap) + (maxFeeCap == null ? "" : ", maxFeeCap=" + maxFeeCap) + "]";
        }

        /**
         * Builds an {@link Eip1559Strategy}; see its comment for the defaults.
         *
         * <pre>{@code
         * Eip1559Strategy s = FeeStrategies.eip1559().minPriorityFee(FeeStrategies.gwei("0.1")).build();
         * }</pre>
         */
        public static final class Builder {
            private int blocks = 10;
            private double rewardPercentile = 50;
            private BigDecimal baseFeeMultiplier = BigDecimal.TWO;
            private BigInteger minPriorityFee = gwei("0.01");
            private BigInteger maxPriorityFeeCap;
            private BigInteger maxFeeCap;

            private Builder() {
            }

            /** Blocks of history to ask for, 1..1024. Default 10. */
            public Builder blocks(int blocks) {
                if (blocks < 1 || blocks > 1024) {
                    throw new IllegalArgumentException("blocks must be 1..1024, was " + blocks);
                }
                this.blocks = blocks;
                return this;
            }

            /** The reward percentile each block reports, 0..100. Default 50. */
            public Builder rewardPercentile(double percentile) {
                if (!(percentile >= 0 && percentile <= 100)) {
                    throw new IllegalArgumentException("reward percentile must be 0..100, was " + percentile);
                }
                this.rewardPercentile = percentile;
                return this;
            }

            /** Next base fee x this = the base fee part of the max fee; at least 1. Default 2. */
            public Builder baseFeeMultiplier(BigDecimal multiplier) {
                Objects.requireNonNull(multiplier, "multiplier");
                if (multiplier.compareTo(BigDecimal.ONE) < 0) {
                    throw new IllegalArgumentException("base fee multiplier must be at least 1, was " + multiplier);
                }
                this.baseFeeMultiplier = multiplier;
                return this;
            }

            /** The lowest priority fee offered, in wei (also the fee when no block had rewards). Default 0.01 gwei. */
            public Builder minPriorityFee(BigInteger wei) {
                this.minPriorityFee = nonNegative(wei, "minPriorityFee");
                return this;
            }

            /** The highest priority fee offered, in wei; wins over {@link #minPriorityFee}. Default none. */
            public Builder maxPriorityFeeCap(BigInteger wei) {
                this.maxPriorityFeeCap = nonNegative(wei, "maxPriorityFeeCap");
                return this;
            }

            /** The highest max fee offered, in wei; see {@link Eip1559Strategy} for what happens at the cap. Default none. */
            public Builder maxFeeCap(BigInteger wei) {
                this.maxFeeCap = nonNegative(wei, "maxFeeCap");
                return this;
            }

            public Eip1559Strategy build() {
                return new Eip1559Strategy(this);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------

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
    public static final class LegacyStrategy implements FeeStrategy {

        private final BigDecimal multiplier;
        private final BigInteger maxGasPriceCap;

        private LegacyStrategy(Builder b) {
            this.multiplier = b.multiplier;
            this.maxGasPriceCap = b.maxGasPriceCap;
        }

        @Override
        public Fees.Legacy fees(Web3j web3j) {
            EthGasPrice response;
            try {
                response = web3j.ethGasPrice().send();
            } catch (IOException | ClientConnectionException e) {
                throw TransportFailures.toRpcException("eth_gasPrice", e);
            }
            return fromResponse(response);
        }

        /** The {@code eth_gasPrice} request, and {@link #fees(BigInteger)} on its answer. */
        @Override
        public Batched batched(Web3j web3j) {
            Request<?, EthGasPrice> request = web3j.ethGasPrice();
            return new Batched() {
                @Override
                public Request<?, ? extends Response<?>> request() {
                    return request;
                }

                @Override
                public Fees fees(Response<?> response) {
                    return fromResponse(response);
                }
            };
        }

        /** The fees for the node's gas price {@code nodeGasPrice} (wei). */
        public Fees.Legacy fees(BigInteger nodeGasPrice) {
            BigInteger price = new BigDecimal(nonNegative(nodeGasPrice, "gas price")).multiply(multiplier)
                    .setScale(0, RoundingMode.CEILING).toBigIntegerExact();
            if (maxGasPriceCap != null) {
                price = price.min(maxGasPriceCap);
            }
            return new Fees.Legacy(price);
        }

        private Fees.Legacy fromResponse(Response<?> response) {
            if (!(response instanceof EthGasPrice gasPrice)) {
                throw new IllegalArgumentException("expected an eth_gasPrice answer, got "
                        + (response == null ? "null" : response.getClass().getName()));
            }
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

            private Builder() {
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

    // ------------------------------------------------------------------------------------------------

    /**
     * EIP-1559 where the node has it, legacy elsewhere. The first use asks {@code eth_feeHistory} and
     * decides: EIP-1559 when the history gives the next block a non-zero base fee; legacy when it gives
     * none (list missing or empty, or a zero base fee, as pre-London nodes report) or the node does not
     * know the method (JSON-RPC error -32601 or "method ... not found/does not exist/not supported"). The
     * decision is made once per instance and kept (thread-safe: concurrent first calls through
     * {@link #fees(Web3j)} wait for one detection; the first decision recorded is never changed).
     * A transport failure decides nothing: the next call asks again. Its answer doubles as the first
     * EIP-1559 fee history, so deciding costs no extra round trip on an EIP-1559 node.
     *
     * <p>{@link #batched(Web3j)}: the legacy strategy's {@code eth_gasPrice} request once legacy has been
     * decided; otherwise (undecided or EIP-1559) the EIP-1559 {@code eth_feeHistory} request, whose
     * answer also makes the decision when none was made. When that answer decides legacy, its
     * {@code fees(response)} asks the node for {@code eth_gasPrice} with the same {@link Web3j} (one extra
     * round trip, once).
     *
     * <pre>{@code
     * AutoStrategy auto = FeeStrategies.auto();
     * Fees fees = auto.fees(web3j);
     * if (auto.decision() == AutoStrategy.Decision.LEGACY) log.info("this chain has no EIP-1559");
     * }</pre>
     */
    public static final class AutoStrategy implements FeeStrategy {

        /** What an {@link AutoStrategy} has decided. */
        public enum Decision {
            /** Not yet used successfully. */
            UNDECIDED,
            /** The node has base fees: {@link Fees.Eip1559}. */
            EIP1559,
            /** The node has no base fees: {@link Fees.Legacy}. */
            LEGACY
        }

        private final Eip1559Strategy eip1559;
        private final LegacyStrategy legacy;
        private final AtomicReference<Decision> decision = new AtomicReference<>(Decision.UNDECIDED);
        private final ReentrantLock detecting = new ReentrantLock();

        private AutoStrategy(Eip1559Strategy eip1559, LegacyStrategy legacy) {
            this.eip1559 = eip1559;
            this.legacy = legacy;
        }

        @Override
        public Fees fees(Web3j web3j) {
            switch (decision.get()) {
                case EIP1559:
                    return eip1559.fees(web3j);
                case LEGACY:
                    return legacy.fees(web3j);
                default:
                    break;
            }
            detecting.lock();
            try {
                if (decision.get() != Decision.UNDECIDED) {
                    return fees(web3j);
                }
                EthFeeHistory response;
                try {
                    response = eip1559.request(web3j).send();
                } catch (IOException | ClientConnectionException e) {
                    throw TransportFailures.toRpcException("eth_feeHistory", e);
                }
                return decideFrom(response, web3j);
            } finally {
                detecting.unlock();
            }
        }

        @Override
        public Batched batched(Web3j web3j) {
            if (decision.get() == Decision.LEGACY) {
                return legacy.batched(web3j);
            }
            Request<?, EthFeeHistory> request = eip1559.request(web3j);
            return new Batched() {
                @Override
                public Request<?, ? extends Response<?>> request() {
                    return request;
                }

                @Override
                public Fees fees(Response<?> response) {
                    if (decision.get() == Decision.EIP1559) {
                        return eip1559.fees(historyOf(response));
                    }
                    if (!(response instanceof EthFeeHistory history)) {
                        throw new IllegalArgumentException("expected an eth_feeHistory answer, got "
                                + (response == null ? "null" : response.getClass().getName()));
                    }
                    return decideFrom(history, web3j);
                }
            };
        }

        /** Decides (unless decided) from an eth_feeHistory answer, then prices with the decided strategy. */
        private Fees decideFrom(EthFeeHistory response, Web3j web3j) {
            if (response.hasError()) {
                if (!isUnknownMethod(response.getError())) {
                    throw TransportFailures.toRpcException("eth_feeHistory", response.getError());
                }
                decision.compareAndSet(Decision.UNDECIDED, Decision.LEGACY);
            } else {
                EthFeeHistory.FeeHistory history = response.getFeeHistory();
                BigInteger nextBaseFee = history == null ? null : nextBaseFeeOf(history);
                boolean hasBaseFee = nextBaseFee != null && nextBaseFee.signum() > 0;
                decision.compareAndSet(Decision.UNDECIDED, hasBaseFee ? Decision.EIP1559 : Decision.LEGACY);
                if (decision.get() == Decision.EIP1559 && hasBaseFee) {
                    return eip1559.fees(history);
                }
            }
            return decision.get() == Decision.EIP1559 ? eip1559.fees(web3j) : legacy.fees(web3j);
        }

        private static boolean isUnknownMethod(Response.Error error) {
            if (error.getCode() == -32601) {
                return true;
            }
            String message = error.getMessage() == null ? "" : error.getMessage().toLowerCase(Locale.ROOT);
            return message.contains("method") && (message.contains("not found") || message.contains("does not exist")
                    || message.contains("not supported") || message.contains("not available"));
        }

        /** What this instance has decided so far. */
        public Decision decision() {
            return decision.get();
        }

        public Eip1559Strategy eip1559() {
            return eip1559;
        }

        public LegacyStrategy legacy() {
            return legacy;
        }

        @Override
        public String toString() {
            return "FeeStrategies.auto[" + decision.get() + ", " + eip1559 + ", " + legacy + "]";
        }
    }

    // ------------------------------------------------------------------------------------------------

    private record Fixed(Fees fees) implements FeeStrategy {
        @Override
        public Fees fees(Web3j web3j) {
            return fees;
        }

        @Override
        public String toString() {
            return "FeeStrategies.fixed[" + fees + "]";
        }
    }

    /** The fee history in an eth_feeHistory answer; a JSON-RPC error becomes an {@link RpcException}. */
    private static EthFeeHistory.FeeHistory historyOf(Response<?> response) {
        if (!(response instanceof EthFeeHistory history)) {
            throw new IllegalArgumentException("expected an eth_feeHistory answer, got "
                    + (response == null ? "null" : response.getClass().getName()));
        }
        if (history.hasError() || history.getFeeHistory() == null) {
            throw TransportFailures.toRpcException("eth_feeHistory", history.getError());
        }
        return history.getFeeHistory();
    }

    /**
     * The base fee of the block after the newest one: the last entry of {@code baseFeePerGas}, or null when
     * the list is missing or empty or that entry is null.
     */
    private static BigInteger nextBaseFeeOf(EthFeeHistory.FeeHistory history) {
        List<String> raw = history.getBaseFeePerGasRaw();
        if (raw == null || raw.isEmpty() || raw.get(raw.size() - 1) == null) {
            return null;
        }
        return Numeric.decodeQuantity(raw.get(raw.size() - 1));
    }

    private static BigInteger nonNegative(BigInteger wei, String what) {
        Objects.requireNonNull(wei, what);
        if (wei.signum() < 0) {
            throw new IllegalArgumentException(what + " cannot be negative: " + wei);
        }
        return wei;
    }
}
