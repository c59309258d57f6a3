package io.restake4j.vaults;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiFunction;

import org.web3j.protocol.core.RemoteFunctionCall;

import io.restake4j.ProtocolContext;
import io.restake4j.contracts.common.ERC4626;
import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.internal.Inputs;
import io.restake4j.read.Read;
import io.restake4j.read.ReadBatch;
import io.restake4j.tokens.ApprovalPolicy;
import io.restake4j.tokens.Approvals;
import io.restake4j.tx.Check;
import io.restake4j.tx.Execution;
import io.restake4j.tx.Operation;
import io.restake4j.tx.Plan;
import io.restake4j.tx.Step;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * One EIP-4626 vault: shares (the vault's own ERC-20) over one underlying ERC-20, its {@link #asset()}. Reads come
 * in batches (totals, limits, a position in one Multicall3 call); writes are lazy {@link Operation}s for the
 * client account, which is both the payer and the receiver, and the owner of the shares redeemed.
 *
 * <p>Every write reads at each {@code preview()} and {@code send()}, never when it is built: the vault's preview of
 * the amount (stated as a quote, and the exact figure sent for the approval of a mint), then checks run in the
 * same simulation as the steps: the account's balance and allowance ({@link Approvals#require}, an exact approval
 * only when short) or share balance, and the vault's own limit ({@code maxDeposit}, {@code maxMint},
 * {@code maxWithdraw}, {@code maxRedeem}). A refusal is an {@link InvalidInputException} and nothing is signed.
 * The asset and share tokens (symbol, decimals) are read once and kept for the client's life.
 *
 * <pre>{@code
 * Erc4626Vault vault = client.erc4626("0x...");
 * Operation<VaultResult> deposit = vault.deposit(Amount.parse("100", vault.asset()));
 * System.out.println(deposit.preview().quote(Erc4626Vault.EXPECTED_SHARES_QUOTE));   // previewDeposit(100e18)
 * VaultResult in = deposit.send();                                                    // approve (if short) + deposit
 * vault.redeem(in.shares()).send();
 * }</pre>
 */
public final class Erc4626Vault {

    /** Labels of the figures in {@link io.restake4j.tx.Preview#quotes()}: the vault's preview of each write. */
    public static final String EXPECTED_SHARES_QUOTE = "expected shares";
    public static final String ASSETS_TO_PAY_QUOTE = "assets to pay";
    public static final String SHARES_TO_BURN_QUOTE = "shares to burn";
    public static final String EXPECTED_ASSETS_QUOTE = "expected assets";

    private final ProtocolContext ctx;
    private final String address;
    private final Guard guard;

    /**
     * What a protocol adds to the four writes of its ERC-4626 vaults: the checks of its own rules (a deposit
     * whitelist, exit liquidity, a pending queue), added to the plan at each run, before the vault's
     * {@code max*} check, so that they run in the same simulation as the steps and their refusals come first.
     *
     * <pre>{@code
     * Erc4626Vault.Guard liquidity = (plan, write, account, assets, shares) -> {
     *     if (!write.entering()) plan.check(Check.of("withdrawable", VaultV2::load, vault, VaultV2::call_withdrawable)
     *             .require(ErrorCode.ABOVE_MAXIMUM, w -> assets.wei().compareTo(w) <= 0, w -> "only " + w + " can leave now"));
     * };
     * }</pre>
     */
    @FunctionalInterface
    public interface Guard {

        /** A guard that adds nothing. */
        Guard NONE = (plan, write, account, assets, shares) -> { };

        /**
         * Adds checks for {@code write} by {@code account} of {@code assets} (paid or received) for {@code shares}
         * (minted or burnt), both as the vault's preview states them at this run.
         */
        void plan(Plan.Builder<?> plan, Write write, String account, Amount assets, Amount shares);

        /** Runs first at each run, before the vault is read (a protocol checks here that the address is its kind). */
        default void begin(Write write) {
        }

        /** Gas to add to the write's step beyond its simulation ({@link Step#withGasAllowance}); 0 by default. */
        default BigInteger gasAllowance(Write write) {
            return BigInteger.ZERO;
        }
    }

    /** The four ERC-4626 writes, as a {@link Guard} sees them. */
    public enum Write {
        DEPOSIT, MINT, WITHDRAW, REDEEM;

        /** Whether assets go into the vault (deposit, mint) rather than out of it. */
        public boolean entering() {
            return this == DEPOSIT || this == MINT;
        }
    }

    /**
     * The vault at {@code address}; reads nothing (users: {@code client.erc4626(address)}).
     *
     * @throws InvalidInputException for a malformed address
     */
    public Erc4626Vault(ProtocolContext ctx, String address) {
        this(ctx, address, Guard.NONE);
    }

