package vn.kyso.conversion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jodconverter.core.document.DefaultDocumentFormatRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kyso.conversion.ConversionRequest;
import vn.kyso.conversion.ConversionResult;

/**
 * Issue #10 item 9: converting uploaded HTML makes LibreOffice fetch nothing, neither from a host (a
 * listener on a loopback port records every request) nor from the server's own files (a file with a
 * secret, referenced by {@code file:} URLs in every way HTML allows).
 */
class HtmlExternalResourcesTest {

    private static HttpServer listener;
    private static final List<String> HITS = Collections.synchronizedList(new ArrayList<>());
    private static Path secretFile;
    private static String secret;

    @BeforeAll
    static void start() throws IOException {
        listener = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        listener.createContext("/", exchange -> {
            HITS.add(exchange.getRequestURI().toString());
            byte[] body = ("<p>FETCHED-" + exchange.getRequestURI().getPath() + "</p>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        listener.start();
        secret = "BIMAT" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
        secretFile = Files.createTempFile("hostname-", ".txt");
        Files.writeString(secretFile, secret + "\n");
    }

    @AfterAll
    static void stop() throws IOException {
        listener.stop(0);
        Files.deleteIfExists(secretFile);
    }

    private static String page() {
        String host = "http://127.0.0.1:" + listener.getAddress().getPort();
        String file = secretFile.toUri().toString();
        return "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
                + "<base href=\"" + host + "/base/\">"
                + "<meta http-equiv=\"refresh\" content=\"0; url=" + host + "/refresh\">"
                + "<link rel=\"stylesheet\" href=\"" + host + "/link.css\">"
                + "<style>@import url(" + host + "/import.css); body { background: url(" + host + "/bg.png) }</style>"
                + "</head><body background=\"" + host + "/body.png\"><h1>" + Samples.SENTENCE + "</h1>"
                + "<p style=\"background-image: url('" + host + "/inline.png')\">" + Samples.MOTTO + "</p>"
                + "<img src=\"" + host + "/img.png\" alt=\"ảnh\"><img src=\"//127.0.0.1:"
                + listener.getAddress().getPort() + "/scheme-relative.png\">"
                + "<img src=\"" + file + "\"><img src=\"relative.png\">"
                + "<iframe src=\"" + file + "\"></iframe><iframe src=\"" + host + "/frame.html\"></iframe>"
                + "<object data=\"" + file + "\" type=\"text/plain\"></object>"
                + "<embed src=\"" + host + "/embed.html\"><svg><image href=\"" + file + "\"/></svg>"
                + "<table background=\"" + file + "\"><tr><td>ô</td></tr></table>"
                + "<p><a href=\"https://vanban.chinhphu.vn/\">liên kết</a> <a href=\"" + file + "\">tệp</a></p>"
                + "</body></html>";
    }

    @Test
    void theSanitisedPageReferencesNothingOutside() {
        String clean = new String(HtmlSanitiser.sanitise(page().getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
        assertThat(clean).doesNotContain("127.0.0.1", "file:", "<base", "<link", "<iframe", "<object",
                "<embed", "@import", "refresh", "relative.png")
                // content and a plain hyperlink stay
                .contains(Samples.SENTENCE, Samples.MOTTO, "ảnh", "href=\"https://vanban.chinhphu.vn/\"");
        assertThat(clean.replace("https://vanban.chinhphu.vn/", "")).doesNotContain("//");
    }

    @Test
    void cssLosesWhatItWouldLoadAndEscapesThatCouldHideIt() {
        assertThat(HtmlSanitiser.css("p { color: red; background: url(http://x/y) } @import 'http://x/z';"))
                .isEqualTo("p { color: red; background: none } ");
        assertThat(HtmlSanitiser.css("p { background: u\\72l(http://x/y) }")).isEmpty();
    }

    @Test
    void convertingAHostilePageFetchesNothingAndEmbedsNoLocalFile() {
        HITS.clear();
        ConversionResult result = Samples.service().toPdfA(
                ConversionRequest.of(page().getBytes(StandardCharsets.UTF_8)));
        String text = Samples.text(result.pdf());
        assertThat(text).contains(Samples.SENTENCE);
        assertThat(text).doesNotContain(secret).doesNotContain("FETCHED");
        assertThat(HITS).isEmpty();
    }

    /** The same page handed to LibreOffice as it is: it does fetch, so the test above proves something. */
    @Test
    void libreOfficeWouldFetchTheUnsanitisedPage() {
        HITS.clear();
        byte[] pdf = Samples.service().pool().convert(page().getBytes(StandardCharsets.UTF_8),
                DefaultDocumentFormatRegistry.HTML, DefaultDocumentFormatRegistry.PDF, Map.of());
        String text = Samples.text(pdf);
        assertThat(HITS.isEmpty() && !text.contains(secret)).as("LibreOffice fetched nothing from the raw page: "
                + "the hostile page no longer tests anything").isFalse();
    }
}
