package vn.kyso.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.kyso.api.FakeSigningService;
import vn.kyso.api.FakeValidationService;
import vn.kyso.archive.testing.ArchiveFixture;
import vn.kyso.audit.AuditAction;
import vn.kyso.audit.AuditEntry;
import vn.kyso.audit.AuditLog;
import vn.kyso.audit.AuditSettings;
import vn.kyso.audit.internal.PostgresAuditLog;

/**
 * No durable audit entry, no signature: with the audit trail on a real PostgreSQL, a signature is
 * handed out once its entry is committed; with that database refusing connections, the signed bytes
 * are withheld and the client gets 503 SIGNATURE_NOT_AUDITED in English and Vietnamese.
 */
@WebMvcTest
@Import({FakeSigningService.class, FakeValidationService.class, SignatureAuditDurabilityTest.RealAuditLog.class})
class SignatureAuditDurabilityTest {

    static final HikariDataSource DB = ArchiveFixture.newDatabase("api_audit");

    @TestConfiguration
    static class RealAuditLog {
        @Bean
        AuditLog auditLog() {
            return new PostgresAuditLog(DB, new AuditSettings(null, Duration.ofSeconds(5)), Clock.systemUTC());
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog audit;

    @AfterAll
    static void close() {
        DB.close();
    }

    static MockMultipartFile pdf() {
        return new MockMultipartFile("file", "hop-dong.pdf", "application/pdf",
                "%PDF-1.7 test".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aSignatureLeavesOnlyWithItsCommittedEntryAndIsWithheldWhenTheAuditDatabaseIsDown() throws Exception {
        long before = audit.head().sequence();
        mvc.perform(multipart("/api/v1/signatures").file(pdf()).param("key", "so-noi-vu"))
                .andExpect(status().isOk())
                .andExpect(content().bytes("signed:%PDF-1.7 test".getBytes(StandardCharsets.US_ASCII)));
        AuditEntry entry = audit.entries(before + 1, 1).get(0);
        assertThat(entry.event().action()).isEqualTo(AuditAction.SIGN);
        assertThat(entry.event().target()).isEqualTo("key:so-noi-vu");

        refuseConnections(true);
        try {
            mvc.perform(multipart("/api/v1/signatures").file(pdf()).param("key", "so-noi-vu"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Content-Type", "application/problem+json"))
                    .andExpect(jsonPath("$.code").value("SIGNATURE_NOT_AUDITED"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("withheld")))
                    .andExpect(jsonPath("$.detailVi").value(org.hamcrest.Matchers.containsString("nhật ký")))
                    .andExpect(header().doesNotExist("X-Signature-Format"))
                    .andExpect(content().string(org.hamcrest.Matchers.not(
                            org.hamcrest.Matchers.containsString("signed:"))));
            // Requests that are not signatures are answered as before while the trail is down.
            mvc.perform(multipart("/api/v1/validations").file(pdf())).andExpect(status().isOk());
        } finally {
            refuseConnections(false);
        }
        mvc.perform(multipart("/api/v1/signatures").file(pdf()).param("key", "so-noi-vu"))
                .andExpect(status().isOk());
        assertThat(audit.head().sequence()).isGreaterThanOrEqualTo(before + 2);
        assertThat(audit.verify().ok()).isTrue();
    }

    /** A real outage of the audit database: no new connections, and the pool's open ones cut. */
    static void refuseConnections(boolean refuse) throws SQLException {
        String url = DB.getJdbcUrl();
        String name = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        try (Connection c = DriverManager.getConnection(admin, DB.getUsername(), DB.getPassword());
                Statement s = c.createStatement()) {
            s.execute("alter database " + name + " allow_connections " + !refuse);
            if (refuse) {
                s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + name + "'");
            }
        }
    }
}
