package vn.kyso.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** The names every module's migration has used since ADR 0031; the modules' migration tests run the real thing. */
class ModuleSchemaTest {

    @Test
    void aModulesScriptsAndHistoryAreNamedAfterIt() {
        ModuleSchema signing = ModuleSchema.of("signing");
        assertThat(signing.locations()).isEqualTo("classpath:db/kyso-signing");
        assertThat(signing.historyTable()).isEqualTo("kyso_signing_schema_history");
        assertThat(signing.baselineVersion()).isEqualTo("0");
        assertThat(new ModuleSchema("archive", "1").historyTable()).isEqualTo("kyso_archive_schema_history");
    }

    @Test
    void aNameThatIsNotAModulesIsRefused() {
        // It becomes part of a table name and a class-path folder.
        assertThatIllegalArgumentException().isThrownBy(() -> ModuleSchema.of("kyso_api; drop"));
        assertThatIllegalArgumentException().isThrownBy(() -> ModuleSchema.of("Api"));
    }
}
