package io.restake4j.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.codegen.SolidityFunctionWrapperGenerator;
import org.web3j.tx.Contract;

class AbiCodegenTest {

    private static final Path PROBE = Path.of("src/test/resources/abi/probe/Batch.json");
    private static final Path OVERLOADS = Path.of("src/test/resources/abi/probe/Overloads.json");

    @TempDir
    Path tmp;

    @Test
    void foldersBecomePackagesWithNoConfiguration() throws IOException {
        Path abi = tmp.resolve("abi");
        copy(PROBE, abi.resolve("newprotocol/Batch.json"));
        Files.writeString(abi.resolve("Root.json"), "[{\"type\":\"function\",\"name\":\"ping\",\"inputs\":[],"
                + "\"outputs\":[{\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\"}]");

        AbiCodegen.Result result = run(abi);

        assertEquals(List.of("io.example.Root", "io.example.newprotocol.Batch"), result.wrappers());
        assertEquals(List.of("io.example.Root", "io.example.newprotocol.Batch"), Files.readAllLines(tmp.resolve("index.txt")));
        assertEquals(List.of("# selector\tsignature\tparameter names"), Files.readAllLines(tmp.resolve("errors.tsv")),
                "no custom errors in these ABIs");
        assertTrue(Files.isRegularFile(tmp.resolve("out/io/example/newprotocol/Batch.java")));
        assertTrue(Files.isRegularFile(tmp.resolve("out/io/example/Root.java")));
    }

    @Test
    void nestedArrayFunctionIsLeftOutAndRecordedInTheManifest() throws IOException {
        Path abi = tmp.resolve("abi");
        copy(PROBE, abi.resolve("probe/Batch.json"));

        AbiCodegen.Result result = run(abi);

        assertEquals(1, result.excluded().size());
        UnsupportedShapes.Excluded settle = result.excluded().get(0);
        assertEquals("io.example.probe.Batch", settle.qualifiedContract());
        assertEquals("settle((address,uint256[])[],address[][],bool[])", settle.signature());
        assertEquals(UnsupportedShapes.selector(settle.signature()), settle.selector());
        assertEquals(10, settle.selector().length());

        String source = Files.readString(tmp.resolve("out/io/example/probe/Batch.java"));
        assertFalse(source.contains("FUNC_SETTLE ="), "settle must not be generated");
        assertTrue(source.contains("FUNC_SETTLEONE"), "the rest of the contract is generated");
        assertTrue(source.contains("class Entry "), "the struct used elsewhere is generated");
        assertTrue(source.contains("SETTLED_EVENT"), "events are generated");

        List<String> manifest = Files.readAllLines(tmp.resolve("manifest.tsv"));
        assertTrue(manifest.contains("io.example.probe.Batch\tsettle((address,uint256[])[],address[][],bool[])\t"
                + settle.selector() + "\tnested array in an ABI with structs (web3j#1925)"), manifest.toString());
    }

    @Test
    void aRunLogsOneSummaryLineUnlessVerbose() throws IOException {
        Path abi = tmp.resolve("abi");
        copy(PROBE, abi.resolve("probe/Batch.json"));
        copy(PROBE, abi.resolve("other/Batch.json"));

        List<String> quiet = logOf(abi, false);
        assertEquals(List.of("restake4j codegen: 2 wrappers in 2 packages below io.example; 2 functions of shapes web3j"
                + " cannot generate left out, to encode by hand (listed in manifest.tsv;"
                + " -Drestake4j.codegen.verbose=true prints them)"), quiet);

        List<String> verbose = logOf(abi, true);
        assertEquals(5, verbose.size(), verbose.toString());
        assertTrue(verbose.get(0).endsWith("(listed in manifest.tsv)"), verbose.get(0));
        assertTrue(verbose.contains("restake4j codegen: io.example.probe: Batch"), verbose.toString());
        assertTrue(verbose.contains("restake4j codegen: excluded io.example.other.Batch.settle((address,uint256[])[],"
                + "address[][],bool[]) (nested array in an ABI with structs (web3j#1925)): encode it by hand"),
                verbose.toString());
    }

    private List<String> logOf(Path abi, boolean verbose) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new AbiCodegen(abi, tmp.resolve("out"), "io.example", tmp.resolve("manifest.tsv"), tmp.resolve("index.txt"),
                new PrintStream(out, true, StandardCharsets.UTF_8), verbose).run();
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /**
     * Pins the upstream bug the exclusion exists for. If this starts failing, web3j's generator handles
     * the shape and the exclusion (and the hand encodings it requires) can be retired.
     */
    @Test
    void web3jGeneratorStillFailsOnNestedArraysWithStructs() {
        PrintStream stdout = System.out;
        try {
            System.setOut(new PrintStream(PrintStream.nullOutputStream()));
            assertThrows(Exception.class, () -> new SolidityFunctionWrapperGenerator(null, PROBE.toFile(),
                    tmp.toFile(), "Batch", "io.example", true, false, true, Contract.class, 20, true).generate());
        } finally {
            System.setOut(stdout);
        }
    }

