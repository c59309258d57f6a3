package io.restake4j.devnet.etherfi;

import static io.restake4j.devnet.etherfi.EtherFiTestSupport.ETH;
import static io.restake4j.devnet.etherfi.EtherFiTestSupport.GWEI;
import static io.restake4j.devnet.testing.FixtureAsserts.assertRevertsWith;
import static io.restake4j.devnet.testing.FixtureAsserts.assertRevertsWithReason;
import static io.restake4j.devnet.testing.FixtureAsserts.balance;
import static io.restake4j.devnet.etherfi.EtherFiTestSupport.claimable;
import static io.restake4j.devnet.etherfi.EtherFiTestSupport.eETH;
import static io.restake4j.devnet.testing.FixtureAsserts.eth;
import static io.restake4j.devnet.testing.FixtureAsserts.gasCost;
import static io.restake4j.devnet.testing.FixtureAsserts.mulDivUp;
import static io.restake4j.devnet.etherfi.EtherFiTestSupport.nft;
import static io.restake4j.devnet.etherfi.EtherFiTestSupport.pool;
import static io.restake4j.devnet.etherfi.EtherFiTestSupport.wei;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.EtherFiDevnet;
import io.restake4j.devnet.EtherFiDevnet.Bucket;
import io.restake4j.devnet.fixtures.etherfi.EETH;
import io.restake4j.devnet.fixtures.etherfi.EtherFiAdmin;
import io.restake4j.devnet.fixtures.etherfi.LiquidityPool;
import io.restake4j.devnet.fixtures.etherfi.WithdrawRequestNFT;

/** Withdrawal requests: bounds, NFTs, finalization at a frozen rate, permissionless claims. */
@DevnetTest
class EtherFiWithdrawalsIT {

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
    void requestsAreBoundedAndRevertByName(Devnet devnet, EtherFiDevnet etherFi, @Account(1) Credentials alice,
            @Account(2) Credentials bob) throws Exception {
        seventeenOverFifteen(devnet, etherFi, alice, bob);
        String lp = etherFi.liquidityPool();
        String a = alice.getAddress();
        eETH(devnet, etherFi, alice).send_approve(lp, eth(2000)).send();
        BigInteger min = EtherFiDevnet.MIN_WITHDRAW_AMOUNT;
        BigInteger max = EtherFiDevnet.MAX_WITHDRAW_AMOUNT;
        for (BigInteger bad : List.of(BigInteger.ZERO, BigInteger.ONE, min.subtract(BigInteger.ONE),
                max.add(BigInteger.ONE))) {
            assertRevertsWith(devnet, a, lp, LiquidityPool.getABI_send_requestWithdraw(a, bad), "InvalidWithdrawalAmount()");
        }
        // at the bounds the request goes through (1000 ETH is more than alice has: eETH refuses it)
        assertRevertsWith(devnet, a, lp, LiquidityPool.getABI_send_requestWithdraw(a, max),
                "TransferAmountExceedsBalance()");
        TransactionReceipt smallest = pool(devnet, etherFi, alice).send_requestWithdraw(a, min).send();
        assertEquals(min, WithdrawRequestNFT.getWithdrawRequestCreatedEvents(smallest).get(0).amountOfEEth);
        // without allowance
        assertRevertsWith(devnet, bob.getAddress(), lp, LiquidityPool.getABI_send_requestWithdraw(bob.getAddress(), ETH),
                "TransferAmountExceedsAllowance()");
        // the bounds are admin settings
        etherFi.setWithdrawAmountBounds(eth(1), eth(2));
        assertRevertsWith(devnet, a, lp, LiquidityPool.getABI_send_requestWithdraw(a, wei("999999999999999999")),
                "InvalidWithdrawalAmount()");
        assertRevertsWith(devnet, a, lp, LiquidityPool.getABI_send_requestWithdraw(a, wei("2000000000000000001")),
                "InvalidWithdrawalAmount()");
    }

