package io.restake4j.devnet;

import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint16;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tuples.generated.Tuple2;

import io.restake4j.devnet.fixtures.common.TestToken;
import io.restake4j.devnet.fixtures.eigenlayer.AllocationManager;
import io.restake4j.devnet.fixtures.eigenlayer.DelegationManager;
import io.restake4j.devnet.fixtures.eigenlayer.RewardsCoordinator;
import io.restake4j.devnet.fixtures.eigenlayer.Eigen;
import io.restake4j.devnet.fixtures.eigenlayer.StrategyBase;
import io.restake4j.devnet.fixtures.eigenlayer.StrategyBaseTVLLimits;
import io.restake4j.devnet.fixtures.eigenlayer.StrategyManager;

/**
 * The EigenLayer fixtures of a {@link Devnet} and controls for tests and samples.
 *
 * <p>Every devnet deploys restake4j's own EigenLayer (slashing era, v1.x) fixtures when it starts, from
 * the {@link Devnet#deployer() deployer}, wired together: StrategyManager, DelegationManager,
 * AllocationManager, RewardsCoordinator, EigenPodManager and a beacon deposit contract stand-in, plus
 * strategies for the devnet's own Lido stETH and Rocket Pool rETH (as mainnet's, they hold the LSTs
 * themselves; the devnet deploys Lido and Rocket Pool first, and {@code lido(false)} / {@code rocketPool(false)}
 * leave the matching strategy out), and EIGEN / bEIGEN with their EigenStrategy. They implement EigenLayer's public interface with its real
 * semantics (deposit shares and the virtual-offset exchange rate, delegation with approver signatures,
 * the withdrawal queue, magnitudes and slashing, rewards roots and Merkle claims); what they do not
 * implement reverts with {@code NotSupportedByFixture(string)}. The deployer is the owner, strategy
 * whitelister and rewards updater, so the controls here act as the deployer where EigenLayer needs a
 * privileged account.
 *
 * <p>In {@code @DevnetTest} classes it can be a test parameter ({@code EigenLayerDevnet el}).
 *
 * <pre>{@code
 * try (Devnet devnet = Devnet.start()) {
 *     EigenLayerDevnet el = devnet.eigenLayer();
 *     Credentials operator = devnet.account(1);
 *     el.registerOperator(operator, null);                    // no delegation approver
 *     String strategy = el.stETHStrategy();                   // or el.deployStrategy(myToken)
 *     // ... a staker deposits and delegates through the SDK ...
 *     el.slashOperator(devnet.account(9), operator, strategy, EigenLayerDevnet.WAD.divide(BigInteger.TWO));
 *     devnet.mine(el.withdrawalDelayBlocks() + 1);            // queued withdrawals become completable
 * }
 * }</pre>
 */
public final class EigenLayerDevnet extends ProtocolDevnet {

    /** 1e18: 100% as a magnitude or a slashing proportion. */
    public static final BigInteger WAD = BigInteger.TEN.pow(18);

    /** The beaconChainETH strategy sentinel (not a contract), the same on every network. */
    public static final String BEACON_CHAIN_ETH_STRATEGY = "0xbeaC0eeEeeeeEEeEeEEEEeeEEeEeeeEeeEEBEaC0";

    /** The version string the fixtures report; its first character makes the EIP-712 domain version "1". */
    public static final String FIXTURE_VERSION = "1.12.0";

    /** Default operator split of the devnet's RewardsCoordinator, in bips (10%). */
    public static final int DEFAULT_OPERATOR_SPLIT_BIPS = 1000;

    /** Name and symbol of the devnet's bEIGEN (a TestToken the deployer mints); EIGEN is "Eigen" / "EIGEN". */
    public static final String BEIGEN_NAME = "Backing Eigen";
    public static final String BEIGEN_SYMBOL = "bEIGEN";

    /** The transactions deploy() sends, in this order. */
    private enum Tx {
        BEACON_DEPOSIT, STRATEGY_MANAGER, DELEGATION_MANAGER, ALLOCATION_MANAGER, EIGEN_POD, EIGEN_POD_BEACON,
        EIGEN_POD_MANAGER,
        REWARDS_COORDINATOR, BEIGEN, EIGEN, EIGEN_STRATEGY, WHITELIST
    }

