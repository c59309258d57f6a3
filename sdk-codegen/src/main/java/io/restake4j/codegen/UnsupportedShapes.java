package io.restake4j.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import org.web3j.crypto.Hash;

/**
 * ABI shapes that web3j-codegen 5.0.2 cannot turn into a wrapper, and their removal.
 *
 * <p>Known case: a function with a nested array parameter or result ({@code T[][]}, {@code T[2][]},
 * ...) in an ABI that declares any struct crashes the generator for the whole contract (web3j issue
 * #1925). EigenLayer's {@code completeQueuedWithdrawals(Withdrawal[],address[][],bool[])} has that
 * shape. Such functions are removed from the generator's input; their events, errors and structs
 * used elsewhere stay generated. Each removed function is reported with its canonical signature and
 * selector so that it is encoded by hand.
 */
public final class UnsupportedShapes {

    private static final Pattern NESTED_ARRAY = Pattern.compile(".*\\[[0-9]*]\\[[0-9]*].*");

    private UnsupportedShapes() {
    }

    /** A function left out of generation. */
    public record Excluded(String qualifiedContract, String signature, String selector, String reason) {
    }

    record Filtered(ArrayNode abi, List<Excluded> excluded) {
    }

    static Filtered filter(AbiFile input) {
        boolean hasStructs = containsTuple(input.abi());
        ArrayNode kept = input.abi().arrayNode();
        List<Excluded> excluded = new ArrayList<>();
        for (JsonNode entry : input.abi()) {
            if (hasStructs && "function".equals(entry.path("type").asText()) && hasNestedArray(entry)) {
                String signature = signature(entry);
                excluded.add(new Excluded(input.qualifiedName(), signature, selector(signature),
                        "nested array in an ABI with structs (web3j#1925)"));
            } else {
                kept.add(entry);
            }
        }
        return new Filtered(kept, excluded);
    }

    /** The canonical signature, e.g. {@code settle((address,uint256)[],address[][],bool[])}. */
    public static String signature(JsonNode entry) {
        StringBuilder sb = new StringBuilder(entry.path("name").asText()).append('(');
        appendTypes(sb, entry.path("inputs"));
        return sb.append(')').toString();
    }

    /** The 4-byte selector of a canonical signature, as 0x-prefixed hex. */
    public static String selector(String signature) {
        return Hash.sha3String(signature).substring(0, 10);
    }

    private static void appendTypes(StringBuilder sb, JsonNode params) {
        boolean first = true;
        for (JsonNode p : params) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            String type = p.path("type").asText();
            if (type.startsWith("tuple")) {
                sb.append('(');
                appendTypes(sb, p.path("components"));
                sb.append(')').append(type.substring("tuple".length()));
            } else {
                sb.append(type);
            }
        }
    }

    private static boolean hasNestedArray(JsonNode function) {
        return anyParam(function.path("inputs")) || anyParam(function.path("outputs"));
    }

    private static boolean anyParam(JsonNode params) {
        for (JsonNode p : params) {
            if (NESTED_ARRAY.matcher(p.path("type").asText()).matches() || anyParam(p.path("components"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsTuple(ArrayNode abi) {
        for (JsonNode entry : abi) {
            if (tuple(entry.path("inputs")) || tuple(entry.path("outputs"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean tuple(JsonNode params) {
        for (JsonNode p : params) {
            if (p.path("type").asText().startsWith("tuple")) {
                return true;
            }
        }
        return false;
    }
}
