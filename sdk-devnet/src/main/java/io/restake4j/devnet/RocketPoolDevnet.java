package io.restake4j.devnet;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.restake4j.devnet.fixtures.rocketpool.RocketDAOProtocol;
import io.restake4j.devnet.fixtures.rocketpool.RocketDepositPool;
import io.restake4j.devnet.fixtures.rocketpool.RocketNetworkBalances;
import io.restake4j.devnet.fixtures.rocketpool.RocketTokenRETH;

/**
 * The Rocket Pool fixtures of a {@link Devnet} (RocketStorage, rETH, the deposit pool, the network balances and
 * the deposit settings, RocketVault) and the oracle and pDAO controls tests need.
 *
 * <p>Every devnet deploys them at start from the {@link Devnet#deployer() deployer}, who is RocketStorage's
 * guardian ({@code Builder.rocketPool(false)} leaves them out). As on mainnet, the contracts find each other
 * through RocketStorage at call time, under {@code keccak256("contract.address" + name)} (see
 * {@link #contractAddressKey(String)}), and settings and network balances live in RocketStorage under Rocket
 * Pool's keys. They implement rETH's rate from the last network balances report, the deposit fee, minimum
 * deposit and deposit pool maximum, and burns paid from the collateral (rETH's ETH plus the deposit pool's
 * excess), with Rocket Pool's revert strings; the deposit pool's ETH is held in RocketVault under
 * {@code "rocketDepositPool"}. Differences: no validator queue, and the pDAO (in bootstrap mode: its settings calls are the guardian's {@code bootstrapSetting*}) and the only
 * oDAO member are the deployer; deposits start disabled, as upstream, and deploy() enables them through the pDAO:
 * {@link #report} votes the network balances in (in steps of at most 2% a day, as RPIP-61 allows), {@link #assignToValidators} takes pool ETH out of the collateral and
 * {@link #returnFromValidators} brings ETH back into rETH.
 *
 * <p>Start values: minimum deposit 0.01 ETH, deposit pool maximum 160 ETH, deposit fee 0.05%
 * ({@code 5e14}), target rETH collateral rate 10%, no report yet (rETH mints 1:1 until the first report).
 *
 * <p>In {@code @DevnetTest} classes it can be a test parameter ({@code RocketPoolDevnet rocketPool}).
 *
 * <pre>{@code
 * RocketPoolDevnet rp = devnet.rocketPool();
 * // ... a user deposits ETH through the SDK ...
 * rp.report(rp.totalEthBalance().add(BigInteger.TEN.pow(17)));  // rewards: +0.1 ETH over the same supply
 * rp.setDepositFee(BigInteger.TEN.pow(15));                      // 0.1%
 * }</pre>
 */
public final class RocketPoolDevnet extends ProtocolDevnet {

    /** Names under which the fixtures are registered in RocketStorage, as on mainnet. */
    public static final String ROCKET_TOKEN_RETH = "rocketTokenRETH";
    public static final String ROCKET_NETWORK_BALANCES = "rocketNetworkBalances";
    public static final String ROCKET_DAO_PROTOCOL_SETTINGS_DEPOSIT = "rocketDAOProtocolSettingsDeposit";
    public static final String ROCKET_DEPOSIT_POOL = "rocketDepositPool";
    public static final String ROCKET_VAULT = "rocketVault";
    public static final String ROCKET_DAO_PROTOCOL = "rocketDAOProtocol";

    /** The transactions deploy() sends, in this order. */
    private enum Tx {
        STORAGE, RETH, BALANCES, SETTINGS, VAULT, DEPOSIT_POOL, DAO_PROTOCOL, DEPLOYED_STATUS, ENABLE_DEPOSITS
    }


    private static final BigInteger CALC_BASE = BigInteger.TEN.pow(18);
    /** At 2% a step, 64 reports move the rate by a factor of about 3.5 up or 0.27 down. */
    private static final int MAX_REPORT_STEPS = 64;

