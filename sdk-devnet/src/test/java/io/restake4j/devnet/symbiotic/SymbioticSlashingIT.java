package io.restake4j.devnet.symbiotic;

import static io.restake4j.devnet.testing.FixtureAsserts.assertRevertsWith;
import static io.restake4j.devnet.testing.FixtureAsserts.eth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.SymbioticDevnet;
import io.restake4j.devnet.SymbioticDevnet.VaultSpec;
import io.restake4j.devnet.fixtures.common.TestToken;
import io.restake4j.devnet.fixtures.symbiotic.NetworkRestakeDelegator;
import io.restake4j.devnet.fixtures.symbiotic.Slasher;
import io.restake4j.devnet.fixtures.symbiotic.Vault;
import io.restake4j.devnet.fixtures.symbiotic.VetoSlasher;

/**
 * Slashing a Symbiotic v1 vault on the devnet end to end: a network with its middleware, an opted-in operator, a
 * NetworkRestakeDelegator with limits and shares, then instant and veto slashes that take collateral from active
 * stake and pending withdrawals pro rata, as upstream's {@code Vault.onSlash}, to the wei.
 */
@DevnetTest
class SymbioticSlashingIT {

    private static final Duration EPOCH = Duration.ofDays(7);
    private static final byte[] NO_HINTS = new byte[0];

    /** Vault, delegator and slasher wired with one network (identifier 0) and one operator holding all shares. */
    private record Setup(TestToken token, String vault, String delegator, String slasher, byte[] subnetwork) {
    }

    private static Setup setUp(Devnet devnet, SymbioticDevnet symbiotic, Credentials network, Credentials middleware,
            Credentials operator, boolean veto) throws Exception {
        TestToken token = devnet.deployToken("Collateral", "COL", 18);
        String vault = symbiotic.createVault(VaultSpec.of(token.getContractAddress(), EPOCH));
        String delegator = symbiotic.attachNetworkRestakeDelegator(vault);
        String slasher = veto ? symbiotic.attachVetoSlasher(vault, Duration.ofDays(1), 3) : symbiotic.attachSlasher(vault);
        symbiotic.registerNetwork(network, middleware.getAddress());
        symbiotic.registerOperator(operator, vault, network.getAddress());
        symbiotic.setNetworkLimit(vault, network, 0, eth(100));
        byte[] subnetwork = SymbioticDevnet.subnetwork(network.getAddress(), 0);
        symbiotic.setOperatorNetworkShares(vault, subnetwork, operator.getAddress(), BigInteger.ONE);
        return new Setup(token, vault, delegator, slasher, subnetwork);
    }

