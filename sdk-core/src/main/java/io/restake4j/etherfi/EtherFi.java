package io.restake4j.etherfi;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

import io.restake4j.contracts.etherfi.EETH;
import io.restake4j.contracts.etherfi.LiquidityPool;
import io.restake4j.contracts.etherfi.WeETH;
import io.restake4j.contracts.etherfi.WithdrawRequestNFT;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.internal.Inputs;
import io.restake4j.liquid.LiquidPosition;
import io.restake4j.liquid.LiquidResult;
import io.restake4j.liquid.WithdrawalRequest;
import io.restake4j.liquid.WithdrawalStatus;
import io.restake4j.liquid.internal.RequestSplit;
import io.restake4j.network.Network;
import io.restake4j.read.LogFilter;
import io.restake4j.read.Read;
import io.restake4j.read.ReadBatch;
import io.restake4j.rpc.TransportFailures;
import io.restake4j.tokens.ApprovalPolicy;
import io.restake4j.tokens.Approvals;
import io.restake4j.tokens.PermitSignature;
import io.restake4j.tokens.Tokens;
import io.restake4j.tx.Check;
import io.restake4j.tx.Execution;
import io.restake4j.tx.Operation;
import io.restake4j.tx.Plan;
import io.restake4j.tx.Step;
import io.restake4j.ProtocolContext;
import io.restake4j.units.Amount;
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
 * LiquidResult req = etherFi.requestWithdrawal(Amount.parse("1", etherFi.eETH())).send();
 * // ... later, once ether.fi's oracle has finalized it:
 * etherFi.claimAllFinalized().send();
 * }</pre>
 */
public final class EtherFi {

