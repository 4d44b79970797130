package vn.kyso.archive.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import vn.kyso.archive.ArchiveError;
import vn.kyso.archive.ArchiveException;

/**
 * The archive's RFC 3161 client for evidence records: one POST of a DER time-stamp query per hash tree.
 * Counts its calls, which is the figure evidence records exist to keep small.
 */
class TimeStamper {

    private final HttpClient http;
    private final URI url;
    private final Duration timeout;
    private final AtomicLong calls = new AtomicLong();

    TimeStamper(String url, Duration timeout) {
        this.url = URI.create(url);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The DER time-stamp response to a DER query; refuses (EVIDENCE_UNAVAILABLE) when the TSA does not answer. */
    byte[] stamp(byte[] query) {
        calls.incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/timestamp-query")
                .POST(HttpRequest.BodyPublishers.ofByteArray(query)).build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw unavailable("the time-stamp authority answered HTTP " + response.statusCode(), null);
            }
            return response.body();
        } catch (IOException e) {
            throw unavailable("the time-stamp authority cannot be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while waiting for the time-stamp authority", e);
        }
    }

    /** Requests sent since this client was made. */
    long calls() {
        return calls.get();
    }

    private static ArchiveException unavailable(String message, Throwable cause) {
        return new ArchiveException(ArchiveError.EVIDENCE_UNAVAILABLE, message, cause);
    }
}