    /**
     * The vault at {@code address} with a protocol's {@code guard} on its writes (Symbiotic Core V2 vaults use
     * one); reads nothing.
     */
    public Erc4626Vault(ProtocolContext ctx, String address, Guard guard) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.address = Inputs.address(address, "vault");
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    /** The vault's address, which is also its share token's. */
    public String address() {
        return address;
    }

    /** The underlying token ({@code asset()}, then its symbol and decimals), read on first use and kept. */
    public Token asset() {
        return ctx.remember(key("asset"), () -> ctx.tokens().token(ctx.reads().readOne(ERC4626::load, address,
                ERC4626::call_asset)));
    }

    /** The share token: the vault itself, with its symbol and decimals read on first use and kept. */
    public Token shareToken() {
        return ctx.tokens().token(address);
    }

    private String key(String what) {
        return "erc4626." + address.toLowerCase(Locale.ROOT) + "." + what;
    }

    // ---------------------------------------------------------------------------------------------
    // Reads
    // ---------------------------------------------------------------------------------------------

    /** {@code totalAssets()} and {@code totalSupply()} at the same block (one batched read). */
    public VaultTotals totals() {
        Token asset = asset();
        Token shares = shareToken();
        ReadBatch batch = ctx.reads().newBatch();
        Read<BigInteger> assets = batch.add(ERC4626::load, address, ERC4626::call_totalAssets);
        Read<BigInteger> supply = batch.add(ERC4626::load, address, ERC4626::call_totalSupply);
        batch.execute();
        return new VaultTotals(Amount.ofWei(assets.get(), asset), Amount.ofWei(supply.get(), shares));
    }

    /** The client account's limits (see {@link #limits(String)}). */
    public VaultLimits limits() {
        return limits(ctx.account());
    }

    /** What the vault accepts from {@code account} now: its four {@code max*} values (one batched read). */
    public VaultLimits limits(String account) {
        Inputs.address(account, "account");
        Token asset = asset();
        Token shares = shareToken();
        ReadBatch batch = ctx.reads().newBatch();
        Read<BigInteger> deposit = batch.add(ERC4626::load, address, v -> v.call_maxDeposit(account));
        Read<BigInteger> mint = batch.add(ERC4626::load, address, v -> v.call_maxMint(account));
        Read<BigInteger> withdraw = batch.add(ERC4626::load, address, v -> v.call_maxWithdraw(account));
        Read<BigInteger> redeem = batch.add(ERC4626::load, address, v -> v.call_maxRedeem(account));
        batch.execute();
        return new VaultLimits(account, Amount.ofWei(deposit.get(), asset), Amount.ofWei(mint.get(), shares),
                Amount.ofWei(withdraw.get(), asset), Amount.ofWei(redeem.get(), shares));
    }

    /** {@code convertToShares(assets)}: the shares the assets are worth, rounded down, ignoring limits and fees. */
    public Amount convertToShares(Amount assets) {
        return readAs(assets, asset(), shareToken(), "assets", ERC4626::call_convertToShares);
    }

    /** {@code convertToAssets(shares)}: the assets the shares are worth, rounded down, ignoring limits and fees. */
    public Amount convertToAssets(Amount shares) {
        return readAs(shares, shareToken(), asset(), "shares", ERC4626::call_convertToAssets);
    }

    /** {@code previewDeposit(assets)}: the shares a deposit of {@code assets} would mint now (rounded down). */
    public Amount previewDeposit(Amount assets) {
        return readAs(assets, asset(), shareToken(), "assets", ERC4626::call_previewDeposit);
    }

    /** {@code previewMint(shares)}: the assets a mint of {@code shares} would cost now (rounded up). */
    public Amount previewMint(Amount shares) {
        return readAs(shares, shareToken(), asset(), "shares", ERC4626::call_previewMint);
    }

    /** {@code previewWithdraw(assets)}: the shares a withdrawal of {@code assets} would burn now (rounded up). */
    public Amount previewWithdraw(Amount assets) {
        return readAs(assets, asset(), shareToken(), "assets", ERC4626::call_previewWithdraw);
    }

    /** {@code previewRedeem(shares)}: the assets a redemption of {@code shares} would pay now (rounded down). */
    public Amount previewRedeem(Amount shares) {
        return readAs(shares, shareToken(), asset(), "shares", ERC4626::call_previewRedeem);
    }

