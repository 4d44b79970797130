package vn.kyso.validation.internal;

import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.x509.CertificateSource;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.kyso.core.KeyFamily;
import vn.kyso.validation.ValidationSettings.TrustStore;

/**
 * The configured trust stores as DSS certificate sources, one per store, and the reverse lookup from a
 * trusted certificate to the store and family it came from: DSS only says "trusted", the report must
 * say "specialised" or "public".
 */
final class TrustAnchors {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+?)-----END CERTIFICATE-----");

    /** Where a trust anchor was configured. */
    record Anchor(String store, KeyFamily family, CertificateToken certificate) {
    }

    private final List<CertificateSource> sources = new ArrayList<>();
    private final Map<String, Anchor> byDssId = new HashMap<>();

    TrustAnchors(List<TrustStore> stores) {
        for (TrustStore store : stores) {
            CommonTrustedCertificateSource source = new CommonTrustedCertificateSource();
            for (X509Certificate certificate : read(store)) {
                CertificateToken token = new CertificateToken(certificate);
                source.addCertificate(token);
                // The first store naming a certificate decides its family; a root in both is a misconfiguration.
                byDssId.putIfAbsent(token.getDSSIdAsString(), new Anchor(store.name(), store.family(), token));
            }
            sources.add(source);
        }
    }

    CertificateSource[] sources() {
        return sources.toArray(CertificateSource[]::new);
    }

    /** The anchor with this DSS identifier ("C-…"), if it is one of ours. */
    Optional<Anchor> anchor(String dssId) {
        return Optional.ofNullable(byDssId.get(dssId));
    }

    /** The anchors' certificates, whose own OCSP, CRL and CA-issuer URLs may be fetched from. */
    List<X509Certificate> certificates() {
        return byDssId.values().stream().map(a -> a.certificate().getCertificate()).toList();
    }

    int size() {
        return byDssId.size();
    }

    private static List<X509Certificate> read(TrustStore store) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(store.certificates());
        } catch (IOException e) {
            throw new IllegalStateException("trust store " + store.name() + " cannot be read", e);
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> certificates = new ArrayList<>();
            Matcher pem = PEM.matcher(new String(bytes, StandardCharsets.US_ASCII));
            while (pem.find()) {
                byte[] der = Base64.getMimeDecoder().decode(pem.group(1));
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
            if (certificates.isEmpty()) {
                // not PEM: a single DER certificate
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(bytes)));
            }
            return certificates;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("trust store " + store.name() + " holds no readable certificate", e);
        }
    }
}
