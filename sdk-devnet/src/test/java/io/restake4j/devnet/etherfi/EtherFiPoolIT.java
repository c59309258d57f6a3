package io.restake4j.devnet.etherfi;

import static io.restake4j.devnet.etherfi.EtherFiTestSupport.ETH;
import static io.restake4j.devnet.etherfi.EtherFiTestSupport.GWEI;
import static io.restake4j.devnet.etherfi.EtherFiTestSupport.NO_REFERRAL;
import static io.restake4j.devnet.testing.FixtureAsserts.assertRevertsWith;
import static io.restake4j.devnet.etherfi.EtherFiTestSupport.eETH;
import static io.restake4j.devnet.testing.FixtureAsserts.eth;
import static io.restake4j.devnet.testing.FixtureAsserts.mulDivUp;
import static io.restake4j.devnet.etherfi.EtherFiTestSupport.pool;
import static io.restake4j.devnet.etherfi.EtherFiTestSupport.wei;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tuples.generated.Tuple4;
import org.web3j.utils.Numeric;

import io.restake4j.devnet.testing.FixtureAsserts;
import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetAddresses;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.EtherFiDevnet;
import io.restake4j.devnet.EtherFiDevnet.Bucket;
import io.restake4j.devnet.fixtures.etherfi.EETH;
import io.restake4j.devnet.fixtures.etherfi.EtherFiRateLimiter;
import io.restake4j.devnet.fixtures.etherfi.LiquidityPool;

/** LiquidityPool and eETH fixtures: share math and rounding, rebases, transfer dust, the rate limiter. */
@DevnetTest
class EtherFiPoolIT {

    @Test
    void deployedAndRegistered(Devnet devnet, DevnetAddresses book, EtherFiDevnet etherFi) throws Exception {
        assertSame(devnet.etherFi(), etherFi, "injected by the extension");
        for (String name : List.of(DevnetAddresses.ETHERFI_LIQUIDITY_POOL, DevnetAddresses.ETHERFI_EETH,
                DevnetAddresses.ETHERFI_WEETH, DevnetAddresses.ETHERFI_WITHDRAW_REQUEST_NFT,
                DevnetAddresses.ETHERFI_RATE_LIMITER, DevnetAddresses.ETHERFI_BLACKLISTER, DevnetAddresses.ETHERFI_ADMIN)) {
            String code = devnet.web3j().ethGetCode(book.require(name), DefaultBlockParameterName.LATEST).send().getCode();
            assertTrue(code.length() > 2, name + " has code");
        }
        LiquidityPool lp = pool(devnet, etherFi, devnet.deployer());
        EETH e = eETH(devnet, etherFi, devnet.deployer());
        assertEquals(etherFi.eETH(), lp.call_eETH().send());
        assertEquals(etherFi.withdrawRequestNFT(), lp.call_withdrawRequestNFT().send());
        assertEquals(EtherFiDevnet.MIN_WITHDRAW_AMOUNT, lp.call_minWithdrawAmount().send());
        assertEquals(wei("1000000000000000"), lp.call_minWithdrawAmount().send(), "0.001 ETH");
        assertEquals(eth(1000), lp.call_maxWithdrawAmount().send());
        assertEquals(ETH, lp.call_SHARE_UNIT().send());
        assertFalse(lp.call_paused().send());
        assertEquals("ether.fi ETH", e.call_name().send());
        assertEquals("eETH", e.call_symbol().send());
        assertEquals(BigInteger.valueOf(18), e.call_decimals().send());
        assertEquals(BigInteger.ZERO, e.call_totalShares().send(), "fresh pool");
        assertEquals(BigInteger.ZERO, lp.call_sharesForAmount(ETH).send(), "0 while the pool is empty");
        assertEquals(BigInteger.ZERO, lp.call_amountForShare(ETH).send(), "0 while there are no shares");
        assertEquals(BigInteger.ZERO, lp.call_amountPerShareCeil().send(), "0 while there are no shares, as on mainnet");
        // mainnet's buckets, in gwei
        assertEquals(EtherFiDevnet.DEFAULT_MINT_CAPACITY_GWEI, etherFi.rateLimitAvailable(Bucket.MINT));
        assertEquals(EtherFiDevnet.DEFAULT_BURN_CAPACITY_GWEI, etherFi.rateLimitAvailable(Bucket.BURN));
        assertEquals(wei("30000000000000"), EtherFiDevnet.DEFAULT_MINT_CAPACITY_GWEI, "30,000 ETH");
        // reports come from EtherFiAdmin only, as on mainnet (not even from the deployer)
        for (String caller : List.of(devnet.account(1).getAddress(), devnet.deployer().getAddress())) {
            assertRevertsWith(devnet, caller, etherFi.liquidityPool(),
                    LiquidityPool.getABI_send_rebase(BigInteger.ONE, BigInteger.ZERO), "IncorrectCaller()");
            assertRevertsWith(devnet, caller, etherFi.liquidityPool(),
                    LiquidityPool.getABI_send_addEthAmountLockedForWithdrawal(BigInteger.ONE), "IncorrectCaller()");
        }
        assertEquals(etherFi.etherFiAdmin(), lp.call_etherFiAdminContract().send());
        assertEquals(etherFi.blacklister(), lp.call_blacklister().send());
        assertEquals(devnet.deployer().getAddress(), lp.call_feeRecipient().send());
        // unsupported parts of the interface say so
        assertRevertsWith(devnet, devnet.account(1).getAddress(), etherFi.liquidityPool(),
                LiquidityPool.getABI_send_deposit(devnet.account(1).getAddress(), NO_REFERRAL, BigInteger.ONE),
                "NotSupportedByFixture(string)", new Utf8String("deposit(address,address)"));
        // mint/burn only through the pool; devnet controls only for the deployer
        assertRevertsWith(devnet, devnet.account(1).getAddress(), etherFi.eETH(),
                EETH.getABI_send_mintShares(devnet.account(1).getAddress(), ETH), "IncorrectCaller()");
        assertRevertsWith(devnet, devnet.account(1).getAddress(), etherFi.liquidityPool(),
                LiquidityPool.getABI_send_setMinWithdrawAmount(BigInteger.ONE), "IncorrectCaller()");
    }

