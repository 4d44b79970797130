package vn.kyso.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.kyso.api.security.ManyKeysSigningService.AN_KEY;
import static vn.kyso.api.security.ManyKeysSigningService.NGOC_KEY;
import static vn.kyso.api.security.ManyKeysSigningService.ORPHAN_KEY;
import static vn.kyso.api.security.ManyKeysSigningService.UBND_KEY;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.kyso.api.FakeValidationService;
import vn.kyso.audit.AuditAction;
import vn.kyso.audit.AuditEvent;
import vn.kyso.audit.AuditLog;
import vn.kyso.audit.AuditOutcome;
import vn.kyso.access.Role;

/**
 * Issue #5's proof: each role can do what it should and nothing else, one test per forbidden action. People
 * come with bearer tokens from {@link TestTokens}; systems and the other staff with API keys. Where the
 * backing service is absent from this slice (archive, exchange) "allowed" means "not 401 or 403".
 */
@WebMvcTest
@ExtendWith(OutputCaptureExtension.class)
@Import({ManyKeysSigningService.class, FakeValidationService.class, TestTokens.class})
@TestPropertySource(locations = "classpath:security-test-api-keys.properties", properties = {
    "kyso.security.enabled=true",
    "kyso.api.rate-limit.enabled=false",
    "kyso.security.key-owners.ubnd-binh-an.organisation=" + SecurityMatrixTest.UBND,
    "kyso.security.key-owners.tran-thi-bich-ngoc.person=ngoc",
    "kyso.security.key-owners.nguyen-van-an.person=an"
})
class SecurityMatrixTest {

    static final String UBND = "000.00.00.H99";
    static final String OTHER_ORG = "000.00.00.H98";

    @Autowired
    MockMvc mvc;

    @Autowired
    ManyKeysSigningService signing;

    @MockitoBean
    AuditLog audit;

    @BeforeEach
    void reset() {
        signing.reset();
        clearInvocations(audit);
        when(audit.entries(anyLong(), anyInt())).thenReturn(List.of());
    }

    // --- who is calling -------------------------------------------------------------------------------------

    static RequestPostProcessor apiKey(String secret) {
        return r -> {
            r.addHeader(ApiKeyFilter.HEADER, secret);
            return r;
        };
    }

    static RequestPostProcessor bearer(String token) {
        return r -> {
            r.addHeader("Authorization", "Bearer " + token);
            return r;
        };
    }

    static final RequestPostProcessor CLERK_UBND = apiKey("clerk-ubnd-secret");
    static final RequestPostProcessor ARCHIVIST = apiKey("archivist-secret");
    static final RequestPostProcessor AUDITOR = apiKey("auditor-secret");
    static final RequestPostProcessor EXCHANGE = apiKey("exchange-secret");
    static final RequestPostProcessor ADMIN = apiKey("admin-secret");
    static final RequestPostProcessor SIGNER_NGOC = bearer(TestTokens.token("ngoc", UBND, List.of("signer")));
    static final RequestPostProcessor SIGNER_AN = bearer(TestTokens.token("an", UBND, List.of("SIGNER")));
    static final RequestPostProcessor CLERK_OTHER = bearer(TestTokens.token("van-thu-khac", OTHER_ORG,
            List.of("clerk")));

    static MockMultipartFile pdf(String part) {
        return new MockMultipartFile(part, "cong-van.pdf", "application/pdf",
                "%PDF-1.7 test".getBytes(StandardCharsets.US_ASCII));
    }

    static AbstractMockHttpServletRequestBuilder<?> sign(String key) {
        return multipart("/api/v1/signatures").file(pdf("file")).param("key", key);
    }

    static AbstractMockHttpServletRequestBuilder<?> ingest() {
        return multipart("/api/v1/records").file(pdf("file"));
    }

