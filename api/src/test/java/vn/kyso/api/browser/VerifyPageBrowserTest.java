package vn.kyso.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.remote.service.DriverFinder;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.Document;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SigningService;
import vn.kyso.validation.SignedFile;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.ValidationRequest;
import vn.kyso.validation.ValidationService;

/**
 * The verification page as a citizen meets it: real headless Chromium at a phone's size, the whole
 * application with the demo PKI, and letters signed by its SoftHSM2 keys. The properties are exactly
 * those of SigningEndToEndTest, so both share one application context and one demo PKI. The page posts
 * 7 times in all, inside the default rate limit's burst of 10.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kyso.demo.enabled=true",
        "kyso.demo.directory=${kyso.test.workdir:target/test-work}/api-demo-pki",
        "kyso.demo.port=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// WebElement.getAttribute reads the DOM property and falls back to the attribute, which these checks
// rely on (input values, link targets); its replacements read one or the other.
@SuppressWarnings("deprecation")
class VerifyPageBrowserTest {

    static final int PHONE_WIDTH = 390;
    static final int PHONE_HEIGHT = 844;
    static final Duration VALIDATION_WAIT = Duration.ofSeconds(90);

    @LocalServerPort
    int port;

    @Autowired
    SigningService signing;

    @Autowired
    ValidationService validation;

    // Held strongly: java.util.logging forgets loggers nobody references, and the handler with them.
    final Logger driverFinderLog = Logger.getLogger(DriverFinder.class.getName());
    final List<String> driverFinderMessages = new CopyOnWriteArrayList<>();

    Browser browser;
    Path files;
    Path unsigned;
    Path signed;
    Path tampered;
    Path edited;

    @BeforeAll
    void prepare() throws Exception {
        files = Files.createTempDirectory("kyso-verify-files");
        byte[] letter = Files.readAllBytes(Path.of("../samples/letters/cong-van-mot-trang.pdf"));
        byte[] person = signing.sign(new SignRequest(new Document("cong-van.pdf", letter), "tran-thi-bich-ngoc",
                SignOptions.defaults(SignatureLevel.B_T).withAppearance(Appearance.PERSON, null))).content();
        byte[] both = signing.sign(new SignRequest(new Document("cong-van.pdf", person), "ubnd-binh-an",
                SignOptions.defaults(SignatureLevel.B_LTA).withAppearance(Appearance.ORGANISATION, null))).content();
        unsigned = Files.write(files.resolve("cong-van-chua-ky.pdf"), letter);
        signed = Files.write(files.resolve("cong-van-da-ky.pdf"), both);
        tampered = Files.write(files.resolve("cong-van-bi-sua.pdf"), tamper(both));
        edited = Files.write(files.resolve("cong-van-them-noi-dung.pdf"), paintAfterSigning(both));

        driverFinderLog.setLevel(Level.FINE);
        driverFinderLog.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                driverFinderMessages.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        browser = new Browser();
        browser.phone(PHONE_WIDTH, PHONE_HEIGHT);
    }

    @AfterAll
    void closeBrowser() throws Exception {
        Browser.closeAndDelete(browser, files);
    }

    @Test
    void seleniumManagerNeverRuns() {
        // Selenium Manager would download a driver or a browser; the service's explicit driver skips it.
        assertThat(driverFinderMessages).anySatisfy(m -> assertThat(m).startsWith("Skipping Selenium Manager"));
        assertThat(driverFinderMessages).noneSatisfy(m -> assertThat(m).contains("Selenium Manager binary found"));
    }

    @Test
    void aValidLetterIsGreenAndGivesThePdfReport() throws Exception {
        // Without a QR link the page speaks of signatures only (QrCheckBrowserTest covers QR links).
        ValidationReport expected = expected(signed);
        open("/verify");

        upload(signed);

        assertThat(verdictClass()).isEqualTo("verdict-valid");
        // The headline's instants in words (issue #14: the ISO value broke across lines on a phone).
        assertThat(headline()).isEqualTo(TimesInWords.of(expected.summary().vi(), "vi"))
                .startsWith("Văn bản hợp lệ");
        assertThat(browser.driver.findElement(By.id("archive-match")).isDisplayed()).isFalse();
        List<WebElement> signatures = browser.driver.findElements(By.cssSelector("#signatures article"));
        assertThat(signatures).hasSize(2).allSatisfy(s -> assertThat(s.getAttribute("class")).contains("verdict-valid"));
        assertThat(signatures.get(0).getText())
                .contains(expected.signatures().get(0).signerName(), "Người ký", "Số hiệu chứng thư",
                        "Tình trạng thu hồi", "Dấu thời gian", "Phạm vi ký", "Thay đổi sau khi ký");
        assertThat(signatures.get(1).getText()).contains(expected.signatures().get(1).signerName());
        // Circular 15/2025/TT-BKHCN: the stated facts head each card, in Vietnamese.
        assertThat(signatures.get(0).findElements(By.cssSelector(".statement li")))
                .extracting(WebElement::getText)
                .containsExactlyElementsOf(expected.signatures().get(0).getVerificationStatement().stream()
                        .map(l -> l.vi()).toList())
                .contains("Chữ ký số HỢP LỆ");
        assertThat(signatures.get(0).getText()).contains("Tính toàn vẹn của dữ liệu được ký: toàn vẹn",
                "Đơn vị quản lý chứng thư số:", "Thời hạn hiệu lực của chứng thư số: từ");
        assertNoHorizontalScroll();
        browser.screenshot("verify-valid-vi");

        browser.driver.findElement(By.id("lang-switch")).click();
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.driver.getCurrentUrl()).contains("lang=en");
        assertThat(headline()).isEqualTo(TimesInWords.of(expected.summary().en(), "en"));
        assertThat(text("signatures")).contains("Signer", "Revocation status", "The signature is VALID",
                "Integrity of the signed data: intact");
        assertNoHorizontalScroll();
        browser.screenshot("verify-valid-en");

        browser.driver.findElement(By.id("download")).click();
        Path report = browser.downloads.resolve("signature-validation-report.pdf");
        new WebDriverWait(browser.driver, Duration.ofSeconds(60)).until(d -> Files.isRegularFile(report)
                && text("download-status").equals("Report downloaded."));
        assertThat(new String(Files.readAllBytes(report), 0, 5, StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");

        browser.desktop();
        try {
            browser.screenshot("verify-valid-desktop");
        } finally {
            browser.phone(PHONE_WIDTH, PHONE_HEIGHT);
        }
    }

    @Test
    void aTamperedLetterIsNotValidAndALinksHashAloneClaimsNothing() throws Exception {
        // A link with a hash but no document number: the hash is anyone's to print, so the page ignores it.
        open("/verify?h=" + sha256(tampered));
        upload(tampered);

        assertThat(verdictClass()).isIn("verdict-invalid", "verdict-indeterminate");
        assertThat(headline()).isEqualTo(TimesInWords.of(expected(tampered).summary().vi(), "vi"));
        assertThat(browser.driver.findElement(By.id("archive-match")).isDisplayed()).isFalse();
        assertThat(browser.driver.findElement(By.tagName("main")).getText()).doesNotContain("trùng khớp");
        assertNoHorizontalScroll();
        browser.screenshot("verify-tampered");
    }

    @Test
    void aLetterPaintedOverAfterSigningIsRedWithNoGreenCardAndOffersTheSignedRevision() throws Exception {
        byte[] final_ = Files.readAllBytes(edited);
        ValidationReport expected = expected(edited);
        open("/verify");
        upload(edited);

        assertThat(verdictClass()).isEqualTo("verdict-invalid");
        assertThat(headline()).isEqualTo(TimesInWords.of(expected.summary().vi(), "vi"))
                .startsWith("Văn bản KHÔNG hợp lệ");
        List<WebElement> cards = browser.driver.findElements(By.cssSelector("#signatures article"));
        assertThat(cards).hasSize(2).noneSatisfy(c -> assertThat(c.getAttribute("class")).contains("verdict-valid"));
        assertThat(cards.get(1).findElements(By.cssSelector("button.final-revision"))).hasSize(1);
        assertNoHorizontalScroll();
        browser.screenshot("verify-changed-after-signing");

        // the organisation's signature: its revision is the letter as the organisation sealed it
        cards.get(1).findElement(By.cssSelector("button.signed-revision")).click();
        Path revision = browser.downloads.resolve("phien-ban-da-ky.pdf");
        WebElement status = cards.get(1).findElement(By.cssSelector(".revision-status"));
        new WebDriverWait(browser.driver, Duration.ofSeconds(60)).until(d -> Files.isRegularFile(revision)
                && status.getText().equals("Đã tải phiên bản đã ký."));
        byte[] bytes = Files.readAllBytes(revision);
        assertThat(bytes.length).isLessThan(final_.length);
        assertThat(bytes).isEqualTo(java.util.Arrays.copyOf(final_, bytes.length));
        assertThat(bytes).isEqualTo(java.util.Arrays.copyOf(Files.readAllBytes(signed), bytes.length));
        assertThat(expected(Files.write(files.resolve("revision.pdf"), bytes)).verdict())
                .isEqualTo(vn.kyso.validation.Verdict.VALID);
    }

    @Test
    void anUnsignedLetterIsGreyAndHasNoSignatureDetails() throws Exception {
        ValidationReport expected = expected(unsigned);
        open("/verify");
        upload(unsigned);

        assertThat(verdictClass()).isEqualTo("verdict-unsigned");
        assertThat(headline()).isEqualTo(TimesInWords.of(expected.summary().vi(), "vi"));
        assertThat(browser.driver.findElement(By.id("archive-match")).isDisplayed()).isFalse();
        assertThat(browser.driver.findElement(By.id("document-ref")).isDisplayed()).isFalse();
        assertThat(browser.driver.findElements(By.cssSelector("#signatures article"))).isEmpty();
        assertNoHorizontalScroll();
        browser.screenshot("verify-unsigned");
    }

    @Test
    void aFileThatIsNoSignedDocumentGetsAPlainMessageInEnglishToo() throws Exception {
        Path text = Files.writeString(files.resolve("ghi-chu.txt"), "không phải văn bản ký số");
        open("/verify?lang=en");
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(text("lang-switch")).isEqualTo("Tiếng Việt");
        upload(text);

        WebElement error = browser.driver.findElement(By.id("error"));
        assertThat(error.isDisplayed()).isTrue();
        assertThat(error.getText()).isEqualTo("This file is not a signed document in a supported format.");
        assertThat(browser.driver.findElement(By.id("result")).isDisplayed()).isFalse();
        assertNoHorizontalScroll();
        browser.screenshot("verify-error-en");
    }

    private void open(String pathAndQuery) {
        browser.driver.get("http://127.0.0.1:" + port + pathAndQuery);
        new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                .until(d -> "true".equals(String.valueOf(browser.script(
                        "return document.documentElement.classList.contains('js')"))));
        assertNoHorizontalScroll();
    }

    private void upload(Path file) {
        browser.driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.driver.findElement(By.id("submit")).click();
        new WebDriverWait(browser.driver, VALIDATION_WAIT).until(d ->
                d.findElement(By.id("result")).isDisplayed() || d.findElement(By.id("error")).isDisplayed());
    }

    private String verdictClass() {
        return browser.driver.findElement(By.id("verdict")).getAttribute("class").replace("verdict ", "").strip();
    }

    /** The headline's words, without the icon that repeats the verdict for sighted readers. */
    private String headline() {
        return browser.driver.findElement(By.cssSelector("#headline span:last-child")).getText();
    }

    private String text(String id) {
        return browser.driver.findElement(By.id(id)).getText();
    }

    private void assertNoHorizontalScroll() {
        Object fits = browser.script(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth");
        Object width = browser.script("return document.documentElement.clientWidth");
        assertThat(fits).as("no horizontal scrolling at %s px", width).isEqualTo(true);
    }

    /** What the page must show, straight from the service; this call does not count against the rate limit. */
    private ValidationReport expected(Path file) throws Exception {
        return validation.validate(ValidationRequest.of(new SignedFile(file.getFileName().toString(),
                Files.readAllBytes(file)))).report();
    }

    /**
     * One byte flipped in the binary comment of the PDF header: inside every signature's byte range, so
     * the digests no longer match, yet the file still parses, as a careful forger's would.
     */
    private static byte[] tamper(byte[] signedPdf) {
        byte[] copy = signedPdf.clone();
        assertThat(new String(copy, 0, 10, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-1.6\n%");
        copy[11] ^= 0x01;
        return copy;
    }

    /** A black box painted over page 1 in an incremental update after the last signature. */
    private static byte[] paintAfterSigning(byte[] signedPdf) throws Exception {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(signedPdf);
                var out = new java.io.ByteArrayOutputStream()) {
            var page = doc.getPage(0);
            try (var cs = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page,
                    org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode.APPEND, true)) {
                cs.setNonStrokingColor(0f, 0f, 0f);
                cs.addRect(90, 420, 300, 40);
                cs.fill();
            }
            page.getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(out);
            return out.toByteArray();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
