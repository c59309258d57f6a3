package io.restake4j.eigenlayer;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.restake4j.contracts.eigenlayer.DelegationManager;
import io.restake4j.contracts.eigenlayer.EigenStrategy;
import io.restake4j.eip712.Eip712Domain;
import io.restake4j.eip712.Eip712DomainReader;
import io.restake4j.contracts.eigenlayer.Strategy;
import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.network.Network;
import io.restake4j.read.MulticallReader;
import io.restake4j.read.Read;
import io.restake4j.read.ReadBatch;
import io.restake4j.tokens.Tokens;
import io.restake4j.tx.Operation;
import io.restake4j.tx.Plan;
import io.restake4j.ProtocolContext;
import io.restake4j.tx.Planner;
import io.restake4j.units.Token;

/**
 * What every part of the EigenLayer facade shares: the client's {@link ProtocolContext}, the deployment's
 * addresses, and reads that never change once made (strategy tokens, the withdrawal delay),
 * kept in the context. Holds nothing mutable itself.
 */
final class EigenLayerContext {

    static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";
    static final BigInteger WAD = BigInteger.TEN.pow(18);
    /** The EIP-712 domain name of EigenLayer's core contracts. */
    static final String EIP712_NAME = "EigenLayer";
    private static final String STRATEGY_PREFIX = "eigenlayer.strategy.";

    final ProtocolContext ctx;
    final MulticallReader reader;
    final Tokens tokens;
    final Network network;
    final String strategyManager;
    final String delegationManager;
    final String allocationManager;
    final String rewardsCoordinator;
    final String eigenPodManager;
    final String beaconChainEthStrategy;

    EigenLayerContext(ProtocolContext ctx) {
        this.ctx = ctx;
        this.reader = ctx.reads();
        this.tokens = ctx.tokens();
        this.network = ctx.network();
        this.strategyManager = network.require("eigenlayer.StrategyManager");
        this.delegationManager = network.require("eigenlayer.DelegationManager");
        this.allocationManager = network.require("eigenlayer.AllocationManager");
        this.rewardsCoordinator = network.require("eigenlayer.RewardsCoordinator");
        this.eigenPodManager = network.require("eigenlayer.EigenPodManager");
        this.beaconChainEthStrategy = network.address("eigenlayer.beaconChainETHStrategy")
                .orElse(io.restake4j.network.internal.Presets.BEACON_CHAIN_ETH_STRATEGY);
    }

    /** An operation whose plan {@code planner} writes at every run. */
    <R> Operation<R> operation(String description, Planner<R> planner) {
        return ctx.operation(description, planner);
    }

    String account() {
        return ctx.account();
    }

    boolean isBeacon(String strategy) {
        return strategy.equalsIgnoreCase(beaconChainEthStrategy);
    }

    /** The underlying token of each strategy (beaconChainETH has none: the zero address), read once per strategy. */
    Map<String, String> underlyingTokens(List<String> strategies) {
        readStrategyTokens(strategies);
        Map<String, String> out = new LinkedHashMap<>();
        for (String s : strategies) {
            out.put(s, isBeacon(s) ? ZERO_ADDRESS : known(s));
        }
        return out;
    }

    /**
     * Every token {@code strategy} takes on deposit and can pay on withdrawal, its underlying token first.
     * A StrategyBase takes its underlying token only; the EIGEN strategy (EigenStrategy) takes bEIGEN, its
     * underlying token, and EIGEN (its {@code EIGEN()}), which it unwraps on deposit and wraps back on a
     * withdrawal asked in EIGEN. Read once per strategy, with the underlying token (same batch).
     */
    List<String> acceptedTokens(String strategy) {
        if (isBeacon(strategy)) {
            return List.of(ZERO_ADDRESS);
        }
        readStrategyTokens(List.of(strategy));
        String also = alsoTakes().get(key(strategy));
        return also.isEmpty() ? List.of(known(strategy)) : List.of(known(strategy), also);
    }

    /**
     * The token {@code strategy} pays a withdrawal completed as tokens in when the caller states no
     * preference: EIGEN for the EIGEN strategy (what its depositors hold; bEIGEN is EIGEN's backing token,
     * which few wallets show), the underlying token for every other strategy.
     */
    String defaultPayoutToken(String strategy) {
        List<String> accepted = acceptedTokens(strategy);
        return accepted.get(accepted.size() - 1);
    }

