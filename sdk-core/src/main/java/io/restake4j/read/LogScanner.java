package io.restake4j.read;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthBlockNumber;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

import io.restake4j.errors.RpcException;
import io.restake4j.rpc.TransportFailures;

/**
 * Reads logs in chunks of at most a configured number of blocks, as nodes and providers that cap
 * {@code eth_getLogs} require, halving a chunk the node refuses as too large (too many blocks or results) and
 * growing back after. A scan is resumable: each chunk is handed over with the block range it covered, and a
 * failed scan says the first block it did not read, so the caller can start again there. Thread-safe.
 *
 * <pre>{@code
 * LogScanner logs = ctx.logs();
 * LogScanner.Result r = logs.scan(LogFilter.of(nft).topic(0, TRANSFER).topic(2, LogFilter.addressTopic(owner)));
 * r.logs().forEach(...);
 * // later, only what is new:
 * logs.scan(filter.fromBlock(r.nextBlock()));
 * }</pre>
 */
public final class LogScanner {

    private static final Logger LOG = LoggerFactory.getLogger(LogScanner.class);

    /** The default number of blocks of one {@code eth_getLogs}. */
    public static final long DEFAULT_BLOCK_RANGE = 10_000;

    private final Web3j web3j;
    private final long blockRange;
    /** The highest head seen, -1 before the first scan: decides whether a scan to the head fits in one request. */
    private volatile long lastHead = -1;

    /** A scanner on {@code web3j} reading at most {@code blockRange} blocks per request. */
    public LogScanner(Web3j web3j, long blockRange) {
        this.web3j = Objects.requireNonNull(web3j, "web3j");
        if (blockRange < 1) {
            throw new IllegalArgumentException("the block range must be at least 1, was " + blockRange);
        }
        this.blockRange = blockRange;
    }

    /** The most blocks one request covers. */
    public long blockRange() {
        return blockRange;
    }

    /**
     * What a scan read: its logs in chain order, and the block range it covered.
     *
     * @param logs      the logs, ordered by block and log index
     * @param fromBlock the first block read
     * @param toBlock   the last block read
     * @param requests  the {@code eth_getLogs} requests it took (refused ones included)
     */
    public record Result(List<Log> logs, BigInteger fromBlock, BigInteger toBlock, int requests) {
        public Result {
            logs = List.copyOf(logs);
        }

        /** Where a later scan for newer logs starts. */
        public BigInteger nextBlock() {
            return toBlock.add(BigInteger.ONE);
        }
    }

    /** Receives the logs of each chunk as it is read (to persist progress, say). */
    @FunctionalInterface
    public interface ChunkListener {
        void onChunk(BigInteger fromBlock, BigInteger toBlock, List<Log> logs);
    }

    /**
     * A scan that failed part-way: {@link #nextBlock()} is the first block not read (every block before it
     * was), so scanning again from there loses and repeats nothing.
     */
    public static final class ScanFailedException extends RpcException {
        private static final long serialVersionUID = 1L;
        private final BigInteger nextBlock;

        ScanFailedException(String message, BigInteger nextBlock, RpcException cause) {
            super(message, cause.isRetryable(), cause);
            this.nextBlock = nextBlock;
        }

        /** The first block not read. */
        public BigInteger nextBlock() {
            return nextBlock;
        }
    }

    /** Every log the filter selects (up to the latest block when the filter gives no end). */
    public Result scan(LogFilter filter) {
        return scan(filter, (from, to, logs) -> { });
    }

