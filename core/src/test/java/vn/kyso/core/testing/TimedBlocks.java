package vn.kyso.core.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One contender of a benchmark measured in blocks: each block runs an operation a fixed number of times on
 * N threads, timing every call and the block's wall time (the pool is started outside it). The figures are
 * summed over all blocks, so benchmarks that let contenders take turns block by block (a burst of load on
 * the shared machine then falls on all of them) and those that measure one block ({@link LatencyStats#measure})
 * compute rates and percentiles the same way: the rate is all operations over the summed wall time, the
 * percentiles over every latency.
 */
public final class TimedBlocks {

    private final List<Long> latencies = new ArrayList<>();
    private long wallNanos;

    /** Runs one block: {@code perThread} calls of {@code op} on each of {@code threads} threads. */
    public void run(int threads, int perThread, LatencyStats.Operation op) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long[][] block = new long[threads][perThread];
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long[] mine = block[t];
                tasks.add(() -> {
                    for (int i = 0; i < perThread; i++) {
                        long start = System.nanoTime();
                        op.run();
                        mine[i] = System.nanoTime() - start;
                    }
                    return null;
                });
            }
            long start = System.nanoTime();
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
            wallNanos += System.nanoTime() - start;
            Arrays.stream(block).flatMapToLong(Arrays::stream).forEach(latencies::add);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Operations per second of wall time, over all blocks. */
    public double perSecond() {
        return latencies.size() / (wallNanos / 1e9);
    }

    /** Mean latency in milliseconds. */
    public double mean() {
        return latencies.stream().mapToLong(Long::longValue).average().orElse(Double.NaN) / 1e6;
    }

    /** The {@code p}th percentile of the latencies in milliseconds (nearest rank). */
    public double percentile(int p) {
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    /** All blocks as one {@link LatencyStats} (the shape the benchmarks' tables print). */
    public LatencyStats stats(int threads) {
        return new LatencyStats(threads, latencies.size(), wallNanos / 1e9, percentile(50), percentile(95));
    }
}
