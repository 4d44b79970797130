package vn.kyso.validation.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.kyso.validation.Explanation;
import vn.kyso.validation.SignatureReport;
import vn.kyso.validation.Verdict;

/**
 * The whole document's verdict and the reasons its headline gives, from the signatures and the
 * document-level findings. Red (INVALID) whenever the document shown is not the one signed — a visible
 * change after a signature, tampering proven by the bytes, a failed signature — whoever signed; and
 * when the signer is not trusted and the content changed too, the headline says both.
 */
final class DocumentVerdict {

    /** The reason code of a signature that is sound for its revision but was changed after. */
    static final String MODIFIED_AFTER_SIGNING = ReportAssembler.MODIFIED_AFTER_SIGNING;

    /** Signature reasons that are about the content, not about the signer or the evidence. */
    private static final Set<String> ABOUT_CONTENT = Set.of("FORMAT_FAILURE", "SIG_CONSTRAINTS_FAILURE",
            "HASH_FAILURE", MODIFIED_AFTER_SIGNING);

    /**
     * @param primary   the reason the headline gives first; null for VALID and UNSIGNED
     * @param secondary a second, independent reason (the signer's trust beside a content change, or the
     *                  change beside a signature problem), or null
     */
    record Outcome(Verdict verdict, Explanation primary, Explanation secondary) {
    }

    private DocumentVerdict() {
    }

    static Outcome of(List<SignatureReport> signatures, List<Explanation> findings) {
        if (signatures.isEmpty() && findings.isEmpty()) {
            return new Outcome(Verdict.UNSIGNED, null, null);
        }
        Optional<Explanation> tampering = findings.stream().filter(ReportAssembler::tampering).findFirst();
        boolean visible = findings.stream().anyMatch(PdfChanges::red);
        Optional<Explanation> signatureInvalid = ownProblem(signatures, Verdict.INVALID);
        Optional<Explanation> signatureIndeterminate = ownProblem(signatures, Verdict.INDETERMINATE);
        Optional<Explanation> signatureProblem = signatureInvalid.or(() -> signatureIndeterminate);
        boolean anyNotValid = signatures.stream().anyMatch(s -> s.verdict() != Verdict.VALID);

        Verdict verdict;
        if (tampering.isPresent() || visible || signatureInvalid.isPresent()) {
            verdict = Verdict.INVALID;
        } else if (!findings.isEmpty() || anyNotValid) {
            // DSS only warns about some changes, or does not see them; a signed letter with new objects
            // or a damaged tail is not "valid"
            verdict = Verdict.INDETERMINATE;
        } else {
            return new Outcome(Verdict.VALID, null, null);
        }

        Explanation primary;
        if (tampering.isPresent()) {
            primary = tampering.get();
        } else if (signatureInvalid.isPresent()) {
            primary = signatureInvalid.get();
        } else if (visible || signatureIndeterminate.isEmpty()) {
            primary = findings.isEmpty() ? demotedReason(signatures) : findings.get(0);
        } else {
            primary = signatureIndeterminate.get();
        }
        Explanation secondary = null;
        if (findings.contains(primary) || primary.code().equals(MODIFIED_AFTER_SIGNING)) {
            // a change or a trick leads: add the signer's own problem if it is about trust or evidence
            secondary = signatureProblem.filter(p -> !ABOUT_CONTENT.contains(p.code())).orElse(null);
        } else if (!ABOUT_CONTENT.contains(primary.code()) && !findings.isEmpty()) {
            // a trust or evidence problem leads: add what changed
            secondary = findings.get(0);
        }
        return new Outcome(verdict, primary, secondary);
    }

    /**
     * The first reason of the given verdict that the signature has on its own account, not because a
     * later change demoted it.
     */
    private static Optional<Explanation> ownProblem(List<SignatureReport> signatures, Verdict verdict) {
        return signatures.stream().filter(s -> s.verdict() == verdict)
                .map(SignatureReport::reason).filter(r -> !MODIFIED_AFTER_SIGNING.equals(r.code())).findFirst();
    }

    private static Explanation demotedReason(List<SignatureReport> signatures) {
        return signatures.stream().filter(s -> s.verdict() != Verdict.VALID).map(SignatureReport::reason)
                .findFirst().orElseThrow();
    }
}
