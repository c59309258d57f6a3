package io.restake4j.eigenlayer;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import io.restake4j.exits.WithdrawalQueue;
import io.restake4j.units.Token;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.tuples.generated.Tuple2;
import org.web3j.utils.Numeric;

import io.restake4j.contracts.HandEncoded;
import io.restake4j.contracts.common.ERC20;
import io.restake4j.contracts.common.Multicall3;
import io.restake4j.contracts.eigenlayer.DelegationManager;
import io.restake4j.contracts.eigenlayer.EigenPodManager;
import io.restake4j.contracts.eigenlayer.Strategy;
import io.restake4j.contracts.eigenlayer.StrategyManager;
import io.restake4j.errors.WaitTimeoutException;
import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.internal.Inputs;
import io.restake4j.read.Read;
import io.restake4j.read.ReadBatch;
import io.restake4j.rpc.TransportFailures;
import io.restake4j.tx.Check;
import io.restake4j.tx.Execution;
import io.restake4j.tx.Operation;
import io.restake4j.tx.Plan;
import io.restake4j.tx.Step;
import io.restake4j.units.Amount;
import io.restake4j.units.Shares;

/**
 * EigenLayer's withdrawal queue for a staker: queue by amount, by shares or everything; list what is
 * pending from chain state alone (a new client instance finds the same withdrawals); wait for the delay;
 * complete one, several or all ready, as tokens or as shares.
 *
 * <p>The delay is {@code minWithdrawalDelayBlocks} <em>blocks</em> (100,800 on mainnet); a withdrawal
 * queued in block {@code b} can be completed from block {@code b + delay + 1}. Completing earlier is
 * refused before signing, naming that block.
 *
 * <pre>{@code
 * Withdrawals q = client.eigenLayer().withdrawals();
 * PendingWithdrawal w = q.queue(Amount.parse("5", stEth)).send().withdrawals().get(0);
 * Shares s = w.expectedShares().get(0);        // e.g. "5000000000000000000 EigenLayer stETH strategy shares"
 * w = q.awaitClaimable(w, Duration.ofDays(15));
 * WithdrawalsCompleted done = q.complete(w, ReceiveAs.TOKENS).send();
 * }</pre>
 */
public final class Withdrawals implements WithdrawalQueue<PendingWithdrawal, WithdrawalsQueued, WithdrawalsCompleted> {

    private static final String COMPLETE_MANY =
            "completeQueuedWithdrawals((address,address,address,uint256,uint32,address[],uint256[])[],address[][],bool[])";

    private final EigenLayerContext ctx;

    Withdrawals(EigenLayerContext ctx) {
        this.ctx = ctx;
    }

    // ---------------------------------------------------------------------------------------------
    // Queue
    // ---------------------------------------------------------------------------------------------

    /**
     * Queues a withdrawal of (at most) {@code amount} of its token from its strategy: at each preview and send
     * the amount is converted to withdrawable shares, then to the deposit shares the contract takes (rounding
     * down, so the payout never exceeds {@code amount}). Two batched reads.
     */
    public Operation<WithdrawalsQueued> queue(Amount amount) {
        Inputs.positive(amount, "withdrawal amount");
        return ctx.operation("queue a withdrawal of " + amount + " from EigenLayer", plan -> {
            String strategy = ctx.strategyFor(amount.token());
            String staker = ctx.account();
            BigInteger shares = ctx.reader.readOne(Strategy::load, strategy, s -> s.call_underlyingToSharesView(amount.wei()));
            @SuppressWarnings("rawtypes")
            List deposit = ctx.reader.readOne(DelegationManager::load, ctx.delegationManager,
                    dm -> dm.call_convertToDepositShares(staker, List.of(strategy), List.of(shares)));
            BigInteger depositShares = (BigInteger) deposit.get(0);
            if (depositShares.signum() == 0) {
                throw new InvalidInputException(ErrorCode.BELOW_MINIMUM, amount + " is less than one share of strategy " + strategy);
            }
            planQueue(plan, Map.of(strategy, depositShares));
        });
    }

