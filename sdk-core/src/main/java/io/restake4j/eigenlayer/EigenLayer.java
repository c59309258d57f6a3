package io.restake4j.eigenlayer;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.web3j.tuples.generated.Tuple2;

import io.restake4j.contracts.eigenlayer.DelegationManager;
import io.restake4j.contracts.eigenlayer.EigenPodManager;
import io.restake4j.contracts.eigenlayer.Strategy;
import io.restake4j.contracts.eigenlayer.StrategyManager;
import io.restake4j.eip712.Eip712Domain;
import io.restake4j.eip712.Signature;
import io.restake4j.eip712.TypedData;
import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.internal.Inputs;
import io.restake4j.network.Network;
import io.restake4j.read.MulticallReader;
import io.restake4j.read.Read;
import io.restake4j.read.ReadBatch;
import io.restake4j.signer.Signer;
import io.restake4j.tokens.ApprovalPolicy;
import io.restake4j.tokens.Approvals;
import io.restake4j.tokens.Tokens;
import io.restake4j.tx.Check;
import io.restake4j.tx.Operation;
import io.restake4j.tx.Plan;
import io.restake4j.tx.Step;
import io.restake4j.ProtocolContext;
import io.restake4j.units.Amount;
import io.restake4j.units.Shares;
import io.restake4j.units.Token;

/**
 * EigenLayer for stakers: deposits into strategies, delegation to operators, the withdrawal queue,
 * slashing-aware positions, reward claims and EigenPods. Obtained from {@code client.eigenLayer()}; its
 * addresses come from the client's network ({@code eigenlayer.*} entries: the mainnet, Hoodi and Sepolia
 * presets, or a devnet's address book).
 *
 * <p>Every write is an {@link Operation}: preview it, then send it. Checks that the chain can answer
 * (balances, allowances, delegation state, delays) run inside the same simulation and fail with an
 * {@link InvalidInputException} before anything is signed.
 *
 * <pre>{@code
 * EigenLayer el = client.eigenLayer();
 * DepositResult d = el.deposit(Amount.parse("10", stEth)).send();          // approve (if short) + deposit
 * el.delegateTo(operator).send();
 * WithdrawalsQueued q = el.withdrawals().queueAll(d.strategy()).send();
 * el.withdrawals().awaitClaimable(q.withdrawals().get(0), Duration.ofMinutes(30));
 * el.withdrawals().completeAllReady(ReceiveAs.TOKENS).send();
 *
 * el.deposit(Amount.parse("10", eigen)).send();                             // EIGEN (or bEIGEN): the EIGEN strategy
 * el.withdrawals().completeAllReady(ReceiveAs.TOKENS, bEigen).send();       // paid in bEIGEN (EIGEN by default)
 * }</pre>
 */
public final class EigenLayer {

    private final EigenLayerContext ctx;
    private final Withdrawals withdrawals;
    private final Rewards rewards;
    private final EigenPods pods;

    /** Use {@code client.eigenLayer()}; reads nothing. */
    public EigenLayer(ProtocolContext context) {
        this.ctx = new EigenLayerContext(context);
        this.withdrawals = new Withdrawals(ctx);
        this.rewards = new Rewards(ctx);
        this.pods = new EigenPods(ctx);
    }

    /** The withdrawal queue: queue, list pending, wait, complete. */
    public Withdrawals withdrawals() {
        return withdrawals;
    }

    /** Rewards: distribution roots, claims, claimers. */
    public Rewards rewards() {
        return rewards;
    }

    /** Native restaking: the account's EigenPod. */
    public EigenPods pods() {
        return pods;
    }

    // ---------------------------------------------------------------------------------------------
    // Deposits
    // ---------------------------------------------------------------------------------------------

    private static final String ETH_HINT = "EigenLayer's strategies take ERC-20 tokens; native ETH is restaked through"
            + " an EigenPod (eigenLayer().pods()), or stake it for a liquid token first (e.g. lido().stake(..))";

    /** The strategy the network lists for {@code token} (found by the strategies' underlying tokens). */
    public String strategyFor(Token token) {
        return ctx.strategyFor(Objects.requireNonNull(token, "token"));
    }

