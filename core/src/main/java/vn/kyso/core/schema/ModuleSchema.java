package vn.kyso.core.schema;

import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A module's own Flyway migration: scripts in {@code classpath:db/kyso-<module>}, history in
 * {@code kyso_<module>_schema_history}, and a baseline on migrate, so the modules share one database
 * schema with a history each (ADR 0031, ADR 0035).
 *
 * <p>It lives in core because every module with tables depends on core and on nothing common else, and
 * Flyway is not one of the engine libraries whose types must stay in a module's {@code internal} package
 * (STYLE.md §5, {@code KysoModules.ENGINE_PACKAGES}): its signature holds only a {@link DataSource} and
 * strings. Flyway is an optional dependency of core, so the modules without tables do not get it on their
 * class path; a module that migrates declares {@code flyway-core} and {@code flyway-database-postgresql}
 * itself, as before. Failures are Flyway's {@code FlywayException} as they were, for each module to map
 * onto its own error model.
 *
 * @param module          the module's name, e.g. {@code signing}
 * @param baselineVersion the version a schema that already holds tables but no history of this module is
 *                        baselined at: {@code 0} (the default) so that the module's V1 still runs there
 */
public record ModuleSchema(String module, String baselineVersion) {

    private static final Pattern NAME = Pattern.compile("[a-z]+");

    public ModuleSchema {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(baselineVersion, "baselineVersion");
        if (!NAME.matcher(module).matches()) {
            throw new IllegalArgumentException("a module's schema is named by lower-case letters: " + module);
        }
    }

    /**
     * A module migrated with baseline version 0: the shared schema already holds the other modules' tables
     * when this module first migrates, and its V1 must still run.
     */
    public static ModuleSchema of(String module) {
        return new ModuleSchema(module, "0");
    }

    /** Where the module's scripts are. */
    public String locations() {
        return "classpath:db/kyso-" + module;
    }

    /** The module's own history table. */
    public String historyTable() {
        return "kyso_" + module + "_schema_history";
    }

    /**
     * Brings the module's tables up to date; Flyway's lock keeps instances starting together from racing.
     *
     * @throws org.flywaydb.core.api.FlywayException when the database cannot be reached or a script fails
     */
    public void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations(locations()).table(historyTable())
                .baselineOnMigrate(true).baselineVersion(baselineVersion).load().migrate();
    }
}
