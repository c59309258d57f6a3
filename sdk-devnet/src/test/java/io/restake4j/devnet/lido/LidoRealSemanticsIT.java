package io.restake4j.devnet.lido;

import static io.restake4j.devnet.lido.LidoTestSupport.queue;
import static io.restake4j.devnet.lido.LidoTestSupport.stETH;
import static io.restake4j.devnet.testing.FixtureAsserts.assertRevertsWith;
import static io.restake4j.devnet.testing.FixtureAsserts.assertRevertsWithReason;
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
import io.restake4j.devnet.testing.FixtureAsserts;
import io.restake4j.devnet.fixtures.lido.Lido;
import io.restake4j.devnet.fixtures.lido.WithdrawalQueueERC721;

/**
 * Fixture behaviour checked against the real contracts (lidofinance/core v3.0.2): the bootstrap and initial pause,
 * StakeLimitUtils, PausableUntil.
 */
@DevnetTest
class LidoRealSemanticsIT {

    private static final String NO_REFERRAL = "0x0000000000000000000000000000000000000000";

    @Test
    void theDevnetStartsWithZeroXDeadsBootstrapAndBothContractsResumed(Devnet devnet, LidoDevnet lido)
            throws Exception {
        Lido st = stETH(devnet, lido, devnet.deployer());
        assertEquals(eth(1), st.call_sharesOf(LidoDevnet.BOOTSTRAP_HOLDER).send());
        assertEquals(eth(1), st.call_balanceOf(LidoDevnet.BOOTSTRAP_HOLDER).send());
        assertEquals(eth(1), st.call_getTotalShares().send());
        assertEquals(eth(1), st.call_totalSupply().send());
        assertEquals(eth(1), FixtureAsserts.balance(devnet, lido.stETH()), "the bootstrap ether is pooled in stETH");
        assertFalse(st.call_isStopped().send(), "LidoDevnet resumed stETH");
        assertFalse(st.call_isStakingPaused().send());
        assertFalse(queue(devnet, lido, devnet.deployer()).call_isPaused().send(), "LidoDevnet resumed the queue");
        assertRevertsWithReason(devnet, devnet.deployer().getAddress(), lido.stETH(), Lido.getABI_send_resume(),
                "CONTRACT_IS_ACTIVE");
    }

    @Test
    void aFreshDeploymentMintsTheBootstrapToZeroXDeadAndRefusesStakingUntilResumed(Devnet devnet, LidoDevnet lido)
            throws Exception {
        Credentials owner = devnet.account(1);
        Credentials alice = devnet.account(2);
        Lido fresh = Lido.deploy(devnet.web3j(), devnet.transactionManager(owner), devnet.gasProvider(), eth(1),
                lido.withdrawalQueue(), lido.burner()).send();
        var deployed = fresh.getTransactionReceipt().orElseThrow();
        var submitted = Lido.getSubmittedEvents(deployed);
        assertEquals(1, submitted.size());
        assertEquals(LidoDevnet.BOOTSTRAP_HOLDER.toLowerCase(), submitted.get(0).sender.toLowerCase());
        assertEquals(eth(1), submitted.get(0).amount);
        assertEquals(NO_REFERRAL, submitted.get(0).referral);
        var shares = Lido.getTransferSharesEvents(deployed);
        assertEquals(1, shares.size());
        assertEquals(NO_REFERRAL, shares.get(0).from);
        assertEquals(LidoDevnet.BOOTSTRAP_HOLDER.toLowerCase(), shares.get(0).to.toLowerCase());
        assertEquals(eth(1), shares.get(0).sharesValue);
        assertEquals(eth(1), fresh.call_sharesOf(LidoDevnet.BOOTSTRAP_HOLDER).send());

        // stopped and staking paused until resume(), as after Lido's initialize
        assertTrue(fresh.call_isStopped().send());
        assertTrue(fresh.call_isStakingPaused().send());
        assertEquals(BigInteger.ZERO, fresh.call_getCurrentStakeLimit().send());
        assertRevertsWithReason(devnet, alice.getAddress(), fresh.getContractAddress(),
                Lido.getABI_send_submit(NO_REFERRAL, eth(1)), eth(1), "STAKING_PAUSED");
        assertRevertsWithReason(devnet, alice.getAddress(), fresh.getContractAddress(), Lido.getABI_send_resume(),
                "APP_AUTH_FAILED");

        var resumed = fresh.send_resume().send();
        assertEquals(1, Lido.getResumedEvents(resumed).size());
        assertEquals(1, Lido.getStakingResumedEvents(resumed).size());
        assertFalse(fresh.call_isStopped().send());
        Lido asAlice = Lido.load(fresh.getContractAddress(), devnet.web3j(), devnet.transactionManager(alice),
                devnet.gasProvider());
        asAlice.send_submit(NO_REFERRAL, eth(3)).send();
        assertEquals(eth(3), fresh.call_sharesOf(alice.getAddress()).send(), "1:1 at the bootstrap rate");
        assertEquals(eth(4), fresh.call_getTotalShares().send());

        // the queue also starts paused: requests revert ResumedExpected until resume()
        WithdrawalQueueERC721 freshQueue = WithdrawalQueueERC721.deploy(devnet.web3j(), devnet.transactionManager(owner),
                devnet.gasProvider(), fresh.getContractAddress(), lido.wstETH()).send();
        var paused = WithdrawalQueueERC721.getPausedEvents(freshQueue.getTransactionReceipt().orElseThrow());
        assertEquals(List.of(freshQueue.call_PAUSE_INFINITELY().send()), paused.stream().map(e -> e.duration).toList());
        assertTrue(freshQueue.call_isPaused().send());
        assertRevertsWith(devnet, alice.getAddress(), freshQueue.getContractAddress(),
                WithdrawalQueueERC721.getABI_send_requestWithdrawals(List.of(eth(1)), alice.getAddress()),
                "ResumedExpected()");
        freshQueue.send_resume().send();
        assertFalse(freshQueue.call_isPaused().send());
    }

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
