package io.restake4j.devnet.etherfi;

import static io.restake4j.devnet.etherfi.EtherFiTestSupport.ETH;
import static io.restake4j.devnet.testing.FixtureAsserts.assertRevertsWith;
import static io.restake4j.devnet.testing.FixtureAsserts.assertRevertsWithReason;
import static io.restake4j.devnet.testing.FixtureAsserts.domainSeparator;
import static io.restake4j.devnet.etherfi.EtherFiTestSupport.eETH;
import static io.restake4j.devnet.testing.FixtureAsserts.eth;
import static io.restake4j.devnet.etherfi.EtherFiTestSupport.pool;
import static io.restake4j.devnet.testing.FixtureAsserts.signPermit;
import static io.restake4j.devnet.etherfi.EtherFiTestSupport.weETH;
import static io.restake4j.devnet.etherfi.EtherFiTestSupport.wei;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Sign;

import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.EtherFiDevnet;
import io.restake4j.devnet.fixtures.etherfi.EETH;
import io.restake4j.devnet.fixtures.etherfi.LiquidityPool;
import io.restake4j.devnet.fixtures.etherfi.WeETH;

/** weETH wrapping and rates, and the EIP-2612 permits of eETH ("EETH", "1") and weETH ("Wrapped eETH", "1"). */
@DevnetTest
class EtherFiWeETHIT {

    private static final BigInteger FAR_DEADLINE = BigInteger.TWO.pow(64);

    /** alice 10 ETH, bob 5 ETH, then +2 ETH: 17 ETH over 15e18 shares. */
    private static EtherFiTestSupport.Pool seventeenOverFifteen(Devnet devnet, EtherFiDevnet etherFi, Credentials alice,
            Credentials bob) throws Exception {
        EtherFiTestSupport.Pool model = new EtherFiTestSupport.Pool();
        pool(devnet, etherFi, alice).send_deposit(eth(10)).send();
        model.deposit(eth(10));
        pool(devnet, etherFi, bob).send_deposit(eth(5)).send();
        model.deposit(eth(5));
        etherFi.rebase(eth(2));
        model.rebase(eth(2));
        return model;
    }

