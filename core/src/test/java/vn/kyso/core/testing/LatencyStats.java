package vn.kyso.core.testing;

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
        TimedBlocks block = new TimedBlocks();
        block.run(threads, operationsPerThread, op);
        return block.stats(threads);
    }
}
