package vn.kyso.validation.internal;

import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.x509.CertificateSource;
import eu.europa.esig.dss.spi.x509.CommonCertificateSource;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.kyso.core.KeyFamily;
import vn.kyso.validation.ValidationSettings.TrustStore;

/**
 * The configured trust stores as DSS certificate sources, one per store, and the reverse lookup from a
 * trusted certificate to the store and family it came from: DSS only says "trusted", the report must
 * say "specialised" or "public". Issuing CAs shipped with a store go to a separate, untrusted source:
 * real documents carry only the signer's certificate, and the chain must still reach the root offline.
 */
final class TrustAnchors {

    /** Where a trust anchor was configured. */
    record Anchor(String store, KeyFamily family, CertificateToken certificate) {
    }

    private final List<CertificateSource> sources = new ArrayList<>();
    private final CommonCertificateSource issuing = new CommonCertificateSource();
    private final Map<String, Anchor> byDssId = new HashMap<>();

    TrustAnchors(List<TrustStore> stores) {
        for (TrustStore store : stores) {
            CommonTrustedCertificateSource source = new CommonTrustedCertificateSource();
            for (X509Certificate certificate : store.anchorCertificates()) {
                CertificateToken token = new CertificateToken(certificate);
                source.addCertificate(token);
                // The first store naming a certificate decides its family; a root in both is a misconfiguration.
                byDssId.putIfAbsent(token.getDSSIdAsString(), new Anchor(store.name(), store.family(), token));
            }
            for (X509Certificate certificate : store.issuingCertificates()) {
                issuing.addCertificate(new CertificateToken(certificate));
            }
            sources.add(source);
        }
    }

    CertificateSource[] sources() {
        return sources.toArray(CertificateSource[]::new);
    }

    /** Issuing CAs of the shipped stores, for chain building only. */
    CertificateSource issuing() {
        return issuing;
    }

    /** The anchor with this DSS identifier ("C-…"), if it is one of ours. */
    Optional<Anchor> anchor(String dssId) {
        return Optional.ofNullable(byDssId.get(dssId));
    }

    /**
     * The anchors' and the shipped issuing CAs' certificates, whose own OCSP, CRL and CA-issuer URLs may be
     * fetched from: the hosts their CAs run, which the certificates they issue name as well.
     */
    List<X509Certificate> certificates() {
        List<X509Certificate> all = new ArrayList<>(
                byDssId.values().stream().map(a -> a.certificate().getCertificate()).toList());
        issuing.getCertificates().forEach(c -> all.add(c.getCertificate()));
        return List.copyOf(all);
    }

    int size() {
        return byDssId.size();
    }
}