    @Test
    void generatedWrappersCompile() throws IOException {
        Path abi = tmp.resolve("abi");
        copy(PROBE, abi.resolve("probe/Batch.json"));
        Files.writeString(abi.resolve("probe/Deployable.json"), "{\"abi\":[{\"type\":\"constructor\",\"inputs\":["
                + "{\"name\":\"x\",\"type\":\"uint8\"}],\"stateMutability\":\"nonpayable\"}],\"bytecode\":\"0x6080\"}");
        run(abi);

        List<File> sources;
        try (Stream<Path> walk = Files.walk(tmp.resolve("out"))) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toFile).toList();
        }
        assertEquals(2, sources.size());
        assertTrue(Files.readString(tmp.resolve("out/io/example/probe/Deployable.java")).contains("deploy("),
                "a bytecode input gets deploy methods");

        compile(sources);
    }

    @Test
    void overloadsWithTheSameJavaParametersAreLeftOutAndTheRestCompiles() throws IOException {
        Path abi = tmp.resolve("abi");
        copy(OVERLOADS, abi.resolve("probe/Overloads.json"));

        AbiCodegen.Result result = run(abi);

        // of each clashing group, the shortest canonical signature (then alphabetical) is generated
        assertEquals(List.of(
                        "lookup(bytes32)\toverload with the same Java parameters (byte[]) as lookup(bytes)",
                        "create(address,(uint32,address[],address)[])\toverload with the same Java parameters"
                                + " (String,List) as create(address,(uint32,address[])[])",
                        "amount(uint256)\toverload with the same Java parameters (BigInteger) as amount(uint8)",
                        "label(address)\toverload with the same Java parameters (String) as label(string)"),
                result.excluded().stream().map(e -> e.signature() + "\t" + e.reason()).toList());
        List<String> manifest = Files.readAllLines(tmp.resolve("manifest.tsv"));
        assertTrue(manifest.contains("io.example.probe.Overloads\tlookup(bytes32)\t"
                + UnsupportedShapes.selector("lookup(bytes32)")
                + "\toverload with the same Java parameters (byte[]) as lookup(bytes)"), manifest.toString());

        String source = Files.readString(tmp.resolve("out/io/example/probe/Overloads.java"));
        assertTrue(source.contains("call_lookup(byte[] pubkey)"), "the kept overload is generated");
        assertFalse(source.contains("pubkeyHash"), "the clashing overload is not");
        assertTrue(source.contains("class ParamsV2 "), "a struct of a left-out overload used elsewhere stays");
        for (String kept : List.of("call_pick(String one, List<String> many)", "call_pick(List<String> many, String one)",
                "call_paused()", "call_paused(BigInteger index)", "send_use(Params params)", "send_use(ParamsV2 params)")) {
            assertTrue(source.contains(kept), "overloads that Java tells apart stay: " + kept);
        }
        compile(List.of(tmp.resolve("out/io/example/probe/Overloads.java").toFile()));
    }

    /**
     * Pins why clashing overloads are left out: web3j writes them all and the wrapper does not compile.
     */
    @Test
    void web3jStillWritesClashingOverloads() throws Exception {
        PrintStream stdout = System.out;
        try {
            System.setOut(new PrintStream(PrintStream.nullOutputStream()));
            new SolidityFunctionWrapperGenerator(null, OVERLOADS.toFile(), tmp.resolve("raw").toFile(), "Overloads",
                    "io.example", true, false, true, Contract.class, 20, true).generate();
        } finally {
            System.setOut(stdout);
        }
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, diagnostics, diagnostics, "-proc:none", "-nowarn",
                "-d", Files.createDirectories(tmp.resolve("raw-classes")).toString(),
                "-cp", System.getProperty("java.class.path"),
                tmp.resolve("raw/io/example/Overloads.java").toString());
        String errors = diagnostics.toString(StandardCharsets.UTF_8);
        assertTrue(rc != 0 && errors.contains("call_lookup(byte[]) is already defined"), errors);
    }

    @Test
    void structsWithFixedSizeArraysAreLeftOutAndTheRestCompiles() throws IOException {
        Path abi = tmp.resolve("abi");
        Files.createDirectories(abi.resolve("probe"));
        Files.writeString(abi.resolve("probe/Fixed.json"), "[{\"type\":\"function\",\"name\":\"calc\",\"inputs\":["
                + "{\"name\":\"s\",\"type\":\"tuple\",\"internalType\":\"struct I.State\",\"components\":["
                + "{\"name\":\"done\",\"type\":\"bool\"},{\"name\":\"batches\",\"type\":\"uint256[36]\"}]}],"
                + "\"outputs\":[],\"stateMutability\":\"view\"},"
                + "{\"type\":\"function\",\"name\":\"plain\",\"inputs\":[{\"name\":\"a\",\"type\":\"uint256[3]\"}],"
                + "\"outputs\":[],\"stateMutability\":\"view\"}]");

        AbiCodegen.Result result = run(abi);

        assertEquals(List.of("calc((bool,uint256[36]))\tfixed-size array in a struct"
                        + " (web3j writes new StaticArray, which is abstract)"),
                result.excluded().stream().map(e -> e.signature() + "\t" + e.reason()).toList());
        String source = Files.readString(tmp.resolve("out/io/example/probe/Fixed.java"));
        assertTrue(source.contains("FUNC_PLAIN"), "a fixed-size array outside a struct is generated");
        compile(List.of(tmp.resolve("out/io/example/probe/Fixed.java").toFile()));
    }

    @Test
    void javaParametersFollowWeb3jsNativeTypes() throws IOException {
        com.fasterxml.jackson.databind.JsonNode f = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "{\"type\":\"function\",\"name\":\"f\",\"inputs\":["
                        + "{\"type\":\"address\"},{\"type\":\"string\"},{\"type\":\"bytes\"},{\"type\":\"bytes4\"},"
                        + "{\"type\":\"bool\"},{\"type\":\"int128\"},{\"type\":\"uint40\"},{\"type\":\"uint8[3]\"},"
                        + "{\"type\":\"tuple\",\"internalType\":\"struct I.S\",\"components\":[{\"type\":\"bool\"}]},"
                        + "{\"type\":\"tuple\",\"components\":[{\"type\":\"bool\"},{\"type\":\"address\"}]}]}");
        assertEquals("(String,String,byte[],byte[],Boolean,BigInteger,BigInteger,List,S,(bool,address))",
                UnsupportedShapes.javaParameters(f));
    }

    private void compile(List<File> sources) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        List<String> args = new java.util.ArrayList<>(List.of("-proc:none", "-nowarn", "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path")));
        sources.forEach(f -> args.add(f.getPath()));
        int rc = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
        assertEquals(0, rc, diagnostics.toString(StandardCharsets.UTF_8));
    }

    @Test
    void customErrorsAreIndexedWithTheirParameterNames() throws IOException {
        Path abi = tmp.resolve("abi");
        Files.createDirectories(abi.resolve("t"));
        Files.writeString(abi.resolve("t/Token.json"), "[{\"type\":\"error\",\"name\":\"ERC20InsufficientBalance\","
                + "\"inputs\":[{\"name\":\"sender\",\"type\":\"address\"},{\"name\":\"balance\",\"type\":\"uint256\"},"
                + "{\"name\":\"needed\",\"type\":\"uint256\"}]}]");
        run(abi);
        // 0xe450d38c is the well-known selector of ERC-6093's ERC20InsufficientBalance
        assertTrue(Files.readAllLines(tmp.resolve("errors.tsv")).contains(
                "0xe450d38c\tERC20InsufficientBalance(address,uint256,uint256)\tsender,balance,needed"));
    }

    @Test
    void emptyAbiFailsTheRun() throws IOException {
        Path abi = tmp.resolve("abi");
        Files.createDirectories(abi.resolve("x"));
        Files.writeString(abi.resolve("x/Empty.json"), "[]");
        CodegenException e = assertThrows(CodegenException.class, () -> run(abi));
        assertTrue(e.getMessage().contains("Empty.json has an empty ABI"), e.getMessage());
    }

    @Test
    void aFolderThatIsNoJavaNameFailsTheRun() throws IOException {
        Path abi = tmp.resolve("abi");
        copy(PROBE, abi.resolve("not-a-package/Batch.json"));
        CodegenException e = assertThrows(CodegenException.class, () -> run(abi));
        assertTrue(e.getMessage().contains("'io.example.not-a-package' is not a valid Java package name"),
                e.getMessage());
    }

    @Test
    void noAbiFilesFailsTheRun() throws IOException {
        Path abi = Files.createDirectories(tmp.resolve("abi"));
        CodegenException e = assertThrows(CodegenException.class, () -> run(abi));
        assertTrue(e.getMessage().startsWith("no ABI files"), e.getMessage());
    }

    @Test
    void aMissingWrapperIsDetected() throws IOException {
        Path expected = tmp.resolve("Nothing.java");
        assertThrows(CodegenException.class, () -> AbiCodegen.requireWrapper(expected, "Nothing", PROBE));
        Files.writeString(expected, "// not a class");
        assertThrows(CodegenException.class, () -> AbiCodegen.requireWrapper(expected, "Nothing", PROBE));
        Files.writeString(expected, "public class Nothing extends Contract {}");
        AbiCodegen.requireWrapper(expected, "Nothing", PROBE);
    }

    private AbiCodegen.Result run(Path abi) {
        return new AbiCodegen(abi, tmp.resolve("out"), "io.example", tmp.resolve("manifest.tsv"), tmp.resolve("index.txt"),
                new PrintStream(PrintStream.nullOutputStream())).run();
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
    }
}
