package io.restake4j.symbiotic;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

import io.restake4j.exits.ExitStatus;
import io.restake4j.units.Amount;

/**
 * An account's withdrawal bucket of one epoch in a Symbiotic v1 vault, read from chain state: the collateral its
 * withdrawal shares are worth now ({@code withdrawalsOf}; a slash of the bucket lowers it), the shares, and when it
 * can be claimed: once the epoch has ended, at {@code unlocksAt}.
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
        ExitStatus status, Instant unlocksAt) {

    public SymbioticWithdrawal {
        Objects.requireNonNull(vault, "vault");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(shares, "shares");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(unlocksAt, "unlocksAt");
    }
}
