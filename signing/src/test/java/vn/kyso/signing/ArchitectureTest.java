package vn.kyso.signing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module's boundaries: no DSS, PDFBox or PKCS#11 type on the facade, internals hidden, no Spring inside. */
class ArchitectureTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.kyso.signing");

    @Test
    void theFacadeExposesNoLibraryTypes() {
        noClasses().that().resideInAPackage("vn.kyso.signing")
                .should().dependOnClassesThat().resideInAnyPackage("eu.europa.esig..", "org.apache.pdfbox..",
                        "sun.security.pkcs11..", "com.sun.jna..", "org.springframework..")
                .check(MAIN);
    }

    @Test
    void internalsArePackagePrivateExceptTheServiceItself() {
        classes().that().resideInAPackage("vn.kyso.signing.internal")
                .and().doNotHaveSimpleName("DssSigningService")
                .and().areTopLevelClasses()
                .should().notBePublic()
                .check(MAIN);
    }

    @Test
    void springStaysInTheAutoConfiguration() {
        noClasses().that().resideOutsideOfPackage("vn.kyso.signing.autoconfigure")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(MAIN);
    }

    @Test
    void nothingDependsOnTheApi() {
        noClasses().should().dependOnClassesThat().resideInAPackage("vn.kyso.api..").check(MAIN);
    }
}
