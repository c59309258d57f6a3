package io.restake4j.karak;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.web3j.abi.EventEncoder;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

import io.restake4j.ProtocolContext;
import io.restake4j.contracts.karak.Core;
import io.restake4j.contracts.karak.CoreVault;
import io.restake4j.contracts.karak.VaultSupervisor;
import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.exits.ExitStatus;
import io.restake4j.internal.Inputs;
import io.restake4j.read.LogFilter;
import io.restake4j.read.Read;
import io.restake4j.read.ReadBatch;
import io.restake4j.tokens.ApprovalPolicy;
import io.restake4j.tokens.Approvals;
import io.restake4j.tx.Check;
import io.restake4j.tx.Operation;
import io.restake4j.tx.Plan;
import io.restake4j.tx.Step;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;
import io.restake4j.vaults.Erc4626Vault;

/**
 * A Karak v2 vault: an operator's ERC-4626 vault deployed through Core ({@code karak.Core}), whose shares sit in the
 * staker's wallet. Deposits carry a slippage bound ({@code deposit(assets, to, minSharesOut)}); exits take two steps,
 * {@link #startRedeem} (the shares go into escrow in the vault, after a self-approval of the shares to the vault) and
 * {@link #finishRedeem} after {@link #MIN_WITHDRAWAL_DELAY}, which pays what the shares are worth <em>then</em>. Reads
 * nothing when built; every operation first checks, at its run, that the address is a vault of Core (a v1 vault is
 * refused with a pointer to the v1 calls).
 *
 * <p>Refused before signing ({@link InvalidInputException}): zero or over-balance amounts, a slippage bound outside
 * 0..10,000 bps, a deposit above {@code maxDeposit}, a paused function, finishing before the delay
 * ({@link ErrorCode#NOT_READY}, naming the {@code Instant}), a finished redeem ({@link ErrorCode#ALREADY_DONE}), and a
 * redeem that neither started nor pays the client account ({@link ErrorCode#NOT_PERMITTED}: the vault lets anyone
 * finish, the SDK does not spend your gas on someone else's exit).
 *
 * <pre>{@code
 * KarakV2Vault vault = client.karak().v2Vault(address);
 * vault.deposit(Amount.parse("5", wstETH), 50).send();          // minSharesOut = previewDeposit - 0.5 %
 * vault.startRedeem(vault.position().shares()).send();           // approves the vault's shares to the vault first
 * KarakRedeem r = vault.redeems().get(0);                        // unlocks 9 days after its start
 * vault.finishRedeem(r).send();
 * }</pre>
 */
public final class KarakV2Vault {

    /** {@code MIN_WITHDRAWAL_DELAY} of Karak v2 (SLASHING_WINDOW + SLASHING_VETO_WINDOW; a compile-time constant). */
    public static final Duration MIN_WITHDRAWAL_DELAY = Duration.ofDays(9);
    /** {@code SLASHING_VETO_WINDOW} of Karak v2: a slashing request is final this long after it was made. */
    public static final Duration SLASHING_VETO_WINDOW = Duration.ofDays(2);

    /** Pause indexes of the vault's {@code paused(uint8)} (karak.md section 2.2). */
    private static final int PAUSE_DEPOSIT_WITH_MIN = 1;
    private static final int PAUSE_START_REDEEM = 3;
    private static final int PAUSE_FINISH_REDEEM = 4;

    static final String REQUESTED_SLASHING_TOPIC = EventEncoder.encode(Core.REQUESTEDSLASHING_EVENT);
    static final String FINALIZED_SLASHING_TOPIC = EventEncoder.encode(Core.FINALIZEDSLASHING_EVENT);
    static final String CANCELLED_SLASHING_TOPIC = EventEncoder.encode(Core.CANCELLEDSLASHING_EVENT);
    static final String REGISTERED_TOPIC = EventEncoder.encode(Core.REGISTEREDOPERATORTODSS_EVENT);

    private final ProtocolContext ctx;
    private final Karak karak;
    private final String address;

    KarakV2Vault(ProtocolContext ctx, Karak karak, String address) {
        this.ctx = ctx;
        this.karak = karak;
        this.address = Inputs.address(address, "vault");
    }

