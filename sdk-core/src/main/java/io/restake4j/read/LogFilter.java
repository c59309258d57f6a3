package io.restake4j.read;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.web3j.utils.Numeric;

import io.restake4j.internal.Inputs;

/**
 * Which logs a {@link LogScanner} collects: one contract's logs, topic by topic (each position any of some
 * values, or anything), between two blocks. Immutable.
 *
 * <pre>{@code
 * LogFilter received = LogFilter.of(nft)
 *         .topic(0, TRANSFER_TOPIC)
 *         .topic(2, LogFilter.addressTopic(owner))     // to == owner
 *         .fromBlock(BigInteger.valueOf(19_000_000));   // to the latest block when none is given
 * }</pre>
 *
 * @param address   the contract whose logs are read
 * @param topics    per position (0..3), the accepted values; an empty list accepts any
 * @param fromBlock the first block (inclusive)
 * @param toBlock   the last block (inclusive), or null for the latest block when the scan starts
 */
public record LogFilter(String address, List<List<String>> topics, BigInteger fromBlock, BigInteger toBlock) {

    public LogFilter {
        Inputs.address(address, "log address");
        topics = topics.stream().map(List::copyOf).toList();
        if (topics.size() > 4) {
            throw new IllegalArgumentException("a log has at most 4 topics, the filter gives " + topics.size());
        }
        Objects.requireNonNull(fromBlock, "fromBlock");
        if (fromBlock.signum() < 0 || (toBlock != null && toBlock.add(BigInteger.ONE).compareTo(fromBlock) < 0)) {
            throw new IllegalArgumentException("blocks " + fromBlock + ".." + toBlock + " are no range");
        }
    }

    /** Every log of {@code address}, from block 0 to the latest. */
    public static LogFilter of(String address) {
        return new LogFilter(address, List.of(), BigInteger.ZERO, null);
    }

    /** A 32-byte topic holding an address (an indexed {@code address} argument). */
    public static String addressTopic(String address) {
        Inputs.address(address, "address");
        return Numeric.toHexStringWithPrefixZeroPadded(Numeric.toBigInt(address), 64);
    }

    /** The filter with topic {@code position} restricted to {@code values} (any of them). */
    public LogFilter topic(int position, String... values) {
        if (position < 0 || position > 3) {
            throw new IllegalArgumentException("topic positions are 0..3, was " + position);
        }
        List<List<String>> t = new ArrayList<>(topics);
        while (t.size() <= position) {
            t.add(List.of());
        }
        t.set(position, Arrays.stream(values).map(v -> v.toLowerCase(Locale.ROOT)).toList());
        return new LogFilter(address, t, fromBlock, toBlock);
    }

    public LogFilter fromBlock(BigInteger block) {
        return new LogFilter(address, topics, block, toBlock);
    }

    /** The filter ending at {@code block} (inclusive); null for the latest block. */
    public LogFilter toBlock(BigInteger block) {
        return new LogFilter(address, topics, fromBlock, block);
    }
}
