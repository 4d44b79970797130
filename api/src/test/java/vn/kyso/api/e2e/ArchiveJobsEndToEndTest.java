package vn.kyso.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Preservation jobs answer 202 Accepted with a status URL the client polls (issue #14): the request is
 * not held while the job visits every record.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kyso.demo.enabled=true",
        "kyso.demo.directory=${kyso.test.workdir:target/test-work}/api-demo-pki",
        "kyso.demo.port=0"})
class ArchiveJobsEndToEndTest extends RunningService {

    @Test
    void aJobIsAcceptedAtOnceAndItsStatusUrlFollowsItToTheEnd() throws Exception {
        archiveOneRecord("UBND-VP");

        HttpResponse<byte[]> accepted = send(HttpRequest.newBuilder(uri("/api/v1/archive-jobs/fixity"))
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(accepted.statusCode()).as(text(accepted)).isEqualTo(202);
        JsonNode started = json.readTree(accepted.body());
        long id = started.get("id").asLong();
        assertThat(accepted.headers().firstValue("Location")).hasValue("/api/v1/archive-jobs/" + id);
        assertThat(accepted.headers().firstValue("Retry-After")).isPresent();
        assertThat(started.get("kind").asText()).isEqualTo("FIXITY");
        assertThat(started.get("total").asInt()).isPositive();
        assertThat(started.at("/progress/total").asInt()).isEqualTo(started.get("total").asInt());
        assertThat(started.at("/links/self").asText()).isEqualTo("/api/v1/archive-jobs/" + id);

        String location = accepted.headers().firstValue("Location").orElseThrow();
        JsonNode ended = followToTheEnd(location);

        assertThat(ended.get("state").asText()).isEqualTo("DONE");
        assertThat(ended.at("/progress/done").asInt()).isEqualTo(ended.at("/progress/total").asInt());
        assertThat(ended.at("/progress/percent").asInt()).isEqualTo(100);
        assertThat(ended.get("message").asText()).contains("records checked");
        assertThat(ended.at("/links/result").asText()).isEqualTo(location);
        assertThat(ended.get("problem")).isNull();
        assertThat(ended.get("finishedAt").asText()).isNotBlank();
    }

    @Test
    void anUnknownJobIsAProblem() throws Exception {
        HttpResponse<byte[]> missing = get("/api/v1/archive-jobs/987654321");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json.readTree(missing.body()).get("code").asText()).isEqualTo("JOB_NOT_FOUND");
    }
}
