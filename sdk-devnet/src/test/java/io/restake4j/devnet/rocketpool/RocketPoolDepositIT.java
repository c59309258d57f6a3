package io.restake4j.devnet.rocketpool;

import static io.restake4j.devnet.rocketpool.RocketPoolTestSupport.DEFAULT_FEE;
import static io.restake4j.devnet.rocketpool.RocketPoolTestSupport.DEFAULT_MINIMUM;
import static io.restake4j.devnet.rocketpool.RocketPoolTestSupport.DEFAULT_POOL_MAXIMUM;
import static io.restake4j.devnet.rocketpool.RocketPoolTestSupport.DEFAULT_TARGET_COLLATERAL;
import static io.restake4j.devnet.rocketpool.RocketPoolTestSupport.ETH;
import static io.restake4j.devnet.testing.FixtureAsserts.assertRevertsWithReason;
import static io.restake4j.devnet.testing.FixtureAsserts.eth;
import static io.restake4j.devnet.rocketpool.RocketPoolTestSupport.fee;
import static io.restake4j.devnet.testing.FixtureAsserts.mulDiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.restake4j.devnet.testing.FixtureAsserts;
import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.RocketPoolDevnet;
import io.restake4j.devnet.fixtures.rocketpool.RocketDepositPool;
import io.restake4j.devnet.fixtures.rocketpool.RocketNetworkBalances;
import io.restake4j.devnet.fixtures.rocketpool.RocketTokenRETH;
import io.restake4j.devnet.fixtures.rocketpool.RocketVault;

/** Deposits: fee, rETH minted at the reported rate, collateral routing, minimum, maximum, disabled, rounding. */
@DevnetTest
class RocketPoolDepositIT {

    private static final String DEPOSIT = RocketDepositPool.getABI_send_deposit(BigInteger.ZERO);

    @Test
    void firstDepositsMintOneToOneNetOfTheFee(Devnet devnet, RocketPoolDevnet rp, @Account(1) Credentials alice,
            @Account(2) Credentials bob) throws Exception {
        RocketDepositPool pool = RocketPoolTestSupport.pool(devnet, rp, alice);
        RocketTokenRETH reth = RocketPoolTestSupport.rETH(devnet, rp, alice);
        assertEquals(DEFAULT_POOL_MAXIMUM, pool.call_getMaximumDepositAmount().send());

        TransactionReceipt receipt = pool.send_deposit(eth(10)).send();
        BigInteger net = eth(10).subtract(fee(eth(10), DEFAULT_FEE));
        assertEquals(new BigInteger("9995000000000000000"), net);
        assertEquals(net, reth.call_balanceOf(alice.getAddress()).send(), "no report yet: 1:1");
        RocketTokenRETH.TokensMintedEventResponse minted = RocketTokenRETH.getTokensMintedEvents(receipt).get(0);
        assertEquals(alice.getAddress(), minted.to);
        assertEquals(net, minted.amount);
        assertEquals(net, minted.ethAmount);
        RocketTokenRETH.TransferEventResponse transfer = RocketTokenRETH.getTransferEvents(receipt).get(0);
        assertEquals("0x0000000000000000000000000000000000000000", transfer.from);
        assertEquals(net, transfer.value);
        RocketDepositPool.DepositReceivedEventResponse received = RocketDepositPool.getDepositReceivedEvents(receipt).get(0);
        assertEquals(alice.getAddress(), received.from);
        assertEquals(eth(10), received.amount, "gross amount");

        RocketPoolTestSupport.pool(devnet, rp, bob).send_deposit(eth(3)).send();
        assertEquals(eth(3).subtract(fee(eth(3), DEFAULT_FEE)), reth.call_balanceOf(bob.getAddress()).send());
        // no report yet: the target collateral is 0, so all ETH (fees included) stays in the pool
        assertEquals(eth(13), pool.call_getBalance().send());
        assertEquals(eth(13), FixtureAsserts.balance(devnet, rp.vault()), "the pool's ETH sits in RocketVault");
        assertEquals(BigInteger.ZERO, FixtureAsserts.balance(devnet, rp.depositPool()));
        assertEquals(BigInteger.ZERO, FixtureAsserts.balance(devnet, rp.rETH()));
        assertEquals(eth(13), pool.call_getExcessBalance().send());
        assertEquals(eth(13), reth.call_getTotalCollateral().send());
        assertEquals(eth(13), pool.call_getUserBalance().send());
        assertEquals(DEFAULT_POOL_MAXIMUM.subtract(eth(13)), pool.call_getMaximumDepositAmount().send());
    }

