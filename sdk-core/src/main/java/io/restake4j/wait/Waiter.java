package io.restake4j.wait;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;

import io.restake4j.rpc.TransportFailures;

/**
 * Makes {@link Wait}s on the client's node: for a block height, for the chain's time (the latest block's
 * timestamp, not the local clock), for an epoch of an {@link EpochClock}, or for any condition read from
 * the chain. Every protocol's "await claimable" is one of these. Thread-safe.
 *
 * <pre>{@code
 * Waiter waiter = client.waiter();
 * waiter.untilBlock(19_000_000).timeout(Duration.ofMinutes(30)).await();
 * Instant t = waiter.untilTime(Instant.parse("2026-12-31T00:00:00Z")).await();   // chain time reached
 * waiter.untilEpoch(clock, 42).awaitAsync();
 * }</pre>
 */
public final class Waiter {

    /** How long a wait lasts unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    private final Web3j web3j;
    private final Duration pollInterval;
    private final Executor executor;

    /** A waiter on {@code web3j}, reading every {@code pollInterval}; async waits run on {@code executor} (or virtual threads if null). */
    public Waiter(Web3j web3j, Duration pollInterval, Executor executor) {
        this.web3j = Objects.requireNonNull(web3j, "web3j");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.executor = executor;
    }

    /** Until the chain's latest block is at least {@code block}; returns the latest block seen. */
    public Wait<Long> untilBlock(long block) {
        AtomicReference<Long> seen = new AtomicReference<>();
        return new Wait<>("block " + block, () -> {
            long latest = latestBlock();
            seen.set(latest);
            return latest >= block ? Optional.of(latest) : Optional.empty();
        }, () -> "the chain was at block " + seen.get(), DEFAULT_TIMEOUT, pollInterval, executor);
    }

    /** Until the latest block's timestamp is at least {@code time}; returns that timestamp. */
    public Wait<Instant> untilTime(Instant time) {
        Objects.requireNonNull(time, "time");
        AtomicReference<Instant> seen = new AtomicReference<>();
        return new Wait<>("chain time " + time, () -> {
            Instant now = chainTime();
            seen.set(now);
            return now.isBefore(time) ? Optional.empty() : Optional.of(now);
        }, () -> "the latest block was of " + seen.get(), DEFAULT_TIMEOUT, pollInterval, executor);
    }

    /** Until the chain's time is in {@code epoch} of {@code clock} or later; returns the epoch reached. */
    public Wait<Long> untilEpoch(EpochClock clock, long epoch) {
        Objects.requireNonNull(clock, "clock");
        Instant start = clock.startOf(epoch);
        AtomicReference<Instant> seen = new AtomicReference<>();
        return new Wait<>("epoch " + epoch + " (from " + start + ")", () -> {
            Instant now = chainTime();
            seen.set(now);
            return now.isBefore(start) ? Optional.empty() : Optional.of(clock.epochAt(now));
        }, () -> "the chain was in epoch " + (seen.get() == null ? "?" : clock.epochAt(seen.get())), DEFAULT_TIMEOUT,
                pollInterval, executor);
    }

    /**
     * Until {@code probe} finds what it looks for (a non-empty answer); {@code what} names it in errors.
     * The probe reads the chain each time it is called.
     */
    public <T> Wait<T> until(String what, Supplier<Optional<T>> probe) {
        return new Wait<>(what, probe, null, DEFAULT_TIMEOUT, pollInterval, executor);
    }

    /** The latest block number (one {@code eth_blockNumber}). */
    public long latestBlock() {
        try {
            return web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
        } catch (IOException | RuntimeException e) {
            throw TransportFailures.toRpcException("eth_blockNumber", e);
        }
    }

    /** The latest block's timestamp (one {@code eth_getBlockByNumber}). */
    public Instant chainTime() {
        return blockTime(DefaultBlockParameterName.LATEST);
    }

    /** The timestamp of block {@code number} (one {@code eth_getBlockByNumber}), e.g. of a log's block. */
    public Instant blockTime(BigInteger number) {
        return blockTime(org.web3j.protocol.core.DefaultBlockParameter.valueOf(number));
    }

    private Instant blockTime(org.web3j.protocol.core.DefaultBlockParameter block) {
        EthBlock answer;
        try {
            answer = web3j.ethGetBlockByNumber(block, false).send();
        } catch (IOException | RuntimeException e) {
            throw TransportFailures.toRpcException("eth_getBlockByNumber", e);
        }
        if (answer.hasError() || answer.getBlock() == null) {
            throw TransportFailures.toRpcException("eth_getBlockByNumber", answer.getError());
        }
        BigInteger ts = answer.getBlock().getTimestamp();
        return Instant.ofEpochSecond(ts.longValueExact());
    }

    @Override
    public String toString() {
        return "Waiter[every " + pollInterval + "]";
    }
}
