package vn.kyso.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #12: the visible marks on a letter the service itself converted from DOCX (LibreOffice, PDF/A-2b),
 * through the running service. Poppler renders page by page at 72 dpi before and after each signature; every
 * pixel a signature changed must lie 2 px or more from any ink the converted letter printed, so no mark
 * covers printed text; the attachment and copy marks sit in the top right third of page one, the person's
 * signature is blue, the seal red.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kyso.demo.enabled=true",
        "kyso.demo.directory=${kyso.test.workdir:target/test-work}/api-demo-pki",
        "kyso.demo.port=0"})
class MarksOnConvertedDocxEndToEndTest {

    private static final Path ARTIFACTS = Path.of("target", "test-artifacts");
    final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    record Part(String name, String filename, byte[] content) {
    }

    @Test
    void everyMarkOnAConvertedDocxLeavesThePrintedTextUncovered() throws Exception {
        HttpResponse<byte[]> converted = post("/api/v1/conversions",
                List.of(new Part("file", "cong-van.docx", docx())));
        assertThat(converted.statusCode()).as(new String(converted.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        byte[] letter = converted.body();
        BufferedImage unsigned = render(letter, "docx-unsigned");

        for (List<Part> mark : List.of(
                List.of(field("appearance", "attachment"), field("numberSymbol", "123/UBND-VP")),
                List.of(field("appearance", "copy"), field("copyForm", "TRÍCH SAO"),
                        field("copySource", "ELECTRONIC")))) {
            byte[] signed = sign(letter, "ubnd-binh-an", mark);
            BufferedImage page = render(signed, "docx-" + mark.get(0).name() + "-" + text(mark.get(0)));
            List<int[]> changed = changed(unsigned, page);
            assertThat(changed).as(text(mark.get(0)) + " drew something").hasSizeGreaterThan(60);
            assertThat(changed).as(text(mark.get(0)) + " in the top right third")
                    .allMatch(p -> p[0] > page.getWidth() / 2 && p[1] < page.getHeight() / 3);
            assertThat(changed).as(text(mark.get(0)) + " over nothing printed")
                    .noneMatch(p -> inkNear(unsigned, p[0], p[1], 2));
        }

        byte[] person = sign(letter, "tran-thi-bich-ngoc", List.of(field("appearance", "person")));
        BufferedImage personPage = render(person, "docx-person");
        List<int[]> signature = changed(unsigned, personPage);
        assertThat(signature.stream().filter(p -> blue(personPage.getRGB(p[0], p[1]))).count())
                .as("blue signature").isGreaterThan(300);
        assertThat(signature).as("the signature between title and name covers nothing printed")
                .noneMatch(p -> inkNear(unsigned, p[0], p[1], 1));

        byte[] both = sign(person, "ubnd-binh-an", List.of(field("appearance", "organisation")));
        BufferedImage bothPage = render(both, "docx-person-and-organisation");
        List<int[]> seal = changed(personPage, bothPage);
        assertThat(seal.stream().filter(p -> red(bothPage.getRGB(p[0], p[1]))).count()).as("red seal")
                .isGreaterThan(1000);
        assertThat(seal.stream().filter(p -> dark(bothPage.getRGB(p[0], p[1]))).toList())
                .as("the organisation's name and time, in black, over nothing printed").hasSizeGreaterThan(30)
                .noneMatch(p -> inkNear(unsigned, p[0], p[1], 2));
    }

    private byte[] sign(byte[] pdf, String key, List<Part> options) throws Exception {
        List<Part> parts = new ArrayList<>(options);
        parts.add(field("key", key));
        parts.add(new Part("file", "cong-van.pdf", pdf));
        HttpResponse<byte[]> r = post("/api/v1/signatures", parts);
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return r.body();
    }

    /** A one-page letter in the shape of Decree 30's: heading, body, signature block with room to sign. */
    static byte[] docx() throws IOException {
        StringBuilder body = new StringBuilder();
        body.append(paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "right", true));
        body.append(paragraph("Độc lập - Tự do - Hạnh phúc", "right", true));
        body.append(paragraph("Bình An, ngày 22 tháng 11 năm 2026", "right", false));
        body.append(paragraph("Kính gửi: Các sở, ban, ngành thuộc tỉnh", "center", false));
        for (int i = 0; i < 4; i++) {
            body.append(paragraph("Thực hiện Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công "
                    + "tác văn thư, Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành triển khai ký số văn bản điện tử.",
                    "both", false));
        }
        body.append(paragraph("TM. ỦY BAN NHÂN DÂN", "right", true));
        body.append(paragraph("CHỦ TỊCH", "right", true));
        for (int i = 0; i < 5; i++) {
            body.append(paragraph("", "right", false));
        }
        body.append(paragraph("Nguyễn Văn An", "right", true));
        String document = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + body + "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" "
                + "w:bottom=\"1134\" w:left=\"1701\" w:header=\"0\" w:footer=\"0\" w:gutter=\"0\"/></w:sectPr>"
                + "</w:body></w:document>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\""
                    + "http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" "
                    + "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default "
                    + "Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" "
                    + "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
                    + "\"/></Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\""
                    + "http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
                    + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
                    + "Target=\"word/document.xml\"/></Relationships>");
            entry(zip, "word/document.xml", document);
        }
        return out.toByteArray();
    }

    private static String paragraph(String text, String align, boolean bold) {
        String font = "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\"/>"
                + (bold ? "<w:b/>" : "") + "<w:sz w:val=\"26\"/>";
        return "<w:p><w:pPr><w:jc w:val=\"" + align + "\"/><w:spacing w:after=\"120\"/></w:pPr><w:r><w:rPr>" + font
                + "</w:rPr><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** Page one (the letter has one page) at 72 dpi, one pixel per point; files kept in target/test-artifacts. */
    private static BufferedImage render(byte[] pdf, String name) throws Exception {
        Files.createDirectories(ARTIFACTS);
        Path input = Files.write(ARTIFACTS.resolve(name + ".pdf"), pdf);
        Process p = new ProcessBuilder("pdftoppm", "-r", "72", "-png", "-singlefile", input.toString(),
                ARTIFACTS.resolve(name).toString()).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(output, StandardCharsets.UTF_8)).isZero();
        return ImageIO.read(ARTIFACTS.resolve(name + ".png").toFile());
    }

    private static List<int[]> changed(BufferedImage before, BufferedImage after) {
        List<int[]> changed = new ArrayList<>();
        for (int y = 0; y < Math.min(before.getHeight(), after.getHeight()); y++) {
            for (int x = 0; x < Math.min(before.getWidth(), after.getWidth()); x++) {
                if (before.getRGB(x, y) != after.getRGB(x, y)) {
                    changed.add(new int[] {x, y});
                }
            }
        }
        return changed;
    }

    private static boolean inkNear(BufferedImage page, int x, int y, int distance) {
        for (int dy = -distance; dy <= distance; dy++) {
            for (int dx = -distance; dx <= distance; dx++) {
                int px = x + dx;
                int py = y + dy;
                if (px >= 0 && py >= 0 && px < page.getWidth() && py < page.getHeight() && dark(page.getRGB(px, py))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean dark(int rgb) {
        return ((rgb >> 16) & 0xff) < 90 && ((rgb >> 8) & 0xff) < 90 && (rgb & 0xff) < 90;
    }

    private static boolean blue(int rgb) {
        return (rgb & 0xff) > 100 && (rgb & 0xff) > ((rgb >> 16) & 0xff) + 40;
    }

    private static boolean red(int rgb) {
        return ((rgb >> 16) & 0xff) > 150 && ((rgb >> 8) & 0xff) < 100 && (rgb & 0xff) < 100;
    }

    private static Part field(String name, String value) {
        return new Part(name, null, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Part part) {
        return new String(part.content(), StandardCharsets.UTF_8);
    }

    /** Multipart POST; a 429 is honoured by waiting its Retry-After and trying again. */
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
        for (int attempt = 0; ; attempt++) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 429 || attempt >= 5) {
                return r;
            }
            long wait = r.headers().firstValueAsLong("Retry-After").orElse(1);
            Thread.sleep(Math.max(1, wait) * 1000);
        }
    }
}
