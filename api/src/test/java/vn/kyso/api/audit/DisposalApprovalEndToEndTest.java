package vn.kyso.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.kyso.core.testing.Eventually;

/**
 * Disposal by two people through the running service (issue #14): the proposer's approval is refused with
 * 403 DISPOSAL_SAME_PERSON, an approval without the decision with 400 DISPOSAL_DECISION_INVALID, and a
 * second person's approval keeps the decision on the list and in the audit trail. The list is drawn up as
 * of 1900 so that it holds no record of the other tests sharing this service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kyso.demo.enabled=true",
        "kyso.demo.directory=${kyso.test.workdir:target/test-work}/api-demo-pki",
        "kyso.demo.port=0"})
class DisposalApprovalEndToEndTest {

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void aSecondPersonApprovesUnderADecisionAndTheTrailSaysSo() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String proposer = "luu-tru-" + run;
        String approver = "truong-phong-" + run;
        HttpResponse<String> proposed = post("/api/v1/disposal-lists?asOf=1900-01-01", proposer, null);
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(200);
        long id = json.readTree(proposed.body()).get("id").asLong();
        String approval = "/api/v1/disposal-lists/" + id + "/approval";

        HttpResponse<String> self = post(approval, proposer,
                "{\"decisionNumber\": \"31/QĐ-UBND\", \"decisionDate\": \"2026-12-04\"}");
        assertThat(self.statusCode()).as(self.body()).isEqualTo(403);
        assertThat(json.readTree(self.body()).get("code").asText()).isEqualTo("DISPOSAL_SAME_PERSON");
        HttpResponse<String> undecided = post(approval, approver, null);
        assertThat(undecided.statusCode()).as(undecided.body()).isEqualTo(400);
        assertThat(json.readTree(undecided.body()).get("code").asText()).isEqualTo("DISPOSAL_DECISION_INVALID");

        long before = json.readTree(get("/api/v1/audit/entries?limit=1").body()).at("/head/sequence").asLong();
        HttpResponse<String> done = post(approval, approver,
                "{\"decisionNumber\": \"31/QĐ-UBND\", \"decisionDate\": \"2026-12-04\"}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        JsonNode list = json.readTree(done.body());
        assertThat(list.get("state").asText()).isEqualTo("DISPOSED");
        assertThat(list.get("createdBy").asText()).isEqualTo(proposer);
        assertThat(list.get("approvedBy").asText()).isEqualTo(approver);
        assertThat(list.get("decisionNumber").asText()).isEqualTo("31/QĐ-UBND");
        assertThat(list.get("decisionDate").asText()).isEqualTo("2026-12-04");

        JsonNode entry = awaitEntryBy(approver, before + 1);
        assertThat(entry.at("/event/action").asText()).isEqualTo("DISPOSE");
        assertThat(entry.at("/event/outcome").asText()).isEqualTo("OK");
        assertThat(entry.at("/event/target").asText()).isEqualTo("disposal-list:" + id);
        assertThat(entry.at("/event/detail").asText()).contains("decision 31/QĐ-UBND of 2026-12-04")
                .contains("proposed by " + proposer);
    }

    private JsonNode awaitEntryBy(String actor, long from) throws Exception {
        Optional<JsonNode> entry = Eventually.until(Duration.ofSeconds(10), () -> {
            JsonNode page = json.readTree(get("/api/v1/audit/entries?from=" + from + "&limit=1000").body());
            for (JsonNode e : page.get("items")) {
                if (actor.equals(e.at("/event/actor").asText())) {
                    return Optional.of(e);
                }
            }
            return Optional.<JsonNode>empty();
        }, Optional::isPresent);
        assertThat(entry).as("no audit entry by " + actor).isPresent();
        return entry.get();
    }

    private HttpResponse<String> post(String path, String actor, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-Kyso-Actor", actor);
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
