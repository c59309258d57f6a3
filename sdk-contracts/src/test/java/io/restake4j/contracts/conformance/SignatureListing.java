package io.restake4j.contracts.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.web3j.crypto.Hash;

/**
 * Checks our ABIs against the signature listings of a protocol's facts file
 * ({@code ../shared/protocols/<protocol>.md}) where no official ABI JSON is usable.
 *
 * <p>Every code span of the chosen sections that reads as a signature, {@code name(type name, ...)} with
 * an optional leading {@code function}/{@code event}/{@code error} and Solidity types (or the struct and
 * enum names given), is made canonical and must be present in our ABI of that section (or, failing
 * that, another ABI of the protocol, which the report names). A selector or topic the listing gives
 * beside it ({@code a9059cbb}, {@code 0x…64 hex}, or {@code 0xabcd…ef} abbreviated) must equal the keccak
 * of the canonical signature. Spans such as {@code deposit(address(0))} are prose, not signatures.
 */
final class SignatureListing {

    /** A code span, or a bare selector / topic outside spans ({@code 0x6e553f65}, {@code 0x…64 hex}, abbreviated). */
    private static final Pattern SPAN = Pattern.compile(
            "`([^`]+)`|(?<![0-9A-Za-z…])(0x[0-9a-f]{8}(?![0-9A-Za-z])|0x[0-9a-f]{64}(?![0-9A-Za-z])|0x[0-9a-f]{6,}…[0-9a-f]{3,})");
    private static final Pattern SIGNATURE = Pattern.compile("^(?:function\\s+|event\\s+|error\\s+)?(?:[A-Z]\\w*\\.)?([A-Za-z_]\\w*)\\(");
    private static final Pattern HEX = Pattern.compile("^(?:(?:0x)?[0-9a-f]{8}|0x[0-9a-f]{64}|0x[0-9a-f]{6,}…[0-9a-f]{3,})$");
    private static final Pattern ELEMENTARY = Pattern.compile(
            "^(u?int(8|16|24|32|40|48|56|64|72|80|88|96|104|112|120|128|136|144|152|160|168|176|184|192|200|208|216|224|232|240|248|256)?"
                    + "|address|bool|string|bytes([1-9]|[12][0-9]|3[0-2])?)((\\[[0-9]*])*)$");
    private static final Pattern HEADING = Pattern.compile("^## (\\d+)\\.");

    private final String protocol;
    private final String file;
    private final String folder;
    private final Map<Integer, List<String>> sections = new LinkedHashMap<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();
    private final Map<String, String> unchecked = new LinkedHashMap<>();
    /** The text each token block was read from (identity keys: equal blocks may come from different rows). */
    private final Map<List<Token>, String> textOf = new IdentityHashMap<>();

    SignatureListing(String protocol, String file, String folder) {
        this.protocol = protocol;
        this.file = file;
        this.folder = folder;
    }

    /** Signatures of section {@code ## n.} belong to these ABIs (abi/&lt;folder&gt;/&lt;name&gt;.json). */
    SignatureListing section(int n, String... abis) {
        sections.put(n, List.of(abis));
        return this;
    }

    /** A struct or enum name of the listing and its canonical ABI type. */
    SignatureListing alias(String name, String canonical) {
        aliases.put(name, canonical);
        return this;
    }

    /** A listed signature left unchecked (another contract, history, prose), with the reason; reported. */
    SignatureListing unchecked(String canonical, String why) {
        unchecked.put(canonical, why);
        return this;
    }

