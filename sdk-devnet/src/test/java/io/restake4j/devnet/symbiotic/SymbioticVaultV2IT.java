package io.restake4j.devnet.symbiotic;

import static io.restake4j.devnet.testing.FixtureAsserts.assertRevertsWith;
import static io.restake4j.devnet.testing.FixtureAsserts.eth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tuples.generated.Tuple2;
import org.web3j.tuples.generated.Tuple3;
import org.web3j.utils.Numeric;

import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.SymbioticDevnet;
import io.restake4j.devnet.SymbioticDevnet.VaultV2Spec;
import io.restake4j.devnet.fixtures.common.TestToken;
import io.restake4j.devnet.fixtures.symbiotic.UniversalDelegator;
import io.restake4j.devnet.fixtures.symbiotic.VaultFactory;
import io.restake4j.devnet.fixtures.symbiotic.VaultV2;
import io.restake4j.devnet.fixtures.symbiotic.WithdrawalQueue;

/**
 * Symbiotic Core V2 on the devnet: the factory's version 3, the vault's ERC-4626 math with the decimals offset
 * (virtual shares 10^(18 - asset decimals), virtual assets 1; floor on deposit / redeem, ceil on mint / withdraw),
 * whitelist on msg.sender and the deposit limit, instant exits bounded by the free assets and what adapters can
 * release, the withdrawal queue's tickets (FIFO fills at the price of the fill, partial claims, 0 claims), slashes
 * and rewards through an AppAdapter. Every figure is computed here independently ({@link Pool}) and compared to
 * the wei.
 */
@DevnetTest
class SymbioticVaultV2IT {

    private static final Duration DELAY = Duration.ofDays(1);

    /** The vault's books and OpenZeppelin's ERC-4626 math with a decimals offset. */
    static final class Pool {
        final BigInteger virtualShares;
        BigInteger assets = BigInteger.ZERO;
        BigInteger supply = BigInteger.ZERO;

        Pool(int assetDecimals) {
            virtualShares = BigInteger.TEN.pow(18 - assetDecimals);
        }

        BigInteger toShares(BigInteger a, boolean up) {
            return div(a.multiply(supply.add(virtualShares)), assets.add(BigInteger.ONE), up);
        }

        BigInteger toAssets(BigInteger s, boolean up) {
            return div(s.multiply(assets.add(BigInteger.ONE)), supply.add(virtualShares), up);
        }

        BigInteger deposit(BigInteger a) {
            BigInteger minted = toShares(a, false);
            assets = assets.add(a);
            supply = supply.add(minted);
            return minted;
        }

        BigInteger mint(BigInteger s) {
            BigInteger paid = toAssets(s, true);
            assets = assets.add(paid);
            supply = supply.add(s);
            return paid;
        }

        BigInteger redeem(BigInteger s) {
            BigInteger paid = toAssets(s, false);
            assets = assets.subtract(paid);
            supply = supply.subtract(s);
            return paid;
        }

        private static BigInteger div(BigInteger n, BigInteger d, boolean up) {
            BigInteger[] qr = n.divideAndRemainder(d);
            return up && qr[1].signum() != 0 ? qr[0].add(BigInteger.ONE) : qr[0];
        }
    }

