package vn.kyso.archive.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class MinioSettingsTest {

    @Test
    void neverShowsTheSecretKey() {
        MinioSettings settings = MinioSettings.of(URI.create("https://s3.example.gov.vn"), "kyso-archive", null,
                "AKIAEXAMPLE", "s3cr3t-Value", true);

        assertThat(settings.toString()).doesNotContain("s3cr3t-Value").contains("secretKey=****", "AKIAEXAMPLE");
        assertThat(settings.region()).isEqualTo("us-east-1");
        assertThat(settings.connectTimeout()).isEqualTo(MinioSettings.DEFAULT_CONNECT_TIMEOUT);
    }

    @Test
    void refusesUnusableSettings() {
        URI endpoint = URI.create("http://127.0.0.1:9000");
        assertThatThrownBy(() -> MinioSettings.of(URI.create("ftp://x"), "kyso", null, "a", "s", false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MinioSettings.of(endpoint, "Bad_Bucket", null, "a", "s", false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MinioSettings.of(endpoint, "kyso", null, "a", "", false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