    private static final String ZERO = "0x0000000000000000000000000000000000000000";
    private static final String PROTOCOL = "ether.fi";
    /** eETH's EIP-712 domain: not its {@code name()} ("ether.fi ETH"). */
    private static final String EETH_DOMAIN_NAME = "EETH";
    private static final String EETH_DOMAIN_VERSION = "1";
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
                throw new InvalidInputException("network " + network.name() + " knows no ether.fi deployment: it lacks the "
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
     * This facade, finding withdrawal requests ({@link #requests(String)}, {@link #positions(String)}) in the
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
            throw new InvalidInputException("the first block to read logs from must be zero or more, was " + block);
        }
        return new EtherFi(this, block);
    }

    /** eETH (18 decimals), ether.fi's rebasing token. */
    public Token eETH() {
        return Token.erc20(eeth, "eETH", 18);
    }

    /** weETH (18 decimals), the non-rebasing wrapper (1 weETH = 1 eETH share). */
    public Token weETH() {
        return Token.erc20(weeth, "weETH", 18);
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
        Inputs.amountOf(eth, Token.ETH, "stake amount (ether.fi stakes ETH)");
        Inputs.addressOrZero(referral, "referral (the zero address for none)");
        return ctx.<LiquidResult>operation("stake " + eth + " with ether.fi", plan -> {
            String staker = ctx.account();
            plan.step(Step.of("deposit " + eth, LiquidityPool::load, pool, p -> p.call_deposit(referral)).withValue(eth.wei()))
                    .result(ex -> new LiquidResult(ex, Amount.ofWei(eEthTo(ex, ZERO, staker), eETH()),
                            sharesTo(ex, ZERO, staker), List.of(), null));
        });
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
        BigInteger eEth = before.afterDeposit(eth.wei()).amountForShare(shares);
        if (shares.signum() == 0 || eEth.signum() == 0) {
            throw new InvalidInputException(eth + " is too small to mint eETH at the current rate");
        }
        EtherFiRates after = before.afterDeposit(eth.wei());
        Amount minted = Amount.ofWei(eEth, eETH());
        plan.quote("eETH minted", minted)
                .quote("weETH expected", Amount.ofWei(after.weEthForEEth(eEth), weETH()));
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
            plan.check(Approvals.balanceCheck(owner, weEth))
                    .step(Step.of("unwrap " + weEth, WeETH::load, weeth, w -> w.call_unwrap(weEth.wei())))
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
    public List<LiquidPosition> positions() {
        return positions(ctx.account());
    }

    /**
     * {@code owner}'s eETH and weETH positions: balances, eETH shares, ether value at the current rate
     * (rounded down, as the pool does) and the owner's unclaimed withdrawal requests (listed on the eETH
     * position). Two round trips: the NFT's {@code Transfer} logs to the owner, then one Multicall3 call with
     * the balances, the totals and the current owner of every request found.
     */
    public List<LiquidPosition> positions(String owner) {
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
        return List.of(
                new LiquidPosition(owner, Amount.ofWei(eBalance.get(), eETH()), eShares.get(),
                        Amount.ofWei(eBalance.get(), Token.ETH), open),
                new LiquidPosition(owner, Amount.ofWei(wBalance.get(), weETH()), wBalance.get(),
                        Amount.ofWei(rates.eEthForWeEth(wBalance.get()), Token.ETH), List.of()));
    }

    // ---------------------------------------------------------------------------------------------
    // Withdrawals
    // ---------------------------------------------------------------------------------------------

    /**
     * Requests the withdrawal of {@code eEth} through the LiquidityPool ({@code requestWithdraw}), which takes
     * the eETH and mints a WithdrawRequestNFT to the client account. An amount above the pool's
     * {@code maxWithdrawAmount} is split into requests within [{@code minWithdrawAmount},
     * {@code maxWithdrawAmount}] (a last part below the minimum borrows from the one before), one
     * {@code requestWithdraw} transaction each, since ether.fi has no batch request; the pool is approved once,
     * exactly for the total, when the allowance is short. Refused before signing below the minimum or above the
     * balance. The result carries the request ids (from {@code WithdrawRequestCreated}) and the shares locked.
     */
    public Operation<LiquidResult> requestWithdrawal(Amount eEth) {
        Inputs.amountOf(eEth, eETH(), "withdrawal amount");
        return ctx.<LiquidResult>operation("request the withdrawal of " + eEth + " from ether.fi", plan -> {
            List<BigInteger> parts = splitRequest(eEth);
            String owner = ctx.account();
            Approvals.require(plan, owner, pool, eEth, ApprovalPolicy.EXACT);
            for (BigInteger part : parts) {
                plan.step(Step.of("requestWithdraw " + Amount.ofWei(part, eETH()), LiquidityPool::load, pool,
                        p -> p.call_requestWithdraw(owner, part)));
            }
            plan.result(ex -> requestResult(ex, eEth));
        });
    }

    /**
     * As {@link #requestWithdrawal(Amount)}, with an eETH permit (EIP-2612, domain "EETH" version "1") for the
     * total signed here instead of an approval transaction: the first request is
     * {@code requestWithdrawWithPermit}, any further parts spend the rest of the permitted allowance. The permit
     * is signed at each preview and send, after the amount is checked, and is valid until {@code deadline};
     * building the operation signs nothing.
     */
    public Operation<LiquidResult> requestWithdrawalWithPermit(Amount eEth, Instant deadline) {
        Inputs.amountOf(eEth, eETH(), "withdrawal amount");
        Inputs.future(deadline, "permit deadline");
        return ctx.<LiquidResult>operation("request the withdrawal of " + eEth + " from ether.fi with a permit", plan -> {
            List<BigInteger> parts = splitRequest(eEth);
            String owner = ctx.account();
            PermitSignature p = ctx.tokens().signPermit(eEth, pool, deadline, EETH_DOMAIN_NAME, EETH_DOMAIN_VERSION);
            LiquidityPool.PermitInput permit = new LiquidityPool.PermitInput(p.value(), p.deadline(), p.v(), p.r(), p.s());
            plan.check(Approvals.balanceCheck(owner, eEth))
                    .step(Step.raw("requestWithdrawWithPermit " + Amount.ofWei(parts.get(0), eETH()), pool,
                            LiquidityPool.getABI_send_requestWithdrawWithPermit(owner, parts.get(0), permit), BigInteger.ZERO));
            for (BigInteger part : parts.subList(1, parts.size())) {
                plan.step(Step.of("requestWithdraw " + Amount.ofWei(part, eETH()), LiquidityPool::load, pool,
                        q -> q.call_requestWithdraw(owner, part)));
            }
            plan.result(ex -> requestResult(ex, eEth));
        });
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
            PermitSignature p = ctx.tokens().signPermit(eEth, weeth, deadline, EETH_DOMAIN_NAME, EETH_DOMAIN_VERSION);
            WeETH.PermitInput permit = new WeETH.PermitInput(p.value(), p.deadline(), p.v(), p.r(), p.s());
            plan.check(Approvals.balanceCheck(owner, eEth))
                    .step(Step.raw("wrapWithPermit " + eEth, weeth, WeETH.getABI_send_wrapWithPermit(eEth.wei(), permit),
                            BigInteger.ZERO))
                    .result(ex -> new LiquidResult(ex, Amount.ofWei(weEthMinted(ex, owner), weETH()),
                            sharesTo(ex, owner, weeth), List.of(), null));
        });
    }

