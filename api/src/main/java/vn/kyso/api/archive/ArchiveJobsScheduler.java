package vn.kyso.api.archive;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import vn.kyso.archive.ArchiveException;
import vn.kyso.archive.ArchiveService;
import vn.kyso.archive.JobKind;
import vn.kyso.archive.JobReport;
import vn.kyso.core.VietnamTime;

/**
 * Runs the preservation jobs on their schedules (Vietnam time) and recovery once at start-up. Set a
 * cron to "-" to switch that job off. A job already running elsewhere is skipped, not queued.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "kyso.archive.enabled", havingValue = "true", matchIfMissing = true)
class ArchiveJobsScheduler {

    private static final Logger log = LoggerFactory.getLogger(ArchiveJobsScheduler.class);

    private final ArchiveService archive;

    ArchiveJobsScheduler(ArchiveService archive) {
        this.archive = archive;
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

    private void run(JobKind kind) {
        try {
            JobReport r = archive.runJob(kind);
            log.info("archive job {} {}: {}", kind, r.state(), r.message());
        } catch (ArchiveException e) {
            log.warn("archive job {} not run: {}", kind, e.getMessage());
        }
    }
}