    @Test
    void depositsMintSharesOnThePreDepositValueAcrossRebases(Devnet devnet, EtherFiDevnet etherFi,
            @Account(1) Credentials alice, @Account(2) Credentials bob, @Account(3) Credentials carol) throws Exception {
        EtherFiTestSupport.Pool model = new EtherFiTestSupport.Pool();
        LiquidityPool a = pool(devnet, etherFi, alice);
        EETH e = eETH(devnet, etherFi, alice);

        TransactionReceipt first = a.send_deposit(eth(10)).send();
        assertEquals(eth(10), model.deposit(eth(10)), "first deposit 1:1");
        assertEquals(eth(10), e.call_shares(alice.getAddress()).send());
        LiquidityPool.DepositEventResponse deposit = LiquidityPool.getDepositEvents(first).get(0);
        assertEquals(alice.getAddress(), deposit.sender);
        assertEquals(eth(10), deposit.amount);
        assertEquals(BigInteger.ONE, deposit.source, "SourceOfFunds.EETH");
        assertEquals(NO_REFERRAL, deposit.referral);
        assertEquals(eth(10), EETH.getTransferSharesEvents(first).get(0).sharesValue);
        assertEquals(NO_REFERRAL, EETH.getTransferSharesEvents(first).get(0).from);
        assertEquals(eth(10), EETH.getTransferEvents(first).get(0).value);

        TransactionReceipt referred = pool(devnet, etherFi, bob).send_deposit(alice.getAddress(), eth(5)).send();
        assertEquals(alice.getAddress(), LiquidityPool.getDepositEvents(referred).get(0).referral);
        assertEquals(model.deposit(eth(5)), e.call_shares(bob.getAddress()).send());

        // +2 ETH: 17 ETH over 15e18 shares, as successive reports of at most 25 bps each (the pool's cap)
        TransactionReceipt rebased = etherFi.rebase(eth(2));
        model.rebase(eth(2));
        List<LiquidityPool.RebaseEventResponse> reports = LiquidityPool.getRebaseEvents(rebased);
        BigInteger before = eth(15);
        for (LiquidityPool.RebaseEventResponse report : reports) {
            BigInteger cap = before.multiply(BigInteger.valueOf(25)).divide(BigInteger.valueOf(10_000));
            assertTrue(report.totalEthLocked.subtract(before).compareTo(cap) <= 0, "each report within 25 bps");
            assertEquals(eth(15), report.totalEEthShares);
            before = report.totalEthLocked;
        }
        assertEquals(51, reports.size(), "ln(17/15) / ln(1.0025) rounded up");
        assertEquals(eth(17), reports.get(reports.size() - 1).totalEthLocked);
        assertEquals(wei("11333333333333333333"), e.call_balanceOf(alice.getAddress()).send());
        assertEquals(model.amountForShare(eth(5)), e.call_balanceOf(bob.getAddress()).send());
        assertEquals(eth(17), e.call_totalSupply().send());

        // a deposit after the rebase is priced on the pre-deposit value and rounds down
        BigInteger carolShares = model.deposit(eth(1));
        assertEquals(wei("882352941176470588"), carolShares, "floor(1e18 * 15 / 17)");
        TransactionReceipt third = pool(devnet, etherFi, carol).send_deposit(eth(1)).send();
        assertEquals(carolShares, e.call_shares(carol.getAddress()).send());
        assertEquals(carolShares, EETH.getTransferSharesEvents(third).get(0).sharesValue);
        assertEquals(model.amountForShare(carolShares), EETH.getTransferEvents(third).get(0).value,
                "Transfer carries the value of the shares minted");
        assertEquals(model.amountForShare(carolShares), e.call_balanceOf(carol.getAddress()).send());
        assertTrue(e.call_balanceOf(carol.getAddress()).send().compareTo(eth(1)) < 0, "rounding favours the pool");

        // -0.5 ETH (a loss): balances fall, share counts do not
        etherFi.rebase(wei("-500000000000000000"));
        model.rebase(wei("-500000000000000000"));
        assertEquals(model.tvl, a.call_getTotalPooledEther().send());
        assertEquals(model.shares, e.call_totalShares().send());
        for (Credentials who : List.of(alice, bob, carol)) {
            BigInteger shares = e.call_shares(who.getAddress()).send();
            assertEquals(model.amountForShare(shares), e.call_balanceOf(who.getAddress()).send());
            assertEquals(model.amountForShare(shares), a.call_getTotalEtherClaimOf(who.getAddress()).send());
        }
        BigInteger bobShares = model.deposit(wei("3333333333333333333"));
        pool(devnet, etherFi, bob).send_deposit(wei("3333333333333333333")).send();
        assertEquals(eth(5).add(bobShares), e.call_shares(bob.getAddress()).send());
        assertEquals(model.shares, e.call_totalShares().send());
        assertEquals(model.tvl, a.call_totalValueInLp().send(), "all pooled ether is in the pool");
        assertEquals(model.tvl, FixtureAsserts.balance(devnet, etherFi.liquidityPool()));
        assertEquals(BigInteger.ZERO, a.call_totalValueOutOfLp().send());
    }

