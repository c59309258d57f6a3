package io.restake4j;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

import io.restake4j.errors.RestakeException;
import io.restake4j.network.Network;
import io.restake4j.signer.Signer;
import io.restake4j.tx.Operation;
import io.restake4j.tx.Plan;
import io.restake4j.tx.Step;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/** The private key never shows in the toString() or exception messages of the signer, client or operations. */
class SecretsTest {

    // a throwaway key (anvil's account 4); the test only builds objects, nothing is sent
    private static final String KEY = "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a";

    @Test
    void keyIsAbsentFromToStringAndErrors() {
        Signer signer = Signer.privateKey(KEY);
        List<String> texts = new ArrayList<>();
        texts.add(signer.toString());
        try (Restaking client = Restaking.builder().rpc("http://127.0.0.1:1").network(Network.mainnet()).signer(signer).build()) {
            texts.add(client.toString());
            Token token = Token.erc20("0x000000000000000000000000000000000000dEaD", "TKN", 18);
            Operation<?> transfer = client.tokens().transfer(Amount.parse("1", token), "0x000000000000000000000000000000000000bEEF");
            texts.add(transfer.toString());
            texts.add(transfer.description());
            Operation<Object> custom = client.operation(Plan.<Object>builder("custom")
                    .step(Step.raw("raw", "0x000000000000000000000000000000000000bEEF", "0x", BigInteger.ZERO))
                    .result(x -> x).build());
            texts.add(custom.toString());
            // failures on the way to the (unreachable) node, and bad input
            RestakeException unreachable = assertThrows(RestakeException.class, transfer::send);
            texts.addAll(messages(unreachable));
            texts.addAll(messages(assertThrows(RestakeException.class,
                    () -> client.tokens().transfer(Amount.parse("0", token), "0x1"))));
        }
        texts.addAll(messages(assertThrows(RestakeException.class, () -> Signer.privateKey(KEY.substring(0, 60)))));
        texts.addAll(messages(assertThrows(RestakeException.class, () -> Signer.privateKey(KEY + "zz"))));

        String bare = Numeric.cleanHexPrefix(KEY);
        List<String> forms = List.of(bare, bare.toUpperCase(Locale.ROOT), new BigInteger(bare, 16).toString(),
                bare.substring(0, 16), bare.substring(bare.length() - 16));
        assertTrue(texts.size() >= 8, "texts checked: " + texts.size());
        for (String text : texts) {
            for (String form : forms) {
                assertFalse(text != null && text.contains(form), "key material in: " + text);
            }
        }
        assertTrue(signer.toString().contains(signer.address()), "toString shows the address: " + signer);
    }

    private static List<String> messages(Throwable t) {
        List<String> out = new ArrayList<>();
        for (Throwable c = t; c != null; c = c.getCause()) {
            out.add(c.toString());
            out.add(String.valueOf(c.getMessage()));
        }
        return out;
    }
}
