package io.restake4j.devnet.lido;

import static io.restake4j.devnet.lido.LidoTestSupport.ETH;
import static io.restake4j.devnet.testing.FixtureAsserts.assertRevertsWithReason;
import static io.restake4j.devnet.testing.FixtureAsserts.eth;
import static io.restake4j.devnet.testing.FixtureAsserts.mulDiv;
import static io.restake4j.devnet.lido.LidoTestSupport.stETH;
import static io.restake4j.devnet.lido.LidoTestSupport.wstETH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.restake4j.devnet.testing.FixtureAsserts;
import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetAddresses;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.LidoDevnet;
import io.restake4j.devnet.fixtures.lido.Lido;
import io.restake4j.devnet.fixtures.lido.WstETH;

/** stETH and wstETH fixtures: share accounting, rebases, the 1-2 wei rounding, wrapping. */
@DevnetTest
class LidoStETHIT {

    private static final String NO_REFERRAL = "0x0000000000000000000000000000000000000000";

    @Test
    void deployedAndRegistered(Devnet devnet, DevnetAddresses book, LidoDevnet lido) throws Exception {
        assertSame(devnet.lido(), lido, "injected by the extension");
        for (String name : List.of(DevnetAddresses.LIDO_STETH, DevnetAddresses.LIDO_WSTETH,
                DevnetAddresses.LIDO_WITHDRAWAL_QUEUE, DevnetAddresses.LIDO_BURNER, DevnetAddresses.LIDO_LOCATOR)) {
            String code = devnet.web3j().ethGetCode(book.require(name), DefaultBlockParameterName.LATEST).send().getCode();
            assertTrue(code.length() > 2, name + " has code");
        }
        Lido st = stETH(devnet, lido, devnet.deployer());
        WstETH wst = wstETH(devnet, lido, devnet.deployer());
        assertEquals("Liquid staked Ether 2.0", st.call_name().send());
        assertEquals("stETH", st.call_symbol().send());
        assertEquals(lido.stETH(), wst.call_stETH().send());
        assertEquals("Wrapped liquid staked Ether 2.0", wst.call_name().send());
        assertEquals(lido.stETH(), LidoTestSupport.queue(devnet, lido, devnet.deployer()).call_STETH().send());
        assertEquals(lido.wstETH(), LidoTestSupport.queue(devnet, lido, devnet.deployer()).call_WSTETH().send());
        assertEquals(BigInteger.TWO.pow(256).subtract(BigInteger.ONE), st.call_getCurrentStakeLimit().send(), "no limit");
        // unknown calldata is refused, as upstream; unimplemented functions say so
        assertRevertsWithReason(devnet, devnet.account(1).getAddress(), lido.stETH(), "0x12345678", "NON_EMPTY_DATA");
        FixtureAsserts.assertRevertsWith(devnet, devnet.account(1).getAddress(), lido.stETH(),
                Lido.getABI_send_mintShares(devnet.account(1).getAddress(), BigInteger.ONE), "NotSupportedByFixture(string)",
                new org.web3j.abi.datatypes.Utf8String("mintShares"));
        // only the Burner burns shares, as on V3
        assertRevertsWithReason(devnet, devnet.account(1).getAddress(), lido.stETH(),
                Lido.getABI_send_burnShares(BigInteger.ONE), "APP_AUTH_FAILED");
    }

