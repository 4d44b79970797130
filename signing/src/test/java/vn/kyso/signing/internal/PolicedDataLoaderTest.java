package vn.kyso.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kyso.core.net.FetchSettings;
import vn.kyso.core.net.OutboundPolicy;
import vn.kyso.demopki.testing.DemoPkiFixture;
import vn.kyso.dss.PolicedDataLoader;
import vn.kyso.signing.SigningFixture;

/** Issue #10 item 9 in signing: the data loaders DssToolkit builds fetch only what the policy admits. */
class PolicedDataLoaderTest {

    private static HttpServer listener;
    private static HttpServer elsewhere;
    private static final List<String> HITS = Collections.synchronizedList(new ArrayList<>());
    private static final List<String> ELSEWHERE = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void start() throws IOException {
        elsewhere = server(ELSEWHERE, null);
        listener = server(HITS, "http://127.0.0.1:" + elsewhere.getAddress().getPort() + "/stolen");
    }

    @AfterAll
    static void stop() {
        listener.stop(0);
        elsewhere.stop(0);
    }

    @Test
    void theServiceFetchesFromTheDemoRespondersAndNowhereElse() {
        PolicedDataLoader loader = new PolicedDataLoader(SigningFixture.service().fetching(), null);
        assertThat(loader.get(DemoPkiFixture.shared().baseUri() + "/crl/public-ca.crl")).isNotEmpty();
        String stranger = "http://127.0.0.1:" + listener.getAddress().getPort() + "/ca.crl";
        assertThatThrownBy(() -> loader.get(stranger)).hasMessageContaining("not fetched");
        assertThatThrownBy(() -> loader.get("file:///etc/hostname")).isNotNull();
        assertThat(HITS).isEmpty();
    }

    @Test
    void anAllowedHostsRedirectIsNotFollowed() {
        HITS.clear();
        OutboundPolicy policy = OutboundPolicy.of(List.of(), FetchSettings.defaults()
                .withAllowed(List.of(URI.create("http://127.0.0.1:" + listener.getAddress().getPort()))));
        PolicedDataLoader loader = new PolicedDataLoader(policy, null);
        assertThatThrownBy(() -> loader.get("http://127.0.0.1:" + listener.getAddress().getPort() + "/x.crl"))
                .isNotNull();
        assertThat(HITS).hasSize(1);
        assertThat(ELSEWHERE).isEmpty();
    }

    private static HttpServer server(List<String> hits, String redirect) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            hits.add(exchange.getRequestURI().toString());
            if (redirect != null) {
                exchange.getResponseHeaders().add("Location", redirect);
                exchange.sendResponseHeaders(302, -1);
            } else {
                exchange.sendResponseHeaders(200, -1);
            }
            exchange.close();
        });
        server.start();
        return server;
    }
}
