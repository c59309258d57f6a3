package io.restake4j.symbiotic;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

import io.restake4j.exits.ExitStatus;
import io.restake4j.exits.Readiness;
import io.restake4j.exits.Withdrawal;
import io.restake4j.units.Amount;

/**
 * One ticket of a Symbiotic Core V2 vault's withdrawal queue (an ERC-721 token), read from chain state: the vault
 * shares it queued, the part already claimed, its place in the first-in, first-out queue, and what a claim pays now
 * ({@code claimable(tokenId)}: the filled, unclaimed part, whose value was fixed when it was filled). It speaks the
 * SDK's exit vocabulary ({@link Withdrawal}): its id is the token id, and while nothing of it is filled its readiness
 * is {@link Readiness.WhenFilled} with the shares queued ahead of it.
 *
 * <pre>{@code
 * for (SymbioticRedeemRequest r : vault.requests()) {
 *     if (r.isClaimable()) vault.claim(r.tokenId()).send();   // pays the filled part; claim again as more fills
 *     else System.out.println(r.tokenId() + ": " + r.readiness());
 * }
 * }</pre>
 *
 * @param shares          vault shares the ticket queued
 * @param sharesClaimed   of those, the shares already claimed
 * @param prevRequestSum  shares queued before this ticket (its place in the queue)
 * @param claimableAssets what a claim pays now, in the vault's asset
 * @param claimableShares the shares a claim now settles
 * @param sharesAhead     shares queued before this ticket and not filled yet
 * @param status          PENDING while nothing unclaimed is filled, CLAIMABLE when something is, CLAIMED when
 *                        every share was claimed
 */
public record SymbioticRedeemRequest(String vault, String queue, BigInteger tokenId, String owner, BigInteger shares,
        BigInteger sharesClaimed, BigInteger prevRequestSum, Amount requestedAssets, Amount claimableAssets,
        BigInteger claimableShares, BigInteger sharesAhead, ExitStatus status) implements Withdrawal {

    public SymbioticRedeemRequest {
        Objects.requireNonNull(vault, "vault");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(shares, "shares");
        Objects.requireNonNull(sharesClaimed, "sharesClaimed");
        Objects.requireNonNull(prevRequestSum, "prevRequestSum");
        Objects.requireNonNull(requestedAssets, "requestedAssets");
        Objects.requireNonNull(claimableAssets, "claimableAssets");
        Objects.requireNonNull(claimableShares, "claimableShares");
        Objects.requireNonNull(sharesAhead, "sharesAhead");
        Objects.requireNonNull(status, "status");
    }

    @Override
    public String protocol() {
        return "Symbiotic";
    }

    /** The ticket's token id, in decimal. */
    @Override
    public String id() {
        return tokenId.toString();
    }

    /**
     * The shares still queued or filled and unclaimed, valued now ({@code convertToAssets}; the filled part at its
     * fill price is {@link #claimableAssets()}).
     */
    @Override
    public List<Amount> requested() {
        return List.of(requestedAssets);
    }

    @Override
    public List<Amount> claimable() {
        return status == ExitStatus.CLAIMABLE ? List.of(claimableAssets) : List.of();
    }

    /** Ready while something is filled and unclaimed; otherwise it waits for the queue to be filled. */
    @Override
    public Readiness readiness() {
        return status == ExitStatus.PENDING ? new Readiness.WhenFilled("waits for the vault's delegator to free assets"
                + " (fill / sweepPending)", sharesAhead) : new Readiness.Ready();
    }
}
