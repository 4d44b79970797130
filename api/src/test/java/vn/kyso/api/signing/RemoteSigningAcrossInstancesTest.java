package vn.kyso.api.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import eu.europa.esig.dss.enumerations.Indication;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kyso.archive.testing.ArchiveFixture;
import vn.kyso.core.revocation.RevocationCache;
import vn.kyso.demopki.DemoPki;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.CompleteRequest;
import vn.kyso.signing.Document;
import vn.kyso.signing.DssVerdicts;
import vn.kyso.signing.PrepareRequest;
import vn.kyso.signing.PreparedSignature;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SignedDocument;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.SigningFixture;
import vn.kyso.signing.internal.DssSigningService;
import vn.kyso.signing.internal.SampleLetters;

/**
 * Two-step signing when {@code complete} reaches another instance or comes after a restart (issue #13):
 * signing services that share nothing but one PostgreSQL, as instances behind a load balancer do.
 */
class RemoteSigningAcrossInstancesTest {

    static final Document LETTER = new Document("công-văn.pdf", SampleLetters.pages(2));
    static final Document XML = new Document("to-trinh.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ToTrinh><TrichYeu>Về việc cấp phép</TrichYeu></ToTrinh>"
                    .getBytes(StandardCharsets.UTF_8));

    static HikariDataSource db;
    static final DemoPki PKI = SigningFixture.pki();

