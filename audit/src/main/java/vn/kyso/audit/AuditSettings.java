package vn.kyso.audit;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * @param tsaUrl          the RFC 3161 time-stamping authority for checkpoints, or null (no checkpoints)
 * @param tsaTimeout      how long to wait for the TSA
 * @param tsaTrustAnchors the roots a checkpoint's TSA certificate must chain to; empty checks only that
 *                        the token is signed by the certificate it carries
 */
public record AuditSettings(URI tsaUrl, Duration tsaTimeout, List<X509Certificate> tsaTrustAnchors) {

    public AuditSettings {
        Objects.requireNonNull(tsaTimeout, "tsaTimeout");
        if (tsaTimeout.isNegative() || tsaTimeout.isZero()) {
            throw new IllegalArgumentException("tsaTimeout must be positive");
        }
        if (tsaUrl != null && !("http".equals(tsaUrl.getScheme()) || "https".equals(tsaUrl.getScheme()))) {
            throw new IllegalArgumentException("the TSA URL must be http or https");
        }
        tsaTrustAnchors = List.copyOf(tsaTrustAnchors);
    }

    public AuditSettings(URI tsaUrl, Duration tsaTimeout) {
        this(tsaUrl, tsaTimeout, List.of());
    }

    public static AuditSettings withTsa(URI tsaUrl) {
        return new AuditSettings(tsaUrl, Duration.ofSeconds(10));
    }

    public AuditSettings trusting(List<X509Certificate> anchors) {
        return new AuditSettings(tsaUrl, tsaTimeout, anchors);
    }
}
