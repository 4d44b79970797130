package vn.kyso.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.kyso.audit.AuditError;
import vn.kyso.audit.AuditException;
import vn.kyso.audit.AuditSettings;
import vn.kyso.audit.ChainVerification;
import vn.kyso.audit.ChainVerification.CheckpointCheck;
import vn.kyso.audit.Checkpoint;
import vn.kyso.core.KeyFamily;
import vn.kyso.demopki.DemoPki;
import vn.kyso.demopki.testing.DemoPkiFixture;

/** Checkpoints time-stamped by the demo PKI's TSA, and what they reveal. */
class AuditCheckpointTest {

    static final DemoPki PKI = DemoPkiFixture.shared();

    HikariDataSource db;
    PostgresAuditLog log;

    @BeforeEach
    void setUp() {
        db = AuditDatabase.fresh();
        log = new PostgresAuditLog(db, demoTsa(), Clock.systemUTC());
        for (int i = 1; i <= 5; i++) {
            log.append(AuditChainTest.event(i));
        }
    }

    static AuditSettings demoTsa() {
        return AuditSettings.withTsa(URI.create(PKI.tsaUrl())).trusting(PKI.trustAnchors(KeyFamily.SPECIALISED));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void aCheckpointVerifiesAgainstTheDemoTsa() {
        Instant before = Instant.now().minusSeconds(2);
        Checkpoint k = log.timestamp();

        assertThat(k.sequence()).isEqualTo(5);
        assertThat(k.headHash()).isEqualTo(log.head().hash());
        assertThat(k.timestampedAt()).isAfter(before);
        assertThat(k.tsa()).isEqualTo(PKI.tsaCertificate().getSubjectX500Principal().getName());
        assertThat(log.checkpoints()).containsExactly(k);

        log.append(AuditChainTest.event(6));
        ChainVerification v = log.verify();
        assertThat(v.ok()).isTrue();
        assertThat(v.checkpoints()).singleElement().satisfies(c -> {
            assertThat(c.valid()).as(c.problem()).isTrue();
            assertThat(c.sequence()).isEqualTo(5);
        });
    }

    @Test
    void timestampsOnlyWhenTheChainAdvanced() {
        assertThat(log.timestampIfAdvanced()).isPresent();
        assertThat(log.timestampIfAdvanced()).isEmpty();
        log.append(AuditChainTest.event(6));
        assertThat(log.timestampIfAdvanced()).hasValueSatisfying(k -> assertThat(k.sequence()).isEqualTo(6));
        assertThat(log.checkpoints()).extracting(Checkpoint::sequence).containsExactly(5L, 6L);
    }

    @Test
    void detectsATamperedToken() throws Exception {
        log.timestamp();
        byte[] token;
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("select token from kyso_audit_checkpoint");
                ResultSet r = s.executeQuery()) {
            r.next();
            token = r.getBytes(1);
        }
        // The last bytes are the TSA's signature value.
        token[token.length - 5] ^= 0x01;
        AuditDatabase.tamper(db, "kyso_audit_checkpoint", "update kyso_audit_checkpoint set token = decode('"
                + ChainHashing.hex(token) + "', 'hex')");

        ChainVerification v = log.verify();
        assertThat(v.ok()).isFalse();
        assertThat(v.firstBroken()).isNull();
        CheckpointCheck c = v.checkpoints().get(0);
        assertThat(c.valid()).isFalse();
        assertThat(c.problem()).contains("signature");
    }

    @Test
    void detectsAChainRewrittenAfterTheCheckpoint() {
        log.timestamp();
        // A DBA who edits entry 3 and recomputes every hash after it leaves a chain whose links all hold...
        rewriteChainFrom(3, "update kyso_audit_entry set actor = 'someone-else' where sequence = 3");
        ChainVerification v = log.verify();
        assertThat(v.firstBroken()).isNull();
        // ...but the time-stamped head no longer matches.
        assertThat(v.ok()).isFalse();
        assertThat(v.checkpoints().get(0).valid()).isFalse();
        assertThat(v.checkpoints().get(0).problem()).contains("changed since it was time-stamped");
    }

