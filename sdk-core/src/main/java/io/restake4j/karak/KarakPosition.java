package io.restake4j.karak;

import java.util.Objects;

import io.restake4j.units.Amount;

/**
 * One holding of an account in Karak, as {@link Karak#positions} reads it: the vault, how the account holds it, its
 * shares and what they are worth now in the vault's asset.
 *
 * <pre>{@code
 * for (KarakPosition p : client.karak().positions(account, v2Vault)) {
 *     System.out.println(p.kind() + " " + p.vault() + ": " + p.assets());
 * }
 * }</pre>
 *
 * @param shares an amount of the vault's share token (v1 supervisor credit is in the same units)
 * @param assets the shares' worth now ({@code convertToAssets}; the supervisor's {@code getDeposits} for credit)
 */
public record KarakPosition(String vault, Kind kind, Amount shares, Amount assets) {

    /** How the account holds the vault's shares. */
    public enum Kind {
        /** v1 shares the VaultSupervisor holds and credits to the account ({@code getDeposits}); they can be withdrawn. */
        SUPERVISOR_CREDIT,
        /**
         * v1 vault share tokens in the account's own wallet ({@code gimmieShares}): not in {@code getDeposits}, and
         * not withdrawable until returned to the supervisor ({@code returnShares}).
         */
        V1_SHARE_TOKENS,
        /** Shares of a v2 (Core) vault in the account's wallet; they leave with {@code startRedeem}. */
        V2_SHARES
    }

    public KarakPosition {
        Objects.requireNonNull(vault, "vault");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(shares, "shares");
        Objects.requireNonNull(assets, "assets");
    }
}