    private LiquidResult requestResult(Execution ex, Amount eEth) {
        List<WithdrawRequestNFT.WithdrawRequestCreatedEventResponse> created =
                ex.events(nft, WithdrawRequestNFT::getWithdrawRequestCreatedEvents);
        List<BigInteger> ids = created.stream().map(e -> e.requestId).sorted().toList();
        BigInteger shares = created.stream().map(e -> e.shareOfEEth).reduce(BigInteger.ZERO, BigInteger::add);
        return new LiquidResult(ex, eEth, shares, ids, null);
    }

    /** The parts a request of {@code eEth} is split into, within the pool's bounds (one batched read). */
    private List<BigInteger> splitRequest(Amount eEth) {
        Inputs.amountOf(eEth, eETH(), "withdrawal amount");
        ReadBatch batch = ctx.reads().newBatch();
        Read<BigInteger> min = batch.add(LiquidityPool::load, pool, LiquidityPool::call_minWithdrawAmount);
        Read<BigInteger> max = batch.add(LiquidityPool::load, pool, LiquidityPool::call_maxWithdrawAmount);
        batch.execute();
        if (eEth.wei().compareTo(min.get()) < 0) {
            throw new InvalidInputException(eEth + " is below ether.fi's minimum withdrawal request (minWithdrawAmount "
                    + Amount.ofWei(min.get(), eETH()) + ")");
        }
        return RequestSplit.split(eEth.wei(), min.get(), max.get(), "an ether.fi withdrawal request", "eETH");
    }

    /** The client account's unclaimed withdrawal requests; see {@link #requests(String)}. */
    public List<WithdrawalRequest> requests() {
        return requests(ctx.account());
    }

    /**
     * The withdrawal requests {@code owner} holds now (claimed ones are burnt and no longer listed), ascending
     * by id, from chain state alone: the NFT's {@code Transfer} logs to the owner give the candidate ids, then
     * one Multicall3 call reads each one's current owner, request, finalization and claimable ether. A pending
     * request's place in the queue is its distance to the last finalized id (ids are finalized in order).
     */
    public List<WithdrawalRequest> requests(String owner) {
        Inputs.address(owner, "owner");
        List<BigInteger> candidates = requestIdsReceivedBy(owner);
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<RequestState> states = readStates(candidates);
        List<WithdrawalRequest> out = new ArrayList<>();
        for (RequestState s : states) {
            if (s.owner != null && s.owner.equalsIgnoreCase(owner)) {
                out.add(s.toRequest(this));
            }
        }
        return out;
    }

    /** Claims every finalized request the client account holds, in one transaction; refused when there is none. */
    public Operation<LiquidResult> claimAllFinalized() {
        return ctx.operation("claim every finalized ether.fi withdrawal request", plan -> {
            List<BigInteger> ids = requests().stream().filter(WithdrawalRequest::isClaimable).map(WithdrawalRequest::id)
                    .toList();
            if (ids.isEmpty()) {
                throw new InvalidInputException(ctx.account() + " has no finalized, unclaimed ether.fi withdrawal request");
            }
            planClaim(plan, ids);
        });
    }

    /** Claims one request ({@code claimWithdraw}); see {@link #claim(List)}. */
    public Operation<LiquidResult> claim(BigInteger requestId) {
        return claim(List.of(requestId));
    }