    private final Config config;

    private EigenLayerDevnet(Devnet devnet, Config config) {
        super(devnet, "EigenLayer");
        this.config = config;
    }

    /** The delays a devnet's EigenLayer fixtures are deployed with; see the {@link Devnet.Builder} options. */
    record Config(int withdrawalDelayBlocks, Duration rewardsActivationDelay, int allocationDelayBlocks,
            int deallocationDelayBlocks, int allocationConfigurationDelayBlocks) {
        Config {
            requireUint32(withdrawalDelayBlocks, "withdrawal delay");
            requireUint32(allocationDelayBlocks, "allocation delay");
            requireUint32(deallocationDelayBlocks, "deallocation delay");
            requireUint32(allocationConfigurationDelayBlocks, "allocation configuration delay");
            if (rewardsActivationDelay.isNegative() || rewardsActivationDelay.toSeconds() > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("rewards activation delay must be 0..2^32-1 s, was "
                        + rewardsActivationDelay);
            }
        }

        static Config defaults() {
            return new Config(10, Duration.ofSeconds(60), 5, 5, 5);
        }

        private static void requireUint32(long value, String what) {
            if (value < 0 || value > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException(what + " must be 0..2^32-1 blocks, was " + value);
            }
        }
    }

    // ---------------------------------------------------------------- deployment

