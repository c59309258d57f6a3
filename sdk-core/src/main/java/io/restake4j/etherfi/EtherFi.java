package io.restake4j.etherfi;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

import io.restake4j.contracts.etherfi.EETH;
import io.restake4j.contracts.etherfi.LiquidityPool;
import io.restake4j.contracts.etherfi.WeETH;
import io.restake4j.contracts.etherfi.WithdrawRequestNFT;
import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.internal.Inputs;
import io.restake4j.liquid.internal.Holdings;
import io.restake4j.liquid.LiquidResult;
import io.restake4j.liquid.internal.EthStake;
import io.restake4j.liquid.LiquidPositions;
import io.restake4j.network.Network;
import io.restake4j.read.LogFilter;
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
 * ether.fi for stakers: stake ETH for eETH (or straight on into weETH), wrap and unwrap, the eETH share rate,
 * withdrawal requests (WithdrawRequestNFTs) with the pool's minimum and maximum checked before signing,
 * listing them from chain state with status, claimable ether and place in the queue, claims, and positions.
 *
 * <p>Addresses come from the network's {@code etherfi.LiquidityPool}, {@code etherfi.eETH},
 * {@code etherfi.weETH} and {@code etherfi.WithdrawRequestNFT} entries (a devnet's address book has them).
 * The contracts are those of ether.fi's 26Q2 upgrade: requests are bounded by {@code minWithdrawAmount} /
 * {@code maxWithdrawAmount}, a finalized request pays {@code min(amount requested, shares × rate frozen at
 * finalization)}, and claims are permissionless, always paying the NFT's owner. Deposits and claims spend
 * ether.fi's global eETH mint / burn rate limit; a transaction beyond it fails its simulation with
 * {@code LimitExceeded()} and nothing is sent.
 *
 * <pre>{@code
 * EtherFi etherFi = client.etherFi();
 * etherFi.stake(Amount.parse("2", Token.ETH)).send();
 * LiquidResult req = etherFi.withdrawals().request(Amount.parse("1", etherFi.eETH())).send();
 * // ... later, once ether.fi's oracle has finalized it:
 * etherFi.withdrawals().claimAllReady().send();
 * }</pre>
 */
public final class EtherFi {

    /** The unit of eETH's shares (what weETH counts). */
    static final String SHARES = "eETH shares";

    private static final String ZERO = "0x0000000000000000000000000000000000000000";
    /** eETH's EIP-712 domain: not its {@code name()} ("ether.fi ETH"). */
    static final String EETH_DOMAIN_NAME = "EETH";
    static final String EETH_DOMAIN_VERSION = "1";
    private static final String TRANSFER_TOPIC = Hash.sha3String("Transfer(address,address,uint256)");

    private final ProtocolContext ctx;
    private final String pool;
    private final String eeth;
    private final String weeth;
    private final String nft;
    private final BigInteger logsFrom;

    /** For {@code Restaking}; use {@code client.etherFi()}. */
    public EtherFi(ProtocolContext ctx) {
        this.ctx = java.util.Objects.requireNonNull(ctx, "ctx");
        Network network = ctx.network();
        for (String key : List.of("etherfi.LiquidityPool", "etherfi.eETH", "etherfi.weETH", "etherfi.WithdrawRequestNFT")) {
            if (network.address(key).isEmpty()) {
                throw new InvalidInputException(ErrorCode.UNKNOWN_DEPLOYMENT, "network " + network.name() + " knows no ether.fi deployment: it lacks the "
                        + key + " address (etherfi.LiquidityPool, etherfi.eETH, etherfi.weETH and etherfi.WithdrawRequestNFT "
                        + "are needed)");
            }
        }
        this.pool = network.require("etherfi.LiquidityPool");
        this.eeth = network.require("etherfi.eETH");
        this.weeth = network.require("etherfi.weETH");
        this.nft = network.require("etherfi.WithdrawRequestNFT");
        this.logsFrom = BigInteger.ZERO;
    }

    private EtherFi(EtherFi base, BigInteger logsFrom) {
        this.ctx = base.ctx;
        this.pool = base.pool;
        this.eeth = base.eeth;
        this.weeth = base.weeth;
        this.nft = base.nft;
        this.logsFrom = logsFrom;
    }

    /**
     * This facade, finding withdrawal requests ({@link EtherFiWithdrawals#pending(String)}, {@link #positions(String)}) in the
     * WithdrawRequestNFT's logs from {@code block} on instead of from the earliest block. Nodes and providers
     * that cap the block range of {@code eth_getLogs} need it on mainnet: pass a block at or before the
     * account's first request (or the NFT contract's deployment block).
     *
     * <pre>{@code
     * EtherFi etherFi = client.etherFi().withLogsFromBlock(BigInteger.valueOf(19_000_000));
     * }</pre>
     */
    public EtherFi withLogsFromBlock(BigInteger block) {
        if (block == null || block.signum() < 0) {
            throw new InvalidInputException(ErrorCode.OUT_OF_RANGE, "the first block to read logs from must be zero or more, was " + block);
        }
        return new EtherFi(this, block);
    }

    /** eETH (18 decimals), ether.fi's rebasing token. */
    public Token eETH() {
        return Token.erc20(ctx.network().chainId(), eeth, "eETH", 18);
    }

    /** weETH (18 decimals), the non-rebasing wrapper (1 weETH = 1 eETH share). */
    public Token weETH() {
        return Token.erc20(ctx.network().chainId(), weeth, "weETH", 18);
    }

    /** The LiquidityPool address (ETH deposits, withdrawal requests). */
    public String liquidityPool() {
        return pool;
    }

    /** The WithdrawRequestNFT address. */
    public String withdrawRequestNFT() {
        return nft;
    }

    // ---------------------------------------------------------------------------------------------
    // Staking and wrapping
    // ---------------------------------------------------------------------------------------------

    /** Stakes {@code eth} for eETH, no referral; see {@link #stake(Amount, String)}. */
    public Operation<LiquidResult> stake(Amount eth) {
        return stake(eth, ZERO);
    }

    /**
     * Deposits {@code eth} (an amount of {@link Token#ETH}) into the LiquidityPool with a referral address
     * ({@code deposit(referral)}). The result reports the eETH and shares minted, read from eETH's
     * {@code Transfer} and {@code TransferShares} events.
     */
    public Operation<LiquidResult> stake(Amount eth, String referral) {
        return EthStake.operation(ctx, "ether.fi", eth, referral, (plan, staker) -> plan
                .step(Step.of("deposit " + eth, LiquidityPool::load, pool, p -> p.call_deposit(referral)).withValue(eth.wei()))
                .result(ex -> new LiquidResult(ex, Amount.ofWei(eEthTo(ex, ZERO, staker), eETH()),
                        sharesTo(ex, ZERO, staker), List.of(), null)));
    }

    /**
     * Stakes {@code eth} and wraps what it mints into weETH, as one operation: deposit, an approval of eETH to
     * weETH only when the allowance is short, and {@code wrap} of the eETH the deposit mints (computed at each
     * preview and send from the pool's totals of that moment, exactly as the pool rounds; the preview quotes it).
     * All steps are simulated together before the first is signed. The result reports the weETH received.
     */
    public Operation<LiquidResult> stakeAndWrap(Amount eth) {
        Inputs.amountOf(eth, Token.ETH, "stake amount (ether.fi stakes ETH)");
        return ctx.operation("stake " + eth + " with ether.fi and wrap it into weETH", plan -> planStakeAndWrap(plan, eth));
    }

    private void planStakeAndWrap(Plan.Builder<LiquidResult> plan, Amount eth) {
        String owner = ctx.account();
        EtherFiRates before = rates();
        BigInteger shares = before.sharesForDeposit(eth.wei());
        BigInteger eEth = before.afterDeposit(eth.wei()).amountFor(shares);
        if (shares.signum() == 0 || eEth.signum() == 0) {
            throw new InvalidInputException(ErrorCode.BELOW_MINIMUM, eth + " is too small to mint eETH at the current rate");
        }
        EtherFiRates after = before.afterDeposit(eth.wei());
        Amount minted = Amount.ofWei(eEth, eETH());
        plan.quote("eETH minted", minted)
                .quote("weETH expected", Amount.ofWei(after.wrappedFor(eEth), weETH()));
        Check<BigInteger> allowance = Check.of("eETH allowance of weETH", EETH::load, eeth, e -> e.call_allowance(owner, weeth));
        plan.check(allowance);
        plan.step(Step.of("deposit " + eth, LiquidityPool::load, pool, p -> p.call_deposit(ZERO)).withValue(eth.wei()));
        plan.stepIf(r -> r.get(allowance).compareTo(eEth) < 0, Step.raw("approve " + minted + " for weETH", eeth,
                EETH.getABI_send_approve(weeth, eEth), BigInteger.ZERO));
        plan.step(Step.of("wrap " + minted, WeETH::load, weeth, w -> w.call_wrap(eEth)));
        plan.result(ex -> new LiquidResult(ex, Amount.ofWei(weEthMinted(ex, owner), weETH()), sharesTo(ex, owner, weeth),
                List.of(), null));
    }

    /** Wraps {@code eEth} into weETH (approving weETH exactly when the allowance is short); the result is the weETH minted. */
    public Operation<LiquidResult> wrap(Amount eEth) {
        Inputs.amountOf(eEth, eETH(), "wrap amount");
        return ctx.<LiquidResult>operation("wrap " + eEth, plan -> {
            String owner = ctx.account();
            Approvals.require(plan, owner, weeth, eEth, ApprovalPolicy.EXACT);
            plan.step(Step.of("wrap " + eEth, WeETH::load, weeth, w -> w.call_wrap(eEth.wei())));
            plan.result(ex -> new LiquidResult(ex, Amount.ofWei(weEthMinted(ex, owner), weETH()), sharesTo(ex, owner, weeth),
                    List.of(), null));
        });
    }

    /** Unwraps {@code weEth} into eETH; the result is the eETH sent back and the shares it moved. */
    public Operation<LiquidResult> unwrap(Amount weEth) {
        Inputs.amountOf(weEth, weETH(), "unwrap amount");
        return ctx.<LiquidResult>operation("unwrap " + weEth, plan -> {
            String owner = ctx.account();
            Approvals.holds(plan, owner, weEth);
            plan.step(Step.of("unwrap " + weEth, WeETH::load, weeth, w -> w.call_unwrap(weEth.wei())))
                    .result(ex -> new LiquidResult(ex, Amount.ofWei(eEthTo(ex, weeth, owner), eETH()),
                            sharesTo(ex, weeth, owner), List.of(), null));
        });
    }

    // ---------------------------------------------------------------------------------------------
    // Rates and positions
    // ---------------------------------------------------------------------------------------------

    /** The current share rate (total pooled ether and total eETH shares, one batched read). */
    public EtherFiRates rates() {
        ReadBatch batch = ctx.reads().newBatch();
        Read<BigInteger> pooled = batch.add(LiquidityPool::load, pool, LiquidityPool::call_getTotalPooledEther);
        Read<BigInteger> shares = batch.add(EETH::load, eeth, EETH::call_totalShares);
        batch.execute();
        return new EtherFiRates(pooled.get(), shares.get());
    }

    /** The client account's eETH and weETH positions. */
    public LiquidPositions positions() {
        return positions(ctx.account());
    }

    /**
     * {@code owner}'s eETH and weETH positions: balances, eETH shares, ether value at the current rate
     * (rounded down, as the pool does) and the owner's unclaimed withdrawal requests (listed on the eETH
     * position). Two round trips: the NFT's {@code Transfer} logs to the owner, then one Multicall3 call with
     * the balances, the totals and the current owner of every request found.
     */
    public LiquidPositions positions(String owner) {
        Inputs.address(owner, "owner");
        List<BigInteger> candidates = requestIdsReceivedBy(owner);
        ReadBatch batch = ctx.reads().newBatch();
        Read<BigInteger> eBalance = batch.add(EETH::load, eeth, e -> e.call_balanceOf(owner));
        Read<BigInteger> eShares = batch.add(EETH::load, eeth, e -> e.call_shares(owner));
        Read<BigInteger> wBalance = batch.add(WeETH::load, weeth, w -> w.call_balanceOf(owner));
        Read<BigInteger> pooled = batch.add(LiquidityPool::load, pool, LiquidityPool::call_getTotalPooledEther);
        Read<BigInteger> total = batch.add(EETH::load, eeth, EETH::call_totalShares);
        List<Read<String>> owners = new ArrayList<>();
        for (BigInteger id : candidates) {
            owners.add(batch.add(WithdrawRequestNFT::load, nft, n -> n.call_ownerOf(id)));
        }
        batch.execute();
        EtherFiRates rates = new EtherFiRates(pooled.get(), total.get());
        List<BigInteger> open = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (owners.get(i).succeeded() && owners.get(i).get().equalsIgnoreCase(owner)) {
                open.add(candidates.get(i));
            }
        }
        return Holdings.rebasingAndWrapped(owner, Amount.ofWei(eBalance.get(), eETH()), Shares.of(eShares.get(), SHARES),
                Amount.ofWei(wBalance.get(), weETH()), rates.unwrappedFor(wBalance.get()), open);
    }

    // ---------------------------------------------------------------------------------------------
    // Withdrawals
    // ---------------------------------------------------------------------------------------------

    /**
     * The withdrawal queue (WithdrawRequestNFTs): requests within the pool's bounds, with an approval or a permit;
     * the requests an account holds, found through the NFT's logs (from {@link #withLogsFromBlock(BigInteger)}'s
     * block on); permissionless claims; the wait for finalization.
     */
    public EtherFiWithdrawals withdrawals() {
        return new EtherFiWithdrawals(ctx, this);
    }

    /**
     * As {@link #wrap(Amount)}, with an eETH permit for weETH (signed at each preview and send) instead of an
     * approval transaction: one {@code wrapWithPermit} transaction.
     */
    public Operation<LiquidResult> wrapWithPermit(Amount eEth, Instant deadline) {
        Inputs.amountOf(eEth, eETH(), "wrap amount");
        Inputs.future(deadline, "permit deadline");
        return ctx.<LiquidResult>operation("wrap " + eEth + " with a permit", plan -> {
            String owner = ctx.account();
            WeETH.PermitInput permit = Approvals.permit(plan, ctx.tokens(), owner, eEth, weeth, deadline, EETH_DOMAIN_NAME,
                    EETH_DOMAIN_VERSION).as(WeETH.PermitInput::new);
            plan.step(Step.raw("wrapWithPermit " + eEth, weeth, WeETH.getABI_send_wrapWithPermit(eEth.wei(), permit),
                            BigInteger.ZERO))
                    .result(ex -> new LiquidResult(ex, Amount.ofWei(weEthMinted(ex, owner), weETH()),
                            sharesTo(ex, owner, weeth), List.of(), null));
        });
    }

    // ---------------------------------------------------------------------------------------------

    /** Token ids of every WithdrawRequestNFT ever transferred (or minted) to {@code owner}, ascending (eth_getLogs). */
    List<BigInteger> requestIdsReceivedBy(String owner) {
        LogFilter received = LogFilter.of(nft).topic(0, TRANSFER_TOPIC).topic(2, LogFilter.addressTopic(owner))
                .fromBlock(logsFrom);
        Set<BigInteger> ids = new LinkedHashSet<>();
        for (Log log : ctx.logs().scan(received).logs()) {
            if (log.getTopics().size() == 4) {
                ids.add(Numeric.toBigInt(log.getTopics().get(3)));
            }
        }
        return ids.stream().sorted().toList();
    }

    /** eETH moved from {@code from} to {@code to} in this execution (its Transfer events). */
    private BigInteger eEthTo(Execution ex, String from, String to) {
        return ex.transferred(eeth, from, to);
    }

    /** The sum of eETH's TransferShares events from {@code from} to {@code to} in this execution. */
    private Shares sharesTo(Execution ex, String from, String to) {
        return Shares.of(ex.sum(eeth, EETH::getTransferSharesEvents,
                t -> t.from.equalsIgnoreCase(from) && t.to.equalsIgnoreCase(to), t -> t.sharesValue), SHARES);
    }

    /** weETH minted to {@code owner}: its Transfer events from address 0. */
    private BigInteger weEthMinted(Execution ex, String owner) {
        return ex.transferred(weeth, ZERO, owner);
    }

    @Override
    public String toString() {
        return "EtherFi[LiquidityPool " + pool + ", eETH " + eeth + ", weETH " + weeth + ", WithdrawRequestNFT " + nft + "]";
    }
}
