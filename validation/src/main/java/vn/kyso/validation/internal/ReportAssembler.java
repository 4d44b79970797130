package vn.kyso.validation.internal;

import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.PDFRevisionWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
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
import vn.kyso.validation.Explanation;
import vn.kyso.validation.SignatureReport;
import vn.kyso.validation.SignedFile;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.Verdict;

/**
 * Builds our report from DSS's: one {@link SignatureReport} per signature in signing order (each from
 * {@link SignatureAssembler}), then the whole-document verdict, which is stricter than any single
 * signature's — a document is VALID only if every signature is, and nothing outside the permitted kinds
 * was changed after any of them.
 */
final class ReportAssembler {

    static final String MODIFIED_AFTER_SIGNING = "MODIFIED_AFTER_SIGNING";
    static final String INCOMPLETE_REVISION = "INCOMPLETE_REVISION";
    static final String UNSIGNED_TAIL = "UNSIGNED_TAIL";

    private final TrustAnchors anchors;
    private final boolean offline;
    private final SignatureAssembler signatureReports;

    ReportAssembler(TrustAnchors anchors, boolean offline) {
        this.anchors = anchors;
        this.offline = offline;
        this.signatureReports = new SignatureAssembler(anchors, offline);
    }

    /** What the assembler needs to know about the request besides DSS's reports. */
    record Input(SignedFile document, String sha256, ContentKind kind, List<SignedFile> originals,
            Instant validatedAt) {
    }

    /**
     * @param parsed the validated PDF as DSS parsed it, if only read since: the form check reads it instead of
     *               parsing the file once more
     */
    ValidationReport assemble(Reports reports, Input input, Optional<org.apache.pdfbox.pdmodel.PDDocument> parsed) {
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
        java.util.Map<String, Long> ends = new java.util.HashMap<>();
        for (SignatureWrapper s : ordered) {
            signatures.add(signatureReports.of(s, reports, input, revisions, signedFields, xml));
            ends.put(s.getId(), signedEnd(s.getPDFRevision()));
        }
        if (revisions != null) {
            // a document time-stamp no signature owns gets its own verdict, in signing order
            for (SignatureReport t : DocumentTimestamps.of(reports, anchors, revisions, signedFields)) {
                signatures.add(t);
                ends.put(t.id(), signedEnd(diagnostic.getTimestampById(t.id()).getPDFRevision()));
            }
            signatures.sort(Comparator.comparingLong(r -> ends.get(r.id()) == Long.MAX_VALUE ? 0 : ends.get(r.id())));
        }
        boolean damagedTail = revisions != null && !signatures.isEmpty()
                && !revisions.tailIntact(input.document().content());
        // the last signed bytes must end a revision; what follows, if anything, is then whole updates,
        // which the change and section checks judge. Checked whoever signed: it is about the bytes.
        long latestSignedEnd = revisions == null ? 0 : latestSignedEnd(diagnostic);
        boolean unsignedTail = latestSignedEnd > 0 && !signatures.isEmpty()
                && !revisions.endsRevision(input.document().content(), latestSignedEnd);
        List<Explanation> structure = new ArrayList<>();
        long tamperedFrom = Long.MAX_VALUE;
        if (revisions != null) {
            byte[] pdf = input.document().content();
            structure.addAll(parsed.isPresent() ? PdfSignatureFields.check(parsed.get(), pdf)
                    : PdfSignatureFields.check(pdf));
            long signedEnd = earliestSignedEnd(diagnostic);
            if (signedEnd != Long.MAX_VALUE) {
                PdfSections.Result sections = PdfSections.check(pdf, revisions, signedEnd);
                structure.addAll(sections.findings());
                tamperedFrom = sections.findings().stream().anyMatch(ReportAssembler::tampering)
                        ? sections.firstEnd() : Long.MAX_VALUE;
            }
        }
        long certifiedEnd = certifiedEnd(diagnostic);
        if (revisions != null && certifiedEnd != Long.MAX_VALUE) {
            Optional<Explanation> sneaky = SneakySignatures.check(input.document().content(), certifiedEnd);
            if (sneaky.isPresent()) {
                structure.add(sneaky.get());
                tamperedFrom = Math.min(tamperedFrom, certifiedEnd + 1);
            }
        }
        // intactness first: the bytes not being what was signed leads, whatever the trust
        structure.addAll(0, Intactness.of(diagnostic, input.kind() == ContentKind.ZIP));
        List<Explanation> notes = new ArrayList<>();
        if (input.kind() == ContentKind.ZIP) {
            for (Explanation f : ContainerFindings.of(input.document().content(), diagnostic)) {
                (ContainerFindings.NOTES.contains(f.code()) ? notes : structure).add(f);
            }
        }
        if (input.kind() == ContentKind.XML && !diagnostic.getSignatures().isEmpty()) {
            structure.addAll(XmlWrapping.of(input.document().content()));
        }
        signatures = demoteChanged(signatures, ends, structure, tamperedFrom);
        ValidationReport report = document(signatures, input, damagedTail, unsignedTail, structure);
        // Limits go after the verdict is decided: they say what it rests on, they do not change it.
        List<Explanation> limits = new ArrayList<>(Limits.of(ordered, signatures, offline));
        limits.addAll(notes);
        if (limits.isEmpty()) {
            return report;
        }
        List<Explanation> findings = new ArrayList<>(report.findings());
        findings.addAll(limits);
        return new ValidationReport(report.documentName(), report.sha256(), report.verdict(), report.summary(),
                report.validatedAt(), report.signatures(), findings);
    }