    /**
     * Deploys the fixtures from the deployer with pre-computed (nonce-derived) addresses, so that each
     * constructor gets the others' addresses; the transactions are sent back to back and checked at the end.
     */
    static EigenLayerDevnet deploy(Devnet devnet, Config config, Map<String, String> bytecodes) {
        FixtureDeployment d = FixtureDeployment.begin(devnet, "EigenLayer", Tx.values());
        Utf8String version = new Utf8String(FIXTURE_VERSION);
        Address from = new Address(d.deployerAddress());
        Address strategyManager = new Address(d.address(Tx.STRATEGY_MANAGER));
        Address delegationManager = new Address(d.address(Tx.DELEGATION_MANAGER));
        Address allocationManager = new Address(d.address(Tx.ALLOCATION_MANAGER));
        d.create(Tx.BEACON_DEPOSIT, DevnetAddresses.EIGENLAYER_BEACON_DEPOSIT, bytecodes.get("BeaconDepositFixture"));
        d.create(Tx.STRATEGY_MANAGER, DevnetAddresses.EIGENLAYER_STRATEGY_MANAGER, bytecodes.get("StrategyManager"),
                delegationManager, allocationManager, from, from, version);
        d.create(Tx.DELEGATION_MANAGER, DevnetAddresses.EIGENLAYER_DELEGATION_MANAGER,
                bytecodes.get("DelegationManager"),
                strategyManager, new Address(d.address(Tx.EIGEN_POD_MANAGER)), allocationManager,
                new Uint32(config.withdrawalDelayBlocks()), version);
        d.create(Tx.ALLOCATION_MANAGER, DevnetAddresses.EIGENLAYER_ALLOCATION_MANAGER,
                bytecodes.get("AllocationManager"),
                delegationManager, new Uint32(config.deallocationDelayBlocks()),
                new Uint32(config.allocationConfigurationDelayBlocks()));
        // Pods are beacon proxies, as upstream: the EigenPod implementation (bound to the EigenPodManager's
        // nonce-derived address) behind an UpgradeableBeacon the deployer owns.
        Address ethPos = new Address(d.address(Tx.BEACON_DEPOSIT));
        Address eigenPodManager = new Address(d.address(Tx.EIGEN_POD_MANAGER));
        d.create(Tx.EIGEN_POD, DevnetAddresses.EIGENLAYER_EIGEN_POD_IMPLEMENTATION, bytecodes.get("EigenPod"),
                ethPos, eigenPodManager);
        d.create(Tx.EIGEN_POD_BEACON, DevnetAddresses.EIGENLAYER_EIGEN_POD_BEACON, bytecodes.get("UpgradeableBeacon"),
                new Address(d.address(Tx.EIGEN_POD)), from);
        d.create(Tx.EIGEN_POD_MANAGER, DevnetAddresses.EIGENLAYER_EIGEN_POD_MANAGER, bytecodes.get("EigenPodManager"),
                ethPos, new Address(d.address(Tx.EIGEN_POD_BEACON)), delegationManager, from);
        d.create(Tx.REWARDS_COORDINATOR, DevnetAddresses.EIGENLAYER_REWARDS_COORDINATOR,
                bytecodes.get("RewardsCoordinator"),
                delegationManager, strategyManager, allocationManager, from, from,
                new Uint32(config.rewardsActivationDelay().toSeconds()), new Uint16(DEFAULT_OPERATOR_SPLIT_BIPS));
        Address bEigen = new Address(d.address(Tx.BEIGEN));
        d.create(Tx.BEIGEN, DevnetAddresses.EIGENLAYER_BEIGEN, bytecodes.get("TestToken"),
                new Utf8String(BEIGEN_NAME), new Utf8String(BEIGEN_SYMBOL), new Uint8(18));
        d.create(Tx.EIGEN, DevnetAddresses.EIGENLAYER_EIGEN, bytecodes.get("Eigen"), bEigen);
        d.create(Tx.EIGEN_STRATEGY, DevnetAddresses.EIGENLAYER_EIGEN_STRATEGY, bytecodes.get("EigenStrategy"),
                strategyManager, new Address(d.address(Tx.EIGEN)), bEigen);
        d.call(Tx.WHITELIST, d.address(Tx.STRATEGY_MANAGER), StrategyManager.getABI_send_addStrategiesToDepositWhitelist(
                List.of(d.address(Tx.EIGEN_STRATEGY))));
        d.finish();
        devnet.register(DevnetAddresses.EIGENLAYER_BEACON_CHAIN_ETH_STRATEGY, BEACON_CHAIN_ETH_STRATEGY);
        // Mainnet's LST strategies hold the LSTs themselves: the stETH strategy holds Lido's stETH and the
        // rETH strategy Rocket Pool's rETH (the devnet deploys Lido and Rocket Pool first). Without them,
        // there is no such strategy (stETHStrategy() / rETHStrategy() throw). Like mainnet's, they are
        // StrategyBaseTVLLimits, with both limits at type(uint256).max until setTVLLimits lowers them.
        devnet.addresses().find(DevnetAddresses.LIDO_STETH).ifPresent(stEth -> deployLstStrategy(devnet,
                DevnetAddresses.EIGENLAYER_STETH_STRATEGY, stEth, bytecodes.get("StrategyBaseTVLLimits")));
        devnet.addresses().find(DevnetAddresses.ROCKETPOOL_RETH).ifPresent(rEth -> deployLstStrategy(devnet,
                DevnetAddresses.EIGENLAYER_RETH_STRATEGY, rEth, bytecodes.get("StrategyBaseTVLLimits")));
        return new EigenLayerDevnet(devnet, config);
    }

    private enum LstTx { STRATEGY, WHITELIST }

    private static void deployLstStrategy(Devnet devnet, String name, String token, String bytecode) {
        FixtureDeployment d = FixtureDeployment.begin(devnet, "EigenLayer " + name, LstTx.values());
        d.create(LstTx.STRATEGY, name, bytecode,
                new Address(devnet.addresses().require(DevnetAddresses.EIGENLAYER_STRATEGY_MANAGER)), new Address(token));
        d.call(LstTx.WHITELIST, devnet.addresses().require(DevnetAddresses.EIGENLAYER_STRATEGY_MANAGER),
                StrategyManager.getABI_send_addStrategiesToDepositWhitelist(List.of(d.address(LstTx.STRATEGY))));
        d.finish();
    }

