package vn.kyso.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.kyso.api.FakeValidationService;
import vn.kyso.api.letters.LetterSamples;
import vn.kyso.api.letters.PageOneQrCode;
import vn.kyso.archive.testing.ArchiveFixture;
import vn.kyso.conversion.ConversionService;
import vn.kyso.conversion.ConversionSettings;
import vn.kyso.conversion.internal.LibreOfficeConversionService;
import vn.kyso.letters.LettersService;
import vn.kyso.letters.LettersSettings;
import vn.kyso.letters.internal.LetterStore;
import vn.kyso.letters.internal.LetterWorkflow;
import vn.kyso.signing.SigningFixture;
import vn.kyso.signing.SigningService;

/**
 * Letters belong to an organisation (issue #12): with access control on, another organisation's clerk,
 * signer or archivist can neither list, see, download, sign nor issue a letter (403 LETTER_NOT_YOURS in
 * English and Vietnamese), while the organisation's own clerk, authorised signer and archivist can. The
 * workflow is the real one: PostgreSQL, LibreOffice, DSS with the demo PKI's SoftHSM2 keys; the allowed
 * path also proves that issuing writes the number and date into the letter (pdftotext, pdfsig).
 */
@WebMvcTest
@Import({LettersOwnershipTest.RealLetters.class, FakeValidationService.class, TestTokens.class})
@TestPropertySource(locations = "classpath:security-test-api-keys.properties", properties = {
    "kyso.security.enabled=true",
    "kyso.api.rate-limit.enabled=false",
    "kyso.security.key-owners.ubnd-binh-an.organisation=" + LettersOwnershipTest.UBND,
    "kyso.security.key-owners.so-noi-vu.organisation=" + LettersOwnershipTest.OTHER_ORG,
    "kyso.security.key-owners.tran-thi-bich-ngoc.person=ngoc",
    "kyso.security.key-owners.nguyen-van-an.person=an-khac"
})
class LettersOwnershipTest {

    static final String UBND = "000.00.00.H99";
    static final String OTHER_ORG = "000.00.00.H98";
    static final Path ARTIFACTS = Path.of("target/test-artifacts/letters");
    static final String VERIFY_URL = "https://kyso.example.gov.vn/verify";

    /** The real workflow on the slice's web layer; no archive, so issued letters stay ISSUED. */
    @TestConfiguration(proxyBeanMethods = false)
    static class RealLetters {

        @Bean(destroyMethod = "close")
        DataSource lettersDatabase() {
            return ArchiveFixture.newDatabase("letters_owner");
        }

        @Bean
        SigningService signingService() {
            return SigningFixture.service();
        }

        @Bean
        LibreOfficeConversionService conversionService() {
            return new LibreOfficeConversionService(ConversionSettings.defaults());
        }

        @Bean
        LettersService lettersService(DataSource db, SigningService signing, ConversionService conversion) {
            LetterStore store = new LetterStore(db);
            store.migrate();
            // The verification QR code for the UBND's letters only (issue #12): the other organisation's get none.
            return new LetterWorkflow(store, signing, conversion, null, new LettersSettings("G09", 200,
                    List.of(UBND)), Clock.systemUTC(), () -> VERIFY_URL);
        }
    }

    static RequestPostProcessor bearer(String subject, String organisation, String role) {
        String token = TestTokens.token(subject, organisation, List.of(role));
        return r -> {
            r.addHeader("Authorization", "Bearer " + token);
            return r;
        };
    }

    static final RequestPostProcessor CLERK_UBND = r -> {
        r.addHeader(ApiKeyFilter.HEADER, "clerk-ubnd-secret");
        return r;
    };
    static final RequestPostProcessor SIGNER_NGOC = bearer("ngoc", UBND, "signer");
    static final RequestPostProcessor ARCHIVIST_UBND = bearer("luu-tru-ubnd", UBND, "archivist");
    static final RequestPostProcessor CLERK_OTHER = bearer("van-thu-khac", OTHER_ORG, "clerk");
    static final RequestPostProcessor SIGNER_OTHER = bearer("an-khac", OTHER_ORG, "signer");
    static final RequestPostProcessor ARCHIVIST_OTHER = bearer("luu-tru-khac", OTHER_ORG, "archivist");

    @Autowired
    MockMvc mvc;

    final ObjectMapper json = new ObjectMapper();

    private static String draftId;

    /** One draft of the UBND, uploaded by its clerk, for the refusals (conversion takes seconds). */
    synchronized String draft() throws Exception {
        if (draftId == null) {
            draftId = upload();
        }
        return draftId;
    }

    String upload() throws Exception {
        String body = mvc.perform(multipart("/api/v1/letters")
                        .file(new MockMultipartFile("file", "to-trinh.docx",
                                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                LetterSamples.draftWithPlaceholders()))
                        .param("subject", "Về việc tổ chức tập huấn chuyển đổi số").param("documentType", "Tờ trình")
                        .param("fileCode", "G09.2026.01").param("preservation", "10").with(CLERK_UBND))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.owner").value(UBND))
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asText();
    }

