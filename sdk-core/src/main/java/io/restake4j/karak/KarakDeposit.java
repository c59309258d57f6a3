package io.restake4j.karak;

import java.math.BigInteger;
import java.util.Objects;

import io.restake4j.units.Amount;

/**
 * One of an account's Karak v1 deposits, as the VaultSupervisor's {@code getDeposits} reports it: the vault, what its
 * shares are worth now in the vault's asset, and the shares credited to the account in the supervisor.
 *
 * <pre>{@code
 * for (KarakDeposit d : client.karak().deposits()) System.out.println(d.vault() + ": " + d.assets());
 * }</pre>
 */
public record KarakDeposit(String vault, Amount assets, BigInteger shares) {

    public KarakDeposit {
        Objects.requireNonNull(vault, "vault");
        Objects.requireNonNull(assets, "assets");
        Objects.requireNonNull(shares, "shares");
    }
}