    /**
     * Reads the creation bytecode of every fixture {@link #deploy} sends (from the jar's artifacts); the
     * devnet does this while anvil starts.
     */
    static Map<String, String> loadBytecodes() {
        Map<String, String> out = new HashMap<>(bytecodes("eigenlayer", List.of("BeaconDepositFixture",
                "StrategyManager", "DelegationManager", "AllocationManager", "EigenPod", "UpgradeableBeacon",
                "EigenPodManager", "RewardsCoordinator",
                "StrategyBase", "StrategyBaseTVLLimits", "Eigen", "EigenStrategy")));
        out.putAll(bytecodes("common", List.of("TestToken")));
        return Map.copyOf(out);
    }

    // ---------------------------------------------------------------- addresses and settings

    /** The StrategyManager fixture ({@value DevnetAddresses#EIGENLAYER_STRATEGY_MANAGER}). */
    public String strategyManager() {
        return address(DevnetAddresses.EIGENLAYER_STRATEGY_MANAGER);
    }

    /** The DelegationManager fixture ({@value DevnetAddresses#EIGENLAYER_DELEGATION_MANAGER}). */
    public String delegationManager() {
        return address(DevnetAddresses.EIGENLAYER_DELEGATION_MANAGER);
    }

    /** The AllocationManager fixture ({@value DevnetAddresses#EIGENLAYER_ALLOCATION_MANAGER}). */
    public String allocationManager() {
        return address(DevnetAddresses.EIGENLAYER_ALLOCATION_MANAGER);
    }

    /** The RewardsCoordinator fixture ({@value DevnetAddresses#EIGENLAYER_REWARDS_COORDINATOR}). */
    public String rewardsCoordinator() {
        return address(DevnetAddresses.EIGENLAYER_REWARDS_COORDINATOR);
    }

    /** The EigenPodManager fixture ({@value DevnetAddresses#EIGENLAYER_EIGEN_POD_MANAGER}). */
    public String eigenPodManager() {
        return address(DevnetAddresses.EIGENLAYER_EIGEN_POD_MANAGER);
    }

    /** The beacon deposit contract stand-in ({@value DevnetAddresses#EIGENLAYER_BEACON_DEPOSIT}). */
    public String beaconDeposit() {
        return address(DevnetAddresses.EIGENLAYER_BEACON_DEPOSIT);
    }

    /**
     * The underlying token of {@link #stETHStrategy()}: the devnet's Lido stETH ({@value DevnetAddresses#LIDO_STETH}),
     * as on mainnet, where the stETH strategy holds Lido's stETH.
     *
     * @throws DevnetException if the devnet was started with {@code lido(false)} (there is then no stETH strategy)
     */
    public String stETH() {
        return requireLst(DevnetAddresses.LIDO_STETH, "lido(false)");
    }

    /**
     * The whitelisted strategy of {@link #stETH()} ({@value DevnetAddresses#EIGENLAYER_STETH_STRATEGY}).
     *
     * @throws DevnetException if the devnet was started with {@code lido(false)}
     */
    public String stETHStrategy() {
        requireLst(DevnetAddresses.LIDO_STETH, "lido(false)");
        return address(DevnetAddresses.EIGENLAYER_STETH_STRATEGY);
    }

    /**
     * The underlying token of {@link #rETHStrategy()}: the devnet's Rocket Pool rETH
     * ({@value DevnetAddresses#ROCKETPOOL_RETH}).
     *
     * @throws DevnetException if the devnet was started with {@code rocketPool(false)}
     */
    public String rETH() {
        return requireLst(DevnetAddresses.ROCKETPOOL_RETH, "rocketPool(false)");
    }

    /**
     * The whitelisted strategy of {@link #rETH()} ({@value DevnetAddresses#EIGENLAYER_RETH_STRATEGY}).
     *
     * @throws DevnetException if the devnet was started with {@code rocketPool(false)}
     */
    public String rETHStrategy() {
        requireLst(DevnetAddresses.ROCKETPOOL_RETH, "rocketPool(false)");
        return address(DevnetAddresses.EIGENLAYER_RETH_STRATEGY);
    }

    private String requireLst(String name, String option) {
        return devnet().addresses().find(name).orElseThrow(() -> new DevnetException("this devnet was started with "
                + option + ": there is no " + name + " and no EigenLayer strategy for it"));
    }