    @Test
    void viewsRoundAsDocumented(Devnet devnet, EtherFiDevnet etherFi, @Account(1) Credentials alice,
            @Account(2) Credentials bob) throws Exception {
        EtherFiTestSupport.Pool model = new EtherFiTestSupport.Pool();
        LiquidityPool lp = pool(devnet, etherFi, alice);
        lp.send_deposit(eth(10)).send();
        model.deposit(eth(10));
        pool(devnet, etherFi, bob).send_deposit(eth(5)).send();
        model.deposit(eth(5));
        etherFi.rebase(eth(2));
        model.rebase(eth(2));
        // 17 ETH over 15e18 shares: every conversion has a remainder
        assertEquals(wei("882352941176470588"), lp.call_sharesForAmount(ETH).send(), "floor");
        assertEquals(wei("882352941176470589"), lp.call_sharesForWithdrawalAmount(ETH).send(), "ceil");
        assertEquals(wei("1133333333333333333"), lp.call_amountForShare(ETH).send(), "floor");
        assertEquals(wei("1133333333333333334"), lp.call_amountPerShareCeil().send(), "ceil");
        for (BigInteger x : List.of(BigInteger.ONE, BigInteger.TWO, wei("123456789"), eth(3), wei("999999999999999999"))) {
            assertEquals(model.sharesForAmount(x), lp.call_sharesForAmount(x).send(), "sharesForAmount(" + x + ")");
            assertEquals(model.sharesForWithdrawalAmount(x), lp.call_sharesForWithdrawalAmount(x).send(),
                    "sharesForWithdrawalAmount(" + x + ")");
            assertEquals(model.amountForShare(x), lp.call_amountForShare(x).send(), "amountForShare(" + x + ")");
        }
        assertEquals(BigInteger.ZERO, lp.call_sharesForAmount(BigInteger.ONE).send(), "1 wei is worth no share");
        assertEquals(BigInteger.ONE, lp.call_sharesForWithdrawalAmount(BigInteger.ONE).send(), "but costs one");
        // exact conversions have no remainder to round
        etherFi.rebase(eth(13)); // 30 ETH over 15e18 shares: 2 ETH per share
        model.rebase(eth(13));
        assertEquals(ETH, lp.call_sharesForAmount(eth(2)).send());
        assertEquals(ETH, lp.call_sharesForWithdrawalAmount(eth(2)).send());
        assertEquals(eth(2), lp.call_amountPerShareCeil().send());
        assertEquals(model.amountPerShareCeil(), lp.call_amountPerShareCeil().send());
        // zero and dust deposits are refused
        assertRevertsWith(devnet, alice.getAddress(), etherFi.liquidityPool(), LiquidityPool.getABI_send_deposit(BigInteger.ZERO),
                "InvalidAmount()");
    }