    @Test
    void requestWorthNoShareRevertsInvalidShareAmount(Devnet devnet, EtherFiDevnet etherFi, @Account(1) Credentials alice)
            throws Exception {
        // 10 ETH over 10e18 shares, +1 ETH of rewards (capped reports): a share is worth 1.1 wei
        pool(devnet, etherFi, alice).send_deposit(eth(10)).send();
        etherFi.rebase(ETH);
        etherFi.setWithdrawAmountBounds(BigInteger.ONE, EtherFiDevnet.MAX_WITHDRAW_AMOUNT);
        String lp = etherFi.liquidityPool();
        String a = alice.getAddress();
        eETH(devnet, etherFi, alice).send_approve(lp, eth(11)).send();
        // within the bounds, but floor(1 * 10e18 / 11e18) == 0: upstream's share check, by name
        assertEquals(BigInteger.ZERO, pool(devnet, etherFi, alice).call_sharesForAmount(BigInteger.ONE).send());
        assertRevertsWith(devnet, a, lp, LiquidityPool.getABI_send_requestWithdraw(a, BigInteger.ONE), "InvalidShareAmount()");
        // zero stays InvalidWithdrawalAmount (checked first upstream)
        assertRevertsWith(devnet, a, lp, LiquidityPool.getABI_send_requestWithdraw(a, BigInteger.ZERO),
                "InvalidWithdrawalAmount()");
        // 2 wei are worth a share and go through
        TransactionReceipt two = pool(devnet, etherFi, alice).send_requestWithdraw(a, BigInteger.TWO).send();
        assertEquals(BigInteger.ONE, WithdrawRequestNFT.getWithdrawRequestCreatedEvents(two).get(0).shareOfEEth);
    }

