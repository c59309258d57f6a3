package io.restake4j.eip712;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Sign;
import org.web3j.crypto.StructuredDataEncoder;

import io.restake4j.Restaking;
import io.restake4j.contracts.eigenlayer.DelegationManager;
import io.restake4j.contracts.eigenlayer.StrategyManager;
import io.restake4j.contracts.lido.Lido;
import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.fixtures.testing.Eip712Probe;
import io.restake4j.eigenlayer.DelegationApproval;
import io.restake4j.eigenlayer.DelegationApprovalRequest;
import io.restake4j.eigenlayer.DepositRequest;
import io.restake4j.eigenlayer.DepositResult;
import io.restake4j.eigenlayer.DepositSignature;
import io.restake4j.eigenlayer.EigenLayer;
import io.restake4j.errors.Eip712DomainMismatchException;
import io.restake4j.network.Network;
import io.restake4j.signer.Signer;
import io.restake4j.testing.DevnetClients;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * EIP-712 against the chain: domains read from the fixtures equal their own separators, EigenLayer's
 * two-character domain version is found, a mismatching domain is refused before any signature, and
 * signatures made off the SDK from {@code toJson()} are accepted by the contracts.
 */
@DevnetTest
class Eip712ChainIT {

    private static final StructType PROBE = StructType.of("Probe",
            List.of(StructType.Field.of("signer", "address"), StructType.Field.of("value", "uint256")));

