package vn.kyso.signing.autoconfigure;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;
import vn.kyso.core.net.FetchSettings;
import vn.kyso.signing.HsmSettings;
import vn.kyso.signing.SigningSettings;

/**
 * {@code kyso.signing.*}: the HSMs and the signing infrastructure. PINs are never set here, only where
 * to read them ({@code pin.env} or {@code pin.file}).
 *
 * @param fetchAllowed origins (scheme://host[:port]) of the CAs' OCSP, CRL and CA-issuer URLs, besides the
 *                     trust anchors' own and the TSA's; nothing else is fetched
 * @param maxFetches   fetches one augmentation may make
 * @param maxFetchSize the largest response read
 * @param fetchBudget  time one augmentation may spend fetching
 */
@Validated
@ConfigurationProperties("kyso.signing")
public record SigningProperties(
        List<HsmSettings> hsms,
        String tsaUrl,
        @DefaultValue("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf") Path fontFile,
        @DefaultValue("10m") Duration preparedTtl,
        @DefaultValue("256MB") DataSize maxPending,
        @DefaultValue("10s") Duration networkTimeout,
        @DefaultValue("1h") Duration revocationCacheMaxAge,
        @DefaultValue("30s") Duration loginBackoff,
        List<URI> fetchAllowed,
        @DefaultValue("20") int maxFetches,
        @DefaultValue("16MB") DataSize maxFetchSize,
        @DefaultValue("30s") Duration fetchBudget) {

    public SigningSettings toSettings() {
        return new SigningSettings(hsms == null ? List.of() : hsms, tsaUrl, fontFile, preparedTtl,
                maxPending.toBytes(), networkTimeout, revocationCacheMaxAge, loginBackoff,
                new FetchSettings(fetchAllowed, maxFetches, maxFetchSize.toBytes(), networkTimeout, fetchBudget));
    }
}
