package io.restake4j.devnet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * anvil must not outlive its JVM, even one killed with SIGKILL (no shutdown hooks run), as a test
 * runner's fork timeout does.
 */
class DevnetProcessLifetimeIT {

    /** Child JVM: starts a devnet, prints anvil's pid, then waits to be killed. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            Devnet devnet = Devnet.builder().accounts(2).start();
            System.out.println("ANVIL_PID " + devnet.anvilPid());
            System.out.flush();
            Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        }
    }

    @Test
    void anvilDiesWithAJvmKilledOutright() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        String anvil = System.getProperty("restake4j.anvil");
        if (anvil != null) {
            command.add("-Drestake4j.anvil=" + anvil);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        long anvilPid = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.startsWith("ANVIL_PID ")) {
                    anvilPid = Long.parseLong(line.substring("ANVIL_PID ".length()).trim());
                    break;
                }
            }
            assertTrue(anvilPid > 0, "child did not start a devnet:\n" + seen);
            assertTrue(isAlive(anvilPid), "anvil runs while its JVM does");

            child.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (isAlive(anvilPid) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(isAlive(anvilPid), "anvil (pid " + anvilPid + ") outlived its killed JVM");
    }

    @Test
    void closeStopsAnvil() {
        Devnet devnet = Devnet.builder().accounts(2).start();
        long pid = devnet.anvilPid();
        assertTrue(isAlive(pid));
        devnet.close();
        assertFalse(isAlive(pid));
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
