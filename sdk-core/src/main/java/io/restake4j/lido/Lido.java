package io.restake4j.lido;

import java.math.BigInteger;
import java.util.List;

import io.restake4j.contracts.lido.LidoLocator;
import io.restake4j.contracts.lido.WithdrawalQueueERC721;
import io.restake4j.contracts.lido.WstETH;
import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.internal.Inputs;
import io.restake4j.liquid.internal.Holdings;
import io.restake4j.liquid.LiquidResult;
import io.restake4j.liquid.internal.EthStake;
import io.restake4j.liquid.LiquidPositions;
import io.restake4j.network.Network;
import io.restake4j.read.Read;
import io.restake4j.read.ReadBatch;
import io.restake4j.tokens.ApprovalPolicy;
import io.restake4j.tokens.Approvals;
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
 * Lido for stakers: stake ETH for stETH (or straight into wstETH), wrap and unwrap, move stETH by shares
 * (no rounding dust), the share rate, the withdrawal queue (requests split within the per-request limits,
 * with an approval or a permit; listing with status, claimable ether and place in the queue; claims with
 * checkpoint hints found here), and positions in one batched read.
 *
 * <p>Addresses come from the network: its {@code lido.Lido}, {@code lido.WstETH} and
 * {@code lido.WithdrawalQueueERC721} entries when it has all three (a devnet's address book), otherwise
 * from the {@code lido.LidoLocator} entry, read on first use and kept for the client's life (the mainnet, Hoodi and
 * Sepolia presets), as Lido recommends.
 *
 * <pre>{@code
 * Lido lido = client.lido();
 * lido.stake(Amount.parse("3000", Token.ETH)).send();
 * LiquidResult req = lido.withdrawals().request(Amount.parse("2500", lido.stETH())).send();   // 1000 + 1000 + 500
 * // ... later, once the oracle has finalized them:
 * lido.withdrawals().claimAllReady().send();
 * }</pre>
 */
public final class Lido {

    /** The unit of stETH's shares (what wstETH counts). */
    static final String SHARES = "stETH shares";

    private static final String ZERO = "0x0000000000000000000000000000000000000000";

    private final ProtocolContext ctx;

    /** Use {@code client.lido()}; reads nothing (the addresses are resolved on first use). */
    public Lido(ProtocolContext ctx) {
        this.ctx = java.util.Objects.requireNonNull(ctx, "ctx");
    }

    /** The three contracts, from the address book or the LidoLocator (read once per client). */
    private record Addresses(String steth, String wsteth, String queue) {
    }

    private Addresses addresses() {
        return ctx.remember("lido.addresses", () -> {
            Network network = ctx.network();
            if (network.address("lido.Lido").isPresent() && network.address("lido.WstETH").isPresent()
                    && network.address("lido.WithdrawalQueueERC721").isPresent()) {
                return new Addresses(network.require("lido.Lido"), network.require("lido.WstETH"),
                        network.require("lido.WithdrawalQueueERC721"));
            }
            String locator = network.address("lido.LidoLocator").orElseThrow(() -> new InvalidInputException(ErrorCode.UNKNOWN_DEPLOYMENT, 
                    "network " + network.name() + " knows no Lido deployment: it has neither lido.LidoLocator nor the "
                            + "lido.Lido, lido.WstETH and lido.WithdrawalQueueERC721 addresses"));
            ReadBatch batch = ctx.reads().newBatch();
            Read<String> lido = batch.add(LidoLocator::load, locator, LidoLocator::call_lido);
            Read<String> wst = batch.add(LidoLocator::load, locator, LidoLocator::call_wstETH);
            Read<String> wq = batch.add(LidoLocator::load, locator, LidoLocator::call_withdrawalQueue);
            batch.execute();
            if (!lido.succeeded() || !wst.succeeded() || !wq.succeeded()) {
                throw new InvalidInputException(ErrorCode.UNKNOWN_DEPLOYMENT, "the LidoLocator at " + locator + " on " + network.name()
                        + " did not answer lido(), wstETH() and withdrawalQueue()");
            }
            return new Addresses(lido.get(), wst.get(), wq.get());
        });
    }

