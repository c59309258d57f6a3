package io.restake4j.eigenlayer.rewards;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;

/**
 * Reads and writes claim proofs in the JSON shape of EigenLayer's tooling (the RewardsCoordinator's
 * test data, eigenlayer-cli):
 *
 * <pre>
 * { "Root": "0x…", "RootIndex": 0, "EarnerIndex": 3, "EarnerTreeProof": "0x…",
 *   "EarnerLeaf": { "Earner": "0x…", "EarnerTokenRoot": "0x…" },
 *   "LeafIndices": [0, 2], "TokenTreeProofs": ["0x…", "0x…"],
 *   "TokenLeaves": [ { "Token": "0x…", "CumulativeEarnings": 1000000000000000000 }, … ] }
 * </pre>
 *
 * <p>Field names are matched ignoring case, {@code _} and {@code -} ({@code EarnerTreeProof},
 * {@code earnerTreeProof} and {@code earner_tree_proof} are the same field); {@code TokenIndices}
 * is accepted for {@code LeafIndices}, and a document whose only content is an object under
 * {@code proof} is unwrapped. Numbers are read exactly: {@code CumulativeEarnings} may exceed
 * 2<sup>63</sup> and is never passed through {@code double}; a decimal string or {@code 0x}-hex
 * string is accepted too. The optional {@code TokenTreeProofsNum} / {@code TokenLeavesNum} counts
 * must match when present. Every problem is an {@link InvalidInputException} naming the field.
 *
 * <pre>{@code
 * RewardsProof proof = RewardsProofJson.read(Path.of("proof.json"));
 * ClaimVerification v = proof.verify();
 * String json = RewardsProofJson.toJson(proof); // the upstream field names, amounts as bare numbers
 * }</pre>
 */
