package vn.kyso.audit.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code kyso.audit.*}.
 *
 * @param enabled            false leaves the audit trail out
 * @param tsaUrl             the RFC 3161 TSA that time-stamps checkpoints; empty uses the demo PKI's TSA
 *                           when the demo runs, otherwise checkpoints are refused
 * @param checkpointInterval how often the chain head is time-stamped (only if entries were appended)
 * @param tsaTimeout         how long to wait for the TSA
 * @param tsaTrustAnchors    a PEM file of the roots the TSA certificate must chain to; empty uses the demo
 *                           PKI's roots when the demo runs, otherwise only the token's own signature is checked
 */
@Validated
@ConfigurationProperties("kyso.audit")
public record AuditProperties(
        @DefaultValue("true") boolean enabled,
        String tsaUrl,
        @DefaultValue("10m") Duration checkpointInterval,
        @DefaultValue("10s") Duration tsaTimeout,
        Path tsaTrustAnchors) {

    public AuditProperties {
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("kyso.audit.checkpoint-interval must be positive");
        }
        if (tsaTimeout.isNegative() || tsaTimeout.isZero()) {
            throw new IllegalArgumentException("kyso.audit.tsa-timeout must be positive");
        }
        tsaUrl = tsaUrl == null || tsaUrl.isBlank() ? null : tsaUrl.strip();
    }
}
