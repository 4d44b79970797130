package vn.kyso.archive.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Requests to the one S3 endpoint run side by side: the MinIO client hands every request to OkHttp's
 * dispatcher, whose default of five per host queued a bulk ingest's puts and retention calls behind each
 * other (eighth session). A server that answers only once {@value #CALLS} requests are in flight at once
 * (or after a few seconds) sees how many the client really sent together.
 */
class S3ConcurrencyTest {

    static final int CALLS = 16;

    @Test
    void sendsMoreThanFiveRequestsToOneServerAtOnce() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(CALLS);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/bucket") || path.equals("/bucket/")) {
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
                return;
            }
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            all.countDown();
            try {
                all.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        ExecutorService callers = Executors.newFixedThreadPool(CALLS);
        try {
            S3Bucket bucket = new S3Bucket(MinioSettings.of(URI.create("http://127.0.0.1:"
                    + server.getAddress().getPort()), "bucket", "us-east-1", "key", "secret-key", false));
            List<Future<Boolean>> looks = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                String key = "record-" + i;
                looks.add(callers.submit(() -> bucket.stat(key).isPresent()));
            }
            for (Future<Boolean> look : looks) {
                assertThat(look.get(30, TimeUnit.SECONDS)).as("a 404 is no object").isFalse();
            }
            assertThat(most.get()).as("requests in flight at once").isEqualTo(CALLS);
            assertThat(S3Bucket.MAX_REQUESTS).isGreaterThanOrEqualTo(CALLS);
        } finally {
            callers.shutdownNow();
            server.stop(0);
        }
    }
}
