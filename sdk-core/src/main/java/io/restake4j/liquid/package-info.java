/**
 * Types shared by the liquid staking protocols (Lido, ether.fi, Rocket Pool): results of writes,
 * withdrawal requests with their status, and positions.
 *
 * <pre>{@code
 * client.lido().requests().stream().filter(WithdrawalRequest::isClaimable).forEach(System.out::println);
 * }</pre>
 */
package io.restake4j.liquid;
