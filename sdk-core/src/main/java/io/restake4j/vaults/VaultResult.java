package io.restake4j.vaults;

import java.util.Objects;

import io.restake4j.tx.Execution;
import io.restake4j.tx.OperationResult;
import io.restake4j.units.Amount;

/**
 * The outcome of a vault write as the vault's own events report it: for a deposit or a mint the assets paid and
 * the shares received ({@code Deposit}), for a withdrawal or a redemption the assets received and the shares
 * burnt ({@code Withdraw}), summed over the events for the account.
 *
 * <pre>{@code
 * VaultResult r = client.erc4626(vault).redeem(Amount.parse("10", vault.shareToken())).send();
 * System.out.println("burnt " + r.shares() + " for " + r.assets());
 * }</pre>
 */
public final class VaultResult extends OperationResult {

    private final Amount assets;
    private final Amount shares;

    /** For vault facades, which read both figures from {@code execution}'s events. */
    public VaultResult(Execution execution, Amount assets, Amount shares) {
        super(execution);
        this.assets = Objects.requireNonNull(assets, "assets");
        this.shares = Objects.requireNonNull(shares, "shares");
    }

    /** The assets paid in (deposit, mint) or paid out (withdraw, redeem). */
    public Amount assets() {
        return assets;
    }

    /** The shares received (deposit, mint) or burnt (withdraw, redeem). */
    public Amount shares() {
        return shares;
    }

    @Override
    public String toString() {
        return "VaultResult[assets " + assets + ", shares " + shares + ", " + transactionCount() + " transaction(s)]";
    }
}
