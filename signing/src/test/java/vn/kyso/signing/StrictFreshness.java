package vn.kyso.signing;

import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.RevocationWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.enumerations.TimestampType;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.policy.ValidationPolicy;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.policy.ValidationPolicyFacade;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vn.kyso.core.KeyFamily;
import vn.kyso.demopki.DemoPki;

/**
 * Validates signed output the way a strict validator years from now would: offline (only the
 * evidence the document carries), against the demo trust anchors, with DSS's default policy whose
 * revocation freshness constraints are at FAIL with a maximum freshness of 0, i.e. every OCSP/CRL
 * answer relied on must be issued after the best-signature-time.
 */
public final class StrictFreshness {

    private static final ValidationPolicy POLICY = load();

    private StrictFreshness() {
    }

    /**
     * One signature's verdict and the facts behind it: the earliest signature time-stamp and the issue
     * times of all revocation data in the document.
     */
    public record Verdict(String signatureId, Indication indication, SubIndication subIndication,
            Instant signatureTimeStamp, List<Instant> archiveTimeStamps, List<Instant> revocationIssued,
            List<String> errors) {

        /** The revocation answers issued at or before the signature's time-stamp. */
        public List<Instant> stale() {
            return revocationIssued.stream().filter(t -> signatureTimeStamp == null || !t.isAfter(signatureTimeStamp))
                    .toList();
        }
    }

    public static List<Verdict> validate(DemoPki pki, byte[] signed, Document... detachedOriginals) {
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        for (KeyFamily f : KeyFamily.values()) {
            pki.trustAnchors(f).forEach(c -> trusted.addCertificate(new CertificateToken(c)));
        }
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(trusted);
        // Offline: answers fetched today would hide stale ones in the document.
        verifier.setOcspSource(null);
        verifier.setCrlSource(null);
        verifier.setAIASource(null);
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(signed));
        validator.setCertificateVerifier(verifier);
        List<DSSDocument> detached = new ArrayList<>();
        for (Document d : detachedOriginals) {
            detached.add(new InMemoryDocument(d.content(), d.name()));
        }
        if (!detached.isEmpty()) {
            validator.setDetachedContents(detached);
        }
        Reports reports = validator.validateDocument(POLICY);
        SimpleReport report = reports.getSimpleReport();
        DiagnosticData diagnostic = reports.getDiagnosticData();
        List<Instant> issued = diagnostic.getAllRevocationData().stream()
                .map(RevocationWrapper::getThisUpdate).map(java.util.Date::toInstant).toList();
        List<Verdict> verdicts = new ArrayList<>();
        for (String id : report.getSignatureIdList()) {
            Instant timeStamp = diagnostic.getSignatureById(id).getTimestampList().stream()
                    .filter(t -> t.getType() == TimestampType.SIGNATURE_TIMESTAMP)
                    .map(TimestampWrapper::getProductionTime).map(java.util.Date::toInstant)
                    .min(Comparator.naturalOrder()).orElse(null);
            // PAdES document time-stamps are the document's, not the signature's, in DSS's diagnostic data.
            List<Instant> archives = diagnostic.getTimestampList().stream()
                    .filter(t -> t.getType().isArchivalTimestamp() || t.getType().isDocumentTimestamp())
                    .map(TimestampWrapper::getProductionTime).map(java.util.Date::toInstant).sorted().toList();
            List<String> errors = new ArrayList<>();
            report.getAdESValidationErrors(id).forEach(m -> errors.add(m.getValue()));
            for (String ts : report.getTimestampIdList()) {
                report.getAdESValidationErrors(ts).forEach(m -> errors.add("time-stamp " + ts + ": " + m.getValue()));
            }
            verdicts.add(new Verdict(id, report.getIndication(id), report.getSubIndication(id), timeStamp, archives,
                    issued, errors));
        }
        return verdicts;
    }

    private static ValidationPolicy load() {
        try (InputStream in = StrictFreshness.class.getResourceAsStream("/policy/strict-freshness-constraint.xml")) {
            return ValidationPolicyFacade.newFacade().getValidationPolicy(in);
        } catch (Exception e) {
            throw new IllegalStateException("the strict freshness policy cannot be read", e);
        }
    }
}
