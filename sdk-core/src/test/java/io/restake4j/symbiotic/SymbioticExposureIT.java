package io.restake4j.symbiotic;

import static io.restake4j.testing.DevnetAccounts.fresh;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

import io.restake4j.Restaking;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.SymbioticDevnet;
import io.restake4j.devnet.SymbioticDevnet.VaultSpec;
import io.restake4j.devnet.fixtures.common.TestToken;
import io.restake4j.devnet.fixtures.symbiotic.FullRestakeDelegator;
import io.restake4j.devnet.fixtures.symbiotic.OperatorSpecificDelegator;
import io.restake4j.testing.DevnetClients;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * {@code client.symbiotic().vault(v).exposure()} for the delegator types other than NetworkRestake (which SymbioticIT
 * covers): a FullRestake vault (operators found from their {@code SetOperatorNetworkLimit} logs, each holding the
 * whole limited stake) and an OperatorSpecific vault (its {@code operator()} in every subnetwork that set a cap).
 * Every subnetwork, network, cap, limit and stake is compared with the delegator's own views, read through the
 * devnet's fixture wrappers, and with symbiotic.md §4's formula, to the wei.
 */
@DevnetTest
class SymbioticExposureIT {

    private static final Duration EPOCH = Duration.ofDays(7);

    @Test
    void exposureOfFullRestakeAndOperatorSpecificVaults(Devnet devnet, SymbioticDevnet fixture) throws Exception {
        Credentials alice = fresh(devnet, 300, 5);
        Credentials network = fresh(devnet, 301, 5);
        Credentials middleware = fresh(devnet, 302, 5);
        Credentials op1 = fresh(devnet, 303, 5);
        Credentials op2 = fresh(devnet, 304, 5);
        Credentials stranger = fresh(devnet, 305, 5); // never registered nor opted in
        Credentials soloOperator = fresh(devnet, 306, 5);
        TestToken col = devnet.deployToken("Collateral", "COL", 18);
        fixture.registerNetwork(network, middleware.getAddress());
        byte[] sub0 = SymbioticDevnet.subnetwork(network.getAddress(), 0);
        byte[] sub1 = SymbioticDevnet.subnetwork(network.getAddress(), 1);

        // FullRestake: sub0 capped by the network limit (op1) and by an operator limit (op2); sub1 for op1 only
        String full = fixture.createVault(VaultSpec.of(col.getContractAddress(), EPOCH));
        String fullDelegator = fixture.attachFullRestakeDelegator(full);
        fixture.registerOperator(op1, full, network.getAddress());
        fixture.registerOperator(op2, full, network.getAddress());
        BigInteger limit0 = new BigInteger("8000000000000000003");
        BigInteger op2Limit = new BigInteger("3000000000000000001");
        BigInteger limit1 = BigInteger.TEN.pow(20).multiply(BigInteger.valueOf(5));
        fixture.setNetworkLimit(full, network, 0, limit0);
        fixture.setOperatorNetworkLimit(full, sub0, op1.getAddress(), BigInteger.TEN.pow(20));
        fixture.setOperatorNetworkLimit(full, sub0, op2.getAddress(), op2Limit);
        fixture.setOperatorNetworkLimit(full, sub0, stranger.getAddress(), BigInteger.TEN.pow(20));
        fixture.setNetworkLimit(full, network, 1, limit1);
        fixture.setOperatorNetworkLimit(full, sub1, op1.getAddress(), limit1);

        // OperatorSpecific: soloOperator, sub0 capped by the network limit, sub1 not
        String solo = fixture.createVault(VaultSpec.of(col.getContractAddress(), EPOCH));
        fixture.registerOperator(soloOperator, solo, network.getAddress());
        String soloDelegator = fixture.attachOperatorSpecificDelegator(solo, soloOperator.getAddress());
        BigInteger soloLimit0 = new BigInteger("4000000000000000009");
        BigInteger soloLimit1 = BigInteger.TEN.pow(21);
        fixture.setNetworkLimit(solo, network, 0, soloLimit0);
        fixture.setNetworkLimit(solo, network, 1, soloLimit1);

        BigInteger fullDeposit = new BigInteger("10000000000000000007");
        BigInteger soloDeposit = new BigInteger("10000000000000000001");
        col.send_mint(alice.getAddress(), fullDeposit.add(soloDeposit)).send();
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            Token token = client.tokens().token(col.getContractAddress());
            SymbioticVault fullVault = client.symbiotic().vault(full);
            SymbioticVault soloVault = client.symbiotic().vault(solo);
            fullVault.deposit(Amount.ofWei(fullDeposit, token)).send();
            soloVault.deposit(Amount.ofWei(soloDeposit, token)).send();
            assertEquals(Amount.ofWei(fullDeposit, token), fullVault.activeBalance());

            FullRestakeDelegator fd = FullRestakeDelegator.load(fullDelegator, devnet.web3j(),
                    devnet.transactionManager(alice), devnet.gasProvider());
            BigInteger active = fullDeposit;
            // symbiotic.md §4: min(activeStake, networkLimit, operatorNetworkLimit)
            BigInteger op1At0 = active.min(limit0).min(BigInteger.TEN.pow(20));
            BigInteger op2At0 = active.min(limit0).min(op2Limit);
            BigInteger op1At1 = active.min(limit1).min(limit1);
            assertEquals(limit0, op1At0, "the network limit caps op1");
            assertEquals(op2Limit, op2At0, "its own limit caps op2");
            assertEquals(active, op1At1, "restaked: the whole active stake again");
            assertEquals(op1At0, fd.call_stake(sub0, op1.getAddress()).send());
            assertEquals(op2At0, fd.call_stake(sub0, op2.getAddress()).send());
            assertEquals(BigInteger.ZERO, fd.call_stake(sub0, stranger.getAddress()).send());
            assertEquals(op1At1, fd.call_stake(sub1, op1.getAddress()).send());

            List<SymbioticExposure> fullExposure = fullVault.exposure();
            assertEquals(List.of(
                    new SymbioticExposure(Numeric.toHexString(sub0), Keys.toChecksumAddress(network.getAddress()),
                            BigInteger.ZERO, Amount.ofWei(fd.call_maxNetworkLimit(sub0).send(), token),
                            Amount.ofWei(fd.call_networkLimit(sub0).send(), token), List.of(
                                    stake(op1, fd.call_stake(sub0, op1.getAddress()).send(), token),
                                    stake(op2, fd.call_stake(sub0, op2.getAddress()).send(), token),
                                    stake(stranger, fd.call_stake(sub0, stranger.getAddress()).send(), token))),
                    new SymbioticExposure(Numeric.toHexString(sub1), Keys.toChecksumAddress(network.getAddress()),
                            BigInteger.ONE, Amount.ofWei(fd.call_maxNetworkLimit(sub1).send(), token),
                            Amount.ofWei(fd.call_networkLimit(sub1).send(), token), List.of(
                                    stake(op1, fd.call_stake(sub1, op1.getAddress()).send(), token)))),
                    fullExposure, "subnetworks in log order, operators in the order their limits were set");
            // and the figures themselves
            SymbioticExposure f0 = fullExposure.get(0);
            assertEquals(Amount.ofWei(limit0, token), f0.maxNetworkLimit());
            assertEquals(Amount.ofWei(limit0, token), f0.networkLimit());
            assertEquals(List.of(Amount.ofWei(op1At0, token), Amount.ofWei(op2At0, token), Amount.zero(token)),
                    f0.operators().stream().map(SymbioticExposure.OperatorStake::stake).toList());
            SymbioticExposure f1 = fullExposure.get(1);
            assertEquals(Amount.ofWei(limit1, token), f1.maxNetworkLimit());
            assertEquals(Amount.ofWei(limit1, token), f1.networkLimit());
            assertEquals(List.of(stake(op1, op1At1, token)), f1.operators());

            OperatorSpecificDelegator sd = OperatorSpecificDelegator.load(soloDelegator, devnet.web3j(),
                    devnet.transactionManager(alice), devnet.gasProvider());
            // symbiotic.md §4: min(activeStake, networkLimit) for the vault's operator
            BigInteger soloAt0 = soloDeposit.min(soloLimit0);
            BigInteger soloAt1 = soloDeposit.min(soloLimit1);
            assertEquals(soloLimit0, soloAt0, "the network limit caps it");
            assertEquals(soloDeposit, soloAt1);
            assertEquals(soloAt0, sd.call_stake(sub0, soloOperator.getAddress()).send());
            assertEquals(soloAt1, sd.call_stake(sub1, soloOperator.getAddress()).send());

            List<SymbioticExposure> soloExposure = soloVault.exposure();
            // exposure() names the delegator's operator() EIP-55 checksummed, as every other address it gives (networks,
            // the operators of types 0 and 1, from logs); it used to pass on the wrapper's lower-case form.
            assertEquals(List.of(
                    new SymbioticExposure(Numeric.toHexString(sub0), Keys.toChecksumAddress(network.getAddress()),
                            BigInteger.ZERO, Amount.ofWei(sd.call_maxNetworkLimit(sub0).send(), token),
                            Amount.ofWei(sd.call_networkLimit(sub0).send(), token), List.of(
                                    stake(soloOperator, sd.call_stake(sub0, soloOperator.getAddress()).send(), token))),
                    new SymbioticExposure(Numeric.toHexString(sub1), Keys.toChecksumAddress(network.getAddress()),
                            BigInteger.ONE, Amount.ofWei(sd.call_maxNetworkLimit(sub1).send(), token),
                            Amount.ofWei(sd.call_networkLimit(sub1).send(), token), List.of(
                                    stake(soloOperator, sd.call_stake(sub1, soloOperator.getAddress()).send(), token)))),
                    soloExposure, "each capped subnetwork, with the delegator's operator()");
            assertEquals(Amount.ofWei(soloLimit0, token), soloExposure.get(0).networkLimit());
            assertEquals(List.of(stake(soloOperator, soloAt0, token)), soloExposure.get(0).operators());
            assertEquals(List.of(stake(soloOperator, soloAt1, token)), soloExposure.get(1).operators());
            assertEquals(List.of(Keys.toChecksumAddress(soloOperator.getAddress()),
                    Keys.toChecksumAddress(soloOperator.getAddress())),
                    soloExposure.stream().map(e -> e.operators().get(0).operator()).toList(), "EIP-55, as every address");
        }
    }

    /** The exposure row of {@code operator} (checksummed, as the SDK names operators) holding {@code wei}. */
    private static SymbioticExposure.OperatorStake stake(Credentials operator, BigInteger wei, Token token) {
        return new SymbioticExposure.OperatorStake(Keys.toChecksumAddress(operator.getAddress()), Amount.ofWei(wei, token));
    }
}