    @Test
    void versionThreeCreatesAVaultWiredToItsQueueAndDelegator(Devnet devnet, SymbioticDevnet symbiotic)
            throws Exception {
        VaultFactory factory = VaultFactory.load(symbiotic.vaultFactory(), devnet.web3j(),
                devnet.transactionManager(devnet.deployer()), devnet.gasProvider());
        assertEquals(BigInteger.valueOf(SymbioticDevnet.VERSION_VAULT_V2), factory.call_lastVersion().send());
        assertEquals(devnet.addresses().require("symbiotic.VaultV2Implementation"),
                factory.call_implementation(BigInteger.valueOf(3)).send());

        TestToken usdc = devnet.deployToken("USD Coin", "USDC", 6);
        String vault = symbiotic.createVaultV2(VaultV2Spec.of(usdc.getContractAddress(), "Devnet USDC", "dvUSDC"));
        assertTrue(factory.call_isEntity(vault).send());
        VaultV2 v = vault(devnet, vault, devnet.deployer());
        assertEquals(BigInteger.valueOf(3), v.call_version().send());
        assertEquals(BigInteger.valueOf(18), v.call_decimals().send(), "shares have 18 decimals whatever the asset's");
        assertEquals(BigInteger.TEN.pow(12), v.call_virtualShares().send(), "offset 18 - 6");
        assertEquals(usdc.getContractAddress(), v.call_asset().send());
        assertEquals("Devnet USDC", v.call_name().send());
        assertEquals("dvUSDC", v.call_symbol().send());
        assertTrue(v.call_isInitialized().send());
        assertEquals(devnet.deployer().getAddress(), v.call_owner().send());
        assertEquals(BigInteger.ZERO, v.call_totalAssets().send());

        String queue = v.call_withdrawalQueue().send();
        String delegator = v.call_delegator().send();
        assertEquals(queue, symbiotic.withdrawalQueue(vault));
        assertNotEquals(Address.DEFAULT.getValue(), queue);
        WithdrawalQueue q = queue(devnet, queue, devnet.deployer());
        assertEquals(vault, q.call_vault().send());
        assertEquals("Devnet USDC (WQ)", q.call_name().send());
        assertEquals("dvUSDC_WQ", q.call_symbol().send());
        assertEquals(BigInteger.ZERO, q.call_totalRequests().send());
        UniversalDelegator d = delegator(devnet, delegator, devnet.deployer());
        assertEquals(vault, d.call_vault().send());
        assertEquals(devnet.deployer().getAddress(), d.call_curator().send());
        assertEquals(BigInteger.ZERO, d.call_totalAdapters().send());
        assertEquals("Devnet USDC", v.call_eip712Domain().send().component2());

        assertRevertsWith(devnet, symbiotic.vaultFactory(), vault,
                VaultV2.getABI_send_initialize(BigInteger.valueOf(3), devnet.deployer().getAddress(), new byte[0]),
                "AlreadyInitialized()");
        assertRevertsWith(devnet, devnet.deployer().getAddress(), queue, WithdrawalQueue.getABI_send_initialize(vault),
                "InvalidInitialization()");
    }