    @Test
    void transfersMoveFlooredSharesAndLeaveDust(Devnet devnet, EtherFiDevnet etherFi, @Account(1) Credentials alice,
            @Account(2) Credentials bob, @Account(3) Credentials carol) throws Exception {
        EtherFiTestSupport.Pool model = new EtherFiTestSupport.Pool();
        pool(devnet, etherFi, alice).send_deposit(eth(10)).send();
        model.deposit(eth(10));
        pool(devnet, etherFi, bob).send_deposit(eth(5)).send();
        model.deposit(eth(5));
        etherFi.rebase(eth(2));
        model.rebase(eth(2));
        EETH a = eETH(devnet, etherFi, alice);

        TransactionReceipt sent = a.send_transfer(carol.getAddress(), ETH).send();
        BigInteger moved = model.sharesForAmount(ETH);
        assertEquals(moved, a.call_shares(carol.getAddress()).send());
        assertEquals(wei("999999999999999999"), a.call_balanceOf(carol.getAddress()).send(), "a wei lost to rounding");
        assertEquals(ETH, EETH.getTransferEvents(sent).get(0).value, "Transfer carries the requested amount");
        assertEquals(moved, EETH.getTransferSharesEvents(sent).get(0).sharesValue);

        // sending the whole balance by amount leaves a share behind (no transferShares on eETH)
        EETH b = eETH(devnet, etherFi, bob);
        BigInteger bobBalance = b.call_balanceOf(bob.getAddress()).send();
        b.send_transfer(carol.getAddress(), bobBalance).send();
        BigInteger left = eth(5).subtract(model.sharesForAmount(bobBalance));
        assertEquals(BigInteger.ONE, left);
        assertEquals(left, b.call_shares(bob.getAddress()).send());
        assertEquals(model.amountForShare(left), b.call_balanceOf(bob.getAddress()).send());

        // transferFrom always spends the allowance, and checks it first
        a.send_approve(bob.getAddress(), eth(2)).send();
        b.send_transferFrom(alice.getAddress(), bob.getAddress(), ETH).send();
        assertEquals(ETH, a.call_allowance(alice.getAddress(), bob.getAddress()).send());
        assertEquals(ETH, a.call_allowances(alice.getAddress(), bob.getAddress()).send());
        assertRevertsWith(devnet, bob.getAddress(), etherFi.eETH(),
                EETH.getABI_send_transferFrom(alice.getAddress(), bob.getAddress(), eth(2)),
                "TransferAmountExceedsAllowance()");
        assertRevertsWith(devnet, bob.getAddress(), etherFi.eETH(), EETH.getABI_send_transfer(alice.getAddress(), eth(6)),
                "TransferAmountExceedsBalance()");
        assertRevertsWith(devnet, bob.getAddress(), etherFi.eETH(),
                EETH.getABI_send_decreaseAllowance(alice.getAddress(), BigInteger.ONE), "AllowanceBelowZero()");
    }