    @Test
    void anInstantSlashTakesActiveStakeAndTheNextBucketProRata(Devnet devnet, SymbioticDevnet symbiotic,
            @Account(1) Credentials alice, @Account(5) Credentials network, @Account(6) Credentials middleware,
            @Account(7) Credentials operator) throws Exception {
        Setup s = setUp(devnet, symbiotic, network, middleware, operator, false);
        Vault a = fundAndDeposit(devnet, s, alice, new BigInteger("10000000000000000001"));
        assertTrue(a.call_isInitialized().send(), "delegator and slasher set");
        NetworkRestakeDelegator d = NetworkRestakeDelegator.load(s.delegator(), devnet.web3j(),
                devnet.transactionManager(alice), devnet.gasProvider());
        assertEquals(new BigInteger("10000000000000000001"), d.call_stake(s.subnetwork(), operator.getAddress()).send(),
                "min(activeStake, networkLimit) x 1/1");
        // alice asks for 4 ETH back: active 6 ETH + 1 wei, the next bucket 4 ETH
        TransactionReceipt withdrawn = a.send_withdraw(alice.getAddress(), eth(4)).send();
        BigInteger capture = timestamp(devnet, withdrawn);
        devnet.advanceTime(Duration.ofHours(1));
        BigInteger active = a.call_activeStake().send();
        BigInteger next = a.call_withdrawals(BigInteger.ONE).send();
        assertEquals(new BigInteger("6000000000000000001"), active);
        assertEquals(eth(4), next);

        Slasher asMiddleware = Slasher.load(s.slasher(), devnet.web3j(), devnet.transactionManager(middleware),
                devnet.gasProvider());
        // only the network's middleware, only within the last epoch
        assertRevertsWith(devnet, alice.getAddress(), s.slasher(),
                Slasher.getABI_send_slash(s.subnetwork(), operator.getAddress(), eth(1), capture, NO_HINTS),
                "NotNetworkMiddleware()");
        BigInteger stakeAtCapture = d.call_stakeAt(s.subnetwork(), operator.getAddress(), capture, NO_HINTS).send();
        assertEquals(active, stakeAtCapture, "the stake at capture is the active stake after the withdrawal");
        assertEquals(stakeAtCapture, asMiddleware.call_slashableStake(s.subnetwork(), operator.getAddress(), capture,
                NO_HINTS).send());

        BigInteger amount = new BigInteger("3000000000000000007");
        BigInteger burnerBefore = s.token().call_balanceOf(SymbioticDevnet.DEFAULT_BURNER).send();
        TransactionReceipt slashed = asMiddleware.send_slash(s.subnetwork(), operator.getAddress(), amount, capture,
                NO_HINTS).send();
        // capture in the current epoch: active stake and the next bucket share the slash; active rounds down
        BigInteger pool = active.add(next);
        BigInteger activeSlashed = amount.multiply(active).divide(pool);
        BigInteger nextSlashed = amount.subtract(activeSlashed);
        assertEquals(amount, Slasher.getSlashEvents(slashed).get(0).slashedAmount);
        Vault.OnSlashEventResponse onSlash = Vault.getOnSlashEvents(slashed).get(0);
        assertEquals(amount, onSlash.amount);
        assertEquals(amount, onSlash.slashedAmount);
        assertEquals(capture, onSlash.captureTimestamp);
        assertEquals(active.subtract(activeSlashed), a.call_activeStake().send());
        assertEquals(next.subtract(nextSlashed), a.call_withdrawals(BigInteger.ONE).send());
        assertEquals(burnerBefore.add(amount), s.token().call_balanceOf(SymbioticDevnet.DEFAULT_BURNER).send(),
                "the collateral went to the burner");
        assertEquals(amount, asMiddleware.call_cumulativeSlash(s.subnetwork(), operator.getAddress()).send());
        // the slashable stake at that capture is what is left of it; more is capped, none left is refused
        BigInteger left = stakeAtCapture.subtract(amount);
        assertEquals(left, asMiddleware.call_slashableStake(s.subnetwork(), operator.getAddress(), capture, NO_HINTS).send());
        TransactionReceipt rest = asMiddleware.send_slash(s.subnetwork(), operator.getAddress(), eth(50), capture, NO_HINTS)
                .send();
        assertEquals(left, Slasher.getSlashEvents(rest).get(0).slashedAmount, "capped at the slashable stake");
        assertRevertsWith(devnet, middleware.getAddress(), s.slasher(),
                Slasher.getABI_send_slash(s.subnetwork(), operator.getAddress(), BigInteger.ONE, capture, NO_HINTS),
                "InsufficientSlash()");
        // a capture older than one epoch is out of the window
        devnet.advanceTime(EPOCH);
        assertRevertsWith(devnet, middleware.getAddress(), s.slasher(),
                Slasher.getABI_send_slash(s.subnetwork(), operator.getAddress(), BigInteger.ONE, capture, NO_HINTS),
                "InvalidCaptureTimestamp()");
    }

