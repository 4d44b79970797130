package vn.kyso.api.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.kyso.core.testing.Eventually;

/**
 * The edXML exchange through the running service, which plays both demo agencies: the People's
 * Committee sends a signed letter to the Department of Home Affairs, which receives it; a changed
 * message, an XXE payload and a wrong receiver are refused with their reasons.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kyso.demo.enabled=true",
        "kyso.demo.directory=${kyso.test.workdir:target/test-work}/api-demo-pki",
        "kyso.demo.port=0"})
class ExchangeEndToEndTest {

    static final String UBND = "000.00.00.H99";
    static final String SO_NOI_VU = "000.00.12.H99";

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void letterFromThePeoplesCommitteeToTheDepartmentAndBack() throws Exception {
        byte[] letter = Files.readAllBytes(Path.of("../samples/letters/cong-van-mot-trang.pdf"));
        HttpResponse<byte[]> signed = multipart("/api/v1/signatures", letter, Map.of("key", "ubnd-binh-an",
                "level", "B-T"));
        assertThat(signed.statusCode()).as(text(signed.body())).isEqualTo(200);

        // The number makes each run's letter its own in the persistent demo archive.
        String number = Integer.toString(100_000 + (UUID.randomUUID().hashCode() & 0xFFFFF));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("from", UBND);
        fields.put("to", SO_NOI_VU);
        fields.put("toName", "Sở Nội vụ tỉnh Bình An");
        fields.put("codeNumber", number);
        fields.put("codeNotation", "UBND-VP");
        fields.put("place", "Bình An");
        fields.put("promulgationDate", "2026-11-20");
        fields.put("documentType", "Công văn");
        fields.put("subject", "Về việc triển khai văn bản điện tử liên thông");
        fields.put("priority", "URGENT");
        HttpResponse<byte[]> outgoing = multipart("/api/v1/exchange/outgoing", signed.body(), fields);
        assertThat(outgoing.statusCode()).as(text(outgoing.body())).isEqualTo(200);
        assertThat(outgoing.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/xml"));
        byte[] edxml = outgoing.body();
        assertThat(text(edxml)).contains("edXMLEnvelope", "<edXML:CodeNumber>" + number + "</edXML:CodeNumber>");

        HttpResponse<byte[]> received = xml("/api/v1/exchange/incoming?receiver=" + SO_NOI_VU, edxml);
        assertThat(received.statusCode()).as(text(received.body())).isEqualTo(200);
        assertThat(received.headers().firstValue("X-Edxml-Status")).hasValue("RECEIVED");
        assertThat(text(received.body())).contains("<edXML:StatusCode>01</edXML:StatusCode>",
                "<edXML:OrganId>" + SO_NOI_VU + "</edXML:OrganId>");

        byte[] tampered = text(edxml).replaceFirst("CodeNumber>" + number + "<", "CodeNumber>9<")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> refused = xml("/api/v1/exchange/incoming?receiver=" + SO_NOI_VU, tampered);
        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.get("code").asText()).isEqualTo("SIGNATURE_INVALID");

        HttpResponse<byte[]> refusedAsEdxml = xml("/api/v1/exchange/incoming?format=edxml&receiver=" + SO_NOI_VU,
                tampered);
        assertThat(refusedAsEdxml.statusCode()).isEqualTo(422);
        assertThat(refusedAsEdxml.headers().firstValue("X-Edxml-Reason")).hasValue("SIGNATURE_INVALID");
        assertThat(text(refusedAsEdxml.body())).contains("<edXML:StatusCode>02</edXML:StatusCode>");

        HttpResponse<byte[]> notOurs = xml("/api/v1/exchange/incoming", edxml);
        assertThat(json.readTree(notOurs.body()).get("code").asText()).isEqualTo("WRONG_RECEIVER");

        HttpResponse<byte[]> processing = form("/api/v1/exchange/status", Map.of("from", SO_NOI_VU, "to", UBND,
                "documentId", UBND + ",2026/11/20," + number + "/UBND-VP", "status", "PROCESSING",
                "staff", "Lê Minh Khoa"));
        assertThat(processing.statusCode()).as(text(processing.body())).isEqualTo(200);
        assertThat(text(processing.body())).contains("<edXML:StatusCode>05</edXML:StatusCode>");
    }

    @Test
    void replayIsADuplicateRecallIsAnsweredThirteenThenFifteenAndEveryCallIsAudited() throws Exception {
        long before = json.readTree(get("/api/v1/audit/entries?limit=1").body()).at("/head/sequence").asLong();
        byte[] letter = Files.readAllBytes(Path.of("../samples/letters/cong-van-mot-trang.pdf"));
        HttpResponse<byte[]> signed = multipart("/api/v1/signatures", letter, Map.of("key", "ubnd-binh-an",
                "level", "B-T"));
        assertThat(signed.statusCode()).as(text(signed.body())).isEqualTo(200);
        String number = Integer.toString(100_000 + (UUID.randomUUID().hashCode() & 0xFFFFF));
        String documentId = UBND + ",2026/11/20," + number + "/UBND-VP";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("from", UBND);
        fields.put("to", SO_NOI_VU);
        fields.put("codeNumber", number);
        fields.put("codeNotation", "UBND-VP");
        fields.put("place", "Bình An");
        fields.put("promulgationDate", "2026-11-20");
        fields.put("documentType", "Công văn");
        fields.put("subject", "Về việc thu hồi thử");
        fields.put("signerPosition", "Chủ tịch");
        HttpResponse<byte[]> outgoing = multipart("/api/v1/exchange/outgoing", signed.body(), fields);
        assertThat(outgoing.statusCode()).as(text(outgoing.body())).isEqualTo(200);
        byte[] edxml = outgoing.body();
        assertThat(text(edxml)).contains("<edXML:Type>18</edXML:Type>", "<edXML:Position>Chủ tịch</edXML:Position>",
                "<edXML:BussinessDocType>0</edXML:BussinessDocType>", "<edXML:DigitalSignature><ds:Signature");

        assertThat(xml("/api/v1/exchange/incoming?receiver=" + SO_NOI_VU, edxml).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> replay = xml("/api/v1/exchange/incoming?receiver=" + SO_NOI_VU, edxml);
        assertThat(replay.statusCode()).isEqualTo(409);
        assertThat(json.readTree(replay.body()).get("code").asText()).isEqualTo("DUPLICATE_MESSAGE");
        HttpResponse<byte[]> replayAsEdxml = xml("/api/v1/exchange/incoming?format=edxml&receiver=" + SO_NOI_VU, edxml);
        assertThat(replayAsEdxml.statusCode()).isEqualTo(409);
        assertThat(text(replayAsEdxml.body())).contains("<edXML:StatusCode>02</edXML:StatusCode>",
                "DUPLICATE_MESSAGE: Văn bản đã được tiếp nhận trước đó");

        HttpResponse<byte[]> recall = send("/api/v1/exchange/follow-up", Map.of("from", UBND, "type", "RECALL",
                "reason", "Ban hành nhầm"), Map.of("original", edxml));
        assertThat(recall.statusCode()).as(text(recall.body())).isEqualTo(200);
        assertThat(text(recall.body())).contains("<edXML:BussinessDocType>1</edXML:BussinessDocType>",
                "<edXML:BussinessDocReason>Ban hành nhầm</edXML:BussinessDocReason>");
        HttpResponse<byte[]> asked = xml("/api/v1/exchange/incoming?receiver=" + SO_NOI_VU, recall.body());
        assertThat(asked.statusCode()).as(text(asked.body())).isEqualTo(200);
        assertThat(asked.headers().firstValue("X-Edxml-Status")).hasValue("RECALL_REQUESTED");
        assertThat(text(asked.body())).contains("<edXML:StatusCode>13</edXML:StatusCode>");
        HttpResponse<byte[]> agreed = form("/api/v1/exchange/status", Map.of("from", SO_NOI_VU, "to", UBND,
                "documentId", documentId, "status", "15"));
        assertThat(agreed.statusCode()).as(text(agreed.body())).isEqualTo(200);
        assertThat(text(agreed.body())).contains("<edXML:StatusCode>15</edXML:StatusCode>",
                "Đồng ý thu hồi/cập nhật văn bản");

        List<String> audited = awaitExchangeEntries(before + 1, "edxml:" + documentId, 7);
        assertThat(audited).containsExactly("OK", "OK", "REFUSED", "REFUSED", "OK", "OK", "OK");
    }

    /** The outcomes of the EXCHANGE entries about one letter, in order, once {@code expected} are there (or 10 s). */
    private List<String> awaitExchangeEntries(long from, String target, int expected) throws Exception {
        return Eventually.until(Duration.ofSeconds(10), () -> {
            List<String> outcomes = new ArrayList<>();
            for (JsonNode e : json.readTree(get("/api/v1/audit/entries?from=" + from + "&limit=1000").body())
                    .get("items")) {
                if ("EXCHANGE".equals(e.at("/event/action").asText()) && target.equals(e.at("/event/target").asText())) {
                    outcomes.add(e.at("/event/outcome").asText());
                }
            }
            return outcomes;
        }, outcomes -> outcomes.size() >= expected);
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> send(String path, Map<String, String> fields, Map<String, byte[]> files)
            throws Exception {
        String boundary = "kyso" + UUID.randomUUID();
        List<byte[]> parts = new ArrayList<>();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
                    + "\"; filename=\"" + f.getKey() + ".edxml\"\r\nContent-Type: application/xml\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            parts.add(f.getValue());
            parts.add("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        parts.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void externalEntityIsAProblemNeverAFileRead() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE edXML [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"><a>&xxe;</a></edXML>";
        HttpResponse<byte[]> r = xml("/api/v1/exchange/incoming", xxe.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json.readTree(r.body()).get("code").asText()).isEqualTo("FORBIDDEN_XML");
        assertThat(text(r.body())).doesNotContain("root:");
    }

    private HttpResponse<byte[]> xml(String path, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> form(String path, Map<String, String> fields) throws Exception {
        return multipart(path, null, fields);
    }

    private HttpResponse<byte[]> multipart(String path, byte[] file, Map<String, String> fields) throws Exception {
        String boundary = "kyso" + UUID.randomUUID();
        List<byte[]> parts = new ArrayList<>();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (file != null) {
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cong-van.pdf\""
                    + "\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            parts.add(file);
            parts.add("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        parts.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
