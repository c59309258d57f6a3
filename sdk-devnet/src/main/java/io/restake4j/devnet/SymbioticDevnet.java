package io.restake4j.devnet;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.StaticStruct;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint48;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import io.restake4j.devnet.fixtures.symbiotic.AppAdapter;
import io.restake4j.devnet.fixtures.symbiotic.DefaultStakerRewards;
import io.restake4j.devnet.fixtures.symbiotic.DefaultStakerRewardsFactory;
import io.restake4j.devnet.fixtures.symbiotic.FullRestakeDelegator;
import io.restake4j.devnet.fixtures.symbiotic.NetworkMiddlewareService;
import io.restake4j.devnet.fixtures.symbiotic.NetworkRegistry;
import io.restake4j.devnet.fixtures.symbiotic.NetworkRestakeDelegator;
import io.restake4j.devnet.fixtures.symbiotic.OperatorNetworkOptInService;
import io.restake4j.devnet.fixtures.symbiotic.OperatorNetworkSpecificDelegator;
import io.restake4j.devnet.fixtures.symbiotic.OperatorRegistry;
import io.restake4j.devnet.fixtures.symbiotic.OperatorSpecificDelegator;
import io.restake4j.devnet.fixtures.symbiotic.OperatorVaultOptInService;
import io.restake4j.devnet.fixtures.symbiotic.SymbioticTypeFactory;
import io.restake4j.devnet.fixtures.symbiotic.UniversalDelegator;
import io.restake4j.devnet.fixtures.symbiotic.Vault;
import io.restake4j.devnet.fixtures.symbiotic.VaultFactory;
import io.restake4j.devnet.fixtures.symbiotic.VaultV2;
import io.restake4j.devnet.fixtures.symbiotic.WithdrawalQueue;

/**
 * The Symbiotic fixtures of a {@link Devnet}: the VaultFactory with the vault implementations (version 1
 * Vault, version 2 VaultTokenized, version 3 the Core V2 VaultV2 with its WithdrawalQueue and UniversalDelegator
 * implementations), the delegator and slasher factories the vaults accept entities
 * from, and the controls tests need to create vaults and move through epochs.
 *
 * <p>Every devnet deploys them at start from the {@link Devnet#deployer() deployer}
 * ({@code Builder.symbiotic(false)} leaves them out). The vaults implement Symbiotic's v1 interface and
 * semantics: epochs in seconds, active and withdrawal shares with upstream's rounding, deposit whitelist
 * (checked on the caller) and limit, {@code onBehalfOf} and {@code claimer}, time-checkpointed views, claims
 * once the withdrawal's epoch has ended. The devnet differs from Symbiotic in that vaults are clones of one
 * implementation per version (they cannot migrate) and the deployer holds every role.
 *
 * <p>Core V2 vaults ({@link #createVaultV2}) are ERC-4626 vaults with 18-decimal shares: idle assets stay in the
 * vault, the deployer (their owner and their delegator's curator) moves them to AppAdapters
 * ({@link #addAppAdapter}, {@link #allocate}); exits are instant while liquidity allows and nothing is queued,
 * otherwise through the WithdrawalQueue's tickets, which fill as adapters release assets after their delay
 * ({@link #sweepPending}, {@link #fillQueue}). Networks' middlewares slash adapters ({@link #slashAdapter}),
 * rewards raise the share price ({@link #rewardAdapter}); the devnet charges no fees.
 *
 * <p>In {@code @DevnetTest} classes it can be a test parameter ({@code SymbioticDevnet symbiotic}).
 *
 * <pre>{@code
 * SymbioticDevnet symbiotic = devnet.symbiotic();
 * String vault = symbiotic.createVault(SymbioticDevnet.VaultSpec.of(devnet.lido().wstETH(), Duration.ofDays(7)));
 * // ... a user deposits wstETH and withdraws through the SDK ...
 * symbiotic.advanceEpochs(vault, 2);   // the withdrawal's epoch has ended: it can be claimed
 * }</pre>
 */
public final class SymbioticDevnet extends ProtocolDevnet {

    /** The VaultFactory version of the v1 Vault. */
    public static final long VERSION_VAULT = 1;
    /** The VaultFactory version of the tokenized v1 vault. */
    public static final long VERSION_VAULT_TOKENIZED = 2;
    /** The VaultFactory version of the Core V2 vault (ERC-4626, withdrawal queue, UniversalDelegator). */
    public static final long VERSION_VAULT_V2 = 3;
    /** The DelegatorFactory type (and {@code TYPE()}) of the NetworkRestakeDelegator. */
    public static final long DELEGATOR_NETWORK_RESTAKE = 0;
    /** The DelegatorFactory type of the FullRestakeDelegator. */
    public static final long DELEGATOR_FULL_RESTAKE = 1;
    /** The DelegatorFactory type of the OperatorSpecificDelegator. */
    public static final long DELEGATOR_OPERATOR_SPECIFIC = 2;
    /** The DelegatorFactory type of the OperatorNetworkSpecificDelegator. */
    public static final long DELEGATOR_OPERATOR_NETWORK_SPECIFIC = 3;
    /** Where devnet vaults send slashed collateral unless a spec says otherwise. */
    public static final String DEFAULT_BURNER = "0x000000000000000000000000000000000000dEaD";

    /** The transactions deploy() sends, in this order. */
    private enum Tx {
        VAULT_FACTORY, DELEGATOR_FACTORY, SLASHER_FACTORY, NETWORK_REGISTRY, OPERATOR_REGISTRY,
        OPERATOR_VAULT_OPT_IN_SERVICE, OPERATOR_NETWORK_OPT_IN_SERVICE, NETWORK_MIDDLEWARE_SERVICE,
        VAULT_IMPL, VAULT_TOKENIZED_IMPL, NETWORK_RESTAKE_DELEGATOR_IMPL, FULL_RESTAKE_DELEGATOR_IMPL,
        OPERATOR_SPECIFIC_DELEGATOR_IMPL, OPERATOR_NETWORK_SPECIFIC_DELEGATOR_IMPL, SLASHER_IMPL, VETO_SLASHER_IMPL,
        WHITELIST_VAULT, WHITELIST_VAULT_TOKENIZED, WHITELIST_DELEGATOR_0, WHITELIST_DELEGATOR_1, WHITELIST_DELEGATOR_2,
        WHITELIST_DELEGATOR_3, WHITELIST_SLASHER_0, WHITELIST_SLASHER_1, STAKER_REWARDS_IMPL, STAKER_REWARDS_FACTORY,
        WITHDRAWAL_QUEUE_IMPL, UNIVERSAL_DELEGATOR_IMPL, VAULT_V2_IMPL, WHITELIST_VAULT_V2
    }

