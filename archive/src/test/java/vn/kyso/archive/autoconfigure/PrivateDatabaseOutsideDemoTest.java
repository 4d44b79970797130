package vn.kyso.archive.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Without kyso.archive.database.url, a deployment profile refuses to start a private PostgreSQL. */
class PrivateDatabaseOutsideDemoTest {

    @TempDir
    Path dir;

    @Test
    void aProdProfileWithoutDatabaseUrlDoesNotStart() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ArchiveAutoConfiguration.class))
                .withPropertyValues("spring.profiles.active=prod", "kyso.archive.directory=" + dir)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("not with the profile(s) [prod]")
                            .hasMessageContaining("set kyso.archive.database.url");
                });
        assertThat(dir.resolve("postgres")).as("no cluster was initialised").doesNotExist();
    }

    @Test
    void theDemoProfileAndNoProfileMayUseThePrivateDatabase() {
        assertThatCode(() -> ArchiveAutoConfiguration.refusePrivateDatabaseOutsideDemo(new String[0]))
                .doesNotThrowAnyException();
        assertThatCode(() -> ArchiveAutoConfiguration.refusePrivateDatabaseOutsideDemo(new String[] {"demo"}))
                .doesNotThrowAnyException();
    }
}
