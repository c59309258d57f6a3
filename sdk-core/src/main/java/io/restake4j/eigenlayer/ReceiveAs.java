package io.restake4j.eigenlayer;

/**
 * How a completed withdrawal pays out.
 *
 * <pre>{@code
 * client.eigenLayer().withdrawals().completeAllReady(ReceiveAs.TOKENS).send();
 * }</pre>
 */
public enum ReceiveAs {
    /** The underlying tokens go to the staker (beaconChainETH: to the pod owner, through the pod). */
    TOKENS,
    /** The shares are credited back and delegated to the staker's current operator (a redelegation). */
    SHARES
}