    /**
     * Reads, in one batch, {@code underlyingToken()} and {@code EIGEN()} of each strategy not read yet;
     * {@code EIGEN()} answers only on the EIGEN strategy (a StrategyBase has no such function: the call fails,
     * which says the strategy takes one token).
     */
    private void readStrategyTokens(List<String> strategies) {
        ReadBatch batch = reader.newBatch();
        Runnable store = addStrategyTokenReads(batch, strategies);
        if (batch.size() > 0) {
            batch.execute();
        }
        store.run();
    }

    /**
     * Adds to {@code batch} {@code underlyingToken()} and {@code EIGEN()} of each strategy not read yet, so that a
     * caller can fold them into a batch it sends anyway; run the returned action after the batch executed to
     * keep the answers (it refuses a strategy that did not answer {@code underlyingToken()}).
     */
    Runnable addStrategyTokenReads(ReadBatch batch, List<String> strategies) {
        return addStrategyTokenReads(batch, strategies, true);
    }

    /**
     * As {@link #addStrategyTokenReads(ReadBatch, List)} for every strategy the network lists
     * ({@code eigenlayer.strategy.*}) and this client has not read yet, for a caller that does not know yet which
     * strategies it will meet; a listed strategy that does not answer is left unknown rather than refused.
     */
    Runnable addListedStrategyTokenReads(ReadBatch batch) {
        return addStrategyTokenReads(batch, listedStrategies(), false);
    }

    private List<String> listedStrategies() {
        return network.addresses().entrySet().stream()
                .filter(e -> e.getKey().startsWith(STRATEGY_PREFIX)).map(Map.Entry::getValue).toList();
    }

    /** Whether the underlying token of {@code strategy} has been read (beaconChainETH needs none). */
    boolean tokensKnown(String strategy) {
        return isBeacon(strategy) || known(strategy) != null;
    }

    private Runnable addStrategyTokenReads(ReadBatch batch, List<String> strategies, boolean strict) {
        Map<String, Read<String>> reads = new LinkedHashMap<>();
        Map<String, Read<String>> eigen = new LinkedHashMap<>();
        for (String s : strategies) {
            if (!isBeacon(s) && known(s) == null && !reads.containsKey(s)) {
                reads.put(s, batch.add(Strategy::load, s, Strategy::call_underlyingToken));
                eigen.put(s, batch.add(EigenStrategy::load, s, EigenStrategy::call_EIGEN));
            }
        }
        return () -> reads.forEach((s, r) -> {
            if (!r.succeeded() && !strict) {
                return;
            }
            if (!r.succeeded()) {
                throw new InvalidInputException(ErrorCode.UNKNOWN_DEPLOYMENT, "strategy " + s + " did not answer underlyingToken(): is it an EigenLayer strategy?");
            }
            Read<String> e = eigen.get(s);
            boolean second = e.succeeded() && !isZero(e.get()) && !e.get().equalsIgnoreCase(r.get());
            alsoTakes().put(key(s), second ? e.get() : "");
            tokenOfStrategy().put(key(s), r.get());  // last: known(s) != null means both maps are filled
        });
    }

    /** The unit of beacon chain ETH shares (wei of restaked native ETH). */
    static final String BEACON_SHARES = "EigenLayer beaconChainETH strategy shares";

    /**
     * The unit of a strategy's shares, {@code "EigenLayer <symbol> strategy shares"}, named by the token the
     * strategy pays by default (its underlying token; EIGEN for the EIGEN strategy): {@code token} is that token.
     */
    static String shareUnit(Token token) {
        return "EigenLayer " + token.symbol() + " strategy shares";
    }

    /**
     * Adds to {@code batch} the metadata reads (when not known yet) of the token naming each strategy's shares
     * (see {@link #shareUnit(Token)}); every strategy's tokens must be known ({@link #tokensKnown}). The
     * returned function answers the unit of a strategy once the batch ran.
     */
    java.util.function.Function<String, String> addShareUnitReads(ReadBatch batch, java.util.Collection<String> strategies) {
        Map<String, java.util.function.Supplier<Token>> byStrategy = new LinkedHashMap<>();
        for (String s : strategies) {
            if (!isBeacon(s)) {
                byStrategy.computeIfAbsent(key(s), k -> tokens.token(batch, defaultPayoutToken(s)));
            }
        }
        return s -> isBeacon(s) ? BEACON_SHARES : shareUnit(byStrategy.get(key(s)).get());
    }

