package vn.kyso.signing.internal;

import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** Names read from a certificate subject, decoded as UTF-8 so Vietnamese names survive. */
final class KeyEntryNames {

    private KeyEntryNames() {
    }

    static String commonName(X509Certificate cert) {
        String cn = attribute(cert, BCStyle.CN);
        return cn == null ? cert.getSubjectX500Principal().getName() : cn;
    }

    static String organisation(X509Certificate cert) {
        String o = attribute(cert, BCStyle.O);
        return o == null ? commonName(cert) : o;
    }

    static String attribute(X509Certificate cert, ASN1ObjectIdentifier type) {
        RDN[] rdns = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded()).getRDNs(type);
        return rdns.length == 0 ? null : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }
}