    String steth() {
        return addresses().steth();
    }

    String wsteth() {
        return addresses().wsteth();
    }

    String queue() {
        return addresses().queue();
    }

    /** The queue's per-request limits, constants of its code (read once per client). */
    record Limits(BigInteger min, BigInteger max) {
    }

    Limits limits() {
        return ctx.remember("lido.limits", () -> {
            ReadBatch batch = ctx.reads().newBatch();
            Read<BigInteger> min = batch.add(WithdrawalQueueERC721::load, queue(),
                    WithdrawalQueueERC721::call_MIN_STETH_WITHDRAWAL_AMOUNT);
            Read<BigInteger> max = batch.add(WithdrawalQueueERC721::load, queue(),
                    WithdrawalQueueERC721::call_MAX_STETH_WITHDRAWAL_AMOUNT);
            batch.execute();
            return new Limits(min.get(), max.get());
        });
    }

    /** stETH (18 decimals). */
    public Token stETH() {
        return Token.erc20(ctx.network().chainId(), steth(), "stETH", 18);
    }

    /** wstETH (18 decimals). */
    public Token wstETH() {
        return Token.erc20(ctx.network().chainId(), wsteth(), "wstETH", 18);
    }

    /** The WithdrawalQueueERC721 (unstETH) address. */
    public String withdrawalQueue() {
        return queue();
    }

    // ---------------------------------------------------------------------------------------------
    // Staking, wrapping, transfers
    // ---------------------------------------------------------------------------------------------

    /** Stakes {@code eth} for stETH, no referral; the result reports the stETH and shares minted (from the events). */
    public Operation<LiquidResult> stake(Amount eth) {
        return stake(eth, ZERO);
    }

    /**
     * Stakes {@code eth} (an amount of {@link Token#ETH}) for stETH with a referral address (Lido's
     * {@code submit(referral)}); refused before signing when it exceeds the current stake limit.
     */
    public Operation<LiquidResult> stake(Amount eth, String referral) {
        return EthStake.operation(ctx, "Lido", eth, referral, (plan, staker) -> plan
                .check(stakeLimitCheck(eth))
                .step(Step.of("submit " + eth, io.restake4j.contracts.lido.Lido::load, steth(), l -> l.call_submit(referral))
                        .withValue(eth.wei()))
                .result(ex -> new LiquidResult(ex, Amount.ofWei(minted(ex, steth(), staker), stETH()),
                        sharesMoved(ex, staker), List.of(), null)));
    }

    /**
     * Stakes {@code eth} and wraps it in one transaction (ether sent to wstETH is staked without a referral
     * and its shares minted as wstETH); the result reports the wstETH received.
     */
    public Operation<LiquidResult> stakeAndWrap(Amount eth) {
        Inputs.amountOf(eth, Token.ETH, "stake amount (Lido stakes ETH)");
        return ctx.<LiquidResult>operation("stake " + eth + " with Lido and wrap it into wstETH", plan -> {
            String staker = ctx.account();
            plan.check(stakeLimitCheck(eth))
                    .step(Step.raw("send " + eth + " to wstETH", wsteth(), "0x", eth.wei()))
                    .result(ex -> new LiquidResult(ex, Amount.ofWei(minted(ex, wsteth(), staker), wstETH()),
                            sharesMoved(ex, wsteth()), List.of(), null));
        });
    }

    private Check<BigInteger> stakeLimitCheck(Amount eth) {
        return Check.of("Lido stake limit", io.restake4j.contracts.lido.Lido::load, steth(),
                io.restake4j.contracts.lido.Lido::call_getCurrentStakeLimit)
                .require(ErrorCode.ABOVE_MAXIMUM, limit -> limit.compareTo(eth.wei()) >= 0,
                        limit -> limit.signum() == 0
                                ? "Lido accepts no stake now: staking is paused or its stake limit is used up"
                                : eth + " exceeds Lido's current stake limit of " + Amount.ofWei(limit, Token.ETH)
                                        + " (it grows back block by block; try a smaller amount or later)");
    }

