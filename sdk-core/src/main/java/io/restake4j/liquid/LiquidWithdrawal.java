package io.restake4j.liquid;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

import io.restake4j.exits.ExitStatus;
import io.restake4j.exits.Readiness;
import io.restake4j.exits.Withdrawal;
import io.restake4j.units.Amount;

/**
 * A withdrawal request in a liquid staking protocol's queue (a Lido unstETH NFT, an ether.fi WithdrawRequestNFT),
 * as chain state reported it when read.
 *
 * <pre>{@code
 * for (LiquidWithdrawal r : client.lido().withdrawals().pending()) {
 *     System.out.println(r.requestId() + " " + r.status() + " pays " + r.payout() + ", " + r.readiness());
 * }
 * }</pre>
 *
 * @param protocol  "Lido" or "ether.fi"
 * @param requestId the request id (the NFT's token id)
 * @param owner     who holds the NFT (who is paid on claim)
 * @param locked    the tokens locked when requested (stETH, eETH): the most the request can pay
 * @param payout    what a claim pays now, in the token the queue pays (ether for Lido and ether.fi): zero while
 *                  pending or once claimed; once claimable it can be below {@code locked} when the rate fell
 *                  before finalization
 * @param status    pending, claimable (finalized, not claimed) or claimed
 * @param readiness ready, or waiting for the protocol's oracle with the request's place in the queue
 */
public record LiquidWithdrawal(String protocol, BigInteger requestId, String owner, Amount locked, Amount payout,
        ExitStatus status, Readiness readiness) implements Withdrawal {

    public LiquidWithdrawal {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(locked, "locked");
        Objects.requireNonNull(payout, "payout");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(readiness, "readiness");
    }

    /** The request id in decimal. */
    @Override
    public String id() {
        return requestId.toString();
    }

    @Override
    public List<Amount> requested() {
        return List.of(locked);
    }

    @Override
    public List<Amount> claimable() {
        return status == ExitStatus.CLAIMABLE ? List.of(payout) : List.of();
    }

    /**
     * For a pending request, its place among requests not finalized yet (1 = the next to be finalized); zero
     * otherwise.
     */
    public BigInteger queuePosition() {
        return readiness instanceof Readiness.ByOracle o ? o.position().orElse(BigInteger.ZERO) : BigInteger.ZERO;
    }
}
