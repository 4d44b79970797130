package vn.kyso.core.testing;

import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs an operation a fixed number of times on N threads and reports rate and latency percentiles; shared
 * by the modules' benchmarks so every figure is computed the same way.
 */
public record LatencyStats(int threads, int operations, double seconds, double p50Millis, double p95Millis) {

    public double perSecond() {
        return operations / seconds;
    }

    /** One measured call. */
    public interface Operation {
        void run() throws Exception;
    }

    public static LatencyStats measure(int threads, int operationsPerThread, Operation op) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long[][] latencies = new long[threads][operationsPerThread];
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                tasks.add(() -> {
                    for (int i = 0; i < operationsPerThread; i++) {
                        long start = System.nanoTime();
                        op.run();
                        latencies[thread][i] = System.nanoTime() - start;
                    }
                    return null;
                });
            }
            long start = System.nanoTime();
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
            return new LatencyStats(threads, all.length, seconds, percentile(all, 50), percentile(all, 95));
        } finally {
            pool.shutdownNow();
        }
    }

    private static double percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }
}
