package vn.kyso.validation.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.kyso.validation.Explanation;
import vn.kyso.validation.Language;
import vn.kyso.validation.SignatureReport;
import vn.kyso.validation.ValidationError;
import vn.kyso.validation.ValidationException;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.VerificationStatement;
import vn.kyso.validation.Verdict;

/**
 * The human-readable report: title, document and digest, the verdict in colour, a table per signature,
 * the document-level findings, and the validation time and policy in the footer. Liberation Serif is
 * embedded (subset) because it carries every Vietnamese letter and matches Times New Roman's metrics.
 */
final class PdfReportWriter {

    static final String REGULAR = "LiberationSerif-Regular.ttf";
    static final String BOLD = "LiberationSerif-Bold.ttf";

    private static final float[] GREEN = {0.05f, 0.50f, 0.20f};
    private static final float[] RED = {0.75f, 0.10f, 0.10f};
    private static final float[] AMBER = {0.80f, 0.50f, 0.00f};

    private final Path fontDirectory;
    private final String policyName;

    PdfReportWriter(Path fontDirectory, String policyName) {
        this.fontDirectory = fontDirectory;
        this.policyName = policyName;
    }

    byte[] write(ValidationReport report, Language language) {
        ReportLabels t = ReportLabels.of(language);
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont regular = load(pdf, REGULAR);
            PDFont bold = load(pdf, BOLD);
            Text text = new Text(regular, bold);
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle(text.safe(t.title() + " — " + report.documentName()));
            info.setCreator("Kyso");

            PdfCanvas canvas = new PdfCanvas(pdf, regular, bold);
            canvas.paragraph(text.safe(t.title()), true, 18f, PdfCanvas.BLACK);
            canvas.gap(6f);
            canvas.row(t.document(), text.safe(report.documentName()), PdfCanvas.BLACK);
            // smaller, so that the 64 hex digits stay on one line and can be compared at a glance
            canvas.row(t.sha256(), report.sha256(), PdfCanvas.BLACK, 8.5f);
            canvas.row(t.validatedAt(), VnTime.format(report.validatedAt()), PdfCanvas.BLACK);
            canvas.gap(10f);
            canvas.banner(text.safe(t.verdict() + ": " + t.verdict(report.verdict())), colour(report.verdict()), 13f);
            canvas.gap(4f);
            canvas.paragraph(text.safe(report.summary().in(language)), true, 11f, colour(report.verdict()));

            int n = report.signatures().size();
            for (int i = 0; i < n; i++) {
                SignatureReport s = report.signatures().get(i);
                canvas.gap(14f);
                canvas.ensure(80f);
                canvas.paragraph(text.safe(t.signature() + " " + (i + 1) + " " + t.of() + " " + n + ": "
                        + s.signerName()), true, 13f, PdfCanvas.BLACK);
                canvas.gap(4f);
                signature(canvas, text, t, s, language);
            }

            if (!report.findings().isEmpty()) {
                canvas.gap(14f);
                canvas.ensure(60f);
                canvas.paragraph(text.safe(t.findings()), true, 13f, PdfCanvas.BLACK);
                canvas.gap(4f);
                for (Explanation finding : report.findings()) {
                    canvas.paragraph(text.safe("• " + finding.in(language)), false, 10.5f, colour(report.verdict()));
                }
            }
            canvas.gap(14f);
            canvas.row(t.policy(), text.safe(t.policyDescription() + " (" + policyName + ")"), PdfCanvas.BLACK);
            canvas.paragraph(text.safe(VerificationStatement.LEGAL_BASIS.in(language)), false, 9.5f, PdfCanvas.BLACK);

            canvas.finish(text.safe(t.validatedAt() + ": " + VnTime.format(report.validatedAt()) + ". "
                    + t.footer()), text.safe(t.page()));
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new ValidationException(ValidationError.VALIDATION_FAILED, "the PDF report could not be written", e);
        }
    }

    private void signature(PdfCanvas canvas, Text text, ReportLabels t, SignatureReport s, Language language) {
        // Circular 15/2025/TT-BKHCN: the facts a verification result must state, first and in words.
        canvas.paragraph(text.safe(VerificationStatement.HEADING.in(language)), true, 11f, PdfCanvas.BLACK);
        for (VerificationStatement.Line line : VerificationStatement.of(s)) {
            float[] colour = line.warning() ? AMBER : "VALIDITY".equals(line.code()) ? colour(s.verdict())
                    : PdfCanvas.BLACK;
            canvas.paragraph(text.safe("• " + line.in(language)), "VALIDITY".equals(line.code())
                    || line.warning(), 10.5f, colour);
        }
        canvas.gap(6f);
        canvas.row(t.verdict(), text.safe(t.verdict(s.verdict())), colour(s.verdict()));
        canvas.row(t.reason(), text.safe(s.reason().in(language)), PdfCanvas.BLACK);
        canvas.row(t.signer(), text.safe(s.signerName()), PdfCanvas.BLACK);
        canvas.row(t.organisation(), text.safe(s.organisation() == null ? "—" : s.organisation()), PdfCanvas.BLACK);
        canvas.row(t.family(), text.safe(t.family(s.family())), PdfCanvas.BLACK);
        if (s.certificate() != null) {
            canvas.row(t.subject(), text.safe(s.certificate().subject()), PdfCanvas.BLACK);
            canvas.row(t.issuer(), text.safe(s.certificate().issuer()), PdfCanvas.BLACK);
            canvas.row(t.serial(), text.safe(s.certificate().serialNumber()), PdfCanvas.BLACK);
            canvas.row(t.validity(), VnTime.format(s.certificate().notBefore()) + " — "
                    + VnTime.format(s.certificate().notAfter()), PdfCanvas.BLACK);
        }
        SignatureReport.RevocationInfo r = s.revocation();
        String revocation = t.revocationStatus(r.status())
                + (r.source() == null ? "" : " (" + r.source() + ")")
                + (r.checkedAt() == null ? "" : ", " + t.checkedAt() + " " + VnTime.format(r.checkedAt()))
                + (r.revokedAt() == null ? "" : ", " + t.revokedAt() + " " + VnTime.format(r.revokedAt()));
        canvas.row(t.revocation(), text.safe(revocation), "REVOKED".equals(r.status()) ? RED : PdfCanvas.BLACK);
        canvas.row(t.signingTime(), VnTime.format(s.claimedSigningTime()), PdfCanvas.BLACK);
        String timestamps = s.timestamps().isEmpty() ? t.none() : s.timestamps().stream()
                .map(ts -> t.timestampType(ts.type()) + ": " + VnTime.format(ts.time()) + ", " + ts.tsaName()
                        + " (" + (ts.valid() ? t.valid() : t.invalid()) + ")")
                .collect(Collectors.joining("\n"));
        canvas.row(t.timestamps(), text.safe(timestamps), PdfCanvas.BLACK);
        canvas.row(t.format(), text.safe(s.format()), PdfCanvas.BLACK);
        canvas.row(t.coverage(), text.safe(s.coverage().in(language)), PdfCanvas.BLACK);
        List<Explanation> changes = s.changesAfterSigning();
        String changeText = changes.isEmpty() ? t.none()
                : changes.stream().map(c -> "• " + c.in(language)).collect(Collectors.joining("\n"));
        boolean unpermitted = changes.stream().anyMatch(c -> !PdfChanges.permitted(c));
        canvas.row(t.changes(), text.safe(changeText), unpermitted ? RED : PdfCanvas.BLACK);
    }

    private static float[] colour(Verdict verdict) {
        return switch (verdict) {
            case VALID -> GREEN;
            case INVALID -> RED;
            case INDETERMINATE -> AMBER;
            case UNSIGNED -> PdfCanvas.GREY;
        };
    }

    private PDFont load(PDDocument pdf, String file) throws IOException {
        Path path = fontDirectory.resolve(file);
        if (!Files.isReadable(path)) {
            throw new ValidationException(ValidationError.VALIDATION_FAILED,
                    "the report font " + file + " is not installed");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return PDType0Font.load(pdf, in, true);
        }
    }

    /** Replaces what the fonts cannot draw, so a stray character in a name never breaks the report. */
    private record Text(PDFont regular, PDFont bold) {

        String safe(String s) {
            if (s == null) {
                return "—";
            }
            String cleaned = s.replace('\t', ' ').replace('\r', ' ');
            if (encodable(cleaned)) {
                return cleaned;
            }
            StringBuilder out = new StringBuilder(cleaned.length());
            cleaned.codePoints().forEach(cp -> {
                String ch = new String(Character.toChars(cp));
                out.append(cp == '\n' || encodable(ch) ? ch : "?");
            });
            return out.toString();
        }

        private boolean encodable(String s) {
            try {
                regular.encode(s.replace("\n", ""));
                bold.encode(s.replace("\n", ""));
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        }
    }
}
