package vn.kyso.exchange;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module's boundaries: other modules through their facades only, internals hidden, Spring at the edge. */
class ExchangeArchitectureTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.kyso.exchange");

    @Test
    void otherModulesOnlyThroughTheirPublicFacades() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("vn.kyso.signing.internal..",
                "vn.kyso.validation.internal..", "vn.kyso.archive.internal..", "vn.kyso.archive.spi..",
                "vn.kyso.api..", "vn.kyso.conversion..", "eu.europa.esig..", "org.apache.pdfbox..")
                .check(MAIN);
    }

    @Test
    void theFacadeHidesTheImplementation() {
        noClasses().that().resideInAPackage("vn.kyso.exchange")
                .should().dependOnClassesThat().resideInAnyPackage("vn.kyso.exchange.internal..",
                        "org.springframework..", "org.w3c.dom..")
                .check(MAIN);
    }

    @Test
    void internalsArePackagePrivateExceptTheServiceItself() {
        classes().that().resideInAPackage("vn.kyso.exchange.internal")
                .and().doNotHaveSimpleName("EdxmlExchangeService")
                .and().areTopLevelClasses()
                .should().notBePublic()
                .check(MAIN);
    }

    @Test
    void springStaysInTheAutoConfiguration() {
        noClasses().that().resideOutsideOfPackage("vn.kyso.exchange.autoconfigure")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(MAIN);
    }
}
