package io.restake4j.karak;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a Karak v2 vault's stakers are exposed to, from Core's state: the vault's operator, the DSSs the operator is
 * registered with and whether this vault is staked in each (only staked vaults can be slashed by a DSS), the most a
 * DSS may slash per request, and the slashing requests on this vault not yet finalized or cancelled.
 *
 * <pre>{@code
 * KarakExposure e = client.karak().v2Vault(vault).exposure();
 * if (e.queuedForSlashing()) e.pendingSlashings().forEach(s -> System.out.println(s.percentWad() + " at " + s.finalizableAt()));
 * }</pre>
 *
 * @param queuedForSlashing Core's {@code isVaultQueuedForSlashing(vault)}
 */
public record KarakExposure(String vault, String operator, List<DssStake> dsss, boolean queuedForSlashing,
        List<PendingSlashing> pendingSlashings) {

    public KarakExposure {
        Objects.requireNonNull(vault, "vault");
        Objects.requireNonNull(operator, "operator");
        dsss = List.copyOf(dsss);
        pendingSlashings = List.copyOf(pendingSlashings);
    }

    /** The DSSs this vault is staked in (those that can slash it). */
    public List<DssStake> stakedIn() {
        return dsss.stream().filter(DssStake::vaultStaked).toList();
    }

    /**
     * A DSS the operator registered with.
     *
     * @param registered             {@code isOperatorRegisteredToDSS(operator, dss)} now
     * @param vaultStaked            whether {@code fetchVaultsStakedInDSS(operator, dss)} lists this vault
     * @param maxSlashablePercentWad {@code getDssMaxSlashablePercentageWad(dss)} (100e18 = 100 %)
     */
    public record DssStake(String dss, boolean registered, boolean vaultStaked, BigInteger maxSlashablePercentWad) {
        public DssStake {
            Objects.requireNonNull(dss, "dss");
            Objects.requireNonNull(maxSlashablePercentWad, "maxSlashablePercentWad");
        }
    }

    /**
     * A slashing request naming this vault that was neither finalized nor cancelled when read.
     *
     * @param percentWad    the share of the vault's assets it slashes (100e18 = 100 %)
     * @param requestedAt   the block time of the request
     * @param finalizableAt {@code requestedAt + SLASHING_VETO_WINDOW}: the veto committee may cancel it before then
     */
    public record PendingSlashing(String dss, BigInteger percentWad, Instant requestedAt, Instant finalizableAt) {
        public PendingSlashing {
            Objects.requireNonNull(dss, "dss");
            Objects.requireNonNull(percentWad, "percentWad");
            Objects.requireNonNull(requestedAt, "requestedAt");
            Objects.requireNonNull(finalizableAt, "finalizableAt");
        }
    }
}