    @Test
    void theDepositPoolsEtherSitsInTheVault(Devnet devnet, RocketPoolDevnet rp, @Account(1) Credentials alice)
            throws Exception {
        RocketDepositPool pool = RocketPoolTestSupport.pool(devnet, rp, alice);
        RocketVault vault = RocketPoolTestSupport.vault(devnet, rp, alice);
        RocketTokenRETH reth = RocketPoolTestSupport.rETH(devnet, rp, alice);
        TransactionReceipt first = pool.send_deposit(eth(10)).send();
        // no report yet: nothing for rETH, all 10 ETH credited to "rocketDepositPool" in the vault
        RocketVault.EtherDepositedEventResponse in = RocketVault.getEtherDepositedEvents(first).get(0);
        assertEquals(eth(10), in.amount);
        assertEquals(org.web3j.utils.Numeric.toHexString(org.web3j.crypto.Hash.sha3(
                "rocketDepositPool".getBytes(java.nio.charset.StandardCharsets.UTF_8))), org.web3j.utils.Numeric.toHexString(in.by),
                "indexed string topic: keccak256 of the contract name");
        assertEquals(eth(10), vault.call_balanceOf("rocketDepositPool").send());
        assertEquals(vault.call_balanceOf("rocketDepositPool").send(), pool.call_getBalance().send());
        assertEquals(eth(10), FixtureAsserts.balance(devnet, rp.vault()));
        assertEquals(BigInteger.ZERO, FixtureAsserts.balance(devnet, rp.depositPool()));
        assertEquals(BigInteger.ZERO, vault.call_balanceOf("rocketTokenRETH").send());

        // after a report, a deposit tops rETH up to 10% of the total first; only the rest reaches the vault
        BigInteger total = new BigInteger("10100000000000000000");
        rp.report(total);
        TransactionReceipt second = pool.send_deposit(eth(5)).send();
        BigInteger toReth = mulDiv(total, DEFAULT_TARGET_COLLATERAL, ETH);
        assertEquals(eth(5).subtract(toReth), RocketVault.getEtherDepositedEvents(second).get(0).amount);
        assertEquals(eth(15).subtract(toReth), vault.call_balanceOf("rocketDepositPool").send());
        assertEquals(vault.call_balanceOf("rocketDepositPool").send(), pool.call_getBalance().send());

        // a burn beyond rETH's own ETH withdraws the shortfall from the vault (EtherWithdrawn, then ExcessWithdrawn)
        BigInteger burnt = eth(3);
        BigInteger ethOut = reth.call_getEthValue(burnt).send();
        TransactionReceipt burn = reth.send_burn(burnt).send();
        BigInteger shortfall = ethOut.subtract(toReth);
        assertEquals(shortfall, RocketVault.getEtherWithdrawnEvents(burn).get(0).amount);
        assertEquals(shortfall, RocketDepositPool.getExcessWithdrawnEvents(burn).get(0).amount);
        assertEquals(eth(15).subtract(toReth).subtract(shortfall), pool.call_getBalance().send());
        assertEquals(pool.call_getBalance().send(), FixtureAsserts.balance(devnet, rp.vault()));
        assertEquals(BigInteger.ZERO, FixtureAsserts.balance(devnet, rp.depositPool()));

        // only registered network contracts use the vault; only the vault pays into the pool
        assertRevertsWithReason(devnet, alice.getAddress(), rp.vault(), RocketVault.getABI_send_depositEther(ETH), ETH,
                "Invalid or outdated network contract");
        assertRevertsWithReason(devnet, alice.getAddress(), rp.vault(), RocketVault.getABI_send_withdrawEther(ETH),
                "Invalid or outdated network contract");
        assertRevertsWithReason(devnet, alice.getAddress(), rp.depositPool(),
                RocketDepositPool.getABI_send_receiveVaultWithdrawalETH(ETH), ETH, "Invalid or outdated contract");
    }

