package io.restake4j.symbiotic;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.restake4j.ProtocolContext;
import io.restake4j.contracts.symbiotic.Vault;
import io.restake4j.contracts.symbiotic.VaultFactory;
import io.restake4j.internal.Inputs;
import io.restake4j.read.Read;
import io.restake4j.read.ReadBatch;
import io.restake4j.units.Token;

/**
 * Symbiotic for stakers: the vaults of the network's {@code symbiotic.VaultFactory} (the presets and the devnet's
 * address book have it) and a binding per vault. Reads nothing when built.
 *
 * <pre>{@code
 * Symbiotic symbiotic = client.symbiotic();
 * List<String> wstEthVaults = symbiotic.vaults(wstETH);     // the factory's v1 vaults of that collateral
 * SymbioticVault vault = symbiotic.vault(wstEthVaults.get(0));
 * }</pre>
 */
public final class Symbiotic {

    /** The VaultFactory version of Core V2 vaults and later (ERC-4626, with a withdrawal queue). */
    public static final long FIRST_V2_VERSION = 3;

    private final ProtocolContext ctx;

    /** Users: {@code client.symbiotic()}. */
    public Symbiotic(ProtocolContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    /** The network's VaultFactory ({@code symbiotic.VaultFactory}). */
    public String vaultFactory() {
        return ctx.network().require("symbiotic.VaultFactory");
    }

    /**
     * The v1 binding of the vault at {@code address}; reads nothing (its version is read, and checked, by the
     * first read or operation).
     */
    public SymbioticVault vault(String address) {
        return new SymbioticVault(ctx, Inputs.address(address, "vault"));
    }

    /** The DefaultStakerRewards contract at {@code address} (one per vault); reads nothing. */
    public SymbioticStakerRewards stakerRewards(String address) {
        return new SymbioticStakerRewards(ctx, Inputs.address(address, "staker rewards"));
    }

    /**
     * The VaultFactory's vaults whose collateral is {@code collateral}: version 1 and 2 vaults only (a V2 vault
     * has an {@code asset()}, not a {@code collateral()}). Three round trips whatever the number of vaults: the
     * count, the addresses, then each vault's version and collateral in one Multicall3 batch.
     */
    public List<String> vaults(Token collateral) {
        Objects.requireNonNull(collateral, "collateral");
        String factory = vaultFactory();
        BigInteger total = ctx.reads().readOne(VaultFactory::load, factory, VaultFactory::call_totalEntities);
        ReadBatch addresses = ctx.reads().newBatch();
        List<Read<String>> entities = new ArrayList<>();
        for (BigInteger i = BigInteger.ZERO; i.compareTo(total) < 0; i = i.add(BigInteger.ONE)) {
            BigInteger index = i;
            entities.add(addresses.add(VaultFactory::load, factory, f -> f.call_entity(index)));
        }
        if (entities.isEmpty()) {
            return List.of();
        }
        addresses.execute();
        ReadBatch details = ctx.reads().newBatch();
        List<Read<BigInteger>> versions = new ArrayList<>();
        List<Read<String>> collaterals = new ArrayList<>();
        for (Read<String> entity : entities) {
            versions.add(details.add(Vault::load, entity.get(), Vault::call_version));
            collaterals.add(details.add(Vault::load, entity.get(), Vault::call_collateral));
        }
        details.execute();
        List<String> found = new ArrayList<>();
        for (int i = 0; i < entities.size(); i++) {
            boolean v1 = versions.get(i).succeeded() && versions.get(i).get().longValueExact() < FIRST_V2_VERSION;
            if (v1 && collaterals.get(i).succeeded() && collaterals.get(i).get().equalsIgnoreCase(collateral.address())) {
                found.add(entities.get(i).get());
            }
        }
        return List.copyOf(found);
    }

    @Override
    public String toString() {
        return "Symbiotic[" + ctx.network().name() + "]";
    }
}
