package io.restake4j.codegen;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import org.web3j.codegen.SolidityFunctionWrapperGenerator;
import org.web3j.tx.Contract;

/**
 * Generates web3j wrappers for every ABI file below a folder, one Java package per sub-folder.
 *
 * <p>{@code abi/common/ERC20.json} becomes {@code <base>.common.ERC20}; a file directly in the root
 * folder goes to {@code <base>}. Adding a file or a folder needs no build change. An input is either
 * a plain ABI array, or a compiler artifact object with an {@code abi} array and optionally a
 * {@code bytecode} string (then the wrapper gets {@code deploy} methods).
 *
 * <p>Functions that web3j's generator cannot handle (see {@link UnsupportedShapes}) are removed from
 * its input and listed in a manifest, so that they are encoded by hand in one place and a test can
 * check that none is forgotten. Any input that yields no wrapper fails the run: the generator
 * itself exits quietly without writing anything on some errors.
 *
 * <pre>{@code
 * java io.restake4j.codegen.AbiCodegen --abi-dir abi --out target/generated-sources/web3j \
 *      --package io.restake4j.contracts --manifest target/generated-resources/web3j/excluded.tsv \
 *      --index target/generated-resources/web3j/wrappers.txt
 * }</pre>
 */
public final class AbiCodegen {

    private final Path abiDir;
    private final Path outDir;
    private final String basePackage;
    private final Path manifest;
    private final Path index;
    private final PrintStream log;
    private final boolean verbose;

    public AbiCodegen(Path abiDir, Path outDir, String basePackage, Path manifest, PrintStream log) {
        this(abiDir, outDir, basePackage, manifest, null, log);
    }

    public AbiCodegen(Path abiDir, Path outDir, String basePackage, Path manifest, Path index, PrintStream log) {
        this(abiDir, outDir, basePackage, manifest, index, log, false);
    }

    /**
     * @param manifest where to list the functions left out (or null)
     * @param index    where to list the generated wrapper classes, one per line (or null); read at run
     *                 time by registries such as the custom-error decoder
     * @param log      gets one summary line per run
     * @param verbose  also log every wrapper, by package, and every function left out (the build's
     *                 {@code -Drestake4j.codegen.verbose=true}); they are in the index and the manifest anyway
     */
    public AbiCodegen(Path abiDir, Path outDir, String basePackage, Path manifest, Path index, PrintStream log,
            boolean verbose) {
        this.abiDir = abiDir;
        this.outDir = outDir;
        this.basePackage = basePackage;
        this.manifest = manifest;
        this.index = index;
        this.log = log;
        this.verbose = verbose;
    }

