package vn.kyso.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * The archivist's page and the archive line of the verification page in real headless Chromium. The
 * archive is seeded through the HTTP API as a clerk would: the sample letter gets a QR code, is signed by
 * the demo PKI and ingested with Vietnamese metadata. The test archive persists between runs, so each run
 * files its record under its own file code. The properties are exactly those of the other tests with the
 * demo PKI, so all share one application context and one demo PKI.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kyso.demo.enabled=true",
        "kyso.demo.directory=${kyso.test.workdir:target/test-work}/api-demo-pki",
        "kyso.demo.port=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// WebElement.getAttribute reads the DOM property and falls back to the attribute, which these checks
// rely on (input values, link targets); its replacements read one or the other.
@SuppressWarnings("deprecation")
class ArchivePageBrowserTest {

    static final int PHONE_WIDTH = 390;
    static final int PHONE_HEIGHT = 844;
    static final Duration WAIT = Duration.ofSeconds(30);
    static final Duration VALIDATION_WAIT = Duration.ofSeconds(90);

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String FILE_CODE = "G09.WEB." + RUN;
    static final String DOCUMENT_ID = "HS-WEB-" + RUN;
    static final String NUMBER = "45/QĐ-UBND";
    /** Markup in a subject must show as text: the page never parses data as HTML. */
    static final String SUBJECT = "Cấp giấy chứng nhận quyền sử dụng đất cho hộ bà <b>Nguyễn Thị Hoà</b>";

    final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    ApiClient api;
    Browser browser;
    Path files;
    Path archived;
    Path otherLetter;
    JsonNode record;