    /**
     * A container that could not be validated because of what it hides (a gap DSS stops reading at, a local
     * header whose CRC the central directory contradicts): the findings say why, nothing is VALID.
     */
    ValidationReport unreadableContainer(Input input, List<Explanation> findings) {
        return new ValidationReport(input.document().name(), input.sha256(), Verdict.INDETERMINATE,
                Headline.of(Verdict.INDETERMINATE, List.of(), findings.get(0)), input.validatedAt(), List.of(),
                findings);
    }

    /**
     * Where the bytes the first PDF signature or document time-stamp covers end: the sections after it
     * are the ones a later hand added.
     */
    private static long earliestSignedEnd(DiagnosticData diagnostic) {
        long signedEnd = Long.MAX_VALUE;
        for (SignatureWrapper s : diagnostic.getSignatures()) {
            signedEnd = Math.min(signedEnd, signedEnd(s.getPDFRevision()));
        }
        for (TimestampWrapper t : diagnostic.getTimestampList()) {
            signedEnd = Math.min(signedEnd, signedEnd(t.getPDFRevision()));
        }
        return signedEnd;
    }

    /** Where the bytes the last PDF signature or document time-stamp covers end; 0 if none is known. */
    private static long latestSignedEnd(DiagnosticData diagnostic) {
        long signedEnd = 0;
        for (SignatureWrapper s : diagnostic.getSignatures()) {
            long end = signedEnd(s.getPDFRevision());
            signedEnd = end == Long.MAX_VALUE ? signedEnd : Math.max(signedEnd, end);
        }
        for (TimestampWrapper t : diagnostic.getTimestampList()) {
            long end = signedEnd(t.getPDFRevision());
            signedEnd = end == Long.MAX_VALUE ? signedEnd : Math.max(signedEnd, end);
        }
        return signedEnd;
    }

    /**
     * A signature DSS finds sound for the revision it signed is still no green tick when the document was
     * changed after it in a way nobody may change a signed letter: red when the change is visible or a
     * cross-reference trick after it is proven, undecided otherwise. Its own checks stay in the report.
     */
    private static List<SignatureReport> demoteChanged(List<SignatureReport> signatures,
            java.util.Map<String, Long> ends, List<Explanation> structure, long tamperedFrom) {
        List<SignatureReport> result = new ArrayList<>();
        Optional<Explanation> trick = structure.stream().filter(f -> PdfSections.TAMPERING.contains(f.code())
                        || SneakySignatures.SIGNATURE_OVER_CONTENT.equals(f.code()))
                .findFirst();
        for (int i = 0; i < signatures.size(); i++) {
            SignatureReport s = signatures.get(i);
            List<Explanation> changes = s.changesAfterSigning().stream().filter(c -> !PdfChanges.permitted(c))
                    .toList();
            boolean tricked = trick.isPresent() && ends.getOrDefault(s.id(), Long.MAX_VALUE) < tamperedFrom;
            if (s.verdict() != Verdict.VALID || (changes.isEmpty() && !tricked)) {
                result.add(s);
                continue;
            }
            Explanation what = tricked ? trick.get() : changes.get(0);
            boolean red = tricked || changes.stream().anyMatch(PdfChanges::red);
            Explanation reason = new Explanation(MODIFIED_AFTER_SIGNING,
                    "Chữ ký đúng với phiên bản đã ký, nhưng văn bản đã bị thay đổi sau đó: " + what.vi(),
                    "The signature matches the revision it signed, but the document was changed after it: "
                            + what.en());
            result.add(new SignatureReport(s.id(), red ? Verdict.INVALID : Verdict.INDETERMINATE, reason,
                    s.signerName(), s.organisation(), s.family(), s.certificate(), s.revocation(),
                    s.claimedSigningTime(), s.timestamps(), s.format(), s.coverage(), s.changesAfterSigning()));
        }
        return result;
    }