    /**
     * Claims these requests in one transaction ({@code claimWithdraw} for one, {@code batchClaimWithdraw} for
     * several). Claims are permissionless: the ether always goes to each NFT's owner, who may be another
     * account. Refused before signing for an unknown id, a request already claimed, or one not finalized yet.
     * The result reports the ether paid (from {@code WithdrawRequestClaimed}) and the shares burnt.
     */
    public Operation<LiquidResult> claim(List<BigInteger> requestIds) {
        if (requestIds == null || requestIds.isEmpty()) {
            throw new InvalidInputException("no withdrawal requests to claim");
        }
        List<BigInteger> ids = requestIds.stream().sorted(Comparator.naturalOrder()).distinct().toList();
        return ctx.operation("claim ether.fi withdrawal requests " + ids, plan -> planClaim(plan, ids));
    }

    private void planClaim(Plan.Builder<LiquidResult> plan, List<BigInteger> ids) {
        requireIssued(ids);
        for (RequestState s : readStates(ids)) {
            if (s.owner == null) {
                throw new InvalidInputException("ether.fi withdrawal request " + s.id + " was already claimed (its NFT is burnt)");
            }
            if (!s.finalized) {
                throw new InvalidInputException("ether.fi withdrawal request " + s.id + " is not finalized yet: nothing can be "
                        + "claimed before ether.fi's oracle finalizes it (position " + s.id.subtract(s.lastFinalized)
                        + " in the queue)");
            }
        }
        Step step = ids.size() == 1
                ? Step.raw("claimWithdraw " + ids.get(0), nft, WithdrawRequestNFT.getABI_send_claimWithdraw(ids.get(0)),
                        BigInteger.ZERO)
                : Step.raw("batchClaimWithdraw " + ids, nft, WithdrawRequestNFT.getABI_send_batchClaimWithdraw(ids),
                        BigInteger.ZERO);
        plan.step(step)
                .result(ex -> {
                    List<WithdrawRequestNFT.WithdrawRequestClaimedEventResponse> claimed =
                            ex.events(nft, WithdrawRequestNFT::getWithdrawRequestClaimedEvents);
                    BigInteger eth = claimed.stream().map(e -> e.amountOfEEth).reduce(BigInteger.ZERO, BigInteger::add);
                    BigInteger shares = claimed.stream().map(e -> e.shareOfEEth).reduce(BigInteger.ZERO, BigInteger::add);
                    return new LiquidResult(ex, Amount.ofWei(eth, Token.ETH), shares,
                            claimed.stream().map(e -> e.requestId).sorted().toList(), null);
                });
    }

    /**
     * These withdrawal requests, whoever holds them, claimed ones included ({@link WithdrawalStatus#CLAIMED}),
     * ascending by id; refused for an id never issued. ether.fi deletes a request and burns its NFT when it is
     * claimed, so a claimed one reads with the zero address as owner and zero eETH requested. Two batched reads.
     */
    public List<WithdrawalRequest> requestsById(List<BigInteger> requestIds) {
        if (requestIds == null || requestIds.isEmpty()) {
            throw new InvalidInputException("no withdrawal request ids given");
        }
        List<BigInteger> ids = requestIds.stream().sorted(Comparator.naturalOrder()).distinct().toList();
        requireIssued(ids);
        return readStates(ids).stream().map(s -> s.toRequest(this)).toList();
    }

