package io.restake4j.symbiotic;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.web3j.abi.EventEncoder;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.tuples.generated.Tuple2;
import org.web3j.tuples.generated.Tuple3;
import org.web3j.utils.Numeric;

import io.restake4j.ProtocolContext;
import io.restake4j.contracts.symbiotic.AppAdapter;
import io.restake4j.contracts.symbiotic.UniversalDelegator;
import io.restake4j.contracts.symbiotic.VaultV2;
import io.restake4j.contracts.symbiotic.WithdrawalQueue;
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
import io.restake4j.vaults.VaultResult;

/**
 * One Symbiotic Core V2 vault (VaultFactory version 3 or later) for the client account: an ERC-4626 vault whose
 * shares are a plain 18-decimals ERC-20, with instant exits while liquidity allows and a withdrawal queue (ERC-721
 * tickets, filled first in, first out) otherwise. The version is read on first use: a v1 vault (version 1 or 2) is
 * refused with {@link ErrorCode#INVALID_ARGUMENT} before anything is signed (use {@link SymbioticVault}).
 *
 * <p>Every operation reads the chain at each {@code preview()} and {@code send()} and refuses before signing, with a
 * typed {@link InvalidInputException}: a deposit or mint while the whitelist is on and the caller is not on it
 * ({@link ErrorCode#NOT_PERMITTED}) or above {@code maxDeposit}/{@code maxMint} (the deposit limit,
 * {@link ErrorCode#ABOVE_MAXIMUM}); an instant withdraw or redeem while the queue has unfilled shares
 * ({@link ErrorCode#PROTOCOL_STATE}: the vault would revert {@code PendingWithdrawalQueue()}) or above
 * {@code withdrawable()} ({@link ErrorCode#ABOVE_MAXIMUM}: request through the queue instead); amounts over the
 * balance ({@link ErrorCode#INSUFFICIENT_BALANCE}); a claim of a ticket that does not exist
 * ({@link ErrorCode#NOT_FOUND}), that the account does not own ({@link ErrorCode#NOT_PERMITTED}), that is fully
 * claimed ({@link ErrorCode#ALREADY_DONE}) or that has nothing filled to pay ({@link ErrorCode#NOT_READY}; the queue
 * itself would transfer 0 and charge the gas). The liquidity checks run in the same simulation as the step.
 *
 * <pre>{@code
 * SymbioticVaultV2 vault = client.symbiotic().vaultV2("0x...");
 * vault.deposit(Amount.parse("100", vault.asset())).send();
 * SymbioticQueueResult q = vault.requestRedeemAll().send();      // every share into the queue, no dust
 * // ... the delegator frees assets; anyone may vault.sweep() ...
 * vault.claim(q.tokenIds().get(0)).send();                      // pays what is filled; again as more fills
 * }</pre>
 */
public final class SymbioticVaultV2 implements SymbioticVaultBinding {

    /**
     * Gas a write may need beyond its simulation per share-checkpoint trace it touches: the vault checkpoints
     * balances by {@code block.timestamp}, and a simulation in the last checkpoint's second updates it in place
     * while the real block, a second later, pushes a new one (see {@link Step#withGasAllowance}).
     */
    static final BigInteger CHECKPOINT_GAS = BigInteger.valueOf(45_000);

    private final ProtocolContext ctx;
    private final String address;
    private final Erc4626Vault erc4626;

