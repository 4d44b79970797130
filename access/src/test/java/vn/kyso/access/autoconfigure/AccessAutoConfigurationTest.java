package vn.kyso.access.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.kyso.access.AccessControl;
import vn.kyso.access.AccessGrants;
import vn.kyso.access.Caller;
import vn.kyso.access.Role;
import vn.kyso.access.SecuritySettings;
import vn.kyso.archive.testing.ArchiveFixture;

class AccessAutoConfigurationTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AccessAutoConfiguration.class));

    @Test
    void migratesTheTablesAtStartUpOnTheApplicationsDataSource() {
        try (HikariDataSource db = ArchiveFixture.newDatabase("access")) {
            runner.withBean(DataSource.class, () -> db).run(context -> {
                assertThat(context).hasSingleBean(AccessControl.class);
                assertThat(context.getBean(AccessControl.class).changeable()).isTrue();
                // Before any request: the tables and their Flyway history are there.
                assertThat(JdbcClient.create(db).sql("select count(*) from kyso_access_schema_history where success")
                        .query(Integer.class).single()).isPositive();
                assertThat(JdbcClient.create(db).sql("select count(*) from kyso_access_api_key")
                        .query(Integer.class).single()).isZero();
            });
        }
    }

    @Test
    void withoutADataSourceOwnersComeFromTheConfigurationAndTheGrants() {
        runner.withPropertyValues("kyso.security.key-owners.ubnd-binh-an.organisation=ubnd")
                .withBean(AccessGrants.class, () -> new AccessGrants(List.of(),
                        Map.of("tran-thi-bich-ngoc", SecuritySettings.KeyOwner.person("ngoc"))))
                .run(context -> {
                    AccessControl access = context.getBean(AccessControl.class);
                    assertThat(access.changeable()).isFalse();
                    assertThat(access.enforced()).isTrue();
                    assertThat(access.mayUse(new Caller("van-thu", "ubnd", java.util.Set.of(Role.CLERK)),
                            "ubnd-binh-an")).isTrue();
                    assertThat(access.mayUse(new Caller("van-thu", "so-noi-vu", java.util.Set.of(Role.CLERK)),
                            "ubnd-binh-an")).isFalse();
                    assertThat(access.mayUse(new Caller("ngoc", null, java.util.Set.of(Role.SIGNER)),
                            "tran-thi-bich-ngoc")).isTrue();
                });
    }
}
