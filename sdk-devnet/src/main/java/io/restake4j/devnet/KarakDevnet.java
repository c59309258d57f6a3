package io.restake4j.devnet;

import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import io.restake4j.devnet.fixtures.karak.v1.DelegationSupervisor;
import io.restake4j.devnet.fixtures.karak.v1.VaultSupervisor;
import io.restake4j.devnet.fixtures.karak.v2.KarakCore;

/**
 * The Karak fixtures of a {@link Devnet}: v1 (the v1.3 VaultSupervisor, the DelegationSupervisor, a Querier; vaults
 * are KarakVault instances the supervisor creates), v2 (KarakCore and its operator vaults, below) and the
 * controls tests need.
 *
 * <p>Every devnet deploys them at start from the {@link Devnet#deployer() deployer}, after every other protocol
 * ({@code Builder.karak(false)} leaves them out); no vault exists until {@link #createVault} makes one. They
 * implement the staker's interface of Karak v1.3 (karak.md §1.1-§1.2): deposits through the supervisor, which
 * has the vault pull the asset from the staker (the staker approves the <em>vault</em>), holds the vault shares
 * and credits them to the staker ({@code getDeposits}); {@code minSharesOut}, the vault's asset limit and the
 * 32-vault cap; ERC-4626 share math as solady's with virtual shares (offset 0); {@code gimmieShares} /
 * {@code returnShares} / {@code depositAndGimmie}; the two-step withdrawal of the DelegationSupervisor
 * ({@code startWithdraw}, then {@code finishWithdraw} after {@code withdrawalDelay()}, paid at the rate of that
 * moment); {@code depositWithSignature} with an EIP-2612 permit (or an existing allowance) and the staker's
 * signature over upstream's packed digest (see the fixture's NatSpec; it is not EIP-712 {@code encodeData}).
 * {@code migrateToV2} moves credited shares into a v2 operator vault of the same asset in one transaction (the
 * v1 shares are redeemed at the current rate and the assets deposited with {@code deposit(assets, staker,
 * minNewShares)}; no withdrawal delay); {@code migrate} (v1 to v1 through a swapper) reverts
 * {@code NotSupportedByFixture(string)}.
 *
 * <p>Karak v2 (karak.md §2): after the v1 transactions the deployer deploys the KarakCoreVault implementation
 * ({@value DevnetAddresses#KARAK_CORE_VAULT_IMPLEMENTATION}) and KarakCore ({@value DevnetAddresses#KARAK_CORE});
 * the deployer is Core's owner <em>and</em> its veto committee (a devnet choice: one account drives every
 * privileged control). Operator vaults are KarakCoreVault clones (ERC-4626, solady math with virtual shares,
 * offset 0; two-step redeem with a 9-day delay). The controls {@link #allowlistAsset}, {@link #deployOperatorVault},
 * {@link #registerDss}, {@link #registerOperatorToDss}, {@link #stakeVaultInDss}, {@link #requestSlashing},
 * {@link #finalizeSlashing} and {@link #cancelSlashing} walk Core's flows; the deviations from Karak are in the
 * fixtures' NatSpec.
 *
 * <p>In {@code @DevnetTest} classes it can be a test parameter ({@code KarakDevnet karak}).
 *
 * <pre>{@code
 * KarakDevnet karak = devnet.karak();
 * String vault = karak.createVault(token.getContractAddress(), BigInteger.TEN.pow(24));
 * // ... a staker approves the vault, deposits through the VaultSupervisor, starts a withdrawal ...
 * karak.advancePastWithdrawalDelay();      // finishWithdraw may now run
 * }</pre>
 */
public final class KarakDevnet extends ProtocolDevnet {

    /** The DelegationSupervisor's withdrawalDelay() at start (a devnet choice: mainnet's value is not published). */
    public static final Duration DEFAULT_WITHDRAWAL_DELAY = Duration.ofDays(7);

