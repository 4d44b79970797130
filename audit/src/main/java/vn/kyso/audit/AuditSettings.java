package vn.kyso.audit;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * @param tsaUrl     the RFC 3161 time-stamping authority for checkpoints, or null (no checkpoints)
 * @param tsaTimeout how long to wait for the TSA
 */
public record AuditSettings(URI tsaUrl, Duration tsaTimeout) {

    public AuditSettings {
        Objects.requireNonNull(tsaTimeout, "tsaTimeout");
        if (tsaTimeout.isNegative() || tsaTimeout.isZero()) {
            throw new IllegalArgumentException("tsaTimeout must be positive");
        }
        if (tsaUrl != null && !("http".equals(tsaUrl.getScheme()) || "https".equals(tsaUrl.getScheme()))) {
            throw new IllegalArgumentException("the TSA URL must be http or https");
        }
    }

    public static AuditSettings withTsa(URI tsaUrl) {
        return new AuditSettings(tsaUrl, Duration.ofSeconds(10));
    }
}
