package vn.kyso.validation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module's boundaries: no DSS, PDFBox or BouncyCastle type on the facade, internals hidden, no Spring inside. */
class ArchitectureTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.kyso.validation");

    @Test
    void theFacadeExposesNoLibraryTypes() {
        noClasses().that().resideInAPackage("vn.kyso.validation")
                .should().dependOnClassesThat().resideInAnyPackage("eu.europa.esig..", "org.apache.pdfbox..",
                        "org.bouncycastle..", "org.springframework..", "vn.kyso.validation.internal..")
                .check(MAIN);
    }

    @Test
    void internalsArePackagePrivateExceptTheServiceItself() {
        classes().that().resideInAPackage("vn.kyso.validation.internal")
                .and().doNotHaveSimpleName("DssValidationService")
                .and().areTopLevelClasses()
                .should().notBePublic()
                .check(MAIN);
    }

    @Test
    void springStaysInTheAutoConfiguration() {
        noClasses().that().resideOutsideOfPackage("vn.kyso.validation.autoconfigure")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(MAIN);
    }

    @Test
    void theDemoSettingsUseOnlyThePublicApi() {
        noClasses().that().resideInAPackage("vn.kyso.validation.demo")
                .should().dependOnClassesThat().resideInAnyPackage("vn.kyso.validation.internal..", "eu.europa.esig..")
                .check(MAIN);
    }

    @Test
    void nothingDependsOnTheApiOrOtherFeatureModules() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("vn.kyso.api..", "vn.kyso.signing..",
                "vn.kyso.archive..", "vn.kyso.conversion..").check(MAIN);
    }
}