    /**
     * Deposits {@code amount} into its token's strategy, approving exactly the amount when the allowance is short.
     * The strategy is the network's strategy that takes the token: its underlying token, or, for the EIGEN
     * strategy, EIGEN as well as bEIGEN (EIGEN is unwrapped 1:1 into bEIGEN by the strategy; either mints the
     * same shares).
     */
    public Operation<DepositResult> deposit(Amount amount) {
        Inputs.erc20Amount(amount, "deposit amount", ETH_HINT);
        return ctx.operation("deposit " + amount + " into EigenLayer", plan -> planDeposit(plan, amount,
                ctx.strategyFor(amount.token()), ApprovalPolicy.EXACT));
    }

    /**
     * Deposits {@code amount} into {@code strategy}. The StrategyManager pulls the tokens, so it is the
     * spender approved (only when the allowance is short, by {@code policy}).
     */
    public Operation<DepositResult> deposit(Amount amount, String strategy, ApprovalPolicy policy) {
        Inputs.erc20Amount(amount, "deposit amount", ETH_HINT);
        Inputs.address(strategy, "strategy");
        Objects.requireNonNull(policy, "policy");
        return ctx.operation("deposit " + amount + " into EigenLayer strategy " + strategy,
                plan -> planDeposit(plan, amount, strategy, policy));
    }

    private void planDeposit(Plan.Builder<DepositResult> plan, Amount amount, String strategy, ApprovalPolicy policy) {
        String staker = ctx.account();
        String token = amount.token().address();
        {
            List<String> accepted = ctx.acceptedTokens(strategy);  // read once per strategy, then remembered
            if (accepted.stream().noneMatch(token::equalsIgnoreCase)) {
                throw new InvalidInputException(ErrorCode.WRONG_TOKEN, "strategy " + strategy + " takes " + String.join(" or ", accepted) + ", not "
                        + amount.token().symbol() + " (" + token + ")");
            }
            plan.check(whitelisted(strategy));
            // the StrategyManager pulls the token deposited (EIGEN or bEIGEN for the EIGEN strategy): that one is approved
            Approvals.require(plan, staker, ctx.strategyManager, amount, policy);
            plan.step(Step.of("depositIntoStrategy " + amount, StrategyManager::load, ctx.strategyManager,
                    sm -> sm.call_depositIntoStrategy(strategy, token, amount.wei())));
            plan.result(ex -> depositResult(ex, amount));
        }
    }

    /**
     * The StrategyManager's EIP-712 domain, read now: name "EigenLayer", the version from its
     * {@code version()} (first character, else first two, else the whole string), checked against its
     * {@code domainSeparator()}.
     *
     * @throws io.restake4j.errors.Eip712DomainMismatchException when no candidate matches the separator
     */
    public Eip712Domain strategyManagerDomain() {
        ReadBatch batch = ctx.reader.newBatch();
        Supplier<Eip712Domain> domain = ctx.domain(batch, ctx.strategyManager);
        batch.execute();
        return domain.get();
    }

    /**
     * What {@code staker} would sign to let someone else deposit {@code amount} into {@code strategy} for it,
     * with its current StrategyManager nonce (one read), valid until {@code expiry}. Sign
     * {@link #depositTypedData(DepositRequest)} elsewhere, then {@link DepositSignature#of}.
     */
    public DepositRequest depositRequest(String staker, Amount amount, String strategy, Instant expiry) {
        Inputs.address(staker, "staker");
        Inputs.positive(amount, "deposit amount");
        Inputs.address(strategy, "strategy");
        Inputs.future(expiry, "the signature's expiry");
        BigInteger nonce = ctx.readOne(StrategyManager::load, ctx.strategyManager, sm -> sm.call_nonces(staker));
        return new DepositRequest(staker, strategy, amount, nonce, BigInteger.valueOf(expiry.getEpochSecond()));
    }

    /**
     * The typed data of {@code request} in the StrategyManager's domain, read now and checked against its
     * {@code domainSeparator()}: {@code toJson()} for a wallet ({@code eth_signTypedData_v4}), {@code digest()}
     * for a raw signer. Its digest equals the StrategyManager's {@code calculateStrategyDepositDigestHash}.
     *
     * @throws io.restake4j.errors.Eip712DomainMismatchException when the domain cannot be confirmed
     */
    public TypedData depositTypedData(DepositRequest request) {
        Objects.requireNonNull(request, "request");
        return request.typedData(strategyManagerDomain());
    }

