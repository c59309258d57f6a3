package io.restake4j.liquid;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.restake4j.ProtocolContext;
import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.exits.ExitStatus;
import io.restake4j.exits.Readiness;
import io.restake4j.exits.WithdrawalQueue;
import io.restake4j.internal.Inputs;
import io.restake4j.tx.Execution;
import io.restake4j.tx.Operation;
import io.restake4j.tx.Plan;
import io.restake4j.units.Amount;
import io.restake4j.units.Shares;
import io.restake4j.units.Token;

/**
 * A liquid staking exit queue whose requests are NFT ids (Lido's unstETH, ether.fi's WithdrawRequestNFT): ids
 * normalized and checked once, look-ups by id, claims of listed requests, claim-all-ready, the wait for
 * finalization, and the request and claim results built from the queue's events. {@link io.restake4j.lido.LidoWithdrawals}
 * and {@link io.restake4j.etherfi.EtherFiWithdrawals} supply the reads and the steps; the protected members are
 * for those protocol facades, not an extension point for users.
 *
 * <pre>{@code
 * LiquidWithdrawalQueue queue = client.lido().withdrawals();
 * List<LiquidWithdrawal> mine = queue.pending();
 * LiquidResult paid = queue.claimAllReady().send();
 * }</pre>
 */
public abstract class LiquidWithdrawalQueue implements WithdrawalQueue<LiquidWithdrawal, LiquidResult, LiquidResult> {

    protected final ProtocolContext ctx;
    private final String protocol;
    private final String sharesUnit;

