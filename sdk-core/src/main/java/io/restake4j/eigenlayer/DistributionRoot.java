package io.restake4j.eigenlayer;

import java.time.Instant;

/**
 * A rewards distribution root as the RewardsCoordinator stores it.
 *
 * <pre>{@code
 * client.eigenLayer().rewards().currentClaimableRoot()
 *         .ifPresent(r -> System.out.println("root #" + r.index() + " active since " + r.activatedAt()));
 * }</pre>
 *
 * @param index                          its index ({@code rootIndex} in claims)
 * @param root                           the Merkle root, 0x hex
 * @param rewardsCalculationEndTimestamp the end of the period it covers (unix seconds)
 * @param activatedAt                    when it becomes claimable
 * @param disabled                       whether the updater disabled it before activation
 */
public record DistributionRoot(long index, String root, long rewardsCalculationEndTimestamp, Instant activatedAt,
        boolean disabled) {

    /** Whether a claim against this root can succeed at {@code now}. */
    public boolean isClaimableAt(Instant now) {
        return !disabled && !now.isBefore(activatedAt);
    }
}
