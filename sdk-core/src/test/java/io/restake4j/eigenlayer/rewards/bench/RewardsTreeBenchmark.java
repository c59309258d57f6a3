package io.restake4j.eigenlayer.rewards.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;

import io.restake4j.eigenlayer.rewards.ClaimVerification;
import io.restake4j.eigenlayer.rewards.RewardsClaim;
import io.restake4j.eigenlayer.rewards.RewardsEarnings;
import io.restake4j.eigenlayer.rewards.RewardsTree;

/**
 * Build figures for the rewards Merkle engine: N earners × 2 tokens (random addresses and amounts up
 * to about 2<sup>72</sup>, fixed seed). Not a unit test; run it through the {@code rewards-bench}
 * Maven profile, or directly:
 *
 * <pre>{@code
 * mvn -B -ntp -q -Prewards-bench -DskipTests verify -pl sdk-core -am
 * java -Xmx2g -cp <test classpath> io.restake4j.eigenlayer.rewards.bench.RewardsTreeBenchmark [earners] [runs] [warmups]
 * }</pre>
 */
public final class RewardsTreeBenchmark {

    private static final int TOKENS_PER_EARNER = 2;
    private static final int PROOF_SAMPLES = 2000;

    private RewardsTreeBenchmark() {
    }

    public static void main(String[] args) {
        int earners = intArg(args, 0, 1_000_000);
        int runs = intArg(args, 1, 5);
        int warmups = intArg(args, 2, 1);
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "RewardsTree benchmark: %,d earners x %d tokens = %,d token leaves; %d warm-up + %d measured builds%n",
                earners, TOKENS_PER_EARNER, (long) earners * TOKENS_PER_EARNER, warmups, runs);
        System.out.printf(Locale.ROOT, "JVM %s (%s), %d CPUs, max heap %,d MiB, common pool parallelism %d, GCs %s%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"), rt.availableProcessors(),
                rt.maxMemory() >> 20, ForkJoinPool.commonPool().getParallelism(), gcNames());

        // ---- input (not part of the build figures) ----
        Random random = new Random(20260501L);
        byte[][] tokens = new byte[TOKENS_PER_EARNER][20];
        for (byte[] t : tokens) {
            random.nextBytes(t);
        }
        long t0 = System.nanoTime();
        RewardsEarnings.Builder builder = RewardsEarnings.builder(earners * TOKENS_PER_EARNER);
        byte[] earner = new byte[20];
        for (int e = 0; e < earners; e++) {
            random.nextBytes(earner);
            for (byte[] token : tokens) {
                builder.add(earner, token, new BigInteger(64 + random.nextInt(9), random));
            }
        }
        long t1 = System.nanoTime();
        RewardsEarnings earnings = builder.build();
        long t2 = System.nanoTime();
        builder = null; // let the unsorted rows go before memory is measured
        System.out.printf(Locale.ROOT, "input: %,d entries added in %s; RewardsEarnings.build() (sort by earner/token, duplicate check, compaction) %s%n",
                earnings.entryCount(), ms(t1 - t0), ms(t2 - t1));
        if (earnings.earnerCount() != earners) {
            throw new IllegalStateException("random earner addresses collided: " + earnings.earnerCount());
        }

        long baseline = usedAfterGc();
        System.out.printf(Locale.ROOT, "heap in use after GC holding the earnings only: %,d MiB%n", baseline >> 20);

        // ---- tree build ----
        for (int i = 0; i < warmups; i++) {
            long s = System.nanoTime();
            RewardsTree.build(earnings);
            System.out.printf(Locale.ROOT, "warm-up build %d: %s%n", i + 1, ms(System.nanoTime() - s));
        }
        long[] times = new long[runs];
        long peakSum = 0;
        long gcCount = 0;
        long gcMillis = 0;
        RewardsTree tree = null;
        for (int i = 0; i < runs; i++) {
            tree = null;
            usedAfterGc();
            resetPeaks();
            long gcBeforeCount = gcCount();
            long gcBeforeTime = gcTime();
            long s = System.nanoTime();
            tree = RewardsTree.build(earnings);
            times[i] = System.nanoTime() - s;
            long peak = heapPeak();
            peakSum = Math.max(peakSum, peak);
            gcCount += gcCount() - gcBeforeCount;
            gcMillis += gcTime() - gcBeforeTime;
            System.out.printf(Locale.ROOT, "build %d: %s (heap pools' peak used %,d MiB)%n", i + 1, ms(times[i]), peak >> 20);
        }
        long retained = usedAfterGc() - baseline;
        long[] sorted = times.clone();
        Arrays.sort(sorted);

        int cpus = Runtime.getRuntime().availableProcessors();
        ForkJoinPool dedicated = new ForkJoinPool(cpus);
        long[] dedicatedTimes = new long[runs];
        try {
            for (int i = 0; i < runs; i++) {
                usedAfterGc();
                long s = System.nanoTime();
                RewardsTree t = RewardsTree.build(earnings, dedicated);
                dedicatedTimes[i] = System.nanoTime() - s;
                if (!Arrays.equals(t.root(), tree.root())) {
                    throw new IllegalStateException("roots differ between pools");
                }
            }
        } finally {
            dedicated.shutdown();
        }
        Arrays.sort(dedicatedTimes);
        usedAfterGc();
        long seqStart = System.nanoTime();
        RewardsTree sequential = RewardsTree.build(earnings, null);
        long seqTime = System.nanoTime() - seqStart;
        if (!Arrays.equals(sequential.root(), tree.root())) {
            throw new IllegalStateException("sequential and parallel roots differ");
        }
        sequential = null;

        // ---- proofs ----
        Random pick = new Random(7);
        String[] sample = new String[PROOF_SAMPLES];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = earnings.earner(pick.nextInt(earners));
        }
        long first = System.nanoTime();
        RewardsClaim one = tree.claim(0, sample[0]);
        long firstTime = System.nanoTime() - first;
        long[] proofTimes = new long[sample.length];
        long[] verifyTimes = new long[sample.length];
        byte[] root = tree.root();
        for (int i = 0; i < sample.length; i++) {
            long s = System.nanoTime();
            RewardsClaim c = tree.claim(0, sample[i]);
            proofTimes[i] = System.nanoTime() - s;
            s = System.nanoTime();
            ClaimVerification v = c.verify(root);
            verifyTimes[i] = System.nanoTime() - s;
            if (!v.isValid()) {
                throw new IllegalStateException("claim for " + sample[i] + " does not verify: " + v.message());
            }
        }
        Arrays.sort(proofTimes);
        Arrays.sort(verifyTimes);

        System.out.println();
        System.out.println("== results ==");
        System.out.printf(Locale.ROOT, "root %s, depth %d%n", tree.rootHex(), tree.depth());
        System.out.printf(Locale.ROOT, "tree build (parallel, common pool), median of %d: %s  (min %s, max %s)%n",
                runs, ms(sorted[runs / 2]), ms(sorted[0]), ms(sorted[runs - 1]));
        System.out.printf(Locale.ROOT, "tree build (dedicated pool of %d), median of %d: %s  (min %s, max %s)%n",
                cpus, runs, ms(dedicatedTimes[runs / 2]), ms(dedicatedTimes[0]), ms(dedicatedTimes[runs - 1]));
        System.out.printf(Locale.ROOT, "tree build (calling thread only, pool = null), single run: %s%n", ms(seqTime));
        System.out.printf(Locale.ROOT, "GC during the %d measured common-pool builds: %d collections, %,d ms in total%n", runs, gcCount, gcMillis);
        System.out.printf(Locale.ROOT, "one claim (earner proof + %d token proofs), first call: %s; over %d random earners median %s, p99 %s%n",
                one.tokenCount(), us(firstTime), sample.length, us(proofTimes[sample.length / 2]), us(proofTimes[sample.length * 99 / 100]));
        System.out.printf(Locale.ROOT, "claim.verify(root): median %s, p99 %s%n", us(verifyTimes[sample.length / 2]),
                us(verifyTimes[sample.length * 99 / 100]));
        System.out.printf(Locale.ROOT, "memory: earnings (input) retained %,d MiB; tree retained on top %,d MiB; peak heap during a build %,d MiB%n",
                baseline >> 20, retained >> 20, peakSum >> 20);
        System.out.println();
        System.out.println("What is measured:");
        System.out.println(" * build = RewardsTree.build(earnings): token leaves, token roots, earner leaves and every earner level,");
        System.out.println("   on the common fork-join pool (parallelism = CPUs - 1, plus the calling thread), then on a dedicated pool");
        System.out.println("   of one worker per CPU, then on the calling thread alone; the earnings are built once beforehand (their");
        System.out.println("   sort time is shown above). Wall-clock times: other load on the machine shows up in them.");
        System.out.println(" * retained = heap used after System.gc() with the object alive, minus the same figure before it existed");
        System.out.println("   (MemoryMXBean heap usage); the earnings figure includes a few MiB of JVM baseline.");
        System.out.println(" * peak heap during a build = sum over heap MemoryPoolMXBeans of getPeakUsage().used, with peaks reset");
        System.out.println("   after a System.gc() just before the build; it includes the earnings, garbage not yet collected");
        System.out.println("   (Hash.sha3 allocates a digest per call), and since pools peak at different moments it is an upper bound.");
        System.out.println(" * claim = tree.claim(rootIndex, earner): binary search, rebuild of that earner's token tree, proofs.");
    }

    private static int intArg(String[] args, int i, int dflt) {
        if (args.length <= i || args[i].isBlank()) {
            return dflt;
        }
        return Integer.parseInt(args[i].replace("_", "").strip());
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP && p.isValid()).toList();
    }

    private static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long heapPeak() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcTime() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static String gcNames() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList().toString();
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%,.0f ms", nanos / 1e6);
    }

    private static String us(long nanos) {
        return String.format(Locale.ROOT, "%,.1f µs", nanos / 1e3);
    }
}
