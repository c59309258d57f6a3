package io.restake4j.eip712;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.StructuredDataEncoder;
import org.web3j.utils.Numeric;

import io.restake4j.eip712.StructType.Field;
import io.restake4j.errors.InvalidInputException;

/** Digests against the EIP-712 specification's published "Mail" vector and against web3j's encoder. */
class TypedDataTest {

    private static final StructType PERSON = StructType.of("Person",
            List.of(Field.of("name", "string"), Field.of("wallet", "address")));
    private static final StructType MAIL = StructType.of("Mail",
            List.of(Field.of("from", PERSON), Field.of("to", PERSON), Field.of("contents", "string")));
    private static final Eip712Domain MAIL_DOMAIN = Eip712Domain.of("Ether Mail", "1", 1,
            "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC");

    private static TypedData mail() {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("from", Map.of("name", "Cow", "wallet", "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"));
        message.put("to", Map.of("name", "Bob", "wallet", "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"));
        message.put("contents", "Hello, Bob!");
        return TypedData.of(MAIL_DOMAIN, MAIL, message);
    }

    @Test
    void theSpecificationsMailExampleHasItsPublishedHashes() {
        // EIP-712, "Example": eth_signTypedData of Mail; the values below are the specification's own
        assertEquals("Mail(Person from,Person to,string contents)Person(string name,address wallet)", MAIL.encodeType());
        assertEquals("0xa0cedeb2dc280ba39b857546d74f5549c3a1d7bdc2dd96bf881f76108e23dac2", Numeric.toHexString(MAIL.typeHash()));
        assertEquals("0xf2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f", MAIL_DOMAIN.separatorHex());
        assertEquals("0xc52c0ee5d84264471806290a3f2c4cecfc5490626bf912d01f240d7a274b371e",
                Numeric.toHexString(mail().structHash()));
        assertEquals("0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2", mail().digestHex());
    }

    @Test
    void theSpecificationsMailSignatureRecoversToCow() {
        // the key of "cow" is keccak256("cow"), as in the specification's test; v 28 r ... s ... published there
        Signature sig = Signature.of(Numeric.hexStringToByteArray("0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d"),
                Numeric.hexStringToByteArray("0x07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562"), 28);
        assertEquals("0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826", sig.recover(mail().digest()).toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void ourJsonIsWhatWeb3jsEncoderHashesToTheSameDigest() throws Exception {
        TypedData data = mail();
        StructuredDataEncoder web3j = new StructuredDataEncoder(data.toJson());
        assertArrayEquals(data.digest(), web3j.hashStructuredData());
        assertArrayEquals(MAIL_DOMAIN.separator(), web3j.hashDomain());
    }

    @Test
    void jsonHasTheShapeEthSignTypedDataV4Takes() throws Exception {
        JsonNode json = new ObjectMapper().readTree(mail().toJson());
        assertEquals("Mail", json.get("primaryType").asText());
        assertEquals(List.of("EIP712Domain", "Mail", "Person"), iterate(json.get("types")));
        assertEquals("chainId", json.get("types").get("EIP712Domain").get(2).get("name").asText());
        assertTrue(json.get("domain").get("chainId").isNumber(), "chainId is a JSON number");
        assertEquals("Cow", json.get("message").get("from").get("name").asText());
        assertEquals("Hello, Bob!", json.get("message").get("contents").asText());
    }

    @Test
    void everyAtomicKindCrossChecksWithWeb3j() throws Exception {
        StructType all = StructType.of("All", List.of(Field.of("a", "address"), Field.of("b", "bool"),
                Field.of("u8", "uint8"), Field.of("u", "uint256"), Field.of("i", "int256"), Field.of("b4", "bytes4"),
                Field.of("b32", "bytes32"), Field.of("s", "string"), Field.of("d", "bytes"), Field.of("us", "uint256[]"),
                Field.arrayOf("people", PERSON)));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
        m.put("b", true);
        m.put("u8", 255);
        m.put("u", new BigInteger("115792089237316195423570985008687907853269984665640564039457584007913129639935"));
        m.put("i", BigInteger.valueOf(-5));
        m.put("b4", new byte[] {1, 2, 3, 4});
        m.put("b32", "0x" + "ab".repeat(32));
        m.put("s", "grüße");
        m.put("d", new byte[] {9, 8, 7});
        m.put("us", List.of(1L, "2", BigInteger.TEN));
        m.put("people", List.of(Map.of("name", "Ann", "wallet", "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"),
                Map.of("name", "Ben", "wallet", "0x90F79bf6EB2c4f870365E785982E1f101E93b906")));
        TypedData data = TypedData.of(Eip712Domain.of("Probe", "2", 31337, "0x5FbDB2315678afecb367f032d93F642f64180aa3"), all, m);
        assertArrayEquals(new StructuredDataEncoder(data.toJson()).hashStructuredData(), data.digest());
    }

    @Test
    void aSaltedDomainAddsTheFifthField() throws Exception {
        Eip712Domain salted = MAIL_DOMAIN.withSalt(new byte[32]);
        assertEquals(0x1f, salted.fields());
        assertEquals(0x0f, MAIL_DOMAIN.fields());
        assertNotEquals(MAIL_DOMAIN.separatorHex(), salted.separatorHex());
        TypedData data = TypedData.of(salted, MAIL, mail().message());
        assertArrayEquals(new StructuredDataEncoder(data.toJson()).hashDomain(), salted.separator());
    }

    @Test
    void messagesThatDoNotFitTheirTypeAreRefused() {
        Map<String, Object> missing = new LinkedHashMap<>(mail().message());
        missing.remove("contents");
        assertThrows(InvalidInputException.class, () -> TypedData.of(MAIL_DOMAIN, MAIL, missing));
        Map<String, Object> extra = new LinkedHashMap<>(mail().message());
        extra.put("cc", "x");
        assertThrows(InvalidInputException.class, () -> TypedData.of(MAIL_DOMAIN, MAIL, extra));
        StructType small = StructType.of("Small", List.of(Field.of("v", "uint8"), Field.of("b", "bytes2")));
        assertThrows(InvalidInputException.class, () -> small.hashStruct(Map.of("v", 256, "b", new byte[2])));
        assertThrows(InvalidInputException.class, () -> small.hashStruct(Map.of("v", -1, "b", new byte[2])));
        assertThrows(InvalidInputException.class, () -> small.hashStruct(Map.of("v", 1, "b", new byte[3])));
        assertThrows(InvalidInputException.class, () -> Field.of("x", "uint7"));
        assertThrows(InvalidInputException.class, () -> Field.of("x", "Person"));
    }

    private static List<String> iterate(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