    /**
     * The devnet's bEIGEN ({@value DevnetAddresses#EIGENLAYER_BEIGEN}): a TestToken whose minter is the
     * deployer, and the underlying token of {@link #eigenStrategy()}. Mint bEIGEN, then {@code wrap} it
     * into {@link #eigen()} to hold EIGEN.
     */
    public String bEIGEN() {
        return address(DevnetAddresses.EIGENLAYER_BEIGEN);
    }

    /** The devnet's EIGEN ({@value DevnetAddresses#EIGENLAYER_EIGEN}): wraps {@link #bEIGEN()} 1:1. */
    public String eigen() {
        return address(DevnetAddresses.EIGENLAYER_EIGEN);
    }

    /**
     * The whitelisted EigenStrategy ({@value DevnetAddresses#EIGENLAYER_EIGEN_STRATEGY}): underlying bEIGEN;
     * it also takes EIGEN (unwrapped on deposit) and pays EIGEN when a withdrawal asks for it.
     */
    public String eigenStrategy() {
        return address(DevnetAddresses.EIGENLAYER_EIGEN_STRATEGY);
    }

    /** The DelegationManager's minWithdrawalDelayBlocks: withdrawals complete at startBlock + this + 1. */
    public int withdrawalDelayBlocks() {
        return config.withdrawalDelayBlocks();
    }

    /** The allocation delay {@link #registerOperator(Credentials, String)} registers operators with, in blocks. */
    public int allocationDelayBlocks() {
        return config.allocationDelayBlocks();
    }

    /** The AllocationManager's DEALLOCATION_DELAY, in blocks. */
    public int deallocationDelayBlocks() {
        return config.deallocationDelayBlocks();
    }

    /** The RewardsCoordinator's activation delay: a posted root is claimable this long after it was posted. */
    public Duration rewardsActivationDelay() {
        return config.rewardsActivationDelay();
    }

    // ---------------------------------------------------------------- controls

    /**
     * Deploys a StrategyBase fixture for {@code token} and whitelists it for deposits (as the deployer,
     * the strategy whitelister).
     *
     * @return the strategy's address
     */
    public String deployStrategy(String token) {
        Objects.requireNonNull(token, "token");
        Devnet devnet = devnet();
        return call("deploy a strategy for " + token, () -> {
            String strategy = StrategyBase.deploy(devnet.web3j(), devnet.transactionManager(devnet.deployer()),
                    devnet.gasProvider(), strategyManager(), token).send().getContractAddress();
            send("whitelist " + strategy, () -> strategyManager(devnet.deployer())
                    .send_addStrategiesToDepositWhitelist(List.of(strategy)).send());
            return strategy;
        });
    }

    /**
     * Registers {@code operator} as an EigenLayer operator with the devnet's default allocation delay
     * ({@link #allocationDelayBlocks()}).
     *
     * @param delegationApprover the account whose EIP-712 signature stakers need to delegate, or null for none
     */
    public TransactionReceipt registerOperator(Credentials operator, String delegationApprover) {
        return registerOperator(operator, delegationApprover, allocationDelayBlocks(), "");
    }

    /** Registers {@code operator} with an explicit allocation delay (blocks) and metadata URI. */
    public TransactionReceipt registerOperator(Credentials operator, String delegationApprover, int allocationDelayBlocks,
            String metadataUri) {
        String approver = delegationApprover == null ? Address.DEFAULT.getValue() : delegationApprover;
        return send("register operator " + operator.getAddress(), () -> delegationManager(operator)
                .send_registerAsOperator(approver, BigInteger.valueOf(allocationDelayBlocks),
                        Objects.requireNonNullElse(metadataUri, "")).send());
    }