    /**
     * Signs now, as {@code staker}, consent for someone else to deposit {@code amount} into {@code strategy}
     * on the staker's behalf (see {@link #depositWithSignature}). Reads the staker's nonce and the
     * StrategyManager's EIP-712 domain in one batch, at this call, and refuses to sign when the domain does
     * not match the contract's {@code domainSeparator()}. Not an {@link Operation}: the signature is made here.
     *
     * @throws io.restake4j.errors.Eip712DomainMismatchException when the domain cannot be confirmed (nothing signed)
     */
    public DepositSignature signDeposit(Signer staker, Amount amount, String strategy, Instant expiry) {
        Objects.requireNonNull(staker, "staker");
        Inputs.positive(amount, "deposit amount");
        Inputs.address(strategy, "strategy");
        Inputs.future(expiry, "the signature's expiry");
        ReadBatch batch = ctx.reader.newBatch();
        Read<BigInteger> nonce = batch.add(StrategyManager::load, ctx.strategyManager, sm -> sm.call_nonces(staker.address()));
        Supplier<Eip712Domain> domain = ctx.domain(batch, ctx.strategyManager);
        batch.execute();
        Eip712Domain checked = domain.get();  // first: a contract with an unexpected domain is refused whatever else it says
        DepositRequest request = new DepositRequest(staker.address(), strategy, amount, nonce.get(),
                BigInteger.valueOf(expiry.getEpochSecond()));
        TypedData data = request.typedData(checked);
        return DepositSignature.of(request, Signature.of(staker.signDigest(data.digest())));
    }

    /**
     * Deposits for the staker who signed {@code consent}: the client account pays the tokens (approving
     * the StrategyManager exactly when short), the staker receives the shares. Refused before signing
     * when the consent has expired or its nonce was used.
     */
    public Operation<DepositResult> depositWithSignature(DepositSignature consent) {
        Objects.requireNonNull(consent, "consent");
        Amount amount = consent.amount();
        String strategy = consent.strategy();
        String token = amount.token().address();
        return ctx.<DepositResult>operation("deposit " + amount + " into " + strategy + " for " + consent.staker(), plan -> {
            long now = Instant.now().getEpochSecond();
            if (consent.expiry().compareTo(BigInteger.valueOf(now)) < 0) {
                throw new InvalidInputException(ErrorCode.EXPIRED, "the deposit signature of " + consent.staker() + " expired at "
                        + consent.expiry() + " (unix seconds); now is " + now);
            }
            plan.check(whitelisted(strategy));
            plan.check(Check.of("deposit nonce of " + consent.staker(), StrategyManager::load, ctx.strategyManager,
                    (StrategyManager sm) -> sm.call_nonces(consent.staker()))
                    .require(ErrorCode.BAD_SIGNATURE, n -> n.equals(consent.nonce()), n -> "the deposit signature of " + consent.staker() + " was made for nonce "
                            + consent.nonce() + " but the StrategyManager is at " + n + " (already used?)"));
            Approvals.require(plan, ctx.account(), ctx.strategyManager, amount, ApprovalPolicy.EXACT);
            plan.step(Step.of("depositIntoStrategyWithSignature " + amount + " for " + consent.staker(), StrategyManager::load,
                    ctx.strategyManager, sm -> sm.call_depositIntoStrategyWithSignature(strategy, token, amount.wei(),
                            consent.staker(), consent.expiry(), consent.signature())));
            plan.result(ex -> depositResult(ex, amount));
        });
    }

    /** The deposit's {@code Deposit} event, its shares in the strategy's unit (see {@link Position}). */
    private DepositResult depositResult(io.restake4j.tx.Execution ex, Amount amount) {
        StrategyManager.DepositEventResponse d = ex.events(ctx.strategyManager, StrategyManager::getDepositEvents).get(0);
        String unit = ctx.shareUnits(List.of(d.strategy)).get(d.strategy);
        return new DepositResult(ex, d.staker, d.strategy, amount, Shares.of(d.shares, unit));
    }

