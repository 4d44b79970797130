package vn.kyso.core.net;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Bounds of outbound fetching, one set per module.
 *
 * @param allowed          origins (scheme, host, port; a path is ignored) that may be fetched from besides
 *                         those the trust anchors name themselves, e.g. {@code http://ocsp.ca.gov.vn}
 * @param maxFetches       fetches one request (a validation, a signature) may cause at most
 * @param maxResponseBytes the largest response read; a national CRL is a few megabytes
 * @param timeout          connect and read timeout of one fetch
 * @param budget           total time one request may spend fetching; no fetch starts after it
 */
public record FetchSettings(List<URI> allowed, int maxFetches, long maxResponseBytes, Duration timeout,
        Duration budget) {

    public static final int DEFAULT_MAX_FETCHES = 20;
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

    public FetchSettings {
        allowed = List.copyOf(Objects.requireNonNullElse(allowed, List.of()));
        maxFetches = maxFetches <= 0 ? DEFAULT_MAX_FETCHES : maxFetches;
        maxResponseBytes = maxResponseBytes <= 0 ? DEFAULT_MAX_RESPONSE_BYTES : maxResponseBytes;
        timeout = Objects.requireNonNullElse(timeout, Duration.ofSeconds(10));
        budget = Objects.requireNonNullElse(budget, Duration.ofSeconds(30));
    }

    /** Nothing allowed beyond the anchors' own URLs, default bounds. */
    public static FetchSettings defaults() {
        return new FetchSettings(List.of(), 0, 0, null, null);
    }

    public FetchSettings withAllowed(List<URI> more) {
        List<URI> all = new java.util.ArrayList<>(allowed);
        all.addAll(more);
        return new FetchSettings(all, maxFetches, maxResponseBytes, timeout, budget);
    }

    public FetchSettings withTimeout(Duration newTimeout) {
        return new FetchSettings(allowed, maxFetches, maxResponseBytes, newTimeout, budget);
    }
}
