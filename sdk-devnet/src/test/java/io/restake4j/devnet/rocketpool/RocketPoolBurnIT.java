package io.restake4j.devnet.rocketpool;

import static io.restake4j.devnet.rocketpool.RocketPoolTestSupport.DEFAULT_TARGET_COLLATERAL;
import static io.restake4j.devnet.rocketpool.RocketPoolTestSupport.ETH;
import static io.restake4j.devnet.testing.FixtureAsserts.assertRevertsWithReason;
import static io.restake4j.devnet.testing.FixtureAsserts.balance;
import static io.restake4j.devnet.testing.FixtureAsserts.eth;
import static io.restake4j.devnet.testing.FixtureAsserts.gasCost;
import static io.restake4j.devnet.testing.FixtureAsserts.mulDiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.RocketPoolDevnet;
import io.restake4j.devnet.fixtures.rocketpool.RocketDepositPool;
import io.restake4j.devnet.fixtures.rocketpool.RocketTokenRETH;
import io.restake4j.devnet.fixtures.rocketpool.RocketVault;

/** Burns: exact ETH at the reported rate, collateral from rETH then the pool's excess, the collateral cap. */
@DevnetTest
class RocketPoolBurnIT {

    @Test
    void burnPaysTheExactEthValueAfterARateRise(Devnet devnet, RocketPoolDevnet rp, @Account(1) Credentials alice,
            @Account(2) Credentials bob) throws Exception {
        RocketPoolTestSupport.pool(devnet, rp, alice).send_deposit(eth(10)).send();
        RocketPoolTestSupport.pool(devnet, rp, bob).send_deposit(eth(5)).send();
        RocketTokenRETH reth = RocketPoolTestSupport.rETH(devnet, rp, alice);
        BigInteger supply = reth.call_totalSupply().send();
        BigInteger total = new BigInteger("15300000000000000000");
        rp.report(total);

        BigInteger burnt = eth(4);
        BigInteger expectedEth = mulDiv(burnt, total, supply);
        assertEquals(expectedEth, reth.call_getEthValue(burnt).send());
        BigInteger before = balance(devnet, alice.getAddress());
        BigInteger rethBefore = reth.call_balanceOf(alice.getAddress()).send();
        TransactionReceipt receipt = reth.send_burn(burnt).send();
        assertEquals(before.subtract(gasCost(receipt)).add(expectedEth), balance(devnet, alice.getAddress()),
                "exactly getEthValue(amount), less gas");
        assertEquals(rethBefore.subtract(burnt), reth.call_balanceOf(alice.getAddress()).send());
        assertEquals(supply.subtract(burnt), reth.call_totalSupply().send());
        RocketTokenRETH.TokensBurnedEventResponse event = RocketTokenRETH.getTokensBurnedEvents(receipt).get(0);
        assertEquals(alice.getAddress(), event.from);
        assertEquals(burnt, event.amount);
        assertEquals(expectedEth, event.ethAmount);
        RocketTokenRETH.TransferEventResponse transfer = RocketTokenRETH.getTransferEvents(receipt).get(0);
        assertEquals("0x0000000000000000000000000000000000000000", transfer.to);
        assertEquals(burnt, transfer.value);
        // rETH held nothing: all of it came out of the pool's excess
        RocketDepositPool.ExcessWithdrawnEventResponse withdrawn =
                RocketDepositPool.getExcessWithdrawnEvents(receipt).get(0);
        assertEquals(rp.rETH(), withdrawn.to);
        assertEquals(expectedEth, withdrawn.amount);
        assertEquals(eth(15).subtract(expectedEth),
                RocketPoolTestSupport.pool(devnet, rp, alice).call_getBalance().send());
        assertEquals(BigInteger.ZERO, balance(devnet, rp.rETH()));
        // the rate stays the reported one until the next report
        assertEquals(mulDiv(ETH, total, supply), reth.call_getExchangeRate().send());
    }

