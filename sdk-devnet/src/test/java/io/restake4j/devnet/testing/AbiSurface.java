package io.restake4j.devnet.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Compares a fixture artifact's ABI with a reference ABI (ours in abi/, or upstream's): every function of
 * the reference with the same canonical signature, mutability and outputs, every event with the same
 * indexed flags, every error, {@code receive} / {@code fallback}. Extra entries of the fixture are fine.
 *
 * <pre>{@code
 * List<String> problems = AbiSurface.missing(referenceAbi, artifact.get("abi"), false);
 * assertEquals(List.of(), problems);
 * }</pre>
 */
public final class AbiSurface {

    private AbiSurface() {
    }

    /**
     * What of {@code reference} the {@code actual} ABI lacks or has differently, one line each; with
     * {@code stricterMutability}, a function may also be stricter than the reference, as solc lets an
     * implementation of an interface be ({@code pure} for {@code view}, {@code view}/{@code pure} for
     * {@code nonpayable}).
     */
    public static List<String> missing(JsonNode reference, JsonNode actual, boolean stricterMutability) {
        Map<String, JsonNode> expected = index(reference);
        Map<String, JsonNode> have = index(actual);
        List<String> problems = new ArrayList<>();
        expected.forEach((key, want) -> {
            JsonNode found = have.get(key);
            if (found == null) {
                problems.add("missing " + key);
            } else if (key.startsWith("function ")) {
                String wanted = want.path("stateMutability").asText();
                String got = found.path("stateMutability").asText();
                if (!wanted.equals(got) && !(stricterMutability && stricter(wanted, got))) {
                    problems.add(key + ": mutability " + got + ", expected " + wanted);
                }
                if (!types(want.path("outputs")).equals(types(found.path("outputs")))) {
                    problems.add(key + ": returns " + types(found.path("outputs")) + ", expected " + types(want.path("outputs")));
                }
            } else if (key.startsWith("event ") && !indexed(want).equals(indexed(found))) {
                problems.add(key + ": indexed " + indexed(found) + ", expected " + indexed(want));
            }
        });
        return problems;
    }

    private static boolean stricter(String wanted, String got) {
        return (wanted.equals("view") && got.equals("pure"))
                || (wanted.equals("nonpayable") && Set.of("view", "pure").contains(got));
    }

    private static Map<String, JsonNode> index(JsonNode abi) {
        Map<String, JsonNode> out = new TreeMap<>();
        for (JsonNode entry : abi) {
            String type = entry.path("type").asText();
            if (type.equals("function") || type.equals("event") || type.equals("error")) {
                out.put(type + " " + entry.path("name").asText() + "(" + types(entry.path("inputs")) + ")", entry);
            } else if (type.equals("receive") || type.equals("fallback")) {
                out.put(type + " " + entry.path("stateMutability").asText(), entry);
            }
        }
        return out;
    }

    private static String types(JsonNode params) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : params) {
            String type = p.path("type").asText();
            out.add(type.startsWith("tuple") ? "(" + types(p.path("components")) + ")" + type.substring(5) : type);
        }
        return String.join(",", out);
    }

    private static List<Boolean> indexed(JsonNode event) {
        List<Boolean> out = new ArrayList<>();
        event.path("inputs").forEach(p -> out.add(p.path("indexed").asBoolean()));
        return out;
    }
}
