/**
 * ERC-4626 tokenized vaults over any ERC-20: {@link io.restake4j.vaults.Erc4626Vault} reads a vault's totals,
 * conversions, previews, limits and positions in batches, and offers deposit, mint, withdraw and redeem as lazy
 * operations refused before signing when the vault would not take them. Protocol packages whose deposits live
 * in ERC-4626-like vaults build on it; users reach any vault with {@code client.erc4626(address)}.
 *
 * <pre>{@code
 * Erc4626Vault vault = client.erc4626("0x...");
 * VaultResult in = vault.deposit(Amount.parse("100", vault.asset())).send();
 * System.out.println(in.shares() + " for " + in.assets() + "; now worth " + vault.position().assets());
 * }</pre>
 */
package io.restake4j.vaults;
