package io.restake4j.devnet.rocketpool;

import static io.restake4j.devnet.rocketpool.RocketPoolTestSupport.ETH;
import static io.restake4j.devnet.testing.FixtureAsserts.assertRevertsWithReason;
import static io.restake4j.devnet.testing.FixtureAsserts.eth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetException;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.RocketPoolDevnet;
import io.restake4j.devnet.fixtures.rocketpool.RocketNetworkBalances;

/**
 * The oDAO balances report as in v1.4: member votes up to the consensus threshold, at most one update per
 * 95% of the submit frequency, and after the first report at most a 2% move of the rate (RPIP-61).
 */
@DevnetTest
class RocketPoolOracleIT {

    private static final BigInteger DAY = BigInteger.valueOf(86_400);

    @Test
    void upstreamDefaults(Devnet devnet, RocketPoolDevnet rp) throws Exception {
        RocketNetworkBalances balances = RocketPoolTestSupport.balances(devnet, rp, devnet.deployer());
        assertEquals(DAY, balances.call_getSubmitBalancesFrequency().send());
        assertEquals(new BigInteger("510000000000000000"), balances.call_getNodeConsensusThreshold().send());
        assertEquals(new BigInteger("20000000000000000"), balances.call_getMaxRethDelta().send());
        assertEquals(BigInteger.ONE, balances.call_getMemberCount().send());
        assertTrue(balances.call_getMemberIsValid(devnet.deployer().getAddress()).send());
    }

    @Test
    void aThreePercentReportIsRefusedTwoPercentIsNot(Devnet devnet, RocketPoolDevnet rp) throws Exception {
        rp.report(eth(100), BigInteger.ZERO, eth(100)); // first report: no limit
        devnet.advanceTime(Duration.ofDays(1));
        EthBlock.Block latest = latest(devnet);
        String deployer = devnet.deployer().getAddress();
        String threePercent = RocketNetworkBalances.getABI_send_submitBalances(latest.getNumber().subtract(BigInteger.ONE),
                latest.getTimestamp(), eth(103), BigInteger.ZERO, eth(100));
        assertRevertsWithReason(devnet, deployer, rp.networkBalances(), threePercent, "Change exceeds maximum");
        assertRevertsWithReason(devnet, deployer, rp.networkBalances(), threePercentDownCall(latest),
                "Change exceeds maximum");

        RocketNetworkBalances balances = RocketPoolTestSupport.balances(devnet, rp, devnet.deployer());
        balances.send_submitBalances(latest.getNumber().subtract(BigInteger.ONE), latest.getTimestamp(), eth(102), BigInteger.ZERO, eth(100))
                .send(); // exactly 2%: allowed
        assertEquals(eth(102), rp.totalEthBalance());
    }

    @Test
    void aSecondUpdateWithinTheFrequencyIsRefused(Devnet devnet, RocketPoolDevnet rp) throws Exception {
        rp.report(eth(100), BigInteger.ZERO, eth(100));
        RocketNetworkBalances balances = RocketPoolTestSupport.balances(devnet, rp, devnet.deployer());
        BigInteger last = balances.call_getBalancesTimestamp().send();
        devnet.advanceTime(Duration.ofSeconds(3_600));
        EthBlock.Block latest = latest(devnet);
        String call = RocketNetworkBalances.getABI_send_submitBalances(latest.getNumber().subtract(BigInteger.ONE), latest.getTimestamp(),
                eth(101), BigInteger.ZERO, eth(100));
        assertRevertsWithReason(devnet, devnet.deployer().getAddress(), rp.networkBalances(), call,
                "Not enough time has passed");

        // 95% of a day after the last update is enough
        BigInteger earliest = last.add(BigInteger.valueOf(82_080));
        devnet.advanceTime(Duration.ofSeconds(earliest.subtract(latest(devnet).getTimestamp()).longValueExact()));
        latest = latest(devnet);
        balances.send_submitBalances(latest.getNumber().subtract(BigInteger.ONE), latest.getTimestamp(), eth(101), BigInteger.ZERO, eth(100))
                .send();
        assertEquals(eth(101), rp.totalEthBalance());
    }