    private Check<Boolean> whitelisted(String strategy) {
        return Check.of("deposit whitelist of " + strategy, StrategyManager::load, ctx.strategyManager,
                (StrategyManager sm) -> sm.call_strategyIsWhitelistedForDeposit(strategy))
                .require(Boolean::booleanValue, w -> "strategy " + strategy + " is not whitelisted for deposits");
    }

    // ---------------------------------------------------------------------------------------------
    // Delegation
    // ---------------------------------------------------------------------------------------------

    /**
     * Delegates the account's shares to {@code operator}, whose delegation approver (if any) must not be
     * set; for an operator with an approver use {@link #delegateTo(String, DelegationApproval)}.
     */
    public Operation<DelegationResult> delegateTo(String operator) {
        return delegateTo(operator, null);
    }

    /**
     * Delegates to {@code operator} with its approver's consent ({@code approval} may be null if none is needed).
     * Refused before anything is read or signed when {@code approval} names another staker than the client's
     * account or another operator, or its expiry has passed (checked again at each preview and send); and, among
     * the checks simulated before signing, when it names another approver than the operator's on chain.
     *
     * <pre>{@code
     * DelegationApproval ok = el.signDelegationApproval(approver, client.account(), operator, Instant.now().plusSeconds(3600));
     * el.delegateTo(operator, ok).send();
     * }</pre>
     *
     * @throws InvalidInputException at once when the approval is for another staker or operator, or expired
     */
    public Operation<DelegationResult> delegateTo(String operator, DelegationApproval approval) {
        Inputs.address(operator, "operator");
        String staker = ctx.account();
        requireApprovalFor(approval, staker, operator);
        return ctx.<DelegationResult>operation("delegate " + staker + " to operator " + operator, plan -> {
            plan.check(Check.of("delegation of " + staker, DelegationManager::load, ctx.delegationManager,
                    (DelegationManager dm) -> dm.call_delegatedTo(staker))
                    .require(ErrorCode.ALREADY_DONE, EigenLayerContext::isZero, current -> staker + " is already delegated to " + current
                            + "; undelegate (or redelegate) first"));
            operatorChecks(plan, operator, approval);
            DelegationManager.SignatureWithExpiry sig = signatureOf(approval);
            byte[] salt = approval == null ? new byte[32] : approval.salt();
            plan.step(Step.raw("delegateTo " + operator, ctx.delegationManager,
                    DelegationManager.getABI_send_delegateTo(operator, sig, salt), BigInteger.ZERO));
            plan.result(ex -> {
                DelegationManager.StakerDelegatedEventResponse e = ex.events(ctx.delegationManager, DelegationManager::getStakerDelegatedEvents).get(0);
                return new DelegationResult(ex, e.staker, e.operator);
            });
        });
    }

    /** Undelegates the account: every strategy's shares are queued for withdrawal (one withdrawal each). */
    public Operation<WithdrawalsQueued> undelegate() {
        String staker = ctx.account();
        return ctx.<WithdrawalsQueued>operation("undelegate " + staker, plan -> {
            plan.check(Check.of("delegation of " + staker, DelegationManager::load, ctx.delegationManager,
                    (DelegationManager dm) -> dm.call_isDelegated(staker))
                    .require(Boolean::booleanValue, d -> staker + " is not delegated to any operator"));
            plan.check(Check.of("operator status of " + staker, DelegationManager::load, ctx.delegationManager,
                    (DelegationManager dm) -> dm.call_isOperator(staker))
                    .require(ErrorCode.NOT_PERMITTED, op -> !op, op -> staker + " is an operator; operators cannot undelegate"));
            plan.step(Step.of("undelegate " + staker, DelegationManager::load, ctx.delegationManager,
                    dm -> dm.call_undelegate(staker)));
            plan.result(ex -> new WithdrawalsQueued(ex, withdrawals.queuedIn(ex)));
        });
    }

    /** Redelegates to {@code newOperator}, which must have no delegation approver; see {@link #redelegate(String, DelegationApproval)}. */
    public Operation<WithdrawalsQueued> redelegate(String newOperator) {
        return redelegate(newOperator, null);
    }