    @Test
    void exactBalancesAfterPositiveAndNegativeRebase(Devnet devnet, LidoDevnet lido, @Account(1) Credentials alice,
            @Account(2) Credentials bob) throws Exception {
        Lido a = stETH(devnet, lido, alice);
        // a fresh pool holds only the bootstrap: 1 ETH as 1e18 shares of 0xdead
        assertEquals(LidoDevnet.BOOTSTRAP_ETHER, a.call_getTotalShares().send(), "fresh pool");
        assertEquals(LidoDevnet.BOOTSTRAP_ETHER, a.call_sharesOf(LidoDevnet.BOOTSTRAP_HOLDER).send());
        TransactionReceipt submitted = a.send_submit(NO_REFERRAL, eth(10)).send();
        stETH(devnet, lido, bob).send_submit(alice.getAddress(), eth(4)).send();
        // deposits at the bootstrap rate mint 1:1; submit emits Submitted, Transfer and TransferShares
        assertEquals(eth(10), a.call_sharesOf(alice.getAddress()).send());
        assertEquals(eth(10), Lido.getSubmittedEvents(submitted).get(0).amount);
        assertEquals(eth(10), Lido.getTransferSharesEvents(submitted).get(0).sharesValue);
        assertEquals(eth(4), a.call_sharesOf(bob.getAddress()).send());

        // +2 ETH over 15 ETH / 15e18 shares (10 + 4 + 0xdead's 1); the 10% fee is minted as shares:
        // rewards * fee * shares / (postEther * precision - rewards * fee), precision 1e20, fee 1e19
        TransactionReceipt rebased = lido.report(eth(2));
        BigInteger fee = LidoTestSupport.feeShares(eth(2), eth(15), eth(17));
        assertEquals(new BigInteger("178571428571428571"), fee);
        BigInteger d = eth(15).add(fee);
        assertEquals(eth(17), a.call_getTotalPooledEther().send());
        assertEquals(d, a.call_getTotalShares().send());
        assertEquals(new BigInteger("11200000000000000000"), a.call_balanceOf(alice.getAddress()).send(),
                "holders get 90% of the rewards: 10 * (1 + 0.9 * 2/15)");
        assertEquals(new BigInteger("4480000000000000000"), a.call_balanceOf(bob.getAddress()).send());
        assertEquals(new BigInteger("1120000000000000000"), a.call_balanceOf(LidoDevnet.BOOTSTRAP_HOLDER).send());
        BigInteger moduleShares = fee.multiply(BigInteger.valueOf(5)).divide(BigInteger.TEN);
        assertEquals(moduleShares, a.call_sharesOf(LidoDevnet.STAKING_MODULE).send(), "module: fee * 5% / 10%");
        assertEquals(fee.subtract(moduleShares), a.call_sharesOf(LidoDevnet.TREASURY).send(), "treasury: the rest");
        assertEquals(LidoDevnet.TREASURY.toLowerCase(), a.call_getTreasury().send().toLowerCase());
        assertEquals(BigInteger.valueOf(1000), a.call_getFee().send());
        Lido.TokenRebasedEventResponse event = Lido.getTokenRebasedEvents(rebased).get(0);
        assertEquals(eth(15), event.preTotalShares);
        assertEquals(eth(15), event.preTotalEther);
        assertEquals(d, event.postTotalShares);
        assertEquals(eth(17), event.postTotalEther);
        assertEquals(fee, event.sharesMintedAsFees);
        assertEquals(2, Lido.getTransferSharesEvents(rebased).size(), "fee shares minted to the module and the treasury");

        TransactionReceipt lost = lido.report(new BigInteger("-300000000000000000")); // 16.7 ETH over d shares
        assertEquals(BigInteger.ZERO, Lido.getTokenRebasedEvents(lost).get(0).sharesMintedAsFees, "no fee on a loss");
        assertEquals(d, a.call_getTotalShares().send());
        assertEquals(new BigInteger("16700000000000000000"), a.call_totalSupply().send());
        assertEquals(new BigInteger("11002352941176470588"), a.call_balanceOf(alice.getAddress()).send());
        assertEquals(new BigInteger("4400941176470588235"), a.call_balanceOf(bob.getAddress()).send());
        assertEquals(eth(10), a.call_sharesOf(alice.getAddress()).send(), "shares do not rebase");
        assertEquals(new BigInteger("16700000000000000000"), FixtureAsserts.balance(devnet, lido.stETH()),
                "the fixture holds exactly the pooled ether");
        // views round down
        assertEquals(new BigInteger("908896492728828058"), a.call_getSharesByPooledEth(ETH).send());
        assertEquals(new BigInteger("1100235294117647058"), a.call_getPooledEthByShares(ETH).send());
        assertEquals(new BigInteger("1100235294117647059"), a.call_getPooledEthBySharesRoundUp(ETH).send());
    }

