package io.restake4j;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.http.HttpService;

import io.restake4j.eigenlayer.EigenLayer;
import io.restake4j.errors.RevertDecoder;
import io.restake4j.etherfi.EtherFi;
import io.restake4j.lido.Lido;
import io.restake4j.internal.Inputs;
import io.restake4j.network.Network;
import io.restake4j.read.MulticallReader;
import io.restake4j.rocketpool.RocketPool;
import io.restake4j.symbiotic.Symbiotic;
import io.restake4j.karak.Karak;
import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.rpc.RetryPolicy;
import io.restake4j.rpc.RetryingWeb3jService;
import io.restake4j.signer.Signer;
import io.restake4j.tokens.Tokens;
import io.restake4j.tx.FeeBumpPolicy;
import io.restake4j.tx.fees.FeeStrategies;
import io.restake4j.tx.fees.FeeStrategy;
import io.restake4j.tx.Operation;
import io.restake4j.tx.Plan;
import io.restake4j.tx.Transactions;
import io.restake4j.tx.internal.Pipeline;
import io.restake4j.tx.internal.PipelineTransactions;
import io.restake4j.tx.Planner;
import io.restake4j.vaults.Erc4626Vault;
import io.restake4j.read.LogScanner;
import io.restake4j.wait.Waiter;

/**
 * The restake4j client: one node, one network, optionally one signer. Protocol facades hang off it;
 * every write they offer is an {@link Operation} that goes through the client's single transaction
 * pipeline (simulate, price, sign, send, confirm), and every batched read through its Multicall3
 * reader. Thread-safe; share one per signer. Close it to release its executor (and its connection,
 * when it made it).
 *
 * <pre>{@code
 * try (Restaking client = Restaking.builder()
 *         .rpc("https://eth.example")                       // or .service(yourWeb3jService)
 *         .network(Network.mainnet())
 *         .signer(Signer.privateKey(System.getenv("PRIVATE_KEY")))
 *         .build()) {
 *     Token usdc = client.tokens().token("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48");
 *     client.tokens().transfer(Amount.parse("25", usdc), recipient).send();
 * }
 * }</pre>
 *
 * <p>Without a signer the client reads and, given {@link Builder#readOnlyAccount(String)}, previews.
 * Before its first signature it checks that the node serves the configured chain, and refuses to sign
 * otherwise.
 */
public final class Restaking implements AutoCloseable {

    /**
     * Every protocol the client offers, made from its context on first use. Adding a protocol is one line here
     * and one accessor below.
     */
    private static final Map<Class<?>, Function<ProtocolContext, ?>> PROTOCOLS = Map.of(
            EigenLayer.class, EigenLayer::new,
            Lido.class, Lido::new,
            EtherFi.class, EtherFi::new,
            RocketPool.class, RocketPool::new,
            Symbiotic.class, Symbiotic::new,
            Karak.class, Karak::new);

    private final Web3j web3j;
    private final Network network;
    private final Signer signer;
    private final Pipeline pipeline;
    private final ProtocolContext context;
    private final ExecutorService ownedExecutor;
    private final Transactions transactions;
    private final ConcurrentMap<Class<?>, Object> facades = new ConcurrentHashMap<>();