    @Test
    void depositAndMintRoundAsOpenZeppelinForAnEighteenAndASixDecimalsAsset(Devnet devnet, SymbioticDevnet symbiotic,
            @Account(1) Credentials alice, @Account(2) Credentials bob) throws Exception {
        for (int decimals : new int[] {18, 6}) {
            TestToken token = devnet.deployToken("Asset" + decimals, "A" + decimals, decimals);
            String vault = symbiotic.createVaultV2(VaultV2Spec.of(token.getContractAddress(), "V" + decimals, "v" + decimals));
            Pool pool = new Pool(decimals);
            BigInteger unit = BigInteger.TEN.pow(decimals);
            fund(devnet, token, vault, alice, unit.multiply(BigInteger.valueOf(100)));
            fund(devnet, token, vault, bob, unit.multiply(BigInteger.valueOf(100)));
            VaultV2 a = vault(devnet, vault, alice);
            VaultV2 b = vault(devnet, vault, bob);

            TransactionReceipt d1 = a.send_deposit(unit.multiply(BigInteger.valueOf(3)), alice.getAddress()).send();
            gas("deposit (" + decimals + " decimals, first)", d1);
            BigInteger aliceShares = pool.deposit(unit.multiply(BigInteger.valueOf(3)));
            assertEquals(BigInteger.valueOf(3).multiply(BigInteger.TEN.pow(18)), aliceShares,
                    "an empty vault mints 10^offset shares per asset wei");
            VaultV2.DepositEventResponse dep = VaultV2.getDepositEvents(d1).get(0);
            assertEquals(alice.getAddress(), dep.sender);
            assertEquals(alice.getAddress(), dep.owner);
            assertEquals(aliceShares, dep.shares);

            // a donation makes the ratio awkward: it raises totalAssets (freeAssets is the vault's balance)
            token.send_mint(vault, BigInteger.valueOf(777)).send();
            pool.assets = pool.assets.add(BigInteger.valueOf(777));
            assertEquals(pool.assets, a.call_totalAssets().send());

            BigInteger odd = decimals == 18 ? new BigInteger("1234567890123456789") : BigInteger.valueOf(333_333);
            assertEquals(pool.toShares(odd, false), b.call_previewDeposit(odd).send());
            TransactionReceipt d2 = b.send_deposit(odd, bob.getAddress()).send();
            BigInteger bobShares = pool.deposit(odd);
            assertEquals(bobShares, VaultV2.getDepositEvents(d2).get(0).shares);
            assertEquals(bobShares, b.call_balanceOf(bob.getAddress()).send());

            BigInteger mintShares = new BigInteger("100000000000000003");
            assertEquals(pool.toAssets(mintShares, true), b.call_previewMint(mintShares).send());
            TransactionReceipt m = b.send_mint(mintShares, bob.getAddress()).send();
            BigInteger paid = pool.mint(mintShares);
            assertEquals(paid, VaultV2.getDepositEvents(m).get(0).assets);
            assertEquals(bobShares.add(mintShares), b.call_balanceOf(bob.getAddress()).send());
            assertEquals(pool.supply, b.call_totalSupply().send());
            assertEquals(pool.assets, b.call_totalAssets().send());
            assertEquals(pool.toAssets(aliceShares, false), b.call_convertToAssets(aliceShares).send());
            assertEquals(pool.toShares(odd, true), b.call_previewWithdraw(odd).send());

            // share checkpoints: supply and balances at the mint's time
            BigInteger at = timestamp(devnet, m);
            assertEquals(pool.supply, b.call_totalSupplyAt(at).send());
            assertEquals(bobShares.add(mintShares), b.call_balanceOfAt(bob.getAddress(), at).send());

            // an instant redeem within the free assets pays floor(shares * (A + 1) / (S + v))
            BigInteger redeemShares = aliceShares.divide(BigInteger.valueOf(7));
            BigInteger before = token.call_balanceOf(alice.getAddress()).send();
            TransactionReceipt r = a.send_redeem(redeemShares, alice.getAddress(), alice.getAddress()).send();
            BigInteger out = pool.redeem(redeemShares);
            assertEquals(out, VaultV2.getWithdrawEvents(r).get(0).assets);
            assertEquals(before.add(out), token.call_balanceOf(alice.getAddress()).send());
            assertEquals(pool.assets, a.call_totalAssets().send());
        }
    }

