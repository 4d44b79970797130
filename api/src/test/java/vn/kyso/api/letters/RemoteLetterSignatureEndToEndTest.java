package vn.kyso.api.letters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.europa.esig.dss.enumerations.Indication;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.kyso.demopki.DemoPki;
import vn.kyso.signing.DssVerdicts;

/**
 * The authorised person signs a letter from their own token (issue #14): the draft goes through the two
 * steps of remote signing with the person's own signature image; the letter is then SIGNED_BY_PERSON, its
 * PDF shows the blue ink in the lower right where the handwritten signature goes (poppler's picture), and
 * the signature validates. The device is the demo PKI's remote signer, whose key the service never holds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kyso.demo.enabled=true",
        "kyso.demo.directory=${kyso.test.workdir:target/test-work}/api-demo-pki",
        "kyso.demo.port=0"})
class RemoteLetterSignatureEndToEndTest {

    static final Path ARTIFACTS = Path.of("target", "test-artifacts", "letters");
    static final String SIGNER = "dang-thi-tu-xa";

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    DemoPki pki;

    @Test
    void aPersonSignsADraftFromTheirTokenWithTheirOwnSignatureImage() throws Exception {
        String id = upload();
        byte[] draft = get("/api/v1/letters/" + id + "/pdf");

        List<String[]> parts = new ArrayList<>();
        for (X509Certificate c : pki.identity("remote-signer").chain()) {
            parts.add(new String[] {"certificate", null, "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder().encodeToString(c.getEncoded()) + "\n-----END CERTIFICATE-----\n"});
        }
        HttpResponse<byte[]> prepared = multipart("/api/v1/letters/" + id + "/signature/prepare", parts,
                "signatureImage", "chu-ky.png", blueSignature());
        assertThat(prepared.statusCode()).as(text(prepared)).isEqualTo(200);
        JsonNode toSign = json.readTree(prepared.body());

        Signature device = Signature.getInstance(toSign.get("signatureAlgorithm").asText());
        device.initSign(pki.softwareKey("remote-signer").getPrivateKey());
        device.update(Base64.getDecoder().decode(toSign.get("dataToSign").asText()));
        String value = Base64.getEncoder().encodeToString(device.sign());
        HttpResponse<byte[]> completed = send(HttpRequest.newBuilder(uri("/api/v1/letters/" + id + "/signature/"
                        + toSign.get("id").asText() + "/complete")).header("X-Kyso-Actor", SIGNER)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"signatureValue\": \"" + value + "\"}")));
        assertThat(completed.statusCode()).as(text(completed)).isEqualTo(200);

        JsonNode letter = json.readTree(completed.body());
        assertThat(letter.get("state").asText()).isEqualTo("SIGNED_BY_PERSON");
        assertThat(letter.get("signer").asText()).isEqualTo("Đặng Thị Từ Xa");
        List<String> actions = new ArrayList<>();
        letter.get("events").forEach(e -> actions.add(e.get("action").asText()));
        assertThat(actions).containsExactly("UPLOADED", "PERSON_SIGNATURE_PREPARED", "SIGNED_BY_PERSON");

        byte[] signed = get("/api/v1/letters/" + id + "/pdf");
        int[] before = blueInk(draft, "remote-letter-draft");
        int[] after = blueInk(signed, "remote-letter-signed");
        assertThat(before[0]).as("no blue on the draft").isZero();
        assertThat(after[0]).as("the person's ink").isGreaterThan(300);
        // Where the handwritten signature goes: the right half, below the body.
        assertThat(after[1] / after[0]).as("mean x").isGreaterThan(297);
        assertThat(after[2] / after[0]).as("mean y").isGreaterThan(421);
        assertThat(DssVerdicts.validate(pki, signed)).extracting(DssVerdicts.Verdict::indication)
                .containsExactly(Indication.TOTAL_PASSED);
    }

    private String upload() throws Exception {
        byte[] pdf = Files.readAllBytes(Path.of("../samples/letters/cong-van-mot-trang.pdf"));
        List<String[]> fields = List.of(new String[] {"subject", null, "Về việc ký số từ thiết bị của người ký"},
                new String[] {"documentType", null, "Công văn"},
                new String[] {"fileCode", null, "G09.RS." + UUID.randomUUID().toString().substring(0, 8)},
                new String[] {"preservation", null, "10"}, new String[] {"accessRegime", null, "restricted"});
        HttpResponse<byte[]> created = multipart("/api/v1/letters", fields, "file", "cong-van.pdf", pdf);
        assertThat(created.statusCode()).as(text(created)).isEqualTo(201);
        return json.readTree(created.body()).get("id").asText();
    }

    /** Blue pixels of page one at 72 dpi: their count and the sums of their x and y. */
    private static int[] blueInk(byte[] pdf, String name) throws Exception {
        Files.createDirectories(ARTIFACTS);
        Path file = ARTIFACTS.resolve(name + ".pdf");
        Files.write(file, pdf);
        Process p = new ProcessBuilder("/usr/bin/pdftoppm", "-png", "-r", "72", "-f", "1", "-l", "1", "-singlefile",
                file.toString(), ARTIFACTS.resolve(name).toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("pdftoppm (poppler-utils) ran").isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        BufferedImage page = ImageIO.read(ARTIFACTS.resolve(name + ".png").toFile());
        int[] ink = new int[3];
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                int rgb = page.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (b > 120 && b > r + 60 && b > g + 40) {
                    ink[0]++;
                    ink[1] += x;
                    ink[2] += y;
                }
            }
        }
        return ink;
    }

    /** A handwritten-looking signature in blue ink on a transparent background, as Decree 30 wants it. */
    static byte[] blueSignature() throws Exception {
        BufferedImage image = new BufferedImage(360, 150, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(20, 50, 190));
        g.setStroke(new BasicStroke(7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawPolyline(new int[] {20, 60, 90, 130, 170, 210, 250, 300, 340},
                new int[] {110, 20, 100, 50, 110, 40, 100, 60, 30}, 9);
        g.drawLine(60, 125, 320, 118);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** Text parts {name, null, value}, then one file part. */
    private HttpResponse<byte[]> multipart(String path, List<String[]> fields, String fileField, String fileName,
            byte[] file) throws Exception {
        String boundary = "kyso-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] f : fields) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f[0] + "\"\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + f[2] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path)).header("X-Kyso-Actor", SIGNER)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private byte[] get(String path) throws Exception {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(uri(path)).GET());
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        return r.body();
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }
}
