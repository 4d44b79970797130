package vn.kyso.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.kyso.archive.testing.ArchiveFixture;
import vn.kyso.core.testing.Eventually;

/**
 * The pages' sessions are the cluster's, not one instance's (ADR 0031): a person logs in through the
 * identity provider on the first of three instances on one PostgreSQL, then the second and the third know
 * them by the session cookie alone, a change on the third carries the session's CSRF token, and the log-out
 * made there ends the session on the first too. No load balancer stickiness is needed. Expired sessions
 * are deleted by the cluster's clean-up job.
 */
@Tag("cluster")
class SharedSessionsTest {

    static final String ORGANISATION = "000.00.00.H99";

    static MockOAuth2Server provider;
    static ClusterInstances cluster;
    static HikariDataSource db;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        provider = new MockOAuth2Server(new OAuth2Config(true));
        provider.start(InetAddress.getLoopbackAddress(), 0);
        String issuer = "http://127.0.0.1:" + provider.baseUrl().port() + "/kyso";
        String database = "sessions_" + ProcessHandle.current().pid();
        db = ArchiveFixture.dataSource(ArchiveFixture.postgres().jdbcUrl(database));
        Map<String, String> shared = Map.ofEntries(
                Map.entry("kyso.archive.database.url", ArchiveFixture.postgres().jdbcUrl(database)),
                Map.entry("kyso.archive.database.username", ArchiveFixture.postgres().user()),
                Map.entry("kyso.security.enabled", "true"),
                Map.entry("kyso.api.rate-limit.enabled", "false"),
                Map.entry("kyso.api.session-cleanup-cron", "*/2 * * * * *"),
                Map.entry("spring.security.oauth2.client.registration.kyso.client-id", "kyso-pages"),
                Map.entry("spring.security.oauth2.client.registration.kyso.client-secret", "pages-secret"),
                Map.entry("spring.security.oauth2.client.registration.kyso.scope", "openid,profile"),
                Map.entry("spring.security.oauth2.client.provider.kyso.issuer-uri", issuer),
                Map.entry("spring.security.oauth2.client.provider.kyso.user-name-attribute", "sub"));
        cluster = ClusterInstances.start(3, shared,
                System.getProperty("kyso.test.workdir", "target/test-work") + "/sessions");
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
        if (db != null) {
            db.close();
        }
        if (provider != null) {
            provider.shutdown();
        }
    }

    @Test
    void aLoginOnOneInstanceIsALoginOnTheOthersAndSoIsTheLogout() throws Exception {
        List<URI> instances = cluster.uris();
        URI first = instances.get(0);

        // The authorization request is kept in the (new) session of the first instance.
        HttpResponse<String> toProvider = send(get(first.resolve("/oauth2/authorization/kyso"), null));
        assertThat(toProvider.statusCode()).isEqualTo(302);
        String before = sessionCookie(toProvider).orElseThrow();
        assertThat(toProvider.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("SESSION=").contains("HttpOnly").contains("SameSite=Lax"));

        // The provider's login form, filled in as a person would, sends the browser back with a code.
        String authorize = toProvider.headers().firstValue("Location").orElseThrow();
        String claims = "{\"name\": \"Nguyễn Thị Thư\", \"organisation\": \"" + ORGANISATION
                + "\", \"roles\": [\"clerk\"]}";
        HttpResponse<String> back = send(HttpRequest.newBuilder(URI.create(authorize))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=nguyen-thi-thu&claims="
                        + URLEncoder.encode(claims, StandardCharsets.UTF_8))).build());
        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        URI callback = URI.create(back.headers().firstValue("Location").orElseThrow());
        assertThat(callback.getPath()).isEqualTo("/login/oauth2/code/kyso");

        HttpResponse<String> loggedIn = send(get(first.resolve(callback.getRawPath() + "?" + callback.getRawQuery()),
                before));
        assertThat(loggedIn.statusCode()).as(loggedIn.body()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        // Session fixation protection: the login gave the session a new id.
        String session = sessionCookie(loggedIn).orElseThrow();
        assertThat(session).isNotEqualTo(before);

        // Every instance knows the person by the cookie alone.
        JsonNode csrf = null;
        for (URI instance : instances) {
            JsonNode me = json.readTree(send(get(instance.resolve("/api/v1/me"), session)).body());
            assertThat(me.get("loggedIn").asBoolean()).as("%s on %s", me, instance).isTrue();
            assertThat(me.get("principal").asText()).isEqualTo("nguyen-thi-thu");
            assertThat(me.get("name").asText()).isEqualTo("Nguyễn Thị Thư");
            assertThat(me.get("organisation").asText()).isEqualTo(ORGANISATION);
            assertThat(me.get("roles").toString()).contains("CLERK");
            csrf = me.get("csrf");
        }
        // What they read is JSON, not Java serialisation, so instances of another version read it too (ADR 0035).
        Map<String, String> stored = attributes(session);
        assertThat(stored).containsKey("SPRING_SECURITY_CONTEXT");
        for (Map.Entry<String, String> attribute : stored.entrySet()) {
            assertThat(json.readTree(attribute.getValue()).has("@class")).as(attribute.getKey()).isTrue();
        }
        assertThat(stored.get("SPRING_SECURITY_CONTEXT")).contains("nguyen-thi-thu").contains(ORGANISATION);

        // The old id is gone everywhere: the fixation protection holds in the shared store too.
        assertThat(json.readTree(send(get(instances.get(1).resolve("/api/v1/me"), before)).body())
                .get("loggedIn").asBoolean()).isFalse();

        // A change with the session needs its CSRF token, on whichever instance: without it refused.
        URI third = instances.get(2);
        assertThat(send(post(third.resolve("/logout"), session, null)).statusCode()).isEqualTo(403);
        HttpResponse<String> out = send(post(third.resolve("/logout"), session, csrf));
        assertThat(out.statusCode()).as(out.body()).isEqualTo(200);
        assertThat(out.body()).contains("/kyso/endsession");
        for (URI instance : instances) {
            JsonNode me = json.readTree(send(get(instance.resolve("/api/v1/me"), session)).body());
            assertThat(me.get("loggedIn").asBoolean()).as("after the log-out, on %s", instance).isFalse();
        }
    }

    @Test
    void expiredSessionsAreDeletedByTheClustersCleanUp() throws Exception {
        String id = UUID.randomUUID().toString();
        long longAgo = System.currentTimeMillis() - Duration.ofHours(2).toMillis();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into kyso_session (primary_id, session_id, creation_time, last_access_time, "
                        + "max_inactive_interval, expiry_time) values (?, ?, ?, ?, 1800, ?)")) {
            s.setString(1, id);
            s.setString(2, UUID.randomUUID().toString());
            s.setLong(3, longAgo);
            s.setLong(4, longAgo);
            s.setLong(5, longAgo + Duration.ofMinutes(30).toMillis());
            s.executeUpdate();
        }
        assertThat(Eventually.until(Duration.ofSeconds(60), () -> count("select count(*) from kyso_session "
                + "where primary_id = '" + id + "'"), n -> n == 0)).isZero();
        // Through the cluster's lock: one instance per tick.
        assertThat(count("select count(*) from kyso_shedlock where name = 'page-session-cleanup'")).isEqualTo(1);
    }

    /** The session's stored attributes by name, as UTF-8 text; the cookie holds the session id in Base64. */
    private Map<String, String> attributes(String cookie) throws Exception {
        String id = new String(Base64.getDecoder().decode(cookie), StandardCharsets.US_ASCII);
        Map<String, String> rows = new TreeMap<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select a.attribute_name, "
                + "a.attribute_bytes from kyso_session s join kyso_session_attributes a "
                + "on a.session_primary_id = s.primary_id where s.session_id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), new String(rs.getBytes(2), StandardCharsets.UTF_8));
                }
            }
        }
        return rows;
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest get(URI uri, String session) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Accept", "application/json").GET();
        if (session != null) {
            b.header("Cookie", "SESSION=" + session);
        }
        return b.build();
    }

    private static HttpRequest post(URI uri, String session, JsonNode csrf) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Cookie", "SESSION=" + session)
                .POST(HttpRequest.BodyPublishers.noBody());
        if (csrf != null) {
            b.header(csrf.get("headerName").asText(), csrf.get("token").asText());
        }
        return b.build();
    }

    private static Optional<String> sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .map(c -> c.substring("SESSION=".length(), c.indexOf(';'))).findFirst();
    }
}
