package io.restake4j.devnet.internal;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restake4j.devnet.DevnetException;

/**
 * One running anvil process: started on a free port (anvil picks it), its output copied to a log
 * file, and never outliving this JVM.
 *
 * <p>A normal exit runs {@link #close()} (the owner registers a shutdown hook). A JVM that is killed
 * outright (SIGKILL, for example a test runner's timeout) runs no hook, so a small watchdog shell
 * holds a pipe from this JVM: when the pipe closes, whatever the reason, the watchdog terminates
 * anvil.
 */
public final class AnvilProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Listening on ([0-9.]+|\\[[0-9a-fA-F:]+]):(\\d+)");

    private final Process anvil;
    private final Process watchdog;
    private final Path logFile;
    private final int port;

    private AnvilProcess(Process anvil, Process watchdog, Path logFile, int port) {
        this.anvil = anvil;
        this.watchdog = watchdog;
        this.logFile = logFile;
        this.port = port;
    }

    public static AnvilProcess start(Path executable, List<String> arguments, Path logFile, Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of("--host", "127.0.0.1", "--port", "0"));
        command.addAll(arguments);
        Process anvil;
        BufferedWriter log;
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
            log.write("# " + String.join(" ", command) + System.lineSeparator());
            anvil = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new DevnetException("could not start anvil (" + executable + "): " + e.getMessage(), e);
        }
        Process watchdog = startWatchdog(anvil.pid());

        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread pump = new Thread(() -> pump(anvil, log, port), "restake4j-anvil-log-" + anvil.pid());
        pump.setDaemon(true);
        pump.start();
        try {
            return new AnvilProcess(anvil, watchdog, logFile, port.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            stop(anvil, watchdog);
            throw new DevnetException("anvil did not start listening within " + timeout.toMillis() + " ms"
                    + (anvil.isAlive() ? "" : " (it exited with code " + anvil.exitValue() + ")")
                    + "; see its log: " + logFile.toAbsolutePath(), e);
        }
    }

    private static Process startWatchdog(long anvilPid) {
        // `read` returns at end of input, which happens when this JVM goes away (its pipe end closes).
        String script = "while read -r _; do :; done; kill -TERM " + anvilPid + " 2>/dev/null; sleep 2; "
                + "kill -KILL " + anvilPid + " 2>/dev/null; exit 0";
        try {
            return new ProcessBuilder("sh", "-c", script)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            // Without a shell we still have the shutdown hook; only a killed JVM could leak anvil.
            return null;
        }
    }

    private static void pump(Process anvil, BufferedWriter log, CompletableFuture<Integer> port) {
        try (log; BufferedReader out = new BufferedReader(
                new InputStreamReader(anvil.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                log.write(line);
                log.newLine();
                if (!port.isDone()) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(2)));
                    }
                } else {
                    log.flush();
                }
            }
        } catch (IOException e) {
            port.completeExceptionally(e);
        } finally {
            port.completeExceptionally(new IOException("anvil's output ended before it was listening"));
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return anvil.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return anvil.isAlive();
    }

    @Override
    public void close() {
        stop(anvil, watchdog);
    }

    private static void stop(Process anvil, Process watchdog) {
        anvil.destroy();
        try {
            if (!anvil.waitFor(3, TimeUnit.SECONDS)) {
                anvil.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            anvil.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        if (watchdog != null) {
            watchdog.destroyForcibly();
            try (OutputStream pipe = watchdog.getOutputStream()) {
                pipe.flush();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
