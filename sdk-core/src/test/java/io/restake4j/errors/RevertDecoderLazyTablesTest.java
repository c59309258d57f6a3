package io.restake4j.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.restake4j.Restaking;
import io.restake4j.network.Network;

/** The revert decoder's custom-error tables are built on first use, once, and not by building a client. */
class RevertDecoderLazyTablesTest {

    /** ERC20InsufficientBalance(0x7099...79c8, 5, 7). */
    private static final String CUSTOM_ERROR = "0xe450d38c"
            + "00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8"
            + "0000000000000000000000000000000000000000000000000000000000000005"
            + "0000000000000000000000000000000000000000000000000000000000000007";
    private static final String ERROR_STRING = "0x08c379a0"
            + "0000000000000000000000000000000000000000000000000000000000000020"
            + "0000000000000000000000000000000000000000000000000000000000000002"
            + "6e6f000000000000000000000000000000000000000000000000000000000000";

    @Test
    void buildingAClientBuildsNoTablesTheFirstCustomErrorDoes() {
        RevertDecoder.forgetStandard();
        try (Restaking client = Restaking.builder().rpc("http://127.0.0.1:9").network(Network.mainnet()).build()) {
            client.etherFi(); // a facade too: still nothing to decode
            RevertDecoder decoder = RevertDecoder.standard();
            assertFalse(decoder.tablesBuilt(), "building the client built the decoder's tables");
            assertEquals(0, decoder.tableBuilds());
            assertEquals(DecodedRevert.Kind.ERROR_STRING, decoder.decode(ERROR_STRING).kind());
            assertFalse(decoder.tablesBuilt(), "Error(string) needs no tables");

            DecodedRevert custom = decoder.decode(CUSTOM_ERROR);
            assertEquals(DecodedRevert.Kind.CUSTOM, custom.kind());
            assertEquals("ERC20InsufficientBalance", custom.name());
            assertTrue(decoder.tablesBuilt());
            assertEquals(1, decoder.tableBuilds());
            assertSame(decoder, RevertDecoder.standard(), "one standard decoder");
        }
    }

    @Test
    void concurrentFirstDecodesBuildTheTablesOnce() throws Exception {
        RevertDecoder decoder = RevertDecoder.load(getClass().getClassLoader());
        assertEquals("RevertDecoder[custom errors not loaded yet]", decoder.toString());
        int threads = 12;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<DecodedRevert>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return decoder.decode(CUSTOM_ERROR);
                }));
            }
            start.countDown();
            for (Future<DecodedRevert> r : results) {
                assertEquals("ERC20InsufficientBalance", r.get(30, TimeUnit.SECONDS).name());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, decoder.tableBuilds(), "the tables were built once");
        assertTrue(decoder.toString().matches("RevertDecoder\\[\\d+ custom errors]"), decoder.toString());
    }
}
