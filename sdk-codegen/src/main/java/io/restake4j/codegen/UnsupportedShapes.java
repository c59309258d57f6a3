package io.restake4j.codegen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import org.web3j.crypto.Hash;

/**
 * ABI shapes that web3j-codegen 5.0.2 cannot turn into a wrapper, and their removal.
 *
 * <p>Three cases are known:
 * <ul>
 *   <li>A function with a nested array parameter or result ({@code T[][]}, {@code T[2][]}, ...) in an
 *       ABI that declares any struct crashes the generator for the whole contract (web3j issue #1925).
 *       EigenLayer's {@code completeQueuedWithdrawals(Withdrawal[],address[][],bool[])} has that shape.</li>
 *   <li>Overloads whose Java parameter lists are the same after type erasure: web3j writes both and
 *       the wrapper does not compile. {@code bytes} and {@code bytes32} are both {@code byte[]},
 *       {@code address} and {@code string} both {@code String}, every integer a {@code BigInteger},
 *       and every array a {@code List}, whatever its element type. Of each such group the overload
 *       with the shortest canonical signature (then the first in alphabetical order) is generated;
 *       the others are left out.</li>
 *   <li>A function with a struct that has a fixed-size array member ({@code uint256[36]} in Lido's
 *       {@code BatchesCalculationState}): web3j writes {@code new StaticArray<...>(...)} into the struct
 *       class, which is abstract, and the wrapper does not compile.</li>
 * </ul>
 * Such functions are removed from the generator's input; their events, errors and structs used
 * elsewhere stay generated. Each removed function is reported with its canonical signature and
 * selector so that it is encoded by hand.
 */
public final class UnsupportedShapes {

    private static final Pattern NESTED_ARRAY = Pattern.compile(".*\\[[0-9]*]\\[[0-9]*].*");
    private static final Pattern FIXED_ARRAY = Pattern.compile(".*\\[[0-9]+]$");

    /** Of clashing overloads, the generated one: the shortest canonical signature, then alphabetical. */
    private static final Comparator<JsonNode> PREFERRED = Comparator
            .comparingInt((JsonNode e) -> signature(e).length())
            .thenComparing(UnsupportedShapes::signature);

    private UnsupportedShapes() {
    }

    /** A function left out of generation. */
    public record Excluded(String qualifiedContract, String signature, String selector, String reason) {
    }

    record Filtered(ArrayNode abi, List<Excluded> excluded) {
    }

    static Filtered filter(AbiFile input) {
        boolean hasStructs = containsTuple(input.abi());
        List<JsonNode> generated = new ArrayList<>();
        List<Excluded> excluded = new ArrayList<>();
        for (JsonNode entry : input.abi()) {
            if (hasStructs && isFunction(entry) && hasNestedArray(entry)) {
                String signature = signature(entry);
                excluded.add(new Excluded(input.qualifiedName(), signature, selector(signature),
                        "nested array in an ABI with structs (web3j#1925)"));
            } else if (isFunction(entry) && (fixedArrayInStruct(entry.path("inputs"), false)
                    || fixedArrayInStruct(entry.path("outputs"), false))) {
                String signature = signature(entry);
                excluded.add(new Excluded(input.qualifiedName(), signature, selector(signature),
                        "fixed-size array in a struct (web3j writes new StaticArray, which is abstract)"));
            } else {
                generated.add(entry);
            }
        }
        Set<JsonNode> clashing = Collections.newSetFromMap(new IdentityHashMap<>());
        clashing.addAll(clashingOverloads(generated));
        ArrayNode kept = input.abi().arrayNode();
        for (JsonNode entry : generated) {
            if (clashing.contains(entry)) {
                String signature = signature(entry);
                excluded.add(new Excluded(input.qualifiedName(), signature, selector(signature),
                        "overload with the same Java parameters " + javaParameters(entry) + " as "
                                + keptOverload(entry, generated)));
            } else {
                kept.add(entry);
            }
        }
        return new Filtered(kept, excluded);
    }

    /**
     * The overloads to leave out because another overload of the same name has the same Java
     * parameter list: in each such group, all but the shortest canonical signature (then the first
     * alphabetically).
     */
    static List<JsonNode> clashingOverloads(List<JsonNode> entries) {
        Map<String, List<JsonNode>> byJavaSignature = new LinkedHashMap<>();
        for (JsonNode entry : entries) {
            if (isFunction(entry)) {
                byJavaSignature.computeIfAbsent(entry.path("name").asText() + javaParameters(entry),
                        k -> new ArrayList<>()).add(entry);
            }
        }
        List<JsonNode> clashing = new ArrayList<>();
        for (List<JsonNode> group : byJavaSignature.values()) {
            if (group.size() > 1) {
                group.stream().sorted(PREFERRED).skip(1).forEach(clashing::add);
            }
        }
        return clashing;
    }

    private static String keptOverload(JsonNode excluded, List<JsonNode> entries) {
        String javaSignature = excluded.path("name").asText() + javaParameters(excluded);
        return entries.stream()
                .filter(e -> isFunction(e) && javaSignature.equals(e.path("name").asText() + javaParameters(e)))
                .min(PREFERRED)
                .map(UnsupportedShapes::signature)
                .orElseThrow();
    }

    /**
     * The erased Java parameter list web3j generates for a function (native types, no primitives),
     * e.g. {@code (String,List,byte[])}.
     */
    static String javaParameters(JsonNode function) {
        List<String> types = new ArrayList<>();
        for (JsonNode p : function.path("inputs")) {
            types.add(javaErasure(p));
        }
        return "(" + String.join(",", types) + ")";
    }

    private static String javaErasure(JsonNode param) {
        String type = param.path("type").asText();
        if (type.endsWith("]")) {
            return "List";
        }
        if (type.equals("tuple")) {
            // web3j names the struct class after the last segment of its internal type
            String internal = param.path("internalType").asText("").replaceFirst("^struct\\s*", "");
            if (!internal.isEmpty()) {
                return internal.substring(internal.lastIndexOf('.') + 1);
            }
            StringBuilder sb = new StringBuilder("(");
            appendTypes(sb, param.path("components"));
            return sb.append(')').toString();
        }
        if (type.equals("address") || type.equals("string")) {
            return "String";
        }
        if (type.startsWith("bytes")) {
            return "byte[]";
        }
        if (type.equals("bool")) {
            return "Boolean";
        }
        if (type.startsWith("uint") || type.startsWith("int")) {
            return "BigInteger";
        }
        return type;
    }

    private static boolean isFunction(JsonNode entry) {
        return "function".equals(entry.path("type").asText());
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

    private static boolean fixedArrayInStruct(JsonNode params, boolean inStruct) {
        for (JsonNode p : params) {
            String type = p.path("type").asText();
            if (inStruct && !type.startsWith("tuple") && FIXED_ARRAY.matcher(type).matches()) {
                return true;
            }
            if (type.startsWith("tuple") && fixedArrayInStruct(p.path("components"), true)) {
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
