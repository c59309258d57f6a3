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
