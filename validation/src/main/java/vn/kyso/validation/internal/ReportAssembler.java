package vn.kyso.validation.internal;

import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.PDFRevisionWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.validation.reports.Reports;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.kyso.core.KeyFamily;
import vn.kyso.validation.Explanation;
import vn.kyso.validation.SignatureReport;
import vn.kyso.validation.SignedFile;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.Verdict;

/**
 * Builds our report from DSS's: one {@link SignatureReport} per signature in signing order, then the
 * whole-document verdict, which is stricter than any single signature's — a document is VALID only if
 * every signature is, and nothing outside the permitted kinds was changed after any of them.
 */
final class ReportAssembler {

    static final String MODIFIED_AFTER_SIGNING = "MODIFIED_AFTER_SIGNING";
    static final String INCOMPLETE_REVISION = "INCOMPLETE_REVISION";

    private final TrustAnchors anchors;
    private final boolean offline;

    ReportAssembler(TrustAnchors anchors, boolean offline) {
        this.anchors = anchors;
        this.offline = offline;
    }

    /** What the assembler needs to know about the request besides DSS's reports. */
    record Input(SignedFile document, String sha256, ContentKind kind, List<SignedFile> originals,
            Instant validatedAt) {
    }

    ValidationReport assemble(Reports reports, Input input) {
        DiagnosticData diagnostic = reports.getDiagnosticData();
        SimpleReport simple = reports.getSimpleReport();
        PdfRevisions revisions = input.kind() == ContentKind.PDF ? PdfRevisions.of(input.document().content()) : null;
        Set<String> signedFields = signedFields(diagnostic);

        List<SignatureWrapper> ordered = new ArrayList<>();
        for (String id : simple.getSignatureIdList()) {
            SignatureWrapper s = diagnostic.getSignatureById(id);
            if (s != null) {
                ordered.add(s);
            }
        }
        ordered.sort(Comparator.comparingLong(ReportAssembler::signedLength)
                .thenComparing(s -> Optional.ofNullable(s.getClaimedSigningTime()).orElse(new java.util.Date(0))));

        XmlSignatures xml = input.kind() == ContentKind.XML ? XmlSignatures.of(input.document().content()) : null;
        List<SignatureReport> signatures = new ArrayList<>();
        for (SignatureWrapper s : ordered) {
            signatures.add(signature(s, reports, input, revisions, signedFields, xml));
        }
        boolean damagedTail = revisions != null && !signatures.isEmpty()
                && !revisions.tailIntact(input.document().content());
        return document(signatures, input, damagedTail);
    }

    private SignatureReport signature(SignatureWrapper s, Reports reports, Input input, PdfRevisions revisions,
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
        List<Explanation> changes = revisions == null ? List.of()
                : PdfChanges.of(s.getPDFRevision(), otherFields(signedFields, s.getPDFRevision()));
        Verdict verdict = Reasons.verdict(indication);
        Explanation reason = SignatureReason.of(indication, sub, new SignatureReason.Facts(input.validatedAt(),
                certificate == null ? null : certificate.notAfter(), claimed, timestamps, revocation, changes),
                offline);
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
        if (xmlSig != null && sub == SubIndication.SIGNED_DATA_NOT_FOUND && !xmlSig.hasExternalReference()) {
            reason = PlainXmlSignature.referencedDataMissing();
        }
        return new SignatureReport(s.getId(), verdict, reason, names.commonName(), names.organisation(),
                family, certificate, revocation, claimed, timestamps, format, coverage, changes);
    }