    private RocketPoolDevnet(Devnet devnet) {
        super(devnet, "Rocket Pool");
    }

    /**
     * RocketStorage's key of a contract address: {@code keccak256(abi.encodePacked("contract.address", name))}.
     */
    public static byte[] contractAddressKey(String name) {
        byte[] prefix = "contract.address".getBytes(StandardCharsets.UTF_8);
        byte[] suffix = name.getBytes(StandardCharsets.UTF_8);
        byte[] packed = new byte[prefix.length + suffix.length];
        System.arraycopy(prefix, 0, packed, 0, prefix.length);
        System.arraycopy(suffix, 0, packed, prefix.length, suffix.length);
        return Hash.sha3(packed);
    }

    /**
     * Deploys RocketStorage (which registers the six others at their nonce-derived addresses), the six
     * contracts, marks the storage deployed and enables deposits (which start disabled, as upstream) with the
     * pDAO's {@code bootstrapSettingBool("rocketDAOProtocolSettingsDeposit", "deposit.enabled", true)}; checks the
     * receipts at the end.
     */
    static RocketPoolDevnet deploy(Devnet devnet, Map<String, String> bytecodes) {
        FixtureDeployment d = FixtureDeployment.begin(devnet, "Rocket Pool", Tx.values());
        List<Utf8String> names = List.of(new Utf8String(ROCKET_TOKEN_RETH), new Utf8String(ROCKET_NETWORK_BALANCES),
                new Utf8String(ROCKET_DAO_PROTOCOL_SETTINGS_DEPOSIT), new Utf8String(ROCKET_VAULT),
                new Utf8String(ROCKET_DEPOSIT_POOL), new Utf8String(ROCKET_DAO_PROTOCOL));
        List<Address> addresses = List.of(new Address(d.address(Tx.RETH)), new Address(d.address(Tx.BALANCES)),
                new Address(d.address(Tx.SETTINGS)), new Address(d.address(Tx.VAULT)),
                new Address(d.address(Tx.DEPOSIT_POOL)), new Address(d.address(Tx.DAO_PROTOCOL)));
        d.create(Tx.STORAGE, DevnetAddresses.ROCKETPOOL_STORAGE, bytecodes.get("RocketStorage"),
                new DynamicArray<>(Utf8String.class, names), new DynamicArray<>(Address.class, addresses));
        Address storage = new Address(d.address(Tx.STORAGE));
        d.create(Tx.RETH, DevnetAddresses.ROCKETPOOL_RETH, bytecodes.get("RocketTokenRETH"), storage);
        d.create(Tx.BALANCES, DevnetAddresses.ROCKETPOOL_NETWORK_BALANCES,
                bytecodes.get("RocketNetworkBalances"), storage);
        d.create(Tx.SETTINGS, DevnetAddresses.ROCKETPOOL_SETTINGS_DEPOSIT,
                bytecodes.get("RocketDAOProtocolSettingsDeposit"), storage);
        d.create(Tx.VAULT, DevnetAddresses.ROCKETPOOL_VAULT, bytecodes.get("RocketVault"), storage);
        d.create(Tx.DEPOSIT_POOL, DevnetAddresses.ROCKETPOOL_DEPOSIT_POOL, bytecodes.get("RocketDepositPool"), storage);
        d.create(Tx.DAO_PROTOCOL, DevnetAddresses.ROCKETPOOL_DAO_PROTOCOL, bytecodes.get("RocketDAOProtocol"), storage);
        d.call(Tx.DEPLOYED_STATUS, d.address(Tx.STORAGE),
                FunctionEncoder.encode(new Function("setDeployedStatus", List.of(), List.of())));
        // deposits start disabled (upstream's default); the pDAO's bootstrap enables them, as on mainnet
        d.call(Tx.ENABLE_DEPOSITS, d.address(Tx.DAO_PROTOCOL),
                RocketDAOProtocol.getABI_send_bootstrapSettingBool(
                        ROCKET_DAO_PROTOCOL_SETTINGS_DEPOSIT, "deposit.enabled", true));
        d.finish();
        return new RocketPoolDevnet(devnet);
    }

