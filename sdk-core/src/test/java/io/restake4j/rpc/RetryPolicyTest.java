package io.restake4j.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.Response;

class RetryPolicyTest {

    @Test
    void defaults() {
        RetryPolicy p = RetryPolicy.defaults();
        assertEquals(4, p.maxAttempts());
        assertEquals(Duration.ofMillis(200), p.initialBackoff());
        assertEquals(Duration.ofSeconds(5), p.maxBackoff());
        assertEquals(2.0, p.multiplier());
        assertEquals(0.2, p.jitter());
        assertTrue(p.retries());
        assertTrue(p.isIdempotent("eth_call"));
        assertFalse(p.isIdempotent("eth_sendRawTransaction"));
        assertTrue(p.isRetryable(new SocketTimeoutException()));
        assertTrue(p.isRetryable(new Response.Error(-32005, "limit exceeded")));
        assertFalse(p.isRetryable(new Response.Error(3, "execution reverted")));
    }

    @Test
    void noneMakesOneAttempt() {
        assertEquals(1, RetryPolicy.none().maxAttempts());
        assertFalse(RetryPolicy.none().retries());
    }

    @Test
    void backoffGrowsByTheMultiplierUpToTheCap() {
        RetryPolicy p = RetryPolicy.defaults();
        assertEquals(Duration.ofMillis(200), p.backoff(1));
        assertEquals(Duration.ofMillis(400), p.backoff(2));
        assertEquals(Duration.ofMillis(800), p.backoff(3));
        assertEquals(Duration.ofMillis(3200), p.backoff(5));
        assertEquals(Duration.ofSeconds(5), p.backoff(6));
        assertEquals(Duration.ofSeconds(5), p.backoff(60));
        assertThrows(IllegalArgumentException.class, () -> p.backoff(0));

        RetryPolicy triple = RetryPolicy.builder().multiplier(3).initialBackoff(Duration.ofMillis(10)).build();
        assertEquals(Duration.ofMillis(90), triple.backoff(3));
    }

    @Test
    void jitterScalesWithinPlusMinusTheFractionAndNeverPassesTheCap() {
        RetryPolicy low = RetryPolicy.builder().jitter(0.25).random(() -> 0.0).build();
        assertEquals(Duration.ofMillis(300), low.delayBefore(2));
        RetryPolicy high = RetryPolicy.builder().jitter(0.25).random(() -> 0.999999).build();
        assertEquals(Duration.ofMillis(500), high.delayBefore(2));
        assertEquals(Duration.ofSeconds(5), high.delayBefore(10), "capped at max backoff");
        RetryPolicy middle = RetryPolicy.builder().jitter(0.25).random(() -> 0.5).build();
        assertEquals(Duration.ofMillis(400), middle.delayBefore(2));
        RetryPolicy exact = RetryPolicy.builder().jitter(0).random(() -> {
            throw new AssertionError("no randomness without jitter");
        }).build();
        assertEquals(Duration.ofMillis(800), exact.delayBefore(3));

        RetryPolicy real = RetryPolicy.defaults();
        for (int i = 0; i < 200; i++) {
            long ms = real.delayBefore(1).toMillis();
            assertTrue(ms >= 160 && ms <= 240, "jittered 200 ms: " + ms);
        }
    }

    @Test
    void theBuilderValidatesAndCopies() {
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().maxAttempts(0));
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().multiplier(0.5));
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().multiplier(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().jitter(1.5));
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().initialBackoff(Duration.ofMillis(-1)));
        assertThrows(IllegalStateException.class,
                () -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(10)).maxBackoff(Duration.ofSeconds(1)).build());

        RetryPolicy p = RetryPolicy.builder().maxAttempts(7).initialBackoff(Duration.ofMillis(50))
                .maxBackoff(Duration.ofSeconds(1)).multiplier(1.5).jitter(0.1)
                .idempotentIf(m -> m.equals("my_read")).build();
        RetryPolicy copy = p.toBuilder().build();
        assertEquals(p.toString(), copy.toString());
        assertTrue(copy.isIdempotent("my_read"));
        assertFalse(copy.isIdempotent("eth_call"));
        assertFalse(copy.isIdempotent(null));
        assertEquals(7, copy.maxAttempts());
    }

    @Test
    void customClassifiers() {
        RetryPolicy p = RetryPolicy.builder().retryIf(e -> e instanceof IOException)
                .retryErrorIf(e -> e.getCode() == -32000).build();
        assertTrue(p.isRetryable(new IOException("anything")));
        assertFalse(p.isRetryable(new IllegalStateException()));
        assertTrue(p.isRetryable(new Response.Error(-32000, "header not found")));
        assertFalse(p.isRetryable((Throwable) null));
        assertFalse(p.isRetryable((Response.Error) null));
    }
}