    private SymbioticDevnet(Devnet devnet) {
        super(devnet, "Symbiotic");
    }

    /**
     * Deploys the factories, registries, opt-in services, the middleware service and one implementation per
     * vault version, delegator type and slasher type; whitelists them in upstream's numbering; checks the receipts.
     */
    static SymbioticDevnet deploy(Devnet devnet, Map<String, String> bytecodes) {
        FixtureDeployment d = FixtureDeployment.begin(devnet, "Symbiotic", Tx.values());
        Address owner = new Address(d.deployerAddress());
        Address vaultFactory = new Address(d.address(Tx.VAULT_FACTORY));
        Address delegatorFactory = new Address(d.address(Tx.DELEGATOR_FACTORY));
        Address slasherFactory = new Address(d.address(Tx.SLASHER_FACTORY));
        Address networks = new Address(d.address(Tx.NETWORK_REGISTRY));
        Address operators = new Address(d.address(Tx.OPERATOR_REGISTRY));
        Address vaultOptIn = new Address(d.address(Tx.OPERATOR_VAULT_OPT_IN_SERVICE));
        Address networkOptIn = new Address(d.address(Tx.OPERATOR_NETWORK_OPT_IN_SERVICE));
        Address middleware = new Address(d.address(Tx.NETWORK_MIDDLEWARE_SERVICE));
        d.create(Tx.VAULT_FACTORY, DevnetAddresses.SYMBIOTIC_VAULT_FACTORY, bytecodes.get("VaultFactory"), owner);
        d.create(Tx.DELEGATOR_FACTORY, DevnetAddresses.SYMBIOTIC_DELEGATOR_FACTORY, bytecodes.get("SymbioticTypeFactory"),
                owner);
        d.create(Tx.SLASHER_FACTORY, DevnetAddresses.SYMBIOTIC_SLASHER_FACTORY, bytecodes.get("SymbioticTypeFactory"),
                owner);
        d.create(Tx.NETWORK_REGISTRY, DevnetAddresses.SYMBIOTIC_NETWORK_REGISTRY, bytecodes.get("NetworkRegistry"));
        d.create(Tx.OPERATOR_REGISTRY, DevnetAddresses.SYMBIOTIC_OPERATOR_REGISTRY, bytecodes.get("OperatorRegistry"));
        d.create(Tx.OPERATOR_VAULT_OPT_IN_SERVICE, DevnetAddresses.SYMBIOTIC_OPERATOR_VAULT_OPT_IN_SERVICE,
                bytecodes.get("OperatorVaultOptInService"), operators, vaultFactory,
                new Utf8String("OperatorVaultOptInService"));
        d.create(Tx.OPERATOR_NETWORK_OPT_IN_SERVICE, DevnetAddresses.SYMBIOTIC_OPERATOR_NETWORK_OPT_IN_SERVICE,
                bytecodes.get("OperatorNetworkOptInService"), operators, networks,
                new Utf8String("OperatorNetworkOptInService"));
        d.create(Tx.NETWORK_MIDDLEWARE_SERVICE, DevnetAddresses.SYMBIOTIC_NETWORK_MIDDLEWARE_SERVICE,
                bytecodes.get("NetworkMiddlewareService"), networks);
        d.create(Tx.VAULT_IMPL, DevnetAddresses.SYMBIOTIC_VAULT_IMPLEMENTATION, bytecodes.get("Vault"),
                delegatorFactory, slasherFactory, vaultFactory);
        d.create(Tx.VAULT_TOKENIZED_IMPL, DevnetAddresses.SYMBIOTIC_VAULT_TOKENIZED_IMPLEMENTATION,
                bytecodes.get("VaultTokenized"), delegatorFactory, slasherFactory, vaultFactory);
        d.create(Tx.NETWORK_RESTAKE_DELEGATOR_IMPL, "symbiotic.NetworkRestakeDelegatorImplementation",
                bytecodes.get("NetworkRestakeDelegator"), networks, vaultFactory, vaultOptIn, networkOptIn,
                delegatorFactory, new Uint64(0));
        d.create(Tx.FULL_RESTAKE_DELEGATOR_IMPL, "symbiotic.FullRestakeDelegatorImplementation",
                bytecodes.get("FullRestakeDelegator"), networks, vaultFactory, vaultOptIn, networkOptIn,
                delegatorFactory, new Uint64(1));
        d.create(Tx.OPERATOR_SPECIFIC_DELEGATOR_IMPL, "symbiotic.OperatorSpecificDelegatorImplementation",
                bytecodes.get("OperatorSpecificDelegator"), operators, networks, vaultFactory, vaultOptIn, networkOptIn,
                delegatorFactory, new Uint64(2));
        d.create(Tx.OPERATOR_NETWORK_SPECIFIC_DELEGATOR_IMPL, "symbiotic.OperatorNetworkSpecificDelegatorImplementation",
                bytecodes.get("OperatorNetworkSpecificDelegator"), operators, networks, vaultFactory, vaultOptIn,
                networkOptIn, delegatorFactory, new Uint64(3));
        d.create(Tx.SLASHER_IMPL, "symbiotic.SlasherImplementation", bytecodes.get("Slasher"), vaultFactory, middleware,
                slasherFactory, new Uint64(0));
        d.create(Tx.VETO_SLASHER_IMPL, "symbiotic.VetoSlasherImplementation", bytecodes.get("VetoSlasher"), vaultFactory,
                middleware, networks, slasherFactory, new Uint64(1));
        d.call(Tx.WHITELIST_VAULT, vaultFactory.getValue(), VaultFactory.getABI_send_whitelist(d.address(Tx.VAULT_IMPL)));
        d.call(Tx.WHITELIST_VAULT_TOKENIZED, vaultFactory.getValue(),
                VaultFactory.getABI_send_whitelist(d.address(Tx.VAULT_TOKENIZED_IMPL)));
        Tx[] delegators = {Tx.NETWORK_RESTAKE_DELEGATOR_IMPL, Tx.FULL_RESTAKE_DELEGATOR_IMPL,
                Tx.OPERATOR_SPECIFIC_DELEGATOR_IMPL, Tx.OPERATOR_NETWORK_SPECIFIC_DELEGATOR_IMPL};
        Tx[] whitelistDelegators = {Tx.WHITELIST_DELEGATOR_0, Tx.WHITELIST_DELEGATOR_1, Tx.WHITELIST_DELEGATOR_2,
                Tx.WHITELIST_DELEGATOR_3};
        for (int i = 0; i < delegators.length; i++) {
            d.call(whitelistDelegators[i], delegatorFactory.getValue(),
                    SymbioticTypeFactory.getABI_send_whitelist(d.address(delegators[i])));
        }
        d.call(Tx.WHITELIST_SLASHER_0, slasherFactory.getValue(),
                SymbioticTypeFactory.getABI_send_whitelist(d.address(Tx.SLASHER_IMPL)));
        d.call(Tx.WHITELIST_SLASHER_1, slasherFactory.getValue(),
                SymbioticTypeFactory.getABI_send_whitelist(d.address(Tx.VETO_SLASHER_IMPL)));
        d.create(Tx.STAKER_REWARDS_IMPL, "symbiotic.DefaultStakerRewardsImplementation",
                bytecodes.get("DefaultStakerRewards"), vaultFactory, middleware);
        d.create(Tx.STAKER_REWARDS_FACTORY, DevnetAddresses.SYMBIOTIC_STAKER_REWARDS_FACTORY,
                bytecodes.get("DefaultStakerRewardsFactory"), new Address(d.address(Tx.STAKER_REWARDS_IMPL)));
        d.create(Tx.WITHDRAWAL_QUEUE_IMPL, "symbiotic.WithdrawalQueueImplementation", bytecodes.get("WithdrawalQueue"));
        d.create(Tx.UNIVERSAL_DELEGATOR_IMPL, "symbiotic.UniversalDelegatorImplementation",
                bytecodes.get("UniversalDelegator"));
        d.create(Tx.VAULT_V2_IMPL, DevnetAddresses.SYMBIOTIC_VAULT_V2_IMPLEMENTATION, bytecodes.get("VaultV2"), vaultFactory,
                new Address(d.address(Tx.WITHDRAWAL_QUEUE_IMPL)), new Address(d.address(Tx.UNIVERSAL_DELEGATOR_IMPL)));
        d.call(Tx.WHITELIST_VAULT_V2, vaultFactory.getValue(), VaultFactory.getABI_send_whitelist(d.address(Tx.VAULT_V2_IMPL)));
        d.finish();
        return new SymbioticDevnet(devnet);
    }

