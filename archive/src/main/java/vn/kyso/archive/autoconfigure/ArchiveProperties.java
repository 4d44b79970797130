package vn.kyso.archive.autoconfigure;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import vn.kyso.archive.ArchiveSettings;
import vn.kyso.archive.EvidenceHash;
import vn.kyso.archive.EvidenceRecordSettings;

/**
 * {@code kyso.archive.*}. With no settings at all the archive keeps its objects in
 * {@code var/archive/objects} and its catalogue in a private PostgreSQL under
 * {@code var/archive/postgres}. Storage and database secrets come from the environment
 * ({@code KYSO_ARCHIVE_S3_SECRET_KEY}, {@code KYSO_ARCHIVE_DATABASE_PASSWORD}), never from files in
 * the repository.
 *
 * @param enabled   false leaves the archive out (signing and validation still work)
 * @param directory where the zero-setup defaults keep their data
 * @param store     the object store
 * @param database  the catalogue database
 */
@ConfigurationProperties("kyso.archive")
public record ArchiveProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("var/archive") Path directory,
        @DefaultValue Store store,
        @DefaultValue Database database,
        @DefaultValue("50MB") DataSize maxDocumentSize,
        @DefaultValue("365d") Duration renewalMargin,
        @DefaultValue("1825d") Duration maxEvidenceAge,
        @DefaultValue("10m") Duration recoveryGrace,
        @DefaultValue("100") int permanentRetentionYears,
        @DefaultValue("2m") Duration jobStaleAfter,
        @DefaultValue EvidenceRecords evidenceRecords) {

    /**
     * {@code kyso.archive.evidence-records.*}: RFC 4998 evidence records (ADR 0023).
     *
     * @param tsaUrl         the TSA that stamps each hash tree; empty: the one signing uses
     * @param hash           the hash of new trees; changing it rehashes every record (hash-tree renewal)
     * @param treeSize       records per tree, so per TSA call
     * @param renewalMargin  renew an archive time-stamp this long before its TSA certificate expires
     * @param networkTimeout connect and read timeout of the TSA request
     */
    public record EvidenceRecords(String tsaUrl, @DefaultValue("SHA_256") EvidenceHash hash,
            @DefaultValue("16384") int treeSize, @DefaultValue("365d") Duration renewalMargin,
            @DefaultValue("10s") Duration networkTimeout) {

        EvidenceRecordSettings toSettings() {
            return new EvidenceRecordSettings(tsaUrl, hash, treeSize, renewalMargin, networkTimeout);
        }
    }

    /**
     * @param type       {@code filesystem} (default) or {@code s3}
     * @param root       the filesystem store's directory, default {@code <directory>/objects}
     * @param endpoint   the S3 endpoint, e.g. {@code https://minio.example.gov.vn}
     * @param objectLock create the bucket with S3 Object Lock and retain objects in COMPLIANCE mode
     */
    public record Store(@DefaultValue("filesystem") String type, Path root, URI endpoint,
            @DefaultValue("kyso-archive") String bucket, String region, String accessKey, String secretKey,
            @DefaultValue("true") boolean objectLock) {

        @Override
        public String toString() {
            return "Store[type=" + type + ", root=" + root + ", endpoint=" + endpoint + ", bucket=" + bucket
                    + ", secretKey=" + (secretKey == null ? "unset" : "****") + "]";
        }
    }

    /**
     * @param url      JDBC URL of an operated PostgreSQL; empty starts a private server under
     *                 {@code <directory>/postgres} from the Debian postgresql binaries
     * @param port     the private server's port, 0 for any free one
     * @param connectionTimeout how long a request waits for a connection before it answers 503
     *                 CATALOGUE_UNAVAILABLE; also the driver's TCP connect timeout (whole seconds), so a
     *                 dead or unreachable database costs a request about this long, not 20 s
     */
    public record Database(String url, String username, String password, @DefaultValue("0") int port,
            @DefaultValue("10") int maxConnections, @DefaultValue("2s") Duration connectionTimeout) {

        @Override
        public String toString() {
            return "Database[url=" + url + ", username=" + username + ", password="
                    + (password == null ? "unset" : "****") + "]";
        }
    }

    ArchiveSettings toSettings() {
        return new ArchiveSettings(maxDocumentSize.toBytes(), renewalMargin, maxEvidenceAge, recoveryGrace,
                permanentRetentionYears, jobStaleAfter);
    }
}
