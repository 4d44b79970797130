package vn.kyso.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * {@code dss-support} (package {@code vn.kyso.dss}) is engine support: its public classes carry DSS types,
 * so only the modules' {@code internal} packages may use them, never a facade, the api or another module's
 * public package. Checked over the main classes of every module on the api's class path.
 */
class DssSupportIsolationTest {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.kyso");
    private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages("vn.kyso.archfixture");

    static ArchRule onlyInternalsUseDssSupport() {
        return noClasses().that().resideOutsideOfPackages("vn.kyso.dss..", "vn.kyso.*.internal..")
                .should().dependOnClassesThat().resideInAPackage("vn.kyso.dss..")
                .because("DSS types stay inside the engine modules' internals (STYLE.md §5)");
    }

    @Test
    void onlyModuleInternalsUseDssSupport() {
        onlyInternalsUseDssSupport().check(SERVICE);
    }

    @Test
    void theRuleSeesItsUsersAndCatchesAViolation() {
        // signing's and validation's engines are the users: an import that found neither would pass any rule
        assertThat(SERVICE.get("vn.kyso.signing.internal.DssToolkit").getDirectDependenciesFromSelf())
                .anyMatch(d -> d.getTargetClass().getName().equals("vn.kyso.dss.PolicedDataLoader"));
        assertThat(SERVICE.get("vn.kyso.validation.internal.DssEngine").getDirectDependenciesFromSelf())
                .anyMatch(d -> d.getTargetClass().getName().equals("vn.kyso.dss.CachedRevocationSource"));
        assertThat(SERVICE.stream().map(JavaClass::getName)).doesNotContain(
                "vn.kyso.signing.internal.PolicedDataLoader", "vn.kyso.signing.internal.CachedRevocationSource",
                "vn.kyso.validation.internal.HttpOnlyDataLoader", "vn.kyso.validation.internal.CachedRevocationSource");
        assertThat(onlyInternalsUseDssSupport().evaluate(FIXTURE).hasViolation()).isTrue();
    }
}
