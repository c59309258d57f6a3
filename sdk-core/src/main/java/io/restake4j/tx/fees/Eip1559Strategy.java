package io.restake4j.tx.fees;

import static io.restake4j.tx.fees.FeeMath.historyOf;
import static io.restake4j.tx.fees.FeeMath.nextBaseFeeOf;
import static io.restake4j.tx.fees.FeeMath.nonNegative;
import static io.restake4j.tx.fees.FeeMath.send;
import static io.restake4j.tx.fees.FeeMath.timesCeiling;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.EthFeeHistory;
import org.web3j.utils.Numeric;

import io.restake4j.errors.FeeCapExceededException;
import io.restake4j.errors.RestakeException;
import io.restake4j.tx.Fees;

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
public final class Eip1559Strategy implements FeeStrategy {

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
        return fees(historyOf(send(request(web3j), "eth_feeHistory")));
    }

    /** The {@code eth_feeHistory} request, and {@link #fees(EthFeeHistory.FeeHistory)} on its answer. */
    @Override
    public Batched batched(Web3j web3j) {
        return FeeMath.batched(request(web3j), response -> fees(historyOf(response)));
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
        BigInteger maxFee = timesCeiling(nextBaseFee, baseFeeMultiplier).add(priority);
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
        private BigInteger minPriorityFee = FeeStrategies.gwei("0.01");
        private BigInteger maxPriorityFeeCap;
        private BigInteger maxFeeCap;

        Builder() {
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
