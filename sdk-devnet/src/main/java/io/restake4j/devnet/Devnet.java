package io.restake4j.devnet;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import javax.net.SocketFactory;

import okhttp3.OkHttpClient;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.StaticEIP1559GasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;

import io.restake4j.devnet.fixtures.common.TestToken;
import io.restake4j.devnet.internal.AnvilLocator;
import io.restake4j.devnet.internal.AnvilProcess;
import io.restake4j.devnet.internal.FixtureArtifact;
import io.restake4j.devnet.internal.Rpc;

/**
 * A local Ethereum chain for tests and samples: an anvil process with restake4j's fixtures deployed.
 *
 * <p>The fixtures are restake4j's own Solidity contracts that implement each protocol's public
 * interface and documented semantics. They are test doubles: mainnet presets point at the real
 * deployments. Every devnet has Multicall3 at its canonical address
 * {@value #MULTICALL3_ADDRESS}, and the EigenLayer, Lido, ether.fi, Rocket Pool, Symbiotic and Karak fixtures
 * deployed at start (see {@link #eigenLayer()}, {@link #lido()}, {@link #etherFi()}, {@link #rocketPool()},
 * {@link #symbiotic()} and {@link #karak()}; the builder's {@code eigenLayer(false)}, {@code lido(false)},
 * {@code etherFi(false)}, {@code rocketPool(false)}, {@code symbiotic(false)} and {@code karak(false)} leave
 * them out).
 *
 * <p>anvil listens on a free loopback port; its output goes to a log file (by default under
 * {@code target/restake4j-devnet/}); the process is stopped by {@link #close()}, by a JVM shutdown hook,
 * and, if the JVM is killed outright, by a watchdog.
 *
 * <pre>{@code
 * try (Devnet devnet = Devnet.start()) {
 *     Credentials alice = devnet.account(0);
 *     TestToken token = devnet.deployToken("Test USD", "TUSD", 6);
 *     token.mint(alice.getAddress(), BigInteger.valueOf(1_000_000)).send();
 *     devnet.mine(10);
 * }
 * }</pre>
 *
 * <p>In JUnit 5 tests prefer {@link DevnetTest @DevnetTest}: one devnet per JVM, state reverted after
 * every test.
 */
public final class Devnet implements AutoCloseable {

    /** Multicall3's address on every chain, and on every devnet. */
    public static final String MULTICALL3_ADDRESS = "0xcA11bde05977b3631167028862bE2a173976CA11";

    /** anvil's default mnemonic: the well-known, publicly known test keys. Never use them for real funds. */
    public static final String DEFAULT_MNEMONIC = "test test test test test test test test test test test junk";

    private static final Logger LOG = LoggerFactory.getLogger(Devnet.class);
    private static final int HARDENED = 0x80000000;

    private final AnvilProcess anvil;
    private final String rpcUrl;
    private final long chainId;
    private final HttpService http;
    private final Web3j web3j;
    private final Rpc rpc;
    private volatile List<Credentials> accounts = List.of();
    private final Duration receiptPollInterval;
    private final StaticEIP1559GasProvider gasProvider;
    private final Thread shutdownHook;
    private volatile DevnetAddresses addresses;
    private volatile EigenLayerDevnet eigenLayer;
    private volatile LidoDevnet lido;
    private volatile EtherFiDevnet etherFi;
    private volatile SymbioticDevnet symbiotic;
    private volatile RocketPoolDevnet rocketPool;
    private volatile KarakDevnet karak;
    private volatile boolean closed;

