package vn.kyso.validation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import vn.kyso.core.KeyFamily;
import vn.kyso.core.net.FetchSettings;

/**
 * Settings of the validation module.
 *
 * @param trustStores         named trust stores, one or more per family
 * @param offline             never fetch OCSP/CRL/AIA; signatures needing fresh revocation data are
 *                            INDETERMINATE ("cannot decide") instead of guessed
 * @param networkTimeout      connect/read timeout for revocation fetching
 * @param revocationCacheMaxAge longest reuse of an OCSP response or CRL
 * @param maxDocumentBytes    larger documents are refused before parsing
 * @param maxValidationTime   a validation running longer is abandoned
 * @param maxConcurrent       validations running at once; more wait (bounded memory)
 * @param fetch               where a validation may fetch certificates, revocation data and policy
 *                            documents from besides the trust anchors' own URLs, and how much; its
 *                            timeout is {@code networkTimeout}
 */
public record ValidationSettings(
        List<TrustStore> trustStores,
        boolean offline,
        Duration networkTimeout,
        Duration revocationCacheMaxAge,
        long maxDocumentBytes,
        Duration maxValidationTime,
        int maxConcurrent,
        FetchSettings fetch) {

    public ValidationSettings {
        trustStores = List.copyOf(Objects.requireNonNull(trustStores, "trustStores"));
        networkTimeout = Objects.requireNonNullElse(networkTimeout, Duration.ofSeconds(10));
        revocationCacheMaxAge = Objects.requireNonNullElse(revocationCacheMaxAge, Duration.ofHours(1));
        maxDocumentBytes = maxDocumentBytes <= 0 ? 50L * 1024 * 1024 : maxDocumentBytes;
        maxValidationTime = Objects.requireNonNullElse(maxValidationTime, Duration.ofSeconds(30));
        maxConcurrent = maxConcurrent <= 0 ? Math.max(2, Runtime.getRuntime().availableProcessors()) : maxConcurrent;
        fetch = Objects.requireNonNullElse(fetch, FetchSettings.defaults()).withTimeout(networkTimeout);
    }

    /** Fetching only from the trust anchors' own URLs, with the default bounds. */
    public ValidationSettings(List<TrustStore> trustStores, boolean offline, Duration networkTimeout,
            Duration revocationCacheMaxAge, long maxDocumentBytes, Duration maxValidationTime, int maxConcurrent) {
        this(trustStores, offline, networkTimeout, revocationCacheMaxAge, maxDocumentBytes, maxValidationTime,
                maxConcurrent, null);
    }

    /**
     * @param name         e.g. "government-ca" or "national-root"
     * @param family       the family of signatures whose chain ends here
     * @param certificates PEM file with the trust anchors
     */
    public record TrustStore(String name, KeyFamily family, Path certificates) {

        public TrustStore {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(family, "family");
            Objects.requireNonNull(certificates, "certificates");
        }
    }
}