    public String address() {
        return address;
    }

    /**
     * The vault's operator ({@code vaultConfig().operator}, EIP-55), once the vault is confirmed to be Core's (read once and
     * kept: a vault's operator does not change).
     *
     * @throws InvalidInputException {@link ErrorCode#INVALID_ARGUMENT} for a v1 vault, {@link ErrorCode#NOT_FOUND}
     *                               for an address that is no vault of Core
     */
    public String operator() {
        return ctx.remember("karak.v2." + address.toLowerCase(Locale.ROOT) + ".operator", this::confirmAndReadOperator);
    }

    private String confirmAndReadOperator() {
        String core = karak.core();
        ReadBatch batch = ctx.reads().newBatch();
        Read<CoreVault.Config> config = batch.add(CoreVault::load, address, CoreVault::call_vaultConfig);
        @SuppressWarnings("rawtypes")
        Read<List> v1 = ctx.network().address("karak.VaultSupervisor").isPresent()
                ? batch.add(VaultSupervisor::load, karak.vaultSupervisor(), VaultSupervisor::call_getVaults) : null;
        batch.execute();
        boolean isV1 = v1 != null && v1.succeeded() && ((List<?>) v1.get()).stream()
                .anyMatch(v -> address.equalsIgnoreCase((String) v));
        if (isV1) {
            throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, address + " is a Karak v1 vault (of the"
                    + " VaultSupervisor " + karak.vaultSupervisor() + "): it takes v1 calls, not v2 ones; use"
                    + " client.karak().deposit / startWithdraw / finishWithdraw");
        }
        if (!config.succeeded()) {
            throw notCores();
        }
        String operator = config.get().operator;
        @SuppressWarnings("unchecked")
        List<String> vaults = (List<String>) ctx.reads().readOne(Core::load, core, c -> c.call_getOperatorVaults(operator));
        if (vaults.stream().noneMatch(address::equalsIgnoreCase)) {
            throw notCores();
        }
        return org.web3j.crypto.Keys.toChecksumAddress(operator);
    }

    private InvalidInputException notCores() {
        return new InvalidInputException(ErrorCode.NOT_FOUND, address + " is not a vault of Karak Core " + karak.core()
                + " on " + ctx.network().name());
    }

    /** The vault's asset (read once and kept). */
    public Token asset() {
        return ctx.remember("karak.v2." + address.toLowerCase(Locale.ROOT) + ".asset",
                () -> ctx.tokens().token(ctx.reads().readOne(CoreVault::load, address, CoreVault::call_asset)));
    }

    /** The vault's share token (the vault's own address). */
    public Token shareToken() {
        return ctx.tokens().token(address);
    }

    /**
     * The vault as a plain ERC-4626 vault, for {@code mint} and the previews; its {@code withdraw} and {@code redeem}
     * are refused before signing (Karak v2 reverts them with {@code NotImplemented()}: use {@link #startRedeem}).
     */
    public Erc4626Vault erc4626() {
        return new Erc4626Vault(ctx, address, new Erc4626Vault.Guard() {
            @Override
            public void begin(Erc4626Vault.Write write) {
                operator();
                if (!write.entering()) {
                    throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "Karak v2 vault " + address + " has no"
                            + " ERC-4626 " + write.name().toLowerCase(Locale.ROOT) + " (it reverts NotImplemented);"
                            + " use startRedeem, then finishRedeem after " + MIN_WITHDRAWAL_DELAY.toDays() + " days");
                }
            }

            @Override
            public void plan(Plan.Builder<?> plan, Erc4626Vault.Write write, String account, Amount assets, Amount shares) {
            }
        });
    }

    /** The client account's position (see {@link #position(String)}). */
    public KarakPosition position() {
        return position(ctx.account());
    }

    /** {@code account}'s shares of this vault and their worth: {@code balanceOf}, then {@code convertToAssets}. */
    public KarakPosition position(String account) {
        Inputs.address(account, "account");
        List<KarakPosition> p = karak.positions(account, List.of(address), false);
        return p.isEmpty() ? new KarakPosition(address, KarakPosition.Kind.V2_SHARES, Amount.zero(shareToken()),
                Amount.zero(asset())) : p.get(0);
    }

    /**
     * Deposits {@code assets} for the client account with {@code minSharesOut} = {@code previewDeposit(assets)} less
     * {@code slippageBps} (both quoted, labels {@link Karak#EXPECTED_SHARES_QUOTE} and {@link Karak#MIN_SHARES_QUOTE});
     * approves the vault for exactly {@code assets} when the allowance is short.
     */
    public Operation<KarakResult> deposit(Amount assets, int slippageBps) {
        Karak.checkSlippage(slippageBps);
        return deposit(assets, quote -> Karak.lessSlippage(quote, slippageBps));
    }

    /**
     * Deposits {@code assets} with a fixed {@code minShares} (e.g. from an earlier preview's quote): refused before
     * signing ({@link ErrorCode#BELOW_MINIMUM}) when the vault's quote at this run is already below it, and reverted by
     * the vault ({@code NotEnoughShares()}) if the rate moves below it before the transaction is mined.
     */
    public Operation<KarakResult> deposit(Amount assets, Amount minShares) {
        return deposit(assets, Karak.fixedBound(address, assets, minShares));
    }

    private Operation<KarakResult> deposit(Amount assets, java.util.function.UnaryOperator<BigInteger> minFromQuote) {
        Inputs.positive(assets, "deposit amount");
        return ctx.operation("deposit " + assets + " into Karak v2 vault " + address, plan -> {
            operator();
            Token token = asset();
            Inputs.amountOf(assets, token, "deposit amount");
            String account = ctx.account();
            Token shares = shareToken();
            BigInteger expected = ctx.reads().readOne(CoreVault::load, address, v -> v.call_previewDeposit(assets.wei()));
            if (expected.signum() == 0) {
                throw new InvalidInputException(ErrorCode.BELOW_MINIMUM, "a deposit of " + assets + " comes to 0 shares of"
                        + " Karak v2 vault " + address + ": use a larger amount");
            }
            BigInteger min = minFromQuote.apply(expected);
            notPaused(plan, PAUSE_DEPOSIT_WITH_MIN, "deposit");
            Approvals.require(plan, account, address, assets, ApprovalPolicy.EXACT);
            plan.check(Check.of("maxDeposit of vault " + address, CoreVault::load, address, v -> v.call_maxDeposit(account))
                            .require(ErrorCode.ABOVE_MAXIMUM, max -> assets.wei().compareTo(max) <= 0,
                                    max -> "deposit of " + assets + " exceeds Karak v2 vault " + address + "'s limit: "
                                            + Amount.ofWei(max, token) + " left"))
                    .quote(Karak.EXPECTED_SHARES_QUOTE, Amount.ofWei(expected, shares))
                    .quote(Karak.MIN_SHARES_QUOTE, Amount.ofWei(min, shares))
                    .step(Step.of("deposit " + assets, CoreVault::load, address, v -> v.call_deposit(assets.wei(), account, min)))
                    .result(ex -> new KarakResult(ex,
                            Amount.ofWei(ex.sum(address, CoreVault::getDepositEvents, e -> e.owner.equalsIgnoreCase(account),
                                    e -> e.assets), token),
                            ex.sum(address, CoreVault::getDepositEvents, e -> e.owner.equalsIgnoreCase(account), e -> e.shares),
                            List.of()));
        });
    }

    /**
     * Starts the redeem of {@code shares} (an amount of the vault's share token) for the client account, which the
     * finish pays. Adds the self-approval the vault needs (the shares to the vault itself) when it is short.
     */
    public Operation<KarakResult> startRedeem(Amount shares) {
        Inputs.positive(shares, "shares to redeem");
        if (!address.equalsIgnoreCase(shares.token().address())) {
            throw new InvalidInputException(ErrorCode.WRONG_TOKEN, "shares to redeem: expected an amount of Karak v2 vault "
                    + address + "'s shares, got " + shares.token());
        }
        return ctx.operation("start the redeem of " + shares + " from Karak v2 vault " + address, plan -> {
            operator();
            Inputs.amountOf(shares, shareToken(), "shares to redeem");
            String account = ctx.account();
            Token token = asset();
            notPaused(plan, PAUSE_START_REDEEM, "startRedeem");
            Approvals.require(plan, account, address, shares, ApprovalPolicy.EXACT);
            plan.step(Step.of("startRedeem " + shares, CoreVault::load, address, v -> v.call_startRedeem(shares.wei(), account)))
                    .result(ex -> {
                        List<String> keys = new ArrayList<>();
                        BigInteger estimate = BigInteger.ZERO;
                        BigInteger escrowed = BigInteger.ZERO;
                        for (CoreVault.StartedRedeemEventResponse e : ex.events(address, CoreVault::getStartedRedeemEvents)) {
                            if (e.staker.equalsIgnoreCase(account)) {
                                keys.add(Numeric.toHexString(e.withdrawKey));
                                estimate = estimate.add(e.assets);
                                escrowed = escrowed.add(e.shares);
                            }
                        }
                        return new KarakResult(ex, Amount.ofWei(estimate, token), escrowed, keys);
                    });
        });
    }

    /** The client account's redeems not finished (see {@link #redeems(String)}). */
    public List<KarakRedeem> redeems() {
        return redeems(ctx.account());
    }

    /**
     * {@code staker}'s redeems not finished, from the vault's state: {@code getNextWithdrawNonce}, then in one
     * Multicall3 batch {@code isWithdrawalPending} and {@code getQueuedWithdrawal} of every nonce, then the pending
     * ones' worth ({@code convertToAssets}) in a second batch; the chain's clock decides PENDING or CLAIMABLE.
     */
    public List<KarakRedeem> redeems(String staker) {
        Inputs.address(staker, "staker");
        operator();
        BigInteger next = ctx.reads().readOne(CoreVault::load, address, v -> v.call_getNextWithdrawNonce(staker));
        if (next.signum() == 0) {
            return List.of();
        }
        ReadBatch batch = ctx.reads().newBatch();
        List<Read<Boolean>> pending = new ArrayList<>();
        List<Read<CoreVault.QueuedWithdrawal>> queued = new ArrayList<>();
        for (BigInteger n = BigInteger.ZERO; n.compareTo(next) < 0; n = n.add(BigInteger.ONE)) {
            BigInteger nonce = n;
            pending.add(batch.add(CoreVault::load, address, v -> v.call_isWithdrawalPending(staker, nonce)));
            queued.add(batch.add(CoreVault::load, address, v -> v.call_getQueuedWithdrawal(staker, nonce)));
        }
        batch.execute();
        ReadBatch worth = ctx.reads().newBatch();
        List<Integer> open = new ArrayList<>();
        List<Read<BigInteger>> assets = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            if (pending.get(i).get()) {
                BigInteger s = queued.get(i).get().shares;
                open.add(i);
                assets.add(worth.add(CoreVault::load, address, v -> v.call_convertToAssets(s)));
            }
        }
        if (open.isEmpty()) {
            return List.of();
        }
        worth.execute();
        Instant now = ctx.waiter().chainTime();
        Token shareToken = shareToken();
        Token token = asset();
        List<KarakRedeem> out = new ArrayList<>();
        for (int j = 0; j < open.size(); j++) {
            int i = open.get(j);
            CoreVault.QueuedWithdrawal w = queued.get(i).get();
            Instant started = Instant.ofEpochSecond(w.start.longValueExact());
            Instant unlocks = started.plus(MIN_WITHDRAWAL_DELAY);
            out.add(new KarakRedeem(address, key(staker, BigInteger.valueOf(i)), w.staker, BigInteger.valueOf(i),
                    w.beneficiary, Amount.ofWei(w.shares, shareToken), Amount.ofWei(assets.get(j).get(), token),
                    now.isBefore(unlocks) ? ExitStatus.PENDING : ExitStatus.CLAIMABLE, started, unlocks));
        }
        return List.copyOf(out);
    }

    /** {@code keccak256(abi.encode(staker, nonce))}, the vault's withdrawal key. */
    static String key(String staker, BigInteger nonce) {
        return Numeric.toHexString(org.web3j.crypto.Hash.sha3(Numeric.hexStringToByteArray(
                new org.web3j.abi.DefaultFunctionEncoder().encodeParameters(List.of(
                        new org.web3j.abi.datatypes.Address(staker), new org.web3j.abi.datatypes.generated.Uint256(nonce))))));
    }

    /**
     * Finishes {@code redeem}, paying its beneficiary {@code convertToAssets(shares)} at this moment. Read again at
     * each run: refused before it unlocks, once finished, and when the client account is neither its staker nor its
     * beneficiary.
     */
    public Operation<KarakResult> finishRedeem(KarakRedeem redeem) {
        Objects.requireNonNull(redeem, "redeem");
        if (!redeem.vault().equalsIgnoreCase(address)) {
            throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "redeem " + redeem.key() + " belongs to Karak v2"
                    + " vault " + redeem.vault() + ", not " + address);
        }
        return ctx.operation("finish Karak v2 redeem " + redeem.key(), plan -> {
            String account = ctx.account();
            if (!account.equalsIgnoreCase(redeem.staker()) && !account.equalsIgnoreCase(redeem.beneficiary())) {
                throw new InvalidInputException(ErrorCode.NOT_PERMITTED, "Karak v2 redeem " + redeem.key() + " is "
                        + redeem.staker() + "'s, paying " + redeem.beneficiary() + ", not " + account + "'s to finish");
            }
            KarakRedeem now = redeems(redeem.staker()).stream().filter(r -> r.key().equals(redeem.key())).findFirst()
                    .orElseThrow(() -> new InvalidInputException(ErrorCode.ALREADY_DONE, "Karak v2 redeem " + redeem.key()
                            + " is finished (or unknown)"));
            if (now.status() == ExitStatus.PENDING) {
                throw new InvalidInputException(ErrorCode.NOT_READY, "Karak v2 redeem " + redeem.key() + " unlocks at "
                        + now.unlocksAt() + " (start + " + MIN_WITHDRAWAL_DELAY.toDays() + " days)");
            }
            Token token = asset();
            byte[] key = Numeric.hexStringToByteArray(now.key());
            notPaused(plan, PAUSE_FINISH_REDEEM, "finishRedeem");
            plan.step(Step.raw("finishRedeem", address, CoreVault.getABI_send_finishRedeem(key), BigInteger.ZERO))
                    .result(ex -> {
                        BigInteger paid = BigInteger.ZERO;
                        BigInteger burnt = BigInteger.ZERO;
                        for (CoreVault.FinishedRedeemEventResponse e : ex.events(address, CoreVault::getFinishedRedeemEvents)) {
                            paid = paid.add(e.assetsClaimed);
                            burnt = burnt.add(e.shares);
                        }
                        return new KarakResult(ex, Amount.ofWei(paid, token), burnt, List.of(now.key()));
                    });
        });
    }

    /**
     * The vault's exposure (see {@link KarakExposure}): the DSSs come from Core's {@code RegisteredOperatorToDSS} logs
     * naming the operator (none of Core's events is indexed, so the scan reads every such log of Core and decodes
     * it), then in one Multicall3 batch each DSS's registration, staked vaults and maximum, and
     * {@code isVaultQueuedForSlashing}; slashing requests naming the vault come from {@code RequestedSlashing} logs,
     * less those a {@code FinalizedSlashing} or {@code CancelledSlashing} log settled (matched on DSS, operator and the
     * request's block time, which is its {@code QueuedSlashing.timestamp}).
     */
    public KarakExposure exposure() {
        String operator = operator();
        String core = karak.core();
        LogFilter coreLogs = LogFilter.of(core).fromBlock(karak.coreFromBlock());
        Set<String> dssSet = new java.util.LinkedHashSet<>();
        for (Log log : ctx.logs().scan(coreLogs.topic(0, REGISTERED_TOPIC)).logs()) {
            Core.RegisteredOperatorToDSSEventResponse e = Core.getRegisteredOperatorToDSSEventFromLog(log);
            if (e.operator.equalsIgnoreCase(operator)) {
                dssSet.add(org.web3j.crypto.Keys.toChecksumAddress(e.dss));
            }
        }
        List<String> dsss = List.copyOf(dssSet);
        ReadBatch batch = ctx.reads().newBatch();
        Read<Boolean> queued = batch.add(Core::load, core, c -> c.call_isVaultQueuedForSlashing(address));
        List<Read<Boolean>> registered = new ArrayList<>();
        @SuppressWarnings("rawtypes")
        List<Read<List>> staked = new ArrayList<>();
        List<Read<BigInteger>> max = new ArrayList<>();
        for (String dss : dsss) {
            registered.add(batch.add(Core::load, core, c -> c.call_isOperatorRegisteredToDSS(operator, dss)));
            staked.add(batch.add(Core::load, core, c -> c.call_fetchVaultsStakedInDSS(operator, dss)));
            max.add(batch.add(Core::load, core, c -> c.call_getDssMaxSlashablePercentageWad(dss)));
        }
        batch.execute();
        List<KarakExposure.DssStake> stakes = new ArrayList<>();
        for (int i = 0; i < dsss.size(); i++) {
            boolean in = ((List<?>) staked.get(i).get()).stream().anyMatch(v -> address.equalsIgnoreCase((String) v));
            stakes.add(new KarakExposure.DssStake(dsss.get(i), registered.get(i).get(), in, max.get(i).get()));
        }
        return new KarakExposure(address, operator, stakes, queued.get(), pendingSlashings(coreLogs, operator));
    }

    private List<KarakExposure.PendingSlashing> pendingSlashings(LogFilter coreLogs, String operator) {
        Set<String> settled = new HashSet<>();
        for (Log log : ctx.logs().scan(coreLogs.topic(0, FINALIZED_SLASHING_TOPIC, CANCELLED_SLASHING_TOPIC)).logs()) {
            Core.QueuedSlashing q = log.getTopics().get(0).equals(FINALIZED_SLASHING_TOPIC)
                    ? Core.getFinalizedSlashingEventFromLog(log).queuedSlashing
                    : Core.getCancelledSlashingEventFromLog(log).queuedSlashing;
            settled.add(slashingId(q.dss, q.operator, q.timestamp));
        }
        List<KarakExposure.PendingSlashing> out = new ArrayList<>();
        for (Log log : ctx.logs().scan(coreLogs.topic(0, REQUESTED_SLASHING_TOPIC)).logs()) {
            Core.RequestedSlashingEventResponse e = Core.getRequestedSlashingEventFromLog(log);
            if (!e.requestSlashing.operator.equalsIgnoreCase(operator)) {
                continue;
            }
            int at = -1;
            for (int i = 0; i < e.requestSlashing.vaults.size(); i++) {
                if (e.requestSlashing.vaults.get(i).equalsIgnoreCase(address)) {
                    at = i;
                }
            }
            if (at < 0) {
                continue;
            }
            Instant requested = ctx.waiter().blockTime(log.getBlockNumber());
            if (settled.contains(slashingId(e.dss, operator, BigInteger.valueOf(requested.getEpochSecond())))) {
                continue;
            }
            out.add(new KarakExposure.PendingSlashing(org.web3j.crypto.Keys.toChecksumAddress(e.dss),
                    e.requestSlashing.slashPercentagesWad.get(at), requested, requested.plus(SLASHING_VETO_WINDOW)));
        }
        return out;
    }

    private static String slashingId(String dss, String operator, BigInteger timestamp) {
        return dss.toLowerCase(Locale.ROOT) + "/" + operator.toLowerCase(Locale.ROOT) + "/" + timestamp;
    }

    private void notPaused(Plan.Builder<?> plan, int index, String function) {
        plan.check(Check.of("paused(" + index + ") of vault " + address, CoreVault::load, address,
                        v -> v.call_paused(BigInteger.valueOf(index)))
                .require(ErrorCode.PROTOCOL_STATE, p -> !p, p -> "Karak v2 vault " + address + " has " + function
                        + " paused (pause index " + index + ")"));
    }

    @Override
    public String toString() {
        return "KarakV2Vault[" + address + "]";
    }
}