    @Test
    void whitelistChecksMsgSenderAndTheLimitCapsTotalAssets(Devnet devnet, SymbioticDevnet symbiotic,
            @Account(1) Credentials alice, @Account(2) Credentials bob) throws Exception {
        TestToken token = devnet.deployToken("Asset", "AST", 18);
        String vault = symbiotic.createVaultV2(VaultV2Spec.of(token.getContractAddress(), "W", "w").withDepositWhitelist()
                .withDepositLimit(eth(10)));
        fund(devnet, token, vault, alice, eth(20));
        fund(devnet, token, vault, bob, eth(20));
        VaultV2 v = vault(devnet, vault, devnet.deployer());
        assertTrue(v.call_depositWhitelist().send());
        assertTrue(v.call_isDepositLimit().send());
        assertEquals(eth(10), v.call_depositLimit().send());

        symbiotic.setDepositorWhitelistStatus(vault, bob.getAddress(), true);
        assertTrue(v.call_isDepositorWhitelisted(bob.getAddress()).send());
        // maxDeposit looks at msg.sender, not at the receiver
        assertEquals(BigInteger.ZERO, simulate(devnet, alice.getAddress(), vault, VaultV2.getABI_call_maxDeposit(bob.getAddress())));
        assertEquals(eth(10), simulate(devnet, bob.getAddress(), vault, VaultV2.getABI_call_maxDeposit(alice.getAddress())));
        assertRevertsWith(devnet, alice.getAddress(), vault, VaultV2.getABI_send_deposit(eth(1), bob.getAddress()),
                "ERC4626ExceededMaxDeposit(address,uint256,uint256)", new Address(bob.getAddress()), new Uint256(eth(1)),
                new Uint256(BigInteger.ZERO));
        vault(devnet, vault, bob).send_deposit(eth(1), alice.getAddress()).send();
        assertEquals(eth(1), v.call_balanceOf(alice.getAddress()).send(),
                "bob (whitelisted) deposited for alice (not whitelisted)");

        // the limit: what is left under 10 ETH of totalAssets
        BigInteger over = eth(9).add(BigInteger.ONE);
        assertRevertsWith(devnet, bob.getAddress(), vault, VaultV2.getABI_send_deposit(over, bob.getAddress()),
                "ERC4626ExceededMaxDeposit(address,uint256,uint256)", new Address(bob.getAddress()), new Uint256(over),
                new Uint256(eth(9)));
        Pool pool = new Pool(18);
        pool.deposit(eth(1));
        BigInteger maxMint = pool.toShares(eth(9), false);
        assertRevertsWith(devnet, bob.getAddress(), vault, VaultV2.getABI_send_mint(maxMint.add(BigInteger.ONE), bob.getAddress()),
                "ERC4626ExceededMaxMint(address,uint256,uint256)", new Address(bob.getAddress()),
                new Uint256(maxMint.add(BigInteger.ONE)), new Uint256(maxMint));
        vault(devnet, vault, bob).send_deposit(eth(9), bob.getAddress()).send();
        assertEquals(BigInteger.ZERO, simulate(devnet, bob.getAddress(), vault, VaultV2.getABI_call_maxDeposit(bob.getAddress())));

        symbiotic.setDepositLimit(vault, null);
        assertFalse(v.call_isDepositLimit().send());
        assertEquals(BigInteger.TWO.pow(256).subtract(BigInteger.ONE),
                simulate(devnet, bob.getAddress(), vault, VaultV2.getABI_call_maxDeposit(bob.getAddress())));
        assertRevertsWith(devnet, alice.getAddress(), vault, VaultV2.getABI_send_setDepositLimit(eth(1)),
                "OwnableUnauthorizedAccount(address)", new Address(alice.getAddress()));
    }

    @Test
    void allocationLeavesOnlyFreeAndDeallocatableAssetsForInstantExits(Devnet devnet, SymbioticDevnet symbiotic,
            @Account(1) Credentials alice, @Account(5) Credentials network, @Account(6) Credentials operator)
            throws Exception {
        TestToken token = devnet.deployToken("Asset", "AST", 18);
        String vault = symbiotic.createVaultV2(VaultV2Spec.of(token.getContractAddress(), "A", "a"));
        fund(devnet, token, vault, alice, eth(10));
        VaultV2 a = vault(devnet, vault, alice);
        a.send_deposit(eth(10), alice.getAddress()).send();

        String adapter = symbiotic.addAppAdapter(vault, SymbioticDevnet.subnetwork(network.getAddress(), 0),
                operator.getAddress(), DELAY, eth(1000));
        UniversalDelegator d = delegator(devnet, symbiotic.universalDelegator(vault), devnet.deployer());
        assertEquals(BigInteger.ONE, d.call_totalAdapters().send());
        assertEquals(adapter, d.call_adapters(BigInteger.ZERO).send());
        assertEquals(eth(1000), d.call_absoluteLimitOf(adapter).send());
        assertEquals(BigInteger.TEN.pow(18), d.call_shareLimitOf(adapter).send());
        assertEquals(eth(10), d.call_limitOf(adapter).send(), "min(absolute, 100% of totalAssets)");

        TransactionReceipt alloc = symbiotic.allocate(vault, adapter, eth(6));
        UniversalDelegator.AllocateEventResponse ev = UniversalDelegator.getAllocateEvents(alloc).get(0);
        assertEquals(adapter, ev.adapter);
        assertEquals(eth(6), ev.assets);
        assertEquals(eth(6), ev.totalAssets);
        assertEquals(eth(4), a.call_freeAssets().send());
        assertEquals(eth(6), d.call_totalAssets().send());
        assertEquals(eth(10), a.call_totalAssets().send(), "allocation moves assets, not value");
        assertEquals(eth(4), simulate(devnet, alice.getAddress(), vault, VaultV2.getABI_send_withdrawable()),
                "free 4 + deallocatable 0 (the adapter's stake is all slashable)");
        Pool pool = new Pool(18);
        pool.deposit(eth(10));
        assertEquals(pool.toShares(eth(4), false), simulate(devnet, alice.getAddress(), vault, VaultV2.getABI_send_redeemable()));
        assertEquals(eth(10), a.call_maxWithdraw(alice.getAddress()).send(), "maxWithdraw ignores liquidity");

        // an instant exit within the free assets
        a.send_withdraw(eth(1), alice.getAddress(), alice.getAddress()).send();
        assertEquals(eth(3), a.call_freeAssets().send());
        // beyond what can be freed now the asset transfer fails with the token's own error
        BigInteger tooMuch = eth(3).add(BigInteger.ONE);
        assertRevertsWith(devnet, alice.getAddress(), vault,
                VaultV2.getABI_send_withdraw(tooMuch, alice.getAddress(), alice.getAddress()),
                "ERC20InsufficientBalance(address,uint256,uint256)", new Address(vault), new Uint256(eth(3)),
                new Uint256(tooMuch));
    }