    @Test
    void burnUsesRethsOwnEthFirstThenTheShortfallFromThePool(Devnet devnet, RocketPoolDevnet rp,
            @Account(1) Credentials alice, @Account(2) Credentials bob) throws Exception {
        RocketPoolTestSupport.pool(devnet, rp, alice).send_deposit(eth(10)).send();
        RocketTokenRETH reth = RocketPoolTestSupport.rETH(devnet, rp, alice);
        RocketDepositPool pool = RocketPoolTestSupport.pool(devnet, rp, alice);
        BigInteger supply = reth.call_totalSupply().send();
        BigInteger total = new BigInteger("10500000000000000000");
        rp.report(total);
        RocketPoolTestSupport.pool(devnet, rp, bob).send_deposit(eth(20)).send();
        BigInteger held = mulDiv(total, DEFAULT_TARGET_COLLATERAL, ETH); // routed to rETH by bob's deposit
        assertEquals(held, balance(devnet, rp.rETH()));
        BigInteger poolBalance = eth(30).subtract(held);
        assertEquals(poolBalance, pool.call_getBalance().send());
        assertEquals(eth(30), reth.call_getTotalCollateral().send());

        // small burn: paid from rETH's own ETH, the pool is untouched
        BigInteger small = new BigInteger("500000000000000000");
        BigInteger smallEth = mulDiv(small, total, supply);
        TransactionReceipt first = reth.send_burn(small).send();
        assertEquals(List.of(), RocketDepositPool.getExcessWithdrawnEvents(first));
        assertEquals(smallEth, RocketTokenRETH.getTokensBurnedEvents(first).get(0).ethAmount);
        held = held.subtract(smallEth);
        assertEquals(held, balance(devnet, rp.rETH()));
        assertEquals(poolBalance, pool.call_getBalance().send());

        // larger burn: rETH's ETH plus exactly the shortfall from the pool
        BigInteger large = eth(5);
        BigInteger largeEth = mulDiv(large, total, supply);
        BigInteger before = balance(devnet, alice.getAddress());
        TransactionReceipt second = reth.send_burn(large).send();
        assertEquals(before.subtract(gasCost(second)).add(largeEth), balance(devnet, alice.getAddress()));
        BigInteger shortfall = largeEth.subtract(held);
        assertEquals(shortfall, RocketDepositPool.getExcessWithdrawnEvents(second).get(0).amount);
        assertEquals(shortfall, RocketTokenRETH.getEtherDepositedEvents(second).get(0).amount);
        assertEquals(BigInteger.ZERO, balance(devnet, rp.rETH()));
        assertEquals(poolBalance.subtract(shortfall), pool.call_getBalance().send());
        // the shortfall left RocketVault (the pool itself holds no ETH)
        assertEquals(poolBalance.subtract(shortfall), balance(devnet, rp.vault()));
        assertEquals(BigInteger.ZERO, balance(devnet, rp.depositPool()));
        RocketVault.EtherWithdrawnEventResponse out = RocketVault.getEtherWithdrawnEvents(second).get(0);
        assertEquals(shortfall, out.amount);
    }

    @Test
    void burnIsCappedByTheCollateral(Devnet devnet, RocketPoolDevnet rp, @Account(1) Credentials alice,
            @Account(2) Credentials bob) throws Exception {
        RocketPoolTestSupport.pool(devnet, rp, alice).send_deposit(eth(10)).send();
        RocketPoolTestSupport.pool(devnet, rp, bob).send_deposit(eth(10)).send();
        RocketTokenRETH reth = RocketPoolTestSupport.rETH(devnet, rp, alice);
        BigInteger supply = reth.call_totalSupply().send();
        BigInteger total = new BigInteger("20500000000000000000");
        rp.report(total);
        rp.assignToValidators(eth(15));
        BigInteger collateral = eth(5);
        assertEquals(collateral, reth.call_getTotalCollateral().send());
        BigInteger all = reth.call_balanceOf(alice.getAddress()).send();
        assertTrue(mulDiv(all, total, supply).compareTo(collateral) > 0);
        String reason = "Insufficient ETH balance for exchange";
        assertRevertsWithReason(devnet, alice.getAddress(), rp.rETH(), RocketTokenRETH.getABI_send_burn(all), reason);

        // the largest burn the collateral covers goes through; one more wei's worth does not
        BigInteger max = mulDiv(collateral, supply, total);
        BigInteger maxEth = mulDiv(max, total, supply);
        assertTrue(maxEth.compareTo(collateral) <= 0);
        assertTrue(mulDiv(max.add(BigInteger.TWO), total, supply).compareTo(collateral) > 0);
        assertRevertsWithReason(devnet, alice.getAddress(), rp.rETH(),
                RocketTokenRETH.getABI_send_burn(max.add(BigInteger.TWO)), reason);
        TransactionReceipt receipt = reth.send_burn(max).send();
        assertEquals(maxEth, RocketTokenRETH.getTokensBurnedEvents(receipt).get(0).ethAmount);
        BigInteger left = collateral.subtract(maxEth);
        assertEquals(left, reth.call_getTotalCollateral().send());
        assertRevertsWithReason(devnet, alice.getAddress(), rp.rETH(), RocketTokenRETH.getABI_send_burn(ETH), reason);

        // ETH back from validators is collateral again
        TransactionReceipt back = rp.returnFromValidators(eth(3));
        RocketTokenRETH.EtherDepositedEventResponse deposited = RocketTokenRETH.getEtherDepositedEvents(back).get(0);
        assertEquals(devnet.deployer().getAddress(), deposited.from);
        assertEquals(eth(3), deposited.amount);
        assertEquals(left.add(eth(3)), reth.call_getTotalCollateral().send());
        BigInteger supplyNow = reth.call_totalSupply().send();
        assertEquals(mulDiv(ETH, eth(3), mulDiv(supplyNow, total, supply)), reth.call_getCollateralRate().send());
        reth.send_burn(ETH).send();
    }