    /** Reads the creation bytecode of the fixtures; the devnet does this while anvil starts. */
    static Map<String, String> loadBytecodes() {
        return Map.copyOf(bytecodes("symbiotic", List.of("VaultFactory", "SymbioticTypeFactory", "Vault", "VaultTokenized",
                "NetworkRegistry", "OperatorRegistry", "OperatorVaultOptInService", "OperatorNetworkOptInService",
                "NetworkMiddlewareService", "NetworkRestakeDelegator", "FullRestakeDelegator", "OperatorSpecificDelegator",
                "OperatorNetworkSpecificDelegator", "Slasher", "VetoSlasher", "DefaultStakerRewards",
                "DefaultStakerRewardsFactory", "WithdrawalQueue", "UniversalDelegator", "VaultV2")));
    }

    // ---------------------------------------------------------------- addresses

    /** The VaultFactory fixture ({@value DevnetAddresses#SYMBIOTIC_VAULT_FACTORY}): every devnet vault is its entity. */
    public String vaultFactory() {
        return address(DevnetAddresses.SYMBIOTIC_VAULT_FACTORY);
    }

    /** The DelegatorFactory fixture ({@value DevnetAddresses#SYMBIOTIC_DELEGATOR_FACTORY}). */
    public String delegatorFactory() {
        return address(DevnetAddresses.SYMBIOTIC_DELEGATOR_FACTORY);
    }

    /** The SlasherFactory fixture ({@value DevnetAddresses#SYMBIOTIC_SLASHER_FACTORY}). */
    public String slasherFactory() {
        return address(DevnetAddresses.SYMBIOTIC_SLASHER_FACTORY);
    }

    // ---------------------------------------------------------------- vaults

