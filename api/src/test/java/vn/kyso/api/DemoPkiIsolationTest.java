package vn.kyso.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The production jar leaves the demo PKI out (ADR 0012), so no production class may need it except the
 * demo adapters, which load only with {@code kyso.demo.enabled=true}. Checked over the main classes of
 * every module on the api's class path.
 */
class DemoPkiIsolationTest {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // other modules' test-jars (fixtures, tests) are on this class path too; they are not the service
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("vn.kyso");
    private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages("vn.kyso.archfixture");

    static ArchRule onlyDemoAdaptersUseTheDemoPki() {
        return noClasses().that().resideOutsideOfPackages("vn.kyso.demopki..", "vn.kyso.*.demo..")
                .should().dependOnClassesThat().resideInAPackage("vn.kyso.demopki..")
                .because("the production jar does not carry the demo PKI (ADR 0012)");
    }

    @Test
    void onlyTheDemoAdaptersUseTheDemoPki() {
        onlyDemoAdaptersUseTheDemoPki().check(SERVICE);
    }

    @Test
    void theRuleSeesTheAdaptersAndCatchesAViolation() {
        // the three adapters are there to be seen (an import that finds nothing would pass any rule)
        assertThat(SERVICE.stream().map(c -> c.getName()))
                .contains("vn.kyso.api.demo.DemoConfiguration", "vn.kyso.signing.demo.DemoSigningSettings",
                        "vn.kyso.validation.demo.DemoValidationSettings", "vn.kyso.audit.autoconfigure.AuditAutoConfiguration");
        assertThat(onlyDemoAdaptersUseTheDemoPki().evaluate(FIXTURE).hasViolation()).isTrue();
    }
}
