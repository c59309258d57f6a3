package io.restake4j.devnet.etherfi;

import static io.restake4j.devnet.etherfi.EtherFiTestSupport.ETH;
import static io.restake4j.devnet.etherfi.EtherFiTestSupport.eETH;
import static io.restake4j.devnet.etherfi.EtherFiTestSupport.nft;
import static io.restake4j.devnet.etherfi.EtherFiTestSupport.pool;
import static io.restake4j.devnet.etherfi.EtherFiTestSupport.wei;
import static io.restake4j.devnet.testing.FixtureAsserts.assertRevertsWith;
import static io.restake4j.devnet.testing.FixtureAsserts.balance;
import static io.restake4j.devnet.testing.FixtureAsserts.eth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.EtherFiDevnet;
import io.restake4j.devnet.EtherFiDevnet.Bucket;
import io.restake4j.devnet.fixtures.etherfi.EETH;
import io.restake4j.devnet.fixtures.etherfi.EtherFiAdmin;
import io.restake4j.devnet.fixtures.etherfi.EtherFiRateLimiter;
import io.restake4j.devnet.fixtures.etherfi.LiquidityPool;
import io.restake4j.devnet.fixtures.etherfi.WithdrawRequestNFT;

/**
 * The mainnet-shaped governance of the ether.fi fixtures: capped, accounting-only reports from EtherFiAdmin,
 * the pool's pause, the blacklist, and a rate limiter that refuses unknown buckets and consumers.
 */
@DevnetTest
class EtherFiGovernanceIT {

    @Test
    void reportsAreCappedAccountingOnlyAndPayFeesInShares(Devnet devnet, EtherFiDevnet etherFi,
            @Account(1) Credentials alice) throws Exception {
        LiquidityPool lp = pool(devnet, etherFi, alice);
        EETH e = eETH(devnet, etherFi, alice);
        String deployer = devnet.deployer().getAddress();
        // an empty pool takes no positive report: its cap is 0
        assertRevertsWith(devnet, deployer, etherFi.etherFiAdmin(),
                EtherFiAdmin.getABI_send_rebase(BigInteger.ONE, BigInteger.ZERO), "RebaseExceedsPositiveCap()");
        lp.send_deposit(eth(10)).send();

        // 25 bps of 10 ETH is the most one report may add
        BigInteger cap = wei("25000000000000000");
        assertRevertsWith(devnet, deployer, etherFi.etherFiAdmin(),
                EtherFiAdmin.getABI_send_rebase(cap.add(BigInteger.ONE), BigInteger.ZERO), "RebaseExceedsPositiveCap()");
        assertRevertsWith(devnet, alice.getAddress(), etherFi.etherFiAdmin(),
                EtherFiAdmin.getABI_send_rebase(BigInteger.ONE, BigInteger.ZERO), "IncorrectCaller()");
        TransactionReceipt report = etherFi.report(cap, BigInteger.ZERO);
        LiquidityPool.RebaseEventResponse rebase = LiquidityPool.getRebaseEvents(report).get(0);
        assertEquals(eth(10).add(cap), rebase.totalEthLocked);
        assertEquals(eth(10), rebase.totalEEthShares);
        // accounting only: the value is out of the pool, no ether moved
        assertEquals(cap, lp.call_totalValueOutOfLp().send());
        assertEquals(eth(10), lp.call_totalValueInLp().send());
        assertEquals(eth(10), balance(devnet, etherFi.liquidityPool()));
        assertEquals(eth(10).add(cap), e.call_balanceOf(alice.getAddress()).send());

        // protocol fees: minted to the fee recipient (the deployer) as eETH at the new rate, after the rebase
        BigInteger tvl = eth(10).add(cap);
        BigInteger rewards = wei("20000000000000000");
        BigInteger fees = wei("5000000000000000");
        TransactionReceipt withFees = etherFi.report(rewards, fees);
        BigInteger feeShares = fees.multiply(eth(10)).divide(tvl.add(rewards));
        assertEquals(fees, LiquidityPool.getProtocolFeePaidEvents(withFees).get(0).protocolFees);
        LiquidityPool.DepositEventResponse feeDeposit = LiquidityPool.getDepositEvents(withFees).get(0);
        assertEquals(deployer, feeDeposit.sender, "the recipient");
        assertEquals(fees, feeDeposit.amount);
        assertEquals(feeShares, e.call_shares(deployer).send());
        assertEquals(tvl.add(rewards).add(fees), lp.call_getTotalPooledEther().send());
        assertEquals(eth(10), balance(devnet, etherFi.liquidityPool()), "still no ether moved");

        // the stepped control brings the ether along: each step a report within the cap, then receive()
        BigInteger before = lp.call_getTotalPooledEther().send();
        TransactionReceipt stepped = etherFi.rebase(ETH);
        int reports = LiquidityPool.getRebaseEvents(stepped).size();
        assertTrue(reports > 1);
        System.out.println("[gas] EtherFiAdmin.rebaseInSteps: " + reports + " reports, " + stepped.getGasUsed() + " gas ("
                + stepped.getGasUsed().divide(BigInteger.valueOf(reports)) + " a report)");
        assertEquals(before.add(ETH), lp.call_getTotalPooledEther().send());
        assertEquals(eth(11), balance(devnet, etherFi.liquidityPool()));
        assertEquals(cap.add(rewards).add(fees), lp.call_totalValueOutOfLp().send(), "the one-off reports stay unbacked");

        // a loss leaves the pool towards "validators" and is written off in one report
        TransactionReceipt loss = etherFi.rebase(wei("-300000000000000000"));
        assertEquals(1, LiquidityPool.getRebaseEvents(loss).size());
        assertEquals(before.add(ETH).subtract(wei("300000000000000000")), lp.call_getTotalPooledEther().send());
        assertEquals(wei("10700000000000000000"), balance(devnet, etherFi.liquidityPool()));
        assertEquals(cap.add(rewards).add(fees), lp.call_totalValueOutOfLp().send());
    }

