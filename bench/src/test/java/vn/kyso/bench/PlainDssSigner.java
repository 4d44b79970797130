package vn.kyso.bench;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs11SignatureToken;
import java.nio.file.Files;
import java.security.KeyStore;
import vn.kyso.core.KeyFamily;
import vn.kyso.demopki.DemoIdentity;
import vn.kyso.demopki.DemoPki;

/**
 * Plain DSS in process as its cookbook shows it: a new verifier with online OCSP and CRL sources and a new
 * {@code PAdESService} with the online TSP source per call, DSS's own PKCS#11 token on the same key (its
 * key entry looked up once).
 */
final class PlainDssSigner {

    private final DemoPki pki;
    private final Pkcs11SignatureToken token;
    private final DSSPrivateKeyEntry key;

    PlainDssSigner(DemoPki pki, String alias) throws Exception {
        this.pki = pki;
        char[] pin = Files.readString(pki.pinFile(KeyFamily.SPECIALISED)).strip().toCharArray();
        this.token = new Pkcs11SignatureToken(pki.pkcs11Library(), new KeyStore.PasswordProtection(pin),
                Math.toIntExact(pki.slotId(KeyFamily.SPECIALISED)));
        DemoIdentity id = pki.identity(alias);
        this.key = token.getKeys().stream()
                .filter(k -> k.getCertificate().getCertificate().equals(id.certificate()))
                .findFirst().orElseThrow();
    }

    byte[] sign(byte[] pdf, String level) throws Exception {
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        for (KeyFamily f : KeyFamily.values()) {
            pki.trustAnchors(f).forEach(c -> trusted.addCertificate(new CertificateToken(c)));
        }
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(trusted);
        verifier.setOcspSource(new OnlineOCSPSource());
        verifier.setCrlSource(new OnlineCRLSource());
        PAdESService service = new PAdESService(verifier);
        service.setTspSource(new OnlineTSPSource(pki.tsaUrl()));
        PAdESSignatureParameters p = new PAdESSignatureParameters();
        p.setSignatureLevel(SignatureLevel.valueOf("PAdES_BASELINE_" + level.substring(2)));
        p.setSigningCertificate(key.getCertificate());
        p.setCertificateChain(key.getCertificateChain());
        DSSDocument doc = new InMemoryDocument(pdf, "letter.pdf");
        ToBeSigned tbs = service.getDataToSign(doc, p);
        SignatureValue value = token.sign(tbs, p.getDigestAlgorithm(), key);
        try (var in = service.signDocument(doc, p, value).openStream()) {
            return in.readAllBytes();
        }
    }
}
