package io.restake4j.exits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

import io.restake4j.Restaking;
import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.eigenlayer.PendingWithdrawal;
import io.restake4j.eigenlayer.WithdrawalsCompleted;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.errors.WaitTimeoutException;
import io.restake4j.liquid.LiquidResult;
import io.restake4j.liquid.LiquidWithdrawal;
import io.restake4j.testing.DevnetClients;
import io.restake4j.tx.OperationResult;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * The same exit code, written once against {@link WithdrawalQueue}, runs on Lido (oracle finalization), ether.fi
 * (oracle finalization, requests found through logs) and EigenLayer (a delay in blocks): request, list, look up,
 * refuse to claim early, wait (timing out while not ready), become claimable, claim everything ready.
 */
@DevnetTest
class OneExitVocabularyIT {

    private static final BigInteger ETHER = BigInteger.TEN.pow(18);

    /** What every protocol's queue must do; returns the claim's result and the withdrawal as it was when ready. */
    private static <W extends Withdrawal, R extends OperationResult, C extends OperationResult> Exit<W, C> exit(
            WithdrawalQueue<W, R, C> queue, Amount amount, Runnable makeReady, Class<? extends Readiness> waitingKind) {
        assertTrue(queue.pending().isEmpty(), "a fresh account has no exits");
        R requested = queue.request(amount).send();
        assertFalse(requested.receipts().isEmpty(), "a request returns its receipts");

        List<W> pending = queue.pending();
        assertEquals(1, pending.size(), queue + ": " + pending);
        W w = pending.get(0);
        assertEquals(ExitStatus.PENDING, w.status());
        assertTrue(w.isPending());
        assertInstanceOf(waitingKind, w.readiness(), w.readiness().toString());
        assertFalse(w.readiness().isReady());
        assertTrue(w.claimable().isEmpty(), "nothing is claimable while pending");
        assertFalse(w.requested().isEmpty());
        assertEquals(w, queue.byId(w.id()), "looked up by id, the same state");

        InvalidInputException early = assertThrows(InvalidInputException.class, () -> queue.claimAllReady().preview());
        assertTrue(early.getMessage().length() > 10, early.getMessage());
        assertThrows(InvalidInputException.class, () -> queue.claim(w).preview(), "claiming early is refused before signing");
        assertThrows(WaitTimeoutException.class, () -> queue.awaitClaimable(w, Duration.ofMillis(400)));

        makeReady.run();
        W ready = queue.awaitClaimable(w, Duration.ofSeconds(20));
        assertEquals(w.id(), ready.id());
        assertEquals(ExitStatus.CLAIMABLE, ready.status());
        assertTrue(ready.readiness().isReady());
        assertFalse(ready.claimable().isEmpty(), "a claimable withdrawal says what it pays");
        assertTrue(ready.claimable().stream().allMatch(a -> a.wei().signum() > 0), ready.claimable().toString());

        C claimed = queue.claimAllReady().send();
        assertFalse(claimed.receipts().isEmpty());
        assertTrue(queue.pending().stream().noneMatch(x -> x.id().equals(w.id())), "claimed: no longer pending");
        return new Exit<>(ready, claimed);
    }

    private record Exit<W, C>(W ready, C claimed) {
    }

    @Test
    void lido(Devnet devnet, @Account(5) Credentials staker) {
        try (Restaking client = DevnetClients.client(devnet, staker)) {
            client.lido().stake(Amount.parse("2", Token.ETH)).send();
            Exit<LiquidWithdrawal, LiquidResult> e = exit(client.lido().withdrawals(), Amount.parse("1", client.lido().stETH()),
                    () -> devnet.lido().finalizeAll(), Readiness.ByOracle.class);
            assertEquals(e.ready().claimable().get(0), e.claimed().amount(), "paid what the ready withdrawal said");
            assertEquals(Token.ETH, e.claimed().amount().token());
        }
    }

    @Test
    void etherFi(Devnet devnet, @Account(5) Credentials staker) {
        try (Restaking client = DevnetClients.client(devnet, staker)) {
            client.etherFi().stake(Amount.parse("2", Token.ETH)).send();
            Exit<LiquidWithdrawal, LiquidResult> e = exit(client.etherFi().withdrawals(),
                    Amount.parse("1", client.etherFi().eETH()), () -> devnet.etherFi().finalizeAll(), Readiness.ByOracle.class);
            assertEquals(e.ready().claimable().get(0), e.claimed().amount(), "paid what the ready withdrawal said");
        }
    }

    @Test
    void eigenLayer(Devnet devnet, @Account(5) Credentials staker) {
        Token stEth = Token.erc20(devnet.eigenLayer().stETH(), "stETH", 18);
        devnet.eigenLayer().stakeStETHFor(staker.getAddress(), ETHER.multiply(BigInteger.TEN));
        try (Restaking client = DevnetClients.client(devnet, staker)) {
            client.eigenLayer().deposit(Amount.parse("10", stEth)).send();
            long delay = devnet.eigenLayer().withdrawalDelayBlocks();
            Instant before = Instant.now().minusSeconds(60);
            Exit<PendingWithdrawal, WithdrawalsCompleted> e = exit(client.eigenLayer().withdrawals(), Amount.parse("4", stEth),
                    () -> devnet.mine(delay + 1), Readiness.AtBlock.class);
            PendingWithdrawal ready = e.ready();
            assertEquals(List.of(Amount.parse("4", stEth)), ready.claimable(), "4 stETH in the strategy's token");
            assertEquals(ready.claimable().get(0), e.claimed().received(stEth), "paid what the ready withdrawal said");
            assertTrue(ready.readAtTime().isAfter(before));
        }
    }

    @Test
    void anEigenLayerWithdrawalEstimatesWhenItBecomesReady(Devnet devnet, @Account(5) Credentials staker) {
        Token stEth = Token.erc20(devnet.eigenLayer().stETH(), "stETH", 18);
        devnet.eigenLayer().stakeStETHFor(staker.getAddress(), ETHER);
        try (Restaking client = DevnetClients.client(devnet, staker)) {
            client.eigenLayer().deposit(Amount.parse("1", stEth)).send();
            client.eigenLayer().withdrawals().request(Amount.parse("1", stEth)).send();
            PendingWithdrawal w = client.eigenLayer().withdrawals().pending().get(0);
            Readiness.AtBlock at = assertInstanceOf(Readiness.AtBlock.class, w.readiness());
            assertEquals(BigInteger.valueOf(w.firstCompletableBlock()), at.block());
            Instant expected = w.readAtTime().plus(PendingWithdrawal.BLOCK_TIME
                    .multipliedBy(w.firstCompletableBlock() - w.readAtBlock()));
            assertEquals(expected, at.estimate().orElseThrow(), "the block read, plus 12 s per block to go");
        }
    }
}
