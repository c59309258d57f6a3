package io.restake4j.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.restake4j.Restaking;
import io.restake4j.errors.DecodedRevert;
import io.restake4j.errors.RevertDecoder;
import io.restake4j.network.Network;

/**
 * Cold-start figures of the client (not a test): in a fresh JVM each time, how long the first
 * {@code Restaking.builder()...build()} takes, then the first decode of a custom error
 * ({@code ERC20InsufficientBalance}), and both together. Building a client sends nothing to the node, so no
 * node is needed: the URL is never contacted.
 *
 * <p>Without arguments it runs {@code 9} fresh JVMs (same java, same classpath) one after the other and
 * prints each run and the medians; {@code N} runs N of them; {@code --once} is one measurement in this JVM
 * (what each child runs).
 *
 * <pre>{@code
 * mvn -o -B -q verify -pl sdk-core -am -Pcold-start -DskipTests -Dcold.start.runs=15
 * java -cp <test classpath> io.restake4j.bench.ClientColdStartHarness --once
 * }</pre>
 */
public final class ClientColdStartHarness {

    /** ERC20InsufficientBalance(0x7099...79c8, 5, 7): a custom error of the generated ERC-20 wrapper. */
    private static final String CUSTOM_ERROR = "0xe450d38c"
            + "00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8"
            + "0000000000000000000000000000000000000000000000000000000000000005"
            + "0000000000000000000000000000000000000000000000000000000000000007";

    private ClientColdStartHarness() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--once")) {
            once();
            return;
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        List<double[]> results = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            double[] r = child();
            results.add(r);
            System.out.printf("run %2d: build %8.1f ms   first custom-error decode %8.1f ms   both %8.1f ms%n",
                    i + 1, r[0], r[1], r[0] + r[1]);
        }
        System.out.printf("median of %d fresh JVMs: build %.1f ms, first custom-error decode %.1f ms, both %.1f ms%n",
                runs, median(results, 0), median(results, 1), median(results, 2));
    }

    /** One measurement in this JVM; prints "build_ms decode_ms". */
    private static void once() {
        long t0 = System.nanoTime();
        Restaking client = Restaking.builder()
                .rpc("http://127.0.0.1:9") // never contacted: building reads nothing
                .network(Network.mainnet())
                .build();
        long t1 = System.nanoTime();
        DecodedRevert revert = RevertDecoder.standard().decode(CUSTOM_ERROR);
        long t2 = System.nanoTime();
        client.close();
        if (revert.kind() != DecodedRevert.Kind.CUSTOM || !revert.name().equals("ERC20InsufficientBalance")) {
            throw new IllegalStateException("the custom error was not decoded: " + revert);
        }
        System.out.println("RESULT " + (t1 - t0) / 1e6 + " " + (t2 - t1) / 1e6);
    }

    private static double[] child() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ClientColdStartHarness.class.getName(), "--once").redirectErrorStream(true).start();
        String result = null;
        StringBuilder all = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                all.append(line).append('\n');
                if (line.startsWith("RESULT ")) {
                    result = line;
                }
            }
        }
        if (p.waitFor() != 0 || result == null) {
            throw new IllegalStateException("the measuring JVM failed:\n" + all);
        }
        String[] f = result.split(" ");
        double build = Double.parseDouble(f[1]);
        double decode = Double.parseDouble(f[2]);
        return new double[] {build, decode, build + decode};
    }

    private static double median(List<double[]> results, int column) {
        List<Double> values = new ArrayList<>();
        for (double[] r : results) {
            values.add(r[column]);
        }
        Collections.sort(values);
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }
}
