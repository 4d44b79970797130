package vn.kyso.api.letters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.europa.esig.dss.enumerations.Indication;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.kyso.api.browser.ApiClient;
import vn.kyso.api.browser.Browser;
import vn.kyso.demopki.DemoPki;
import vn.kyso.signing.DssVerdicts;

/**
 * The authorised person signs a draft on their own device from the letters page (issue #14), in headless
 * Chromium at 390 px: the page takes their certificate chain (pasted PEM) and signature image, prepares, shows
 * the data to sign with its algorithm and SHA-256; the test plays the USB token (the demo PKI's remote signer,
 * whose key the service never holds) and pastes the value back; the page completes, and the letter is signed
 * by the person, its signature valid. The Vietnamese acting name crosses both steps (the JSON completion
 * carries it as a UTF-8 header). Times read in words in both languages; screenshots at 390 and 1280 px in
 * target/test-artifacts. The properties are those of the other demo-PKI tests, so all share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kyso.demo.enabled=true",
        "kyso.demo.directory=${kyso.test.workdir:target/test-work}/api-demo-pki",
        "kyso.demo.port=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteLetterSigningBrowserTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final Duration STEP_WAIT = Duration.ofSeconds(180);
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String SIGNER = "Đặng Thị Từ Xa";
    static final String TIME_IN_WORDS_VI = "ngày \\d{1,2} tháng \\d{1,2} năm 20\\d\\d, \\d\\d:\\d\\d \\(giờ Việt Nam\\)";

    final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    DemoPki pki;

    ApiClient api;
    Browser browser;
    Path files;
    String letterId;

    @BeforeAll
    void draft() throws Exception {
        api = new ApiClient(port);
        byte[] pdf = Files.readAllBytes(Path.of("../samples/letters/cong-van-mot-trang.pdf"));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("subject", "Về việc ký số từ thiết bị của người ký " + RUN);
        form.put("documentType", "Công văn");
        form.put("fileCode", "G09.RB." + RUN);
        form.put("preservation", "10");
        form.put("accessRegime", "restricted");
        HttpResponse<byte[]> created = api.post("/api/v1/letters", "file", "cong-van.pdf", pdf, form,
                Map.of("X-Kyso-Actor", "van-thu"));
        assertThat(created.statusCode()).as(ApiClient.text(created)).isEqualTo(201);
        letterId = json.readTree(created.body()).get("id").asText();
        files = Files.createTempDirectory("kyso-remote-letter");
        browser = new Browser();
        browser.phone(390, 844);
    }

    @AfterAll
    void close() throws Exception {
        Browser.closeAndDelete(browser, files);
    }

    @Test
    void theSignerPreparesSignsOnTheirTokenAndCompletesFromThePage() throws Exception {
        browser.driver.get("http://127.0.0.1:" + port + "/letters?letter=" + letterId);
        wait(WAIT).until(d -> d.findElement(By.id("remote-form")).isDisplayed());
        assertThat(text("letter-state")).isEqualTo("Dự thảo");
        // Times in words with the ISO value kept in the element (issue #14).
        assertThat(text("facts")).containsPattern(TIME_IN_WORDS_VI);
        WebElement created = browser.driver.findElement(By.cssSelector("#facts dd[data-field=createdAt] time"));
        assertThat(created.getDomAttribute("datetime")).matches("\\d{4}-\\d\\d-\\d\\dT.*");
        assertThat(created.getDomAttribute("title")).isEqualTo(created.getDomAttribute("datetime"));
        assertThat(text("timeline")).containsPattern(TIME_IN_WORDS_VI);

        WebElement actor = browser.driver.findElement(By.id("actor"));
        actor.clear();
        actor.sendKeys(SIGNER);
        StringBuilder chain = new StringBuilder();
        for (X509Certificate c : pki.identity("remote-signer").chain()) {
            chain.append("-----BEGIN CERTIFICATE-----\n").append(Base64.getMimeEncoder().encodeToString(c.getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        // Pasted as the token tool exports it (sendKeys would type it key by key).
        browser.script("document.getElementById('remote-certificate').value = arguments[0];", chain.toString());
        Path image = Files.write(files.resolve("chu-ky.png"), RemoteLetterSignatureEndToEndTest.blueSignature());
        browser.driver.findElement(By.id("remote-image")).sendKeys(image.toAbsolutePath().toString());
        browser.screenshot("letters-remote-1-form-390-vi");
        browser.driver.findElement(By.id("remote-prepare")).click();

        wait(STEP_WAIT).until(d -> d.findElement(By.id("remote-prepared")).isDisplayed()
                || d.findElement(By.id("error")).isDisplayed());
        assertThat(browser.driver.findElement(By.id("error")).isDisplayed()).as(text("error")).isFalse();
        String dataToSign = browser.driver.findElement(By.id("remote-data")).getDomProperty("value");
        byte[] data = Base64.getDecoder().decode(dataToSign);
        String algorithm = text("remote-algorithm");
        // The digest the page shows is the one the person's token tool shows for the same data.
        assertThat(text("remote-digest"))
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)));
        assertThat(text("remote-facts")).containsPattern(TIME_IN_WORDS_VI);
        assertLaidOut();
        browser.screenshot("letters-remote-2-prepared-390-vi");

        // The token signs; its value is pasted back into the page.
        Signature token = Signature.getInstance(algorithm);
        token.initSign(pki.softwareKey("remote-signer").getPrivateKey());
        token.update(data);
        String value = Base64.getEncoder().encodeToString(token.sign());
        browser.script("document.getElementById('remote-value').value = arguments[0];", value);
        browser.driver.findElement(By.id("remote-complete")).click();

        wait(STEP_WAIT).until(d -> d.findElement(By.id("letter-state")).getText().equals("Người có thẩm quyền đã ký")
                || d.findElement(By.id("error")).isDisplayed());
        assertThat(browser.driver.findElement(By.id("error")).isDisplayed()).as(text("error")).isFalse();
        assertThat(text("letter-state")).isEqualTo("Người có thẩm quyền đã ký");
        assertThat(browser.driver.findElement(By.id("remote-form")).isDisplayed()).isFalse();
        assertThat(browser.driver.findElement(By.cssSelector("#facts dd[data-field=signer]")).getText())
                .isEqualTo("Đặng Thị Từ Xa");
        List<String> actions = browser.driver.findElements(By.cssSelector("#timeline li")).stream()
                .map(e -> e.getDomAttribute("data-action")).toList();
        assertThat(actions).containsExactly("UPLOADED", "PERSON_SIGNATURE_PREPARED", "SIGNED_BY_PERSON");
        // Both steps were the same acting person, Vietnamese name intact.
        assertThat(browser.driver.findElement(By.cssSelector("#timeline li[data-action=SIGNED_BY_PERSON]"))
                .getText()).contains("Người thực hiện: " + SIGNER, "Chữ ký số: " + SIGNER,
                        "ký trên thiết bị của người ký lúc").doesNotContain("(khóa");
        // The timeline's details too read their times in words, not as ISO 8601.
        assertThat(text("timeline")).doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:");
        assertLaidOut();
        browser.screenshot("letters-remote-3-signed-390-vi");

        byte[] signed = api.get("/api/v1/letters/" + letterId + "/pdf").body();
        assertThat(DssVerdicts.validate(pki, signed)).extracting(DssVerdicts.Verdict::indication)
                .containsExactly(Indication.TOTAL_PASSED);

        browser.driver.findElement(By.id("lang-switch")).click();
        assertThat(text("letter-state")).isEqualTo("Signed by the authorised person");
        assertThat(text("timeline")).contains("(Vietnam time)", "signed on the signer's own device at")
                .doesNotContain("giờ Việt Nam", "(key )");
        assertLaidOut();
        browser.screenshot("letters-remote-3-signed-390-en");
        browser.desktop();
        try {
            assertLaidOut();
            browser.screenshot("letters-remote-3-signed-1280-en");
        } finally {
            browser.phone(390, 844);
        }
    }

    private WebDriverWait wait(Duration timeout) {
        return new WebDriverWait(browser.driver, timeout);
    }

    private String text(String id) {
        return browser.driver.findElement(By.id(id)).getText();
    }

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
}
