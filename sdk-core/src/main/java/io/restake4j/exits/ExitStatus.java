package io.restake4j.exits;

/**
 * Where a withdrawal stands, in every protocol's terms.
 *
 * <pre>{@code
 * if (withdrawal.status() == ExitStatus.CLAIMABLE) {
 *     client.lido().withdrawals().claim(withdrawal).send();
 * }
 * }</pre>
 */
public enum ExitStatus {
    /** Requested or queued; nothing can be claimed yet (see {@link Withdrawal#readiness()} for when). */
    PENDING,
    /** Ready: a claim (or completion) now pays {@link Withdrawal#claimable()}. */
    CLAIMABLE,
    /** Claimed or completed; paid out. */
    CLAIMED
}
