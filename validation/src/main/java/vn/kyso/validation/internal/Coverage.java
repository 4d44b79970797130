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
        boolean partial = false;
        for (XmlSignatureScope scope : signature.getSignatureScopes()) {
            if (scope.getScope() == SignatureScopeType.PARTIAL) {
                partial = true;
            }
            if (scope.getScope() != SignatureScopeType.COUNTER_SIGNATURE
                    && scope.getScope() != SignatureScopeType.SIGNATURE && scope.getName() != null) {
                names.add(scope.getName());
            }
        }
        if (names.isEmpty()) {
            return unknown();
        }
        String list = list(names);
        if (kind == ContentKind.ZIP) {
            return new Explanation(FILES, "Các tệp trong gói: " + list, "The files of the container: " + list);
        }
        if (!originals.isEmpty()) {
            return new Explanation(DETACHED_ORIGINAL, "Tệp gốc tách rời: " + list, "The detached original: " + list);
        }
        if (partial) {
            return new Explanation(PARTIAL, "Một phần tài liệu: " + list, "Part of the document: " + list);
        }
        return new Explanation(WHOLE_DOCUMENT, "Toàn bộ tài liệu (" + list + ")", "The whole document (" + list + ")");
    }

    private static Explanation unknown() {
        return new Explanation(UNKNOWN, "Không xác định được phạm vi chữ ký", "The signed scope could not be determined");
    }

    private static String list(Set<String> names) {
        String shown = String.join(", ", names.stream().limit(MAX_NAMES).toList());
        return names.size() > MAX_NAMES ? shown + ", … (" + names.size() + ")" : shown;
    }
}
