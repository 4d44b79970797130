package vn.kyso.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #12: the electronic copy through the running service. SAO Y of a paper source is signed with a
 * text-only mark; a form of copy Decree 30 does not know, a copy without its source, and SAO Y of an
 * electronic source are 400 problems with a stable code and a Vietnamese detail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kyso.demo.enabled=true",
        "kyso.demo.directory=${kyso.test.workdir:target/test-work}/api-demo-pki",
        "kyso.demo.port=0"})
class CopyEndToEndTest {

    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    record Part(String name, String filename, byte[] content) {
    }

    @Test
    void aPaperSourceIsCopiedAsSaoYAndEveryOtherCaseIsRefusedInBothLanguages() throws Exception {
        byte[] letter = Files.readAllBytes(Path.of("../samples/letters/cong-van-mot-trang.pdf"));

        HttpResponse<byte[]> copy = copy(letter, "Sao y", "PAPER");
        assertThat(copy.statusCode()).as(body(copy)).isEqualTo(200);
        assertThat(new String(copy.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        assertRefused(copy(letter, "Bản sao", "PAPER"), "COPY_FORM_INVALID", "Hình thức sao phải là");
        assertRefused(copy(letter, "SAO Y", null), "COPY_SOURCE_MISSING", "bản giấy");
        assertRefused(copy(letter, "SAO Y", "ELECTRONIC"), "COPY_FORM_NOT_FOR_ELECTRONIC_SOURCE",
                "chỉ được thực hiện bằng hình thức TRÍCH SAO");
        assertThat(copy(letter, "TRÍCH SAO", "ELECTRONIC").statusCode()).isEqualTo(200);
    }

    @Test
    void aGreyScanAt150DpiIsRefusedAsThePaperSourceOfACopy() throws Exception {
        java.awt.image.BufferedImage grey = new java.awt.image.BufferedImage(874, 1240,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY); // A5 at 150 dpi
        byte[] scan;
        try (var document = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new ByteArrayOutputStream()) {
            var page = new org.apache.pdfbox.pdmodel.PDPage(org.apache.pdfbox.pdmodel.common.PDRectangle.A5);
            document.addPage(page);
            var image = org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory.createFromImage(document, grey);
            try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page)) {
                content.drawImage(image, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
            }
            document.save(out);
            scan = out.toByteArray();
        }

        assertRefused(copy(scan, "SAO Y", "PAPER"), "COPY_SOURCE_SCAN_INVALID", "chế độ màu");
    }

    private HttpResponse<byte[]> copy(byte[] letter, String form, String source) throws Exception {
        List<Part> parts = new java.util.ArrayList<>(List.of(field("key", "ubnd-binh-an"),
                field("appearance", "copy"), field("copyForm", form), new Part("file", "cong-van.pdf", letter)));
        if (source != null) {
            parts.add(field("copySource", source));
        }
        return post("/api/v1/signatures", parts);
    }

    private static void assertRefused(HttpResponse<byte[]> r, String code, String vietnamese) throws Exception {
        assertThat(r.statusCode()).as(body(r)).isEqualTo(400);
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.get("detailVi").asText()).contains(vietnamese);
    }

    private static Part field(String name, String value) {
        return new Part(name, null, value.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> post(String path, List<Part> parts) throws Exception {
        String boundary = "kyso" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part p : parts) {
            String disposition = "form-data; name=\"" + p.name() + "\""
                    + (p.filename() == null ? "" : "; filename=\"" + p.filename() + "\"");
            out.write(("--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\n"
                    + (p.filename() == null ? "" : "Content-Type: application/octet-stream\r\n") + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.write(p.content());
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String body(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

}
