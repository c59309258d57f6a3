package io.restake4j.symbiotic;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.restake4j.exits.ExitStatus;
import io.restake4j.exits.Readiness;
import io.restake4j.exits.Withdrawal;
import io.restake4j.units.Amount;

/**
 * An account's withdrawal bucket of one epoch in a Symbiotic v1 vault, read from chain state: the collateral its
 * withdrawal shares are worth now ({@code withdrawalsOf}; a slash of the bucket lowers it), the shares, and when it
 * can be claimed: once the epoch has ended, at {@code unlocksAt}. It speaks the SDK's exit vocabulary
 * ({@link Withdrawal}): its id is the epoch, its readiness {@link Readiness.AtEpoch} the next epoch while pending.
 *
 * <pre>{@code
 * SymbioticWithdrawal w = vault.withdrawal(epoch);
 * if (w.status() == ExitStatus.CLAIMABLE) vault.claim(w.epoch()).send();
 * else System.out.println("claimable from " + w.unlocksAt());
 * }</pre>
 *
 * @param status PENDING before {@code unlocksAt}, CLAIMABLE after it, CLAIMED once claimed
 */
public record SymbioticWithdrawal(String vault, String account, BigInteger epoch, Amount amount, BigInteger shares,
        ExitStatus status, Instant unlocksAt) implements Withdrawal {

    public SymbioticWithdrawal {
        Objects.requireNonNull(vault, "vault");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(shares, "shares");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(unlocksAt, "unlocksAt");
    }

    @Override
    public String protocol() {
        return "Symbiotic";
    }

    /** The bucket's epoch, in decimal (unique within the vault and account). */
    @Override
    public String id() {
        return epoch.toString();
    }

    /** The claimer the withdrawal named. */
    @Override
    public String owner() {
        return account;
    }

    /** The bucket's collateral for the account as the chain has it now (a slash lowers it). */
    @Override
    public List<Amount> requested() {
        return List.of(amount);
    }

    @Override
    public List<Amount> claimable() {
        return status == ExitStatus.CLAIMABLE ? List.of(amount) : List.of();
    }

    /** Ready once the epoch has ended; until then, the next epoch and when it starts. */
    @Override
    public Readiness readiness() {
        return status == ExitStatus.PENDING ? new Readiness.AtEpoch(epoch.add(java.math.BigInteger.ONE), unlocksAt)
                : new Readiness.Ready();
    }
}
