package io.restake4j.devnet.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.restake4j.devnet.Devnet;

/**
 * Measures {@code Devnet.start()} to the first answered RPC: in fresh JVMs (what a test run's first
 * devnet pays) and in a warm JVM (later devnets). A harness, not a test: it asserts nothing and
 * prints figures.
 *
 * <pre>
 * mvn -B -q -Pdevnet-startup -DskipTests verify -pl sdk-devnet -am
 * </pre>
 */
public final class DevnetStartupHarness {

    private static final String MARK = "STARTUP_MS ";

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--once")) {
            long t0 = System.nanoTime();
            try (Devnet devnet = Devnet.start()) {
                devnet.web3j().ethBlockNumber().send();
                System.out.println(MARK + (System.nanoTime() - t0) / 1_000_000);
            }
            return;
        }
        int coldRuns = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int warmRuns = args.length > 1 ? Integer.parseInt(args[1]) : 10;

        List<Long> cold = new ArrayList<>();
        for (int i = 0; i < coldRuns; i++) {
            cold.add(freshJvm());
        }
        List<Long> warm = new ArrayList<>();
        Devnet.start().close(); // warm-up, not counted
        for (int i = 0; i < warmRuns; i++) {
            long t0 = System.nanoTime();
            try (Devnet devnet = Devnet.start()) {
                devnet.web3j().ethBlockNumber().send();
                warm.add((System.nanoTime() - t0) / 1_000_000);
            }
        }
        System.out.println("Devnet.start() to first RPC answer, " + Runtime.getRuntime().availableProcessors() + " cores:");
        System.out.println("  fresh JVM (" + coldRuns + " runs): " + summary(cold));
        System.out.println("  warm JVM  (" + warmRuns + " runs): " + summary(warm));
    }

    private static long freshJvm() throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        String anvil = System.getProperty("restake4j.anvil");
        if (anvil != null) {
            command.add("-Drestake4j.anvil=" + anvil);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), DevnetStartupHarness.class.getName(), "--once"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(MARK)) {
                    long ms = Long.parseLong(line.substring(MARK.length()).trim());
                    p.waitFor();
                    return ms;
                }
            }
        }
        throw new IllegalStateException("the child JVM printed no measurement (exit " + p.waitFor() + ")");
    }

    private static String summary(List<Long> ms) {
        List<Long> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        return "min " + sorted.get(0) + " ms, median " + sorted.get(sorted.size() / 2) + " ms, max "
                + sorted.get(sorted.size() - 1) + " ms " + ms;
    }
}
