package io.restake4j.testing;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;

/**
 * Locates the shared research directory ({@code ../shared} next to the project root), which holds
 * upstream facts such as protocol test vectors. It is not part of the repository, so tests that use
 * it are skipped, visibly, where it is absent.
 *
 * <pre>{@code
 * Path vectors = SharedFacts.requireOrSkip("protocols/test-vectors/eigenlayer");
 * }</pre>
 */
public final class SharedFacts {

    private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();
    private static final Pattern PARENT_BLOCK = Pattern.compile("(?s)<parent>.*?</parent>");

    private SharedFacts() {
    }

    /**
     * The project root: the nearest directory at or above {@code user.dir} holding {@code abi/} and a
     * {@code pom.xml} whose own artifactId is {@code restake4j-parent} (a module pom only names it in
     * its {@code <parent>} block, which is ignored).
     */
    public static Optional<Path> projectRoot() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isDirectory(dir.resolve("abi")) && Files.isRegularFile(pom)) {
                try {
                    String own = PARENT_BLOCK.matcher(Files.readString(pom)).replaceAll("");
                    if (own.contains("<artifactId>restake4j-parent</artifactId>")) {
                        return Optional.of(dir);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return Optional.empty();
    }

    /** {@code <project root>/../shared}, when that directory exists. */
    public static Optional<Path> sharedDir() {
        return projectRoot().map(root -> root.resolve("../shared").normalize()).filter(Files::isDirectory);
    }

    /**
     * Writes to the process's own standard error, past any redirection of {@code System.err}: surefire
     * (with {@code redirectTestOutputToFile}) files {@code System.err} under surefire-reports, but
     * passes the forked JVM's native stderr through to the build log.
     */
    private static void announce(String message) {
        try {
            FileOutputStream err = new FileOutputStream(FileDescriptor.err);
            err.write((message + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
            err.flush(); // not closed: that would close fd 2
        } catch (IOException e) {
            // the System.err copy and the assumption message remain
        }
    }

    /**
     * A path below the shared directory; when it (or the shared directory) is absent, prints why to
     * stderr (once per JVM), so it shows in the build log, and aborts the calling test, which JUnit reports as skipped.
     *
     * @param relative e.g. {@code protocols/test-vectors/eigenlayer}
     */
    public static Path requireOrSkip(String relative) {
        Optional<Path> shared = sharedDir();
        Path wanted = shared.map(s -> s.resolve(relative)).orElse(null);
        boolean exists = wanted != null && Files.exists(wanted);
        String message = exists ? "" : "SKIPPED: shared facts not available: "
                + (shared.isEmpty()
                        ? "no ../shared directory next to the project root (looked upwards from "
                                + System.getProperty("user.dir") + ")"
                        : wanted + " does not exist")
                + "; tests that check against upstream data did not run";
        if (!exists && ANNOUNCED.add(message)) {
            System.err.println(message);
            announce(message);
        }
        Assumptions.assumeTrue(exists, message);
        return wanted;
    }
}
