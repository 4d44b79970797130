package vn.kyso.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the HTTP API, under {@code kyso.api}.
 *
 * @param maxUploadSize     the largest upload, per file and per request; the servlet container's multipart
 *                          limits are bound to the same value in application.yml
 * @param maxBatchFiles     the most files one batch or container request may carry
 * @param trustForwardedFor identify clients by the last X-Forwarded-For entry instead of the connection's
 *                          address; only behind a reverse proxy that sets it, or anyone could pick their
 *                          own identity and escape the rate limit
 * @param rateLimit         the limit on the public endpoints, per client
 */
@Validated
@ConfigurationProperties("kyso.api")
public record ApiSettings(
        @NotNull @DefaultValue("25MB") DataSize maxUploadSize,
        @Min(1) @Max(1000) @DefaultValue("50") int maxBatchFiles,
        @DefaultValue("false") boolean trustForwardedFor,
        @Valid @NotNull @DefaultValue RateLimit rateLimit) {

    /**
     * A token bucket per client: {@code burst} requests at once, refilled at {@code requestsPerMinute}.
     *
     * @param enabled           false turns the limit off (a deployment with its own limit at the proxy)
     * @param requestsPerMinute the sustained rate
     * @param burst             the bucket's size: requests a client may make at once after a pause
     * @param maxClients        clients remembered at once; bounds the memory under a flood of addresses
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @Min(1) @Max(100_000) @DefaultValue("30") int requestsPerMinute,
            @Min(1) @Max(100_000) @DefaultValue("10") int burst,
            @Min(1) @Max(10_000_000) @DefaultValue("10000") int maxClients,
            @DefaultValue Clients clients) {
    }

    /**
     * Limits per authenticated client on every other API endpoint: one bucket per credential (bearer
     * token or API key), so one agency system cannot starve the others.
     */
    public record Clients(
            @DefaultValue("true") boolean enabled,
            @Min(1) @Max(1_000_000) @DefaultValue("600") int requestsPerMinute,
            @Min(1) @Max(100_000) @DefaultValue("100") int burst) {
    }
}
