package io.restake4j.lido;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.restake4j.contracts.common.ERC20;
import io.restake4j.contracts.lido.WithdrawalQueueERC721;
import io.restake4j.contracts.lido.WstETH;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.internal.Inputs;
import io.restake4j.network.Network;
import io.restake4j.read.MulticallReader;
import io.restake4j.read.Read;
import io.restake4j.read.ReadBatch;
import io.restake4j.tokens.ApprovalPolicy;
import io.restake4j.tokens.Approvals;
import io.restake4j.tx.Operation;
import io.restake4j.tx.Plan;
import io.restake4j.tx.Step;
import io.restake4j.tx.internal.Pipeline;
import io.restake4j.tx.internal.PipelineOperation;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * Lido for stakers (first cut): stake ETH for stETH, wrap and unwrap wstETH, and the withdrawal queue
 * (requests split within the per-request limits, listing, claims with hints computed here). Addresses
 * come from the network's {@code lido.*} entries (a devnet's address book has them).
 *
 * <pre>{@code
 * Lido lido = client.lido();
 * lido.stake(Amount.parse("2", Token.ETH)).send();
 * LidoResult req = lido.requestWithdrawal(Amount.parse("2500", stEth)).send();   // 1000 + 1000 + 500
 * lido.claimAllFinalized().send();
 * }</pre>
 */
public final class Lido {

    private static final String ZERO = "0x0000000000000000000000000000000000000000";

    private final Pipeline pipeline;
    private final MulticallReader reader;
    private final String steth;
    private final String wsteth;
    private final String queue;

    /** For {@code Restaking}; use {@code client.lido()}. */
    public Lido(Pipeline pipeline, MulticallReader reader, Network network) {
        this.pipeline = pipeline;
        this.reader = reader;
        this.steth = network.require("lido.Lido");
        this.wsteth = network.require("lido.WstETH");
        this.queue = network.require("lido.WithdrawalQueueERC721");
    }

    /** stETH (18 decimals). */
    public Token stETH() {
        return Token.erc20(steth, "stETH", 18);
    }

    /** wstETH (18 decimals). */
    public Token wstETH() {
        return Token.erc20(wsteth, "wstETH", 18);
    }

    /** Stakes {@code eth} (an amount of {@link Token#ETH}) for stETH; the result reports the shares and stETH minted. */
    public Operation<LidoResult> stake(Amount eth) {
        Inputs.positive(eth, "stake amount");
        if (!eth.token().equals(Token.ETH)) {
            throw new InvalidInputException("Lido stakes ETH, not " + eth.token().symbol());
        }
        String staker = pipeline.from();
        Plan<LidoResult> plan = Plan.<LidoResult>builder("stake " + eth + " with Lido")
                .step(Step.of("submit " + eth, io.restake4j.contracts.lido.Lido::load, steth, l -> l.call_submit(ZERO))
                        .withValue(eth.wei()))
                .result(ex -> {
                    BigInteger shares = ex.events(steth, io.restake4j.contracts.lido.Lido::getTransferSharesEvents).stream()
                            .filter(t -> t.to.equalsIgnoreCase(staker)).map(t -> t.sharesValue).reduce(BigInteger.ZERO, BigInteger::add);
                    BigInteger minted = ex.events(steth, ERC20::getTransferEvents).stream()
                            .filter(t -> t.to.equalsIgnoreCase(staker)).map(t -> t.value).reduce(BigInteger.ZERO, BigInteger::add);
                    return new LidoResult(ex, Amount.ofWei(minted, stETH()), shares, List.of());
                })
                .build();
        return new PipelineOperation<>(pipeline, plan);
    }

    /** Wraps {@code stETH} into wstETH (approving wstETH exactly when the allowance is short). */
    public Operation<LidoResult> wrap(Amount stEth) {
        Inputs.positive(stEth, "wrap amount");
        requireToken(stEth, steth, "stETH");
        String owner = pipeline.from();
        Plan.Builder<LidoResult> plan = Plan.builder("wrap " + stEth);
        Approvals.require(plan, owner, wsteth, stEth, ApprovalPolicy.EXACT);
        plan.step(Step.of("wrap " + stEth, WstETH::load, wsteth, w -> w.call_wrap(stEth.wei())));
        plan.result(ex -> new LidoResult(ex, Amount.ofWei(minted(ex, wsteth, owner), wstETH()), sharesMoved(ex, wsteth), List.of()));
        return new PipelineOperation<>(pipeline, plan.build());
    }

