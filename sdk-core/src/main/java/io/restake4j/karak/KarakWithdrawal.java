package io.restake4j.karak;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.restake4j.contracts.karak.DelegationSupervisor;
import io.restake4j.exits.ExitStatus;
import io.restake4j.exits.Readiness;
import io.restake4j.exits.Withdrawal;
import io.restake4j.units.Amount;

/**
 * A queued Karak v1 withdrawal, read from chain state: the struct the DelegationSupervisor keeps (passed back
 * byte-exact to finish it), its root, what its shares are worth now (it pays the rate at finish time), and when it
 * unlocks ({@code start + withdrawalDelay}).
 *
 * <pre>{@code
 * KarakWithdrawal w = client.karak().withdrawals().get(0);
 * if (w.isClaimable()) client.karak().finishWithdraw(w).send(); else System.out.println(w.readiness());
 * }</pre>
 *
 * @param root   {@code keccak256(abi.encode(withdrawal))}, hex
 * @param assets per vault, what the shares are worth now
 * @param status PENDING before {@code unlocksAt}, CLAIMABLE after it, CLAIMED once finished
 */
public record KarakWithdrawal(String root, DelegationSupervisor.QueuedWithdrawal withdrawal, List<Amount> assets,
        ExitStatus status, Instant unlocksAt) implements Withdrawal {

    public KarakWithdrawal {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(withdrawal, "withdrawal");
        assets = List.copyOf(assets);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(unlocksAt, "unlocksAt");
    }

    @Override
    public String protocol() {
        return "Karak";
    }

    /** The withdrawal root. */
    @Override
    public String id() {
        return root;
    }

    /** The withdrawer: the account that may finish it and is paid. */
    @Override
    public String owner() {
        return withdrawal.request.withdrawer;
    }

    /** The vaults' shares this withdrawal took, per vault. */
    public List<BigInteger> shares() {
        return withdrawal.request.shares;
    }

    @Override
    public List<Amount> requested() {
        return assets;
    }

    @Override
    public List<Amount> claimable() {
        return status == ExitStatus.CLAIMABLE ? assets : List.of();
    }

    @Override
    public Readiness readiness() {
        return status == ExitStatus.PENDING ? new Readiness.AtTime(unlocksAt) : new Readiness.Ready();
    }
}