    @BeforeAll
    void seed() throws Exception {
        api = new ApiClient(port);
        byte[] letter = Files.readAllBytes(Path.of("../samples/letters/cong-van-mot-trang.pdf"));
        HttpResponse<byte[]> stamped = api.post("/api/v1/signatures/qr-codes", "file", "quyet-dinh.pdf", letter,
                Map.of("documentId", DOCUMENT_ID),
                Map.of());
        assertThat(stamped.statusCode()).isEqualTo(200);
        byte[] signed = api.sign(stamped.body(), "ubnd-binh-an");
        Map<String, String> m = new LinkedHashMap<>();
        m.put("fondCode", "G09");
        m.put("fileCode", FILE_CODE);
        m.put("numberSymbol", NUMBER);
        m.put("documentDate", "2026-03-14");
        m.put("documentType", "Quyết định");
        m.put("issuer", "Ủy ban nhân dân tỉnh Bình An");
        m.put("subject", SUBJECT);
        m.put("keywords", "đất đai; giấy chứng nhận");
        m.put("preservation", "20");
        m.put("accessRegime", "public");
        m.put("documentId", DOCUMENT_ID);
        HttpResponse<byte[]> created = api.post("/api/v1/records", "file", "quyet-dinh.pdf", signed, m,
                Map.of("X-Kyso-Actor", "van-thu-web"));
        assertThat(created.statusCode()).as(new String(created.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        record = json.readTree(created.body());
        assertThat(record.at("/validation/verdict").asText()).isEqualTo("VALID");

        files = Files.createTempDirectory("kyso-archive-page-files");
        archived = Files.write(files.resolve("quyet-dinh-luu-tru.pdf"), signed);
        // Signed by the same key, but never archived: the QR link's document is not this one.
        otherLetter = Files.write(files.resolve("cong-van-khac.pdf"), api.sign(letter, "ubnd-binh-an"));

        browser = new Browser();
        browser.phone(PHONE_WIDTH, PHONE_HEIGHT);
    }

    @AfterAll
    void closeBrowser() throws Exception {
        Browser.closeAndDelete(browser, files);
    }

    @Test
    void aSearchWithoutDiacriticsFindsTheRecordWhichShowsEverythingAndDownloads() throws Exception {
        open("/archive");
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
        search("quyen su dung dat", FILE_CODE);

        assertThat(text("results-count")).isEqualTo("Tìm thấy 1 hồ sơ.");
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#results-body tr"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains(NUMBER, "14/03/2026", "Quyết định", SUBJECT,
                "Ủy ban nhân dân tỉnh Bình An", "Hợp lệ");
        assertNoHorizontalScroll();
        browser.screenshot("archive-results-vi");

        rows.get(0).findElement(By.cssSelector("a.open")).click();
        waitUntil(d -> d.findElement(By.id("record")).isDisplayed());
        assertThat(browser.driver.getCurrentUrl()).contains("record=" + record.get("id").asText());
        assertThat(text("record-heading")).isEqualTo("Quyết định " + NUMBER);
        // The subject's markup is text, not an element.
        assertThat(text("record-subject")).isEqualTo(SUBJECT);
        assertThat(browser.driver.findElements(By.cssSelector("#record b"))).isEmpty();

        assertThat(browser.driver.findElement(By.id("verdict-box")).getAttribute("class")).contains("verdict-valid");
        // The report's headline, its ISO instant in words (issue #14).
        assertThat(text("record-headline")).contains(TimesInWords.of(record.at("/validation/headlineVi").asText(), "vi"));
        assertThat(text("signature-lines")).contains(record.at("/validation/signatures/0/signer").asText(),
                "Hợp lệ");
        String metadata = text("metadata");
        assertThat(metadata).contains("Mã phông", "G09", "Mã hồ sơ", FILE_CODE, "Số, ký hiệu", NUMBER,
                "14/03/2026", "Ủy ban nhân dân tỉnh Bình An", "đất đai; giấy chứng nhận", "Công khai", DOCUMENT_ID,
                ApiClient.sha256(archived));
        assertThat(record.at("/original/sha256").asText()).isEqualTo(ApiClient.sha256(archived));
        assertThat(text("evidence")).contains("Mức chữ ký khi nộp lưu", record.at("/evidence/levelAtIngest").asText(),
                "Phải gia hạn trước");
        assertThat(text("retention")).contains("Thời hạn bảo quản", "20 năm", "Được xem xét hủy từ ngày",
                "01/01/2047", "Phong tỏa pháp lý", "Không");
        assertThat(text("objects")).contains(ApiClient.sha256(archived));
        List<WebElement> history = browser.driver.findElements(By.cssSelector("#history tr"));
        assertThat(history).hasSize(record.get("history").size()).isNotEmpty();
        // The event's kind and outcome in Vietnamese, not the archive's codes (issue #14).
        assertThat(record.at("/history/0/kind").asText()).isEqualTo("INGEST");
        assertThat(history.get(0).getText()).contains("Nhập kho lưu trữ", "Thành công", "van-thu-web")
                .doesNotContain("INGEST");
        assertNoHorizontalScroll();
        browser.screenshot("archive-record-vi");

        assertDownload("download-content", "application/pdf", Files.readAllBytes(archived));
        assertDownload("download-evidence", "application/zip", null);
        assertDownload("download-package", "application/zip", null);

        browser.desktop();
        try {
            browser.screenshot("archive-record-desktop");
            browser.driver.findElement(By.id("back")).click();
            waitUntil(d -> d.findElement(By.id("results")).isDisplayed()
                    && !d.findElements(By.cssSelector("#results-body tr")).isEmpty());
            assertThat(browser.driver.findElement(By.id("q")).getAttribute("value")).isEqualTo("quyen su dung dat");
            browser.screenshot("archive-results-desktop");
        } finally {
            browser.phone(PHONE_WIDTH, PHONE_HEIGHT);
        }
    }

    @Test
    void aSearchThatFindsNothingSaysSo() {
        open("/archive");
        search("hosokhongton" + RUN.replaceAll("[0-9]", ""), null);

        assertThat(text("results-count")).isEqualTo("Tìm thấy 0 hồ sơ.");
        assertThat(text("no-results")).isEqualTo("Không có hồ sơ nào phù hợp với điều kiện tìm kiếm.");
        assertThat(browser.driver.findElement(By.id("results-table")).isDisplayed()).isFalse();
        assertThat(browser.driver.findElement(By.id("error")).isDisplayed()).isFalse();
        assertNoHorizontalScroll();
        browser.screenshot("archive-no-results");
    }

    @Test
    void anUnknownRecordAndABadSearchAreReadableErrors() {
        String unknown = UUID.randomUUID().toString();
        open("/archive?record=" + unknown);
        waitUntil(d -> d.findElement(By.id("error")).isDisplayed());
        assertThat(text("error")).startsWith("Không tìm thấy hồ sơ.").contains("Chi tiết:", unknown);
        assertThat(browser.driver.findElement(By.id("record")).isDisplayed()).isFalse();
        assertNoHorizontalScroll();
        browser.screenshot("archive-unknown-record");

        open("/archive?q=dat&from=hom-qua");
        waitUntil(d -> d.findElement(By.id("error")).isDisplayed());
        assertThat(text("error")).startsWith("Điều kiện tìm kiếm không hợp lệ.").contains("Chi tiết:");
        assertThat(browser.driver.findElement(By.id("results")).isDisplayed()).isFalse();
    }

    @Test
    void theEnglishSwitchTranslatesTheLabelsAndKeepsTheSearch() {
        open("/archive?fileCode=" + FILE_CODE);
        waitUntil(d -> d.findElement(By.id("results")).isDisplayed());
        assertThat(browser.driver.findElement(By.cssSelector("label[for=q]")).getText()).isEqualTo("Từ khóa");

        browser.driver.findElement(By.id("lang-switch")).click();
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.driver.findElement(By.cssSelector("label[for=q]")).getText()).isEqualTo("Search words");
        assertThat(text("results-count")).isEqualTo("1 records found.");
        assertThat(text("lang-switch")).isEqualTo("Tiếng Việt");
        assertThat(browser.driver.getCurrentUrl()).contains("lang=en").contains("fileCode=" + FILE_CODE);
        assertThat(text("results-body")).contains("Valid");
        assertNoHorizontalScroll();
        browser.screenshot("archive-results-en");
    }