    SymbioticVaultV2(ProtocolContext ctx, String address) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.address = address;
        this.erc4626 = new Erc4626Vault(ctx, address, new Erc4626Vault.Guard() {
            @Override
            public void begin(Erc4626Vault.Write write) {
                requireV2();
            }

            @Override
            public void plan(Plan.Builder<?> plan, Erc4626Vault.Write write, String account, Amount assets, Amount shares) {
                guard(plan, write, account, assets, shares);
            }

            @Override
            public BigInteger gasAllowance(Erc4626Vault.Write write) {
                return CHECKPOINT_GAS.multiply(BigInteger.TWO); // the owner's balance and the share supply
            }
        });
    }

    /** The vault's address, which is also its share token's. */
    @Override
    public String address() {
        return address;
    }

    /** The vault's VaultFactory version (3 or later for V2), read once and kept. */
    @Override
    public long version() {
        return ctx.remember(key("version"), () -> ctx.reads().readOne(VaultV2::load, address, VaultV2::call_version))
                .longValueExact();
    }

    private void requireV2() {
        long v = version();
        if (v < Symbiotic.FIRST_V2_VERSION) {
            throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "vault " + address + " is a Symbiotic v1 vault"
                    + " (version " + v + "): it has epochs and withdrawal buckets, not ERC-4626 exits and a queue; use"
                    + " client.symbiotic().vault(address)");
        }
    }

    private String key(String what) {
        return "symbiotic.v2." + address.toLowerCase(Locale.ROOT) + "." + what;
    }

    /** The vault's asset (ERC-4626 {@code asset()}), read once and kept. */
    public Token asset() {
        requireV2();
        return erc4626.asset();
    }

    /** The share token: the vault itself (18 decimals), read once and kept. */
    public Token shareToken() {
        requireV2();
        return erc4626.shareToken();
    }

    /** The vault's WithdrawalQueue ({@code withdrawalQueue()}), read once and kept. */
    public String queue() {
        requireV2();
        return ctx.remember(key("queue"), () -> ctx.reads().readOne(VaultV2::load, address, VaultV2::call_withdrawalQueue));
    }

    /** The vault's UniversalDelegator ({@code delegator()}), read once and kept. */
    public String delegator() {
        requireV2();
        return ctx.remember(key("delegator"), () -> ctx.reads().readOne(VaultV2::load, address, VaultV2::call_delegator));
    }

    /** The generic ERC-4626 view of this vault (previews, totals, limits), with this vault's guard on its writes. */
    public Erc4626Vault erc4626() {
        requireV2();
        return erc4626;
    }

    // ---------------------------------------------------------------------------------------------
    // Reads
    // ---------------------------------------------------------------------------------------------

    /** The client account's shares ({@code balanceOf}). */
    public Amount shares() {
        return shares(ctx.account());
    }

    /** {@code account}'s shares ({@code balanceOf}). */
    public Amount shares(String account) {
        Inputs.address(account, "account");
        Token shares = shareToken();
        return Amount.ofWei(ctx.reads().readOne(VaultV2::load, address, v -> v.call_balanceOf(account)), shares);
    }

    /**
     * What an instant exit can take now: {@code withdrawable()}, free assets plus what the delegator can deallocate
     * (not a view; read with eth_call).
     */
    public Amount withdrawable() {
        Token asset = asset();
        return Amount.ofWei(ctx.reads().readOne(VaultV2::load, address, VaultV2::call_withdrawable), asset);
    }

    /** The client account's position (see {@link #position(String)}). */
    public SymbioticVaultV2Position position() {
        return position(ctx.account());
    }

    /**
     * {@code account}'s position in one Multicall3 batch at one block: {@code balanceOf}, {@code totalAssets},
     * {@code totalSupply}, {@code freeAssets}, {@code withdrawable()} and the queue's {@code pendingShares}; then
     * {@code convertToAssets} of the balance in a second batch only when the account holds shares.
     */
    public SymbioticVaultV2Position position(String account) {
        Inputs.address(account, "account");
        Token asset = asset();
        Token shareToken = shareToken();
        String queue = queue();
        String delegator = delegator();
        ReadBatch batch = ctx.reads().newBatch();
        Read<BigInteger> balance = batch.add(VaultV2::load, address, v -> v.call_balanceOf(account));
        Read<BigInteger> total = batch.add(VaultV2::load, address, VaultV2::call_totalAssets);
        Read<BigInteger> supply = batch.add(VaultV2::load, address, VaultV2::call_totalSupply);
        Read<BigInteger> free = batch.add(VaultV2::load, address, VaultV2::call_freeAssets);
        Read<BigInteger> withdrawable = batch.add(VaultV2::load, address, VaultV2::call_withdrawable);
        Read<BigInteger> pending = batch.add(WithdrawalQueue::load, queue, WithdrawalQueue::call_pendingShares);
        batch.execute();
        BigInteger assets = balance.get().signum() == 0 ? BigInteger.ZERO
                : ctx.reads().readOne(VaultV2::load, address, v -> v.call_convertToAssets(balance.get()));
        return new SymbioticVaultV2Position(address, account, Amount.ofWei(balance.get(), shareToken),
                Amount.ofWei(assets, asset), Amount.ofWei(total.get(), asset), Amount.ofWei(supply.get(), shareToken),
                Amount.ofWei(free.get(), asset), Amount.ofWei(withdrawable.get(), asset), pending.get(), queue, delegator);
    }

    /** The client account's tickets not fully claimed (see {@link #requests(String)}). */
    public List<SymbioticRedeemRequest> requests() {
        return requests(ctx.account());
    }

    /**
     * {@code owner}'s queue tickets not fully claimed, by token id. The queue is not enumerable, so the ids come from
     * one log scan of the queue (its {@code RequestRedeem} logs naming {@code owner} as receiver and its ERC-721
     * {@code Transfer} logs to {@code owner}: both carry the account in topic 2), then every candidate is confirmed
     * with {@code ownerOf} and read ({@code requests}, {@code claimable}, {@code isClaimed}) in one Multicall3 batch,
     * and the unfilled shares are valued in a second batch. Round trips: the scan (one per block range) and two
     * batches.
     */
    public List<SymbioticRedeemRequest> requests(String owner) {
        Inputs.address(owner, "owner");
        String queue = queue();
        LogFilter filter = LogFilter.of(queue).topic(0, REQUEST_REDEEM_TOPIC, TRANSFER_TOPIC)
                .topic(2, LogFilter.addressTopic(owner));
        Set<BigInteger> ids = new LinkedHashSet<>();
        for (Log log : ctx.logs().scan(filter).logs()) {
            if (log.getTopics().size() == 4) {
                ids.add(Numeric.toBigInt(log.getTopics().get(3)));
            }
        }
        List<SymbioticRedeemRequest> out = new ArrayList<>();
        for (SymbioticRedeemRequest r : read(List.copyOf(ids))) {
            if (r.owner().equalsIgnoreCase(owner) && r.status() != ExitStatus.CLAIMED) {
                out.add(r);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Ticket {@code tokenId} as the chain has it now.
     *
     * @throws InvalidInputException {@link ErrorCode#NOT_FOUND} when the queue has no such ticket
     */
    public SymbioticRedeemRequest request(BigInteger tokenId) {
        Objects.requireNonNull(tokenId, "tokenId");
        return read(List.of(tokenId)).get(0);
    }

    private List<SymbioticRedeemRequest> read(List<BigInteger> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Token asset = asset();
        String queue = queue();
        ReadBatch batch = ctx.reads().newBatch();
        Read<BigInteger> filled = batch.add(WithdrawalQueue::load, queue, WithdrawalQueue::call_totalFilled);
        List<Read<String>> owners = new ArrayList<>();
        List<Read<Tuple3<BigInteger, BigInteger, BigInteger>>> rows = new ArrayList<>();
        List<Read<Tuple2<BigInteger, BigInteger>>> claimables = new ArrayList<>();
        List<Read<Boolean>> claimed = new ArrayList<>();
        for (BigInteger id : ids) {
            owners.add(batch.add(WithdrawalQueue::load, queue, q -> q.call_ownerOf(id)));
            rows.add(batch.add(WithdrawalQueue::load, queue, q -> q.call_requests(id)));
            claimables.add(batch.add(WithdrawalQueue::load, queue, q -> q.call_claimable(id)));
            claimed.add(batch.add(WithdrawalQueue::load, queue, q -> q.call_isClaimed(id)));
        }
        batch.execute();
        List<Integer> known = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (owners.get(i).succeeded() && rows.get(i).succeeded() && claimables.get(i).succeeded()
                    && claimed.get(i).succeeded()) {
                known.add(i);
            } else if (ids.size() == 1) {
                throw new InvalidInputException(ErrorCode.NOT_FOUND, "the withdrawal queue " + queue + " of Symbiotic vault "
                        + address + " has no ticket " + ids.get(0));
            }
        }
        ReadBatch values = ctx.reads().newBatch();
        List<Read<BigInteger>> worth = new ArrayList<>();
        for (int i : known) {
            Tuple3<BigInteger, BigInteger, BigInteger> row = rows.get(i).get();
            BigInteger unfilled = row.component1().subtract(row.component2()).subtract(claimables.get(i).get().component2())
                    .max(BigInteger.ZERO);
            worth.add(unfilled.signum() == 0 ? null : values.add(VaultV2::load, address, v -> v.call_convertToAssets(unfilled)));
        }
        if (worth.stream().anyMatch(Objects::nonNull)) {
            values.execute();
        }
        List<SymbioticRedeemRequest> out = new ArrayList<>();
        for (int k = 0; k < known.size(); k++) {
            int i = known.get(k);
            Tuple3<BigInteger, BigInteger, BigInteger> row = rows.get(i).get();
            Tuple2<BigInteger, BigInteger> now = claimables.get(i).get();
            BigInteger unfilledWorth = worth.get(k) == null ? BigInteger.ZERO : worth.get(k).get();
            ExitStatus status = claimed.get(i).get() ? ExitStatus.CLAIMED
                    : now.component2().signum() > 0 ? ExitStatus.CLAIMABLE : ExitStatus.PENDING;
            BigInteger ahead = row.component3().subtract(filled.get()).max(BigInteger.ZERO);
            out.add(new SymbioticRedeemRequest(address, queue, ids.get(i), owners.get(i).get(), row.component1(),
                    row.component2(), row.component3(), Amount.ofWei(now.component1().add(unfilledWorth), asset),
                    Amount.ofWei(now.component1(), asset), now.component2(), ahead, status));
        }
        return List.copyOf(out);
    }

    /** The delegator's adapters, in its order (two round trips: the count, then the addresses). */
    public List<String> adapters() {
        String delegator = delegator();
        int count = ctx.reads().readOne(UniversalDelegator::load, delegator, UniversalDelegator::call_totalAdapters)
                .intValueExact();
        if (count == 0) {
            return List.of();
        }
        ReadBatch batch = ctx.reads().newBatch();
        List<Read<String>> addresses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BigInteger index = BigInteger.valueOf(i);
            addresses.add(batch.add(UniversalDelegator::load, delegator, d -> d.call_adapters(index)));
        }
        batch.execute();
        return addresses.stream().map(Read::get).toList();
    }

    /**
     * The vault's exposure per AppAdapter: its subnetwork and operator, {@code stake()}, {@code slashable()} and the
     * delegator's {@code limitOf}. Three round trips whatever the number of adapters: the count, the addresses, then
     * every adapter's figures in one Multicall3 batch.
     */
    public List<SymbioticAdapterExposure> exposure() {
        Token asset = asset();
        String delegator = delegator();
        List<String> adapters = adapters();
        if (adapters.isEmpty()) {
            return List.of();
        }
        ReadBatch batch = ctx.reads().newBatch();
        List<Read<byte[]>> subnetworks = new ArrayList<>();
        List<Read<String>> operators = new ArrayList<>();
        List<Read<BigInteger>> stakes = new ArrayList<>();
        List<Read<BigInteger>> slashables = new ArrayList<>();
        List<Read<BigInteger>> limits = new ArrayList<>();
        for (String a : adapters) {
            subnetworks.add(batch.add(AppAdapter::load, a, AppAdapter::call_subnetwork));
            operators.add(batch.add(AppAdapter::load, a, AppAdapter::call_operator));
            stakes.add(batch.add(AppAdapter::load, a, AppAdapter::call_stake));
            slashables.add(batch.add(AppAdapter::load, a, AppAdapter::call_slashable));
            limits.add(batch.add(UniversalDelegator::load, delegator, d -> d.call_limitOf(a)));
        }
        batch.execute();
        List<SymbioticAdapterExposure> out = new ArrayList<>();
        for (int i = 0; i < adapters.size(); i++) {
            BigInteger sub = Numeric.toBigInt(subnetworks.get(i).get());
            out.add(new SymbioticAdapterExposure(adapters.get(i), Numeric.toHexStringWithPrefixZeroPadded(sub, 64),
                    Subnetworks.network(sub), Subnetworks.identifier(sub), operators.get(i).get(),
                    Amount.ofWei(stakes.get(i).get(), asset), Amount.ofWei(slashables.get(i).get(), asset),
                    Amount.ofWei(limits.get(i).get(), asset)));
        }
        return List.copyOf(out);
    }

    /**
     * The slashes that hit this vault's holders: every {@code Slash} of its AppAdapters, oldest first per adapter,
     * with the adapter's subnetwork and operator. Round trips: {@link #exposure()} (three), then one log scan per
     * adapter. A V2 vault has no veto requests of its own: a network vetoes or executes on its side.
     */
    public List<SymbioticSlash> slashes() {
        Token asset = asset();
        List<SymbioticSlash> out = new ArrayList<>();
        for (SymbioticAdapterExposure e : exposure()) {
            for (Log log : ctx.logs().scan(LogFilter.of(e.adapter()).topic(0, SLASH_TOPIC)).logs()) {
                Amount amount = Amount.ofWei(AppAdapter.getSlashEventFromLog(log).amount, asset);
                out.add(new SymbioticSlash(false, null, e.subnetwork(), e.operator(), amount, amount, null, null,
                        log.getBlockNumber()));
            }
        }
        return List.copyOf(out);
    }

    private static final String SLASH_TOPIC = EventEncoder.encode(AppAdapter.SLASH_EVENT);
    private static final String REQUEST_REDEEM_TOPIC = EventEncoder.encode(WithdrawalQueue.REQUESTREDEEM_EVENT);
    private static final String TRANSFER_TOPIC = EventEncoder.encode(WithdrawalQueue.TRANSFER_EVENT);

    // ---------------------------------------------------------------------------------------------
    // Instant writes (ERC-4626)
    // ---------------------------------------------------------------------------------------------

    /** Deposits {@code assets} for shares minted to the client account ({@code deposit(assets, account)}). */
    public Operation<VaultResult> deposit(Amount assets) {
        return erc4626.deposit(assets);
    }

    /** Mints exactly {@code shares} to the client account, paying what they cost ({@code mint(shares, account)}). */
    public Operation<VaultResult> mint(Amount shares) {
        return erc4626.mint(shares);
    }

    /**
     * Withdraws exactly {@code assets} now ({@code withdraw(assets, account, account)}); refused while the queue has
     * unfilled shares or above {@code withdrawable()}.
     */
    public Operation<VaultResult> withdraw(Amount assets) {
        return erc4626.withdraw(assets);
    }

    /**
     * Redeems exactly {@code shares} now ({@code redeem(shares, account, account)}); refused while the queue has
     * unfilled shares or when what they pay is above {@code withdrawable()}.
     */
    public Operation<VaultResult> redeem(Amount shares) {
        return erc4626.redeem(shares);
    }

    /** The Symbiotic rules the generic ERC-4626 writes do not know, added to their plans at each run. */
    private void guard(Plan.Builder<?> plan, Erc4626Vault.Write write, String account, Amount assets, Amount shares) {
        requireV2();
        if (write.entering()) {
            ReadBatch batch = ctx.reads().newBatch();
            Read<Boolean> whitelist = batch.add(VaultV2::load, address, VaultV2::call_depositWhitelist);
            Read<Boolean> listed = batch.add(VaultV2::load, address, v -> v.call_isDepositorWhitelisted(account));
            batch.execute();
            if (whitelist.get() && !listed.get()) {
                throw new InvalidInputException(ErrorCode.NOT_PERMITTED, "Symbiotic vault " + address + " takes deposits"
                        + " from whitelisted depositors only, and " + account + " (the caller) is not one");
            }
            return;
        }
        String queue = queue();
        Token asset = asset();
        plan.check(Check.of("pending shares of the withdrawal queue", WithdrawalQueue::load, queue,
                WithdrawalQueue::call_pendingShares).require(ErrorCode.PROTOCOL_STATE, p -> p.signum() == 0,
                        p -> "Symbiotic vault " + address + "'s withdrawal queue has " + p + " unfilled shares, so an"
                                + " instant " + write.name().toLowerCase(Locale.ROOT) + " would revert PendingWithdrawalQueue();"
                                + " request through the queue (requestRedeem) or sweep() the queue first"));
        plan.check(Check.of("withdrawable() of the vault", VaultV2::load, address, VaultV2::call_withdrawable)
                .require(ErrorCode.ABOVE_MAXIMUM, w -> assets.wei().compareTo(w) <= 0,
                        w -> write.name().toLowerCase(Locale.ROOT) + " of " + (write == Erc4626Vault.Write.REDEEM ? shares
                                + " (" + assets + ")" : assets) + " exceeds what Symbiotic vault " + address
                                + " can pay out now: withdrawable() is " + Amount.ofWei(w, asset)
                                + "; request the rest through the withdrawal queue (requestRedeem)"));
    }

    // ---------------------------------------------------------------------------------------------
    // The withdrawal queue
    // ---------------------------------------------------------------------------------------------

    /**
     * Queues {@code shares} of the client account in the vault's WithdrawalQueue, the ticket minted to the account:
     * approves the queue on the share token for exactly {@code shares} when the allowance is short, then
     * {@code requestRedeem(shares, account)}, which may fill part or all of it in the same transaction.
     */
    public Operation<SymbioticQueueResult> requestRedeem(Amount shares) {
        Inputs.positive(shares, "shares to queue");
        if (!address.equalsIgnoreCase(shares.token().address())) {
            throw new InvalidInputException(ErrorCode.WRONG_TOKEN, "shares to queue: expected an amount of the vault's"
                    + " shares (token " + address + "), got " + shares.token());
        }
        return ctx.operation("queue " + shares + " of Symbiotic vault " + address + " for redemption",
                plan -> planRequest(plan, shares));
    }

    /** Queues every share of the client account, read at each run (a full exit, no dust). */
    public Operation<SymbioticQueueResult> requestRedeemAll() {
        return ctx.operation("queue every share of Symbiotic vault " + address + " for redemption", plan -> {
            Amount all = shares();
            if (all.isZero()) {
                throw new InvalidInputException(ErrorCode.INSUFFICIENT_BALANCE, ctx.account() + " has no shares in"
                        + " Symbiotic vault " + address);
            }
            planRequest(plan, all);
        });
    }

    private void planRequest(Plan.Builder<SymbioticQueueResult> plan, Amount shares) {
        Inputs.amountOf(shares, shareToken(), "shares to queue");
        String queue = queue();
        Token asset = asset();
        String account = ctx.account();
        Approvals.require(plan, account, queue, shares, ApprovalPolicy.EXACT);
        plan.step(Step.of("requestRedeem " + shares, WithdrawalQueue::load, queue,
                        q -> q.call_requestRedeem(shares.wei(), account))
                        .withGasAllowance(CHECKPOINT_GAS.multiply(BigInteger.valueOf(3))))
                .result(ex -> new SymbioticQueueResult(ex,
                        ex.events(queue, WithdrawalQueue::getRequestRedeemEvents).stream()
                                .filter(e -> e.receiver.equalsIgnoreCase(account)).map(e -> e.tokenId).toList(),
                        Amount.ofWei(ex.sum(queue, WithdrawalQueue::getClaimEvents, e -> true, e -> e.assetsClaimed), asset),
                        ex.sum(queue, WithdrawalQueue::getRequestRedeemEvents, e -> e.receiver.equalsIgnoreCase(account),
                                e -> e.shares)));
    }

    /**
     * Claims what is filled and unclaimed of ticket {@code tokenId} to the client account
     * ({@code claim(tokenId, account)}); a partly filled ticket can be claimed again as the rest fills.
     */
    public Operation<SymbioticQueueResult> claim(BigInteger tokenId) {
        Objects.requireNonNull(tokenId, "tokenId");
        if (tokenId.signum() < 0) {
            throw new InvalidInputException(ErrorCode.OUT_OF_RANGE, "a ticket id is not negative: " + tokenId);
        }
        return ctx.operation("claim ticket " + tokenId + " of Symbiotic vault " + address, plan -> {
            String account = ctx.account();
            SymbioticRedeemRequest r = request(tokenId);
            String queue = r.queue();
            if (!r.owner().equalsIgnoreCase(account)) {
                throw new InvalidInputException(ErrorCode.NOT_PERMITTED, "ticket " + tokenId + " of Symbiotic vault " + address
                        + " belongs to " + r.owner() + ", not to " + account + " (the queue would revert NotTokenOwner())");
            }
            switch (r.status()) {
                case CLAIMED -> throw new InvalidInputException(ErrorCode.ALREADY_DONE, "ticket " + tokenId
                        + " of Symbiotic vault " + address + " is fully claimed");
                case PENDING -> throw new InvalidInputException(ErrorCode.NOT_READY, "ticket " + tokenId + " of Symbiotic vault "
                        + address + " has nothing filled to claim yet (" + r.sharesAhead() + " shares ahead of it in the queue);"
                        + " a claim now would pay 0");
                default -> { }
            }
            Token asset = asset();
            plan.quote("claimable now", r.claimableAssets())
                    .step(Step.of("claim ticket " + tokenId, WithdrawalQueue::load, queue, q -> q.call_claim(tokenId, account)))
                    .result(ex -> new SymbioticQueueResult(ex, List.of(tokenId),
                            Amount.ofWei(ex.sum(queue, WithdrawalQueue::getClaimEvents, e -> e.tokenId.equals(tokenId),
                                    e -> e.assetsClaimed), asset),
                            ex.sum(queue, WithdrawalQueue::getClaimEvents, e -> e.tokenId.equals(tokenId), e -> e.sharesClaimed)));
        });
    }

    /**
     * Permissionless: asks the vault's delegator to free assets and fill the queue ({@code sweepPending()}). The
     * result reports what was filled ({@code Fill}); refused when the queue has nothing pending.
     */
    public Operation<SymbioticQueueResult> sweep() {
        return ctx.operation("sweep the withdrawal queue of Symbiotic vault " + address, plan -> {
            String queue = queue();
            String delegator = delegator();
            Token asset = asset();
            BigInteger pending = ctx.reads().readOne(WithdrawalQueue::load, queue, WithdrawalQueue::call_pendingShares);
            if (pending.signum() == 0) {
                throw new InvalidInputException(ErrorCode.ALREADY_DONE, "the withdrawal queue of Symbiotic vault " + address
                        + " has no unfilled shares");
            }
            plan.step(Step.of("sweepPending", UniversalDelegator::load, delegator, UniversalDelegator::call_sweepPending)
                            .withGasAllowance(CHECKPOINT_GAS.multiply(BigInteger.TWO)))
                    .result(ex -> new SymbioticQueueResult(ex, List.of(),
                            Amount.ofWei(ex.sum(queue, WithdrawalQueue::getFillEvents, e -> true, e -> e.assets), asset),
                            ex.sum(queue, WithdrawalQueue::getFillEvents, e -> true, e -> e.shares)));
        });
    }

    @Override
    public String toString() {
        return "SymbioticVaultV2[" + address + "]";
    }
}
