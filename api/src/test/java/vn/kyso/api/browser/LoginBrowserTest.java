package vn.kyso.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import vn.kyso.api.signing.OrganisationNames;
import vn.kyso.letters.Letter;
import vn.kyso.letters.LetterState;
import vn.kyso.letters.LettersService;
import vn.kyso.signing.Placement;
import vn.kyso.signing.PreparedSignature;

/**
 * The pages' login through a real OpenID Connect provider (mock-oauth2-server, in this JVM on a loopback
 * port, with its interactive login form) in headless Chromium, access control on. A clerk opening
 * /letters is sent to the provider, logs in, comes back to /letters with their name, organisation and
 * roles shown (the organisation by its name, its code beside it) and only their organisation's letters
 * listed; a person without a role gets a page saying so, never JSON; API clients still get 401 problems.
 * The server is the web layer of {@link SecuredPagesBrowserTest} with the letters of two organisations
 * held in memory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoginBrowserTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String OURS = "000.00.00.H99";
    static final String THEIRS = "000.00.00.G01";

    /** Two organisations' letters; the list of one organisation is what the controller asks for. */
    @TestConfiguration(proxyBeanMethods = false)
    static class TwoOrganisationsLetters {

        @Bean
        LettersService lettersService() {
            List<Letter> all = List.of(letter("Kế hoạch chuyển đổi số năm 2027", OURS),
                    letter("Báo cáo công tác văn thư quý IV", OURS),
                    letter("Thông báo của cơ quan khác", THEIRS));
            return new LettersService() {
                @Override
                public List<Letter> list() {
                    return all;
                }

                @Override
                public List<Letter> list(String owner) {
                    return all.stream().filter(l -> owner.equals(l.owner())).toList();
                }

                @Override
                public Letter get(UUID id) {
                    return all.stream().filter(l -> l.id().equals(id.toString())).findFirst().orElseThrow();
                }

                @Override
                public Letter draft(String fileName, byte[] content, DraftForm form, String actor) {
                    throw new UnsupportedOperationException("not in this test");
                }

                @Override
                public Letter draft(String fileName, byte[] content, DraftForm form, String actor, String owner) {
                    throw new UnsupportedOperationException("not in this test");
                }

                @Override
                public Letter signAsPerson(UUID id, String keyId, Placement placement, String actor) {
                    throw new UnsupportedOperationException("not in this test");
                }

                @Override
                public Letter issue(UUID id, IssueForm form, List<Upload> attachments, String actor) {
                    throw new UnsupportedOperationException("not in this test");
                }

                @Override
                public PreparedSignature prepareRemoteSignature(UUID id, List<byte[]> certificateChain,
                        byte[] signatureImage, Placement placement, String actor) {
                    throw new UnsupportedOperationException("not in this test");
                }

                @Override
                public Letter completeRemoteSignature(UUID id, String preparedId, byte[] signatureValue,
                        String actor) {
                    throw new UnsupportedOperationException("not in this test");
                }

                @Override
                public byte[] pdf(UUID id) {
                    throw new UnsupportedOperationException("not in this test");
                }

                @Override
                public byte[] attachmentPdf(UUID id, int position) {
                    throw new UnsupportedOperationException("not in this test");
                }
            };
        }

        private static Letter letter(String subject, String owner) {
            Instant at = Instant.parse("2026-12-01T02:00:00Z");
            return new Letter(UUID.randomUUID().toString(), LetterState.DRAFT, subject, "Công văn", "01.HC", "10",
                    "restricted", null, "du-thao.pdf", 1, null, null, null, null, null, owner, at, at, null, null);
        }
    }

    MockOAuth2Server provider;
    ConfigurableApplicationContext server;
    String base;
    String issuer;
    Browser browser;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        provider = new MockOAuth2Server(new OAuth2Config(true));
        provider.start(InetAddress.getLoopbackAddress(), 0);
        // By address, not "localhost": the test browser resolves no name but 127.0.0.1.
        issuer = "http://127.0.0.1:" + provider.baseUrl().port() + "/kyso";
        // OrganisationNames as the full service has it (the web layer alone leaves components out): the
        // organisation's key "so-noi-vu" names it in its certificate (O=UBND tỉnh).
        server = new SpringApplicationBuilder(SecuredPagesBrowserTest.WebLayer.class, TwoOrganisationsLetters.class,
                OrganisationNames.class)
                .run("--server.port=0", "--server.address=127.0.0.1",
                        "--kyso.security.enabled=true", "--kyso.demo.enabled=false",
                        "--kyso.api.rate-limit.enabled=false",
                        "--kyso.security.key-owners.so-noi-vu.organisation=" + OURS,
                        "--spring.security.oauth2.client.registration.kyso.client-id=kyso-pages",
                        "--spring.security.oauth2.client.registration.kyso.client-secret=pages-secret",
                        "--spring.security.oauth2.client.registration.kyso.scope=openid,profile",
                        "--spring.security.oauth2.client.provider.kyso.issuer-uri=" + issuer,
                        "--spring.security.oauth2.client.provider.kyso.user-name-attribute=sub");
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) server).getWebServer().getPort();
        browser = new Browser();
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
        if (provider != null) {
            provider.shutdown();
        }
    }

    @Test
    @Order(1)
    void aClerkLogsInSeesWhoTheyAreAndOnlyTheirOrganisationsLettersThenLogsOut() {
        browser.driver.get(base + "/letters");
        // Sent to the provider's login form, asked with PKCE (the form lists the authorization request).
        waitFor(By.name("username"));
        assertThat(browser.driver.getCurrentUrl()).startsWith(issuer + "/authorize");
        assertThat(browser.driver.getPageSource()).contains("code_challenge").contains("S256");
        browser.screenshot("login-provider-form");
        logIn("nguyen-thi-thu", "{\"name\": \"Nguyễn Thị Thư\", \"organisation\": \"" + OURS
                + "\", \"roles\": [\"clerk\"]}");

        // Back on the page asked for, with the person shown.
        new WebDriverWait(browser.driver, WAIT).until(d -> d.getCurrentUrl().startsWith(base + "/letters")
                && d.findElement(By.id("session")).isDisplayed()
                && d.findElements(By.cssSelector("#letters-body tr")).size() > 0);
        assertThat(browser.driver.findElement(By.id("session-name")).getText()).isEqualTo("Nguyễn Thị Thư");
        assertThat(browser.driver.findElement(By.id("session-organisation")).getText()).isEqualTo(OURS);
        // The organisation by the name people know it by, its code beside it in small type (issue #14).
        WebElement organisation = browser.driver.findElement(By.id("session-organisation-name"));
        assertThat(organisation.getText()).isEqualTo("UBND tỉnh");
        assertThat(organisation.getDomAttribute("title")).isEqualTo(OURS);
        assertThat(browser.driver.findElement(By.id("session")).getText()).contains("UBND tỉnh (" + OURS + ")");
        assertThat(browser.driver.findElement(By.id("session-roles")).getText())
                .startsWith("Văn thư — tải lên dự thảo, ban hành văn bản bằng khóa của cơ quan");
        // Who acts is the logged-in person: the development field for a name is gone.
        assertThat(browser.driver.findElement(By.id("actor")).isDisplayed()).isFalse();
        List<String> subjects = browser.driver.findElements(By.cssSelector("#letters-body tr")).stream()
                .map(WebElement::getText).toList();
        assertThat(subjects).hasSize(2);
        assertThat(String.join("\n", subjects)).contains("Kế hoạch chuyển đổi số năm 2027")
                .contains("Báo cáo công tác văn thư quý IV").doesNotContain("Thông báo của cơ quan khác");
        browser.screenshot("login-letters-clerk");

        // A change made with the session needs its CSRF token: without it refused, with it let through
        // (to the upload's own check of the missing file).
        assertThat(fetchStatus(false)).isEqualTo(403);
        assertThat(fetchStatus(true)).isEqualTo(400);

        browser.driver.findElement(By.id("logout")).click();
        // Logged out here and at the provider, then back to /letters, which asks for a login again.
        waitFor(By.name("username"));
        assertThat(browser.driver.getCurrentUrl()).startsWith(issuer + "/authorize");
    }

    @Test
    @Order(2)
    void aPersonWithoutARoleSeesAPageThatSaysSoNotJson() {
        browser.driver.get(base + "/letters");
        waitFor(By.name("username"));
        logIn("tran-van-khach", "{\"name\": \"Trần Văn Khách\", \"organisation\": \"" + OURS + "\"}");
        waitFor(By.id("who"));
        assertThat(browser.driver.getCurrentUrl()).startsWith(base + "/letters");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Không có quyền truy cập");
        assertThat(browser.driver.findElement(By.id("who")).getText()).isEqualTo("Trần Văn Khách");
        assertThat(browser.driver.findElement(By.id("roles")).getText()).isEqualTo("không có vai trò nào / no role");
        assertThat(browser.driver.getPageSource()).doesNotContain("urn:kyso:problem");
        browser.screenshot("login-no-role");
        browser.driver.findElement(By.id("logout")).click();
        waitFor(By.name("username"));
    }

    @Test
    @Order(3)
    void apiClientsStillGetProblemsAndABrowserWithoutSessionIsSentToTheLogin() throws Exception {
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/letters"))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(api.body()).contains("\"code\":\"UNAUTHENTICATED\"");

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/archive"))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/oauth2/authorization/kyso");
    }

    // --- helpers ---

    private void logIn(String username, String claims) {
        browser.driver.findElement(By.name("username")).sendKeys(username);
        WebElement box = browser.driver.findElement(By.name("claims"));
        // The claims go in whole, as typed JSON with Vietnamese letters (sendKeys would type them one by one).
        browser.script("arguments[0].value = arguments[1];", box, claims);
        browser.driver.findElement(By.cssSelector("input[type=submit]")).click();
    }

    private void waitFor(By what) {
        new WebDriverWait(browser.driver, WAIT).until(d -> !d.findElements(what).isEmpty());
    }

    /** A POST from the page with the session's cookie, with or without its CSRF token. */
    private long fetchStatus(boolean withToken) {
        Object status = browser.driver.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + " var headers = arguments[0] ? window.Kyso.withCsrf({}) : {};"
                        + " fetch('/api/v1/letters', {method: 'POST', headers: headers, credentials: 'same-origin',"
                        + " body: new FormData()}).then(function (r) { done(r.status); });", withToken);
        return (Long) status;
    }
}
