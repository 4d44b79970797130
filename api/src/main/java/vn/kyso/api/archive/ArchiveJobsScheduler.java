package vn.kyso.api.archive;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import vn.kyso.api.cluster.ClusterJobs;
import vn.kyso.archive.ArchiveException;
import vn.kyso.archive.ArchiveService;
import vn.kyso.archive.JobKind;
import vn.kyso.archive.JobReport;
import vn.kyso.core.VietnamTime;
import vn.kyso.core.logging.LogContext;

/**
 * Runs the preservation jobs on their schedules (Vietnam time) and recovery once at start-up. Set a
 * cron to "-" to switch that job off. A job already running elsewhere is skipped, not queued. Every
 * instance fires the schedule; {@link ClusterJobs} lets one of them run each tick (issue #13).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "kyso.archive.enabled", havingValue = "true", matchIfMissing = true)
class ArchiveJobsScheduler {

    private static final Logger log = LoggerFactory.getLogger(ArchiveJobsScheduler.class);

    /** Longer than any job runs; only matters when an instance dies while running one. */
    static final Duration AT_MOST = Duration.ofHours(12);
    /** Shorter than the shortest schedule (recovery, every 15 minutes), longer than clock skew. */
    static final Duration AT_LEAST = Duration.ofMinutes(5);

    private final ArchiveService archive;
    private final ClusterJobs cluster;

    ArchiveJobsScheduler(ArchiveService archive, ClusterJobs cluster) {
        this.archive = archive;
        this.cluster = cluster;
    }

    @EventListener(ApplicationReadyEvent.class)
    void recoverAtStartup() {
        run(JobKind.RECOVERY);
    }

    @Scheduled(cron = "${kyso.archive.jobs.recovery-cron:0 */15 * * * *}", zone = VietnamTime.ZONE_NAME)
    void recovery() {
        run(JobKind.RECOVERY);
    }

    @Scheduled(cron = "${kyso.archive.jobs.fixity-cron:0 30 1 * * SUN}", zone = VietnamTime.ZONE_NAME)
    void fixity() {
        run(JobKind.FIXITY);
    }

    @Scheduled(cron = "${kyso.archive.jobs.revalidation-cron:0 30 2 1 * *}", zone = VietnamTime.ZONE_NAME)
    void revalidation() {
        run(JobKind.REVALIDATION);
    }

    @Scheduled(cron = "${kyso.archive.jobs.renewal-cron:0 30 3 * * *}", zone = VietnamTime.ZONE_NAME)
    void renewal() {
        run(JobKind.TIMESTAMP_RENEWAL);
    }

    /** RFC 4998 evidence records: first ones for new records, renewals when due (ADR 0023). */
    @Scheduled(cron = "${kyso.archive.jobs.evidence-records-cron:0 30 4 * * *}", zone = VietnamTime.ZONE_NAME)
    void evidenceRecords() {
        run(JobKind.EVIDENCE_RECORDS);
    }

    /** @return whether this instance ran the job (false: another instance has this tick) */
    boolean run(JobKind kind) {
        String lock = "archive-" + kind.name().toLowerCase(java.util.Locale.ROOT);
        boolean[] ran = new boolean[1];
        // Each tick logs under a run id of its own, as a request logs under its request id (ADR 0031).
        LogContext.runAsJob(lock.replace('_', '-'), () -> {
            ran[0] = cluster.runOnce(lock, AT_MOST, AT_LEAST, () -> runHere(kind));
            if (!ran[0]) {
                log.debug("archive job {} left to the instance holding its lock", kind);
            }
        });
        return ran[0];
    }

    private void runHere(JobKind kind) {
        try {
            JobReport r = archive.runJob(kind);
            log.info("archive job {} {}: {}", kind, r.state(), r.message());
        } catch (ArchiveException e) {
            log.warn("archive job {} not run: {}", kind, e.getMessage());
        }
    }
}
