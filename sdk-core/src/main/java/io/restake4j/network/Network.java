package io.restake4j.network;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.restake4j.network.internal.Presets;

/**
 * A chain and where the contracts restake4j uses live on it: an address book of
 * {@code <protocol>.<Contract>} names (the same names a devnet's address book uses), plus Multicall3.
 * Immutable. The presets ({@link #mainnet()}, {@link #hoodi()}, {@link #sepolia()}) point at the real
 * deployments; strategies are listed as {@code eigenlayer.strategy.<token symbol>}.
 *
 * <pre>{@code
 * Network devnetNetwork = Network.of("devnet", devnet.chainId(), devnet.addresses().asMap());
 * String delegation = network.require("eigenlayer.DelegationManager");
 * }</pre>
 */
public final class Network {

    /** Multicall3's address on nearly every EVM chain. */
    public static final String CANONICAL_MULTICALL3 = "0xcA11bde05977b3631167028862bE2a173976CA11";
    /** Address-book key of Multicall3. */
    public static final String MULTICALL3 = "common.Multicall3";

    private final String name;
    private final long chainId;
    private final Map<String, String> addresses;

    private Network(String name, long chainId, Map<String, String> addresses) {
        if (chainId <= 0) {
            throw new io.restake4j.errors.InvalidInputException(io.restake4j.errors.ErrorCode.INVALID_CONFIGURATION,
                    "chainId", "chain id must be positive, was " + chainId);
        }
        this.name = Objects.requireNonNull(name, "name");
        this.chainId = chainId;
        Map<String, String> book = new LinkedHashMap<>();
        book.put(MULTICALL3, CANONICAL_MULTICALL3);
        book.putAll(addresses);
        this.addresses = Map.copyOf(book);
    }

    /** A network with this address book (Multicall3 defaults to its canonical address). */
    public static Network of(String name, long chainId, Map<String, String> addresses) {
        return new Network(name, chainId, Objects.requireNonNull(addresses, "addresses"));
    }

    /**
     * Ethereum mainnet (chain 1), with the real EigenLayer deployment and its LST strategies, Lido, ether.fi,
     * Rocket Pool, Symbiotic, Karak v1 and the common tokens ({@code tokens.*}).
     */
    public static Network mainnet() {
        return new Network("mainnet", 1, Presets.mainnet());
    }

    /**
     * Arbitrum One (chain 42161): Karak v1 and v2 Core, and the bridged wstETH, weETH, rETH and WETH
     * ({@code tokens.*}); no EigenLayer, Symbiotic, Lido, ether.fi or Rocket Pool deployment, so their facades
     * fail with a configuration error naming the chain.
     */
    public static Network arbitrum() {
        return new Network("arbitrum", 42161, Presets.arbitrum());
    }

    /** The Hoodi testnet (chain 560048), with EigenLayer's deployment there. */
    public static Network hoodi() {
        return new Network("hoodi", 560048, Presets.hoodi());
    }

    /** The Sepolia testnet (chain 11155111), with EigenLayer's deployment there (EigenPods paused). */
    public static Network sepolia() {
        return new Network("sepolia", 11155111, Presets.sepolia());
    }

    public String name() {
        return name;
    }

    public long chainId() {
        return chainId;
    }

    public Map<String, String> addresses() {
        return addresses;
    }

    public Optional<String> address(String key) {
        return Optional.ofNullable(addresses.get(key));
    }

    /** The address under {@code key}, or an exception naming the network and the known keys. */
    public String require(String key) {
        String a = addresses.get(key);
        if (a == null) {
            int dot = key.indexOf('.');
            String protocol = dot > 0 ? key.substring(0, dot + 1) : null;
            boolean none = protocol != null && addresses.keySet().stream().noneMatch(k -> k.startsWith(protocol));
            throw new io.restake4j.errors.InvalidInputException(io.restake4j.errors.ErrorCode.UNKNOWN_DEPLOYMENT, none
                    ? "network " + name + " (chain " + chainId + ") has no " + protocol.substring(0, protocol.length() - 1)
                            + " deployment: no '" + protocol + "*' address (needed: '" + key + "')"
                    : "network " + name + " (chain " + chainId + ") has no address for '" + key + "'; known: "
                            + new java.util.TreeSet<>(addresses.keySet()));
        }
        return a;
    }

    public String multicall3() {
        return addresses.get(MULTICALL3);
    }

    /** A copy with one more (or a replaced) address. */
    public Network with(String key, String address) {
        Map<String, String> copy = new LinkedHashMap<>(addresses);
        copy.put(key, address);
        return new Network(name, chainId, copy);
    }

    @Override
    public String toString() {
        return "Network[" + name + ", chain " + chainId + ", " + addresses.size() + " addresses]";
    }
}
