package io.restake4j.devnet.symbiotic;

import static io.restake4j.devnet.testing.FixtureAsserts.assertRevertsWith;
import static io.restake4j.devnet.testing.FixtureAsserts.eth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;

import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetException;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.SymbioticDevnet;
import io.restake4j.devnet.SymbioticDevnet.VaultSpec;
import io.restake4j.devnet.fixtures.common.TestToken;
import io.restake4j.devnet.fixtures.symbiotic.FullRestakeDelegator;
import io.restake4j.devnet.fixtures.symbiotic.OperatorNetworkOptInService;
import io.restake4j.devnet.fixtures.symbiotic.OperatorNetworkSpecificDelegator;
import io.restake4j.devnet.fixtures.symbiotic.OperatorSpecificDelegator;
import io.restake4j.devnet.fixtures.symbiotic.Vault;

/**
 * The devnet's controls for Symbiotic's FullRestake (type 1), OperatorSpecific (type 2) and OperatorNetworkSpecific
 * (type 3) delegators: each is attached with the deployer holding its roles (the init params decoded as the
 * fixture's {@code _initializeType} does), its limits are set through {@code setNetworkLimit} /
 * {@code setOperatorNetworkLimit}, and after deposits {@code stake(subnetwork, operator)} is what the type's
 * formula gives (symbiotic.md §4), computed here from the vault's active stake and the limits, to the wei.
 */
@DevnetTest
class SymbioticDelegatorsIT {

    private static final Duration EPOCH = Duration.ofDays(7);
    private static final byte[] DEFAULT_ADMIN_ROLE = new byte[32];
    private static final byte[] HOOK_SET_ROLE = role("HOOK_SET_ROLE");
    private static final byte[] NETWORK_LIMIT_SET_ROLE = role("NETWORK_LIMIT_SET_ROLE");
    private static final byte[] OPERATOR_NETWORK_LIMIT_SET_ROLE = role("OPERATOR_NETWORK_LIMIT_SET_ROLE");
    private static final String NO_HOOK = "0x0000000000000000000000000000000000000000";

    // ---------------------------------------------------------------- the formulas of symbiotic.md §4

    /** FullRestake: {@code min(activeStake, networkLimit, operatorNetworkLimit)}. */
    private static BigInteger fullRestakeStake(BigInteger activeStake, BigInteger networkLimit,
            BigInteger operatorNetworkLimit) {
        return activeStake.min(networkLimit).min(operatorNetworkLimit);
    }

    /** OperatorSpecific: {@code min(activeStake, networkLimit)} for its operator, 0 for any other. */
    private static BigInteger operatorSpecificStake(BigInteger activeStake, BigInteger networkLimit, boolean itsOperator) {
        return itsOperator ? activeStake.min(networkLimit) : BigInteger.ZERO;
    }

    /** OperatorNetworkSpecific: {@code min(activeStake, maxNetworkLimit)} for its network and operator, else 0. */
    private static BigInteger operatorNetworkSpecificStake(BigInteger activeStake, BigInteger maxNetworkLimit,
            boolean itsNetworkAndOperator) {
        return itsNetworkAndOperator ? activeStake.min(maxNetworkLimit) : BigInteger.ZERO;
    }

    // ---------------------------------------------------------------- type 1

