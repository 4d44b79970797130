package vn.kyso.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web layer talks to modules through their facades only (STYLE.md §5) and keeps controllers
 * package-private (§2). Each rule is also run against a deliberate violation, so a rule that can
 * never fail would be noticed.
 */
class ArchitectureTest {

    private static final JavaClasses API = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.kyso.api");
    private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages("vn.kyso.archfixture");

    static ArchRule noEngineTypes(String packages) {
        return noClasses().that().resideInAPackage(packages)
                .should().dependOnClassesThat()
                .resideInAnyPackage("eu.europa.esig..", "org.apache.pdfbox..", "sun.security.pkcs11..")
                .because("DSS, PDFBox and PKCS#11 stay behind the signing facade");
    }

    static ArchRule controllersArePackagePrivate(String packages) {
        return classes().that().resideInAPackage(packages).and().areAnnotatedWith(RestController.class)
                .should().notBePublic()
                .because("controllers are reached through HTTP, never called as Java API");
    }

    @Test
    void apiUsesNoSigningEngineTypes() {
        noEngineTypes("vn.kyso.api..").check(API);
    }

    @Test
    void apiUsesModulesThroughTheirPublicPackagesOnly() {
        noClasses().that().resideInAPackage("vn.kyso.api..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.kyso.*.internal..")
                .because("the modules' internals may change without notice (STYLE.md §2)")
                .check(API);
    }

    @Test
    void controllersArePackagePrivate() {
        controllersArePackagePrivate("vn.kyso.api..").check(API);
    }

    @Test
    void rulesCatchViolations() {
        assertThat(noEngineTypes("vn.kyso.archfixture..").evaluate(FIXTURE).hasViolation()).isTrue();
        assertThat(controllersArePackagePrivate("vn.kyso.archfixture..").evaluate(FIXTURE).hasViolation()).isTrue();
    }

    @Test
    void theRulesSeeTheControllers() {
        // Guards against an import that silently finds nothing, for example after a package rename.
        assertThat(API.stream().filter(c -> c.isAnnotatedWith(RestController.class)).count()).isGreaterThanOrEqualTo(3);
    }
}
