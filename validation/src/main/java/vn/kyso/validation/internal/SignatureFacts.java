package vn.kyso.validation.internal;

import eu.europa.esig.dss.detailedreport.DetailedReport;
import eu.europa.esig.dss.diagnostic.CertificateRevocationWrapper;
import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.enumerations.Indication;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import vn.kyso.core.KeyFamily;
import vn.kyso.validation.SignatureReport.CertificateInfo;
import vn.kyso.validation.SignatureReport.RevocationInfo;
import vn.kyso.validation.SignatureReport.TimestampInfo;

/** Facts about one signature read from DSS's diagnostic data: who, with which certificate, when. */
final class SignatureFacts {

    private SignatureFacts() {
    }

    /** Common name and organisation of a certificate subject, decoded from the DER so diacritics survive. */
    record Names(String commonName, String organisation, String subject, String issuer) {
    }

    static Names names(CertificateWrapper certificate) {
        if (certificate == null) {
            return new Names("—", null, "—", "—");
        }
        X509Certificate x509 = x509(certificate);
        if (x509 == null) {
            return new Names(nfc(orDash(certificate.getCommonName())), nfc(certificate.getOrganizationName()),
                    nfc(orDash(certificate.getCertificateDN())), nfc(orDash(certificate.getCertificateIssuerDN())));
        }
        return names(x509);
    }

    /** As {@link #names(CertificateWrapper)}, for a certificate DSS did not identify as the signer's. */
    static Names names(X509Certificate x509) {
        X500Name subject = X500Name.getInstance(x509.getSubjectX500Principal().getEncoded());
        X500Name issuer = X500Name.getInstance(x509.getIssuerX500Principal().getEncoded());
        String cn = attribute(subject, BCStyle.CN);
        return new Names(nfc(cn == null ? readable(subject) : cn), nfc(attribute(subject, BCStyle.O)),
                nfc(readable(subject)), nfc(readable(issuer)));
    }

    static CertificateInfo certificate(X509Certificate x509) {
        Names names = names(x509);
        return new CertificateInfo(names.subject(), names.issuer(),
                x509.getSerialNumber().toString(16).toUpperCase(Locale.ROOT), x509.getNotBefore().toInstant(),
                x509.getNotAfter().toInstant());
    }

    static CertificateInfo certificate(CertificateWrapper certificate) {
        if (certificate == null) {
            return null;
        }
        Names names = names(certificate);
        return new CertificateInfo(names.subject(), names.issuer(), serialHex(certificate),
                instant(certificate.getNotBefore()), instant(certificate.getNotAfter()));
    }

    /** The latest revocation data DSS used or found for the certificate. */
    static RevocationInfo revocation(DiagnosticData diagnostic, CertificateWrapper certificate) {
        CertificateRevocationWrapper latest = certificate == null ? null
                : diagnostic.getLatestRevocationDataForCertificate(certificate);
        if (latest == null) {
            return new RevocationInfo("NOT_CHECKED", null, null, null);
        }
        Date checked = latest.getProductionDate() != null ? latest.getProductionDate() : latest.getThisUpdate();
        return new RevocationInfo(latest.getStatus().name(),
                latest.getRevocationType() == null ? null : latest.getRevocationType().name(),
                instant(checked), latest.isRevoked() ? instant(latest.getRevocationDate()) : null);
    }

    static List<TimestampInfo> timestamps(SignatureWrapper signature, DetailedReport detailed) {
        List<TimestampInfo> list = new ArrayList<>();
        for (TimestampWrapper ts : signature.getTimestampList()) {
            String tsa = ts.getSigningCertificate() != null ? names(ts.getSigningCertificate()).commonName()
                    : ts.isTSAGeneralNamePresent() ? ts.getTSAGeneralNameValue() : "—";
            Indication indication = detailed.getBasicTimestampValidationIndication(ts.getId());
            list.add(new TimestampInfo(type(ts), instant(ts.getProductionTime()), tsa,
                    indication == Indication.PASSED,
                    ts.getSigningCertificate() == null ? null : instant(ts.getSigningCertificate().getNotAfter())));
        }
        list.sort(Comparator.comparing(TimestampInfo::time, Comparator.nullsLast(Comparator.naturalOrder())));
        return list;
    }

    /** The family of the trust anchor the chain ends in, or null if no configured anchor is in it. */
    static KeyFamily family(eu.europa.esig.dss.diagnostic.AbstractSignatureWrapper signature, TrustAnchors anchors) {
        KeyFamily family = null;
        for (CertificateWrapper c : signature.getCertificateChain()) {
            if (c.isTrusted()) {
                family = anchors.anchor(c.getId()).map(TrustAnchors.Anchor::family).orElse(family);
            }
        }
        return family;
    }

    private static String type(TimestampWrapper ts) {
        if (ts.getType() == null) {
            return "SIGNATURE_TIMESTAMP";
        }
        return switch (ts.getType()) {
            case CONTENT_TIMESTAMP, ALL_DATA_OBJECTS_TIMESTAMP, INDIVIDUAL_DATA_OBJECTS_TIMESTAMP -> "CONTENT_TIMESTAMP";
            case SIGNATURE_TIMESTAMP -> "SIGNATURE_TIMESTAMP";
            case DOCUMENT_TIMESTAMP -> "DOCUMENT_TIMESTAMP";
            // validation-data (XAdES-X), container and evidence-record time-stamps protect the signature
            // and its evidence after the fact, which is what an archive time-stamp does
            default -> "ARCHIVE_TIMESTAMP";
        };
    }

    private static X509Certificate x509(CertificateWrapper certificate) {
        byte[] der = certificate.getBinaries();
        if (der == null) {
            return null;
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * Most specific first ("CN=…,O=…,C=VN"), with BouncyCastle's attribute names. Most DNs are encoded
     * country first, and RFC 4514 reverses them; some Vietnamese CAs (Viettel-CA RS among them) encode the
     * common name first, and reversing those would put the country first. Readers look for the name.
     */
    private static String readable(X500Name name) {
        RDN[] rdns = name.getRDNs();
        if (rdns.length > 0 && BCStyle.CN.equals(rdns[0].getFirst().getType())) {
            return new X500Name(BCStyle.INSTANCE, rdns).toString();
        }
        RDN[] reversed = new RDN[rdns.length];
        for (int i = 0; i < rdns.length; i++) {
            reversed[i] = rdns[rdns.length - 1 - i];
        }
        return new X500Name(BCStyle.INSTANCE, reversed).toString();
    }

    private static String attribute(X500Name name, ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        if (rdns.length == 0) {
            return null;
        }
        // the string itself, not its RFC 4514 escaped form: "Công ty A, B" must not show a backslash
        ASN1Encodable value = rdns[0].getFirst().getValue();
        return value instanceof ASN1String s ? s.getString() : IETFUtils.valueToString(value);
    }

    private static String serialHex(CertificateWrapper certificate) {
        String decimal = certificate.getSerialNumber();
        try {
            return new BigInteger(decimal).toString(16).toUpperCase(Locale.ROOT);
        } catch (RuntimeException e) {
            return decimal;
        }
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /**
     * Names as people write them: many Vietnamese certificates store "Nguyễn" decomposed (NFD, base
     * letters and combining marks), which compares unequal to what a reader types and renders badly in
     * some fonts. Display and comparison use the composed form (NFC); the certificate stays untouched.
     */
    static String nfc(String s) {
        return s == null ? null : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
