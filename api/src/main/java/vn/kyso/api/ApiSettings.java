package vn.kyso.api;

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
 * @param maxUploadSize the largest upload, per file and per request; the servlet container's multipart
 *                      limits are bound to the same value in application.yml
 * @param maxBatchFiles the most files one batch or container request may carry
 */
@Validated
@ConfigurationProperties("kyso.api")
public record ApiSettings(
        @NotNull @DefaultValue("25MB") DataSize maxUploadSize,
        @Min(1) @Max(1000) @DefaultValue("50") int maxBatchFiles) {
}
