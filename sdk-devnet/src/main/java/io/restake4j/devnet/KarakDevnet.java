package io.restake4j.devnet;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.restake4j.devnet.fixtures.karak.v1.DelegationSupervisor;
import io.restake4j.devnet.fixtures.karak.v1.VaultSupervisor;

/**
 * The Karak v1 fixtures of a {@link Devnet} (the v1.3 VaultSupervisor, the DelegationSupervisor, a Querier; vaults
 * are KarakVault instances the supervisor creates) and the controls tests need.
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
 * {@code migrate} and {@code migrateToV2} revert {@code NotSupportedByFixture(string)}.
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

    /** A v1 vault's asset class (the ABI's uint8). */
    public enum AssetType {
        /** Refused by a vault (TokenNotEnabled). */
        NONE, ETH, STABLE, BTC, OTHER
    }

    /** The transactions deploy() sends, in this order. */
    private enum Tx {
        DELEGATION_SUPERVISOR, VAULT_SUPERVISOR, QUERIER
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
        d.finish();
        return new KarakDevnet(devnet);
    }

    /** Reads the creation bytecode of the fixtures; the devnet does this while anvil starts. */
    static Map<String, String> loadBytecodes() {
        return Map.copyOf(bytecodes("karak/v1", List.of("DelegationSupervisor", "VaultSupervisor", "Querier")));
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

    // ---------------------------------------------------------------- wrappers as the deployer

    private final VaultSupervisor supervisor = asDeployer(vaultSupervisor(), VaultSupervisor::load);
    private final DelegationSupervisor delegation = asDeployer(delegationSupervisor(), DelegationSupervisor::load);
}
