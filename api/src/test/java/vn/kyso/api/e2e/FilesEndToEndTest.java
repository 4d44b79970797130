package vn.kyso.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import vn.kyso.archive.testing.CsipChecker;

/**
 * Files (hồ sơ) and the E-ARK export through the running service: a file whose code contains '/' is
 * opened, a letter with the Decree 30 Appendix VI fields is archived into it, the file is read, exported
 * as BagIt and as an E-ARK package (checked against the METS, CSIP and PREMIS 3 schemas), and closed;
 * its document's preservation period then counts from the closing year. Metadata beyond the appendix's
 * lengths is a 400 naming each field with a stable code in English and Vietnamese.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kyso.demo.enabled=true",
        "kyso.demo.directory=${kyso.test.workdir:target/test-work}/api-demo-pki",
        "kyso.demo.port=0"})
class FilesEndToEndTest extends RunningService {

    @Test
    void aFileWithASlashInItsCodeIsOpenedFilledExportedAndClosed() throws Exception {
        // The archive persists between runs of the suite: a notation of its own each run.
        String notation = "E2E/" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<byte[]> opened = postJson("/api/v1/files", Map.of("fondCode", "G09",
                "organId", "000.00.31.H09", "year", "2020", "notation", notation,
                "title", "Hồ sơ cấp phép xây dựng khu dân cư Đông Sơn", "retention", "10", "rights", "conditional",
                "creator", "Trần Thị Bích"));
        assertThat(opened.statusCode()).as(text(opened)).isEqualTo(201);
        String code = "000.00.31.H09.2020." + notation;
        JsonNode file = json.readTree(opened.body());
        assertThat(file.get("fileCode").asText()).isEqualTo(code);
        assertThat(file.get("state").asText()).isEqualTo("OPEN");
        assertThat(opened.headers().firstValue("Location")).hasValue("/api/v1/files/G09/" + code);
        assertThat(postJson("/api/v1/files", Map.of("fondCode", "G09", "organId", "000.00.31.H09", "year", "2020",
                "notation", notation, "title", "Lần hai", "retention", "10", "rights", "public",
                "creator", "Trần Thị Bích")).statusCode()).isEqualTo(409);

        byte[] letter = Files.readAllBytes(Path.of("../samples/letters/cong-van-mot-trang.pdf"));
        HttpResponse<byte[]> signed = post("/api/v1/signatures", letter, Map.of("key", "ubnd-binh-an",
                "level", "B-T"));
        assertThat(signed.statusCode()).as(text(signed)).isEqualTo(200);
        Map<String, String> m = metadata(code, "Ủy ban nhân dân tỉnh Bình An");
        m.put("signerPosition", "Chủ tịch");
        m.put("urgency", "Khẩn");
        m.put("recipients", "000.00.31.H10|Sở Xây dựng tỉnh Bình An");
        m.put("language", "Tiếng Việt");
        HttpResponse<byte[]> created = post("/api/v1/records", signed.body(), m);
        assertThat(created.statusCode()).as(text(created)).isEqualTo(201);
        JsonNode record = json.readTree(created.body());
        String id = record.get("id").asText();
        assertThat(record.at("/metadata/fileCode").asText()).isEqualTo(code);
        assertThat(record.at("/metadata/language").asText()).isEqualTo("vi");
        assertThat(record.at("/metadata/description/codeNumber").asText()).isEqualTo("88");
        assertThat(record.at("/metadata/description/codeNotation").asText()).isEqualTo("QĐ-UBND");
        assertThat(record.at("/metadata/description/signerPosition").asText()).isEqualTo("Chủ tịch");
        assertThat(record.at("/metadata/description/urgency").asText()).isEqualTo("URGENT");
        assertThat(record.at("/metadata/description/recipients/0/organId").asText()).isEqualTo("000.00.31.H10");
        // The file is open: no period runs yet.
        assertThat(record.at("/retention/disposableFrom").isNull()).isTrue();

        JsonNode read = json.readTree(get("/api/v1/files/G09/" + code).body());
        assertThat(read.get("docTotal").asInt()).isEqualTo(1);
        assertThat(read.get("startDate").asText()).isEqualTo("2020-04-02");

        HttpResponse<byte[]> bag = get("/api/v1/files/G09/" + code + "/package");
        assertThat(bag.statusCode()).as(text(bag)).isEqualTo(200);
        assertThat(new String(bag.body(), StandardCharsets.ISO_8859_1)).contains("bagit.txt");

        HttpResponse<byte[]> eark = get("/api/v1/files/G09/" + code + "/eark-package");
        assertThat(eark.statusCode()).as(text(eark)).isEqualTo(200);
        assertThat(eark.headers().firstValue("Content-Type")).hasValue("application/zip");
        CsipChecker.Unpacked p = CsipChecker.check(eark.body());
        assertThat(p.files().keySet()).contains("representations/record-" + id + "/METS.xml");
        HttpResponse<byte[]> earkRecord = get("/api/v1/records/" + id + "/eark-package");
        assertThat(earkRecord.statusCode()).isEqualTo(200);
        assertThat(CsipChecker.check(earkRecord.body()).root()).isEqualTo("kyso-record-" + id);

        HttpResponse<byte[]> closed = postJson("/api/v1/files/G09/" + code + "/closure",
                Map.of("endedOn", "2025-12-31"));
        assertThat(closed.statusCode()).as(text(closed)).isEqualTo(200);
        assertThat(json.readTree(closed.body()).get("disposableFrom").asText()).isEqualTo("2036-01-01");
        // Ten years from the end of 2025, when the matter ended, not from the letter's date in 2020 (2031).
        JsonNode after = json.readTree(get("/api/v1/records/" + id).body());
        assertThat(after.at("/retention/disposableFrom").asText()).isEqualTo("2036-01-01");

        HttpResponse<byte[]> late = post("/api/v1/records", letter, metadata(code, "UBND tỉnh Bình An"));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(json.readTree(late.body()).get("code").asText()).isEqualTo("FILE_CLOSED");
        assertThat(get("/api/v1/files/G09/000.00.31.H09.2025.KHONG/CO").statusCode()).isEqualTo(404);
    }

    @Test
    void fieldsBeyondAppendixViAreRefusedWithCodesInBothLanguages() throws Exception {
        Map<String, String> m = metadata("G09.E2E.PL6", "C".repeat(201));
        m.put("subject", "S".repeat(501));
        m.put("language", "xx");
        m.put("urgency", "rất gấp");
        HttpResponse<byte[]> r = post("/api/v1/records", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII), m);

        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(r.body());
        assertThat(problem.get("code").asText()).isEqualTo("METADATA_INVALID");
        List<String> found = new ArrayList<>();
        problem.get("errors").forEach(e -> found.add(e.get("field").asText() + ":" + e.get("code").asText()));
        assertThat(found).containsExactlyInAnyOrder("issuer:FIELD_TOO_LONG", "subject:FIELD_TOO_LONG",
                "language:FIELD_NOT_IN_LIST", "urgency:FIELD_NOT_IN_LIST");
        problem.get("errors").forEach(e -> assertThat(e.get("messageVi").asText()).isNotBlank());
        assertThat(problem.get("errors").findValuesAsText("messageVi"))
                .contains("Trích yếu nội dung dài quá 500 ký tự (Phụ lục VI Nghị định 30/2020/NĐ-CP)");

        HttpResponse<byte[]> badFile = postJson("/api/v1/files", Map.of("fondCode", "G09", "organId",
                "000.00.31.H09.XY", "year", "2025", "notation", "01", "title", "T", "retention", "7",
                "rights", "secret", "creator", "Trần Thị Bích"));
        assertThat(badFile.statusCode()).isEqualTo(400);
        List<String> fileFields = new ArrayList<>();
        json.readTree(badFile.body()).get("errors").forEach(e -> fileFields.add(e.get("field").asText()));
        assertThat(fileFields).containsExactlyInAnyOrder("organId", "retention");
    }

    static Map<String, String> metadata(String fileCode, String issuer) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("fondCode", "G09");
        m.put("fileCode", fileCode);
        m.put("numberSymbol", "88/QĐ-UBND");
        m.put("documentDate", "2020-04-02");
        m.put("documentType", "Quyết định");
        m.put("issuer", issuer);
        m.put("subject", "Về việc cấp giấy phép xây dựng");
        m.put("preservation", "10");
        return m;
    }

    private HttpResponse<byte[]> postJson(String path, Map<String, String> body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))));
    }

    private HttpResponse<byte[]> post(String path, byte[] file, Map<String, String> fields) throws Exception {
        String boundary = "kyso" + UUID.randomUUID();
        List<byte[]> parts = new ArrayList<>();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"qd.pdf\""
                + "\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        parts.add(file);
        parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts)));
    }
}
