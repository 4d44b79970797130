package vn.kyso.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

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
import vn.kyso.core.testing.Eventually;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The citizen's QR check in real headless Chromium (issue #10, item 10): whatever a QR link's h says,
 * only the issuer's archive decides whether a file is the issued document, and the page says one thing.
 * A forger's own letter, stamped with the genuine number and the copied h and signed by a key the
 * validator trusts, is red with no green line anywhere. A later signed revision is checked through the
 * API (QrVerificationEndToEndTest) and the archive (IssuedCopyTest). The properties are exactly those of
 * the other tests with the demo PKI, so all share one application context (a second demo PKI cannot load
 * into the same JVM); each check asks the public API three times (the page's lookup by id, then two posts), so the
 * checks wait for the shared rate limit's burst to refill when the page says it was refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kyso.demo.enabled=true",
        "kyso.demo.directory=${kyso.test.workdir:target/test-work}/api-demo-pki",
        "kyso.demo.port=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// WebElement.getAttribute reads the DOM property and falls back to the attribute, which these checks
// rely on (input values, link targets); its replacements read one or the other.
@SuppressWarnings("deprecation")
class QrCheckBrowserTest {

    static final Duration VALIDATION_WAIT = Duration.ofSeconds(90);
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String DOCUMENT_ID = "KQ-QR-" + RUN;
    static final String NUMBER = "96/KQ-UBND";


    @LocalServerPort
    int port;

    ApiClient api;
    Browser browser;
    Path files;
    Path issued;
    Path forged;
    Path tampered;
    String h;

    @BeforeAll
    void issueAndArchive() throws Exception {
        api = new ApiClient(port);
        byte[] letter = Files.readAllBytes(Path.of("../samples/letters/cong-van-mot-trang.pdf"));
        HttpResponse<byte[]> stamped = api.post("/api/v1/signatures/qr-codes", "file", "kq.pdf", letter,
                Map.of("documentId", DOCUMENT_ID), Map.of());
        assertThat(stamped.statusCode()).isEqualTo(200);
        h = stamped.headers().firstValue("X-Document-Sha256").orElseThrow();
        byte[] signed = api.sign(stamped.body(), "ubnd-binh-an");
        archive(signed);

        // The forger's own letter, QR code with the genuine number, signed by a key the validator trusts.
        byte[] other = Files.readAllBytes(Path.of("../samples/letters/cong-van-ba-trang.pdf"));
        byte[] forgedStamp = api.post("/api/v1/signatures/qr-codes", "file", "kq.pdf", other,
                Map.of("documentId", DOCUMENT_ID), Map.of()).body();

        files = Files.createTempDirectory("kyso-qr-check");
        issued = Files.write(files.resolve("ket-qua.pdf"), signed);
        forged = Files.write(files.resolve("ket-qua-gia.pdf"), api.sign(forgedStamp, "ubnd-binh-an"));
        byte[] flipped = signed.clone();
        flipped[11] ^= 0x01; // in the header's binary comment: inside every byte range, still a readable PDF
        tampered = Files.write(files.resolve("ket-qua-bi-sua.pdf"), flipped);

        browser = new Browser();
        browser.phone(390, 844);
    }

    @AfterAll
    void close() throws Exception {
        Browser.closeAndDelete(browser, files);
    }

    @Test
    void theGenuineOriginalIsTheIssuedDocumentInOneGreenHeadline() {
        check(issued, h);
        assertThat(text("doc-id")).isEqualTo(DOCUMENT_ID);
        assertThat(verdictClass()).isEqualTo("verdict-valid");
        assertThat(headline()).isEqualTo("Đúng văn bản đã ban hành: tệp trùng khớp với bản gốc lưu trữ tại cơ quan "
                + "ban hành và chữ ký số hợp lệ.");
        assertThat(lineClass()).contains("hash-ok");
        assertThat(text("archive-match")).startsWith("Trùng khớp với bản gốc lưu trữ tại cơ quan ban hành.")
                .contains(NUMBER, "01/06/2026");
        assertNothingRed();
        browser.screenshot("qr-check-genuine-vi");

        browser.driver.findElement(By.id("lang-switch")).click();
        assertThat(headline()).startsWith("This is the issued document:");
        assertThat(text("archive-match")).startsWith("Matches the original kept in the issuer's archive.");
        browser.screenshot("qr-check-genuine-en");
    }

    @Test
    void aForgersLetterSignedByATrustedKeyWithTheCopiedLinkIsRedWithNoGreenLine() {
        check(forged, h);
        assertThat(verdictClass()).isEqualTo("verdict-invalid");
        assertThat(headline()).isEqualTo("KHÔNG phải văn bản đã ban hành: tệp này khác với bản gốc mang mã "
                + DOCUMENT_ID + " lưu trữ tại cơ quan ban hành.");
        assertThat(lineClass()).contains("hash-bad");
        assertThat(text("archive-match")).contains("chỉ cho biết ai đã ký tệp này", "Hợp lệ");
        assertNothingGreen();
        browser.screenshot("qr-check-forged");
    }

    @Test
    void aNumberTheIssuerNeverUsedIsRed() {
        checkAt(issued, "/verify?id=KQ-KHONG-CO-" + RUN + "&h=" + h);
        assertThat(verdictClass()).isEqualTo("verdict-invalid");
        assertThat(headline()).isEqualTo("Không xác nhận được văn bản: kho lưu trữ của cơ quan ban hành không có văn "
                + "bản nào mang mã KQ-KHONG-CO-" + RUN + ".");
        assertNothingGreen();
        browser.screenshot("qr-check-unknown-id");
    }

    @Test
    void aTamperedCopyOfTheRecordIsRed() throws Exception {
        check(tampered, ApiClient.sha256(tampered)); // even with a link made for the tampered file
        assertThat(verdictClass()).isEqualTo("verdict-invalid");
        assertThat(headline()).startsWith("KHÔNG phải văn bản đã ban hành");
        assertNothingGreen();
        browser.screenshot("qr-check-tampered");
    }

    // --- the page ---

    private void check(Path file, String linkHash) {
        checkAt(file, "/verify?id=" + DOCUMENT_ID + "&h=" + linkHash);
    }

    private void checkAt(Path file, String pathAndQuery) {
        // The public rate limit is shared by every test of this JVM (the lookup by id of VerifyByIdBrowserTest
        // may have drained it just before), and one check costs three of its tokens (the page's lookup by
        // id, the validation, the archive comparison): a page that says it was refused is asked again once
        // the burst has refilled (one token every two seconds, ten in all); any other error fails below.
        try {
            Eventually.until(Duration.ofSeconds(150), Duration.ofSeconds(20), () -> submit(file, pathAndQuery),
                    rateLimited -> !rateLimited);
        } catch (Exception e) {
            throw new AssertionError("the page stayed rate-limited", e);
        }
        assertThat(browser.driver.findElement(By.id("error")).isDisplayed()).as(text("error")).isFalse();
        // Only once both answers are in: the headline never changes its mind in front of the reader.
        assertThat(browser.driver.findElement(By.id("archive-match")).isDisplayed()).isTrue();
        Object fits = browser.script(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth");
        assertThat(fits).as("no horizontal scrolling").isEqualTo(true);
    }

    /** Loads the page, checks the file and tells whether the answer was the rate limit's refusal. */
    private boolean submit(Path file, String pathAndQuery) {
        browser.driver.get("http://127.0.0.1:" + port + pathAndQuery);
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> "true".equals(String.valueOf(
                browser.script("return document.documentElement.classList.contains('js')"))));
        // The page's own lookup by id first (it waits out a 429 itself), so that its retries never
        // interleave with the file's check.
        new WebDriverWait(browser.driver, VALIDATION_WAIT).until(d ->
                d.findElements(By.cssSelector("#lookup .busy")).isEmpty());
        if (browser.driver.findElement(By.id("lookup")).getText().contains("quá nhiều yêu cầu")) {
            return true;
        }
        browser.driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.driver.findElement(By.id("submit")).click();
        new WebDriverWait(browser.driver, VALIDATION_WAIT).until(d ->
                d.findElement(By.id("result")).isDisplayed() || d.findElement(By.id("error")).isDisplayed());
        return browser.driver.findElement(By.id("error")).isDisplayed()
                && text("error").contains("quá nhiều yêu cầu")
                || browser.driver.findElement(By.id("archive-match")).getText().contains("quá nhiều yêu cầu");
    }

    private String verdictClass() {
        return browser.driver.findElement(By.id("verdict")).getAttribute("class").replace("verdict ", "").strip();
    }

    private String lineClass() {
        return browser.driver.findElement(By.id("archive-match")).getAttribute("class");
    }

    private String headline() {
        return browser.driver.findElement(By.cssSelector("#headline span:last-child")).getText();
    }

    private String text(String id) {
        return browser.driver.findElement(By.id(id)).getText();
    }

    /** No line, headline or signature card in a verdict's green. */
    private void assertNothingGreen() {
        List<WebElement> green = browser.driver.findElements(By.cssSelector(".verdict-valid, .hash-ok"));
        assertThat(green).filteredOn(WebElement::isDisplayed).isEmpty();
    }

    private void assertNothingRed() {
        List<WebElement> red = browser.driver.findElements(By.cssSelector(".verdict-invalid, .hash-bad"));
        assertThat(red).filteredOn(WebElement::isDisplayed).isEmpty();
    }

    // --- the API, as the issuing agency's systems call it ---

    private void archive(byte[] pdf) throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("fondCode", "G09");
        m.put("fileCode", "G09.QR." + RUN);
        m.put("numberSymbol", NUMBER);
        m.put("documentDate", "2026-06-01");
        m.put("documentType", "Kết quả giải quyết thủ tục hành chính");
        m.put("issuer", "Ủy ban nhân dân tỉnh Bình An");
        m.put("subject", "Kết quả giải quyết thủ tục hành chính");
        m.put("preservation", "10");
        m.put("accessRegime", "public");
        m.put("documentId", DOCUMENT_ID);
        HttpResponse<byte[]> created = api.post("/api/v1/records", "file", "kq.pdf", pdf, m, Map.of());
        assertThat(created.statusCode()).as(new String(created.body(), StandardCharsets.UTF_8)).isEqualTo(201);
    }
}
