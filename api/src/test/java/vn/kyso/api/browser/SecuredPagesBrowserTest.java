package vn.kyso.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.kyso.api.ApiSettings;
import vn.kyso.api.FakeSigningService;
import vn.kyso.api.FakeValidationService;
import vn.kyso.api.KysoApplication;
import vn.kyso.api.openapi.OpenApiConfiguration;

/**
 * The pages in headless Chromium with access control ON, each opened by whoever may open it: the clerk's
 * page must be styled for a clerk, who may not read /archive, so its stylesheet and helpers must not live
 * there. The browser sends the caller's API key on every request, as a reverse proxy in front of the pages
 * would. The server is the web layer alone (controllers, filters, security) with fake signing and
 * validation: no demo PKI and no database, so the shared demo context of the other browser tests stays
 * the only one, and the letters list answers 503 — which still shows that the page's own calls were let in.
 * The OpenAPI completion (security schemes) is imported too, for Swagger UI's Authorize.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuredPagesBrowserTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String CLERK_SECRET = "secured-pages-clerk-secret";
    static final String ARCHIVIST_SECRET = "secured-pages-archivist-secret";
    static final String NAVY = "rgb(11, 61, 145)";

    /** The web layer as @WebMvcTest loads it, on a real port, without the modules' auto-configurations. */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration(excludeName = {
        "vn.kyso.archive.autoconfigure.ArchiveAutoConfiguration",
        "vn.kyso.audit.autoconfigure.AuditAutoConfiguration",
        "vn.kyso.signing.autoconfigure.SigningAutoConfiguration",
        "vn.kyso.validation.autoconfigure.ValidationAutoConfiguration",
        "vn.kyso.conversion.autoconfigure.ConversionAutoConfiguration",
        "vn.kyso.exchange.autoconfigure.ExchangeAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
    @ComponentScan(basePackageClasses = KysoApplication.class,
            excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = NotWebLayer.class))
    @EnableConfigurationProperties(ApiSettings.class)
    @Import({FakeSigningService.class, FakeValidationService.class, OpenApiConfiguration.class})
    static class WebLayer {
    }

    /** Leaves out the components a @WebMvcTest slice leaves out: all but controllers, advice, MVC configurers, filters. */
    static final class NotWebLayer implements TypeFilter {

        private final List<TypeFilter> web = List.of(new AnnotationTypeFilter(Controller.class),
                new AnnotationTypeFilter(ControllerAdvice.class), new AssignableTypeFilter(WebMvcConfigurer.class),
                new AssignableTypeFilter(Filter.class));

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            for (TypeFilter f : web) {
                if (f.match(reader, factory)) {
                    return false;
                }
            }
            return true;
        }
    }

    ConfigurableApplicationContext server;
    String base;
    Browser browser;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        server = new SpringApplicationBuilder(WebLayer.class).run(
                "--server.port=0", "--server.address=127.0.0.1",
                "--kyso.security.enabled=true", "--kyso.demo.enabled=false", "--kyso.api.rate-limit.enabled=false",
                "--kyso.security.api-keys[0].id=clerk", "--kyso.security.api-keys[0].key-hash=" + sha256(CLERK_SECRET),
                "--kyso.security.api-keys[0].principal=van-thu-web", "--kyso.security.api-keys[0].roles=CLERK",
                "--kyso.security.api-keys[0].organisation=000.00.00.H99",
                "--kyso.security.api-keys[1].id=archivist",
                "--kyso.security.api-keys[1].key-hash=" + sha256(ARCHIVIST_SECRET),
                "--kyso.security.api-keys[1].principal=luu-tru-vien", "--kyso.security.api-keys[1].roles=ARCHIVIST");
        int port = ((WebServerApplicationContext) server).getWebServer().getPort();
        base = "http://127.0.0.1:" + port;
        browser = new Browser();
        browser.driver.executeCdpCommand("Network.enable", Map.of());
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theLettersPageIsStyledForAClerk() {
        as(CLERK_SECRET);
        browser.driver.get(base + "/letters");
        waitUntilStyled();
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Văn thư — Phát hành văn bản đi");
        assertThat(style("h1", "color")).isEqualTo(NAVY);
        assertThat(style("body", "background-color")).isEqualTo("rgb(246, 247, 249)");
        // The shared panel and grid (kyso.css) and the page's own three columns (letters.css) both apply.
        assertThat(style("#upload-form", "background-color")).isEqualTo("rgb(255, 255, 255)");
        assertThat(style("#upload-form", "border-top-left-radius")).isEqualTo("8px");
        assertThat(style("#upload-form", "display")).isEqualTo("grid");
        assertThat(String.valueOf(browser.script("return getComputedStyle(document.getElementById('upload-form'))"
                + ".gridTemplateColumns.split(' ').length"))).isEqualTo("3");
        // The script ran with the shared helpers, and its own calls went in as the clerk: the list is
        // refused only because this server has no database (503), not for want of credentials.
        new WebDriverWait(browser.driver, WAIT).until(d -> d.findElement(By.id("error")).isDisplayed());
        // Only now: while the list loads, the page greys its primary buttons out (disabled while busy).
        assertThat(style("#upload", "background-color")).isEqualTo(NAVY);
        assertThat(browser.driver.findElement(By.id("error")).getText())
                .startsWith("Dịch vụ tạm thời không sẵn sàng.");
        browser.screenshot("secured-letters-clerk");
    }

    @Test
    void theArchivePageIsStyledForAnArchivistAndTheVerificationPageForEveryone() {
        as(ARCHIVIST_SECRET);
        browser.driver.get(base + "/archive");
        waitUntilStyled();
        assertThat(style("#search-form", "display")).isEqualTo("grid");
        assertThat(style("#search", "background-color")).isEqualTo(NAVY);

        as(null);
        browser.driver.get(base + "/verify");
        waitUntilStyled();
        assertThat(style("h1", "color")).isEqualTo(NAVY);
        assertThat(style("#verify-form", "background-color")).isEqualTo("rgb(255, 255, 255)");
        assertThat(style("main", "max-width")).isEqualTo("704px"); // verify.css's narrow column, 44rem
    }

    @Test
    void aClerkMayNotReadTheArchivesAssetsButEveryoneTheSharedOnes() throws Exception {
        assertThat(status("/archive/archive.css", CLERK_SECRET)).isEqualTo(403);
        assertThat(status("/letters", null)).isEqualTo(401);
        for (String asset : List.of("/assets/kyso.css", "/assets/kyso.js", "/assets/favicon.svg")) {
            assertThat(status(asset, null)).as(asset).isEqualTo(200);
        }
    }

    // --- helpers ---

    /** Every later request of the browser carries this API key; null for none. */
    /**
     * Swagger UI's Authorize works with the API-key scheme the description publishes: the key typed into
     * its dialog goes on the "Try it out" request of an operation that needs a caller, and the service lets
     * that caller in. Without it the same request is refused as unauthenticated.
     */
    @Test
    void swaggerUisAuthorizeSendsTheApiKeyOnTryItOut() {
        as(null);
        browser.driver.get(base + "/swagger-ui/index.html");
        WebDriverWait wait = new WebDriverWait(browser.driver, WAIT);
        String keys = "//div[contains(@class,'opblock ')][.//*[@data-path='/api/v1/keys']]";
        wait.until(d -> !d.findElements(By.xpath(keys)).isEmpty());
        assertThat(tryOut(wait, keys)).startsWith("401").contains("UNAUTHENTICATED");

        browser.driver.findElement(By.cssSelector("button.btn.authorize")).click();
        var keyScheme = wait.until(d -> d.findElement(By.xpath(
                "//div[contains(@class,'auth-container')][.//code[text()='X-Kyso-Api-Key']]")));
        keyScheme.findElement(By.tagName("input")).sendKeys(CLERK_SECRET);
        keyScheme.findElement(By.cssSelector("button.authorize")).click();
        wait.until(d -> keyScheme.getText().contains("Authorized"));
        browser.driver.findElement(By.cssSelector("button.btn-done")).click();

        assertThat(tryOut(wait, keys)).startsWith("200").doesNotContain("UNAUTHENTICATED");
        browser.screenshot("swagger-ui-authorized-try-out");
    }

    /** Runs the operation of the block at {@code xpath} from Swagger UI: "status body" of the answer shown. */
    private String tryOut(WebDriverWait wait, String xpath) {
        var block = browser.driver.findElement(By.xpath(xpath));
        if (block.findElements(By.cssSelector(".opblock-body")).isEmpty()) {
            block.findElement(By.cssSelector(".opblock-summary")).click();
        }
        var tryOut = wait.until(d -> block.findElements(By.cssSelector("button.try-out__btn"))).get(0);
        if (!tryOut.getText().contains("Cancel")) {
            tryOut.click();
        }
        // An earlier answer is cleared first, so the one read below is this request's.
        block.findElements(By.cssSelector("button.btn-clear")).forEach(b -> b.click());
        wait.until(d -> block.findElements(By.cssSelector(".live-responses-table")).isEmpty());
        wait.until(d -> block.findElement(By.cssSelector("button.execute"))).click();
        return wait.until(d -> {
            var status = block.findElements(By.cssSelector(".live-responses-table tr.response .response-col_status"));
            var body = block.findElements(By.cssSelector(".live-responses-table .response-col_description pre"));
            return status.isEmpty() || body.isEmpty() || body.get(0).getText().isBlank() ? null
                    : status.get(0).getText().strip() + " " + body.get(0).getText();
        });
    }

    private void as(String secret) {
        browser.driver.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", secret == null ? Map.of() : Map.of("X-Kyso-Api-Key", secret)));
    }

    /** Every stylesheet of the page arrived and was parsed; one refused with 401/403 would have no rules. */
    private void waitUntilStyled() {
        new WebDriverWait(browser.driver, WAIT).until(d -> Boolean.TRUE.equals(browser.script(
                "var links = document.querySelectorAll('link[rel=stylesheet]');"
                        + " return document.readyState === 'complete' && links.length >= 2 && Array.prototype.every"
                        + ".call(links, function (l) { return l.sheet && l.sheet.cssRules.length > 0; })"
                        + " && !!window.Kyso;")));
    }

    private String style(String selector, String property) {
        return String.valueOf(browser.script("return getComputedStyle(document.querySelector(arguments[0]))"
                + ".getPropertyValue(arguments[1]);", selector, property));
    }

    private int status(String path, String secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (secret != null) {
            request.header("X-Kyso-Api-Key", secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