    @Test
    void burnRevertsForZeroOrMoreThanTheBalance(Devnet devnet, RocketPoolDevnet rp, @Account(1) Credentials alice)
            throws Exception {
        RocketPoolTestSupport.pool(devnet, rp, alice).send_deposit(eth(1)).send();
        RocketTokenRETH reth = RocketPoolTestSupport.rETH(devnet, rp, alice);
        BigInteger held = reth.call_balanceOf(alice.getAddress()).send();
        assertRevertsWithReason(devnet, alice.getAddress(), rp.rETH(), RocketTokenRETH.getABI_send_burn(BigInteger.ZERO),
                "Invalid token burn amount");
        assertRevertsWithReason(devnet, alice.getAddress(), rp.rETH(),
                RocketTokenRETH.getABI_send_burn(held.add(BigInteger.ONE)), "Insufficient rETH balance");
        assertRevertsWithReason(devnet, alice.getAddress(), rp.rETH(),
                RocketTokenRETH.getABI_send_transfer(devnet.account(2).getAddress(), held.add(BigInteger.ONE)),
                "ERC20: transfer amount exceeds balance");
        // burning everything at 1:1 returns the net deposit
        BigInteger before = balance(devnet, alice.getAddress());
        TransactionReceipt receipt = reth.send_burn(held).send();
        assertEquals(before.subtract(gasCost(receipt)).add(held), balance(devnet, alice.getAddress()));
        assertEquals(BigInteger.ZERO, reth.call_totalSupply().send());
    }

    @Test
    void excessCollateralGoesBackToThePool(Devnet devnet, RocketPoolDevnet rp, @Account(1) Credentials alice)
            throws Exception {
        RocketPoolTestSupport.pool(devnet, rp, alice).send_deposit(eth(10)).send();
        RocketTokenRETH reth = RocketPoolTestSupport.rETH(devnet, rp, alice);
        RocketDepositPool pool = RocketPoolTestSupport.pool(devnet, rp, alice);
        BigInteger supply = reth.call_totalSupply().send();
        rp.report(eth(10));
        rp.returnFromValidators(eth(4));
        BigInteger rate = mulDiv(ETH, eth(4), mulDiv(supply, eth(10), supply));
        assertEquals(rate, reth.call_getCollateralRate().send());
        BigInteger target = mulDiv(eth(4), DEFAULT_TARGET_COLLATERAL, rate);
        BigInteger excess = eth(4).subtract(target);
        TransactionReceipt receipt = reth.send_depositExcessCollateral().send();
        assertEquals(excess, RocketDepositPool.getDepositRecycledEvents(receipt).get(0).amount);
        assertEquals(target, balance(devnet, rp.rETH()));
        assertEquals(eth(10).add(excess), pool.call_getBalance().send());
        assertEquals(eth(14), reth.call_getTotalCollateral().send());
    }
}
