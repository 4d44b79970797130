package vn.kyso.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
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
     * A named set of trust anchors: a PEM file of the deployment's own, or, without a file, one of the
     * stores shipped with Kyso ({@link ShippedTrustStore}: {@code vn-public}, {@code vn-specialised}).
     *
     * @param name         e.g. "vn-specialised" or "government-ca"
     * @param family       the family of signatures whose chain ends here; for a shipped store it may be
     *                     left out (it must match if given)
     * @param certificates PEM file with the trust anchors, or null for a shipped store of this name
     */
    public record TrustStore(String name, KeyFamily family, Path certificates) {

        public TrustStore {
            Objects.requireNonNull(name, "name");
            if (certificates == null) {
                ShippedTrustStore shipped = ShippedTrustStore.named(name).orElseThrow(() -> new IllegalArgumentException(
                        "trust store " + name + " has no certificates file and Kyso ships no store of that name "
                                + ShippedTrustStore.names()));
                if (family != null && family != shipped.family()) {
                    throw new IllegalArgumentException("trust store " + name + " holds " + shipped.family()
                            + " anchors, not " + family);
                }
                family = shipped.family();
            }
            Objects.requireNonNull(family, "family");
        }

        /** A store shipped with Kyso, by its name. */
        public static TrustStore shipped(String name) {
            return new TrustStore(name, null, null);
        }

        /** The anchors chains end in: every certificate of a PEM file, the roots of a shipped store. */
        public List<X509Certificate> anchorCertificates() {
            if (certificates == null) {
                return shippedEntries(ShippedTrustStore.Role.ANCHOR);
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(certificates);
            } catch (IOException e) {
                throw new IllegalStateException("trust store " + name + " cannot be read", e);
            }
            return Pem.certificates(bytes, "trust store " + name);
        }

        /**
         * Issuing CAs under the anchors, used to build a chain from a document that carries only the
         * signer's certificate; never trusted by themselves. Empty for a PEM file.
         */
        public List<X509Certificate> issuingCertificates() {
            return certificates == null ? shippedEntries(ShippedTrustStore.Role.ISSUING) : List.of();
        }

        private List<X509Certificate> shippedEntries(ShippedTrustStore.Role role) {
            return ShippedTrustStore.named(name).orElseThrow().entries().stream().filter(e -> e.role() == role)
                    .map(ShippedTrustStore.Entry::certificate).toList();
        }
    }
}
