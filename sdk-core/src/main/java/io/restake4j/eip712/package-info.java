/**
 * EIP-712 typed data: domains ({@link io.restake4j.eip712.Eip712Domain}), struct types
 * ({@link io.restake4j.eip712.StructType}), typed data with its digest and the JSON wallets sign
 * ({@link io.restake4j.eip712.TypedData}), 65-byte signatures ({@link io.restake4j.eip712.Signature}), and
 * the domain read from a contract and checked against its own separator
 * ({@link io.restake4j.eip712.Eip712DomainReader}).
 *
 * <pre>{@code
 * Eip712Domain domain = new Eip712DomainReader(client.context().reads(), client.context().chainId())
 *         .read(delegationManager, "EigenLayer");                // checked against domainSeparator()
 * TypedData data = TypedData.of(domain, type, message);
 * String json = data.toJson();                                    // for eth_signTypedData_v4
 * Signature sig = Signature.fromHex(walletAnswer);                // 65 bytes r || s || v
 * }</pre>
 */
package io.restake4j.eip712;
