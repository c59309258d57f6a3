package io.restake4j.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * Runs the main sample (the README's first command runs it with {@code -Psample}) end to end on its own embedded
 * devnet, so that a chapter that throws fails the build instead of the newcomer's first run.
 */
class MainSampleIT {

    @Test
    void theMainSampleRunsToTheEnd() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream tee = new PrintStream(new TeeStream(original, captured), true, StandardCharsets.UTF_8)) {
            System.setOut(tee);
            MainSample.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        for (String chapter : new String[] {"EigenLayer, staking as", "Lido, staking as", "ether.fi", "Rocket Pool",
                "Symbiotic, restaking wstETH", "a Core V2 vault (version 3", "and the second claim pays", "Karak, restaking wstETH", "migrated", "the redeem now pays",
                "Devnet stopped. Done."}) {
            assertTrue(out.contains(chapter), "the sample's output lacks \"" + chapter + "\"");
        }
    }

    /** Writes to both streams: the sample's output stays visible in the build log. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
