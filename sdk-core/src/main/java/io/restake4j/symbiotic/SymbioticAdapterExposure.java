package io.restake4j.symbiotic;

import java.math.BigInteger;
import java.util.Objects;

import io.restake4j.units.Amount;

/**
 * What one AppAdapter of a Symbiotic Core V2 vault exposes the vault's holders to: the (subnetwork, operator) it
 * backs, its stake and what the network can slash of it now, and the delegator's cap on it. A slash of the adapter
 * lowers the vault's share price, so each holder bears its share of it.
 *
 * <pre>{@code
 * for (SymbioticAdapterExposure a : v2.exposure()) {
 *     System.out.println(a.network() + "/" + a.operator() + ": " + a.slashable() + " slashable of " + a.stake());
 * }
 * }</pre>
 *
 * @param subnetwork the subnetwork, 32 bytes hex: the network's address, then the 96-bit identifier
 * @param limit      the delegator's cap on the adapter ({@code limitOf})
 */
public record SymbioticAdapterExposure(String adapter, String subnetwork, String network, BigInteger identifier,
        String operator, Amount stake, Amount slashable, Amount limit) {

    public SymbioticAdapterExposure {
        Objects.requireNonNull(adapter, "adapter");
        Objects.requireNonNull(subnetwork, "subnetwork");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(stake, "stake");
        Objects.requireNonNull(slashable, "slashable");
        Objects.requireNonNull(limit, "limit");
    }
}
