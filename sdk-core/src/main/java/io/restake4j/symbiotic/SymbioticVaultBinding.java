package io.restake4j.symbiotic;

/**
 * A Symbiotic vault binding of the right kind for the vault's version: {@link SymbioticVault} for versions 1 and 2
 * (v1 vaults with epochs), {@link SymbioticVaultV2} for 3 and later (Core V2, ERC-4626 with a withdrawal queue).
 * {@link Symbiotic#open(String)} reads the version and returns the matching one.
 *
 * <pre>{@code
 * switch (client.symbiotic().open(address)) {
 *     case SymbioticVault v1 -> v1.deposit(Amount.parse("1", v1.collateral())).send();
 *     case SymbioticVaultV2 v2 -> v2.deposit(Amount.parse("1", v2.asset())).send();
 * }
 * }</pre>
 */
public sealed interface SymbioticVaultBinding permits SymbioticVault, SymbioticVaultV2 {

    /** The vault's address. */
    String address();

    /** The vault's VaultFactory version. */
    long version();
}
