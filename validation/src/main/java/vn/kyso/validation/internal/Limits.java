package vn.kyso.validation.internal;

import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.kyso.validation.Explanation;
import vn.kyso.validation.SignatureReport;

/**
 * What limits a verdict without deciding it, said plainly beside it: revocation that could not be checked
 * because the service runs offline and the document brought no OCSP or CRL data, and SHA-1, which real
 * Vietnamese documents of older years use. The verdict itself stays the policy's.
 */
final class Limits {

    static final String REVOCATION_NOT_CHECKED_OFFLINE = "REVOCATION_NOT_CHECKED_OFFLINE";
    static final String WEAK_DIGEST_SHA1 = "WEAK_DIGEST_SHA1";

    private Limits() {
    }

    /**
     * @param wrappers DSS's signatures
     * @param reports  the report's entries, matched to them by id (the report may list document time-stamps
     *                 too, and in another order)
     */
    static List<Explanation> of(List<SignatureWrapper> wrappers, List<SignatureReport> reports, boolean offline) {
        Set<Explanation> limits = new LinkedHashSet<>();
        java.util.Map<String, SignatureReport> byId = new java.util.HashMap<>();
        reports.forEach(r -> byId.put(r.id(), r));
        for (SignatureWrapper signature : wrappers) {
            SignatureReport report = byId.get(signature.getId());
            if (report == null) {
                continue;
            }
            String who = report.signerName();
            if (offline && report.certificate() != null
                    && "NOT_CHECKED".equals(report.revocation().status())) {
                limits.add(new Explanation(REVOCATION_NOT_CHECKED_OFFLINE,
                        "Chưa kiểm tra được chứng thư số của " + who + " có bị thu hồi hay không: hệ thống kiểm tra "
                                + "ngoại tuyến (không truy cập Internet) và văn bản không kèm dữ liệu thu hồi (OCSP/CRL)",
                        "Whether the certificate of " + who + " was revoked could not be checked: the service "
                                + "validates offline (no Internet access) and the document carries no revocation "
                                + "data (OCSP/CRL)"));
            }
            if (signature.getDigestAlgorithm() == DigestAlgorithm.SHA1) {
                limits.add(new Explanation(WEAK_DIGEST_SHA1,
                        "Chữ ký của " + who + " dùng thuật toán băm SHA-1, nay không còn đủ an toàn: chỉ tin được "
                                + "nếu có bằng chứng (dấu thời gian) văn bản được ký khi SHA-1 còn được chấp nhận",
                        "The signature of " + who + " uses the SHA-1 hash algorithm, which is no longer secure: it "
                                + "can only be relied on with proof (a time-stamp) that it was made while SHA-1 was "
                                + "still accepted"));
            }
        }
        return new ArrayList<>(limits);
    }
}