    @Test
    void pausedPoolRefusesDepositsAndRequestsByName(Devnet devnet, EtherFiDevnet etherFi, @Account(1) Credentials alice)
            throws Exception {
        LiquidityPool lp = pool(devnet, etherFi, alice);
        lp.send_deposit(eth(2)).send();
        eETH(devnet, etherFi, alice).send_approve(etherFi.liquidityPool(), ETH).send();
        String a = alice.getAddress();
        String pool = etherFi.liquidityPool();

        TransactionReceipt paused = etherFi.pausePool();
        assertEquals(devnet.deployer().getAddress(), LiquidityPool.getPausedEvents(paused).get(0).account);
        assertTrue(lp.call_paused().send());
        assertRevertsWith(devnet, a, pool, LiquidityPool.getABI_send_deposit(BigInteger.ZERO), ETH, "ContractPaused()");
        assertRevertsWith(devnet, a, pool, LiquidityPool.getABI_send_requestWithdraw(a, ETH), "ContractPaused()");
        assertRevertsWith(devnet, devnet.deployer().getAddress(), pool, LiquidityPool.getABI_send_pause(), "AlreadyPaused()");
        assertRevertsWith(devnet, a, pool, LiquidityPool.getABI_send_pause(), "IncorrectCaller()");
        etherFi.unpausePool();
        assertFalse(lp.call_paused().send());

        // the timed pause: 8 hours, refused with its end
        LiquidityPool asDeployer = pool(devnet, etherFi, devnet.deployer());
        TransactionReceipt timed = asDeployer.send_pauseUntil().send();
        BigInteger until = LiquidityPool.getPausedUntilEvents(timed).get(0).pausedUntil;
        assertEquals(until, lp.call_pausedUntil().send());
        assertRevertsWith(devnet, a, pool, LiquidityPool.getABI_send_requestWithdraw(a, ETH), "ContractPausedUntil(uint256)",
                new Uint256(until));
        devnet.advanceTime(Duration.ofHours(8).plusSeconds(1));
        pool(devnet, etherFi, alice).send_requestWithdraw(a, ETH).send();
        // a pauser waits out a cooldown before pausing again
        assertRevertsWith(devnet, devnet.deployer().getAddress(), pool, LiquidityPool.getABI_send_pauseUntil(),
                "PauserCooldownStillActive()");
    }

