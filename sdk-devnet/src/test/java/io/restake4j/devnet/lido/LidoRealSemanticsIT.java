package io.restake4j.devnet.lido;

import static io.restake4j.devnet.lido.LidoTestSupport.queue;
import static io.restake4j.devnet.lido.LidoTestSupport.stETH;
import static io.restake4j.devnet.testing.FixtureAsserts.assertRevertsWith;
import static io.restake4j.devnet.testing.FixtureAsserts.eth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetException;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.LidoDevnet;
import io.restake4j.devnet.fixtures.lido.Lido;
import io.restake4j.devnet.fixtures.lido.WithdrawalQueueERC721;

/** Fixture behaviour checked against the real contracts (lidofinance/core v3.0.2): StakeLimitUtils, PausableUntil. */
@DevnetTest
class LidoRealSemanticsIT {

    private static final String NO_REFERRAL = "0x0000000000000000000000000000000000000000";

    @Test
    void stakeLimitGrowsByMaxOverGrowthBlocksAndKeepsTheLimitLeftWhenSetAgain(Devnet devnet, LidoDevnet lido)
            throws Exception {
        Credentials alice = devnet.account(1);
        Lido a = stETH(devnet, lido, alice);
        Lido deployer = stETH(devnet, lido, devnet.deployer());
        BigInteger max = eth(1000);
        BigInteger increase = eth(30);
        lido.setStakingLimit(max, increase);
        assertEquals(max, deployer.call_getCurrentStakeLimit().send(), "a first limit starts full");
        a.send_submit(NO_REFERRAL, eth(300)).send();
        assertEquals(eth(700), deployer.call_getCurrentStakeLimit().send());
        devnet.mine(1);
        // growth blocks = floor(1000 / 30) = 33; per block 1000 ETH / 33 = 30.303030... ETH, not 30 ETH
        BigInteger perBlock = max.divide(max.divide(increase));
        assertEquals(new BigInteger("30303030303030303030"), perBlock);
        assertEquals(eth(700).add(perBlock), deployer.call_getCurrentStakeLimit().send());
        assertEquals(BigInteger.valueOf(33), deployer.call_getStakeLimitFullInfo().send().component5());
        // set again while active: the limit left by the last stake (700) is kept, from this block on
        lido.setStakingLimit(max, increase);
        assertEquals(eth(700), deployer.call_getCurrentStakeLimit().send(), "not reset to the max");
        // lowered below it: starts full at the new max
        lido.setStakingLimit(eth(500), increase);
        assertEquals(eth(500), deployer.call_getCurrentStakeLimit().send());
        lido.removeStakingLimit();
    }

    @Test
    void queuePauseForBlocksRequestsUntilItEndsOrIsResumed(Devnet devnet, LidoDevnet lido) throws Exception {
        Credentials alice = devnet.account(2);
        Lido a = stETH(devnet, lido, alice);
        WithdrawalQueueERC721 q = queue(devnet, lido, alice);
        a.send_submit(NO_REFERRAL, eth(2)).send();
        a.send_approve(lido.withdrawalQueue(), eth(2)).send();
        String request = WithdrawalQueueERC721.getABI_send_requestWithdrawals(List.of(eth(1)), alice.getAddress());

        assertThrows(DevnetException.class, () -> lido.resumeWithdrawalQueue(), "PausedExpected() when resumed");
        assertThrows(DevnetException.class, () -> lido.pauseWithdrawalQueueFor(BigInteger.ZERO), "ZeroPauseDuration()");
        lido.pauseWithdrawalQueueFor(BigInteger.valueOf(3600));
        assertTrue(q.call_isPaused().send());
        BigInteger resumeSince = q.call_getResumeSinceTimestamp().send();
        assertRevertsWith(devnet, alice.getAddress(), lido.withdrawalQueue(), request, "ResumedExpected()");
        assertThrows(DevnetException.class, () -> lido.pauseWithdrawalQueueFor(BigInteger.TEN), "already paused");

        devnet.advanceTime(Duration.ofSeconds(3600));
        assertFalse(q.call_isPaused().send(), "resumes by itself at " + resumeSince);
        q.send_requestWithdrawals(List.of(eth(1)), alice.getAddress()).send();

        lido.pauseWithdrawalQueueFor(BigInteger.TWO.pow(256).subtract(BigInteger.ONE));
        assertEquals(BigInteger.TWO.pow(256).subtract(BigInteger.ONE), q.call_getResumeSinceTimestamp().send());
        assertRevertsWith(devnet, alice.getAddress(), lido.withdrawalQueue(), request, "ResumedExpected()");
        lido.resumeWithdrawalQueue();
        assertFalse(q.call_isPaused().send());
        q.send_requestWithdrawals(List.of(eth(1)), alice.getAddress()).send();
    }
}