    /**
     * Queues {@code depositShares} (deposit shares, as {@link Position#depositShares()}) of one strategy; their
     * unit must be that strategy's (see {@link Position}).
     */
    public Operation<WithdrawalsQueued> queueShares(String strategy, Shares depositShares) {
        Inputs.address(strategy, "strategy");
        return queueDepositShares(Map.of(strategy, Objects.requireNonNull(depositShares, "depositShares")));
    }

    /**
     * Queues every deposit share the account holds in each of {@code strategies}, as found at each preview and
     * send (one batched read).
     */
    public Operation<WithdrawalsQueued> queueAll(String... strategies) {
        if (strategies.length == 0) {
            throw new InvalidInputException(ErrorCode.MISSING, "name at least one strategy to withdraw from");
        }
        for (String s : strategies) {
            Inputs.address(s, "strategy");
        }
        List<String> named = List.of(strategies);
        return ctx.operation("queue every share of " + String.join(", ", named) + " for withdrawal", plan -> {
            String staker = ctx.account();
            ReadBatch batch = ctx.reader.newBatch();
            Map<String, Read<BigInteger>> reads = new LinkedHashMap<>();
            for (String s : named) {
                reads.put(s, depositSharesRead(batch, staker, s));
            }
            batch.execute();
            Map<String, BigInteger> all = new LinkedHashMap<>();
            reads.forEach((s, r) -> {
                if (r.get().signum() > 0) {
                    all.put(s, r.get());
                }
            });
            if (all.isEmpty()) {
                throw new InvalidInputException(ErrorCode.INSUFFICIENT_BALANCE, staker + " holds no deposit shares in " + String.join(", ", named));
            }
            planQueue(plan, all);
        });
    }

    /**
     * Queues one withdrawal taking these deposit shares per strategy (all in one transaction). Each count must be
     * in its strategy's unit (checked when the operation plans: a count of another strategy's shares is refused).
     *
     * <pre>{@code
     * Position p = client.eigenLayer().positions().in(strategy).orElseThrow();
     * client.eigenLayer().withdrawals().queueDepositShares(Map.of(strategy, p.depositShares())).send();
     * }</pre>
     */
    public Operation<WithdrawalsQueued> queueDepositShares(Map<String, Shares> sharesByStrategy) {
        if (sharesByStrategy == null || sharesByStrategy.isEmpty()) {
            throw new InvalidInputException(ErrorCode.MISSING, "nothing to withdraw: no strategies given");
        }
        sharesByStrategy.forEach((s, n) -> {
            Inputs.address(s, "strategy");
            if (n == null || n.isZero()) {
                throw new InvalidInputException(ErrorCode.NOT_POSITIVE, "deposit shares to withdraw from " + s + " must be greater than zero, was " + n);
            }
        });
        Map<String, Shares> copy = new LinkedHashMap<>(sharesByStrategy);
        return ctx.operation("queue a withdrawal of " + copy, plan -> {
            Map<String, String> units = ctx.shareUnits(copy.keySet());
            Map<String, BigInteger> raw = new LinkedHashMap<>();
            copy.forEach((s, n) -> {
                if (!n.unit().equals(units.get(s))) {
                    throw new InvalidInputException(ErrorCode.WRONG_TOKEN, "shares", "strategy " + s + " counts " + units.get(s) + ", not " + n.unit());
                }
                raw.put(s, n.value());
            });
            planQueue(plan, raw);
        });
    }

