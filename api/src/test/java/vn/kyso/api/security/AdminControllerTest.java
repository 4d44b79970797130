package vn.kyso.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.kyso.api.security.ManyKeysSigningService.AN_KEY;
import static vn.kyso.api.security.ManyKeysSigningService.NGOC_KEY;
import static vn.kyso.api.security.ManyKeysSigningService.UBND_KEY;
import static vn.kyso.api.security.SecurityMatrixTest.ADMIN;
import static vn.kyso.api.security.SecurityMatrixTest.ARCHIVIST;
import static vn.kyso.api.security.SecurityMatrixTest.AUDITOR;
import static vn.kyso.api.security.SecurityMatrixTest.CLERK_UBND;
import static vn.kyso.api.security.SecurityMatrixTest.EXCHANGE;
import static vn.kyso.api.security.SecurityMatrixTest.SIGNER_AN;
import static vn.kyso.api.security.SecurityMatrixTest.SIGNER_NGOC;
import static vn.kyso.api.security.SecurityMatrixTest.UBND;
import static vn.kyso.api.security.SecurityMatrixTest.apiKey;
import static vn.kyso.api.security.SecurityMatrixTest.from;
import static vn.kyso.api.security.SecurityMatrixTest.sign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.kyso.api.FakeValidationService;
import vn.kyso.audit.AuditAction;
import vn.kyso.audit.AuditError;
import vn.kyso.audit.AuditEvent;
import vn.kyso.audit.AuditException;
import vn.kyso.audit.AuditLog;
import vn.kyso.audit.AuditOutcome;
import vn.kyso.access.AccessControl;
import vn.kyso.access.spi.AccessStore;
import vn.kyso.access.testing.InMemoryAccessStore;

/**
 * The administrator's changes to key owners and API keys, with access control on: only the administrator
 * may make them (one test per forbidden action, each role refused, anonymous 401), each change takes effect
 * at once, and each change and each refusal is in the audit trail, never with a secret. The same API keys
 * as {@link SecurityMatrixTest}; the changes are kept in an {@link InMemoryAccessStore}.
 */
@WebMvcTest
@ExtendWith(OutputCaptureExtension.class)
@Import({ManyKeysSigningService.class, FakeValidationService.class, TestTokens.class, InMemoryAccessStore.class})
@TestPropertySource(locations = "classpath:security-test-api-keys.properties", properties = {
    "kyso.security.enabled=true",
    "kyso.api.rate-limit.enabled=false",
    "kyso.security.key-owners.ubnd-binh-an.organisation=" + SecurityMatrixTest.UBND,
    "kyso.security.key-owners.tran-thi-bich-ngoc.person=ngoc"
})
class AdminControllerTest {

    static final Map<String, RequestPostProcessor> NOT_ADMINISTRATORS = Map.of("clerk", CLERK_UBND,
            "signer", SIGNER_NGOC, "archivist", ARCHIVIST, "exchange system", EXCHANGE, "auditor", AUDITOR);

    @Autowired
    MockMvc mvc;

    @Autowired
    InMemoryAccessStore store;

    @Autowired
    AccessControl access;

    @Autowired
    ManyKeysSigningService signing;

    @MockitoBean
    AuditLog audit;

    final ObjectMapper json = new ObjectMapper();
    static int anonymousClients;

    @BeforeEach
    void clean() {
        store.reset();
        signing.reset();
        reset(audit);
        // The store was emptied behind the access control's back: read it again, as after a restart.
        access.reload();
        clearInvocations(audit);
    }

    // --- requests -------------------------------------------------------------------------------------------

