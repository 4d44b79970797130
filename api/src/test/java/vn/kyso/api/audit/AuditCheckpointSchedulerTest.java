package vn.kyso.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import vn.kyso.api.cluster.ClusterJobs;
import vn.kyso.audit.AuditError;
import vn.kyso.audit.AuditException;
import vn.kyso.audit.AuditLog;
import vn.kyso.audit.autoconfigure.AuditProperties;

class AuditCheckpointSchedulerTest {

    final RecordingAuditLog log = new RecordingAuditLog();

    AuditCheckpointScheduler scheduler(boolean withLog) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (withLog) {
            beans.addBean("auditLog", log);
        }
        beans.addBean("auditProperties", new AuditProperties(true, null, Duration.ofMinutes(3),
                Duration.ofSeconds(5), null));
        return new AuditCheckpointScheduler(beans.getBeanProvider(AuditLog.class),
                beans.getBeanProvider(AuditProperties.class), new ClusterJobs(null));
    }

    @Test
    void schedulesCheckpointsEveryInterval() {
        ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();
        scheduler(true).configureTasks(registrar);

        assertThat(registrar.getFixedDelayTaskList()).singleElement().satisfies(t -> {
            assertThat(t.getIntervalDuration()).isEqualTo(Duration.ofMinutes(3));
            assertThat(t.getInitialDelayDuration()).isEqualTo(Duration.ofMinutes(3));
            t.getRunnable().run();
        });
        assertThat(log.checkpointsTaken).isEqualTo(1);
    }

    @Test
    void aTsaOutageWaitsForTheNextRun() {
        log.checkpointFailure = new AuditException(AuditError.TSA_UNAVAILABLE, "down");
        scheduler(true).checkpoint();
        assertThat(log.checkpointsTaken).isZero();
    }

    @Test
    void schedulesNothingWithoutALog() {
        ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();
        scheduler(false).configureTasks(registrar);
        assertThat(registrar.getFixedDelayTaskList()).isEmpty();
    }
}