    @Test
    void theRecordReadsInWordsInBothLanguagesWithItsHistoryTranslated() {
        open("/archive?record=" + record.get("id").asText());
        waitUntil(d -> d.findElement(By.id("record")).isDisplayed());
        // Times in words, Vietnam time, the ISO value kept on the element (issue #14).
        String vietnamese = "ngày \\d{1,2} tháng \\d{1,2} năm 20\\d\\d, \\d\\d:\\d\\d \\(giờ Việt Nam\\)";
        assertThat(text("metadata")).containsPattern(vietnamese);
        assertThat(text("validated-at")).containsPattern(vietnamese);
        WebElement ingested = browser.driver.findElement(By.cssSelector("#metadata time"));
        assertThat(ingested.getDomAttribute("datetime")).isEqualTo(record.at("/original/ingestedAt").asText());
        assertThat(ingested.getDomAttribute("title")).isEqualTo(ingested.getDomAttribute("datetime"));
        // The history's detail by its code, in Vietnamese; the stored English sentence is not shown.
        assertThat(record.at("/history/0/detailText/code").asText()).isEqualTo("INGESTED");
        List<WebElement> history = browser.driver.findElements(By.cssSelector("#history tr"));
        assertThat(history.get(0).getText()).contains("Chữ ký số: Hợp lệ, mức")
                .containsPattern(vietnamese).doesNotContain("verdict VALID", "+07:00")
                .doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT");
        assertLaidOut();
        browser.screenshot("archive-record-390-vi");

        browser.driver.findElement(By.id("lang-switch")).click();
        assertThat(text("metadata")).contains("(Vietnam time)").doesNotContain("giờ Việt Nam");
        history = browser.driver.findElements(By.cssSelector("#history tr"));
        assertThat(history.get(0).getText()).contains("Archived", "Done", "Signatures: Valid, level")
                .doesNotContain("Nhập kho", "verdict VALID");
        assertLaidOut();
        browser.screenshot("archive-record-390-en");
        browser.desktop();
        try {
            assertLaidOut();
            browser.screenshot("archive-record-1280-en");
            browser.driver.findElement(By.id("lang-switch")).click();
            assertLaidOut();
            browser.screenshot("archive-record-1280-vi");
        } finally {
            browser.phone(PHONE_WIDTH, PHONE_HEIGHT);
        }
    }

    @Test
    void theVerificationPageSaysWhetherACopyIsTheArchivedOriginal() throws Exception {
        open("/verify?id=" + DOCUMENT_ID + "&h=" + ApiClient.sha256(archived));
        uploadToVerify(archived);
        assertThat(browser.driver.findElement(By.id("verdict")).getAttribute("class")).contains("verdict-valid");
        assertThat(text("headline")).contains("Đúng văn bản đã ban hành");
        assertThat(archiveLine()).startsWith("Trùng khớp với bản gốc lưu trữ tại cơ quan ban hành.")
                .contains(NUMBER, "14/03/2026");
        assertThat(browser.driver.findElement(By.id("archive-match")).getAttribute("class")).contains("hash-ok");
        assertNoHorizontalScroll();
        browser.screenshot("verify-archive-identical");

        browser.driver.findElement(By.id("lang-switch")).click();
        assertThat(text("archive-match")).startsWith("Matches the original kept in the issuer's archive.");

        // The link's h is the archived file's, as a forger would copy it: it makes no difference.
        open("/verify?id=" + DOCUMENT_ID + "&h=" + ApiClient.sha256(archived));
        uploadToVerify(otherLetter);
        assertThat(browser.driver.findElement(By.id("verdict")).getAttribute("class")).contains("verdict-invalid");
        assertThat(text("headline")).contains("KHÔNG phải văn bản đã ban hành");
        assertThat(archiveLine()).contains("không chứng minh đây là văn bản đã ban hành");
        assertThat(browser.driver.findElement(By.id("archive-match")).getAttribute("class")).contains("hash-bad");
        assertNoHorizontalScroll();
        browser.screenshot("verify-archive-different");
    }