    static AbstractMockHttpServletRequestBuilder<?> jsonPut(String path) {
        return put(path).contentType(MediaType.APPLICATION_JSON).content("{\"hold\":true,\"reason\":\"x\"}");
    }

    private ResultActions forbidden(AbstractMockHttpServletRequestBuilder<?> request, RequestPostProcessor who)
            throws Exception {
        return mvc.perform(request.with(who))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("urn:kyso:problem:forbidden"))
                .andExpect(jsonPath("$.code").value("FORBIDDEN"))
                .andExpect(jsonPath("$.status").value(403));
    }

    private ResultActions keyNotYours(AbstractMockHttpServletRequestBuilder<?> request, RequestPostProcessor who)
            throws Exception {
        ResultActions result = mvc.perform(request.with(who))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:kyso:problem:key-not-yours"))
                .andExpect(jsonPath("$.code").value("KEY_NOT_YOURS"));
        assertThat(signing.lastSign).isNull();
        assertThat(signing.lastBatch).isNull();
        assertThat(signing.lastContainer).isNull();
        return result;
    }

    private static final ResultMatcher NOT_REFUSED = r ->
            assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isNotIn(401, 403);

    // --- key ownership: forbidden ---------------------------------------------------------------------------

    @Test
    void aSignerCannotUseTheOrganisationsKey() throws Exception {
        keyNotYours(sign(UBND_KEY), SIGNER_NGOC);
    }

    @Test
    void aSignerCannotUseAnotherPersonsKey() throws Exception {
        keyNotYours(sign(AN_KEY), SIGNER_NGOC);
    }

    @Test
    void aClerkOfAnotherOrganisationCannotUseItsKey() throws Exception {
        keyNotYours(sign(UBND_KEY), CLERK_OTHER);
    }

    @Test
    void aClerkCannotUseAPersonsKey() throws Exception {
        keyNotYours(sign(NGOC_KEY), CLERK_UBND);
    }

    @Test
    void nobodyCanUseAKeyWithoutAnOwner() throws Exception {
        keyNotYours(sign(ORPHAN_KEY), CLERK_UBND);
        keyNotYours(sign("no-such-key"), SIGNER_NGOC);
    }

    @Test
    void aBatchWithSomeoneElsesKeyIsRefused() throws Exception {
        keyNotYours(multipart("/api/v1/signatures/batch").file(pdf("files")).param("key", AN_KEY), SIGNER_NGOC);
    }

    @Test
    void aContainerWithSomeoneElsesKeyIsRefused() throws Exception {
        keyNotYours(multipart("/api/v1/signatures/containers").file(pdf("files")).param("key", UBND_KEY),
                CLERK_OTHER);
    }

    @Test
    void aRefusedKeyIsAuditedOnceAsRefusedWithTheReason() throws Exception {
        keyNotYours(sign(UBND_KEY).header("X-Kyso-Actor", "someone-else"), SIGNER_NGOC);

        ArgumentCaptor<AuditEvent> events = ArgumentCaptor.forClass(AuditEvent.class);
        verify(audit, times(1)).append(events.capture());
        AuditEvent event = events.getValue();
        assertThat(event.action()).isEqualTo(AuditAction.SIGN);
        assertThat(event.outcome()).isEqualTo(AuditOutcome.REFUSED);
        assertThat(event.actor()).isEqualTo("ngoc");
        assertThat(event.target()).isEqualTo("key:" + UBND_KEY);
        assertThat(event.detail()).isEqualTo("POST /api/v1/signatures -> HTTP 403: key owned by someone else");
    }

    // --- key ownership: allowed -----------------------------------------------------------------------------

    @Test
    void aSignerSignsWithTheirOwnKeyAndIsTheAuditedActor() throws Exception {
        mvc.perform(sign(NGOC_KEY).with(SIGNER_NGOC).header("X-Kyso-Actor", "forged")).andExpect(status().isOk());
        assertThat(signing.lastSign.keyId()).isEqualTo(NGOC_KEY);

        ArgumentCaptor<AuditEvent> events = ArgumentCaptor.forClass(AuditEvent.class);
        verify(audit).append(events.capture());
        assertThat(events.getValue().actor()).isEqualTo("ngoc");
        assertThat(events.getValue().outcome()).isEqualTo(AuditOutcome.OK);
    }

    @Test
    void aClerkSignsWithTheOrganisationsKeyAloneInBatchAndInAContainer() throws Exception {
        mvc.perform(sign(UBND_KEY).with(CLERK_UBND)).andExpect(status().isOk());
        mvc.perform(multipart("/api/v1/signatures/batch").file(pdf("files")).param("key", UBND_KEY)
                .with(CLERK_UBND)).andExpect(status().isOk());
        mvc.perform(multipart("/api/v1/signatures/containers").file(pdf("files")).param("key", UBND_KEY)
                .with(CLERK_UBND)).andExpect(status().isOk());
        assertThat(signing.lastContainer.keyId()).isEqualTo(UBND_KEY);
    }

    @Test
    void theKeyListShowsOnlyTheCallersKeys() throws Exception {
        mvc.perform(get("/api/v1/keys").with(SIGNER_NGOC))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(org.hamcrest.Matchers.contains(NGOC_KEY)));
        mvc.perform(get("/api/v1/keys").with(CLERK_UBND))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(org.hamcrest.Matchers.contains(UBND_KEY)));
        mvc.perform(get("/api/v1/keys").with(CLERK_OTHER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$").isEmpty());
    }

    // --- roles: forbidden, one test per action --------------------------------------------------------------

    @Test
    void anArchivistCannotSign() throws Exception {
        forbidden(sign(UBND_KEY), ARCHIVIST);
        assertThat(signing.lastSign).isNull();
    }

    @Test
    void anAuditorCannotSign() throws Exception {
        forbidden(sign(UBND_KEY), AUDITOR);
    }

    @Test
    void anAdministratorCannotSign() throws Exception {
        forbidden(sign(UBND_KEY), ADMIN);
    }

    @Test
    void anExchangeSystemCannotSignWithTheApi() throws Exception {
        forbidden(sign(UBND_KEY), EXCHANGE);
    }

    @Test
    void anArchivistCannotListSigningKeys() throws Exception {
        forbidden(get("/api/v1/keys"), ARCHIVIST);
    }

    @Test
    void anAuditorCannotUseRemoteSigning() throws Exception {
        forbidden(multipart("/api/v1/signatures/prepare").file(pdf("file")), AUDITOR);
    }

    @Test
    void aClerkCannotSearchTheArchive() throws Exception {
        forbidden(get("/api/v1/records"), CLERK_UBND);
    }

    @Test
    void aSignerCannotReadARecordsContent() throws Exception {
        forbidden(get("/api/v1/records/r-1/content"), SIGNER_NGOC);
    }

    @Test
    void anAuditorCannotExportARecord() throws Exception {
        forbidden(get("/api/v1/records/r-1/package"), AUDITOR);
    }

    @Test
    void anExchangeSystemCannotSearchTheArchive() throws Exception {
        forbidden(get("/api/v1/records").param("q", "x"), EXCHANGE);
    }

    @Test
    void anAuditorCannotIngest() throws Exception {
        forbidden(ingest(), AUDITOR);
    }

    @Test
    void aSignerCannotIngest() throws Exception {
        forbidden(ingest(), SIGNER_NGOC);
    }

    @Test
    void aClerkCannotSetALegalHold() throws Exception {
        forbidden(jsonPut("/api/v1/records/r-1/legal-hold"), CLERK_UBND);
    }

    @Test
    void aClerkCannotDrawUpADisposalList() throws Exception {
        forbidden(post("/api/v1/disposal-lists"), CLERK_UBND);
    }

    @Test
    void anAdministratorCannotApproveADisposal() throws Exception {
        forbidden(post("/api/v1/disposal-lists/1/approval"), ADMIN);
    }

    @Test
    void anAuditorCannotRunAnArchiveJob() throws Exception {
        forbidden(post("/api/v1/archive-jobs/FIXITY"), AUDITOR);
    }

    @Test
    void aClerkCannotOpenTheArchivistsPage() throws Exception {
        forbidden(get("/archive"), CLERK_UBND);
    }

    @Test
    void anArchivistCannotUploadALetterDraft() throws Exception {
        forbidden(multipart("/api/v1/letters").file(pdf("file")), ARCHIVIST);
    }

    @Test
    void aClerkCannotSignALetterAsTheAuthorisedPerson() throws Exception {
        forbidden(post("/api/v1/letters/" + java.util.UUID.randomUUID() + "/signature").param("key", NGOC_KEY),
                CLERK_UBND);
    }

    @Test
    void aSignerCannotIssueALetter() throws Exception {
        forbidden(post("/api/v1/letters/" + java.util.UUID.randomUUID() + "/issue").param("key", UBND_KEY),
                SIGNER_NGOC);
    }

    @Test
    void aSignerCannotSignALetterWithAnotherPersonsKey() throws Exception {
        mvc.perform(post("/api/v1/letters/" + java.util.UUID.randomUUID() + "/signature").param("key", AN_KEY)
                        .with(SIGNER_NGOC))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("KEY_NOT_YOURS"));
    }

    @Test
    void aClerkOfAnotherOrganisationCannotIssueWithItsKey() throws Exception {
        mvc.perform(post("/api/v1/letters/" + java.util.UUID.randomUUID() + "/issue").param("key", UBND_KEY)
                        .with(CLERK_OTHER))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("KEY_NOT_YOURS"));
    }

    static AbstractMockHttpServletRequestBuilder<?> outgoing(String from, String key) {
        AbstractMockHttpServletRequestBuilder<?> b = multipart("/api/v1/exchange/outgoing").file(pdf("file"))
                .param("from", from).param("to", OTHER_ORG).param("codeNumber", "12")
                .param("codeNotation", "UBND-VP").param("place", "Bình An").param("promulgationDate", "2026-11-20")
                .param("documentType", "Công văn").param("subject", "Về việc");
        return key == null ? b : b.param("key", key);
    }

    @Test
    void aClerkCannotSendAnEdxmlMessageForAnotherAgency() throws Exception {
        mvc.perform(outgoing(UBND, null).with(CLERK_OTHER))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("KEY_NOT_YOURS"));
    }

    @Test
    void aClerkCannotSignAnEdxmlMessageWithAnotherAgencysKey() throws Exception {
        mvc.perform(outgoing(OTHER_ORG, UBND_KEY).with(CLERK_OTHER))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("KEY_NOT_YOURS"));
    }

    @Test
    void aClerkMaySendForItsOwnAgency() throws Exception {
        mvc.perform(outgoing(UBND, UBND_KEY).with(CLERK_UBND)).andExpect(NOT_REFUSED);
    }

    @Test
    void aClerkCannotReceiveForAnotherAgency() throws Exception {
        mvc.perform(post("/api/v1/exchange/incoming").param("receiver", UBND).contentType("application/xml")
                        .content("<edXML/>").with(CLERK_OTHER))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("KEY_NOT_YOURS"));
    }

    @Test
    void anAuditorCannotOpenTheLettersPage() throws Exception {
        forbidden(get("/letters"), AUDITOR);
    }

    @Test
    void anAuditorCannotConvert() throws Exception {
        forbidden(multipart("/api/v1/conversions").file(pdf("file")), AUDITOR);
    }

    @Test
    void anArchivistCannotSendAnEdxmlMessage() throws Exception {
        forbidden(multipart("/api/v1/exchange/outgoing").file(pdf("file")), ARCHIVIST);
    }

    @Test
    void aSignerCannotReceiveAnEdxmlMessage() throws Exception {
        forbidden(post("/api/v1/exchange/incoming").contentType(MediaType.APPLICATION_XML).content("<x/>"),
                SIGNER_NGOC);
    }

    @Test
    void anExchangeSystemCannotReadTheAuditTrail() throws Exception {
        forbidden(get("/api/v1/audit/entries"), EXCHANGE);
        verify(audit, never()).entries(anyLong(), anyInt());
    }

    @Test
    void anArchivistCannotReadTheAuditTrail() throws Exception {
        forbidden(get("/api/v1/audit/verification"), ARCHIVIST);
    }

    @Test
    void anAdministratorCannotCheckpointTheAuditTrail() throws Exception {
        forbidden(post("/api/v1/audit/checkpoints"), ADMIN);
    }

    @Test
    void onlyTheAdministratorSeesKeyOwners() throws Exception {
        forbidden(get("/api/v1/admin/key-owners"), AUDITOR);
        forbidden(get("/api/v1/admin/key-owners"), CLERK_UBND);
    }

    @Test
    void anEndpointMissingFromTheTableIsClosed() throws Exception {
        forbidden(get("/api/v1/somewhere-new"), ADMIN);
        forbidden(post("/api/v1/keys"), CLERK_UBND);
    }

    // --- roles: allowed -------------------------------------------------------------------------------------

    @Test
    void aClerkTheExchangeAndAnArchivistMayIngest() throws Exception {
        for (RequestPostProcessor who : List.of(CLERK_UBND, EXCHANGE, ARCHIVIST)) {
            mvc.perform(ingest().with(who)).andExpect(NOT_REFUSED);
        }
    }

    @Test
    void anArchivistManagesTheArchive() throws Exception {
        mvc.perform(get("/api/v1/records").with(ARCHIVIST)).andExpect(NOT_REFUSED);
        mvc.perform(get("/api/v1/records/r-1/content").with(ARCHIVIST)).andExpect(NOT_REFUSED);
        mvc.perform(get("/api/v1/files/F1/H1/package").with(ARCHIVIST)).andExpect(NOT_REFUSED);
        mvc.perform(jsonPut("/api/v1/records/r-1/legal-hold").with(ARCHIVIST)).andExpect(NOT_REFUSED);
        mvc.perform(post("/api/v1/disposal-lists").with(ARCHIVIST)).andExpect(NOT_REFUSED);
        mvc.perform(post("/api/v1/disposal-lists/1/approval").with(ARCHIVIST)).andExpect(NOT_REFUSED);
        mvc.perform(post("/api/v1/archive-jobs/FIXITY").with(ARCHIVIST)).andExpect(NOT_REFUSED);
        mvc.perform(get("/archive").with(ARCHIVIST)).andExpect(NOT_REFUSED);
    }

    @Test
    void clerksAndArchivistsKeepFilesOnlyArchivistsReadAndExportThem() throws Exception {
        for (RequestPostProcessor who : List.of(CLERK_UBND, ARCHIVIST)) {
            mvc.perform(post("/api/v1/files").contentType(MediaType.APPLICATION_JSON).content("{}").with(who))
                    .andExpect(NOT_REFUSED);
            mvc.perform(post("/api/v1/files/G09/000.00.31.H09.2025.01/QH/closure").with(who))
                    .andExpect(NOT_REFUSED);
        }
        mvc.perform(get("/api/v1/files/G09/000.00.31.H09.2025.01/QH/eark-package").with(ARCHIVIST))
                .andExpect(NOT_REFUSED);
        forbidden(post("/api/v1/files").contentType(MediaType.APPLICATION_JSON).content("{}"), SIGNER_NGOC);
        forbidden(post("/api/v1/files/G09/000.00.31.H09.2025.01/QH/records"), EXCHANGE);
        forbidden(get("/api/v1/files/G09/000.00.31.H09.2025.01/QH/eark-package"), CLERK_UBND);
        forbidden(get("/api/v1/records/r-1/eark-package"), CLERK_UBND);
    }

    @Test
    void clerksSignersAndArchivistsMayConvert() throws Exception {
        for (RequestPostProcessor who : List.of(CLERK_UBND, SIGNER_NGOC, ARCHIVIST)) {
            mvc.perform(multipart("/api/v1/conversions").file(pdf("file")).with(who)).andExpect(NOT_REFUSED);
        }
    }

    @Test
    void theExchangeSystemAndClerksMayExchange() throws Exception {
        for (RequestPostProcessor who : List.of(EXCHANGE, CLERK_UBND)) {
            mvc.perform(post("/api/v1/exchange/incoming").contentType(MediaType.APPLICATION_XML).content("<x/>")
                    .with(who)).andExpect(NOT_REFUSED);
        }
    }

    @Test
    void theAuditorReadsTheAuditTrail() throws Exception {
        mvc.perform(get("/api/v1/audit/entries").with(AUDITOR)).andExpect(status().isOk());
        verify(audit).entries(1, 100);
    }

    @Test
    void theAdministratorReadsKeyOwnersWithoutSecrets() throws Exception {
        mvc.perform(get("/api/v1/admin/key-owners").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$['ubnd-binh-an'].organisation").value(UBND))
                .andExpect(jsonPath("$['tran-thi-bich-ngoc'].person").value("ngoc"))
                .andExpect(content().string(not(containsString("90b6a521"))));
    }

    // --- authentication -------------------------------------------------------------------------------------

    @Test
    void noCredentialsOnAProtectedEndpointIs401AsAProblem() throws Exception {
        mvc.perform(sign(UBND_KEY))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("urn:kyso:problem:unauthenticated"))
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.instance").value("/api/v1/signatures"));
        assertThat(signing.lastSign).isNull();
    }

    @Test
    void theActorHeaderAloneAuthenticatesNobody() throws Exception {
        mvc.perform(get("/api/v1/records").header("X-Kyso-Actor", "luu-tru-vien")).andExpect(status().isUnauthorized());
    }

    @Test
    void anUnknownApiKeyIs401EvenOnAPublicEndpoint() throws Exception {
        mvc.perform(multipart("/api/v1/validations").file(pdf("file")).with(apiKey("guessed")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
    }

    @Test
    void credentialsNeverAppearInLogsOrProblems(CapturedOutput output) throws Exception {
        String wrongKey = "wrong-secret-7f3a9c";
        String token = TestTokens.sign(TestTokens.STRANGER, "ngoc", UBND, List.of("signer"),
                Instant.now().plusSeconds(300));
        String body1 = mvc.perform(get("/api/v1/records").with(apiKey(wrongKey)))
                .andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString();
        String body2 = mvc.perform(sign(UBND_KEY).with(bearer(token)))
                .andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString();
        String body3 = mvc.perform(sign(UBND_KEY).with(SIGNER_NGOC))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();
        String body4 = mvc.perform(get("/api/v1/records").with(CLERK_UBND))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();

        for (String text : List.of(body1, body2, body3, body4, output.getAll())) {
            assertThat(text).doesNotContain(wrongKey).doesNotContain(token).doesNotContain("clerk-ubnd-secret")
                    .doesNotContain(token.substring(token.lastIndexOf('.') + 1));
        }
        assertThat(output.getAll()).contains("Access denied: GET /api/v1/records by van-thu-ubnd");
    }

    @Test
    void aTokenFromAnotherIssuerIs401() throws Exception {
        String forged = TestTokens.sign(TestTokens.STRANGER, "ngoc", UBND, List.of("signer"),
                Instant.now().plusSeconds(300));
        mvc.perform(sign(NGOC_KEY).with(bearer(forged)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:kyso:problem:unauthenticated"));
    }

    @Test
    void anExpiredTokenIs401() throws Exception {
        String expired = TestTokens.sign(TestTokens.TRUSTED, "ngoc", UBND, List.of("signer"),
                Instant.now().minusSeconds(3600));
        mvc.perform(sign(NGOC_KEY).with(bearer(expired))).andExpect(status().isUnauthorized());
    }

    @Test
    void aTokenWithoutRolesMayDoNothingProtected() throws Exception {
        forbidden(sign(NGOC_KEY), bearer(TestTokens.token("ngoc", UBND, List.of("citizen"))));
    }

    // --- public -------------------------------------------------------------------------------------------

    @Test
    void theVerificationPageAndItsApiArePublic() throws Exception {
        mvc.perform(get("/verify")).andExpect(status().isOk())
                .andExpect(header().stringValues("X-Frame-Options", "DENY"))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")));
        mvc.perform(get("/verify/verify.js")).andExpect(status().isOk());
        mvc.perform(multipart("/api/v1/validations").file(pdf("file"))).andExpect(NOT_REFUSED);
        mvc.perform(multipart("/api/v1/issued-documents/123/comparison").file(pdf("file")))
                .andExpect(NOT_REFUSED);
    }

    @Test
    void theSharedPageAssetsArePublicWithThePagesHeaders() throws Exception {
        for (String path : List.of("/assets/kyso.css", "/assets/kyso.js", "/assets/favicon.svg")) {
            mvc.perform(get(path)).andExpect(status().isOk())
                    .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
                    .andExpect(header().stringValues("X-Frame-Options", "DENY"));
        }
    }

    @Test
    void everyAssetOfAPageLoadsForWhoeverMayOpenThePage() throws Exception {
        assertAssetsLoad("/letters", CLERK_UBND);
        assertAssetsLoad("/letters", SIGNER_NGOC);
        assertAssetsLoad("/archive", ARCHIVIST);
        assertAssetsLoad("/verify", r -> r);
    }

    /** The page's stylesheets, scripts and icon, each fetched with the same credentials as the page. */
    private void assertAssetsLoad(String page, RequestPostProcessor who) throws Exception {
        String html = mvc.perform(get(page).with(who)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Matcher m = Pattern.compile("<(?:link|script)\\b[^>]*?(?:href|src)=\"(/[^\"]+)\"").matcher(html);
        List<String> assets = new ArrayList<>();
        while (m.find()) {
            assets.add(m.group(1));
        }
        assertThat(assets).as(page).contains("/assets/kyso.css", "/assets/kyso.js");
        for (String asset : assets) {
            mvc.perform(get(asset).with(who)).andExpect(r -> assertThat(r.getResponse().getStatus())
                    .as(page + " loads " + asset).isEqualTo(200));
        }
    }

    @Test
    void healthAndTheApiDocsArePublic() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(NOT_REFUSED);
        mvc.perform(get("/v3/api-docs")).andExpect(NOT_REFUSED);
        mvc.perform(get("/swagger-ui/index.html")).andExpect(NOT_REFUSED);
    }

    @Test
    void otherActuatorEndpointsAreClosedEvenToTheAdministrator() throws Exception {
        mvc.perform(get("/actuator/env")).andExpect(status().isUnauthorized());
        forbidden(get("/actuator/env"), ADMIN);
        forbidden(get("/actuator/configprops"), ADMIN);
    }

    @Test
    void metricsNeedTheMonitorRoleAndNoOtherRoleGetsThem() throws Exception {
        mvc.perform(get("/actuator/prometheus").header("X-Request-Id", "scrape-401"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("X-Request-Id", "scrape-401"))
                .andExpect(jsonPath("$.requestId").value("scrape-401"));
        forbidden(get("/actuator/prometheus"), ADMIN);
        forbidden(get("/actuator/prometheus"), AUDITOR);
        mvc.perform(get("/actuator/prometheus").with(bearer(TestTokens.token("prometheus", UBND, List.of("monitor")))))
                .andExpect(NOT_REFUSED);
    }

    @Test
    void theApiIsStatelessWithoutCookiesOrCsrf() throws Exception {
        // A POST without any CSRF token is accepted: there is no cookie a browser could replay.
        mvc.perform(sign(UBND_KEY).with(CLERK_UBND))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Set-Cookie"));
    }

    // --- refusals at the door in the audit trail ------------------------------------------------------------

    static RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    private AuditEvent onlyAuditEvent() {
        ArgumentCaptor<AuditEvent> events = ArgumentCaptor.forClass(AuditEvent.class);
        verify(audit, times(1)).append(events.capture());
        return events.getValue();
    }

    @Test
    void aRoleRefusalAtTheDoorIsAuditedOnceWithTheCallerTheActionAndThePath() throws Exception {
        // Role refusals happen before Spring MVC, so the interceptor never sees them; the filters write them.
        forbidden(ingest(), AUDITOR);
        AuditEvent event = onlyAuditEvent();
        assertThat(event.actor()).isEqualTo("thanh-tra");
        assertThat(event.action()).isEqualTo(AuditAction.INGEST);
        assertThat(event.outcome()).isEqualTo(AuditOutcome.REFUSED);
        assertThat(event.target()).isNull();
        assertThat(event.detail()).isEqualTo("POST /api/v1/records -> HTTP 403: refused by the access rules (roles "
                + "[AUDITOR])");
    }

    @Test
    void aRoleRefusalOnAPathWithNoActionOfItsOwnIsAuditedAsAccess() throws Exception {
        forbidden(get("/api/v1/records").param("q", "secret words"), CLERK_UBND);
        AuditEvent event = onlyAuditEvent();
        assertThat(event.actor()).isEqualTo("van-thu-ubnd");
        assertThat(event.action()).isEqualTo(AuditAction.ACCESS);
        assertThat(event.detail()).isEqualTo("GET /api/v1/records -> HTTP 403: refused by the access rules (roles "
                + "[CLERK])").doesNotContain("secret");
    }

    @Test
    void everyRoleRefusalOfAnAuthenticatedCallerIsAudited() throws Exception {
        for (int i = 0; i < 5; i++) {
            forbidden(get("/archive"), CLERK_UBND);
        }
        verify(audit, times(5)).append(any());
    }

    @Test
    void aFloodOfUnauthenticatedRequestsFromOneClientIsAuditedOnceInItsWindow() throws Exception {
        for (int i = 0; i < 30; i++) {
            mvc.perform(sign(UBND_KEY).with(from("10.77.0.1"))).andExpect(status().isUnauthorized());
        }
        AuditEvent event = onlyAuditEvent();
        assertThat(event.actor()).isEqualTo("anonymous");
        assertThat(event.action()).isEqualTo(AuditAction.SIGN);
        assertThat(event.outcome()).isEqualTo(AuditOutcome.REFUSED);
        assertThat(event.clientAddress()).isEqualTo("10.77.0.1");
        assertThat(event.detail()).startsWith("POST /api/v1/signatures -> HTTP 401: no credentials");

        mvc.perform(get("/api/v1/records").with(from("10.77.0.2"))).andExpect(status().isUnauthorized());
        verify(audit, times(2)).append(any());
    }

    @Test
    void anUnknownApiKeyIsAuditedWithoutTheKey() throws Exception {
        mvc.perform(get("/api/v1/records").with(apiKey("guessed-key-4f1e")).with(from("10.77.0.3")))
                .andExpect(status().isUnauthorized());
        AuditEvent event = onlyAuditEvent();
        assertThat(event.detail()).startsWith("GET /api/v1/records -> HTTP 401: unknown API key")
                .doesNotContain("guessed");
        assertThat(event.actor()).isEqualTo("anonymous");
    }
}
