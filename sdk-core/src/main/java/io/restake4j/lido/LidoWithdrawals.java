package io.restake4j.lido;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.restake4j.ProtocolContext;
import io.restake4j.contracts.lido.WithdrawalQueueERC721;
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
import io.restake4j.tx.Operation;
import io.restake4j.tx.Plan;
import io.restake4j.tx.Step;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * Lido's withdrawal queue (unstETH NFTs): requests split within the queue's per-request limits, with an approval
 * or a permit; the account's requests with status, claimable ether and place in the queue; claims with the
 * checkpoint hints found at each run; the wait for the oracle's finalization.
 *
 * <pre>{@code
 * LidoWithdrawals queue = client.lido().withdrawals();
 * LiquidResult req = queue.request(Amount.parse("2500", client.lido().stETH())).send();   // 1000 + 1000 + 500
 * // ... later, once the oracle has finalized them:
 * queue.claimAllReady().send();
 * }</pre>
 */
public final class LidoWithdrawals extends LiquidWithdrawalQueue {

    private final Lido lido;

    LidoWithdrawals(ProtocolContext ctx, Lido lido) {
        super(ctx, "Lido", Lido.SHARES);
        this.lido = lido;
    }

    /**
     * Requests the withdrawal of {@code amount} (stETH or wstETH), split into as many requests as the queue's
     * per-request maximum needs, in one transaction, approving the queue exactly when the allowance is short;
     * refused below the per-request minimum. A last part below the minimum borrows the difference from the
     * part before it. For wstETH the limits apply to the stETH each part unwraps to, at the current rate.
     */
    @Override
    public Operation<LiquidResult> request(Amount amount) {
        Inputs.positive(amount, "withdrawal amount (stETH or wstETH)");
        return ctx.operation("request the withdrawal of " + amount + " from Lido", plan -> {
            Split split = split(amount);
            String owner = ctx.account();
            String queue = lido.queue();
            Approvals.require(plan, owner, queue, amount, ApprovalPolicy.EXACT);
            plan.step(split.wrapped
                    ? Step.of("requestWithdrawalsWstETH " + split.parts, WithdrawalQueueERC721::load, queue,
                            q -> q.call_requestWithdrawalsWstETH(split.parts, owner))
                    : Step.of("requestWithdrawals " + split.parts, WithdrawalQueueERC721::load, queue,
                            q -> q.call_requestWithdrawals(split.parts, owner)));
            plan.result(ex -> requested(ex, amount, ex.events(queue, WithdrawalQueueERC721::getWithdrawalRequestedEvents),
                    e -> e.requestId, e -> e.amountOfShares));
        });
    }

    /**
     * As {@link #request(Amount)}, with an EIP-2612 permit instead of an approval transaction: one transaction in
     * all. The permit is signed at each preview and send (after the amount and limits are checked), valid until
     * {@code deadline}; building the operation signs nothing.
     */
    public Operation<LiquidResult> requestWithPermit(Amount amount, Instant deadline) {
        Inputs.positive(amount, "withdrawal amount (stETH or wstETH)");
        Inputs.future(deadline, "permit deadline");
        return ctx.operation("request the withdrawal of " + amount + " from Lido with a permit", plan -> {
            Split split = split(amount);
            String owner = ctx.account();
            String queue = lido.queue();
            WithdrawalQueueERC721.PermitInput permit = Approvals.permit(plan, ctx.tokens(), owner, amount, queue, deadline,
                    null, null).as(WithdrawalQueueERC721.PermitInput::new);
            plan.step(split.wrapped
                            ? Step.raw("requestWithdrawalsWstETHWithPermit " + split.parts, queue,
                                    WithdrawalQueueERC721.getABI_send_requestWithdrawalsWstETHWithPermit(split.parts, owner,
                                            permit), BigInteger.ZERO)
                            : Step.raw("requestWithdrawalsWithPermit " + split.parts, queue,
                                    WithdrawalQueueERC721.getABI_send_requestWithdrawalsWithPermit(split.parts, owner, permit),
                                    BigInteger.ZERO))
                    .result(ex -> requested(ex, amount, ex.events(queue, WithdrawalQueueERC721::getWithdrawalRequestedEvents),
                            e -> e.requestId, e -> e.amountOfShares));
        });
    }

    private record Split(List<BigInteger> parts, boolean wrapped) {
    }

    /** The parts of a request: the limits are constants (read once); wstETH also needs the current rate. */
    private Split split(Amount amount) {
        boolean wrapped = amount != null && amount.token().equals(lido.wstETH());
        Inputs.amountOf(amount, wrapped ? lido.wstETH() : lido.stETH(), "withdrawal amount (stETH or wstETH)");
        Lido.Limits limits = lido.limits();
        if (!wrapped) {
            return new Split(split(amount.wei(), limits.min(), limits.max()), false);
        }
        return new Split(splitWrapped(amount.wei(), limits.min(), limits.max(), lido.rates()), true);
    }