    @Test
    void blacklistedAccountsAreRefusedEverywhere(Devnet devnet, EtherFiDevnet etherFi, @Account(1) Credentials alice,
            @Account(2) Credentials mallory, @Account(3) Credentials keeper) throws Exception {
        pool(devnet, etherFi, alice).send_deposit(eth(3)).send();
        pool(devnet, etherFi, mallory).send_deposit(eth(3)).send();
        eETH(devnet, etherFi, alice).send_approve(etherFi.liquidityPool(), eth(2)).send();
        pool(devnet, etherFi, alice).send_requestWithdraw(alice.getAddress(), ETH).send();
        etherFi.finalizeAll();

        String m = mallory.getAddress();
        etherFi.blacklist(m);
        Address who = new Address(m);
        String pool = etherFi.liquidityPool();
        assertRevertsWith(devnet, m, pool, LiquidityPool.getABI_send_deposit(BigInteger.ZERO), ETH,
                "BlacklistedUser(address)", who);
        // a request to a blacklisted recipient, and eETH transfers to or from one
        assertRevertsWith(devnet, alice.getAddress(), pool, LiquidityPool.getABI_send_requestWithdraw(m, ETH),
                "BlacklistedUser(address)", who);
        assertRevertsWith(devnet, alice.getAddress(), etherFi.eETH(), EETH.getABI_send_transfer(m, ETH),
                "BlacklistedUser(address)", who);
        assertRevertsWith(devnet, m, etherFi.eETH(), EETH.getABI_send_transfer(alice.getAddress(), ETH),
                "BlacklistedUser(address)", who);
        // the NFT: no transfer to a blacklisted owner, no claim by a blacklisted caller
        assertRevertsWith(devnet, alice.getAddress(), etherFi.withdrawRequestNFT(),
                WithdrawRequestNFT.getABI_send_transferFrom(alice.getAddress(), m, BigInteger.ONE),
                "BlacklistedUser(address)", who);
        assertRevertsWith(devnet, m, etherFi.withdrawRequestNFT(), WithdrawRequestNFT.getABI_send_claimWithdraw(BigInteger.ONE),
                "BlacklistedUser(address)", who);
        nft(devnet, etherFi, keeper).send_claimWithdraw(BigInteger.ONE).send();

        etherFi.unblacklist(m);
        pool(devnet, etherFi, mallory).send_deposit(ETH).send();
    }

    @Test
    void limiterRefusesUnknownBucketsAndConsumers(Devnet devnet, EtherFiDevnet etherFi, @Account(1) Credentials alice)
            throws Exception {
        EtherFiRateLimiter limiter = EtherFiRateLimiter.load(etherFi.rateLimiter(), devnet.web3j(),
                devnet.transactionManager(devnet.deployer()), devnet.gasProvider());
        byte[] unknown = org.web3j.crypto.Hash.sha3("NO_SUCH_LIMIT".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String deployer = devnet.deployer().getAddress();
        assertRevertsWith(devnet, deployer, etherFi.rateLimiter(), EtherFiRateLimiter.getABI_call_consumable(unknown),
                "UnknownLimit()");
        assertRevertsWith(devnet, deployer, etherFi.rateLimiter(),
                EtherFiRateLimiter.getABI_send_updateConsumers(unknown, etherFi.eETH(), true), "UnknownLimit()");
        assertRevertsWith(devnet, deployer, etherFi.rateLimiter(),
                EtherFiRateLimiter.getABI_send_createNewLimiter(Bucket.MINT.id(), BigInteger.ONE, BigInteger.ONE),
                "LimitAlreadyExists()");
        assertTrue(limiter.call_isConsumerAllowed(Bucket.MINT.id(), etherFi.eETH()).send());
        assertFalse(limiter.call_isConsumerAllowed(Bucket.MINT.id(), etherFi.weETH()).send());
        assertRevertsWith(devnet, alice.getAddress(), etherFi.rateLimiter(),
                EtherFiRateLimiter.getABI_send_consumeToken(Bucket.MINT.id(), BigInteger.ONE), "OnlyToken()");

        // eETH taken off the mint bucket's consumers: deposits revert InvalidConsumer()
        limiter.send_updateConsumers(Bucket.MINT.id(), etherFi.eETH(), false).send();
        assertRevertsWith(devnet, alice.getAddress(), etherFi.liquidityPool(), LiquidityPool.getABI_send_deposit(BigInteger.ZERO),
                ETH, "InvalidConsumer()");
        limiter.send_updateConsumers(Bucket.MINT.id(), etherFi.eETH(), true).send();
        TransactionReceipt minted = pool(devnet, etherFi, alice).send_deposit(ETH).send();
        assertEquals(ETH, EETH.getTransferSharesEvents(minted).get(0).sharesValue);
    }
}