    @Test
    void thePageAndItsAssetsCarryTheStrictHeadersAndNoMarkupFromData() throws Exception {
        for (String path : List.of("/archive", "/archive/", "/archive/archive.js", "/archive/archive-text.js",
                "/archive/archive.css", "/assets/kyso.css", "/assets/kyso.js", "/assets/favicon.svg")) {
            HttpResponse<byte[]> r = api.get(path);
            String body = ApiClient.text(r);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValue("default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
            // No inline script or style to allow, no data parsed as markup.
            assertThat(body).as(path).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "eval(",
                    "style=\"", "onclick=", "<script>");
            if (!path.endsWith(".svg")) { // the icon's xmlns names a namespace, it loads nothing
                // Nothing from elsewhere: no CDN, font service or analytics.
                assertThat(body).as(path).doesNotContainPattern("(?i)(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}/");
            }
        }
    }

    // --- the browser ---

    private void open(String pathAndQuery) {
        browser.driver.get("http://127.0.0.1:" + port + pathAndQuery);
        waitUntil(d -> "true".equals(String.valueOf(browser.script(
                "return document.documentElement.classList.contains('js')"))));
        assertNoHorizontalScroll();
    }

    private void search(String q, String fileCode) {
        WebElement field = browser.driver.findElement(By.id("q"));
        field.clear();
        field.sendKeys(q);
        if (fileCode != null) {
            browser.driver.findElement(By.id("fileCode")).sendKeys(fileCode);
        }
        browser.driver.findElement(By.id("search")).click();
        waitUntil(d -> d.findElement(By.id("results")).isDisplayed() || d.findElement(By.id("error")).isDisplayed());
        assertThat(browser.driver.findElement(By.id("error")).isDisplayed()).as(text("error")).isFalse();
    }

    private void uploadToVerify(Path file) {
        browser.driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.driver.findElement(By.id("submit")).click();
        new WebDriverWait(browser.driver, VALIDATION_WAIT).until(d ->
                d.findElement(By.id("result")).isDisplayed() || d.findElement(By.id("error")).isDisplayed());
    }

    /** The archive's line: the page shows the result only once the archive has answered too. */
    private String archiveLine() {
        waitUntil(d -> d.findElement(By.id("archive-match")).isDisplayed());
        return text("archive-match");
    }

    private void waitUntil(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new WebDriverWait(browser.driver, WAIT).until(condition::apply);
    }

    /** Fetches what the link points at, as the browser would on a click, and checks it is the right kind. */
    private void assertDownload(String linkId, String mediaType, byte[] expected) throws Exception {
        String href = browser.driver.findElement(By.id(linkId)).getAttribute("href");
        assertThat(href).startsWith("http://127.0.0.1:" + port + "/api/v1/records/" + record.get("id").asText() + "/");
        HttpResponse<byte[]> response = api.get(href);
        assertThat(response.statusCode()).as(href).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).as(href).hasValue(mediaType);
        assertThat(response.body()).as(href).isNotEmpty();
        if (expected != null) {
            assertThat(response.body()).as(href).isEqualTo(expected);
        } else {
            assertThat(new String(response.body(), 0, 2, StandardCharsets.US_ASCII)).as(href).isEqualTo("PK");
        }
    }

    private String text(String id) {
        return browser.driver.findElement(By.id(id)).getText();
    }

    /** No sideways scrolling, and no time in words broken inside its date or its clock. */
    private void assertLaidOut() {
        assertNoHorizontalScroll();
        Object broken = browser.script("return Array.prototype.filter.call(document.querySelectorAll('time.when"
                + " .when-part'), function (p) { return p.offsetParent !== null && p.getClientRects().length !== 1; })"
                + ".map(function (p) { return p.textContent; })");
        assertThat((List<?>) broken).as("times broken across lines").isEmpty();
    }

    private void assertNoHorizontalScroll() {
        Object fits = browser.script(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth");
        Object width = browser.script("return document.documentElement.clientWidth");
        assertThat(fits).as("no horizontal scrolling at %s px", width).isEqualTo(true);
    }

    // --- the API, as a clerk's system calls it ---
}