    /** Upstream's MAX_WITHDRAWAL_DELAY. */
    public static final Duration MAX_WITHDRAWAL_DELAY = Duration.ofDays(30);

    /** Core's MIN_STAKE_UPDATE_DELAY: a stake update can be finalized this long after its request. */
    public static final Duration STAKE_UPDATE_DELAY = Duration.ofDays(9);

    /** Core's SLASHING_VETO_WINDOW: a slashing can be finalized (or still cancelled) this long after its request. */
    public static final Duration SLASHING_VETO_WINDOW = Duration.ofDays(2);

    /** A vault's MIN_WITHDRAWAL_DELAY: a startRedeem can be finished this long after it. */
    public static final Duration REDEEM_DELAY = Duration.ofDays(9);

    /**
     * The slashing handler {@link #allowlistAsset} sets for every asset: the conventional burn address
     * {@code 0x...dEaD} (no key is known for it), which the fixture's slashAssets pays with a plain ERC-20 transfer.
     */
    public static final String SLASHING_HANDLER = "0x000000000000000000000000000000000000dEaD";

    /** A v1 vault's asset class (the ABI's uint8). */
    public enum AssetType {
        /** Refused by a vault (TokenNotEnabled). */
        NONE, ETH, STABLE, BTC, OTHER
    }

    /** The transactions deploy() sends, in this order. */
    private enum Tx {
        DELEGATION_SUPERVISOR, VAULT_SUPERVISOR, QUERIER,
        /** Karak v2, appended so that no v1 address moves. */
        CORE_VAULT_IMPLEMENTATION, CORE
    }

    private KarakDevnet(Devnet devnet) {
        super(devnet, "Karak");
    }

    /** Deploys the fixtures back to back with nonce-derived addresses and checks the receipts. */
    static KarakDevnet deploy(Devnet devnet, Map<String, String> bytecodes) {
        FixtureDeployment d = FixtureDeployment.begin(devnet, "Karak", Tx.values());
        Address owner = new Address(d.deployerAddress());
        Address delegation = new Address(d.address(Tx.DELEGATION_SUPERVISOR));
        d.create(Tx.DELEGATION_SUPERVISOR, DevnetAddresses.KARAK_DELEGATION_SUPERVISOR, bytecodes.get("DelegationSupervisor"),
                new Address(d.address(Tx.VAULT_SUPERVISOR)), new Uint256(DEFAULT_WITHDRAWAL_DELAY.toSeconds()), owner);
        d.create(Tx.VAULT_SUPERVISOR, DevnetAddresses.KARAK_VAULT_SUPERVISOR, bytecodes.get("VaultSupervisor"),
                delegation, owner);
        d.create(Tx.QUERIER, DevnetAddresses.KARAK_QUERIER, bytecodes.get("Querier"), delegation);
        d.create(Tx.CORE_VAULT_IMPLEMENTATION, DevnetAddresses.KARAK_CORE_VAULT_IMPLEMENTATION,
                bytecodes.get("KarakCoreVault"));
        d.create(Tx.CORE, DevnetAddresses.KARAK_CORE, bytecodes.get("KarakCore"),
                new Address(d.address(Tx.CORE_VAULT_IMPLEMENTATION)), owner);
        d.finish();
        return new KarakDevnet(devnet);
    }

    /** Reads the creation bytecode of the fixtures; the devnet does this while anvil starts. */
    static Map<String, String> loadBytecodes() {
        Map<String, String> all = new HashMap<>(bytecodes("karak/v1", List.of("DelegationSupervisor", "VaultSupervisor",
                "Querier")));
        all.putAll(bytecodes("karak/v2", List.of("KarakCoreVault", "KarakCore")));
        return Map.copyOf(all);
    }

    // ---------------------------------------------------------------- addresses

    /** The VaultSupervisor fixture ({@value DevnetAddresses#KARAK_VAULT_SUPERVISOR}), the staker's entry point. */
    public String vaultSupervisor() {
        return address(DevnetAddresses.KARAK_VAULT_SUPERVISOR);
    }