    /**
     * Posts a distribution root as the rewards updater (the deployer).
     *
     * @param root the 32-byte root of the earner tree
     * @param calculationEndTimestamp end of the period the root covers; must be in the past and later
     *        than the previous root's
     * @return the root's index, for {@code RewardsMerkleClaim.rootIndex}
     */
    public long postRewardsRoot(byte[] root, long calculationEndTimestamp) {
        if (root == null || root.length != 32) {
            throw new IllegalArgumentException("root must be 32 bytes");
        }
        RewardsCoordinator coordinator = asDeployer(rewardsCoordinator(), RewardsCoordinator::load);
        return call("post rewards root", () -> {
            coordinator.send_submitRoot(root, BigInteger.valueOf(calculationEndTimestamp)).send();
            return coordinator.call_getDistributionRootsLength().send().longValueExact() - 1;
        });
    }

    /**
     * An operator set of the devnet's AllocationManager: the AVS address and the set id.
     *
     * <pre>{@code
     * OperatorSetRef set = el.createOperatorSet(avs, List.of(el.stETHStrategy()));
     * el.registerForOperatorSet(operator, set);
     * el.allocate(operator, set, el.stETHStrategy(), EigenLayerDevnet.WAD);          // 100%, in effect on return
     * el.slash(avs, set, operator.getAddress(), el.stETHStrategy(), EigenLayerDevnet.WAD.divide(BigInteger.TEN), "10%");
     * }</pre>
     */
    public record OperatorSetRef(String avs, long id) {
        public OperatorSetRef {
            Objects.requireNonNull(avs, "avs");
            if (id < 0 || id > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("operator set id must be a uint32, was " + id);
            }
        }

        /** As the AllocationManager wrapper's struct. */
        public AllocationManager.OperatorSet toStruct() {
            return new AllocationManager.OperatorSet(avs, BigInteger.valueOf(id));
        }
    }

    /**
     * Creates an operator set for {@code avs} (publishing its metadata URI first, as EigenLayer
     * requires) with the first free id; the AVS is the set's slasher.
     */
    public OperatorSetRef createOperatorSet(Credentials avs, List<String> strategies) {
        AllocationManager am = allocationManager(avs);
        return call("create operator set for " + avs.getAddress(), () -> {
            long id = am.call_getOperatorSetCount(avs.getAddress()).send().longValueExact();
            while (am.call_isOperatorSet(new OperatorSetRef(avs.getAddress(), id).toStruct()).send()) {
                id++;
            }
            am.send_updateAVSMetadataURI(avs.getAddress(), "https://devnet.invalid/avs.json").send();
            am.send_createOperatorSets(avs.getAddress(),
                    List.of(new AllocationManager.CreateSetParams(BigInteger.valueOf(id), List.copyOf(strategies)))).send();
            return new OperatorSetRef(avs.getAddress(), id);
        });
    }

    /** Registers {@code operator} (an EigenLayer operator) for {@code set}. */
    public TransactionReceipt registerForOperatorSet(Credentials operator, OperatorSetRef set) {
        return send("register " + operator.getAddress() + " for " + set, () -> allocationManager(operator)
                .send_registerForOperatorSets(operator.getAddress(), new AllocationManager.RegisterParams(set.avs(),
                        List.of(BigInteger.valueOf(set.id())), new byte[0])).send());
    }

    /**
     * Allocates {@code magnitude} (of {@link #WAD}) of {@code operator}'s {@code strategy} to {@code set}
     * and mines blocks until the allocation is in effect (the operator's allocation delay).
     */
    public void allocate(Credentials operator, OperatorSetRef set, String strategy, BigInteger magnitude) {
        AllocationManager am = allocationManager(operator);
        call("allocate " + magnitude + " of " + strategy + " to " + set, () -> {
            am.send_modifyAllocations(operator.getAddress(), List.of(new AllocationManager.AllocateParams(set.toStruct(),
                    List.of(strategy), List.of(magnitude)))).send();
            AllocationManager.Allocation allocation =
                    am.call_getAllocation(operator.getAddress(), set.toStruct(), strategy).send();
            long effectBlock = allocation.effectBlock.longValueExact();
            long now = devnet().blockNumber().longValueExact();
            if (allocation.pendingDiff.signum() != 0 && effectBlock > now) {
                devnet().mine(effectBlock - now);
            }
            return null;
        });
    }

