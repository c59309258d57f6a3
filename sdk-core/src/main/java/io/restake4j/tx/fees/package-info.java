/**
 * Fee strategies: how the pipeline prices each transaction. {@link io.restake4j.tx.fees.FeeStrategies}
 * holds the factories of the built-in ones ({@link io.restake4j.tx.fees.Eip1559Strategy EIP-1559} from
 * the node's fee history, {@link io.restake4j.tx.fees.LegacyStrategy legacy} gas price, fixed fees, and
 * {@link io.restake4j.tx.fees.AutoStrategy auto}, the client's default, which picks one for the node it
 * meets); a strategy of your own implements {@link io.restake4j.tx.fees.FeeStrategy}. The fees
 * themselves are {@link io.restake4j.tx.Fees} values in wei.
 *
 * <pre>{@code
 * Restaking client = Restaking.builder()
 *         .rpc(url).network(Network.mainnet()).signer(signer)
 *         .feeStrategy(FeeStrategies.eip1559().maxFeeCap(FeeStrategies.gwei(80)).build())
 *         .build();
 * }</pre>
 */
package io.restake4j.tx.fees;