    private Restaking(Builder b, Web3j web3j, Web3jService service, Executor executor, ExecutorService ownedExecutor) {
        this.web3j = web3j;
        this.network = b.network;
        this.signer = b.signer;
        this.ownedExecutor = ownedExecutor;
        MulticallReader reader = MulticallReader.builder(web3j).multicallAddress(network.multicall3())
                .expectChainId(network.chainId()).build();
        this.pipeline = new Pipeline(new Pipeline.Config(web3j, service, network.chainId(), b.signer, b.readOnlyAccount,
                b.feeStrategy, b.gasMargin, b.confirmations, b.receiptPollInterval, b.receiptTimeout, b.broadcastAttempts,
                executor, RevertDecoder.standard(), b.feeBumpPolicy));
        this.context = new ProtocolContext(network, b.signer, b.readOnlyAccount, pipeline, reader,
                new LogScanner(web3j, b.logBlockRange), new Waiter(web3j, b.receiptPollInterval, executor));
        this.transactions = new PipelineTransactions(pipeline);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The facade of a protocol this client offers (see {@link #eigenLayer()}, {@link #lido()}, {@link #etherFi()},
     * {@link #rocketPool()}), made on first use; making it reads nothing.
     *
     * @throws InvalidInputException ({@link ErrorCode#INVALID_CONFIGURATION}) for a class that is no protocol facade of
     *                               restake4j
     */
    public <P> P protocol(Class<P> type) {
        Function<ProtocolContext, ?> factory = PROTOCOLS.get(Objects.requireNonNull(type, "type"));
        if (factory == null) {
            throw new InvalidInputException(ErrorCode.INVALID_CONFIGURATION, type.getName() + " is not a protocol of this client; known: "
                    + PROTOCOLS.keySet().stream().map(Class::getSimpleName).sorted().toList());
        }
        return type.cast(facades.computeIfAbsent(type, t -> factory.apply(context)));
    }

    /** ERC-20 tokens: metadata, balances, transfers, approvals and EIP-2612 permits. */
    public Tokens tokens() {
        return context.tokens();
    }

    /**
     * EigenLayer for stakers: deposits, delegation, withdrawals, positions, rewards, pods. Needs the
     * network's {@code eigenlayer.*} addresses (the presets and the devnet's address book have them); a
     * missing one is reported by the first operation or read that needs it.
     */
    public EigenLayer eigenLayer() {
        return protocol(EigenLayer.class);
    }

    /**
     * Lido for stakers: stake, wrap/unwrap, transfers by shares, withdrawal requests and claims, rates and
     * positions. Needs the network's {@code lido.LidoLocator} (the presets; read once, on first use) or its
     * {@code lido.Lido}, {@code lido.WstETH} and {@code lido.WithdrawalQueueERC721} addresses (a devnet's
     * address book).
     */
    public Lido lido() {
        return protocol(Lido.class);
    }

    /**
     * ether.fi for stakers: stake, wrap/unwrap, withdrawal requests within the pool's bounds, claims and
     * positions. Needs the network's {@code etherfi.*} addresses (a devnet's address book has them).
     */
    public EtherFi etherFi() {
        return protocol(EtherFi.class);
    }

    /**
     * Rocket Pool for stakers: deposit ETH for rETH, burn rETH, rates, positions. Needs the network's
     * {@code rocketpool.RocketStorage} address; the other contracts are looked up there on first use and kept
     * for this client's life (see {@link RocketPool#refreshAddresses()}).
     */
    public RocketPool rocketPool() {
        return protocol(RocketPool.class);
    }

    /**
     * Symbiotic for stakers: core v1 vaults (deposit, withdraw, redeem, epoch claims) found through the network's
     * {@code symbiotic.VaultFactory} (the presets and the devnet's address book have it).
     */
    public Symbiotic symbiotic() {
        return protocol(Symbiotic.class);
    }

    /**
     * Karak v1 for stakers: deposits with a slippage bound and two-step withdrawals through the network's
     * {@code karak.VaultSupervisor} and {@code karak.DelegationSupervisor} (the devnet's address book has them).
     */
    public Karak karak() {
        return protocol(Karak.class);
    }

    /**
     * The EIP-4626 vault at {@code address} (any ERC-20 asset): totals, conversions, previews, limits, positions,
     * and deposit, mint, withdraw and redeem as operations. Making it reads nothing; it holds nothing mutable, so
     * calling this again for the same vault costs nothing either (its tokens are remembered by the client).
     */
    public Erc4626Vault erc4626(String address) {
        return new Erc4626Vault(context, address);
    }

    /**
     * This client's transactions by hash: await one (also after a restart), speed it up or cancel it at its
     * nonce, list those still pending.
     */
    public Transactions transactions() {
        return transactions;
    }

    /** Batched typed reads (Multicall3) on this client's node. */
    public MulticallReader reads() {
        return context.reads();
    }

    /** Chunked, resumable {@code eth_getLogs} on this client's node. */
    public LogScanner logs() {
        return context.logs();
    }

    /** Waits for a block, the chain's time, an epoch or any condition on this client's node. */
    public Waiter waiter() {
        return context.waiter();
    }

    /**
     * What protocol facades use of this client: hand it to a facade of your own (see {@link ProtocolContext}).
     */
    public ProtocolContext context() {
        return context;
    }

    /** Turns a custom {@link Plan} into an operation run by this client's pipeline (for contracts of your own). */
    public <R> Operation<R> operation(Plan<R> plan) {
        return context.operation(plan);
    }

    /**
     * An operation of your own whose plan {@code planner} writes afresh at every {@code preview()} and
     * {@code send()} (see {@link Planner}).
     */
    public <R> Operation<R> operation(String description, Planner<R> planner) {
        return context.operation(description, planner);
    }

    /** The account this client acts for (the signer's, or the read-only account). */
    public String account() {
        return context.account();
    }

    /** The signer, when there is one. */
    public java.util.Optional<Signer> signer() {
        return java.util.Optional.ofNullable(signer);
    }

    public Network network() {
        return network;
    }

    public Web3j web3j() {
        return web3j;
    }

    /**
     * Checks now that the node serves this client's chain (otherwise done before the first signature).
     *
     * @throws io.restake4j.errors.ChainMismatchException when it does not
     */
    public void verifyChain() {
        pipeline.verifyChain();
    }

    @Override
    public void close() {
        pipeline.close();
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
        }
        web3j.shutdown();
    }

    @Override
    public String toString() {
        return "Restaking[" + network + ", " + (signer == null ? "read-only" : signer) + "]";
    }

    /**
     * Configures a {@link Restaking} client. Defaults: fees by {@link FeeStrategies#auto()}, gas limit =
     * simulated gas x 1.25 (the EIP-3529 refund allowance) + 25%, 1 confirmation, receipts polled every second
     * for up to 5 minutes, each signed transaction offered to the node up to 4 times, no automatic fee bumps,
     * reads retried by {@link RetryPolicy#defaults()} and HTTP timeouts of 10 s (connect) and 30 s (read, write)
     * when the client makes its own connection from {@link #rpc(String)}.
     *
     * <pre>{@code
     * Restaking devnetClient = Restaking.builder()
     *         .rpc(devnet.rpcUrl())
     *         .network(Network.of("devnet", devnet.chainId(), devnet.addresses().asMap()))
     *         .signer(Signer.of(devnet.account(0)))
     *         .receiptPollInterval(Duration.ofMillis(5))
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private String rpcUrl;
        private Web3jService service;
        private long logBlockRange = LogScanner.DEFAULT_BLOCK_RANGE;
        private Network network;
        private Signer signer;
        private String readOnlyAccount;
        private FeeStrategy feeStrategy = FeeStrategies.auto();
        private BigDecimal gasMargin = new BigDecimal("0.25");
        private int confirmations = 1;
        private Duration receiptPollInterval = Duration.ofSeconds(1);
        private Duration receiptTimeout = Duration.ofMinutes(5);
        private int broadcastAttempts = 4;
        private FeeBumpPolicy feeBumpPolicy = FeeBumpPolicy.none();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration writeTimeout = Duration.ofSeconds(30);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Executor executor;

        private Builder() {
        }

        /**
         * The node's JSON-RPC URL; the client makes and owns the connection (with read retries).
         *
         * @throws InvalidInputException {@code INVALID_RPC_URL} unless it is an absolute http or https URL with a host
         */
        public Builder rpc(String url) {
            this.rpcUrl = validRpcUrl(url);
            return this;
        }

        private static String validRpcUrl(String url) {
            if (url == null || url.isBlank()) {
                throw new InvalidInputException(ErrorCode.INVALID_RPC_URL, "rpc", "the RPC URL is missing");
            }
            java.net.URI uri;
            try {
                uri = new java.net.URI(url);
            } catch (java.net.URISyntaxException e) {
                throw new InvalidInputException(ErrorCode.INVALID_RPC_URL, "rpc", "not a URL: '" + url + "' ("
                        + e.getReason() + "); expected e.g. http://127.0.0.1:8545 or https://eth.example/v1/KEY");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new InvalidInputException(ErrorCode.INVALID_RPC_URL, "rpc", "the RPC URL must be http:// or https://"
                        + " (this client speaks JSON-RPC over HTTP), was '" + redacted(uri, url) + "'");
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new InvalidInputException(ErrorCode.INVALID_RPC_URL, "rpc", "the RPC URL has no host: '"
                        + redacted(uri, url) + "'");
            }
            return url;
        }

        /** The URL without its path and query, which often hold an API key. */
        private static String redacted(java.net.URI uri, String url) {
            if (uri.getScheme() == null) {
                return url.length() > 12 ? url.substring(0, 12) + "..." : url;
            }
            return uri.getScheme() + "://" + (uri.getRawAuthority() == null ? "" : uri.getRawAuthority().replaceAll(".*@", ""))
                    + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "" : "/...");
        }

        /** A transport of your own (the client builds its {@link Web3j} on it, with read retries). */
        public Builder service(Web3jService service) {
            this.service = Objects.requireNonNull(service, "service");
            return this;
        }

        /**
         * The most blocks one {@code eth_getLogs} of this client covers (default 10 000); a range the node refuses
         * as too large is halved until it answers. Providers that cap ranges lower need a lower figure.
         */
        public Builder logBlockRange(long blocks) {
            if (blocks < 1) {
                throw new InvalidInputException(ErrorCode.INVALID_CONFIGURATION, "the log block range must be at least 1, was " + blocks);
            }
            this.logBlockRange = blocks;
            return this;
        }

        /** The chain and its address book. Required. */
        public Builder network(Network network) {
            this.network = Objects.requireNonNull(network, "network");
            return this;
        }

        /** Who signs. Without one the client only reads and previews. */
        public Builder signer(Signer signer) {
            this.signer = Objects.requireNonNull(signer, "signer");
            return this;
        }

        /** For a client without signer: the account previews and reads act for. */
        public Builder readOnlyAccount(String address) {
            this.readOnlyAccount = Inputs.address(address, "read-only account");
            return this;
        }

        public Builder feeStrategy(FeeStrategy strategy) {
            this.feeStrategy = Objects.requireNonNull(strategy, "strategy");
            return this;
        }

        /** Gas limit = simulated gas x 1.25 (refund allowance) x (1 + margin); e.g. 0.25 for 25%. */
        public Builder gasMargin(BigDecimal margin) {
            if (margin.signum() < 0 || margin.compareTo(BigDecimal.TEN) > 0) {
                throw new InvalidInputException(ErrorCode.INVALID_CONFIGURATION, "gas margin must be 0..10, was " + margin);
            }
            this.gasMargin = margin;
            return this;
        }

        /** Blocks a transaction must have (its own included) before a step counts as confirmed. */
        public Builder confirmations(int confirmations) {
            if (confirmations < 1) {
                throw new InvalidInputException(ErrorCode.INVALID_CONFIGURATION, "confirmations must be at least 1, was " + confirmations);
            }
            this.confirmations = confirmations;
            return this;
        }

        public Builder receiptPollInterval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new InvalidInputException(ErrorCode.INVALID_CONFIGURATION, "poll interval must be positive");
            }
            this.receiptPollInterval = interval;
            return this;
        }

        public Builder receiptTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new InvalidInputException(ErrorCode.INVALID_CONFIGURATION, "receipt timeout must be positive");
            }
            this.receiptTimeout = timeout;
            return this;
        }

