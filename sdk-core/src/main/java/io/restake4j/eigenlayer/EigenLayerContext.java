package io.restake4j.eigenlayer;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.restake4j.contracts.eigenlayer.DelegationManager;
import io.restake4j.contracts.eigenlayer.Strategy;
import io.restake4j.contracts.eigenlayer.StrategyManager;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.network.Network;
import io.restake4j.read.MulticallReader;
import io.restake4j.read.Read;
import io.restake4j.read.ReadBatch;
import io.restake4j.tokens.Tokens;
import io.restake4j.tx.Operation;
import io.restake4j.tx.Plan;
import io.restake4j.tx.internal.Pipeline;
import io.restake4j.tx.internal.PipelineOperation;
import io.restake4j.units.Token;

/**
 * What every part of the EigenLayer facade shares: the pipeline and reader of the client, the
 * deployment's addresses, and reads that never change once made (strategy tokens, EIP-712 domain).
 */
final class EigenLayerContext {

    static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";
    static final BigInteger WAD = BigInteger.TEN.pow(18);
    private static final String STRATEGY_PREFIX = "eigenlayer.strategy.";

    final Pipeline pipeline;
    final MulticallReader reader;
    final Tokens tokens;
    final Network network;
    final String strategyManager;
    final String delegationManager;
    final String allocationManager;
    final String rewardsCoordinator;
    final String eigenPodManager;
    final String beaconChainEthStrategy;

    private final Map<String, String> tokenOfStrategy = new ConcurrentHashMap<>();
    private volatile Map<String, String> strategyOfToken;
    private volatile EigenLayerTypedData delegationDomain;
    private volatile EigenLayerTypedData strategyManagerDomain;
    private volatile Long withdrawalDelayBlocks;

    EigenLayerContext(Pipeline pipeline, MulticallReader reader, Tokens tokens, Network network) {
        this.pipeline = pipeline;
        this.reader = reader;
        this.tokens = tokens;
        this.network = network;
        this.strategyManager = network.require("eigenlayer.StrategyManager");
        this.delegationManager = network.require("eigenlayer.DelegationManager");
        this.allocationManager = network.require("eigenlayer.AllocationManager");
        this.rewardsCoordinator = network.require("eigenlayer.RewardsCoordinator");
        this.eigenPodManager = network.require("eigenlayer.EigenPodManager");
        this.beaconChainEthStrategy = network.address("eigenlayer.beaconChainETHStrategy")
                .orElse(io.restake4j.network.internal.Presets.BEACON_CHAIN_ETH_STRATEGY);
    }

    <R> Operation<R> operation(Plan<R> plan) {
        return new PipelineOperation<>(pipeline, plan);
    }

    String account() {
        return pipeline.from();
    }

    boolean isBeacon(String strategy) {
        return strategy.equalsIgnoreCase(beaconChainEthStrategy);
    }

    /** The underlying token of each strategy (beaconChainETH has none: the zero address), read once per strategy. */
    Map<String, String> underlyingTokens(List<String> strategies) {
        List<String> missing = new ArrayList<>();
        for (String s : strategies) {
            if (!isBeacon(s) && !tokenOfStrategy.containsKey(key(s))) {
                missing.add(s);
            }
        }
        if (!missing.isEmpty()) {
            ReadBatch batch = reader.newBatch();
            Map<String, Read<String>> reads = new LinkedHashMap<>();
            missing.forEach(s -> reads.put(s, batch.add(Strategy::load, s, Strategy::call_underlyingToken)));
            batch.execute();
            reads.forEach((s, r) -> {
                if (!r.succeeded()) {
                    throw new InvalidInputException("strategy " + s + " did not answer underlyingToken(): is it an EigenLayer strategy?");
                }
                tokenOfStrategy.put(key(s), r.get());
            });
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String s : strategies) {
            out.put(s, isBeacon(s) ? ZERO_ADDRESS : tokenOfStrategy.get(key(s)));
        }
        return out;
    }

    /**
     * The strategy for {@code token} among the network's known strategies ({@code eigenlayer.strategy.*}),
     * found by their underlying tokens (read once).
     */
    String strategyFor(Token token) {
        Map<String, String> map = strategyOfToken;
        if (map == null) {
            List<String> known = network.addresses().entrySet().stream()
                    .filter(e -> e.getKey().startsWith(STRATEGY_PREFIX)).map(Map.Entry::getValue).toList();
            Map<String, String> byToken = new LinkedHashMap<>();
            if (!known.isEmpty()) {
                underlyingTokens(known).forEach((s, t) -> byToken.put(key(t), s));
            }
            strategyOfToken = map = byToken;
        }
        String strategy = map.get(key(token.address()));
        if (strategy == null) {
            throw new InvalidInputException("network " + network.name() + " knows no EigenLayer strategy for " + token.symbol()
                    + " (" + token.address() + "); pass the strategy address explicitly");
        }
        return strategy;
    }

    /** The DelegationManager's EIP-712 domain (its version() is read once). */
    EigenLayerTypedData delegationDomain() {
        EigenLayerTypedData d = delegationDomain;
        if (d == null) {
            String version = readOne(DelegationManager::load, delegationManager, DelegationManager::call_version);
            delegationDomain = d = EigenLayerTypedData.domain(version, pipeline.config().chainId(), delegationManager);
        }
        return d;
    }

    /** The StrategyManager's EIP-712 domain (its version() is read once). */
    EigenLayerTypedData strategyManagerDomain() {
        EigenLayerTypedData d = strategyManagerDomain;
        if (d == null) {
            String version = readOne(StrategyManager::load, strategyManager, StrategyManager::call_version);
            strategyManagerDomain = d = EigenLayerTypedData.domain(version, pipeline.config().chainId(), strategyManager);
        }
        return d;
    }

    /** {@code minWithdrawalDelayBlocks()}: an immutable of the DelegationManager, read once. */
    long withdrawalDelayBlocks() {
        Long d = withdrawalDelayBlocks;
        if (d == null) {
            withdrawalDelayBlocks = d = readOne(DelegationManager::load, delegationManager,
                    DelegationManager::call_minWithdrawalDelayBlocks).longValueExact();
        }
        return d;
    }

    /** One read, on its own (a batch of one: a plain eth_call). */
    <C extends org.web3j.tx.Contract, T> T readOne(io.restake4j.read.WrapperLoader<C> loader, String address,
            java.util.function.Function<C, org.web3j.protocol.core.RemoteFunctionCall<T>> call) {
        ReadBatch batch = reader.newBatch();
        Read<T> read = batch.add(loader, address, call);
        batch.execute();
        return read.get();
    }

    static String key(String address) {
        return address.toLowerCase(Locale.ROOT);
    }

    static boolean isZero(String address) {
        return address == null || address.equalsIgnoreCase(ZERO_ADDRESS);
    }
}
