package vn.kyso.archive.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Latencies and wall time of one contender gathered over interleaved rounds (baseline, contender,
 * baseline, contender), so both see the same machine; a rate is operations over summed wall time.
 */
public final class RoundTimings {

    private final List<Long> nanos = new ArrayList<>();
    private double seconds;

    public static RoundTimings measure(int threads, int perThread, Op op) throws Exception {
        RoundTimings t = new RoundTimings();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<List<Long>>> tasks = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                tasks.add(() -> {
                    List<Long> mine = new ArrayList<>();
                    for (int k = 0; k < perThread; k++) {
                        long s = System.nanoTime();
                        op.run();
                        mine.add(System.nanoTime() - s);
                    }
                    return mine;
                });
            }
            long s = System.nanoTime();
            for (Future<List<Long>> f : pool.invokeAll(tasks)) {
                t.nanos.addAll(f.get());
            }
            t.seconds = (System.nanoTime() - s) / 1e9;
        } finally {
            pool.shutdownNow();
        }
        return t;
    }

    public void add(RoundTimings other) {
        nanos.addAll(other.nanos);
        seconds += other.seconds;
    }

    public double perSecond() {
        return nanos.size() / seconds;
    }

    public double p50() {
        return percentile(50);
    }

    public double percentile(int p) {
        List<Long> sorted = nanos.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }

    public void row(StringBuilder md, String name, int threads, RoundTimings baseline) {
        md.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.2fx |%n", name, threads,
                perSecond(), p50(), percentile(95), perSecond() / baseline.perSecond()));
    }

    /** One measured call. */
    public interface Op {
        void run() throws Exception;
    }
}
