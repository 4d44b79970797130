package vn.kyso.signing.internal;

import eu.europa.esig.dss.crl.CRLBinary;
import eu.europa.esig.dss.crl.CRLUtils;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.RevocationOrigin;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.revocation.crl.CRLSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.CRLToken;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A tiny offline PKI — one root, the authorised person and the organisation, and an empty CRL — and
 * PAdES signing with software keys through DSS's two-phase contract (data to sign, external
 * signature value, signed document), the same contract the HSM path uses with its keys.
 */
final class SoftwareSigner {

    final X509Certificate root;
    private final KeyPair rootKeys;
    private final X500Name rootName;
    private final Identity person;
    private final Identity organisation;

    record Identity(X509Certificate certificate, PrivateKey key) {
    }

    SoftwareSigner() {
        try {
            rootKeys = rsa();
            rootName = new X500Name("CN=Kyso Test Root CA, O=Kyso Test, C=VN");
            Instant now = Instant.now();
            root = certificate(rootName, rootKeys, rootName, rootKeys, now, true, 1);
            person = identity("CN=Nguyễn Văn An, O=" + SampleLetters.ISSUER + ", C=VN", now, 2);
            organisation = identity("CN=" + SampleLetters.ISSUER + ", O=" + SampleLetters.ISSUER + ", C=VN", now, 3);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Identity person() {
        return person;
    }

    Identity organisation() {
        return organisation;
    }

    /** Signs at PAdES B-B; {@code image} null gives an invisible signature. */
    byte[] sign(byte[] pdf, Identity signer, SignatureImageParameters image, Instant signingTime) {
        PAdESService service = new PAdESService(new CommonCertificateVerifier());
        service.setPdfObjFactory(Decree30Layout.objectFactory());
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.PAdES_BASELINE_B);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(new CertificateToken(signer.certificate()));
        parameters.setCertificateChain(List.of(new CertificateToken(root)));
        parameters.bLevel().setSigningDate(Date.from(signingTime));
        if (image != null) {
            parameters.setImageParameters(image);
        }
        DSSDocument document = new InMemoryDocument(pdf, "letter.pdf");
        ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(signer.key());
            rsa.update(toBeSigned.getBytes());
            SignatureValue value = new SignatureValue(SignatureAlgorithm.RSA_SHA256, rsa.sign());
            return DSSUtils.toByteArray(service.signDocument(document, parameters, value));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Revocation for validation without a network: an empty CRL from the root, issued now. */
    CRLSource crlSource() {
        return (certificate, issuer) -> {
            try {
                Instant now = Instant.now();
                X509v2CRLBuilder builder = new X509v2CRLBuilder(rootName, Date.from(now.minusSeconds(1)));
                builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(7))));
                byte[] crl = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(rootKeys.getPrivate()))
                        .getEncoded();
                CRLBinary binary = CRLUtils.buildCRLBinary(crl);
                CRLToken token = new CRLToken(certificate, CRLUtils.buildCRLValidity(binary, issuer));
                token.setExternalOrigin(RevocationOrigin.EXTERNAL);
                return token;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private Identity identity(String subject, Instant now, int serial) throws Exception {
        KeyPair keys = rsa();
        return new Identity(certificate(new X500Name(subject), keys, rootName, rootKeys, now, false, serial),
                keys.getPrivate());
    }

    private static X509Certificate certificate(X500Name subject, KeyPair subjectKeys, X500Name issuer,
                                               KeyPair issuerKeys, Instant now, boolean ca, int serial)
            throws Exception {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(serial),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), subject,
                subjectKeys.getPublic());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                extensions.createSubjectKeyIdentifier(subjectKeys.getPublic()));
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                extensions.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
        builder.addExtension(Extension.keyUsage, true, ca
                ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
                : new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
