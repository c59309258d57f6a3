package io.restake4j.devnet.symbiotic;

import static io.restake4j.devnet.testing.FixtureAsserts.assertRevertsWith;
import static io.restake4j.devnet.testing.FixtureAsserts.eth;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint48;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.SymbioticDevnet;
import io.restake4j.devnet.SymbioticDevnet.VaultSpec;
import io.restake4j.devnet.fixtures.common.TestToken;
import io.restake4j.devnet.fixtures.symbiotic.DefaultStakerRewards;
import io.restake4j.devnet.fixtures.symbiotic.Vault;

/**
 * The DefaultStakerRewards fixture's rules as upstream's v2: distributions only from the network's middleware, at a
 * past timestamp, net of the admin fee; claims per (token, network) with the data layout of the facts file, events,
 * and the errors by name.
 */
@DevnetTest
class SymbioticRewardsIT {

    @Test
    void distributionsAndClaimsFollowUpstreamsRules(Devnet devnet, SymbioticDevnet symbiotic, @Account(1) Credentials alice,
            @Account(5) Credentials network, @Account(6) Credentials middleware) throws Exception {
        TestToken col = devnet.deployToken("Collateral", "COL", 18);
        TestToken reward = devnet.deployToken("Reward", "RWD", 18);
        String vault = symbiotic.createVault(VaultSpec.of(col.getContractAddress(), Duration.ofDays(7)));
        symbiotic.registerNetwork(network, middleware.getAddress());
        String rewards = symbiotic.createStakerRewards(vault, 500); // 5%
        DefaultStakerRewards r = DefaultStakerRewards.load(rewards, devnet.web3j(), devnet.transactionManager(alice),
                devnet.gasProvider());
        assertEquals(vault, r.call_VAULT().send());
        assertEquals(BigInteger.valueOf(500), r.call_adminFee().send());
        col.send_mint(alice.getAddress(), eth(2)).send();
        TestToken.load(col.getContractAddress(), devnet.web3j(), devnet.transactionManager(alice), devnet.gasProvider())
                .send_approve(vault, eth(2)).send();
        Vault.load(vault, devnet.web3j(), devnet.transactionManager(alice), devnet.gasProvider())
                .send_deposit(alice.getAddress(), eth(2)).send();
        devnet.advanceTime(Duration.ofMinutes(5));
        BigInteger now = devnet.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock()
                .getTimestamp();
        String rwd = reward.getContractAddress();

        // only the middleware, only a past timestamp
        assertRevertsWith(devnet, alice.getAddress(), rewards,
                DefaultStakerRewards.getABI_send_distributeRewards(network.getAddress(), rwd, eth(1), data(now.subtract(BigInteger.TEN))),
                "NotNetworkMiddleware()");
        assertRevertsWith(devnet, middleware.getAddress(), rewards,
                DefaultStakerRewards.getABI_send_distributeRewards(network.getAddress(), rwd, eth(1), data(now.add(BigInteger.TEN))),
                "InvalidRewardTimestamp()");
        reward.send_mint(middleware.getAddress(), eth(10)).send();
        TransactionReceipt d = symbiotic.distributeRewards(rewards, middleware, network.getAddress(), rwd, eth(10),
                now.subtract(BigInteger.TEN));
        DefaultStakerRewards.DistributeRewardsEventResponse event = DefaultStakerRewards.getDistributeRewardsEvents(d).get(0);
        assertEquals(network.getAddress(), event.network);
        assertEquals(eth(10).multiply(BigInteger.valueOf(95)).divide(BigInteger.valueOf(100)), event.distributeAmount);
        assertEquals(eth(10).divide(BigInteger.valueOf(20)), event.adminFeeAmount);
        assertEquals(BigInteger.ONE, r.call_rewardsLength(rwd, network.getAddress()).send());
        assertEquals(eth(10).divide(BigInteger.valueOf(20)), r.call_claimableAdminFee(rwd).send());

        // hints must be empty or exactly as many as the distributions claimed
        assertRevertsWith(devnet, alice.getAddress(), rewards, DefaultStakerRewards.getABI_send_claimRewards(alice.getAddress(),
                rwd, claimData(network.getAddress(), BigInteger.ONE, 2)), "InvalidHintsLength()");
        TransactionReceipt claimed = r.send_claimRewards(alice.getAddress(), rwd, claimData(network.getAddress(),
                BigInteger.ONE, 0)).send();
        BigInteger due = event.distributeAmount; // alice holds every active share at the timestamp
        assertEquals(due, DefaultStakerRewards.getClaimRewardsEvents(claimed).get(0).amount);
        assertEquals(due, reward.call_balanceOf(alice.getAddress()).send());
        assertRevertsWith(devnet, alice.getAddress(), rewards, DefaultStakerRewards.getABI_send_claimRewards(alice.getAddress(),
                rwd, claimData(network.getAddress(), BigInteger.ONE, 0)), "NoRewardsToClaim()");
    }

    /** distributeRewards data: abi.encode(uint48 timestamp, uint256 maxAdminFee, bytes, bytes). */
    private static byte[] data(BigInteger timestamp) {
        return Numeric.hexStringToByteArray(FunctionEncoder.encodeConstructor(List.of(new Uint48(timestamp),
                new Uint256(BigInteger.valueOf(10_000)), new DynamicBytes(new byte[0]), new DynamicBytes(new byte[0]))));
    }

    /** claimRewards data: abi.encode(address network, uint256 maxRewards, bytes[] hints) with {@code hints} empty hints. */
    private static byte[] claimData(String network, BigInteger maxRewards, int hints) {
        List<DynamicBytes> list = java.util.Collections.nCopies(hints, new DynamicBytes(new byte[0]));
        return Numeric.hexStringToByteArray(FunctionEncoder.encodeConstructor(List.of(new Address(network),
                new Uint256(maxRewards), new DynamicArray<>(DynamicBytes.class, list))));
    }
}
