package io.restake4j.signer;

import static io.restake4j.signer.TestKeys.ADDRESS;
import static io.restake4j.signer.TestKeys.CREDENTIALS;
import static io.restake4j.signer.TestKeys.KEY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.restake4j.errors.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.crypto.WalletUtils;

class KeystoreSignerTest {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path dir;

    private Path keystore;
    private List<String> secrets;

    @BeforeEach
    void createKeystore() throws Exception {
        String name = WalletUtils.generateWalletFile(PASSWORD, CREDENTIALS.getEcKeyPair(), dir.toFile(), false);
        keystore = dir.resolve(name);
        secrets = new ArrayList<>(TestKeys.forms(new BigInteger(KEY, 16)));
        secrets.add(PASSWORD);
    }

    @Test
    void opensAndSignsLikeTheKey() {
        char[] password = PASSWORD.toCharArray();
        KeystoreSigner signer = KeystoreSigner.open(keystore, password);
        assertArrayEquals(PASSWORD.toCharArray(), password, "the caller's array is left alone");
        assertEquals(ADDRESS, signer.address());
        assertEquals("KeystoreSigner[" + ADDRESS + ", " + keystore.getFileName() + "]", signer.toString());
        TestKeys.assertNoSecret(signer.toString(), secrets);

        RawTransaction tx = SignerSupportTest.eip1559(31337L, 4, BigInteger.TEN, "");
        assertArrayEquals(TransactionEncoder.signMessage(tx, 31337L, CREDENTIALS), signer.signTransaction(tx, 31337L));
        RawTransaction legacy = SignerSupportTest.legacy(4, BigInteger.TEN, "");
        assertArrayEquals(TransactionEncoder.signMessage(legacy, 1L, CREDENTIALS), signer.signTransaction(legacy, 1L));
        assertEquals(ADDRESS, Signer.keystore(keystore, PASSWORD.toCharArray()).address());
    }

    @Test
    void wrongPasswordNamesOnlyTheFile() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> KeystoreSigner.open(keystore, "correct horse battery stapler".toCharArray()));
        assertEquals("wrong password for keystore " + keystore.getFileName(), e.getMessage());
        TestKeys.assertNoSecret(e, secrets);
        TestKeys.assertNoSecret(e, List.of("correct horse battery stapler"));
        assertThrows(InvalidInputException.class, () -> KeystoreSigner.open(keystore, new char[0]));
    }

    @Test
    void missingFile() {
        Path missing = dir.resolve("nope.json");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> KeystoreSigner.open(missing, PASSWORD.toCharArray()));
        assertTrue(e.getMessage().contains("nope.json"), e.getMessage());
        TestKeys.assertNoSecret(e, secrets);
    }

    @Test
    void unreadableOrMalformedFiles() throws Exception {
        String json = Files.readString(keystore);
        List<String> contents = List.of("", "{not json", "null", "[]", "{}", json.replace("\"version\":3", "\"version\":2"),
                json.replace("\"kdf\":\"scrypt\"", "\"kdf\":\"argon2\""), json.replaceAll("\"mac\":\"[0-9a-f]+\"", "\"mac\":\"zz\""),
                json.replaceAll("\"address\":\"[0-9a-f]+\"", "\"address\":\"70997970c51812dc3a048c8f0ad0ab39e8b3b3f1\""));
        for (int i = 0; i < contents.size(); i++) {
            Path file = dir.resolve("bad-" + i + ".json");
            Files.writeString(file, contents.get(i));
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> KeystoreSigner.open(file, PASSWORD.toCharArray()), "bad-" + i);
            assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
            TestKeys.assertNoSecret(e, secrets);
        }
        InvalidInputException dirError = assertThrows(InvalidInputException.class,
                () -> KeystoreSigner.open(dir, PASSWORD.toCharArray()));
        TestKeys.assertNoSecret(dirError, secrets);
    }

    @Test
    void toleratesExtraFieldsFromOtherWallets() throws Exception {
        Path file = dir.resolve("ethers.json");
        Files.writeString(file, Files.readString(keystore).replaceFirst("\\{", "{\"x-ethers\":{\"client\":\"ethers\"},"));
        assertEquals(ADDRESS, KeystoreSigner.open(file, PASSWORD.toCharArray()).address());
    }
}
