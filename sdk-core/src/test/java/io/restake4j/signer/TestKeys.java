package io.restake4j.signer;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/** Keys and helpers shared by the signer tests. */
final class TestKeys {

    /** Anvil's first development account: public knowledge, never funded anywhere real. */
    static final String KEY = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    static final String ADDRESS = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
    static final Credentials CREDENTIALS = Credentials.create(KEY);

    private TestKeys() {}

    /**
     * A custom signer implementing only the two abstract methods, as a KMS signer would: every other
     * method is the interface's default.
     */
    static Signer hashOnly(ECKeyPair keyPair) {
        String address = "0x" + Keys.getAddress(keyPair);
        return new Signer() {
            @Override
            public String address() {
                return address;
            }

            @Override
            public Sign.SignatureData signHash(byte[] hash) {
                return Sign.signMessage(hash, keyPair, false);
            }
        };
    }

    /** The ways a 32-byte key can be written: hex with and without 0x, either case, and decimal. */
    static List<String> forms(BigInteger key) {
        String hex = String.format("%064x", key);
        List<String> forms = new ArrayList<>(List.of(hex, hex.toUpperCase(Locale.ROOT), "0x" + hex,
                "0x" + hex.toUpperCase(Locale.ROOT), "0X" + hex.toUpperCase(Locale.ROOT), key.toString()));
        // A key with leading zero digits might also be printed without them.
        String trimmed = key.toString(16);
        if (!trimmed.equals(hex)) {
            forms.add(trimmed);
            forms.add(trimmed.toUpperCase(Locale.ROOT));
        }
        return forms;
    }

    /** Fails if {@code text} contains any of {@code secrets} (case-insensitively). */
    static void assertNoSecret(String text, List<String> secrets) {
        if (text == null) {
            return;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String secret : secrets) {
            assertFalse(lower.contains(secret.toLowerCase(Locale.ROOT)), () -> "secret material leaked into: " + text);
        }
    }

    /** {@link #assertNoSecret} over an exception, its causes, their messages and their toString. */
    static void assertNoSecret(Throwable thrown, List<String> secrets) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertNoSecret(t.getMessage(), secrets);
            assertNoSecret(t.toString(), secrets);
            if (t.getCause() == t) {
                break;
            }
        }
    }
}
