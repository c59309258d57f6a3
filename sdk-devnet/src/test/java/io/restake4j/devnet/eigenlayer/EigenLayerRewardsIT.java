package io.restake4j.devnet.eigenlayer;

import static io.restake4j.devnet.eigenlayer.ElTestSupport.WAD;
import static io.restake4j.devnet.eigenlayer.ElTestSupport.assertReverts;
import static io.restake4j.devnet.eigenlayer.ElTestSupport.tokenAs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.EigenLayerDevnet;
import io.restake4j.devnet.fixtures.eigenlayer.RewardsCoordinator;
import io.restake4j.devnet.fixtures.eigenlayer.RewardsCoordinator.EarnerTreeMerkleLeaf;
import io.restake4j.devnet.fixtures.eigenlayer.RewardsCoordinator.RewardsMerkleClaim;
import io.restake4j.devnet.fixtures.eigenlayer.RewardsCoordinator.TokenTreeMerkleLeaf;

/**
 * Rewards claims against a 2-earner x 2-token distribution root built here by hand: leaves are
 * keccak256(salt ‖ address ‖ 32-byte value) (53 bytes; salt 0 for earners, 1 for tokens), parents
 * keccak256(left ‖ right) by position, earners and tokens in ascending address order.
 */
@DevnetTest
class EigenLayerRewardsIT {

