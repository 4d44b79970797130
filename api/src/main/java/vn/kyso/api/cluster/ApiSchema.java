package vn.kyso.api.cluster;

import javax.sql.DataSource;
import vn.kyso.core.schema.ModuleSchema;

/**
 * The api's own tables (the pages' sessions and the cluster's job locks), migrated by Flyway with a
 * history of their own ({@code db/kyso-api}, {@code kyso_api_schema_history}), as each module migrates its
 * own. Spring Session's start-up script stays off in every profile: a schema changed by a script no history
 * records cannot be migrated later. Both users (the sessions and {@link ClusterJobs}) migrate before their
 * first use; the second finds nothing to do.
 */
public final class ApiSchema {

    private static final ModuleSchema SCHEMA = ModuleSchema.of("api");

    public static final String HISTORY = SCHEMA.historyTable();

    private final DataSource dataSource;
    private volatile boolean migrated;

    public ApiSchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Brings the tables up to date once; a database that was down is tried again on the next call.
     *
     * @return whether the tables are up to date
     */
    public synchronized boolean migrate() {
        if (!migrated) {
            // Version 0 as baseline: the schema already holds the modules' tables, and V1 must still run.
            SCHEMA.migrate(dataSource);
            migrated = true;
        }
        return migrated;
    }
}