    private Devnet(Builder b, AnvilProcess anvil) {
        this.anvil = anvil;
        this.rpcUrl = "http://127.0.0.1:" + anvil.port();
        this.chainId = b.chainId;
        // TCP_NODELAY: without it, every request that does not fit one segment (a contract deployment) waits
        // ~40 ms for the server's delayed ACK (Nagle), which made the EigenLayer deployment 5x slower.
        this.http = new HttpService(rpcUrl, new OkHttpClient.Builder().socketFactory(new NoDelaySocketFactory()).build());
        // Our own executor: web3j.shutdown() stops the executor it was built with, and web3j's default one is
        // shared by every Web3j in the JVM.
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "restake4j-devnet-web3j-" + anvil.pid());
            t.setDaemon(true);
            return t;
        });
        this.web3j = Web3j.build(http, b.receiptPollInterval.toMillis(), executor);
        this.rpc = new Rpc(http);
        this.receiptPollInterval = b.receiptPollInterval;
        // Fees far above what a devnet ever charges; anvil refunds the difference.
        this.gasProvider = new StaticEIP1559GasProvider(chainId, BigInteger.valueOf(100_000_000_000L),
                BigInteger.valueOf(1_000_000_000L), BigInteger.valueOf(15_000_000L));
        this.addresses = new DevnetAddresses(java.util.Map.of());
        this.shutdownHook = new Thread(this::close, "restake4j-devnet-shutdown-" + anvil.pid());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts a devnet with the defaults (see {@link Builder}). */
    public static Devnet start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The JSON-RPC endpoint, e.g. {@code http://127.0.0.1:43121}. */
    public String rpcUrl() {
        return rpcUrl;
    }

    public long chainId() {
        return chainId;
    }

    /** A shared {@link Web3j} for this devnet, polling every few milliseconds. Closed with the devnet. */
    public Web3j web3j() {
        return web3j;
    }

    /** The funded accounts (anvil's, derived from the mnemonic), each holding the configured ETH balance. */
    public List<Credentials> accounts() {
        return accounts;
    }

    public Credentials account(int index) {
        if (index < 0 || index >= accounts.size()) {
            throw new IllegalArgumentException("account index " + index + " out of range: the devnet has "
                    + accounts.size() + " accounts (0.." + (accounts.size() - 1) + ")");
        }
        return accounts.get(index);
    }

    /** The account that deployed the fixtures (the last one); tests normally use the others. */
    public Credentials deployer() {
        return accounts.get(accounts.size() - 1);
    }

    /** Every fixture this devnet deployed, by name. */
    public DevnetAddresses addresses() {
        return addresses;
    }

    /**
     * The Lido fixtures deployed at start (stETH, wstETH, withdrawal queue), and oracle controls for them.
     *
     * @throws DevnetException if the devnet was started with {@code lido(false)}
     */
    public LidoDevnet lido() {
        LidoDevnet l = lido;
        if (l == null) {
            throw new DevnetException("this devnet was started without the Lido fixtures (Builder.lido(false))");
        }
        return l;
    }

    /**
     * The ether.fi fixtures deployed at start (LiquidityPool, eETH, weETH, WithdrawRequestNFT), and oracle
     * controls for them.
     *
     * @throws DevnetException if the devnet was started with {@code etherFi(false)}
     */
    public EtherFiDevnet etherFi() {
        EtherFiDevnet e = etherFi;
        if (e == null) {
            throw new DevnetException("this devnet was started without the ether.fi fixtures (Builder.etherFi(false))");
        }
        return e;
    }

    /**
     * The Symbiotic fixtures deployed at start (the VaultFactory with the v1 vault versions, the delegator and
     * slasher factories), and controls to create vaults and move through epochs.
     *
     * @throws DevnetException if the devnet was started with {@code symbiotic(false)}
     */
    public SymbioticDevnet symbiotic() {
        SymbioticDevnet s = symbiotic;
        if (s == null) {
            throw new DevnetException("this devnet was started without the Symbiotic fixtures (Builder.symbiotic(false))");
        }
        return s;
    }

    /**
     * The Rocket Pool fixtures deployed at start (RocketStorage, rETH, deposit pool, network balances, deposit
     * settings), and oracle and settings controls for them.
     *
     * @throws DevnetException if the devnet was started with {@code rocketPool(false)}
     */
    public RocketPoolDevnet rocketPool() {
        RocketPoolDevnet rp = rocketPool;
        if (rp == null) {
            throw new DevnetException("this devnet was started without the Rocket Pool fixtures (Builder.rocketPool(false))");
        }
        return rp;
    }

    /**
     * The Karak fixtures deployed at start (v1: the v1.3 VaultSupervisor, the DelegationSupervisor, a Querier;
     * v2: KarakCore and its vault implementation), and controls to create vaults, set the withdrawal delay and
     * walk Core's DSS, staking and slashing flows.
     *
     * @throws DevnetException if the devnet was started with {@code karak(false)}
     */
    public KarakDevnet karak() {
        KarakDevnet k = karak;
        if (k == null) {
            throw new DevnetException("this devnet was started without the Karak fixtures (Builder.karak(false))");
        }
        return k;
    }

    /**
     * The EigenLayer fixtures deployed at start, and controls for them (operators, slashing, rewards roots).
     *
     * @throws DevnetException if the devnet was started with {@code eigenLayer(false)}
     */
    public EigenLayerDevnet eigenLayer() {
        EigenLayerDevnet el = eigenLayer;
        if (el == null) {
            throw new DevnetException("this devnet was started without the EigenLayer fixtures (Builder.eigenLayer(false))");
        }
        return el;
    }

    void register(String name, String address) {
        addresses = addresses.with(name, address);
    }

    /** The operating-system process id of anvil (diagnostics, leak checks). */
    public long anvilPid() {
        return anvil.pid();
    }

    /** Where anvil's output goes. */
    public Path logFile() {
        return anvil.logFile();
    }

    /** A transaction manager that signs for {@code credentials} and polls receipts every few milliseconds. */
    public TransactionManager transactionManager(Credentials credentials) {
        long pollMs = Math.max(1, receiptPollInterval.toMillis());
        return new RawTransactionManager(web3j, credentials, chainId,
                new PollingTransactionReceiptProcessor(web3j, pollMs, (int) Math.max(40, 60_000 / pollMs)));
    }

    /** Generous static EIP-1559 fees and gas limit, for fixtures and wrappers on this devnet. */
    public ContractGasProvider gasProvider() {
        return gasProvider;
    }

    // ---------------------------------------------------------------- fixtures

    /**
     * Deploys the ERC-20 + EIP-2612 token fixture from the {@link #deployer()}, who is its minter.
     * The returned wrapper sends as the deployer, so {@code mint} works on it directly.
     */
    public TestToken deployToken(String name, String symbol, int decimals) {
        if (decimals < 0 || decimals > 255) {
            throw new IllegalArgumentException("decimals must be 0..255, was " + decimals);
        }
        try {
            return TestToken.deploy(web3j, transactionManager(deployer()), gasProvider, name, symbol,
                    BigInteger.valueOf(decimals)).send();
        } catch (Exception e) {
            throw new DevnetException("could not deploy token fixture " + symbol + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sends {@code calldata} to {@code to} from {@code from} and waits for the receipt. For calls no
     * wrapper has (hand-encoded functions) and for devnet set-up; SDK code sends through its pipeline.
     *
     * @throws DevnetException when the transaction cannot be sent or reverts
     */
    public TransactionReceipt transact(Credentials from, String to, String calldata, BigInteger weiValue) {
        TransactionManager manager = transactionManager(from);
        try {
            EthSendTransaction sent = manager.sendEIP1559Transaction(chainId,
                    gasProvider.getMaxPriorityFeePerGas(), gasProvider.getMaxFeePerGas(),
                    gasProvider.getGasLimit(), to, calldata, weiValue);
            if (sent.hasError()) {
                throw new DevnetException("transaction to " + to + " refused: " + sent.getError().getMessage());
            }
            TransactionReceipt receipt = new PollingTransactionReceiptProcessor(web3j,
                    Math.max(1, receiptPollInterval.toMillis()), 12_000).waitForTransactionReceipt(sent.getTransactionHash());
            if (!receipt.isStatusOK()) {
                throw new DevnetException("transaction " + receipt.getTransactionHash() + " to " + to + " reverted");
            }
            return receipt;
        } catch (IOException | TransactionException e) {
            throw new DevnetException("transaction to " + to + " failed: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- controls

    /** Mines {@code blocks} empty blocks. */
    public void mine(long blocks) {
        if (blocks < 1) {
            throw new IllegalArgumentException("blocks must be positive, was " + blocks);
        }
        rpc.call("anvil_mine", Numeric.toHexStringWithPrefix(BigInteger.valueOf(blocks)));
    }

    /** Moves the chain's clock forward and mines one block with the new time. */
    public void advanceTime(Duration by) {
        if (by.isNegative() || by.isZero()) {
            throw new IllegalArgumentException("time can only move forward, was " + by);
        }
        rpc.call("evm_increaseTime", Numeric.toHexStringWithPrefix(BigInteger.valueOf(by.toSeconds())));
        rpc.call("evm_mine");
    }

    /** The latest block number. */
    public BigInteger blockNumber() {
        return Numeric.decodeQuantity((String) rpc.call("eth_blockNumber"));
    }

    /** Records the chain state; {@link #revert(Snapshot)} returns to it. */
    public Snapshot snapshot() {
        return new Snapshot((String) rpc.call("evm_snapshot"));
    }

    /**
     * Returns the chain to {@code snapshot}. A snapshot can be reverted to once; snapshots taken after
     * it are discarded too.
     */
    public void revert(Snapshot snapshot) {
        Object ok = rpc.call("evm_revert", snapshot.id());
        if (!Boolean.TRUE.equals(ok)) {
            throw new DevnetException("evm_revert to snapshot " + snapshot.id() + " was refused (already used?)");
        }
    }

    /** Lets transactions be sent from {@code address} without its key (eth_sendTransaction). */
    public void impersonate(String address) {
        rpc.call("anvil_impersonateAccount", address);
    }

    public void stopImpersonating(String address) {
        rpc.call("anvil_stopImpersonatingAccount", address);
    }

    /** Sets the ETH balance of {@code address}, in wei. */
    public void setBalance(String address, BigInteger wei) {
        if (wei.signum() < 0) {
            throw new IllegalArgumentException("balance cannot be negative: " + wei);
        }
        rpc.call("anvil_setBalance", address, Numeric.toHexStringWithPrefix(wei));
    }

    /** Replaces the runtime code at {@code address}. */
    public void setCode(String address, String runtimeBytecode) {
        rpc.call("anvil_setCode", address, runtimeBytecode);
    }

    /** Sends a raw JSON-RPC request (for controls not covered here). */
    public Object rpc(String method, Object... params) {
        return rpc.call(method, params);
    }

    /** Whether anvil is still running. */
    public boolean isRunning() {
        return !closed && anvil.isAlive();
    }

    /** Stops anvil. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // called from the hook itself
        }
        try {
            web3j.shutdown();
        } catch (RuntimeException e) {
            LOG.debug("web3j shutdown", e);
        }
        anvil.close();
        LOG.debug("devnet on {} stopped", rpcUrl);
    }

    @Override
    public String toString() {
        return "Devnet[" + rpcUrl + ", chainId=" + chainId + ", pid=" + anvil.pid() + (closed ? ", closed" : "") + "]";
    }

    private void installMulticall3() {
        setCode(MULTICALL3_ADDRESS, FixtureArtifact.load("common", "Multicall3").deployedBytecode());
        addresses = addresses.with(DevnetAddresses.MULTICALL3, MULTICALL3_ADDRESS);
    }

    private void verifyChainId() {
        String nodeChainId = (String) rpc.call("eth_chainId");
        if (Numeric.decodeQuantity(nodeChainId).longValue() != chainId) {
            throw new DevnetException("anvil reports chain id " + nodeChainId + ", expected " + chainId);
        }
    }

    private void useAccounts(List<Credentials> derived) {
        Object reported = rpc.call("eth_accounts");
        List<String> expected = derived.stream().map(c -> c.getAddress().toLowerCase(Locale.ROOT)).toList();
        List<String> actual = reported instanceof List<?> list
                ? list.stream().map(a -> a.toString().toLowerCase(Locale.ROOT)).toList() : List.of();
        if (!actual.equals(expected)) {
            throw new DevnetException("anvil's accounts " + actual + " differ from the keys derived from the mnemonic "
                    + expected);
        }
        this.accounts = List.copyOf(derived);
    }

    static List<Credentials> deriveAccounts(String mnemonic, int count) {
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(mnemonic, ""));
        // m/44'/60'/0'/0 once, then one non-hardened step per account (BIP-44, as anvil derives them)
        Bip32ECKeyPair parent = Bip32ECKeyPair.deriveKeyPair(master, new int[] {44 | HARDENED, 60 | HARDENED, HARDENED, 0});
        List<Credentials> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(Credentials.create(Bip32ECKeyPair.deriveKeyPair(parent, new int[] {i})));
        }
        return out;
    }

    /** Plain sockets with TCP_NODELAY set (see the constructor). */
    static final class NoDelaySocketFactory extends SocketFactory {
        private final SocketFactory plain = SocketFactory.getDefault();

        private static Socket noDelay(Socket socket) throws IOException {
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(plain.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(plain.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return noDelay(plain.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(plain.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return noDelay(plain.createSocket(address, port, localAddress, localPort));
        }
    }

    /** A recorded chain state; see {@link Devnet#snapshot()}. */
    public record Snapshot(String id) {
        public Snapshot {
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * Configures a {@link Devnet}. Defaults: chain id 31337, 10 accounts with 10,000 ETH each from
     * {@link #DEFAULT_MNEMONIC}, receipts polled every 5 ms, anvil found as {@link AnvilLocator} says,
     * log under {@code target/restake4j-devnet/} (or {@code build/}, or the temp folder).
     *
     * <pre>{@code
     * Devnet devnet = Devnet.builder().chainId(1337).accounts(4).anvil(Path.of("/opt/foundry/anvil")).start();
     * }</pre>
     */
    public static final class Builder {
        private Path anvil;
        private long chainId = 31337;
        private int accounts = 10;
        private long balanceEth = 10_000;
        private String mnemonic = DEFAULT_MNEMONIC;
        private Duration receiptPollInterval = Duration.ofMillis(5);
        private Duration startTimeout = Duration.ofSeconds(20);
        private Path logDirectory;
        private final List<String> extraArguments = new ArrayList<>();
        private boolean eigenLayer = true;
        private boolean lido = true;
        private boolean etherFi = true;
        private boolean symbiotic = true;
        private boolean rocketPool = true;
        private boolean karak = true;
        private int elWithdrawalDelayBlocks = EigenLayerDevnet.Config.defaults().withdrawalDelayBlocks();
        private Duration elRewardsActivationDelay = EigenLayerDevnet.Config.defaults().rewardsActivationDelay();
        private int elAllocationDelayBlocks = EigenLayerDevnet.Config.defaults().allocationDelayBlocks();
        private int elDeallocationDelayBlocks = EigenLayerDevnet.Config.defaults().deallocationDelayBlocks();
        private int elAllocationConfigurationDelayBlocks =
                EigenLayerDevnet.Config.defaults().allocationConfigurationDelayBlocks();

        private Builder() {
        }

        /** The anvil executable; overrides the system property, environment and PATH lookup. */
        public Builder anvil(Path executable) {
            this.anvil = Objects.requireNonNull(executable, "executable");
            return this;
        }

        public Builder chainId(long chainId) {
            if (chainId <= 0) {
                throw new IllegalArgumentException("chain id must be positive, was " + chainId);
            }
            this.chainId = chainId;
            return this;
        }

        /** Number of funded accounts (at least 2: the last one deploys the fixtures). */
        public Builder accounts(int accounts) {
            if (accounts < 2 || accounts > 1000) {
                throw new IllegalArgumentException("accounts must be 2..1000, was " + accounts);
            }
            this.accounts = accounts;
            return this;
        }

        /** Initial ETH balance of every account, in whole ether. */
        public Builder balanceEth(long ether) {
            if (ether <= 0) {
                throw new IllegalArgumentException("balance must be positive, was " + ether);
            }
            this.balanceEth = ether;
            return this;
        }

        public Builder mnemonic(String mnemonic) {
            this.mnemonic = Objects.requireNonNull(mnemonic, "mnemonic");
            return this;
        }

        /** How often web3j polls for receipts on this devnet (a few ms: anvil mines instantly). */
        public Builder receiptPollInterval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("poll interval must be positive");
            }
            this.receiptPollInterval = interval;
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Folder for anvil's log file. */
        public Builder logDirectory(Path directory) {
            this.logDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** Extra anvil command-line arguments, e.g. {@code "--hardfork", "prague"}. */
        public Builder anvilArguments(String... arguments) {
            extraArguments.addAll(List.of(arguments));
            return this;
        }

        /** Whether to deploy the Lido fixtures at start (default true); see {@link Devnet#lido()}. */
        public Builder lido(boolean deploy) {
            this.lido = deploy;
            return this;
        }

        /** Whether to deploy the ether.fi fixtures at start (default true); see {@link Devnet#etherFi()}. */
        public Builder etherFi(boolean deploy) {
            this.etherFi = deploy;
            return this;
        }

        /** Whether to deploy the Symbiotic fixtures at start (default true); see {@link Devnet#symbiotic()}. */
        public Builder symbiotic(boolean deploy) {
            this.symbiotic = deploy;
            return this;
        }

        /** Whether to deploy the Rocket Pool fixtures at start (default true); see {@link Devnet#rocketPool()}. */
        public Builder rocketPool(boolean deploy) {
            this.rocketPool = deploy;
            return this;
        }

        /** Whether to deploy the Karak v1 and v2 fixtures at start (default true); see {@link Devnet#karak()}. */
        public Builder karak(boolean deploy) {
            this.karak = deploy;
            return this;
        }

        /** Whether to deploy the EigenLayer fixtures at start (default true); see {@link Devnet#eigenLayer()}. */
        public Builder eigenLayer(boolean deploy) {
            this.eigenLayer = deploy;
            return this;
        }

        /** The DelegationManager's minWithdrawalDelayBlocks (default 10 blocks). */
        public Builder eigenLayerWithdrawalDelayBlocks(int blocks) {
            this.elWithdrawalDelayBlocks = requireBlocks(blocks, "withdrawal delay");
            return this;
        }

        /** The RewardsCoordinator's activationDelay, whole seconds (default 60 s). */
        public Builder eigenLayerRewardsActivationDelay(Duration delay) {
            if (delay.isNegative() || delay.toSeconds() > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("activation delay must be 0..2^32-1 s, was " + delay);
            }
            this.elRewardsActivationDelay = delay;
            return this;
        }

        /** The allocation delay that {@link EigenLayerDevnet#registerOperator} gives operators (default 5 blocks). */
        public Builder eigenLayerAllocationDelayBlocks(int blocks) {
            this.elAllocationDelayBlocks = requireBlocks(blocks, "allocation delay");
            return this;
        }

        /** The AllocationManager's DEALLOCATION_DELAY (default 5 blocks). */
        public Builder eigenLayerDeallocationDelayBlocks(int blocks) {
            this.elDeallocationDelayBlocks = requireBlocks(blocks, "deallocation delay");
            return this;
        }

        /** The AllocationManager's ALLOCATION_CONFIGURATION_DELAY (default 5 blocks). */
        public Builder eigenLayerAllocationConfigurationDelayBlocks(int blocks) {
            this.elAllocationConfigurationDelayBlocks = requireBlocks(blocks, "allocation configuration delay");
            return this;
        }

        private static int requireBlocks(int blocks, String what) {
            if (blocks < 0) {
                throw new IllegalArgumentException(what + " must not be negative, was " + blocks);
            }
            return blocks;
        }

        /** Starts anvil, checks it, installs the fixtures. */
        public Devnet start() {
            long started = System.nanoTime();
            Path executable = new AnvilLocator().locate(anvil);
            List<String> args = new ArrayList<>(List.of(
                    "--chain-id", Long.toString(chainId),
                    "--accounts", Integer.toString(accounts),
                    "--balance", Long.toString(balanceEth),
                    "--mnemonic", mnemonic));
            args.addAll(extraArguments);
            Path logFile = logDirectory().resolve("anvil-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".log");
            // In a cold JVM, key derivation (PBKDF2 + BIP-32, ~0.7 s) costs far more than anvil's own start (~60 ms):
            // it runs beside anvil's start and the node set-up.
            CompletableFuture<List<Credentials>> keys = CompletableFuture.supplyAsync(() -> deriveAccounts(mnemonic, accounts));
            CompletableFuture<java.util.Map<String, String>> eigenLayerCode =
                    eigenLayer ? CompletableFuture.supplyAsync(EigenLayerDevnet::loadBytecodes) : null;
            CompletableFuture<java.util.Map<String, String>> lidoCode =
                    lido ? CompletableFuture.supplyAsync(LidoDevnet::loadBytecodes) : null;
            CompletableFuture<java.util.Map<String, String>> etherFiCode =
                    etherFi ? CompletableFuture.supplyAsync(EtherFiDevnet::loadBytecodes) : null;
            CompletableFuture<java.util.Map<String, String>> symbioticCode =
                    symbiotic ? CompletableFuture.supplyAsync(SymbioticDevnet::loadBytecodes) : null;
            CompletableFuture<java.util.Map<String, String>> rocketPoolCode =
                    rocketPool ? CompletableFuture.supplyAsync(RocketPoolDevnet::loadBytecodes) : null;
            CompletableFuture<java.util.Map<String, String>> karakCode =
                    karak ? CompletableFuture.supplyAsync(KarakDevnet::loadBytecodes) : null;
            AnvilProcess process = AnvilProcess.start(executable, args, logFile, startTimeout);
            long listening = System.nanoTime();
            long checked = listening;
            long accountsReady = listening;
            Devnet devnet = null;
            try {
                devnet = new Devnet(this, process);
                devnet.verifyChainId();      // these two overlap the key derivation
                devnet.installMulticall3();
                checked = System.nanoTime();
                devnet.useAccounts(keys.join());
                accountsReady = System.nanoTime();
                if (lido) {
                    devnet.lido = LidoDevnet.deploy(devnet, lidoCode.join());
                }
                if (etherFi) {
                    devnet.etherFi = EtherFiDevnet.deploy(devnet, etherFiCode.join());
                }
                if (rocketPool) {
                    devnet.rocketPool = RocketPoolDevnet.deploy(devnet, rocketPoolCode.join());
                }
                if (symbiotic) {
                    devnet.symbiotic = SymbioticDevnet.deploy(devnet, symbioticCode.join());
                }
                // After Lido and Rocket Pool: EigenLayer's stETH and rETH strategies hold their LSTs (as on mainnet).
                if (eigenLayer) {
                    devnet.eigenLayer = EigenLayerDevnet.deploy(devnet, new EigenLayerDevnet.Config(elWithdrawalDelayBlocks,
                            elRewardsActivationDelay, elAllocationDelayBlocks, elDeallocationDelayBlocks,
                            elAllocationConfigurationDelayBlocks), eigenLayerCode.join());
                }
                // Last, so that every other protocol's fixtures keep their (nonce-derived) addresses.
                if (karak) {
                    devnet.karak = KarakDevnet.deploy(devnet, karakCode.join());
                }
            } catch (RuntimeException e) {
                if (devnet != null) {
                    devnet.close();
                } else {
                    process.close();
                }
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                throw cause instanceof DevnetException d ? d
                        : new DevnetException("devnet set-up failed: " + cause.getMessage(), cause);
            }
            long done = System.nanoTime();
            LOG.info("devnet ready on {} (chain {}, anvil pid {}) in {} ms (anvil listening {} ms, node set-up {} ms,"
                    + " accounts {} ms, protocol fixtures {} ms); log: {}", devnet.rpcUrl, chainId, process.pid(),
                    (done - started) / 1_000_000, (listening - started) / 1_000_000, (checked - listening) / 1_000_000,
                    (accountsReady - checked) / 1_000_000, (done - accountsReady) / 1_000_000, logFile);
            return devnet;
        }

        private Path logDirectory() {
            if (logDirectory != null) {
                return logDirectory;
            }
            String configured = System.getProperty("restake4j.devnet.logDir");
            if (configured != null && !configured.isBlank()) {
                return Path.of(configured);
            }
            for (String buildDir : List.of("target", "build")) {
                if (Files.isDirectory(Path.of(buildDir))) {
                    return Path.of(buildDir, "restake4j-devnet");
                }
            }
            return Path.of(System.getProperty("java.io.tmpdir"), "restake4j-devnet");
        }
    }
}
