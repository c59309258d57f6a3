package io.restake4j;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.network.Network;
import io.restake4j.read.LogScanner;
import io.restake4j.read.MulticallReader;
import io.restake4j.signer.Signer;
import io.restake4j.tokens.Tokens;
import io.restake4j.tx.Operation;
import io.restake4j.tx.Plan;
import io.restake4j.tx.Planner;
import io.restake4j.tx.internal.PipelineOperation;
import io.restake4j.tx.internal.TransactionEngine;
import io.restake4j.wait.Waiter;

/**
 * What a protocol facade may use of its client, and nothing more: the network and account, the batched
 * reader, the log scanner, the waiter, tokens, a store for reads that never change, and
 * {@link #operation(String, Planner)}, which turns a planner into an {@link Operation} run by the client's one
 * transaction pipeline. Facades hold a context and nothing mutable of their own, so they cost nothing to make.
 * Opaque: only the client makes one. Thread-safe.
 *
 * <pre>{@code
 * public final class MyVault {
 *     private final ProtocolContext ctx;
 *     public MyVault(ProtocolContext ctx) { this.ctx = ctx; }
 *
 *     public Operation<TxResult> deposit(Amount amount) {
 *         Inputs.positive(amount, "deposit amount");                 // input only: nothing read yet
 *         return ctx.operation("deposit " + amount, plan -> {         // runs at every preview()/send()
 *             String vault = ctx.remember("myvault.address", this::lookUpVault);
 *             Approvals.require(plan, ctx.account(), vault, amount, ApprovalPolicy.EXACT);
 *             plan.step(Step.of("deposit", Vault::load, vault, v -> v.call_deposit(amount.wei())))
 *                 .result(TxResult::new);
 *         });
 *     }
 * }
 * }</pre>
 */
public final class ProtocolContext {

    private final Network network;
    private final long chainId;
    private final Signer signer;
    private final String readOnlyAccount;
    private final TransactionEngine engine;
    private final MulticallReader reader;
    private final LogScanner logs;
    private final Waiter waiter;
    private final Tokens tokens;
    private final ConcurrentMap<String, Object> remembered = new ConcurrentHashMap<>();

    ProtocolContext(Network network, Signer signer, String readOnlyAccount, TransactionEngine engine,
            MulticallReader reader, LogScanner logs, Waiter waiter) {
        this.network = network;
        this.chainId = network.chainId();
        this.signer = signer;
        this.readOnlyAccount = readOnlyAccount;
        this.engine = engine;
        this.reader = reader;
        this.logs = logs;
        this.waiter = waiter;
        this.tokens = new Tokens(this);
    }

    /** The chain and its address book. */
    public Network network() {
        return network;
    }

    public long chainId() {
        return chainId;
    }

    /**
     * The account operations act for: the signer's, or the client's read-only account.
     *
     * @throws InvalidInputException when the client has neither
     */
    public String account() {
        if (signer != null) {
            return signer.address();
        }
        if (readOnlyAccount != null) {
            return readOnlyAccount;
        }
        throw new InvalidInputException(ErrorCode.NO_SIGNER, "this client has no signer and no account address: build it with .signer(...)"
                + " to send, or .readOnlyAccount(address) to preview");
    }

    /** The signer, for off-chain signatures (permits, EIP-712 consents); empty on a read-only client. */
    public Optional<Signer> signer() {
        return Optional.ofNullable(signer);
    }

    /** Batched typed reads (Multicall3). */
    public MulticallReader reads() {
        return reader;
    }

    /** Chunked, resumable {@code eth_getLogs}. */
    public LogScanner logs() {
        return logs;
    }

    /** Waits for blocks, chain time, epochs or any condition. */
    public Waiter waiter() {
        return waiter;
    }

    /**
     * Checks that the node is on this client's chain (one {@code eth_chainId} the first time, then remembered).
     *
     * @throws io.restake4j.errors.ChainMismatchException when it is not
     */
    public void verifyChain() {
        engine.verifyChain();
    }

    /** ERC-20 tokens: metadata, balances, transfers, approvals, permits. */
    public Tokens tokens() {
        return tokens;
    }

    /**
     * An operation whose plan {@code planner} writes at every {@code preview()}, {@code send()} and
     * {@code submit()}; making it reads and signs nothing.
     */
    public <R> Operation<R> operation(String description, Planner<R> planner) {
        return new PipelineOperation<>(engine, description, planner);
    }

    /** An operation of a plan fixed in advance (for contracts of your own). */
    public <R> Operation<R> operation(Plan<R> plan) {
        return PipelineOperation.of(engine, plan);
    }

    /**
     * A value that never changes once read (an immutable contract address, a token's decimals, a constant
     * limit), read by {@code read} the first time it is asked for under {@code key} and kept for the client's
     * life. A read that fails is not kept. Keys are per client; prefix them with the protocol.
     */
    @SuppressWarnings("unchecked")
    public <T> T remember(String key, Supplier<T> read) {
        Objects.requireNonNull(key, "key");
        Object v = remembered.get(key);
        if (v == null) {
            v = Objects.requireNonNull(read.get(), () -> "nothing read for " + key);
            Object earlier = remembered.putIfAbsent(key, v);
            if (earlier != null) {
                v = earlier;
            }
        }
        return (T) v;
    }

    /** What {@link #remember} kept under {@code key}, if anything (reads nothing). */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> recall(String key) {
        return Optional.ofNullable((T) remembered.get(Objects.requireNonNull(key, "key")));
    }

    /** Forgets what {@link #remember} kept under keys starting with {@code prefix} (after an upgrade, say). */
    public void forget(String prefix) {
        remembered.keySet().removeIf(k -> k.startsWith(prefix));
    }

    @Override
    public String toString() {
        return "ProtocolContext[" + network.name() + "]";
    }
}
