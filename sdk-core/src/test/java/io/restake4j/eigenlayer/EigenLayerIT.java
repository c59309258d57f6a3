package io.restake4j.eigenlayer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.restake4j.testing.DevnetAccounts.nonce;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;

import io.restake4j.Restaking;
import io.restake4j.contracts.common.ERC20;
import io.restake4j.contracts.eigenlayer.DelegationManager;
import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.EigenLayerDevnet;
import io.restake4j.devnet.fixtures.common.TestToken;
import io.restake4j.eigenlayer.rewards.RewardsClaim;
import io.restake4j.eigenlayer.rewards.RewardsEarnings;
import io.restake4j.eigenlayer.rewards.RewardsProof;
import io.restake4j.eigenlayer.rewards.RewardsProofJson;
import io.restake4j.eigenlayer.rewards.RewardsTree;
import io.restake4j.eigenlayer.rewards.TokenLeaf;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.signer.Signer;
import io.restake4j.testing.DevnetClients;
import io.restake4j.units.Amount;
import io.restake4j.units.Shares;
import io.restake4j.units.Token;

/** Every staker flow of {@code client.eigenLayer()} against the devnet's EigenLayer fixtures. */
@DevnetTest
class EigenLayerIT {

    private static final BigInteger ETHER = BigInteger.TEN.pow(18);
    private static final String STETH_SHARES = "EigenLayer stETH strategy shares";

    private static Token stEth;
    private static String strategy;

    @BeforeAll
    static void tokens(Devnet devnet) {
        stEth = Token.erc20(devnet.eigenLayer().stETH(), "stETH", 18);
        strategy = devnet.eigenLayer().stETHStrategy();
    }