    /** The DelegationSupervisor fixture ({@value DevnetAddresses#KARAK_DELEGATION_SUPERVISOR}): withdrawals. */
    public String delegationSupervisor() {
        return address(DevnetAddresses.KARAK_DELEGATION_SUPERVISOR);
    }

    /** The Querier fixture ({@value DevnetAddresses#KARAK_QUERIER}): getWithdraws(staker). */
    public String querier() {
        return address(DevnetAddresses.KARAK_QUERIER);
    }

    /** The Karak v2 Core fixture ({@value DevnetAddresses#KARAK_CORE}); the deployer is its owner and veto committee. */
    public String core() {
        return address(DevnetAddresses.KARAK_CORE);
    }

    /** The KarakCoreVault implementation ({@value DevnetAddresses#KARAK_CORE_VAULT_IMPLEMENTATION}) v2 vaults clone. */
    public String coreVaultImplementation() {
        return address(DevnetAddresses.KARAK_CORE_VAULT_IMPLEMENTATION);
    }

    // ---------------------------------------------------------------- controls

    /**
     * Creates a vault for the ERC-20 {@code asset} accepting at most {@code assetLimit} assets (asset class
     * OTHER, named "Karak devnet vault", symbol "kVAULT"); returns its address. The vault's shares have the
     * asset's decimals; it is listed by {@code getVaults()} and announced by {@code NewVault}.
     */
    public String createVault(String asset, BigInteger assetLimit) {
        return createVault(asset, "Karak devnet vault", "kVAULT", AssetType.OTHER, assetLimit);
    }

    /** As {@link #createVault(String, BigInteger)}, with the vault's name, symbol and asset class. */
    public String createVault(String asset, String name, String symbol, AssetType assetType, BigInteger assetLimit) {
        TransactionReceipt receipt = send("createVault(" + asset + ")", () -> supervisor.send_deployVault(asset, name,
                symbol, BigInteger.valueOf(assetType.ordinal()), assetLimit).send());
        List<VaultSupervisor.NewVaultEventResponse> events = VaultSupervisor.getNewVaultEvents(receipt);
        if (events.size() != 1) {
            throw new DevnetException("Karak createVault: expected one NewVault event, got " + events.size());
        }
        return events.get(0).vault;
    }

    /** Sets the asset limit of {@code vault} (the vault's setLimit, through the supervisor). */
    public TransactionReceipt setAssetLimit(String vault, BigInteger assetLimit) {
        return send("setAssetLimit(" + vault + ")", () -> supervisor.send_setAssetLimit(vault, assetLimit).send());
    }

    /** Sets the DelegationSupervisor's withdrawalDelay() (whole seconds, at most 30 days). */
    public TransactionReceipt setWithdrawalDelay(Duration delay) {
        if (delay.isNegative() || delay.compareTo(MAX_WITHDRAWAL_DELAY) > 0) {
            throw new IllegalArgumentException("withdrawal delay must be 0..30 days, was " + delay);
        }
        return send("setWithdrawalDelay(" + delay + ")",
                () -> delegation.send_updateMinWithdrawDelay(BigInteger.valueOf(delay.toSeconds())).send());
    }

    /** The DelegationSupervisor's withdrawalDelay() now. */
    public Duration withdrawalDelay() {
        return Duration.ofSeconds(call("withdrawalDelay", () -> delegation.call_withdrawalDelay().send()).longValueExact());
    }

    /** Moves the chain's clock forward by the withdrawal delay (plus one second): queued withdrawals become finishable. */
    public void advancePastWithdrawalDelay() {
        devnet().advanceTime(withdrawalDelay().plusSeconds(1));
    }

    // ---------------------------------------------------------------- Karak v2 controls

    /**
     * Allowlists the ERC-20 {@code asset} in Core ({@code allowlistAssets([asset], [SLASHING_HANDLER])} as the
     * owner), so that operators may deploy vaults for it; its slashed assets go to {@link #SLASHING_HANDLER}.
     */
    public TransactionReceipt allowlistAsset(String asset) {
        return send("allowlistAsset(" + asset + ")",
                () -> core.send_allowlistAssets(List.of(asset), List.of(SLASHING_HANDLER)).send());
    }