    @Test
    void aHandBuiltRootIsClaimableAfterActivationOnceAndOnlyWithValidProofs(Devnet devnet,
            @Account(1) Credentials a, @Account(2) Credentials b, @Account(6) Credentials recipient) throws Exception {
        EigenLayerDevnet el = devnet.eigenLayer();
        List<String> tokens = new ArrayList<>(List.of(devnet.deployToken("Reward A", "RWA", 18).getContractAddress(),
                devnet.deployToken("Reward B", "RWB", 6).getContractAddress()));
        tokens.sort(Comparator.comparing(t -> new BigInteger(Numeric.cleanHexPrefix(t), 16)));
        List<Credentials> earners = new ArrayList<>(List.of(a, b));
        earners.sort(Comparator.comparing(c -> new BigInteger(Numeric.cleanHexPrefix(c.getAddress()), 16)));
        BigInteger[][] amounts = {
            {new BigInteger("1500000000000000000"), BigInteger.valueOf(2_000_000)},
            {new BigInteger("250000000000000001"), BigInteger.valueOf(7)}};
        for (int t = 0; t < 2; t++) {
            tokenAs(devnet, tokens.get(t), devnet.deployer()).send_mint(el.rewardsCoordinator(),
                    amounts[0][t].add(amounts[1][t])).send();
        }

        byte[][][] tokenLeaves = new byte[2][2][];
        byte[][] tokenRoots = new byte[2][];
        byte[][] earnerLeaves = new byte[2][];
        for (int e = 0; e < 2; e++) {
            for (int t = 0; t < 2; t++) {
                tokenLeaves[e][t] = leaf(1, tokens.get(t), Numeric.toBytesPadded(amounts[e][t], 32));
            }
            tokenRoots[e] = Hash.sha3(concat(tokenLeaves[e][0], tokenLeaves[e][1]));
            earnerLeaves[e] = leaf(0, earners.get(e).getAddress(), tokenRoots[e]);
        }
        byte[] root = Hash.sha3(concat(earnerLeaves[0], earnerLeaves[1]));

        RewardsCoordinator rc = rc(devnet, earners.get(1));
        assertArrayEquals(earnerLeaves[1], rc.call_calculateEarnerLeafHash(
                new EarnerTreeMerkleLeaf(earners.get(1).getAddress(), tokenRoots[1])).send());
        assertArrayEquals(tokenLeaves[1][0], rc.call_calculateTokenLeafHash(
                new TokenTreeMerkleLeaf(tokens.get(0), amounts[1][0])).send());

        long end = ElTestSupport.latestTimestamp(devnet).longValueExact() - 1;
        long index = el.postRewardsRoot(root, end);
        assertEquals(0, index);
        var current = rc.call_getCurrentDistributionRoot().send();
        assertArrayEquals(root, current.root);
        assertEquals(BigInteger.valueOf(end), current.rewardsCalculationEndTimestamp);
        assertArrayEquals(new byte[32], rc.call_getCurrentClaimableDistributionRoot().send().root, "not active yet");
        assertEquals(BigInteger.ZERO, rc.call_getRootIndexFromHash(root).send());

        // earner 1 claims both tokens: earner proof = earner 0's leaf; each token proof = the other token leaf
        RewardsMerkleClaim claim = claim(index, 1, earnerLeaves[0], earners.get(1).getAddress(), tokenRoots[1],
                List.of(tokenLeaves[1][1], tokenLeaves[1][0]), tokens, amounts[1]);
        String claimData = RewardsCoordinator.getABI_send_processClaim(claim, recipient.getAddress());
        assertReverts(devnet, earners.get(1).getAddress(), el.rewardsCoordinator(), claimData, "RootNotActivated()");

        devnet.advanceTime(el.rewardsActivationDelay().plus(Duration.ofSeconds(1)));
        assertArrayEquals(root, rc.call_getCurrentClaimableDistributionRoot().send().root);
        assertTrue(rc.call_checkClaim(claim).send());
        assertReverts(devnet, earners.get(0).getAddress(), el.rewardsCoordinator(), claimData, "UnauthorizedCaller()");

        // wrong proofs: a flipped sibling, and the right sibling at the wrong index
        byte[] bad = earnerLeaves[0].clone();
        bad[0] ^= 1;
        assertReverts(devnet, earners.get(1).getAddress(), el.rewardsCoordinator(), RewardsCoordinator.getABI_send_processClaim(
                claim(index, 1, bad, earners.get(1).getAddress(), tokenRoots[1], List.of(tokenLeaves[1][1], tokenLeaves[1][0]),
                        tokens, amounts[1]), recipient.getAddress()), "InvalidClaimProof()");
        assertReverts(devnet, earners.get(1).getAddress(), el.rewardsCoordinator(), RewardsCoordinator.getABI_send_processClaim(
                claim(index, 0, earnerLeaves[0], earners.get(1).getAddress(), tokenRoots[1],
                        List.of(tokenLeaves[1][1], tokenLeaves[1][0]), tokens, amounts[1]), recipient.getAddress()),
                "InvalidClaimProof()");
        assertReverts(devnet, earners.get(1).getAddress(), el.rewardsCoordinator(), RewardsCoordinator.getABI_send_processClaim(
                claim(index, 2, earnerLeaves[0], earners.get(1).getAddress(), tokenRoots[1],
                        List.of(tokenLeaves[1][1], tokenLeaves[1][0]), tokens, amounts[1]), recipient.getAddress()),
                "InvalidEarnerLeafIndex()");
        assertReverts(devnet, earners.get(1).getAddress(), el.rewardsCoordinator(), RewardsCoordinator.getABI_send_processClaim(
                claim(index, 1, new byte[63], earners.get(1).getAddress(), tokenRoots[1],
                        List.of(tokenLeaves[1][1], tokenLeaves[1][0]), tokens, amounts[1]), recipient.getAddress()),
                "InvalidProofLength()");

        TransactionReceipt claimed = rc.send_processClaim(claim, recipient.getAddress()).send();
        var events = RewardsCoordinator.getRewardsClaimedEvents(claimed);
        assertEquals(2, events.size());
        for (int t = 0; t < 2; t++) {
            assertEquals(amounts[1][t], tokenAs(devnet, tokens.get(t), recipient).call_balanceOf(recipient.getAddress()).send());
            assertEquals(amounts[1][t], rc.call_cumulativeClaimed(earners.get(1).getAddress(), tokens.get(t)).send());
            assertEquals(amounts[1][t], events.get(t).claimedAmount);
            assertEquals(earners.get(1).getAddress(), events.get(t).earner);
            assertEquals(earners.get(1).getAddress(), events.get(t).claimer);
            assertEquals(recipient.getAddress(), events.get(t).recipient);
            assertArrayEquals(root, events.get(t).root);
        }
        assertReverts(devnet, earners.get(1).getAddress(), el.rewardsCoordinator(), claimData,
                "EarningsNotGreaterThanClaimed()");

        // earner 0 lets a claimer claim one token for it (index 0: the proof is earner 1's leaf)
        rc(devnet, earners.get(0)).send_setClaimerFor(recipient.getAddress()).send();
        assertEquals(recipient.getAddress(), rc.call_claimerFor(earners.get(0).getAddress()).send());
        RewardsMerkleClaim single = new RewardsMerkleClaim(BigInteger.valueOf(index), BigInteger.ZERO, earnerLeaves[1],
                new EarnerTreeMerkleLeaf(earners.get(0).getAddress(), tokenRoots[0]), List.of(BigInteger.ONE),
                List.of(tokenLeaves[0][0]), List.of(new TokenTreeMerkleLeaf(tokens.get(1), amounts[0][1])));
        rc(devnet, recipient).send_processClaim(single, earners.get(0).getAddress()).send();
        assertEquals(amounts[0][1], tokenAs(devnet, tokens.get(1), recipient).call_balanceOf(earners.get(0).getAddress()).send());
    }