    /**
     * As {@link #scan(LogFilter)}, handing each chunk to {@code listener} as it is read.
     *
     * @throws ScanFailedException when a chunk cannot be read; it says where to resume
     */
    public Result scan(LogFilter filter, ChunkListener listener) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(listener, "listener");
        int[] requests = {0};
        List<Log> all = new ArrayList<>();
        BigInteger from = filter.fromBlock();
        BigInteger end = filter.toBlock();
        if (end == null) {
            Head head = headWithLogs(filter, requests);
            if (head != null && head.logs() != null) {
                listener.onChunk(from, head.block(), head.logs());
                return new Result(head.logs(), from, head.block().max(from.subtract(BigInteger.ONE)), requests[0]);
            }
            end = head != null ? head.block() : latestBlock(requests);
        }
        long range = blockRange;
        while (from.compareTo(end) <= 0) {
            BigInteger to = from.add(BigInteger.valueOf(range - 1)).min(end);
            List<Log> chunk;
            try {
                chunk = read(filter, from, to, requests);
            } catch (TooLarge e) {
                if (range == 1) {
                    throw new ScanFailedException("the node refuses the logs of block " + from + " alone: " + e.getMessage(),
                            from, new RpcException(e.getMessage(), false, null));
                }
                range = Math.max(1, range / 2);
                LOG.debug("eth_getLogs of blocks {}..{} refused as too large; trying {} blocks", from, to, range);
                continue;
            } catch (RpcException e) {
                throw new ScanFailedException("reading logs stopped at block " + from + " (every block before it was read): "
                        + e.getMessage(), from, e);
            }
            listener.onChunk(from, to, chunk);
            all.addAll(chunk);
            from = to.add(BigInteger.ONE);
            range = Math.min(blockRange, range * 2);
        }
        return new Result(all, filter.fromBlock(), end.max(filter.fromBlock().subtract(BigInteger.ONE)), requests[0]);
    }

    private boolean fits(BigInteger from, BigInteger head) {
        return head.subtract(from).add(BigInteger.ONE).compareTo(BigInteger.valueOf(blockRange)) <= 0;
    }

    /**
     * When the range to the head is expected to fit in one request (the first scan, or the last head seen says
     * so), asks for the head and the logs up to "latest" in one round trip; keeps the logs (those of blocks up to
     * the reported head: a block mined between the two answers is left for the next scan) only when the range
     * did fit. Returns the head, or empty when it was not asked.
     */
    private record Head(BigInteger block, List<Log> logs) {
    }

    private Head headWithLogs(LogFilter filter, int[] requests) {
        long seen = lastHead;
        if (seen >= 0 && !fits(filter.fromBlock(), BigInteger.valueOf(seen))) {
            return null;
        }
        EthFilter f = ethFilter(filter, DefaultBlockParameter.valueOf(filter.fromBlock()), DefaultBlockParameterName.LATEST);
        requests[0]++;
        BatchResponse answers;
        try {
            answers = web3j.newBatch().add(web3j.ethBlockNumber()).add(web3j.ethGetLogs(f)).send();
        } catch (IOException | RuntimeException e) {
            throw TransportFailures.toRpcException("eth_blockNumber + eth_getLogs", e);
        }
        List<? extends Response<?>> r = answers.getResponses();
        if (r.size() != 2 || !(r.get(0) instanceof EthBlockNumber n) || n.hasError() || n.getResult() == null) {
            return null;
        }
        BigInteger head = n.getBlockNumber();
        lastHead = Math.max(lastHead, head.longValueExact());
        if (!fits(filter.fromBlock(), head) || !(r.get(1) instanceof EthLog answer) || answer.hasError()
                || answer.getLogs() == null) {
            return new Head(head, null);
        }
        List<Log> logs = new ArrayList<>();
        for (Log log : accepted(filter, answer)) {
            if (log.getBlockNumber() != null && log.getBlockNumber().compareTo(head) <= 0) {
                logs.add(log);
            }
        }
        return new Head(head, logs);
    }

    private BigInteger latestBlock(int[] requests) {
        requests[0]++;
        try {
            return web3j.ethBlockNumber().send().getBlockNumber();
        } catch (IOException | RuntimeException e) {
            throw TransportFailures.toRpcException("eth_blockNumber", e);
        }
    }

    private static EthFilter ethFilter(LogFilter filter, DefaultBlockParameter from, DefaultBlockParameter to) {
        EthFilter f = new EthFilter(from, to, filter.address());
        for (List<String> values : filter.topics()) {
            if (values.isEmpty()) {
                f.addNullTopic();
            } else if (values.size() == 1) {
                f.addSingleTopic(values.get(0));
            } else {
                f.addOptionalTopics(values.toArray(String[]::new));
            }
        }
        return f;
    }

    private List<Log> read(LogFilter filter, BigInteger from, BigInteger to, int[] requests) {
        EthFilter f = ethFilter(filter, DefaultBlockParameter.valueOf(from), DefaultBlockParameter.valueOf(to));
        requests[0]++;
        EthLog answer;
        try {
            answer = web3j.ethGetLogs(f).send();
        } catch (IOException | RuntimeException e) {
            throw TransportFailures.toRpcException("eth_getLogs", e);
        }
        if (answer.hasError()) {
            if (isTooLarge(answer.getError().getCode(), answer.getError().getMessage())) {
                throw new TooLarge(answer.getError().getMessage());
            }
            throw TransportFailures.toRpcException("eth_getLogs", answer.getError());
        }
        if (to.longValueExact() > lastHead) {
            lastHead = to.longValueExact();
        }
        return accepted(filter, answer);
    }

    /** The answer's logs that match the filter (a node that ignores part of it cannot smuggle in other logs). */
    private static List<Log> accepted(LogFilter filter, EthLog answer) {
        List<Log> logs = new ArrayList<>();
        String address = filter.address().toLowerCase(Locale.ROOT);
        for (EthLog.LogResult<?> result : answer.getLogs()) {
            Log log = (Log) result.get();
            if (log.getAddress() != null && log.getAddress().toLowerCase(Locale.ROOT).equals(address) && matches(filter, log)) {
                logs.add(log);
            }
        }
        return logs;
    }

    private static boolean matches(LogFilter filter, Log log) {
        List<String> topics = log.getTopics();
        for (int i = 0; i < filter.topics().size(); i++) {
            List<String> accepted = filter.topics().get(i);
            if (accepted.isEmpty()) {
                continue;
            }
            if (i >= topics.size() || !accepted.contains(topics.get(i).toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the node refused a range as too large. Providers word it differently: "query returned more than
     * 10000 results", "block range is too wide", "exceed maximum block range", "Log response size exceeded",
     * code -32005 (limit exceeded).
     */
    static boolean isTooLarge(int code, String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return code == -32005 || m.contains("more than") || m.contains("block range") || m.contains("range is too")
                || m.contains("too many") || m.contains("size exceeded") || m.contains("range too large")
                || m.contains("exceed maximum block range");
    }

    private static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public String toString() {
        return "LogScanner[" + blockRange + " blocks per request]";
    }
}
