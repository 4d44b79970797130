package vn.kyso.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A citizen who has only the QR code (a photo of a paper result): the page shows what the issuer's archive
 * holds under its identifier, the whole record and the original for a public one, existence and verdict only
 * for a restricted one, and the same neutral answer for an identifier nobody issued and for a link without
 * its token. At 390 px (a phone) and 1280 px nothing scrolls sideways and no time breaks inside its date or
 * its clock; the screenshots are in target/test-artifacts. The properties are those of the other demo-PKI
 * tests, so all share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kyso.demo.enabled=true",
        "kyso.demo.directory=${kyso.test.workdir:target/test-work}/api-demo-pki",
        "kyso.demo.port=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerifyByIdBrowserTest {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String PUBLIC_ID = "KQ-CK-" + RUN;
    static final String RESTRICTED_ID = "KQ-HC-" + RUN;
    static final String SUBJECT_RESTRICTED = "Quyết định xử lý kỷ luật " + RUN;

    final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    ApiClient api;
    Browser browser;
    Path files;
    Path issued;
    String publicLink;
    String restrictedLink;

    @BeforeAll
    void issueAndArchive() throws Exception {
        api = new ApiClient(port);
        byte[] letter = Files.readAllBytes(Path.of("../samples/letters/cong-van-mot-trang.pdf"));
        HttpResponse<byte[]> stamped = api.post("/api/v1/signatures/qr-codes", "file", "kq.pdf", letter,
                Map.of("documentId", PUBLIC_ID), Map.of());
        assertThat(stamped.statusCode()).isEqualTo(200);
        publicLink = pathOf(stamped.headers().firstValue("X-Verify-Link").orElseThrow());
        assertThat(publicLink).contains("&t=");
        byte[] signed = sign(stamped.body());
        archive(signed, PUBLIC_ID, "public", "Kết quả giải quyết thủ tục hành chính", "97/KQ-UBND");

        HttpResponse<byte[]> second = api.post("/api/v1/signatures/qr-codes", "file", "kq.pdf",
                Files.readAllBytes(Path.of("../samples/letters/cong-van-ba-trang.pdf")),
                Map.of("documentId", RESTRICTED_ID), Map.of());
        restrictedLink = pathOf(second.headers().firstValue("X-Verify-Link").orElseThrow());
        archive(sign(second.body()), RESTRICTED_ID, "restricted", SUBJECT_RESTRICTED, "12/QĐ-UBND");

        files = Files.createTempDirectory("kyso-verify-by-id");
        issued = Files.write(files.resolve("ket-qua.pdf"), signed);
        browser = new Browser();
        browser.phone(390, 844);
    }

    @AfterAll
    void close() throws Exception {
        Browser.closeAndDelete(browser, files);
    }

    @Test
    void aPublicRecordIsShownWholeWithItsOriginalFromTheCodeAlone() throws Exception {
        open(publicLink);
        String shown = text("lookup");
        assertThat(shown).contains("Văn bản có trong kho lưu trữ của cơ quan ban hành; chữ ký số hợp lệ khi lưu trữ.",
                "Ủy ban nhân dân tỉnh Bình An", "97/KQ-UBND", "01/06/2026", "Kết quả giải quyết thủ tục hành chính",
                "Hợp lệ");
        assertThat(shown).containsPattern("ngày \\d{1,2} tháng \\d{1,2} năm 20\\d\\d, \\d\\d:\\d\\d \\(giờ Việt Nam\\)");
        assertThat(shown).doesNotContain("INGEST", "application/", "+07:00");
        WebElement archived = browser.driver.findElement(By.cssSelector("#lookup time"));
        assertThat(archived.getDomAttribute("datetime")).matches("\\d{4}-\\d\\d-\\d\\dT.*");
        assertThat(archived.getDomAttribute("title")).isEqualTo(archived.getDomAttribute("datetime"));
        WebElement download = browser.driver.findElement(By.cssSelector("#lookup a.download-original"));
        String href = download.getDomProperty("href");
        assertThat(href).contains("/api/v1/issued-documents/" + PUBLIC_ID + "/original?t=");
        HttpResponse<byte[]> original = api.get(href);
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(original.body()).isEqualTo(Files.readAllBytes(issued));
        assertLaidOut();
        browser.screenshot("verify-by-id-public-390-vi");

        browser.driver.findElement(By.id("lang-switch")).click();
        assertThat(text("lookup")).contains("The document is in the issuer's archive", "Issued by", "Vietnam time")
                .doesNotContain("giờ Việt Nam");
        assertLaidOut();
        browser.screenshot("verify-by-id-public-390-en");

        browser.desktop();
        try {
            open(publicLink);
            assertLaidOut();
            browser.screenshot("verify-by-id-public-1280-vi");
        } finally {
            browser.phone(390, 844);
        }
    }

    @Test
    void aRestrictedRecordShowsThatItExistsAndIsGenuineButNoContent() {
        open(restrictedLink);
        String shown = text("lookup");
        assertThat(shown).contains("Văn bản có thật", "Ủy ban nhân dân tỉnh Bình An", "không công khai");
        assertThat(browser.driver.findElement(By.tagName("body")).getText())
                .doesNotContain(SUBJECT_RESTRICTED, "12/QĐ-UBND", "UBND tỉnh Bình An (", "Trích yếu");
        assertThat(browser.driver.findElements(By.cssSelector("#lookup a.download-original"))).isEmpty();
        assertLaidOut();
        browser.screenshot("verify-by-id-restricted-390-vi");
    }

    @Test
    void anUnknownIdAndAWrongTokenGetTheSameAnswer() throws Exception {
        JsonNode absent = lookUp("KQ-KHONG-CO-" + RUN, null);
        JsonNode noToken = lookUp(PUBLIC_ID, null);
        JsonNode wrongToken = lookUp(PUBLIC_ID, "AAAAAAAAAAAAAAAA");
        assertThat(absent.path("found").asBoolean()).isFalse();
        assertThat(withoutId(wrongToken)).isEqualTo(withoutId(absent));
        assertThat(noToken).isEqualTo(wrongToken);
        HttpResponse<byte[]> original = api.get("/api/v1/issued-documents/" + PUBLIC_ID + "/original");
        assertThat(original.statusCode()).isEqualTo(404);

        open("/verify?id=" + PUBLIC_ID + "&t=AAAAAAAAAAAAAAAAAAAAAA");
        String wrong = text("lookup");
        open("/verify?id=KQ-KHONG-CO-" + RUN);
        assertThat(text("lookup")).isEqualTo(wrong).contains("Không tra cứu được văn bản chỉ từ mã này");
        assertLaidOut();
        browser.screenshot("verify-by-id-unknown-390-vi");
    }

    @Test
    void theResultOfAnUploadShowsItsTimesInWordsOnAPhone() {
        // Without a QR link the headline is the report's summary, which names the signing times.
        browser.driver.get("http://127.0.0.1:" + port + "/verify");
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> "true".equals(String.valueOf(
                browser.script("return document.documentElement.classList.contains('js')"))));
        browser.driver.findElement(By.id("file")).sendKeys(issued.toAbsolutePath().toString());
        browser.driver.findElement(By.id("submit")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(90)).until(d ->
                d.findElement(By.id("result")).isDisplayed() || d.findElement(By.id("error")).isDisplayed());
        assertThat(browser.driver.findElement(By.id("error")).isDisplayed()).as(text("error")).isFalse();
        assertThat(browser.driver.findElements(By.cssSelector("#headline time"))).isNotEmpty();
        assertThat(text("headline")).contains("(giờ Việt Nam)").doesNotContain("+07:00");
        assertThat(text("validated-at")).matches("ngày \\d{1,2} tháng \\d{1,2} năm 20\\d\\d, \\d\\d:\\d\\d \\(giờ Việt Nam\\)");
        assertLaidOut();
        browser.screenshot("verify-by-id-result-390-vi");
        browser.desktop();
        try {
            assertLaidOut();
            browser.screenshot("verify-by-id-result-1280-vi");
        } finally {
            browser.phone(390, 844);
        }
    }

    // --- the page ---

    private void open(String pathAndQuery) {
        browser.driver.get("http://127.0.0.1:" + port + pathAndQuery);
        // The lookup waits out the public rate limit (shared by every test of this JVM) on its own.
        new WebDriverWait(browser.driver, Duration.ofSeconds(90)).until(d -> "true".equals(String.valueOf(
                browser.script("return document.documentElement.classList.contains('js')"
                        + " && !!document.querySelector('#lookup p') && !document.querySelector('#lookup .busy')"))));
    }

    /**
     * Nothing scrolls sideways, and every time in words keeps its date and its clock each on one line (the
     * headline's time used to break inside the value on a phone).
     */
    private void assertLaidOut() {
        Object fits = browser.script(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth");
        Object width = browser.script("return document.documentElement.clientWidth");
        assertThat(fits).as("no horizontal scrolling at %s px", width).isEqualTo(true);
        Object broken = browser.script("return Array.prototype.filter.call(document.querySelectorAll('time.when"
                + " .when-part'), function (p) { return p.offsetParent !== null && p.getClientRects().length !== 1; })"
                + ".map(function (p) { return p.textContent; })");
        assertThat((List<?>) broken).as("times broken across lines at %s px", width).isEmpty();
    }

    private String text(String id) {
        return browser.driver.findElement(By.id(id)).getText();
    }

    // --- the API ---

    private JsonNode lookUp(String id, String token) throws Exception {
        HttpResponse<byte[]> r = api.get("/api/v1/issued-documents/" + id + (token == null ? "" : "?t=" + token));
        assertThat(r.statusCode()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private static JsonNode withoutId(JsonNode answer) {
        ObjectNode copy = answer.deepCopy();
        copy.remove("documentId");
        return copy;
    }

    private static String pathOf(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private byte[] sign(byte[] pdf) throws Exception {
        return api.sign(pdf, "ubnd-binh-an");
    }

    private void archive(byte[] pdf, String documentId, String access, String subject, String number)
            throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("fondCode", "G09");
        m.put("fileCode", "G09.ID." + documentId);
        m.put("numberSymbol", number);
        m.put("documentDate", "2026-06-01");
        m.put("documentType", "Kết quả giải quyết thủ tục hành chính");
        m.put("issuer", "Ủy ban nhân dân tỉnh Bình An");
        m.put("subject", subject);
        m.put("preservation", "10");
        m.put("accessRegime", access);
        m.put("documentId", documentId);
        HttpResponse<byte[]> created = api.post("/api/v1/records", "file", "kq.pdf", pdf, m, Map.of());
        assertThat(created.statusCode()).as(new String(created.body(), StandardCharsets.UTF_8)).isEqualTo(201);
    }
}