    @Test
    void mintsAtTheReportedRateUpAndDown(Devnet devnet, RocketPoolDevnet rp, @Account(1) Credentials alice,
            @Account(2) Credentials bob, @Account(3) Credentials carol) throws Exception {
        RocketTokenRETH reth = RocketPoolTestSupport.rETH(devnet, rp, alice);
        RocketDepositPool pool = RocketPoolTestSupport.pool(devnet, rp, alice);
        pool.send_deposit(eth(10)).send();
        BigInteger supply1 = reth.call_totalSupply().send();

        // rewards: 10.5 ETH behind the supply
        BigInteger total1 = new BigInteger("10500000000000000000");
        TransactionReceipt reported = rp.report(total1);
        RocketNetworkBalances.BalancesUpdatedEventResponse event =
                RocketNetworkBalances.getBalancesUpdatedEvents(reported).get(0);
        assertEquals(total1, event.totalEth);
        assertEquals(supply1, event.rethSupply);
        assertEquals(mulDiv(ETH, total1, supply1), reth.call_getExchangeRate().send());
        assertEquals(new BigInteger("1050525262631315657"), reth.call_getExchangeRate().send());

        BigInteger value = eth(7);
        BigInteger net = value.subtract(fee(value, DEFAULT_FEE));
        BigInteger expected = mulDiv(net, supply1, total1);
        assertEquals(expected, reth.call_getRethValue(net).send());
        TransactionReceipt receipt = RocketPoolTestSupport.pool(devnet, rp, bob).send_deposit(value).send();
        assertEquals(expected, reth.call_balanceOf(bob.getAddress()).send());
        RocketTokenRETH.TokensMintedEventResponse minted = RocketTokenRETH.getTokensMintedEvents(receipt).get(0);
        assertEquals(expected, minted.amount);
        assertEquals(net, minted.ethAmount);
        // the deposit first fills rETH's collateral to 10% of the reported total, the rest goes to the pool
        BigInteger toReth = mulDiv(total1, DEFAULT_TARGET_COLLATERAL, ETH);
        assertEquals(toReth, RocketTokenRETH.getEtherDepositedEvents(receipt).get(0).amount);
        assertEquals(toReth, FixtureAsserts.balance(devnet, rp.rETH()));
        assertEquals(eth(10).add(value).subtract(toReth), pool.call_getBalance().send());
        assertEquals(eth(17), reth.call_getTotalCollateral().send());

        // penalties: the rate falls below 1
        BigInteger supply2 = reth.call_totalSupply().send();
        assertEquals(supply1.add(expected), supply2);
        BigInteger total2 = eth(15);
        rp.report(total2);
        BigInteger rate2 = mulDiv(ETH, total2, supply2);
        assertEquals(rate2, reth.call_getExchangeRate().send());
        assertEquals(-1, rate2.compareTo(ETH));
        BigInteger value3 = new BigInteger("2345678901234567891");
        BigInteger net3 = value3.subtract(fee(value3, DEFAULT_FEE));
        BigInteger expected3 = mulDiv(net3, supply2, total2);
        TransactionReceipt third = RocketPoolTestSupport.pool(devnet, rp, carol).send_deposit(value3).send();
        assertEquals(expected3, reth.call_balanceOf(carol.getAddress()).send());
        assertTrue(expected3.compareTo(net3) > 0, "more rETH than ETH below a rate of 1");
        // rETH holds 1.05 ETH, short of 10% of 15 ETH: only the 0.45 ETH difference is routed
        BigInteger shortfall = mulDiv(total2, DEFAULT_TARGET_COLLATERAL, ETH).subtract(toReth);
        assertEquals(new BigInteger("450000000000000000"), shortfall);
        assertEquals(shortfall, RocketTokenRETH.getEtherDepositedEvents(third).get(0).amount);
        assertEquals(mulDiv(total2, DEFAULT_TARGET_COLLATERAL, ETH), FixtureAsserts.balance(devnet, rp.rETH()));
        assertEquals(eth(17).add(value3).subtract(mulDiv(total2, DEFAULT_TARGET_COLLATERAL, ETH)),
                pool.call_getBalance().send());
        // at the target, the next deposit routes nothing
        TransactionReceipt fourth = RocketPoolTestSupport.pool(devnet, rp, carol).send_deposit(ETH).send();
        assertEquals(List.of(), RocketTokenRETH.getEtherDepositedEvents(fourth));
        // conversions use the same floor division
        BigInteger odd = new BigInteger("1234567890123456789");
        assertEquals(mulDiv(odd, total2, supply2), reth.call_getEthValue(odd).send());
        assertEquals(mulDiv(odd, supply2, total2), reth.call_getRethValue(odd).send());
    }