    @Test
    void fullRestakeGivesEveryOperatorTheWholeLimitedStake(Devnet devnet, SymbioticDevnet symbiotic,
            @Account(1) Credentials alice, @Account(5) Credentials network, @Account(6) Credentials middleware,
            @Account(7) Credentials op1, @Account(8) Credentials op2, @Account(9) Credentials stranger) throws Exception {
        TestToken token = devnet.deployToken("Collateral", "COL", 18);
        String vault = symbiotic.createVault(VaultSpec.of(token.getContractAddress(), EPOCH));
        String delegator = symbiotic.attachFullRestakeDelegator(vault);
        FullRestakeDelegator d = FullRestakeDelegator.load(delegator, devnet.web3j(), devnet.transactionManager(alice),
                devnet.gasProvider());
        String deployer = devnet.deployer().getAddress();
        assertEquals(BigInteger.ONE, d.call_TYPE().send());
        assertTrue(vault.equalsIgnoreCase(d.call_vault().send()));
        assertTrue(delegator.equalsIgnoreCase(vault(devnet, vault, alice).call_delegator().send()), "set on the vault");
        // InitParams{BaseParams(deployer, 0, deployer), [deployer], [deployer]} as decoded by the fixture
        assertTrue(d.call_hasRole(DEFAULT_ADMIN_ROLE, deployer).send());
        assertTrue(d.call_hasRole(HOOK_SET_ROLE, deployer).send());
        assertTrue(d.call_hasRole(NETWORK_LIMIT_SET_ROLE, deployer).send());
        assertTrue(d.call_hasRole(OPERATOR_NETWORK_LIMIT_SET_ROLE, deployer).send());
        assertFalse(d.call_hasRole(NETWORK_LIMIT_SET_ROLE, alice.getAddress()).send());
        assertEquals(NO_HOOK, d.call_hook().send());

        symbiotic.registerNetwork(network, middleware.getAddress());
        symbiotic.registerOperator(op1, vault, network.getAddress());
        symbiotic.registerOperator(op2, vault, network.getAddress());
        byte[] sub = SymbioticDevnet.subnetwork(network.getAddress(), 0);
        BigInteger networkLimit = eth(100);
        symbiotic.setNetworkLimit(vault, network, 0, networkLimit);
        assertEquals(networkLimit, d.call_maxNetworkLimit(sub).send(), "the network's cap");
        assertEquals(networkLimit, d.call_networkLimit(sub).send(), "the curator's limit");
        BigInteger op1Limit = eth(100);
        BigInteger op2Limit = eth(100);
        symbiotic.setOperatorNetworkLimit(vault, sub, op1.getAddress(), op1Limit);
        symbiotic.setOperatorNetworkLimit(vault, sub, op2.getAddress(), op2Limit);
        symbiotic.setOperatorNetworkLimit(vault, sub, stranger.getAddress(), eth(100)); // not registered, not opted in
        assertEquals(op1Limit, d.call_operatorNetworkLimit(sub, op1.getAddress()).send());

        BigInteger deposited = eth(10).add(BigInteger.valueOf(7));
        deposit(devnet, token, vault, alice, deposited);
        BigInteger active = vault(devnet, vault, alice).call_activeStake().send();
        assertEquals(deposited, active);
        // restaked: both operators hold the whole active stake, together twice what the vault has
        assertEquals(fullRestakeStake(active, networkLimit, op1Limit), d.call_stake(sub, op1.getAddress()).send());
        assertEquals(active, d.call_stake(sub, op2.getAddress()).send());
        assertEquals(fullRestakeStake(active, networkLimit, op2Limit), d.call_stake(sub, op2.getAddress()).send());
        assertEquals(BigInteger.ZERO, d.call_stake(sub, stranger.getAddress()).send(), "not opted in: 0 despite its limit");

        // op2's own limit caps it; op1 keeps the whole stake
        op2Limit = new BigInteger("3000000000000000001");
        symbiotic.setOperatorNetworkLimit(vault, sub, op2.getAddress(), op2Limit);
        assertEquals(op2Limit, fullRestakeStake(active, networkLimit, op2Limit));
        assertEquals(fullRestakeStake(active, networkLimit, op2Limit), d.call_stake(sub, op2.getAddress()).send());
        assertEquals(active, d.call_stake(sub, op1.getAddress()).send());

        // the network limit, lowered below the active stake through the same control, caps op1
        networkLimit = eth(6).add(BigInteger.valueOf(5));
        symbiotic.setNetworkLimit(vault, network, 0, networkLimit);
        assertEquals(networkLimit, d.call_maxNetworkLimit(sub).send());
        assertEquals(networkLimit, d.call_networkLimit(sub).send());
        assertEquals(networkLimit, fullRestakeStake(active, networkLimit, op1Limit));
        assertEquals(fullRestakeStake(active, networkLimit, op1Limit), d.call_stake(sub, op1.getAddress()).send());
        assertEquals(fullRestakeStake(active, networkLimit, op2Limit), d.call_stake(sub, op2.getAddress()).send());

        // another subnetwork of the network gets the same collateral again, for the operators given a limit there
        byte[] sub1 = SymbioticDevnet.subnetwork(network.getAddress(), 1);
        BigInteger networkLimit1 = eth(50);
        symbiotic.setNetworkLimit(vault, network, 1, networkLimit1);
        symbiotic.setOperatorNetworkLimit(vault, sub1, op1.getAddress(), eth(50));
        assertEquals(active, d.call_stake(sub1, op1.getAddress()).send());
        assertEquals(BigInteger.ZERO, d.call_stake(sub1, op2.getAddress()).send(), "no operator limit there");

        // a second deposit raises only what no limit caps
        deposit(devnet, token, vault, alice, eth(5));
        BigInteger active2 = vault(devnet, vault, alice).call_activeStake().send();
        assertEquals(deposited.add(eth(5)), active2);
        assertEquals(fullRestakeStake(active2, networkLimit, op1Limit), d.call_stake(sub, op1.getAddress()).send());
        assertEquals(fullRestakeStake(active2, networkLimit, op2Limit), d.call_stake(sub, op2.getAddress()).send());
        assertEquals(fullRestakeStake(active2, networkLimit1, eth(50)), d.call_stake(sub1, op1.getAddress()).send());
        assertEquals(active2, d.call_stake(sub1, op1.getAddress()).send());
    }

