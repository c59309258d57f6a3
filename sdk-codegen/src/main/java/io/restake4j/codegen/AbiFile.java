package io.restake4j.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.lang.model.SourceVersion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * One ABI input: where it came from, the Java package and class it becomes, its ABI and optional
 * creation bytecode.
 */
record AbiFile(Path source, String javaPackage, String contractName, ArrayNode abi, String bytecode) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HEX = Pattern.compile("(0x)?[0-9a-fA-F]*");

    String qualifiedName() {
        return javaPackage + "." + contractName;
    }

    /** Every {@code *.json} below {@code root}, in a stable order. */
    static List<AbiFile> findAll(Path root, String basePackage) {
        requireJavaName(basePackage, "base package", root);
        List<AbiFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList()) {
                files.add(load(root, p, basePackage));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static AbiFile load(Path root, Path file, String basePackage) {
        Path relativeDir = root.relativize(file).getParent();
        String pkg = basePackage;
        if (relativeDir != null) {
            for (Path segment : relativeDir) {
                pkg = pkg + "." + segment;
            }
        }
        requireJavaName(pkg, "package (from the folder name)", file);
        String fileName = file.getFileName().toString();
        String name = fileName.substring(0, fileName.length() - ".json".length());
        name = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name)) {
            throw new CodegenException(file + ": '" + name + "' is not a valid Java class name");
        }

        JsonNode root0;
        try {
            root0 = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new CodegenException(file + " is not valid JSON: " + e.getMessage(), e);
        }
        ArrayNode abi;
        String bytecode = null;
        if (root0 instanceof ArrayNode array) {
            abi = array;
        } else if (root0 != null && root0.get("abi") instanceof ArrayNode array) {
            abi = array;
            JsonNode bin = root0.get("bytecode");
            if (bin != null && bin.isTextual() && !bin.asText().isEmpty() && !bin.asText().equals("0x")) {
                bytecode = bin.asText();
                if (!HEX.matcher(bytecode).matches()) {
                    throw new CodegenException(file + ": bytecode is not hex (unlinked libraries are not supported)");
                }
            }
        } else {
            throw new CodegenException(file + " holds neither an ABI array nor an object with an \"abi\" array");
        }
        if (abi.isEmpty()) {
            throw new CodegenException(file + " has an empty ABI");
        }
        return new AbiFile(file, pkg, name, abi, bytecode);
    }

    private static void requireJavaName(String qualified, String what, Path where) {
        for (String part : qualified.split("\\.", -1)) {
            if (!SourceVersion.isIdentifier(part) || SourceVersion.isKeyword(part)) {
                throw new CodegenException(where + ": " + what + " '" + qualified + "' is not a valid Java package name");
            }
        }
    }
}
