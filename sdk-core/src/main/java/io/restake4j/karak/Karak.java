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
 * Karak v1 (the v1.3 VaultSupervisor and DelegationSupervisor, at {@code karak.VaultSupervisor} and
 * {@code karak.DelegationSupervisor} of the network) for the client account. Reads nothing when built; every
 * operation reads the chain at each {@code preview()} and {@code send()}.
 *
 * <p>Refused before signing, with a typed {@link InvalidInputException}: a deposit of zero, over the balance, into a
 * vault that is not the supervisor's ({@link ErrorCode#NOT_FOUND}), above the vault's limit
 * ({@link ErrorCode#ABOVE_MAXIMUM}), or with a slippage bound outside 0..10,000 basis points; a withdrawal of more
 * shares than credited ({@link ErrorCode#INSUFFICIENT_BALANCE}); finishing a withdrawal early
 * ({@link ErrorCode#NOT_READY}, naming the {@code Instant} it unlocks), someone else's ({@link ErrorCode#NOT_PERMITTED})
 * or a finished one ({@link ErrorCode#ALREADY_DONE}).
 *
 * <pre>{@code
 * Karak karak = client.karak();
 * karak.deposit(vault, Amount.parse("10", wstETH), 50).send();       // minSharesOut = quote - 0.5 %
 * karak.startWithdraw(vault, karak.deposits().get(0).shares()).send();
 * KarakWithdrawal w = karak.withdrawals().get(0);                   // unlocksAt = start + withdrawalDelay
 * karak.finishWithdraw(w).send();
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
        Inputs.address(vault, "vault");
        Inputs.positive(amount, "deposit amount");
        if (slippageBps < 0 || slippageBps > 10_000) {
            throw new InvalidInputException(ErrorCode.OUT_OF_RANGE, "slippage bound must be 0..10000 basis points, was "
                    + slippageBps);
        }
        return ctx.operation("deposit " + amount + " into Karak vault " + vault, plan -> {
            String supervisor = vaultSupervisor();
            if (vaults().stream().noneMatch(v -> v.equalsIgnoreCase(vault))) {
                throw new InvalidInputException(ErrorCode.NOT_FOUND, vault + " is not a vault of the Karak VaultSupervisor "
                        + supervisor + " on " + ctx.network().name());
            }
            Token token = asset(vault);
            Inputs.amountOf(amount, token, "deposit amount");
            String account = ctx.account();
            BigInteger expected = ctx.reads().readOne(Vault::load, vault, v -> v.call_previewDeposit(amount.wei()));
            BigInteger min = expected.multiply(BigInteger.valueOf(10_000L - slippageBps)).divide(BigInteger.valueOf(10_000));
            if (expected.signum() == 0) {
                throw new InvalidInputException(ErrorCode.BELOW_MINIMUM, "a deposit of " + amount + " comes to 0 shares of"
                        + " Karak vault " + vault + ": use a larger amount");
            }
            Approvals.require(plan, account, vault, amount, ApprovalPolicy.EXACT);
            plan.check(Check.of("maxDeposit of vault " + vault, Vault::load, vault, v -> v.call_maxDeposit(supervisor))
                            .require(ErrorCode.ABOVE_MAXIMUM, max -> amount.wei().compareTo(max) <= 0,
                                    max -> "deposit of " + amount + " exceeds Karak vault " + vault + "'s limit: "
                                            + Amount.ofWei(max, token) + " left"))
                    .quote(EXPECTED_SHARES_QUOTE, Amount.ofWei(expected, Token.erc20(vault, "shares", token.decimals())))
                    .quote(MIN_SHARES_QUOTE, Amount.ofWei(min, Token.erc20(vault, "shares", token.decimals())))
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
