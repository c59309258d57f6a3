package io.restake4j.vaults;

import java.util.Objects;

import io.restake4j.units.Amount;

/**
 * A vault's size at one block: the assets it manages ({@code totalAssets()}) and the shares in existence
 * ({@code totalSupply()}), read together in one batch.
 *
 * <pre>{@code
 * VaultTotals t = client.erc4626(vault).totals();
 * System.out.println(t.totalAssets() + " backing " + t.totalShares());
 * }</pre>
 *
 * @param totalAssets the assets the vault manages, in its asset token
 * @param totalShares the shares in existence, in its share token
 */
public record VaultTotals(Amount totalAssets, Amount totalShares) {

    public VaultTotals {
        Objects.requireNonNull(totalAssets, "totalAssets");
        Objects.requireNonNull(totalShares, "totalShares");
    }
}
