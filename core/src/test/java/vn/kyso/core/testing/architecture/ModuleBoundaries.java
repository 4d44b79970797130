package vn.kyso.core.testing.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * A module's architecture test: extend it in the module's tests with a constructor calling
 * {@code super("<module>")}. The rules are those of {@link ModuleRules} for the module as
 * {@link KysoModules} declares it.
 */
public abstract class ModuleBoundaries {

    private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();
    private static final Map<String, JavaClasses> TESTS = new ConcurrentHashMap<>();

    private final KysoModule module;
    private final JavaClasses classes;
    private final JavaClasses tests;

    protected ModuleBoundaries(String moduleName) {
        this.module = KysoModules.named(moduleName);
        String root = module.root(KysoModules.BASE);
        this.classes = IMPORTED.computeIfAbsent(root, ModuleRules::mainClasses);
        this.tests = TESTS.computeIfAbsent(root, r -> new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS).importPackages(r));
    }

    @Test
    public void theRulesSeeTheModule() {
        // An import that finds nothing (a renamed package) would make every rule pass.
        assertThat(classes.stream().filter(c -> c.getPackageName().equals(module.root(KysoModules.BASE))))
                .as("classes in %s", module.root(KysoModules.BASE)).isNotEmpty();
    }

    @Test
    public void theRulesSeeTheModulesTests() {
        assertThat(tests.stream().filter(c -> c.getSimpleName().endsWith("ModuleBoundariesTest"))).isNotEmpty();
    }

    @Test
    public void testsNeverSkip() {
        ModuleRules.testsNeverSkip(module, KysoModules.BASE).check(tests);
    }

    @Test
    public void testsDoNotSleep() {
        ModuleRules.testsDoNotSleep(module, KysoModules.BASE).check(tests);
    }

    @Test
    public void usesOnlyTheModulesItDeclares() {
        ModuleRules.usesOnlyDeclaredModules(module, KysoModules.BASE).check(classes);
    }

    @Test
    public void leavesOtherModulesInternalsAlone() {
        ModuleRules.leavesOtherInternalsAlone(module, KysoModules.BASE).check(classes);
    }

    @Test
    public void engineTypesStayInInternal() {
        ModuleRules.engineTypesOnlyInInternal(module, KysoModules.BASE).check(classes);
    }

    @Test
    public void facadeHoldsInterfacesAndValues() {
        ModuleRules.facadeHoldsInterfacesAndValues(module, KysoModules.BASE).check(classes);
    }

    @Test
    public void facadeHidesItsInternals() {
        ModuleRules.facadeHidesItsInternals(module, KysoModules.BASE).check(classes);
    }
}
