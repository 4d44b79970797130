package vn.kyso.signing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import vn.kyso.core.net.FetchSettings;

/**
 * Settings of the signing module.
 *
 * @param hsms                  the PKCS#11 tokens, one per key set
 * @param tsaUrl                RFC 3161 time-stamp authority for B-T and above; null disables those levels
 * @param fontFile              TrueType font with Vietnamese glyphs for visible signatures (Liberation
 *                              Serif is metric-compatible with Times New Roman)
 * @param preparedTtl           how long a prepared remote signature waits for its value
 * @param maxPendingBytes       memory the documents of pending remote signatures may take at most
 * @param networkTimeout        connect and read timeout for TSA, OCSP, CRL and AIA requests
 * @param revocationCacheMaxAge the longest an OCSP response or CRL is reused, even if its nextUpdate
 *                              is later
 * @param loginBackoff          how long a rejected PIN is not tried again
 * @param fetch                 origins OCSP, CRL and CA-issuer URLs may point to besides the trust anchors'
 *                              own and the TSA's, and the bounds of fetching; its timeout is
 *                              {@code networkTimeout}
 */
public record SigningSettings(
        List<HsmSettings> hsms,
        String tsaUrl,
        Path fontFile,
        Duration preparedTtl,
        long maxPendingBytes,
        Duration networkTimeout,
        Duration revocationCacheMaxAge,
        Duration loginBackoff,
        FetchSettings fetch) {

    public SigningSettings {
        hsms = List.copyOf(Objects.requireNonNull(hsms, "hsms"));
        var names = new HashSet<String>();
        var keyIds = new HashSet<String>();
        for (HsmSettings h : hsms) {
            if (!names.add(h.name())) {
                throw new IllegalArgumentException("duplicate HSM name " + h.name());
            }
            for (HsmSettings.KeySettings k : h.keys()) {
                if (!keyIds.add(k.id())) {
                    throw new IllegalArgumentException("duplicate key id " + k.id());
                }
            }
        }
        tsaUrl = tsaUrl == null || tsaUrl.isBlank() ? null : tsaUrl.strip();
        preparedTtl = Objects.requireNonNullElse(preparedTtl, Duration.ofMinutes(10));
        maxPendingBytes = maxPendingBytes <= 0 ? 256L * 1024 * 1024 : maxPendingBytes;
        networkTimeout = Objects.requireNonNullElse(networkTimeout, Duration.ofSeconds(10));
        revocationCacheMaxAge = Objects.requireNonNullElse(revocationCacheMaxAge, Duration.ofHours(1));
        loginBackoff = Objects.requireNonNullElse(loginBackoff, Duration.ofSeconds(30));
        fetch = Objects.requireNonNullElse(fetch, FetchSettings.defaults()).withTimeout(networkTimeout);
    }

    /** Fetching only from the trust anchors' own URLs and the TSA, with the default bounds. */
    public SigningSettings(List<HsmSettings> hsms, String tsaUrl, Path fontFile, Duration preparedTtl,
            long maxPendingBytes, Duration networkTimeout, Duration revocationCacheMaxAge, Duration loginBackoff) {
        this(hsms, tsaUrl, fontFile, preparedTtl, maxPendingBytes, networkTimeout, revocationCacheMaxAge,
                loginBackoff, null);
    }
}