    /** Unwraps {@code wstEth} back into stETH. */
    public Operation<LidoResult> unwrap(Amount wstEth) {
        Inputs.positive(wstEth, "unwrap amount");
        requireToken(wstEth, wsteth, "wstETH");
        String owner = pipeline.from();
        Plan<LidoResult> plan = Plan.<LidoResult>builder("unwrap " + wstEth)
                .check(Approvals.balanceCheck(owner, wstEth))
                .step(Step.of("unwrap " + wstEth, WstETH::load, wsteth, w -> w.call_unwrap(wstEth.wei())))
                .result(ex -> {
                    BigInteger received = ex.events(steth, ERC20::getTransferEvents).stream()
                            .filter(t -> t.to.equalsIgnoreCase(owner)).map(t -> t.value).reduce(BigInteger.ZERO, BigInteger::add);
                    return new LidoResult(ex, Amount.ofWei(received, stETH()), sharesMoved(ex, owner), List.of());
                })
                .build();
        return new PipelineOperation<>(pipeline, plan);
    }

    // ---------------------------------------------------------------------------------------------
    // Withdrawals
    // ---------------------------------------------------------------------------------------------

    /**
     * Requests the withdrawal of {@code stEth}, split into as many requests as the queue's per-request
     * maximum needs (one transaction); refused below the per-request minimum. A last part below the
     * minimum borrows the difference from the part before it.
     */
    public Operation<LidoResult> requestWithdrawal(Amount stEth) {
        Inputs.positive(stEth, "withdrawal amount");
        requireToken(stEth, steth, "stETH");
        ReadBatch batch = reader.newBatch();
        Read<BigInteger> min = batch.add(WithdrawalQueueERC721::load, queue, WithdrawalQueueERC721::call_MIN_STETH_WITHDRAWAL_AMOUNT);
        Read<BigInteger> max = batch.add(WithdrawalQueueERC721::load, queue, WithdrawalQueueERC721::call_MAX_STETH_WITHDRAWAL_AMOUNT);
        batch.execute();
        List<BigInteger> parts = split(stEth.wei(), min.get(), max.get());
        String owner = pipeline.from();
        Plan.Builder<LidoResult> plan = Plan.builder("request the withdrawal of " + stEth + " in " + parts.size() + " request(s)");
        Approvals.require(plan, owner, queue, stEth, ApprovalPolicy.EXACT);
        plan.step(Step.of("requestWithdrawals " + parts, WithdrawalQueueERC721::load, queue,
                q -> q.call_requestWithdrawals(parts, owner)));
        plan.result(ex -> {
            List<BigInteger> ids = ex.events(queue, WithdrawalQueueERC721::getWithdrawalRequestedEvents).stream()
                    .map(e -> e.requestId).sorted().toList();
            return new LidoResult(ex, stEth, BigInteger.ZERO, ids);
        });
        return new PipelineOperation<>(pipeline, plan.build());
    }

    /** The amounts a withdrawal of {@code total} wei is split into, each within [min, max]. */
    static List<BigInteger> split(BigInteger total, BigInteger min, BigInteger max) {
        if (total.compareTo(min) < 0) {
            throw new InvalidInputException("a Lido withdrawal request needs at least " + min + " wei of stETH, was " + total);
        }
        List<BigInteger> parts = new ArrayList<>();
        BigInteger left = total;
        while (left.compareTo(max) > 0) {
            parts.add(max);
            left = left.subtract(max);
        }
        if (left.compareTo(min) < 0) {
            // only possible after a full part: move the shortfall from it (max - shortfall stays >= min)
            BigInteger shortfall = min.subtract(left);
            parts.set(parts.size() - 1, max.subtract(shortfall));
            left = min;
        }
        parts.add(left);
        return parts;
    }

    /** The client account's withdrawal requests with their status, from chain state (two batched reads). */
    public List<WithdrawalRequest> requests() {
        return requests(pipeline.from());
    }