    @Test
    void queuedRedeemsFillFirstInFirstOutAndClaimInParts(Devnet devnet, SymbioticDevnet symbiotic,
            @Account(1) Credentials alice, @Account(2) Credentials bob, @Account(3) Credentials carol,
            @Account(5) Credentials network, @Account(6) Credentials operator) throws Exception {
        TestToken token = devnet.deployToken("Asset", "AST", 18);
        String vault = symbiotic.createVaultV2(VaultV2Spec.of(token.getContractAddress(), "Q", "q"));
        fund(devnet, token, vault, alice, eth(10));
        fund(devnet, token, vault, bob, eth(2));
        VaultV2 a = vault(devnet, vault, alice);
        a.send_deposit(eth(10), alice.getAddress()).send();
        vault(devnet, vault, bob).send_deposit(eth(2), bob.getAddress()).send();
        String adapter = symbiotic.addAppAdapter(vault, SymbioticDevnet.subnetwork(network.getAddress(), 0),
                operator.getAddress(), DELAY, eth(1000));
        symbiotic.allocate(vault, adapter, eth(10));
        String queue = symbiotic.withdrawalQueue(vault);
        WithdrawalQueue qa = queue(devnet, queue, alice);

        assertRevertsWith(devnet, alice.getAddress(), queue, WithdrawalQueue.getABI_send_requestRedeem(BigInteger.ZERO,
                alice.getAddress()), "ZeroShares()");

        // 5 shares queued: the 2 free assets fill 2 of them in the same transaction, 3 are asked from the adapter
        a.send_approve(queue, eth(5)).send();
        TransactionReceipt req = qa.send_requestRedeem(eth(5), alice.getAddress()).send();
        gas("requestRedeem (fills 2 of 5 in the same tx)", req);
        WithdrawalQueue.RequestRedeemEventResponse rr = WithdrawalQueue.getRequestRedeemEvents(req).get(0);
        assertEquals(BigInteger.ZERO, rr.tokenId, "ticket ids start at 0");
        assertEquals(alice.getAddress(), rr.requester);
        assertEquals(alice.getAddress(), rr.receiver);
        WithdrawalQueue.FillEventResponse f1 = WithdrawalQueue.getFillEvents(req).get(0);
        assertEquals(eth(2), f1.shares);
        assertEquals(eth(2), f1.assets);
        UniversalDelegator.RequestDeallocateEventResponse asked = UniversalDelegator.getRequestDeallocateEvents(req).get(0);
        assertEquals(adapter, asked.adapter);
        assertEquals(eth(3), asked.assets);
        assertEquals(alice.getAddress(), qa.call_ownerOf(BigInteger.ZERO).send());
        assertEquals(BigInteger.ONE, qa.call_totalRequests().send());
        assertEquals(eth(5), qa.call_totalRequested().send());
        assertEquals(eth(2), qa.call_totalFilled().send());
        assertEquals(eth(3), qa.call_pendingShares().send());
        assertEquals(eth(3), qa.call_pendingAssets().send());
        Tuple3<BigInteger, BigInteger, BigInteger> r0 = qa.call_requests(BigInteger.ZERO).send();
        assertEquals(eth(5), r0.component1());
        assertEquals(BigInteger.ZERO, r0.component2());
        assertEquals(BigInteger.ZERO, r0.component3());
        assertClaimable(qa, BigInteger.ZERO, eth(2), eth(2));

        // while assets are pending, instant exits are refused
        assertRevertsWith(devnet, bob.getAddress(), vault, VaultV2.getABI_send_redeem(eth(1), bob.getAddress(),
                bob.getAddress()), "PendingWithdrawalQueue()");
        assertRevertsWith(devnet, bob.getAddress(), queue, WithdrawalQueue.getABI_send_claim(BigInteger.ZERO,
                bob.getAddress()), "NotTokenOwner()");
        assertRevertsWith(devnet, alice.getAddress(), queue, WithdrawalQueue.getABI_send_claim(BigInteger.valueOf(99),
                alice.getAddress()), "ERC721NonexistentToken(uint256)", new Uint256(99));
        assertRevertsWith(devnet, alice.getAddress(), queue, WithdrawalQueue.getABI_call_ownerOf(BigInteger.valueOf(99)),
                "ERC721NonexistentToken(uint256)", new Uint256(99));

        // the filled part is claimed; a second claim pays 0 without reverting
        BigInteger before = token.call_balanceOf(alice.getAddress()).send();
        TransactionReceipt c1 = qa.send_claim(BigInteger.ZERO, alice.getAddress()).send();
        gas("claim (partial)", c1);
        WithdrawalQueue.ClaimEventResponse ce = WithdrawalQueue.getClaimEvents(c1).get(0);
        assertEquals(eth(2), ce.assetsClaimed);
        assertEquals(eth(2), ce.sharesClaimed);
        assertEquals(before.add(eth(2)), token.call_balanceOf(alice.getAddress()).send());
        TransactionReceipt c0 = qa.send_claim(BigInteger.ZERO, alice.getAddress()).send();
        assertTrue(c0.isStatusOK());
        assertEquals(BigInteger.ZERO, WithdrawalQueue.getClaimEvents(c0).get(0).assetsClaimed);
        assertEquals(before.add(eth(2)), token.call_balanceOf(alice.getAddress()).send());
        assertFalse(qa.call_isClaimed(BigInteger.ZERO).send());

        // before the release delay a sweep frees nothing
        symbiotic.sweepPending(vault);
        assertEquals(eth(3), qa.call_pendingShares().send());
        devnet.advanceTime(DELAY.plusSeconds(1));
        TransactionReceipt sweep = symbiotic.sweepPending(vault);
        WithdrawalQueue.FillEventResponse f2 = WithdrawalQueue.getFillEvents(sweep).get(0);
        gas("sweepPending (deallocate + fill)", sweep);
        assertEquals(eth(3), f2.shares);
        assertEquals(eth(3), f2.assets);
        assertEquals(BigInteger.ZERO, qa.call_pendingShares().send());
        assertEquals(eth(7), delegator(devnet, symbiotic.universalDelegator(vault), alice).call_totalAssets().send());
        TransactionReceipt emptyFill = symbiotic.fillQueue(vault);
        assertTrue(WithdrawalQueue.getFillEvents(emptyFill).isEmpty(), "nothing pending: fill does nothing");

        // the ticket moves; its new owner claims the rest
        qa.send_transferFrom(alice.getAddress(), carol.getAddress(), BigInteger.ZERO).send();
        assertRevertsWith(devnet, alice.getAddress(), queue, WithdrawalQueue.getABI_send_claim(BigInteger.ZERO,
                alice.getAddress()), "NotTokenOwner()");
        TransactionReceipt c2 = queue(devnet, queue, carol).send_claim(BigInteger.ZERO, carol.getAddress()).send();
        gas("claim (rest)", c2);
        assertEquals(eth(3), token.call_balanceOf(carol.getAddress()).send());
        assertTrue(qa.call_isClaimed(BigInteger.ZERO).send());
        // nothing is pending any more, so an instant exit is no longer refused for the queue; but the vault holds no
        // free assets and the adapter's stake is all slashable again, so the asset transfer itself fails
        assertRevertsWith(devnet, bob.getAddress(), vault, VaultV2.getABI_send_redeem(eth(1), bob.getAddress(),
                bob.getAddress()), "ERC20InsufficientBalance(address,uint256,uint256)", new Address(vault),
                new Uint256(BigInteger.ZERO), new Uint256(eth(1)));
    }

