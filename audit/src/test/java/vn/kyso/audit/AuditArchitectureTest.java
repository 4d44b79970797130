package vn.kyso.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The facade shows no implementation type, and Spring stays in the auto-configuration (STYLE.md §2, §5, §8). */
class AuditArchitectureTest {

    private static final JavaClasses AUDIT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.kyso.audit");

    @Test
    void theFacadeShowsNoImplementationTypes() {
        noClasses().that().resideInAPackage("vn.kyso.audit")
                .should().dependOnClassesThat().resideInAnyPackage("vn.kyso.audit.internal..", "org.bouncycastle..",
                        "org.flywaydb..", "org.postgresql..", "java.sql..", "javax.sql..")
                .check(AUDIT);
    }

    @Test
    void springOnlyInTheAutoConfiguration() {
        noClasses().that().resideInAnyPackage("vn.kyso.audit", "vn.kyso.audit.internal..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(AUDIT);
    }

    @Test
    void theRulesSeeThePackages() {
        assertThat(AUDIT.stream().map(c -> c.getPackageName()).distinct())
                .contains("vn.kyso.audit", "vn.kyso.audit.internal", "vn.kyso.audit.autoconfigure");
    }
}