    private void requireIssued(List<BigInteger> ids) {
        ReadBatch batch = ctx.reads().newBatch();
        Read<BigInteger> next = batch.add(WithdrawRequestNFT::load, nft, WithdrawRequestNFT::call_nextRequestId);
        batch.execute();
        for (BigInteger id : ids) {
            if (id.signum() <= 0 || id.compareTo(next.get()) >= 0) {
                throw new InvalidInputException("there is no ether.fi withdrawal request " + id + " (the last one is "
                        + next.get().subtract(BigInteger.ONE) + ")");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** One request's state from one batched read; {@code owner} is null when the NFT no longer exists. */
    private record RequestState(BigInteger id, String owner, BigInteger amountOfEEth, boolean finalized, BigInteger claimable,
            BigInteger lastFinalized) {

        WithdrawalRequest toRequest(EtherFi etherFi) {
            if (owner == null) { // claimed: the NFT is burnt and the request deleted
                return new WithdrawalRequest(PROTOCOL, id, ZERO, Amount.ofWei(BigInteger.ZERO, etherFi.eETH()),
                        Amount.ofWei(BigInteger.ZERO, Token.ETH), WithdrawalStatus.CLAIMED, BigInteger.ZERO);
            }
            WithdrawalStatus status = finalized ? WithdrawalStatus.FINALIZED : WithdrawalStatus.PENDING;
            BigInteger position = finalized ? BigInteger.ZERO : id.subtract(lastFinalized);
            return new WithdrawalRequest(PROTOCOL, id, owner, Amount.ofWei(amountOfEEth, etherFi.eETH()),
                    Amount.ofWei(finalized ? claimable : BigInteger.ZERO, Token.ETH), status, position);
        }
    }

    /** ownerOf, getRequest, isFinalized and getClaimableAmount of every id, and lastFinalizedRequestId: one Multicall3 call. */
    private List<RequestState> readStates(List<BigInteger> ids) {
        ReadBatch batch = ctx.reads().newBatch();
        Read<BigInteger> lastFinalized = batch.add(WithdrawRequestNFT::load, nft, WithdrawRequestNFT::call_lastFinalizedRequestId);
        List<Read<String>> owners = new ArrayList<>();
        List<Read<WithdrawRequestNFT.WithdrawRequest>> requests = new ArrayList<>();
        List<Read<Boolean>> finalized = new ArrayList<>();
        List<Read<BigInteger>> claimable = new ArrayList<>();
        for (BigInteger id : ids) {
            owners.add(batch.add(WithdrawRequestNFT::load, nft, n -> n.call_ownerOf(id)));
            requests.add(batch.add(WithdrawRequestNFT::load, nft, n -> n.call_getRequest(id)));
            finalized.add(batch.add(WithdrawRequestNFT::load, nft, n -> n.call_isFinalized(id)));
            claimable.add(batch.add(WithdrawRequestNFT::load, nft, n -> n.call_getClaimableAmount(id))); // reverts while pending
        }
        batch.execute();
        List<RequestState> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String owner = owners.get(i).succeeded() ? owners.get(i).get() : null;
            boolean isFinal = finalized.get(i).get();
            BigInteger eth = isFinal && claimable.get(i).succeeded() ? claimable.get(i).get() : BigInteger.ZERO;
            out.add(new RequestState(ids.get(i), owner, requests.get(i).get().amountOfEEth, isFinal, eth, lastFinalized.get()));
        }
        return out;
    }

    /** Token ids of every WithdrawRequestNFT ever transferred (or minted) to {@code owner}, ascending (eth_getLogs). */
    private List<BigInteger> requestIdsReceivedBy(String owner) {
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

    /** The sum of eETH's Transfer events from {@code from} to {@code to} in this execution. */
    private BigInteger eEthTo(Execution ex, String from, String to) {
        return ex.events(eeth, EETH::getTransferEvents).stream()
                .filter(t -> t.from.equalsIgnoreCase(from) && t.to.equalsIgnoreCase(to))
                .map(t -> t.value).reduce(BigInteger.ZERO, BigInteger::add);
    }

    /** The sum of eETH's TransferShares events from {@code from} to {@code to} in this execution. */
    private BigInteger sharesTo(Execution ex, String from, String to) {
        return ex.events(eeth, EETH::getTransferSharesEvents).stream()
                .filter(t -> t.from.equalsIgnoreCase(from) && t.to.equalsIgnoreCase(to))
                .map(t -> t.sharesValue).reduce(BigInteger.ZERO, BigInteger::add);
    }

    /** weETH minted to {@code owner}: its Transfer events from address 0. */
    private BigInteger weEthMinted(Execution ex, String owner) {
        return ex.events(weeth, WeETH::getTransferEvents).stream()
                .filter(t -> t.from.equalsIgnoreCase(ZERO) && t.to.equalsIgnoreCase(owner))
                .map(t -> t.value).reduce(BigInteger.ZERO, BigInteger::add);
    }

    @Override
    public String toString() {
        return "EtherFi[LiquidityPool " + pool + ", eETH " + eeth + ", weETH " + weeth + ", WithdrawRequestNFT " + nft + "]";
    }
}
