package io.restake4j.etherfi;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.restake4j.ProtocolContext;
import io.restake4j.contracts.etherfi.LiquidityPool;
import io.restake4j.contracts.etherfi.WithdrawRequestNFT;
import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.exits.ExitStatus;
import io.restake4j.internal.Inputs;
import io.restake4j.liquid.LiquidResult;
import io.restake4j.liquid.LiquidWithdrawal;
import io.restake4j.liquid.LiquidWithdrawalQueue;
import io.restake4j.liquid.internal.RequestSplit;
import io.restake4j.read.Read;
import io.restake4j.read.ReadBatch;
import io.restake4j.tokens.ApprovalPolicy;
import io.restake4j.tokens.Approvals;
import io.restake4j.tx.Execution;
import io.restake4j.tx.Operation;
import io.restake4j.tx.Plan;
import io.restake4j.tx.Step;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * ether.fi's withdrawal queue (WithdrawRequestNFTs): requests within the pool's {@code minWithdrawAmount} /
 * {@code maxWithdrawAmount}, with an approval or a permit; the requests an account holds, found through the NFT's
 * {@code Transfer} logs, with status, claimable ether and place in the queue; permissionless claims that always pay
 * each NFT's holder; the wait for the oracle's finalization.
 *
 * <pre>{@code
 * EtherFiWithdrawals queue = client.etherFi().withdrawals();
 * LiquidResult req = queue.request(Amount.parse("1", client.etherFi().eETH())).send();
 * LiquidWithdrawal w = queue.awaitClaimable(queue.byId(req.requestIds().get(0)), Duration.ofDays(7));
 * queue.claim(w).send();
 * }</pre>
 */
public final class EtherFiWithdrawals extends LiquidWithdrawalQueue {

    private static final String ZERO = "0x0000000000000000000000000000000000000000";

    private final EtherFi etherFi;
    private final String pool;
    private final String nft;

    EtherFiWithdrawals(ProtocolContext ctx, EtherFi etherFi) {
        super(ctx, "ether.fi", EtherFi.SHARES);
        this.etherFi = etherFi;
        this.pool = etherFi.liquidityPool();
        this.nft = etherFi.withdrawRequestNFT();
    }

    /**
     * Requests the withdrawal of {@code eEth} through the LiquidityPool ({@code requestWithdraw}), which takes
     * the eETH and mints a WithdrawRequestNFT to the client account. An amount above the pool's
     * {@code maxWithdrawAmount} is split into requests within [{@code minWithdrawAmount},
     * {@code maxWithdrawAmount}] (a last part below the minimum borrows from the one before), one
     * {@code requestWithdraw} transaction each, since ether.fi has no batch request; the pool is approved once,
     * exactly for the total, when the allowance is short. Refused before signing below the minimum or above the
     * balance. The result carries the request ids (from {@code WithdrawRequestCreated}) and the shares locked.
     */
    @Override
    public Operation<LiquidResult> request(Amount eEth) {
        Inputs.amountOf(eEth, etherFi.eETH(), "withdrawal amount");
        return ctx.<LiquidResult>operation("request the withdrawal of " + eEth + " from ether.fi", plan -> {
            List<BigInteger> parts = splitRequest(eEth);
            String owner = ctx.account();
            Approvals.require(plan, owner, pool, eEth, ApprovalPolicy.EXACT);
            for (BigInteger part : parts) {
                plan.step(Step.of("requestWithdraw " + Amount.ofWei(part, etherFi.eETH()), LiquidityPool::load, pool,
                        p -> p.call_requestWithdraw(owner, part)));
            }
            plan.result(ex -> requestResult(ex, eEth));
        });
    }

    /**
     * As {@link #request(Amount)}, with an eETH permit (EIP-2612, domain "EETH" version "1") for the total signed
     * at each run instead of an approval transaction: the first request is {@code requestWithdrawWithPermit}, any
     * further parts spend the rest of the permitted allowance. The permit is valid until {@code deadline};
     * building the operation signs nothing.
     */
    public Operation<LiquidResult> requestWithPermit(Amount eEth, Instant deadline) {
        Inputs.amountOf(eEth, etherFi.eETH(), "withdrawal amount");
        Inputs.future(deadline, "permit deadline");
        return ctx.<LiquidResult>operation("request the withdrawal of " + eEth + " from ether.fi with a permit", plan -> {
            List<BigInteger> parts = splitRequest(eEth);
            String owner = ctx.account();
            LiquidityPool.PermitInput permit = Approvals.permit(plan, ctx.tokens(), owner, eEth, pool, deadline,
                    EtherFi.EETH_DOMAIN_NAME, EtherFi.EETH_DOMAIN_VERSION).as(LiquidityPool.PermitInput::new);
            plan.step(Step.raw("requestWithdrawWithPermit " + Amount.ofWei(parts.get(0), etherFi.eETH()), pool,
                            LiquidityPool.getABI_send_requestWithdrawWithPermit(owner, parts.get(0), permit), BigInteger.ZERO));
            for (BigInteger part : parts.subList(1, parts.size())) {
                plan.step(Step.of("requestWithdraw " + Amount.ofWei(part, etherFi.eETH()), LiquidityPool::load, pool,
                        q -> q.call_requestWithdraw(owner, part)));
            }
            plan.result(ex -> requestResult(ex, eEth));
        });
    }

    private LiquidResult requestResult(Execution ex, Amount eEth) {
        return requested(ex, eEth, ex.events(nft, WithdrawRequestNFT::getWithdrawRequestCreatedEvents),
                e -> e.requestId, e -> e.shareOfEEth);
    }

