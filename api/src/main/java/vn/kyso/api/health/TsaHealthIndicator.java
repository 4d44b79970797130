package vn.kyso.api.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.stereotype.Component;
import vn.kyso.signing.SigningSettings;

/**
 * {@code /actuator/health/tsa}, in the readiness group: DOWN while the time-stamp authority of
 * {@code kyso.signing.tsa-url} does not answer, so B-T and above would fail with TSA_UNAVAILABLE.
 * The probe is a HEAD request, not a time-stamp request: TSAs may bill per token, and a poll every
 * few seconds from every instance must cost them nothing. Any answer below 500 counts as up (a TSA
 * answers HEAD with 405 or 400); 5xx, a refused connection or a time-out is down. Without a TSA
 * configured the service offers B-B only, which needs none: UP.
 */
@Component("tsa")
class TsaHealthIndicator extends TimedProbeIndicator {

    TsaHealthIndicator(SigningSettings signing, HealthSettings settings) {
        super("tsa", signing.tsaUrl() == null ? null : check(URI.create(signing.tsaUrl()), settings), settings);
    }

    private static CachedProbe.Check check(URI tsa, HealthSettings settings) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.probeTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return () -> {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(tsa).timeout(settings.probeTimeout())
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.discarding());
                return r.statusCode() >= 500 ? "the time-stamp authority answers HTTP " + r.statusCode() : null;
            } catch (IOException e) {
                return "the time-stamp authority cannot be reached";
            }
        };
    }
}
