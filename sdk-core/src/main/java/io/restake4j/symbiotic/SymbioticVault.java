package io.restake4j.symbiotic;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

import io.restake4j.ProtocolContext;
import io.restake4j.contracts.symbiotic.NetworkRestakeDelegator;
import io.restake4j.contracts.symbiotic.OperatorSpecificDelegator;
import io.restake4j.contracts.symbiotic.Vault;
import io.restake4j.contracts.symbiotic.VetoSlasher;
import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.exits.ExitStatus;
import io.restake4j.internal.Inputs;
import io.restake4j.read.LogFilter;
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
 * One Symbiotic core v1 vault (version 1 Vault or 2 VaultTokenized) for the client account: its collateral, epochs
 * and position, and lazy operations to deposit, withdraw or redeem into the next epoch's withdrawal bucket, and claim
 * buckets whose epoch has ended. The vault's version is read on first use: a Core V2 vault (version 3 or later) is
 * refused with {@link ErrorCode#INVALID_ARGUMENT} before anything is signed.
 *
 * <p>Every operation reads the chain at each {@code preview()} and {@code send()}, and refuses before signing, with a
 * typed {@link InvalidInputException}: a deposit while the whitelist is on and the account (the caller, whatever
 * {@code onBehalfOf}) is not on it ({@link ErrorCode#NOT_PERMITTED}), over the deposit limit
 * ({@link ErrorCode#ABOVE_MAXIMUM}), over the balance ({@link ErrorCode#INSUFFICIENT_BALANCE}); a withdrawal over the
 * active balance; a claim before its epoch has ended ({@link ErrorCode#NOT_READY}, with the time it unlocks), of a
 * bucket already claimed ({@link ErrorCode#ALREADY_DONE}) or empty for this account, i.e. it is not the claimer
 * ({@link ErrorCode#NOT_FOUND}); an empty {@code claimBatch} ({@link ErrorCode#INVALID_ARGUMENT}).
 *
 * <pre>{@code
 * SymbioticVault vault = client.symbiotic().vault("0x...");
 * vault.deposit(Amount.parse("10", vault.collateral())).send();
 * SymbioticVaultResult w = vault.redeemAll().send();                 // every active share, no dust
 * SymbioticWithdrawal bucket = vault.withdrawal(w.epoch().orElseThrow());
 * // ... after bucket.unlocksAt() ...
 * vault.claim(bucket.epoch()).send();
 * }</pre>
 */
public final class SymbioticVault implements SymbioticVaultBinding {

    /**
     * Gas a write may need beyond its simulation per checkpoint trace it touches (active stake, active shares, the
     * account's active shares): the vault checkpoints them by {@code block.timestamp}, and a simulation in the last
     * checkpoint's second updates it in place while the real block, a second later, pushes a new point: two new
     * storage slots, about 44,000 gas (see {@link Step#withGasAllowance}).
     */
    static final BigInteger CHECKPOINT_GAS = BigInteger.valueOf(45_000);
    private static final BigInteger ACTIVE_TRACES_GAS = CHECKPOINT_GAS.multiply(BigInteger.valueOf(3));

    private final ProtocolContext ctx;
    private final String address;

    SymbioticVault(ProtocolContext ctx, String address) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.address = address;
    }

    /** The vault's address. */
    @Override
    public String address() {
        return address;
    }

    /** The vault's VaultFactory version (1 Vault, 2 VaultTokenized, 3+ V2), read once and kept. */
    @Override
    public long version() {
        return ctx.remember(key("version"), () -> ctx.reads().readOne(Vault::load, address, Vault::call_version))
                .longValueExact();
    }

    /** The collateral token ({@code collateral()}, then its symbol and decimals), read once and kept. */
    public Token collateral() {
        requireV1();
        return ctx.remember(key("collateral"), () -> ctx.tokens().token(ctx.reads().readOne(Vault::load, address,
                Vault::call_collateral)));
    }

    private String key(String what) {
        return "symbiotic." + address.toLowerCase(Locale.ROOT) + "." + what;
    }

    private void requireV1() {
        long v = version();
        if (v >= Symbiotic.FIRST_V2_VERSION) {
            throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "vault " + address + " is a Symbiotic Core V2 vault"
                    + " (version " + v + "): it is an ERC-4626 vault with a withdrawal queue, not a v1 vault");
        }
    }

    /** The epoch clock (fixed for a v1 vault): its origin and length, read once and kept. */
    private record Clock(BigInteger init, BigInteger duration) {

        Instant start(BigInteger epoch) {
            return Instant.ofEpochSecond(init.add(duration.multiply(epoch)).longValueExact());
        }
    }

    private Clock clock() {
        requireV1();
        return ctx.remember(key("clock"), () -> {
            ReadBatch batch = ctx.reads().newBatch();
            Read<BigInteger> init = batch.add(Vault::load, address, Vault::call_epochDurationInit);
            Read<BigInteger> duration = batch.add(Vault::load, address, Vault::call_epochDuration);
            batch.execute();
            return new Clock(init.get(), duration.get());
        });
    }

    // ---------------------------------------------------------------------------------------------
    // Reads
    // ---------------------------------------------------------------------------------------------

    /** The current epoch ({@code currentEpoch()}). */
    public BigInteger currentEpoch() {
        requireV1();
        return ctx.reads().readOne(Vault::load, address, Vault::call_currentEpoch);
    }

    /** When {@code epoch} starts (the vault's epochs are {@code epochDuration} seconds from {@code epochDurationInit}). */
    public Instant epochStart(BigInteger epoch) {
        return clock().start(Objects.requireNonNull(epoch, "epoch"));
    }

    /** The client account's active balance in collateral ({@code activeBalanceOf}, rounded down). */
    public Amount activeBalance() {
        return activeBalance(ctx.account());
    }

    /** {@code account}'s active balance in collateral. */
    public Amount activeBalance(String account) {
        Inputs.address(account, "account");
        Token token = collateral();
        return Amount.ofWei(ctx.reads().readOne(Vault::load, address, v -> v.call_activeBalanceOf(account)), token);
    }

    /** The client account's active shares ({@code activeSharesOf}). */
    public BigInteger activeShares() {
        requireV1();
        String account = ctx.account();
        return ctx.reads().readOne(Vault::load, address, v -> v.call_activeSharesOf(account));
    }

    /** The client account's bucket of {@code epoch} (see {@link #withdrawal(BigInteger, String)}). */
    public SymbioticWithdrawal withdrawal(BigInteger epoch) {
        return withdrawal(epoch, ctx.account());
    }

    /**
     * {@code account}'s withdrawal bucket of {@code epoch} as the chain has it now, in one Multicall3 batch:
     * {@code withdrawalsOf}, {@code withdrawalSharesOf}, {@code isWithdrawalsClaimed} and {@code currentEpoch}. It is
     * claimable once {@code currentEpoch() > epoch}, from {@code epochDurationInit + (epoch + 1) * epochDuration}.
     */
    public SymbioticWithdrawal withdrawal(BigInteger epoch, String account) {
        Objects.requireNonNull(epoch, "epoch");
        Inputs.address(account, "account");
        Token token = collateral();
        Clock clock = clock();
        ReadBatch batch = ctx.reads().newBatch();
        Read<BigInteger> amount = batch.add(Vault::load, address, v -> v.call_withdrawalsOf(epoch, account));
        Read<BigInteger> shares = batch.add(Vault::load, address, v -> v.call_withdrawalSharesOf(epoch, account));
        Read<Boolean> claimed = batch.add(Vault::load, address, v -> v.call_isWithdrawalsClaimed(epoch, account));
        Read<BigInteger> current = batch.add(Vault::load, address, Vault::call_currentEpoch);
        batch.execute();
        ExitStatus status = claimed.get() ? ExitStatus.CLAIMED
                : current.get().compareTo(epoch) > 0 ? ExitStatus.CLAIMABLE : ExitStatus.PENDING;
        return new SymbioticWithdrawal(address, account, epoch, Amount.ofWei(amount.get(), token), shares.get(), status,
                clock.start(epoch.add(BigInteger.ONE)));
    }

    /** The client account's position (see {@link #position(String)}). */
    public SymbioticVaultPosition position() {
        return position(ctx.account());
    }

    /**
     * {@code account}'s position in one Multicall3 batch: {@code activeSharesOf}, {@code activeBalanceOf},
     * {@code slashableBalanceOf}, the vault's {@code activeStake} and {@code totalStake}, {@code currentEpoch},
     * {@code delegator} and {@code slasher}.
     */
    public SymbioticVaultPosition position(String account) {
        Inputs.address(account, "account");
        Token token = collateral();
        ReadBatch batch = ctx.reads().newBatch();
        Read<BigInteger> shares = batch.add(Vault::load, address, v -> v.call_activeSharesOf(account));
        Read<BigInteger> balance = batch.add(Vault::load, address, v -> v.call_activeBalanceOf(account));
        Read<BigInteger> slashable = batch.add(Vault::load, address, v -> v.call_slashableBalanceOf(account));
        Read<BigInteger> active = batch.add(Vault::load, address, Vault::call_activeStake);
        Read<BigInteger> total = batch.add(Vault::load, address, Vault::call_totalStake);
        Read<BigInteger> epoch = batch.add(Vault::load, address, Vault::call_currentEpoch);
        Read<String> delegator = batch.add(Vault::load, address, Vault::call_delegator);
        Read<String> slasher = batch.add(Vault::load, address, Vault::call_slasher);
        batch.execute();
        return new SymbioticVaultPosition(address, account, epoch.get(), shares.get(), Amount.ofWei(balance.get(), token),
                Amount.ofWei(slashable.get(), token), Amount.ofWei(active.get(), token), Amount.ofWei(total.get(), token),
                delegator.get(), slasher.get());
    }

    /**
     * The slashes that concern this vault's stakers: every executed one (the vault's {@code OnSlash} logs, oldest
     * first) and, when the vault's slasher is a VetoSlasher ({@code TYPE() == 1}), its requests not completed yet
     * (requested, not executed nor vetoed), read in one Multicall3 batch. Round trips: the slasher (one read), the
     * log scan, and when there is a slasher its type and request count (one batch), then the requests (one batch).
     */
    public List<SymbioticSlash> slashes() {
        Token token = collateral();
        List<SymbioticSlash> out = new ArrayList<>();
        String slasher = ctx.reads().readOne(Vault::load, address, Vault::call_slasher);
        for (Log log : ctx.logs().scan(LogFilter.of(address).topic(0, ON_SLASH_TOPIC)).logs()) {
            Vault.OnSlashEventResponse e = Vault.getOnSlashEventFromLog(log);
            out.add(new SymbioticSlash(false, null, null, null, Amount.ofWei(e.amount, token),
                    Amount.ofWei(e.slashedAmount, token), Instant.ofEpochSecond(e.captureTimestamp.longValueExact()), null,
                    log.getBlockNumber()));
        }
        if (slasher == null || Numeric.toBigInt(slasher).signum() == 0) {
            return List.copyOf(out);
        }
        ReadBatch kind = ctx.reads().newBatch();
        Read<BigInteger> type = kind.add(VetoSlasher::load, slasher, VetoSlasher::call_TYPE);
        Read<BigInteger> count = kind.add(VetoSlasher::load, slasher, VetoSlasher::call_slashRequestsLength);
        kind.execute();
        if (!type.succeeded() || type.get().intValueExact() != VETO_SLASHER_TYPE || !count.succeeded()) {
            return List.copyOf(out);
        }
        ReadBatch requests = ctx.reads().newBatch();
        List<Read<org.web3j.tuples.generated.Tuple6<byte[], String, BigInteger, BigInteger, BigInteger, Boolean>>> rows =
                new ArrayList<>();
        for (BigInteger i = BigInteger.ZERO; i.compareTo(count.get()) < 0; i = i.add(BigInteger.ONE)) {
            BigInteger index = i;
            rows.add(requests.add(VetoSlasher::load, slasher, v -> v.call_slashRequests(index)));
        }
        if (!rows.isEmpty()) {
            requests.execute();
        }
        for (int i = 0; i < rows.size(); i++) {
            var r = rows.get(i).get();
            if (!r.component6()) { // not completed
                out.add(new SymbioticSlash(true, BigInteger.valueOf(i), Numeric.toHexString(r.component1()), r.component2(),
                        Amount.ofWei(r.component3(), token), Amount.zero(token),
                        Instant.ofEpochSecond(r.component4().longValueExact()),
                        Instant.ofEpochSecond(r.component5().longValueExact()), null));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The vault's exposure per subnetwork, from its delegator: the subnetworks that set a cap
     * ({@code SetMaxNetworkLimit} logs), the operators given shares or limits there ({@code SetOperatorNetworkShares}
     * / {@code SetOperatorNetworkLimit} logs; the delegator's {@code operator()} for the operator-specific types),
     * then every limit and stake in one Multicall3 batch. Empty while the vault has no delegator.
     */
    public List<SymbioticExposure> exposure() {
        Token token = collateral();
        String delegator = ctx.reads().readOne(Vault::load, address, Vault::call_delegator);
        if (delegator == null || Numeric.toBigInt(delegator).signum() == 0) {
            return List.of();
        }
        int type = ctx.reads().readOne(NetworkRestakeDelegator::load, delegator, NetworkRestakeDelegator::call_TYPE)
                .intValueExact();
        java.util.Map<String, java.util.LinkedHashSet<String>> operatorsBySubnetwork = new java.util.LinkedHashMap<>();
        LogFilter filter = LogFilter.of(delegator).topic(0, SET_MAX_NETWORK_LIMIT_TOPIC, SET_OPERATOR_NETWORK_SHARES_TOPIC,
                SET_OPERATOR_NETWORK_LIMIT_TOPIC);
        for (Log log : ctx.logs().scan(filter).logs()) {
            String sub = log.getTopics().get(1);
            java.util.LinkedHashSet<String> ops = operatorsBySubnetwork.computeIfAbsent(sub, k -> new java.util.LinkedHashSet<>());
            if (!log.getTopics().get(0).equals(SET_MAX_NETWORK_LIMIT_TOPIC) && log.getTopics().size() > 2) {
                ops.add(org.web3j.crypto.Keys.toChecksumAddress(Numeric.toHexStringWithPrefixZeroPadded(
                        Numeric.toBigInt(log.getTopics().get(2)), 40)));
            }
        }
        if (type == OPERATOR_SPECIFIC || type == OPERATOR_NETWORK_SPECIFIC) {
            String operator = org.web3j.crypto.Keys.toChecksumAddress(ctx.reads().readOne(OperatorSpecificDelegator::load,
                    delegator, OperatorSpecificDelegator::call_operator)); // EIP-55, as the operators from logs
            operatorsBySubnetwork.values().forEach(ops -> ops.add(operator));
        }
        ReadBatch batch = ctx.reads().newBatch();
        List<String> subnetworks = List.copyOf(operatorsBySubnetwork.keySet());
        List<Read<BigInteger>> caps = new ArrayList<>();
        List<Read<BigInteger>> limits = new ArrayList<>();
        List<List<Read<BigInteger>>> stakes = new ArrayList<>();
        for (String sub : subnetworks) {
            byte[] id = Numeric.hexStringToByteArray(sub);
            caps.add(batch.add(NetworkRestakeDelegator::load, delegator, d -> d.call_maxNetworkLimit(id)));
            limits.add(type == OPERATOR_NETWORK_SPECIFIC ? null
                    : batch.add(NetworkRestakeDelegator::load, delegator, d -> d.call_networkLimit(id)));
            List<Read<BigInteger>> row = new ArrayList<>();
            for (String op : operatorsBySubnetwork.get(sub)) {
                row.add(batch.add(NetworkRestakeDelegator::load, delegator, d -> d.call_stake(id, op)));
            }
            stakes.add(row);
        }
        if (!subnetworks.isEmpty()) {
            batch.execute();
        }
        List<SymbioticExposure> out = new ArrayList<>();
        for (int i = 0; i < subnetworks.size(); i++) {
            BigInteger sub = Numeric.toBigInt(subnetworks.get(i));
            String network = Subnetworks.network(sub);
            BigInteger identifier = Subnetworks.identifier(sub);
            List<SymbioticExposure.OperatorStake> ops = new ArrayList<>();
            List<String> names = List.copyOf(operatorsBySubnetwork.get(subnetworks.get(i)));
            for (int j = 0; j < names.size(); j++) {
                ops.add(new SymbioticExposure.OperatorStake(names.get(j), Amount.ofWei(stakes.get(i).get(j).get(), token)));
            }
            out.add(new SymbioticExposure(subnetworks.get(i), network, identifier, Amount.ofWei(caps.get(i).get(), token),
                    limits.get(i) == null ? null : Amount.ofWei(limits.get(i).get(), token), ops));
        }
        return List.copyOf(out);
    }

    /** DelegatorFactory types. */
    private static final int OPERATOR_SPECIFIC = 2;
    private static final int OPERATOR_NETWORK_SPECIFIC = 3;
    private static final String SET_MAX_NETWORK_LIMIT_TOPIC =
            org.web3j.abi.EventEncoder.encode(NetworkRestakeDelegator.SETMAXNETWORKLIMIT_EVENT);
    private static final String SET_OPERATOR_NETWORK_SHARES_TOPIC =
            org.web3j.abi.EventEncoder.encode(NetworkRestakeDelegator.SETOPERATORNETWORKSHARES_EVENT);
    private static final String SET_OPERATOR_NETWORK_LIMIT_TOPIC =
            org.web3j.abi.EventEncoder.encode(io.restake4j.contracts.symbiotic.FullRestakeDelegator.SETOPERATORNETWORKLIMIT_EVENT);

    /** The SlasherFactory type of a VetoSlasher. */
    private static final int VETO_SLASHER_TYPE = 1;

    /** topic0 of the vault's {@code OnSlash(uint256,uint48,uint256)}. */
    private static final String ON_SLASH_TOPIC = org.web3j.abi.EventEncoder.encode(Vault.ONSLASH_EVENT);

    /** The client account's unclaimed buckets (see {@link #withdrawals(String)}). */
    public List<SymbioticWithdrawal> withdrawals() {
        return withdrawals(ctx.account());
    }

    /**
     * {@code account}'s withdrawal buckets that still hold something for it (PENDING or CLAIMABLE), ascending by
     * epoch, from chain state: the vault's {@code Withdraw} logs naming {@code account} as claimer give the first
     * block (eth_getLogs), the vault's epoch at that block gives the first bucket, then every bucket from there to
     * the next epoch is read in one Multicall3 batch. Round trips: the log scan (one per block range), the epoch at
     * that block, the current epoch, and the batch.
     */
    public List<SymbioticWithdrawal> withdrawals(String account) {
        Inputs.address(account, "account");
        Token token = collateral();
        Clock clock = clock();
        LogFilter filter = LogFilter.of(address).topic(0, WITHDRAW_TOPIC).topic(2, LogFilter.addressTopic(account));
        List<Log> logs = ctx.logs().scan(filter).logs();
        if (logs.isEmpty()) {
            return List.of();
        }
        BigInteger firstBlock = logs.stream().map(Log::getBlockNumber).min(BigInteger::compareTo).orElseThrow();
        ReadBatch first = ctx.reads().newBatch();
        Read<BigInteger> epochThen = first.add(Vault::load, address, Vault::call_currentEpoch);
        first.execute(DefaultBlockParameter.valueOf(firstBlock));
        BigInteger from = epochThen.get().add(BigInteger.ONE);

        ReadBatch batch = ctx.reads().newBatch();
        Read<BigInteger> current = batch.add(Vault::load, address, Vault::call_currentEpoch);
        batch.execute();
        BigInteger to = current.get().add(BigInteger.ONE);
        ReadBatch buckets = ctx.reads().newBatch();
        List<BigInteger> epochs = new ArrayList<>();
        List<Read<BigInteger>> amounts = new ArrayList<>();
        List<Read<BigInteger>> shares = new ArrayList<>();
        List<Read<Boolean>> claimed = new ArrayList<>();
        for (BigInteger e = from; e.compareTo(to) <= 0; e = e.add(BigInteger.ONE)) {
            BigInteger epoch = e;
            epochs.add(epoch);
            amounts.add(buckets.add(Vault::load, address, v -> v.call_withdrawalsOf(epoch, account)));
            shares.add(buckets.add(Vault::load, address, v -> v.call_withdrawalSharesOf(epoch, account)));
            claimed.add(buckets.add(Vault::load, address, v -> v.call_isWithdrawalsClaimed(epoch, account)));
        }
        buckets.execute();
        List<SymbioticWithdrawal> out = new ArrayList<>();
        for (int i = 0; i < epochs.size(); i++) {
            if (shares.get(i).get().signum() == 0 || claimed.get(i).get()) {
                continue;
            }
            BigInteger epoch = epochs.get(i);
            ExitStatus status = current.get().compareTo(epoch) > 0 ? ExitStatus.CLAIMABLE : ExitStatus.PENDING;
            out.add(new SymbioticWithdrawal(address, account, epoch, Amount.ofWei(amounts.get(i).get(), token),
                    shares.get(i).get(), status, clock.start(epoch.add(BigInteger.ONE))));
        }
        return List.copyOf(out);
    }

    /** topic0 of Symbiotic v1's {@code Withdraw(address,address,uint256,uint256,uint256)}. */
    private static final String WITHDRAW_TOPIC = org.web3j.abi.EventEncoder.encode(Vault.WITHDRAW_EVENT);

    // ---------------------------------------------------------------------------------------------
    // Writes
    // ---------------------------------------------------------------------------------------------

    /** Deposits {@code amount} of collateral for the client account (see {@link #deposit(Amount, String)}). */
    public Operation<SymbioticVaultResult> deposit(Amount amount) {
        return deposit(amount, null);
    }

    /**
     * Deposits {@code amount} of collateral from the client account, minting active shares to {@code onBehalfOf}
     * (the client account when null). Approves the vault for exactly {@code amount} when the allowance is short.
     * The whitelist, when on, is checked on the client account (the caller), not on {@code onBehalfOf}.
     */
    public Operation<SymbioticVaultResult> deposit(Amount amount, String onBehalfOf) {
        Inputs.positive(amount, "deposit amount");
        String beneficiary = onBehalfOf == null ? null : Inputs.address(onBehalfOf, "onBehalfOf");
        return ctx.operation("deposit " + amount + " into Symbiotic vault " + address, plan -> {
            Token token = collateral();
            Inputs.amountOf(amount, token, "deposit amount");
            String account = ctx.account();
            String to = beneficiary == null ? account : beneficiary;
            ReadBatch batch = ctx.reads().newBatch();
            Read<Boolean> whitelist = batch.add(Vault::load, address, Vault::call_depositWhitelist);
            Read<Boolean> listed = batch.add(Vault::load, address, v -> v.call_isDepositorWhitelisted(account));
            Read<Boolean> limited = batch.add(Vault::load, address, Vault::call_isDepositLimit);
            Read<BigInteger> limit = batch.add(Vault::load, address, Vault::call_depositLimit);
            Read<BigInteger> active = batch.add(Vault::load, address, Vault::call_activeStake);
            batch.execute();
            if (whitelist.get() && !listed.get()) {
                throw new InvalidInputException(ErrorCode.NOT_PERMITTED, "Symbiotic vault " + address + " takes deposits"
                        + " from whitelisted depositors only, and " + account + " (the caller) is not one");
            }
            if (limited.get() && active.get().add(amount.wei()).compareTo(limit.get()) > 0) {
                throw new InvalidInputException(ErrorCode.ABOVE_MAXIMUM, "deposit of " + amount + " exceeds Symbiotic vault "
                        + address + "'s deposit limit: " + Amount.ofWei(limit.get().subtract(active.get()).max(BigInteger.ZERO),
                                token) + " left of " + Amount.ofWei(limit.get(), token));
            }
            Approvals.require(plan, account, address, amount, ApprovalPolicy.EXACT);
            plan.step(Step.of("deposit " + amount, Vault::load, address, v -> v.call_deposit(to, amount.wei()))
                    .withGasAllowance(ACTIVE_TRACES_GAS))
                    .result(ex -> new SymbioticVaultResult(ex,
                            Amount.ofWei(ex.sum(address, Vault::getDepositEvents, e -> e.onBehalfOf.equalsIgnoreCase(to),
                                    e -> e.amount), token),
                            ex.sum(address, Vault::getDepositEvents, e -> e.onBehalfOf.equalsIgnoreCase(to), e -> e.shares),
                            BigInteger.ZERO, null));
        });
    }

    /**
     * Withdraws {@code amount} of collateral from the client account's active balance into the next epoch's
     * withdrawal bucket, the client account being the claimer. Burns active shares rounded up; leaves dust when
     * {@code amount} is the whole balance (use {@link #redeemAll()} for that).
     */
    public Operation<SymbioticVaultResult> withdraw(Amount amount) {
        Inputs.positive(amount, "withdrawal amount");
        return ctx.operation("withdraw " + amount + " from Symbiotic vault " + address, plan -> {
            Token token = collateral();
            Inputs.amountOf(amount, token, "withdrawal amount");
            String account = ctx.account();
            BigInteger balance = ctx.reads().readOne(Vault::load, address, v -> v.call_activeBalanceOf(account));
            if (amount.wei().compareTo(balance) > 0) {
                throw new InvalidInputException(ErrorCode.INSUFFICIENT_BALANCE, "withdrawal of " + amount + " exceeds "
                        + account + "'s active balance in Symbiotic vault " + address + ": " + Amount.ofWei(balance, token));
            }
            plan.step(Step.of("withdraw " + amount, Vault::load, address, v -> v.call_withdraw(account, amount.wei()))
                    .withGasAllowance(ACTIVE_TRACES_GAS))
                    .result(ex -> exitResult(ex, account, token));
        });
    }

    /** Redeems every active share of the client account into the next epoch's bucket (a full exit, no dust). */
    public Operation<SymbioticVaultResult> redeemAll() {
        return ctx.operation("redeem all from Symbiotic vault " + address, plan -> {
            Token token = collateral();
            String account = ctx.account();
            BigInteger shares = ctx.reads().readOne(Vault::load, address, v -> v.call_activeSharesOf(account));
            if (shares.signum() == 0) {
                throw new InvalidInputException(ErrorCode.INSUFFICIENT_BALANCE, account + " has no active shares in"
                        + " Symbiotic vault " + address);
            }
            plan.step(Step.of("redeem " + shares + " shares", Vault::load, address, v -> v.call_redeem(account, shares))
                    .withGasAllowance(ACTIVE_TRACES_GAS))
                    .result(ex -> exitResult(ex, account, token));
        });
    }

    private SymbioticVaultResult exitResult(Execution ex, String account, Token token) {
        BigInteger amount = ex.sum(address, Vault::getWithdrawEvents, e -> e.withdrawer.equalsIgnoreCase(account), e -> e.amount);
        BigInteger burnt = ex.sum(address, Vault::getWithdrawEvents, e -> e.withdrawer.equalsIgnoreCase(account),
                e -> e.burnedShares);
        BigInteger minted = ex.sum(address, Vault::getWithdrawEvents, e -> e.withdrawer.equalsIgnoreCase(account),
                e -> e.mintedShares);
        // the bucket is the epoch after the one the transaction was mined in
        BigInteger block = ex.lastReceipt().getBlockNumber();
        ReadBatch atBlock = ctx.reads().newBatch();
        Read<BigInteger> epoch = atBlock.add(Vault::load, address, Vault::call_currentEpoch);
        atBlock.execute(DefaultBlockParameter.valueOf(block));
        return new SymbioticVaultResult(ex, Amount.ofWei(amount, token), burnt, minted, epoch.get().add(BigInteger.ONE));
    }

    /** Claims the client account's bucket of {@code epoch} to itself (see {@link #claimBatch(List)}). */
    public Operation<SymbioticVaultResult> claim(BigInteger epoch) {
        Objects.requireNonNull(epoch, "epoch");
        return claims(List.of(epoch), false);
    }

    /**
     * Claims the client account's buckets of {@code epochs} to itself in one {@code claimBatch}. Each must have ended,
     * not be claimed, and hold something for the account (it is the claimer the withdrawal named).
     */
    public Operation<SymbioticVaultResult> claimBatch(List<BigInteger> epochs) {
        Objects.requireNonNull(epochs, "epochs");
        if (epochs.isEmpty()) {
            throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "claimBatch needs at least one epoch");
        }
        if (epochs.stream().distinct().count() != epochs.size()) {
            throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "claimBatch: an epoch appears twice: " + epochs);
        }
        return claims(List.copyOf(epochs), true);
    }

    private Operation<SymbioticVaultResult> claims(List<BigInteger> epochs, boolean batch) {
        return ctx.operation((batch ? "claim epochs " + epochs : "claim epoch " + epochs.get(0)) + " of Symbiotic vault "
                + address, plan -> {
                    Token token = collateral();
                    String account = ctx.account();
                    List<SymbioticWithdrawal> buckets = new ArrayList<>();
                    for (BigInteger epoch : epochs) {
                        buckets.add(withdrawal(epoch, account));
                    }
                    for (SymbioticWithdrawal w : buckets) {
                        refuseUnclaimable(w);
                    }
                    Step step = batch
                            ? Step.of("claimBatch " + epochs, Vault::load, address, v -> v.call_claimBatch(account, epochs))
                            : Step.of("claim epoch " + epochs.get(0), Vault::load, address,
                                    v -> v.call_claim(account, epochs.get(0)));
                    plan.step(step).result(ex -> new SymbioticVaultResult(ex, Amount.ofWei(batch
                            ? ex.sum(address, Vault::getClaimBatchEvents, e -> e.claimer.equalsIgnoreCase(account), e -> e.amount)
                            : ex.sum(address, Vault::getClaimEvents, e -> e.claimer.equalsIgnoreCase(account), e -> e.amount),
                            token), BigInteger.ZERO, BigInteger.ZERO, null));
                });
    }

    private void refuseUnclaimable(SymbioticWithdrawal w) {
        switch (w.status()) {
            case CLAIMED -> throw new InvalidInputException(ErrorCode.ALREADY_DONE, "epoch " + w.epoch()
                    + " of Symbiotic vault " + address + " was already claimed by " + w.account());
            case PENDING -> throw new InvalidInputException(ErrorCode.NOT_READY, "epoch " + w.epoch() + " of Symbiotic vault "
                    + address + " has not ended: its withdrawals can be claimed from " + w.unlocksAt());
            default -> {
                if (w.shares().signum() == 0) {
                    throw new InvalidInputException(ErrorCode.NOT_FOUND, w.account() + " has nothing to claim in epoch "
                            + w.epoch() + " of Symbiotic vault " + address + " (it is not that withdrawal's claimer)");
                }
            }
        }
    }

    @Override
    public String toString() {
        return "SymbioticVault[" + address + "]";
    }
}
