package vn.kyso.demopki;

import java.math.BigInteger;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Makes the keys and certificates of the demo PKI. */
final class CertificateIssuer {

    static final String SIGNATURE_ALGORITHM = "SHA256withRSA";
    private static final String TSA_NAME = "Demo Time-Stamping Authority";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI baseUri;
    private final Instant now;

    /** @param baseUri the responders' address, written into AIA and CRL distribution points */
    CertificateIssuer(URI baseUri, Instant now) {
        this.baseUri = baseUri;
        this.now = now;
    }

    static KeyPair generateKeyPair(String algorithm) {
        try {
            KeyPairGenerator generator;
            switch (algorithm) {
                case IdentitySpec.RSA_2048 -> {
                    generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(2048, RANDOM);
                }
                case "RSA-3072" -> {
                    generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(3072, RANDOM);
                }
                case IdentitySpec.EC_P256 -> {
                    generator = KeyPairGenerator.getInstance("EC");
                    generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
                }
                default -> throw new IllegalArgumentException("unsupported key algorithm " + algorithm);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + algorithm + " key", e);
        }
    }

    /** A random positive serial of exactly 16 bytes, as CA/Browser Forum practice recommends. */
    static BigInteger randomSerial() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        bytes[0] = (byte) ((bytes[0] & 0x7F) | 0x40);
        return new BigInteger(1, bytes);
    }

    X509Certificate root(CaId ca, KeyPair keys) {
        // Back-dated so that the expired end-entity certificate still chains to a CA valid at its time.
        Instant notBefore = yearsFromNow(-5);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(caName(ca), randomSerial(),
                Date.from(notBefore), Date.from(yearsFromNow(25)), caName(ca), keys.getPublic());
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    utils.createSubjectKeyIdentifier(keys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(keys.getPublic()));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot build root certificate " + ca.id(), e);
        }
        return sign(builder, keys.getPrivate(), ca);
    }

    X509Certificate subordinate(CaId ca, PublicKey publicKey, CertificateAuthority issuer) {
        X509v3CertificateBuilder builder = builder(issuer, caName(ca), publicKey,
                yearsFromNow(-4), yearsFromNow(15));
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot build CA certificate " + ca.id(), e);
        }
        return sign(builder, issuer.privateKey(), issuer.id());
    }

    X509Certificate endEntity(IdentitySpec spec, PublicKey publicKey, CertificateAuthority issuer) {
        Instant notBefore = spec.expired() ? yearsFromNow(-2) : now.minus(Duration.ofDays(1));
        Instant notAfter = spec.expired() ? yearsFromNow(-1) : yearsFromNow(3);
        X509v3CertificateBuilder builder = builder(issuer, endEntityName(spec), publicKey, notBefore, notAfter);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot build certificate " + spec.alias(), e);
        }
        return sign(builder, issuer.privateKey(), issuer.id());
    }

    X509Certificate timeStampingAuthority(PublicKey publicKey, CertificateAuthority issuer) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.O, issuer.id().organisation())
                .addRDN(BCStyle.CN, TSA_NAME)
                .build();
        X509v3CertificateBuilder builder = builder(issuer, subject, publicKey,
                now.minus(Duration.ofDays(1)), yearsFromNow(10));
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            // RFC 3161 section 2.3: the TSA certificate has exactly this one purpose, marked critical.
            builder.addExtension(Extension.extendedKeyUsage, true,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot build the TSA certificate", e);
        }
        return sign(builder, issuer.privateKey(), issuer.id());
    }

    static X500Name caName(CaId ca) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.O, ca.organisation())
                .addRDN(BCStyle.CN, ca.commonName())
                .build();
    }

    static X500Name endEntityName(IdentitySpec spec) {
        // Encoded most significant first, so Java prints "CN=..., UID=..., O=..., C=VN".
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.O, spec.organisation())
                .addRDN(BCStyle.UID, spec.uid())
                .addRDN(BCStyle.CN, spec.displayName())
                .build();
    }

    /** Common part of every issued certificate: SKI, AKI and where to find the issuer's status. */
    private X509v3CertificateBuilder builder(CertificateAuthority issuer, X500Name subject, PublicKey publicKey,
                                             Instant notBefore, Instant notAfter) {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer.certificate(), randomSerial(),
                Date.from(notBefore), Date.from(notAfter), subject, publicKey);
        String ca = issuer.id().id();
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(issuer.certificate()));
            builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                    new AccessDescription[] {
                        new AccessDescription(AccessDescription.id_ad_ocsp, uri("/ocsp/" + ca)),
                        new AccessDescription(AccessDescription.id_ad_caIssuers, uri("/ca/" + ca + ".cer"))
                    }));
            builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(new GeneralNames(uri("/crl/" + ca + ".crl"))),
                        null, null)
            }));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot build certificate extensions", e);
        }
        return builder;
    }

    private GeneralName uri(String path) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, baseUri + path);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey, CaId issuer) {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(issuerKey)));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a certificate with " + issuer.id(), e);
        }
    }

    private Instant yearsFromNow(int years) {
        return now.atZone(ZoneOffset.UTC).plusYears(years).toInstant();
    }
}
