/**
 * Symbiotic for stakers ({@code client.symbiotic()}): core v1 vaults (version 1 Vault and 2 VaultTokenized) found
 * through the VaultFactory, deposits, withdrawals and redemptions into epoch buckets, claims once a bucket's epoch
 * has ended, positions, exposure, slashes and staker rewards ({@link io.restake4j.symbiotic.SymbioticVault}); Core V2
 * vaults (version 3 and later: ERC-4626 deposits, instant exits within {@code withdrawable()}, the withdrawal queue
 * of ERC-721 tickets; {@link io.restake4j.symbiotic.SymbioticVaultV2}). {@code open(address)} picks the binding by
 * the vault's version.
 *
 * <pre>{@code
 * SymbioticVault vault = client.symbiotic().vault("0x...");
 * vault.deposit(Amount.parse("10", vault.collateral())).send();          // approve (if short) + deposit
 * SymbioticVaultResult w = vault.withdraw(Amount.parse("4", vault.collateral())).send();
 * // ... once its bucket unlocks (vault.withdrawal(w.epoch().orElseThrow()).unlocksAt()) ...
 * vault.claim(w.epoch().orElseThrow()).send();
 * }</pre>
 */
package io.restake4j.symbiotic;