    private Amount readAs(Amount amount, Token from, Token to, String what,
            BiFunction<ERC4626, BigInteger, RemoteFunctionCall<BigInteger>> call) {
        Inputs.amountOf(amount, from, what);
        return Amount.ofWei(ctx.reads().readOne(ERC4626::load, address, v -> call.apply(v, amount.wei())), to);
    }

    /** The client account's position (see {@link #position(String)}). */
    public VaultPosition position() {
        return position(ctx.account());
    }

    /**
     * {@code owner}'s shares and their value in assets, in one Multicall3 batch: {@code balanceOf(owner)},
     * {@code maxRedeem(owner)} and {@code maxWithdraw(owner)}. When every share may be redeemed now, the assets
     * {@code maxWithdraw} states are what redeeming them all pays; only when the vault limits the owner's
     * redemptions is {@code previewRedeem(balance)} read after the batch.
     */
    public VaultPosition position(String owner) {
        Inputs.address(owner, "owner");
        Token asset = asset();
        Token shares = shareToken();
        ReadBatch batch = ctx.reads().newBatch();
        Read<BigInteger> held = batch.add(ERC4626::load, address, v -> v.call_balanceOf(owner));
        Read<BigInteger> redeemable = batch.add(ERC4626::load, address, v -> v.call_maxRedeem(owner));
        Read<BigInteger> withdrawable = batch.add(ERC4626::load, address, v -> v.call_maxWithdraw(owner));
        batch.execute();
        BigInteger balance = held.get();
        BigInteger value = balance.signum() == 0 ? BigInteger.ZERO
                : redeemable.get().compareTo(balance) >= 0 ? withdrawable.get()
                : ctx.reads().readOne(ERC4626::load, address, v -> v.call_previewRedeem(balance));
        return new VaultPosition(owner, Amount.ofWei(balance, shares), Amount.ofWei(value, asset));
    }

    // ---------------------------------------------------------------------------------------------
    // Writes
    // ---------------------------------------------------------------------------------------------

    /** One of the four writes: what the amount is in, the vault's limit and preview of it, the call. */
    private record Flow(Write write, String verb, boolean amountInAssets, boolean entering, String limit, String quote,
            BiFunction<ERC4626, String, RemoteFunctionCall<BigInteger>> max,
            BiFunction<ERC4626, BigInteger, RemoteFunctionCall<BigInteger>> preview, Call call) {
    }

    @FunctionalInterface
    private interface Call {
        RemoteFunctionCall<BigInteger> on(ERC4626 vault, BigInteger amount, String account);
    }

    private static final Flow DEPOSIT = new Flow(Write.DEPOSIT, "deposit", true, true, "maxDeposit", EXPECTED_SHARES_QUOTE,
            ERC4626::call_maxDeposit, ERC4626::call_previewDeposit, (v, a, who) -> v.call_deposit(a, who));
    private static final Flow MINT = new Flow(Write.MINT, "mint", false, true, "maxMint", ASSETS_TO_PAY_QUOTE,
            ERC4626::call_maxMint, ERC4626::call_previewMint, (v, s, who) -> v.call_mint(s, who));
    private static final Flow WITHDRAW = new Flow(Write.WITHDRAW, "withdraw", true, false, "maxWithdraw", SHARES_TO_BURN_QUOTE,
            ERC4626::call_maxWithdraw, ERC4626::call_previewWithdraw, (v, a, who) -> v.call_withdraw(a, who, who));
    private static final Flow REDEEM = new Flow(Write.REDEEM, "redeem", false, false, "maxRedeem", EXPECTED_ASSETS_QUOTE,
            ERC4626::call_maxRedeem, ERC4626::call_previewRedeem, (v, s, who) -> v.call_redeem(s, who, who));

    /**
     * Deposits {@code assets} of the client account for shares minted to it. Quotes {@link #EXPECTED_SHARES_QUOTE}
     * ({@code previewDeposit}); approves the vault for exactly {@code assets} when the allowance is short. Refused
     * before signing for an amount of another token, over the balance, above {@code maxDeposit} (a cap), or when it
     * would mint no share.
     */
    public Operation<VaultResult> deposit(Amount assets) {
        return operation(DEPOSIT, assets);
    }

    /**
     * Mints exactly {@code shares} (of {@link #shareToken()}) to the client account, paying the assets they cost.
     * Quotes {@link #ASSETS_TO_PAY_QUOTE} ({@code previewMint}, rounded up), the amount approved when the allowance
     * is short. Refused before signing over the asset balance or above {@code maxMint}.
     */
    public Operation<VaultResult> mint(Amount shares) {
        return operation(MINT, shares);
    }