    @Test
    void requestMovesEEthAndMintsTheNft(Devnet devnet, EtherFiDevnet etherFi, @Account(1) Credentials alice,
            @Account(2) Credentials bob, @Account(3) Credentials carol) throws Exception {
        EtherFiTestSupport.Pool model = seventeenOverFifteen(devnet, etherFi, alice, bob);
        EETH e = eETH(devnet, etherFi, alice);
        e.send_approve(etherFi.liquidityPool(), eth(3)).send();
        WithdrawRequestNFT n = nft(devnet, etherFi, alice);
        assertEquals(BigInteger.ONE, n.call_nextRequestId().send(), "ids start at 1");
        assertEquals("Withdraw Request NFT", n.call_name().send());
        assertEquals("WithdrawRequestNFT", n.call_symbol().send());

        TransactionReceipt receipt = pool(devnet, etherFi, alice).send_requestWithdraw(carol.getAddress(), eth(3)).send();
        BigInteger share = model.sharesForAmount(eth(3));
        assertEquals(wei("2647058823529411764"), share);
        WithdrawRequestNFT.WithdrawRequestCreatedEventResponse created =
                WithdrawRequestNFT.getWithdrawRequestCreatedEvents(receipt).get(0);
        assertEquals(BigInteger.ONE, created.requestId);
        assertEquals(eth(3), created.amountOfEEth);
        assertEquals(share, created.shareOfEEth);
        assertEquals(carol.getAddress(), created.owner);
        LiquidityPool.WithdrawEventResponse withdraw = LiquidityPool.getWithdrawEvents(receipt).get(0);
        assertEquals(alice.getAddress(), withdraw.sender);
        assertEquals(carol.getAddress(), withdraw.recipient);
        assertEquals(eth(3), withdraw.amount);
        assertEquals(BigInteger.ONE, withdraw.source);
        WithdrawRequestNFT.TransferEventResponse minted = EtherFiTestSupport.transfersFrom(receipt,
                etherFi.withdrawRequestNFT(), WithdrawRequestNFT::getTransferEventFromLog).get(0);
        assertEquals(EtherFiTestSupport.NO_REFERRAL, minted.from);
        assertEquals(carol.getAddress(), minted.to);
        assertEquals(BigInteger.ONE, minted.tokenId);

        WithdrawRequestNFT.WithdrawRequest stored = n.call_getRequest(BigInteger.ONE).send();
        assertEquals(eth(3), stored.amountOfEEth);
        assertEquals(share, stored.shareOfEEth);
        assertTrue(stored.isValid);
        assertEquals(BigInteger.ZERO, stored.feeGwei);
        assertEquals(carol.getAddress(), n.call_ownerOf(BigInteger.ONE).send());
        assertEquals(BigInteger.ONE, n.call_balanceOf(carol.getAddress()).send());
        assertEquals(share, e.call_shares(etherFi.withdrawRequestNFT()).send(), "the NFT contract holds the shares");
        assertEquals(eth(10).subtract(share), e.call_shares(alice.getAddress()).send());
        assertEquals(BigInteger.ZERO, e.call_allowance(alice.getAddress(), etherFi.liquidityPool()).send());
        assertTrue(n.call_isValid(BigInteger.ONE).send());
        assertFalse(n.call_isFinalized(BigInteger.ONE).send());
        assertEquals(model.tvl, pool(devnet, etherFi, alice).call_getTotalPooledEther().send(), "a request moves no value");

        // not finalized yet: views and claims say so by name
        assertRevertsWith(devnet, carol.getAddress(), etherFi.withdrawRequestNFT(),
                WithdrawRequestNFT.getABI_call_getClaimableAmount(BigInteger.ONE), "RequestNotFinalized()");
        assertRevertsWith(devnet, carol.getAddress(), etherFi.withdrawRequestNFT(),
                WithdrawRequestNFT.getABI_send_claimWithdraw(BigInteger.ONE), "RequestNotFinalized()");
        assertRevertsWithReason(devnet, carol.getAddress(), etherFi.withdrawRequestNFT(),
                WithdrawRequestNFT.getABI_send_claimWithdraw(BigInteger.TWO), "ERC721: invalid token ID");
        assertRevertsWith(devnet, carol.getAddress(), etherFi.withdrawRequestNFT(),
                WithdrawRequestNFT.getABI_call_isValid(BigInteger.TWO), "RequestNotFound()");

        // ERC-721 transfers: owner or approved only
        WithdrawRequestNFT asCarol = nft(devnet, etherFi, carol);
        assertRevertsWithReason(devnet, alice.getAddress(), etherFi.withdrawRequestNFT(),
                WithdrawRequestNFT.getABI_send_transferFrom(carol.getAddress(), alice.getAddress(), BigInteger.ONE),
                "ERC721: caller is not token owner or approved");
        asCarol.send_approve(bob.getAddress(), BigInteger.ONE).send();
        assertEquals(bob.getAddress(), asCarol.call_getApproved(BigInteger.ONE).send());
        nft(devnet, etherFi, bob).send_transferFrom(carol.getAddress(), bob.getAddress(), BigInteger.ONE).send();
        assertEquals(bob.getAddress(), asCarol.call_ownerOf(BigInteger.ONE).send());
        assertEquals(BigInteger.ZERO, asCarol.call_balanceOf(carol.getAddress()).send());
        assertEquals(EtherFiTestSupport.NO_REFERRAL, asCarol.call_getApproved(BigInteger.ONE).send(), "approval cleared");
        assertTrue(asCarol.call_supportsInterface(org.web3j.utils.Numeric.hexStringToByteArray("0x80ac58cd")).send());
    }

