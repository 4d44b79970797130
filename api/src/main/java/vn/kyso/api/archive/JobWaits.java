package vn.kyso.api.archive;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.kyso.archive.ArchiveService;
import vn.kyso.archive.JobReport;
import vn.kyso.archive.JobState;

/**
 * {@code Prefer: wait=N} (RFC 7240 §4.3): the one way a client asks a job endpoint for the old synchronous
 * answer. The job still runs on the archive's own thread; the request only polls its row, so a client that
 * gives up leaves the job going.
 */
final class JobWaits {

    /** Longer waits are cut to this: a request held for an hour would outlive proxies and clients anyway. */
    static final int MAX_WAIT_SECONDS = 600;

    private static final Pattern WAIT = Pattern.compile("(?:^|[,;\\s])wait\\s*=\\s*\"?(\\d{1,9})\"?");

    private JobWaits() {
    }

    /** The wait the client asked for, zero without one. */
    static Duration requested(String prefer) {
        if (prefer == null) {
            return Duration.ZERO;
        }
        Matcher m = WAIT.matcher(prefer.toLowerCase(Locale.ROOT));
        if (!m.find()) {
            return Duration.ZERO;
        }
        return Duration.ofSeconds(Math.min(MAX_WAIT_SECONDS, Long.parseLong(m.group(1))));
    }

    /** The run once it ended, or as it stands when the wait is over. */
    static JobReport until(ArchiveService archive, long id, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        long pause = 50;
        while (true) {
            JobReport r = archive.job(id).orElseThrow();
            if (r.state() != JobState.RUNNING || !Instant.now().isBefore(deadline)) {
                return r;
            }
            try {
                Thread.sleep(Math.min(pause, Math.max(1, Duration.between(Instant.now(), deadline).toMillis())));
            } catch (InterruptedException e) {
                // The server is stopping: answer with the run as it stands (202), the job goes on elsewhere.
                Thread.currentThread().interrupt();
                return archive.job(id).orElseThrow();
            }
            pause = Math.min(1000, pause * 2);
        }
    }
}
