package vn.kyso.validation.autoconfigure;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;
import vn.kyso.core.net.FetchSettings;
import vn.kyso.validation.ValidationSettings;

/**
 * {@code kyso.validation.*}: trust stores, revocation checking and the limits of one validation.
 *
 * Without {@code trust-stores} the real Vietnamese stores shipped with Kyso are used ({@code vn-public}
 * and {@code vn-specialised}, docs/trust-anchors.md). A deployment names the stores it wants, shipped
 * ones by name alone, its own with a PEM file:
 *
 * <pre>
 * kyso.validation.trust-stores[0].name=vn-specialised
 * kyso.validation.trust-stores[1].name=vn-public
 * kyso.validation.trust-stores[2].name=ministry-test-ca
 * kyso.validation.trust-stores[2].family=SPECIALISED
 * kyso.validation.trust-stores[2].certificates=/etc/kyso/trust/ministry-test-ca.pem
 * kyso.validation.fetch-allowed=http://ocsp.example.vn,http://crl.example.vn:8080
 * </pre>
 *
 * The demo ({@code kyso.demo.enabled}) replaces all of them with the demo PKI's roots.
 *
 * @param maxConcurrent validations at once; 0 means one per processor, at least two
 * @param fontDirectory where LiberationSerif-Regular.ttf and -Bold.ttf are, for the PDF report
 * @param fetchAllowed  origins (scheme://host[:port]) OCSP, CRL, CA-issuer and policy URLs may point to,
 *                      besides those the trust anchors name; anything else is never fetched
 * @param maxFetches    fetches one validation may make
 * @param maxFetchSize  the largest response read
 * @param fetchBudget   time one validation may spend fetching
 */
@Validated
@ConfigurationProperties("kyso.validation")
public record ValidationProperties(
        List<ValidationSettings.TrustStore> trustStores,
        @DefaultValue("false") boolean offline,
        @DefaultValue("10s") Duration networkTimeout,
        @DefaultValue("1h") Duration revocationCacheMaxAge,
        @DefaultValue("50MB") DataSize maxDocumentSize,
        @DefaultValue("30s") Duration maxValidationTime,
        @DefaultValue("0") int maxConcurrent,
        @DefaultValue("/usr/share/fonts/truetype/liberation2") Path fontDirectory,
        List<URI> fetchAllowed,
        @DefaultValue("20") int maxFetches,
        @DefaultValue("16MB") DataSize maxFetchSize,
        @DefaultValue("30s") Duration fetchBudget) {

    /** Production's default: the real Vietnamese anchors, both families. */
    static final List<ValidationSettings.TrustStore> DEFAULT_TRUST_STORES = List.of(
            ValidationSettings.TrustStore.shipped("vn-specialised"), ValidationSettings.TrustStore.shipped("vn-public"));

    public ValidationSettings toSettings() {
        return new ValidationSettings(trustStores == null ? DEFAULT_TRUST_STORES : trustStores, offline, networkTimeout,
                revocationCacheMaxAge, maxDocumentSize.toBytes(), maxValidationTime, maxConcurrent,
                new FetchSettings(fetchAllowed, maxFetches, maxFetchSize.toBytes(), networkTimeout, fetchBudget));
    }
}
