package io.restake4j.tx.fees;

import static io.restake4j.tx.fees.FeeMath.answerOf;
import static io.restake4j.tx.fees.FeeMath.historyOf;
import static io.restake4j.tx.fees.FeeMath.nextBaseFeeOf;
import static io.restake4j.tx.fees.FeeMath.send;

import java.math.BigInteger;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthFeeHistory;

import io.restake4j.rpc.TransportFailures;
import io.restake4j.tx.Fees;

/**
 * EIP-1559 where the node has it, legacy elsewhere. The first use asks {@code eth_feeHistory} and
 * decides: EIP-1559 when the history gives the next block a non-zero base fee; legacy when it gives
 * none (list missing or empty, or a zero base fee, as pre-London nodes report) or the node does not
 * know the method (JSON-RPC error -32601 or "method ... not found/does not exist/not supported"). The
 * decision is made once per instance and kept (thread-safe: concurrent first calls through
 * {@link #fees(Web3j)} wait for one detection; the first decision recorded is never changed).
 * A transport failure decides nothing: the next call asks again. Its answer doubles as the first
 * EIP-1559 fee history, so deciding costs no extra round trip on an EIP-1559 node.
 *
 * <p>{@link #batched(Web3j)}: the legacy strategy's {@code eth_gasPrice} request once legacy has been
 * decided; otherwise (undecided or EIP-1559) the EIP-1559 {@code eth_feeHistory} request, whose
 * answer also makes the decision when none was made. When that answer decides legacy, its
 * {@code fees(response)} asks the node for {@code eth_gasPrice} with the same {@link Web3j} (one extra
 * round trip, once).
 *
 * <pre>{@code
 * AutoStrategy auto = FeeStrategies.auto();
 * Fees fees = auto.fees(web3j);
 * if (auto.decision() == AutoStrategy.Decision.LEGACY) log.info("this chain has no EIP-1559");
 * }</pre>
 */
public final class AutoStrategy implements FeeStrategy {

    /** What an {@link AutoStrategy} has decided. */
    public enum Decision {
        /** Not yet used successfully. */
        UNDECIDED,
        /** The node has base fees: {@link Fees.Eip1559}. */
        EIP1559,
        /** The node has no base fees: {@link Fees.Legacy}. */
        LEGACY
    }

    private final Eip1559Strategy eip1559;
    private final LegacyStrategy legacy;
    private final AtomicReference<Decision> decision = new AtomicReference<>(Decision.UNDECIDED);
    private final ReentrantLock detecting = new ReentrantLock();

    AutoStrategy(Eip1559Strategy eip1559, LegacyStrategy legacy) {
        this.eip1559 = eip1559;
        this.legacy = legacy;
    }

    @Override
    public Fees fees(Web3j web3j) {
        switch (decision.get()) {
            case EIP1559:
                return eip1559.fees(web3j);
            case LEGACY:
                return legacy.fees(web3j);
            default:
                break;
        }
        detecting.lock();
        try {
            if (decision.get() != Decision.UNDECIDED) {
                return fees(web3j);
            }
            return decideFrom(send(eip1559.request(web3j), "eth_feeHistory"), web3j);
        } finally {
            detecting.unlock();
        }
    }

    @Override
    public Batched batched(Web3j web3j) {
        if (decision.get() == Decision.LEGACY) {
            return legacy.batched(web3j);
        }
        return FeeMath.batched(eip1559.request(web3j), response -> decision.get() == Decision.EIP1559
                ? eip1559.fees(historyOf(response))
                : decideFrom(answerOf(response, EthFeeHistory.class, "eth_feeHistory"), web3j));
    }

    /** Decides (unless decided) from an eth_feeHistory answer, then prices with the decided strategy. */
    private Fees decideFrom(EthFeeHistory response, Web3j web3j) {
        if (response.hasError()) {
            if (!isUnknownMethod(response.getError())) {
                throw TransportFailures.toRpcException("eth_feeHistory", response.getError());
            }
            decision.compareAndSet(Decision.UNDECIDED, Decision.LEGACY);
        } else {
            EthFeeHistory.FeeHistory history = response.getFeeHistory();
            BigInteger nextBaseFee = history == null ? null : nextBaseFeeOf(history);
            boolean hasBaseFee = nextBaseFee != null && nextBaseFee.signum() > 0;
            decision.compareAndSet(Decision.UNDECIDED, hasBaseFee ? Decision.EIP1559 : Decision.LEGACY);
            if (decision.get() == Decision.EIP1559 && hasBaseFee) {
                return eip1559.fees(history);
            }
        }
        return decision.get() == Decision.EIP1559 ? eip1559.fees(web3j) : legacy.fees(web3j);
    }

    private static boolean isUnknownMethod(Response.Error error) {
        if (error.getCode() == -32601) {
            return true;
        }
        String message = error.getMessage() == null ? "" : error.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("method") && (message.contains("not found") || message.contains("does not exist")
                || message.contains("not supported") || message.contains("not available"));
    }

    /** What this instance has decided so far. */
    public Decision decision() {
        return decision.get();
    }

    public Eip1559Strategy eip1559() {
        return eip1559;
    }

    public LegacyStrategy legacy() {
        return legacy;
    }

    @Override
    public String toString() {
        return "FeeStrategies.auto[" + decision.get() + ", " + eip1559 + ", " + legacy + "]";
    }
}
