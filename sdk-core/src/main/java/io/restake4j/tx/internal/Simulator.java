package io.restake4j.tx.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.web3j.protocol.ObjectMapperFactory;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

import io.restake4j.errors.RpcException;
import io.restake4j.rpc.TransportFailures;
import io.restake4j.tx.Step;

/**
 * Runs calls in sequence against the latest state without changing it.
 *
 * <p>With {@code eth_simulateV1} (anvil, geth, reth, Nethermind, Erigon) all calls run in one simulated
 * block, each seeing the state the previous ones left, in one round trip. Without it, only the first
 * call can be simulated faithfully ({@code eth_call} plus {@code eth_estimateGas}); later ones are
 * reported as not simulated, and the caller simulates each right before sending it.
 */
public final class Simulator {

    /** One call's outcome. */
    public record Outcome(boolean simulated, boolean success, String returnData, BigInteger gasUsed, List<Log> logs) {
    }

    /** All calls' outcomes, and the simulated block's base fee (null when unknown). */
    public record Result(List<Outcome> outcomes, BigInteger baseFeePerGas, String method) {
    }

    /** The JSON-RPC response of eth_simulateV1, kept as a JSON tree. */
    public static final class SimulateResponse extends Response<JsonNode> {
    }

    private static final ObjectMapper JSON = ObjectMapperFactory.getObjectMapper();

    private final Web3j web3j;
    private final Web3jService service;
    /** How long a node that lacked eth_simulateV1 is trusted to lack it before it is asked again. */
    static final long REPROBE_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(10);

    /** When the node last said it has no eth_simulateV1 ({@code System.nanoTime()}), or null. */
    private volatile Long simulateV1MissingSince;

    public Simulator(Web3j web3j, Web3jService service) {
        this.web3j = web3j;
        this.service = service;
    }

    /** Whether the node answers eth_simulateV1 (as far as we know). */
    public boolean hasSimulateV1() {
        Long since = simulateV1MissingSince;
        return since == null || System.nanoTime() - since > REPROBE_NANOS;
    }

    /** The eth_simulateV1 request for {@code calls} from {@code from}, without sending it. */
    public Request<?, SimulateResponse> request(String from, List<Step> calls) {
        List<Map<String, Object>> jsonCalls = new ArrayList<>();
        for (Step s : calls) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("from", from);
            c.put("to", s.to());
            c.put("data", s.data());
            if (s.value().signum() > 0) {
                c.put("value", Numeric.toHexStringWithPrefix(s.value()));
            }
            jsonCalls.add(c);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("blockStateCalls", List.of(Map.of("calls", jsonCalls)));
        payload.put("validation", false);
        payload.put("traceTransfers", false);
        payload.put("returnFullTransactions", false);
        // Based on "pending": the simulated block is then the one a transaction sent now lands in
        // (latest + 1) on geth and on anvil alike; anvil 1.7 simulates on "latest" in the latest block's
        // own number, one block early, which matters to block-number rules such as withdrawal delays.
        return new Request<>("eth_simulateV1", List.of(payload, "pending"), service, SimulateResponse.class);
    }

    /** Simulates {@code calls} in order; falls back to eth_call when the node lacks eth_simulateV1. */
    public Result simulate(String from, List<Step> calls) {
        if (hasSimulateV1()) {
            SimulateResponse response;
            try {
                response = request(from, calls).send();
            } catch (IOException | RuntimeException e) {
                throw TransportFailures.toRpcException("eth_simulateV1", e);
            }
            Result r = parse(response, calls.size());
            if (r != null) {
                return r;
            }
        }
        return fallback(from, calls);
    }

