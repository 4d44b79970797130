package vn.kyso.api.session;

import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import vn.kyso.api.cluster.ApiSchema;
import vn.kyso.api.cluster.ClusterJobs;
import vn.kyso.core.logging.LogContext;

/**
 * The pages' sessions in PostgreSQL, as Spring Boot's session auto-configuration sets them up whenever the
 * service has a database (the archive's pool; without one, sessions stay in the instance's memory). Two
 * things are ours: the tables come from the api's migration ({@link ApiSchema}; Boot's
 * {@code initialize-schema} is {@code never}), and expired sessions are deleted by one instance per tick
 * ({@link ClusterJobs}) instead of Spring Session's own cron on every instance ({@code cleanup-cron: "-"}).
 * Cookie flags ({@code server.servlet.session.cookie.*}) and Spring Security's session fixation protection
 * (a new id at login) apply to these sessions as they did to the container's. Attribute values are JSON
 * ({@link JsonSessionAttributes}), not Java-serialised, so instances of different versions share sessions.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PageSessionsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PageSessionsConfiguration.class);

    /** Longer than a clean-up takes; only matters when an instance dies while cleaning. */
    static final Duration AT_MOST = Duration.ofMinutes(10);
    /** Shorter than the schedule (every minute), longer than clock skew between instances. */
    static final Duration AT_LEAST = Duration.ofSeconds(30);

    @Bean
    SessionCleanup sessionCleanup(ObjectProvider<JdbcIndexedSessionRepository> sessions,
            ObjectProvider<DataSource> database, ClusterJobs cluster) {
        return new SessionCleanup(sessions, database, cluster);
    }

    /**
     * The name is Spring Session's: its JDBC repository converts attribute values with the bean of that name.
     * Not a default candidate, so nothing asking for "a" conversion service by type gets this one.
     */
    @Bean(defaultCandidate = false)
    ConversionService springSessionConversionService() {
        return new JsonSessionAttributes(PageSessionsConfiguration.class.getClassLoader()).conversionService();
    }

    /** Called by Boot when it builds the JDBC session repository, and only then. */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> kysoSessionTables(
            ObjectProvider<SessionCleanup> cleanup) {
        return repository -> cleanup.getObject().tablesReady();
    }

    /** Deletes expired sessions, on one instance of the cluster per tick. */
    static final class SessionCleanup {

        private final ObjectProvider<JdbcIndexedSessionRepository> sessions;
        private final ObjectProvider<DataSource> database;
        private final ClusterJobs cluster;
        private volatile ApiSchema schema;

        SessionCleanup(ObjectProvider<JdbcIndexedSessionRepository> sessions, ObjectProvider<DataSource> database,
                ClusterJobs cluster) {
            this.sessions = sessions;
            this.database = database;
            this.cluster = cluster;
        }

        @Scheduled(cron = "${kyso.api.session-cleanup-cron:0 * * * * *}")
        void tick() {
            JdbcIndexedSessionRepository repository = sessions.getIfAvailable();
            if (repository == null) {
                return;
            }
            LogContext.runAsJob("session-cleanup", () -> cluster.runOnce("page-session-cleanup", AT_MOST, AT_LEAST,
                    () -> cleanUp(repository)));
        }

        /** @return whether the clean-up ran (false: the database is down; the next tick tries again) */
        boolean cleanUp(JdbcIndexedSessionRepository repository) {
            if (!tablesReady()) {
                return false;
            }
            try {
                repository.cleanUpExpiredSessions();
                return true;
            } catch (RuntimeException e) {
                log.warn("expired sessions not cleaned up: {}", e.getMessage());
                return false;
            }
        }

        /** Migrates the sessions' tables unless done; false while the database cannot be reached. */
        boolean tablesReady() {
            DataSource db = database.getIfAvailable();
            if (db == null) {
                return false;
            }
            ApiSchema s = schema;
            if (s == null) {
                s = new ApiSchema(db);
                schema = s;
            }
            try {
                return s.migrate();
            } catch (RuntimeException e) {
                // The service starts without its database and answers 503 until it is back; the next tick
                // migrates then (a session's first use before that fails as any database use does).
                log.warn("the sessions' tables could not be migrated yet: {}", e.getMessage());
                return false;
            }
        }
    }
}