    void check() throws IOException {
        Path md = AbiConformance.sharedOrSkip(protocol + " ABI conformance", file, "facts file");
        Path ours = AbiConformance.repositoryRoot().resolve("abi/" + folder);
        Map<String, Set<String>> byAbi = new LinkedHashMap<>(); // our ABI -> canonical entry signatures
        Set<String> allAbis = new LinkedHashSet<>();
        sections.values().forEach(allAbis::addAll);
        List<String> problems = new ArrayList<>();
        for (String abi : allAbis) {
            Path json = ours.resolve(abi + ".json");
            if (!Files.isRegularFile(json)) {
                problems.add("abi/" + folder + "/" + abi + ".json is missing");
                byAbi.put(abi, Set.of());
                continue;
            }
            Set<String> keys = new LinkedHashSet<>();
            for (String key : AbiConformance.index(AbiConformance.JSON.readTree(json.toFile())).keySet()) {
                keys.add(key.substring(key.indexOf(' ') + 1));
            }
            byAbi.put(abi, keys);
        }

        StringBuilder report = new StringBuilder();
        List<String> skipped = new ArrayList<>();
        List<String> unattributed = new ArrayList<>();
        int totalListed = 0;
        int totalPresent = 0;
        int totalSelectors = 0;
        for (Map.Entry<Integer, List<List<Token>>> section : blocks(md).entrySet()) {
            List<String> primary = sections.get(section.getKey());
            Map<String, String> listed = new LinkedHashMap<>(); // signature -> selector given (or null)
            for (List<Token> block : section.getValue()) {
                attribute(block, listed, unattributed);
            }
            int present = 0;
            int selectors = 0;
            List<String> elsewhere = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (Map.Entry<String, String> e : listed.entrySet()) {
                String sig = e.getKey();
                if (unchecked.containsKey(sig)) {
                    skipped.add(sig + " (" + unchecked.get(sig) + ")");
                    continue;
                }
                totalListed++;
                String home = primary.stream().filter(a -> byAbi.get(a).contains(sig)).findFirst()
                        .orElse(allAbis.stream().filter(a -> byAbi.get(a).contains(sig)).findFirst().orElse(null));
                if (home == null) {
                    missing.add(sig);
                    problems.add("§" + section.getKey() + ": " + sig + " is listed in " + file + " but in none of our "
                            + folder + " ABIs");
                    continue;
                }
                present++;
                if (!primary.contains(home)) {
                    elsewhere.add(sig + " in " + home);
                }
                if (e.getValue() != null) {
                    selectors++;
                    String hash = Hash.sha3String(sig).substring(2);
                    if (!matches(e.getValue(), hash)) {
                        problems.add("§" + section.getKey() + ": " + sig + " is listed with " + e.getValue()
                                + " but its keccak is " + hash);
                    }
                }
            }
            totalPresent += present;
            totalSelectors += selectors;
            report.append("§").append(section.getKey()).append(' ').append(String.join("+", primary)).append(": ")
                    .append(present).append('/').append(listed.size() - listed.keySet().stream().filter(unchecked::containsKey).count())
                    .append(" listed signatures present, ").append(selectors).append(" selectors/topics checked")
                    .append(elsewhere.isEmpty() ? "" : " (found in another contract: " + String.join(", ", elsewhere) + ")")
                    .append(missing.isEmpty() ? "" : " (missing: " + String.join(", ", missing) + ")").append('\n');
        }
        report.append("Total: ").append(totalPresent).append('/').append(totalListed).append(" signatures, ")
                .append(totalSelectors).append(" selectors/topics checked");
        if (!skipped.isEmpty()) {
            report.append("\nNot checked: ").append(String.join("; ", skipped));
        }
        if (!unattributed.isEmpty()) {
            report.append("\nSelector not attributable to one signature, not checked: ").append(String.join("; ", unattributed));
        }
        System.out.println(protocol + " ABI coverage (ours vs " + file + "):\n" + report);

        assertTrue(problems.isEmpty(), problems.size() + " difference(s) from " + file + ":\n  "
                + String.join("\n  ", problems));
    }

    /** A signature (canonical) or a selector/topic (hex) or a non-signature call-like span (breaker). */
    private record Token(String signature, String hex, boolean breaker, int start, int end) {
    }

