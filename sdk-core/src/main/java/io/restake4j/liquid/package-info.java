/**
 * Types shared by the liquid staking protocols (Lido, ether.fi, Rocket Pool): results of writes, withdrawal
 * requests ({@link io.restake4j.liquid.LiquidWithdrawal}, an {@link io.restake4j.exits.Withdrawal}) and positions
 * looked up by token.
 *
 * <pre>{@code
 * client.lido().withdrawals().pending().stream().filter(LiquidWithdrawal::isClaimable).forEach(System.out::println);
 * LiquidPosition wst = client.lido().positions().of(client.lido().wstETH());
 * }</pre>
 */
package io.restake4j.liquid;