    /**
     * Undelegates and delegates to {@code newOperator} in one transaction; the shares pass through the
     * withdrawal queue (complete them {@link ReceiveAs#SHARES} to restake them with the new operator).
     */
    public Operation<WithdrawalsQueued> redelegate(String newOperator, DelegationApproval approval) {
        Inputs.address(newOperator, "new operator");
        String staker = ctx.account();
        requireApprovalFor(approval, staker, newOperator);
        return ctx.<WithdrawalsQueued>operation("redelegate " + staker + " to " + newOperator, plan -> {
            plan.check(Check.of("delegation of " + staker, DelegationManager::load, ctx.delegationManager,
                    (DelegationManager dm) -> dm.call_delegatedTo(staker))
                    .require(current -> !EigenLayerContext.isZero(current), current -> staker + " is not delegated; use delegateTo")
                    .require(ErrorCode.ALREADY_DONE, current -> !current.equalsIgnoreCase(newOperator), current -> staker + " is already delegated to "
                            + newOperator));
            operatorChecks(plan, newOperator, approval);
            DelegationManager.SignatureWithExpiry sig = signatureOf(approval);
            byte[] salt = approval == null ? new byte[32] : approval.salt();
            plan.step(Step.of("redelegate to " + newOperator, DelegationManager::load, ctx.delegationManager,
                    dm -> dm.call_redelegate(newOperator, sig, salt)));
            plan.result(ex -> new WithdrawalsQueued(ex, withdrawals.queuedIn(ex)));
        });
    }

    private void operatorChecks(Plan.Builder<?> plan, String operator, DelegationApproval approval) {
        plan.check(Check.of("operator registration of " + operator, DelegationManager::load, ctx.delegationManager,
                (DelegationManager dm) -> dm.call_isOperator(operator))
                .require(ErrorCode.NOT_FOUND, Boolean::booleanValue, r -> operator + " is not a registered EigenLayer operator"));
        Check<String> approver = Check.of("delegation approver of " + operator, DelegationManager::load,
                ctx.delegationManager, (DelegationManager dm) -> dm.call_delegationApprover(operator));
        if (approval == null) {
            approver = approver.require(ErrorCode.NOT_PERMITTED, EigenLayerContext::isZero, a -> "operator " + operator + " requires the consent of its"
                    + " delegation approver " + a + ": pass a DelegationApproval (see signDelegationApproval)");
        } else {
            requireNotExpired(approval);  // again at each run: time passes between building and sending
            // an operator without an approver ignores the approval; one with another approver would revert
            approver = approver.require(ErrorCode.NOT_PERMITTED, a -> EigenLayerContext.isZero(a) || a.equalsIgnoreCase(approval.approver()),
                    a -> "the delegation approval is signed by " + approval.approver() + " but operator " + operator
                            + "'s delegation approver is " + a);
        }
        plan.check(approver);
    }

    /** Refuses an approval for another staker or operator, or an expired one (null passes: none given). */
    private static void requireApprovalFor(DelegationApproval approval, String staker, String operator) {
        if (approval == null) {
            return;
        }
        if (!approval.staker().equalsIgnoreCase(staker)) {
            throw new InvalidInputException(ErrorCode.NOT_PERMITTED, "approval", "the delegation approval is for staker " + approval.staker() + ", not for "
                    + staker + " (this client's account)");
        }
        if (!approval.operator().equalsIgnoreCase(operator)) {
            throw new InvalidInputException(ErrorCode.NOT_PERMITTED, "approval", "the delegation approval is for operator " + approval.operator() + ", not for "
                    + operator);
        }
        requireNotExpired(approval);
    }

    private static void requireNotExpired(DelegationApproval approval) {
        long now = Instant.now().getEpochSecond();
        if (approval.expiry().compareTo(BigInteger.valueOf(now)) < 0) {
            throw new InvalidInputException(ErrorCode.EXPIRED, "approval", "the delegation approval expired at " + approval.expiry()
                    + " (unix seconds); now is " + now);
        }
    }

    private static DelegationManager.SignatureWithExpiry signatureOf(DelegationApproval approval) {
        return approval == null ? new DelegationManager.SignatureWithExpiry(new byte[0], BigInteger.ZERO)
                : new DelegationManager.SignatureWithExpiry(approval.signature(), approval.expiry());
    }