    @Test
    void detectsAHeadHashChangedInTheCheckpointRow() {
        log.timestamp();
        rewriteChainFrom(3, "update kyso_audit_entry set actor = 'someone-else' where sequence = 3");
        String forged = log.head().hash();
        AuditDatabase.tamper(db, "kyso_audit_checkpoint",
                "update kyso_audit_checkpoint set head_hash = decode('" + forged + "', 'hex')");

        ChainVerification v = log.verify();
        assertThat(v.ok()).isFalse();
        assertThat(v.checkpoints().get(0).problem()).contains("imprint");
    }

    @Test
    void reportsAnUnreachableTsa() {
        PostgresAuditLog offline = new PostgresAuditLog(db,
                new AuditSettings(URI.create("http://127.0.0.1:9/tsa"), Duration.ofSeconds(2)), Clock.systemUTC());
        assertThatThrownBy(offline::timestamp).isInstanceOfSatisfying(AuditException.class,
                e -> assertThat(e.error()).isEqualTo(AuditError.TSA_UNAVAILABLE));
        assertThat(offline.checkpoints()).isEmpty();
    }

    @Test
    void refusesAndReportsATsaOutsideTheTrustAnchors() throws Exception {
        log.timestamp();
        X509Certificate stranger = selfSigned();
        PostgresAuditLog strict = new PostgresAuditLog(db, demoTsa().trusting(List.of(stranger)), Clock.systemUTC());

        assertThatThrownBy(strict::timestamp).isInstanceOfSatisfying(AuditException.class, e -> {
            assertThat(e.error()).isEqualTo(AuditError.TSA_RESPONSE_INVALID);
            assertThat(e.getMessage()).contains("trusted root");
        });
        ChainVerification v = strict.verify();
        assertThat(v.ok()).isFalse();
        assertThat(v.checkpoints().get(0).problem()).contains("trusted root");
        assertThat(log.verify().ok()).isTrue();
    }

    private static X509Certificate selfSigned() throws Exception {
        java.security.KeyPair keys = java.security.KeyPairGenerator.getInstance("EC").generateKeyPair();
        org.bouncycastle.asn1.x500.X500Name name = new org.bouncycastle.asn1.x500.X500Name("CN=Unrelated Root");
        var builder = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(name, java.math.BigInteger.ONE,
                new java.util.Date(System.currentTimeMillis() - 86_400_000L),
                new java.util.Date(System.currentTimeMillis() + 86_400_000L), name, keys.getPublic());
        var signer = new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA")
                .build(keys.getPrivate());
        return new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    /** Runs {@code edit} and recomputes every hash from {@code sequence} on, as a careful forger would. */
    private void rewriteChainFrom(long sequence, String edit) {
        AuditDatabase.tamper(db, "kyso_audit_entry", edit);
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.execute("alter table kyso_audit_entry disable trigger user");
                s.execute("alter table kyso_audit_head disable trigger user");
            }
            byte[] previous;
            try (PreparedStatement s = c.prepareStatement("select hash from kyso_audit_entry where sequence = ?")) {
                s.setLong(1, sequence - 1);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    previous = r.getBytes(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement("select sequence, recorded_at, actor, action, target,"
                    + " outcome, detail, client_address from kyso_audit_entry where sequence >= ? order by sequence");
                    PreparedStatement u = c.prepareStatement(
                            "update kyso_audit_entry set previous_hash = ?, hash = ? where sequence = ?");
                    PreparedStatement h = c.prepareStatement("update kyso_audit_head set hash = ? where id = 1")) {
                s.setLong(1, sequence);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ChainHashing.Fields f = new ChainHashing.Fields(r.getLong(1),
                                r.getObject(2, java.time.OffsetDateTime.class).toInstant(), r.getString(3),
                                r.getString(4), r.getString(5), r.getString(6), r.getString(7), r.getString(8));
                        byte[] hash = ChainHashing.hash(previous, f);
                        u.setBytes(1, previous);
                        u.setBytes(2, hash);
                        u.setLong(3, f.sequence());
                        u.executeUpdate();
                        previous = hash;
                    }
                }
                h.setBytes(1, previous);
                h.executeUpdate();
            }
            try (var s = c.createStatement()) {
                s.execute("alter table kyso_audit_entry enable trigger user");
                s.execute("alter table kyso_audit_head enable trigger user");
            }
            c.commit();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
