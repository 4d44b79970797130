package vn.kyso.validation.internal;

import java.util.List;
import java.util.stream.Collectors;
import vn.kyso.validation.Explanation;
import vn.kyso.validation.SignatureReport;
import vn.kyso.validation.Verdict;

/** The one-line summary on top of a report, e.g. "Văn bản hợp lệ — ký bởi … lúc …". */
final class Headline {

    private Headline() {
    }

    static Explanation of(Verdict verdict, List<SignatureReport> signatures, Explanation reason) {
        return of(verdict, signatures, reason, null);
    }

    /** @param also a second, independent reason said after the first (e.g. untrusted signer and changed content) */
    static Explanation of(Verdict verdict, List<SignatureReport> signatures, Explanation reason, Explanation also) {
        if (also != null && reason != null && !also.code().equals(reason.code())) {
            reason = new Explanation(reason.code(), reason.vi() + "; " + lower(also.vi()),
                    reason.en() + "; " + lower(also.en()));
        }
        return switch (verdict) {
            case UNSIGNED -> new Explanation(Verdict.UNSIGNED.name(), "Văn bản không có chữ ký số",
                    "The document has no digital signature");
            case VALID -> signatures.stream().allMatch(Headline::timestamp)
                    ? new Explanation(Verdict.VALID.name(),
                            "Văn bản hợp lệ — có dấu thời gian của " + signers(signatures, " lúc "),
                            "Valid document — time-stamped by " + signers(signatures, " at "))
                    : new Explanation(Verdict.VALID.name(),
                            "Văn bản hợp lệ — ký bởi " + signers(signers(signatures), " lúc "),
                            "Valid document — signed by " + signers(signers(signatures), " at "));
            case INVALID -> new Explanation(Verdict.INVALID.name(), "Văn bản KHÔNG hợp lệ — " + lower(reason.vi()),
                    "INVALID document — " + lower(reason.en()));
            case INDETERMINATE -> new Explanation(Verdict.INDETERMINATE.name(),
                    "Chưa đủ cơ sở kết luận văn bản hợp lệ — " + lower(reason.vi()),
                    "Validity cannot be confirmed — " + lower(reason.en()));
        };
    }

    private static boolean timestamp(SignatureReport s) {
        return DocumentTimestamps.FORMAT.equals(s.format());
    }

    /** The signatures proper: a document time-stamp beside them is no signer. */
    private static List<SignatureReport> signers(List<SignatureReport> signatures) {
        return signatures.stream().filter(s -> !timestamp(s)).toList();
    }

    private static String signers(List<SignatureReport> signatures, String at) {
        return signatures.stream().map(s -> s.signerName()
                        + (s.organisation() == null || s.organisation().equals(s.signerName()) ? ""
                                : " (" + s.organisation() + ")")
                        + at + VnTime.format(s.claimedSigningTime()))
                .collect(Collectors.joining("; "));
    }

    /** "Nội dung đã…" reads as "… — nội dung đã…" after a dash; names and acronyms keep their case. */
    private static String lower(String s) {
        if (s.length() < 2 || !Character.isUpperCase(s.charAt(0)) || Character.isUpperCase(s.charAt(1))) {
            return s;
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
