package io.restake4j.symbiotic;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.restake4j.ProtocolContext;
import io.restake4j.contracts.symbiotic.Vault;
import io.restake4j.contracts.symbiotic.VaultFactory;
import io.restake4j.contracts.symbiotic.VaultV2;
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
 * List<String> wstEthVaults = symbiotic.vaults(wstETH);     // the factory's vaults of that collateral, v1 and V2
 * switch (symbiotic.open(wstEthVaults.get(0))) {             // the binding that fits the vault's version
 *     case SymbioticVault v1 -> v1.deposit(Amount.parse("1", v1.collateral())).send();
 *     case SymbioticVaultV2 v2 -> v2.deposit(Amount.parse("1", v2.asset())).send();
 * }
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

    /**
     * The Core V2 binding of the vault at {@code address}; reads nothing (its version is read, and checked, by the
     * first read or operation: a v1 vault is refused).
     */
    public SymbioticVaultV2 vaultV2(String address) {
        return new SymbioticVaultV2(ctx, Inputs.address(address, "vault"));
    }

    /**
     * The binding that fits the vault at {@code address}, chosen by its {@code version()} (one read):
     * {@link SymbioticVault} for 1 and 2, {@link SymbioticVaultV2} for 3 and later.
     *
     * @throws io.restake4j.errors.InvalidInputException {@link io.restake4j.errors.ErrorCode#NOT_FOUND} when the
     *         address is not a vault of the network's VaultFactory
     */
    public SymbioticVaultBinding open(String address) {
        String vault = Inputs.address(address, "vault");
        ReadBatch batch = ctx.reads().newBatch();
        Read<Boolean> entity = batch.add(VaultFactory::load, vaultFactory(), f -> f.call_isEntity(vault));
        Read<BigInteger> version = batch.add(Vault::load, vault, Vault::call_version);
        batch.execute();
        if (!entity.get() || !version.succeeded()) {
            throw new io.restake4j.errors.InvalidInputException(io.restake4j.errors.ErrorCode.NOT_FOUND, address
                    + " is not a vault of the Symbiotic VaultFactory " + vaultFactory() + " on " + ctx.network().name());
        }
        return version.get().longValueExact() >= FIRST_V2_VERSION ? vaultV2(vault) : vault(vault);
    }

    /** The DefaultStakerRewards contract at {@code address} (one per vault); reads nothing. */
    public SymbioticStakerRewards stakerRewards(String address) {
        return new SymbioticStakerRewards(ctx, Inputs.address(address, "staker rewards"));
    }

    /**
     * The VaultFactory's vaults of {@code collateral}, of every version: a v1 vault's {@code collateral()} or a V2
     * vault's {@code asset()} is that token. Three round trips whatever the number of vaults: the count, the
     * addresses, then each vault's version, collateral and asset in one Multicall3 batch (a v1 vault has no
     * {@code asset()} and a V2 vault no {@code collateral()}; the read that fails is ignored).
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
        List<Read<String>> assets = new ArrayList<>();
        for (Read<String> entity : entities) {
            versions.add(details.add(Vault::load, entity.get(), Vault::call_version));
            collaterals.add(details.add(Vault::load, entity.get(), Vault::call_collateral));
            assets.add(details.add(VaultV2::load, entity.get(), VaultV2::call_asset));
        }
        details.execute();
        List<String> found = new ArrayList<>();
        for (int i = 0; i < entities.size(); i++) {
            if (!versions.get(i).succeeded()) {
                continue;
            }
            Read<String> token = versions.get(i).get().longValueExact() < FIRST_V2_VERSION ? collaterals.get(i) : assets.get(i);
            if (token.succeeded() && token.get().equalsIgnoreCase(collateral.address())) {
                found.add(entities.get(i).get());
            }
        }
        return List.copyOf(found);
    }

    /**
     * The VaultFactory's vaults in which {@code account} holds something now: active shares or an unclaimed
     * withdrawal bucket of the current or next epoch in a v1 vault, shares in a V2 vault. From chain state, in three
     * round trips whatever the number of vaults (the count, the addresses, then per vault its version,
     * {@code activeSharesOf}, {@code balanceOf} and the two newest buckets in one Multicall3 batch). Older v1
     * buckets and V2 queue tickets are not looked for here: {@link SymbioticVault#withdrawals(String)} and
     * {@link SymbioticVaultV2#requests(String)} find them from logs, per vault.
     */
    public List<SymbioticVaultBinding> vaultsOf(String account) {
        Inputs.address(account, "account");
        String factory = vaultFactory();
        BigInteger total = ctx.reads().readOne(VaultFactory::load, factory, VaultFactory::call_totalEntities);
        if (total.signum() == 0) {
            return List.of();
        }
        ReadBatch addresses = ctx.reads().newBatch();
        List<Read<String>> entities = new ArrayList<>();
        for (BigInteger i = BigInteger.ZERO; i.compareTo(total) < 0; i = i.add(BigInteger.ONE)) {
            BigInteger index = i;
            entities.add(addresses.add(VaultFactory::load, factory, f -> f.call_entity(index)));
        }
        addresses.execute();
        ReadBatch details = ctx.reads().newBatch();
        List<Read<BigInteger>> versions = new ArrayList<>();
        List<Read<BigInteger>> active = new ArrayList<>();
        List<Read<BigInteger>> balances = new ArrayList<>();
        List<Read<BigInteger>> epochs = new ArrayList<>();
        for (Read<String> entity : entities) {
            String v = entity.get();
            versions.add(details.add(Vault::load, v, Vault::call_version));
            active.add(details.add(Vault::load, v, x -> x.call_activeSharesOf(account)));
            balances.add(details.add(VaultV2::load, v, x -> x.call_balanceOf(account)));
            epochs.add(details.add(Vault::load, v, Vault::call_currentEpoch));
        }
        details.execute();
        ReadBatch buckets = ctx.reads().newBatch();
        List<Read<BigInteger>> current = new ArrayList<>();
        List<Read<BigInteger>> next = new ArrayList<>();
        for (int i = 0; i < entities.size(); i++) {
            String v = entities.get(i).get();
            boolean v1 = versions.get(i).succeeded() && versions.get(i).get().longValueExact() < FIRST_V2_VERSION;
            if (v1 && epochs.get(i).succeeded()) {
                BigInteger e = epochs.get(i).get();
                current.add(buckets.add(Vault::load, v, x -> x.call_withdrawalsOf(e, account)));
                next.add(buckets.add(Vault::load, v, x -> x.call_withdrawalsOf(e.add(BigInteger.ONE), account)));
            } else {
                current.add(null);
                next.add(null);
            }
        }
        if (current.stream().anyMatch(java.util.Objects::nonNull)) {
            buckets.execute();
        }
        List<SymbioticVaultBinding> found = new ArrayList<>();
        for (int i = 0; i < entities.size(); i++) {
            if (!versions.get(i).succeeded()) {
                continue;
            }
            String v = entities.get(i).get();
            if (versions.get(i).get().longValueExact() >= FIRST_V2_VERSION) {
                if (balances.get(i).succeeded() && balances.get(i).get().signum() > 0) {
                    found.add(vaultV2(v));
                }
            } else if ((active.get(i).succeeded() && active.get(i).get().signum() > 0) || positive(current.get(i))
                    || positive(next.get(i))) {
                found.add(vault(v));
            }
        }
        return List.copyOf(found);
    }

    private static boolean positive(Read<BigInteger> read) {
        return read != null && read.succeeded() && read.get().signum() > 0;
    }

    @Override
    public String toString() {
        return "Symbiotic[" + ctx.network().name() + "]";
    }
}