    private void planQueue(Plan.Builder<WithdrawalsQueued> plan, Map<String, BigInteger> sharesByStrategy) {
        String staker = ctx.account();
        List<String> strategies = new ArrayList<>();
        List<BigInteger> shares = new ArrayList<>();
        sharesByStrategy.forEach((s, n) -> {
            strategies.add(s);
            shares.add(n);
            plan.check(depositSharesCheck(staker, s).require(ErrorCode.INSUFFICIENT_BALANCE, have -> have.compareTo(n) >= 0,
                    have -> "withdrawing " + n + " deposit shares of " + s + " exceeds the " + have + " that " + staker + " holds"));
        });
        DelegationManager.QueuedWithdrawalParams params = new DelegationManager.QueuedWithdrawalParams(strategies, shares, staker);
        long delay = ctx.withdrawalDelayBlocks();
        plan.step(Step.of("queueWithdrawals " + sharesByStrategy, DelegationManager::load, ctx.delegationManager,
                dm -> dm.call_queueWithdrawals(List.of(params))));
        String dm = ctx.delegationManager;
        plan.result(ex -> new WithdrawalsQueued(ex, queuedIn(ex, dm, delay)));
    }

    private Check<BigInteger> depositSharesCheck(String staker, String strategy) {
        if (ctx.isBeacon(strategy)) {
            return Check.of("beaconChainETH deposit shares of " + staker, EigenPodManager::load, ctx.eigenPodManager,
                    (EigenPodManager pm) -> pm.call_stakerDepositShares(staker, strategy));
        }
        return Check.of("deposit shares of " + staker + " in " + strategy, StrategyManager::load, ctx.strategyManager,
                (StrategyManager sm) -> sm.call_stakerDepositShares(staker, strategy));
    }

    private Read<BigInteger> depositSharesRead(ReadBatch batch, String staker, String strategy) {
        return ctx.isBeacon(strategy)
                ? batch.add(EigenPodManager::load, ctx.eigenPodManager, pm -> pm.call_stakerDepositShares(staker, strategy))
                : batch.add(StrategyManager::load, ctx.strategyManager, sm -> sm.call_stakerDepositShares(staker, strategy));
    }

    List<PendingWithdrawal> queuedIn(Execution ex) {
        return queuedIn(ex, ctx.delegationManager, ctx.withdrawalDelayBlocks());
    }