    private ValidationReport document(List<SignatureReport> signatures, Input input, boolean damagedTail) {
        List<Explanation> findings = new ArrayList<>();
        Verdict verdict;
        Explanation reason = null;
        if (signatures.isEmpty()) {
            verdict = Verdict.UNSIGNED;
        } else {
            Optional<SignatureReport> invalid = first(signatures, Verdict.INVALID);
            Optional<SignatureReport> indeterminate = first(signatures, Verdict.INDETERMINATE);
            // The last signature's changes are those after every signature; report them as such if any,
            // else the first signature whose content a later revision changed.
            SignatureReport last = signatures.get(signatures.size() - 1);
            Optional<SignatureReport> modified = modified(last) ? Optional.of(last)
                    : signatures.stream().filter(ReportAssembler::modified).findFirst();
            if (modified.isPresent()) {
                findings.addAll(modificationFindings(modified.get(), signatures));
            }
            if (damagedTail) {
                findings.add(new Explanation(INCOMPLETE_REVISION,
                        "Phần cuối tệp PDF bị cắt hoặc hỏng (phiên bản cuối không hoàn chỉnh) — không được phép",
                        "The end of the PDF is cut off or damaged (the last revision is incomplete) — not permitted"));
            }
            if (invalid.isPresent()) {
                verdict = Verdict.INVALID;
                reason = invalid.get().reason();
            } else if (indeterminate.isPresent()) {
                verdict = Verdict.INDETERMINATE;
                reason = indeterminate.get().reason();
            } else if (!findings.isEmpty()) {
                // DSS only warns about these changes, or does not see them; a signed letter with new
                // content or a damaged tail is not "valid".
                verdict = Verdict.INDETERMINATE;
                reason = findings.get(0);
            } else {
                verdict = Verdict.VALID;
            }
        }
        return new ValidationReport(input.document().name(), input.sha256(), verdict,
                Headline.of(verdict, signatures, reason), input.validatedAt(), signatures, findings);
    }

    private static List<Explanation> modificationFindings(SignatureReport first, List<SignatureReport> all) {
        List<Explanation> findings = new ArrayList<>();
        boolean afterLast = first == all.get(all.size() - 1);
        String who = first.signerName();
        findings.add(afterLast
                ? new Explanation(MODIFIED_AFTER_SIGNING, "Nội dung đã bị thay đổi sau chữ ký cuối cùng",
                        "The content was changed after the last signature")
                : new Explanation(MODIFIED_AFTER_SIGNING,
                        "Nội dung đã bị thay đổi sau chữ ký của " + who + ", nên chữ ký đó không xác nhận nội dung"
                                + " hiện tại",
                        "The content was changed after the signature of " + who
                                + ", so that signature does not vouch for the current content"));
        first.changesAfterSigning().stream().filter(c -> !PdfChanges.permitted(c)).forEach(findings::add);
        return findings;
    }

    private static boolean modified(SignatureReport s) {
        return s.changesAfterSigning().stream().anyMatch(c -> !PdfChanges.permitted(c));
    }

    private static Optional<SignatureReport> first(List<SignatureReport> signatures, Verdict verdict) {
        return signatures.stream().filter(s -> s.verdict() == verdict).findFirst();
    }

    /** Field names of all signatures and document time-stamps of a PDF. */
    private static Set<String> signedFields(DiagnosticData diagnostic) {
        Set<String> fields = new HashSet<>();
        for (SignatureWrapper s : diagnostic.getSignatures()) {
            if (s.getPDFRevision() != null) {
                fields.addAll(s.getPDFRevision().getSignatureFieldNames());
            }
        }
        for (TimestampWrapper t : diagnostic.getTimestampList()) {
            if (t.getPDFRevision() != null) {
                fields.addAll(t.getPDFRevision().getSignatureFieldNames());
            }
        }
        return fields;
    }

    private static Set<String> otherFields(Set<String> all, PDFRevisionWrapper own) {
        if (own == null) {
            return all;
        }
        Set<String> others = new HashSet<>(all);
        others.removeAll(own.getSignatureFieldNames());
        return others;
    }

    /** Signing order in a PDF is the order of the signed byte ranges; elsewhere all are 0 and time decides. */
    private static long signedLength(SignatureWrapper s) {
        PDFRevisionWrapper revision = s.getPDFRevision();
        if (revision == null || revision.getSignatureByteRange().size() != 4) {
            return 0;
        }
        List<BigInteger> range = revision.getSignatureByteRange();
        return range.get(2).longValue() + range.get(3).longValue();
    }
}
