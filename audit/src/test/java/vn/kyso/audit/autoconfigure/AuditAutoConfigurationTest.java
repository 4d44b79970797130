package vn.kyso.audit.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import vn.kyso.archive.testing.ArchiveFixture;
import vn.kyso.audit.AuditLog;
import vn.kyso.audit.AuditSettings;

class AuditAutoConfigurationTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AuditAutoConfiguration.class));

    @Test
    void buildsTheLogOnTheApplicationsDataSource() {
        try (HikariDataSource db = ArchiveFixture.newDatabase("audit")) {
            runner.withBean(DataSource.class, () -> db)
                    .withPropertyValues("kyso.audit.tsa-url=http://tsa.example.gov.vn/tsr")
                    .run(context -> {
                        assertThat(context).hasSingleBean(AuditLog.class);
                        assertThat(context.getBean(AuditSettings.class).tsaUrl())
                                .hasToString("http://tsa.example.gov.vn/tsr");
                        assertThat(context.getBean(AuditLog.class).head().sequence()).isZero();
                    });
        }
    }

    @Test
    void backsOffWithoutADataSourceOrWhenDisabled() {
        runner.run(context -> assertThat(context).doesNotHaveBean(AuditLog.class)
                .hasSingleBean(AuditSettings.class));
        try (HikariDataSource db = ArchiveFixture.newDatabase("audit")) {
            runner.withBean(DataSource.class, () -> db).withPropertyValues("kyso.audit.enabled=false")
                    .run(context -> assertThat(context).doesNotHaveBean(AuditLog.class));
        }
    }

    @Test
    void readsTrustAnchorsFromAPemFile() throws Exception {
        java.nio.file.Path pem = vn.kyso.demopki.testing.DemoPkiFixture.shared()
                .trustAnchorsPem(vn.kyso.core.KeyFamily.SPECIALISED);
        runner.withPropertyValues("kyso.audit.tsa-trust-anchors=" + pem)
                .run(context -> assertThat(context.getBean(AuditSettings.class).tsaTrustAnchors()).isNotEmpty());
        runner.withPropertyValues("kyso.audit.tsa-trust-anchors=" + pem.resolveSibling("missing.pem"))
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void refusesANonPositiveInterval() {
        runner.withPropertyValues("kyso.audit.checkpoint-interval=0s")
                .run(context -> assertThat(context).hasFailed());
    }
}