    private ResultActions notYours(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
        return mvc.perform(request.with(who))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("LETTER_NOT_YOURS"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("another organisation")))
                .andExpect(jsonPath("$.detailVi").value(org.hamcrest.Matchers.containsString("thuộc cơ quan")));
    }

    @Test
    void anotherOrganisationsClerkDoesNotSeeItInTheList() throws Exception {
        String id = draft();
        String list = mvc.perform(get("/api/v1/letters").with(CLERK_OTHER)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain(id);
        String own = mvc.perform(get("/api/v1/letters").with(CLERK_UBND)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(own).contains(id);
    }

    @Test
    void anotherOrganisationsClerkCannotViewIt() throws Exception {
        notYours(get("/api/v1/letters/" + draft()), CLERK_OTHER);
    }

    @Test
    void anotherOrganisationsClerkCannotDownloadIt() throws Exception {
        notYours(get("/api/v1/letters/" + draft() + "/pdf"), CLERK_OTHER);
    }

    @Test
    void anotherOrganisationsClerkCannotDownloadAnAttachment() throws Exception {
        notYours(get("/api/v1/letters/" + draft() + "/attachments/1/pdf"), CLERK_OTHER);
    }

    @Test
    void anotherOrganisationsSignerCannotSignItWithTheirOwnKey() throws Exception {
        notYours(post("/api/v1/letters/" + draft() + "/signature").param("key", "nguyen-van-an"), SIGNER_OTHER);
    }

    @Test
    void anotherOrganisationsClerkCannotIssueItUnderItsOwnSeal() throws Exception {
        notYours(post("/api/v1/letters/" + draft() + "/issue").param("key", "so-noi-vu")
                .param("numberSymbol", "99/SNV"), CLERK_OTHER);
    }

    @Test
    void anotherOrganisationsArchivistCannotViewIt() throws Exception {
        notYours(get("/api/v1/letters/" + draft()), ARCHIVIST_OTHER);
        assertThat(mvc.perform(get("/api/v1/letters").with(ARCHIVIST_OTHER)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).doesNotContain(draft());
    }

    /** The control: the organisation's own people; issuing writes the number and date as text. */
    @Test
    void theOrganisationsOwnPeopleSeeSignAndIssueItWithItsNumberAndDate() throws Exception {
        String id = upload();
        mvc.perform(get("/api/v1/letters/" + id).with(ARCHIVIST_UBND)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/letters/" + id + "/pdf").with(ARCHIVIST_UBND)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/letters/" + id + "/signature").param("key", "tran-thi-bich-ngoc").with(SIGNER_NGOC))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("SIGNED_BY_PERSON"));
        String issued = mvc.perform(post("/api/v1/letters/" + id + "/issue").param("key", "ubnd-binh-an")
                        .param("numberSymbol", "12/TTr-UBND").param("documentDate", "2026-12-05").with(CLERK_UBND))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode letter = json.readTree(issued);
        assertThat(letter.get("state").asText()).isEqualTo("ISSUED");
        assertThat(letter.get("numberSymbol").asText()).isEqualTo("12/TTr-UBND");
        assertThat(letter.toString()).contains("number and date written into the letter");

        byte[] pdf = mvc.perform(get("/api/v1/letters/" + id + "/pdf").with(CLERK_UBND)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        Files.createDirectories(ARTIFACTS);
        Path file = ARTIFACTS.resolve("issued-letter.pdf");
        Files.write(file, pdf);
        String text = run("pdftotext", "-raw", file.toString(), "-");
        assertThat(text).contains("12/TTr-UBND").contains("ngày 05 tháng 12 năm 2026");
        String signatures = run("pdfsig", file.toString());
        assertThat(Pattern.compile("Signature Validation: Signature is Valid\\.").matcher(signatures).results()
                .count()).as(signatures).isEqualTo(2);
        run("pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", file.toString(),
                ARTIFACTS.resolve("issued-letter").toString());

        // The verification QR code stamped on the draft survives both signatures, links to the letter and
        // covers none of page one's words.
        PageOneQrCode.Found code = PageOneQrCode.find(pdf, ARTIFACTS.resolve("qr-issued")).orElseThrow(
                () -> new AssertionError("no QR code on page one of the issued letter"));
        assertThat(code.link()).matches(Pattern.quote(VERIFY_URL + "?id=" + id + "&h=") + "[0-9a-f]{64}");
        assertThat(PageOneQrCode.words(ARTIFACTS.resolve("qr-issued"))).hasSizeGreaterThan(20);
        assertThat(PageOneQrCode.covered(code, ARTIFACTS.resolve("qr-issued"))).isEmpty();
    }

    /** An organisation not in kyso.letters.qr-organisations: its letters carry no QR code. */
    @Test
    void anOrganisationWithoutTheQrCodeGetsNone() throws Exception {
        String body = mvc.perform(multipart("/api/v1/letters")
                        .file(new MockMultipartFile("file", "to-trinh.docx",
                                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                LetterSamples.draftWithPlaceholders()))
                        .param("subject", "Về việc tổ chức tập huấn").param("documentType", "Tờ trình")
                        .param("fileCode", "G09.2026.02").param("preservation", "10").with(CLERK_OTHER))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.owner").value(OTHER_ORG))
                .andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asText();
        byte[] pdf = mvc.perform(get("/api/v1/letters/" + id + "/pdf").with(CLERK_OTHER)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(PageOneQrCode.find(pdf, ARTIFACTS.resolve("qr-none"))).isEmpty();
        assertThat(body).doesNotContain("verification QR code");
        // The control: the UBND's draft of the same document has one.
        byte[] own = mvc.perform(get("/api/v1/letters/" + draft() + "/pdf").with(CLERK_UBND))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(PageOneQrCode.find(own, ARTIFACTS.resolve("qr-own"))).isPresent();
    }

    /** A missing tool fails the test: it is installed by scripts/deps.sh. */
    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
        return out;
    }
}
