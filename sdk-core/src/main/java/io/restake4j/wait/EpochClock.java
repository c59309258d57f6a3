package io.restake4j.wait;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A protocol's epochs: epoch 0 starts at {@code start}, each lasts {@code length} (a Symbiotic vault's
 * {@code epochDurationInit()} and {@code epochDuration()}, say). Immutable.
 *
 * <pre>{@code
 * EpochClock clock = new EpochClock(Instant.ofEpochSecond(vault.epochDurationInit()), Duration.ofDays(7));
 * long now = clock.epochAt(Instant.now());
 * Instant claimable = clock.startOf(now + 2);
 * }</pre>
 *
 * @param start  when epoch 0 starts
 * @param length how long each epoch lasts (positive)
 */
public record EpochClock(Instant start, Duration length) {

    public EpochClock {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(length, "length");
        if (length.isZero() || length.isNegative()) {
            throw new IllegalArgumentException("an epoch must last a positive time, was " + length);
        }
    }

    /** The epoch running at {@code time} (0 before the start). */
    public long epochAt(Instant time) {
        if (time.isBefore(start)) {
            return 0;
        }
        return Duration.between(start, time).getSeconds() / length.getSeconds();
    }

    /** When {@code epoch} starts. */
    public Instant startOf(long epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epochs are counted from 0, was " + epoch);
        }
        return start.plus(length.multipliedBy(epoch));
    }
}