public final class RewardsProofJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+");

    private RewardsProofJson() {
    }

    /** Parses one proof document. */
    public static RewardsProof parse(String json) {
        Objects.requireNonNull(json, "json");
        try {
            return fromTree(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "rewards proof is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Reads one proof document from a stream (not closed). */
    public static RewardsProof read(InputStream in) {
        Objects.requireNonNull(in, "in");
        try {
            return fromTree(MAPPER.readTree(in));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "rewards proof is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads one proof document from a file.
     *
     * @throws InvalidInputException when the file does not exist or its content is not a proof
     */
    public static RewardsProof read(Path file) {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "rewards proof file not found: " + file);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a proof with the upstream field names, pretty-printed; amounts are bare JSON integers. */
    public static String toJson(RewardsProof proof) {
        Objects.requireNonNull(proof, "proof");
        RewardsClaim c = proof.claim();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("Root", proof.rootHex());
        root.put("RootIndex", c.rootIndex());
        root.put("EarnerIndex", c.earnerIndex());
        root.put("EarnerTreeProof", Bytes.hex(c.earnerTreeProof()));
        ObjectNode leaf = root.putObject("EarnerLeaf");
        leaf.put("Earner", c.earnerLeaf().earner());
        leaf.put("EarnerTokenRoot", c.earnerLeaf().earnerTokenRootHex());
        ArrayNode indices = root.putArray("LeafIndices");
        c.tokenIndices().forEach(indices::add);
        ArrayNode proofs = root.putArray("TokenTreeProofs");
        c.tokenTreeProofs().forEach(p -> proofs.add(Bytes.hex(p)));
        ArrayNode leaves = root.putArray("TokenLeaves");
        for (TokenLeaf t : c.tokenLeaves()) {
            ObjectNode o = leaves.addObject();
            o.put("Token", t.token());
            o.put("CumulativeEarnings", t.cumulativeEarnings());
        }
        root.put("TokenTreeProofsNum", c.tokenCount());
        root.put("TokenLeavesNum", c.tokenCount());
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    private static RewardsProof fromTree(JsonNode doc) {
        if (doc == null || doc.isMissingNode() || !doc.isObject()) {
            throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "rewards proof JSON must be an object");
        }
        Fields top = new Fields(doc, "");
        if (!top.has("Root") && top.size() == 1 && top.has("proof") && top.node("proof").isObject()) {
            top = new Fields(top.node("proof"), "proof.");
        }
        byte[] root = Bytes.bytes32(top.text("Root"), "rewards proof field " + top.path("Root"));
        long rootIndex = top.uint32("RootIndex");
        long earnerIndex = top.uint32("EarnerIndex");
        byte[] earnerProof = Bytes.hex(top.text("EarnerTreeProof"), "rewards proof field " + top.path("EarnerTreeProof"));
        Fields leaf = top.object("EarnerLeaf");
        EarnerLeaf earnerLeaf = new EarnerLeaf(leaf.address("Earner"),
                Bytes.bytes32(leaf.text("EarnerTokenRoot"), "rewards proof field " + leaf.path("EarnerTokenRoot")));

        JsonNode indexArray = top.array("LeafIndices", "TokenIndices");
        String indexName = top.has("LeafIndices") ? "LeafIndices" : "TokenIndices";
        List<Long> indices = new ArrayList<>();
        for (int i = 0; i < indexArray.size(); i++) {
            indices.add(uint32(indexArray.get(i), top.path(indexName) + "[" + i + "]"));
        }
        JsonNode proofArray = top.array("TokenTreeProofs");
        List<byte[]> proofs = new ArrayList<>();
        for (int i = 0; i < proofArray.size(); i++) {
            String where = top.path("TokenTreeProofs") + "[" + i + "]";
            proofs.add(Bytes.hex(text(proofArray.get(i), where), "rewards proof field " + where));
        }
        JsonNode leafArray = top.array("TokenLeaves");
        List<TokenLeaf> leaves = new ArrayList<>();
        for (int i = 0; i < leafArray.size(); i++) {
            String where = top.path("TokenLeaves") + "[" + i + "]";
            JsonNode item = leafArray.get(i);
            if (!item.isObject()) {
                throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "rewards proof field " + where + " must be an object");
            }
            Fields t = new Fields(item, where + ".");
            leaves.add(new TokenLeaf(t.address("Token"), t.uint256("CumulativeEarnings")));
        }
        checkCount(top, "TokenTreeProofsNum", proofs.size());
        checkCount(top, "TokenLeavesNum", leaves.size());
        return new RewardsProof(root, new RewardsClaim(rootIndex, earnerIndex, earnerProof, earnerLeaf, indices, proofs, leaves));
    }

    private static void checkCount(Fields f, String name, int actual) {
        if (f.has(name)) {
            long declared = f.uint32(name);
            if (declared != actual) {
                throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "rewards proof field " + f.path(name) + " says " + declared
                        + " but the list has " + actual);
            }
        }
    }

    private static String text(JsonNode node, String where) {
        if (!node.isTextual()) {
            throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "rewards proof field " + where + " must be a string, was " + node);
        }
        return node.asText();
    }

    private static long uint32(JsonNode node, String where) {
        BigInteger v = integer(node, where);
        if (v.signum() < 0 || v.bitLength() > 32) {
            throw new InvalidInputException(ErrorCode.OUT_OF_RANGE, "rewards proof field " + where + " must fit a uint32, was " + v);
        }
        return v.longValueExact();
    }

    /** An exact non-negative integer from a JSON number, a decimal string or a 0x-hex string. */
    private static BigInteger integer(JsonNode node, String where) {
        BigInteger v;
        if (node.isIntegralNumber()) {
            v = node.bigIntegerValue();
        } else if (node.isNumber()) {
            try {
                v = node.decimalValue().toBigIntegerExact();
            } catch (ArithmeticException e) {
                throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "rewards proof field " + where + " must be an integer, was " + node);
            }
        } else if (node.isTextual()) {
            String s = node.asText().strip();
            if (s.startsWith("0x") || s.startsWith("0X")) {
                byte[] raw = Bytes.hex(s.length() % 2 == 0 ? s : "0x0" + s.substring(2), "rewards proof field " + where);
                v = new BigInteger(1, raw);
            } else if (DECIMAL.matcher(s).matches()) {
                v = new BigInteger(s);
            } else {
                throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "rewards proof field " + where + " is not an integer: \"" + s + "\"");
            }
        } else {
            throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "rewards proof field " + where + " must be an integer, was " + node);
        }
        if (v.signum() < 0) {
            throw new InvalidInputException(ErrorCode.NOT_POSITIVE, "rewards proof field " + where + " cannot be negative: " + v);
        }
        return v;
    }

    /** One JSON object's fields, looked up ignoring case, underscores and dashes. */
    private static final class Fields {
        private final Map<String, String> rawByKey = new HashMap<>();
        private final JsonNode node;
        private final String prefix;

        Fields(JsonNode node, String prefix) {
            this.node = node;
            this.prefix = prefix;
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String raw = it.next();
                String previous = rawByKey.put(key(raw), raw);
                if (previous != null) {
                    throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "rewards proof has both " + prefix + previous + " and " + prefix + raw
                            + ", which name the same field");
                }
            }
        }

        private static String key(String name) {
            return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
        }

        int size() {
            return rawByKey.size();
        }

        boolean has(String name) {
            return rawByKey.containsKey(key(name));
        }

        /** The name as written in the document when present, else the canonical one, with its path. */
        String path(String name) {
            return prefix + rawByKey.getOrDefault(key(name), name);
        }

        JsonNode node(String... names) {
            for (String name : names) {
                String raw = rawByKey.get(key(name));
                if (raw != null) {
                    JsonNode v = node.get(raw);
                    if (v.isNull()) {
                        throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "rewards proof field " + prefix + raw + " is null");
                    }
                    return v;
                }
            }
            throw new InvalidInputException(ErrorCode.MISSING, "rewards proof is missing field " + prefix + names[0]
                    + (names.length > 1 ? " (or " + String.join(", ", List.of(names).subList(1, names.length)) + ")" : ""));
        }

        String text(String name) {
            return RewardsProofJson.text(node(name), path(name));
        }

        String address(String name) {
            return Bytes.normaliseAddress(text(name), "rewards proof field " + path(name));
        }

        long uint32(String name) {
            return RewardsProofJson.uint32(node(name), path(name));
        }

        BigInteger uint256(String name) {
            return Bytes.requireUint256(integer(node(name), path(name)), "rewards proof field " + path(name));
        }

        Fields object(String name) {
            JsonNode v = node(name);
            if (!v.isObject()) {
                throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "rewards proof field " + path(name) + " must be an object");
            }
            return new Fields(v, path(name) + ".");
        }

        JsonNode array(String... names) {
            JsonNode v = node(names);
            if (!v.isArray()) {
                throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "rewards proof field " + path(names[0]) + " must be an array");
            }
            return v;
        }
    }
}