    /**
     * Deploys, as {@code operator}, one v2 vault for the allowlisted {@code asset} ({@code deployVaults([Config],
     * address(0))}: the standard implementation); returns its address (from DeployedVault). The Config's
     * {@code extraData} is {@code abi.encode(assetLimit)} (32 bytes: the most totalAssets() may reach) or empty
     * for {@code assetLimit} null (no limit); its {@code decimals} (0) and {@code operator} are ignored by Core.
     */
    public String deployOperatorVault(Credentials operator, String asset, String name, String symbol,
            BigInteger assetLimit) {
        byte[] extraData = assetLimit == null ? new byte[0] : Numeric.toBytesPadded(assetLimit, 32);
        KarakCore.Config config = new KarakCore.Config(asset, BigInteger.ZERO, operator.getAddress(), name, symbol,
                extraData);
        TransactionReceipt receipt = send("deployOperatorVault(" + asset + ")", () -> as(operator, core(), KarakCore::load)
                .send_deployVaults(List.of(config), "0x0000000000000000000000000000000000000000").send());
        List<KarakCore.DeployedVaultEventResponse> events = KarakCore.getDeployedVaultEvents(receipt);
        if (events.size() != 1) {
            throw new DevnetException("Karak deployOperatorVault: expected one DeployedVault event, got " + events.size());
        }
        return events.get(0).vault;
    }

    /**
     * Registers {@code dss} (any account: the fixture calls no DSS hooks) as a DSS slashing at most
     * {@code maxSlashableWad} per request and vault ({@code registerDSS}; 1e18 = 1 %, 100e18 = all).
     */
    public TransactionReceipt registerDss(Credentials dss, BigInteger maxSlashableWad) {
        return send("registerDss(" + dss.getAddress() + ")",
                () -> as(dss, core(), KarakCore::load).send_registerDSS(maxSlashableWad).send());
    }

    /** Registers {@code operator} to {@code dss} ({@code registerOperatorToDSS(dss, "")} as the operator). */
    public TransactionReceipt registerOperatorToDss(Credentials operator, String dss) {
        return send("registerOperatorToDss(" + dss + ")",
                () -> as(operator, core(), KarakCore::load).send_registerOperatorToDSS(dss, new byte[0]).send());
    }

    /**
     * Stakes {@code operator}'s {@code vault} in {@code dss}: {@code requestUpdateVaultStakeInDSS({vault, dss,
     * true})} as the operator, the chain's clock moved by {@link #STAKE_UPDATE_DELAY} plus one second, then
     * {@code finalizeUpdateVaultStakeInDSS} (as the deployer) with the struct of the RequestedStakeUpdate event.
     * Returns the finalizing receipt; the vault is then listed by {@code fetchVaultsStakedInDSS}.
     */
    public TransactionReceipt stakeVaultInDss(Credentials operator, String vault, String dss) {
        TransactionReceipt request = send("stakeVaultInDss(" + vault + ") request", () -> as(operator, core(),
                KarakCore::load).send_requestUpdateVaultStakeInDSS(new KarakCore.StakeUpdateRequest(vault, dss, true)).send());
        List<KarakCore.RequestedStakeUpdateEventResponse> events = KarakCore.getRequestedStakeUpdateEvents(request);
        if (events.size() != 1) {
            throw new DevnetException("Karak stakeVaultInDss: expected one RequestedStakeUpdate event, got " + events.size());
        }
        KarakCore.QueuedStakeUpdate queued = events.get(0).updateRequest;
        devnet().advanceTime(STAKE_UPDATE_DELAY.plusSeconds(1));
        return send("stakeVaultInDss(" + vault + ") finalize",
                () -> core.send_finalizeUpdateVaultStakeInDSS(queued).send());
    }

