package io.restake4j.eigenlayer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;

import io.restake4j.Restaking;
import io.restake4j.contracts.eigenlayer.DelegationManager;
import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.EigenLayerDevnet;
import io.restake4j.eigenlayer.rewards.RewardsEarnings;
import io.restake4j.eigenlayer.rewards.RewardsProof;
import io.restake4j.eigenlayer.rewards.RewardsTree;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.signer.Signer;
import io.restake4j.testing.CountingHttpService;
import io.restake4j.testing.DevnetClients;
import io.restake4j.units.Amount;
import io.restake4j.units.Shares;
import io.restake4j.units.Token;

/** The EigenLayer flows beyond the main cycle: signatures, amounts, batches, shares, redelegation, claimers. */
@DevnetTest
class EigenLayerMoreFlowsIT {

    private static final BigInteger ETHER = BigInteger.TEN.pow(18);

    private static Token stEth;
    private static String strategy;

    @BeforeAll
    static void tokens(Devnet devnet) {
        stEth = Token.erc20(devnet.eigenLayer().stETH(), "stETH", 18);
        strategy = devnet.eigenLayer().stETHStrategy();
    }

    @Test
    void aRelayerDepositsForAStakerWhoSigned(Devnet devnet, @Account(0) Credentials staker, @Account(1) Credentials relayer)
            throws Exception {
        devnet.eigenLayer().stakeStETHFor(relayer.getAddress(), ETHER.multiply(BigInteger.TEN));
        try (Restaking stakerClient = DevnetClients.client(devnet, staker);
                Restaking relayerClient = DevnetClients.client(devnet, relayer)) {
            DepositSignature consent = stakerClient.eigenLayer().signDeposit(Signer.of(staker), Amount.parse("4", stEth),
                    strategy, java.time.Instant.now().plus(Duration.ofHours(1)));
            byte[] onChain = io.restake4j.contracts.eigenlayer.StrategyManager.load(devnet.eigenLayer().strategyManager(),
                    devnet.web3j(), devnet.transactionManager(staker), devnet.gasProvider())
                    .call_calculateStrategyDepositDigestHash(staker.getAddress(), strategy, stEth.address(),
                            consent.amount().wei(), consent.nonce(), consent.expiry()).send();
            org.web3j.crypto.Sign.SignatureData sig = new org.web3j.crypto.Sign.SignatureData(consent.signature()[64],
                    java.util.Arrays.copyOfRange(consent.signature(), 0, 32), java.util.Arrays.copyOfRange(consent.signature(), 32, 64));
            assertEquals(staker.getAddress().toLowerCase(Locale.ROOT), "0x" + org.web3j.crypto.Keys.getAddress(
                    org.web3j.crypto.Sign.signedMessageHashToKey(onChain, sig)), "signed over calculateStrategyDepositDigestHash");
            DepositResult d = relayerClient.eigenLayer().depositWithSignature(consent).send();
            assertEquals(staker.getAddress().toLowerCase(Locale.ROOT), d.staker().toLowerCase(Locale.ROOT));
            assertEquals(d.shares(), stakerClient.eigenLayer().positions().in(strategy).orElseThrow().depositShares());
            InvalidInputException replay = assertThrows(InvalidInputException.class,
                    () -> relayerClient.eigenLayer().depositWithSignature(consent).send());
            assertTrue(replay.getMessage().contains("already used"), replay.getMessage());
        }
    }

