package io.restake4j.contracts.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Our EigenLayer ABIs ({@code abi/eigenlayer/*.json}, derived from our own interface files) against
 * the official ABIs kept beside the repository in {@code ../shared/protocols/abi-reference/eigenlayer/}.
 *
 * <p>Entries are matched by kind and canonical signature (tuples expanded). An entry we have must
 * agree with the official one in output types, {@code indexed} flags, {@code anonymous} flag and state
 * mutability, and must exist in the official ABI; any difference fails the test. Official entries we
 * lack only lower the coverage, which is printed per contract. Parameter names are not compared.
 *
 * <p>Without the shared folder (e.g. a clone on its own) the test is skipped, saying so.
 */
class EigenLayerAbiConformanceTest {

    /**
     * Our ABI (abi/eigenlayer/&lt;key&gt;.json) -> the official ABI files whose union is what the deployed
     * proxy serves (where an entry stands in several, the first file's wins).
     */
    private static final Map<String, List<String>> OFFICIAL = new LinkedHashMap<>();

    static {
        OFFICIAL.put("StrategyManager", List.of("StrategyManager.abi.json"));
        OFFICIAL.put("Strategy", List.of("StrategyBase.abi.json"));
        OFFICIAL.put("DelegationManager", List.of("DelegationManager.abi.json"));
        // the proxy serves AllocationManager and, by delegatecall, AllocationManagerView;
        // IAllocationManager names every parameter, so it comes first
        OFFICIAL.put("AllocationManager", List.of("IAllocationManager.abi.json", "AllocationManager.abi.json",
                "AllocationManagerView.abi.json"));
        OFFICIAL.put("RewardsCoordinator", List.of("RewardsCoordinator.abi.json"));
        OFFICIAL.put("EigenPodManager", List.of("EigenPodManager.abi.json"));
        OFFICIAL.put("EigenPod", List.of("EigenPod.abi.json"));
        OFFICIAL.put("Eigen", List.of("Eigen.abi.json"));
    }

    private static final List<String> KINDS = List.of("function", "event", "error");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void ourEigenLayerAbisMatchTheOfficialOnes() throws IOException {
        Path root = repositoryRoot();
        Path reference = root == null ? null
                : root.resolve("../shared/protocols/abi-reference/eigenlayer").normalize();
        if (reference == null || !Files.isDirectory(reference)) {
            String msg = "EigenLayer ABI conformance skipped: no official ABIs at "
                    + (reference == null ? "<repository root>/../shared (repository root not found from "
                            + System.getProperty("user.dir") + ")" : reference);
            System.err.println(msg);
            announce(msg);
            Assumptions.assumeTrue(false, msg);
        }
        Path ours = root.resolve("abi/eigenlayer");

        List<String> problems = new ArrayList<>();
        List<String> unmapped = new ArrayList<>();
        try (Stream<Path> files = Files.list(ours)) {
            for (Path json : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String name = json.getFileName().toString().replace(".json", "");
                if (!OFFICIAL.containsKey(name)) {
                    unmapped.add(name);
                }
            }
        }
        for (String name : unmapped) {
            problems.add(name + ": abi/eigenlayer/" + name + ".json has no official ABI in the mapping table");
        }

        Map<String, int[]> total = new LinkedHashMap<>();
        KINDS.forEach(k -> total.put(k, new int[2]));
        StringBuilder report = new StringBuilder();
        for (Map.Entry<String, List<String>> m : OFFICIAL.entrySet()) {
            Path ourFile = ours.resolve(m.getKey() + ".json");
            if (!Files.isRegularFile(ourFile)) {
                problems.add(m.getKey() + ": abi/eigenlayer/" + m.getKey() + ".json is missing");
                continue;
            }
            Map<String, JsonNode> theirs = new LinkedHashMap<>();
            boolean complete = true;
            for (String file : m.getValue()) {
                Path officialFile = reference.resolve(file);
                if (!Files.isRegularFile(officialFile)) {
                    problems.add(m.getKey() + ": official ABI " + officialFile + " is missing");
                    complete = false;
                    continue;
                }
                index(JSON.readTree(officialFile.toFile())).forEach(theirs::putIfAbsent);
            }
            if (!complete) {
                continue;
            }
            Map<String, JsonNode> mine = index(JSON.readTree(ourFile.toFile()));
            report.append(compare(m.getKey(), mine, theirs, problems, total)).append('\n');
        }
        report.append("Total: ");
        report.append(String.join(", ", KINDS.stream()
                .map(k -> total.get(k)[0] + "/" + total.get(k)[1] + " " + plural(k)).toList()));
        System.out.println("EigenLayer ABI coverage (ours vs official):\n" + report);

        assertTrue(problems.isEmpty(), problems.size() + " difference(s) from the official EigenLayer ABIs:\n  "
                + String.join("\n  ", problems));
    }

    /** Compares one contract; records problems and returns its coverage line. */
    private static String compare(String contract, Map<String, JsonNode> mine, Map<String, JsonNode> theirs,
            List<String> problems, Map<String, int[]> total) {
        for (Map.Entry<String, JsonNode> e : mine.entrySet()) {
            JsonNode official = theirs.get(e.getKey());
            if (official == null) {
                problems.add(contract + ": extra " + e.getKey() + " (not in the official ABI)");
                continue;
            }
            for (String diff : differences(e.getValue(), official)) {
                problems.add(contract + ": " + e.getKey() + ": " + diff);
            }
        }
        List<String> parts = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String kind : KINDS) {
            int have = 0;
            int of = 0;
            for (String key : theirs.keySet()) {
                if (!kindOf(key).equals(kind)) {
                    continue;
                }
                of++;
                if (mine.containsKey(key)) {
                    have++;
                } else {
                    missing.add(key);
                }
            }
            total.get(kind)[0] += have;
            total.get(kind)[1] += of;
            parts.add(have + "/" + of + " " + plural(kind));
        }
        return contract + ": " + String.join(", ", parts)
                + (missing.isEmpty() ? "" : " (missing: " + String.join(", ", missing) + ")");
    }

    private static List<String> differences(JsonNode mine, JsonNode official) {
        List<String> diffs = new ArrayList<>();
        String kind = mine.path("type").asText();
        if (!kind.equals("event") && !kind.equals("error")) {
            differ(diffs, "state mutability", mine.path("stateMutability").asText(),
                    official.path("stateMutability").asText());
        }
        if (kind.equals("function")) {
            differ(diffs, "outputs", "(" + types(mine.path("outputs")) + ")", "(" + types(official.path("outputs")) + ")");
        }
        if (kind.equals("event")) {
            differ(diffs, "indexed", indexed(mine), indexed(official));
            differ(diffs, "anonymous", String.valueOf(mine.path("anonymous").asBoolean(false)),
                    String.valueOf(official.path("anonymous").asBoolean(false)));
        }
        return diffs;
    }

    private static void differ(List<String> diffs, String what, String mine, String official) {
        if (!mine.equals(official)) {
            diffs.add(what + " " + mine + ", official " + official);
        }
    }

    /** Entries by "kind name(canonical inputs)"; receive and fallback count as functions. */
    private static Map<String, JsonNode> index(JsonNode abi) {
        Map<String, JsonNode> byKey = new TreeMap<>();
        for (JsonNode entry : abi) {
            String type = entry.path("type").asText();
            String key = switch (type) {
                case "function", "event", "error" -> type + " " + entry.path("name").asText()
                        + "(" + types(entry.path("inputs")) + ")";
                case "receive", "fallback" -> "function " + type + "()";
                default -> null; // the constructor is not part of a deployed contract's interface
            };
            if (key != null) {
                byKey.putIfAbsent(key, entry); // official ABIs may repeat an error declared by two libraries
            }
        }
        return byKey;
    }

    private static String kindOf(String key) {
        return key.substring(0, key.indexOf(' '));
    }

    private static String types(JsonNode params) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : params) {
            String type = p.path("type").asText();
            out.add(type.startsWith("tuple")
                    ? "(" + types(p.path("components")) + ")" + type.substring("tuple".length())
                    : type);
        }
        return String.join(",", out);
    }

    private static String indexed(JsonNode event) {
        List<String> flags = new ArrayList<>();
        event.path("inputs").forEach(p -> flags.add(p.path("indexed").asBoolean(false) ? "indexed" : "-"));
        return "[" + String.join(",", flags) + "]";
    }

    private static String plural(String kind) {
        return kind + "s";
    }

    /**
     * The repository root: the nearest directory at or above {@code user.dir} that holds {@code abi/}
     * and the parent POM; null if there is none.
     */
    static Path repositoryRoot() throws IOException {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isDirectory(dir.resolve("abi")) && Files.isRegularFile(pom)
                    && Files.readString(pom, StandardCharsets.UTF_8).contains("<artifactId>restake4j-parent</artifactId>")) {
                return dir;
            }
        }
        return null;
    }

    /** Also to the forked JVM's own stderr, which surefire passes to the build log (System.err goes to a report file). */
    private static void announce(String message) {
        try {
            java.io.FileOutputStream err = new java.io.FileOutputStream(java.io.FileDescriptor.err);
            err.write((message + System.lineSeparator()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            err.flush(); // not closed: that would close fd 2
        } catch (IOException e) {
            // the report file and the assumption message remain
        }
    }
}