    @Test
    void transfersLoseOneOrTwoWeiToRounding(Devnet devnet, LidoDevnet lido, @Account(1) Credentials alice,
            @Account(2) Credentials bob, @Account(3) Credentials carol) throws Exception {
        Lido a = stETH(devnet, lido, alice);
        a.send_submit(NO_REFERRAL, eth(10)).send();
        stETH(devnet, lido, bob).send_submit(NO_REFERRAL, eth(4)).send();
        lido.report(eth(2)); // N/D = 17 ETH over 15e18 shares (0xdead's 1 included) and the fee shares
        BigInteger n = eth(17);
        BigInteger d = eth(15).add(LidoTestSupport.feeShares(eth(2), eth(15), eth(17)));
        assertEquals(d, a.call_getTotalShares().send());

        BigInteger amount = ETH;
        TransactionReceipt sent = a.send_transfer(carol.getAddress(), amount).send();
        BigInteger shares = mulDiv(amount, d, n);
        assertEquals(new BigInteger("892857142857142857"), shares);
        assertEquals(shares, a.call_sharesOf(carol.getAddress()).send());
        BigInteger received = a.call_balanceOf(carol.getAddress()).send();
        assertEquals(new BigInteger("999999999999999999"), received, "carol sees 1 wei less than sent");
        assertEquals(amount, Lido.getTransferEvents(sent).get(0).value, "Transfer carries the requested amount");
        assertEquals(shares, Lido.getTransferSharesEvents(sent).get(0).sharesValue);

        // sending the whole balance by amount leaves dust; by shares it does not
        BigInteger bobBalance = a.call_balanceOf(bob.getAddress()).send();
        Lido b = stETH(devnet, lido, bob);
        b.send_transfer(carol.getAddress(), bobBalance).send();
        assertEquals(BigInteger.ONE, b.call_sharesOf(bob.getAddress()).send(), "one share left behind");
        assertEquals(BigInteger.ONE, b.call_balanceOf(bob.getAddress()).send());
        b.send_transferShares(carol.getAddress(), BigInteger.ONE).send();
        assertEquals(BigInteger.ZERO, b.call_sharesOf(bob.getAddress()).send());

        // transferSharesFrom spends allowance of floor(shares * N / D)
        a.send_approve(bob.getAddress(), ETH).send();
        b.send_transferSharesFrom(alice.getAddress(), bob.getAddress(), shares).send();
        assertEquals(ETH.subtract(mulDiv(shares, n, d)), a.call_allowance(alice.getAddress(), bob.getAddress()).send());
        assertEquals(BigInteger.ONE, a.call_allowance(alice.getAddress(), bob.getAddress()).send());
        assertRevertsWithReason(devnet, bob.getAddress(), lido.stETH(),
                Lido.getABI_send_transferFrom(alice.getAddress(), bob.getAddress(), BigInteger.TWO), "ALLOWANCE_EXCEEDED");
    }

    @Test
    void wrapUnwrapRoundTripLosesDust(Devnet devnet, LidoDevnet lido, @Account(1) Credentials alice,
            @Account(2) Credentials bob) throws Exception {
        Lido a = stETH(devnet, lido, alice);
        a.send_submit(NO_REFERRAL, eth(10)).send();
        stETH(devnet, lido, bob).send_submit(NO_REFERRAL, eth(4)).send();
        lido.report(eth(2)); // 17 ETH over 15e18 shares and the fee shares: 1.12 stETH a share
        WstETH w = wstETH(devnet, lido, alice);
        assertEquals(new BigInteger("1120000000000000000"), w.call_stEthPerToken().send());
        assertEquals(new BigInteger("892857142857142857"), w.call_tokensPerStEth().send());

        BigInteger before = a.call_balanceOf(alice.getAddress()).send();
        a.send_approve(lido.wstETH(), ETH).send();
        w.send_wrap(ETH).send();
        BigInteger wrapped = w.call_balanceOf(alice.getAddress()).send();
        assertEquals(new BigInteger("892857142857142857"), wrapped);
        assertEquals(wrapped, w.call_getWstETHByStETH(ETH).send());
        assertEquals(wrapped, a.call_sharesOf(lido.wstETH()).send(), "wstETH holds the shares");

        w.send_unwrap(wrapped).send();
        assertEquals(BigInteger.ZERO, w.call_balanceOf(alice.getAddress()).send());
        assertEquals(BigInteger.ZERO, w.call_totalSupply().send());
        BigInteger after = a.call_balanceOf(alice.getAddress()).send();
        assertTrue(before.subtract(after).compareTo(BigInteger.TWO) <= 0 && after.compareTo(before) < 0,
                "round trip loses 1-2 wei: " + before + " -> " + after);
        assertEquals(BigInteger.ONE, a.call_sharesOf(lido.wstETH()).send(), "one share of dust stays in wstETH");

        // ether sent to wstETH is staked and wrapped
        TransactionReceipt staked = devnet.transact(alice, lido.wstETH(), "0x", ETH);
        assertTrue(staked.isStatusOK());
        assertEquals(new BigInteger("892857142857142857"), w.call_balanceOf(alice.getAddress()).send());
        assertRevertsWithReason(devnet, alice.getAddress(), lido.wstETH(), WstETH.getABI_send_wrap(BigInteger.ZERO),
                "wstETH: can't wrap zero stETH");
        assertRevertsWithReason(devnet, alice.getAddress(), lido.wstETH(), WstETH.getABI_send_unwrap(BigInteger.ZERO),
                "wstETH: zero amount unwrap not allowed");
    }
}
