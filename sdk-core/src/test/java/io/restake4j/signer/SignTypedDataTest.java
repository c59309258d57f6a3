package io.restake4j.signer;

import static io.restake4j.signer.TestKeys.ADDRESS;
import static io.restake4j.signer.TestKeys.CREDENTIALS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.restake4j.errors.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.crypto.StructuredDataEncoder;
import org.web3j.utils.Numeric;

/** EIP-712 signing through {@code signHash}, checked against web3j and against a hash computed by hand. */
class SignTypedDataTest {

    private static final String USDC = "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48";
    private static final String SPENDER = "0x70997970c51812dc3a048c8f0ad0ab39e8b3b3f1";

    /** An EIP-2612 permit of 1,000,000 units (1 USDC) to SPENDER, nonce 0, deadline 2030-01-01. */
    static String permit(String owner) {
        return """
                {
                  "types": {
                    "EIP712Domain": [
                      {"name": "name", "type": "string"},
                      {"name": "version", "type": "string"},
                      {"name": "chainId", "type": "uint256"},
                      {"name": "verifyingContract", "type": "address"}
                    ],
                    "Permit": [
                      {"name": "owner", "type": "address"},
                      {"name": "spender", "type": "address"},
                      {"name": "value", "type": "uint256"},
                      {"name": "nonce", "type": "uint256"},
                      {"name": "deadline", "type": "uint256"}
                    ]
                  },
                  "primaryType": "Permit",
                  "domain": {"name": "USD Coin", "version": "2", "chainId": 1, "verifyingContract": "%s"},
                  "message": {"owner": "%s", "spender": "%s", "value": "1000000", "nonce": 0, "deadline": 1893456000}
                }
                """.formatted(USDC, owner, SPENDER);
    }

    @Test
    void hashIsTheEip712DigestComputedByHand() throws Exception {
        byte[] domainSeparator = Hash.sha3(concat(
                Hash.sha3("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
                        .getBytes(StandardCharsets.UTF_8)),
                Hash.sha3("USD Coin".getBytes(StandardCharsets.UTF_8)),
                Hash.sha3("2".getBytes(StandardCharsets.UTF_8)),
                word(BigInteger.ONE),
                word(Numeric.toBigInt(USDC))));
        byte[] structHash = Hash.sha3(concat(
                Hash.sha3("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"
                        .getBytes(StandardCharsets.UTF_8)),
                word(Numeric.toBigInt(ADDRESS)),
                word(Numeric.toBigInt(SPENDER)),
                word(BigInteger.valueOf(1_000_000)),
                word(BigInteger.ZERO),
                word(BigInteger.valueOf(1_893_456_000))));
        byte[] digest = Hash.sha3(concat(new byte[] {0x19, 0x01}, domainSeparator, structHash));
        assertArrayEquals(digest, new StructuredDataEncoder(permit(ADDRESS)).hashStructuredData());
    }

    @Test
    void signsTheDigestAndRecoversToTheSigner() throws Exception {
        String json = permit(ADDRESS);
        byte[] digest = new StructuredDataEncoder(json).hashStructuredData();
        for (Signer signer : List.of(TestKeys.hashOnly(CREDENTIALS.getEcKeyPair()), PrivateKeySigner.of(TestKeys.KEY))) {
            Sign.SignatureData signature = signer.signTypedData(json);
            assertEquals("0x" + Keys.getAddress(Sign.signedMessageHashToKey(digest, signature)), ADDRESS);
            Sign.SignatureData web3j = Sign.signTypedData(json, CREDENTIALS.getEcKeyPair());
            assertArrayEquals(web3j.getR(), signature.getR());
            assertArrayEquals(web3j.getS(), signature.getS());
            assertArrayEquals(web3j.getV(), signature.getV());
            assertTrue(signature.getV()[0] == 27 || signature.getV()[0] == 28);
        }
    }

    @Test
    void malformedTypedDataIsInvalidInput() {
        Signer signer = PrivateKeySigner.of(TestKeys.KEY);
        assertThrows(InvalidInputException.class, () -> signer.signTypedData("{not json"));
        assertThrows(InvalidInputException.class, () -> signer.signTypedData("{}"));
        assertThrows(InvalidInputException.class, () -> signer.signTypedData(permit(ADDRESS).replace("\"Permit\",", "\"Nope\",")));
    }

    private static byte[] word(BigInteger value) {
        return Numeric.toBytesPadded(value, 32);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