    /**
     * Slashes {@code wadToSlash} (a proportion of {@link #WAD} of the allocated magnitude) of
     * {@code operator} in {@code strategy}, as {@code avs} (the set's slasher).
     */
    public TransactionReceipt slash(Credentials avs, OperatorSetRef set, String operator, String strategy,
            BigInteger wadToSlash, String description) {
        return send("slash " + operator + " in " + set, () -> allocationManager(avs)
                .send_slashOperator(set.avs(), new AllocationManager.SlashingParams(operator, BigInteger.valueOf(set.id()),
                        List.of(strategy), List.of(wadToSlash), Objects.requireNonNullElse(description, ""))).send());
    }

    /**
     * Slashes {@code operator} in one call: creates an operator set of {@code avs} with {@code strategy},
     * registers the operator for it, allocates all of its free magnitude in the strategy (mining past the
     * allocation delay), then slashes {@code wadToSlash} of it. With nothing else allocated, slashing
     * {@code WAD/2} halves the operator's (and its stakers') withdrawable shares in the strategy.
     *
     * @param operator a registered EigenLayer operator
     * @return the receipt of the slashOperator transaction
     */
    public TransactionReceipt slashOperator(Credentials avs, Credentials operator, String strategy, BigInteger wadToSlash) {
        OperatorSetRef set = createOperatorSet(avs, List.of(strategy));
        registerForOperatorSet(operator, set);
        BigInteger free = call("read allocatable magnitude", () -> allocationManager(operator)
                .call_getAllocatableMagnitude(operator.getAddress(), strategy).send());
        allocate(operator, set, strategy, free);
        return slash(avs, set, operator.getAddress(), strategy, wadToSlash, "devnet slash");
    }

    /** The allocation delay of {@code operator} as the AllocationManager reports it: (isSet, blocks). */
    public Tuple2<Boolean, BigInteger> allocationDelay(String operator) {
        return call("read allocation delay", () -> allocationManager(devnet().deployer()).call_getAllocationDelay(operator).send());
    }

    /**
     * Gets {@code to} Lido stETH the real way: the deployer stakes {@code ethWei} in the devnet's Lido
     * ({@code submit}, after topping its own balance up by as much) and transfers the whole stETH balance it
     * got to {@code to}. stETH moves shares, so what arrives can be 1-2 wei less than {@code ethWei} once
     * Lido's rate is not 1:1; read the balance rather than assuming it.
     *
     * <pre>{@code
     * el.stakeStETHFor(alice.getAddress(), Amount.parse("100", stEth).wei());
     * }</pre>
     *
     * @return the receipt of the transfer
     * @throws DevnetException if the devnet was started with {@code lido(false)}
     */
    public TransactionReceipt stakeStETHFor(String to, BigInteger ethWei) {
        Objects.requireNonNull(to, "to");
        String stEth = stETH();
        Credentials deployer = devnet().deployer();
        return call("stake " + ethWei + " wei in Lido for " + to, () -> {
            BigInteger balance = devnet().web3j().ethGetBalance(deployer.getAddress(),
                    org.web3j.protocol.core.DefaultBlockParameterName.LATEST).send().getBalance();
            devnet().setBalance(deployer.getAddress(), balance.add(ethWei));
            io.restake4j.devnet.fixtures.lido.Lido lido = asDeployer(stEth, io.restake4j.devnet.fixtures.lido.Lido::load);
            BigInteger before = lido.call_balanceOf(deployer.getAddress()).send();
            send("submit to Lido", () -> lido.send_submit("0x0000000000000000000000000000000000000000", ethWei).send());
            BigInteger got = lido.call_balanceOf(deployer.getAddress()).send().subtract(before);
            return send("transfer stETH to " + to, () -> lido.send_transfer(to, got).send());
        });
    }