    protected LiquidWithdrawalQueue(ProtocolContext ctx, String protocol, String sharesUnit) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.protocol = protocol;
        this.sharesUnit = sharesUnit;
    }

    /** These requests (ascending, distinct), whoever owns them, claimed ones included; refused for ids never issued. */
    protected abstract List<LiquidWithdrawal> read(List<BigInteger> ids);

    /** Checks that these (ascending, distinct) requests can be claimed by the client account now, and adds the claim. */
    protected abstract void planClaim(Plan.Builder<LiquidResult> plan, List<BigInteger> ids);

    @Override
    public final List<LiquidWithdrawal> pending() {
        return pending(ctx.account());
    }

    /**
     * These requests by id, whoever owns them, claimed ones included ({@link ExitStatus#CLAIMED}), ascending by id;
     * refused for an id the queue never issued.
     */
    public final List<LiquidWithdrawal> byIds(List<BigInteger> requestIds) {
        return read(normalize(requestIds, "no withdrawal request ids given"));
    }

    @Override
    public final LiquidWithdrawal byId(String id) {
        return byIds(List.of(parseId(id))).get(0);
    }

    /** One request by its NFT id. */
    public final LiquidWithdrawal byId(BigInteger requestId) {
        return byIds(List.of(Objects.requireNonNull(requestId, "requestId"))).get(0);
    }

    @Override
    public final Operation<LiquidResult> claim(List<LiquidWithdrawal> withdrawals) {
        if (withdrawals == null || withdrawals.isEmpty()) {
            throw new InvalidInputException(ErrorCode.MISSING, "no withdrawal requests to claim");
        }
        return claimIds(withdrawals.stream().map(LiquidWithdrawal::requestId).toList());
    }

    /**
     * Claims these requests by id in one transaction; at each run, refused before signing when a request is not
     * finalized yet, was claimed already, or (where the protocol requires it) belongs to another account.
     */
    public final Operation<LiquidResult> claimIds(List<BigInteger> requestIds) {
        List<BigInteger> ids = normalize(requestIds, "no withdrawal requests to claim");
        return ctx.operation("claim " + protocol + " withdrawal requests " + ids, plan -> planClaim(plan, ids));
    }

    /** Claims these requests by id in one transaction; see {@link #claimIds(List)}. */
    public final Operation<LiquidResult> claimIds(BigInteger... requestIds) {
        return claimIds(requestIds == null ? null : java.util.Arrays.asList(requestIds));
    }

    @Override
    public final Operation<LiquidResult> claimAllReady() {
        return ctx.operation("claim every finalized " + protocol + " withdrawal request", plan -> {
            List<BigInteger> ids = pending().stream().filter(LiquidWithdrawal::isClaimable)
                    .map(LiquidWithdrawal::requestId).toList();
            if (ids.isEmpty()) {
                throw new InvalidInputException(ErrorCode.NOT_READY, ctx.account() + " has no finalized, unclaimed " + protocol
                        + " withdrawal request");
            }
            planClaim(plan, ids);
        });
    }

    /**
     * Blocks until the protocol's oracle has finalized {@code withdrawal} (or it was claimed meanwhile), reading it
     * at each poll, and returns it as last read.
     */
    @Override
    public final LiquidWithdrawal awaitClaimable(LiquidWithdrawal withdrawal, Duration timeout) {
        Objects.requireNonNull(withdrawal, "withdrawal");
        Duration limit = Inputs.positive(timeout, "timeout");
        return ctx.waiter().until(protocol + " withdrawal request " + withdrawal.requestId() + " finalized", () -> {
            LiquidWithdrawal now = byId(withdrawal.requestId());
            return now.status() == ExitStatus.PENDING ? Optional.<LiquidWithdrawal>empty() : Optional.of(now);
        }).timeout(limit).await();
    }

    // ---------------------------------------------------------------------------------------------
    // For the protocols
    // ---------------------------------------------------------------------------------------------

    /** A request as the queue reports it; {@code payout} counts only when it is claimable. */
    protected final LiquidWithdrawal withdrawal(BigInteger id, String owner, Amount locked, Amount payout,
            ExitStatus status, BigInteger lastFinalized) {
        Readiness readiness = status == ExitStatus.PENDING
                ? new Readiness.ByOracle("waiting for " + protocol + "'s oracle to finalize it", id.subtract(lastFinalized))
                : Readiness.ready();
        Amount paid = status == ExitStatus.CLAIMABLE ? payout : Amount.zero(payout.token());
        return new LiquidWithdrawal(protocol, id, owner, locked, paid, status, readiness);
    }

    /** A request result: the ids and shares the queue's creation events report, and the amount locked. */
    protected final <E> LiquidResult requested(Execution ex, Amount locked, List<E> created,
            java.util.function.Function<E, BigInteger> id, java.util.function.Function<E, BigInteger> shares) {
        return new LiquidResult(ex, locked, Shares.of(sum(created, shares), sharesUnit), created.stream().map(id).sorted().toList(),
                null);
    }

    /** A claim result: the ether and shares the queue's claim events report, for these ids. */
    protected final <E> LiquidResult claimed(Execution ex, List<E> events, java.util.function.Function<E, BigInteger> id,
            java.util.function.Function<E, BigInteger> eth, java.util.function.Function<E, BigInteger> shares) {
        return new LiquidResult(ex, Amount.ofWei(sum(events, eth), Token.ETH), Shares.of(sum(events, shares), sharesUnit),
                events.stream().map(id).sorted().toList(), null);
    }

    protected final String protocol() {
        return protocol;
    }

    private static <E> BigInteger sum(List<E> events, java.util.function.Function<E, BigInteger> value) {
        return events.stream().map(value).reduce(BigInteger.ZERO, BigInteger::add);
    }

    private List<BigInteger> normalize(List<BigInteger> requestIds, String whenEmpty) {
        if (requestIds == null || requestIds.isEmpty()) {
            throw new InvalidInputException(ErrorCode.MISSING, whenEmpty);
        }
        for (BigInteger id : requestIds) {
            if (id == null || id.signum() <= 0) {
                throw new InvalidInputException(ErrorCode.NOT_FOUND, "there is no " + protocol + " withdrawal request " + id + " (request ids start at 1)");
            }
        }
        return requestIds.stream().sorted(Comparator.naturalOrder()).distinct().toList();
    }

    private BigInteger parseId(String id) {
        try {
            return new BigInteger(Objects.requireNonNull(id, "id").strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "a " + protocol + " withdrawal request id is a decimal number, was \"" + id + "\"");
        }
    }

    @Override
    public String toString() {
        return protocol + " withdrawals";
    }
}
