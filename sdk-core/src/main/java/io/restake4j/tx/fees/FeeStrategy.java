package io.restake4j.tx.fees;

import org.web3j.protocol.Web3j;

import io.restake4j.tx.Fees;

/**
 * Decides the fees of the next transactions. See {@link FeeStrategies} for the built-in ones; a custom
 * strategy (an oracle, a fixed policy) implements this.
 *
 * <pre>{@code
 * FeeStrategy strategy = FeeStrategies.eip1559().maxFeeCap(gwei(80)).build();
 * Fees fees = strategy.fees(web3j);
 * }</pre>
 */
@FunctionalInterface
public interface FeeStrategy {

    /**
     * Fees for a transaction sent now.
     *
     * @throws io.restake4j.errors.RpcException when the node cannot be asked
     * @throws io.restake4j.errors.RestakeException when the strategy's caps make inclusion impossible
     */
    Fees fees(Web3j web3j);

    /**
     * Optional: the single JSON-RPC request this strategy needs and how to read its answer, so that
     * the pipeline can send it in the same batch as the simulation (one round trip for a preview).
     * Returns null when the strategy cannot work that way (the default).
     */
    default Batched batched(Web3j web3j) {
        return null;
    }

    /**
     * A fee request to send in a JSON-RPC batch, and how to turn its response into fees.
     *
     * <pre>{@code
     * FeeStrategy.Batched batched = strategy.batched(web3j);
     * Fees fees = batched.fees(batched.request().send());
     * }</pre>
     */
    interface Batched {
        org.web3j.protocol.core.Request<?, ? extends org.web3j.protocol.core.Response<?>> request();

        Fees fees(org.web3j.protocol.core.Response<?> response);
    }
}