    /**
     * Sets pause flag {@code flag} of an EigenLayer fixture ({@code contract}: the StrategyManager,
     * DelegationManager, AllocationManager, EigenPodManager, RewardsCoordinator or a strategy), as its pauser
     * (the deployer): {@code pause(paused() | 1 << flag)}. Flags are upstream's, e.g. StrategyManager 0 =
     * deposits; DelegationManager 0 = new delegations, 1 = entering the withdrawal queue, 2 = completing.
     *
     * <pre>{@code
     * el.pause(el.strategyManager(), 0);   // deposits revert CurrentlyPaused()
     * }</pre>
     */
    public TransactionReceipt pause(String contract, int flag) {
        BigInteger bit = flagBit(flag);
        StrategyManager pausable = asDeployer(contract, StrategyManager::load);
        return send("pause flag " + flag + " of " + contract,
                () -> pausable.send_pause(pausable.call_paused().send().or(bit)).send());
    }

    /** Clears pause flag {@code flag} of {@code contract} (see {@link #pause}), as its unpauser (the deployer). */
    public TransactionReceipt unpause(String contract, int flag) {
        BigInteger bit = flagBit(flag);
        StrategyManager pausable = asDeployer(contract, StrategyManager::load);
        return send("unpause flag " + flag + " of " + contract,
                () -> pausable.send_unpause(pausable.call_paused().send().andNot(bit)).send());
    }

    /**
     * Sets the deposit limits of a TVL-limited strategy (the stETH or rETH strategy), as its unpauser (the
     * deployer): {@code setTVLLimits(perDeposit, total)}, in underlying-token wei. A later deposit above
     * {@code perDeposit} reverts {@code MaxPerDepositExceedsMax()}, one that leaves the strategy holding more
     * than {@code total} reverts {@code BalanceExceedsMaxTotalDeposits()}; {@code perDeposit > total} is
     * refused by the contract with {@code MaxPerDepositExceedsMax()}.
     *
     * <pre>{@code
     * el.setTVLLimits(el.stETHStrategy(), BigInteger.TEN.pow(19), BigInteger.TEN.pow(20)); // 10 and 100 stETH
     * }</pre>
     */
    public TransactionReceipt setTVLLimits(String strategy, BigInteger perDeposit, BigInteger total) {
        StrategyBaseTVLLimits limited = asDeployer(strategy, StrategyBaseTVLLimits::load);
        return send("set TVL limits of " + strategy, () -> limited.send_setTVLLimits(perDeposit, total).send());
    }

    private static BigInteger flagBit(int flag) {
        if (flag < 0 || flag > 255) {
            throw new IllegalArgumentException("pause flag must be 0..255, was " + flag);
        }
        return BigInteger.ONE.shiftLeft(flag);
    }

    /** Mints {@code amount} of the devnet bEIGEN to {@code to} (as the deployer, its minter). */
    public TransactionReceipt mintBEIGEN(String to, BigInteger amount) {
        return send("mint bEIGEN", () -> asDeployer(bEIGEN(), TestToken::load).send_mint(to, amount).send());
    }

    /**
     * Gives {@code holder} {@code amount} of EIGEN the way EIGEN comes to be: bEIGEN is minted to the holder,
     * which approves EIGEN and wraps it (two transactions signed by the holder).
     *
     * @return the receipt of the wrap
     */
    public TransactionReceipt mintEIGEN(Credentials holder, BigInteger amount) {
        Objects.requireNonNull(holder, "holder");
        mintBEIGEN(holder.getAddress(), amount);
        send("approve EIGEN to wrap bEIGEN", () -> as(holder, bEIGEN(), TestToken::load).send_approve(eigen(), amount).send());
        return send("wrap bEIGEN into EIGEN", () -> as(holder, eigen(), Eigen::load).send_wrap(amount).send());
    }

    private StrategyManager strategyManager(Credentials who) {
        return as(who, strategyManager(), StrategyManager::load);
    }

    private DelegationManager delegationManager(Credentials who) {
        return as(who, delegationManager(), DelegationManager::load);
    }

    private AllocationManager allocationManager(Credentials who) {
        return as(who, allocationManager(), AllocationManager::load);
    }

    @Override
    public String toString() {
        return "EigenLayerDevnet[" + devnet().rpcUrl() + ", " + config + "]";
    }
}
