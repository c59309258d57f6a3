package io.restake4j.devnet;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The address book of a devnet: every fixture it deployed, by name.
 *
 * <p>Names are {@code <protocol>.<Contract>}, for example {@code common.Multicall3}; later protocol
 * fixtures add theirs (such as {@code eigenlayer.DelegationManager}). The book is immutable; a
 * devnet's book grows only when it deploys something.
 *
 * <pre>{@code
 * String multicall = devnet.addresses().require(DevnetAddresses.MULTICALL3);
 * }</pre>
 */
public final class DevnetAddresses {

    /** Multicall3, at its canonical address on every devnet. */
    public static final String MULTICALL3 = "common.Multicall3";

    /** EigenLayer StrategyManager fixture. */
    public static final String EIGENLAYER_STRATEGY_MANAGER = "eigenlayer.StrategyManager";
    /** EigenLayer DelegationManager fixture. */
    public static final String EIGENLAYER_DELEGATION_MANAGER = "eigenlayer.DelegationManager";
    /** EigenLayer AllocationManager fixture. */
    public static final String EIGENLAYER_ALLOCATION_MANAGER = "eigenlayer.AllocationManager";
    /** EigenLayer RewardsCoordinator fixture. */
    public static final String EIGENLAYER_REWARDS_COORDINATOR = "eigenlayer.RewardsCoordinator";
    /** EigenLayer EigenPodManager fixture. */
    public static final String EIGENLAYER_EIGEN_POD_MANAGER = "eigenlayer.EigenPodManager";
    /** The EigenPod implementation behind {@link #EIGENLAYER_EIGEN_POD_BEACON} (pods are beacon proxies). */
    public static final String EIGENLAYER_EIGEN_POD_IMPLEMENTATION = "eigenlayer.EigenPod.implementation";
    /** The EigenPod beacon (an UpgradeableBeacon) every pod proxy follows; {@code eigenPodBeacon()} of the manager. */
    public static final String EIGENLAYER_EIGEN_POD_BEACON = "eigenlayer.EigenPodBeacon";
    /** Stand-in for the beacon chain deposit contract, used by EigenPods. */
    public static final String EIGENLAYER_BEACON_DEPOSIT = "eigenlayer.BeaconDeposit";
    /** The beaconChainETH strategy sentinel (not a contract). */
    public static final String EIGENLAYER_BEACON_CHAIN_ETH_STRATEGY = "eigenlayer.beaconChainETHStrategy";
    /** The EigenLayer strategy of the devnet's Lido stETH ({@link #LIDO_STETH}); absent with {@code lido(false)}. */
    public static final String EIGENLAYER_STETH_STRATEGY = "eigenlayer.strategy.stETH";
    /** The EigenLayer strategy of the devnet's Rocket Pool rETH ({@link #ROCKETPOOL_RETH}); absent with {@code rocketPool(false)}. */
    public static final String EIGENLAYER_RETH_STRATEGY = "eigenlayer.strategy.rETH";
    /** The devnet bEIGEN token (a TestToken "Backing Eigen"; the deployer mints), EIGEN's backing. */
    public static final String EIGENLAYER_BEIGEN = "eigenlayer.bEIGEN";
    /** The devnet EIGEN token fixture: wraps bEIGEN 1:1 ({@code wrap} / {@code unwrap}). */
    public static final String EIGENLAYER_EIGEN = "eigenlayer.EIGEN";
    /** The EigenStrategy fixture: underlying bEIGEN, also takes and pays EIGEN. */
    public static final String EIGENLAYER_EIGEN_STRATEGY = "eigenlayer.strategy.EIGEN";

    /** Lido stETH fixture (the Lido contract: staking entry point and token). */
    public static final String LIDO_STETH = "lido.Lido";
    /** Lido wstETH fixture. */
    public static final String LIDO_WSTETH = "lido.WstETH";
    /** Lido WithdrawalQueueERC721 fixture. */
    public static final String LIDO_WITHDRAWAL_QUEUE = "lido.WithdrawalQueueERC721";
    /** LidoLocator fixture (the address book mainnet clients resolve the other Lido contracts from). */
    public static final String LIDO_LOCATOR = "lido.LidoLocator";
    /** Lido Burner fixture (burns the shares of finalized withdrawal requests during a report). */
    public static final String LIDO_BURNER = "lido.Burner";

