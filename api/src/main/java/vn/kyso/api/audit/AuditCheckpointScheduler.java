package vn.kyso.api.audit;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import vn.kyso.api.cluster.ClusterJobs;
import vn.kyso.audit.AuditException;
import vn.kyso.audit.AuditLog;
import vn.kyso.audit.autoconfigure.AuditProperties;
import vn.kyso.core.logging.LogContext;

/**
 * Time-stamps the chain head every {@code kyso.audit.checkpoint-interval} when entries were appended
 * since the last checkpoint. A TSA outage only delays the checkpoint to the next run. One instance of the
 * cluster takes each tick ({@link ClusterJobs}); should two ever race, the audit module's unique index
 * still keeps one checkpoint per chain head.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "kyso.audit.enabled", havingValue = "true", matchIfMissing = true)
class AuditCheckpointScheduler implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpointScheduler.class);

    private final ObjectProvider<AuditLog> audit;
    private final ObjectProvider<AuditProperties> properties;
    private final ClusterJobs cluster;

    AuditCheckpointScheduler(ObjectProvider<AuditLog> audit, ObjectProvider<AuditProperties> properties,
            ClusterJobs cluster) {
        this.audit = audit;
        this.properties = properties;
        this.cluster = cluster;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        AuditProperties p = properties.getIfAvailable();
        if (p == null || audit.getIfAvailable() == null) {
            return;
        }
        Duration every = p.checkpointInterval();
        // Held at least half an interval, so a second instance's tick just after does not checkpoint again.
        registrar.addFixedDelayTask(new FixedDelayTask(() -> LogContext.runAsJob("audit-checkpoint",
                () -> cluster.runOnce("audit-checkpoint", every.plus(Duration.ofMinutes(5)), every.dividedBy(2),
                        this::checkpoint)), every, every));
    }

    void checkpoint() {
        try {
            audit.getObject().timestampIfAdvanced().ifPresent(k ->
                    log.info("audit chain time-stamped at entry {} ({})", k.sequence(), k.timestampedAt()));
        } catch (AuditException e) {
            log.warn("audit checkpoint not taken: {}", e.getMessage());
        }
    }
}