    /** Blocks of tokens by section: a table row, or a paragraph / list item joined over its lines. */
    private Map<Integer, List<List<Token>>> blocks(Path md) throws IOException {
        Map<Integer, List<List<Token>>> out = new LinkedHashMap<>();
        Integer current = null;
        StringBuilder paragraph = new StringBuilder();
        List<String> lines = new ArrayList<>(Files.readAllLines(md, StandardCharsets.UTF_8));
        lines.add("");
        for (String line : lines) {
            Matcher h = HEADING.matcher(line);
            boolean breaks = line.isBlank() || line.startsWith("#") || line.startsWith("|") || line.startsWith("- ")
                    || line.startsWith("```");
            if (breaks && paragraph.length() > 0) {
                add(out, current, paragraph.toString());
                paragraph.setLength(0);
            }
            if (h.find()) {
                int n = Integer.parseInt(h.group(1));
                current = sections.containsKey(n) ? n : null;
            } else if (line.startsWith("## ")) {
                current = null;
            }
            if (line.startsWith("|")) {
                add(out, current, line);
            } else if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("```")) {
                paragraph.append(line).append(' ');
            }
        }
        return out;
    }

    private void add(Map<Integer, List<List<Token>>> out, Integer section, String text) {
        if (section == null) {
            return;
        }
        List<Token> tokens = new ArrayList<>();
        Matcher m = SPAN.matcher(text);
        while (m.find()) {
            String span = (m.group(1) != null ? m.group(1) : m.group(2)).trim();
            if (HEX.matcher(span).matches()) {
                tokens.add(new Token(null, span, false, m.start(), m.end()));
                continue;
            }
            Matcher s = SIGNATURE.matcher(span);
            if (s.find()) {
                String canonical = canonical(s.group(1), span.substring(s.end() - 1));
                tokens.add(canonical == null ? new Token(null, null, true, m.start(), m.end())
                        : new Token(canonical, null, false, m.start(), m.end()));
            } else if (span.contains("(")) {
                tokens.add(new Token(null, null, true, m.start(), m.end()));
            }
        }
        out.computeIfAbsent(section, k -> new ArrayList<>()).add(tokens);
        textOf.put(tokens, text);
    }

    /**
     * Records the block's signatures, each with the selector given beside it: a run of n signatures followed
     * by a run of n selectors pairs up in order; otherwise a selector in the same table cell goes to the
     * signature just before it, and one after a lone signature to that one.
     */
    private void attribute(List<Token> block, Map<String, String> listed, List<String> unattributed) {
        String text = textOf.get(block);
        List<Token> sigs = new ArrayList<>();
        int i = 0;
        while (i < block.size()) {
            Token t = block.get(i);
            if (t.breaker()) {
                sigs.clear();
                i++;
            } else if (t.signature() != null) {
                if (i > 0 && block.get(i - 1).hex() != null) {
                    sigs.clear();
                }
                sigs.add(t);
                listed.putIfAbsent(t.signature(), null);
                i++;
            } else {
                List<Token> hexes = new ArrayList<>();
                while (i < block.size() && block.get(i).hex() != null) {
                    hexes.add(block.get(i++));
                }
                if (sigs.isEmpty()) {
                    continue;
                }
                Token last = sigs.get(sigs.size() - 1);
                if (hexes.size() == sigs.size()) {
                    for (int k = 0; k < sigs.size(); k++) {
                        listed.put(sigs.get(k).signature(), hexes.get(k).hex());
                    }
                } else if (!text.substring(last.end(), hexes.get(0).start()).contains("|") || sigs.size() == 1) {
                    listed.put(last.signature(), hexes.get(0).hex());
                } else {
                    unattributed.add(String.join(", ", sigs.stream().map(Token::signature).toList()) + " -> "
                            + String.join(", ", hexes.stream().map(Token::hex).toList()));
                }
                sigs.clear();
            }
        }
    }

    private static boolean matches(String given, String hash) {
        String g = given.startsWith("0x") ? given.substring(2) : given;
        int cut = g.indexOf('…');
        if (cut >= 0) {
            return hash.startsWith(g.substring(0, cut)) && hash.endsWith(g.substring(cut + 1));
        }
        return hash.startsWith(g);
    }

    /** {@code name(...)} with the text from the opening parenthesis; null if the parameters are no types. */
    private String canonical(String name, String fromParen) {
        int close = matching(fromParen, 0);
        if (close < 0) {
            return null;
        }
        String types = types(fromParen.substring(1, close));
        return types == null ? null : name + "(" + types + ")";
    }

    private String types(String params) {
        if (params.isBlank()) {
            return "";
        }
        if (params.contains("…")) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String p : split(params)) {
            String param = p.trim();
            String type;
            if (param.startsWith("(")) {
                int close = matching(param, 0);
                if (close < 0) {
                    return null;
                }
                String inner = types(param.substring(1, close));
                String rest = param.substring(close + 1);
                String suffix = rest.replaceFirst("^((\\[[0-9]*])*).*$", "$1");
                if (inner == null) {
                    return null;
                }
                type = "(" + inner + ")" + suffix;
            } else {
                String word = param.split("\\s+")[0];
                String base = word.replaceFirst("(\\[[0-9]*])*$", "");
                String suffix = word.substring(base.length());
                if (aliases.containsKey(base)) {
                    type = aliases.get(base) + suffix;
                } else if (ELEMENTARY.matcher(word).matches()) {
                    type = word.replaceFirst("^uint(?![0-9])", "uint256").replaceFirst("^int(?![0-9])", "int256");
                } else {
                    return null;
                }
            }
            out.add(type);
        }
        return String.join(",", out);
    }

    private static List<String> split(String params) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < params.length(); i++) {
            char c = params.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(params.substring(from, i));
                from = i + 1;
            }
        }
        out.add(params.substring(from));
        return out;
    }

    private static int matching(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '(') {
                depth++;
            } else if (s.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