    @Test
    void slashesHitHoldersAndPendingSharesButNotFilledOnesAndRewardsRaiseThePrice(Devnet devnet,
            SymbioticDevnet symbiotic, @Account(1) Credentials alice, @Account(2) Credentials bob,
            @Account(7) Credentials network, @Account(8) Credentials middleware, @Account(9) Credentials operator)
            throws Exception {
        symbiotic.registerNetwork(network, middleware.getAddress());
        TestToken token = devnet.deployToken("Asset", "AST", 18);
        String vault = symbiotic.createVaultV2(VaultV2Spec.of(token.getContractAddress(), "S", "s"));
        fund(devnet, token, vault, alice, eth(10));
        fund(devnet, token, vault, bob, eth(10));
        VaultV2 a = vault(devnet, vault, alice);
        a.send_deposit(eth(10), alice.getAddress()).send();
        vault(devnet, vault, bob).send_deposit(eth(10), bob.getAddress()).send();
        Pool pool = new Pool(18);
        pool.deposit(eth(10));
        pool.deposit(eth(10));
        String adapter = symbiotic.addAppAdapter(vault, SymbioticDevnet.subnetwork(network.getAddress(), 0),
                operator.getAddress(), DELAY, eth(1000));
        symbiotic.allocate(vault, adapter, eth(16));

        // alice queues 6 shares: 4 are filled at once at price 1, 2 stay pending
        String queue = symbiotic.withdrawalQueue(vault);
        WithdrawalQueue qa = queue(devnet, queue, alice);
        a.send_approve(queue, eth(6)).send();
        qa.send_requestRedeem(eth(6), alice.getAddress()).send();
        BigInteger filled = pool.redeem(eth(4));
        assertEquals(eth(4), filled);
        assertClaimable(qa, BigInteger.ZERO, eth(4), eth(4));

        // only the network's middleware slashes
        assertRevertsWith(devnet, bob.getAddress(), adapter,
                io.restake4j.devnet.fixtures.symbiotic.AppAdapter.getABI_send_slash(eth(1)), "NotNetworkMiddleware()");
        TransactionReceipt slash = symbiotic.slashAdapter(adapter, middleware, eth(4));
        assertEquals(eth(4), io.restake4j.devnet.fixtures.symbiotic.AppAdapter.getSlashEvents(slash).get(0).amount);
        assertEquals(eth(4), token.call_balanceOf(SymbioticDevnet.DEFAULT_BURNER).send());
        pool.assets = pool.assets.subtract(eth(4));
        assertEquals(pool.assets, a.call_totalAssets().send());
        assertEquals(pool.toAssets(eth(10), false), a.call_convertToAssets(eth(10)).send(), "bob's 10 shares lost value");
        assertTrue(pool.toAssets(eth(10), false).compareTo(eth(8)) < 0);
        assertEquals(pool.toAssets(eth(2), false), qa.call_pendingAssets().send(), "pending shares lost value too");
        assertClaimable(qa, BigInteger.ZERO, eth(4), eth(4));

        // a reward in the asset raises the price
        symbiotic.rewardAdapter(adapter, token.getContractAddress(), eth(3));
        pool.assets = pool.assets.add(eth(3));
        assertEquals(pool.assets, a.call_totalAssets().send());
        assertEquals(pool.toAssets(eth(10), false), a.call_convertToAssets(eth(10)).send());
        assertEquals(pool.toAssets(eth(2), false), qa.call_pendingAssets().send());

        // after the delay the 2 pending shares fill at the price of their fill; fill() alone takes the released
        // assets from the adapter (withdrawable counts them, the redeem deallocates them)
        devnet.advanceTime(DELAY.plusSeconds(1));
        TransactionReceipt filling = symbiotic.fillQueue(vault);
        gas("fill (deallocates from the adapter)", filling);
        BigInteger second = pool.redeem(eth(2));
        WithdrawalQueue.FillEventResponse fill = WithdrawalQueue.getFillEvents(filling).get(0);
        assertEquals(eth(2), fill.shares);
        assertEquals(second, fill.assets);
        assertClaimable(qa, BigInteger.ZERO, eth(4).add(second), eth(6));
        TransactionReceipt claim = qa.send_claim(BigInteger.ZERO, alice.getAddress()).send();
        assertEquals(eth(4).add(second), WithdrawalQueue.getClaimEvents(claim).get(0).assetsClaimed);
        assertEquals(pool.assets, a.call_totalAssets().send());
        assertEquals(pool.supply, a.call_totalSupply().send());
    }

