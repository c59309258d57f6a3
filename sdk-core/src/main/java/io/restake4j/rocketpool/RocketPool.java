package io.restake4j.rocketpool;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Supplier;
import java.util.Map;

import org.web3j.crypto.Hash;

import io.restake4j.contracts.rocketpool.RocketDAOProtocolSettingsDeposit;
import io.restake4j.contracts.rocketpool.RocketDepositPool;
import io.restake4j.contracts.rocketpool.RocketNetworkBalances;
import io.restake4j.contracts.rocketpool.RocketStorage;
import io.restake4j.contracts.rocketpool.RocketTokenRETH;
import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.internal.Inputs;
import io.restake4j.liquid.LiquidPosition;
import io.restake4j.liquid.LiquidPositions;
import io.restake4j.liquid.LiquidResult;
import io.restake4j.network.Network;
import io.restake4j.read.Read;
import io.restake4j.read.ReadBatch;
import io.restake4j.tx.Check;
import io.restake4j.tx.Execution;
import io.restake4j.tx.Operation;
import io.restake4j.tx.Plan;
import io.restake4j.tx.Step;
import io.restake4j.ProtocolContext;
import io.restake4j.units.Amount;
import io.restake4j.units.Shares;
import io.restake4j.units.Token;

/**
 * Rocket Pool for stakers: deposit ETH for rETH, burn rETH for ETH, rETH's rate and conversions, positions.
 *
 * <p>The network only needs {@code rocketpool.RocketStorage}, Rocket Pool's hub, whose address never changes.
 * rETH, the deposit pool, the network balances and the deposit settings are looked up there, under
 * {@code keccak256("contract.address" + name)}, in one Multicall3 batch when this facade is created (the
 * first {@code client.rocketPool()}), and kept for the client's life. Rocket Pool replaces the deposit pool on
 * upgrades: after one, call {@link #refreshAddresses()} (or build a new client).
 *
 * <p>Every write checks the chain before signing and sends nothing when it would fail: deposits (enabled,
 * minimum deposit, room left in the deposit pool) and burns (rETH balance, and the ETH value of the amount
 * against the collateral rETH can pay out), both when the operation is built and again at simulation.
 *
 * <pre>{@code
 * RocketPool rp = client.rocketPool();
 * Operation<LiquidResult> deposit = rp.deposit(Amount.parse("2", Token.ETH));
 * System.out.println(deposit.preview().quotes());          // [deposit fee: 0.001 ETH, expected rETH: ...]
 * LiquidResult minted = deposit.send();
 * rp.burn(minted.amount()).send();
 * }</pre>
 */
public final class RocketPool {

    /** Names under which Rocket Pool registers its contracts in RocketStorage. */
    public static final String RETH_NAME = "rocketTokenRETH";
    public static final String DEPOSIT_POOL_NAME = "rocketDepositPool";
    public static final String NETWORK_BALANCES_NAME = "rocketNetworkBalances";
    public static final String DEPOSIT_SETTINGS_NAME = "rocketDAOProtocolSettingsDeposit";

    /** Labels of the figures in {@link io.restake4j.tx.Preview#quotes()}. */
    public static final String DEPOSIT_FEE_QUOTE = "deposit fee";
    public static final String EXPECTED_RETH_QUOTE = "expected rETH";
    public static final String EXPECTED_ETH_QUOTE = "expected ETH";

    private static final String ZERO = "0x0000000000000000000000000000000000000000";
    private static final String STORAGE_KEY = "rocketpool.RocketStorage";

    private final ProtocolContext ctx;
    private final String storage;

    /** The contracts found in RocketStorage. */
    private record Addresses(String reth, String depositPool, String networkBalances, String depositSettings) {
    }

    /** For {@code Restaking}; use {@code client.rocketPool()}. */
    public RocketPool(ProtocolContext ctx) {
        this.ctx = java.util.Objects.requireNonNull(ctx, "ctx");
        Network network = ctx.network();
        this.storage = network.address(STORAGE_KEY).orElseThrow(() -> new InvalidInputException(ErrorCode.UNKNOWN_DEPLOYMENT, 
                "network " + network.name() + " knows no Rocket Pool deployment: it has no " + STORAGE_KEY + " address"));
    }

    /** The contracts registered in RocketStorage, looked up on first use and kept (see {@link #refreshAddresses()}). */
    private Addresses addresses() {
        return ctx.remember("rocketpool.addresses", this::resolve);
    }

