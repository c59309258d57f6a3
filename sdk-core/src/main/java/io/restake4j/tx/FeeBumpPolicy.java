package io.restake4j.tx;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * When and how much the client raises the fees of its own transactions that stay unmined: after
 * {@code afterBlocks} blocks without inclusion it signs the same transaction again at the same nonce with
 * fees raised by {@code percent} (at least the 10% that nodes demand of a replacement), up to
 * {@code maxBumps} times and never above {@code maxFeeCap}. Only one of the transactions signed at a nonce can
 * be mined, so a bump never pays twice. Off by default ({@link #none()}). Immutable.
 *
 * <pre>{@code
 * Restaking client = Restaking.builder()
 *         ...
 *         .feeBumpPolicy(FeeBumpPolicy.builder()
 *                 .afterBlocks(3)
 *                 .percent(new BigDecimal("12.5"))
 *                 .maxBumps(5)
 *                 .maxFeeCap(FeeStrategies.gwei(200))
 *                 .build())
 *         .build();
 * }</pre>
 */
public final class FeeBumpPolicy {

    /** The least raise nodes accept for a replacement (geth's default price bump), in percent. */
    public static final BigDecimal MIN_PERCENT = BigDecimal.TEN;

    private static final FeeBumpPolicy NONE = new FeeBumpPolicy(0, new BigDecimal("12.5"), 0, null);

    private final int afterBlocks;
    private final BigDecimal percent;
    private final int maxBumps;
    private final BigInteger maxFeeCap;

    private FeeBumpPolicy(int afterBlocks, BigDecimal percent, int maxBumps, BigInteger maxFeeCap) {
        this.afterBlocks = afterBlocks;
        this.percent = percent;
        this.maxBumps = maxBumps;
        this.maxFeeCap = maxFeeCap;
    }

    /** No automatic bumps (speed-ups and cancels on request still raise fees by 12.5%). */
    public static FeeBumpPolicy none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether the client bumps by itself. */
    public boolean enabled() {
        return maxBumps > 0;
    }

    public int afterBlocks() {
        return afterBlocks;
    }

    public BigDecimal percent() {
        return percent;
    }

    public int maxBumps() {
        return maxBumps;
    }

    /** The highest max fee per gas a bump may reach, in wei; null for no cap. */
    public BigInteger maxFeeCap() {
        return maxFeeCap;
    }

    /**
     * {@code fees} raised by {@link #percent()} (rounded up, at least 1 wei each), with the max fee capped at
     * {@link #maxFeeCap()}; null when the cap leaves less than the 10% a replacement needs.
     */
    public Fees bump(Fees fees) {
        return switch (fees) {
            case Fees.Eip1559 f -> {
                BigInteger tip = raise(f.maxPriorityFeePerGas(), percent);
                BigInteger max = raise(f.maxFeePerGas(), percent);
                if (maxFeeCap != null && max.compareTo(maxFeeCap) > 0) {
                    max = maxFeeCap;
                }
                if (max.compareTo(raise(f.maxFeePerGas(), MIN_PERCENT)) < 0) {
                    yield null;
                }
                yield new Fees.Eip1559(max, tip.min(max));
            }
            case Fees.Legacy l -> {
                BigInteger price = raise(l.gasPrice(), percent);
                if (maxFeeCap != null && price.compareTo(maxFeeCap) > 0) {
                    price = maxFeeCap;
                }
                yield price.compareTo(raise(l.gasPrice(), MIN_PERCENT)) < 0 ? null : new Fees.Legacy(price);
            }
        };
    }

    private static BigInteger raise(BigInteger wei, BigDecimal percent) {
        BigInteger raised = new BigDecimal(wei).multiply(BigDecimal.ONE.add(percent.movePointLeft(2)))
                .setScale(0, RoundingMode.CEILING).toBigIntegerExact();
        return raised.max(wei.add(BigInteger.ONE));
    }

    @Override
    public String toString() {
        return enabled() ? "FeeBumpPolicy[after " + afterBlocks + " blocks, +" + percent + "%, up to " + maxBumps + " times"
                + (maxFeeCap == null ? "" : ", max fee " + maxFeeCap + " wei") + "]" : "FeeBumpPolicy[none]";
    }

    /** Builds a {@link FeeBumpPolicy}; defaults: after 3 blocks, +12.5%, at most 5 bumps, no cap. */
    public static final class Builder {
        private int afterBlocks = 3;
        private BigDecimal percent = new BigDecimal("12.5");
        private int maxBumps = 5;
        private BigInteger maxFeeCap;

        private Builder() {
        }

        /** Blocks a transaction may stay unmined before its fees are raised (at least 1). */
        public Builder afterBlocks(int blocks) {
            if (blocks < 1) {
                throw new IllegalArgumentException("afterBlocks must be at least 1, was " + blocks);
            }
            this.afterBlocks = blocks;
            return this;
        }

        /** The raise per bump, in percent; at least {@link #MIN_PERCENT}. */
        public Builder percent(BigDecimal percent) {
            Objects.requireNonNull(percent, "percent");
            if (percent.compareTo(MIN_PERCENT) < 0 || percent.compareTo(BigDecimal.valueOf(1000)) > 0) {
                throw new IllegalArgumentException("percent must be 10..1000 (nodes refuse replacements below +10%), was "
                        + percent);
            }
            this.percent = percent;
            return this;
        }

        /** How many times one transaction may be bumped (at least 1). */
        public Builder maxBumps(int bumps) {
            if (bumps < 1) {
                throw new IllegalArgumentException("maxBumps must be at least 1 (use FeeBumpPolicy.none() for none)");
            }
            this.maxBumps = bumps;
            return this;
        }

        /** The highest max fee per gas (or gas price) a bump may reach, in wei. */
        public Builder maxFeeCap(BigInteger wei) {
            Objects.requireNonNull(wei, "wei");
            if (wei.signum() <= 0) {
                throw new IllegalArgumentException("maxFeeCap must be positive");
            }
            this.maxFeeCap = wei;
            return this;
        }

        public FeeBumpPolicy build() {
            return new FeeBumpPolicy(afterBlocks, percent, maxBumps, maxFeeCap);
        }
    }
}
