package vn.kyso.api.letters;

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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.kyso.api.PublicAddress;

/**
 * The clerk's workflow through the running service: a DOCX draft becomes PDF/A, the authorised person
 * signs, the clerk issues it with the organisation's signature, and the archive holds the final bytes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kyso.demo.enabled=true",
        "kyso.demo.directory=${kyso.test.workdir:target/test-work}/api-demo-pki",
        "kyso.demo.port=0"})
class LettersEndToEndTest {

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    PublicAddress publicAddress;

    /** The archive persists between runs, so each run files its letters apart. */
    static final String FILE_CODE = "G09.LT." + UUID.randomUUID().toString().substring(0, 8);

    static Map<String, String> draft() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("subject", "Về việc tổ chức tập huấn chuyển đổi số năm 2026");
        m.put("documentType", "Công văn");
        m.put("fileCode", FILE_CODE);
        m.put("preservation", "10");
        m.put("accessRegime", "public");
        return m;
    }

    @Test
    void aDocxDraftIsSignedByThePersonIssuedByTheOrganisationAndArchived() throws Exception {
        HttpResponse<byte[]> created = post("/api/v1/letters", "cong-van.docx", LetterSamples.officialLetter(),
                draft(), "van-thu-01");
        assertThat(created.statusCode()).as(text(created)).isEqualTo(201);
        JsonNode letter = json.readTree(created.body());
        String id = letter.get("id").asText();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/letters/" + id);
        assertThat(letter.get("state").asText()).isEqualTo("DRAFT");
        assertThat(letter.get("originalName").asText()).isEqualTo("cong-van.pdf");
        assertThat(letter.at("/events/0/action").asText()).isEqualTo("UPLOADED");
        assertThat(letter.at("/events/0/actor").asText()).isEqualTo("van-thu-01");
        byte[] draftPdf = get("/api/v1/letters/" + id + "/pdf").body();
        assertThat(new String(draftPdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        HttpResponse<byte[]> early = post("/api/v1/letters/" + id + "/issue", null, null,
                Map.of("key", "ubnd-binh-an", "numberSymbol", "15/UBND-VP"), "van-thu-01");
        assertProblem(early, 409, "LETTER_STATE_CONFLICT");

        HttpResponse<byte[]> signed = post("/api/v1/letters/" + id + "/signature", null, null,
                Map.of("key", "tran-thi-bich-ngoc"), "tran-thi-bich-ngoc");
        assertThat(signed.statusCode()).as(text(signed)).isEqualTo(200);
        letter = json.readTree(signed.body());
        assertThat(letter.get("state").asText()).isEqualTo("SIGNED_BY_PERSON");
        String signer = letter.get("signer").asText();
        assertThat(signer).isNotBlank();

        HttpResponse<byte[]> twice = post("/api/v1/letters/" + id + "/signature", null, null,
                Map.of("key", "tran-thi-bich-ngoc"), "tran-thi-bich-ngoc");
        assertProblem(twice, 409, "LETTER_STATE_CONFLICT");

        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        HttpResponse<byte[]> issued = post("/api/v1/letters/" + id + "/issue", null, null,
                Map.of("key", "ubnd-binh-an", "numberSymbol", "15/UBND-VP", "documentDate", today), "van-thu-01");
        assertThat(issued.statusCode()).as(text(issued)).isEqualTo(200);
        letter = json.readTree(issued.body());
        assertThat(letter.get("state").asText()).isEqualTo("ARCHIVED");
        assertThat(letter.get("numberSymbol").asText()).isEqualTo("15/UBND-VP");
        assertThat(letter.get("documentDate").asText()).isEqualTo(today);
        String organisation = letter.get("organisation").asText();
        assertThat(organisation).isNotBlank();
        String recordId = letter.get("recordId").asText();
        List<String> actions = new ArrayList<>();
        letter.get("events").forEach(e -> actions.add(e.get("action").asText()));
        assertThat(actions).containsExactly("UPLOADED", "SIGNED_BY_PERSON", "ISSUED", "ARCHIVED");
        assertThat(letter.at("/events/1/name").asText()).isEqualTo(signer);
        assertThat(letter.at("/events/1/keyId").asText()).isEqualTo("tran-thi-bich-ngoc");
        assertThat(letter.at("/events/2/name").asText()).isEqualTo(organisation);

        byte[] finalPdf = get("/api/v1/letters/" + id + "/pdf").body();
        HttpResponse<byte[]> validation = post("/api/v1/validations", "letter.pdf", finalPdf, Map.of(), null);
        assertThat(validation.statusCode()).as(text(validation)).isEqualTo(200);
        JsonNode report = json.readTree(validation.body());
        assertThat(report.get("verdict").asText()).as(text(validation)).isEqualTo("VALID");
        assertThat(report.get("signatures")).hasSize(2);
        assertThat(report.at("/signatures/0/signerName").asText()).isEqualTo(signer);
        assertThat(report.at("/signatures/1/signerName").asText()).isEqualTo(organisation);

        JsonNode record = json.readTree(get("/api/v1/records/" + recordId).body());
        assertThat(record.at("/metadata/numberSymbol").asText()).isEqualTo("15/UBND-VP");
        assertThat(record.at("/metadata/issuer").asText()).isEqualTo(organisation);
        assertThat(record.at("/metadata/signer").asText()).isEqualTo(signer);
        assertThat(record.at("/metadata/fondCode").asText()).isEqualTo("G09");
        assertThat(get("/api/v1/records/" + recordId + "/content").body()).isEqualTo(finalPdf);

        // Issue #12: the demo stamps every draft with the verification QR code; it links to the service's own
        // /verify page with the letter's id, under which the archive filed the issued letter.
        PageOneQrCode.Found code = PageOneQrCode.find(finalPdf, Path.of("target/test-artifacts/letters/e2e-qr"))
                .orElseThrow(() -> new AssertionError("no QR code on page one of the issued letter"));
        assertThat(code.link()).startsWith(publicAddress.verifyUrl() + "?id=" + id + "&h=");
        assertThat(PageOneQrCode.covered(code, Path.of("target/test-artifacts/letters/e2e-qr"))).isEmpty();
        assertThat(record.at("/metadata/documentId").asText()).isEqualTo(id);
        HttpResponse<byte[]> comparison = post("/api/v1/issued-documents/" + id + "/comparison", "ban-sao.pdf",
                finalPdf, Map.of(), null);
        for (int i = 0; i < 5 && comparison.statusCode() == 429; i++) {
            // The public endpoint is rate-limited; wait as long as it asks.
            Thread.sleep(1000L * Long.parseLong(comparison.headers().firstValue("Retry-After").orElse("1")));
            comparison = post("/api/v1/issued-documents/" + id + "/comparison", "ban-sao.pdf", finalPdf, Map.of(),
                    null);
        }
        assertThat(comparison.statusCode()).as(text(comparison)).isEqualTo(200);
        assertThat(json.readTree(comparison.body()).get("match").asText()).isEqualTo("IDENTICAL");

        assertProblem(post("/api/v1/letters/" + id + "/issue", null, null,
                Map.of("key", "ubnd-binh-an", "numberSymbol", "16/UBND-VP"), "van-thu-01"), 409,
                "LETTER_STATE_CONFLICT");
        JsonNode list = json.readTree(get("/api/v1/letters").body());
        List<String> ids = new ArrayList<>();
        list.forEach(l -> ids.add(l.get("id").asText()));
        assertThat(ids).contains(id);
    }

    /**
     * Issue #10 item 1: a letter of several pages, signed on its last page by the person (B-T) and
     * issued with the organisation's seal (B-LTA), is VALID with no finding: the document time-stamp's
     * invisible field goes beside the signatures instead of onto page 1.
     */
    @Test
    void aThreePageLetterIssuedAtLtaIsValidWithNoFinding() throws Exception {
        byte[] pdf = Files.readAllBytes(Path.of("../samples/letters/cong-van-ba-trang.pdf"));
        String id = json.readTree(post("/api/v1/letters", "cong-van-ba-trang.pdf", pdf, draft(), "van-thu-01")
                .body()).get("id").asText();
        assertThat(post("/api/v1/letters/" + id + "/signature", null, null, Map.of("key", "tran-thi-bich-ngoc"),
                "tran-thi-bich-ngoc").statusCode()).isEqualTo(200);
        HttpResponse<byte[]> issued = post("/api/v1/letters/" + id + "/issue", null, null,
                Map.of("key", "ubnd-binh-an", "numberSymbol", "17/UBND-VP"), "van-thu-01");
        assertThat(issued.statusCode()).as(text(issued)).isEqualTo(200);

        byte[] finalPdf = get("/api/v1/letters/" + id + "/pdf").body();
        try (PDDocument document = Loader.loadPDF(finalPdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(3);
        }
        HttpResponse<byte[]> validation = post("/api/v1/validations", "cong-van.pdf", finalPdf, Map.of(), null);
        JsonNode report = json.readTree(validation.body());
        assertThat(report.get("verdict").asText()).as(text(validation)).isEqualTo("VALID");
        assertThat(report.get("findings")).as(text(validation)).isEmpty();
        assertThat(report.get("signatures")).hasSize(2);
        assertThat(report.at("/signatures/1/format").asText()).isEqualTo("PAdES-BASELINE-LTA");
    }

    @Test
    void anAttachmentInASeparateFileIsMarkedWithTheNumberAndArchivedOnItsOwn() throws Exception {
        byte[] pdf = Files.readAllBytes(Path.of("../samples/letters/cong-van-mot-trang.pdf"));
        String id = json.readTree(post("/api/v1/letters", "cv.pdf", pdf, draft(), "van-thu-01").body())
                .get("id").asText();
        assertThat(post("/api/v1/letters/" + id + "/signature", null, null, Map.of("key", "tran-thi-bich-ngoc"),
                "tran-thi-bich-ngoc").statusCode()).isEqualTo(200);

        HttpResponse<byte[]> issued = post("/api/v1/letters/" + id + "/issue",
                List.of(new Part("attachments", "phu-luc-danh-sach.docx",
                        LetterSamples.docx("PHỤ LỤC", "Danh sách cán bộ tham dự tập huấn", "1. Nguyễn Văn An"))),
                Map.of("key", "ubnd-binh-an", "numberSymbol", "16/UBND-VP"), "van-thu-01");
        assertThat(issued.statusCode()).as(text(issued)).isEqualTo(200);
        JsonNode letter = json.readTree(issued.body());
        assertThat(letter.get("state").asText()).isEqualTo("ARCHIVED");
        assertThat(letter.at("/attachments/0/position").asInt()).isEqualTo(1);
        assertThat(letter.at("/attachments/0/name").asText()).isEqualTo("phu-luc-danh-sach.pdf");
        String attachmentRecord = letter.at("/attachments/0/recordId").asText();
        assertThat(attachmentRecord).isNotBlank().isNotEqualTo(letter.get("recordId").asText());

        byte[] attachment = get("/api/v1/letters/" + id + "/attachments/1/pdf").body();
        JsonNode report = json.readTree(post("/api/v1/validations", "phu-luc.pdf", attachment, Map.of(), null)
                .body());
        assertThat(report.get("verdict").asText()).isEqualTo("VALID");
        assertThat(report.get("signatures")).hasSize(1);
        assertThat(report.at("/signatures/0/signerName").asText()).isEqualTo(letter.get("organisation").asText());
        JsonNode record = json.readTree(get("/api/v1/records/" + attachmentRecord).body());
        assertThat(record.at("/metadata/numberSymbol").asText()).isEqualTo("16/UBND-VP");
        assertThat(record.at("/metadata/subject").asText()).contains("Phụ lục 1");
        assertThat(get("/api/v1/records/" + attachmentRecord + "/content").body()).isEqualTo(attachment);
        assertProblem(get("/api/v1/letters/" + id + "/attachments/2/pdf"), 404, "LETTER_NOT_FOUND");
    }

    @Test
    void unknownLettersBadMetadataAndWrongKeysAreClearErrors() throws Exception {
        assertProblem(get("/api/v1/letters/" + UUID.randomUUID()), 404, "LETTER_NOT_FOUND");
        assertProblem(get("/api/v1/letters/not-a-letter/pdf"), 404, "LETTER_NOT_FOUND");
        assertProblem(post("/api/v1/letters/" + UUID.randomUUID() + "/signature", null, null,
                Map.of("key", "tran-thi-bich-ngoc"), null), 404, "LETTER_NOT_FOUND");

        Map<String, String> bad = draft();
        bad.remove("subject");
        bad.put("preservation", "7");
        HttpResponse<byte[]> refused = post("/api/v1/letters", "cong-van.docx", LetterSamples.officialLetter(), bad,
                null);
        assertProblem(refused, 400, "METADATA_INVALID");
        List<String> fields = new ArrayList<>();
        json.readTree(refused.body()).get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("subject", "preservation");

        byte[] pdf = Files.readAllBytes(Path.of("../samples/letters/cong-van-mot-trang.pdf"));
        String id = json.readTree(post("/api/v1/letters", "cv.pdf", pdf, draft(), null).body()).get("id").asText();
        assertProblem(post("/api/v1/letters/" + id + "/signature", null, null, Map.of("key", "ubnd-binh-an"), null),
                422, "WRONG_KEY_HOLDER");
        assertThat(post("/api/v1/letters/" + id + "/signature", null, null, Map.of("key", "tran-thi-bich-ngoc"),
                null).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> badNumber = post("/api/v1/letters/" + id + "/issue", null, null,
                Map.of("key", "ubnd-binh-an", "numberSymbol", "UBND", "documentDate", "2026-13-40"), null);
        assertProblem(badNumber, 400, "METADATA_INVALID");
        fields.clear();
        json.readTree(badNumber.body()).get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("numberSymbol", "documentDate");
        assertThat(json.readTree(get("/api/v1/letters/" + id).body()).get("state").asText())
                .isEqualTo("SIGNED_BY_PERSON");
    }

    private void assertProblem(HttpResponse<byte[]> r, int status, String code) throws Exception {
        assertThat(r.statusCode()).as(text(r)).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json.readTree(r.body()).get("code").asText()).isEqualTo(code);
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A file part of a multipart POST. */
    record Part(String field, String fileName, byte[] content) {
    }

    /** A multipart POST; {@code file} may be null for the steps that carry fields only. */
    private HttpResponse<byte[]> post(String path, String fileName, byte[] file, Map<String, String> fields,
            String actor) throws Exception {
        return post(path, file == null ? List.of() : List.of(new Part("file", fileName, file)), fields, actor);
    }

    private HttpResponse<byte[]> post(String path, List<Part> files, Map<String, String> fields, String actor)
            throws Exception {
        String boundary = "kyso" + UUID.randomUUID();
        List<byte[]> parts = new ArrayList<>();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Part file : files) {
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
                    + "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            parts.add(file.content());
            parts.add("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        parts.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts));
        if (actor != null) {
            b.header(LettersController.ACTOR_HEADER, actor);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