    // ---------------------------------------------------------------- type 2

    @Test
    void operatorSpecificBacksOnlyItsOperatorUpToTheNetworkLimit(Devnet devnet, SymbioticDevnet symbiotic,
            @Account(1) Credentials alice, @Account(5) Credentials network, @Account(6) Credentials middleware,
            @Account(7) Credentials operator, @Account(8) Credentials other, @Account(9) Credentials stranger)
            throws Exception {
        TestToken token = devnet.deployToken("Collateral", "COL", 18);
        String vault = symbiotic.createVault(VaultSpec.of(token.getContractAddress(), EPOCH));
        symbiotic.registerNetwork(network, middleware.getAddress());
        // an operator that is not in the OperatorRegistry is refused at initialisation (NotOperator())
        DevnetException notOperator = assertThrows(DevnetException.class,
                () -> symbiotic.attachOperatorSpecificDelegator(vault, stranger.getAddress()));
        assertTrue(notOperator.getMessage().contains("create module type 2"), notOperator.getMessage());
        symbiotic.registerOperator(operator, vault, network.getAddress());
        symbiotic.registerOperator(other, vault, network.getAddress());
        String delegator = symbiotic.attachOperatorSpecificDelegator(vault, operator.getAddress());
        OperatorSpecificDelegator d = OperatorSpecificDelegator.load(delegator, devnet.web3j(),
                devnet.transactionManager(alice), devnet.gasProvider());
        String deployer = devnet.deployer().getAddress();
        assertEquals(BigInteger.TWO, d.call_TYPE().send());
        assertTrue(vault.equalsIgnoreCase(d.call_vault().send()));
        assertTrue(delegator.equalsIgnoreCase(vault(devnet, vault, alice).call_delegator().send()), "set on the vault");
        // InitParams{BaseParams(deployer, 0, deployer), [deployer], operator}
        assertTrue(operator.getAddress().equalsIgnoreCase(d.call_operator().send()));
        assertTrue(d.call_hasRole(DEFAULT_ADMIN_ROLE, deployer).send());
        assertTrue(d.call_hasRole(HOOK_SET_ROLE, deployer).send());
        assertTrue(d.call_hasRole(NETWORK_LIMIT_SET_ROLE, deployer).send());
        assertFalse(d.call_hasRole(NETWORK_LIMIT_SET_ROLE, operator.getAddress()).send());
        assertEquals(NO_HOOK, d.call_hook().send());

        byte[] sub0 = SymbioticDevnet.subnetwork(network.getAddress(), 0);
        byte[] sub1 = SymbioticDevnet.subnetwork(network.getAddress(), 1);
        BigInteger limit0 = eth(4).add(BigInteger.valueOf(3));
        BigInteger limit1 = eth(1000);
        symbiotic.setNetworkLimit(vault, network, 0, limit0);
        symbiotic.setNetworkLimit(vault, network, 1, limit1);
        assertEquals(limit0, d.call_maxNetworkLimit(sub0).send());
        assertEquals(limit0, d.call_networkLimit(sub0).send());
        assertEquals(limit1, d.call_networkLimit(sub1).send());

        BigInteger deposited = eth(10).add(BigInteger.ONE);
        deposit(devnet, token, vault, alice, deposited);
        BigInteger active = vault(devnet, vault, alice).call_activeStake().send();
        assertEquals(deposited, active);
        assertEquals(limit0, operatorSpecificStake(active, limit0, true), "the limit caps it");
        assertEquals(operatorSpecificStake(active, limit0, true), d.call_stake(sub0, operator.getAddress()).send());
        assertEquals(operatorSpecificStake(active, limit1, true), d.call_stake(sub1, operator.getAddress()).send());
        assertEquals(active, d.call_stake(sub1, operator.getAddress()).send());
        assertEquals(operatorSpecificStake(active, limit0, false), d.call_stake(sub0, other.getAddress()).send(),
                "opted in, but not the vault's operator");
        assertEquals(BigInteger.ZERO, d.call_stake(sub1, other.getAddress()).send());

        // raised above the active stake, the limit no longer caps
        limit0 = eth(20);
        symbiotic.setNetworkLimit(vault, network, 0, limit0);
        assertEquals(operatorSpecificStake(active, limit0, true), d.call_stake(sub0, operator.getAddress()).send());
        assertEquals(active, d.call_stake(sub0, operator.getAddress()).send());
        // and lowered again below it, it caps again
        limit0 = eth(2).add(BigInteger.valueOf(11));
        symbiotic.setNetworkLimit(vault, network, 0, limit0);
        assertEquals(limit0, d.call_networkLimit(sub0).send());
        assertEquals(operatorSpecificStake(active, limit0, true), d.call_stake(sub0, operator.getAddress()).send());
        assertEquals(limit0, d.call_stake(sub0, operator.getAddress()).send());
        // the operator-limit control is FullRestake's only
        DevnetException notFull = assertThrows(DevnetException.class,
                () -> symbiotic.setOperatorNetworkLimit(vault, sub0, operator.getAddress(), eth(1)));
        assertTrue(notFull.getMessage().contains("not FullRestake (1)"), notFull.getMessage());
    }