    // ---------------------------------------------------------------- helpers

    private static void assertClaimable(WithdrawalQueue q, BigInteger id, BigInteger assets, BigInteger shares)
            throws Exception {
        Tuple2<BigInteger, BigInteger> c = q.call_claimable(id).send();
        assertEquals(assets, c.component1(), "claimable assets");
        assertEquals(shares, c.component2(), "claimable shares");
    }

    private static void gas(String what, TransactionReceipt receipt) {
        System.out.println("[gas] VaultV2 " + what + ": " + receipt.getGasUsed());
    }

    /** eth_call of {@code data} (a view, or a non-view such as withdrawable()) from {@code from}; the uint256 it returns. */
    private static BigInteger simulate(Devnet devnet, String from, String to, String data) throws Exception {
        EthCall r = devnet.web3j().ethCall(Transaction.createEthCallTransaction(from, to, data),
                DefaultBlockParameterName.LATEST).send();
        assertFalse(r.isReverted(), () -> "eth_call reverted: " + r.getRevertReason());
        return Numeric.toBigInt(r.getValue().substring(0, 66));
    }

    private static VaultV2 vault(Devnet devnet, String vault, Credentials as) {
        return VaultV2.load(vault, devnet.web3j(), devnet.transactionManager(as), devnet.gasProvider());
    }

    private static WithdrawalQueue queue(Devnet devnet, String queue, Credentials as) {
        return WithdrawalQueue.load(queue, devnet.web3j(), devnet.transactionManager(as), devnet.gasProvider());
    }

    private static UniversalDelegator delegator(Devnet devnet, String delegator, Credentials as) {
        return UniversalDelegator.load(delegator, devnet.web3j(), devnet.transactionManager(as), devnet.gasProvider());
    }

    /** Mints {@code amount} of {@code token} to {@code who} and approves the vault for it. */
    private static void fund(Devnet devnet, TestToken token, String vault, Credentials who, BigInteger amount)
            throws Exception {
        token.send_mint(who.getAddress(), amount).send();
        TestToken.load(token.getContractAddress(), devnet.web3j(), devnet.transactionManager(who), devnet.gasProvider())
                .send_approve(vault, amount).send();
    }

    private static BigInteger timestamp(Devnet devnet, TransactionReceipt receipt) throws Exception {
        return devnet.web3j().ethGetBlockByHash(receipt.getBlockHash(), false).send().getBlock().getTimestamp();
    }
}
