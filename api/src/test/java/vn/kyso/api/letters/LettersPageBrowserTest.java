package vn.kyso.api.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.kyso.api.browser.Browser;

/**
 * The clerk's page in real headless Chromium: upload a DOCX draft, sign as the authorised person, issue
 * as the organisation, and see the timeline with both signatures and the link to the archive record.
 * The properties are exactly those of the other tests with the demo PKI, so all share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kyso.demo.enabled=true",
        "kyso.demo.directory=${kyso.test.workdir:target/test-work}/api-demo-pki",
        "kyso.demo.port=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// WebElement.getAttribute reads the DOM property and falls back to the attribute, which these checks
// rely on (input values, link targets); its replacements read one or the other.
@SuppressWarnings("deprecation")
class LettersPageBrowserTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    /** Converting, signing at B-LTA and archiving take a while on a busy machine. */
    static final Duration STEP_WAIT = Duration.ofSeconds(180);
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    /** Markup in a subject must show as text: the page never parses data as HTML. */
    static final String SUBJECT = "Về việc tập huấn chuyển đổi số <b>" + RUN + "</b>";

    @LocalServerPort
    int port;

    Browser browser;
    Path files;

    @BeforeAll
    void start() throws Exception {
        files = Files.createTempDirectory("kyso-letters-page");
        browser = new Browser();
    }

    @AfterAll
    void stop() throws Exception {
        Browser.closeAndDelete(browser, files);
    }

    @Test
    void theClerkUploadsTheSignerSignsTheClerkIssuesAndTheTimelineShowsBothSignatures() throws Exception {
        Path draft = Files.write(files.resolve("cong-van-tap-huan.docx"), LetterSamples.officialLetter());
        Path annex = Files.write(files.resolve("phu-luc-danh-sach.docx"),
                LetterSamples.docx("PHỤ LỤC", "Danh sách cán bộ tham dự tập huấn", "1. Nguyễn Văn An"));
        browser.driver.get("http://127.0.0.1:" + port + "/letters");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Văn thư — Phát hành văn bản đi");

        // A Vietnamese name broke every action when it went in a header (issue #12).
        set("actor", "Nguyễn Thị Thư");
        browser.driver.findElement(By.id("file")).sendKeys(draft.toAbsolutePath().toString());
        set("subject", SUBJECT);
        set("fileCode", "G09.WEB.LT." + RUN);
        browser.driver.findElement(By.id("upload")).click();

        WebElement heading = wait(STEP_WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("letter-heading")));
        assertThat(heading.getText()).isEqualTo(SUBJECT);
        assertThat(browser.driver.findElement(By.id("letter-state")).getText()).isEqualTo("Dự thảo");
        assertThat(browser.driver.getCurrentUrl()).contains("?letter=");
        browser.screenshot("letters-1-draft");

        wait(WAIT).until(d -> new Select(d.findElement(By.id("person-key"))).getOptions().stream()
                .anyMatch(o -> "tran-thi-bich-ngoc".equals(o.getAttribute("value"))));
        new Select(browser.driver.findElement(By.id("person-key"))).selectByValue("tran-thi-bich-ngoc");
        // The picker names the person and their organisation, not the subject with its CCCD; the expired
        // demo key is not offered.
        assertThat(new Select(browser.driver.findElement(By.id("person-key"))).getFirstSelectedOption().getText())
                .isEqualTo("Trần Thị Bích Ngọc — Ủy ban nhân dân tỉnh Bình An");
        assertThat(new Select(browser.driver.findElement(By.id("person-key"))).getOptions())
                .noneMatch(o -> o.getText().contains("CCCD") || "het-han".equals(o.getAttribute("value")));
        assertThat(browser.driver.findElement(By.id("sign")).getText()).isEqualTo("Ký (người có thẩm quyền)");
        browser.driver.findElement(By.id("sign")).click();
        wait(STEP_WAIT).until(d -> d.findElement(By.id("letter-state")).getText().equals("Người có thẩm quyền đã ký"));
        assertThat(browser.driver.findElement(By.id("sign-form")).isDisplayed()).isFalse();

        new Select(browser.driver.findElement(By.id("org-key"))).selectByValue("ubnd-binh-an");
        set("numberSymbol", "21/UBND-VP");
        browser.driver.findElement(By.id("attachments")).sendKeys(annex.toAbsolutePath().toString());
        assertThat(browser.driver.findElement(By.id("documentDate")).getAttribute("value")).isNotBlank();
        assertThat(browser.driver.findElement(By.id("issue")).getText()).isEqualTo("Ban hành");
        browser.driver.findElement(By.id("issue")).click();
        wait(STEP_WAIT).until(d -> d.findElement(By.id("letter-state")).getText().equals("Đã ban hành và lưu trữ"));

        List<WebElement> events = browser.driver.findElements(By.cssSelector("#timeline li"));
        assertThat(events).extracting(e -> e.getAttribute("data-action"))
                .containsExactly("UPLOADED", "SIGNED_BY_PERSON", "ISSUED", "ARCHIVED", "ARCHIVED");
        assertThat(events.get(1).getText()).contains("Người có thẩm quyền ký số", "tran-thi-bich-ngoc");
        assertThat(events.get(2).getText()).contains("Ban hành, cơ quan ký số", "ubnd-binh-an", "21/UBND-VP",
                "Nguyễn Thị Thư");
        assertThat(browser.driver.findElement(By.id("letter-heading")).getText()).startsWith("21/UBND-VP — ");
        WebElement archive = browser.driver.findElement(By.id("archive-link"));
        assertThat(archive.isDisplayed()).isTrue();
        assertThat(archive.getAttribute("href")).contains("/archive?record=");
        assertThat(browser.driver.findElement(By.id("letter-pdf")).getAttribute("href")).endsWith("/pdf");
        WebElement annexLink = browser.driver.findElement(By.cssSelector("#attachments-list a.attachment-pdf"));
        assertThat(annexLink.getText()).isEqualTo("Phụ lục 1: phu-luc-danh-sach.pdf");
        assertThat(annexLink.getAttribute("href")).endsWith("/attachments/1/pdf");
        assertThat(browser.driver.findElement(By.cssSelector("#attachments-list a.attachment-record"))
                .getAttribute("href")).contains("/archive?record=");
        browser.screenshot("letters-2-archived");

        browser.driver.findElement(By.id("lang-switch")).click();
        assertThat(browser.driver.findElement(By.id("letter-state")).getText()).isEqualTo("Issued and archived");
        assertThat(browser.driver.findElement(By.cssSelector("#timeline li[data-action=SIGNED_BY_PERSON]")).getText())
                .contains("Signed by the authorised person");
        browser.screenshot("letters-3-english");

        archive = browser.driver.findElement(By.id("archive-link"));
        archive.click();
        wait(STEP_WAIT).until(d -> d.getCurrentUrl().contains("/archive?record="));
        wait(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("record-heading"), "21/UBND-VP"));

        browser.driver.get("http://127.0.0.1:" + port + "/letters");
        wait(WAIT).until(d -> d.findElements(By.cssSelector("#letters-body a.open")).stream()
                .anyMatch(a -> a.getText().equals(SUBJECT)));
        browser.screenshot("letters-4-list");
    }

    @Test
    void thePageIsServedWithTheStrictPolicy() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/letters")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                v -> assertThat(v).startsWith("default-src 'self'"));
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.body()).doesNotContain("<script>", "style=", "onclick");
    }

    private void set(String id, String value) {
        WebElement input = browser.driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private WebDriverWait wait(Duration d) {
        return new WebDriverWait(browser.driver, d);
    }
}
