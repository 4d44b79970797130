package vn.kyso.validation.internal;

import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.PDFRevisionWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.validation.reports.Reports;
import java.math.BigInteger;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.kyso.core.KeyFamily;
import vn.kyso.validation.Explanation;
import vn.kyso.validation.SignatureReport;
import vn.kyso.validation.Verdict;

/**
 * One signature's report from DSS's: its verdict and reason, signer, certificate, revocation, time-stamps,
 * coverage and the changes after it, each judged on its own. What the other signatures and the document's
 * structure then make of it (a change after it, a trick) is {@link ReportAssembler}'s, which decides the
 * document.
 */
final class SignatureAssembler {

    private final TrustAnchors anchors;
    private final boolean offline;

    SignatureAssembler(TrustAnchors anchors, boolean offline) {
        this.anchors = anchors;
        this.offline = offline;
    }

    SignatureReport of(SignatureWrapper s, Reports reports, ReportAssembler.Input input, PdfRevisions revisions,
            Set<String> signedFields, XmlSignatures xml) {
        DiagnosticData diagnostic = reports.getDiagnosticData();
        SimpleReport simple = reports.getSimpleReport();
        Indication indication = simple.getIndication(s.getId());
        SubIndication sub = simple.getSubIndication(s.getId());
        CertificateWrapper signer = s.getSigningCertificate();
        SignatureReport.RevocationInfo revocation = SignatureFacts.revocation(diagnostic, signer);
        SignatureReport.CertificateInfo certificate = SignatureFacts.certificate(signer);
        List<SignatureReport.TimestampInfo> timestamps = SignatureFacts.timestamps(s, reports.getDetailedReport());
        XmlSignatures.Sig xmlSig = xml == null ? null : xml.byValue(s.getSignatureValue()).orElse(null);
        Instant claimed = SignatureFacts.instant(s.getClaimedSigningTime());
        if (claimed == null && xmlSig != null) {
            // a plain XMLDSig's SigningTime in its SignatureProperties (e-invoices), signed but not XAdES
            claimed = xmlSig.signingTime();
        }
        // Which fields were filled in only counts for a signature that leaves some open (PdfChanges); without
        // a lock none is, so the two PDF loads of the comparison are skipped and PdfChanges gets "unknown".
        List<Explanation> changes = revisions == null ? List.of()
                : PdfChanges.of(s.getPDFRevision(), otherFields(signedFields, s.getPDFRevision()),
                        FieldLocks.of(s.getPDFRevision()).none() ? null
                                : FilledFields.changed(input.document().content(), s.getPDFRevision()));
        Verdict verdict = Reasons.verdict(indication);
        Explanation reason = SignatureReason.of(indication, sub, new SignatureReason.Facts(input.validatedAt(),
                certificate == null ? null : certificate.notAfter(), claimed, timestamps, revocation, changes),
                offline);
        if (sub == SubIndication.SIG_CRYPTO_FAILURE && revisions != null && signer != null) {
            // signed attributes not in DER, signed as written: genuine, but not conformant
            Optional<Explanation> asEncoded = AsEncodedSignedAttributes.recheck(input.document().content(),
                    byteRange(s.getPDFRevision()), signer.getBinaries());
            if (asEncoded.isPresent()) {
                verdict = Verdict.INDETERMINATE;
                reason = asEncoded.get();
            }
        }
        SignatureFacts.Names names = SignatureFacts.names(signer);
        Explanation coverage = revisions != null ? Coverage.pdf(s.getPDFRevision(), revisions)
                : Coverage.other(s, input.kind(), input.originals());
        String format = simple.getSignatureFormat(s.getId()) == null ? "—"
                : simple.getSignatureFormat(s.getId()).toString();
        KeyFamily family = SignatureFacts.family(s, anchors);
        if (xmlSig != null && PlainXmlSignature.is(format)) {
            reason = PlainXmlSignature.reason(reason, sub, s, xmlSig, family != null);
            coverage = PlainXmlSignature.coverage(xmlSig);
            if (signer == null && xmlSig.keyInfoSigner() != null) {
                // DSS could not name the signer because the data changed (see XmlSignatures.keyInfoSigner)
                names = SignatureFacts.names(xmlSig.keyInfoSigner());
                certificate = SignatureFacts.certificate(xmlSig.keyInfoSigner());
                Optional<PlainXmlSignature.Judgement> problem = PlainXmlSignature.dataProblem(s, xmlSig);
                if (problem.isPresent()) {
                    verdict = problem.get().verdict();
                    reason = problem.get().reason();
                }
            }
        }
        if (xmlSig != null && xmlSig.xades() && xmlSig.enveloping() && coverage.code().equals(Coverage.PARTIAL)) {
            // DSS names the ds:Object as a part; it holds the whole document that was signed
            coverage = new Explanation(Coverage.WHOLE_DOCUMENT, "Toàn bộ tài liệu (nằm trong chữ ký)",
                    "The whole document (inside the signature)");
        }
        if (input.kind() == ContentKind.ZIP && sub == SubIndication.SIGNED_DATA_NOT_FOUND) {
            // the signed files belong inside the container: one missing is a broken container, not an
            // original for the user to supply
            reason = Intactness.missingFiles(s).orElse(reason);
        }
        if (xmlSig != null && sub == SubIndication.SIGNED_DATA_NOT_FOUND && !xmlSig.hasExternalReference()) {
            reason = PlainXmlSignature.referencedDataMissing();
        }
        return new SignatureReport(s.getId(), verdict, reason, names.commonName(), names.organisation(),
                family, certificate, revocation, claimed, timestamps, format, coverage, changes);
    }

    private static Set<String> otherFields(Set<String> all, PDFRevisionWrapper own) {
        if (own == null) {
            return all;
        }
        Set<String> others = new HashSet<>(all);
        others.removeAll(own.getSignatureFieldNames());
        return others;
    }

    private static long[] byteRange(PDFRevisionWrapper revision) {
        if (revision == null || revision.getSignatureByteRange().size() != 4) {
            return new long[] {-1, -1, -1, -1};
        }
        return revision.getSignatureByteRange().stream().mapToLong(BigInteger::longValue).toArray();
    }
}
