package vn.kyso.demopki;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loopback HTTP endpoints: {@code /ocsp/<ca>}, {@code /crl/<ca>.crl}, {@code /ca/<ca>.cer} and
 * {@code /tsa}. While unavailable, every endpoint answers 503 so that tests can exercise outages.
 */
final class Responders implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Responders.class);
    private static final int MAX_REQUEST_BYTES = 1 << 20;
    private static final int THREADS = 4;
    /** The JDK HTTP server's switch for TCP_NODELAY on its connections, read once when its first server is made. */
    static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        // The JDK's HTTP server writes a response's headers and body separately and leaves Nagle's algorithm
        // on, so on a kept connection (the service's data loaders keep theirs) the body waits for the client's
        // delayed acknowledgement: about 40 ms per time-stamp or OCSP answer. Real responders send at once.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private final Map<CaId, CertificateAuthority> cas;
    private final OcspResponder ocsp;
    private final CrlIssuer crls;
    private final TimeStampAuthority tsa;
    private volatile boolean available = true;
    private HttpServer server;
    private ExecutorService executor;

    Responders(Map<CaId, CertificateAuthority> cas, RevocationRegistry registry, TimeStampAuthority tsa) {
        this.cas = Map.copyOf(cas);
        this.ocsp = new OcspResponder(registry);
        this.crls = new CrlIssuer(registry);
        this.tsa = tsa;
    }

    private record Response(int status, String contentType, byte[] body) {
        static Response error(int status, String message) {
            return new Response(status, "text/plain; charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    synchronized void start(int port) {
        if (server != null) {
            return;
        }
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        HttpServer created;
        try {
            created = HttpServer.create(address, 64);
        } catch (BindException e) {
            throw new IllegalStateException("port " + port + " on 127.0.0.1 is in use. The demo PKI's port is written"
                    + " into its certificates, so it cannot move: stop the other process, or delete the PKI"
                    + " directory to generate a new PKI on another port", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address, e);
        }
        executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        created.setExecutor(executor);
        created.createContext("/", this::handle);
        startAsDaemon(created);
        server = created;
        LOG.info("Demo PKI responders listening on http://127.0.0.1:{}", port);
    }

    /**
     * The JDK server's dispatcher thread inherits daemon status from the thread that starts it; starting
     * from a daemon thread keeps a forgotten {@code close()} from holding the JVM open.
     */
    private static void startAsDaemon(HttpServer server) {
        Thread starter = new Thread(server::start, "demo-pki-http-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the responders", e);
        }
    }

    void setAvailable(boolean available) {
        this.available = available;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
            executor = null;
        }
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            Response response;
            try {
                response = available ? route(exchange) : Response.error(503, "responder unavailable");
            } catch (IllegalArgumentException e) {
                response = Response.error(400, e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("Demo PKI responder failed on {} {}",
                        exchange.getRequestMethod(), exchange.getRequestURI(), e);
                response = Response.error(500, "internal error");
            }
            send(exchange, response);
        } catch (IOException e) {
            LOG.debug("Demo PKI client went away", e);
        }
    }

    private Response route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        // Seconds only: certificates and responses carry no fractions, and comparisons stay exact.
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        if (path.equals("/tsa")) {
            return method.equals("POST")
                    ? new Response(200, "application/timestamp-reply", tsa.respond(body(exchange), now))
                    : Response.error(405, "use POST");
        }
        String[] parts = path.split("/", 4);
        if (parts.length < 3 || !parts[0].isEmpty()) {
            return Response.error(404, "not found");
        }
        return switch (parts[1]) {
            case "ca" -> caCertificate(method, parts);
            case "crl" -> crl(method, parts, now);
            case "ocsp" -> ocsp(exchange, method, parts, now);
            default -> Response.error(404, "not found");
        };
    }

    private Response caCertificate(String method, String[] parts) {
        CertificateAuthority ca = parts.length == 3 ? ca(parts[2], ".cer") : null;
        if (ca == null) {
            return Response.error(404, "no such CA");
        }
        if (!method.equals("GET")) {
            return Response.error(405, "use GET");
        }
        try {
            return new Response(200, "application/pkix-cert", ca.certificate().getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Response crl(String method, String[] parts, Instant now) {
        CertificateAuthority ca = parts.length == 3 ? ca(parts[2], ".crl") : null;
        if (ca == null) {
            return Response.error(404, "no such CA");
        }
        return method.equals("GET")
                ? new Response(200, "application/pkix-crl", crls.crl(ca, now))
                : Response.error(405, "use GET");
    }

    private Response ocsp(HttpExchange exchange, String method, String[] parts, Instant now) throws IOException {
        CertificateAuthority ca = ca(parts[2], "");
        if (ca == null) {
            return Response.error(404, "no such CA");
        }
        byte[] request;
        if (method.equals("POST") && parts.length == 3) {
            request = body(exchange);
        } else if (method.equals("GET") && parts.length == 4) {
            request = decodeGetRequest(parts[3]);
            if (request == null) {
                return Response.error(400, "the OCSP request is not base64");
            }
        } else {
            return Response.error(405, "POST to /ocsp/<ca> or GET /ocsp/<ca>/<base64 request>");
        }
        return new Response(200, "application/ocsp-response", ocsp.respond(ca, request, now));
    }

    private CertificateAuthority ca(String segment, String suffix) {
        if (!segment.endsWith(suffix)) {
            return null;
        }
        CaId id = CaId.fromId(segment.substring(0, segment.length() - suffix.length()));
        return id == null ? null : cas.get(id);
    }

    /**
     * RFC 6960 appendix A.1 asks for URL-encoded base64, but some clients send raw base64 whose '/'
     * splits the path, or use the URL-safe alphabet; all three are accepted.
     */
    private static byte[] decodeGetRequest(String rawPath) {
        String base64 = percentDecode(rawPath).replace('-', '+').replace('_', '/');
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String percentDecode(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            int hex = c == '%' && i + 2 < raw.length() ? hexValue(raw.substring(i + 1, i + 3)) : -1;
            if (hex >= 0) {
                out.append((char) hex);
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int hexValue(String twoDigits) {
        try {
            return Integer.parseInt(twoDigits, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_REQUEST_BYTES + 1);
            if (body.length > MAX_REQUEST_BYTES) {
                throw new IllegalArgumentException("request larger than " + MAX_REQUEST_BYTES + " bytes");
            }
            return body;
        }
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (response.status() == 503) {
            exchange.getResponseHeaders().set("Retry-After", "1");
        }
        exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response.body());
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "demo-pki-http-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