    @Test
    void wrapUnwrapAndRatesAreExact(Devnet devnet, EtherFiDevnet etherFi, @Account(1) Credentials alice,
            @Account(2) Credentials bob) throws Exception {
        EtherFiTestSupport.Pool model = seventeenOverFifteen(devnet, etherFi, alice, bob);
        WeETH w = weETH(devnet, etherFi, alice);
        EETH e = eETH(devnet, etherFi, alice);
        assertEquals("Wrapped eETH", w.call_name().send());
        assertEquals("weETH", w.call_symbol().send());
        assertEquals(etherFi.eETH(), w.call_eETH().send());
        assertEquals(etherFi.liquidityPool(), w.call_liquidityPool().send());
        assertEquals(wei("1133333333333333333"), w.call_getRate().send(), "floor(1e18 * 17 / 15)");
        assertEquals(model.amountForShare(ETH), w.call_getRate().send());
        assertEquals(model.sharesForAmount(eth(3)), w.call_getWeETHByeETH(eth(3)).send());
        assertEquals(model.amountForShare(eth(3)), w.call_getEETHByWeETH(eth(3)).send());

        e.send_approve(etherFi.weETH(), eth(4)).send();
        var wrapped = w.send_wrap(eth(3)).send();
        BigInteger minted = model.sharesForAmount(eth(3));
        assertEquals(wei("2647058823529411764"), minted);
        assertEquals(minted, w.call_balanceOf(alice.getAddress()).send());
        assertEquals(minted, EtherFiTestSupport.transfersFrom(wrapped, etherFi.weETH(), WeETH::getTransferEventFromLog).get(0).value);
        assertEquals(minted, e.call_shares(etherFi.weETH()).send(), "weETH holds exactly the shares it minted");
        assertEquals(ETH, e.call_allowance(alice.getAddress(), etherFi.weETH()).send(), "allowance spent");
        assertEquals(eth(10).subtract(minted), e.call_shares(alice.getAddress()).send());

        // unwrap pays amountForShare(w) eETH, whose transfer moves floor shares: dust stays in weETH
        BigInteger unwrapAmount = wei("1000000000000000001");
        BigInteger eETHOut = model.amountForShare(unwrapAmount);
        BigInteger sharesOut = model.sharesForAmount(eETHOut);
        BigInteger aliceSharesBefore = e.call_shares(alice.getAddress()).send();
        var unwrapped = w.send_unwrap(unwrapAmount).send();
        assertEquals(eETHOut, EtherFiTestSupport.transfersFrom(unwrapped, etherFi.eETH(), EETH::getTransferEventFromLog).get(0).value);
        assertEquals(aliceSharesBefore.add(sharesOut), e.call_shares(alice.getAddress()).send());
        assertEquals(minted.subtract(unwrapAmount), w.call_totalSupply().send());
        BigInteger dust = unwrapAmount.subtract(sharesOut);
        assertEquals(BigInteger.ONE, dust, "one share of dust on this rate");
        assertEquals(minted.subtract(unwrapAmount).add(dust), e.call_shares(etherFi.weETH()).send());

        // rates follow rebases; weETH balances do not
        etherFi.rebase(wei("-700000000000000000"));
        model.rebase(wei("-700000000000000000"));
        assertEquals(model.amountForShare(ETH), w.call_getRate().send());
        assertEquals(minted.subtract(unwrapAmount), w.call_balanceOf(alice.getAddress()).send());

        assertRevertsWith(devnet, alice.getAddress(), etherFi.weETH(), WeETH.getABI_send_wrap(BigInteger.ZERO),
                "ZeroAmount()");
        assertRevertsWith(devnet, alice.getAddress(), etherFi.weETH(), WeETH.getABI_send_unwrap(BigInteger.ZERO),
                "ZeroAmount()");
        assertRevertsWith(devnet, alice.getAddress(), etherFi.weETH(), WeETH.getABI_send_wrap(eth(2)),
                "TransferAmountExceedsAllowance()");
        assertRevertsWithReason(devnet, alice.getAddress(), etherFi.weETH(), WeETH.getABI_send_unwrap(eth(3)),
                "ERC20: burn amount exceeds balance");
    }

    @Test
    void eETHPermitUsesTheEETHDomain(Devnet devnet, EtherFiDevnet etherFi, @Account(1) Credentials alice,
            @Account(2) Credentials bob) throws Exception {
        seventeenOverFifteen(devnet, etherFi, alice, bob);
        EETH asBob = eETH(devnet, etherFi, bob);
        byte[] domain = domainSeparator("EETH", "1", devnet.chainId(), etherFi.eETH());
        assertArrayEquals(domain, asBob.call_DOMAIN_SEPARATOR().send());

        Sign.SignatureData sig = signPermit(domain, alice, bob.getAddress(), eth(2), BigInteger.ZERO, FAR_DEADLINE);
        asBob.send_permit(alice.getAddress(), bob.getAddress(), eth(2), FAR_DEADLINE, BigInteger.valueOf(sig.getV()[0] & 0xff),
                sig.getR(), sig.getS()).send();
        assertEquals(eth(2), asBob.call_allowance(alice.getAddress(), bob.getAddress()).send());
        assertEquals(BigInteger.ONE, asBob.call_nonces(alice.getAddress()).send());

        // replay (nonce used), wrong signer, expired deadline
        assertRevertsWith(devnet, bob.getAddress(), etherFi.eETH(), EETH.getABI_send_permit(alice.getAddress(),
                bob.getAddress(), eth(2), FAR_DEADLINE, BigInteger.valueOf(sig.getV()[0] & 0xff), sig.getR(), sig.getS()),
                "InvalidSignature()");
        Sign.SignatureData byBob = signPermit(domain, bob, bob.getAddress(), eth(2), BigInteger.ONE, FAR_DEADLINE);
        assertRevertsWith(devnet, bob.getAddress(), etherFi.eETH(), EETH.getABI_send_permit(alice.getAddress(),
                bob.getAddress(), eth(2), FAR_DEADLINE, BigInteger.valueOf(byBob.getV()[0] & 0xff), byBob.getR(),
                byBob.getS()), "InvalidSignature()");
        assertRevertsWith(devnet, bob.getAddress(), etherFi.eETH(), EETH.getABI_send_permit(alice.getAddress(),
                bob.getAddress(), eth(2), BigInteger.ONE, BigInteger.valueOf(27), new byte[32], new byte[32]),
                "ExpiredDeadline()");
    }

