package io.restake4j.eigenlayer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.abi.TypeEncoder;
import org.web3j.crypto.Hash;

import io.restake4j.contracts.eigenlayer.DelegationManager;
import io.restake4j.contracts.eigenlayer.RewardsCoordinator;
import io.restake4j.eigenlayer.rewards.RewardsClaim;
import io.restake4j.eigenlayer.rewards.RewardsEarnings;
import io.restake4j.eigenlayer.rewards.RewardsTree;

/** Our value types and the generated wrappers' structs encode the same bytes. */
class AbiMappingTest {

    private static final String STAKER = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
    private static final String OPERATOR = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";
    private static final String STRATEGY = "0x93c4b944d05dfe6df7645a86cd2206016c51564d";

    @Test
    void withdrawalMapsToTheWrapperStructAndBack() {
        Withdrawal w = new Withdrawal(STAKER, OPERATOR, STAKER, BigInteger.valueOf(3), 77L, List.of(STRATEGY),
                List.of(new BigInteger("123456789012345678901234567890")));
        DelegationManager.Withdrawal struct = Withdrawals.toAbi(w);
        assertEquals(TypeEncoder.encode(w.toAbi()), TypeEncoder.encode(struct));
        assertEquals(w, Withdrawals.fromAbi(struct));
    }

    @Test
    void claimMapsToTheWrapperStruct() {
        String token = "0x1000000000000000000000000000000000000001";
        RewardsTree tree = RewardsTree.build(RewardsEarnings.builder()
                .add(STAKER, token, BigInteger.TEN)
                .add(OPERATOR, token, BigInteger.TWO)
                .build());
        RewardsClaim claim = tree.claim(4, STAKER);
        RewardsCoordinator.RewardsMerkleClaim struct = Rewards.toAbi(claim);
        assertEquals(BigInteger.valueOf(4), struct.rootIndex);
        assertEquals(claim.earnerIndex(), struct.earnerIndex.longValueExact());
        assertEquals(STAKER, struct.earnerLeaf.earner.toLowerCase());
        assertEquals(BigInteger.TEN, struct.tokenLeaves.get(0).cumulativeEarnings);
        // the calldata carries the processClaim selector
        String calldata = RewardsCoordinator.getABI_send_processClaim(struct, STAKER);
        String selector = Hash.sha3String(
                "processClaim((uint32,uint32,bytes,(address,bytes32),uint32[],bytes[],(address,uint256)[]),address)")
                .substring(0, 10);
        assertTrue(calldata.startsWith(selector), calldata.substring(0, 10) + " vs " + selector);
    }

    @Test
    void completabilityIsJudgedForTheNextBlock() {
        Withdrawal w = new Withdrawal(STAKER, OPERATOR, STAKER, BigInteger.ZERO, 100L, List.of(), List.of());
        PendingWithdrawal p = new PendingWithdrawal(w.root(), w, List.of(), List.of(), w.firstCompletableBlock(10), 109L,
                java.time.Instant.ofEpochSecond(1_700_000_000L));
        assertEquals(111L, p.firstCompletableBlock());
        assertFalse(p.isReady(), "block 110 is the earliest the next transaction lands in, one short");
        assertFalse(p.isCompletableAfter(109));
        assertTrue(p.isCompletableAfter(110));
        assertEquals(io.restake4j.exits.ExitStatus.PENDING, p.status());
        assertEquals(new io.restake4j.exits.Readiness.AtBlock(BigInteger.valueOf(111),
                java.time.Instant.ofEpochSecond(1_700_000_024L)), p.readiness(), "two blocks of 12 s after the block read");
        assertEquals(List.of(), p.claimable());
        PendingWithdrawal later = new PendingWithdrawal(w.root(), w, List.of(), List.of(), w.firstCompletableBlock(10), 110L,
                java.time.Instant.ofEpochSecond(1_700_000_012L));
        assertEquals(io.restake4j.exits.ExitStatus.CLAIMABLE, later.status());
        assertTrue(later.readiness().isReady());
        assertEquals(w.root(), later.id());
        assertEquals(w.withdrawer(), later.owner());
        PendingWithdrawal fromEvents = new PendingWithdrawal(w.root(), w, List.of(), List.of(), w.firstCompletableBlock(10), 0L, null);
        assertEquals(io.restake4j.exits.ExitStatus.PENDING, fromEvents.status(), "not read: never claimed to be ready");
        assertTrue(fromEvents.readiness().estimate().isEmpty());
    }
}
