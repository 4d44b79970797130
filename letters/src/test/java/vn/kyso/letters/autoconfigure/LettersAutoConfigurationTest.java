package vn.kyso.letters.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.kyso.archive.testing.ArchiveFixture;
import vn.kyso.letters.LettersService;
import vn.kyso.letters.LettersSettings;
import vn.kyso.letters.internal.LetterStore;

class LettersAutoConfigurationTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(LettersAutoConfiguration.class));

    /** The tables exist when the context has started, before any request (they used to wait for the first). */
    @Test
    void migratesTheLettersTablesAtStartUp() {
        try (HikariDataSource db = ArchiveFixture.newDatabase("letters")) {
            runner.withBean(DataSource.class, () -> db).run(context -> {
                assertThat(context).hasSingleBean(LetterStore.class);
                assertThat(JdbcClient.create(db).sql("select count(*) from kyso_letter").query(Integer.class)
                        .single()).isZero();
                assertThat(JdbcClient.create(db).sql("select max(version) from kyso_letters_schema_history "
                        + "where success").query(String.class).single()).isNotBlank();
            });
        }
    }

    /** Without signing and conversion there is no workflow: the api module answers 503. */
    @Test
    void backsOffWithoutTheModulesItNeeds() {
        runner.run(context -> assertThat(context).doesNotHaveBean(LetterStore.class)
                .doesNotHaveBean(LettersService.class).hasSingleBean(LettersSettings.class));
        try (HikariDataSource db = ArchiveFixture.newDatabase("letters")) {
            runner.withBean(DataSource.class, () -> db)
                    .run(context -> assertThat(context).hasSingleBean(LetterStore.class)
                            .doesNotHaveBean(LettersService.class));
        }
    }

    @Test
    void aBlankFondIsRefused() {
        runner.withPropertyValues("kyso.letters.fond-code= ").run(context -> assertThat(context).hasFailed());
    }
}