    static MockHttpServletRequestBuilder bind(String alias, String body) {
        return put("/api/v1/admin/key-owners/" + alias).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    static MockHttpServletRequestBuilder unbind(String alias) {
        return delete("/api/v1/admin/key-owners/" + alias);
    }

    static MockHttpServletRequestBuilder issue(String body) {
        return post("/api/v1/admin/api-keys").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    static MockHttpServletRequestBuilder revoke(String id) {
        return delete("/api/v1/admin/api-keys/" + id);
    }

    private List<AuditEvent> events(int expected) {
        ArgumentCaptor<AuditEvent> events = ArgumentCaptor.forClass(AuditEvent.class);
        verify(audit, times(expected)).append(events.capture());
        return events.getAllValues();
    }

    /**
     * Every role but the administrator's gets 403 and anonymous 401, each written to the audit trail as
     * REFUSED with the action the request would have been, and nothing changes.
     */
    private void onlyTheAdministrator(Supplier<MockHttpServletRequestBuilder> request, AuditAction action,
            String target) throws Exception {
        for (var who : NOT_ADMINISTRATORS.entrySet()) {
            mvc.perform(request.get().with(who.getValue()))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        }
        mvc.perform(request.get().with(from("10.99.0." + (++anonymousClients))))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));

        List<AuditEvent> events = events(NOT_ADMINISTRATORS.size() + 1);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.action()).isEqualTo(action);
            assertThat(e.outcome()).isEqualTo(AuditOutcome.REFUSED);
            assertThat(e.target()).isEqualTo(target);
        });
        assertThat(events).extracting(AuditEvent::actor).containsExactlyInAnyOrder("van-thu-ubnd", "ngoc",
                "luu-tru-vien", "truc-lien-thong", "thanh-tra", "anonymous");
        assertThat(store.owners()).isEmpty();
        assertThat(store.keys()).isEmpty();
    }

    // --- forbidden, one test per action ---------------------------------------------------------------------

    @Test
    void onlyTheAdministratorBindsAKeyToAnOwner() throws Exception {
        onlyTheAdministrator(() -> bind(UBND_KEY, "{\"person\":\"an\"}"), AuditAction.KEY_CHANGE,
                "key:" + UBND_KEY);
    }

    @Test
    void onlyTheAdministratorUnbindsAKey() throws Exception {
        onlyTheAdministrator(() -> unbind(NGOC_KEY), AuditAction.KEY_CHANGE, "key:" + NGOC_KEY);
    }

    @Test
    void onlyTheAdministratorIssuesAnApiKey() throws Exception {
        onlyTheAdministrator(() -> issue("{\"principal\":\"x\",\"roles\":[\"ADMINISTRATOR\"]}"),
                AuditAction.PERMISSION_CHANGE, null);
    }

    @Test
    void onlyTheAdministratorRevokesAnApiKey() throws Exception {
        onlyTheAdministrator(() -> revoke("admin"), AuditAction.PERMISSION_CHANGE, "api-key:admin");
        mvc.perform(get("/api/v1/admin/api-keys").with(ADMIN)).andExpect(status().isOk());
    }

    @Test
    void onlyTheAdministratorListsTheApiKeys() throws Exception {
        onlyTheAdministrator(() -> get("/api/v1/admin/api-keys"), AuditAction.ACCESS, null);
    }

    @Test
    void onlyTheAdministratorListsTheKeyOwners() throws Exception {
        onlyTheAdministrator(() -> get("/api/v1/admin/key-owners"), AuditAction.ACCESS, null);
    }

    // --- key owners -----------------------------------------------------------------------------------------

    @Test
    void bindingAKeyHandsItToItsNewOwnerAtOnceAndIsAudited() throws Exception {
        mvc.perform(sign(UBND_KEY).with(SIGNER_AN)).andExpect(status().isForbidden());
        clearInvocations(audit);

        mvc.perform(bind(UBND_KEY, "{\"person\":\"an\"}").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.alias").value(UBND_KEY))
                .andExpect(jsonPath("$.person").value("an"))
                .andExpect(jsonPath("$.organisation").doesNotExist())
                .andExpect(jsonPath("$.source").value("DATABASE"))
                .andExpect(jsonPath("$.changedBy").value("quan-tri"));

        AuditEvent change = events(1).get(0);
        assertThat(change.action()).isEqualTo(AuditAction.KEY_CHANGE);
        assertThat(change.outcome()).isEqualTo(AuditOutcome.OK);
        assertThat(change.actor()).isEqualTo("quan-tri");
        assertThat(change.target()).isEqualTo("key:" + UBND_KEY);
        assertThat(change.detail()).isEqualTo("PUT /api/v1/admin/key-owners/ubnd-binh-an: owner person an, was "
                + "organisation " + UBND + " (configuration)");

        mvc.perform(sign(UBND_KEY).with(SIGNER_AN)).andExpect(status().isOk());
        mvc.perform(sign(UBND_KEY).with(CLERK_UBND)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("KEY_NOT_YOURS"));
        mvc.perform(get("/api/v1/admin/key-owners").with(ADMIN))
                .andExpect(jsonPath("$['ubnd-binh-an'].person").value("an"))
                .andExpect(jsonPath("$['ubnd-binh-an'].source").value("DATABASE"))
                .andExpect(jsonPath("$['tran-thi-bich-ngoc'].source").value("CONFIGURATION"));
    }

    @Test
    void unbindingAKeyLeavesItToNobodyAndUnbindingAgainIs404() throws Exception {
        mvc.perform(unbind(NGOC_KEY).with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.person").doesNotExist())
                .andExpect(jsonPath("$.source").value("DATABASE"));
        mvc.perform(sign(NGOC_KEY).with(SIGNER_NGOC)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("KEY_NOT_YOURS"));
        mvc.perform(get("/api/v1/keys").with(SIGNER_NGOC)).andExpect(jsonPath("$").isEmpty());

        mvc.perform(unbind(NGOC_KEY).with(ADMIN))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("KEY_OWNER_NOT_FOUND"));

        List<AuditEvent> events = events(3);
        assertThat(events.get(0).action()).isEqualTo(AuditAction.KEY_CHANGE);
        assertThat(events.get(0).outcome()).isEqualTo(AuditOutcome.OK);
        assertThat(events.get(0).detail()).endsWith("owner removed, was person ngoc (configuration)");
        assertThat(events.get(1).action()).isEqualTo(AuditAction.SIGN); // the refused signature
        AuditEvent refused = events.get(2);
        assertThat(refused.action()).isEqualTo(AuditAction.KEY_CHANGE);
        assertThat(refused.outcome()).isEqualTo(AuditOutcome.REFUSED);
        assertThat(refused.actor()).isEqualTo("quan-tri");
        assertThat(refused.detail()).isEqualTo("DELETE /api/v1/admin/key-owners/tran-thi-bich-ngoc -> HTTP 404: key "
                + "'tran-thi-bich-ngoc' has no owner");
    }

    @Test
    void anUnknownKeyCannotBeBoundAndTheAttemptIsAudited() throws Exception {
        mvc.perform(bind("no-such-key", "{\"organisation\":\"" + UBND + "\"}").with(ADMIN))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("KEY_NOT_FOUND"))
                .andExpect(jsonPath("$.type").value("urn:kyso:problem:key-not-found"));
        AuditEvent refused = events(1).get(0);
        assertThat(refused.action()).isEqualTo(AuditAction.KEY_CHANGE);
        assertThat(refused.outcome()).isEqualTo(AuditOutcome.REFUSED);
        assertThat(refused.target()).isEqualTo("key:no-such-key");
        assertThat(store.owners()).isEmpty();
    }

    @Test
    void anOwnerIsAPersonOrAnOrganisationAndBadRequestsAre400ProblemsInTheTrail() throws Exception {
        for (String body : List.of("{\"person\":\"an\",\"organisation\":\"x\"}", "{}", "{\"person\":\"two words\"}",
                "{\"organisation\":\"" + "x".repeat(129) + "\"}")) {
            mvc.perform(bind(AN_KEY, body).with(ADMIN))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.code").value("INVALID_REQUEST"))
                    .andExpect(jsonPath("$.errors[0].field").exists())
                    .andExpect(content().string(not(containsString("two words"))));
        }
        mvc.perform(bind(AN_KEY, "{not json").with(ADMIN)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_REQUEST"));
        mvc.perform(put("/api/v1/admin/key-owners/" + AN_KEY).with(ADMIN)).andExpect(status().is4xxClientError());

        List<AuditEvent> events = events(6);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.KEY_CHANGE);
            assertThat(e.outcome()).isEqualTo(AuditOutcome.REFUSED);
            assertThat(e.target()).isEqualTo("key:" + AN_KEY);
        });
        assertThat(events.get(0).detail()).isEqualTo("PUT /api/v1/admin/key-owners/nguyen-van-an -> HTTP 400: "
                + "organisation: give either a person or an organisation, not both");
        assertThat(events.get(1).detail()).isEqualTo("PUT /api/v1/admin/key-owners/nguyen-van-an -> HTTP 400: "
                + "person: give a person or an organisation");
        assertThat(store.owners()).isEmpty();
    }

    // --- API keys -------------------------------------------------------------------------------------------

    @Test
    void anIssuedKeyWorksAtOnceShowsItsSecretOnceAndStopsWhenRevoked(CapturedOutput output) throws Exception {
        String answer = mvc.perform(issue("{\"id\":\"edoc-ubnd\",\"principal\":\"edoc-ubnd-binh-an\","
                        + "\"organisation\":\"" + UBND + "\",\"roles\":[\"exchange-system\",\"AUDITOR\"]}").with(ADMIN))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/admin/api-keys/edoc-ubnd"))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.id").value("edoc-ubnd"))
                .andExpect(jsonPath("$.header").value("X-Kyso-Api-Key"))
                .andExpect(jsonPath("$.issuedBy").value("quan-tri"))
                .andReturn().getResponse().getContentAsString();
        JsonNode issued = json.readTree(answer);
        String secret = issued.get("secret").asText();
        assertThat(secret).startsWith("kyso_");
        assertThat(issued.get("roles")).extracting(JsonNode::asText).containsExactlyInAnyOrder("EXCHANGE_SYSTEM",
                "AUDITOR");
        assertThat(answer).doesNotContain(InMemoryAccessStore.hash(secret));

        mvc.perform(get("/api/v1/audit/entries").with(apiKey(secret))).andExpect(status().isOk());
        String list = mvc.perform(get("/api/v1/admin/api-keys").with(ADMIN)).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == 'edoc-ubnd')].active").value(true))
                .andExpect(jsonPath("$[?(@.id == 'edoc-ubnd')].source").value("DATABASE"))
                .andExpect(jsonPath("$[?(@.id == 'admin')].source").value("CONFIGURATION"))
                .andReturn().getResponse().getContentAsString();
        String one = mvc.perform(get("/api/v1/admin/api-keys/edoc-ubnd").with(ADMIN)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        mvc.perform(revoke("edoc-ubnd").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false))
                .andExpect(jsonPath("$.revokedBy").value("quan-tri"));
        mvc.perform(get("/api/v1/audit/entries").with(apiKey(secret)).with(from("10.98.0.1")))
                .andExpect(status().isUnauthorized());
        mvc.perform(revoke("edoc-ubnd").with(ADMIN)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("API_KEY_REVOKED"));

        List<AuditEvent> events = events(4);
        assertThat(events).extracting(AuditEvent::action, AuditEvent::outcome, AuditEvent::target).containsExactly(
                tuple(AuditAction.PERMISSION_CHANGE, AuditOutcome.OK, "api-key:edoc-ubnd"),
                tuple(AuditAction.PERMISSION_CHANGE, AuditOutcome.OK, "api-key:edoc-ubnd"),
                tuple(AuditAction.ACCESS, AuditOutcome.REFUSED, null),
                tuple(AuditAction.PERMISSION_CHANGE, AuditOutcome.REFUSED, "api-key:edoc-ubnd"));
        assertThat(events.get(0).detail()).isEqualTo("POST /api/v1/admin/api-keys: issued to edoc-ubnd-binh-an of "
                + UBND + " with roles [EXCHANGE_SYSTEM, AUDITOR]");
        assertThat(events.get(1).detail()).startsWith("DELETE /api/v1/admin/api-keys/edoc-ubnd: revoked, was "
                + "edoc-ubnd-binh-an");
        assertThat(events.get(2).detail()).startsWith("GET /api/v1/audit/entries -> HTTP 401: unknown API key");
        // The secret is in the one answer that issued it, and nowhere else: not the store, the trail, the log.
        for (String text : List.of(list, one, store.keys().toString(), events.toString(), output.getAll())) {
            assertThat(text).doesNotContain(secret);
        }
        assertThat(store.keys()).singleElement().satisfies(k -> assertThat(k.keyHash())
                .isEqualTo(InMemoryAccessStore.hash(secret)));
    }

    @Test
    void aConfiguredKeyCanBeRevokedAndTheRevocationIsKept() throws Exception {
        mvc.perform(get("/api/v1/audit/entries").with(AUDITOR)).andExpect(status().isOk());
        mvc.perform(revoke("auditor").with(ADMIN)).andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("CONFIGURATION"))
                .andExpect(jsonPath("$.active").value(false));
        mvc.perform(get("/api/v1/audit/entries").with(AUDITOR).with(from("10.98.0.2")))
                .andExpect(status().isUnauthorized());
        assertThat(store.keys()).singleElement().satisfies(k -> {
            assertThat(k.origin()).isEqualTo(AccessStore.Origin.CONFIGURATION);
            assertThat(k.id()).isEqualTo("auditor");
            assertThat(k.revokedBy()).isEqualTo("quan-tri");
        });
    }

    @Test
    void anIdInUseIsAConflictAndBadKeyRequestsAre400() throws Exception {
        mvc.perform(issue("{\"id\":\"clerk-ubnd\",\"principal\":\"x\",\"roles\":[\"CLERK\"]}").with(ADMIN))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("API_KEY_EXISTS"));
        mvc.perform(issue("{\"id\":\"bad id!\",\"principal\":\"\",\"roles\":[\"CLERK\",\"KING\"]}").with(ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_REQUEST"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("id", "principal",
                        "roles")))
                .andExpect(content().string(not(containsString("KING"))));
        mvc.perform(issue("{\"principal\":\"x\",\"roles\":[]}").with(ADMIN)).andExpect(status().isBadRequest());
        mvc.perform(revoke("no-such-key").with(ADMIN)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("API_KEY_NOT_FOUND"));

        List<AuditEvent> events = events(4);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.PERMISSION_CHANGE);
            assertThat(e.outcome()).isEqualTo(AuditOutcome.REFUSED);
        });
        assertThat(events.get(0).target()).isEqualTo("api-key:clerk-ubnd");
        assertThat(events.get(0).detail()).isEqualTo("POST /api/v1/admin/api-keys -> HTTP 409: there is an API key "
                + "'clerk-ubnd' already; ids are never reused");
        assertThat(events.get(3).target()).isEqualTo("api-key:no-such-key");
        assertThat(store.keys()).isEmpty();
    }

    @Test
    void aChangeTheAuditTrailCannotRecordIsNotMade() throws Exception {
        when(audit.append(any())).thenThrow(new AuditException(AuditError.DATABASE_UNAVAILABLE, "down"));

        mvc.perform(bind(AN_KEY, "{\"person\":\"ngoc\"}").with(ADMIN))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("AUDIT_UNAVAILABLE"));
        mvc.perform(issue("{\"principal\":\"x\",\"roles\":[\"AUDITOR\"]}").with(ADMIN))
                .andExpect(status().isServiceUnavailable());
        mvc.perform(revoke("clerk-ubnd").with(ADMIN)).andExpect(status().isServiceUnavailable());

        assertThat(store.owners()).isEmpty();
        assertThat(store.keys()).isEmpty();
        // Issue #13: no durable audit entry, no signature. The key is still hers (else 403 KEY_NOT_YOURS),
        // but while the trail is down the signature is withheld; once it is back she signs as before.
        mvc.perform(sign(UBND_KEY).with(CLERK_UBND)).andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("SIGNATURE_NOT_AUDITED"));
        org.mockito.Mockito.reset(audit);
        mvc.perform(sign(UBND_KEY).with(CLERK_UBND)).andExpect(status().isOk());
    }

    @Test
    void readsAreNotAudited() throws Exception {
        mvc.perform(get("/api/v1/admin/key-owners").with(ADMIN)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/admin/api-keys").with(ADMIN)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("keyHash"))))
                .andExpect(content().string(not(containsString("90b6a521"))));
        verify(audit, never()).append(any());
    }
}