    @Test
    void finalizationFreezesTheRateAndClaimsPayTheOwner(Devnet devnet, EtherFiDevnet etherFi,
            @Account(1) Credentials alice, @Account(2) Credentials bob, @Account(3) Credentials keeper) throws Exception {
        EtherFiTestSupport.Pool model = seventeenOverFifteen(devnet, etherFi, alice, bob);
        eETH(devnet, etherFi, alice).send_approve(etherFi.liquidityPool(), eth(3)).send();
        pool(devnet, etherFi, alice).send_requestWithdraw(alice.getAddress(), eth(3)).send();
        BigInteger share = model.sharesForAmount(eth(3));

        // the rate drops after the request: the claim is worth less than requested
        etherFi.rebase(eth(-1)); // 16 ETH over 15e18 shares
        model.rebase(eth(-1));
        etherFi.finalize(BigInteger.ONE);
        BigInteger frozen = model.amountPerShareCeil();
        assertEquals(wei("1066666666666666667"), frozen);
        WithdrawRequestNFT n = nft(devnet, etherFi, keeper);
        assertEquals(frozen, n.call_frozenRateFor(BigInteger.ONE).send());
        assertEquals(BigInteger.ONE, n.call_lastFinalizedRequestId().send());
        assertEquals(BigInteger.TWO, n.call_finalizationRatesLength().send(), "the upgrade's sentinel and this one");
        assertEquals(BigInteger.ZERO, n.call_frozenRateFor(BigInteger.ZERO).send(), "the sentinel");
        assertEquals(BigInteger.ZERO, n.call_frozenRateFor(BigInteger.TWO).send(), "not finalized");
        assertTrue(n.call_isFinalized(BigInteger.ONE).send());
        BigInteger owed = claimable(eth(3), share, frozen);
        assertEquals(wei("2823529411764705882"), owed, "floor(share * rate / 1e18) < 3 ETH");
        assertEquals(owed, n.call_getClaimableAmount(BigInteger.ONE).send());
        // the escrow is the full amount requested, as upstream; the claim sweeps the rest back
        assertEquals(eth(3), n.call_ethAmountLockedForWithdrawal().send());
        assertEquals(eth(3), balance(devnet, etherFi.withdrawRequestNFT()), "escrowed in the NFT contract");
        LiquidityPool lp = pool(devnet, etherFi, keeper);
        assertEquals(eth(3), lp.call_totalValueOutOfLp().send());
        assertEquals(model.tvl, lp.call_getTotalPooledEther().send(), "finalization moves no value");

        // rewards after finalization do not change the frozen amount
        etherFi.rebase(eth(4)); // 20 ETH over 15e18 shares
        model.rebase(eth(4));
        assertEquals(owed, n.call_getClaimableAmount(BigInteger.ONE).send());

        // anyone may claim; the ether goes to the NFT owner
        BigInteger aliceBefore = balance(devnet, alice.getAddress());
        BigInteger totalSharesBefore = eETH(devnet, etherFi, keeper).call_totalShares().send();
        TransactionReceipt claimed = n.send_claimWithdraw(BigInteger.ONE).send();
        assertEquals(aliceBefore.add(owed), balance(devnet, alice.getAddress()), "alice paid no gas");
        model.claim(share, owed);
        WithdrawRequestNFT.WithdrawRequestClaimedEventResponse event =
                WithdrawRequestNFT.getWithdrawRequestClaimedEvents(claimed).get(0);
        assertEquals(BigInteger.ONE, event.requestId);
        assertEquals(owed, event.amountOfEEth);
        assertEquals(share, event.shareOfEEth, "the request's shares, all burnt");
        assertEquals(alice.getAddress(), event.owner);
        assertEquals(share, EETH.getTransferSharesEvents(claimed).get(0).sharesValue, "the full shareOfEEth burnt");
        assertEquals(EtherFiTestSupport.NO_REFERRAL, EETH.getTransferSharesEvents(claimed).get(0).to);

        EETH e = eETH(devnet, etherFi, keeper);
        assertEquals(totalSharesBefore.subtract(share), e.call_totalShares().send(), "totalShares falls by the request's shares");
        assertEquals(model.shares, e.call_totalShares().send());
        assertEquals(model.tvl, lp.call_getTotalPooledEther().send());
        assertEquals(BigInteger.ZERO, e.call_shares(etherFi.withdrawRequestNFT()).send(), "no remainder");
        assertEquals(BigInteger.ZERO, lp.call_totalValueOutOfLp().send(), "the unpaid escrow went back into the pool");
        assertEquals(BigInteger.ZERO, n.call_ethAmountLockedForWithdrawal().send());
        assertEquals(BigInteger.ZERO, balance(devnet, etherFi.withdrawRequestNFT()));
        assertEquals(model.tvl, lp.call_totalValueInLp().send());
        assertEquals(model.tvl, balance(devnet, etherFi.liquidityPool()));
        assertEquals(model.amountForShare(eth(5)), e.call_balanceOf(bob.getAddress()).send(), "bob's balance after the claim");
        WithdrawRequestNFT.WithdrawRequest gone = n.call_getRequest(BigInteger.ONE).send();
        assertEquals(BigInteger.ZERO, gone.amountOfEEth);
        assertFalse(gone.isValid);
        assertRevertsWithReason(devnet, keeper.getAddress(), etherFi.withdrawRequestNFT(),
                WithdrawRequestNFT.getABI_call_getClaimableAmount(BigInteger.ONE), "ERC721: invalid token ID");
        assertRevertsWithReason(devnet, keeper.getAddress(), etherFi.withdrawRequestNFT(),
                WithdrawRequestNFT.getABI_call_ownerOf(BigInteger.ONE), "ERC721: invalid token ID");
        assertRevertsWithReason(devnet, keeper.getAddress(), etherFi.withdrawRequestNFT(),
                WithdrawRequestNFT.getABI_send_claimWithdraw(BigInteger.ONE), "ERC721: invalid token ID");
        assertRevertsWithReason(devnet, keeper.getAddress(), etherFi.withdrawRequestNFT(),
                WithdrawRequestNFT.getABI_send_batchClaimWithdraw(List.of(BigInteger.ONE)), "ERC721: invalid token ID");
        assertRevertsWith(devnet, keeper.getAddress(), etherFi.withdrawRequestNFT(),
                WithdrawRequestNFT.getABI_call_isValid(BigInteger.ONE), "RequestNotFound()");
    }

