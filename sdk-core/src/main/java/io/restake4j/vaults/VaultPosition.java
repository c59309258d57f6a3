package io.restake4j.vaults;

import java.util.Objects;

import io.restake4j.units.Amount;

/**
 * One account's stake in a vault: the shares it holds and what they are worth in the vault's asset now, as
 * redeeming all of them would pay ({@code previewRedeem}, rounded down as the vault rounds).
 *
 * <pre>{@code
 * VaultPosition p = client.erc4626(vault).position(owner);
 * System.out.println(p.shares() + " worth " + p.assets());
 * }</pre>
 *
 * @param owner  the account
 * @param shares its shares, in the vault's share token
 * @param assets their value, in the vault's asset token
 */
public record VaultPosition(String owner, Amount shares, Amount assets) {

    public VaultPosition {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(shares, "shares");
        Objects.requireNonNull(assets, "assets");
    }
}