    /** The parts a request of {@code eEth} is split into, within the pool's bounds (one batched read). */
    private List<BigInteger> splitRequest(Amount eEth) {
        ReadBatch batch = ctx.reads().newBatch();
        Read<BigInteger> min = batch.add(LiquidityPool::load, pool, LiquidityPool::call_minWithdrawAmount);
        Read<BigInteger> max = batch.add(LiquidityPool::load, pool, LiquidityPool::call_maxWithdrawAmount);
        batch.execute();
        if (eEth.wei().compareTo(min.get()) < 0) {
            throw new InvalidInputException(ErrorCode.BELOW_MINIMUM, eEth + " is below ether.fi's minimum withdrawal request (minWithdrawAmount "
                    + Amount.ofWei(min.get(), etherFi.eETH()) + ")");
        }
        return RequestSplit.split(eEth.wei(), min.get(), max.get(), "an ether.fi withdrawal request", "eETH");
    }

    /**
     * The withdrawal requests {@code owner} holds now (claimed ones are burnt and no longer listed), ascending
     * by id, from chain state alone: the NFT's {@code Transfer} logs to the owner give the candidate ids, then
     * one Multicall3 call reads each one's current owner, request, finalization and claimable ether. A pending
     * request's place in the queue is its distance to the last finalized id (ids are finalized in order).
     */
    @Override
    public List<LiquidWithdrawal> pending(String owner) {
        Inputs.address(owner, "owner");
        List<BigInteger> candidates = etherFi.requestIdsReceivedBy(owner);
        if (candidates.isEmpty()) {
            return List.of();
        }
        return readStates(candidates).stream().filter(w -> w.owner().equalsIgnoreCase(owner)).toList();
    }

    /**
     * ether.fi deletes a request and burns its NFT when it is claimed, so a claimed one reads with the zero
     * address as owner and zero eETH locked. Two batched reads.
     */
    @Override
    protected List<LiquidWithdrawal> read(List<BigInteger> ids) {
        requireIssued(ids);
        return readStates(ids);
    }

    /**
     * {@code claimWithdraw} for one, {@code batchClaimWithdraw} for several. Claims are permissionless: the ether
     * always goes to each NFT's holder, who may be another account. Refused before signing for a request already
     * claimed or not finalized yet. The result reports the ether paid (from {@code WithdrawRequestClaimed}) and
     * the shares burnt.
     */
    @Override
    protected void planClaim(Plan.Builder<LiquidResult> plan, List<BigInteger> ids) {
        requireIssued(ids);
        for (LiquidWithdrawal w : readStates(ids)) {
            if (w.status() == ExitStatus.CLAIMED) {
                throw new InvalidInputException(ErrorCode.ALREADY_DONE, "ether.fi withdrawal request " + w.requestId()
                        + " was already claimed (its NFT is burnt)");
            }
            if (w.status() == ExitStatus.PENDING) {
                throw new InvalidInputException(ErrorCode.NOT_READY, "ether.fi withdrawal request " + w.requestId() + " is not finalized yet: "
                        + "nothing can be claimed before ether.fi's oracle finalizes it (position " + w.queuePosition()
                        + " in the queue)");
            }
        }
        Step step = ids.size() == 1
                ? Step.raw("claimWithdraw " + ids.get(0), nft, WithdrawRequestNFT.getABI_send_claimWithdraw(ids.get(0)),
                        BigInteger.ZERO)
                : Step.raw("batchClaimWithdraw " + ids, nft, WithdrawRequestNFT.getABI_send_batchClaimWithdraw(ids),
                        BigInteger.ZERO);
        plan.step(step).result(ex -> claimed(ex, ex.events(nft, WithdrawRequestNFT::getWithdrawRequestClaimedEvents),
                e -> e.requestId, e -> e.amountOfEEth, e -> e.shareOfEEth));
    }

    private void requireIssued(List<BigInteger> ids) {
        ReadBatch batch = ctx.reads().newBatch();
        Read<BigInteger> next = batch.add(WithdrawRequestNFT::load, nft, WithdrawRequestNFT::call_nextRequestId);
        batch.execute();
        for (BigInteger id : ids) {
            if (id.compareTo(next.get()) >= 0) {
                throw new InvalidInputException(ErrorCode.NOT_FOUND, "there is no ether.fi withdrawal request " + id + " (the last one is "
                        + next.get().subtract(BigInteger.ONE) + ")");
            }
        }
    }

    /** ownerOf, getRequest, isFinalized and getClaimableAmount of every id, and lastFinalizedRequestId: one Multicall3 call. */
    private List<LiquidWithdrawal> readStates(List<BigInteger> ids) {
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
        List<LiquidWithdrawal> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            BigInteger id = ids.get(i);
            if (!owners.get(i).succeeded()) { // claimed: the NFT is burnt and the request deleted
                out.add(withdrawal(id, ZERO, Amount.zero(etherFi.eETH()), Amount.zero(Token.ETH), ExitStatus.CLAIMED,
                        lastFinalized.get()));
                continue;
            }
            boolean isFinal = finalized.get(i).get();
            BigInteger eth = isFinal && claimable.get(i).succeeded() ? claimable.get(i).get() : BigInteger.ZERO;
            out.add(withdrawal(id, owners.get(i).get(), Amount.ofWei(requests.get(i).get().amountOfEEth, etherFi.eETH()),
                    Amount.ofWei(eth, Token.ETH), isFinal ? ExitStatus.CLAIMABLE : ExitStatus.PENDING, lastFinalized.get()));
        }
        return out;
    }
}