    /**
     * The DelegationManager's EIP-712 domain, read now: name "EigenLayer", the version from its
     * {@code version()} (first character, else first two, else the whole string), checked against its
     * {@code domainSeparator()}.
     *
     * @throws io.restake4j.errors.Eip712DomainMismatchException when no candidate matches the separator
     */
    public Eip712Domain delegationManagerDomain() {
        ReadBatch batch = ctx.reader.newBatch();
        Supplier<Eip712Domain> domain = ctx.domain(batch, ctx.delegationManager);
        batch.execute();
        return domain.get();
    }

    /**
     * The typed data an operator's delegation approver signs for {@code request}, in the DelegationManager's
     * domain read now and checked against its {@code domainSeparator()}: {@code toJson()} for a wallet,
     * {@code digest()} (equal to the contract's {@code calculateDelegationApprovalDigestHash}) for a raw signer.
     * Hand the 65-byte answer back with {@link DelegationApproval#of(DelegationApprovalRequest, Signature)}.
     *
     * @throws io.restake4j.errors.Eip712DomainMismatchException when the domain cannot be confirmed
     */
    public TypedData delegationApprovalTypedData(DelegationApprovalRequest request) {
        Objects.requireNonNull(request, "request");
        return request.typedData(delegationManagerDomain());
    }

    /** {@code delegationApprovalTypedData(request).digest()}: the 32 bytes the approver signs. */
    public byte[] delegationApprovalDigest(DelegationApprovalRequest request) {
        return delegationApprovalTypedData(request).digest();
    }

    /**
     * Signs now, as the operator's delegation approver, consent for {@code staker} to delegate to
     * {@code operator}, valid until {@code expiry}, with a fresh random salt; see
     * {@link #signDelegationApproval(Signer, DelegationApprovalRequest)}.
     */
    public DelegationApproval signDelegationApproval(Signer approver, String staker, String operator, Instant expiry) {
        Objects.requireNonNull(approver, "approver");
        return signDelegationApproval(approver, DelegationApprovalRequest.of(staker, operator, approver.address(), expiry));
    }

    /**
     * Signs {@code request} now with {@code approver}. One batched read, at this call: the operator's approver
     * on chain (it must be {@code approver}) and the DelegationManager's EIP-712 domain, which must match the
     * contract's {@code domainSeparator()}, else nothing is signed. Not an {@link Operation}.
     *
     * @throws InvalidInputException when {@code approver} is not the request's nor the operator's approver
     * @throws io.restake4j.errors.Eip712DomainMismatchException when the domain cannot be confirmed (nothing signed)
     */
    public DelegationApproval signDelegationApproval(Signer approver, DelegationApprovalRequest request) {
        Objects.requireNonNull(approver, "approver");
        Objects.requireNonNull(request, "request");
        if (!request.approver().equalsIgnoreCase(approver.address())) {
            throw new InvalidInputException(ErrorCode.NOT_PERMITTED, "the request names approver " + request.approver() + ", but the signer is "
                    + approver.address());
        }
        ReadBatch batch = ctx.reader.newBatch();
        Read<String> onChain = batch.add(DelegationManager::load, ctx.delegationManager,
                dm -> dm.call_delegationApprover(request.operator()));
        Supplier<Eip712Domain> domain = ctx.domain(batch, ctx.delegationManager);
        batch.execute();
        Eip712Domain checked = domain.get();  // first: a contract with an unexpected domain is refused whatever else it says
        if (!onChain.get().equalsIgnoreCase(approver.address())) {
            throw new InvalidInputException(ErrorCode.NOT_PERMITTED, "operator " + request.operator() + " has delegation approver " + onChain.get()
                    + ", not " + approver.address());
        }
        TypedData data = request.typedData(checked);
        return DelegationApproval.of(request, Signature.of(approver.signDigest(data.digest())));
    }

    // ---------------------------------------------------------------------------------------------
    // Positions
    // ---------------------------------------------------------------------------------------------

    /** The client account's positions; see {@link #positions(String)}. */
    public Positions positions() {
        return positions(ctx.account());
    }

