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
        io = Executors.newFixedThreadPool(4, r -> daemon(r, "archive-io-" + n.incrementAndGet()));
        // Accepted ingests are processed here; a full queue leaves them to the recovery job.
        AtomicInteger w = new AtomicInteger();
        // Half the cores: validation is CPU-bound, and requests (accepts among them) need the rest. At least
        // two, so one record's validation overlaps another's store and catalogue round trips (a bulk
        // transfer on two cores otherwise leaves a core idle whenever the one worker waits on Ceph).
        int workers = Math.max(2, Runtime.getRuntime().availableProcessors() / 2);
        background = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000),
                r -> daemon(r, "archive-ingest-" + w.incrementAndGet()));
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