    @Test
    void votesApplyAtTheConsensusThreshold(Devnet devnet, RocketPoolDevnet rp, @Account(1) Credentials alice,
            @Account(2) Credentials bob, @Account(3) Credentials carol) throws Exception {
        RocketNetworkBalances asGuardian = RocketPoolTestSupport.balances(devnet, rp, devnet.deployer());
        asGuardian.send_devnetSetMember(alice.getAddress(), true).send();
        asGuardian.send_devnetSetMember(bob.getAddress(), true).send();
        assertEquals(BigInteger.valueOf(3), asGuardian.call_getMemberCount().send());
        EthBlock.Block latest = latest(devnet);
        BigInteger block = latest.getNumber();
        BigInteger slot = latest.getTimestamp();
        String vote = RocketNetworkBalances.getABI_send_submitBalances(block, slot, eth(10), eth(8), eth(10));
        assertRevertsWithReason(devnet, carol.getAddress(), rp.networkBalances(), vote, "Invalid trusted node");

        TransactionReceipt first = RocketPoolTestSupport.balances(devnet, rp, alice)
                .send_submitBalances(block, slot, eth(10), eth(8), eth(10)).send();
        assertEquals(1, RocketNetworkBalances.getBalancesSubmittedEvents(first).size());
        assertEquals(0, RocketNetworkBalances.getBalancesUpdatedEvents(first).size(), "1/3 < 51%");
        assertEquals(BigInteger.ZERO, rp.totalEthBalance());
        assertRevertsWithReason(devnet, alice.getAddress(), rp.networkBalances(), vote,
                "Duplicate submission from node");
        String execute = RocketNetworkBalances.getABI_send_executeUpdateBalances(block, slot, eth(10), eth(8), eth(10));
        assertRevertsWithReason(devnet, carol.getAddress(), rp.networkBalances(), execute,
                "Consensus has not been reached");

        TransactionReceipt second = RocketPoolTestSupport.balances(devnet, rp, bob)
                .send_submitBalances(block, slot, eth(10), eth(8), eth(10)).send();
        RocketNetworkBalances.BalancesUpdatedEventResponse updated =
                RocketNetworkBalances.getBalancesUpdatedEvents(second).get(0);
        assertEquals(block, updated.block);
        assertEquals(eth(10), updated.totalEth);
        assertEquals(eth(10), rp.totalEthBalance());
        assertEquals(eth(8), asGuardian.call_getStakingETHBalance().send());
    }

    @Test
    void theControlStepsBeyondTwoPercentOneDayApart(Devnet devnet, RocketPoolDevnet rp) throws Exception {
        rp.report(eth(100), BigInteger.ZERO, eth(100));
        RocketNetworkBalances balances = RocketPoolTestSupport.balances(devnet, rp, devnet.deployer());
        BigInteger start = balances.call_getBalancesTimestamp().send();
        BigInteger blockBefore = balances.call_getBalancesBlock().send();

        rp.report(eth(105), BigInteger.ZERO, eth(100)); // 1.00 -> 1.02 -> 1.0404 -> 1.05
        assertEquals(eth(105), rp.totalEthBalance());
        BigInteger elapsed = balances.call_getBalancesTimestamp().send().subtract(start);
        assertTrue(elapsed.compareTo(BigInteger.valueOf(3 * 82_080L)) >= 0, "three updates: " + elapsed + " s");
        assertTrue(elapsed.compareTo(BigInteger.valueOf(4 * 82_080L)) < 0, "not four: " + elapsed + " s");
        assertTrue(balances.call_getBalancesBlock().send().compareTo(blockBefore) > 0);

        rp.report(eth(99), BigInteger.ZERO, eth(100)); // down: 1.05 -> 1.029 -> 1.00842 -> 0.99
        assertEquals(eth(99), rp.totalEthBalance());
        assertEquals(ETH.multiply(BigInteger.valueOf(99)).divide(BigInteger.valueOf(100)),
                RocketPoolTestSupport.rETH(devnet, rp, devnet.deployer()).call_getExchangeRate().send());
    }

    @Test
    void theControlCannotStepOverOneWeiOfSupply(Devnet devnet, RocketPoolDevnet rp) {
        rp.report(BigInteger.ONE, BigInteger.ZERO, BigInteger.ONE);
        assertThrows(DevnetException.class, () -> rp.report(BigInteger.TWO, BigInteger.ZERO, BigInteger.ONE));
    }

    /** For the previous block: an eth_call runs in the latest block, and a report must be for an earlier one. */
    private static String threePercentDownCall(EthBlock.Block latest) {
        return RocketNetworkBalances.getABI_send_submitBalances(latest.getNumber().subtract(BigInteger.ONE), latest.getTimestamp(), eth(97),
                BigInteger.ZERO, eth(100));
    }

    private static EthBlock.Block latest(Devnet devnet) throws Exception {
        return devnet.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock();
    }
}