    @Test
    void exchangeRateRoundsDown(Devnet devnet, RocketPoolDevnet rp, @Account(1) Credentials alice) throws Exception {
        RocketTokenRETH reth = RocketPoolTestSupport.rETH(devnet, rp, alice);
        RocketNetworkBalances balances = RocketPoolTestSupport.balances(devnet, rp, alice);
        assertEquals(ETH, reth.call_getExchangeRate().send(), "1:1 before any report");
        assertEquals(BigInteger.valueOf(7), reth.call_getRethValue(BigInteger.valueOf(7)).send());

        rp.report(BigInteger.TEN, BigInteger.valueOf(4), BigInteger.valueOf(3)); // 10 wei over 3 wei of rETH
        assertEquals(new BigInteger("3333333333333333333"), reth.call_getExchangeRate().send());
        assertEquals(BigInteger.valueOf(3), reth.call_getEthValue(BigInteger.ONE).send());
        assertEquals(BigInteger.valueOf(6), reth.call_getEthValue(BigInteger.TWO).send());
        assertEquals(new BigInteger("300000000000000000"), reth.call_getRethValue(ETH).send());
        assertEquals(BigInteger.TWO, reth.call_getRethValue(BigInteger.valueOf(7)).send());
        assertEquals(BigInteger.ZERO, reth.call_getRethValue(BigInteger.valueOf(3)).send());
        assertEquals(new BigInteger("400000000000000000"), balances.call_getETHUtilizationRate().send());
        assertEquals(BigInteger.TEN, balances.call_getTotalETHBalance().send());
        assertEquals(BigInteger.valueOf(3), balances.call_getTotalRETHSupply().send());
        assertEquals(devnet.blockNumber().subtract(BigInteger.ONE), balances.call_getBalancesBlock().send());

        // the oracle's own checks: staking above total, a caller who is not a trusted member (for a block after
        // the last report's and before the latest, in which an eth_call runs)
        devnet.mine(1);
        EthBlock.Block latest = devnet.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send()
                .getBlock();
        assertRevertsWithReason(devnet, devnet.deployer().getAddress(), rp.networkBalances(),
                RocketNetworkBalances.getABI_send_executeUpdateBalances(latest.getNumber().subtract(BigInteger.ONE), latest.getTimestamp(),
                        BigInteger.ONE, BigInteger.TWO, BigInteger.ONE),
                "Invalid network balances");
        assertRevertsWithReason(devnet, alice.getAddress(), rp.networkBalances(),
                RocketNetworkBalances.getABI_send_submitBalances(latest.getNumber(), latest.getTimestamp(),
                        BigInteger.ONE, BigInteger.ONE, BigInteger.ONE),
                "Invalid trusted node");
    }

    @Test
    void aZeroNetworkBalanceHasNoRethValue(Devnet devnet, RocketPoolDevnet rp, @Account(1) Credentials alice)
            throws Exception {
        RocketTokenRETH reth = RocketPoolTestSupport.rETH(devnet, rp, alice);
        // a zero total with a supply (possible only as the first report: after it, RPIP-61 allows 2% moves)
        rp.report(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ONE);
        String reason = "Cannot calculate rETH token amount while total network balance is zero";
        assertRevertsWithReason(devnet, alice.getAddress(), rp.rETH(), RocketTokenRETH.getABI_call_getRethValue(ETH), reason);
        assertRevertsWithReason(devnet, alice.getAddress(), rp.depositPool(), DEPOSIT, ETH, reason);
        assertEquals(BigInteger.ZERO, reth.call_getEthValue(ETH).send());
        assertEquals(BigInteger.ZERO, reth.call_getExchangeRate().send());
    }

