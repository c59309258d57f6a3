package io.restake4j.exits;

import java.util.List;

import io.restake4j.units.Amount;

/**
 * A withdrawal in any protocol's exit queue, as chain state reported it when it was read: who it pays, what it
 * locked, what it pays now, and when it can be claimed. Each protocol's type adds what completing it needs (an
 * EigenLayer withdrawal's struct, a request NFT's id).
 *
 * <pre>{@code
 * for (Withdrawal w : client.etherFi().withdrawals().pending()) {
 *     System.out.println(w.protocol() + " " + w.id() + ": " + w.status() + ", " + w.readiness());
 * }
 * }</pre>
 */
public interface Withdrawal {

    /** The protocol's name ("EigenLayer", "Lido", "ether.fi"). */
    String protocol();

    /** The protocol's id for it: a request NFT's token id in decimal, an EigenLayer withdrawal root in hex. */
    String id();

    /** Who is paid when it is claimed (the staker, the NFT's holder). */
    String owner();

    /** What the withdrawal took out of the position when requested (tokens locked, or the assets its shares were worth). */
    List<Amount> requested();

    /**
     * What a claim pays now, in the tokens it pays: empty while {@link ExitStatus#PENDING} or once claimed. It can
     * be below {@link #requested()} (a rate that fell, slashing).
     */
    List<Amount> claimable();

    ExitStatus status();

    Readiness readiness();

    default boolean isClaimable() {
        return status() == ExitStatus.CLAIMABLE;
    }

    default boolean isPending() {
        return status() == ExitStatus.PENDING;
    }
}