    @Test
    void mintBucketLimitsDepositsInGwei(Devnet devnet, EtherFiDevnet etherFi, @Account(1) Credentials alice,
            @Account(2) Credentials bob) throws Exception {
        // 5 ETH of capacity, no refill
        etherFi.setRateLimit(Bucket.MINT, GWEI.multiply(BigInteger.valueOf(5)), BigInteger.ZERO);
        LiquidityPool lp = pool(devnet, etherFi, alice);
        lp.send_deposit(eth(3)).send();
        assertEquals(wei("2000000000"), etherFi.rateLimitAvailable(Bucket.MINT), "3e9 gwei spent");
        // 1 wei over what is left: the gwei amount rounds up
        assertRevertsWith(devnet, alice.getAddress(), etherFi.liquidityPool(), LiquidityPool.getABI_send_deposit(BigInteger.ZERO),
                "InvalidAmount()");
        String calldata = LiquidityPool.getABI_send_deposit(BigInteger.ZERO);
        var over = devnet.web3j().ethCall(org.web3j.protocol.core.methods.request.Transaction.createFunctionCallTransaction(
                bob.getAddress(), null, null, null, etherFi.liquidityPool(), eth(2).add(BigInteger.ONE), calldata),
                DefaultBlockParameterName.LATEST).send();
        assertTrue(over.isReverted());
        assertEquals("0x3261c792", over.getRevertReasonEncodedData().replace("\"", ""), "LimitExceeded()");
        pool(devnet, etherFi, bob).send_deposit(eth(2)).send();
        assertEquals(BigInteger.ZERO, etherFi.rateLimitAvailable(Bucket.MINT));

        // after a rebase the bucket counts the value of the shares minted, rounded up to the gwei
        etherFi.setRateLimit(Bucket.MINT, GWEI.multiply(BigInteger.valueOf(100)), BigInteger.ZERO);
        etherFi.rebase(eth(1)); // 6 ETH over 5e18 shares
        BigInteger amount = wei("1000000000000000001");
        EtherFiTestSupport.Pool model = new EtherFiTestSupport.Pool();
        model.deposit(eth(5));
        model.rebase(eth(1));
        BigInteger minted = model.deposit(amount);
        lp.send_deposit(amount).send();
        BigInteger spentGwei = mulDivUp(model.amountForShare(minted), BigInteger.ONE, GWEI);
        assertEquals(GWEI.multiply(BigInteger.valueOf(100)).subtract(spentGwei), etherFi.rateLimitAvailable(Bucket.MINT));

        // the bucket refills by refillRate per second, up to its capacity
        EtherFiRateLimiter limiter = EtherFiRateLimiter.load(etherFi.rateLimiter(), devnet.web3j(),
                devnet.transactionManager(devnet.deployer()), devnet.gasProvider());
        BigInteger refill = BigInteger.valueOf(1_000_000_000L); // 1 ETH per second
        etherFi.setRateLimit(Bucket.MINT, GWEI.multiply(BigInteger.valueOf(10)), refill);
        lp.send_deposit(eth(10)).send();
        Tuple4<BigInteger, BigInteger, BigInteger, BigInteger> stored = limiter.call_getLimit(Bucket.MINT.id()).send();
        assertEquals(BigInteger.ZERO, stored.component2(), "remaining");
        assertEquals(refill, stored.component3(), "refillRate (upstream's order)");
        devnet.advanceTime(Duration.ofSeconds(4));
        BigInteger now = latestTimestamp(devnet);
        BigInteger expected = GWEI.multiply(BigInteger.TEN).min(now.subtract(stored.component4()).multiply(refill));
        assertEquals(expected, etherFi.rateLimitAvailable(Bucket.MINT));
        assertTrue(limiter.call_canConsume(Bucket.MINT.id(), expected).send());
        assertFalse(limiter.call_canConsume(Bucket.MINT.id(), expected.add(BigInteger.ONE)).send());

        // capacity 0 lets nothing through; mainnet lifts a limit with capacity 2^64-1
        etherFi.setRateLimit(Bucket.MINT, BigInteger.ZERO, BigInteger.ZERO);
        assertEquals(BigInteger.ZERO, etherFi.rateLimitAvailable(Bucket.MINT));
        var refused = devnet.web3j().ethCall(org.web3j.protocol.core.methods.request.Transaction.createFunctionCallTransaction(
                bob.getAddress(), null, null, null, etherFi.liquidityPool(), ETH, calldata),
                DefaultBlockParameterName.LATEST).send();
        assertEquals("0x3261c792", refused.getRevertReasonEncodedData().replace("\"", ""), "LimitExceeded()");
        BigInteger unlimited = BigInteger.TWO.pow(64).subtract(BigInteger.ONE);
        etherFi.setRateLimit(Bucket.MINT, unlimited, BigInteger.ZERO);
        lp.send_deposit(eth(50)).send();
        assertEquals(unlimited.subtract(GWEI.multiply(BigInteger.valueOf(50))), etherFi.rateLimitAvailable(Bucket.MINT));
    }

    @SuppressWarnings("unchecked")
    private static BigInteger latestTimestamp(Devnet devnet) {
        Map<String, Object> block = (Map<String, Object>) devnet.rpc("eth_getBlockByNumber", "latest", false);
        return Numeric.decodeQuantity((String) block.get("timestamp"));
    }
}
