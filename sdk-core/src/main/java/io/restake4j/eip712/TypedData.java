package io.restake4j.eip712;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * EIP-712 typed data: a domain, a primary struct type and a message of that type. {@link #digest()} is
 * what a signer signs ({@code keccak256(0x19 0x01 ‖ domainSeparator ‖ hashStruct(message))});
 * {@link #toJson()} is the same data in the JSON form {@code eth_signTypedData_v4} takes, for a wallet,
 * a hardware signer or a custody service.
 *
 * <pre>{@code
 * TypedData data = TypedData.of(domain, mailType, Map.of("from", alice, "to", bob, "contents", "Hello, Bob!"));
 * byte[] digest = data.digest();
 * String json = data.toJson();    // hand to the wallet: eth_signTypedData_v4(address, json)
 * Signature sig = Signature.fromHex(walletAnswer);
 * sig.recover(digest);            // the signer's address
 * }</pre>
 *
 * @param domain      the domain
 * @param primaryType the message's struct type
 * @param message     the message's values by field name (see {@link StructType} for the value forms)
 */
public record TypedData(Eip712Domain domain, StructType primaryType, Map<String, Object> message) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public TypedData {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(primaryType, "primaryType");
        message = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(message, "message")));
        primaryType.hashStruct(message);  // refuses a message that does not fit its type, now rather than at signing
    }

    /** Typed data over {@code message}, checked against {@code primaryType}. */
    public static TypedData of(Eip712Domain domain, StructType primaryType, Map<String, ?> message) {
        return new TypedData(domain, primaryType, new LinkedHashMap<>(message));
    }

    /** {@code hashStruct(message)}. */
    public byte[] structHash() {
        return primaryType.hashStruct(message);
    }

    /** The 32 bytes to sign: {@code keccak256(0x19 0x01 ‖ domain.separator() ‖ structHash())}. */
    public byte[] digest() {
        return digest(domain.separator(), structHash());
    }

    /** {@code keccak256(0x19 0x01 ‖ separator ‖ structHash)}. */
    public static byte[] digest(byte[] domainSeparator, byte[] structHash) {
        if (domainSeparator.length != 32 || structHash.length != 32) {
            throw new IllegalArgumentException("a domain separator and a struct hash are 32 bytes each");
        }
        byte[] input = new byte[66];
        input[0] = 0x19;
        input[1] = 0x01;
        System.arraycopy(domainSeparator, 0, input, 2, 32);
        System.arraycopy(structHash, 0, input, 34, 32);
        return Hash.sha3(input);
    }

    /** The digest as 0x-hex. */
    public String digestHex() {
        return Numeric.toHexString(digest());
    }

    /**
     * The JSON {@code eth_signTypedData_v4} takes: {@code types} (with {@code EIP712Domain}),
     * {@code primaryType}, {@code domain} and {@code message}. Integers are decimal strings, bytes 0x-hex.
     * A wallet signing it signs {@link #digest()}.
     */
    public String toJson() {
        Map<String, Object> types = new LinkedHashMap<>();
        StructType domainType = domain.type();
        types.put(domainType.name(), domainType.jsonFields());
        types.putAll(primaryType.jsonTypes());
        Map<String, Object> domainJson = new LinkedHashMap<>();
        Map<String, Object> values = domain.values();
        for (StructType.Field f : domainType.fields()) {
            domainJson.put(f.name(), f.name().equals("chainId") ? (Object) domain.chainId() : domainType.jsonValue(f, values.get(f.name())));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("types", types);
        root.put("primaryType", primaryType.name());
        root.put("domain", domainJson);
        root.put("message", primaryType.jsonMessage(message));
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write typed data as JSON", e);
        }
    }

    @Override
    public String toString() {
        return "TypedData[" + primaryType.name() + " in " + domain + ", digest " + digestHex() + "]";
    }
}
