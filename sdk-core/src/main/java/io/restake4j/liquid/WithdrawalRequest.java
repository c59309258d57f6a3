package io.restake4j.liquid;

import java.math.BigInteger;
import java.util.Objects;

import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * A withdrawal request in a liquid staking protocol's queue (a Lido unstETH NFT, an ether.fi
 * WithdrawRequestNFT), as chain state reports it now.
 *
 * <pre>{@code
 * for (WithdrawalRequest r : client.lido().requests()) {
 *     System.out.println(r.id() + " " + r.status() + " " + r.claimable() + " (position " + r.queuePosition() + ")");
 * }
 * }</pre>
 *
 * @param protocol      "Lido" or "ether.fi"
 * @param id            the request id (the NFT's token id)
 * @param owner         who holds the NFT (who is paid on claim)
 * @param requested     the tokens locked when requested (stETH, eETH): the most the request can pay
 * @param claimable     ether the owner can claim now: zero while pending or once claimed; once finalized it
 *                      can be below {@code requested} when the rate fell before finalization
 * @param status        pending, finalized or claimed
 * @param queuePosition for a pending request, its place among unfinalized requests (1 = the next to be
 *                      finalized); zero once finalized
 */
public record WithdrawalRequest(String protocol, BigInteger id, String owner, Amount requested, Amount claimable,
        WithdrawalStatus status, BigInteger queuePosition) {

    public WithdrawalRequest {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(claimable, "claimable");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(queuePosition, "queuePosition");
        if (!claimable.token().equals(Token.ETH)) {
            throw new IllegalArgumentException("claimable is an amount of ETH, was " + claimable.token().symbol());
        }
    }

    /** Finalized and not yet claimed. */
    public boolean isClaimable() {
        return status == WithdrawalStatus.FINALIZED;
    }

    /** Still waiting for finalization. */
    public boolean isPending() {
        return status == WithdrawalStatus.PENDING;
    }
}
