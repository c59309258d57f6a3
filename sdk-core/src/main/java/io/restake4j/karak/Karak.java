package io.restake4j.karak;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.web3j.abi.DefaultFunctionEncoder;
import org.web3j.crypto.Hash;
import org.web3j.tuples.generated.Tuple4;
import org.web3j.utils.Numeric;

import io.restake4j.ProtocolContext;
import io.restake4j.contracts.karak.Core;
import io.restake4j.contracts.karak.DelegationSupervisor;
import io.restake4j.contracts.karak.DelegationSupervisor.QueuedWithdrawal;
import io.restake4j.contracts.karak.DelegationSupervisor.WithdrawRequest;
import io.restake4j.contracts.karak.Vault;
import io.restake4j.contracts.karak.VaultSupervisor;
import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.exits.ExitStatus;
import io.restake4j.internal.Inputs;
import io.restake4j.read.Read;
import io.restake4j.read.ReadBatch;
import io.restake4j.tokens.ApprovalPolicy;
import io.restake4j.tokens.Approvals;
import io.restake4j.tx.Check;
import io.restake4j.tx.Operation;
import io.restake4j.tx.Step;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * Karak for the client account: v1 (the v1.3 VaultSupervisor and DelegationSupervisor, at {@code karak.VaultSupervisor}
 * and {@code karak.DelegationSupervisor} of the network, the latter read from the former where the network has none)
 * and v2 (Core at {@code karak.Core}; its vaults through {@link #v2Vault}). Reads nothing when built; every operation
 * reads the chain at each {@code preview()} and {@code send()}.
 *
 * <p>Refused before signing, with a typed {@link InvalidInputException}: a deposit of zero, over the balance, into a
 * vault that is not the supervisor's ({@link ErrorCode#NOT_FOUND}; a v2 vault is named as such,
 * {@link ErrorCode#INVALID_ARGUMENT}), above the vault's limit ({@link ErrorCode#ABOVE_MAXIMUM}), with a slippage
 * bound outside 0..10,000 basis points or a fixed bound the quote is already below ({@link ErrorCode#BELOW_MINIMUM});
 * a withdrawal of more shares than credited ({@link ErrorCode#INSUFFICIENT_BALANCE}); finishing a withdrawal early
 * ({@link ErrorCode#NOT_READY}, naming the {@code Instant} it unlocks), someone else's ({@link ErrorCode#NOT_PERMITTED})
 * or a finished one ({@link ErrorCode#ALREADY_DONE}); a migration where the supervisor has no {@code migrateToV2}
 * ({@link ErrorCode#PROTOCOL_STATE}) or to a vault of another asset ({@link ErrorCode#WRONG_TOKEN}).
 *
 * <pre>{@code
 * Karak karak = client.karak();
 * karak.deposit(vault, Amount.parse("10", wstETH), 50).send();       // minSharesOut = quote - 0.5 %
 * karak.startWithdraw(vault, karak.deposits().get(0).shares()).send();
 * KarakWithdrawal w = karak.withdrawals().get(0);                   // unlocksAt = start + withdrawalDelay
 * karak.finishWithdraw(w).send();
 * karak.positions(account, v2Vault);                                // v1 credit, v1 share tokens, v2 shares
 * }</pre>
 */
public final class Karak {

    /** The label of the deposit's quote in {@link io.restake4j.tx.Preview#quotes()}: the vault's previewDeposit. */
    public static final String EXPECTED_SHARES_QUOTE = "expected shares";
    /** The label of the deposit's minimum: the quote less the slippage bound. */
    public static final String MIN_SHARES_QUOTE = "minimum shares";

    private final ProtocolContext ctx;

    /** Users: {@code client.karak()}. */
    public Karak(ProtocolContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    /** The network's VaultSupervisor. */
    public String vaultSupervisor() {
        return ctx.network().require("karak.VaultSupervisor");
    }

    /**
     * The network's DelegationSupervisor: {@code karak.DelegationSupervisor} of the address book, or else the
     * VaultSupervisor's {@code delegationSupervisor()} (read once and kept; Arbitrum's preset has no entry for it).
     */
    public String delegationSupervisor() {
        return ctx.network().address("karak.DelegationSupervisor").orElseGet(() -> ctx.remember(
                "karak.delegationSupervisor", () -> ctx.reads().readOne(VaultSupervisor::load, vaultSupervisor(),
                        VaultSupervisor::call_delegationSupervisor)));
    }

    /** The supervisor's vaults ({@code getVaults}). */
    @SuppressWarnings("unchecked")
    public List<String> vaults() {
        return List.copyOf((List<String>) ctx.reads().readOne(VaultSupervisor::load, vaultSupervisor(),
                VaultSupervisor::call_getVaults));
    }

    /** The vault's asset (read once and kept). */
    public Token asset(String vault) {
        Inputs.address(vault, "vault");
        return ctx.remember("karak." + vault.toLowerCase(java.util.Locale.ROOT) + ".asset",
                () -> ctx.tokens().token(ctx.reads().readOne(Vault::load, vault, Vault::call_asset)));
    }

    /** Refuses a slippage bound outside 0..10,000 basis points. */
    static void checkSlippage(int slippageBps) {
        if (slippageBps < 0 || slippageBps > 10_000) {
            throw new InvalidInputException(ErrorCode.OUT_OF_RANGE, "slippage bound must be 0..10000 basis points, was "
                    + slippageBps);
        }
    }

    /** {@code quote} less {@code slippageBps}, rounded down. */
    static BigInteger lessSlippage(BigInteger quote, int slippageBps) {
        return quote.multiply(BigInteger.valueOf(10_000L - slippageBps)).divide(BigInteger.valueOf(10_000));
    }

    /** Refuses (at a run) an address that is not one of the VaultSupervisor's vaults, naming a v2 vault as such. */
    private void requireV1(String vault) {
        if (vaults().stream().anyMatch(v -> v.equalsIgnoreCase(vault))) {
            return;
        }
        if (ctx.network().address("karak.Core").isPresent()) {
            String operator;
            try {
                operator = ctx.reads().readOne(io.restake4j.contracts.karak.CoreVault::load, vault,
                        io.restake4j.contracts.karak.CoreVault::call_vaultConfig).operator;
            } catch (RuntimeException notV2) {
                operator = null;
            }
            String op = operator;
            @SuppressWarnings("unchecked")
            List<String> of = op == null ? List.of() : (List<String>) ctx.reads().readOne(Core::load, core(),
                    c -> c.call_getOperatorVaults(op));
            if (of.stream().anyMatch(v -> v.equalsIgnoreCase(vault))) {
                throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, vault + " is a Karak v2 vault (of Core "
                        + core() + "): it takes v2 calls, not the VaultSupervisor's; use client.karak().v2Vault(" + vault
                        + ")");
            }
        }
        throw new InvalidInputException(ErrorCode.NOT_FOUND, vault + " is not a vault of the Karak VaultSupervisor "
                + vaultSupervisor() + " on " + ctx.network().name());
    }

    /** The network's Karak v2 Core ({@code karak.Core}); a configuration error naming the chain where there is none. */
    public String core() {
        return ctx.network().require("karak.Core");
    }

    /** The first block to scan for Core's logs: Arbitrum One's Core from its deployment (karak.md section 0.1), else 0. */
    BigInteger coreFromBlock() {
        return ctx.chainId() == 42161 && core().equalsIgnoreCase(ARBITRUM_CORE) ? ARBITRUM_CORE_FROM_BLOCK : BigInteger.ZERO;
    }

    private static final String ARBITRUM_CORE = "0xc4B3D494c166eBbFF9C716Da4cec39B579795A0d";
    private static final BigInteger ARBITRUM_CORE_FROM_BLOCK = BigInteger.valueOf(261_874_079L);

    /**
     * The Karak v2 vault at {@code address}; reads nothing (each use checks, at its run, that Core deployed it).
     *
     * @throws InvalidInputException for a malformed address
     */
    public KarakV2Vault v2Vault(String address) {
        return new KarakV2Vault(ctx, this, address);
    }

    /** {@code operator}'s v2 vaults ({@code Core.getOperatorVaults}). */
    @SuppressWarnings("unchecked")
    public List<KarakV2Vault> v2Vaults(String operator) {
        Inputs.address(operator, "operator");
        List<String> vaults = (List<String>) ctx.reads().readOne(Core::load, core(), c -> c.call_getOperatorVaults(operator));
        return vaults.stream().map(this::v2Vault).toList();
    }

    /**
     * {@code account}'s holdings in Karak on this chain: v1 shares credited in the VaultSupervisor, v1 vault share
     * tokens in the account's wallet ({@code gimmieShares}), and shares of the given v2 vaults (Core keeps no list of
     * a staker's vaults, and its unindexed {@code DeployedVault} logs cannot be filtered by staker). Holdings of zero
     * are left out. Reads, once the vaults and their tokens are known (read once and kept): one Multicall3 batch
     * ({@code getDeposits}, {@code getVaults}, each v2 vault's {@code balanceOf}), a second one (each v1 vault's
     * {@code balanceOf}, the v2 holdings' {@code convertToAssets}), and a third only when the account holds v1 share
     * tokens outside the supervisor (their {@code convertToAssets}). On a chain without a VaultSupervisor, only the v2
     * vaults are read.
     */
    public List<KarakPosition> positions(String account, List<String> v2Vaults) {
        return positions(account, v2Vaults, true);
    }

    /** As {@link #positions(String, List)}, for the given v2 vaults. */
    public List<KarakPosition> positions(String account, String... v2Vaults) {
        return positions(account, List.of(v2Vaults), true);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    List<KarakPosition> positions(String account, List<String> v2Vaults, boolean withV1) {
        Inputs.address(account, "account");
        List<KarakV2Vault> v2 = new ArrayList<>();
        for (String a : v2Vaults) {
            KarakV2Vault vault = v2Vault(a);
            vault.operator();
            vault.asset();
            v2.add(vault);
        }
        boolean v1 = withV1 && ctx.network().address("karak.VaultSupervisor").isPresent();
        ReadBatch first = ctx.reads().newBatch();
        Read<Tuple4<List<String>, List<String>, List<BigInteger>, List<BigInteger>>> credit = v1
                ? first.add(VaultSupervisor::load, vaultSupervisor(), s -> s.call_getDeposits(account)) : null;
        Read<List> v1Vaults = v1 ? first.add(VaultSupervisor::load, vaultSupervisor(), VaultSupervisor::call_getVaults) : null;
        List<Read<BigInteger>> v2Balances = new ArrayList<>();
        for (KarakV2Vault vault : v2) {
            v2Balances.add(first.add(Vault::load, vault.address(), x -> x.call_balanceOf(account)));
        }
        first.execute();
        List<String> allV1 = v1 ? (List<String>) v1Vaults.get() : List.of();
        for (String vault : allV1) {
            asset(vault);
        }
        ReadBatch second = ctx.reads().newBatch();
        List<Read<BigInteger>> outside = new ArrayList<>();
        for (String vault : allV1) {
            outside.add(second.add(Vault::load, vault, x -> x.call_balanceOf(account)));
        }
        List<Read<BigInteger>> v2Worth = new ArrayList<>();
        for (int i = 0; i < v2.size(); i++) {
            BigInteger held = v2Balances.get(i).get();
            v2Worth.add(held.signum() == 0 ? null
                    : second.add(Vault::load, v2.get(i).address(), x -> x.call_convertToAssets(held)));
        }
        if (second.size() > 0) {
            second.execute();
        }
        ReadBatch third = ctx.reads().newBatch();
        List<Read<BigInteger>> outsideWorth = new ArrayList<>();
        for (int i = 0; i < allV1.size(); i++) {
            BigInteger held = outside.get(i).get();
            outsideWorth.add(held.signum() == 0 ? null
                    : third.add(Vault::load, allV1.get(i), x -> x.call_convertToAssets(held)));
        }
        if (third.size() > 0) {
            third.execute();
        }
        List<KarakPosition> out = new ArrayList<>();
        if (v1) {
            Tuple4<List<String>, List<String>, List<BigInteger>, List<BigInteger>> d = credit.get();
            for (int i = 0; i < d.component1().size(); i++) {
                String vault = d.component1().get(i);
                if (d.component4().get(i).signum() > 0) {
                    out.add(new KarakPosition(vault, KarakPosition.Kind.SUPERVISOR_CREDIT,
                            Amount.ofWei(d.component4().get(i), ctx.tokens().token(vault)),
                            Amount.ofWei(d.component3().get(i), asset(vault))));
                }
            }
            for (int i = 0; i < allV1.size(); i++) {
                if (outsideWorth.get(i) != null) {
                    String vault = allV1.get(i);
                    out.add(new KarakPosition(vault, KarakPosition.Kind.V1_SHARE_TOKENS,
                            Amount.ofWei(outside.get(i).get(), ctx.tokens().token(vault)),
                            Amount.ofWei(outsideWorth.get(i).get(), asset(vault))));
                }
            }
        }
        for (int i = 0; i < v2.size(); i++) {
            if (v2Worth.get(i) != null) {
                KarakV2Vault vault = v2.get(i);
                out.add(new KarakPosition(vault.address(), KarakPosition.Kind.V2_SHARES,
                        Amount.ofWei(v2Balances.get(i).get(), vault.shareToken()),
                        Amount.ofWei(v2Worth.get(i).get(), vault.asset())));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Whether the VaultSupervisor has Karak v1.3's {@code migrateToV2}, probed at each call: one read of
     * {@code migrateToV2(0, 0, 0, 0)} (through Multicall3, so nothing can move). A contract with the function reverts
     * with one of its custom errors; one without it (v1.2 and earlier, no fallback) reverts with no data. Karak's
     * contracts are upgradeable, so the answer is the deployed implementation's, now.
     */
    public boolean supportsMigrationToV2() {
        ReadBatch batch = ctx.reads().newBatch();
        org.web3j.abi.datatypes.Function probe = new org.web3j.abi.datatypes.Function("migrateToV2", List.of(
                new org.web3j.abi.datatypes.Address(ZERO_ADDRESS), new org.web3j.abi.datatypes.Address(ZERO_ADDRESS),
                new org.web3j.abi.datatypes.generated.Uint256(0), new org.web3j.abi.datatypes.generated.Uint256(0)),
                List.of());
        Read<String> r = batch.add(vaultSupervisor(), probe, data -> data);
        batch.execute();
        return r.succeeded() || r.revertData().map(d -> d.length() > 2).orElse(false);
    }

    private static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

    /**
     * Moves {@code shares} of v1 {@code v1Vault} credited to the client account straight into the v2 vault
     * {@code target} of the same asset, in one transaction ({@code migrateToV2}, Karak v1.3: the supervisor redeems
     * the v1 shares and deposits the assets into the v2 vault for the account, with no withdrawal delay), with
     * {@code minNewShares} = the v2 vault's quote for the assets the v1 shares are worth, less {@code slippageBps}.
     * Refused before signing where the supervisor has no {@code migrateToV2} ({@link #supportsMigrationToV2()},
     * {@link ErrorCode#PROTOCOL_STATE}), for assets that differ ({@link ErrorCode#WRONG_TOKEN}), more shares than
     * credited, a target that is not a v2 vault.
     */
    public Operation<KarakResult> migrateToV2(String v1Vault, BigInteger shares, KarakV2Vault target, int slippageBps) {
        Inputs.address(v1Vault, "v1Vault");
        Objects.requireNonNull(target, "target");
        if (shares == null || shares.signum() <= 0) {
            throw new InvalidInputException(ErrorCode.NOT_POSITIVE, "shares to migrate must be positive, was " + shares);
        }
        checkSlippage(slippageBps);
        return ctx.operation("migrate " + shares + " shares of Karak vault " + v1Vault + " to v2 vault " + target.address(),
                plan -> {
                    String supervisor = vaultSupervisor();
                    if (!supportsMigrationToV2()) {
                        throw new InvalidInputException(ErrorCode.PROTOCOL_STATE, "the Karak VaultSupervisor " + supervisor
                                + " on " + ctx.network().name() + " has no migrateToV2 (Karak v1.3): withdraw from the v1"
                                + " vault and deposit into the v2 vault instead");
                    }
                    requireV1(v1Vault);
                    target.operator();
                    Token from = asset(v1Vault);
                    Token to = target.asset();
                    if (!from.address().equalsIgnoreCase(to.address())) {
                        throw new InvalidInputException(ErrorCode.WRONG_TOKEN, "migrateToV2 moves one asset: v1 vault "
                                + v1Vault + " holds " + from + ", v2 vault " + target.address() + " holds " + to);
                    }
                    String account = ctx.account();
                    BigInteger credited = deposits(account).stream().filter(d -> d.vault().equalsIgnoreCase(v1Vault))
                            .map(KarakDeposit::shares).findFirst().orElse(BigInteger.ZERO);
                    if (shares.compareTo(credited) > 0) {
                        throw new InvalidInputException(ErrorCode.INSUFFICIENT_BALANCE, account + " has " + credited
                                + " shares of Karak vault " + v1Vault + " in the supervisor, not " + shares);
                    }
                    BigInteger assets = ctx.reads().readOne(Vault::load, v1Vault, v -> v.call_previewRedeem(shares));
                    BigInteger expected = ctx.reads().readOne(io.restake4j.contracts.karak.CoreVault::load,
                            target.address(), v -> v.call_previewDeposit(assets));
                    if (expected.signum() == 0) {
                        throw new InvalidInputException(ErrorCode.BELOW_MINIMUM, shares + " shares of " + v1Vault
                                + " come to 0 shares of v2 vault " + target.address());
                    }
                    BigInteger min = lessSlippage(expected, slippageBps);
                    Token newShares = target.shareToken();
                    plan.check(Check.of("maxDeposit of vault " + target.address(), io.restake4j.contracts.karak.CoreVault::load,
                                    target.address(), v -> v.call_maxDeposit(account))
                                    .require(ErrorCode.ABOVE_MAXIMUM, max -> assets.compareTo(max) <= 0,
                                            max -> "migrating " + Amount.ofWei(assets, from) + " exceeds Karak v2 vault "
                                                    + target.address() + "'s limit: " + Amount.ofWei(max, from) + " left"))
                            .quote(EXPECTED_SHARES_QUOTE, Amount.ofWei(expected, newShares))
                            .quote(MIN_SHARES_QUOTE, Amount.ofWei(min, newShares))
                            .step(Step.raw("migrateToV2", supervisor, VaultSupervisor.getABI_send_migrateToV2(v1Vault,
                                    target.address(), shares, min), BigInteger.ZERO))
                            .result(ex -> {
                                BigInteger moved = BigInteger.ZERO;
                                BigInteger minted = BigInteger.ZERO;
                                for (VaultSupervisor.MigratedToV2EventResponse e
                                        : ex.events(supervisor, VaultSupervisor::getMigratedToV2Events)) {
                                    if (e.user.equalsIgnoreCase(account)) {
                                        moved = moved.add(e.assets);
                                        minted = minted.add(e.newShares);
                                    }
                                }
                                return new KarakResult(ex, Amount.ofWei(moved, from), minted, List.of());
                            });
                });
    }

    /** The client account's deposits (see {@link #deposits(String)}). */
    public List<KarakDeposit> deposits() {
        return deposits(ctx.account());
    }

    /** {@code account}'s deposits: one {@code getDeposits} call (vaults, assets, shares), then each vault's asset, kept. */
    public List<KarakDeposit> deposits(String account) {
        Inputs.address(account, "account");
        Tuple4<List<String>, List<String>, List<BigInteger>, List<BigInteger>> d = ctx.reads().readOne(
                VaultSupervisor::load, vaultSupervisor(), s -> s.call_getDeposits(account));
        List<KarakDeposit> out = new ArrayList<>();
        for (int i = 0; i < d.component1().size(); i++) {
            String vault = d.component1().get(i);
            out.add(new KarakDeposit(vault, Amount.ofWei(d.component3().get(i), asset(vault)), d.component4().get(i)));
        }
        return List.copyOf(out);
    }

    /**
     * Deposits {@code amount} into {@code vault} through the VaultSupervisor with {@code minSharesOut} = the vault's
     * {@code previewDeposit(amount)} less {@code slippageBps} (both quoted). Approves the **vault** (it pulls the
     * asset) for exactly {@code amount} when the allowance is short.
     */
    public Operation<KarakResult> deposit(String vault, Amount amount, int slippageBps) {
        checkSlippage(slippageBps);
        return deposit(vault, amount, quote -> lessSlippage(quote, slippageBps));
    }

    /**
     * Deposits {@code amount} into v1 {@code vault} with a fixed {@code minShares} (an amount of the vault's share
     * token, e.g. an earlier preview's quote): refused before signing ({@link ErrorCode#BELOW_MINIMUM}) once the
     * vault's quote at this run is below it; the supervisor reverts {@code NotEnoughShares()} if the rate moves below
     * it before the transaction is mined.
     */
    public Operation<KarakResult> deposit(String vault, Amount amount, Amount minShares) {
        Inputs.address(vault, "vault");
        return deposit(vault, amount, fixedBound(vault, amount, minShares));
    }

    /** The minimum of a deposit with a fixed bound: the bound, once the quote at the run is checked against it. */
    static java.util.function.UnaryOperator<BigInteger> fixedBound(String vault, Amount amount, Amount minShares) {
        Objects.requireNonNull(minShares, "minShares");
        if (!vault.equalsIgnoreCase(minShares.token().address())) {
            throw new InvalidInputException(ErrorCode.WRONG_TOKEN, "minShares: expected an amount of Karak vault " + vault
                    + "'s shares, got " + minShares.token());
        }
        return quote -> {
            if (quote.compareTo(minShares.wei()) < 0) {
                throw new InvalidInputException(ErrorCode.BELOW_MINIMUM, "a deposit of " + amount + " into Karak vault "
                        + vault + " would mint " + Amount.ofWei(quote, minShares.token()) + " now, below the bound of "
                        + minShares + ": the rate moved beyond the slippage allowed");
            }
            return minShares.wei();
        };
    }

    private Operation<KarakResult> deposit(String vault, Amount amount, java.util.function.UnaryOperator<BigInteger> minFromQuote) {
        Inputs.address(vault, "vault");
        Inputs.positive(amount, "deposit amount");
        return ctx.operation("deposit " + amount + " into Karak vault " + vault, plan -> {
            String supervisor = vaultSupervisor();
            requireV1(vault);
            Token token = asset(vault);
            Inputs.amountOf(amount, token, "deposit amount");
            String account = ctx.account();
            BigInteger expected = ctx.reads().readOne(Vault::load, vault, v -> v.call_previewDeposit(amount.wei()));
            if (expected.signum() == 0) {
                throw new InvalidInputException(ErrorCode.BELOW_MINIMUM, "a deposit of " + amount + " comes to 0 shares of"
                        + " Karak vault " + vault + ": use a larger amount");
            }
            BigInteger min = minFromQuote.apply(expected);
            Approvals.require(plan, account, vault, amount, ApprovalPolicy.EXACT);
            plan.check(Check.of("maxDeposit of vault " + vault, Vault::load, vault, v -> v.call_maxDeposit(supervisor))
                            .require(ErrorCode.ABOVE_MAXIMUM, max -> amount.wei().compareTo(max) <= 0,
                                    max -> "deposit of " + amount + " exceeds Karak vault " + vault + "'s limit: "
                                            + Amount.ofWei(max, token) + " left"))
                    .quote(EXPECTED_SHARES_QUOTE, Amount.ofWei(expected, ctx.tokens().token(vault)))
                    .quote(MIN_SHARES_QUOTE, Amount.ofWei(min, ctx.tokens().token(vault)))
                    .step(Step.of("deposit " + amount, VaultSupervisor::load, supervisor,
                            s -> s.call_deposit(vault, amount.wei(), min)))
                    .result(ex -> new KarakResult(ex,
                            Amount.ofWei(ex.sum(vault, Vault::getDepositEvents, e -> true, e -> e.assets), token),
                            ex.sum(vault, Vault::getDepositEvents, e -> true, e -> e.shares), List.of()));
        });
    }

    /** Starts the withdrawal of {@code shares} of {@code vault} credited to the client account (it is the withdrawer). */
    public Operation<KarakResult> startWithdraw(String vault, BigInteger shares) {
        Inputs.address(vault, "vault");
        if (shares == null || shares.signum() <= 0) {
            throw new InvalidInputException(ErrorCode.NOT_POSITIVE, "shares to withdraw must be positive, was " + shares);
        }
        return ctx.operation("start the withdrawal of " + shares + " shares of Karak vault " + vault, plan -> {
            String account = ctx.account();
            BigInteger credited = deposits(account).stream().filter(d -> d.vault().equalsIgnoreCase(vault))
                    .map(KarakDeposit::shares).findFirst().orElse(BigInteger.ZERO);
            if (shares.compareTo(credited) > 0) {
                throw new InvalidInputException(ErrorCode.INSUFFICIENT_BALANCE, account + " has " + credited + " shares of"
                        + " Karak vault " + vault + " in the supervisor, not " + shares);
            }
            String ds = delegationSupervisor();
            WithdrawRequest request = new WithdrawRequest(List.of(vault), List.of(shares), account);
            plan.step(Step.of("startWithdraw", DelegationSupervisor::load, ds, d -> d.call_startWithdraw(List.of(request))))
                    .result(ex -> new KarakResult(ex, Amount.zero(asset(vault)),
                            ex.sum(ds, DelegationSupervisor::getStartedWithdrawalEvents, e -> true, e -> e.shares), List.of()));
        });
    }

    /** The client account's withdrawals not finished (see {@link #withdrawals(String)}). */
    public List<KarakWithdrawal> withdrawals() {
        return withdrawals(ctx.account());
    }

    /**
     * {@code staker}'s withdrawals not finished, from chain state: {@code fetchQueuedWithdrawals} (finished ones
     * included), then in one Multicall3 batch {@code isWithdrawPending} of each, {@code withdrawalDelay} and the
     * assets of each one's shares now ({@code convertToAssets}); the chain's clock decides PENDING or CLAIMABLE.
     */
    @SuppressWarnings("unchecked")
    public List<KarakWithdrawal> withdrawals(String staker) {
        Inputs.address(staker, "staker");
        String ds = delegationSupervisor();
        List<QueuedWithdrawal> all = (List<QueuedWithdrawal>) ctx.reads().readOne(DelegationSupervisor::load, ds,
                d -> d.call_fetchQueuedWithdrawals(staker));
        if (all.isEmpty()) {
            return List.of();
        }
        ReadBatch batch = ctx.reads().newBatch();
        Read<BigInteger> delay = batch.add(DelegationSupervisor::load, ds, DelegationSupervisor::call_withdrawalDelay);
        List<Read<Boolean>> pending = new ArrayList<>();
        List<List<Read<BigInteger>>> worth = new ArrayList<>();
        for (QueuedWithdrawal w : all) {
            pending.add(batch.add(DelegationSupervisor::load, ds, d -> d.call_isWithdrawPending(w)));
            List<Read<BigInteger>> row = new ArrayList<>();
            for (int i = 0; i < w.request.vaults.size(); i++) {
                BigInteger s = w.request.shares.get(i);
                row.add(batch.add(Vault::load, w.request.vaults.get(i), v -> v.call_convertToAssets(s)));
            }
            worth.add(row);
        }
        batch.execute();
        Instant now = ctx.waiter().chainTime();
        List<KarakWithdrawal> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (!pending.get(i).get()) {
                continue;
            }
            QueuedWithdrawal w = all.get(i);
            Instant unlocks = Instant.ofEpochSecond(w.start.add(delay.get()).longValueExact());
            List<Amount> assets = new ArrayList<>();
            for (int j = 0; j < w.request.vaults.size(); j++) {
                assets.add(Amount.ofWei(worth.get(i).get(j).get(), asset(w.request.vaults.get(j))));
            }
            out.add(new KarakWithdrawal(root(w), w, assets, now.isBefore(unlocks) ? ExitStatus.PENDING : ExitStatus.CLAIMABLE,
                    unlocks));
        }
        return List.copyOf(out);
    }

    /** {@code keccak256(abi.encode(withdrawal))}, as the DelegationSupervisor computes it. */
    static String root(QueuedWithdrawal w) {
        return Numeric.toHexString(Hash.sha3(Numeric.hexStringToByteArray(
                new DefaultFunctionEncoder().encodeParameters(List.of(w)))));
    }

    /**
     * Finishes {@code withdrawal}, paying the client account (its withdrawer) at the vaults' rate now. Refused before
     * it unlocks, for another withdrawer, and once finished (all read again at the run).
     */
    public Operation<KarakResult> finishWithdraw(KarakWithdrawal withdrawal) {
        Objects.requireNonNull(withdrawal, "withdrawal");
        return ctx.operation("finish Karak withdrawal " + withdrawal.root(), plan -> {
            String account = ctx.account();
            if (!withdrawal.owner().equalsIgnoreCase(account)) {
                throw new InvalidInputException(ErrorCode.NOT_PERMITTED, "Karak withdrawal " + withdrawal.root()
                        + " is " + withdrawal.owner() + "'s to finish, not " + account + "'s");
            }
            KarakWithdrawal now = withdrawals(withdrawal.withdrawal().staker).stream()
                    .filter(w -> w.root().equals(withdrawal.root())).findFirst().orElseThrow(() -> new InvalidInputException(
                            ErrorCode.ALREADY_DONE, "Karak withdrawal " + withdrawal.root() + " is finished (or unknown)"));
            if (now.status() == ExitStatus.PENDING) {
                throw new InvalidInputException(ErrorCode.NOT_READY, "Karak withdrawal " + withdrawal.root()
                        + " unlocks at " + now.unlocksAt() + " (start + withdrawalDelay)");
            }
            String ds = delegationSupervisor();
            List<String> vaults = now.withdrawal().request.vaults;
            Token first = asset(vaults.get(0));
            plan.step(Step.raw("finishWithdraw", ds, DelegationSupervisor.getABI_send_finishWithdraw(
                            List.of(now.withdrawal())), BigInteger.ZERO))
                    .result(ex -> new KarakResult(ex,
                            Amount.ofWei(ex.transferred(first.address(), vaults.get(0), account), first),
                            ex.sum(ds, DelegationSupervisor::getFinishedWithdrawalEvents, e -> true, e -> e.shares),
                            List.of(now.root())));
        });
    }

    @Override
    public String toString() {
        return "Karak[" + ctx.network().name() + "]";
    }
}
