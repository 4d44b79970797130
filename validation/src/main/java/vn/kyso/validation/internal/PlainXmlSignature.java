package vn.kyso.validation.internal;

import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.jaxb.XmlDigestMatcher;
import eu.europa.esig.dss.enumerations.SubIndication;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.kyso.validation.Explanation;
import vn.kyso.validation.Verdict;

/**
 * A plain XMLDSig signature, not XAdES (DSS's format XML-NOT-ETSI): Vietnamese e-invoices carry one from
 * the seller and one from the tax authority. DSS checks its mathematics and the signer's certificate
 * like any other, then stops at the XAdES signed properties it lacks (signing-certificate reference,
 * signing time) with SIG_CONSTRAINTS_FAILURE. That answer is true but useless to a clerk: the reason
 * says instead whether the signature value and the signed data verify, and what limits the verdict.
 */
final class PlainXmlSignature {

    static final String FORMAT = "XML-NOT-ETSI";
    static final String PLAIN_XML_SIGNATURE = "PLAIN_XML_SIGNATURE";
    static final String XML_ELEMENTS = "XML_ELEMENTS";
    static final String REFERENCED_DATA_MISSING = "REFERENCED_DATA_MISSING";

    /** What DSS says only because the XAdES properties are missing, or because of SHA-1. */
    private static final Set<SubIndication> FORMAT_LIMITS = Set.of(SubIndication.SIG_CONSTRAINTS_FAILURE,
            SubIndication.FORMAT_FAILURE, SubIndication.CRYPTO_CONSTRAINTS_FAILURE,
            SubIndication.CRYPTO_CONSTRAINTS_FAILURE_NO_POE);

    private PlainXmlSignature() {
    }

    static boolean is(String format) {
        return FORMAT.equals(format);
    }

