package io.restake4j.liquid;

/**
 * Where a liquid-token withdrawal request stands in its protocol's queue.
 *
 * <pre>{@code
 * if (request.status() == WithdrawalStatus.FINALIZED) {
 *     client.lido().claim(List.of(request.id())).send();
 * }
 * }</pre>
 */
public enum WithdrawalStatus {
    /** Requested, waiting for the protocol's oracle to finalize it; nothing can be claimed yet. */
    PENDING,
    /** Finalized and not claimed: {@link WithdrawalRequest#claimable()} ether can be claimed by the owner. */
    FINALIZED,
    /** Claimed; the ether has been paid out. */
    CLAIMED
}