    @BeforeAll
    static void database() {
        db = ArchiveFixture.newDatabase("remote_signing");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** A new instance: its own caches and memory, the shared database. */
    static DssSigningService instance() {
        return instance(db);
    }

    static DssSigningService instance(HikariDataSource database) {
        var settings = SigningFixture.settings();
        return new DssSigningService(settings, Clock.systemUTC(), new RevocationCache(
                RevocationCache.Settings.defaults(settings.revocationCacheMaxAge()), Clock.systemUTC()), () -> database);
    }

    @Test
    void preparedOnOneInstanceCompletedOnAnotherWithAVisibleSignature() throws Exception {
        try (DssSigningService a = instance(); DssSigningService b = instance()) {
            // The attachment layout prints the signing time: the rebuilt appearance must match to the byte.
            SignOptions options = new SignOptions(null, SignatureLevel.B_LT, null, Appearance.ATTACHMENT, null,
                    "12/UBND-VP", null, null, null);
            PreparedSignature prepared = a.prepare(new PrepareRequest(LETTER, chain(), options, "chuyen-vien-1"));

            SignedDocument signed = b.complete(new CompleteRequest(prepared.id(), deviceSigns(prepared),
                    "chuyen-vien-1"));

            assertThat(signed.signingTime()).isEqualTo(prepared.signingTime());
            assertThat(DssVerdicts.validate(PKI, signed.content()))
                    .extracting(DssVerdicts.Verdict::indication).containsExactly(Indication.TOTAL_PASSED);
            assertRefused(() -> a.complete(new CompleteRequest(prepared.id(), deviceSigns(prepared),
                    "chuyen-vien-1")), SigningError.PREPARED_SIGNATURE_NOT_FOUND);
        }
    }

    @Test
    void preparedBeforeARestartCompletedAfterIt() throws Exception {
        PreparedSignature prepared;
        try (DssSigningService before = instance()) {
            prepared = before.prepare(new PrepareRequest(XML, chain(), SignOptions.defaults(SignatureLevel.B_T),
                    "chuyen-vien-2"));
        }
        try (DssSigningService after = instance()) {
            SignedDocument signed = after.complete(new CompleteRequest(prepared.id(), deviceSigns(prepared),
                    "chuyen-vien-2"));
            assertThat(DssVerdicts.validate(PKI, signed.content()))
                    .extracting(DssVerdicts.Verdict::indication).containsExactly(Indication.TOTAL_PASSED);
        }
    }

    @Test
    void anotherCallerCannotCompleteItAndAWrongValueDoesNotDestroyIt() throws Exception {
        try (DssSigningService a = instance(); DssSigningService b = instance()) {
            PreparedSignature prepared = a.prepare(new PrepareRequest(LETTER, chain(),
                    SignOptions.defaults(SignatureLevel.B_B), "chuyen-vien-3"));
            byte[] value = deviceSigns(prepared);
            byte[] wrong = value.clone();
            wrong[10] ^= 1;

            assertRefused(() -> b.complete(new CompleteRequest(prepared.id(), value, "ke-gian")),
                    SigningError.PREPARED_SIGNATURE_NOT_FOUND);
            assertRefused(() -> b.complete(new CompleteRequest(prepared.id(), value)),
                    SigningError.PREPARED_SIGNATURE_NOT_FOUND);
            assertRefused(() -> b.complete(new CompleteRequest(prepared.id(), wrong, "chuyen-vien-3")),
                    SigningError.SIGNATURE_VALUE_INVALID);

            SignedDocument signed = a.complete(new CompleteRequest(prepared.id(), value, "chuyen-vien-3"));
            assertThat(DssVerdicts.validate(PKI, signed.content()))
                    .extracting(DssVerdicts.Verdict::indication).containsExactly(Indication.TOTAL_PASSED);
        }
    }

    /**
     * The table of prepared signatures comes from the signing module's migration, and a database whose table
     * the service created before (at first use) migrates with its rows: a signature prepared then completes.
     */
    @Test
    void preparedBeforeTheMigrationCompletedAfterIt() throws Exception {
        try (HikariDataSource fresh = ArchiveFixture.newDatabase("remote_signing_new");
                HikariDataSource old = ArchiveFixture.newDatabase("remote_signing_old")) {
            PreparedSignature prepared;
            try (DssSigningService a = instance(fresh)) {
                prepared = a.prepare(new PrepareRequest(XML, chain(), SignOptions.defaults(SignatureLevel.B_B),
                        "chuyen-vien-4"));
            }
            assertThat(history(fresh)).containsExactly("1 pending signatures SQL true");
            try (Connection c = old.getConnection(); Statement s = c.createStatement()) {
                // Exactly the statement the service ran at first use before the migration existed.
                s.execute("create table if not exists kyso_signing_pending (id text primary key, caller text, "
                        + "expires_at timestamptz not null, size bigint not null, state bytea not null)");
            }
            // The row as that service stored it: its insert and the encoding of the state are unchanged, only
            // who creates the table changed, so the row is copied from the fresh database.
            try (Connection from = fresh.getConnection(); Statement s = from.createStatement();
                    ResultSet rs = s.executeQuery("select id, caller, expires_at, size, state from kyso_signing_pending");
                    Connection to = old.getConnection();
                    PreparedStatement insert = to.prepareStatement("insert into kyso_signing_pending "
                            + "(id, caller, expires_at, size, state) values (?, ?, ?, ?, ?)")) {
                assertThat(rs.next()).isTrue();
                for (int i = 1; i <= 5; i++) {
                    insert.setObject(i, rs.getObject(i));
                }
                insert.executeUpdate();
            }

            try (DssSigningService upgraded = instance(old)) {
                SignedDocument signed = upgraded.complete(new CompleteRequest(prepared.id(), deviceSigns(prepared),
                        "chuyen-vien-4"));
                assertThat(DssVerdicts.validate(PKI, signed.content()))
                        .extracting(DssVerdicts.Verdict::indication).containsExactly(Indication.TOTAL_PASSED);
            }
            assertThat(history(old)).containsExactly("0 << Flyway Baseline >> BASELINE true",
                    "1 pending signatures SQL true");
        }
    }

    private static List<String> history(HikariDataSource database) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select version, description, type, success from "
                        + "kyso_signing_schema_history order by installed_rank")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getBoolean(4));
            }
        }
        return rows;
    }

    private static void assertRefused(ThrowingCallable call, SigningError error) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SigningException.class,
                e -> assertThat(e.error()).isEqualTo(error));
    }

    private static List<byte[]> chain() {
        List<byte[]> ders = new ArrayList<>();
        for (X509Certificate c : PKI.identity("remote-signer").chain()) {
            try {
                ders.add(c.getEncoded());
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        return ders;
    }

    private static byte[] deviceSigns(PreparedSignature prepared) throws Exception {
        KeyStore.PrivateKeyEntry key = PKI.softwareKey("remote-signer");
        Signature s = Signature.getInstance(prepared.signatureAlgorithm());
        s.initSign(key.getPrivateKey());
        s.update(prepared.dataToSign());
        return s.sign();
    }
}