    /** Reads the creation bytecode of the seven fixtures; the devnet does this while anvil starts. */
    static Map<String, String> loadBytecodes() {
        return Map.copyOf(bytecodes("rocketpool", List.of("RocketStorage", "RocketTokenRETH", "RocketNetworkBalances",
                "RocketDAOProtocolSettingsDeposit", "RocketVault", "RocketDepositPool", "RocketDAOProtocol")));
    }

    // ---------------------------------------------------------------- addresses

    /** RocketStorage ({@value DevnetAddresses#ROCKETPOOL_STORAGE}), the only address a client needs. */
    public String rocketStorage() {
        return address(DevnetAddresses.ROCKETPOOL_STORAGE);
    }

    /** rETH ({@value DevnetAddresses#ROCKETPOOL_RETH}). */
    public String rETH() {
        return address(DevnetAddresses.ROCKETPOOL_RETH);
    }

    /** The deposit pool ({@value DevnetAddresses#ROCKETPOOL_DEPOSIT_POOL}). */
    public String depositPool() {
        return address(DevnetAddresses.ROCKETPOOL_DEPOSIT_POOL);
    }

    /** RocketVault ({@value DevnetAddresses#ROCKETPOOL_VAULT}), which holds the deposit pool's ETH. */
    public String vault() {
        return address(DevnetAddresses.ROCKETPOOL_VAULT);
    }

    /** RocketDAOProtocol ({@value DevnetAddresses#ROCKETPOOL_DAO_PROTOCOL}), the pDAO's bootstrap entry point. */
    public String daoProtocol() {
        return address(DevnetAddresses.ROCKETPOOL_DAO_PROTOCOL);
    }

    /** RocketNetworkBalances ({@value DevnetAddresses#ROCKETPOOL_NETWORK_BALANCES}). */
    public String networkBalances() {
        return address(DevnetAddresses.ROCKETPOOL_NETWORK_BALANCES);
    }

    /** RocketDAOProtocolSettingsDeposit ({@value DevnetAddresses#ROCKETPOOL_SETTINGS_DEPOSIT}). */
    public String depositSettings() {
        return address(DevnetAddresses.ROCKETPOOL_SETTINGS_DEPOSIT);
    }

    // ---------------------------------------------------------------- oracle

