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

/**
 * What the ABI conformance tests share: finding the repository and the shared folder beside it,
 * skipping visibly without it, indexing ABI entries by canonical signature, and comparing our
 * {@code abi/<folder>/*.json} with official ABI files.
 */
final class AbiConformance {

    static final List<String> KINDS = List.of("function", "event", "error");
    static final ObjectMapper JSON = new ObjectMapper();

    private AbiConformance() {
    }

    /**
     * The folder {@code ../shared/protocols/<relative>} beside the repository; if it is absent, skips the
     * calling test, saying so in the build log ("{@code <label> skipped: ...}").
     */
    static Path sharedOrSkip(String label, String relative, String what) throws IOException {
        Path root = repositoryRoot();
        Path shared = root == null ? null : root.resolve("../shared/protocols/" + relative).normalize();
        boolean present = shared != null && (relative.endsWith(".md") ? Files.isRegularFile(shared) : Files.isDirectory(shared));
        if (!present) {
            String msg = label + " skipped: no " + what + " at "
                    + (shared == null ? "<repository root>/../shared (repository root not found from "
                            + System.getProperty("user.dir") + ")" : shared);
            System.err.println(msg);
            announce(msg);
            Assumptions.assumeTrue(false, msg);
        }
        return shared;
    }

    /**
     * Compares every {@code abi/<folder>/*.json} with the union of its official files (the first file's entry
     * wins where several have it), prints the coverage, and fails on differences, on extras not listed in
     * {@code allowedExtras} (contract -> entry key -> why) and on our files the mapping does not name.
     */
    static void checkAgainstOfficial(String protocol, String folder, Map<String, List<String>> official,
            Map<String, Map<String, String>> allowedExtras) throws IOException {
        checkAgainstOfficial(protocol, folder, official, allowedExtras, java.util.Set.of());
    }

    /**
     * As {@link #checkAgainstOfficial(String, String, Map, Map)}, where the ABIs named in {@code byFactsFile} have no
     * official JSON and are checked by a {@link SignatureListing} of the facts file instead (so they are not
     * reported as unmapped here).
     */
    static void checkAgainstOfficial(String protocol, String folder, Map<String, List<String>> official,
            Map<String, Map<String, String>> allowedExtras, java.util.Set<String> byFactsFile) throws IOException {
        Path reference = sharedOrSkip(protocol + " ABI conformance", "abi-reference/" + folder, "official ABIs");
        Path ours = repositoryRoot().resolve("abi/" + folder);

        List<String> problems = new ArrayList<>();
        List<String> unmapped = new ArrayList<>();
        try (Stream<Path> files = Files.list(ours)) {
            for (Path json : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String name = json.getFileName().toString().replace(".json", "");
                if (!official.containsKey(name) && !byFactsFile.contains(name)) {
                    unmapped.add(name);
                }
            }
        }
        for (String name : unmapped) {
            problems.add(name + ": abi/" + folder + "/" + name + ".json has no official ABI in the mapping table");
        }

        Map<String, int[]> total = totals();
        StringBuilder report = new StringBuilder();
        for (Map.Entry<String, List<String>> m : official.entrySet()) {
            Path ourFile = ours.resolve(m.getKey() + ".json");
            if (!Files.isRegularFile(ourFile)) {
                problems.add(m.getKey() + ": abi/" + folder + "/" + m.getKey() + ".json is missing");
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
            Map<String, String> allowed = allowedExtras.getOrDefault(m.getKey(), Map.of());
            report.append(compare(m.getKey(), mine, theirs, allowed, problems, total)).append('\n');
        }
        report.append("Total: ").append(totalLine(total));
        System.out.println(protocol + " ABI coverage (ours vs official):\n" + report);

        assertTrue(problems.isEmpty(), problems.size() + " difference(s) from the official " + protocol + " ABIs:\n  "
                + String.join("\n  ", problems));
    }

    /** Compares one contract; records problems and returns its coverage line. */
    private static String compare(String contract, Map<String, JsonNode> mine, Map<String, JsonNode> theirs,
            Map<String, String> allowedExtras, List<String> problems, Map<String, int[]> total) {
        List<String> extras = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : mine.entrySet()) {
            JsonNode official = theirs.get(e.getKey());
            if (official == null) {
                if (allowedExtras.containsKey(e.getKey())) {
                    extras.add(e.getKey() + ": " + allowedExtras.get(e.getKey()));
                } else {
                    problems.add(contract + ": extra " + e.getKey() + " (not in the official ABI)");
                }
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
                + (missing.isEmpty() ? "" : " (missing: " + String.join(", ", missing) + ")")
                + (extras.isEmpty() ? "" : " (allowed extras: " + String.join("; ", extras) + ")");
    }

    /**
     * How one entry of ours differs from the official entry of the same key: state mutability (functions),
     * output types (functions), indexed flags and anonymity (events); empty if they agree.
     */
    static List<String> differences(JsonNode mine, JsonNode official) {
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
    static Map<String, JsonNode> index(JsonNode abi) {
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

    static String kindOf(String key) {
        return key.substring(0, key.indexOf(' '));
    }

    /** Canonical parameter types, tuples expanded. */
    static String types(JsonNode params) {
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

    static Map<String, int[]> totals() {
        Map<String, int[]> total = new LinkedHashMap<>();
        KINDS.forEach(k -> total.put(k, new int[2]));
        return total;
    }

    static String totalLine(Map<String, int[]> total) {
        return String.join(", ", KINDS.stream()
                .map(k -> total.get(k)[0] + "/" + total.get(k)[1] + " " + plural(k)).toList());
    }

    static String plural(String kind) {
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
    static void announce(String message) {
        try {
            java.io.FileOutputStream err = new java.io.FileOutputStream(java.io.FileDescriptor.err);
            err.write((message + System.lineSeparator()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            err.flush(); // not closed: that would close fd 2
        } catch (IOException e) {
            // the report file and the assumption message remain
        }
    }
}