    /** ether.fi LiquidityPool fixture (the ETH entry point). */
    public static final String ETHERFI_LIQUIDITY_POOL = "etherfi.LiquidityPool";
    /** ether.fi eETH fixture. */
    public static final String ETHERFI_EETH = "etherfi.eETH";
    /** ether.fi weETH fixture. */
    public static final String ETHERFI_WEETH = "etherfi.weETH";
    /** ether.fi WithdrawRequestNFT fixture. */
    public static final String ETHERFI_WITHDRAW_REQUEST_NFT = "etherfi.WithdrawRequestNFT";
    /** ether.fi EtherFiRateLimiter fixture (eETH mint/burn buckets). */
    public static final String ETHERFI_RATE_LIMITER = "etherfi.EtherFiRateLimiter";
    /** ether.fi Blacklister fixture (consulted by the pool, eETH and the WithdrawRequestNFT). */
    public static final String ETHERFI_BLACKLISTER = "etherfi.Blacklister";
    /** ether.fi EtherFiAdmin fixture (the devnet oracle's contract: rebases, finalization and escrow). */
    public static final String ETHERFI_ADMIN = "etherfi.EtherFiAdmin";
    /** Symbiotic VaultFactory fixture (versions 1 Vault, 2 VaultTokenized, 3 VaultV2). */
    public static final String SYMBIOTIC_VAULT_FACTORY = "symbiotic.VaultFactory";
    /** Symbiotic DelegatorFactory fixture. */
    public static final String SYMBIOTIC_DELEGATOR_FACTORY = "symbiotic.DelegatorFactory";
    /** Symbiotic SlasherFactory fixture. */
    public static final String SYMBIOTIC_SLASHER_FACTORY = "symbiotic.SlasherFactory";
    /** Symbiotic NetworkRegistry fixture. */
    public static final String SYMBIOTIC_NETWORK_REGISTRY = "symbiotic.NetworkRegistry";
    /** Symbiotic OperatorRegistry fixture. */
    public static final String SYMBIOTIC_OPERATOR_REGISTRY = "symbiotic.OperatorRegistry";
    /** Symbiotic OperatorVaultOptInService fixture. */
    public static final String SYMBIOTIC_OPERATOR_VAULT_OPT_IN_SERVICE = "symbiotic.OperatorVaultOptInService";
    /** Symbiotic OperatorNetworkOptInService fixture. */
    public static final String SYMBIOTIC_OPERATOR_NETWORK_OPT_IN_SERVICE = "symbiotic.OperatorNetworkOptInService";
    /** Symbiotic NetworkMiddlewareService fixture. */
    public static final String SYMBIOTIC_NETWORK_MIDDLEWARE_SERVICE = "symbiotic.NetworkMiddlewareService";
    /** Symbiotic DefaultStakerRewardsFactory fixture (one DefaultStakerRewards per vault). */
    public static final String SYMBIOTIC_STAKER_REWARDS_FACTORY = "symbiotic.DefaultStakerRewardsFactory";
    /** The implementation the devnet's version 1 vaults are clones of. */
    public static final String SYMBIOTIC_VAULT_IMPLEMENTATION = "symbiotic.VaultImplementation";
    /** The implementation the devnet's version 2 (tokenized) vaults are clones of. */
    public static final String SYMBIOTIC_VAULT_TOKENIZED_IMPLEMENTATION = "symbiotic.VaultTokenizedImplementation";
    /** The implementation the devnet's version 3 (Core V2) vaults are clones of. */
    public static final String SYMBIOTIC_VAULT_V2_IMPLEMENTATION = "symbiotic.VaultV2Implementation";
    /** Rocket Pool RocketStorage fixture, the hub every other Rocket Pool address is looked up in. */
    public static final String ROCKETPOOL_STORAGE = "rocketpool.RocketStorage";
    /** Rocket Pool rETH fixture (registered in RocketStorage as rocketTokenRETH). */
    public static final String ROCKETPOOL_RETH = "rocketpool.RocketTokenRETH";
    /** Rocket Pool deposit pool fixture (rocketDepositPool). */
    public static final String ROCKETPOOL_DEPOSIT_POOL = "rocketpool.RocketDepositPool";
    /** Rocket Pool network balances fixture (rocketNetworkBalances). */
    public static final String ROCKETPOOL_NETWORK_BALANCES = "rocketpool.RocketNetworkBalances";
    /** Rocket Pool deposit settings fixture (rocketDAOProtocolSettingsDeposit). */
    public static final String ROCKETPOOL_SETTINGS_DEPOSIT = "rocketpool.RocketDAOProtocolSettingsDeposit";
    /** Rocket Pool vault fixture (rocketVault), holding the deposit pool's ETH. */
    public static final String ROCKETPOOL_VAULT = "rocketpool.RocketVault";
    /** Rocket Pool pDAO fixture (rocketDAOProtocol), whose bootstrap calls change the settings. */
    public static final String ROCKETPOOL_DAO_PROTOCOL = "rocketpool.RocketDAOProtocol";
    /** Karak v1.3 VaultSupervisor fixture (deposits; owns the vaults, which {@code getVaults()} lists). */
    public static final String KARAK_VAULT_SUPERVISOR = "karak.VaultSupervisor";
    /** Karak v1 DelegationSupervisor fixture (startWithdraw / finishWithdraw). */
    public static final String KARAK_DELEGATION_SUPERVISOR = "karak.DelegationSupervisor";
    /** Karak v1 Querier fixture (getWithdraws). */
    public static final String KARAK_QUERIER = "karak.Querier";
    /** Karak v2 Core fixture (KarakCore: assets, operator vaults, DSSs, stake updates, slashing). */
    public static final String KARAK_CORE = "karak.Core";
    /** The KarakCoreVault implementation Karak v2 operator vaults are clones of. */
    public static final String KARAK_CORE_VAULT_IMPLEMENTATION = "karak.CoreVaultImplementation";

    private final Map<String, String> byName;

    DevnetAddresses(Map<String, String> byName) {
        this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    }

    /** The address registered under {@code name}, or a {@link DevnetException} listing the known names. */
    public String require(String name) {
        String address = byName.get(name);
        if (address == null) {
            throw new DevnetException("no devnet address named '" + name + "'; known: " + byName.keySet());
        }
        return address;
    }

    public Optional<String> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** All entries, in registration order. */
    public Map<String, String> asMap() {
        return byName;
    }

    DevnetAddresses with(String name, String address) {
        Map<String, String> copy = new LinkedHashMap<>(byName);
        copy.put(name, address);
        return new DevnetAddresses(copy);
    }

    @Override
    public String toString() {
        return "DevnetAddresses" + byName;
    }
}
