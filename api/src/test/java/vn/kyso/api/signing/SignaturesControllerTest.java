package vn.kyso.api.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import vn.kyso.api.FakeSigningService;
import vn.kyso.api.FakeValidationService;
import vn.kyso.core.KeyFamily;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.DigestAlgorithm;
import vn.kyso.signing.Packaging;
import vn.kyso.signing.Placement;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignatureLevel;

@WebMvcTest
@Import({FakeSigningService.class, FakeValidationService.class})
class SignaturesControllerTest {

    private static final String PROBLEM = "application/problem+json";

    @Autowired
    MockMvc mvc;

    @Autowired
    FakeSigningService fake;

    @BeforeEach
    void reset() {
        fake.reset();
    }

    @Test
    void signsWithDefaults() throws Exception {
        mvc.perform(sign("hop-dong.pdf").param("key", "so-noi-vu"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(FakeSigningService.PDF))
                .andExpect(content().bytes("signed:%PDF-1.7 test".getBytes(StandardCharsets.US_ASCII)))
                .andExpect(header().string("X-Signature-Format", "PADES"))
                .andExpect(header().string("X-Signature-Level", "B-B"))
                .andExpect(header().string("X-Signing-Time", "2025-03-04T05:06:07Z"))
                .andExpect(header().string("Cache-Control", "no-store"));

        assertThat(fake.lastSign.keyId()).isEqualTo("so-noi-vu");
        assertThat(fake.lastSign.document().name()).isEqualTo("hop-dong.pdf");
        assertThat(fake.lastSign.options()).isEqualTo(SignOptions.defaults(SignatureLevel.B_B));
    }

    @ParameterizedTest
    @CsvSource({"B-B,B_B", "b-t,B_T", "B_LT,B_LT", "b_lta,B_LTA", "' B-LTA ',B_LTA"})
    void acceptsLevelSpellings(String given, SignatureLevel expected) throws Exception {
        mvc.perform(sign("a.pdf").param("key", "k").param("level", given))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Signature-Level", expected.name().replace('_', '-')));
        assertThat(fake.lastSign.options().level()).isEqualTo(expected);
    }

    @Test
    void acceptsTheNumberSymbolUnderItsFormerName() throws Exception {
        mvc.perform(sign("a.pdf").param("key", "k").param("appearance", "attachment")
                        .param("documentNumber", "12/QĐ-UBND"))
                .andExpect(status().isOk());

        assertThat(fake.lastSign.options().numberSymbol()).isEqualTo("12/QĐ-UBND");
    }

    @Test
    void parsesEveryOption() throws Exception {
        mvc.perform(sign("a.pdf").param("key", "k")
                        .param("format", "pades").param("packaging", "enveloped")
                        .param("appearance", "ORGANISATION")
                        .param("page", "2").param("x", "10.5").param("y", "20").param("width", "150")
                        .param("height", "60")
                        .param("numberSymbol", "12/QĐ-UBND").param("copyForm", "Sao y")
                        .param("digest", "SHA-384").param("family", "specialised"))
                .andExpect(status().isOk());

        SignOptions options = fake.lastSign.options();
        assertThat(options.format()).isEqualTo(SignatureFormat.PADES);
        assertThat(options.packaging()).isEqualTo(Packaging.ENVELOPED);
        assertThat(options.appearance()).isEqualTo(Appearance.ORGANISATION);
        assertThat(options.placement()).isEqualTo(new Placement(2, 10.5f, 20, 150, 60));
        assertThat(options.numberSymbol()).isEqualTo("12/QĐ-UBND");
        assertThat(options.copyForm()).isEqualTo("Sao y");
        assertThat(options.digest()).isEqualTo(DigestAlgorithm.SHA384);
        assertThat(options.requiredFamily()).isEqualTo(KeyFamily.SPECIALISED);
    }

    @Test
    void placementPageDefaultsToTheLastPage() throws Exception {
        mvc.perform(sign("a.pdf").param("key", "k").param("appearance", "person")
                        .param("x", "1").param("y", "2").param("width", "3").param("height", "4"))
                .andExpect(status().isOk());
        assertThat(fake.lastSign.options().placement()).isEqualTo(new Placement(0, 1, 2, 3, 4));
    }

    @Test
    void placementIsAllOrNone() throws Exception {
        mvc.perform(sign("a.pdf").param("key", "k").param("appearance", "person").param("x", "1").param("y", "2"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.code").value("INVALID_REQUEST"))
                .andExpect(jsonPath("$.detail").value(containsString("all four or none")));
        mvc.perform(sign("a.pdf").param("key", "k").param("appearance", "person").param("page", "1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("page needs x, y, width and height"));
        mvc.perform(sign("a.pdf").param("key", "k").param("x", "1").param("y", "2").param("width", "3")
                        .param("height", "4"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("choose an appearance")));
        mvc.perform(sign("a.pdf").param("key", "k").param("appearance", "person").param("x", "NaN")
                        .param("y", "2").param("width", "3").param("height", "4"))
                .andExpect(status().isBadRequest());
        assertThat(fake.lastSign).isNull();
    }

    @Test
    void recordValidationBecomesBadRequest() throws Exception {
        // Placement and SignOptions reject these in their constructors.
        mvc.perform(sign("a.pdf").param("key", "k").param("appearance", "person").param("page", "-1")
                        .param("x", "1").param("y", "2").param("width", "3").param("height", "4"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.code").value("INVALID_REQUEST"))
                .andExpect(jsonPath("$.detail").value(containsString("page must be 0")));
        mvc.perform(sign("a.xml").param("key", "k").param("appearance", "copy").param("format", "XADES"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("a visible appearance needs the PAdES format"));
        mvc.perform(sign("a.pdf").param("key", " "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("key is required"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "level|B-X|B-B, B-T, B-LT, B-LTA",
        "appearance|stamp|none, person, organisation, attachment, copy",
        "format|PDF|PADES, XADES, CADES, JADES",
        "packaging|inside|ENVELOPED, ENVELOPING, DETACHED",
        "digest|SHA1|SHA256, SHA384, SHA512",
        "family|private|SPECIALISED, PUBLIC"})
    void unknownEnumValueIsABadRequestNamingTheAllowedValues(String param, String value, String allowed)
            throws Exception {
        mvc.perform(sign("a.pdf").param("key", "k").param(param, value))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.code").value("INVALID_REQUEST"))
                .andExpect(jsonPath("$.detail").value("Unknown " + param + " '" + value + "'; allowed: " + allowed));
    }

    @Test
    void unparseableNumberIsABadRequestWithoutJavaTypeNames() throws Exception {
        mvc.perform(sign("a.pdf").param("key", "k").param("page", "two"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.code").value("INVALID_REQUEST"))
                .andExpect(jsonPath("$.detail").value("Invalid value for 'page'"))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("java."))));
    }

    @Test
    void missingFileOrKeyIsABadRequestProblem() throws Exception {
        mvc.perform(multipart("/api/v1/signatures").param("key", "k"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.code").value("INVALID_REQUEST"))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.type").value("urn:kyso:problem:invalid-request"))
                .andExpect(jsonPath("$.detail").value(containsString("'file'")))
                .andExpect(jsonPath("$.instance").value("/api/v1/signatures"));
        mvc.perform(sign("a.pdf"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("'key'")));
    }

    @Test
    void aFileWhereTextIsExpectedIsABadRequestNotAServerError() throws Exception {
        mvc.perform(sign("a.pdf").file(pdf("key", "key.txt")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.detail").value("'key' must be a text field, not a file"))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Multipart"))));
    }

    @Test
    void vietnameseFileNameSurvivesInContentDisposition() throws Exception {
        String name = "Quyết định số 12 \"gấp\".pdf";
        String header = mvc.perform(sign(name).param("key", "k"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", allOf(
                        containsString("attachment; filename=\"Quyet dinh so 12 _gap_-signed.pdf\""),
                        containsString("filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20s%E1%BB%91%2012%20"))))
                .andReturn().getResponse().getHeader("Content-Disposition");

        assertThat(ContentDisposition.parse(header).getFilename()).isEqualTo("Quyết định số 12 \"gấp\"-signed.pdf");
    }

    @Test
    void batchReportsEachFile() throws Exception {
        mvc.perform(multipart("/api/v1/signatures/batch")
                        .file(pdf("files", "mot.pdf")).file(pdf("files", "broken.pdf")).file(pdf("files", "ba.pdf"))
                        .param("key", "k").param("level", "B-T"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.signed").value(2))
                .andExpect(jsonPath("$.failed").value(1))
                .andExpect(jsonPath("$.results.length()").value(3))
                .andExpect(jsonPath("$.results[0].index").value(0))
                .andExpect(jsonPath("$.results[0].name").value("mot-signed.pdf"))
                .andExpect(jsonPath("$.results[0].status").value("SIGNED"))
                .andExpect(jsonPath("$.results[0].mediaType").value("application/pdf"))
                .andExpect(jsonPath("$.results[0].level").value("B-T"))
                .andExpect(jsonPath("$.results[0].signingTime").value("2025-03-04T05:06:07Z"))
                .andExpect(jsonPath("$.results[0].content").value("c2lnbmVkOiVQREYtMS43IHRlc3Q="))
                .andExpect(jsonPath("$.results[0].problem").doesNotExist())
                .andExpect(jsonPath("$.results[1].status").value("FAILED"))
                .andExpect(jsonPath("$.results[1].name").value("broken.pdf"))
                .andExpect(jsonPath("$.results[1].problem.code").value("MALFORMED_DOCUMENT"))
                .andExpect(jsonPath("$.results[1].problem.detail").value("The PDF cannot be parsed"))
                .andExpect(jsonPath("$.results[1].content").doesNotExist())
                .andExpect(jsonPath("$.results[2].index").value(2));

        assertThat(fake.lastBatch).hasSize(3)
                .allSatisfy(r -> assertThat(r.options().level()).isEqualTo(SignatureLevel.B_T));
    }

    @Test
    void batchNeedsFiles() throws Exception {
        mvc.perform(multipart("/api/v1/signatures/batch").param("key", "k"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.detail").value(containsString("'files'")));
    }

    @Test
    void containerDefaultsToXadesAndReturnsAsice() throws Exception {
        mvc.perform(multipart("/api/v1/signatures/containers")
                        .file(pdf("files", "a.pdf")).file(pdf("files", "b.xml")).param("key", "k"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(FakeSigningService.ASICE))
                .andExpect(header().string("X-Signature-Format", "XADES"))
                .andExpect(header().string("Content-Disposition",
                        containsString("filename*=UTF-8''container.asice")));
        assertThat(fake.lastContainer.format()).isEqualTo(SignatureFormat.XADES);
        assertThat(fake.lastContainer.documents()).extracting(d -> d.name()).containsExactly("a.pdf", "b.xml");

        mvc.perform(multipart("/api/v1/signatures/containers").file(pdf("files", "a.pdf"))
                        .param("key", "k").param("format", "cades").param("level", "b-lta"))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Signature-Format", "CADES"))
                .andExpect(header().string("X-Signature-Level", "B-LTA"));
    }

    @Test
    void containerRejectsPadesAndDuplicateNames() throws Exception {
        mvc.perform(multipart("/api/v1/signatures/containers").file(pdf("files", "a.pdf"))
                        .param("key", "k").param("format", "PADES"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("an ASiC-E container holds XAdES or CAdES signatures"));
        mvc.perform(multipart("/api/v1/signatures/containers")
                        .file(pdf("files", "a.pdf")).file(pdf("files", "a.pdf")).param("key", "k"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_REQUEST"));
    }

    private static MockMultipartHttpServletRequestBuilder sign(String fileName) {
        return multipart("/api/v1/signatures").file(pdf("file", fileName));
    }

    static MockMultipartFile pdf(String part, String fileName) {
        return new MockMultipartFile(part, fileName, "application/pdf",
                "%PDF-1.7 test".getBytes(StandardCharsets.US_ASCII));
    }
}
