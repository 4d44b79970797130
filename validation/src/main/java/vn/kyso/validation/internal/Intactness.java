package vn.kyso.validation.internal;

import eu.europa.esig.dss.diagnostic.CertificateRefWrapper;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.diagnostic.jaxb.XmlDigestMatcher;
import eu.europa.esig.dss.enumerations.DigestMatcherType;
import eu.europa.esig.dss.enumerations.SignatureForm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.kyso.validation.Explanation;

/**
 * Whether the bytes are what was signed, independent of any trust anchor (issue #10 item 6): a time-stamp
 * whose imprint does not match what it covers (changed, or copied from another signature), a time-stamp
 * whose own signature is broken, a CMS without the message-digest attribute, a signing-certificate
 * reference that names another certificate, a container whose signed file is missing or changed, and a
 * signature stored twice.
 * DSS computes each of these in its diagnostic data, but its verdict for an untrusted signer stops at the
 * chain ("no certificate chain found") and never mentions them; a forger only has to use a certificate we
 * do not trust to hide the damage. Each is a finding of its own that leads the headline and makes the
 * document red.
 */
final class Intactness {

    /** The intactness findings; codes are stable, append new ones at the end. */
    enum Finding {
        TIMESTAMP_IMPRINT_MISMATCH(
                "Dấu thời gian không khớp với dữ liệu mà nó xác nhận (bị sửa hoặc sao chép từ chữ ký khác): %s",
                "A time-stamp does not match the data it vouches for (changed, or copied from another "
                        + "signature): %s"),
        TIMESTAMP_BROKEN(
                "Chữ ký của đơn vị cấp dấu thời gian trên dấu thời gian bị hỏng hoặc giả mạo: %s",
                "The time-stamp unit's signature on a time-stamp is broken or forged: %s"),
        CMS_MESSAGE_DIGEST_MISSING(
                "Chữ ký CMS thiếu thuộc tính message-digest nên không gắn với nội dung nào: %s",
                "The CMS signature lacks the message-digest attribute, so it is bound to no content: %s"),
        SIGNING_CERTIFICATE_MISMATCH(
                "Tham chiếu chứng thư số ký trong thuộc tính đã ký không khớp với chứng thư số kèm theo: %s",
                "The signed reference to the signing certificate does not match the certificate carried: %s"),
        SIGNED_FILE_CHANGED(
                "Tệp đã ký trong gói đã bị thay đổi sau khi ký: %s",
                "A signed file in the container was changed after signing: %s"),
        SIGNED_FILE_MISSING(
                "Tệp đã ký không còn trong gói (bị xóa hoặc đổi tên): %s",
                "A signed file is no longer in the container (removed or renamed): %s"),
        /** The same signature stored more than once (e.g. a second signature file copied from the first). */
        SIGNATURE_DUPLICATED(
                "Cùng một chữ ký xuất hiện nhiều lần trong văn bản (bị sao chép sau khi ký), số chữ ký hiển thị "
                        + "không đúng thực tế: %s",
                "The same signature appears more than once (copied after signing), so the signatures shown "
                        + "are not what was signed: %s");

        private final String vi;
        private final String en;

        Finding(String vi, String en) {
            this.vi = vi;
            this.en = en;
        }

        Explanation explain(String detail) {
            return new Explanation(name(), vi.formatted(detail), en.formatted(detail));
        }
    }

    /** Every code above: each proves the bytes are not what was signed, so each is tampering (red). */
    static final Set<String> CODES = codes();

    /** Digest matchers that point at a data file of a container (not at the signature's own parts). */
    private static final Set<DigestMatcherType> FILE_REFERENCES = Set.of(DigestMatcherType.REFERENCE,
            DigestMatcherType.OBJECT, DigestMatcherType.MANIFEST_ENTRY, DigestMatcherType.SIG_D_ENTRY);

    private Intactness() {
    }

