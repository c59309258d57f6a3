package io.restake4j.devnet.lido;

import static io.restake4j.devnet.testing.FixtureAsserts.eth;
import static io.restake4j.devnet.testing.FixtureAsserts.assertRevertsWithReason;
import static io.restake4j.devnet.testing.FixtureAsserts.domainSeparator;
import static io.restake4j.devnet.testing.FixtureAsserts.signPermit;
import static io.restake4j.devnet.lido.LidoTestSupport.queue;
import static io.restake4j.devnet.lido.LidoTestSupport.stETH;
import static io.restake4j.devnet.lido.LidoTestSupport.wstETH;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;

import io.restake4j.devnet.testing.FixtureAsserts;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Sign;
import org.web3j.tuples.generated.Tuple4;

import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.LidoDevnet;
import io.restake4j.devnet.fixtures.lido.Lido;
import io.restake4j.devnet.fixtures.lido.WithdrawalQueueERC721;
import io.restake4j.devnet.fixtures.lido.WithdrawalQueueERC721.PermitInput;
import io.restake4j.devnet.fixtures.lido.WithdrawalQueueERC721.WithdrawalRequestStatus;
import io.restake4j.devnet.fixtures.lido.WstETH;

/** EIP-2612 permits of stETH (domain version "2") and wstETH (version "1"), and the queue's permit requests. */
@DevnetTest
class LidoPermitIT {

    private static final String NO_REFERRAL = "0x0000000000000000000000000000000000000000";
    private static final BigInteger FAR_DEADLINE = BigInteger.TWO.pow(64);

    @Test
    void stETHPermitUsesLidoDomain(Devnet devnet, LidoDevnet lido, @Account(1) Credentials alice,
            @Account(2) Credentials bob) throws Exception {
        Lido st = stETH(devnet, lido, bob);
        byte[] domain = domainSeparator("Liquid staked Ether 2.0", "2", devnet.chainId(), lido.stETH());
        assertArrayEquals(domain, st.call_DOMAIN_SEPARATOR().send());
        Tuple4<String, String, BigInteger, String> eip712 = st.call_eip712Domain().send();
        assertEquals("Liquid staked Ether 2.0", eip712.component1());
        assertEquals("2", eip712.component2());
        assertEquals(BigInteger.valueOf(devnet.chainId()), eip712.component3());
        assertEquals(lido.stETH(), eip712.component4());

        Sign.SignatureData sig = signPermit(domain, alice, bob.getAddress(), eth(3), BigInteger.ZERO, FAR_DEADLINE);
        st.send_permit(alice.getAddress(), bob.getAddress(), eth(3), FAR_DEADLINE,
                BigInteger.valueOf(sig.getV()[0] & 0xff), sig.getR(), sig.getS()).send();
        assertEquals(eth(3), st.call_allowance(alice.getAddress(), bob.getAddress()).send());
        assertEquals(BigInteger.ONE, st.call_nonces(alice.getAddress()).send());
        // replaying the same signature fails: the nonce moved on
        assertRevertsWithReason(devnet, bob.getAddress(), lido.stETH(),
                Lido.getABI_send_permit(alice.getAddress(), bob.getAddress(), eth(3), FAR_DEADLINE,
                        BigInteger.valueOf(sig.getV()[0] & 0xff), sig.getR(), sig.getS()),
                "INVALID_SIGNATURE");
        assertRevertsWithReason(devnet, bob.getAddress(), lido.stETH(),
                Lido.getABI_send_permit(alice.getAddress(), bob.getAddress(), eth(3), BigInteger.ONE,
                        BigInteger.valueOf(sig.getV()[0] & 0xff), sig.getR(), sig.getS()),
                "DEADLINE_EXPIRED");
    }

    @Test
    void requestWithPermitAndFromWstETH(Devnet devnet, LidoDevnet lido, @Account(1) Credentials alice) throws Exception {
        Lido st = stETH(devnet, lido, alice);
        st.send_submit(NO_REFERRAL, eth(19)).send(); // with 0xdead's 1 ETH: 20 ETH over 20e18 shares
        WithdrawalQueueERC721 q = queue(devnet, lido, alice);

        byte[] domain = domainSeparator("Liquid staked Ether 2.0", "2", devnet.chainId(), lido.stETH());
        Sign.SignatureData sig = signPermit(domain, alice, lido.withdrawalQueue(), eth(5), BigInteger.ZERO, FAR_DEADLINE);
        q.send_requestWithdrawalsWithPermit(List.of(eth(5)), alice.getAddress(), new PermitInput(eth(5), FAR_DEADLINE,
                BigInteger.valueOf(sig.getV()[0] & 0xff), sig.getR(), sig.getS())).send();

        // wstETH: the limits and the recorded amount are in stETH after unwrapping
        WstETH w = wstETH(devnet, lido, alice);
        assertArrayEquals(domainSeparator("Wrapped liquid staked Ether 2.0", "1", devnet.chainId(), lido.wstETH()),
                w.call_DOMAIN_SEPARATOR().send());
        st.send_approve(lido.wstETH(), eth(10)).send();
        w.send_wrap(eth(10)).send();
        lido.report(eth(3)); // 23 ETH over 20e18 shares and the 10% fee shares: 4e18 wstETH unwraps to 4.54 stETH
        byte[] wDomain = domainSeparator("Wrapped liquid staked Ether 2.0", "1", devnet.chainId(), lido.wstETH());
        Sign.SignatureData wsig = signPermit(wDomain, alice, lido.withdrawalQueue(), eth(4), BigInteger.ZERO, FAR_DEADLINE);
        q.send_requestWithdrawalsWstETHWithPermit(List.of(eth(4)), alice.getAddress(), new PermitInput(eth(4),
                FAR_DEADLINE, BigInteger.valueOf(wsig.getV()[0] & 0xff), wsig.getR(), wsig.getS())).send();

        @SuppressWarnings("unchecked")
        List<WithdrawalRequestStatus> statuses = (List<WithdrawalRequestStatus>) q
                .call_getWithdrawalStatus(List.of(BigInteger.ONE, BigInteger.TWO)).send();
        assertEquals(eth(5), statuses.get(0).amountOfStETH);
        assertEquals(eth(5), statuses.get(0).amountOfShares);
        BigInteger totalShares = eth(20).add(LidoTestSupport.feeShares(eth(3), eth(20), eth(23)));
        assertEquals(FixtureAsserts.mulDiv(eth(4), eth(23), totalShares), statuses.get(1).amountOfStETH);
        assertEquals(new BigInteger("4540000000000000000"), statuses.get(1).amountOfStETH);
        // the queue records the shares of the unwrapped stETH, floor(4.54e18 * shares / 23e18): 1 below the 4e18 wrapped
        assertEquals(FixtureAsserts.mulDiv(statuses.get(1).amountOfStETH, totalShares, eth(23)), statuses.get(1).amountOfShares);
        assertEquals(new BigInteger("3999999999999999999"), statuses.get(1).amountOfShares);
        assertEquals(BigInteger.ZERO, w.call_balanceOf(lido.withdrawalQueue()).send(), "the queue unwrapped");
    }
}