    @Test
    void weETHPermitAndPermitWrappers(Devnet devnet, EtherFiDevnet etherFi, @Account(1) Credentials alice,
            @Account(2) Credentials bob) throws Exception {
        EtherFiTestSupport.Pool model = seventeenOverFifteen(devnet, etherFi, alice, bob);
        WeETH w = weETH(devnet, etherFi, alice);
        byte[] weDomain = domainSeparator("Wrapped eETH", "1", devnet.chainId(), etherFi.weETH());
        assertArrayEquals(weDomain, w.call_DOMAIN_SEPARATOR().send());
        byte[] eDomain = domainSeparator("EETH", "1", devnet.chainId(), etherFi.eETH());

        // wrapWithPermit: an eETH permit for weETH, then wrap
        Sign.SignatureData toWrap = signPermit(eDomain, alice, etherFi.weETH(), eth(2), BigInteger.ZERO, FAR_DEADLINE);
        w.send_wrapWithPermit(eth(2), new WeETH.PermitInput(eth(2), FAR_DEADLINE,
                BigInteger.valueOf(toWrap.getV()[0] & 0xff), toWrap.getR(), toWrap.getS())).send();
        BigInteger minted = model.sharesForAmount(eth(2));
        assertEquals(minted, w.call_balanceOf(alice.getAddress()).send());

        // weETH's own permit (OpenZeppelin semantics)
        Sign.SignatureData sig = signPermit(weDomain, alice, bob.getAddress(), ETH, BigInteger.ZERO, FAR_DEADLINE);
        WeETH asBob = weETH(devnet, etherFi, bob);
        asBob.send_permit(alice.getAddress(), bob.getAddress(), ETH, FAR_DEADLINE, BigInteger.valueOf(sig.getV()[0] & 0xff),
                sig.getR(), sig.getS()).send();
        asBob.send_transferFrom(alice.getAddress(), bob.getAddress(), ETH).send();
        assertEquals(ETH, asBob.call_balanceOf(bob.getAddress()).send());
        assertEquals(BigInteger.ZERO, asBob.call_allowance(alice.getAddress(), bob.getAddress()).send());
        assertRevertsWithReason(devnet, bob.getAddress(), etherFi.weETH(), WeETH.getABI_send_permit(alice.getAddress(),
                bob.getAddress(), ETH, FAR_DEADLINE, BigInteger.valueOf(sig.getV()[0] & 0xff), sig.getR(), sig.getS()),
                "ERC20Permit: invalid signature");

        // requestWithdrawWithPermit: an eETH permit for the pool; the NFT goes to _owner (bob)
        Sign.SignatureData toPool = signPermit(eDomain, alice, etherFi.liquidityPool(), ETH, BigInteger.ONE, FAR_DEADLINE);
        LiquidityPool.PermitInput permit = new LiquidityPool.PermitInput(ETH, FAR_DEADLINE,
                BigInteger.valueOf(toPool.getV()[0] & 0xff), toPool.getR(), toPool.getS());
        // a front-runner uses the permit first: the request still goes through on the allowance it set
        eETH(devnet, etherFi, bob).send_permit(alice.getAddress(), etherFi.liquidityPool(), ETH, FAR_DEADLINE,
                permit.v, permit.r, permit.s).send();
        var requested = pool(devnet, etherFi, alice).send_requestWithdrawWithPermit(bob.getAddress(), ETH, permit).send();
        var created = io.restake4j.devnet.fixtures.etherfi.WithdrawRequestNFT.getWithdrawRequestCreatedEvents(requested).get(0);
        assertEquals(bob.getAddress(), created.owner);
        assertEquals(ETH, created.amountOfEEth);
        assertEquals(model.sharesForAmount(ETH), created.shareOfEEth);
        assertEquals(bob.getAddress(), EtherFiTestSupport.nft(devnet, etherFi, bob).call_ownerOf(created.requestId).send());
    }
}