    /**
     * Withdraws exactly {@code assets} to the client account, burning the shares they cost. Quotes
     * {@link #SHARES_TO_BURN_QUOTE} ({@code previewWithdraw}, rounded up). Refused before signing when the account
     * holds fewer shares or above {@code maxWithdraw}.
     */
    public Operation<VaultResult> withdraw(Amount assets) {
        return operation(WITHDRAW, assets);
    }

    /**
     * Redeems exactly {@code shares} of the client account for assets. Quotes {@link #EXPECTED_ASSETS_QUOTE}
     * ({@code previewRedeem}, rounded down). Refused before signing over the share balance, above
     * {@code maxRedeem}, or when it would pay nothing.
     */
    public Operation<VaultResult> redeem(Amount shares) {
        return operation(REDEEM, shares);
    }

    /** Checks the input (nothing read: the share token's address is the vault's) and defers the rest to each run. */
    private Operation<VaultResult> operation(Flow flow, Amount amount) {
        String what = flow.verb() + " amount";
        Inputs.positive(amount, what);
        if (!flow.amountInAssets() && !address.equalsIgnoreCase(amount.token().address())) {
            throw new InvalidInputException(ErrorCode.WRONG_TOKEN, what + ": expected an amount of the vault's shares (token " + address
                    + "), got " + amount.token());
        }
        return ctx.operation(flow.verb() + " " + amount + (flow.entering() ? " into" : " from") + " vault " + address,
                plan -> plan(plan, flow, amount));
    }

    private void plan(Plan.Builder<VaultResult> plan, Flow flow, Amount amount) {
        guard.begin(flow.write());
        Token asset = asset();
        Token shares = shareToken();
        Token amountToken = flow.amountInAssets() ? asset : shares;
        Token otherToken = flow.amountInAssets() ? shares : asset;
        Inputs.amountOf(amount, amountToken, flow.verb() + " amount");
        String account = ctx.account();
        Amount other = Amount.ofWei(ctx.reads().readOne(ERC4626::load, address,
                v -> flow.preview().apply(v, amount.wei())), otherToken);
        if (other.isZero()) {
            throw new InvalidInputException(ErrorCode.BELOW_MINIMUM, flow.verb() + " of " + amount + " comes to 0 " + otherToken.symbol()
                    + " (" + flow.quote() + ") at vault " + address + "'s current rate: use a larger amount");
        }
        Amount assets = flow.amountInAssets() ? amount : other;
        Amount shareAmount = flow.amountInAssets() ? other : amount;
        if (flow.entering()) {
            Approvals.require(plan, account, address, assets, ApprovalPolicy.EXACT);
        } else {
            Approvals.holds(plan, account, shareAmount);
        }
        guard.plan(plan, flow.write(), account, assets, shareAmount);
        plan.check(Check.of(flow.limit() + " of " + account, ERC4626::load, address, v -> flow.max().apply(v, account))
                        .require(ErrorCode.ABOVE_MAXIMUM, max -> amount.wei().compareTo(max) <= 0, max -> aboveLimitMessage(flow, amount, max)))
                .quote(flow.quote(), other)
                .step(Step.of(flow.verb() + " " + amount, ERC4626::load, address,
                        v -> flow.call().on(v, amount.wei(), account)).withGasAllowance(guard.gasAllowance(flow.write())))
                .result(ex -> result(ex, flow, account, asset, shares));
    }

    private String aboveLimitMessage(Flow flow, Amount amount, BigInteger max) {
        return flow.verb() + " of " + amount + " exceeds what vault " + address + " accepts now: " + flow.limit()
                + " is " + Amount.ofWei(max, amount.token()) + (flow.entering() ? " (a deposit cap or pause)"
                        : " (the shares held, or the vault's own withdrawal limit)");
    }

    private VaultResult result(Execution ex, Flow flow, String account, Token asset, Token shares) {
        BigInteger assets;
        BigInteger moved;
        if (flow.entering()) {
            assets = ex.sum(address, ERC4626::getDepositEvents, e -> e.owner.equalsIgnoreCase(account), e -> e.assets);
            moved = ex.sum(address, ERC4626::getDepositEvents, e -> e.owner.equalsIgnoreCase(account), e -> e.shares);
        } else {
            assets = ex.sum(address, ERC4626::getWithdrawEvents, e -> e.owner.equalsIgnoreCase(account), e -> e.assets);
            moved = ex.sum(address, ERC4626::getWithdrawEvents, e -> e.owner.equalsIgnoreCase(account), e -> e.shares);
        }
        return new VaultResult(ex, Amount.ofWei(assets, asset), Amount.ofWei(moved, shares));
    }

    @Override
    public String toString() {
        return "Erc4626Vault[" + address + "]";
    }
}