    /** The amounts a withdrawal of {@code total} stETH wei is split into, each within [min, max]. */
    static List<BigInteger> split(BigInteger total, BigInteger min, BigInteger max) {
        return RequestSplit.split(total, min, max, "a Lido withdrawal request", "stETH");
    }

    /**
     * The wstETH amounts a withdrawal of {@code total} wstETH wei is split into: each part unwraps (at
     * {@code rates}, rounding down as the queue does) to stETH within [min, max].
     */
    static List<BigInteger> splitWrapped(BigInteger total, BigInteger min, BigInteger max, LidoRates rates) {
        BigInteger maxPart = rates.wrappedFor(max);                 // floor: unwraps to <= max
        BigInteger minPart = rates.wrappedFor(min);                 // smallest part that unwraps to >= min
        while (rates.unwrappedFor(minPart).compareTo(min) < 0) {
            minPart = minPart.add(BigInteger.ONE);
        }
        if (total.compareTo(minPart) < 0) {
            throw new InvalidInputException(ErrorCode.BELOW_MINIMUM, "a Lido withdrawal request needs at least " + min + " wei of stETH, and "
                    + total + " wstETH wei unwraps to " + rates.unwrappedFor(total));
        }
        return split(total, minPart, maxPart);
    }

    /**
     * {@code owner}'s unclaimed withdrawal requests (the queue forgets claimed ones), ascending by id, with
     * status, claimable ether (from {@code getClaimableEther} with hints found on chain) and place in the
     * queue. Two batched reads, three when some are finalized.
     */
    @Override
    @SuppressWarnings("unchecked")
    public List<LiquidWithdrawal> pending(String owner) {
        Inputs.address(owner, "owner");
        String queue = lido.queue();
        ReadBatch first = ctx.reads().newBatch();
        @SuppressWarnings("rawtypes")
        Read<List> idsRead = first.add(WithdrawalQueueERC721::load, queue, q -> q.call_getWithdrawalRequests(owner));
        Read<BigInteger> lastFinalized = first.add(WithdrawalQueueERC721::load, queue,
                WithdrawalQueueERC721::call_getLastFinalizedRequestId);
        Read<BigInteger> lastCheckpoint = first.add(WithdrawalQueueERC721::load, queue,
                WithdrawalQueueERC721::call_getLastCheckpointIndex);
        first.execute();
        List<BigInteger> ids = ((List<BigInteger>) idsRead.get()).stream().sorted().toList();
        return ids.isEmpty() ? List.of() : describe(ids, lastFinalized.get(), lastCheckpoint.get());
    }

    /** Two or three batched reads; refused for an id the queue never issued. */
    @Override
    protected List<LiquidWithdrawal> read(List<BigInteger> ids) {
        String queue = lido.queue();
        ReadBatch first = ctx.reads().newBatch();
        Read<BigInteger> lastRequest = first.add(WithdrawalQueueERC721::load, queue, WithdrawalQueueERC721::call_getLastRequestId);
        Read<BigInteger> lastFinalized = first.add(WithdrawalQueueERC721::load, queue,
                WithdrawalQueueERC721::call_getLastFinalizedRequestId);
        Read<BigInteger> lastCheckpoint = first.add(WithdrawalQueueERC721::load, queue,
                WithdrawalQueueERC721::call_getLastCheckpointIndex);
        first.execute();
        requireIssued(ids, lastRequest.get());
        return describe(ids, lastFinalized.get(), lastCheckpoint.get());
    }

    private static void requireIssued(List<BigInteger> ids, BigInteger lastRequest) {
        for (BigInteger id : ids) {
            if (id.compareTo(lastRequest) > 0) {
                throw new InvalidInputException(ErrorCode.NOT_FOUND, "there is no Lido withdrawal request " + id + " (the last one is "
                        + lastRequest + ")");
            }
        }
    }