    /**
     * What {@link #createVault(VaultSpec)} creates: a vault of {@code version} (1 Vault, 2 VaultTokenized) for
     * {@code collateral} with epochs of {@code epochDuration}, optionally with a deposit whitelist and a deposit
     * limit. Immutable; change it with the {@code with...} methods.
     *
     * <pre>{@code
     * VaultSpec spec = VaultSpec.of(wstETH, Duration.ofDays(7)).withDepositLimit(BigInteger.TEN.pow(21));
     * }</pre>
     *
     * @param depositLimit the limit in collateral wei, or null for none
     */
    public record VaultSpec(long version, String collateral, Duration epochDuration, boolean depositWhitelist,
            BigInteger depositLimit, String burner, String name, String symbol) {

        public VaultSpec {
            if (version != VERSION_VAULT && version != VERSION_VAULT_TOKENIZED) {
                throw new IllegalArgumentException("the devnet has vault versions 1 and 2, not " + version);
            }
            Objects.requireNonNull(collateral, "collateral");
            Objects.requireNonNull(burner, "burner");
            if (epochDuration.isNegative() || epochDuration.isZero() || epochDuration.toSeconds() >= (1L << 48)) {
                throw new IllegalArgumentException("epochDuration must be 1 s .. 2^48-1 s: " + epochDuration);
            }
            if (depositLimit != null && depositLimit.signum() < 0) {
                throw new IllegalArgumentException("depositLimit must not be negative: " + depositLimit);
            }
        }

        /** A version 1 vault of {@code collateral}, no whitelist, no limit, burning to {@link #DEFAULT_BURNER}. */
        public static VaultSpec of(String collateral, Duration epochDuration) {
            return new VaultSpec(VERSION_VAULT, collateral, epochDuration, false, null, DEFAULT_BURNER, null, null);
        }

        /** The same, as a tokenized vault (version 2) whose shares are the ERC-20 {@code name}/{@code symbol}. */
        public VaultSpec tokenized(String name, String symbol) {
            return new VaultSpec(VERSION_VAULT_TOKENIZED, collateral, epochDuration, depositWhitelist, depositLimit,
                    burner, Objects.requireNonNull(name, "name"), Objects.requireNonNull(symbol, "symbol"));
        }

        /** The same, with the deposit whitelist on (only whitelisted callers may deposit). */
        public VaultSpec withDepositWhitelist() {
            return new VaultSpec(version, collateral, epochDuration, true, depositLimit, burner, name, symbol);
        }

        /** The same, with a deposit limit in collateral wei. */
        public VaultSpec withDepositLimit(BigInteger limit) {
            return new VaultSpec(version, collateral, epochDuration, depositWhitelist, limit, burner, name, symbol);
        }

        /** The same, sending slashed collateral to {@code burnerAddress}. */
        public VaultSpec withBurner(String burnerAddress) {
            return new VaultSpec(version, collateral, epochDuration, depositWhitelist, depositLimit, burnerAddress, name,
                    symbol);
        }
    }

    /**
     * Creates a vault through the VaultFactory, owned by the deployer, who holds all its roles; returns its
     * address (from {@code AddEntity}).
     */
    public String createVault(VaultSpec spec) {
        String owner = devnet().deployer().getAddress();
        StaticStruct base = new StaticStruct(new Address(spec.collateral()), new Address(spec.burner()),
                new Uint48(BigInteger.valueOf(spec.epochDuration().toSeconds())), new Bool(spec.depositWhitelist()),
                new Bool(spec.depositLimit() != null),
                new Uint256(spec.depositLimit() == null ? BigInteger.ZERO : spec.depositLimit()),
                new Address(owner), new Address(owner), new Address(owner), new Address(owner), new Address(owner));
        String data = spec.version() == VERSION_VAULT ? FunctionEncoder.encodeConstructor(List.of(base))
                : FunctionEncoder.encodeConstructor(List.of(new DynamicStruct(base, new Utf8String(spec.name()),
                        new Utf8String(spec.symbol()))));
        TransactionReceipt created = send("createVault(" + spec.collateral() + ")", () -> factory.send_create(
                BigInteger.valueOf(spec.version()), owner, Numeric.hexStringToByteArray(data)).send());
        return VaultFactory.getAddEntityEvents(created).get(0).entity;
    }

