package vn.kyso.validation.internal;

import eu.europa.esig.dss.diagnostic.PDFRevisionWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.jaxb.XmlSignatureScope;
import eu.europa.esig.dss.enumerations.SignatureScopeType;
import java.math.BigInteger;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.kyso.validation.Explanation;
import vn.kyso.validation.SignedFile;

/**
 * What part of the submitted file a signature protects, said plainly: the whole PDF or the PDF up to
 * one of its revisions, the files of a container, or the detached original.
 */
final class Coverage {

    static final String WHOLE_DOCUMENT = "WHOLE_DOCUMENT";
    static final String REVISION = "REVISION";
    static final String FILES = "FILES";
    static final String DETACHED_ORIGINAL = "DETACHED_ORIGINAL";
    static final String PARTIAL = "PARTIAL";
    static final String UNKNOWN = "UNKNOWN";

    private static final int MAX_NAMES = 10;

    private Coverage() {
    }

    static Explanation pdf(PDFRevisionWrapper revision, PdfRevisions revisions) {
        List<BigInteger> range = revision == null ? List.of() : revision.getSignatureByteRange();
        if (range.size() != 4) {
            return unknown();
        }
        long signed = range.get(2).longValue() + range.get(3).longValue();
        if (signed >= revisions.length()) {
            return new Explanation(WHOLE_DOCUMENT, "Toàn bộ văn bản", "The whole document");
        }
        int n = revisions.revisionsWithin(signed);
        int m = revisions.count();
        return new Explanation(REVISION,
                "Toàn bộ văn bản đến phiên bản " + n + " trên tổng số " + m
                        + "; phần bổ sung sau đó không thuộc phạm vi chữ ký này",
                "The whole document up to revision " + n + " of " + m
                        + "; what was added later is not covered by this signature");
    }

    static Explanation other(SignatureWrapper signature, ContentKind kind, List<SignedFile> originals) {
        Set<String> names = new LinkedHashSet<>();
        boolean full = false;
        boolean partial = false;
        for (XmlSignatureScope scope : signature.getSignatureScopes()) {
            SignatureScopeType type = scope.getScope();
            if (type == SignatureScopeType.COUNTER_SIGNATURE || type == SignatureScopeType.SIGNATURE) {
                continue;
            }
            full |= type == SignatureScopeType.FULL;
            partial |= type == SignatureScopeType.PARTIAL;
            if (scope.getName() != null) {
                names.add(scope.getName());
            }
        }
        String list = list(names);
        if (kind == ContentKind.ZIP && !names.isEmpty()) {
            return new Explanation(FILES, "Các tệp trong gói: " + list, "The files of the container: " + list);
        }
        if (!originals.isEmpty() && !names.isEmpty()) {
            return new Explanation(DETACHED_ORIGINAL, "Tệp gốc tách rời: " + list, "The detached original: " + list);
        }
        if (partial) {
            return new Explanation(PARTIAL, "Một phần tài liệu: " + list, "Part of the document: " + list);
        }
        if (full || !names.isEmpty()) {
            // enveloped or enveloping: the signed data is the submitted file itself
            return new Explanation(WHOLE_DOCUMENT, "Toàn bộ tài liệu", "The whole document");
        }
        return unknown();
    }

    private static Explanation unknown() {
        return new Explanation(UNKNOWN, "Không xác định được phạm vi chữ ký", "The signed scope could not be determined");
    }

    private static String list(Set<String> names) {
        String shown = String.join(", ", names.stream().limit(MAX_NAMES).toList());
        return names.size() > MAX_NAMES ? shown + ", … (" + names.size() + ")" : shown;
    }
}
