package io.restake4j.vaults;

import java.util.Objects;

import io.restake4j.tokens.Approvals;
import io.restake4j.units.Amount;

/**
 * What a vault accepts from one account now, as its {@code maxDeposit}, {@code maxMint}, {@code maxWithdraw} and
 * {@code maxRedeem} state it, read together in one batch. EIP-4626 has a vault without a limit answer
 * {@code 2^256 - 1}; {@link #depositLimited()} and {@link #mintLimited()} tell the two apart.
 *
 * <pre>{@code
 * VaultLimits l = client.erc4626(vault).limits();
 * if (l.depositLimited()) System.out.println("room left: " + l.maxDeposit());
 * }</pre>
 *
 * @param account     whom the limits are for (receiver of deposits and mints, owner of withdrawals and redemptions)
 * @param maxDeposit  the most assets a deposit may bring in
 * @param maxMint     the most shares a mint may create
 * @param maxWithdraw the most assets the account may withdraw
 * @param maxRedeem   the most shares the account may redeem
 */
public record VaultLimits(String account, Amount maxDeposit, Amount maxMint, Amount maxWithdraw, Amount maxRedeem) {

    public VaultLimits {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(maxDeposit, "maxDeposit");
        Objects.requireNonNull(maxMint, "maxMint");
        Objects.requireNonNull(maxWithdraw, "maxWithdraw");
        Objects.requireNonNull(maxRedeem, "maxRedeem");
    }

    /** Whether deposits are limited (a cap, a pause: {@code maxDeposit} below {@code 2^256 - 1}). */
    public boolean depositLimited() {
        return !maxDeposit.wei().equals(Approvals.UNLIMITED);
    }

    /** Whether mints are limited ({@code maxMint} below {@code 2^256 - 1}). */
    public boolean mintLimited() {
        return !maxMint.wei().equals(Approvals.UNLIMITED);
    }
}
