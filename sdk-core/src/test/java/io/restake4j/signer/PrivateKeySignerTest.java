package io.restake4j.signer;

import static io.restake4j.signer.TestKeys.ADDRESS;
import static io.restake4j.signer.TestKeys.CREDENTIALS;
import static io.restake4j.signer.TestKeys.KEY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

import io.restake4j.errors.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.TransactionEncoder;

class PrivateKeySignerTest {

    private static final List<String> SECRETS = TestKeys.forms(new BigInteger(KEY, 16));

    @Test
    void acceptsTheKeyWithOrWithoutPrefixInEitherCase() {
        for (String form : List.of(KEY, "0x" + KEY, KEY.toUpperCase(Locale.ROOT), "0x" + KEY.toUpperCase(Locale.ROOT),
                "0X" + KEY)) {
            PrivateKeySigner signer = PrivateKeySigner.of(form);
            assertEquals(ADDRESS, signer.address());
            assertEquals("PrivateKeySigner[" + ADDRESS + "]", signer.toString());
        }
        assertEquals(ADDRESS, Signer.privateKey(KEY).address());
        assertEquals(ADDRESS, Signer.of(CREDENTIALS).address());
    }

    @Test
    void keepsLeadingZeroKeys() {
        String key = "00000000000000000000000000000000000000000000000000000000000000a1";
        ECKeyPair pair = ECKeyPair.create(BigInteger.valueOf(0xa1));
        assertEquals(Credentials.create(pair).getAddress(), PrivateKeySigner.of(key).address());
    }

    @Test
    void rejectsMalformedKeysWithoutRepeatingThem() {
        String n = Sign.CURVE_PARAMS.getN().toString(16);
        List<String> malformed = List.of(
                "", "0x", KEY.substring(1), KEY + "0", "0x" + KEY + "0", KEY.substring(0, 63) + "g", " " + KEY,
                KEY + "\n", "0x0x" + KEY.substring(4), "0".repeat(64), n, "f".repeat(64),
                "\u0661" + KEY.substring(1)); // an Arabic-Indic digit one, which Character.digit would accept
        for (String input : malformed) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> PrivateKeySigner.of(input),
                    () -> "accepted " + input.length() + " chars");
            TestKeys.assertNoSecret(e, SECRETS);
            if (input.length() >= 8) {
                TestKeys.assertNoSecret(e, List.of(input.strip(), input.substring(2, input.length() - 2)));
            }
        }
        assertEquals("no private key given", assertThrows(InvalidInputException.class, () -> PrivateKeySigner.of((String) null))
                .getMessage());
    }

    @Test
    void rejectsCredentialsWhoseAddressIsNotTheirKeys() {
        ECKeyPair other = ECKeyPair.create(BigInteger.valueOf(12345));
        Credentials mismatched = Credentials.create(new ECKeyPair(CREDENTIALS.getEcKeyPair().getPrivateKey(), other.getPublicKey()));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PrivateKeySigner.of(mismatched));
        TestKeys.assertNoSecret(e, SECRETS);
    }

    @Test
    void signHashSignsTheDigestAsIs() throws Exception {
        PrivateKeySigner signer = PrivateKeySigner.of(KEY);
        byte[] hash = Hash.sha3("restake4j".getBytes());
        Sign.SignatureData signature = signer.signHash(hash);
        assertEquals(ADDRESS, "0x" + org.web3j.crypto.Keys.getAddress(Sign.signedMessageHashToKey(hash, signature)));
        assertEquals(1, signature.getV().length);
        assertEquals(32, signature.getR().length);
        assertEquals(32, signature.getS().length);
        for (byte[] bad : new byte[][] {null, new byte[0], new byte[31], new byte[33]}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> signer.signHash(bad));
            TestKeys.assertNoSecret(e, SECRETS);
        }
    }

    @ParameterizedTest(name = "{0} on chain {1}")
    @MethodSource("io.restake4j.signer.SignerSupportTest#web3jCases")
    void fastPathEqualsTheGenericPathAndWeb3j(String name, long chainId, RawTransaction tx) {
        PrivateKeySigner signer = PrivateKeySigner.of(KEY);
        byte[] fast = signer.signTransaction(tx, chainId);
        assertArrayEquals(SignerSupport.signTransaction(signer, tx, chainId), fast);
        assertArrayEquals(TransactionEncoder.signMessage(tx, chainId, CREDENTIALS), fast);
    }

    @Test
    void fastPathEqualsTheGenericPathForOtherTypedTransactions() {
        PrivateKeySigner signer = PrivateKeySigner.of(KEY);
        RawTransaction eip2930 = RawTransaction.createTransaction(5L, BigInteger.ONE, BigInteger.TEN, BigInteger.valueOf(21_000),
                "0x70997970c51812dc3a048c8f0ad0ab39e8b3b3f1", BigInteger.TEN, "", List.of());
        assertArrayEquals(SignerSupport.signTransaction(signer, eip2930, 5L), signer.signTransaction(eip2930, 5L));
        assertThrows(InvalidInputException.class, () -> signer.signTransaction(eip2930, 1L));
    }

    @Test
    void toStringShowsOnlyTheAddress() {
        PrivateKeySigner signer = PrivateKeySigner.of("0x" + KEY);
        assertEquals("PrivateKeySigner[0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266]", signer.toString());
        TestKeys.assertNoSecret(signer.toString(), SECRETS);
        TestKeys.assertNoSecret(String.valueOf(PrivateKeySigner.of(CREDENTIALS)), SECRETS);
    }
}
