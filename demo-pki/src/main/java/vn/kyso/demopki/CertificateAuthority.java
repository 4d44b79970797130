package vn.kyso.demopki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/** A CA of the demo PKI with its software key, as loaded from or written to its PKCS#12 file. */
record CertificateAuthority(CaId id, X509Certificate certificate, PrivateKey privateKey) {

    CertificateAuthority {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(certificate, "certificate of " + id);
        Objects.requireNonNull(privateKey, "private key of " + id);
    }
}
