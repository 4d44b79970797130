package vn.kyso.validation.internal;

import eu.europa.esig.dss.alert.SilentOnStatusAlert;
import eu.europa.esig.dss.asic.cades.ASiCWithCAdESSignatureParameters;
import eu.europa.esig.dss.asic.cades.signature.ASiCWithCAdESService;
import eu.europa.esig.dss.asic.xades.ASiCWithXAdESSignatureParameters;
import eu.europa.esig.dss.asic.xades.signature.ASiCWithXAdESService;
import eu.europa.esig.dss.enumerations.ASiCContainerType;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.JWSSerializationType;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.jades.JAdESSignatureParameters;
import eu.europa.esig.dss.jades.signature.JAdESService;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.signature.AbstractSignatureParameters;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import vn.kyso.core.KeyFamily;
import vn.kyso.demopki.DemoIdentity;
import vn.kyso.demopki.DemoPki;

/**
 * Signs with DSS directly, for what the signing service rightly refuses or does not offer: an expired
 * certificate, ASiC-S containers and compact JWS. Keys come from the demo PKI: the software key of
 * {@code remote-signer}, or a token key through the family's SunPKCS11 provider.
 */
final class DirectSigner {

    private final List<X509Certificate> chain;
    private final PrivateKey key;
    private final Provider provider;

    private DirectSigner(List<X509Certificate> chain, PrivateKey key, Provider provider) {
        this.chain = chain;
        this.key = key;
        this.provider = provider;
    }

    /** The software key of {@code remote-signer} (public family). */
    static DirectSigner software(DemoPki pki) {
        KeyStore.PrivateKeyEntry entry = pki.softwareKey("remote-signer");
        return new DirectSigner(pki.identity("remote-signer").chain(), entry.getPrivateKey(), null);
    }

    /** A key in a SoftHSM2 token, used through the PKI's own SunPKCS11 provider. */
    static DirectSigner token(DemoPki pki, String alias) throws Exception {
        DemoIdentity identity = pki.identity(alias);
        KeyFamily family = identity.family();
        Provider provider = pki.pkcs11Provider(family);
        char[] pin = Files.readAllLines(pki.pinFile(family)).get(0).strip().toCharArray();
        KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
        keyStore.load(null, pin);
        for (String name : Collections.list(keyStore.aliases())) {
            if (keyStore.isKeyEntry(name)) {
                X509Certificate c = (X509Certificate) keyStore.getCertificate(name);
                if (c != null && c.equals(identity.certificate())) {
                    return new DirectSigner(identity.chain(), (PrivateKey) keyStore.getKey(name, null), provider);
                }
            }
        }
        throw new IllegalStateException("no key for " + alias + " in token " + identity.tokenLabel());
    }

    /** Any key with its chain, for certificates a test makes itself. */
    static DirectSigner of(List<X509Certificate> chain, PrivateKey key) {
        return new DirectSigner(List.copyOf(chain), key, null);
    }