        /** How often the same signed bytes are offered to the node when the transport fails. */
        public Builder broadcastAttempts(int attempts) {
            if (attempts < 1) {
                throw new InvalidInputException(ErrorCode.INVALID_CONFIGURATION, "attempts must be at least 1");
            }
            this.broadcastAttempts = attempts;
            return this;
        }

        /**
         * Raise the fees of this client's transactions that stay unmined (same nonce, so nothing can be mined
         * twice); off by default.
         */
        public Builder feeBumpPolicy(FeeBumpPolicy policy) {
            this.feeBumpPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Timeouts of the HTTP connection that {@link #rpc(String)} makes (defaults: connect 10 s, read 30 s,
         * write 30 s). A read timeout on a send is not a refusal: the transaction may have reached the node, and
         * the client follows it instead of signing again. Not used with {@link #service}.
         */
        public Builder timeouts(Duration connect, Duration read, Duration write) {
            this.connectTimeout = positive(connect, "connect timeout");
            this.readTimeout = positive(read, "read timeout");
            this.writeTimeout = positive(write, "write timeout");
            return this;
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new InvalidInputException(ErrorCode.INVALID_CONFIGURATION, what + " must be positive, was " + d);
            }
            return d;
        }

        /** Retries of idempotent reads on transport failures; {@link RetryPolicy#none()} to disable. */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Where {@code sendAsync()} runs; by default a pool of the client's own, closed with it. */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        public Restaking build() {
            if (network == null) {
                throw new InvalidInputException(ErrorCode.INVALID_CONFIGURATION, "network",
                        "a network is required: .network(Network.mainnet()) or Network.of(...)");
            }
            if ((rpcUrl != null) == (service != null)) {
                throw new InvalidInputException(ErrorCode.INVALID_CONFIGURATION, "rpc",
                        "give exactly one of .rpc(url) or .service(service)");
            }
            Web3jService base = service != null ? service : new HttpService(rpcUrl, httpClient());
            Web3jService transport = RetryingWeb3jService.wrap(base, retryPolicy);
            Web3j client = Web3j.build(transport);
            ExecutorService owned = null;
            Executor async = executor;
            if (async == null) {
                owned = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("restake4j-async-", 1).factory());
                async = owned;
            }
            return new Restaking(this, client, transport, async, owned);
        }

        /**
         * The HTTP client behind {@link #rpc(String)}: the configured timeouts, and OkHttp's own silent retry of
         * failed connections turned off, so that every resend (of a read, or of the same signed bytes) is one
         * the client decides and counts.
         */
        private okhttp3.OkHttpClient httpClient() {
            return new okhttp3.OkHttpClient.Builder()
                    .connectTimeout(connectTimeout)
                    .readTimeout(readTimeout)
                    .writeTimeout(writeTimeout)
                    .retryOnConnectionFailure(false)
                    .build();
        }
    }
}