    /**
     * A network balances report through the oracle's real calls: the deployer (the devnet's only oDAO member,
     * so one vote is consensus) sends {@code submitBalances(block, slotTimestamp, total, staking, supply)} for
     * the latest block. rETH's rate becomes {@code totalEthWei / rethSupplyWei}, the rate every conversion,
     * mint and burn uses; {@code stakingEthWei} only feeds the utilisation rate.
     *
     * <p>As on mainnet (RPIP-61), after the first report one update may move the rate by at most
     * {@code getMaxRethDelta()} (2%) and updates are at least 95% of {@code getSubmitBalancesFrequency()}
     * (one day) apart. So this control advances the chain's clock when the last update is too recent, and
     * for a target further than 2% away sends several reports, each moving the rate as far as allowed over
     * the target supply (staking capped at each step's total), the last one the exact target. The receipt is
     * the last report's.
     *
     * @throws DevnetException if {@code stakingEthWei > totalEthWei}, or if the supply is too small for 2%
     *         steps to make progress (e.g. 1 wei of rETH)
     */
    public TransactionReceipt report(BigInteger totalEthWei, BigInteger stakingEthWei, BigInteger rethSupplyWei) {
        if (stakingEthWei.compareTo(totalEthWei) > 0) {
            throw new DevnetException("Rocket Pool: report(" + totalEthWei + ", " + stakingEthWei + ", "
                    + rethSupplyWei + ") refused: Invalid network balances");
        }
        for (int step = 0; step < MAX_REPORT_STEPS; step++) {
            BigInteger currentTotal = totalEthBalance();
            if (currentTotal.signum() == 0 || rethSupplyWei.signum() == 0) {
                return submitBalances(totalEthWei, stakingEthWei, rethSupplyWei);
            }
            BigInteger currentSupply = call("getTotalRETHSupply", () -> balances.call_getTotalRETHSupply().send());
            BigInteger currentRate = CALC_BASE.multiply(currentTotal).divide(currentSupply);
            BigInteger targetRate = CALC_BASE.multiply(totalEthWei).divide(rethSupplyWei);
            BigInteger maxDelta = call("getMaxRethDelta", () -> balances.call_getMaxRethDelta().send());
            BigInteger maxChange = currentRate.multiply(maxDelta).divide(CALC_BASE);
            if (targetRate.subtract(currentRate).abs().compareTo(maxChange) <= 0) {
                return submitBalances(totalEthWei, stakingEthWei, rethSupplyWei);
            }
            boolean up = targetRate.compareTo(currentRate) > 0;
            BigInteger stepRate = up ? currentRate.add(maxChange) : currentRate.subtract(maxChange);
            BigInteger[] qr = stepRate.multiply(rethSupplyWei).divideAndRemainder(CALC_BASE);
            // floor going up and ceiling going down keep the step's rate within maxChange
            BigInteger stepTotal = up || qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
            BigInteger reachedRate = CALC_BASE.multiply(stepTotal).divide(rethSupplyWei);
            if (reachedRate.equals(currentRate)) {
                throw new DevnetException("Rocket Pool: report(" + totalEthWei + ", " + stakingEthWei + ", "
                        + rethSupplyWei + ") cannot reach the target in 2% steps over that supply");
            }
            submitBalances(stepTotal, stakingEthWei.min(stepTotal), rethSupplyWei);
        }
        throw new DevnetException("Rocket Pool: report(" + totalEthWei + ", " + stakingEthWei + ", " + rethSupplyWei
                + ") needs more than " + MAX_REPORT_STEPS + " reports of at most 2%");
    }

    /** One member vote for the balances as of the latest block, after waiting out the submit frequency. */
    private TransactionReceipt submitBalances(BigInteger total, BigInteger staking, BigInteger supply) {
        BigInteger lastUpdate = call("getBalancesTimestamp", () -> balances.call_getBalancesTimestamp().send());
        BigInteger frequency = call("getSubmitBalancesFrequency",
                () -> balances.call_getSubmitBalancesFrequency().send());
        BigInteger earliest = lastUpdate.add(frequency.multiply(BigInteger.valueOf(95)).divide(BigInteger.valueOf(100)));
        EthBlock.Block latest = latestBlock();
        if (latest.getTimestamp().compareTo(earliest) < 0) {
            devnet().advanceTime(Duration.ofSeconds(earliest.subtract(latest.getTimestamp()).longValueExact()));
            latest = latestBlock();
        }
        BigInteger block = latest.getNumber();
        BigInteger slotTimestamp = latest.getTimestamp();
        return send("report(" + total + ", " + staking + ", " + supply + ")",
                () -> balances.send_submitBalances(block, slotTimestamp, total, staking, supply).send());
    }

    private EthBlock.Block latestBlock() {
        return call("eth_getBlockByNumber(latest)", () -> devnet().web3j()
                .ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock());
    }

    /**
     * A report of {@code totalEthWei} over rETH's current total supply, keeping the staking balance last
     * reported (capped at the new total). Report more than the ETH deposited to raise the rate (rewards),
     * less to lower it (penalties).
     */
    public TransactionReceipt report(BigInteger totalEthWei) {
        BigInteger supply = call("totalSupply", () -> rETHContract.call_totalSupply().send());
        BigInteger staking = call("getStakingETHBalance", () -> balances.call_getStakingETHBalance().send());
        return report(totalEthWei, staking.min(totalEthWei), supply);
    }

