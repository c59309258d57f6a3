package io.restake4j.tx.fees;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthFeeHistory;
import org.web3j.protocol.exceptions.ClientConnectionException;
import org.web3j.utils.Numeric;

import io.restake4j.rpc.TransportFailures;
import io.restake4j.tx.Fees;

/**
 * The arithmetic and answer handling the built-in strategies share: rounding a multiplied fee up, the
 * next base fee of a fee history, checking node answers, and the {@link FeeStrategy.Batched} plumbing.
 *
 * <pre>{@code
 * BigInteger price = FeeMath.timesCeiling(gasPrice, new BigDecimal("1.1"));
 * }</pre>
 */
final class FeeMath {

    private FeeMath() {
    }

    /** {@code wei} x {@code multiplier}, rounded up to a whole wei. */
    static BigInteger timesCeiling(BigInteger wei, BigDecimal multiplier) {
        return new BigDecimal(wei).multiply(multiplier).setScale(0, RoundingMode.CEILING).toBigIntegerExact();
    }

    /** {@code wei}, checked to be non-null and not negative. */
    static BigInteger nonNegative(BigInteger wei, String what) {
        Objects.requireNonNull(wei, what);
        if (wei.signum() < 0) {
            throw new IllegalArgumentException(what + " cannot be negative: " + wei);
        }
        return wei;
    }

    /** Sends {@code request}; a failure to reach the node becomes an {@link io.restake4j.errors.RpcException}. */
    static <R extends Response<?>> R send(Request<?, R> request, String method) {
        try {
            return request.send();
        } catch (IOException | ClientConnectionException e) {
            throw TransportFailures.toRpcException(method, e);
        }
    }

    /** {@code response} as a {@code type}, or an {@link IllegalArgumentException} naming the method. */
    static <R extends Response<?>> R answerOf(Response<?> response, Class<R> type, String method) {
        if (!type.isInstance(response)) {
            throw new IllegalArgumentException("expected an " + method + " answer, got "
                    + (response == null ? "null" : response.getClass().getName()));
        }
        return type.cast(response);
    }

    /** The fee history in an eth_feeHistory answer; a JSON-RPC error becomes an {@link io.restake4j.errors.RpcException}. */
    static EthFeeHistory.FeeHistory historyOf(Response<?> response) {
        EthFeeHistory history = answerOf(response, EthFeeHistory.class, "eth_feeHistory");
        if (history.hasError() || history.getFeeHistory() == null) {
            throw TransportFailures.toRpcException("eth_feeHistory", history.getError());
        }
        return history.getFeeHistory();
    }

    /**
     * The base fee of the block after the newest one: the last entry of {@code baseFeePerGas}, or null when
     * the list is missing or empty or that entry is null.
     */
    static BigInteger nextBaseFeeOf(EthFeeHistory.FeeHistory history) {
        List<String> raw = history.getBaseFeePerGasRaw();
        if (raw == null || raw.isEmpty() || raw.get(raw.size() - 1) == null) {
            return null;
        }
        return Numeric.decodeQuantity(raw.get(raw.size() - 1));
    }

    /** A {@link FeeStrategy.Batched} of {@code request} whose answer {@code reader} turns into fees. */
    static FeeStrategy.Batched batched(Request<?, ? extends Response<?>> request, Function<Response<?>, Fees> reader) {
        return new FeeStrategy.Batched() {
            @Override
            public Request<?, ? extends Response<?>> request() {
                return request;
            }

            @Override
            public Fees fees(Response<?> response) {
                return reader.apply(response);
            }
        };
    }
}