    /**
     * A requested slashing: what {@code finalizeSlashing} / {@code cancelSlashing} take (Core's QueuedSlashing
     * {@code {dss, timestamp, operator, vaults, slashPercentagesWad, nonce}}), and the request's receipt.
     */
    public record Slashing(String dss, BigInteger timestamp, String operator, List<String> vaults,
            List<BigInteger> slashPercentagesWad, BigInteger nonce, TransactionReceipt receipt) {

        /** Copies the lists. */
        public Slashing {
            vaults = List.copyOf(vaults);
            slashPercentagesWad = List.copyOf(slashPercentagesWad);
        }

        /** Core's QueuedSlashing struct of this request. */
        public KarakCore.QueuedSlashing queuedSlashing() {
            return new KarakCore.QueuedSlashing(dss, timestamp, operator, vaults, slashPercentagesWad, nonce);
        }

        /** When the veto window ends: finalizeSlashing may run from this timestamp on. */
        public BigInteger finalizableAt() {
            return timestamp.add(BigInteger.valueOf(SLASHING_VETO_WINDOW.toSeconds()));
        }
    }

    /**
     * Requests, as {@code dss}, the slashing of {@code operator}'s {@code vaults} by {@code pctWad} each (1e18 =
     * 1 %; {@code requestSlashing({operator, pcts, vaults})}). The handle is rebuilt as Core does: the nonce from
     * a simulation just before the transaction, the timestamp that of the request's block.
     */
    public Slashing requestSlashing(Credentials dss, String operator, List<String> vaults, List<BigInteger> pctWad) {
        KarakCore asDss = as(dss, core(), KarakCore::load);
        KarakCore.SlashRequest request = new KarakCore.SlashRequest(operator, pctWad, vaults);
        return call("requestSlashing(" + operator + ")", () -> {
            BigInteger nonce = asDss.call_requestSlashing(request).send().nonce;
            TransactionReceipt receipt = send("requestSlashing(" + operator + ")",
                    () -> asDss.send_requestSlashing(request).send());
            BigInteger timestamp = devnet().web3j().ethGetBlockByNumber(
                    DefaultBlockParameter.valueOf(receipt.getBlockNumber()), false).send().getBlock().getTimestamp();
            return new Slashing(dss.getAddress(), timestamp, operator, vaults, pctWad, nonce, receipt);
        });
    }

    /**
     * Finalizes {@code slashing} ({@code finalizeSlashing}, as the deployer): first moves the chain's clock past
     * the veto window if it has not ended. Each vault loses pct * totalAssets() / 100e18 (rounded down, at
     * this moment) to {@link #SLASHING_HANDLER}.
     */
    public TransactionReceipt finalizeSlashing(Slashing slashing) {
        BigInteger now = call("latest block", () -> devnet().web3j()
                .ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock().getTimestamp());
        BigInteger wait = slashing.finalizableAt().subtract(now);
        if (wait.signum() >= 0) {
            // the next block is at least one second later than the latest
            devnet().advanceTime(Duration.ofSeconds(wait.longValueExact() + 1));
        }
        return send("finalizeSlashing(" + slashing.operator() + ")",
                () -> core.send_finalizeSlashing(slashing.queuedSlashing()).send());
    }

    /** Cancels {@code slashing} as the veto committee (the deployer): {@code cancelSlashing}; no asset moves. */
    public TransactionReceipt cancelSlashing(Slashing slashing) {
        return send("cancelSlashing(" + slashing.operator() + ")",
                () -> core.send_cancelSlashing(slashing.queuedSlashing()).send());
    }

    // ---------------------------------------------------------------- wrappers as the deployer

    private final VaultSupervisor supervisor = asDeployer(vaultSupervisor(), VaultSupervisor::load);
    private final DelegationSupervisor delegation = asDeployer(delegationSupervisor(), DelegationSupervisor::load);
    private final KarakCore core = asDeployer(core(), KarakCore::load);
}
