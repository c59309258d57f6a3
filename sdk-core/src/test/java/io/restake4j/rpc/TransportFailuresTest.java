package io.restake4j.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.OptionalInt;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.exceptions.ClientConnectionException;

import io.restake4j.errors.RestakeException;
import io.restake4j.errors.RpcException;

class TransportFailuresTest {

    static ClientConnectionException http(int status) {
        return new ClientConnectionException("Invalid response received: " + status + "; <html>body</html>");
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 425, 429, 500, 502, 503, 504, 520, 599})
    void passingHttpStatusesAreRetryable(int status) {
        assertTrue(TransportFailures.isRetryable(http(status)));
        assertEquals(OptionalInt.of(status), TransportFailures.httpStatus(http(status)));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 413, 501, 505})
    void finalHttpStatusesAreNot(int status) {
        assertFalse(TransportFailures.isRetryable(http(status)));
    }

    @Test
    void transportExceptions() {
        assertTrue(TransportFailures.isRetryable(new SocketTimeoutException("Read timed out")));
        assertTrue(TransportFailures.isRetryable(new InterruptedIOException("timeout")));
        assertTrue(TransportFailures.isRetryable(new ConnectException("Connection refused")));
        assertTrue(TransportFailures.isRetryable(new SocketException("Connection reset")));
        assertTrue(TransportFailures.isRetryable(new EOFException("\\n not found")));
        assertTrue(TransportFailures.isRetryable(new UncheckedIOException(new SocketTimeoutException())), "cause chain");
        assertFalse(TransportFailures.isRetryable(new SSLHandshakeException("bad certificate")));
        assertFalse(TransportFailures.isRetryable(new UnknownHostException("no.such.host")));
        assertFalse(TransportFailures.isRetryable(new IOException("something else")));
        assertFalse(TransportFailures.isRetryable(new IllegalStateException("a bug")));
        assertFalse(TransportFailures.isRetryable(new ClientConnectionException("no status here")));
        assertFalse(TransportFailures.isRetryable((Throwable) null));
        assertTrue(TransportFailures.isRetryable(new RpcException("x", true, null)));
        assertFalse(TransportFailures.isRetryable(new RpcException("x", false, new SocketTimeoutException())),
                "an RpcException's own verdict wins");
        assertFalse(TransportFailures.isRetryable(new RestakeException("x")));
        assertEquals(OptionalInt.empty(), TransportFailures.httpStatus(new IOException("Invalid response received: 503;")));
    }

    @Test
    void jsonRpcErrors() {
        assertTrue(TransportFailures.isRetryable(new Response.Error(-32005, "limit exceeded")));
        assertTrue(TransportFailures.isRetryable(new Response.Error(429, "Too Many Requests")));
        assertTrue(TransportFailures.isRetryable(new Response.Error(-32000, "Your app has exceeded its compute units per second capacity; rate limit")));
        assertTrue(TransportFailures.isRetryable(new Response.Error(-32603, "too many requests, slow down")));
        assertFalse(TransportFailures.isRetryable(new Response.Error(3, "execution reverted: custom error 0x136d82c4")));
        assertFalse(TransportFailures.isRetryable(new Response.Error(-32000, "execution reverted")));
        assertFalse(TransportFailures.isRetryable(new Response.Error(-32000, "nonce too low")));
        assertFalse(TransportFailures.isRetryable(new Response.Error(-32601, "method not found")));
        assertFalse(TransportFailures.isRetryable(new Response.Error(-32602, "invalid params")));
        assertFalse(TransportFailures.isRetryable(new Response.Error(-32000, null)));
        assertFalse(TransportFailures.isRetryable((Response.Error) null));
    }

    @Test
    void idempotentMethodsAreAnAllowList() {
        for (String read : new String[] {"eth_call", "eth_getBalance", "eth_getTransactionCount",
                "eth_getTransactionReceipt", "eth_getTransactionByHash", "eth_chainId", "net_version", "eth_blockNumber",
                "eth_getBlockByNumber", "eth_getBlockByHash", "eth_getCode", "eth_getStorageAt", "eth_feeHistory",
                "eth_gasPrice", "eth_maxPriorityFeePerGas", "eth_estimateGas", "eth_simulateV1", "eth_getLogs"}) {
            assertTrue(TransportFailures.isIdempotent(read), read);
        }
        for (String write : new String[] {"eth_sendRawTransaction", "eth_sendTransaction", "eth_sign",
                "eth_signTransaction", "eth_signTypedData_v4", "personal_sign", "personal_unlockAccount",
                "anvil_setCode", "anvil_mine", "evm_snapshot", "evm_revert", "evm_mine", "hardhat_reset",
                "eth_newFilter", "eth_newBlockFilter", "eth_getFilterChanges", "eth_uninstallFilter", "eth_subscribe",
                "debug_traceTransaction", "ETH_CALL", "", "unknown_method"}) {
            assertFalse(TransportFailures.isIdempotent(write), write);
        }
        assertFalse(TransportFailures.isIdempotent(null));
        assertTrue(TransportFailures.idempotentMethods().contains("eth_call"));
    }

    @Test
    void descriptionsAndRpcExceptions() {
        assertEquals("HTTP 503", TransportFailures.describe(http(503)));
        assertEquals("SocketTimeoutException: Read timed out",
                TransportFailures.describe(new SocketTimeoutException("Read timed out")));
        assertTrue(TransportFailures.describe(new IOException("x".repeat(1000))).length() < 300);

        RpcException fromHttp = TransportFailures.toRpcException("eth_call", http(502));
        assertTrue(fromHttp.isRetryable());
        assertEquals("eth_call failed: HTTP 502", fromHttp.getMessage());
        assertFalse(TransportFailures.toRpcException("eth_call", http(400)).isRetryable());

        RpcException already = new RpcException("as is", true, null);
        assertSame(already, TransportFailures.toRpcException("eth_call", already));

        RpcException limited = TransportFailures.toRpcException("eth_getLogs", new Response.Error(-32005, "slow down"));
        assertTrue(limited.isRetryable());
        assertEquals("eth_getLogs failed: error -32005: slow down", limited.getMessage());
        assertFalse(TransportFailures.toRpcException("eth_call", (Response.Error) null).isRetryable());
    }
}