    @Test
    void onlyTheUpdaterPostsRootsForNewPeriodsAndRootsCanBeDisabledBeforeActivation(Devnet devnet,
            @Account(1) Credentials stranger) throws Exception {
        EigenLayerDevnet el = devnet.eigenLayer();
        long now = ElTestSupport.latestTimestamp(devnet).longValueExact();
        byte[] root = Hash.sha3("root".getBytes());
        assertReverts(devnet, stranger.getAddress(), el.rewardsCoordinator(),
                RewardsCoordinator.getABI_send_submitRoot(root, BigInteger.valueOf(now - 5)), "UnauthorizedCaller()");
        assertReverts(devnet, devnet.deployer().getAddress(), el.rewardsCoordinator(),
                RewardsCoordinator.getABI_send_submitRoot(root, BigInteger.valueOf(now + 1000)), "RewardsEndTimestampNotElapsed()");
        long index = el.postRewardsRoot(root, now - 5);
        assertReverts(devnet, devnet.deployer().getAddress(), el.rewardsCoordinator(),
                RewardsCoordinator.getABI_send_submitRoot(root, BigInteger.valueOf(now - 5)), "NewRootMustBeForNewCalculatedPeriod()");
        RewardsCoordinator asUpdater = rc(devnet, devnet.deployer());
        var stored = asUpdater.call_getDistributionRootAtIndex(BigInteger.valueOf(index)).send();
        assertEquals(BigInteger.valueOf(el.rewardsActivationDelay().toSeconds()),
                stored.activatedAt.subtract(ElTestSupport.latestTimestamp(devnet)), "activatedAt = submission time + delay");
        asUpdater.send_disableRoot(BigInteger.valueOf(index)).send();
        assertTrue(asUpdater.call_getDistributionRootAtIndex(BigInteger.valueOf(index)).send().disabled);
        assertEquals(BigInteger.ONE, asUpdater.call_getDistributionRootsLength().send());
        assertEquals(WAD.signum(), 1);
    }

    // ---------------------------------------------------------------- tree helpers

    /** keccak256(uint8 salt ‖ address ‖ 32-byte value): 53 bytes hashed. */
    static byte[] leaf(int salt, String address, byte[] value32) {
        byte[] packed = concat(new byte[] {(byte) salt}, Numeric.hexStringToByteArray(address), value32);
        assertEquals(53, packed.length);
        return Hash.sha3(packed);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static RewardsMerkleClaim claim(long rootIndex, int earnerIndex, byte[] earnerProof, String earner,
            byte[] tokenRoot, List<byte[]> tokenProofs, List<String> tokens, BigInteger[] amounts) {
        return new RewardsMerkleClaim(BigInteger.valueOf(rootIndex), BigInteger.valueOf(earnerIndex), earnerProof,
                new EarnerTreeMerkleLeaf(earner, tokenRoot), List.of(BigInteger.ZERO, BigInteger.ONE), tokenProofs,
                List.of(new TokenTreeMerkleLeaf(tokens.get(0), amounts[0]), new TokenTreeMerkleLeaf(tokens.get(1), amounts[1])));
    }

    private static RewardsCoordinator rc(Devnet devnet, Credentials who) {
        return RewardsCoordinator.load(devnet.eigenLayer().rewardsCoordinator(), devnet.web3j(),
                devnet.transactionManager(who), devnet.gasProvider());
    }
}
