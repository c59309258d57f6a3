package io.restake4j.symbiotic;

import java.math.BigInteger;
import java.util.Objects;

import io.restake4j.tx.Execution;
import io.restake4j.tx.OperationResult;
import io.restake4j.units.Amount;

/**
 * The outcome of a Symbiotic v1 vault write as the vault's events report it: for a deposit the collateral paid and
 * the active shares minted ({@code Deposit}); for a withdrawal or redemption the collateral moved into the
 * withdrawal bucket of {@link #epoch()}, the active shares burnt and the withdrawal shares minted ({@code Withdraw});
 * for a claim the collateral paid out ({@code Claim} / {@code ClaimBatch}, no shares).
 *
 * <pre>{@code
 * SymbioticVaultResult w = vault.withdraw(Amount.parse("4", vault.collateral())).send();
 * System.out.println(w.amount() + " claimable after epoch " + w.epoch().orElseThrow());
 * }</pre>
 */
public final class SymbioticVaultResult extends OperationResult {

    private final Amount amount;
    private final BigInteger activeShares;
    private final BigInteger withdrawalShares;
    private final BigInteger epoch;

    SymbioticVaultResult(Execution execution, Amount amount, BigInteger activeShares, BigInteger withdrawalShares,
            BigInteger epoch) {
        super(execution);
        this.amount = Objects.requireNonNull(amount, "amount");
        this.activeShares = Objects.requireNonNull(activeShares, "activeShares");
        this.withdrawalShares = Objects.requireNonNull(withdrawalShares, "withdrawalShares");
        this.epoch = epoch;
    }

    /** The collateral deposited, moved into the withdrawal bucket, or claimed. */
    public Amount amount() {
        return amount;
    }

    /** Active shares minted (deposit) or burnt (withdraw, redeem); 0 for a claim. */
    public BigInteger activeShares() {
        return activeShares;
    }

    /** Withdrawal shares minted for the claimer (withdraw, redeem); 0 otherwise. */
    public BigInteger withdrawalShares() {
        return withdrawalShares;
    }

    /** The epoch whose bucket a withdrawal or redemption went into; empty for deposits and claims. */
    public java.util.Optional<BigInteger> epoch() {
        return java.util.Optional.ofNullable(epoch);
    }

    @Override
    public String toString() {
        return "SymbioticVaultResult[" + amount + ", active shares " + activeShares + ", withdrawal shares "
                + withdrawalShares + (epoch == null ? "" : ", epoch " + epoch) + ", " + transactionCount()
                + " transaction(s)]";
    }
}