    /** The withdrawals queued by {@code ex}, their shares with units (read once per strategy and token, if not known). */
    private List<PendingWithdrawal> queuedIn(Execution ex, String delegationManager, long delay) {
        List<DelegationManager.SlashingWithdrawalQueuedEventResponse> events =
                ex.events(delegationManager, DelegationManager::getSlashingWithdrawalQueuedEvents);
        List<Withdrawal> structs = events.stream().map(e -> fromAbi(e.withdrawal)).toList();
        Map<String, String> unitOf = ctx.shareUnits(structs.stream().flatMap(w -> w.strategies().stream()).distinct().toList());
        List<PendingWithdrawal> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Withdrawal w = structs.get(i);
            List<BigInteger> shares = events.get(i).sharesToWithdraw;
            List<Shares> expected = new ArrayList<>();
            for (int k = 0; k < shares.size(); k++) {
                expected.add(Shares.of(shares.get(k), unitOf.get(w.strategies().get(k))));
            }
            out.add(new PendingWithdrawal(Numeric.toHexString(events.get(i).withdrawalRoot), w, expected, List.of(),
                    w.firstCompletableBlock(delay), 0, null));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------
    // Pending
    // ---------------------------------------------------------------------------------------------

    /** The client account's queued withdrawals; see {@link #pending(String)}. */
    @Override
    public List<PendingWithdrawal> pending() {
        return pending(ctx.account());
    }

    /**
     * Every withdrawal {@code staker} has queued and not completed, read from the DelegationManager in two
     * batched reads: {@code getQueuedWithdrawals} (each withdrawal with its expected shares) with the block and
     * its time, then those shares in the strategies' tokens. The roots are computed here
     * ({@link Withdrawal#root()}, as the contract's {@code calculateWithdrawalRoot}). On a new client the
     * constants it needs (the delay, the listed strategies' tokens, token metadata) ride along in the same two
     * batches; a strategy the network does not list costs one more on first sight. No local state: a new client
     * finds the same withdrawals. Pre-slashing (legacy) withdrawals are not listed by the contract and so not
     * here either.
     */
    @Override
    public List<PendingWithdrawal> pending(String staker) {
        Inputs.address(staker, "staker");
        ReadBatch first = ctx.reader.newBatch();
        Read<List<QueuedWithdrawals.Entry>> queued = first.add(ctx.delegationManager, QueuedWithdrawals.call(staker),
                QueuedWithdrawals::decode);
        Read<BigInteger> block = first.add(Multicall3::load, ctx.network.multicall3(), Multicall3::call_getBlockNumber);
        Read<BigInteger> time = first.add(Multicall3::load, ctx.network.multicall3(), Multicall3::call_getCurrentBlockTimestamp);
        Runnable delay = ctx.addWithdrawalDelayRead(first);          // first use only: in the same batch
        Runnable listed = ctx.addListedStrategyTokenReads(first);    // first use only: in the same batch
        first.execute();
        delay.run();
        listed.run();
        List<QueuedWithdrawals.Entry> entries = queued.get();
        if (entries.isEmpty()) {
            return List.of();
        }
        return describe(entries.stream().map(e -> e.withdrawal().root()).toList(), entries, block.get(), time.get());
    }

    /**
     * The pending withdrawal with this root (hex), read afresh: the root's status and withdrawal with the block
     * and its time, then the shares in tokens (two batched reads).
     *
     * @throws InvalidInputException when no withdrawal with that root is pending (never queued, or completed)
     */
    @Override
    public PendingWithdrawal byId(String root) {
        byte[] bytes = Inputs.bytes32(root, "withdrawal root");
        ReadBatch first = ctx.reader.newBatch();
        Read<Boolean> pending = first.add(DelegationManager::load, ctx.delegationManager, dm -> dm.call_pendingWithdrawals(bytes));
        Read<Tuple2<DelegationManager.Withdrawal, List<BigInteger>>> queued = first.add(DelegationManager::load,
                ctx.delegationManager, dm -> dm.call_getQueuedWithdrawal(bytes));
        Read<BigInteger> block = first.add(Multicall3::load, ctx.network.multicall3(), Multicall3::call_getBlockNumber);
        Read<BigInteger> time = first.add(Multicall3::load, ctx.network.multicall3(), Multicall3::call_getCurrentBlockTimestamp);
        Runnable delay = ctx.addWithdrawalDelayRead(first);
        Runnable listed = ctx.addListedStrategyTokenReads(first);
        first.execute();
        delay.run();
        listed.run();
        if (!pending.get()) {
            throw new InvalidInputException(ErrorCode.NOT_FOUND, "no EigenLayer withdrawal with root " + root + " is pending (never queued, or "
                    + "completed already)");
        }
        QueuedWithdrawals.Entry entry = new QueuedWithdrawals.Entry(fromAbi(queued.get().component1()), queued.get().component2());
        return describe(List.of(Numeric.toHexString(bytes)), List.of(entry), block.get(), time.get()).get(0);
    }

    /** Each withdrawal with its expected shares in shares and in tokens (one batched read more). */
    private List<PendingWithdrawal> describe(List<String> roots, List<QueuedWithdrawals.Entry> entries, BigInteger block,
            BigInteger time) {
        long delay = ctx.withdrawalDelayBlocks();
        List<Withdrawal> structs = entries.stream().map(QueuedWithdrawals.Entry::withdrawal).toList();
        List<List<BigInteger>> shares = entries.stream().map(QueuedWithdrawals.Entry::shares).toList();
        InTokens valued = inTokens(structs, shares);
        long at = block.longValueExact();
        Instant readAt = Instant.ofEpochSecond(time.longValueExact());
        List<PendingWithdrawal> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Withdrawal w = structs.get(i);
            out.add(new PendingWithdrawal(roots.get(i), w, valued.shares().get(i), valued.amounts().get(i),
                    w.firstCompletableBlock(delay), at, readAt));
        }
        return out;
    }

    private record InTokens(List<List<Shares>> shares, List<List<Amount>> amounts) {
    }

