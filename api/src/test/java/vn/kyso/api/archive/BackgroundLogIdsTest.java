package vn.kyso.api.archive;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.yaml.snakeyaml.Yaml;
import vn.kyso.api.cluster.ClusterJobs;
import vn.kyso.archive.ArchiveService;
import vn.kyso.archive.JobKind;
import vn.kyso.archive.JobReport;
import vn.kyso.archive.JobState;
import vn.kyso.core.logging.LogContext;

/**
 * Background work logs with ids as requests do (ADR 0031): each tick of a scheduled job under a run id of
 * its own, visible in the MDC of the job's log lines and in the text log line the service's pattern writes.
 */
class BackgroundLogIdsTest {

    final Logger logger = (Logger) LoggerFactory.getLogger(ArchiveJobsScheduler.class);
    final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @AfterEach
    void detach() {
        logger.detachAppender(lines);
        MDC.clear();
    }

    @Test
    void eachTickOfAScheduledJobLogsUnderARunIdOfItsOwn() {
        AtomicReference<String> seenByTheJob = new AtomicReference<>();
        ArchiveService archive = (ArchiveService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ArchiveService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("runJob")) {
                        seenByTheJob.set(MDC.get(LogContext.JOB_ID));
                        return new JobReport(7, (JobKind) args[0], JobState.DONE, 3, 3, 0, Instant.EPOCH,
                                Instant.EPOCH, "3 records checked");
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        lines.start();
        logger.addAppender(lines);
        ArchiveJobsScheduler scheduler = new ArchiveJobsScheduler(archive, new ClusterJobs(null));

        scheduler.fixity();
        scheduler.fixity();
        scheduler.renewal();

        List<String> runs = new ArrayList<>();
        for (ILoggingEvent line : lines.list) {
            runs.add(line.getMDCPropertyMap().get(LogContext.JOB_ID));
        }
        assertThat(runs).hasSize(3);
        assertThat(runs.get(0)).matches("archive-fixity-[0-9a-f]{8}");
        assertThat(runs.get(1)).matches("archive-fixity-[0-9a-f]{8}").isNotEqualTo(runs.get(0));
        assertThat(runs.get(2)).matches("archive-timestamp-renewal-[0-9a-f]{8}");
        // The archive's own lines during the run (on the same thread) carry it too; nothing stays behind.
        assertThat(seenByTheJob.get()).matches("archive-timestamp-renewal-[0-9a-f]{8}");
        assertThat(MDC.get(LogContext.JOB_ID)).isNull();
    }

    @Test
    void theTextLogLineNamesTheRequestTheJobOrBoth() throws Exception {
        String correlation;
        try (InputStream yml = getClass().getResourceAsStream("/application.yml")) {
            Map<String, Object> first = new Yaml().loadAll(yml).iterator().next() instanceof Map<?, ?> m
                    ? cast(m) : Map.of();
            correlation = (String) cast(cast(first.get("logging")).get("pattern")).get("correlation");
        }
        PatternLayout layout = new PatternLayout();
        layout.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        layout.setPattern(correlation + "%m");
        layout.start();

        assertThat(layout.doLayout(event(Map.of()))).isEqualTo("[] done");
        assertThat(layout.doLayout(event(Map.of("requestId", "req-1")))).isEqualTo("[req-1] done");
        assertThat(layout.doLayout(event(Map.of(LogContext.JOB_ID, "archive-fixity-0a1b2c3d"))))
                .isEqualTo("[archive-fixity-0a1b2c3d] done");
        assertThat(layout.doLayout(event(Map.of("requestId", "req-1", LogContext.JOB_ID, "archive-job-12"))))
                .isEqualTo("[req-1 archive-job-12] done");
    }

    private LoggingEvent event(Map<String, String> mdc) {
        LoggingEvent e = new LoggingEvent();
        e.setLoggerName(logger.getName());
        e.setLevel(ch.qos.logback.classic.Level.INFO);
        e.setMessage("done");
        e.setMDCPropertyMap(mdc);
        return e;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object map) {
        return (Map<String, Object>) map;
    }
}