    @Test
    void rewardsWhileQueuedAreNotPaidAndBatchClaims(Devnet devnet, EtherFiDevnet etherFi, @Account(1) Credentials alice,
            @Account(2) Credentials bob) throws Exception {
        EtherFiTestSupport.Pool model = seventeenOverFifteen(devnet, etherFi, alice, bob);
        eETH(devnet, etherFi, alice).send_approve(etherFi.liquidityPool(), eth(5)).send();
        LiquidityPool lp = pool(devnet, etherFi, alice);
        lp.send_requestWithdraw(alice.getAddress(), ETH).send();
        BigInteger share1 = model.sharesForAmount(ETH);
        etherFi.rebase(eth(3)); // 20 ETH over 15e18 shares
        model.rebase(eth(3));
        etherFi.finalize(BigInteger.ONE);
        BigInteger rate1 = model.amountPerShareCeil();
        assertEquals(wei("1333333333333333334"), rate1);
        assertEquals(ETH, claimable(ETH, share1, rate1), "capped at the amount requested");

        lp.send_requestWithdraw(alice.getAddress(), eth(2)).send();
        BigInteger share2 = model.sharesForAmount(eth(2));
        lp.send_requestWithdraw(alice.getAddress(), wei("1500000000000000000")).send();
        BigInteger share3 = model.sharesForAmount(wei("1500000000000000000"));
        etherFi.rebase(wei("-2500000000000000000"));
        model.rebase(wei("-2500000000000000000"));
        etherFi.finalizeAll();
        BigInteger rate2 = model.amountPerShareCeil();
        WithdrawRequestNFT n = nft(devnet, etherFi, alice);
        assertEquals(BigInteger.valueOf(3), n.call_lastFinalizedRequestId().send());
        assertEquals(BigInteger.valueOf(3), n.call_finalizationRatesLength().send(), "the sentinel and two finalizations");
        assertEquals(rate1, n.call_frozenRateFor(BigInteger.ONE).send());
        assertEquals(rate2, n.call_frozenRateFor(BigInteger.TWO).send());
        assertEquals(rate2, n.call_frozenRateFor(BigInteger.valueOf(3)).send());
        BigInteger owed1 = claimable(ETH, share1, rate1);
        BigInteger owed2 = claimable(eth(2), share2, rate2);
        BigInteger owed3 = claimable(wei("1500000000000000000"), share3, rate2);
        assertEquals(owed2, n.call_getClaimableAmount(BigInteger.TWO).send());
        assertEquals(owed3, n.call_getClaimableAmount(BigInteger.valueOf(3)).send());
        BigInteger escrow = eth(1).add(eth(2)).add(wei("1500000000000000000"));
        assertEquals(escrow, n.call_ethAmountLockedForWithdrawal().send(), "the full amounts requested");
        assertEquals(escrow, n.call_totalRequestedWithdrawalAmount(BigInteger.valueOf(3)).send(), "running sum");
        assertEquals(ETH, n.call_totalRequestedWithdrawalAmount(BigInteger.ONE).send());
        assertEquals(BigInteger.ZERO, n.call_getFinalizedWithdrawalAmount(BigInteger.valueOf(3)).send(), "all escrowed");
        assertEquals(null, etherFi.finalizeAll(), "nothing left to finalize");

        // finalizing the last id again is a no-op, as upstream; a lower or a future id is refused by name
        etherFi.finalize(BigInteger.valueOf(3));
        assertEquals(BigInteger.valueOf(3), n.call_finalizationRatesLength().send());
        assertEquals(escrow, n.call_ethAmountLockedForWithdrawal().send());
        String deployer = devnet.deployer().getAddress();
        assertRevertsWith(devnet, deployer, etherFi.etherFiAdmin(),
                EtherFiAdmin.getABI_send_finalize(BigInteger.TWO), "CannotUndoFinalization()");
        assertRevertsWith(devnet, deployer, etherFi.etherFiAdmin(),
                EtherFiAdmin.getABI_send_finalize(BigInteger.valueOf(4)), "CannotFinalizeFutureRequests()");
        // only EtherFiAdmin finalizes (not even the deployer directly)
        for (String caller : List.of(alice.getAddress(), deployer)) {
            assertRevertsWith(devnet, caller, etherFi.withdrawRequestNFT(),
                    WithdrawRequestNFT.getABI_send_finalizeRequests(BigInteger.valueOf(4)), "IncorrectCaller()");
        }

        // the owner claims all three in one transaction
        BigInteger before = balance(devnet, alice.getAddress());
        TransactionReceipt batch = n.send_batchClaimWithdraw(List.of(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3)))
                .send();
        assertEquals(3, WithdrawRequestNFT.getWithdrawRequestClaimedEvents(batch).size());
        assertEquals(before.add(owed1).add(owed2).add(owed3).subtract(gasCost(batch)), balance(devnet, alice.getAddress()));
        model.claim(share1, owed1);
        model.claim(share2, owed2);
        model.claim(share3, owed3);
        EETH e = eETH(devnet, etherFi, alice);
        assertEquals(model.shares, e.call_totalShares().send());
        assertEquals(model.tvl, lp.call_getTotalPooledEther().send());
        assertEquals(model.amountForShare(e.call_shares(alice.getAddress()).send()), e.call_balanceOf(alice.getAddress()).send());
        assertEquals(BigInteger.ZERO, n.call_balanceOf(alice.getAddress()).send());
    }

    @Test
    void claimsSpendTheBurnBucket(Devnet devnet, EtherFiDevnet etherFi, @Account(1) Credentials alice,
            @Account(2) Credentials bob) throws Exception {
        EtherFiTestSupport.Pool model = seventeenOverFifteen(devnet, etherFi, alice, bob);
        eETH(devnet, etherFi, alice).send_approve(etherFi.liquidityPool(), eth(2)).send();
        pool(devnet, etherFi, alice).send_requestWithdraw(alice.getAddress(), eth(2)).send();
        BigInteger share = model.sharesForAmount(eth(2));
        etherFi.finalizeAll();
        // the bucket counts the value of the shares burnt (all of the request's) at the pool after the claim,
        // rounded up to the gwei, as upstream's eETH (shares updated first)
        BigInteger owed = claimable(eth(2), share, model.amountPerShareCeil());
        EtherFiTestSupport.Pool after = model.copy();
        after.claim(share, owed);
        BigInteger needGwei = mulDivUp(after.amountForShare(share), BigInteger.ONE, GWEI);
        etherFi.setRateLimit(Bucket.BURN, needGwei.subtract(BigInteger.ONE), BigInteger.ZERO);
        assertRevertsWith(devnet, bob.getAddress(), etherFi.withdrawRequestNFT(),
                WithdrawRequestNFT.getABI_send_claimWithdraw(BigInteger.ONE), "LimitExceeded()");
        etherFi.setRateLimit(Bucket.BURN, needGwei, BigInteger.ZERO);
        nft(devnet, etherFi, bob).send_claimWithdraw(BigInteger.ONE).send();
        assertEquals(BigInteger.ZERO, etherFi.rateLimitAvailable(Bucket.BURN));
    }
}
