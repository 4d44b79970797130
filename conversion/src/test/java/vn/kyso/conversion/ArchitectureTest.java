package vn.kyso.conversion;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The facade's package shows no engine type (STYLE.md §5) and nothing in the module reaches for Spring but the edge. */
class ArchitectureTest {

    private static final JavaClasses MODULE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.kyso.conversion");

    static ArchRule publicApiHasNoEngineTypes() {
        return noClasses().that().resideInAPackage("vn.kyso.conversion")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.tika..", "org.apache.pdfbox..",
                        "org.verapdf..", "org.jodconverter..", "com.sun.star..", "org.springframework..")
                .because("the facade speaks in our records only");
    }

    static ArchRule springOnlyAtTheEdge() {
        return noClasses().that().resideInAPackage("vn.kyso.conversion.internal..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .because("module logic is plain Java that a test builds with new");
    }

    @Test
    void publicApiIsEngineFree() {
        publicApiHasNoEngineTypes().check(MODULE);
    }

    @Test
    void internalsAreSpringFree() {
        springOnlyAtTheEdge().check(MODULE);
    }

    @Test
    void theRulesSeeTheModule() {
        assertThat(MODULE.containPackage("vn.kyso.conversion.internal")).isTrue();
        assertThat(MODULE.stream().filter(c -> c.getPackageName().equals("vn.kyso.conversion")).count())
                .isGreaterThan(5);
    }
}
