package vn.kyso.api.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import vn.kyso.api.FakeSigningService;
import vn.kyso.api.FakeValidationService;
import vn.kyso.validation.Language;
import vn.kyso.validation.ValidationError;
import vn.kyso.validation.ValidationException;

/** The rate limit has its own test (RateLimitFilterTest); here it would only get in the way. */
@WebMvcTest
@Import({FakeSigningService.class, FakeValidationService.class})
@TestPropertySource(properties = "kyso.api.rate-limit.enabled=false")
class ValidationsControllerTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Autowired
    MockMvc mvc;

    @Autowired
    FakeValidationService fake;

    @BeforeEach
    void reset() {
        fake.reset();
    }

    @Test
    void answersTheReportAsJsonByDefault() throws Exception {
        mvc.perform(validate("công văn.pdf"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/json"))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(header().string("X-Validation-Verdict", "VALID"))
                .andExpect(jsonPath("$.documentName").value("công văn.pdf"))
                .andExpect(jsonPath("$.sha256").value(FakeValidationService.SHA256))
                .andExpect(jsonPath("$.verdict").value("VALID"))
                .andExpect(jsonPath("$.summary.code").value("VALID"))
                .andExpect(jsonPath("$.summary.vi").value(containsString("Văn bản hợp lệ — ký bởi")))
                .andExpect(jsonPath("$.summary.en").value(containsString("Valid document")))
                .andExpect(jsonPath("$.validatedAt").value("2025-03-04T05:06:07Z"))
                .andExpect(jsonPath("$.findings.length()").value(0))
                .andExpect(jsonPath("$.signatures.length()").value(1))
                .andExpect(jsonPath("$.signatures[0].verdict").value("VALID"))
                .andExpect(jsonPath("$.signatures[0].reason.en").value("The signature is valid"))
                .andExpect(jsonPath("$.signatures[0].signerName").value("UBND xã Bình An"))
                .andExpect(jsonPath("$.signatures[0].organisation").value("UBND tỉnh Hòa Bình"))
                .andExpect(jsonPath("$.signatures[0].family").value("SPECIALISED"))
                .andExpect(jsonPath("$.signatures[0].certificate.serialNumber").value("0A1B2C"))
                .andExpect(jsonPath("$.signatures[0].certificate.notAfter").value("2029-01-01T00:00:00Z"))
                .andExpect(jsonPath("$.signatures[0].revocation.status").value("GOOD"))
                .andExpect(jsonPath("$.signatures[0].revocation.source").value("OCSP"))
                .andExpect(jsonPath("$.signatures[0].claimedSigningTime").value("2025-03-04T02:00:00Z"))
                .andExpect(jsonPath("$.signatures[0].timestamps[0].type").value("SIGNATURE_TIMESTAMP"))
                .andExpect(jsonPath("$.signatures[0].timestamps[0].valid").value(true))
                .andExpect(jsonPath("$.signatures[0].format").value("PAdES-BASELINE-T"))
                .andExpect(jsonPath("$.signatures[0].coverage.vi").value("Toàn bộ văn bản"))
                .andExpect(jsonPath("$.signatures[0].changesAfterSigning.length()").value(0))
                // Circular 15/2025/TT-BKHCN: the stated facts, in words, for the verification page
                .andExpect(jsonPath("$.signatures[0].verificationStatement[0].code").value("VALIDITY"))
                .andExpect(jsonPath("$.signatures[0].verificationStatement[0].vi").value("Chữ ký số HỢP LỆ"))
                .andExpect(jsonPath("$.signatures[0].verificationStatement[1].code").value("INTEGRITY"))
                .andExpect(jsonPath("$.signatures[0].verificationStatement[4].vi")
                        .value("Người ký: UBND xã Bình An (UBND tỉnh Hòa Bình)"))
                .andExpect(jsonPath("$.signatures[0].verificationStatement[4].warning").value(false));

        assertThat(fake.lastRequest.document().name()).isEqualTo("công văn.pdf");
        assertThat(fake.lastRequest.document().content()).isEqualTo(bytes("%PDF-1.7 signed"));
        assertThat(fake.lastRequest.originals()).isEmpty();
        assertThat(fake.lastRequest.validationTime()).isNull();
    }

    @Test
    void passesDetachedOriginalsAndDropsTheEmptyPartABrowserSendsForAnEmptyInput() throws Exception {
        mvc.perform(validate("to-trinh.p7s")
                        .file(new MockMultipartFile("original", "to-trinh.pdf", "application/pdf", bytes("one")))
                        .file(new MockMultipartFile("original", "phu-luc.xml", "application/xml", bytes("two")))
                        .file(new MockMultipartFile("original", "", "application/octet-stream", new byte[0])))
                .andExpect(status().isOk());

        assertThat(fake.lastRequest.originals()).extracting(f -> f.name())
                .containsExactly("to-trinh.pdf", "phu-luc.xml");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "null, VI", "vi, VI", "en, EN", "EN, EN", "en-GB, EN", "vi-VN, VI"})
    void pdfReportInTheAskedLanguage(String lang, Language expected) throws Exception {
        var request = validate("a.pdf").param("format", "pdf");
        if (lang != null) {
            request.param("lang", lang);
        }
        mvc.perform(request)
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andExpect(content().bytes(bytes("%PDF-1.7 report " + expected + " VALID")))
                .andExpect(header().string("Content-Disposition", matchesPattern("attachment; filename=\"[a-z-]+\\.pdf\"")))
                .andExpect(header().string("X-Validation-Verdict", "VALID"))
                .andExpect(header().string("Cache-Control", "no-store"));
        assertThat(fake.lastPdfLanguage).isEqualTo(expected);
    }

    @Test
    void etsiReportAsXml() throws Exception {
        mvc.perform(validate("a.pdf").param("format", "ETSI"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/xml"))
                .andExpect(content().bytes(FakeValidationService.ETSI_XML))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"etsi-validation-report.xml\""));
        assertThat(fake.lastPdfLanguage).isNull();
        assertThat(fake.lastRequest.etsiReport()).isTrue();
    }

    @Test
    void theEtsiReportIsBuiltOnlyWhenAskedFor() throws Exception {
        mvc.perform(validate("a.pdf").param("format", "json")).andExpect(status().isOk());
        assertThat(fake.lastRequest.etsiReport()).isFalse();
        mvc.perform(validate("a.pdf").param("format", "pdf")).andExpect(status().isOk());
        assertThat(fake.lastRequest.etsiReport()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "application/pdf|application/pdf",
        "application/xml|application/xml",
        "text/xml|application/xml",
        "application/json|application/json",
        "*/*|application/json",
        "text/html, application/pdf;q=0.9, */*;q=0.1|application/pdf",
        "application/json;q=0.5, application/xml|application/xml"})
    void acceptHeaderChoosesTheFormatWhenNoneIsGiven(String accept, String expected) throws Exception {
        mvc.perform(validate("a.pdf").header("Accept", accept))
                .andExpect(status().isOk())
                .andExpect(content().contentType(expected))
                .andExpect(header().string("Vary", containsString("Accept")));
    }

    @Test
    void formatFieldWinsOverAccept() throws Exception {
        mvc.perform(validate("a.pdf").param("format", "json").header("Accept", "application/pdf"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/json"));
    }

    @Test
    void unacceptableAcceptIsA406Problem() throws Exception {
        mvc.perform(validate("a.pdf").header("Accept", "text/html"))
                .andExpect(status().isNotAcceptable())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.code").value("NOT_ACCEPTABLE"));
        assertThat(fake.lastRequest).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "format|docx|Unknown format 'docx'; allowed: json, pdf, etsi",
        "lang|fr|Unknown lang 'fr'; allowed: vi, en"})
    void unknownOptionIsABadRequestBeforeAnyValidation(String param, String value, String detail) throws Exception {
        mvc.perform(validate("a.pdf").param(param, value))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.code").value("INVALID_REQUEST"))
                .andExpect(jsonPath("$.detail").value(detail));
        assertThat(fake.lastRequest).isNull();
    }

    @Test
    void missingFileIsABadRequestProblem() throws Exception {
        mvc.perform(multipart("/api/v1/validations").param("lang", "vi"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.code").value("INVALID_REQUEST"))
                .andExpect(jsonPath("$.detail").value(containsString("'file'")))
                .andExpect(jsonPath("$.instance").value("/api/v1/validations"));
    }

    @ParameterizedTest
    @CsvSource({
        "EMPTY_DOCUMENT, 400", "UNSUPPORTED_DOCUMENT, 415", "MALFORMED_DOCUMENT, 422", "DOCUMENT_TOO_LARGE, 413",
        "DOCUMENT_TOO_COMPLEX, 422", "ORIGINAL_REQUIRED, 422", "VALIDATION_TIMEOUT, 422"})
    void validationExceptionsBecomeProblemsWithTheirCodes(ValidationError error, int status) throws Exception {
        fake.failWith(new ValidationException(error, "what went wrong: " + error));
        mvc.perform(validate("a.pdf"))
                .andExpect(status().is(status))
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.code").value(error.name()))
                .andExpect(jsonPath("$.title").value(error.title()))
                .andExpect(jsonPath("$.type").value("urn:kyso:problem:" + error.name().toLowerCase().replace('_', '-')))
                .andExpect(jsonPath("$.detail").value("what went wrong: " + error))
                .andExpect(jsonPath("$.errorId").doesNotExist());
    }

    @Test
    void aFailedValidationIsAServerErrorWithAnErrorIdAndNoInternals() throws Exception {
        fake.failWith(new ValidationException(ValidationError.VALIDATION_FAILED, "Validation failed",
                new IllegalStateException("/opt/kyso/trust/government-ca.pem unreadable")));
        String body = mvc.perform(validate("a.pdf").param("format", "pdf"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errorId").value(matchesPattern(UUID)))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("/opt", "IllegalState", "Exception");
    }

    @Test
    void theSignedRevisionOfASignatureIsOfferedForDownload() throws Exception {
        byte[] body = mvc.perform(multipart("/api/v1/validations/signed-revision")
                        .file(new MockMultipartFile("file", "a.pdf", "application/pdf", bytes("%PDF-1.7 signed")))
                        .param("signature", "S-1"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"phien-ban-da-ky.pdf\""))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("%PDF-1.");
    }

    @Test
    void aSignatureTheDocumentDoesNotHoldIsNotFound() throws Exception {
        mvc.perform(multipart("/api/v1/validations/signed-revision")
                        .file(new MockMultipartFile("file", "a.pdf", "application/pdf", bytes("%PDF-1.7 signed")))
                        .param("signature", "S-OTHER"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.code").value("SIGNATURE_NOT_FOUND"));
    }

    private static MockMultipartHttpServletRequestBuilder validate(String fileName) {
        return multipart("/api/v1/validations")
                .file(new MockMultipartFile("file", fileName, "application/pdf", bytes("%PDF-1.7 signed")));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
