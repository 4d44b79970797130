package vn.kyso.core.testing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules, as functions of a module and the base package, so the same rules run on the service
 * ({@link KysoModules#BASE}) and on the deliberately violating fixture in api's tests (another base).
 */
public final class ModuleRules {

    private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar.*");

    private ModuleRules() {
    }

    /** The module's main classes: test classes and test-jars are left out, whichever way Maven hands them over. */
    public static JavaClasses mainClasses(String... packages) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.matches(TEST_JAR))
                .importPackages(packages);
    }

    /** Its classes use only the modules it declares (no back edge, no undeclared or transitive edge). */
    public static ArchRule usesOnlyDeclaredModules(KysoModule module, String base) {
        List<String> others = new ArrayList<>();
        for (KysoModule other : KysoModules.ALL) {
            if (!other.equals(module) && !module.dependsOn().contains(other.name())) {
                others.add(other.root(base) + "..");
            }
        }
        return noClasses().that().resideInAPackage(module.root(base) + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others.toArray(String[]::new))
                .because(module.name() + " may use " + (module.dependsOn().isEmpty() ? "no other module"
                        : String.join(", ", module.dependsOn())) + " only (KysoModules)")
                .allowEmptyShould(true);
    }

    /** Its classes reach other modules through their public packages only (STYLE.md §2). */
    public static ArchRule leavesOtherInternalsAlone(KysoModule module, String base) {
        String root = module.root(base);
        DescribedPredicate<JavaClass> foreignInternal = DescribedPredicate.describe(
                "are in another module's internal package",
                c -> c.getPackageName().startsWith(base + ".")
                        && !(c.getPackageName().equals(root) || c.getPackageName().startsWith(root + "."))
                        && (c.getPackageName().endsWith(".internal") || c.getPackageName().contains(".internal.")));
        return noClasses().that().resideInAPackage(root + "..")
                .should().dependOnClassesThat(foreignInternal)
                .because("a module's internals may change without notice")
                .allowEmptyShould(true);
    }

    /** DSS, PDFBox, BouncyCastle, MinIO and Tika types only in the module's internal packages (STYLE.md §5). */
    public static ArchRule engineTypesOnlyInInternal(KysoModule module, String base) {
        List<String> allowed = new ArrayList<>(module.engineExemptPatterns(base));
        allowed.add(module.root(base) + ".internal..");
        return noClasses().that().resideInAPackage(module.root(base) + "..")
                .and().resideOutsideOfPackages(allowed.toArray(String[]::new))
                .should().dependOnClassesThat().resideInAnyPackage(KysoModules.ENGINE_PACKAGES.toArray(String[]::new))
                .because("adapters in internal map engine types to our records")
                .allowEmptyShould(true);
    }

    /**
     * The root package is the facade: the facade interface, records, enums, sealed interfaces and the
     * module's exception; no public class with behaviour of its own (STYLE.md §2, §4).
     */
    public static ArchRule facadeHoldsInterfacesAndValues(KysoModule module, String base) {
        return classes().that().resideInAPackage(module.root(base))
                .and().arePublic().and().areTopLevelClasses()
                .and().doNotHaveSimpleName("package-info")
                .and(DescribedPredicate.describe("are not exempt in KysoModules",
                        (JavaClass c) -> !module.facadeExemptions().containsKey(KysoModule.ANY_CLASS)
                                && !module.facadeExemptions().containsKey(c.getSimpleName())))
                .should().beInterfaces().orShould().beRecords().orShould().beEnums()
                .orShould().beAssignableTo(Throwable.class)
                .because("a facade exposes records and enums behind an interface")
                .allowEmptyShould(true);
    }

    /** The facade's package does not depend on the module's own internals. */
    public static ArchRule facadeHidesItsInternals(KysoModule module, String base) {
        return noClasses().that().resideInAPackage(module.root(base))
                .should().dependOnClassesThat().resideInAPackage(module.root(base) + ".internal..")
                .because("callers must be able to use the facade without the implementation's types")
                .allowEmptyShould(true);
    }

    /**
     * Test classes never skip: no assumptions, no {@code @Disabled}, no conditional execution. On CI a
     * missing tool is a failure, so a test asserts the tool is there instead (ADR 0010).
     */
    public static ArchRule testsNeverSkip(KysoModule module, String base) {
        return noClasses().that().resideInAPackage(module.root(base) + "..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.junit.jupiter.api.Assumptions")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.junit.jupiter.api.Disabled")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.junit.Assume")
                .orShould().dependOnClassesThat().resideInAPackage("org.junit.jupiter.api.condition")
                .because("a test that skips when a tool is missing passes on a machine that checks nothing")
                .allowEmptyShould(true);
    }

    /**
     * Classes whose fixed sleeps are not a test waiting for something: each with its reason. Everything
     * else waits with {@link vn.kyso.core.testing.Eventually} or an injected clock.
     */
    public static final Map<String, String> MAY_SLEEP = Map.of(
            "Eventually", "the polling helper itself",
            "JadesEndToEndTest", "waits as long as a 429's Retry-After says, as clients must",
            "LettersEndToEndTest", "waits as long as a 429's Retry-After says, as clients must",
            "MarksOnConvertedDocxEndToEndTest", "waits as long as a 429's Retry-After says, as clients must",
            "S3TestServer", "polls the S3Mock process it starts, which runs outside the JVM",
            "ObjectStoreContractTest", "waits until a retention date on the S3 server's own clock",
            "ArchiveBenchmark", "benchmarks are measured runs, not tests that wait",
            "LoadBenchmark", "benchmarks are measured runs, not tests that wait");

    /** Tests that wait poll for the condition or move an injected clock; they do not sleep a fixed time. */
    public static ArchRule testsDoNotSleep(KysoModule module, String base) {
        return noClasses().that().resideInAPackage(module.root(base) + "..")
                .and(DescribedPredicate.describe("are not listed in MAY_SLEEP",
                        (JavaClass c) -> !MAY_SLEEP.containsKey(c.getEnclosingClass().orElse(c).getSimpleName())))
                .should().callMethod(Thread.class, "sleep", long.class)
                .orShould().callMethod(Thread.class, "sleep", long.class, int.class)
                .because("a fixed sleep is too short on a loaded machine and too long everywhere else")
                .allowEmptyShould(true);
    }

    /** Every rule of one module. */
    public static List<ArchRule> all(KysoModule module, String base) {
        return List.of(usesOnlyDeclaredModules(module, base), leavesOtherInternalsAlone(module, base),
                engineTypesOnlyInInternal(module, base), facadeHoldsInterfacesAndValues(module, base),
                facadeHidesItsInternals(module, base));
    }

    /** Every class under {@code base} belongs to a declared module. */
    public static ArchRule everyPackageIsADeclaredModule(String base) {
        String[] roots = KysoModules.ALL.stream().map(m -> m.root(base) + "..").toArray(String[]::new);
        return classes().that().resideInAPackage(base + "..").and().doNotHaveSimpleName("package-info")
                .should().resideInAnyPackage(roots)
                .because("a module not in KysoModules.ALL would escape the graph's rules");
    }
}
