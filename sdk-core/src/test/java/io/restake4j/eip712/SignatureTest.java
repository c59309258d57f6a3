package io.restake4j.eip712;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

import io.restake4j.errors.InvalidInputException;

class SignatureTest {

    private static final BigInteger N = new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
    private static final Credentials KEY = Credentials.create("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
    private static final byte[] DIGEST = Hash.sha3("restake4j".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    @Test
    void roundTripsThroughSixtyFiveBytesAndHex() {
        Signature sig = Signature.of(Sign.signMessage(DIGEST, KEY.getEcKeyPair(), false));
        byte[] bytes = sig.toBytes();
        assertEquals(65, bytes.length);
        assertEquals(sig.v(), bytes[64] & 0xff);
        assertTrue(sig.v() == 27 || sig.v() == 28);
        assertEquals(sig, Signature.fromHex(sig.toHex()));
        assertEquals(sig, Signature.fromHex(Numeric.cleanHexPrefix(sig.toHex())));
        assertArrayEquals(sig.r(), Signature.fromBytes(bytes).r());
        assertEquals(KEY.getAddress(), sig.recover(DIGEST).toLowerCase(java.util.Locale.ROOT));
        assertTrue(sig.isBy(KEY.getAddress(), DIGEST));
        assertFalse(sig.isBy(KEY.getAddress(), Hash.sha3(DIGEST)));
    }

    @Test
    void vZeroOrOneIsReadAsTwentySevenOrTwentyEight() {
        Signature sig = Signature.of(Sign.signMessage(DIGEST, KEY.getEcKeyPair(), false));
        byte[] bytes = sig.toBytes();
        bytes[64] = (byte) (sig.v() - 27);
        assertEquals(sig, Signature.fromBytes(bytes));
        bytes[64] = 29;
        assertThrows(InvalidInputException.class, () -> Signature.fromBytes(bytes));
    }

    @Test
    void highSIsRefusedAndNormalizedToItsTwin() {
        Signature sig = Signature.of(Sign.signMessage(DIGEST, KEY.getEcKeyPair(), false));
        byte[] highS = Numeric.toBytesPadded(N.subtract(new BigInteger(1, sig.s())), 32);
        int flipped = sig.v() == 27 ? 28 : 27;
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Signature.of(sig.r(), highS, flipped));
        assertTrue(e.getMessage().contains("upper half"), e.getMessage());
        assertEquals(sig, Signature.normalized(sig.r(), highS, flipped));
        assertEquals(sig, Signature.normalized(sig.r(), sig.s(), sig.v()));
    }

    @Test
    void malformedInputIsRefused() {
        assertThrows(InvalidInputException.class, () -> Signature.fromHex("0x1234"));
        assertThrows(InvalidInputException.class, () -> Signature.fromBytes(new byte[64]));
        assertThrows(InvalidInputException.class, () -> Signature.of(new byte[32], new byte[32], 27));
        assertThrows(InvalidInputException.class, () -> Signature.of(new byte[31], new byte[32], 27));
    }
}