    @Test
    void domainsReadFromTheFixturesHashToTheirOwnSeparators(Devnet devnet, @Account(0) Credentials alice) throws Exception {
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            EigenLayer el = client.eigenLayer();
            String dmAddress = devnet.eigenLayer().delegationManager();
            DelegationManager dm = DelegationManager.load(dmAddress, devnet.web3j(), devnet.transactionManager(alice),
                    devnet.gasProvider());
            Eip712Domain dmDomain = el.delegationManagerDomain();
            assertEquals(Eip712Domain.of("EigenLayer", dm.call_version().send().substring(0, 1), devnet.chainId(), dmAddress),
                    dmDomain);
            assertArrayEquals(dm.call_domainSeparator().send(), dmDomain.separator());

            String smAddress = devnet.eigenLayer().strategyManager();
            StrategyManager sm = StrategyManager.load(smAddress, devnet.web3j(), devnet.transactionManager(alice),
                    devnet.gasProvider());
            assertArrayEquals(sm.call_domainSeparator().send(), el.strategyManagerDomain().separator());

            // Lido's stETH answers a shortened eip712Domain(): the domain comes from name() and "1"/"2", checked
            String stEth = devnet.lido().stETH();
            Eip712Domain lidoDomain = reader(client).read(stEth);
            assertEquals("2", lidoDomain.version());
            assertArrayEquals(Lido.load(stEth, devnet.web3j(), devnet.transactionManager(alice), devnet.gasProvider())
                    .call_DOMAIN_SEPARATOR().send(), lidoDomain.separator());
        }
    }

    @Test
    void theVersionEigenLayerHashedIsFoundAmongTheCandidates(Devnet devnet, @Account(0) Credentials alice) throws Exception {
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            assertEquals("1.", reader(client).read(probe(devnet, alice, "EigenLayer", "1.3.0", 2).getContractAddress(),
                    "EigenLayer").version(), "v1.3.0 to v1.5.0 hashed two characters");
            assertEquals("1", reader(client).read(probe(devnet, alice, "EigenLayer", "1.12.0", 1).getContractAddress(),
                    "EigenLayer").version());
            assertEquals("1.3.0", reader(client).read(probe(devnet, alice, "EigenLayer", "1.3.0", 0).getContractAddress(),
                    "EigenLayer").version());

            // a signature over the "1." domain's digest is the one the contract verifies
            Eip712Probe twoChars = probe(devnet, alice, "EigenLayer", "1.3.0", 2);
            Eip712Domain domain = reader(client).read(twoChars.getContractAddress(), "EigenLayer");
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("signer", alice.getAddress());
            message.put("value", BigInteger.valueOf(77));
            TypedData data = TypedData.of(domain, PROBE, message);
            assertArrayEquals(twoChars.call_digest(alice.getAddress(), BigInteger.valueOf(77)).send(), data.digest());
            Signature sig = Signature.of(Signer.of(alice).signDigest(data.digest()));
            assertTrue(twoChars.call_verify(alice.getAddress(), BigInteger.valueOf(77), sig.toBytes()).send());
        }
    }

    @Test
    void anEip5267DomainIsTakenAsDeclaredWhenItHashesToTheSeparator(Devnet devnet, @Account(0) Credentials alice)
            throws Exception {
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            // the version "1.3" is none of the candidates of version() "1.3.0" ("1", "1.", "1.3.0"): only eip712Domain() tells
            Eip712Probe declared = probe(devnet, alice, "Declared", "1.3.0", 3, true);
            Eip712Domain domain = reader(client).read(declared.getContractAddress());
            assertEquals(Eip712Domain.of("Declared", "1.3", devnet.chainId(), declared.getContractAddress()), domain);
            assertArrayEquals(declared.call_domainSeparator().send(), domain.separator());
            Eip712DomainMismatchException e = assertThrows(Eip712DomainMismatchException.class,
                    () -> reader(client).read(probe(devnet, alice, "Declared", "1.3.0", 3, false).getContractAddress(),
                            "Declared"));
            assertTrue(e.getMessage().contains("'1.3.0'"), e.getMessage());
        }
    }

    @Test
    void aMismatchingDomainIsRefusedAndNothingIsSigned(Devnet devnet, @Account(0) Credentials alice,
            @Account(4) Credentials operator) throws Exception {
        String impostor = probe(devnet, alice, "NotEigenLayer", "1.12.0", 1).getContractAddress();
        Map<String, String> book = new LinkedHashMap<>(devnet.addresses().asMap());
        book.put("eigenlayer.DelegationManager", impostor);
        book.put("eigenlayer.StrategyManager", impostor);
        AtomicInteger signatures = new AtomicInteger();
        Signer signer = counting(Signer.of(alice), signatures);
        try (Restaking client = DevnetClients.builder(devnet).rpc(devnet.rpcUrl()).signer(signer)
                .network(Network.of("devnet", devnet.chainId(), book)).build()) {
            Eip712DomainMismatchException e = assertThrows(Eip712DomainMismatchException.class,
                    () -> client.eigenLayer().signDelegationApproval(signer, alice.getAddress(), operator.getAddress(),
                            java.time.Instant.now().plus(Duration.ofHours(1))));
            assertEquals(impostor, e.contract());
            assertEquals(3, e.tried().size(), "tried " + e.tried());
            assertTrue(e.getMessage().contains("nothing signed"), e.getMessage());
            Token stEth = Token.erc20(devnet.eigenLayer().stETH(), "stETH", 18);
            assertThrows(Eip712DomainMismatchException.class, () -> client.eigenLayer().signDeposit(signer,
                    Amount.parse("1", stEth), devnet.eigenLayer().stETHStrategy(), java.time.Instant.now().plus(Duration.ofHours(1))));
            assertThrows(Eip712DomainMismatchException.class,
                    () -> client.eigenLayer().delegationApprovalTypedData(DelegationApprovalRequest.of(alice.getAddress(),
                            operator.getAddress(), alice.getAddress(), java.time.Instant.now().plus(Duration.ofHours(1)))));
            assertEquals(0, signatures.get(), "nothing was signed");
        }
    }

    @Test
    void anApprovalSignedOfflineFromTheJsonLetsTheStakerDelegate(Devnet devnet, @Account(0) Credentials alice,
            @Account(4) Credentials operator, @Account(5) Credentials approver) throws Exception {
        devnet.eigenLayer().registerOperator(operator, approver.getAddress());
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            EigenLayer el = client.eigenLayer();
            DelegationApprovalRequest request = DelegationApprovalRequest.of(alice.getAddress(), operator.getAddress(),
                    approver.getAddress(), java.time.Instant.now().plus(Duration.ofHours(1)));
            String json = el.delegationApprovalTypedData(request).toJson();
            Signature signed = wallet(json, approver);
            byte[] onChain = DelegationManager.load(devnet.eigenLayer().delegationManager(), devnet.web3j(),
                    devnet.transactionManager(alice), devnet.gasProvider()).call_calculateDelegationApprovalDigestHash(
                    alice.getAddress(), operator.getAddress(), approver.getAddress(), request.salt(), request.expiry()).send();
            assertEquals(approver.getAddress(), signed.recover(onChain).toLowerCase(Locale.ROOT), "signed the contract's digest");

            el.delegateTo(operator.getAddress(), DelegationApproval.of(request, signed)).send();
            assertEquals(operator.getAddress().toLowerCase(Locale.ROOT), el.positions().delegatedTo().toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void aDepositSignedOfflineFromTheJsonIsAcceptedByTheStrategyManager(Devnet devnet, @Account(0) Credentials staker,
            @Account(1) Credentials relayer) throws Exception {
        Token stEth = Token.erc20(devnet.eigenLayer().stETH(), "stETH", 18);
        String strategy = devnet.eigenLayer().stETHStrategy();
        devnet.eigenLayer().stakeStETHFor(relayer.getAddress(), BigInteger.TEN.pow(19));
        try (Restaking relayerClient = DevnetClients.client(devnet, relayer)) {
            EigenLayer el = relayerClient.eigenLayer();
            DepositRequest request = el.depositRequest(staker.getAddress(), Amount.parse("3", stEth), strategy, java.time.Instant.now().plus(Duration.ofHours(1)));
            Signature signed = wallet(el.depositTypedData(request).toJson(), staker);
            DepositResult d = el.depositWithSignature(DepositSignature.of(request, signed)).send();
            assertEquals(staker.getAddress().toLowerCase(Locale.ROOT), d.staker().toLowerCase(Locale.ROOT));
            assertTrue(!d.shares().isZero());
            assertEquals(d.shares(), el.positions(staker.getAddress()).in(strategy).orElseThrow().depositShares());
        }
    }

    /** What a wallet does with eth_signTypedData_v4: hash the JSON itself (web3j here) and sign the digest. */
    private static Signature wallet(String json, Credentials key) throws Exception {
        byte[] digest = new StructuredDataEncoder(json).hashStructuredData();
        return Signature.of(Sign.signMessage(digest, key.getEcKeyPair(), false));
    }

    private static Eip712DomainReader reader(Restaking client) {
        return new Eip712DomainReader(client.context().reads(), client.context().chainId());
    }

    private static Eip712Probe probe(Devnet devnet, Credentials deployer, String name, String version, int chars)
            throws Exception {
        return probe(devnet, deployer, name, version, chars, false);
    }

    private static Eip712Probe probe(Devnet devnet, Credentials deployer, String name, String version, int chars,
            boolean eip5267) throws Exception {
        return Eip712Probe.deploy(devnet.web3j(), devnet.transactionManager(deployer), devnet.gasProvider(), name, version,
                BigInteger.valueOf(chars), eip5267).send();
    }

    private static Signer counting(Signer inner, AtomicInteger count) {
        return new Signer() {
            @Override
            public String address() {
                return inner.address();
            }

            @Override
            public Sign.SignatureData signHash(byte[] hash) {
                count.incrementAndGet();
                return inner.signHash(hash);
            }
        };
    }
}
