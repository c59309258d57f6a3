package io.restake4j.devnet.lido;

import static io.restake4j.devnet.testing.FixtureAsserts.assertRevertsWith;
import static io.restake4j.devnet.testing.FixtureAsserts.eth;
import static io.restake4j.devnet.testing.FixtureAsserts.gasCost;
import static io.restake4j.devnet.lido.LidoTestSupport.queue;
import static io.restake4j.devnet.lido.LidoTestSupport.stETH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.restake4j.devnet.testing.FixtureAsserts;
import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.LidoDevnet;
import io.restake4j.devnet.fixtures.lido.Lido;
import io.restake4j.devnet.fixtures.lido.WithdrawalQueueERC721;
import io.restake4j.devnet.fixtures.lido.WithdrawalQueueERC721.WithdrawalRequestStatus;

/** The WithdrawalQueueERC721 fixture: request limits, batch requests, finalization, hints and claims. */
@DevnetTest
class LidoWithdrawalQueueIT {

    private static final String NO_REFERRAL = "0x0000000000000000000000000000000000000000";
    private static final List<BigInteger> ONE_2_3 = List.of(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3));

    @Test
    void requestLimitsUseTheRealErrors(Devnet devnet, LidoDevnet lido, @Account(1) Credentials alice) throws Exception {
        WithdrawalQueueERC721 q = queue(devnet, lido, alice);
        assertEquals(LidoDevnet.MIN_STETH_WITHDRAWAL_AMOUNT, q.call_MIN_STETH_WITHDRAWAL_AMOUNT().send());
        assertEquals(LidoDevnet.MAX_STETH_WITHDRAWAL_AMOUNT, q.call_MAX_STETH_WITHDRAWAL_AMOUNT().send());
        Lido a = stETH(devnet, lido, alice);
        a.send_submit(NO_REFERRAL, eth(1100)).send();
        a.send_approve(lido.withdrawalQueue(), eth(1100)).send();
        BigInteger tooLarge = eth(1000).add(BigInteger.ONE);
        assertRevertsWith(devnet, alice.getAddress(), lido.withdrawalQueue(),
                WithdrawalQueueERC721.getABI_send_requestWithdrawals(List.of(BigInteger.valueOf(99)), alice.getAddress()),
                "RequestAmountTooSmall(uint256)", new Uint256(99));
        assertRevertsWith(devnet, alice.getAddress(), lido.withdrawalQueue(),
                WithdrawalQueueERC721.getABI_send_requestWithdrawals(List.of(BigInteger.valueOf(100), tooLarge),
                        alice.getAddress()),
                "RequestAmountTooLarge(uint256)", new Uint256(tooLarge));
        // the limits themselves are allowed
        q.send_requestWithdrawals(List.of(BigInteger.valueOf(100), eth(1000)), alice.getAddress()).send();
        assertEquals(BigInteger.TWO, q.call_getLastRequestId().send());
    }

    @Test
    void threeRequestsFinalizedAndClaimedTogether(Devnet devnet, LidoDevnet lido, @Account(1) Credentials alice,
            @Account(2) Credentials bob) throws Exception {
        Lido a = stETH(devnet, lido, alice);
        a.send_submit(NO_REFERRAL, eth(3000)).send();
        a.send_approve(lido.withdrawalQueue(), eth(2500)).send();
        WithdrawalQueueERC721 q = queue(devnet, lido, alice);

        TransactionReceipt requested =
                q.send_requestWithdrawals(List.of(eth(1000), eth(1000), eth(500)), alice.getAddress()).send();
        List<WithdrawalQueueERC721.WithdrawalRequestedEventResponse> events =
                WithdrawalQueueERC721.getWithdrawalRequestedEvents(requested);
        assertEquals(3, events.size(), "one transaction, three requests");
        for (int i = 0; i < 3; i++) {
            assertEquals(BigInteger.valueOf(i + 1), events.get(i).requestId);
            assertEquals(alice.getAddress(), events.get(i).owner);
        }
        assertEquals(eth(500), events.get(2).amountOfStETH);
        assertEquals(eth(500), events.get(2).amountOfShares, "1:1 before any rebase");
        // (the wrapper's getTransferEvents would also try to decode stETH's ERC-20 Transfer logs: same topic0)
        assertEquals(3, requested.getLogs().stream()
                .filter(l -> l.getAddress().equalsIgnoreCase(lido.withdrawalQueue())
                        && l.getTopics().get(0).equals(org.web3j.abi.EventEncoder.encode(WithdrawalQueueERC721.TRANSFER_EVENT)))
                .count(),
                "three NFTs minted");
        assertEquals(BigInteger.valueOf(3), q.call_balanceOf(alice.getAddress()).send());
        assertEquals(eth(2500), q.call_unfinalizedStETH().send());
        assertEquals(eth(500), a.call_balanceOf(alice.getAddress()).send());

        // not finalized: no hints, nothing claimable, claims fail
        assertEquals(BigInteger.ZERO, q.call_getLastCheckpointIndex().send());
        assertEquals(List.of(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO),
                q.call_findCheckpointHints(ONE_2_3, BigInteger.ONE, BigInteger.ZERO).send());
        assertRevertsWith(devnet, alice.getAddress(), lido.withdrawalQueue(),
                WithdrawalQueueERC721.getABI_send_claimWithdrawal(BigInteger.ONE),
                "RequestNotFoundOrNotFinalized(uint256)", new Uint256(1));

        lido.report(eth(30)); // rewards while queued are not paid to the requests
        lido.finalizeAll();
        assertEquals(BigInteger.valueOf(3), q.call_getLastFinalizedRequestId().send());
        assertEquals(BigInteger.ONE, q.call_getLastCheckpointIndex().send());
        assertEquals(eth(2500), q.call_getLockedEtherAmount().send());
        List<?> hints = q.call_findCheckpointHints(ONE_2_3, BigInteger.ONE, BigInteger.ONE).send();
        assertEquals(List.of(BigInteger.ONE, BigInteger.ONE, BigInteger.ONE), hints);
        @SuppressWarnings("unchecked")
        List<BigInteger> hintList = (List<BigInteger>) hints;
        assertEquals(List.of(eth(1000), eth(1000), eth(500)), q.call_getClaimableEther(ONE_2_3, hintList).send());
        // 3031 ETH over 3001e18 shares (0xdead's 1 included) and the fee shares; the requests take their
        // 2500 ETH and 2500e18 shares
        BigInteger sharesLeft = eth(501).add(LidoTestSupport.feeShares(eth(30), eth(3001), eth(3031)));
        assertEquals(sharesLeft, a.call_getTotalShares().send());
        assertEquals(eth(531), a.call_getTotalPooledEther().send(), "the requests' ether left the pool, rewards stayed");
        assertEquals(FixtureAsserts.mulDiv(eth(500), eth(531), sharesLeft), a.call_balanceOf(alice.getAddress()).send());
        assertEquals(new BigInteger("526813675475793086772"), a.call_balanceOf(alice.getAddress()).send());

        // only the owner claims, only with a valid hint
        assertRevertsWith(devnet, bob.getAddress(), lido.withdrawalQueue(),
                WithdrawalQueueERC721.getABI_send_claimWithdrawals(ONE_2_3, hintList),
                "NotOwner(address,address)", new Address(bob.getAddress()), new Address(alice.getAddress()));
        assertRevertsWith(devnet, alice.getAddress(), lido.withdrawalQueue(),
                WithdrawalQueueERC721.getABI_send_claimWithdrawals(ONE_2_3,
                        List.of(BigInteger.ONE, BigInteger.ZERO, BigInteger.ONE)),
                "InvalidHint(uint256)", new Uint256(0));

        BigInteger before = FixtureAsserts.balance(devnet, alice.getAddress());
        TransactionReceipt claimed = q.send_claimWithdrawals(ONE_2_3, hintList).send();
        BigInteger after = FixtureAsserts.balance(devnet, alice.getAddress());
        assertEquals(eth(2500), after.subtract(before).add(gasCost(claimed)));
        assertEquals(3, WithdrawalQueueERC721.getWithdrawalClaimedEvents(claimed).size());
        assertEquals(BigInteger.ZERO, q.call_balanceOf(alice.getAddress()).send(), "NFTs burnt");
        assertEquals(BigInteger.ZERO, q.call_getLockedEtherAmount().send());
        @SuppressWarnings("unchecked")
        List<WithdrawalRequestStatus> statuses = (List<WithdrawalRequestStatus>) q.call_getWithdrawalStatus(ONE_2_3).send();
        for (WithdrawalRequestStatus s : statuses) {
            assertTrue(s.isFinalized);
            assertTrue(s.isClaimed);
            assertEquals(alice.getAddress(), s.owner);
        }
        assertRevertsWith(devnet, alice.getAddress(), lido.withdrawalQueue(),
                WithdrawalQueueERC721.getABI_send_claimWithdrawal(BigInteger.ONE),
                "RequestAlreadyClaimed(uint256)", new Uint256(1));
    }

    @Test
    void lossesAfterTheRequestAreShared(Devnet devnet, LidoDevnet lido, @Account(1) Credentials alice,
            @Account(2) Credentials bob) throws Exception {
        Lido a = stETH(devnet, lido, alice);
        a.send_submit(NO_REFERRAL, eth(2999)).send(); // with 0xdead's 1 ETH: 3000 ETH over 3000e18 shares
        a.send_approve(lido.withdrawalQueue(), eth(1000)).send();
        WithdrawalQueueERC721 q = queue(devnet, lido, alice);
        q.send_requestWithdrawals(List.of(eth(1000)), bob.getAddress()).send();
        assertEquals(List.of(BigInteger.ONE), q.call_getWithdrawalRequests(bob.getAddress()).send());

        lido.report(eth(-300)); // rate 0.9
        lido.finalize(BigInteger.ONE);
        List<BigInteger> one = List.of(BigInteger.ONE);
        assertEquals(List.of(eth(900)), q.call_getClaimableEther(one, one).send());
        WithdrawalQueueERC721 asBob = queue(devnet, lido, bob);
        BigInteger before = FixtureAsserts.balance(devnet, bob.getAddress());
        TransactionReceipt claimed = asBob.send_claimWithdrawal(BigInteger.ONE).send(); // hint found on-chain
        assertEquals(eth(900), FixtureAsserts.balance(devnet, bob.getAddress()).subtract(before).add(gasCost(claimed)));
        assertFalse(q.call_getWithdrawalRequests(bob.getAddress()).send().contains(BigInteger.ONE));
    }

    @Test
    void theNftOwnerClaimsAfterATransfer(Devnet devnet, LidoDevnet lido, @Account(1) Credentials alice,
            @Account(2) Credentials bob, @Account(3) Credentials carol) throws Exception {
        Lido a = stETH(devnet, lido, alice);
        a.send_submit(NO_REFERRAL, eth(10)).send();
        a.send_approve(lido.withdrawalQueue(), eth(2)).send();
        WithdrawalQueueERC721 q = queue(devnet, lido, alice);
        q.send_requestWithdrawals(List.of(eth(1), eth(1)), NO_REFERRAL).send(); // owner 0x0 = the caller
        assertEquals(alice.getAddress(), q.call_ownerOf(BigInteger.ONE).send());
        assertRevertsWith(devnet, bob.getAddress(), lido.withdrawalQueue(),
                WithdrawalQueueERC721.getABI_send_transferFrom(alice.getAddress(), bob.getAddress(), BigInteger.ONE),
                "NotOwnerOrApproved(address)", new Address(bob.getAddress()));
        q.send_approve(carol.getAddress(), BigInteger.ONE).send();
        queue(devnet, lido, carol).send_transferFrom(alice.getAddress(), bob.getAddress(), BigInteger.ONE).send();
        assertEquals(bob.getAddress(), q.call_ownerOf(BigInteger.ONE).send());
        assertEquals(List.of(BigInteger.TWO), q.call_getWithdrawalRequests(alice.getAddress()).send(),
                "swap-and-pop: the remaining id moved to the front");

        lido.finalize(BigInteger.ONE);
        List<BigInteger> one = List.of(BigInteger.ONE);
        assertRevertsWith(devnet, alice.getAddress(), lido.withdrawalQueue(),
                WithdrawalQueueERC721.getABI_send_claimWithdrawals(one, one),
                "NotOwner(address,address)", new Address(alice.getAddress()), new Address(bob.getAddress()));
        assertRevertsWith(devnet, bob.getAddress(), lido.withdrawalQueue(),
                WithdrawalQueueERC721.getABI_send_claimWithdrawalsTo(one, one, NO_REFERRAL), "ZeroRecipient()");
        assertRevertsWith(devnet, alice.getAddress(), lido.withdrawalQueue(),
                WithdrawalQueueERC721.getABI_send_claimWithdrawal(BigInteger.TWO),
                "RequestNotFoundOrNotFinalized(uint256)", new Uint256(2));
        BigInteger carolBefore = FixtureAsserts.balance(devnet, carol.getAddress());
        queue(devnet, lido, bob).send_claimWithdrawalsTo(one, one, carol.getAddress()).send();
        assertEquals(eth(1), FixtureAsserts.balance(devnet, carol.getAddress()).subtract(carolBefore));
    }
}