    /** Where the bytes of the first certification (DocMDP) signature end, or {@code Long.MAX_VALUE}. */
    private static long certifiedEnd(DiagnosticData diagnostic) {
        long end = Long.MAX_VALUE;
        for (SignatureWrapper s : diagnostic.getSignatures()) {
            if (s.getPDFRevision() != null && s.getPDFRevision().getDocMDPPermissions() != null) {
                end = Math.min(end, signedEnd(s.getPDFRevision()));
            }
        }
        return end;
    }

    /** Whether a structural finding proves manipulation (red) rather than an unreadable section. */
    static boolean tampering(Explanation finding) {
        return PdfSections.TAMPERING.contains(finding.code()) || Intactness.CODES.contains(finding.code())
                || SneakySignatures.SIGNATURE_OVER_CONTENT.equals(finding.code())
                || XmlWrapping.CODES.contains(finding.code())
                || PdfSignatureFields.SIGNATURE_BROKEN.equals(finding.code())
                || PdfSignatureFields.BYTE_RANGE_INVALID.equals(finding.code());
    }

    private ValidationReport document(List<SignatureReport> signatures, Input input, boolean damagedTail,
            boolean unsignedTail, List<Explanation> structure) {
        List<Explanation> findings = new ArrayList<>();
        if (!signatures.isEmpty()) {
            // The last signature's changes are those after every signature; report them as such if any,
            // else the first signature whose content a later revision changed.
            SignatureReport last = signatures.get(signatures.size() - 1);
            Optional<SignatureReport> modified = modified(last) ? Optional.of(last)
                    : signatures.stream().filter(ReportAssembler::modified).findFirst();
            modified.ifPresent(m -> findings.addAll(modificationFindings(m, signatures)));
            if (damagedTail) {
                findings.add(new Explanation(INCOMPLETE_REVISION,
                        "Phần cuối tệp PDF bị cắt hoặc hỏng (phiên bản cuối không hoàn chỉnh) — không được phép",
                        "The end of the PDF is cut off or damaged (the last revision is incomplete) — not permitted"));
            }
            if (unsignedTail) {
                findings.add(new Explanation(UNSIGNED_TAIL,
                        "Chữ ký cuối cùng không phủ hết phiên bản mà nó ký: phần cuối của phiên bản đó (bảng tham chiếu"
                                + " chéo, trailer) nằm ngoài chữ ký và không phải một bản cập nhật gia tăng hoàn chỉnh"
                                + " — không xác nhận được văn bản hiển thị chính là văn bản đã ký",
                        "The last signature stops short of the end of the revision it signed: the rest of that revision"
                                + " (cross-reference table, trailer) is outside every signature and is not a complete"
                                + " incremental update — the document shown cannot be confirmed as the one signed"));
            }
        }
        // a signature dictionary DSS could not read is a broken signature, not "no signature"
        findings.addAll(structure);
        DocumentVerdict.Outcome outcome = DocumentVerdict.of(signatures, findings);
        return new ValidationReport(input.document().name(), input.sha256(), outcome.verdict(),
                Headline.of(outcome.verdict(), signatures, outcome.primary(), outcome.secondary()),
                input.validatedAt(), signatures, findings);
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

    /** Signing order in a PDF is the order of the signed byte ranges; elsewhere all are 0 and time decides. */
    private static long signedLength(SignatureWrapper s) {
        return signedEnd(s.getPDFRevision()) == Long.MAX_VALUE ? 0 : signedEnd(s.getPDFRevision());
    }

    /** Where the bytes a PDF signature or time-stamp covers end, or {@code Long.MAX_VALUE} if unknown. */
    private static long signedEnd(PDFRevisionWrapper revision) {
        if (revision == null || revision.getSignatureByteRange().size() != 4) {
            return Long.MAX_VALUE;
        }
        List<BigInteger> range = revision.getSignatureByteRange();
        return range.get(2).longValue() + range.get(3).longValue();
    }
}
