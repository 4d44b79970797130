package vn.kyso.core.testing.architecture;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One module of the service as the architecture rules see it.
 *
 * @param name              the Maven module's directory
 * @param packageName       the package under the base ({@code vn.kyso}) that holds the module
 * @param dependsOn         names of the modules its main code may use
 * @param engineExemptions  sub-packages (relative to the module root) allowed engine types outside
 *                          {@code internal}, each with the reason; known debt, kept visible here
 * @param facadeExemptions  simple names of public classes in the root package that are neither values
 *                          nor the facade, each with the reason
 */
public record KysoModule(String name, String packageName, Set<String> dependsOn,
        Map<String, String> engineExemptions, Map<String, String> facadeExemptions) {

    public KysoModule {
        Objects.requireNonNull(name);
        Objects.requireNonNull(packageName);
        dependsOn = Set.copyOf(dependsOn);
        engineExemptions = Map.copyOf(engineExemptions);
        facadeExemptions = Map.copyOf(facadeExemptions);
    }

    static KysoModule of(String name, String... dependsOn) {
        return new KysoModule(name, name.replace("-", ""), Set.of(dependsOn), Map.of(), Map.of());
    }

    /** The module under another package than its name without dashes. */
    KysoModule inPackage(String packageName) {
        return new KysoModule(name, packageName, dependsOn, engineExemptions, facadeExemptions);
    }

    KysoModule engineTypesAllowedIn(String subPackage, String reason) {
        Map<String, String> more = new LinkedHashMap<>(engineExemptions);
        more.put(subPackage, reason);
        return new KysoModule(name, packageName, dependsOn, more, facadeExemptions);
    }

    KysoModule facadeMayHold(String simpleName, String reason) {
        Map<String, String> more = new LinkedHashMap<>(facadeExemptions);
        more.put(simpleName, reason);
        return new KysoModule(name, packageName, dependsOn, engineExemptions, more);
    }

    /**
     * A module that is an engine adapter as a whole (no facade of records and enums): engine types
     * anywhere in it and public classes in its root package; who may use it is the graph's business.
     */
    KysoModule engineAdapter(String reason) {
        return engineTypesAllowedIn("", reason).facadeMayHold(ANY_CLASS, reason);
    }

    /** The facade exemption that covers every class of the root package. */
    static final String ANY_CLASS = "*";

    /** The module's root package under {@code base}, e.g. {@code vn.kyso.signing}. */
    public String root(String base) {
        return base + "." + packageName;
    }

    /** ArchUnit package patterns of the sub-packages allowed engine types, under {@code base}. */
    List<String> engineExemptPatterns(String base) {
        return engineExemptions.keySet().stream()
                .map(p -> p.isEmpty() ? root(base) + ".." : root(base) + "." + p + "..").toList();
    }
}