    public static void main(String[] args) {
        Map<String, String> options = parse(args);
        try {
            AbiCodegen codegen = new AbiCodegen(
                    Path.of(required(options, "--abi-dir")),
                    Path.of(required(options, "--out")),
                    required(options, "--package"),
                    options.containsKey("--manifest") ? Path.of(options.get("--manifest")) : null,
                    options.containsKey("--index") ? Path.of(options.get("--index")) : null,
                    System.out,
                    Boolean.parseBoolean(options.getOrDefault("--verbose", "false")));
            codegen.run();
        } catch (CodegenException | UncheckedIOException e) {
            System.err.println("restake4j codegen failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Runs the generation; returns what was generated. */
    public Result run() {
        if (!Files.isDirectory(abiDir)) {
            throw new CodegenException("ABI folder not found: " + abiDir.toAbsolutePath());
        }
        List<AbiFile> inputs = AbiFile.findAll(abiDir, basePackage);
        if (inputs.isEmpty()) {
            throw new CodegenException("no ABI files (*.json) below " + abiDir.toAbsolutePath());
        }
        deleteRecursively(outDir);
        Path scratch = createTempDir();
        List<String> generated = new ArrayList<>();
        List<UnsupportedShapes.Excluded> excluded = new ArrayList<>();
        Map<String, List<String>> byPackage = new TreeMap<>();
        try {
            for (AbiFile input : inputs) {
                UnsupportedShapes.Filtered filtered = UnsupportedShapes.filter(input);
                excluded.addAll(filtered.excluded());
                generate(input, filtered.abi(), scratch);
                generated.add(input.qualifiedName());
                byPackage.computeIfAbsent(input.javaPackage(), k -> new ArrayList<>())
                        .add(input.contractName() + (input.bytecode() == null ? "" : " (+deploy)"));
            }
        } finally {
            deleteRecursively(scratch);
        }
        writeManifest(excluded);
        writeIndex(generated, inputs);
        log.println(summary(generated.size(), byPackage.size(), excluded.size()));
        if (verbose) {
            byPackage.forEach((pkg, names) -> log.println("restake4j codegen: " + pkg + ": " + String.join(", ", names)));
            for (UnsupportedShapes.Excluded e : excluded) {
                log.println("restake4j codegen: excluded " + e.qualifiedContract() + "." + e.signature()
                        + " (" + e.reason() + "): encode it by hand");
            }
        }
        return new Result(generated, excluded);
    }

    /**
     * The one line a run logs: what was generated and, when functions were left out (shapes web3j cannot
     * generate, see {@link UnsupportedShapes}; {@code io.restake4j.contracts.HandEncoded} encodes them), where
     * they are listed.
     */
    String summary(int wrappers, int packages, int excluded) {
        StringBuilder line = new StringBuilder("restake4j codegen: ").append(wrappers)
                .append(wrappers == 1 ? " wrapper" : " wrappers").append(" in ").append(packages)
                .append(packages == 1 ? " package" : " packages").append(" below ").append(basePackage);
        if (excluded > 0) {
            line.append("; ").append(excluded).append(excluded == 1 ? " function" : " functions")
                    .append(" of shapes web3j cannot generate left out, to encode by hand (");
            if (manifest != null) {
                line.append("listed in ").append(manifest.getFileName());
                line.append(verbose ? ")" : "; -Drestake4j.codegen.verbose=true prints them)");
            } else {
                line.append(verbose ? "below)" : "-Drestake4j.codegen.verbose=true prints them)");
            }
        }
        return line.toString();
    }

    private void generate(AbiFile input, ArrayNode abi, Path scratch) {
        Path abiFile = scratch.resolve(input.contractName() + ".json");
        Path binFile = input.bytecode() == null ? null : scratch.resolve(input.contractName() + ".bin");
        Path expected = outDir.resolve(input.javaPackage().replace('.', '/'))
                .resolve(input.contractName() + ".java");
        try {
            Files.writeString(abiFile, new ObjectMapper().writeValueAsString(abi), StandardCharsets.UTF_8);
            if (binFile != null) {
                Files.writeString(binFile, input.bytecode(), StandardCharsets.UTF_8);
            }
            Files.createDirectories(outDir);
            PrintStream stdout = System.out;
            try {
                // web3j's generator chats on System.out ("Generating ... File written to ..."): our summary replaces it
                System.setOut(new PrintStream(PrintStream.nullOutputStream()));
                new SolidityFunctionWrapperGenerator(
                        binFile == null ? null : binFile.toFile(),
                        abiFile.toFile(),
                        outDir.toFile(),
                        input.contractName(),
                        input.javaPackage(),
                        true,  // native Java types (BigInteger, String, List)
                        false, // no primitives: amounts stay BigInteger
                        true,  // call_ methods for state-changing functions too (their return values)
                        Contract.class,
                        20,
                        true)  // getABI_ calldata builders
                        .generate();
            } finally {
                System.setOut(stdout);
            }
        } catch (Exception e) {
            throw new CodegenException("web3j codegen failed on " + input.source() + ": " + e, e);
        }
        // The generator returns normally on an empty ABI and on some usage errors without writing a file.
        requireWrapper(expected, input.contractName(), input.source());
    }

    static void requireWrapper(Path expected, String className, Path source) {
        try {
            if (!Files.isRegularFile(expected) || Files.size(expected) == 0
                    || !Files.readString(expected).contains("class " + className + " ")) {
                throw new CodegenException("web3j codegen wrote no wrapper for " + source + " (expected " + expected + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeManifest(List<UnsupportedShapes.Excluded> excluded) {
        if (manifest == null) {
            return;
        }
        StringBuilder text = new StringBuilder(
                "# Functions left out of generated wrappers; each must be encoded by hand.\n"
                        + "# contract\tsignature\tselector\treason\n");
        excluded.stream()
                .sorted(Comparator.comparing(UnsupportedShapes.Excluded::qualifiedContract)
                        .thenComparing(UnsupportedShapes.Excluded::signature))
                .forEach(e -> text.append(e.qualifiedContract()).append('\t').append(e.signature()).append('\t')
                        .append(e.selector()).append('\t').append(e.reason()).append('\n'));
        try {
            Files.createDirectories(manifest.toAbsolutePath().getParent());
            Files.writeString(manifest, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the index: {@code wrappers.txt} (generated classes, one per line) and, beside it,
     * {@code errors.tsv} (selector, canonical signature and parameter names of every custom error),
     * since web3j's generated error constants keep no parameter names.
     */
    private void writeIndex(List<String> wrappers, List<AbiFile> inputs) {
        if (index == null) {
            return;
        }
        java.util.Set<String> errors = new java.util.TreeSet<>();
        for (AbiFile input : inputs) {
            for (com.fasterxml.jackson.databind.JsonNode entry : input.abi()) {
                if ("error".equals(entry.path("type").asText())) {
                    String signature = UnsupportedShapes.signature(entry);
                    List<String> names = new ArrayList<>();
                    entry.path("inputs").forEach(p -> names.add(p.path("name").asText()));
                    errors.add(UnsupportedShapes.selector(signature) + "\t" + signature + "\t" + String.join(",", names));
                }
            }
        }
        try {
            Files.createDirectories(index.toAbsolutePath().getParent());
            Files.writeString(index, String.join("\n", wrappers) + "\n", StandardCharsets.UTF_8);
            Files.writeString(index.resolveSibling("errors.tsv"), "# selector\tsignature\tparameter names\n"
                    + String.join("\n", errors) + (errors.isEmpty() ? "" : "\n"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a run produced: fully qualified wrapper names, and the functions left out. */
    public record Result(List<String> wrappers, List<UnsupportedShapes.Excluded> excluded) {
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            if (eq > 0) {
                options.put(arg.substring(0, eq), arg.substring(eq + 1));
            } else if (i + 1 < args.length) {
                options.put(arg, args[++i]);
            } else {
                usage("missing value for " + arg);
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            usage("missing " + name);
        }
        return value;
    }

    private static void usage(String problem) {
        System.err.println("restake4j codegen: " + problem + "\nusage: AbiCodegen --abi-dir DIR --out DIR"
                + " --package BASE_PACKAGE [--manifest FILE] [--index FILE] [--verbose=true|false]");
        System.exit(2);
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("restake4j-codegen");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