    /**
     * Reads an eth_simulateV1 response; null when the node does not support the method (then the
     * caller falls back and this simulator remembers it).
     */
    public Result parse(SimulateResponse response, int expectedCalls) {
        if (response.hasError()) {
            if (GasFunds.isInsufficientFunds(response.getError())) {
                throw new GasFunds.Refused(response.getError().getMessage());
            }
            if (isUnsupported(response.getError())) {
                simulateV1MissingSince = System.nanoTime();
                return null;
            }
            // Anything else (a rate limit, "header not found", a node hiccup) is passing: the operation is not
            // sent, and may be tried again; the client keeps using eth_simulateV1.
            throw new RpcException("eth_simulateV1 failed: " + response.getError().getMessage()
                    + " (code " + response.getError().getCode() + ")", true, null);
        }
        simulateV1MissingSince = null;
        JsonNode block = response.getResult() == null ? null : response.getResult().path(0);
        if (block == null || block.isMissingNode() || !block.path("calls").isArray()) {
            throw new RpcException("eth_simulateV1 returned no block", false, null);
        }
        JsonNode calls = block.path("calls");
        if (calls.size() != expectedCalls) {
            throw new RpcException("eth_simulateV1 answered " + calls.size() + " calls for " + expectedCalls, false, null);
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (JsonNode c : calls) {
            boolean ok = "0x1".equals(c.path("status").asText());
            String data = c.path("returnData").asText("0x");
            JsonNode errorData = c.path("error").path("data");
            if (!ok && errorData.isTextual() && errorData.asText().length() > 2) {
                data = errorData.asText(); // where the spec puts revert data (anvil uses returnData)
            }
            List<Log> logs = new ArrayList<>();
            for (JsonNode l : c.path("logs")) {
                logs.add(JSON.convertValue(l, Log.class));
            }
            outcomes.add(new Outcome(true, ok, data, Numeric.decodeQuantity(c.path("gasUsed").asText("0x0")), logs));
        }
        String baseFee = block.path("baseFeePerGas").asText(null);
        return new Result(outcomes, baseFee == null ? null : Numeric.decodeQuantity(baseFee), "eth_simulateV1");
    }

    private Result fallback(String from, List<Step> calls) {
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            if (i == 0) {
                outcomes.add(callOne(from, calls.get(0)));
            } else {
                outcomes.add(new Outcome(false, false, null, null, List.of()));
            }
        }
        return new Result(outcomes, null, "eth_call");
    }

    /** Simulates one call against the latest state: eth_call, and eth_estimateGas when it succeeds. */
    public Outcome callOne(String from, Step step) {
        Transaction tx = Transaction.createFunctionCallTransaction(from, null, null, null, step.to(), step.value(), step.data());
        try {
            EthCall call = web3j.ethCall(tx, DefaultBlockParameterName.LATEST).send();
            if (call.isReverted() || call.hasError()) {
                String data = call.getRevertReasonEncodedData();
                if (data == null && call.hasError() && GasFunds.isInsufficientFunds(call.getError())) {
                    throw new GasFunds.Refused(call.getError().getMessage());
                }
                if (data == null && call.hasError() && !call.isReverted()) {
                    throw new RpcException("eth_call to " + step.to() + " failed: " + call.getError().getMessage(), false, null);
                }
                return new Outcome(true, false, data == null ? "0x" : data.replace("\"", ""), BigInteger.ZERO, List.of());
            }
            EthEstimateGas gas = web3j.ethEstimateGas(tx).send();
            if (gas.hasError()) {
                return new Outcome(true, false, "0x", BigInteger.ZERO, List.of());
            }
            return new Outcome(true, true, call.getValue(), gas.getAmountUsed(), List.of());
        } catch (GasFunds.Refused refused) {
            throw refused;
        } catch (IOException | RuntimeException e) {
            throw TransportFailures.toRpcException("eth_call to " + step.to(), e);
        }
    }

    /**
     * Whether the node said it has no such method: JSON-RPC's -32601 ("method not found"; geth words it "the
     * method eth_simulateV1 does not exist/is not available"), or a message naming the method as unknown.
     * Transient errors that merely contain "not available" do not count.
     */
    static boolean isUnsupported(Response.Error error) {
        if (error.getCode() == -32601) {
            return true;
        }
        String m = error.getMessage() == null ? "" : error.getMessage().toLowerCase(Locale.ROOT);
        return m.contains("method not found") || m.contains("unknown method") || m.contains("unsupported method")
                || (m.contains("eth_simulatev1") && (m.contains("does not exist") || m.contains("not supported")));
    }
}
