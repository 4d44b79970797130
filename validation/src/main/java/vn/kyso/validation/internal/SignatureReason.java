package vn.kyso.validation.internal;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SubIndication;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.kyso.validation.Explanation;
import vn.kyso.validation.SignatureReport.RevocationInfo;
import vn.kyso.validation.SignatureReport.TimestampInfo;
import vn.kyso.validation.Verdict;

/**
 * The reason shown for one signature. DSS's sub-indication names the failed check; the plain reason
 * sometimes lies a step behind it. An expired certificate surfaces as "no acceptable revocation data"
 * (a responder's answer after expiry says nothing), a missing OCSP answer as a chain failure, and a
 * revocation proven by a time-stamp still as "no proof of existence". The code stays DSS's.
 */
final class SignatureReason {

    private static final Set<SubIndication> EVIDENCE_GAPS = Set.of(SubIndication.CERTIFICATE_CHAIN_GENERAL_FAILURE,
            SubIndication.TRY_LATER, SubIndication.REVOCATION_OUT_OF_BOUNDS_NO_POE,
            SubIndication.OUT_OF_BOUNDS_NO_POE, SubIndication.OUT_OF_BOUNDS_NOT_REVOKED, SubIndication.EXPIRED);

    private SignatureReason() {
    }

    /** What the reason may depend on besides DSS's indication. */
    record Facts(Instant validationTime, Instant notAfter, Instant claimedSigningTime,
            List<TimestampInfo> timestamps, RevocationInfo revocation, List<Explanation> changes) {
    }

    static Explanation of(Indication indication, SubIndication sub, Facts facts, boolean offline) {
        Verdict verdict = Reasons.verdict(indication);
        if (verdict == Verdict.VALID) {
            return Reasons.VALID;
        }
        String code = sub == null ? verdict.name() : sub.name();
        Optional<Instant> proven = provenExistence(facts.timestamps());
        boolean expired = facts.notAfter() != null && facts.notAfter().isBefore(facts.validationTime())
                && proven.map(p -> !p.isBefore(facts.notAfter())).orElse(true);
        if (sub != null && EVIDENCE_GAPS.contains(sub) && expired) {
            boolean signedAfterExpiry = facts.claimedSigningTime() != null
                    && facts.claimedSigningTime().isAfter(facts.notAfter());
            return signedAfterExpiry ? rename(Reasons.explain(indication, SubIndication.EXPIRED), code)
                    : rename(Reasons.explain(indication, SubIndication.OUT_OF_BOUNDS_NO_POE), code);
        }
        boolean noRevocation = "NOT_CHECKED".equals(facts.revocation().status());
        if (verdict == Verdict.INDETERMINATE && noRevocation && (Reasons.isRevocationGap(sub)
                || sub == SubIndication.CERTIFICATE_CHAIN_GENERAL_FAILURE)) {
            return offline ? Reasons.offlineWithoutRevocation(sub) : Reasons.revocationUnavailable(sub);
        }
        Instant revokedAt = facts.revocation().revokedAt();
        if (sub == SubIndication.REVOKED_NO_POE && revokedAt != null) {
            if (proven.isPresent() && !proven.get().isBefore(revokedAt)) {
                return new Explanation(code, "Chứng thư số đã bị thu hồi trước thời điểm ký (dấu thời gian chứng "
                        + "minh chữ ký được tạo sau khi thu hồi)", "The certificate was revoked before the document was "
                        + "signed (a time-stamp proves the signature was made after the revocation)");
            }
            if (facts.claimedSigningTime() != null && !facts.claimedSigningTime().isBefore(revokedAt)) {
                return new Explanation(code, "Chứng thư số đã bị thu hồi trước thời điểm ký do người ký khai",
                        "The certificate was revoked before the signing time the signer claims");
            }
        }
        Explanation reason = Reasons.explain(indication, sub);
        if (sub == SubIndication.FORMAT_FAILURE || sub == SubIndication.SIG_CONSTRAINTS_FAILURE) {
            Optional<Explanation> change = facts.changes().stream().filter(c -> !PdfChanges.permitted(c)).findFirst();
            if (change.isPresent()) {
                return new Explanation(code, "Văn bản đã bị sửa đổi sau khi ký: " + change.get().vi(),
                        "The document was modified after signing: " + change.get().en());
            }
        }
        return reason;
    }

    /** The earliest valid time-stamp over the signature: a proof that it existed then. */
    private static Optional<Instant> provenExistence(List<TimestampInfo> timestamps) {
        return timestamps.stream().filter(TimestampInfo::valid).filter(t -> !"CONTENT_TIMESTAMP".equals(t.type()))
                .map(TimestampInfo::time).filter(java.util.Objects::nonNull).min(Instant::compareTo);
    }

    private static Explanation rename(Explanation e, String code) {
        return new Explanation(code, e.vi(), e.en());
    }
}