    /**
     * Moves the chain's clock forward so that {@code vault}'s current epoch grows by {@code epochs}: to the start
     * of the next epoch, then {@code epochs - 1} whole epochs. A withdrawal made in epoch N can be claimed once
     * the vault is in epoch N + 2, i.e. two calls of {@code advanceEpochs(vault, 1)} or one of
     * {@code advanceEpochs(vault, 2)}.
     */
    public void advanceEpochs(String vault, int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1: " + epochs);
        }
        Vault v = asDeployer(vault, Vault::load);
        BigInteger next = call("nextEpochStart", () -> v.call_nextEpochStart().send());
        BigInteger duration = call("epochDuration", () -> v.call_epochDuration().send());
        BigInteger now = call("latest block", () -> devnet().web3j().ethGetBlockByNumber(
                org.web3j.protocol.core.DefaultBlockParameterName.LATEST, false).send().getBlock().getTimestamp());
        BigInteger target = next.add(duration.multiply(BigInteger.valueOf(epochs - 1L)));
        devnet().advanceTime(Duration.ofSeconds(target.subtract(now).longValueExact()));
    }

    /**
     * Sets whether {@code account} may deposit while {@code vault}'s whitelist is on. Works for every version: V2
     * vaults have the same {@code setDepositorWhitelistStatus(address,bool)} (owner-only on the devnet).
     */
    public TransactionReceipt setDepositorWhitelistStatus(String vault, String account, boolean allowed) {
        return send("setDepositorWhitelistStatus", () -> asDeployer(vault, Vault::load)
                .send_setDepositorWhitelistStatus(account, allowed).send());
    }

    /**
     * Turns {@code vault}'s deposit limit on with {@code limit} collateral (asset) wei, or off with null. Works for
     * every version: V2 vaults have the same {@code isDepositLimit} / {@code setIsDepositLimit} /
     * {@code setDepositLimit} (a V2 limit caps totalAssets(), a v1 one activeStake()).
     */
    public void setDepositLimit(String vault, BigInteger limit) {
        Vault v = asDeployer(vault, Vault::load);
        boolean on = limit != null;
        if (on != Boolean.TRUE.equals(call("isDepositLimit", () -> v.call_isDepositLimit().send()))) {
            send("setIsDepositLimit", () -> v.send_setIsDepositLimit(on).send());
        }
        if (on) {
            send("setDepositLimit", () -> v.send_setDepositLimit(limit).send());
        }
    }

    // ---------------------------------------------------------------- Core V2 vaults

    /**
     * What {@link #createVaultV2(VaultV2Spec)} creates: a Core V2 vault (version {@value #VERSION_VAULT_V2}) of
     * {@code asset} whose 18-decimal shares are the ERC-20 {@code name}/{@code symbol}, optionally with a deposit
     * whitelist and a deposit limit. Immutable; change it with the {@code with...} methods.
     *
     * <pre>{@code
     * VaultV2Spec spec = VaultV2Spec.of(usdc, "Devnet USDC vault", "dvUSDC").withDepositLimit(BigInteger.TEN.pow(12));
     * }</pre>
     *
     * @param depositLimit the cap on the vault's totalAssets() in asset wei, or null for none
     */
    public record VaultV2Spec(String asset, String name, String symbol, boolean depositWhitelist, BigInteger depositLimit) {

        public VaultV2Spec {
            Objects.requireNonNull(asset, "asset");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(symbol, "symbol");
            if (depositLimit != null && depositLimit.signum() < 0) {
                throw new IllegalArgumentException("depositLimit must not be negative: " + depositLimit);
            }
        }

        /** A V2 vault of {@code asset} with shares {@code name}/{@code symbol}, no whitelist, no limit. */
        public static VaultV2Spec of(String asset, String name, String symbol) {
            return new VaultV2Spec(asset, name, symbol, false, null);
        }

        /** The same, with the deposit whitelist on (only whitelisted callers, by msg.sender, may deposit). */
        public VaultV2Spec withDepositWhitelist() {
            return new VaultV2Spec(asset, name, symbol, true, depositLimit);
        }

        /** The same, with a deposit limit on totalAssets() in asset wei. */
        public VaultV2Spec withDepositLimit(BigInteger limit) {
            return new VaultV2Spec(asset, name, symbol, depositWhitelist, limit);
        }
    }

    /**
     * Creates a Core V2 vault through the VaultFactory (version {@value #VERSION_VAULT_V2}), owned by the deployer,
     * who is also the curator of its UniversalDelegator; the vault clones its WithdrawalQueue and delegator in the
     * same transaction. The init data is {@code abi.encode(InitParams(asset, name, symbol, depositWhitelist,
     * isDepositLimit, depositLimit))}. Returns the vault's address (from {@code AddEntity}).
     */
    public String createVaultV2(VaultV2Spec spec) {
        String owner = devnet().deployer().getAddress();
        DynamicStruct params = new DynamicStruct(new Address(spec.asset()), new Utf8String(spec.name()),
                new Utf8String(spec.symbol()), new Bool(spec.depositWhitelist()), new Bool(spec.depositLimit() != null),
                new Uint256(spec.depositLimit() == null ? BigInteger.ZERO : spec.depositLimit()));
        String data = FunctionEncoder.encodeConstructor(List.of(params));
        TransactionReceipt created = send("createVaultV2(" + spec.asset() + ")", () -> factory.send_create(
                BigInteger.valueOf(VERSION_VAULT_V2), owner, Numeric.hexStringToByteArray(data)).send());
        return VaultFactory.getAddEntityEvents(created).get(0).entity;
    }

    /** The WithdrawalQueue of the V2 vault {@code vaultV2}. */
    public String withdrawalQueue(String vaultV2) {
        return call("withdrawalQueue", () -> asDeployer(vaultV2, VaultV2::load).call_withdrawalQueue().send());
    }

    /** The UniversalDelegator of the V2 vault {@code vaultV2}. */
    public String universalDelegator(String vaultV2) {
        return call("delegator", () -> asDeployer(vaultV2, VaultV2::load).call_delegator().send());
    }

    /**
     * Deploys an AppAdapter for {@code vaultV2}'s delegator, the position of {@code operator} in {@code subnetwork}
     * (see {@link #subnetwork(String, long)}), releasing requested deallocations after {@code releaseDelay} and
     * burning slashes to {@link #DEFAULT_BURNER}; slashes are taken from the middleware the network set in the
     * NetworkMiddlewareService. Adds it to the delegator (as its curator) with {@code absoluteLimit} and a share
     * limit of 100%; returns the adapter's address. Assets reach it through {@link #allocate}.
     */
    public String addAppAdapter(String vaultV2, byte[] subnetwork, String operator, Duration releaseDelay,
            BigInteger absoluteLimit) {
        if (releaseDelay.isNegative() || releaseDelay.isZero() || releaseDelay.toSeconds() >= (1L << 48)) {
            throw new IllegalArgumentException("releaseDelay must be 1 s .. 2^48-1 s: " + releaseDelay);
        }
        String delegator = universalDelegator(vaultV2);
        AppAdapter adapter = call("deploy AppAdapter", () -> AppAdapter.deploy(devnet().web3j(),
                devnet().transactionManager(devnet().deployer()), devnet().gasProvider(), delegator, subnetwork, operator,
                DEFAULT_BURNER, BigInteger.valueOf(releaseDelay.toSeconds()), networkMiddlewareService()).send());
        send("addAdapter", () -> asDeployer(delegator, UniversalDelegator::load)
                .send_addAdapter(adapter.getContractAddress(), absoluteLimit, BigInteger.TEN.pow(18)).send());
        return adapter.getContractAddress();
    }

    /**
     * Moves up to {@code assets} of {@code vaultV2}'s free assets to {@code adapter} (the curator's
     * {@code allocate}; capped by the delegator at what the adapter's limits and the free assets allow, and a no-op
     * while the queue has assets pending). The receipt carries {@code Allocate(adapter, allocated, totalAssets)}.
     */
    public TransactionReceipt allocate(String vaultV2, String adapter, BigInteger assets) {
        return send("allocate", () -> asDeployer(universalDelegator(vaultV2), UniversalDelegator::load)
                .send_allocate(adapter, assets).send());
    }

    /**
     * Asks {@code adapter} (as the curator) to free {@code assets} after its release delay
     * ({@code RequestDeallocate}); once due, a sweep or an instant exit takes them back into the vault.
     */
    public TransactionReceipt requestDeallocate(String vaultV2, String adapter, BigInteger assets) {
        return send("requestDeallocate", () -> asDeployer(universalDelegator(vaultV2), UniversalDelegator::load)
                .send_requestDeallocate(adapter, assets).send());
    }

    /** Calls {@code fill()} on {@code vaultV2}'s WithdrawalQueue (permissionless; as the deployer). */
    public TransactionReceipt fillQueue(String vaultV2) {
        return send("fill", () -> asDeployer(withdrawalQueue(vaultV2), WithdrawalQueue::load).send_fill().send());
    }

    /**
     * Calls {@code sweepPending()} on {@code vaultV2}'s UniversalDelegator (permissionless; as the deployer):
     * deallocates what adapters can free now, fills the queue and re-requests what is still missing.
     */
    public TransactionReceipt sweepPending(String vaultV2) {
        return send("sweepPending", () -> asDeployer(universalDelegator(vaultV2), UniversalDelegator::load)
                .send_sweepPending().send());
    }

    /**
     * Slashes {@code amount} (capped at what is slashable) of {@code adapter}'s stake, sent by {@code middleware},
     * which must be the middleware its subnetwork's network set (see {@link #registerNetwork}); the assets go to
     * the burner and the vault's share price falls.
     */
    public TransactionReceipt slashAdapter(String adapter, Credentials middleware, BigInteger amount) {
        return send("slash", () -> as(middleware, adapter, AppAdapter::load).send_slash(amount).send());
    }

    /**
     * Pays {@code amount} of {@code token} into {@code adapter} as a reward, from the deployer: {@code token} must
     * be a devnet {@link Devnet#deployToken TestToken} (the deployer mints the amount, approves the adapter and
     * calls {@code reward}). A reward in the vault's asset raises its share price.
     */
    public TransactionReceipt rewardAdapter(String adapter, String token, BigInteger amount) {
        String me = devnet().deployer().getAddress();
        io.restake4j.devnet.fixtures.common.TestToken t = asDeployer(token, io.restake4j.devnet.fixtures.common.TestToken::load);
        send("mint reward", () -> t.send_mint(me, amount).send());
        send("approve reward", () -> t.send_approve(adapter, amount).send());
        return send("reward", () -> asDeployer(adapter, AppAdapter::load).send_reward(token, amount).send());
    }

    // ---------------------------------------------------------------- networks, operators, modules

    /** The subnetwork id of {@code network}'s {@code identifier}: the network's address, then the 96-bit identifier. */
    public static byte[] subnetwork(String network, long identifier) {
        if (identifier < 0) {
            throw new IllegalArgumentException("identifier must not be negative: " + identifier);
        }
        BigInteger id = Numeric.toBigInt(network).shiftLeft(96).or(BigInteger.valueOf(identifier));
        return Numeric.toBytesPadded(id, 32);
    }

    /** The NetworkRegistry fixture ({@value DevnetAddresses#SYMBIOTIC_NETWORK_REGISTRY}). */
    public String networkRegistry() {
        return address(DevnetAddresses.SYMBIOTIC_NETWORK_REGISTRY);
    }

    /** The OperatorRegistry fixture ({@value DevnetAddresses#SYMBIOTIC_OPERATOR_REGISTRY}). */
    public String operatorRegistry() {
        return address(DevnetAddresses.SYMBIOTIC_OPERATOR_REGISTRY);
    }

    /** The OperatorVaultOptInService fixture. */
    public String operatorVaultOptInService() {
        return address(DevnetAddresses.SYMBIOTIC_OPERATOR_VAULT_OPT_IN_SERVICE);
    }

    /** The OperatorNetworkOptInService fixture. */
    public String operatorNetworkOptInService() {
        return address(DevnetAddresses.SYMBIOTIC_OPERATOR_NETWORK_OPT_IN_SERVICE);
    }

    /** The NetworkMiddlewareService fixture. */
    public String networkMiddlewareService() {
        return address(DevnetAddresses.SYMBIOTIC_NETWORK_MIDDLEWARE_SERVICE);
    }

    /**
     * Registers {@code network} in the NetworkRegistry and makes {@code middleware} its middleware (the only
     * account its vaults' slashers take slashes from).
     */
    public void registerNetwork(Credentials network, String middleware) {
        send("registerNetwork", () -> as(network, networkRegistry(), NetworkRegistry::load).send_registerNetwork().send());
        send("setMiddleware", () -> as(network, networkMiddlewareService(), NetworkMiddlewareService::load)
                .send_setMiddleware(middleware).send());
    }

    /** Registers {@code operator} and opts it in to {@code vault} and to {@code network}. */
    public void registerOperator(Credentials operator, String vault, String network) {
        send("registerOperator", () -> as(operator, operatorRegistry(), OperatorRegistry::load).send_registerOperator().send());
        send("opt in to the vault", () -> as(operator, operatorVaultOptInService(), OperatorVaultOptInService::load)
                .send_optIn(vault).send());
        send("opt in to the network", () -> as(operator, operatorNetworkOptInService(), OperatorNetworkOptInService::load)
                .send_optIn(network).send());
    }

    /**
     * Gives {@code vault} a NetworkRestakeDelegator (type 0) whose roles the deployer holds, and sets it on the vault;
     * returns the delegator.
     */
    public String attachNetworkRestakeDelegator(String vault) {
        Address me = new Address(devnet().deployer().getAddress());
        DynamicStruct params = new DynamicStruct(baseParams(me),
                new DynamicArray<>(Address.class, List.of(me)), new DynamicArray<>(Address.class, List.of(me)));
        return attachDelegator(vault, DELEGATOR_NETWORK_RESTAKE, params);
    }

    /**
     * Gives {@code vault} a FullRestakeDelegator (type 1) whose roles the deployer holds (default admin, hook setter,
     * network-limit and operator-network-limit setter; no hook), and sets it on the vault; returns the delegator.
     * The init params are {@code abi.encode(InitParams(BaseParams(deployer, 0, deployer), [deployer], [deployer]))}.
     * An operator's stake in a subnetwork is {@code min(activeStake, networkLimit, operatorNetworkLimit)}: set both
     * limits ({@link #setNetworkLimit}, {@link #setOperatorNetworkLimit}); several operators can hold the same stake.
     */
    public String attachFullRestakeDelegator(String vault) {
        Address me = new Address(devnet().deployer().getAddress());
        DynamicStruct params = new DynamicStruct(baseParams(me),
                new DynamicArray<>(Address.class, List.of(me)), new DynamicArray<>(Address.class, List.of(me)));
        return attachDelegator(vault, DELEGATOR_FULL_RESTAKE, params);
    }

    /**
     * Gives {@code vault} an OperatorSpecificDelegator (type 2) for {@code operator}, which must already be registered
     * ({@link #registerOperator}; otherwise {@code NotOperator()}), whose roles the deployer holds (default admin,
     * hook setter, network-limit setter; no hook), and sets it on the vault; returns the delegator. The init params
     * are {@code abi.encode(InitParams(BaseParams(deployer, 0, deployer), [deployer], operator))}. The operator's stake
     * in a subnetwork is {@code min(activeStake, networkLimit)} ({@link #setNetworkLimit}), any other operator's 0.
     */
    public String attachOperatorSpecificDelegator(String vault, String operator) {
        Address me = new Address(devnet().deployer().getAddress());
        DynamicStruct params = new DynamicStruct(baseParams(me),
                new DynamicArray<>(Address.class, List.of(me)), new Address(operator));
        return attachDelegator(vault, DELEGATOR_OPERATOR_SPECIFIC, params);
    }

    /**
     * Gives {@code vault} an OperatorNetworkSpecificDelegator (type 3) for {@code operator} in {@code network}, both
     * already registered ({@link #registerNetwork}, {@link #registerOperator}; otherwise {@code NotNetwork()} /
     * {@code NotOperator()}), whose default admin and hook setter is the deployer (no hook; the type has no limit
     * setters), and sets it on the vault; returns the delegator. The init params are the static
     * {@code abi.encode(InitParams(BaseParams(deployer, 0, deployer), network, operator))}. The operator's stake in
     * a subnetwork of that network is {@code min(activeStake, maxNetworkLimit)}: only the network's own cap limits it
     * ({@link #setNetworkLimit} sets just that cap for this type); any other network or operator gets 0.
     */
    public String attachOperatorNetworkSpecificDelegator(String vault, String operator, String network) {
        Address me = new Address(devnet().deployer().getAddress());
        StaticStruct params = new StaticStruct(baseParams(me), new Address(network), new Address(operator));
        return attachDelegator(vault, DELEGATOR_OPERATOR_NETWORK_SPECIFIC, params);
    }

    /** {@code BaseParams(defaultAdminRoleHolder = me, hook = 0, hookSetRoleHolder = me)}. */
    private static StaticStruct baseParams(Address me) {
        return new StaticStruct(me, Address.DEFAULT, me);
    }

    /** Creates a delegator of {@code type} for {@code vault} from its abi-encoded {@code params} and sets it. */
    private String attachDelegator(String vault, long type, Type<?> params) {
        String delegator = createModule(delegatorFactory(), type, vault, FunctionEncoder.encodeConstructor(List.of(params)));
        send("setDelegator", () -> asDeployer(vault, Vault::load).send_setDelegator(delegator).send());
        return delegator;
    }

    /** Gives {@code vault} an instant Slasher (type 0, no burner hook) and sets it; returns the slasher. */
    public String attachSlasher(String vault) {
        String slasher = createModule(slasherFactory(), 0, vault, FunctionEncoder.encodeConstructor(List.of(new Bool(false))));
        send("setSlasher", () -> asDeployer(vault, Vault::load).send_setSlasher(slasher).send());
        return slasher;
    }

    /**
     * Gives {@code vault} a VetoSlasher (type 1, no burner hook) with {@code vetoDuration} (shorter than the vault's
     * epoch) and a resolver-change delay of {@code resolverSetEpochsDelay} epochs (at least 3), and sets it.
     */
    public String attachVetoSlasher(String vault, Duration vetoDuration, long resolverSetEpochsDelay) {
        String params = FunctionEncoder.encodeConstructor(List.of(new Bool(false),
                new Uint48(BigInteger.valueOf(vetoDuration.toSeconds())), new Uint256(BigInteger.valueOf(resolverSetEpochsDelay))));
        String slasher = createModule(slasherFactory(), 1, vault, params);
        send("setSlasher", () -> asDeployer(vault, Vault::load).send_setSlasher(slasher).send());
        return slasher;
    }

    /**
     * Lets {@code network} take up to {@code amount} of {@code vault}'s stake for its subnetwork {@code identifier}:
     * the network's own cap ({@code setMaxNetworkLimit}, sent by {@code network}), then, for the delegator types that
     * have one (0 NetworkRestake, 1 FullRestake, 2 OperatorSpecific, by the delegator's {@code TYPE()}), the
     * curator's (deployer's) network limit. An OperatorNetworkSpecificDelegator (type 3) has no network limit: the
     * cap is its limit, and only its own network may set it ({@code InvalidNetwork()}). Lowering works too: a cap
     * below the current network limit lowers that limit in the same call, so it is not set a second time.
     */
    public void setNetworkLimit(String vault, Credentials network, long identifier, BigInteger amount) {
        String delegator = delegatorOf(vault);
        long type = delegatorType(delegator);
        BigInteger id = BigInteger.valueOf(identifier);
        byte[] sub = subnetwork(network.getAddress(), identifier);
        if (type == DELEGATOR_NETWORK_RESTAKE) {
            send("setMaxNetworkLimit", () -> as(network, delegator, NetworkRestakeDelegator::load)
                    .send_setMaxNetworkLimit(id, amount).send());
            NetworkRestakeDelegator curator = asDeployer(delegator, NetworkRestakeDelegator::load);
            if (!amount.equals(call("networkLimit", () -> curator.call_networkLimit(sub).send()))) {
                send("setNetworkLimit", () -> curator.send_setNetworkLimit(sub, amount).send());
            }
        } else if (type == DELEGATOR_FULL_RESTAKE) {
            send("setMaxNetworkLimit", () -> as(network, delegator, FullRestakeDelegator::load)
                    .send_setMaxNetworkLimit(id, amount).send());
            FullRestakeDelegator curator = asDeployer(delegator, FullRestakeDelegator::load);
            if (!amount.equals(call("networkLimit", () -> curator.call_networkLimit(sub).send()))) {
                send("setNetworkLimit", () -> curator.send_setNetworkLimit(sub, amount).send());
            }
        } else if (type == DELEGATOR_OPERATOR_SPECIFIC) {
            send("setMaxNetworkLimit", () -> as(network, delegator, OperatorSpecificDelegator::load)
                    .send_setMaxNetworkLimit(id, amount).send());
            OperatorSpecificDelegator curator = asDeployer(delegator, OperatorSpecificDelegator::load);
            if (!amount.equals(call("networkLimit", () -> curator.call_networkLimit(sub).send()))) {
                send("setNetworkLimit", () -> curator.send_setNetworkLimit(sub, amount).send());
            }
        } else if (type == DELEGATOR_OPERATOR_NETWORK_SPECIFIC) {
            send("setMaxNetworkLimit", () -> as(network, delegator, OperatorNetworkSpecificDelegator::load)
                    .send_setMaxNetworkLimit(id, amount).send());
        } else {
            throw new DevnetException("Symbiotic setNetworkLimit: the delegator " + delegator + " of " + vault
                    + " has type " + type + ", not one of the v1 types 0..3");
        }
    }

    /** Gives {@code operator} {@code shares} of the subnetwork's stake in {@code vault}'s NetworkRestakeDelegator. */
    public TransactionReceipt setOperatorNetworkShares(String vault, byte[] subnetwork, String operator, BigInteger shares) {
        String delegator = delegatorOf(vault);
        return send("setOperatorNetworkShares", () -> asDeployer(delegator, NetworkRestakeDelegator::load)
                .send_setOperatorNetworkShares(subnetwork, operator, shares).send());
    }

    /**
     * Sets {@code operator}'s limit in {@code subnetwork} (see {@link #subnetwork(String, long)}) in {@code vault}'s
     * FullRestakeDelegator, as the curator (deployer): its stake there is {@code min(activeStake, networkLimit,
     * operatorNetworkLimit)}. The limit is not capped by the network limit, and operators' limits are not split: each
     * can reach the whole network stake. {@code AlreadySet()} for the current value.
     */
    public TransactionReceipt setOperatorNetworkLimit(String vault, byte[] subnetwork, String operator, BigInteger amount) {
        String delegator = delegatorOf(vault);
        long type = delegatorType(delegator);
        if (type != DELEGATOR_FULL_RESTAKE) {
            throw new DevnetException("Symbiotic setOperatorNetworkLimit: the delegator " + delegator + " of " + vault
                    + " has type " + type + ", not FullRestake (1)");
        }
        return send("setOperatorNetworkLimit", () -> asDeployer(delegator, FullRestakeDelegator::load)
                .send_setOperatorNetworkLimit(subnetwork, operator, amount).send());
    }

    /** {@code vault}'s delegator. */
    private String delegatorOf(String vault) {
        return call("delegator", () -> asDeployer(vault, Vault::load).call_delegator().send());
    }

    /** The DelegatorFactory type of {@code delegator} ({@code TYPE()}, which every v1 delegator has). */
    private long delegatorType(String delegator) {
        return call("TYPE", () -> asDeployer(delegator, NetworkRestakeDelegator::load).call_TYPE().send()).longValueExact();
    }

    /** The DefaultStakerRewardsFactory fixture ({@value DevnetAddresses#SYMBIOTIC_STAKER_REWARDS_FACTORY}). */
    public String stakerRewardsFactory() {
        return address(DevnetAddresses.SYMBIOTIC_STAKER_REWARDS_FACTORY);
    }

    /**
     * Creates {@code vault}'s DefaultStakerRewards with an admin fee of {@code adminFeeBasisPoints} (of 10,000),
     * whose roles the deployer holds; returns it.
     */
    public String createStakerRewards(String vault, long adminFeeBasisPoints) {
        String me = devnet().deployer().getAddress();
        TransactionReceipt created = send("create staker rewards", () -> asDeployer(stakerRewardsFactory(),
                DefaultStakerRewardsFactory::load).send_create(new DefaultStakerRewardsFactory.InitParams(vault,
                        BigInteger.valueOf(adminFeeBasisPoints), me, me, me)).send());
        return DefaultStakerRewardsFactory.getAddEntityEvents(created).get(0).entity;
    }

    /**
     * Distributes {@code amount} of {@code token} (held by {@code middleware}, approved here) as {@code network}'s
     * staker rewards for the stake at {@code timestamp} (in the past), as the network's middleware does.
     */
    public TransactionReceipt distributeRewards(String rewards, Credentials middleware, String network, String token,
            BigInteger amount, BigInteger timestamp) {
        send("approve rewards", () -> as(middleware, token, io.restake4j.devnet.fixtures.common.TestToken::load)
                .send_approve(rewards, amount).send());
        String data = FunctionEncoder.encodeConstructor(List.of(new Uint48(timestamp), new Uint256(BigInteger.valueOf(10_000)),
                new DynamicBytes(new byte[0]), new DynamicBytes(new byte[0])));
        return send("distributeRewards", () -> as(middleware, rewards, DefaultStakerRewards::load)
                .send_distributeRewards(network, token, amount, Numeric.hexStringToByteArray(data)).send());
    }

    private String createModule(String factoryAddress, long type, String vault, String params) {
        String data = FunctionEncoder.encodeConstructor(List.of(new Address(vault),
                new DynamicBytes(Numeric.hexStringToByteArray(params))));
        TransactionReceipt created = send("create module type " + type, () -> asDeployer(factoryAddress,
                SymbioticTypeFactory::load).send_create(BigInteger.valueOf(type), Numeric.hexStringToByteArray(data)).send());
        return SymbioticTypeFactory.getAddEntityEvents(created).get(0).entity;
    }

    private final VaultFactory factory = asDeployer(vaultFactory(), VaultFactory::load);
}