    /** True if the signature value verifies and every reference was found with its digest intact. */
    static boolean mathematicallyValid(SignatureWrapper s) {
        if (!s.isSignatureIntact() || !s.isSignatureValid() || s.getDigestMatchers().isEmpty()) {
            return false;
        }
        for (XmlDigestMatcher m : s.getDigestMatchers()) {
            if (!m.isDataFound() || !m.isDataIntact()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The reason for a plain XMLDSig: DSS's own when the mathematics failed; DSS's own with a note that
     * the signature verifies when the certificate is the problem (untrusted, revoked, unknown status);
     * ours when only the missing XAdES properties or SHA-1 stopped it.
     */
    static Explanation reason(Explanation dss, SubIndication sub, SignatureWrapper s, XmlSignatures.Sig sig,
            boolean trusted) {
        if (sub == null || !mathematicallyValid(s)) {
            return dss;
        }
        if (!FORMAT_LIMITS.contains(sub)) {
            // the certificate's reason leads; that the signature itself verifies is worth knowing too
            return new Explanation(dss.code(), dss.vi() + " (chữ ký XML thông thường: giá trị chữ ký khớp với "
                    + "chứng thư số và dữ liệu được ký không bị thay đổi)", dss.en() + " (a plain XML signature: "
                    + "its value verifies with the certificate and the signed data is unchanged)");
        }
        StringBuilder vi = new StringBuilder("Chữ ký XML thông thường (XMLDSig, không theo chuẩn XAdES): giá trị "
                + "chữ ký khớp với chứng thư số của người ký và dữ liệu được ký không bị thay đổi");
        StringBuilder en = new StringBuilder("A plain XML signature (XMLDSig, not XAdES): the signature value "
                + "verifies with the signer's certificate and the signed data is unchanged");
        if (trusted) {
            vi.append("; chứng thư số thuộc chuỗi tin cậy và chưa bị thu hồi tại thời điểm kiểm tra");
            en.append("; the certificate chains to a trust anchor and was not revoked when checked");
        }
        vi.append(". Chữ ký không có thuộc tính ký của XAdES (tham chiếu chứng thư ký, thời điểm ký được bảo vệ, "
                + "dấu thời gian), nên không xác định được chữ ký có được tạo khi chứng thư còn hiệu lực; chưa "
                + "thể kết luận hợp lệ theo ETSI EN 319 102-1");
        en.append(". It has none of the XAdES signed properties (signing-certificate reference, protected "
                + "signing time, time-stamp), so nothing proves it was made while the certificate was valid; "
                + "it cannot be confirmed valid under ETSI EN 319 102-1");
        if (sig != null && sig.sha1()) {
            vi.append(". Chữ ký dùng thuật toán SHA-1, không còn được coi là an toàn");
            en.append(". It uses SHA-1, which is no longer considered secure");
        }
        return new Explanation(PLAIN_XML_SIGNATURE, vi.toString(), en.toString());
    }

    /** A verdict of ours where DSS could not give one worth showing. */
    record Judgement(Verdict verdict, Explanation reason) {
    }

    /**
     * For a signature whose signer DSS could not identify although a KeyInfo certificate verifies its
     * SignedInfo: changed data is a HASH_FAILURE (INVALID) naming the elements, data the file lacks is
     * REFERENCED_DATA_MISSING; empty if DSS saw neither (then DSS's own answer stands).
     */
    static Optional<Judgement> dataProblem(SignatureWrapper s, XmlSignatures.Sig sig) {
        List<String> changed = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (XmlDigestMatcher m : s.getDigestMatchers()) {
            if (!m.isDataFound()) {
                missing.add(m.getUri() == null ? "?" : m.getUri());
            } else if (!m.isDataIntact()) {
                changed.add(describe(m.getUri(), sig));
            }
        }
        if (!changed.isEmpty()) {
            String list = String.join(", ", changed);
            return Optional.of(new Judgement(Verdict.INVALID, new Explanation("HASH_FAILURE",
                    "Nội dung đã bị thay đổi sau khi ký: " + list + " không còn khớp với chữ ký",
                    "The document was changed after it was signed: " + list + " no longer matches the signature")));
        }
        if (!missing.isEmpty()) {
            return Optional.of(new Judgement(Verdict.INDETERMINATE, referencedDataMissing()));
        }
        return Optional.empty();
    }

    private static String describe(String uri, XmlSignatures.Sig sig) {
        for (XmlSignatures.Ref r : sig.references()) {
            if (r.uri() != null && r.uri().equals(uri) && r.element() != null) {
                return r.element() + " (" + uri + ")";
            }
        }
        return uri == null ? "?" : uri;
    }

    /** The signed elements by name and Id, leaving out the signature's own properties. */
    static Explanation coverage(XmlSignatures.Sig sig) {
        Set<String> vi = new LinkedHashSet<>();
        Set<String> en = new LinkedHashSet<>();
        for (XmlSignatures.Ref r : sig.references()) {
            if (r.property() || r.external()) {
                continue;
            }
            if (r.element() == null) {
                vi.add("(không tìm thấy " + r.uri() + ")");
                en.add("(" + r.uri() + " not found)");
            } else if (r.uri() == null || r.uri().isEmpty() || r.uri().equals("#")) {
                vi.add(r.element() + " (toàn bộ tài liệu)");
                en.add(r.element() + " (the whole document)");
            } else {
                vi.add(r.element() + " (" + r.uri() + ")");
                en.add(r.element() + " (" + r.uri() + ")");
            }
        }
        return new Explanation(XML_ELEMENTS, "Các phần tử XML được ký: " + String.join(", ", vi),
                "The signed XML elements: " + String.join(", ", en));
    }

    /** A reference to data inside the document that is not there: the signature cannot cover what it names. */
    static Explanation referencedDataMissing() {
        return new Explanation(REFERENCED_DATA_MISSING,
                "Không tìm thấy trong tệp phần dữ liệu mà chữ ký tham chiếu (chữ ký nằm trong tài liệu, không cần "
                        + "tệp gốc riêng) — chữ ký bị hỏng hoặc tài liệu đã bị sửa đổi",
                "The data the signature references is not in the file (the signature is inside the document and "
                        + "needs no separate original) — the signature is damaged or the document was altered");
    }
}