    /** The total ETH balance of the last report (0 before the first). */
    public BigInteger totalEthBalance() {
        return call("getTotalETHBalance", () -> balances.call_getTotalETHBalance().send());
    }

    // ---------------------------------------------------------------- validators

    /**
     * Moves {@code wei} of the deposit pool's ETH to validators (to the deployer, who stands in for the beacon
     * chain): the deposit pool's balance, excess and so rETH's collateral shrink; reports still count it.
     */
    public TransactionReceipt assignToValidators(BigInteger wei) {
        return send("assignToValidators(" + wei + ")", () -> pool.send_devnetAssignToValidators(wei).send());
    }

    /** ETH coming back from validators (or skimmed rewards): the deployer sends {@code wei} to rETH as collateral. */
    public TransactionReceipt returnFromValidators(BigInteger wei) {
        return devnet().transact(devnet().deployer(), rETH(), "0x", wei);
    }

    // ---------------------------------------------------------------- pDAO settings

    /** The deposit fee, 1e18 = 100%; must be below 1% ({@code 1e16}). */
    public TransactionReceipt setDepositFee(BigInteger fee) {
        return setUint("deposit.fee", fee);
    }

    public TransactionReceipt setMinimumDeposit(BigInteger wei) {
        return setUint("deposit.minimum", wei);
    }

    /** The deposit pool's maximum size (its balance plus a deposit may not exceed it). */
    public TransactionReceipt setMaximumDepositPoolSize(BigInteger wei) {
        return setUint("deposit.pool.maximum", wei);
    }

    public TransactionReceipt setDepositEnabled(boolean enabled) {
        return setBool("deposit.enabled", enabled);
    }

    public TransactionReceipt setAssignDepositsEnabled(boolean enabled) {
        return setBool("deposit.assign.enabled", enabled);
    }

    /** rETH's target collateral rate (1e18 = 100%, default 10%): deposits top rETH's ETH up to it first. */
    public TransactionReceipt setTargetRethCollateralRate(BigInteger rate) {
        return send("setTargetRethCollateralRate", () -> pool.send_devnetSetTargetRethCollateralRate(rate).send());
    }

    /** The pDAO's bootstrap call, as the guardian: {@code bootstrapSettingUint("rocketDAOProtocolSettingsDeposit", path, value)}. */
    private TransactionReceipt setUint(String path, BigInteger value) {
        return send("bootstrapSettingUint(" + path + ", " + value + ")",
                () -> pdao.send_bootstrapSettingUint(ROCKET_DAO_PROTOCOL_SETTINGS_DEPOSIT, path, value).send());
    }

    /** The pDAO's bootstrap call, as the guardian: {@code bootstrapSettingBool("rocketDAOProtocolSettingsDeposit", path, value)}. */
    private TransactionReceipt setBool(String path, boolean value) {
        return send("bootstrapSettingBool(" + path + ", " + value + ")",
                () -> pdao.send_bootstrapSettingBool(ROCKET_DAO_PROTOCOL_SETTINGS_DEPOSIT, path, value).send());
    }

    // ---------------------------------------------------------------- wrappers as the deployer

    private final RocketTokenRETH rETHContract = asDeployer(rETH(), RocketTokenRETH::load);
    private final RocketNetworkBalances balances = asDeployer(networkBalances(), RocketNetworkBalances::load);
    private final RocketDepositPool pool = asDeployer(depositPool(), RocketDepositPool::load);
    private final RocketDAOProtocol pdao = asDeployer(daoProtocol(), RocketDAOProtocol::load);

    @Override
    public String toString() {
        return "RocketPoolDevnet[storage=" + rocketStorage() + ", rETH=" + rETH() + ", depositPool=" + depositPool()
                + "]";
    }
}
