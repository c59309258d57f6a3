package io.restake4j.markets;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One answer of a Chainlink-style feed ({@code latestRoundData()}: roundId, answer, startedAt, updatedAt,
 * answeredInRound, with the feed's {@code decimals()}), and the checks a reader makes before trusting it: the answer
 * is positive, the round is complete ({@code answeredInRound >= roundId}, {@code updatedAt > 0}) and it is not older
 * than the feed's heartbeat (markets-oracles.md §3).
 *
 * <pre>{@code
 * OracleAnswer a = new OracleAnswer(feed, "stETH / ETH", round, answer, 18, startedAt, updatedAt, round);
 * if (a.isFresh(chainTime, Duration.ofHours(24))) depeg = Depeg.discountBps(fairRate, a.price());
 * }</pre>
 *
 * @param decimals the feed's {@code decimals()}, read from the feed (sources disagree for some feeds)
 */
public record OracleAnswer(String feed, String description, BigInteger roundId, BigInteger answer, int decimals,
        Instant startedAt, Instant updatedAt, BigInteger answeredInRound) {

    public OracleAnswer {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(roundId, "roundId");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(answeredInRound, "answeredInRound");
        if (decimals < 0 || decimals > 36) {
            throw new IllegalArgumentException("feed decimals out of range: " + decimals);
        }
    }

    /** {@code answer / 10^decimals}. */
    public BigDecimal price() {
        return new BigDecimal(answer).movePointLeft(decimals);
    }

    /** {@code now - updatedAt} (zero when the answer is from the future of {@code now}). */
    public Duration age(Instant now) {
        Duration d = Duration.between(updatedAt, Objects.requireNonNull(now, "now"));
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** A positive answer of a completed round ({@code updatedAt} set, {@code answeredInRound >= roundId}). */
    public boolean isComplete() {
        return answer.signum() > 0 && updatedAt.getEpochSecond() > 0 && answeredInRound.compareTo(roundId) >= 0;
    }

    /** {@link #isComplete()} and no older than {@code heartbeat} at {@code now} (the chain's time, not the host's). */
    public boolean isFresh(Instant now, Duration heartbeat) {
        Objects.requireNonNull(heartbeat, "heartbeat");
        return isComplete() && age(now).compareTo(heartbeat) <= 0;
    }
}