    /** Status, claimable ether and place in the queue of these (ascending, issued) ids: one or two batched reads. */
    @SuppressWarnings("unchecked")
    private List<LiquidWithdrawal> describe(List<BigInteger> ids, BigInteger lastFinalized, BigInteger lastCheckpoint) {
        String queue = lido.queue();
        List<BigInteger> finalized = ids.stream().filter(id -> id.compareTo(lastFinalized) <= 0).toList();
        ReadBatch second = ctx.reads().newBatch();
        @SuppressWarnings("rawtypes")
        Read<List> statuses = second.add(WithdrawalQueueERC721::load, queue, q -> q.call_getWithdrawalStatus(ids));
        @SuppressWarnings("rawtypes")
        Read<List> hints = finalized.isEmpty() ? null : second.add(WithdrawalQueueERC721::load, queue,
                q -> q.call_findCheckpointHints(finalized, BigInteger.ONE, lastCheckpoint));
        second.execute();
        List<BigInteger> claimable = List.of();
        if (!finalized.isEmpty()) {
            List<BigInteger> hintList = new ArrayList<>((List<BigInteger>) hints.get());
            ReadBatch third = ctx.reads().newBatch();
            @SuppressWarnings("rawtypes")
            Read<List> values = third.add(WithdrawalQueueERC721::load, queue, q -> q.call_getClaimableEther(finalized, hintList));
            third.execute();
            claimable = new ArrayList<>((List<BigInteger>) values.get());
        }
        List<LiquidWithdrawal> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            WithdrawalQueueERC721.WithdrawalRequestStatus s = (WithdrawalQueueERC721.WithdrawalRequestStatus) statuses.get().get(i);
            ExitStatus status = s.isClaimed ? ExitStatus.CLAIMED : s.isFinalized ? ExitStatus.CLAIMABLE : ExitStatus.PENDING;
            int f = finalized.indexOf(ids.get(i));
            BigInteger eth = status == ExitStatus.CLAIMABLE && f >= 0 ? claimable.get(f) : BigInteger.ZERO;
            out.add(withdrawal(ids.get(i), s.owner, Amount.ofWei(s.amountOfStETH, lido.stETH()), Amount.ofWei(eth, Token.ETH),
                    status, lastFinalized));
        }
        return out;
    }

    /**
     * One {@code claimWithdrawals} with the checkpoint hints found now; refused before signing when a request
     * belongs to another account, is not finalized yet, or was claimed already.
     */
    @Override
    @SuppressWarnings("unchecked")
    protected void planClaim(Plan.Builder<LiquidResult> plan, List<BigInteger> ids) {
        String queue = lido.queue();
        ReadBatch first = ctx.reads().newBatch();
        Read<BigInteger> lastCheckpoint = first.add(WithdrawalQueueERC721::load, queue,
                WithdrawalQueueERC721::call_getLastCheckpointIndex);
        Read<BigInteger> lastRequest = first.add(WithdrawalQueueERC721::load, queue, WithdrawalQueueERC721::call_getLastRequestId);
        first.execute();
        requireIssued(ids, lastRequest.get());
        ReadBatch second = ctx.reads().newBatch();
        @SuppressWarnings("rawtypes")
        Read<List> statuses = second.add(WithdrawalQueueERC721::load, queue, q -> q.call_getWithdrawalStatus(ids));
        @SuppressWarnings("rawtypes")
        Read<List> hints = second.add(WithdrawalQueueERC721::load, queue,
                q -> q.call_findCheckpointHints(ids, BigInteger.ONE, lastCheckpoint.get()));
        second.execute();
        String owner = ctx.account();
        for (int i = 0; i < ids.size(); i++) {
            WithdrawalQueueERC721.WithdrawalRequestStatus s = (WithdrawalQueueERC721.WithdrawalRequestStatus) statuses.get().get(i);
            if (s.isClaimed) {
                throw new InvalidInputException(ErrorCode.ALREADY_DONE, "Lido withdrawal request " + ids.get(i) + " was already claimed");
            }
            if (!s.owner.equalsIgnoreCase(owner)) {
                throw new InvalidInputException(ErrorCode.NOT_PERMITTED, "Lido withdrawal request " + ids.get(i) + " belongs to " + s.owner
                        + ", not to " + owner + ": only its owner can claim it");
            }
            if (!s.isFinalized) {
                throw new InvalidInputException(ErrorCode.NOT_READY, "Lido withdrawal request " + ids.get(i) + " is not finalized yet: nothing "
                        + "can be claimed before the oracle finalizes it");
            }
        }
        if (!hints.succeeded()) {
            throw new InvalidInputException(ErrorCode.NOT_FOUND, "the queue found no checkpoint hints for " + ids);
        }
        List<BigInteger> hintList = new ArrayList<>((List<BigInteger>) hints.get());
        plan.step(Step.raw("claimWithdrawals " + ids + " hints " + hintList, queue,
                        WithdrawalQueueERC721.getABI_send_claimWithdrawals(ids, hintList), BigInteger.ZERO))
                .result(ex -> claimed(ex, ex.events(queue, WithdrawalQueueERC721::getWithdrawalClaimedEvents),
                        e -> e.requestId, e -> e.amountOfETH, e -> BigInteger.ZERO));
    }
}
