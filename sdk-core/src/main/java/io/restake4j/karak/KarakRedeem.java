package io.restake4j.karak;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.restake4j.exits.ExitStatus;
import io.restake4j.exits.Readiness;
import io.restake4j.exits.Withdrawal;
import io.restake4j.units.Amount;

/**
 * A Karak v2 redeem started with {@code startRedeem}, read from the vault's state ({@code getQueuedWithdrawal}): the
 * shares escrowed in the vault, who is paid, and what the shares are worth now. The vault pays
 * {@code convertToAssets(shares)} at {@code finishRedeem}, so a slash in between lowers {@link #assets()}; it unlocks
 * {@link KarakV2Vault#MIN_WITHDRAWAL_DELAY} after its start.
 *
 * <pre>{@code
 * KarakRedeem r = client.karak().v2Vault(vault).redeems().get(0);
 * System.out.println(r.assets() + " " + r.readiness());      // AtTime(start + 9 days) while pending
 * }</pre>
 *
 * @param vault       the v2 vault
 * @param key         {@code keccak256(abi.encode(staker, nonce))}, hex: what {@code finishRedeem} takes
 * @param staker      who started it
 * @param nonce       the staker's redeem number in this vault
 * @param beneficiary who the finish pays
 * @param shares      the shares escrowed
 * @param assets      what they are worth now (an estimate of the payout until it is finished)
 * @param started     the block time of the start
 * @param unlocksAt   {@code started + MIN_WITHDRAWAL_DELAY}
 */
public record KarakRedeem(String vault, String key, String staker, BigInteger nonce, String beneficiary, Amount shares,
        Amount assets, ExitStatus status, Instant started, Instant unlocksAt) implements Withdrawal {

    public KarakRedeem {
        Objects.requireNonNull(vault, "vault");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(staker, "staker");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(beneficiary, "beneficiary");
        Objects.requireNonNull(shares, "shares");
        Objects.requireNonNull(assets, "assets");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(unlocksAt, "unlocksAt");
    }

    @Override
    public String protocol() {
        return "Karak";
    }

    /** The withdrawal key. */
    @Override
    public String id() {
        return key;
    }

    /** The beneficiary: the account the finish pays. */
    @Override
    public String owner() {
        return beneficiary;
    }

    @Override
    public List<Amount> requested() {
        return List.of(assets);
    }

    @Override
    public List<Amount> claimable() {
        return status == ExitStatus.CLAIMABLE ? List.of(assets) : List.of();
    }

    @Override
    public Readiness readiness() {
        return status == ExitStatus.PENDING ? new Readiness.AtTime(unlocksAt) : new Readiness.Ready();
    }
}