    /**
     * Shares per strategy with their unit, and in the token a completion as tokens pays by default (the
     * underlying token; EIGEN for the EIGEN strategy, 1:1 with its underlying bEIGEN): one batched
     * {@code sharesToUnderlyingView} per (strategy, shares), with the metadata of tokens not seen yet (and the
     * tokens of strategies not seen yet, whose metadata then takes one batch more).
     */
    private InTokens inTokens(List<Withdrawal> withdrawals, List<List<BigInteger>> shares) {
        List<String> strategies = withdrawals.stream().flatMap(w -> w.strategies().stream()).distinct().toList();
        List<String> known = strategies.stream().filter(ctx::tokensKnown).toList();
        ReadBatch batch = ctx.reader.newBatch();
        Runnable strategyTokens = ctx.addStrategyTokenReads(batch, strategies); // first use only: in the same batch
        java.util.function.Function<String, String> knownUnits = ctx.addShareUnitReads(batch, known);
        List<List<Read<BigInteger>>> reads = new ArrayList<>();
        for (int i = 0; i < withdrawals.size(); i++) {
            List<Read<BigInteger>> row = new ArrayList<>();
            for (int k = 0; k < withdrawals.get(i).strategies().size(); k++) {
                String strategy = withdrawals.get(i).strategies().get(k);
                BigInteger s = shares.get(i).get(k);
                row.add(ctx.isBeacon(strategy) ? null : batch.add(Strategy::load, strategy, st -> st.call_sharesToUnderlyingView(s)));
            }
            reads.add(row);
        }
        if (batch.size() > 0) {
            batch.execute();
        }
        strategyTokens.run();
        Map<String, String> unitOf = new LinkedHashMap<>();
        known.forEach(s -> unitOf.put(s, knownUnits.apply(s)));
        List<String> unseen = strategies.stream().filter(s -> !unitOf.containsKey(s)).toList();
        if (!unseen.isEmpty()) {
            unitOf.putAll(ctx.shareUnits(unseen)); // strategies the network does not list, on first sight
        }
        List<List<Shares>> outShares = new ArrayList<>();
        List<List<Amount>> out = new ArrayList<>();
        for (int i = 0; i < withdrawals.size(); i++) {
            List<Shares> sharesRow = new ArrayList<>();
            List<Amount> row = new ArrayList<>();
            for (int k = 0; k < withdrawals.get(i).strategies().size(); k++) {
                String strategy = withdrawals.get(i).strategies().get(k);
                BigInteger n = shares.get(i).get(k);
                sharesRow.add(Shares.of(n, unitOf.get(strategy)));
                row.add(ctx.isBeacon(strategy) ? Amount.ofWei(n, Token.ETH)
                        : Amount.ofWei(reads.get(i).get(k).get(), ctx.tokens.token(ctx.defaultPayoutToken(strategy))));
            }
            outShares.add(sharesRow);
            out.add(row);
        }
        return new InTokens(outShares, out);
    }

    /**
     * Blocks until a transaction in the next block can complete {@code withdrawal}, polling the block number at
     * the client's poll interval, and returns it read afresh.
     *
     * @throws WaitTimeoutException when {@code timeout} passes first
     */
    @Override
    public PendingWithdrawal awaitClaimable(PendingWithdrawal withdrawal, Duration timeout) {
        Objects.requireNonNull(withdrawal, "withdrawal");
        ctx.ctx.waiter().until("withdrawal " + withdrawal.root() + " completable (from block "
                        + withdrawal.firstCompletableBlock() + ")",
                () -> {
                    long latest = ctx.ctx.waiter().latestBlock();
                    return withdrawal.isCompletableAfter(latest) ? java.util.Optional.of(latest) : java.util.Optional.empty();
                })
                .timeout(Inputs.positive(timeout, "timeout"))
                .await();
        return byId(withdrawal.root());
    }

    /** Completes these withdrawals as tokens (see {@link #complete(List, ReceiveAs)}). */
    @Override
    public Operation<WithdrawalsCompleted> claim(List<PendingWithdrawal> withdrawals) {
        return complete(withdrawals, ReceiveAs.TOKENS);
    }