    /** Wraps {@code stEth} into wstETH (approving wstETH exactly when the allowance is short). */
    public Operation<LiquidResult> wrap(Amount stEth) {
        Inputs.positive(stEth, "wrap amount");
        return ctx.<LiquidResult>operation("wrap " + stEth, plan -> {
            Inputs.amountOf(stEth, stETH(), "wrap amount");
            String owner = ctx.account();
            Approvals.require(plan, owner, wsteth(), stEth, ApprovalPolicy.EXACT);
            plan.step(Step.of("wrap " + stEth, WstETH::load, wsteth(), w -> w.call_wrap(stEth.wei())));
            plan.result(ex -> new LiquidResult(ex, Amount.ofWei(minted(ex, wsteth(), owner), wstETH()),
                    sharesMoved(ex, wsteth()), List.of(), null));
        });
    }

    /** Unwraps {@code wstEth} back into stETH; the result reports the stETH received. */
    public Operation<LiquidResult> unwrap(Amount wstEth) {
        Inputs.positive(wstEth, "unwrap amount");
        return ctx.<LiquidResult>operation("unwrap " + wstEth, plan -> {
            Inputs.amountOf(wstEth, wstETH(), "unwrap amount");
            String owner = ctx.account();
            Approvals.holds(plan, owner, wstEth);
            plan.step(Step.of("unwrap " + wstEth, WstETH::load, wsteth(), w -> w.call_unwrap(wstEth.wei())))
                    .result(ex -> new LiquidResult(ex, Amount.ofWei(minted(ex, steth(), owner), stETH()),
                            sharesMoved(ex, owner), List.of(), null));
        });
    }

    /**
     * Sends {@code shares} stETH shares to {@code to} ({@code transferShares}): the exact shares move, so no
     * rounding dust is created. The result's amount is the stETH value the contract reported.
     */
    public Operation<LiquidResult> transferShares(BigInteger shares, String to) {
        if (shares == null || shares.signum() <= 0) {
            throw new InvalidInputException(ErrorCode.NOT_POSITIVE, "shares to transfer must be positive, was " + shares);
        }
        Inputs.address(to, "recipient");
        return ctx.operation("transfer " + shares + " stETH shares to " + to, plan -> planShareTransfer(plan, shares, to));
    }

    private void planShareTransfer(Plan.Builder<LiquidResult> plan, BigInteger shares, String to) {
        String owner = ctx.account();
        plan.check(Check.of("stETH shares of " + owner, io.restake4j.contracts.lido.Lido::load, steth(),
                        l -> l.call_sharesOf(owner))
                        .require(ErrorCode.INSUFFICIENT_BALANCE, s -> s.compareTo(shares) >= 0, s -> shares + " shares exceed the " + s + " shares " + owner
                                + " holds"))
                .step(Step.of("transferShares " + shares + " to " + to, io.restake4j.contracts.lido.Lido::load, steth(),
                        l -> l.call_transferShares(to, shares)))
                .result(ex -> new LiquidResult(ex, Amount.ofWei(minted(ex, steth(), to), stETH()), sharesMoved(ex, to),
                        List.of(), null));
    }

    /**
     * "Send max": moves every stETH share of the client account to {@code to}, leaving exactly zero behind
     * (a transfer by amount of the whole balance can leave 1-2 wei, see {@link LidoRates}). The share count is
     * read at each preview and send; a rebase between that read and the transaction changes only its stETH
     * value, and a transfer out in between makes the simulation refuse it.
     */
    public Operation<LiquidResult> transferAll(String to) {
        Inputs.address(to, "recipient");
        return ctx.operation("transfer every stETH share to " + to, plan -> {
            String owner = ctx.account();
            BigInteger shares = ctx.reads().readOne(io.restake4j.contracts.lido.Lido::load, steth(),
                    l -> l.call_sharesOf(owner));
            if (shares.signum() == 0) {
                throw new InvalidInputException(ErrorCode.INSUFFICIENT_BALANCE, owner + " holds no stETH to send");
            }
            planShareTransfer(plan, shares, to);
        });
    }