    /**
     * Every strategy {@code staker} holds shares in (native ETH included), with deposit shares,
     * withdrawable shares, their underlying amount, and the shares slashing has taken (rounding dust of the
     * deposit scaling factor is not slashing: see {@link Position}), each a {@link Shares} in the strategy's
     * unit; plus the operator. Three Multicall3
     * batches (three round trips) however many strategies: deposits, then withdrawable shares and deposit
     * scaling factors, then underlying amounts (token metadata is read once per client and cached).
     */
    public Positions positions(String staker) {
        Inputs.address(staker, "staker");
        ReadBatch first = ctx.reader.newBatch();
        Read<Tuple2<List<String>, List<BigInteger>>> deposits = first.add(StrategyManager::load, ctx.strategyManager,
                sm -> sm.call_getDeposits(staker));
        Read<String> operator = first.add(DelegationManager::load, ctx.delegationManager, dm -> dm.call_delegatedTo(staker));
        Read<BigInteger> podShares = first.add(EigenPodManager::load, ctx.eigenPodManager,
                pm -> pm.call_stakerDepositShares(staker, ctx.beaconChainEthStrategy));
        first.execute();

        List<String> strategies = new ArrayList<>(deposits.get().component1());
        List<BigInteger> depositShares = new ArrayList<>(deposits.get().component2());
        if (podShares.succeeded() && podShares.get().signum() > 0) {
            strategies.add(ctx.beaconChainEthStrategy);
            depositShares.add(podShares.get());
        }
        if (strategies.isEmpty()) {
            return new Positions(staker, operator.get(), List.of());
        }
        ReadBatch second = ctx.reader.newBatch();
        Runnable strategyTokens = ctx.addStrategyTokenReads(second, strategies); // first use only: folded in
        Read<Tuple2<List<BigInteger>, List<BigInteger>>> shares = second.add(DelegationManager::load, ctx.delegationManager,
                dm -> dm.call_getWithdrawableShares(staker, strategies));
        List<Read<BigInteger>> scaling = strategies.stream().map(s -> second.add(DelegationManager::load, ctx.delegationManager,
                dm -> dm.call_depositScalingFactor(staker, s))).toList();
        second.execute();
        strategyTokens.run();
        var tokenOf = ctx.underlyingTokens(strategies); // known now: reads nothing
        List<BigInteger> withdrawable = shares.get().component1();

        ReadBatch third = ctx.reader.newBatch();
        java.util.function.Function<String, String> unitOf = ctx.addShareUnitReads(third, strategies); // first use only
        List<Read<BigInteger>> underlying = new ArrayList<>();
        Map<String, java.util.function.Supplier<Token>> tokens = new LinkedHashMap<>();
        for (int i = 0; i < strategies.size(); i++) {
            String s = strategies.get(i);
            BigInteger w = withdrawable.get(i);
            underlying.add(ctx.isBeacon(s) ? null : third.add(Strategy::load, s, st -> st.call_sharesToUnderlyingView(w)));
            if (!ctx.isBeacon(s)) {
                tokens.computeIfAbsent(tokenOf.get(s), t -> ctx.tokens.token(third, t)); // first use only: folded in
            }
        }
        if (third.size() > 0) {
            third.execute();
        }
        List<Position> out = new ArrayList<>();
        for (int i = 0; i < strategies.size(); i++) {
            String s = strategies.get(i);
            // the deposit scaling factor makes withdrawable == deposit shares at deposit time, up to rounding:
            // the gap is slashing beyond the rounding bound (SlashedShares)
            BigInteger slashed = SlashedShares.of(depositShares.get(i), withdrawable.get(i), scaling.get(i).get());
            Amount amount = null;
            if (!ctx.isBeacon(s)) {
                amount = Amount.ofWei(underlying.get(i).get(), tokens.get(tokenOf.get(s)).get());
            }
            String unit = unitOf.apply(s);
            out.add(new Position(s, tokenOf.get(s), Shares.of(depositShares.get(i), unit), Shares.of(withdrawable.get(i), unit),
                    Shares.of(slashed, unit), amount));
        }
        return new Positions(staker, operator.get(), out);
    }
}
