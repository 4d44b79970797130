package vn.kyso.validation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import vn.kyso.core.KeyFamily;

/**
 * The real Vietnamese trust stores shipped with Kyso (docs/trust-anchors.md), named so that a deployment
 * chooses them in {@code kyso.validation.trust-stores} without copying certificate files around. The
 * certificates and their manifest (fingerprint, subject, validity, two independent sources each) live
 * in {@code vn/kyso/validation/trust/}; every certificate is checked against its recorded fingerprint
 * when loaded, so a changed file stops the service instead of being trusted.
 */
public enum ShippedTrustStore {

    /** Public digital signatures: the Vietnam National Root CA (2014-2039) and the older MIC National Root CA. */
    VN_PUBLIC("vn-public", KeyFamily.PUBLIC),
    /**
     * Specialised public-service signatures: the Government CA roots of Ban Cơ yếu Chính phủ, generations
     * G1 and G2, with the issuing CAs under them that sign civil servants' and agencies' certificates.
     */
    VN_SPECIALISED("vn-specialised", KeyFamily.SPECIALISED);

    static final String DIRECTORY = "/vn/kyso/validation/trust/";

    private final String storeName;
    private final KeyFamily family;

    ShippedTrustStore(String storeName, KeyFamily family) {
        this.storeName = storeName;
        this.family = family;
    }

    /** A trust anchor ends a chain; an issuing CA only helps build it (documents carry the signer alone). */
    public enum Role { ANCHOR, ISSUING }

    /** One manifest line with its certificate. */
    public record Entry(String file, Role role, String sha256, String subject, Instant notBefore, Instant notAfter,
            String source, String secondSource, X509Certificate certificate) {
    }

    /** The name used in configuration, e.g. {@code vn-public}. */
    public String storeName() {
        return storeName;
    }

    public KeyFamily family() {
        return family;
    }

    public static Optional<ShippedTrustStore> named(String name) {
        return Arrays.stream(values()).filter(s -> s.storeName.equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(ShippedTrustStore::storeName).toList();
    }

    /** This store's certificates, in manifest order, each checked against its recorded SHA-256. */
    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (String line : manifestLines()) {
            String[] f = line.split("\t", -1);
            if (f.length != 9) {
                throw new IllegalStateException("trust manifest line has " + f.length + " fields, not 9: " + line);
            }
            if (!f[0].equals(storeName)) {
                continue;
            }
            List<X509Certificate> certificates = Pem.certificates(resource(f[1]), "shipped " + f[1]);
            if (certificates.size() != 1) {
                throw new IllegalStateException("shipped " + f[1] + " must hold exactly one certificate");
            }
            X509Certificate certificate = certificates.get(0);
            if (!sha256(certificate).equals(f[3])) {
                throw new IllegalStateException("shipped " + f[1] + " does not match its recorded SHA-256 " + f[3]);
            }
            entries.add(new Entry(f[1], Role.valueOf(f[2].toUpperCase(Locale.ROOT)), f[3], f[4], Instant.parse(f[5]),
                    Instant.parse(f[6]), f[7], f[8], certificate));
        }
        return entries;
    }

    static String sha256(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> manifestLines() {
        String text = new String(resource("manifest.tsv"), StandardCharsets.UTF_8);
        return text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    private static byte[] resource(String file) {
        try (InputStream in = ShippedTrustStore.class.getResourceAsStream(DIRECTORY + file)) {
            return Objects.requireNonNull(in, () -> "shipped trust file " + file + " is missing").readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("shipped trust file " + file + " cannot be read", e);
        }
    }
}
