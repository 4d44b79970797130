package vn.kyso.validation.internal;

import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.PDFRevisionWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.enumerations.TimestampType;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.validation.reports.Reports;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.kyso.validation.Explanation;
import vn.kyso.validation.SignatureReport;
import vn.kyso.validation.Verdict;

/**
 * PDF document time-stamps that no signature owns (a file only time-stamped, or a time-stamp placed
 * before the first signature), each reported like a signature: who (the time-stamp unit), when, what it
 * covers and what changed after it. Without this a time-stamped PDF reads as "no signature".
 */
final class DocumentTimestamps {

    static final String FORMAT = "PAdES-DOCUMENT-TIMESTAMP";

    private DocumentTimestamps() {
    }

    static List<SignatureReport> of(Reports reports, TrustAnchors anchors, PdfRevisions revisions,
            Set<String> otherFields) {
        SimpleReport simple = reports.getSimpleReport();
        DiagnosticData diagnostic = reports.getDiagnosticData();
        List<SignatureReport> result = new ArrayList<>();
        for (String id : simple.getTimestampIdList()) {
            TimestampWrapper t = diagnostic.getTimestampById(id);
            if (t == null || t.getType() != TimestampType.DOCUMENT_TIMESTAMP || t.getPDFRevision() == null) {
                continue;
            }
            result.add(report(t, simple, diagnostic, anchors, revisions, otherFields));
        }
        return result;
    }

    private static SignatureReport report(TimestampWrapper t, SimpleReport simple, DiagnosticData diagnostic,
            TrustAnchors anchors, PdfRevisions revisions, Set<String> signedFields) {
        Indication indication = simple.getIndication(t.getId());
        SubIndication sub = simple.getSubIndication(t.getId());
        Verdict verdict = Reasons.verdict(indication);
        Explanation reason = verdict == Verdict.VALID
                ? new Explanation("VALID", "Dấu thời gian hợp lệ", "The time-stamp is valid")
                : Reasons.has(sub) ? Reasons.explain(indication, sub) : Reasons.explain(indication, null);
        SignatureFacts.Names names = SignatureFacts.names(t.getSigningCertificate());
        SignatureReport.CertificateInfo certificate = SignatureFacts.certificate(t.getSigningCertificate());
        PDFRevisionWrapper revision = t.getPDFRevision();
        Set<String> others = new java.util.HashSet<>(signedFields);
        others.removeAll(revision.getSignatureFieldNames());
        return new SignatureReport(t.getId(), verdict, reason, names.commonName(), names.organisation(),
                SignatureFacts.family(t, anchors), certificate,
                SignatureFacts.revocation(diagnostic, t.getSigningCertificate()),
                SignatureFacts.instant(t.getProductionTime()),
                List.of(new SignatureReport.TimestampInfo("DOCUMENT_TIMESTAMP",
                        SignatureFacts.instant(t.getProductionTime()), names.commonName(),
                        indication == Indication.PASSED, certificate == null ? null : certificate.notAfter())),
                FORMAT, Coverage.pdf(revision, revisions), PdfChanges.of(revision, others));
    }
}
