package vn.kyso.validation.internal;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import vn.kyso.core.ServiceLookupCache;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kyso.validation.ValidationError;
import vn.kyso.validation.ValidationException;

/**
 * Runs validations on at most {@code maxConcurrent} worker threads, so that memory stays bounded
 * however many requests arrive, and gives each caller its answer within the time limit, waiting in
 * the queue included. A validation that overruns is cancelled (its thread interrupted) and the caller
 * gets VALIDATION_TIMEOUT; code that ignores interrupts keeps its worker until it returns, which the
 * input limits keep short.
 */
final class BoundedExecutor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BoundedExecutor.class);

    private static final ServiceLookupCache LOOKUPS = ServiceLookupCache.of(BoundedExecutor.class);

    private final ThreadPoolExecutor pool;
    private final Duration timeout;

    BoundedExecutor(int threads, Duration timeout) {
        this.timeout = timeout;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "kyso-validation-" + n.incrementAndGet());
            t.setDaemon(true);
            // DSS looks its parts up with ServiceLoader on every validation (see ServiceLookupCache).
            t.setContextClassLoader(LOOKUPS);
            return t;
        };
        pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
        pool.allowCoreThreadTimeOut(true);
    }

    <T> T call(Callable<T> task) {
        Future<T> future;
        try {
            future = pool.submit(task);
        } catch (RejectedExecutionException e) {
            throw new ValidationException(ValidationError.VALIDATION_FAILED, "the validation service is shut down", e);
        }
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            log.warn("validation abandoned after {}", timeout);
            throw new ValidationException(ValidationError.VALIDATION_TIMEOUT,
                    "the validation did not finish within " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ValidationException(ValidationError.VALIDATION_FAILED, "the validation was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ValidationException v) {
                throw v;
            }
            log.error("validation failed", e.getCause());
            throw new ValidationException(ValidationError.VALIDATION_FAILED, "the validation failed", e.getCause());
        }
    }

    /** Validations running or waiting, for health checks. */
    int busy() {
        return pool.getActiveCount() + pool.getQueue().size();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
