package vn.kyso.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.kyso.core.testing.architecture.KysoModule;
import vn.kyso.core.testing.architecture.KysoModules;
import vn.kyso.core.testing.architecture.ModuleRules;

/**
 * The whole module graph (STYLE.md §1), checked where every module is on the class path: each module
 * uses only the modules KysoModules declares for it and no other module's internals, and nothing under
 * {@code vn.kyso} escapes the declaration. The same rules run on a violating fixture to show they fail.
 */
class ModuleGraphTest {

    private static final JavaClasses SERVICE = ModuleRules.mainClasses(KysoModules.BASE);
    private static final String FIXTURE_BASE = "vn.kyso.archfixture.graph";
    private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages(FIXTURE_BASE);

    @Test
    void everyDeclaredModuleIsOnTheClassPath() {
        for (KysoModule module : KysoModules.ALL) {
            String root = module.root(KysoModules.BASE);
            assertThat(SERVICE.stream().filter(c -> c.getPackageName().equals(root)))
                    .as("%s (%s) declared in KysoModules but not on api's test class path", module.name(), root)
                    .isNotEmpty();
        }
    }

    @Test
    void everyPackageBelongsToADeclaredModule() {
        ModuleRules.everyPackageIsADeclaredModule(KysoModules.BASE).check(SERVICE);
    }

    @Test
    void theDeclaredGraphIsAcyclicAndModulesDoNotNest() {
        // Dependencies are declared before their users, so a declared back edge cannot exist.
        Set<String> seen = new HashSet<>();
        for (KysoModule module : KysoModules.ALL) {
            assertThat(seen).as("modules %s uses, declared before it", module.name()).containsAll(module.dependsOn());
            seen.add(module.name());
        }
        for (KysoModule a : KysoModules.ALL) {
            for (KysoModule b : KysoModules.ALL) {
                assertThat(a.equals(b) || !b.root("x").startsWith(a.root("x") + "."))
                        .as("%s nests in %s", b.name(), a.name()).isTrue();
            }
        }
    }

    @Test
    void theServiceKeepsTheGraph() {
        List<String> failures = new ArrayList<>();
        for (KysoModule module : KysoModules.ALL) {
            for (ArchRule rule : List.of(ModuleRules.usesOnlyDeclaredModules(module, KysoModules.BASE),
                    ModuleRules.leavesOtherInternalsAlone(module, KysoModules.BASE))) {
                EvaluationResult result = rule.evaluate(SERVICE);
                if (result.hasViolation()) {
                    failures.add(result.getFailureReport().toString());
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aBackEdgeFails() {
        assertThat(violations(ModuleRules.usesOnlyDeclaredModules(fixture("core"), FIXTURE_BASE)))
                .anySatisfy(v -> assertThat(v).contains("graph.core.BackEdge").contains("graph.signing.Signer"));
        // The allowed edges of the same fixture pass: signing on core, archive on signing.
        assertThat(violations(ModuleRules.usesOnlyDeclaredModules(fixture("signing"), FIXTURE_BASE))).isEmpty();
        assertThat(violations(ModuleRules.usesOnlyDeclaredModules(fixture("archive"), FIXTURE_BASE))).isEmpty();
    }

    @Test
    void anotherModulesInternalsFail() {
        assertThat(violations(ModuleRules.leavesOtherInternalsAlone(fixture("archive"), FIXTURE_BASE)))
                .isNotEmpty()
                .allSatisfy(v -> assertThat(v).contains("graph.archive.Peeker").contains("graph.signing.internal.DssSigner"));
        // A module's own internals are its own.
        assertThat(violations(ModuleRules.leavesOtherInternalsAlone(fixture("signing"), FIXTURE_BASE))).isEmpty();
    }

    @Test
    void engineTypesOutsideInternalFail() {
        assertThat(violations(ModuleRules.engineTypesOnlyInInternal(fixture("signing"), FIXTURE_BASE)))
                .isNotEmpty()
                .allSatisfy(v -> assertThat(v).contains("graph.signing.LeakyFacade").contains("eu.europa.esig"));
    }

    @Test
    void aFacadeWithBehaviourOrInternalsFails() {
        assertThat(violations(ModuleRules.facadeHoldsInterfacesAndValues(fixture("signing"), FIXTURE_BASE)))
                .isNotEmpty().allSatisfy(v -> assertThat(v).contains("graph.signing.LeakyFacade"));
        assertThat(violations(ModuleRules.facadeHidesItsInternals(fixture("signing"), FIXTURE_BASE)))
                .isNotEmpty()
                .allSatisfy(v -> assertThat(v).contains("graph.signing.SignerFactory").contains("DssSigner"));
        assertThat(violations(ModuleRules.facadeHoldsInterfacesAndValues(fixture("core"), FIXTURE_BASE))).isEmpty();
    }

    @Test
    void aSkippingOrSleepingTestFails() {
        assertThat(violations(ModuleRules.testsNeverSkip(fixture("core"), FIXTURE_BASE)))
                .isNotEmpty().allSatisfy(v -> assertThat(v).contains("graph.core.SkippingProbe").contains("Assumptions"));
        assertThat(violations(ModuleRules.testsDoNotSleep(fixture("core"), FIXTURE_BASE)))
                .isNotEmpty().allSatisfy(v -> assertThat(v).contains("graph.core.SkippingProbe").contains("Thread.sleep"));
        assertThat(violations(ModuleRules.testsNeverSkip(fixture("signing"), FIXTURE_BASE))).isEmpty();
    }

    @Test
    void anUndeclaredModuleFails() {
        assertThat(violations(ModuleRules.everyPackageIsADeclaredModule(FIXTURE_BASE)))
                .isNotEmpty().allSatisfy(v -> assertThat(v).contains("graph.rogue.Rogue"));
    }

    private static KysoModule fixture(String name) {
        return KysoModules.named(name);
    }

    private static List<String> violations(ArchRule rule) {
        return rule.evaluate(FIXTURE).getFailureReport().getDetails();
    }
}
