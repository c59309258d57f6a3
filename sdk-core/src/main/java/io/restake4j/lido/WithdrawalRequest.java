package io.restake4j.lido;

import java.math.BigInteger;

/**
 * A Lido withdrawal request (an unstETH NFT) as the queue reports it.
 *
 * <pre>{@code
 * client.lido().withdrawals().requests().stream().filter(WithdrawalRequest::isClaimable).forEach(System.out::println);
 * }</pre>
 *
 * @param id            the request id (the NFT's token id)
 * @param amountOfStETH stETH locked when requested (the most it can pay)
 * @param owner         who may claim it
 * @param finalized     whether the oracle has finalized it
 * @param claimed       whether it has been claimed
 */
public record WithdrawalRequest(BigInteger id, BigInteger amountOfStETH, String owner, boolean finalized, boolean claimed) {

    /** Finalized and not yet claimed. */
    public boolean isClaimable() {
        return finalized && !claimed;
    }

    /** pending, finalized (claimable) or claimed. */
    public String status() {
        return claimed ? "claimed" : finalized ? "finalized" : "pending";
    }
}