    @Test
    void aVetoSlashWaitsForItsResolverAndCanBeVetoed(Devnet devnet, SymbioticDevnet symbiotic,
            @Account(1) Credentials alice, @Account(5) Credentials network, @Account(6) Credentials middleware,
            @Account(7) Credentials operator, @Account(8) Credentials resolver) throws Exception {
        Setup s = setUp(devnet, symbiotic, network, middleware, operator, true);
        Vault a = fundAndDeposit(devnet, s, alice, eth(8));
        VetoSlasher asNetwork = VetoSlasher.load(s.slasher(), devnet.web3j(), devnet.transactionManager(network),
                devnet.gasProvider());
        asNetwork.send_setResolver(BigInteger.ZERO, resolver.getAddress(), NO_HINTS).send();
        devnet.advanceTime(Duration.ofHours(1));
        BigInteger capture = latest(devnet).subtract(BigInteger.valueOf(60));

        VetoSlasher asMiddleware = VetoSlasher.load(s.slasher(), devnet.web3j(), devnet.transactionManager(middleware),
                devnet.gasProvider());
        TransactionReceipt requested = asMiddleware.send_requestSlash(s.subnetwork(), operator.getAddress(), eth(2), capture,
                NO_HINTS).send();
        VetoSlasher.RequestSlashEventResponse request = VetoSlasher.getRequestSlashEvents(requested).get(0);
        assertEquals(BigInteger.ZERO, request.slashIndex);
        assertEquals(timestamp(devnet, requested).add(BigInteger.valueOf(Duration.ofDays(1).toSeconds())), request.vetoDeadline);
        assertRevertsWith(devnet, middleware.getAddress(), s.slasher(),
                VetoSlasher.getABI_send_executeSlash(BigInteger.ZERO, NO_HINTS), "VetoPeriodNotEnded()");
        assertRevertsWith(devnet, alice.getAddress(), s.slasher(),
                VetoSlasher.getABI_send_vetoSlash(BigInteger.ZERO, NO_HINTS), "NotResolver()");
        // the resolver vetoes the first request: nothing is taken
        VetoSlasher.load(s.slasher(), devnet.web3j(), devnet.transactionManager(resolver), devnet.gasProvider())
                .send_vetoSlash(BigInteger.ZERO, NO_HINTS).send();
        assertEquals(eth(8), a.call_activeStake().send());

        // a second request runs out its veto window and is executed
        TransactionReceipt second = asMiddleware.send_requestSlash(s.subnetwork(), operator.getAddress(), eth(3), capture,
                NO_HINTS).send();
        assertEquals(BigInteger.ONE, VetoSlasher.getRequestSlashEvents(second).get(0).slashIndex);
        devnet.advanceTime(Duration.ofDays(1).plusSeconds(1));
        TransactionReceipt executed = asMiddleware.send_executeSlash(BigInteger.ONE, NO_HINTS).send();
        assertEquals(eth(3), VetoSlasher.getExecuteSlashEvents(executed).get(0).slashedAmount);
        assertEquals(eth(5), a.call_activeStake().send(), "no withdrawals pending: all from active stake");
        assertRevertsWith(devnet, middleware.getAddress(), s.slasher(),
                VetoSlasher.getABI_send_executeSlash(BigInteger.ONE, NO_HINTS), "SlashRequestCompleted()");
        assertEquals(BigInteger.TWO, asMiddleware.call_slashRequestsLength().send());
    }

    // ---------------------------------------------------------------- helpers

    private static Vault fundAndDeposit(Devnet devnet, Setup s, Credentials who, BigInteger amount) throws Exception {
        s.token().send_mint(who.getAddress(), amount).send();
        TestToken.load(s.token().getContractAddress(), devnet.web3j(), devnet.transactionManager(who), devnet.gasProvider())
                .send_approve(s.vault(), amount).send();
        Vault v = Vault.load(s.vault(), devnet.web3j(), devnet.transactionManager(who), devnet.gasProvider());
        v.send_deposit(who.getAddress(), amount).send();
        return v;
    }

    private static BigInteger timestamp(Devnet devnet, TransactionReceipt receipt) throws Exception {
        return devnet.web3j().ethGetBlockByHash(receipt.getBlockHash(), false).send().getBlock().getTimestamp();
    }

    private static BigInteger latest(Devnet devnet) throws Exception {
        return devnet.web3j().ethGetBlockByNumber(org.web3j.protocol.core.DefaultBlockParameterName.LATEST, false).send()
                .getBlock().getTimestamp();
    }
}
