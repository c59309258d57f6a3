package io.restake4j.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.web3j.tx.Contract;

/**
 * The build generates a wrapper for every ABI file under {@code abi/}, in the package named by its
 * folder, with no per-file or per-folder build configuration: this test walks {@code abi/} and
 * loads each expected class.
 */
class WrappersCoverAbiTest {

    @Test
    void everyAbiFileHasACompiledWrapperInItsFoldersPackage() throws IOException {
        Path abiDir = Path.of(System.getProperty("restake4j.abi.dir", "../abi"));
        List<String> missing = new ArrayList<>();
        int found = 0;
        try (Stream<Path> files = Files.walk(abiDir)) {
            for (Path json : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                Path rel = abiDir.relativize(json);
                String pkg = "io.restake4j.contracts" + (rel.getParent() == null ? ""
                        : "." + rel.getParent().toString().replace('/', '.'));
                String name = rel.getFileName().toString().replace(".json", "");
                String className = pkg + "." + Character.toUpperCase(name.charAt(0)) + name.substring(1);
                try {
                    Class<?> wrapper = Class.forName(className);
                    assertTrue(Contract.class.isAssignableFrom(wrapper), className + " is not a web3j Contract");
                    found++;
                } catch (ClassNotFoundException e) {
                    missing.add(className + " (from " + rel + ")");
                }
            }
        }
        assertTrue(missing.isEmpty(), "ABI files without a wrapper: " + missing);
        assertTrue(found >= 3, "expected at least the common ABIs, found " + found);
    }

    @Test
    void commonAbisAreThere() throws Exception {
        assertEquals("0x70a08231", io.restake4j.contracts.common.ERC20
                .getABI_call_balanceOf("0x0000000000000000000000000000000000000000").substring(0, 10));
        assertFalse(HandEncoded.excludedFunctions().stream().anyMatch(f -> f.contract().endsWith(".common.ERC20")));
    }
}
