package io.restake4j.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterNumber;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlockNumber;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

import io.restake4j.testing.FakeWeb3jService;

/** The chunked, resumable log scan against a node that caps ranges and fails part-way (no network). */
@SuppressWarnings("rawtypes") // web3j's EthLog holds raw LogResults
class LogScannerTest {

    private static final String NFT = "0x1111111111111111111111111111111111111111";
    private static final String OTHER = "0x2222222222222222222222222222222222222222";
    private static final String TOPIC = "0x" + "ab".repeat(32);
    private static final long LATEST = 40_000;
    private static final long[] LOG_BLOCKS = {5, 5_000, 25_000, 39_999};

    /** A node holding logs at LOG_BLOCKS, refusing ranges wider than {@code cap} blocks, failing the requests in {@code fail}. */
    private static FakeWeb3jService node(long cap, List<String> ranges, AtomicInteger failAt) {
        AtomicInteger getLogs = new AtomicInteger();
        return new FakeWeb3jService(request -> {
            if (request.getMethod().equals("eth_blockNumber")) {
                EthBlockNumber n = new EthBlockNumber();
                n.setResult("0x" + Long.toHexString(LATEST));
                return n;
            }
            EthFilter f = (EthFilter) request.getParams().get(0);
            long from = ((DefaultBlockParameterNumber) f.getFromBlock()).getBlockNumber().longValueExact();
            long to = f.getToBlock() instanceof DefaultBlockParameterNumber n ? n.getBlockNumber().longValueExact() : LATEST;
            ranges.add(from + ".." + to);
            if (getLogs.incrementAndGet() == failAt.get()) {
                throw new IOException("connection reset");
            }
            if (to - from + 1 > cap) {
                return FakeWeb3jService.error(-32005, "query exceeds max block range " + cap);
            }
            List<EthLog.LogResult> logs = new ArrayList<>();
            for (long b : LOG_BLOCKS) {
                if (b >= from && b <= to) {
                    logs.add(log(NFT, b));
                    logs.add(log(OTHER, b)); // a node that ignores the address filter must not leak these in
                }
            }
            EthLog answer = new EthLog();
            answer.setResult(logs);
            return answer;
        });
    }

    private static EthLog.LogObject log(String address, long block) {
        EthLog.LogObject l = new EthLog.LogObject();
        l.setAddress(address);
        l.setBlockNumber("0x" + Long.toHexString(block));
        l.setTopics(List.of(TOPIC));
        return l;
    }

    @Test
    void aRangeTheNodeRefusesIsHalvedAndEveryLogIsFoundInOrder() {
        List<String> ranges = new ArrayList<>();
        LogScanner scanner = new LogScanner(Web3j.build(node(8_000, ranges, new AtomicInteger(-1))), 10_000);
        LogScanner.Result r = scanner.scan(LogFilter.of(NFT).topic(0, TOPIC));
        assertEquals(List.of(5L, 5_000L, 25_000L, 39_999L), r.logs().stream().map(Log::getBlockNumber)
                .map(BigInteger::longValueExact).toList());
        assertEquals(BigInteger.valueOf(LATEST + 1), r.nextBlock());
        assertEquals("0..40000", ranges.get(0), "first scan: the head and the logs to it in one batch, in case it fits");
        assertEquals("0..9999", ranges.get(1), "it does not: the configured range");
        assertEquals("0..4999", ranges.get(2), "halved after the refusal");
        assertTrue(ranges.stream().skip(3).allMatch(x -> {
            String[] p = x.split("\\.\\.");
            return Long.parseLong(p[1]) - Long.parseLong(p[0]) + 1 <= 10_000;
        }), ranges.toString());
        // every block read exactly once among the accepted chunks
        long covered = ranges.stream().map(x -> x.split("\\.\\.")).mapToLong(p -> Long.parseLong(p[1]) - Long.parseLong(p[0]) + 1)
                .filter(n -> n <= 8_000).sum();
        assertEquals(r.requests(), ranges.size(), "one request per range (the first batch counts once)");
        assertEquals(LATEST + 1, covered);
    }

    @Test
    void aScanThatFailsPartWaySaysWhereToResumeAndResumingLosesAndRepeatsNothing() {
        List<String> ranges = new ArrayList<>();
        AtomicInteger failAt = new AtomicInteger(3); // the third eth_getLogs (after the batch and 0..9999) fails
        LogScanner scanner = new LogScanner(Web3j.build(node(100_000, ranges, failAt)), 10_000);
        List<Long> seen = new ArrayList<>();
        LogScanner.ScanFailedException failed = assertThrows(LogScanner.ScanFailedException.class,
                () -> scanner.scan(LogFilter.of(NFT), (from, to, logs) -> logs.forEach(l -> seen.add(
                        l.getBlockNumber().longValueExact()))));
        assertEquals(BigInteger.valueOf(10_000), failed.nextBlock(), failed.getMessage());
        assertEquals(List.of(5L, 5_000L), seen, "the chunks before the failure were handed over");
        failAt.set(-1);
        LogScanner.Result rest = scanner.scan(LogFilter.of(NFT).fromBlock(failed.nextBlock()));
        assertEquals(List.of(25_000L, 39_999L), rest.logs().stream().map(l -> l.getBlockNumber().longValueExact()).toList());
    }

    @Test
    void aRangeThatFitsIsOneRoundTripAndTheHeadItReportsBoundsTheResult() {
        List<String> ranges = new ArrayList<>();
        LogScanner scanner = new LogScanner(Web3j.build(node(100_000, ranges, new AtomicInteger(-1))), 50_000);
        LogScanner.Result r = scanner.scan(LogFilter.of(NFT).fromBlock(BigInteger.valueOf(1_000)));
        assertEquals(1, r.requests(), "eth_blockNumber and eth_getLogs in one batch");
        assertEquals(List.of("1000..40000"), ranges);
        assertEquals(List.of(5_000L, 25_000L, 39_999L), r.logs().stream().map(l -> l.getBlockNumber().longValueExact()).toList());
        assertEquals(BigInteger.valueOf(LATEST), r.toBlock());
    }

    @Test
    void providersWordingsOfTooLargeAreRecognised() {
        assertTrue(LogScanner.isTooLarge(-32005, "limit exceeded"));
        assertTrue(LogScanner.isTooLarge(-32000, "query returned more than 10000 results"));
        assertTrue(LogScanner.isTooLarge(-32602, "eth_getLogs is limited to a 10,000 block range"));
        assertTrue(!LogScanner.isTooLarge(-32000, "header not found"));
    }
}