    @Test
    void fullCycleDepositDelegateSlashQueueWaitCompleteAsTokens(Devnet devnet, @Account(0) Credentials alice,
            @Account(2) Credentials operator, @Account(3) Credentials avs) throws Exception {
        EigenLayerDevnet fixtures = devnet.eigenLayer();
        fixtures.stakeStETHFor(alice.getAddress(), ETHER.multiply(BigInteger.valueOf(100)));
        fixtures.registerOperator(operator, null);
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            EigenLayer el = client.eigenLayer();
            assertEquals(strategy.toLowerCase(Locale.ROOT), el.strategyFor(stEth).toLowerCase(Locale.ROOT));

            DepositResult deposit = el.deposit(Amount.parse("100", stEth)).send();
            assertEquals(2, deposit.transactionCount(), "approval + deposit");
            assertEquals(Shares.of(ETHER.multiply(BigInteger.valueOf(100)), STETH_SHARES), deposit.shares(),
                    "first deposit: 1 share per wei, in the strategy's unit");

            DelegationResult delegation = el.delegateTo(operator.getAddress()).send();
            assertEquals(operator.getAddress().toLowerCase(Locale.ROOT), delegation.operator().toLowerCase(Locale.ROOT));
            BigInteger nonce = nonce(devnet, alice);
            InvalidInputException twice = assertThrows(InvalidInputException.class, () -> el.delegateTo(operator.getAddress()).send());
            assertTrue(twice.getMessage().contains("already delegated"), twice.getMessage());
            assertEquals(nonce, nonce(devnet, alice), "refused before signing");

            // the operator is slashed 25% of its allocated stETH magnitude (all of it)
            fixtures.slashOperator(avs, operator, strategy, ETHER.divide(BigInteger.valueOf(4)));
            Position position = el.positions().in(strategy).orElseThrow();
            BigInteger promised = ETHER.multiply(BigInteger.valueOf(75));
            assertEquals(deposit.shares(), position.depositShares());
            assertEquals(Shares.of(promised, STETH_SHARES), position.withdrawableShares(), "75% of the shares remain withdrawable");
            assertEquals(Shares.of(ETHER.multiply(BigInteger.valueOf(25)), STETH_SHARES), position.slashedShares());
            Amount underlying = position.underlying().orElseThrow();

            WithdrawalsQueued queued = el.withdrawals().queueAll(strategy).send();
            PendingWithdrawal w = queued.withdrawals().get(0);
            assertEquals(w.root(), w.withdrawal().root(), "our root equals the emitted one");
            byte[] onChain = DelegationManager.load(fixtures.delegationManager(), devnet.web3j(),
                    devnet.transactionManager(alice), devnet.gasProvider())
                    .call_calculateWithdrawalRoot(Withdrawals.toAbi(w.withdrawal())).send();
            assertEquals(w.root(), org.web3j.utils.Numeric.toHexString(onChain), "our root equals calculateWithdrawalRoot");

            try (Restaking fresh = DevnetClients.client(devnet, alice)) {
                List<PendingWithdrawal> found = fresh.eigenLayer().withdrawals().pending();
                assertEquals(1, found.size(), "a brand-new client finds the withdrawal from chain state");
                assertEquals(w.withdrawal(), found.get(0).withdrawal());
                assertEquals(w.firstCompletableBlock(), found.get(0).firstCompletableBlock());
                assertEquals(w.expectedShares(), found.get(0).expectedShares(), "the shares, in the same unit as the event's");
                assertEquals(List.of(position.withdrawableShares()), found.get(0).expectedShares());
            }

            nonce = nonce(devnet, alice);
            InvalidInputException early = assertThrows(InvalidInputException.class,
                    () -> el.withdrawals().complete(w, ReceiveAs.TOKENS).send());
            assertTrue(early.getMessage().contains("from block " + w.firstCompletableBlock()), early.getMessage());
            assertEquals(nonce, nonce(devnet, alice), "refused before signing");

            long latest = devnet.blockNumber().longValueExact();
            devnet.mine(w.firstCompletableBlock() - 1 - latest);
            el.withdrawals().awaitClaimable(w, Duration.ofSeconds(5));
            BigInteger before = balance(devnet, alice);
            WithdrawalsCompleted done = el.withdrawals().completeAllReady(ReceiveAs.TOKENS).send();
            BigInteger received = balance(devnet, alice).subtract(before);
            assertEquals(underlying.wei(), received, "paid exactly what the withdrawable shares promised");
            assertEquals(List.of(Amount.ofWei(received, stEth)), done.received());
            assertEquals(Amount.ofWei(received, stEth), done.received(stEth));
            assertEquals(List.of(w.root()), done.roots());
            assertTrue(el.withdrawals().pending().isEmpty());
        }
    }

    @Test
    void anApproverSignatureLetsAStakerDelegate(Devnet devnet, @Account(0) Credentials alice,
            @Account(4) Credentials operator, @Account(5) Credentials approver) throws Exception {
        devnet.eigenLayer().registerOperator(operator, approver.getAddress());
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            EigenLayer el = client.eigenLayer();
            InvalidInputException needs = assertThrows(InvalidInputException.class,
                    () -> el.delegateTo(operator.getAddress()).preview());
            assertTrue(needs.getMessage().contains("delegation approver"), needs.getMessage());

            DelegationApproval ok = el.signDelegationApproval(Signer.of(approver), alice.getAddress(), operator.getAddress(),
                    java.time.Instant.now().plus(Duration.ofHours(1)));
            byte[] onChain = DelegationManager.load(devnet.eigenLayer().delegationManager(), devnet.web3j(),
                    devnet.transactionManager(alice), devnet.gasProvider())
                    .call_calculateDelegationApprovalDigestHash(alice.getAddress(), operator.getAddress(),
                            approver.getAddress(), ok.salt(), ok.expiry()).send();
            assertArrayEquals(onChain, el.delegationApprovalDigest(new DelegationApprovalRequest(alice.getAddress(),
                    operator.getAddress(), approver.getAddress(), ok.salt(), ok.expiry())),
                    "our digest equals calculateDelegationApprovalDigestHash");

            // an approval the approver really signed, but for another staker, is refused before anything is signed
            DelegationApproval forBob = el.signDelegationApproval(Signer.of(approver), devnet.accounts().get(1).getAddress(),
                    operator.getAddress(), java.time.Instant.now().plus(Duration.ofHours(1)));
            BigInteger nonce = nonce(devnet, alice);
            InvalidInputException notMine = assertThrows(InvalidInputException.class,
                    () -> el.delegateTo(operator.getAddress(), forBob).send());
            assertTrue(notMine.getMessage().contains("for staker"), notMine.getMessage());
            assertEquals(nonce, nonce(devnet, alice), "refused before signing");

            el.delegateTo(operator.getAddress(), ok).send();
            assertEquals(operator.getAddress().toLowerCase(Locale.ROOT),
                    el.positions().delegatedTo().toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void undelegatingWhenNotDelegatedIsRefused(Devnet devnet, @Account(1) Credentials bob) throws Exception {
        try (Restaking client = DevnetClients.client(devnet, bob)) {
            BigInteger nonce = nonce(devnet, bob);
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> client.eigenLayer().undelegate().send());
            assertTrue(e.getMessage().contains("not delegated"), e.getMessage());
            assertEquals(nonce, nonce(devnet, bob));
        }
    }

    @Test
    void rewardsAreClaimedFromAPostedRootOnceItIsActive(Devnet devnet, @Account(0) Credentials alice,
            @Account(1) Credentials bob) throws Exception {
        EigenLayerDevnet fixtures = devnet.eigenLayer();
        TestToken reward = devnet.deployToken("Reward", "RWD", 18);
        String rwd = reward.getContractAddress();
        RewardsTree tree = RewardsTree.build(RewardsEarnings.builder()
                .add(alice.getAddress(), stEth.address(), ETHER.multiply(BigInteger.TEN))
                .add(alice.getAddress(), rwd, ETHER.multiply(BigInteger.valueOf(3)))
                .add(bob.getAddress(), stEth.address(), ETHER.multiply(BigInteger.valueOf(5)))
                .build());
        fixtures.stakeStETHFor(fixtures.rewardsCoordinator(), ETHER.multiply(BigInteger.valueOf(15)));
        reward.send_mint(fixtures.rewardsCoordinator(), ETHER.multiply(BigInteger.valueOf(3))).send();
        long now = devnet.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock()
                .getTimestamp().longValueExact();
        long index = fixtures.postRewardsRoot(tree.root(), now - 1);
        RewardsProof proof = new RewardsProof(tree.root(), tree.claim(index, alice.getAddress()));

        try (Restaking client = DevnetClients.client(devnet, alice)) {
            Rewards rewards = client.eigenLayer().rewards();
            BigInteger nonce = nonce(devnet, alice);
            InvalidInputException inactive = assertThrows(InvalidInputException.class,
                    () -> rewards.claim(proof, alice.getAddress()).send());
            assertTrue(inactive.getMessage().contains("not active yet"), inactive.getMessage());

            RewardsClaim claim = proof.claim();
            TokenLeaf first = claim.tokenLeaves().get(0);
            RewardsClaim inflated = new RewardsClaim(claim.rootIndex(), claim.earnerIndex(), claim.earnerTreeProof(),
                    claim.earnerLeaf(), claim.tokenIndices(), claim.tokenTreeProofs(),
                    List.of(new TokenLeaf(first.token(), first.cumulativeEarnings().add(BigInteger.ONE)),
                            claim.tokenLeaves().get(1)));
            InvalidInputException wrong = assertThrows(InvalidInputException.class,
                    () -> rewards.claim(new RewardsProof(tree.root(), inflated), alice.getAddress()).preview());
            assertTrue(wrong.getMessage().contains("does not verify"), wrong.getMessage());
            assertEquals(nonce, nonce(devnet, alice), "nothing signed");

            assertEquals(index + 1, rewards.distributionRootsLength());
            DistributionRoot posted = rewards.distributionRoot(index);
            assertEquals(tree.rootHex(), posted.root());
            assertTrue(!posted.isClaimableAt(java.time.Instant.ofEpochSecond(now)), "not active before the delay");
            devnet.advanceTime(fixtures.rewardsActivationDelay().plusSeconds(1));
            assertEquals(index, rewards.currentClaimableRoot().orElseThrow().index());
            RewardsClaimed paid = rewards.claimFromJson(RewardsProofJson.toJson(proof), alice.getAddress()).send();
            assertEquals(Map.of(stEth.address().toLowerCase(Locale.ROOT), ETHER.multiply(BigInteger.TEN),
                    rwd.toLowerCase(Locale.ROOT), ETHER.multiply(BigInteger.valueOf(3))), paid.claimed());

            InvalidInputException again = assertThrows(InvalidInputException.class,
                    () -> rewards.claim(proof, alice.getAddress()).preview());
            assertTrue(again.getMessage().contains("already been claimed"), again.getMessage());
        }
    }

    @Test
    void podAddressIsKnownBeforeCreationAndStakingChecksTheDepositData(Devnet devnet, @Account(6) Credentials carol) {
        try (Restaking client = DevnetClients.client(devnet, carol)) {
            EigenPods pods = client.eigenLayer().pods();
            String predicted = pods.address();
            assertTrue(!pods.exists());
            String created = pods.create().send().pod();
            assertEquals(predicted.toLowerCase(Locale.ROOT), created.toLowerCase(Locale.ROOT));
            assertTrue(pods.exists());
            assertThrows(InvalidInputException.class, () -> pods.create().send(), "one pod per owner");

            byte[] pubkey = new byte[48];
            java.util.Arrays.fill(pubkey, (byte) 0xab);
            byte[] signature = new byte[96];
            java.util.Arrays.fill(signature, (byte) 0xcd);
            byte[] root = EigenPods.depositDataRoot(pubkey, EigenPods.withdrawalCredentials(created), 32_000_000_000L, signature);
            assertEquals(created.toLowerCase(Locale.ROOT), pods.stake(pubkey, signature, root).send().pod().toLowerCase(Locale.ROOT),
                    "the beacon deposit fixture accepted our deposit data root");
            assertEquals(BigInteger.ZERO, pods.shares(), "no shares until withdrawal credentials are proven");
            byte[] wrong = root.clone();
            wrong[0] ^= 1;
            assertThrows(io.restake4j.errors.SimulationRevertedException.class, () -> pods.stake(pubkey, signature, wrong).send(),
                    "a wrong deposit data root is caught by the simulation");
        }
    }

    /** {@code who}'s stETH (the fixture token the strategy holds). */
    private static BigInteger balance(Devnet devnet, Credentials who) throws Exception {
        return ERC20.load(stEth.address(), devnet.web3j(), devnet.transactionManager(who), devnet.gasProvider())
                .call_balanceOf(who.getAddress()).send();
    }
}
