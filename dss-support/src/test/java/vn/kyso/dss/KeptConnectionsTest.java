package vn.kyso.dss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.kyso.core.net.FetchSettings;
import vn.kyso.core.net.OutboundPolicy;

/**
 * The loader keeps its connections: DSS builds and closes an HTTP client per request, and used to close the
 * connection with it, so every time-stamp and OCSP request opened a new connection (a new TLS handshake with
 * a real TSA). The server below tells the requests apart by the client's port.
 */
class KeptConnectionsTest {

    private final List<Integer> clientPorts = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService serverThreads = Executors.newCachedThreadPool();
    private HttpServer server;
    private volatile CountDownLatch together = new CountDownLatch(0);

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        serverThreads.shutdownNow();
    }

    @Test
    void requestsOneAfterAnotherShareOneConnection() throws Exception {
        PolicedDataLoader loader = loader(start(0));
        for (int i = 0; i < 3; i++) {
            assertThat(new String(loader.post(url(), "tsq".getBytes(StandardCharsets.US_ASCII)),
                    StandardCharsets.US_ASCII)).isEqualTo("tsr");
        }
        assertThat(clientPorts).hasSize(3);
        assertThat(Set.copyOf(clientPorts)).hasSize(1);
    }

    @Test
    void concurrentRequestsAreNotQueuedBehindEachOther() throws Exception {
        int n = 8;
        together = new CountDownLatch(n);
        PolicedDataLoader loader = loader(start(0));
        ExecutorService clients = Executors.newFixedThreadPool(n);
        try {
            List<Future<byte[]>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                answers.add(clients.submit(() -> loader.post(url(), new byte[] {1})));
            }
            // Each answer waits until all eight requests are in the server at once: with DSS's two
            // connections per route the other six would wait for a free connection and none would finish.
            for (Future<byte[]> a : answers) {
                assertThat(a.get(20, TimeUnit.SECONDS)).isEqualTo("tsr".getBytes(StandardCharsets.US_ASCII));
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(Set.copyOf(clientPorts)).hasSize(n);
    }

    @Test
    void aConnectionTheServerDroppedIsNotUsedAgain() throws Exception {
        int port = start(0);
        PolicedDataLoader loader = loader(port);
        assertThat(loader.post(url(), new byte[] {1})).isNotEmpty();
        // The server goes away with the kept connection and comes back on the same port; the next request
        // comes at once, before the idle check would find the connection closed.
        server.stop(0);
        start(port);
        assertThat(loader.post(url(), new byte[] {1})).isNotEmpty();
        assertThat(clientPorts).hasSize(2);
        assertThat(clientPorts.get(1)).isNotEqualTo(clientPorts.get(0));
    }

    @Test
    @SuppressWarnings("try") // the scope is the request's budget, open while the fetches run
    void aKeptConnectionDoesNotOutliveTheRequestsBudget() throws Exception {
        int port = start(0);
        OutboundPolicy policy = OutboundPolicy.of(List.of(), FetchSettings.defaults()
                .withAllowed(List.of(URI.create("http://127.0.0.1:" + port))));
        PolicedDataLoader loader = new PolicedDataLoader(policy, "application/timestamp-query");
        int allowed = policy.settings().maxFetches();
        try (var scope = policy.open()) {
            for (int i = 0; i < allowed; i++) {
                assertThat(loader.post(url(), new byte[] {1})).isNotEmpty();
            }
            // The connection to this origin is kept and free, but the request's budget is spent.
            assertThatThrownBy(() -> loader.post(url(), new byte[] {1})).hasMessageContaining("not fetched");
        }
        assertThat(clientPorts).hasSize(allowed);
        assertThat(Set.copyOf(clientPorts)).hasSize(1);
    }

    private int start(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(serverThreads);
        server.createContext("/", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            exchange.getRequestBody().readAllBytes();
            together.countDown();
            try {
                together.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "tsr".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server.getAddress().getPort();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/tsa";
    }

    private static PolicedDataLoader loader(int port) {
        OutboundPolicy policy = OutboundPolicy.of(List.of(), FetchSettings.defaults()
                .withAllowed(List.of(URI.create("http://127.0.0.1:" + port))));
        return new PolicedDataLoader(policy, "application/timestamp-query");
    }
}
