package io.restake4j.eigenlayer;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.restake4j.exits.ExitStatus;
import io.restake4j.exits.Readiness;
import io.restake4j.units.Amount;
import io.restake4j.units.Shares;

/**
 * A queued EigenLayer withdrawal as the chain holds it: the exact struct needed to complete it, its root, what it
 * is expected to pay (shares and underlying tokens), and the first block at which it can be completed.
 *
 * <pre>{@code
 * for (PendingWithdrawal w : client.eigenLayer().withdrawals().pending()) {
 *     System.out.println(w.root() + " pays " + w.requested() + ", " + w.readiness());
 * }
 * }</pre>
 *
 * @param root                  {@code keccak256(abi.encode(withdrawal))}
 * @param withdrawal            the struct {@code completeQueuedWithdrawal} takes
 * @param expectedShares        withdrawable shares per strategy as the chain estimates them when read (or as
 *                              the queue transaction's event states them); slashing before
 *                              {@code firstCompletableBlock - 1} can still lower them. Each in the unit
 *                              {@code "EigenLayer <symbol> strategy shares"}, named by the token the strategy
 *                              pays by default (its underlying token; EIGEN for the EIGEN strategy), or
 *                              {@code "EigenLayer beaconChainETH strategy shares"} (wei of native ETH): the
 *                              unit of {@link Position}'s shares in the same strategy
 * @param expected              those shares in each strategy's underlying token ({@code sharesToUnderlyingView};
 *                              ETH for beacon chain ETH), one per strategy; empty when not read (a withdrawal
 *                              taken from a queue transaction's events: read it again with
 *                              {@link Withdrawals#byId(String)})
 * @param firstCompletableBlock {@code startBlock + minWithdrawalDelayBlocks + 1}
 * @param readAtBlock           the block this was read at (0 when it comes from a transaction's events)
 * @param readAtTime            that block's timestamp (null when it comes from a transaction's events)
 */
public record PendingWithdrawal(String root, Withdrawal withdrawal, List<Shares> expectedShares, List<Amount> expected,
        long firstCompletableBlock, long readAtBlock, Instant readAtTime) implements io.restake4j.exits.Withdrawal {

    /** The block time the estimates assume: Ethereum's 12-second slot. */
    public static final Duration BLOCK_TIME = Duration.ofSeconds(12);

    public PendingWithdrawal {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(withdrawal, "withdrawal");
        expectedShares = List.copyOf(expectedShares);
        expected = List.copyOf(expected);
    }

    /** Whether a transaction in the block after {@code latestBlock} may complete it. */
    public boolean isCompletableAfter(long latestBlock) {
        return latestBlock + 1 >= firstCompletableBlock;
    }

    /** Whether it was completable in the block after the one it was read at. */
    public boolean isReady() {
        return readAtTime != null && isCompletableAfter(readAtBlock);
    }

    public List<String> strategies() {
        return withdrawal.strategies();
    }

    @Override
    public String protocol() {
        return "EigenLayer";
    }

    /** The withdrawal root. */
    @Override
    public String id() {
        return root;
    }

    /** The staker, who completes it and is paid. */
    @Override
    public String owner() {
        return withdrawal.withdrawer();
    }

    @Override
    public List<Amount> requested() {
        return expected;
    }

    @Override
    public List<Amount> claimable() {
        return isReady() ? expected : List.of();
    }

    /** Claimable once the delay has passed; a completed withdrawal is no longer listed by the contract. */
    @Override
    public ExitStatus status() {
        return isReady() ? ExitStatus.CLAIMABLE : ExitStatus.PENDING;
    }

    /**
     * Ready, or from {@link #firstCompletableBlock()} with an estimate from the block it was read at and
     * {@link #BLOCK_TIME}.
     */
    @Override
    public Readiness readiness() {
        if (isReady()) {
            return Readiness.ready();
        }
        Instant estimate = readAtTime == null ? null
                : readAtTime.plus(BLOCK_TIME.multipliedBy(Math.max(0, firstCompletableBlock - readAtBlock)));
        return new Readiness.AtBlock(BigInteger.valueOf(firstCompletableBlock), estimate);
    }
}