    /**
     * @param container whether the document is a container, whose signed files must be inside it: a missing
     *                  one is then a broken container, not a detached original to ask for
     */
    static List<Explanation> of(DiagnosticData diagnostic, boolean container) {
        Map<Finding, Set<String>> found = new LinkedHashMap<>();
        for (TimestampWrapper ts : diagnostic.getTimestampList()) {
            String what = describe(ts);
            if (ts.isMessageImprintDataFound() && !ts.isMessageImprintDataIntact()) {
                add(found, Finding.TIMESTAMP_IMPRINT_MISMATCH, what);
            }
            if (!ts.isSignatureIntact()) {
                add(found, Finding.TIMESTAMP_BROKEN, what);
            }
        }
        for (SignatureWrapper s : diagnostic.getSignatures()) {
            String who = s.getSigningCertificate() != null
                    ? SignatureFacts.names(s.getSigningCertificate()).commonName() : s.getId();
            if (isCms(s) && hasSignedAttributes(s) && s.getDigestMatchers().stream()
                    .noneMatch(m -> m.getType() == DigestMatcherType.MESSAGE_DIGEST && m.getDigestValue() != null)) {
                add(found, Finding.CMS_MESSAGE_DIGEST_MISSING, who);
            }
            if (s.isSignatureDuplicated() || duplicateValue(diagnostic, s)) {
                add(found, Finding.SIGNATURE_DUPLICATED, who);
            }
            CertificateRefWrapper ref = s.getSigningCertificateReference();
            if (s.getSigningCertificate() != null && ref != null && ref.getDigestAlgoAndValue() != null
                    && !ref.isDigestValueMatch()) {
                add(found, Finding.SIGNING_CERTIFICATE_MISMATCH, who);
            }
            if (container) {
                for (XmlDigestMatcher m : s.getDigestMatchers()) {
                    if (!FILE_REFERENCES.contains(m.getType()) || isInternal(m)) {
                        continue;
                    }
                    if (!m.isDataFound()) {
                        add(found, Finding.SIGNED_FILE_MISSING, name(m));
                    } else if (!m.isDataIntact()) {
                        add(found, Finding.SIGNED_FILE_CHANGED, name(m));
                    }
                }
            }
        }
        List<Explanation> findings = new ArrayList<>();
        found.forEach((finding, details) -> findings.add(finding.explain(String.join(", ", details))));
        return findings;
    }

    /**
     * Whether another signature of the document carries the very same signature value: one signature
     * stored twice (DSS flags it only where both copies get the same identifier).
     */
    private static boolean duplicateValue(DiagnosticData diagnostic, SignatureWrapper s) {
        byte[] value = s.getSignatureValue();
        return value != null && value.length > 0 && diagnostic.getSignatures().stream()
                .anyMatch(o -> o != s && java.util.Arrays.equals(value, o.getSignatureValue()));
    }

    /** The container files a signature references but the container lacks, as its reason. */
    static Optional<Explanation> missingFiles(SignatureWrapper s) {
        Set<String> missing = new LinkedHashSet<>();
        for (XmlDigestMatcher m : s.getDigestMatchers()) {
            if (FILE_REFERENCES.contains(m.getType()) && !isInternal(m) && !m.isDataFound()) {
                missing.add(name(m));
            }
        }
        return missing.isEmpty() ? Optional.empty()
                : Optional.of(Finding.SIGNED_FILE_MISSING.explain(String.join(", ", missing)));
    }

    /**
     * Whether the CMS signs attributes at all: without any (RFC 5652 5.3) the value is over the content
     * itself and no message-digest is expected. DSS's diagnostic data has no flag for this, so any signed
     * attribute it reports (signing time, content type, signing-certificate reference) stands for it.
     */
    private static boolean hasSignedAttributes(SignatureWrapper s) {
        return s.getClaimedSigningTime() != null || s.getContentType() != null
                || s.isSigningCertificateReferencePresent();
    }

    private static boolean isCms(SignatureWrapper s) {
        return s.getSignatureFormat() != null && (s.getSignatureFormat().getSignatureForm() == SignatureForm.CAdES
                || s.getSignatureFormat().getSignatureForm() == SignatureForm.PAdES
                || s.getSignatureFormat().getSignatureForm() == SignatureForm.PKCS7);
    }

    /** A same-document XML reference ("#id") is the signature's own part, not a file of the container. */
    private static boolean isInternal(XmlDigestMatcher m) {
        return m.getUri() != null && m.getUri().startsWith("#");
    }

    private static String name(XmlDigestMatcher m) {
        if (m.getDocumentName() != null) {
            return m.getDocumentName();
        }
        return m.getUri() != null ? m.getUri() : String.valueOf(m.getId());
    }

    private static String describe(TimestampWrapper ts) {
        String type = ts.getType() == null ? "time-stamp" : ts.getType().name();
        return ts.getProductionTime() == null ? type : type + " " + VnTime.format(ts.getProductionTime().toInstant());
    }

    private static void add(Map<Finding, Set<String>> found, Finding finding, String detail) {
        found.computeIfAbsent(finding, f -> new LinkedHashSet<>()).add(detail);
    }

    private static Set<String> codes() {
        Set<String> codes = new LinkedHashSet<>();
        for (Finding f : Finding.values()) {
            codes.add(f.name());
        }
        return Set.copyOf(codes);
    }
}
