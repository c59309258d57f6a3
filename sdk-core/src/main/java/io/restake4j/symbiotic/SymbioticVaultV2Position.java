package io.restake4j.symbiotic;

import java.math.BigInteger;
import java.util.Objects;

import io.restake4j.units.Amount;

/**
 * An account's position in a Symbiotic Core V2 vault, read in one Multicall3 batch at one block: its shares and what
 * they are worth now, and the vault's exit liquidity. Instant exits fit within {@code withdrawable} and need an empty
 * queue ({@code pendingShares == 0}); otherwise shares go through the withdrawal queue.
 *
 * <pre>{@code
 * SymbioticVaultV2Position p = client.symbiotic().vaultV2("0x...").position();
 * boolean instant = p.queuePendingShares().signum() == 0 && p.assets().compareTo(p.withdrawable()) <= 0;
 * }</pre>
 *
 * @param shares             the account's vault shares ({@code balanceOf})
 * @param assets             their value now ({@code convertToAssets}, rounded down)
 * @param totalAssets        the vault's assets, free and allocated ({@code totalAssets})
 * @param totalShares        the vault's share supply ({@code totalSupply})
 * @param freeAssets         assets held by the vault itself ({@code freeAssets})
 * @param withdrawable       assets an instant exit can take now ({@code withdrawable()}, simulated)
 * @param queuePendingShares shares waiting in the withdrawal queue ({@code pendingShares})
 */
public record SymbioticVaultV2Position(String vault, String account, Amount shares, Amount assets, Amount totalAssets,
        Amount totalShares, Amount freeAssets, Amount withdrawable, BigInteger queuePendingShares, String queue,
        String delegator) {

    public SymbioticVaultV2Position {
        Objects.requireNonNull(vault, "vault");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(shares, "shares");
        Objects.requireNonNull(assets, "assets");
        Objects.requireNonNull(totalAssets, "totalAssets");
        Objects.requireNonNull(totalShares, "totalShares");
        Objects.requireNonNull(freeAssets, "freeAssets");
        Objects.requireNonNull(withdrawable, "withdrawable");
        Objects.requireNonNull(queuePendingShares, "queuePendingShares");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(delegator, "delegator");
    }
}
