package vn.kyso.validation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The explained verdict on a document.
 *
 * @param documentName  the name the document was submitted under
 * @param sha256        hex SHA-256 of the submitted bytes
 * @param verdict       the whole-document verdict: VALID only if every signature is valid and nothing
 *                      was changed after the last signature
 * @param summary       the headline, e.g. "Văn bản hợp lệ — ký bởi … lúc …"
 * @param validatedAt   the validation time
 * @param signatures    one entry per signature, in signing order
 * @param findings      document-level findings (changes after the last signature, unsigned revisions)
 */
public record ValidationReport(
        String documentName,
        String sha256,
        Verdict verdict,
        Explanation summary,
        Instant validatedAt,
        List<SignatureReport> signatures,
        List<Explanation> findings) {

    public ValidationReport {
        Objects.requireNonNull(documentName, "documentName");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(validatedAt, "validatedAt");
        signatures = List.copyOf(signatures);
        findings = List.copyOf(findings);
    }
}