    /** Completes every ready withdrawal as tokens (see {@link #completeAllReady(ReceiveAs)}). */
    @Override
    public Operation<WithdrawalsCompleted> claimAllReady() {
        return completeAllReady(ReceiveAs.TOKENS);
    }

    /** Queues a withdrawal of {@code amount} (see {@link #queue(Amount)}). */
    @Override
    public Operation<WithdrawalsQueued> request(Amount amount) {
        return queue(amount);
    }

    // ---------------------------------------------------------------------------------------------
    // Complete
    // ---------------------------------------------------------------------------------------------

    /**
     * Completes one withdrawal. As {@link ReceiveAs#TOKENS}, each strategy pays in its default token: the
     * underlying token, except the EIGEN strategy, which pays EIGEN (see {@link #complete(List, ReceiveAs, Token...)}
     * to receive bEIGEN instead).
     */
    public Operation<WithdrawalsCompleted> complete(PendingWithdrawal withdrawal, ReceiveAs receiveAs) {
        return complete(List.of(Objects.requireNonNull(withdrawal, "withdrawal")), receiveAs);
    }

    /** Completes one withdrawal, paid in the tokens asked where its strategies can pay them; see {@link #complete(List, ReceiveAs, Token...)}. */
    public Operation<WithdrawalsCompleted> complete(PendingWithdrawal withdrawal, ReceiveAs receiveAs, Token... payIn) {
        return complete(List.of(Objects.requireNonNull(withdrawal, "withdrawal")), receiveAs, payIn);
    }

    /**
     * Completes these withdrawals in one transaction ({@code completeQueuedWithdrawals} when several).
     * Refused before signing when one is not the account's, is no longer pending, or cannot be completed
     * in the block the transaction would land in (the message names the first block that can).
     */
    public Operation<WithdrawalsCompleted> complete(List<PendingWithdrawal> withdrawals, ReceiveAs receiveAs) {
        return complete(withdrawals, receiveAs, new Token[0]);
    }

    /**
     * Completes these withdrawals in one transaction, as {@link #complete(List, ReceiveAs)} does, and, as
     * {@link ReceiveAs#TOKENS}, pays each strategy's part in the first of {@code payIn} that the strategy can
     * pay, else in its default token. Only the EIGEN strategy can pay two tokens: EIGEN (its default) and
     * bEIGEN (its underlying token, which it holds). So
     * {@code complete(ws, ReceiveAs.TOKENS, bEigen)} receives bEIGEN from the EIGEN strategy and the
     * underlying token from the others. A token of {@code payIn} that none of the withdrawals' strategies can
     * pay is refused when the operation plans (a typo would otherwise pass unnoticed).
     *
     * <pre>{@code
     * Token bEigen = client.tokens().token(network.require("eigenlayer.bEIGEN"));
     * client.eigenLayer().withdrawals().complete(w, ReceiveAs.TOKENS, bEigen).send();   // bEIGEN, not EIGEN
     * }</pre>
     *
     * @throws InvalidInputException at once when {@code payIn} is given with {@link ReceiveAs#SHARES}
     */
    public Operation<WithdrawalsCompleted> complete(List<PendingWithdrawal> withdrawals, ReceiveAs receiveAs, Token... payIn) {
        Objects.requireNonNull(receiveAs, "receiveAs");
        if (withdrawals == null || withdrawals.isEmpty()) {
            throw new InvalidInputException(ErrorCode.MISSING, "no withdrawals to complete");
        }
        List<Token> asked = payoutTokens(receiveAs, payIn);
        List<PendingWithdrawal> given = List.copyOf(withdrawals);
        return ctx.operation("complete " + given.size() + " withdrawal(s) as " + describe(receiveAs, asked),
                plan -> planComplete(plan, given, receiveAs, asked));
    }

