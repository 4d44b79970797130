package vn.kyso.api.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.kyso.api.FakeSigningService;
import vn.kyso.api.FakeValidationService;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;

/** Batch signing answers a ZIP of the signed files with a manifest when the client accepts application/zip. */
@WebMvcTest
@Import({FakeSigningService.class, FakeValidationService.class})
class BatchZipTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    FakeSigningService fake;

    @BeforeEach
    void reset() {
        fake.reset();
    }

    @Test
    void aZipHoldsEachSignedFileUnderASafeUniqueNameAndAManifestOfEveryInput() throws Exception {
        MvcResult done = mvc.perform(multipart("/api/v1/signatures/batch")
                        .file(pdf("Quyết định 12.pdf")).file(pdf("broken.pdf")).file(pdf("../../etc/passwd.pdf"))
                        .file(pdf("Quyết định 12.pdf")).file(pdf("C:\\tmp\\a<b>?.pdf"))
                        .param("key", "k").param("level", "B-T").header("Accept", "application/zip"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/zip"))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn();

        Map<String, byte[]> entries = unzip(done.getResponse().getContentAsByteArray());

        assertThat(entries.keySet()).containsExactly("Quyết định 12-signed.pdf", "passwd-signed.pdf",
                "Quyết định 12-signed (2).pdf", "a_b__-signed.pdf", "manifest.json");
        assertThat(new String(entries.get("passwd-signed.pdf"), StandardCharsets.US_ASCII))
                .isEqualTo("signed:%PDF-1.7 test");
        JsonNode manifest = new ObjectMapper().readTree(entries.get("manifest.json"));
        assertThat(manifest.get("signed").asInt()).isEqualTo(4);
        assertThat(manifest.get("failed").asInt()).isEqualTo(1);
        JsonNode first = manifest.at("/entries/0");
        assertThat(first.get("status").asText()).isEqualTo("SIGNED");
        assertThat(first.get("entry").asText()).isEqualTo("Quyết định 12-signed.pdf");
        assertThat(first.get("level").asText()).isEqualTo("B-T");
        assertThat(first.get("signingTime").asText()).isEqualTo("2025-03-04T05:06:07Z");
        assertThat(first.get("sha256").asText()).hasSize(64);
        JsonNode failed = manifest.at("/entries/1");
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("name").asText()).isEqualTo("broken.pdf");
        assertThat(failed.get("entry").isNull()).isTrue();
        assertThat(failed.at("/problem/code").asText()).isEqualTo("MALFORMED_DOCUMENT");
        assertThat(manifest.at("/entries/3/entry").asText()).isEqualTo("Quyết định 12-signed (2).pdf");
    }

    @Test
    void aRefusedBatchIsAProblemEvenWhenTheClientAcceptsOnlyZip() throws Exception {
        fake.failWith(new SigningException(SigningError.KEY_NOT_FOUND, "No key 'k'"));
        mvc.perform(multipart("/api/v1/signatures/batch").file(pdf("a.pdf")).param("key", "k")
                        .header("Accept", "application/zip"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.code").value("KEY_NOT_FOUND"));
    }

    @Test
    void aWildcardOrJsonFirstKeepsTheJsonAnswer() throws Exception {
        mvc.perform(multipart("/api/v1/signatures/batch").file(pdf("a.pdf")).param("key", "k")
                        .header("Accept", "application/json, application/zip;q=0.5"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/json"))
                .andExpect(jsonPath("$.signed").value(1));
        assertThat(BatchZip.asked("*/*")).isFalse();
        assertThat(BatchZip.asked("application/zip")).isTrue();
        assertThat(BatchZip.asked("application/zip, */*;q=0.1")).isTrue();
    }

    @Test
    void safeNamesNeverClimbOutOrVanish() {
        assertThat(BatchZip.safeName("../..", 0)).isEqualTo("file-1");
        assertThat(BatchZip.safeName("..\\..\\x.pdf", 2)).isEqualTo("x.pdf");
        assertThat(BatchZip.safeName(".hidden", 0)).isEqualTo("hidden");
        assertThat(BatchZip.safeName("a\u0000b\nc.pdf", 0)).isEqualTo("a_b_c.pdf");
        assertThat(BatchZip.safeName("x".repeat(300) + ".pdf", 0)).hasSize(120).endsWith(".pdf");
    }

    private static MockMultipartFile pdf(String name) {
        return new MockMultipartFile("files", name, "application/pdf", "%PDF-1.7 test".getBytes(StandardCharsets.US_ASCII));
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }
}
