package vn.kyso.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import vn.kyso.api.audit.AuditTrail;
import vn.kyso.access.AccessControl;
import vn.kyso.access.Caller;
import vn.kyso.access.Role;
import vn.kyso.access.SecuritySettings;
import vn.kyso.access.internal.JdbcAccessStore;
import vn.kyso.access.internal.StoredAccessControl;
import vn.kyso.core.testing.Eventually;

/**
 * The administrator's changes through the running service with the demo PKI, PostgreSQL and the real audit
 * chain: each change and refusal is an entry, the changes outlive the service (a new {@link AccessControl}
 * on the same database sees them), and the chain still verifies with them and with refusals at the door.
 * Access control is off in this context (the X-Kyso-Actor header names the actor); the slices test it on.
 * The properties are exactly those of the other tests with the demo PKI, so all share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kyso.demo.enabled=true",
        "kyso.demo.directory=${kyso.test.workdir:target/test-work}/api-demo-pki",
        "kyso.demo.port=0"})
class AdminEndToEndTest {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String ADMIN = "quan-tri-" + RUN;
    /** The demo's expired key: binding it changes nothing any other test relies on. */
    static final String KEY = "het-han";

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    SecuritySettings settings;

    @Autowired
    AuditTrail trail;

    @Test
    void changesAreKeptInTheDatabaseAndEachIsInTheVerifiedChain() throws Exception {
        long before = head();

        assertThat(send("PUT", "/api/v1/admin/key-owners/" + KEY, "{\"person\":\"nguoi-ky-" + RUN + "\"}")
                .statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/api/v1/admin/key-owners/" + KEY, null).statusCode()).isEqualTo(200);
        HttpResponse<String> again = send("DELETE", "/api/v1/admin/key-owners/" + KEY, null);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(json.readTree(again.body()).get("code").asText()).isEqualTo("KEY_OWNER_NOT_FOUND");
        assertThat(send("PUT", "/api/v1/admin/key-owners/khong-co-" + RUN, "{\"organisation\":\"x\"}").statusCode())
                .isEqualTo(404);

        HttpResponse<String> issued = send("POST", "/api/v1/admin/api-keys", "{\"id\":\"e2e-" + RUN + "\","
                + "\"principal\":\"he-thong-" + RUN + "\",\"organisation\":\"000.00.00.H99\","
                + "\"roles\":[\"EXCHANGE_SYSTEM\"]}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String secret = json.readTree(issued.body()).get("secret").asText();
        assertThat(send("DELETE", "/api/v1/admin/api-keys/e2e-" + RUN, null).statusCode()).isEqualTo(200);

        List<JsonNode> mine = entriesBy(ADMIN, before + 1, 6);
        assertThat(mine).extracting(e -> e.at("/event/action").asText() + " " + e.at("/event/outcome").asText() + " "
                + e.at("/event/target").asText()).containsExactly(
                "KEY_CHANGE OK key:" + KEY,
                "KEY_CHANGE OK key:" + KEY,
                "KEY_CHANGE REFUSED key:" + KEY,
                "KEY_CHANGE REFUSED key:khong-co-" + RUN,
                "PERMISSION_CHANGE OK api-key:e2e-" + RUN,
                "PERMISSION_CHANGE OK api-key:e2e-" + RUN);
        assertThat(mine.get(0).at("/event/detail").asText()).isEqualTo("PUT /api/v1/admin/key-owners/" + KEY
                + ": owner person nguoi-ky-" + RUN + ", was " + ownerBefore(mine.get(0)));
        assertThat(mine.toString()).doesNotContain(secret);

        // A restart: a new access control on the same database sees the administrator's changes.
        AccessControl restarted = new StoredAccessControl(settings, new JdbcAccessStore(dataSource), Clock.systemUTC(),
                new SecureRandom());
        AccessControl.OwnerEntry owner = restarted.ownerEntries().get(KEY);
        assertThat(owner.bound()).isFalse();
        assertThat(owner.source()).isEqualTo(AccessControl.Source.DATABASE);
        assertThat(owner.changedBy()).isEqualTo(ADMIN);
        assertThat(restarted.key("e2e-" + RUN)).hasValueSatisfying(k -> {
            assertThat(k.active()).isFalse();
            assertThat(k.roles()).containsExactly(Role.EXCHANGE_SYSTEM);
            assertThat(k.revokedBy()).isEqualTo(ADMIN);
        });
        assertThat(restarted.authenticate(secret)).isEmpty();

        // Refusals at the door as the filters write them with access control on, into the same chain.
        RefusalAuditTest.MutableClock clock = new RefusalAuditTest.MutableClock();
        RefusalAudit refusals = new RefusalAudit(trail, settings.unauthenticatedAudit(), clock, false);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/admin/api-keys");
        request.setRemoteAddr("10.66." + Math.floorMod(RUN.hashCode(), 200) + ".1");
        refusals.forbidden(request, new CallerAuthentication(new Caller("van-thu-" + RUN, null,
                EnumSet.of(Role.CLERK)), "api-key:x"));
        for (int i = 0; i < 3; i++) {
            refusals.unauthenticated(request, new InsufficientAuthenticationException("none"));
        }
        clock.advance(Duration.ofMinutes(1));
        refusals.flush();

        JsonNode verification = json.readTree(send("GET", "/api/v1/audit/verification", null).body());
        assertThat(verification.get("ok").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("firstBroken").isNull()).isTrue();
        List<String> actions = new ArrayList<>();
        JsonNode page = json.readTree(send("GET", "/api/v1/audit/entries?from=" + (before + 1) + "&limit=1000", null)
                .body());
        page.get("items").forEach(e -> actions.add(e.at("/event/actor").asText() + " " + e.at("/event/action").asText()
                + " " + e.at("/event/outcome").asText()));
        assertThat(actions).contains("van-thu-" + RUN + " PERMISSION_CHANGE REFUSED",
                "anonymous PERMISSION_CHANGE REFUSED", "anonymous ACCESS REFUSED");
    }

    /** What the key's owner was before this run: the demo's, or a previous run's removal. */
    private static String ownerBefore(JsonNode entry) {
        String detail = entry.at("/event/detail").asText();
        return detail.substring(detail.indexOf(", was ") + 6);
    }

    private long head() throws Exception {
        return json.readTree(send("GET", "/api/v1/audit/entries?limit=1", null).body()).at("/head/sequence").asLong();
    }

    /** The entries are appended as the requests complete, which may be just after the client has the answer. */
    private List<JsonNode> entriesBy(String actor, long from, int count) throws Exception {
        return Eventually.until(Duration.ofSeconds(10), () -> {
            List<JsonNode> found = new ArrayList<>();
            JsonNode page = json.readTree(send("GET", "/api/v1/audit/entries?from=" + from + "&limit=1000", null)
                    .body());
            page.get("items").forEach(e -> {
                if (actor.equals(e.at("/event/actor").asText())) {
                    found.add(e);
                }
            });
            return found;
        }, found -> found.size() >= count);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Kyso-Actor", ADMIN);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