    private static List<Token> payoutTokens(ReceiveAs receiveAs, Token[] payIn) {
        List<Token> asked = List.of(payIn == null ? new Token[0] : payIn);  // List.of refuses null elements
        if (!asked.isEmpty() && receiveAs != ReceiveAs.TOKENS) {
            throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "payout tokens (" + asked.stream().map(Token::symbol).toList()
                    + ") only apply when completing as tokens, not as " + receiveAs.name().toLowerCase(java.util.Locale.ROOT));
        }
        return asked;
    }

    private static String describe(ReceiveAs receiveAs, List<Token> asked) {
        return receiveAs.name().toLowerCase(java.util.Locale.ROOT)
                + (asked.isEmpty() ? "" : " (in " + String.join(", ", asked.stream().map(Token::symbol).toList()) + " where possible)");
    }

    /**
     * The token each strategy pays in: the first of {@code asked} it accepts, else its default (read once per
     * strategy). Refuses a token of {@code asked} that no strategy accepts.
     */
    private Map<String, String> payoutTokenOf(List<String> strategies, List<Token> asked) {
        ctx.underlyingTokens(strategies);  // one batch for the strategies not read yet; acceptedTokens then reads nothing
        for (Token t : asked) {
            if (strategies.stream().noneMatch(s -> accepts(s, t.address()))) {
                throw new InvalidInputException(ErrorCode.WRONG_TOKEN, "none of the withdrawals' strategies " + strategies + " can pay " + t.symbol()
                        + " (" + t.address() + ")");
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String s : strategies) {
            out.put(s, ctx.isBeacon(s) ? EigenLayerContext.ZERO_ADDRESS : asked.stream().map(Token::address)
                    .filter(t -> accepts(s, t)).findFirst().orElseGet(() -> ctx.defaultPayoutToken(s)));
        }
        return out;
    }

    private boolean accepts(String strategy, String token) {
        return !ctx.isBeacon(strategy) && ctx.acceptedTokens(strategy).stream().anyMatch(token::equalsIgnoreCase);
    }

    private void planComplete(Plan.Builder<WithdrawalsCompleted> plan, List<PendingWithdrawal> withdrawals, ReceiveAs receiveAs,
            List<Token> asked) {
        String staker = ctx.account();
        List<String> allStrategies = new ArrayList<>();
        withdrawals.forEach(w -> allStrategies.addAll(w.strategies()));
        Map<String, String> tokenOf = payoutTokenOf(allStrategies.stream().distinct().toList(), asked);
        long firstBlock = 0;
        String latest = null;
        List<DelegationManager.Withdrawal> structs = new ArrayList<>();
        List<List<String>> tokens = new ArrayList<>();
        for (PendingWithdrawal p : withdrawals) {
            Withdrawal w = p.withdrawal();
            if (!w.withdrawer().equalsIgnoreCase(staker)) {
                throw new InvalidInputException(ErrorCode.NOT_PERMITTED, "withdrawal " + p.root() + " belongs to " + w.withdrawer() + ", not to "
                        + staker + " (only its withdrawer can complete it)");
            }
            byte[] root = Numeric.hexStringToByteArray(p.root());
            plan.check(Check.of("withdrawal " + p.root() + " pending", DelegationManager::load, ctx.delegationManager,
                    (DelegationManager dm) -> dm.call_pendingWithdrawals(root))
                    .require(ErrorCode.ALREADY_DONE, Boolean::booleanValue, x -> "withdrawal " + p.root() + " is not pending (already completed?)"));
            if (p.firstCompletableBlock() > firstBlock) {
                firstBlock = p.firstCompletableBlock();
                latest = p.root();
            }
            structs.add(toAbi(w));
            tokens.add(w.strategies().stream().map(tokenOf::get).toList());
        }
        long needed = firstBlock;
        String last = latest;
        // the simulation runs in the block the transaction would land in, so its block number decides
        plan.check(Check.of("block number", Multicall3::load, ctx.network.multicall3(), Multicall3::call_getBlockNumber)
                .require(ErrorCode.NOT_READY, b -> b.longValueExact() >= needed, b -> "withdrawal " + last + " can be completed from block "
                        + needed + "; the next block is " + b + " (" + (needed - b.longValueExact()) + " to go)"));
        boolean asTokens = receiveAs == ReceiveAs.TOKENS;
        String calldata;
        if (structs.size() == 1) {
            calldata = DelegationManager.getABI_send_completeQueuedWithdrawal(structs.get(0), tokens.get(0), asTokens);
        } else {
            Function many = HandEncoded.function(COMPLETE_MANY, List.of(
                    HandEncoded.array(DelegationManager.Withdrawal.class, structs),
                    HandEncoded.addressArrays(tokens),
                    HandEncoded.bools(java.util.Collections.nCopies(structs.size(), asTokens))));
            calldata = FunctionEncoder.encode(many);
        }
        plan.step(Step.raw("complete " + withdrawals.size() + " withdrawal(s)", ctx.delegationManager, calldata, BigInteger.ZERO));
        List<Token> paidIn = asTokens ? new java.util.LinkedHashSet<>(tokenOf.values()).stream()
                .filter(t -> !EigenLayerContext.isZero(t)) // native ETH is paid by the pod, not by a token transfer
                .map(ctx.tokens::token).toList() : List.of();
        plan.result(ex -> {
            List<String> roots = ex.events(ctx.delegationManager, DelegationManager::getSlashingWithdrawalCompletedEvents).stream()
                    .map(e -> Numeric.toHexString(e.withdrawalRoot)).toList();
            List<Amount> received = new ArrayList<>();
            for (Token token : paidIn) {
                BigInteger wei = ex.transferred(token.address(), null, staker);
                if (wei.signum() > 0) {
                    received.add(Amount.ofWei(wei, token));
                }
            }
            return new WithdrawalsCompleted(ex, roots, received);
        });
    }

    /**
     * Completes every pending withdrawal of the account that the next block can complete, in one
     * transaction. Refused when none is ready (naming the first block at which one will be).
     */
    public Operation<WithdrawalsCompleted> completeAllReady(ReceiveAs receiveAs) {
        return completeAllReady(receiveAs, new Token[0]);
    }

    /**
     * Completes every ready withdrawal, as {@link #completeAllReady(ReceiveAs)} does, paying each strategy in
     * the first of {@code payIn} it can pay, else its default token (see {@link #complete(List, ReceiveAs, Token...)}).
     *
     * <pre>{@code
     * client.eigenLayer().withdrawals().completeAllReady(ReceiveAs.TOKENS, bEigen).send();
     * }</pre>
     */
    public Operation<WithdrawalsCompleted> completeAllReady(ReceiveAs receiveAs, Token... payIn) {
        Objects.requireNonNull(receiveAs, "receiveAs");
        List<Token> asked = payoutTokens(receiveAs, payIn);
        return ctx.operation("complete every ready withdrawal as " + describe(receiveAs, asked),
                plan -> {
                    List<PendingWithdrawal> all = pending();
                    List<PendingWithdrawal> ready = all.stream().filter(PendingWithdrawal::isReady).toList();
                    if (ready.isEmpty()) {
                        throw new InvalidInputException(ErrorCode.NOT_READY, all.isEmpty() ? ctx.account() + " has no queued withdrawals"
                                : "none of " + ctx.account() + "'s " + all.size() + " queued withdrawal(s) is ready; the first"
                                        + " can be completed from block " + all.stream()
                                                .mapToLong(PendingWithdrawal::firstCompletableBlock).min().getAsLong());
                    }
                    planComplete(plan, ready, receiveAs, asked);
                });
    }

    static Withdrawal fromAbi(DelegationManager.Withdrawal w) {
        return new Withdrawal(w.staker, w.delegatedTo, w.withdrawer, w.nonce, w.startBlock.longValueExact(), w.strategies,
                w.scaledShares);
    }

    static DelegationManager.Withdrawal toAbi(Withdrawal w) {
        return new DelegationManager.Withdrawal(w.staker(), w.delegatedTo(), w.withdrawer(), w.nonce(),
                BigInteger.valueOf(w.startBlock()), w.strategies(), w.scaledShares());
    }
}
