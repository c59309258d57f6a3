package io.restake4j.symbiotic;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

import io.restake4j.tx.Execution;
import io.restake4j.tx.OperationResult;
import io.restake4j.units.Amount;

/**
 * The outcome of a Symbiotic Core V2 withdrawal-queue write as the queue's events report it: for a request the
 * ticket minted ({@code RequestRedeem}) and the shares queued; for a claim the assets paid and the shares settled
 * ({@code Claim}); for a sweep the assets and shares filled ({@code Fill}).
 *
 * <pre>{@code
 * SymbioticQueueResult r = vault.requestRedeem(vault.shares()).send();
 * BigInteger ticket = r.tokenIds().get(0);
 * }</pre>
 */
public final class SymbioticQueueResult extends OperationResult {

    private final List<BigInteger> tokenIds;
    private final Amount assets;
    private final BigInteger shares;

    SymbioticQueueResult(Execution execution, List<BigInteger> tokenIds, Amount assets, BigInteger shares) {
        super(execution);
        this.tokenIds = List.copyOf(tokenIds);
        this.assets = Objects.requireNonNull(assets, "assets");
        this.shares = Objects.requireNonNull(shares, "shares");
    }

    /** The tickets the request minted, or the ticket claimed; empty for a sweep. */
    public List<BigInteger> tokenIds() {
        return tokenIds;
    }

    /** Assets paid by a claim or filled by a sweep; 0 for a request. */
    public Amount assets() {
        return assets;
    }

    /** Shares queued (request), settled (claim) or filled (sweep). */
    public BigInteger shares() {
        return shares;
    }

    @Override
    public String toString() {
        return "SymbioticQueueResult[tickets " + tokenIds + ", " + assets + ", shares " + shares + ", "
                + transactionCount() + " transaction(s)]";
    }
}
