package vn.kyso.core.logging;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.MDC;

/**
 * Log context for background work. A request's log lines carry its id from the MDC (ADR 0017); the MDC is
 * per thread, so a scheduled job, a 202 job on a thread of its own or a task queued to a pool would log
 * with no id at all. Work run through here logs with a job id ({@value #JOB_ID}) and, when a request
 * started it, that request's id as well: a complaint about a job that failed hours after its 202 leads to
 * both the request and every line the job wrote.
 */
public final class LogContext {

    /** The MDC key of the job or run id. */
    public static final String JOB_ID = "jobId";

    private LogContext() {
    }

    /** A fresh run id for one tick of a scheduled job: its name and eight hex digits. */
    public static String runId(String job) {
        return job + "-" + String.format(Locale.ROOT, "%08x", ThreadLocalRandom.current().nextInt());
    }

    /** Runs {@code work} here with a fresh run id of {@code job} in the MDC, restoring the MDC afterwards. */
    public static void runAsJob(String job, Runnable work) {
        inContext(MDC.getCopyOfContextMap(), runId(job), work).run();
    }

    /**
     * {@code work} as a task for another thread: it runs with the MDC the caller has now (the request id of
     * the request that queued it) plus {@code jobId}, and leaves the worker thread's MDC as it found it.
     *
     * @param jobId the job's id, or null to carry the caller's context only
     */
    public static Runnable carrying(String jobId, Runnable work) {
        return inContext(MDC.getCopyOfContextMap(), jobId, work);
    }

    private static Runnable inContext(Map<String, String> context, String jobId, Runnable work) {
        Objects.requireNonNull(work);
        return () -> {
            Map<String, String> before = MDC.getCopyOfContextMap();
            if (context == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(context);
            }
            if (jobId != null) {
                MDC.put(JOB_ID, jobId);
            }
            try {
                work.run();
            } finally {
                if (before == null) {
                    MDC.clear();
                } else {
                    MDC.setContextMap(before);
                }
            }
        };
    }
}
