package io.restake4j.devnet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.restake4j.devnet.DevnetException;

class AnvilLocatorTest {

    @TempDir
    Path tmp;

    @Test
    void explicitConfigurationWinsOverEverythingElse() throws IOException {
        Path configured = executable(tmp.resolve("custom/anvil"));
        Path onPath = executable(tmp.resolve("bin/anvil"));
        AnvilLocator locator = locator(Map.of(AnvilLocator.PROPERTY, onPath.toString()),
                Map.of("PATH", onPath.getParent().toString()));
        assertEquals(configured, locator.locate(configured));
        assertEquals(onPath, locator.locate(null), "then the system property");
    }

    @Test
    void environmentVariableComesAfterTheProperty() throws IOException {
        Path fromEnv = executable(tmp.resolve("env/anvil"));
        assertEquals(fromEnv, locator(Map.of(), Map.of(AnvilLocator.ENVIRONMENT, fromEnv.toString())).locate(null));
    }

    @Test
    void pathComesBeforeTheNpmInstall() throws IOException {
        Path onPath = executable(tmp.resolve("bin/anvil"));
        executable(tmp.resolve("project/node_modules/.bin/anvil"));
        AnvilLocator locator = new AnvilLocator(k -> null, Map.of("PATH", "/nowhere:" + onPath.getParent())::get,
                tmp.resolve("project/module"));
        assertEquals(onPath, locator.locate(null));
    }

    @Test
    void npmInstallIsFoundFromASubfolderAndFromASiblingDevnetModule() throws IOException {
        Path npm = executable(tmp.resolve("project/node_modules/.bin/anvil"));
        assertEquals(npm, new AnvilLocator(k -> null, k -> null, tmp.resolve("project/a/b")).locate(null));

        Path sibling = executable(tmp.resolve("repo/sdk-devnet/node_modules/.bin/anvil"));
        assertEquals(sibling, new AnvilLocator(k -> null, k -> null, tmp.resolve("repo/sdk-core")).locate(null));
    }

    @Test
    void aMissingConfiguredFileIsAnErrorNotAFallback() {
        AnvilLocator locator = locator(Map.of(AnvilLocator.PROPERTY, tmp.resolve("nope").toString()), Map.of());
        DevnetException e = assertThrows(DevnetException.class, () -> locator.locate(null));
        assertTrue(e.getMessage().contains("system property restake4j.anvil is not an executable file"), e.getMessage());
    }

    @Test
    void nothingFoundExplainsEveryWayToConfigureIt() {
        AnvilLocator locator = new AnvilLocator(k -> null, k -> null, tmp);
        DevnetException e = assertThrows(DevnetException.class, () -> locator.locate(null));
        assertTrue(e.getMessage().startsWith("anvil was not found"), e.getMessage());
        assertTrue(e.getMessage().contains("-Drestake4j.anvil"), e.getMessage());
        assertTrue(e.getMessage().contains("RESTAKE4J_ANVIL"), e.getMessage());
    }

    private AnvilLocator locator(Map<String, String> properties, Map<String, String> env) {
        return new AnvilLocator(properties::get, env::get, tmp.resolve("elsewhere"));
    }

    private static Path executable(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
