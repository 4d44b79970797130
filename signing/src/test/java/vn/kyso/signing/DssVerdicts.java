package vn.kyso.signing;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import java.util.ArrayList;
import java.util.List;
import vn.kyso.core.KeyFamily;
import vn.kyso.demopki.DemoPki;

/**
 * Validates signed output with plain DSS against the demo trust anchors, fetching revocation data
 * online from the demo responders, as an independent check of what the service produced.
 */
public final class DssVerdicts {

    private DssVerdicts() {
    }

    /** One validated signature: DSS's indication and the format/level it recognised. */
    public record Verdict(Indication indication, String subIndication, String format) {
    }

    public static List<Verdict> validate(DemoPki pki, byte[] signed, Document... detachedOriginals) {
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        for (KeyFamily f : KeyFamily.values()) {
            pki.trustAnchors(f).forEach(c -> trusted.addCertificate(new CertificateToken(c)));
        }
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(trusted);
        verifier.setOcspSource(new OnlineOCSPSource());
        verifier.setCrlSource(new OnlineCRLSource());
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(signed));
        validator.setCertificateVerifier(verifier);
        List<DSSDocument> detached = new ArrayList<>();
        for (Document d : detachedOriginals) {
            detached.add(new InMemoryDocument(d.content(), d.name()));
        }
        if (!detached.isEmpty()) {
            validator.setDetachedContents(detached);
        }
        SimpleReport report = validator.validateDocument().getSimpleReport();
        List<Verdict> verdicts = new ArrayList<>();
        for (String id : report.getSignatureIdList()) {
            verdicts.add(new Verdict(report.getIndication(id), String.valueOf(report.getSubIndication(id)),
                    String.valueOf(report.getSignatureFormat(id))));
        }
        return verdicts;
    }
}
