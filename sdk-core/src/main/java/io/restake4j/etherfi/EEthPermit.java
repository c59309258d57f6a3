package io.restake4j.etherfi;

import java.io.IOException;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.web3j.crypto.StructuredDataEncoder;

/** The EIP-2612 typed data of an eETH permit: domain ("EETH", "1", chain id, eETH), as eETH hashes it. */
final class EEthPermit {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EEthPermit() {
    }

    /** The {@code eth_signTypedData_v4} JSON of a permit of {@code value} eETH wei for {@code spender}. */
    static String typedData(long chainId, String eEth, String owner, String spender, BigInteger value, BigInteger nonce,
            BigInteger deadline) {
        Map<String, Object> types = new LinkedHashMap<>();
        types.put("EIP712Domain", List.of(field("name", "string"), field("version", "string"), field("chainId", "uint256"),
                field("verifyingContract", "address")));
        types.put("Permit", List.of(field("owner", "address"), field("spender", "address"), field("value", "uint256"),
                field("nonce", "uint256"), field("deadline", "uint256")));
        Map<String, Object> domain = new LinkedHashMap<>();
        domain.put("name", "EETH");
        domain.put("version", "1");
        domain.put("chainId", chainId);
        domain.put("verifyingContract", eEth);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("owner", owner);
        message.put("spender", spender);
        message.put("value", value.toString());
        message.put("nonce", nonce.toString());
        message.put("deadline", deadline.toString());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("types", types);
        root.put("primaryType", "Permit");
        root.put("domain", domain);
        root.put("message", message);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The domain separator of {@code typedData}'s domain. */
    static byte[] domainSeparator(String typedData) {
        try {
            return new StructuredDataEncoder(typedData).hashDomain();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode EIP-712 data", e);
        }
    }

    private static Map<String, String> field(String name, String type) {
        return Map.of("name", name, "type", type);
    }
}
