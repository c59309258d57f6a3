package io.restake4j.wait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthBlockNumber;

import io.restake4j.errors.WaitTimeoutException;
import io.restake4j.testing.FakeWeb3jService;

/** Waits for blocks, chain time and epochs on a scripted node whose chain advances one block per read (no network). */
class WaiterTest {

    private static final long GENESIS = 1_700_000_000L;

    /** Block n has timestamp GENESIS + 12 n; each read advances the chain by one block. */
    private static Web3j chain(AtomicLong block) {
        return Web3j.build(new FakeWeb3jService(request -> {
            long n = block.getAndIncrement();
            if (request.getMethod().equals("eth_blockNumber")) {
                EthBlockNumber r = new EthBlockNumber();
                r.setResult("0x" + Long.toHexString(n));
                return r;
            }
            if (request.getMethod().equals("eth_getBlockByNumber")) {
                EthBlock.Block b = new EthBlock.Block();
                b.setNumber("0x" + Long.toHexString(n));
                b.setTimestamp("0x" + Long.toHexString(GENESIS + 12 * n));
                EthBlock r = new EthBlock();
                r.setResult(b);
                return r;
            }
            throw new IOException("unexpected " + request.getMethod());
        }));
    }

    @Test
    void untilBlockReturnsTheFirstBlockAtOrPastTheTarget() {
        AtomicLong block = new AtomicLong(10);
        Waiter waiter = new Waiter(chain(block), Duration.ofMillis(1), null);
        assertEquals(15L, waiter.untilBlock(15).await());
    }

    @Test
    void untilTimeUsesTheChainsClockNotTheLocalOne() {
        AtomicLong block = new AtomicLong(0);
        Waiter waiter = new Waiter(chain(block), Duration.ofMillis(1), null);
        Instant target = Instant.ofEpochSecond(GENESIS + 100);
        Instant reached = waiter.untilTime(target).await();
        assertEquals(Instant.ofEpochSecond(GENESIS + 108), reached, "block 9 is the first at or past +100 s");
    }

    @Test
    void untilEpochWaitsForTheEpochsStart() {
        AtomicLong block = new AtomicLong(0);
        Waiter waiter = new Waiter(chain(block), Duration.ofMillis(1), null);
        EpochClock clock = new EpochClock(Instant.ofEpochSecond(GENESIS), Duration.ofSeconds(60));
        assertEquals(3L, waiter.untilEpoch(clock, 3).await());
        assertEquals(Instant.ofEpochSecond(GENESIS + 180), clock.startOf(3));
        assertEquals(2L, clock.epochAt(Instant.ofEpochSecond(GENESIS + 179)));
    }

    @Test
    void aWaitThatIsNotReachedTimesOutSayingWhereTheChainWas() {
        AtomicLong block = new AtomicLong(0);
        Waiter waiter = new Waiter(chain(block), Duration.ofMillis(5), null);
        WaitTimeoutException e = assertThrows(WaitTimeoutException.class,
                () -> waiter.untilBlock(1_000_000).timeout(Duration.ofMillis(50)).await());
        assertTrue(e.getMessage().contains("block 1000000") && e.getMessage().contains("the chain was at block"),
                e.getMessage());
    }

    @Test
    void anAsyncWaitCompletesOnAVirtualThread() throws Exception {
        AtomicLong block = new AtomicLong(0);
        Waiter waiter = new Waiter(chain(block), Duration.ofMillis(1), null);
        Wait<Boolean> virtual = waiter.until("a virtual thread", () -> java.util.Optional.of(Thread.currentThread().isVirtual()));
        assertTrue(virtual.awaitAsync().get(5, TimeUnit.SECONDS));
    }
}