    /**
     * The unit of each strategy's shares (see {@link #shareUnit(Token)}), reading what is not known yet: the
     * strategies' tokens (one batch), then the tokens' metadata (one batch).
     */
    Map<String, String> shareUnits(java.util.Collection<String> strategies) {
        readStrategyTokens(List.copyOf(strategies));
        ReadBatch batch = reader.newBatch();
        java.util.function.Function<String, String> unit = addShareUnitReads(batch, strategies);
        if (batch.size() > 0) {
            batch.execute();
        }
        Map<String, String> out = new LinkedHashMap<>();
        strategies.forEach(s -> out.put(s, unit.apply(s)));
        return out;
    }

    /**
     * The strategy for {@code token} among the network's known strategies ({@code eigenlayer.strategy.*}),
     * found by the tokens they take (read once): the underlying token, and EIGEN for the EIGEN strategy.
     */
    String strategyFor(Token token) {
        Map<String, String> map = ctx.remember("eigenlayer.strategyOfToken", () -> {
            List<String> known = listedStrategies();
            Map<String, String> byToken = new LinkedHashMap<>();
            if (!known.isEmpty()) {
                readStrategyTokens(known);
                for (String s : known) {
                    acceptedTokens(s).forEach(t -> byToken.putIfAbsent(key(t), s));
                }
            }
            return Map.copyOf(byToken);
        });
        String strategy = map.get(key(token.address()));
        if (strategy == null) {
            throw new InvalidInputException(ErrorCode.UNKNOWN_DEPLOYMENT, "network " + network.name() + " knows no EigenLayer strategy for " + token.symbol()
                    + " (" + token.address() + "); pass the strategy address explicitly");
        }
        return strategy;
    }

    /**
     * Adds to {@code batch} the reads of the EIP-712 domain of {@code contract} (a core contract: name
     * "EigenLayer", the version from its {@code version()}), resolved and checked against its
     * {@code domainSeparator()} by the supplier once the batch ran. Read at each use, never remembered:
     * an upgrade changes the version.
     */
    java.util.function.Supplier<Eip712Domain> domain(ReadBatch batch, String contract) {
        return new Eip712DomainReader(reader, ctx.chainId()).add(batch, contract, EIP712_NAME, List.of());
    }

    /** {@code minWithdrawalDelayBlocks()}: an immutable of the DelegationManager, read once. */
    long withdrawalDelayBlocks() {
        return ctx.<Long>remember(DELAY, () -> readOne(DelegationManager::load,
                delegationManager, DelegationManager::call_minWithdrawalDelayBlocks).longValueExact());
    }

    private static final String DELAY = "eigenlayer.withdrawalDelayBlocks";

    /**
     * Adds the delay's read to {@code batch} when it is not known yet (a constant, read once per client); run the
     * returned action after the batch executed to keep it.
     */
    Runnable addWithdrawalDelayRead(ReadBatch batch) {
        if (ctx.recall(DELAY).isPresent()) {
            return () -> { };
        }
        Read<BigInteger> delay = batch.add(DelegationManager::load, delegationManager, DelegationManager::call_minWithdrawalDelayBlocks);
        return () -> ctx.remember(DELAY, () -> delay.get().longValueExact());
    }

    /** The underlying token of {@code strategy} if read already, else null. */
    private String known(String strategy) {
        return tokenOfStrategy().get(key(strategy));
    }

    /** The second token each strategy read so far takes ("" for none), by strategy (kept: it never changes). */
    private Map<String, String> alsoTakes() {
        return ctx.remember("eigenlayer.alsoTakes", java.util.concurrent.ConcurrentHashMap::new);
    }

    /** Underlying tokens read so far, by strategy (kept in the client's context: they never change). */
    private Map<String, String> tokenOfStrategy() {
        return ctx.remember("eigenlayer.tokenOfStrategy", java.util.concurrent.ConcurrentHashMap::new);
    }

    /** One read, on its own (a batch of one: a plain eth_call). */
    <C extends org.web3j.tx.Contract, T> T readOne(io.restake4j.read.WrapperLoader<C> loader, String address,
            java.util.function.Function<C, org.web3j.protocol.core.RemoteFunctionCall<T>> call) {
        return reader.readOne(loader, address, call);
    }

    static String key(String address) {
        return address.toLowerCase(Locale.ROOT);
    }

    static boolean isZero(String address) {
        return address == null || address.equalsIgnoreCase(ZERO_ADDRESS);
    }
}