    // ---------------------------------------------------------------------------------------------
    // Rates and positions
    // ---------------------------------------------------------------------------------------------

    /** The current share rate (total pooled ether and shares, one batched read). */
    public LidoRates rates() {
        ReadBatch batch = ctx.reads().newBatch();
        Read<BigInteger> pooled = batch.add(io.restake4j.contracts.lido.Lido::load, steth(),
                io.restake4j.contracts.lido.Lido::call_getTotalPooledEther);
        Read<BigInteger> shares = batch.add(io.restake4j.contracts.lido.Lido::load, steth(),
                io.restake4j.contracts.lido.Lido::call_getTotalShares);
        batch.execute();
        return new LidoRates(pooled.get(), shares.get());
    }

    /** The client account's stETH and wstETH positions. */
    public LiquidPositions positions() {
        return positions(ctx.account());
    }

    /**
     * {@code owner}'s stETH and wstETH positions, in one Multicall3 call: balances, shares, ether value at the
     * current rate (rounded down, as stETH does) and the owner's unclaimed withdrawal requests.
     */
    @SuppressWarnings("unchecked")
    public LiquidPositions positions(String owner) {
        Inputs.address(owner, "owner");
        ReadBatch batch = ctx.reads().newBatch();
        Read<BigInteger> stBalance = batch.add(io.restake4j.contracts.lido.Lido::load, steth(), l -> l.call_balanceOf(owner));
        Read<BigInteger> stShares = batch.add(io.restake4j.contracts.lido.Lido::load, steth(), l -> l.call_sharesOf(owner));
        Read<BigInteger> wstBalance = batch.add(WstETH::load, wsteth(), w -> w.call_balanceOf(owner));
        Read<BigInteger> pooled = batch.add(io.restake4j.contracts.lido.Lido::load, steth(),
                io.restake4j.contracts.lido.Lido::call_getTotalPooledEther);
        Read<BigInteger> total = batch.add(io.restake4j.contracts.lido.Lido::load, steth(),
                io.restake4j.contracts.lido.Lido::call_getTotalShares);
        @SuppressWarnings("rawtypes")
        Read<List> ids = batch.add(WithdrawalQueueERC721::load, queue(), q -> q.call_getWithdrawalRequests(owner));
        batch.execute();
        LidoRates rates = new LidoRates(pooled.get(), total.get());
        List<BigInteger> open = ((List<BigInteger>) ids.get()).stream().sorted().toList();
        return Holdings.rebasingAndWrapped(owner, Amount.ofWei(stBalance.get(), stETH()), Shares.of(stShares.get(), SHARES),
                Amount.ofWei(wstBalance.get(), wstETH()), rates.unwrappedFor(wstBalance.get()), open);
    }

    // ---------------------------------------------------------------------------------------------
    // Withdrawals
    // ---------------------------------------------------------------------------------------------

    /**
     * The withdrawal queue: requests (split within the per-request limits, with an approval or a permit), listing
     * with status and claimable ether, claims with checkpoint hints found at each run, the wait for finalization.
     */
    public LidoWithdrawals withdrawals() {
        return new LidoWithdrawals(ctx, this);
    }

    // ---------------------------------------------------------------------------------------------

    /** {@code token} moved to {@code to} in this execution (its Transfer events). */
    private static BigInteger minted(Execution ex, String token, String to) {
        return ex.transferred(token, null, to);
    }

    /** The sum of stETH's TransferShares events to {@code to} in this execution. */
    private Shares sharesMoved(Execution ex, String to) {
        return Shares.of(ex.sum(steth(), io.restake4j.contracts.lido.Lido::getTransferSharesEvents, t -> t.to.equalsIgnoreCase(to),
                t -> t.sharesValue), SHARES);
    }

    @Override
    public String toString() {
        return "Lido[stETH " + steth() + ", wstETH " + wsteth() + ", queue " + queue() + "]";
    }
}