    // ---------------------------------------------------------------- type 3

    @Test
    void operatorNetworkSpecificIsCappedByItsNetworkOnly(Devnet devnet, SymbioticDevnet symbiotic,
            @Account(1) Credentials alice, @Account(5) Credentials network, @Account(6) Credentials middleware,
            @Account(7) Credentials operator, @Account(8) Credentials other, @Account(9) Credentials otherNetwork)
            throws Exception {
        TestToken token = devnet.deployToken("Collateral", "COL", 18);
        String vault = symbiotic.createVault(VaultSpec.of(token.getContractAddress(), EPOCH));
        symbiotic.registerNetwork(network, middleware.getAddress());
        symbiotic.registerNetwork(otherNetwork, middleware.getAddress());
        symbiotic.registerOperator(operator, vault, network.getAddress());
        symbiotic.registerOperator(other, vault, network.getAddress());
        // the operator also opts in to the other network: its stake there is 0 by the delegator's network check
        OperatorNetworkOptInService.load(symbiotic.operatorNetworkOptInService(), devnet.web3j(),
                devnet.transactionManager(operator), devnet.gasProvider()).send_optIn(otherNetwork.getAddress()).send();
        String delegator = symbiotic.attachOperatorNetworkSpecificDelegator(vault, operator.getAddress(),
                network.getAddress());
        OperatorNetworkSpecificDelegator d = OperatorNetworkSpecificDelegator.load(delegator, devnet.web3j(),
                devnet.transactionManager(alice), devnet.gasProvider());
        String deployer = devnet.deployer().getAddress();
        assertEquals(BigInteger.valueOf(3), d.call_TYPE().send());
        assertTrue(vault.equalsIgnoreCase(d.call_vault().send()));
        assertTrue(delegator.equalsIgnoreCase(vault(devnet, vault, alice).call_delegator().send()), "set on the vault");
        // the static InitParams{BaseParams(deployer, 0, deployer), network, operator}
        assertTrue(network.getAddress().equalsIgnoreCase(d.call_network().send()));
        assertTrue(operator.getAddress().equalsIgnoreCase(d.call_operator().send()));
        assertTrue(d.call_hasRole(DEFAULT_ADMIN_ROLE, deployer).send());
        assertTrue(d.call_hasRole(HOOK_SET_ROLE, deployer).send());
        assertEquals(NO_HOOK, d.call_hook().send());

        byte[] sub0 = SymbioticDevnet.subnetwork(network.getAddress(), 0);
        byte[] sub1 = SymbioticDevnet.subnetwork(network.getAddress(), 1);
        byte[] otherSub = SymbioticDevnet.subnetwork(otherNetwork.getAddress(), 0);
        BigInteger cap0 = eth(4).add(BigInteger.valueOf(9));
        BigInteger cap1 = eth(1000);
        symbiotic.setNetworkLimit(vault, network, 0, cap0); // the type has no network limit: the cap only
        symbiotic.setNetworkLimit(vault, network, 1, cap1);
        assertEquals(cap0, d.call_maxNetworkLimit(sub0).send());
        assertEquals(cap1, d.call_maxNetworkLimit(sub1).send());
        // another network may not cap this vault (InvalidNetwork()), through the control or directly
        DevnetException invalid = assertThrows(DevnetException.class,
                () -> symbiotic.setNetworkLimit(vault, otherNetwork, 0, eth(1)));
        assertTrue(invalid.getMessage().contains("setMaxNetworkLimit"), invalid.getMessage());
        assertRevertsWith(devnet, otherNetwork.getAddress(), delegator,
                OperatorNetworkSpecificDelegator.getABI_send_setMaxNetworkLimit(BigInteger.ZERO, eth(1)), "InvalidNetwork()");

        BigInteger deposited = eth(10).add(BigInteger.ONE);
        deposit(devnet, token, vault, alice, deposited);
        BigInteger active = vault(devnet, vault, alice).call_activeStake().send();
        assertEquals(deposited, active);
        assertEquals(cap0, operatorNetworkSpecificStake(active, cap0, true), "the network's cap caps it");
        assertEquals(operatorNetworkSpecificStake(active, cap0, true), d.call_stake(sub0, operator.getAddress()).send());
        assertEquals(operatorNetworkSpecificStake(active, cap1, true), d.call_stake(sub1, operator.getAddress()).send());
        assertEquals(active, d.call_stake(sub1, operator.getAddress()).send());
        assertEquals(operatorNetworkSpecificStake(active, cap0, false), d.call_stake(sub0, other.getAddress()).send(),
                "opted in, but not the vault's operator");
        assertEquals(BigInteger.ZERO, d.call_stake(otherSub, operator.getAddress()).send(), "not the vault's network");

        // lowered, the cap caps the stake at once
        cap1 = eth(7).add(BigInteger.valueOf(2));
        symbiotic.setNetworkLimit(vault, network, 1, cap1);
        assertEquals(cap1, d.call_maxNetworkLimit(sub1).send());
        assertEquals(operatorNetworkSpecificStake(active, cap1, true), d.call_stake(sub1, operator.getAddress()).send());
        assertEquals(cap1, d.call_stake(sub1, operator.getAddress()).send());
    }

    // ---------------------------------------------------------------- helpers

    private static byte[] role(String name) {
        return Hash.sha3(name.getBytes(StandardCharsets.UTF_8));
    }

    private static Vault vault(Devnet devnet, String vault, Credentials who) {
        return Vault.load(vault, devnet.web3j(), devnet.transactionManager(who), devnet.gasProvider());
    }

    /** Mints {@code amount} to {@code who}, who approves and deposits it into {@code vault} for itself. */
    private static void deposit(Devnet devnet, TestToken token, String vault, Credentials who, BigInteger amount)
            throws Exception {
        token.send_mint(who.getAddress(), amount).send();
        TestToken.load(token.getContractAddress(), devnet.web3j(), devnet.transactionManager(who), devnet.gasProvider())
                .send_approve(vault, amount).send();
        assertTrue(vault(devnet, vault, who).send_deposit(who.getAddress(), amount).send().isStatusOK());
    }
}
