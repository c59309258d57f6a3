package io.restake4j.eigenlayer;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * A queued EigenLayer withdrawal as the chain holds it: the exact struct needed to complete it, its root,
 * the shares it is expected to pay, and the first block at which it can be completed.
 *
 * <pre>{@code
 * for (PendingWithdrawal w : client.eigenLayer().withdrawals().pending()) {
 *     System.out.println(w.root() + " completable from block " + w.firstCompletableBlock());
 * }
 * }</pre>
 *
 * @param root                  {@code keccak256(abi.encode(withdrawal))}
 * @param withdrawal            the struct {@code completeQueuedWithdrawal} takes
 * @param expectedShares        withdrawable shares per strategy as the chain estimates them when read;
 *                              slashing before {@code firstCompletableBlock - 1} can still lower them
 * @param firstCompletableBlock {@code startBlock + minWithdrawalDelayBlocks + 1}
 * @param readAtBlock           the block this was read at (0 when it comes from a transaction's events)
 */
public record PendingWithdrawal(String root, Withdrawal withdrawal, List<BigInteger> expectedShares,
        long firstCompletableBlock, long readAtBlock) {

    public PendingWithdrawal {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(withdrawal, "withdrawal");
        expectedShares = List.copyOf(expectedShares);
    }

    /** Whether a transaction in the block after {@code latestBlock} may complete it. */
    public boolean isCompletableAfter(long latestBlock) {
        return latestBlock + 1 >= firstCompletableBlock;
    }

    /** Whether it was completable in the block after the one it was read at. */
    public boolean isReady() {
        return isCompletableAfter(readAtBlock);
    }

    public List<String> strategies() {
        return withdrawal.strategies();
    }
}
