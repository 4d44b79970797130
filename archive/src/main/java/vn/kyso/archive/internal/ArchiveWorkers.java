package vn.kyso.archive.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import vn.kyso.core.logging.LogContext;

/**
 * The archive's threads: a small pool for parallel object-store calls, and the workers that process
 * accepted ingests. Started by the service's {@code start()} and stopped by {@code close()}, never in
 * a constructor, so building the service starts no thread.
 */
final class ArchiveWorkers implements AutoCloseable {

    private volatile ExecutorService io;
    private volatile ThreadPoolExecutor background;

    synchronized void start() {
        if (io != null) {
            return;
        }
        AtomicInteger n = new AtomicInteger();
        io = Executors.newFixedThreadPool(IO_THREADS, r -> daemon(r, "archive-io-" + n.incrementAndGet()));
        // Accepted ingests are processed here; a full queue leaves them to the recovery job.
        AtomicInteger w = new AtomicInteger();
        int workers = ingestWorkers(Runtime.getRuntime().availableProcessors());
        background = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000),
                r -> daemon(r, "archive-ingest-" + w.incrementAndGet()));
    }

    /**
     * Threads for object-store calls: every ingest worker puts up to five objects and then retains them in
     * parallel, each call a round trip that waits on the server, not on a core.
     */
    static final int IO_THREADS = 16;

    /**
     * Background ingest workers for {@code cores}: four per core, at least eight. A record spends most of
     * its time waiting (on the validation pool, which bounds the CPU-heavy part to one validation per core
     * by itself, and on S3 and catalogue round trips), so workers beyond the cores keep the cores busy with
     * other records while one waits. With one worker per core (the seventh session: two on two cores) the
     * two workers' round trips left the cores idle between validations (docs/benchmarks.md, eighth session).
     */
    static int ingestWorkers(int cores) {
        return Math.max(8, 4 * cores);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** The pool for object-store calls made in parallel. */
    ExecutorService io() {
        ExecutorService e = io;
        if (e == null) {
            throw new IllegalStateException("the archive service was not started; call start() first");
        }
        return e;
    }

    /** Queues background work; false if the queue is full (the recovery job then picks it up). */
    boolean submit(Runnable work) {
        if (background == null) {
            throw new IllegalStateException("the archive service was not started; call start() first");
        }
        try {
            // The worker logs with the id of the request that accepted the ingest (its 202), not with none.
            background.execute(LogContext.carrying(null, work));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    int backlog() {
        ThreadPoolExecutor b = background;
        return b == null ? 0 : b.getQueue().size() + b.getActiveCount();
    }

    @Override
    public synchronized void close() {
        if (background != null) {
            background.shutdown();
            try {
                background.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (io != null) {
            io.shutdown();
        }
    }
}