    /** {@code owner}'s withdrawal requests with their status, ascending by id. */
    @SuppressWarnings("unchecked")
    public List<WithdrawalRequest> requests(String owner) {
        Inputs.address(owner, "owner");
        ReadBatch first = reader.newBatch();
        @SuppressWarnings("rawtypes")
        Read<List> ids = first.add(WithdrawalQueueERC721::load, queue, q -> q.call_getWithdrawalRequests(owner));
        first.execute();
        List<BigInteger> sorted = ((List<BigInteger>) ids.get()).stream().sorted().toList();
        if (sorted.isEmpty()) {
            return List.of();
        }
        ReadBatch second = reader.newBatch();
        @SuppressWarnings("rawtypes")
        Read<List> statuses = second.add(WithdrawalQueueERC721::load, queue, q -> q.call_getWithdrawalStatus(sorted));
        second.execute();
        List<WithdrawalRequest> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            WithdrawalQueueERC721.WithdrawalRequestStatus s = (WithdrawalQueueERC721.WithdrawalRequestStatus) statuses.get().get(i);
            out.add(new WithdrawalRequest(sorted.get(i), s.amountOfStETH, s.owner, s.isFinalized, s.isClaimed));
        }
        return out;
    }

    /**
     * Claims every finalized, unclaimed request of the client account in one {@code claimWithdrawals},
     * with checkpoint hints found on chain (sorted ids, one batched read); refused when none is claimable.
     */
    public Operation<LidoResult> claimAllFinalized() {
        List<BigInteger> ids = requests().stream().filter(WithdrawalRequest::isClaimable).map(WithdrawalRequest::id).toList();
        if (ids.isEmpty()) {
            throw new InvalidInputException(pipeline.from() + " has no finalized, unclaimed Lido withdrawal request");
        }
        return claim(ids);
    }

    /** Claims these requests (the client account must own them) in one transaction, with hints computed here. */
    @SuppressWarnings("unchecked")
    public Operation<LidoResult> claim(List<BigInteger> requestIds) {
        if (requestIds == null || requestIds.isEmpty()) {
            throw new InvalidInputException("no withdrawal requests to claim");
        }
        List<BigInteger> ids = requestIds.stream().sorted(Comparator.naturalOrder()).distinct().toList();
        ReadBatch first = reader.newBatch();
        Read<BigInteger> lastCheckpoint = first.add(WithdrawalQueueERC721::load, queue,
                WithdrawalQueueERC721::call_getLastCheckpointIndex);
        @SuppressWarnings("rawtypes")
        Read<List> statuses = first.add(WithdrawalQueueERC721::load, queue, q -> q.call_getWithdrawalStatus(ids));
        first.execute();
        String owner = pipeline.from();
        for (int i = 0; i < ids.size(); i++) {
            WithdrawalQueueERC721.WithdrawalRequestStatus s = (WithdrawalQueueERC721.WithdrawalRequestStatus) statuses.get().get(i);
            if (!s.owner.equalsIgnoreCase(owner)) {
                throw new InvalidInputException("withdrawal request " + ids.get(i) + " belongs to " + s.owner + ", not to " + owner);
            }
            if (s.isClaimed) {
                throw new InvalidInputException("withdrawal request " + ids.get(i) + " was already claimed");
            }
            if (!s.isFinalized) {
                throw new InvalidInputException("withdrawal request " + ids.get(i) + " is not finalized yet");
            }
        }
        ReadBatch second = reader.newBatch();
        @SuppressWarnings("rawtypes")
        Read<List> hints = second.add(WithdrawalQueueERC721::load, queue,
                q -> q.call_findCheckpointHints(ids, BigInteger.ONE, lastCheckpoint.get()));
        second.execute();
        List<BigInteger> hintList = new ArrayList<>((List<BigInteger>) hints.get());
        Plan<LidoResult> plan = Plan.<LidoResult>builder("claim Lido withdrawal requests " + ids)
                .step(Step.raw("claimWithdrawals " + ids, queue, WithdrawalQueueERC721.getABI_send_claimWithdrawals(ids, hintList),
                        BigInteger.ZERO))
                .result(ex -> {
                    BigInteger eth = ex.events(queue, WithdrawalQueueERC721::getWithdrawalClaimedEvents).stream()
                            .map(e -> e.amountOfETH).reduce(BigInteger.ZERO, BigInteger::add);
                    return new LidoResult(ex, Amount.ofWei(eth, Token.ETH), BigInteger.ZERO, ids);
                })
                .build();
        return new PipelineOperation<>(pipeline, plan);
    }

    private static void requireToken(Amount amount, String address, String symbol) {
        if (!amount.token().address().equalsIgnoreCase(address)) {
            throw new InvalidInputException("expected an amount of " + symbol + " (" + address + "), got " + amount.token().symbol()
                    + " (" + amount.token().address() + ")");
        }
    }

    private static BigInteger minted(io.restake4j.tx.Execution ex, String token, String to) {
        return ex.events(token, ERC20::getTransferEvents).stream().filter(t -> t.to.equalsIgnoreCase(to))
                .map(t -> t.value).reduce(BigInteger.ZERO, BigInteger::add);
    }

    private BigInteger sharesMoved(io.restake4j.tx.Execution ex, String to) {
        return ex.events(steth, io.restake4j.contracts.lido.Lido::getTransferSharesEvents).stream()
                .filter(t -> t.to.equalsIgnoreCase(to)).map(t -> t.sharesValue).reduce(BigInteger.ZERO, BigInteger::add);
    }

    @Override
    public String toString() {
        return "Lido[stETH " + steth + ", wstETH " + wsteth + ", queue " + queue + "]";
    }
}