    @Test
    void minimumDepositAndZeroMint(Devnet devnet, RocketPoolDevnet rp, @Account(1) Credentials alice) throws Exception {
        RocketDepositPool pool = RocketPoolTestSupport.pool(devnet, rp, alice);
        RocketTokenRETH reth = RocketPoolTestSupport.rETH(devnet, rp, alice);
        assertRevertsWithReason(devnet, alice.getAddress(), rp.depositPool(), DEPOSIT,
                DEFAULT_MINIMUM.subtract(BigInteger.ONE), "The deposited amount is less than the minimum deposit size");
        assertRevertsWithReason(devnet, alice.getAddress(), rp.depositPool(), DEPOSIT, BigInteger.ZERO,
                "The deposited amount is less than the minimum deposit size");
        pool.send_deposit(DEFAULT_MINIMUM).send();
        assertEquals(DEFAULT_MINIMUM.subtract(fee(DEFAULT_MINIMUM, DEFAULT_FEE)), reth.call_balanceOf(alice.getAddress()).send());
        assertEquals(new BigInteger("9995000000000000"), reth.call_balanceOf(alice.getAddress()).send());

        // without a minimum, 1 wei at a rate of 2 mints floor(1 * 1 / 2) = 0 rETH: refused
        rp.setMinimumDeposit(BigInteger.ZERO);
        rp.report(BigInteger.TWO, BigInteger.ZERO, BigInteger.ONE);
        assertRevertsWithReason(devnet, alice.getAddress(), rp.depositPool(), DEPOSIT, BigInteger.ONE,
                "Invalid token mint amount");
        // 3 wei: the fee rounds to 0, floor(3 / 2) = 1 rETH
        pool.send_deposit(BigInteger.valueOf(3)).send();
        assertEquals(new BigInteger("9995000000000001"), reth.call_balanceOf(alice.getAddress()).send());
    }

    @Test
    void depositPoolMaximum(Devnet devnet, RocketPoolDevnet rp, @Account(1) Credentials alice) throws Exception {
        RocketDepositPool pool = RocketPoolTestSupport.pool(devnet, rp, alice);
        String reason = "The deposit pool size after depositing exceeds the maximum size";
        rp.setMaximumDepositPoolSize(eth(20));
        pool.send_deposit(eth(15)).send();
        assertEquals(eth(5), pool.call_getMaximumDepositAmount().send());
        assertRevertsWithReason(devnet, alice.getAddress(), rp.depositPool(), DEPOSIT, eth(5).add(BigInteger.ONE), reason);
        rp.setAssignDepositsEnabled(false);
        assertEquals(eth(5), pool.call_getMaximumDepositAmount().send(), "no queue: assignments add nothing");
        assertRevertsWithReason(devnet, alice.getAddress(), rp.depositPool(), DEPOSIT, eth(5).add(BigInteger.ONE), reason);
        pool.send_deposit(eth(5)).send();
        assertEquals(BigInteger.ZERO, pool.call_getMaximumDepositAmount().send());
        assertRevertsWithReason(devnet, alice.getAddress(), rp.depositPool(), DEPOSIT, DEFAULT_MINIMUM, reason);

        // ETH leaving for validators makes room again
        TransactionReceipt assigned = rp.assignToValidators(eth(8));
        assertEquals(eth(8), RocketDepositPool.getFundsAssignedEvents(assigned).get(0).amount);
        assertEquals(eth(12), pool.call_getBalance().send());
        assertEquals(eth(8), pool.call_getMaximumDepositAmount().send());
        // a smaller maximum than the balance: no headroom, not negative
        rp.setMaximumDepositPoolSize(eth(10));
        assertEquals(BigInteger.ZERO, pool.call_getMaximumDepositAmount().send());
    }

    @Test
    void depositsDisabled(Devnet devnet, RocketPoolDevnet rp, @Account(1) Credentials alice) throws Exception {
        RocketDepositPool pool = RocketPoolTestSupport.pool(devnet, rp, alice);
        rp.setDepositEnabled(false);
        assertEquals(BigInteger.ZERO, pool.call_getMaximumDepositAmount().send());
        String reason = "Deposits into Rocket Pool are currently disabled";
        assertRevertsWithReason(devnet, alice.getAddress(), rp.depositPool(), DEPOSIT, ETH, reason);
        assertRevertsWithReason(devnet, alice.getAddress(), rp.depositPool(), DEPOSIT, BigInteger.ONE, reason);
        rp.setDepositEnabled(true);
        assertEquals(DEFAULT_POOL_MAXIMUM, pool.call_getMaximumDepositAmount().send());
        // queue functions: nothing queued, but upstream's checks apply
        assertRevertsWithReason(devnet, alice.getAddress(), rp.depositPool(),
                RocketDepositPool.getABI_send_assignDeposits(BigInteger.ZERO), "Must assign at least 1");
        rp.setAssignDepositsEnabled(false);
        assertRevertsWithReason(devnet, alice.getAddress(), rp.depositPool(),
                RocketDepositPool.getABI_send_assignDeposits(BigInteger.ONE), "Deposit assignments are disabled");
        assertEquals(BigInteger.ZERO, pool.call_getTotalQueueLength().send());
    }
}
