package io.restake4j.exits;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a withdrawal can be claimed: now, from a block, from a time, from an epoch, when an oracle decides, or when
 * liquidity fills a queue. Each
 * kind carries an estimated {@link Instant} where one can be known from chain state (a block or epoch estimated
 * from the chain's clock; an oracle's decision has none).
 *
 * <pre>{@code
 * switch (withdrawal.readiness()) {
 *     case Readiness.Ready r -> System.out.println("claim now");
 *     case Readiness.AtBlock b -> System.out.println("from block " + b.block() + ", about " + b.estimate().orElseThrow());
 *     case Readiness.AtTime t -> System.out.println("from " + t.time());
 *     case Readiness.AtEpoch e -> System.out.println("from epoch " + e.epoch());
 *     case Readiness.ByOracle o -> System.out.println(o.reason());
 *     case Readiness.WhenFilled f -> System.out.println(f.sharesAhead() + " shares ahead in the queue");
 * }
 * }</pre>
 */
public sealed interface Readiness {

    /** Claimable now. */
    default boolean isReady() {
        return this instanceof Ready;
    }

    /** When it is expected to become claimable, where that can be estimated from chain state. */
    Optional<Instant> estimate();

    /** Claimable now (or already claimed). */
    record Ready() implements Readiness {
        @Override
        public Optional<Instant> estimate() {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return "ready";
        }
    }

    /**
     * Claimable in a transaction mined at or after {@code block}.
     *
     * @param block     the first block a claim can be mined in
     * @param estimated when that block is expected, from the latest block's timestamp and the chain's block time
     *                  (null when unknown)
     */
    record AtBlock(BigInteger block, Instant estimated) implements Readiness {
        public AtBlock {
            Objects.requireNonNull(block, "block");
        }

        @Override
        public Optional<Instant> estimate() {
            return Optional.ofNullable(estimated);
        }

        @Override
        public String toString() {
            return "from block " + block + (estimated == null ? "" : " (about " + estimated + ")");
        }
    }

    /**
     * Claimable in a block whose timestamp is at or after {@code time} (protocols whose exits unlock after a
     * delay in seconds).
     */
    record AtTime(Instant time) implements Readiness {
        public AtTime {
            Objects.requireNonNull(time, "time");
        }

        @Override
        public Optional<Instant> estimate() {
            return Optional.of(time);
        }

        @Override
        public String toString() {
            return "from " + time;
        }
    }

    /**
     * Claimable once the protocol's epoch counter reaches {@code epoch}.
     *
     * @param epoch     the first epoch in which a claim succeeds
     * @param estimated when that epoch starts, from the protocol's epoch clock (null when unknown)
     */
    record AtEpoch(BigInteger epoch, Instant estimated) implements Readiness {
        public AtEpoch {
            Objects.requireNonNull(epoch, "epoch");
        }

        @Override
        public Optional<Instant> estimate() {
            return Optional.ofNullable(estimated);
        }

        @Override
        public String toString() {
            return "from epoch " + epoch + (estimated == null ? "" : " (about " + estimated + ")");
        }
    }

    /**
     * Claimable when an off-chain oracle finalizes it (Lido's and ether.fi's queues): the chain holds no date.
     *
     * @param reason        what it waits for, in words
     * @param queuePosition its place among requests not finalized yet (1 = next); null when not known
     */
    record ByOracle(String reason, BigInteger queuePosition) implements Readiness {
        public ByOracle {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Optional<Instant> estimate() {
            return Optional.empty();
        }

        /** Its place among requests not finalized yet, where the protocol finalizes in order. */
        public Optional<BigInteger> position() {
            return Optional.ofNullable(queuePosition);
        }

        @Override
        public String toString() {
            return reason + (queuePosition == null ? "" : " (position " + queuePosition + " in the queue)");
        }
    }

    /**
     * Claimable once the protocol frees enough liquidity to fill the request (Symbiotic Core V2's withdrawal queue,
     * filled first in, first out as its delegator deallocates assets): the chain holds no date.
     *
     * @param reason      what it waits for, in words
     * @param sharesAhead shares queued before this request and not filled yet (0 = next in line)
     */
    record WhenFilled(String reason, BigInteger sharesAhead) implements Readiness {
        public WhenFilled {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(sharesAhead, "sharesAhead");
        }

        @Override
        public Optional<Instant> estimate() {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return reason + " (" + sharesAhead + " shares ahead)";
        }
    }

    /** The {@link Ready} value. */
    static Readiness ready() {
        return new Ready();
    }
}
