package io.restake4j.devnet.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.restake4j.devnet.DevnetException;

/**
 * Finds the anvil executable: explicit configuration first (builder, then the {@code restake4j.anvil}
 * system property, then the {@code RESTAKE4J_ANVIL} environment variable), then {@code PATH}, then an
 * npm install ({@code node_modules/.bin/anvil}, also inside an {@code sdk-devnet} folder) in the
 * working directory or any parent.
 */
public final class AnvilLocator {

    public static final String PROPERTY = "restake4j.anvil";
    public static final String ENVIRONMENT = "RESTAKE4J_ANVIL";

    private final Function<String, String> properties;
    private final Function<String, String> environment;
    private final Path workingDirectory;

    public AnvilLocator() {
        this(System::getProperty, System::getenv, Path.of("").toAbsolutePath());
    }

    AnvilLocator(Function<String, String> properties, Function<String, String> environment, Path workingDirectory) {
        this.properties = properties;
        this.environment = environment;
        this.workingDirectory = workingDirectory;
    }

    public Path locate(Path configured) {
        if (configured != null) {
            return requireExecutable(configured, "the Devnet builder");
        }
        String property = properties.apply(PROPERTY);
        if (property != null && !property.isBlank()) {
            return requireExecutable(Path.of(property), "system property " + PROPERTY);
        }
        String env = environment.apply(ENVIRONMENT);
        if (env != null && !env.isBlank()) {
            return requireExecutable(Path.of(env), "environment variable " + ENVIRONMENT);
        }
        List<Path> looked = new ArrayList<>();
        String path = environment.apply("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    Path candidate = Path.of(dir, "anvil");
                    if (Files.isExecutable(candidate) && Files.isRegularFile(candidate)) {
                        return candidate;
                    }
                }
            }
        }
        for (Path dir = workingDirectory; dir != null; dir = dir.getParent()) {
            for (Path candidate : List.of(dir.resolve("node_modules/.bin/anvil"),
                    dir.resolve("sdk-devnet/node_modules/.bin/anvil"))) {
                looked.add(candidate);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new DevnetException("anvil was not found. Configure it with Devnet.builder().anvil(path), -D" + PROPERTY
                + "=/path/to/anvil or " + ENVIRONMENT + ", put it on PATH, or `npm install @foundry-rs/anvil` in your"
                + " project (looked on PATH and in node_modules/.bin from " + workingDirectory + " upwards)");
    }

    private static Path requireExecutable(Path path, String source) {
        if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
            throw new DevnetException("anvil configured by " + source + " is not an executable file: " + path);
        }
        return path;
    }
}
