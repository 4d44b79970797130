package vn.kyso.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.kyso.api.FakeSigningService;
import vn.kyso.api.FakeValidationService;
import vn.kyso.archive.ArchiveService;
import vn.kyso.archive.IngestRequest;
import vn.kyso.archive.PreservationPeriod;
import vn.kyso.archive.internal.PostgresArchiveService;
import vn.kyso.archive.internal.store.FilesystemObjectStore;
import vn.kyso.archive.testing.ArchiveFixture;
import vn.kyso.archive.testing.Letters;
import vn.kyso.core.testing.Eventually;
import vn.kyso.signing.SignatureLevel;

/**
 * An export job belongs to the organisation that asked for it (issue #14), through HTTP with access control
 * on: another organisation's archivist gets 404 JOB_NOT_FOUND for both its status and its package, exactly
 * as for an id that does not exist (so ids cannot be probed), while the asking organisation's archivist
 * follows it to DONE and downloads the package. The archive is the real one: PostgreSQL catalogue, files on
 * disk, a B-T letter signed and validated with the demo PKI.
 */
@WebMvcTest
@Import({ExportJobsOwnershipTest.RealArchive.class, FakeSigningService.class, FakeValidationService.class,
        TestTokens.class})
@TestPropertySource(locations = "classpath:security-test-api-keys.properties", properties = {
    "kyso.security.enabled=true",
    "kyso.api.rate-limit.enabled=false"
})
class ExportJobsOwnershipTest {

    static final String UBND = "000.00.00.H99";
    static final String OTHER_ORG = "000.00.00.H98";

    static final RequestPostProcessor ARCHIVIST_UBND = LettersOwnershipTest.bearer("luu-tru-ubnd", UBND, "archivist");
    static final RequestPostProcessor ARCHIVIST_OTHER = LettersOwnershipTest.bearer("luu-tru-khac", OTHER_ORG,
            "archivist");

    /**
     * The real archive on the slice's web layer, on a database of its own that is not a bean: a DataSource
     * bean would be the context's, and what else migrates it first would make the archive's Flyway baseline
     * over a non-empty schema.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class RealArchive {

        /** The catalogue's connection pool and the service on it, closed together with the context. */
        record OwnDatabase(HikariDataSource db, PostgresArchiveService service) implements AutoCloseable {
            @Override
            public void close() {
                service.close();
                db.close();
            }
        }

        @Bean
        OwnDatabase archiveOnItsOwnDatabase() throws IOException {
            HikariDataSource db = ArchiveFixture.newDatabase("export_owner");
            return new OwnDatabase(db, ArchiveFixture.service(db, new FilesystemObjectStore(
                    Files.createTempDirectory("kyso-export-owner"))));
        }

        @Bean
        ArchiveService archiveService(OwnDatabase archive) {
            return archive.service();
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ArchiveService archive;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void anotherOrganisationsArchivistGets404ForTheJobAndItsPackageAsForNoJob() throws Exception {
        String record = archive.ingest(new IngestRequest("77-UBND-VP.pdf", Letters.signed(SignatureLevel.B_T), null,
                Letters.metadata("77/UBND-VP", "Xuất gói theo cơ quan", LocalDate.of(2026, 4, 1),
                        PreservationPeriod.permanent(), null), "luu-tru")).id();

        String location = mvc.perform(get("/api/v1/records/" + record + "/package").header("Prefer", "respond-async")
                        .with(ARCHIVIST_UBND))
                .andExpect(status().isAccepted())
                .andReturn().getResponse().getHeader("Location");
        assertThat(location).startsWith("/api/v1/archive-jobs/exports/");
        JsonNode ended = Eventually.until(Duration.ofSeconds(60), () -> json.readTree(mvc.perform(get(location)
                        .with(ARCHIVIST_UBND)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString()),
                s -> !s.get("state").asText().equals("RUNNING"));
        assertThat(ended.get("state").asText()).isEqualTo("DONE");

        // The other organisation: the same answer as for an id nobody has.
        mvc.perform(get(location).with(ARCHIVIST_OTHER))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("JOB_NOT_FOUND"));
        mvc.perform(get(location + "/package").with(ARCHIVIST_OTHER))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("JOB_NOT_FOUND"));
        mvc.perform(get("/api/v1/archive-jobs/exports/987654321").with(ARCHIVIST_OTHER))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("JOB_NOT_FOUND"));

        // The control: the asking organisation's archivist downloads the package.
        byte[] zip = mvc.perform(get(location + "/package").with(ARCHIVIST_UBND))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(zip).startsWith('P', 'K', 3, 4);
        assertThat((long) zip.length).isEqualTo(ended.get("resultBytes").asLong());
    }
}