    /** The key's signature over {@code data} as given, as signing software that builds its own CMS does. */
    byte[] signRaw(byte[] data) {
        try {
            SignatureAlgorithm algorithm = SignatureAlgorithm.getAlgorithm(
                    eu.europa.esig.dss.enumerations.EncryptionAlgorithm.forKey(chain.get(0).getPublicKey()),
                    DigestAlgorithm.SHA256);
            Signature s = provider == null ? Signature.getInstance(algorithm.getJCEId())
                    : Signature.getInstance(algorithm.getJCEId(), provider);
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    X509Certificate certificate() {
        return chain.get(0);
    }

    byte[] pades(byte[] pdf, Instant signingTime) {
        PAdESSignatureParameters p = common(new PAdESSignatureParameters(), SignatureLevel.PAdES_BASELINE_B,
                signingTime);
        PAdESService service = new PAdESService(verifier());
        return sign(p, d -> service.getDataToSign(d, p), (d, v) -> service.signDocument(d, p, v),
                new InMemoryDocument(pdf, "letter.pdf"));
    }

    /** PAdES B-B naming a signature policy whose document is at {@code policyUrl} (SPURI). */
    byte[] padesWithPolicy(byte[] pdf, String policyUrl) {
        PAdESSignatureParameters p = common(new PAdESSignatureParameters(), SignatureLevel.PAdES_BASELINE_B,
                Instant.now());
        eu.europa.esig.dss.model.Policy policy = new eu.europa.esig.dss.model.Policy();
        policy.setId("1.2.3.4.5.6");
        policy.setDigestAlgorithm(DigestAlgorithm.SHA256);
        policy.setDigestValue(new byte[32]);
        policy.setSpuri(policyUrl);
        p.bLevel().setSignaturePolicy(policy);
        PAdESService service = new PAdESService(verifier());
        return sign(p, d -> service.getDataToSign(d, p), (d, v) -> service.signDocument(d, p, v),
                new InMemoryDocument(pdf, "letter.pdf"));
    }

    /** A certification signature (DocMDP) with the given permission, for the certification attacks. */
    byte[] padesCertified(byte[] pdf, eu.europa.esig.dss.enumerations.CertificationPermission permission) {
        PAdESSignatureParameters p = common(new PAdESSignatureParameters(), SignatureLevel.PAdES_BASELINE_B,
                Instant.now());
        p.setPermission(permission);
        PAdESService service = new PAdESService(verifier());
        return sign(p, d -> service.getDataToSign(d, p), (d, v) -> service.signDocument(d, p, v),
                new InMemoryDocument(pdf, "letter.pdf"));
    }

    /**
     * A visible signature whose appearance writes {@code text} in the rectangle (DSS's coordinates: from
     * the top left of page 1, in points).
     */
    byte[] padesVisible(byte[] pdf, String text, float x, float y, float width, float height) {
        PAdESSignatureParameters p = common(new PAdESSignatureParameters(), SignatureLevel.PAdES_BASELINE_B,
                Instant.now());
        eu.europa.esig.dss.pades.SignatureImageParameters image = new eu.europa.esig.dss.pades.SignatureImageParameters();
        eu.europa.esig.dss.pades.SignatureFieldParameters field = new eu.europa.esig.dss.pades.SignatureFieldParameters();
        field.setPage(1);
        field.setOriginX(x);
        field.setOriginY(y);
        field.setWidth(width);
        field.setHeight(height);
        image.setFieldParameters(field);
        eu.europa.esig.dss.pades.SignatureImageTextParameters words = new eu.europa.esig.dss.pades.SignatureImageTextParameters();
        words.setText(text);
        image.setTextParameters(words);
        p.setImageParameters(image);
        PAdESService service = new PAdESService(verifier());
        return sign(p, d -> service.getDataToSign(d, p), (d, v) -> service.signDocument(d, p, v),
                new InMemoryDocument(pdf, "letter.pdf"));
    }

    /** A signature added where the document's certification forbids one, as an attacker's tool would. */
    byte[] padesIgnoringCertification(byte[] pdf) {
        PAdESSignatureParameters p = common(new PAdESSignatureParameters(), SignatureLevel.PAdES_BASELINE_B,
                Instant.now());
        PAdESService service = new PAdESService(verifier());
        eu.europa.esig.dss.pdf.pdfbox.PdfBoxDefaultObjectFactory objects =
                new eu.europa.esig.dss.pdf.pdfbox.PdfBoxDefaultObjectFactory();
        eu.europa.esig.dss.pdf.PdfPermissionsChecker permissions = new eu.europa.esig.dss.pdf.PdfPermissionsChecker();
        permissions.setAlertOnForbiddenSignatureCreation(new SilentOnStatusAlert());
        objects.setPdfPermissionsChecker(permissions);
        service.setPdfObjFactory(objects);
        return sign(p, d -> service.getDataToSign(d, p), (d, v) -> service.signDocument(d, p, v),
                new InMemoryDocument(pdf, "letter.pdf"));
    }

    /** A PAdES document time-stamp from the demo TSA, with no signature at all. */
    static byte[] documentTimestamp(DemoPki pki, byte[] pdf) {
        CommonCertificateVerifier verifier = verifier();
        // a bare time-stamp: no long-term data is gathered, so nothing is missing
        verifier.setAlertOnMissingRevocationData(new SilentOnStatusAlert());
        PAdESService service = new PAdESService(verifier);
        service.setTspSource(new eu.europa.esig.dss.service.tsp.OnlineTSPSource(pki.tsaUrl()));
        return DSSUtils.toByteArray(service.timestamp(new InMemoryDocument(pdf, "letter.pdf"),
                new eu.europa.esig.dss.pades.PAdESTimestampParameters()));
    }

    /** A detached XAdES B-B whose one reference is {@code uri} (e.g. a URL the validator must not fetch). */
    byte[] xadesDetached(byte[] content, String uri) {
        eu.europa.esig.dss.xades.XAdESSignatureParameters p = common(
                new eu.europa.esig.dss.xades.XAdESSignatureParameters(), SignatureLevel.XAdES_BASELINE_B,
                Instant.now());
        p.setSignaturePackaging(SignaturePackaging.DETACHED);
        eu.europa.esig.dss.xades.signature.XAdESService service =
                new eu.europa.esig.dss.xades.signature.XAdESService(verifier());
        return sign(p, d -> service.getDataToSign(d, p), (d, v) -> service.signDocument(d, p, v),
                new InMemoryDocument(content, uri));
    }

    byte[] asicsXades(byte[] content, String name) {
        ASiCWithXAdESSignatureParameters p = common(new ASiCWithXAdESSignatureParameters(),
                SignatureLevel.XAdES_BASELINE_B, Instant.now());
        p.aSiC().setContainerType(ASiCContainerType.ASiC_S);
        ASiCWithXAdESService service = new ASiCWithXAdESService(verifier());
        return sign(p, d -> service.getDataToSign(d, p), (d, v) -> service.signDocument(d, p, v),
                new InMemoryDocument(content, name));
    }

    byte[] asicsCades(byte[] content, String name) {
        ASiCWithCAdESSignatureParameters p = common(new ASiCWithCAdESSignatureParameters(),
                SignatureLevel.CAdES_BASELINE_B, Instant.now());
        p.aSiC().setContainerType(ASiCContainerType.ASiC_S);
        ASiCWithCAdESService service = new ASiCWithCAdESService(verifier());
        return sign(p, d -> service.getDataToSign(d, p), (d, v) -> service.signDocument(d, p, v),
                new InMemoryDocument(content, name));
    }

    byte[] jwsCompact(byte[] payload) {
        JAdESSignatureParameters p = common(new JAdESSignatureParameters(), SignatureLevel.JAdES_BASELINE_B,
                Instant.now());
        p.setSignaturePackaging(SignaturePackaging.ENVELOPING);
        p.setJwsSerializationType(JWSSerializationType.COMPACT_SERIALIZATION);
        JAdESService service = new JAdESService(verifier());
        return sign(p, d -> service.getDataToSign(d, p), (d, v) -> service.signDocument(d, p, v),
                new InMemoryDocument(payload, "payload.json"));
    }

    private <P extends AbstractSignatureParameters<?>> P common(P p, SignatureLevel level, Instant signingTime) {
        p.setSignatureLevel(level);
        p.setDigestAlgorithm(DigestAlgorithm.SHA256);
        p.setSigningCertificate(new CertificateToken(chain.get(0)));
        p.setCertificateChain(chain.stream().map(CertificateToken::new).toList());
        p.bLevel().setSigningDate(Date.from(signingTime));
        return p;
    }

    private byte[] sign(AbstractSignatureParameters<?> p, Function<DSSDocument, ToBeSigned> dataToSign,
            java.util.function.BiFunction<DSSDocument, SignatureValue, DSSDocument> signDocument, DSSDocument doc) {
        try {
            ToBeSigned toBeSigned = dataToSign.apply(doc);
            SignatureAlgorithm algorithm = SignatureAlgorithm.getAlgorithm(
                    eu.europa.esig.dss.enumerations.EncryptionAlgorithm.forKey(chain.get(0).getPublicKey()),
                    p.getDigestAlgorithm());
            Signature s = provider == null ? Signature.getInstance(algorithm.getJCEId())
                    : Signature.getInstance(algorithm.getJCEId(), provider);
            s.initSign(key);
            s.update(toBeSigned.getBytes());
            return DSSUtils.toByteArray(signDocument.apply(doc, new SignatureValue(algorithm, s.sign())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static CommonCertificateVerifier verifier() {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        // B-B needs no evidence, and the point of some tests is a certificate that has since expired.
        verifier.setAlertOnExpiredCertificate(new SilentOnStatusAlert());
        verifier.setAlertOnNotYetValidCertificate(new SilentOnStatusAlert());
        return verifier;
    }
}