    @Test
    void queueByAmountThenCompleteSeveralAsSharesInOneTransaction(Devnet devnet, @Account(0) Credentials alice)
            throws Exception {
        devnet.eigenLayer().stakeStETHFor(alice.getAddress(), ETHER.multiply(BigInteger.valueOf(30)));
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            EigenLayer el = client.eigenLayer();
            el.deposit(Amount.parse("30", stEth)).send();
            PendingWithdrawal byAmount = el.withdrawals().queue(Amount.parse("10", stEth)).send().withdrawals().get(0);
            assertEquals(List.of(stEthShares(ETHER.multiply(BigInteger.TEN))), byAmount.expectedShares());
            PendingWithdrawal byShares = el.withdrawals().queueShares(strategy, stEthShares(ETHER.multiply(BigInteger.valueOf(5))))
                    .send().withdrawals().get(0);
            assertEquals(stEthShares(ETHER.multiply(BigInteger.valueOf(15))), el.positions().in(strategy).orElseThrow().depositShares());

            InvalidInputException over = assertThrows(InvalidInputException.class,
                    () -> el.withdrawals().queueShares(strategy, stEthShares(ETHER.multiply(BigInteger.valueOf(16)))).send());
            assertTrue(over.getMessage().contains("exceeds"), over.getMessage());
            InvalidInputException otherUnit = assertThrows(InvalidInputException.class, () -> el.withdrawals()
                    .queueShares(strategy, Shares.of(BigInteger.ONE, "EigenLayer EIGEN strategy shares")).preview());
            assertTrue(otherUnit.getMessage().contains("counts EigenLayer stETH strategy shares"), otherUnit.getMessage());

            // a new client lists both from getQueuedWithdrawals, with roots computed locally: each equals the
            // contract's calculateWithdrawalRoot, and together they are getQueuedWithdrawalRoots, in its order
            DelegationManager dm = DelegationManager.load(devnet.eigenLayer().delegationManager(), devnet.web3j(),
                    devnet.transactionManager(alice), devnet.gasProvider());
            try (Restaking fresh = DevnetClients.client(devnet, alice)) {
                List<PendingWithdrawal> found = fresh.eigenLayer().withdrawals().pending();
                @SuppressWarnings("unchecked")
                List<byte[]> chainRoots = (List<byte[]>) (List<?>) dm.call_getQueuedWithdrawalRoots(alice.getAddress()).send();
                assertEquals(chainRoots.stream().map(org.web3j.utils.Numeric::toHexString).toList(),
                        found.stream().map(PendingWithdrawal::root).toList());
                assertEquals(List.of(byAmount.root(), byShares.root()), found.stream().map(PendingWithdrawal::root).toList());
                for (PendingWithdrawal f : found) {
                    assertEquals(org.web3j.utils.Numeric.toHexString(dm.call_calculateWithdrawalRoot(Withdrawals.toAbi(f.withdrawal())).send()),
                            f.root(), "our root equals calculateWithdrawalRoot");
                }
                assertEquals(List.of(byAmount.expectedShares(), byShares.expectedShares()),
                        found.stream().map(PendingWithdrawal::expectedShares).toList());
                assertEquals(List.of(List.of(Amount.parse("10", stEth)), List.of(Amount.parse("5", stEth))),
                        found.stream().map(PendingWithdrawal::expected).toList());
                assertEquals(found.get(1), fresh.eigenLayer().withdrawals().byId(byShares.root()));
            }

            long latest = devnet.blockNumber().longValueExact();
            devnet.mine(byShares.firstCompletableBlock() - 1 - latest);
            WithdrawalsCompleted done = el.withdrawals().complete(List.of(byAmount, byShares), ReceiveAs.SHARES).send();
            assertEquals(1, done.transactionCount(), "both in one completeQueuedWithdrawals");
            assertEquals(2, done.roots().size());
            assertTrue(done.received().isEmpty(), "paid as shares, no tokens moved to the staker");
            assertEquals(stEthShares(ETHER.multiply(BigInteger.valueOf(30))), el.positions().in(strategy).orElseThrow().depositShares(),
                    "the shares are back");
        }
    }

    @Test
    void redelegationQueuesTheSharesAndMovesToTheNewOperator(Devnet devnet, @Account(0) Credentials alice,
            @Account(2) Credentials first, @Account(3) Credentials second) {
        EigenLayerDevnet fixtures = devnet.eigenLayer();
        fixtures.stakeStETHFor(alice.getAddress(), ETHER.multiply(BigInteger.valueOf(8)));
        fixtures.registerOperator(first, null);
        fixtures.registerOperator(second, null);
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            EigenLayer el = client.eigenLayer();
            el.deposit(Amount.parse("8", stEth)).send();
            el.delegateTo(first.getAddress()).send();
            WithdrawalsQueued moved = el.redelegate(second.getAddress()).send();
            assertEquals(1, moved.withdrawals().size(), "one withdrawal per strategy");
            assertEquals(first.getAddress().toLowerCase(Locale.ROOT),
                    moved.withdrawals().get(0).withdrawal().delegatedTo().toLowerCase(Locale.ROOT));
            assertEquals(second.getAddress().toLowerCase(Locale.ROOT), el.positions().delegatedTo().toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void aClaimerClaimsForTheEarner(Devnet devnet, @Account(0) Credentials earner, @Account(1) Credentials claimer,
            @Account(7) Credentials outsider) throws Exception {
        EigenLayerDevnet fixtures = devnet.eigenLayer();
        RewardsTree tree = RewardsTree.build(RewardsEarnings.builder()
                .add(earner.getAddress(), stEth.address(), ETHER).build());
        fixtures.stakeStETHFor(fixtures.rewardsCoordinator(), ETHER);
        long now = devnet.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock()
                .getTimestamp().longValueExact();
        long index = fixtures.postRewardsRoot(tree.root(), now - 1);
        devnet.advanceTime(fixtures.rewardsActivationDelay().plusSeconds(1));
        RewardsProof proof = new RewardsProof(tree.root(), tree.claim(index, earner.getAddress()));
        try (Restaking earnerClient = DevnetClients.client(devnet, earner);
                Restaking claimerClient = DevnetClients.client(devnet, claimer);
                Restaking outsiderClient = DevnetClients.client(devnet, outsider)) {
            earnerClient.eigenLayer().rewards().setClaimer(claimer.getAddress()).send();
            assertEquals(claimer.getAddress().toLowerCase(Locale.ROOT),
                    earnerClient.eigenLayer().rewards().claimerOf(earner.getAddress()).toLowerCase(Locale.ROOT));
            InvalidInputException notAllowed = assertThrows(InvalidInputException.class,
                    () -> outsiderClient.eigenLayer().rewards().claim(proof, outsider.getAddress()).preview());
            assertTrue(notAllowed.getMessage().contains("may not claim"), notAllowed.getMessage());
            RewardsClaimed paid = claimerClient.eigenLayer().rewards().claim(proof, claimer.getAddress()).send();
            assertEquals(ETHER, paid.claimed().get(stEth.address().toLowerCase(Locale.ROOT)));
            assertEquals(claimer.getAddress().toLowerCase(Locale.ROOT), paid.recipient().toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void positionsCostThreeRoundTrips(Devnet devnet, @Account(0) Credentials alice, @Account(2) Credentials operator,
            @Account(3) Credentials avs) {
        EigenLayerDevnet fixtures = devnet.eigenLayer();
        fixtures.stakeStETHFor(alice.getAddress(), ETHER.multiply(BigInteger.TEN));
        fixtures.registerOperator(operator, null);
        CountingHttpService transport = new CountingHttpService(devnet.rpcUrl());
        try (Restaking client = DevnetClients.client(devnet, alice, transport)) {
            EigenLayer el = client.eigenLayer();
            el.deposit(Amount.parse("10", stEth)).send();
            el.delegateTo(operator.getAddress()).send();
            fixtures.slashOperator(avs, operator, strategy, ETHER.divide(BigInteger.TWO));
            el.positions(); // token metadata is read once per client
            transport.reset();
            Positions p = el.positions();
            System.out.println("[round trips] EigenLayer positions: " + transport.roundTrips() + " HTTP requests: "
                    + transport.log());
            assertEquals(3, transport.roundTrips(), transport.log().toString());
            assertEquals(3, transport.count("eth_call"));
            Position s = p.in(strategy).orElseThrow();
            assertEquals(stEthShares(ETHER.multiply(BigInteger.valueOf(5))), s.withdrawableShares());
            assertEquals(stEthShares(ETHER.multiply(BigInteger.valueOf(5))), s.slashedShares());
            assertEquals(Amount.parse("5", stEth).wei(), s.underlying().orElseThrow().wei());
            assertTrue(s.isSlashed());
        }
    }

    @Test
    void undelegatingQueuesOneWithdrawalPerStrategy(Devnet devnet, @Account(0) Credentials alice,
            @Account(2) Credentials operator) {
        EigenLayerDevnet fixtures = devnet.eigenLayer();
        fixtures.stakeStETHFor(alice.getAddress(), ETHER.multiply(BigInteger.valueOf(6)));
        fixtures.registerOperator(operator, null);
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            EigenLayer el = client.eigenLayer();
            el.deposit(Amount.parse("6", stEth)).send();
            el.delegateTo(operator.getAddress()).send();
            WithdrawalsQueued q = el.undelegate().send();
            assertEquals(1, q.withdrawals().size());
            assertEquals(List.of(stEthShares(ETHER.multiply(BigInteger.valueOf(6)))), q.withdrawals().get(0).expectedShares());
            assertTrue(el.positions().operator().isEmpty(), "no longer delegated");
            assertEquals(List.of(q.withdrawals().get(0).root()),
                    el.withdrawals().pending().stream().map(PendingWithdrawal::root).toList());
        }
    }

    @Test
    void laterRootsPayOnlyWhatIsNewAndSeveralProofsGoInOneTransaction(Devnet devnet, @Account(0) Credentials alice,
            @Account(1) Credentials bob) throws Exception {
        EigenLayerDevnet fixtures = devnet.eigenLayer();
        String rwd = devnet.deployToken("Reward", "RWD", 18).getContractAddress();
        fixtures.stakeStETHFor(fixtures.rewardsCoordinator(), ETHER.multiply(BigInteger.TEN));
        io.restake4j.devnet.fixtures.common.TestToken.load(rwd, devnet.web3j(), devnet.transactionManager(devnet.deployer()),
                devnet.gasProvider()).send_mint(fixtures.rewardsCoordinator(), ETHER.multiply(BigInteger.TEN)).send();
        RewardsTree first = RewardsTree.build(RewardsEarnings.builder()
                .add(alice.getAddress(), stEth.address(), ETHER)
                .add(alice.getAddress(), rwd, ETHER).build());
        long i1 = fixtures.postRewardsRoot(first.root(), timestamp(devnet) - 1);
        devnet.advanceTime(fixtures.rewardsActivationDelay().plusSeconds(1));
        // cumulative: stETH unchanged (fully claimed after the first claim), RWD grew; bob appears
        RewardsTree second = RewardsTree.build(RewardsEarnings.builder()
                .add(alice.getAddress(), stEth.address(), ETHER)
                .add(alice.getAddress(), rwd, ETHER.multiply(BigInteger.valueOf(3)))
                .add(bob.getAddress(), rwd, ETHER).build());
        try (Restaking aliceClient = DevnetClients.client(devnet, alice);
                Restaking bobClient = DevnetClients.client(devnet, bob)) {
            aliceClient.eigenLayer().rewards().claim(new RewardsProof(first.root(), first.claim(i1, alice.getAddress())),
                    alice.getAddress()).send();
            long i2 = fixtures.postRewardsRoot(second.root(), timestamp(devnet) - 1);
            devnet.advanceTime(fixtures.rewardsActivationDelay().plusSeconds(1));
            RewardsClaimed more = aliceClient.eigenLayer().rewards()
                    .claim(new RewardsProof(second.root(), second.claim(i2, alice.getAddress())), alice.getAddress()).send();
            assertEquals(java.util.Map.of(rwd.toLowerCase(Locale.ROOT), ETHER.multiply(BigInteger.TWO)), more.claimed(),
                    "the fully claimed stETH leaf was dropped (it would revert the claim); RWD pays the difference");

            // bob has set alice as his claimer: alice claims for herself and bob in one processClaims
            bobClient.eigenLayer().rewards().setClaimer(alice.getAddress()).send();
            RewardsTree third = RewardsTree.build(RewardsEarnings.builder()
                    .add(alice.getAddress(), rwd, ETHER.multiply(BigInteger.valueOf(4)))
                    .add(bob.getAddress(), rwd, ETHER.multiply(BigInteger.TWO)).build());
            long i3 = fixtures.postRewardsRoot(third.root(), timestamp(devnet) - 1);
            devnet.advanceTime(fixtures.rewardsActivationDelay().plusSeconds(1));
            RewardsClaimed both = aliceClient.eigenLayer().rewards().claimAll(List.of(
                    new RewardsProof(third.root(), third.claim(i3, alice.getAddress())),
                    new RewardsProof(third.root(), third.claim(i3, bob.getAddress()))), alice.getAddress()).send();
            assertEquals(1, both.transactionCount());
            assertEquals(2, both.earners().size());
            assertEquals(java.util.Map.of(rwd.toLowerCase(Locale.ROOT), ETHER.multiply(BigInteger.valueOf(3))), both.claimed(),
                    "alice 4 - 3 already claimed, bob 2");
        }
    }

    private static long timestamp(Devnet devnet) throws Exception {
        return devnet.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock()
                .getTimestamp().longValueExact();
    }

    private static Shares stEthShares(BigInteger value) {
        return Shares.of(value, "EigenLayer stETH strategy shares");
    }
}
