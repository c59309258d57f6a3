package io.restake4j.symbiotic;

import java.math.BigInteger;
import java.util.Objects;

import io.restake4j.units.Amount;

/**
 * An account's position in a Symbiotic v1 vault at one block: its active shares and their collateral value, what
 * of its collateral is slashable now (active balance plus the buckets of the current and the next epoch, which
 * networks may still slash), the vault's totals, and the modules that decide its exposure (the delegator, which
 * limits each network's and operator's stake, and the slasher; address zero when not set).
 *
 * <pre>{@code
 * SymbioticVaultPosition p = vault.position();
 * System.out.println(p.activeBalance() + " active, " + p.slashableBalance() + " slashable");
 * }</pre>
 */
public record SymbioticVaultPosition(String vault, String account, BigInteger epoch, BigInteger activeShares,
        Amount activeBalance, Amount slashableBalance, Amount vaultActiveStake, Amount vaultTotalStake, String delegator,
        String slasher) {

    public SymbioticVaultPosition {
        Objects.requireNonNull(vault, "vault");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(activeShares, "activeShares");
        Objects.requireNonNull(activeBalance, "activeBalance");
        Objects.requireNonNull(slashableBalance, "slashableBalance");
        Objects.requireNonNull(vaultActiveStake, "vaultActiveStake");
        Objects.requireNonNull(vaultTotalStake, "vaultTotalStake");
        Objects.requireNonNull(delegator, "delegator");
        Objects.requireNonNull(slasher, "slasher");
    }

    /** The collateral of the account waiting in withdrawal buckets that can still be slashed. */
    public Amount pendingSlashable() {
        return slashableBalance.minus(activeBalance);
    }
}