    /** RocketStorage's key of a contract address: {@code keccak256(abi.encodePacked("contract.address", name))}. */
    public static byte[] contractAddressKey(String name) {
        return Hash.sha3(("contract.address" + name).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Forgets the contracts found in RocketStorage, so the next use looks them up again (after a Rocket Pool
     * upgrade); one batched read then.
     */
    public void refreshAddresses() {
        ctx.forget("rocketpool.addresses");
    }

    private Addresses resolve() {
        ReadBatch batch = ctx.reads().newBatch();
        Map<String, Read<String>> reads = new LinkedHashMap<>();
        for (String name : List.of(RETH_NAME, DEPOSIT_POOL_NAME, NETWORK_BALANCES_NAME, DEPOSIT_SETTINGS_NAME)) {
            reads.put(name, batch.add(RocketStorage::load, storage, s -> s.call_getAddress(contractAddressKey(name))));
        }
        batch.execute();
        Map<String, String> found = new LinkedHashMap<>();
        reads.forEach((name, read) -> {
            if (!read.succeeded() || read.get() == null || ZERO.equalsIgnoreCase(read.get())) {
                throw new InvalidInputException(ErrorCode.UNKNOWN_DEPLOYMENT, "RocketStorage at " + storage + " has no contract registered as " + name
                        + (read.succeeded() ? "" : " (the read reverted: is it RocketStorage?)"));
            }
            found.put(name, read.get());
        });
        return new Addresses(found.get(RETH_NAME), found.get(DEPOSIT_POOL_NAME), found.get(NETWORK_BALANCES_NAME),
                found.get(DEPOSIT_SETTINGS_NAME));
    }

    // ---------------------------------------------------------------------------------------------
    // Addresses and tokens
    // ---------------------------------------------------------------------------------------------

    /** rETH (18 decimals). */
    public Token rETH() {
        return Token.erc20(ctx.network().chainId(), addresses().reth(), "rETH", 18);
    }

    /** RocketStorage, from the network. */
    public String rocketStorage() {
        return storage;
    }

    /** The deposit pool currently registered in RocketStorage (as of the last lookup). */
    public String depositPool() {
        return addresses().depositPool();
    }

    /** RocketNetworkBalances (as of the last lookup). */
    public String networkBalances() {
        return addresses().networkBalances();
    }

    /** RocketDAOProtocolSettingsDeposit (as of the last lookup). */
    public String depositSettings() {
        return addresses().depositSettings();
    }

    // ---------------------------------------------------------------------------------------------
    // Rates and settings
    // ---------------------------------------------------------------------------------------------

    /** rETH's rate from the last network balances report (one batched read). */
    public RocketPoolRates rates() {
        Addresses a = addresses();
        ReadBatch batch = ctx.reads().newBatch();
        Supplier<RocketPoolRates> ratesRead = addRates(batch, a);
        batch.execute();
        return ratesRead.get();
    }

    /** Adds the two network-balance reads behind rETH's rate to {@code batch}; the supplier answers once it ran. */
    private static Supplier<RocketPoolRates> addRates(ReadBatch batch, Addresses a) {
        Read<BigInteger> total = batch.add(RocketNetworkBalances::load, a.networkBalances(),
                RocketNetworkBalances::call_getTotalETHBalance);
        Read<BigInteger> supply = batch.add(RocketNetworkBalances::load, a.networkBalances(),
                RocketNetworkBalances::call_getTotalRETHSupply);
        return () -> new RocketPoolRates(total.get(), supply.get());
    }

    /** What {@code rEth} is worth in ETH at the current rate, rounded down as rETH's {@code getEthValue}. */
    public Amount ethValue(Amount rEth) {
        Inputs.amountOf(rEth, rETH(), "rETH amount");
        return Amount.ofWei(rates().ethValue(rEth.wei()), Token.ETH);
    }

    /** How much rETH {@code eth} is worth at the current rate, rounded down as rETH's {@code getRethValue}. */
    public Amount rethValue(Amount eth) {
        Inputs.amountOf(eth, Token.ETH, "ETH amount");
        return Amount.ofWei(rates().rethValue(eth.wei()), rETH());
    }

    /**
     * The deposit conditions now (one batched read): whether deposits are enabled, the minimum, the room left
     * in the deposit pool ({@code getMaximumDepositAmount}) and the fee.
     */
    public DepositConditions depositConditions() {
        DepositReads r = readDepositConditions();
        return r.conditions();
    }

    /** The ETH rETH can pay out for burns now: its own balance plus the deposit pool's excess. */
    public Amount totalCollateral() {
        ReadBatch batch = ctx.reads().newBatch();
        Read<BigInteger> collateral = batch.add(RocketTokenRETH::load, addresses().reth(), RocketTokenRETH::call_getTotalCollateral);
        batch.execute();
        return Amount.ofWei(collateral.get(), Token.ETH);
    }

    private record DepositReads(DepositConditions conditions, RocketPoolRates rates) {
    }

    private DepositReads readDepositConditions() {
        Addresses a = addresses();
        ReadBatch batch = ctx.reads().newBatch();
        Read<Boolean> enabled = batch.add(RocketDAOProtocolSettingsDeposit::load, a.depositSettings(),
                RocketDAOProtocolSettingsDeposit::call_getDepositEnabled);
        Read<BigInteger> minimum = batch.add(RocketDAOProtocolSettingsDeposit::load, a.depositSettings(),
                RocketDAOProtocolSettingsDeposit::call_getMinimumDeposit);
        Read<BigInteger> fee = batch.add(RocketDAOProtocolSettingsDeposit::load, a.depositSettings(),
                RocketDAOProtocolSettingsDeposit::call_getDepositFee);
        Read<BigInteger> room = batch.add(RocketDepositPool::load, a.depositPool(),
                RocketDepositPool::call_getMaximumDepositAmount);
        Supplier<RocketPoolRates> ratesRead = addRates(batch, a);
        batch.execute();
        return new DepositReads(new DepositConditions(enabled.get(), Amount.ofWei(minimum.get(), Token.ETH),
                Amount.ofWei(room.get(), Token.ETH), fee.get()), ratesRead.get());
    }

    // ---------------------------------------------------------------------------------------------
    // Deposit
    // ---------------------------------------------------------------------------------------------

    /**
     * Deposits {@code eth} into the deposit pool for rETH, minted to the client account at the last reported
     * rate, net of the deposit fee. Refused before signing while deposits are disabled, below the minimum
     * deposit, or above the room left in the deposit pool. The preview quotes the fee and the rETH expected;
     * the result reports the rETH minted ({@code TokensMinted}; rETH does not rebase, so its shares are the same
     * wei) and the fee paid (the gross {@code DepositReceived} amount less the net ETH minted for).
     *
     * @throws InvalidInputException for a zero or non-ETH amount, or when a condition above fails
     */
    public Operation<LiquidResult> deposit(Amount eth) {
        Inputs.amountOf(eth, Token.ETH, "deposit amount");
        return ctx.operation("deposit " + eth + " into Rocket Pool for rETH", plan -> planDeposit(plan, eth));
    }

    /**
     * The deposit's plan: the fee and the rate are read for the quotes (one batched read); whether deposits are
     * enabled, the minimum and the room left are checks of the simulation itself, not read twice.
     */
    private void planDeposit(Plan.Builder<LiquidResult> plan, Amount eth) {
        Addresses a = addresses();
        ReadBatch batch = ctx.reads().newBatch();
        Read<BigInteger> feeRate = batch.add(RocketDAOProtocolSettingsDeposit::load, a.depositSettings(),
                RocketDAOProtocolSettingsDeposit::call_getDepositFee);
        Supplier<RocketPoolRates> ratesRead = addRates(batch, a);
        batch.execute();
        RocketPoolRates rates = ratesRead.get();
        BigInteger fee = RocketPoolRates.depositFee(eth.wei(), feeRate.get());
        BigInteger expected = rates.rethValue(eth.wei().subtract(fee));
        if (expected.signum() == 0) {
            throw new InvalidInputException(ErrorCode.BELOW_MINIMUM, "a deposit of " + eth + " would mint 0 rETH at the current rate of "
                    + Amount.ofWei(rates.exchangeRate(), Token.ETH) + " per rETH (Rocket Pool reverts it)");
        }
        String staker = ctx.account();
        Token reth = rETH();
        plan.check(Check.of("Rocket Pool deposits enabled", RocketDAOProtocolSettingsDeposit::load, a.depositSettings(),
                        RocketDAOProtocolSettingsDeposit::call_getDepositEnabled)
                        .require(Boolean::booleanValue, v -> disabledMessage()))
                .check(Check.of("Rocket Pool minimum deposit", RocketDAOProtocolSettingsDeposit::load, a.depositSettings(),
                        RocketDAOProtocolSettingsDeposit::call_getMinimumDeposit)
                        .require(ErrorCode.BELOW_MINIMUM, min -> eth.wei().compareTo(min) >= 0, min -> belowMinimumMessage(eth, min)))
                .check(Check.of("room in the Rocket Pool deposit pool", RocketDepositPool::load, a.depositPool(),
                        RocketDepositPool::call_getMaximumDepositAmount)
                        .require(ErrorCode.ABOVE_MAXIMUM, room -> eth.wei().compareTo(room) <= 0, room -> aboveMaximumMessage(eth, room)))
                .quote(DEPOSIT_FEE_QUOTE, Amount.ofWei(fee, Token.ETH))
                .quote(EXPECTED_RETH_QUOTE, Amount.ofWei(expected, reth))
                .step(Step.raw("deposit " + eth + " into the Rocket Pool deposit pool", a.depositPool(),
                        RocketDepositPool.getABI_send_deposit(eth.wei()), eth.wei()))
                .result(ex -> depositResult(ex, a, staker, reth));
    }

    private static void requireDepositAllowed(Amount eth, DepositConditions c) {
        if (!c.enabled()) {
            throw new InvalidInputException(ErrorCode.PROTOCOL_STATE, disabledMessage());
        }
        if (eth.wei().compareTo(c.minimumDeposit().wei()) < 0) {
            throw new InvalidInputException(ErrorCode.BELOW_MINIMUM, belowMinimumMessage(eth, c.minimumDeposit().wei()));
        }
        if (eth.wei().compareTo(c.maximumDepositAmount().wei()) > 0) {
            throw new InvalidInputException(ErrorCode.ABOVE_MAXIMUM, aboveMaximumMessage(eth, c.maximumDepositAmount().wei()));
        }
    }

    private static String disabledMessage() {
        return "Rocket Pool deposits are currently disabled (the pDAO's deposit.enabled setting is off)";
    }

    private static String belowMinimumMessage(Amount eth, BigInteger minimum) {
        return eth + " is below Rocket Pool's minimum deposit of " + Amount.ofWei(minimum, Token.ETH);
    }

    private static String aboveMaximumMessage(Amount eth, BigInteger room) {
        return eth + " exceeds the room left in Rocket Pool's deposit pool: at most " + Amount.ofWei(room, Token.ETH)
                + " can be deposited now (the pool is at its maximum size; deposit less, or later)";
    }

    private LiquidResult depositResult(Execution ex, Addresses a, String staker, Token reth) {
        RocketTokenRETH.TokensMintedEventResponse minted = ex.events(a.reth(), RocketTokenRETH::getTokensMintedEvents)
                .stream().filter(e -> e.to.equalsIgnoreCase(staker)).reduce((x, y) -> y)
                .orElseThrow(() -> new IllegalStateException("the deposit emitted no TokensMinted for " + staker));
        BigInteger gross = ex.events(a.depositPool(), RocketDepositPool::getDepositReceivedEvents).stream()
                .filter(e -> e.from.equalsIgnoreCase(staker)).map(e -> e.amount).reduce((x, y) -> y)
                .orElseThrow(() -> new IllegalStateException("the deposit emitted no DepositReceived for " + staker));
        Amount fee = Amount.ofWei(gross.subtract(minted.ethAmount), Token.ETH);
        return new LiquidResult(ex, Amount.ofWei(minted.amount, reth), Shares.of(minted.amount, "rETH"), List.of(), fee);
    }

    // ---------------------------------------------------------------------------------------------
    // Burn
    // ---------------------------------------------------------------------------------------------

    /**
     * Burns {@code rEth} of the client account for ETH at the last reported rate. Refused before signing when
     * the account holds less, or when the ETH it is worth exceeds rETH's collateral (rETH's ETH plus the
     * deposit pool's excess; the rest of the network's ETH is staked): sell on a secondary market then. The
     * preview quotes the ETH expected; the result reports the ETH received ({@code TokensBurned}) and, as shares,
     * the rETH burnt.
     *
     * @throws InvalidInputException for a zero or non-rETH amount, or when a condition above fails
     */
    public Operation<LiquidResult> burn(Amount rEth) {
        Inputs.positive(rEth, "burn amount");
        return ctx.operation("burn " + rEth + " for ETH with Rocket Pool", plan -> planBurn(plan, rEth));
    }

    /** The burn's plan: the rate is read for the quote; the balance and the collateral are checks of the simulation. */
    private void planBurn(Plan.Builder<LiquidResult> plan, Amount rEth) {
        Token reth = rETH();
        Inputs.amountOf(rEth, reth, "burn amount");
        Addresses a = addresses();
        String owner = ctx.account();
        ReadBatch batch = ctx.reads().newBatch();
        Supplier<RocketPoolRates> ratesRead = addRates(batch, a);
        batch.execute();
        RocketPoolRates rates = ratesRead.get();
        BigInteger ethOut = rates.ethValue(rEth.wei());
        plan.check(Check.of("rETH balance of " + owner, RocketTokenRETH::load, a.reth(), r -> r.call_balanceOf(owner))
                        .require(ErrorCode.INSUFFICIENT_BALANCE, b -> b.compareTo(rEth.wei()) >= 0, b -> aboveBalanceMessage(rEth, b, owner, reth)))
                .check(Check.of("rETH collateral", RocketTokenRETH::load, a.reth(), RocketTokenRETH::call_getTotalCollateral)
                        .require(c -> c.compareTo(ethOut) >= 0, c -> aboveCollateralMessage(rEth, ethOut, c, rates, reth)))
                .quote(EXPECTED_ETH_QUOTE, Amount.ofWei(ethOut, Token.ETH))
                .step(Step.raw("burn " + rEth, a.reth(), RocketTokenRETH.getABI_send_burn(rEth.wei()), BigInteger.ZERO))
                .result(ex -> burnResult(ex, a, owner));
    }

    private static String aboveBalanceMessage(Amount rEth, BigInteger held, String owner, Token reth) {
        return "burn of " + rEth + " exceeds the " + Amount.ofWei(held, reth) + " held by " + owner;
    }

    private static String aboveCollateralMessage(Amount rEth, BigInteger ethOut, BigInteger collateral,
            RocketPoolRates rates, Token reth) {
        BigInteger max = rates.maxRethFor(collateral);
        return "burning " + rEth + " needs " + Amount.ofWei(ethOut, Token.ETH) + " but rETH's collateral (the ETH it "
                + "can pay out now) is only " + Amount.ofWei(collateral, Token.ETH) + "; "
                + (max.signum() == 0 ? "nothing can be burnt now: sell rETH on a secondary market"
                        : "burn at most " + Amount.ofWei(max, reth) + " or sell rETH on a secondary market");
    }

    private LiquidResult burnResult(Execution ex, Addresses a, String owner) {
        RocketTokenRETH.TokensBurnedEventResponse burnt = ex.events(a.reth(), RocketTokenRETH::getTokensBurnedEvents)
                .stream().filter(e -> e.from.equalsIgnoreCase(owner)).reduce((x, y) -> y)
                .orElseThrow(() -> new IllegalStateException("the burn emitted no TokensBurned for " + owner));
        return new LiquidResult(ex, Amount.ofWei(burnt.ethAmount, Token.ETH), Shares.of(burnt.amount, "rETH"), List.of(), null);
    }

    // ---------------------------------------------------------------------------------------------
    // Positions
    // ---------------------------------------------------------------------------------------------

    /** The client account's rETH and its ETH value (one batched read). */
    public LiquidPositions positions() {
        return positions(ctx.account());
    }

    /**
     * {@code owner}'s rETH and its ETH value at the current rate, rounded down as {@code getEthValue} (one batched
     * read: the balance and the reported network balances). rETH does not rebase: shares are the balance;
     * Rocket Pool has no withdrawal requests for stakers.
     */
    public LiquidPositions positions(String owner) {
        Inputs.address(owner, "owner");
        Addresses a = addresses();
        ReadBatch batch = ctx.reads().newBatch();
        Read<BigInteger> held = batch.add(RocketTokenRETH::load, a.reth(), r -> r.call_balanceOf(owner));
        Supplier<RocketPoolRates> ratesRead = addRates(batch, a);
        batch.execute();
        BigInteger value = ratesRead.get().ethValue(held.get());
        return new LiquidPositions(owner, List.of(new LiquidPosition(owner, Amount.ofWei(held.get(), rETH()), Shares.of(held.get(), "rETH"),
                Amount.ofWei(value, Token.ETH))), List.of());
    }

    @Override
    public String toString() {
        Addresses a = addresses();
        return "RocketPool[storage " + storage + ", rETH " + a.reth() + ", deposit pool " + a.depositPool() + "]";
    }
}
