package vn.kyso.api.health;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the dependency probes behind {@code /actuator/health/readiness}, under {@code kyso.api.health}.
 *
 * @param cacheTtl     how long a probe's answer is reused: probes of every instance every few seconds
 *                     must not load the object store or the TSA
 * @param probeTimeout the longest a probe is waited for; a dependency slower than this counts as down
 */
@Validated
@ConfigurationProperties("kyso.api.health")
public record HealthSettings(
        @NotNull @DefaultValue("10s") Duration cacheTtl,
        @NotNull @DefaultValue("3s") Duration probeTimeout) {
}
