package vn.kyso.signing.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kyso.signing.AugmentRequest;
import vn.kyso.signing.BatchItemResult;
import vn.kyso.signing.Document;
import vn.kyso.signing.Packaging;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SignedDocument;
import vn.kyso.signing.SigningException;

/**
 * A batch in two passes, so that its revocation data is collected once, after all its time-stamps
 * (issue #10): every document is first signed up to B-T, then every long-term one is extended to its
 * level with one freshness floor for all, the latest of their time-stamps. The shared cache then
 * serves the answer fetched for the first document to all the others of the same signer, and each is
 * still issued after its own document's time-stamp. Signing each document straight to B-LT instead
 * needs a new answer per document, dated after that document's time-stamp.
 */
final class BatchSigning {

    private static final Logger log = LoggerFactory.getLogger(BatchSigning.class);

    /** The service's steps, each run with the thread's freshness floor as given. */
    interface Steps {
        Instant now();

        SignedDocument sign(SignRequest request);

        SignedDocument augment(AugmentRequest request);
    }

    private final Steps steps;

    BatchSigning(Steps steps) {
        this.steps = steps;
    }

    List<BatchItemResult> sign(List<SignRequest> requests) {
        BatchItemResult[] results = new BatchItemResult[requests.size()];
        SignedDocument[] timeStamped = new SignedDocument[requests.size()];
        Instant floor = null;
        for (int i = 0; i < requests.size(); i++) {
            SignRequest r = requests.get(i);
            SignatureLevel level = r.options().level();
            boolean longTerm = level == SignatureLevel.B_LT || level == SignatureLevel.B_LTA;
            SignRequest first = longTerm ? new SignRequest(r.document(), r.keyId(), atBt(r.options())) : r;
            Instant[] raised = new Instant[1];
            int index = i;
            SignedDocument signed = attempt(results, index, r, () -> FreshnessFloor.during(steps.now(), () -> {
                SignedDocument d = steps.sign(first);
                raised[0] = FreshnessFloor.current();
                return d;
            }));
            if (signed == null) {
                continue;
            }
            if (longTerm) {
                timeStamped[i] = signed;
                floor = floor == null || raised[0].isAfter(floor) ? raised[0] : floor;
            } else {
                results[i] = new BatchItemResult(i, r.document().name(), signed, null);
            }
        }
        for (int i = 0; i < requests.size(); i++) {
            SignedDocument t = timeStamped[i];
            if (t == null) {
                continue;
            }
            SignRequest r = requests.get(i);
            Instant batchFloor = floor;
            AugmentRequest extend = new AugmentRequest(new Document(t.name(), t.content()), r.options().level(),
                    detached(t.format(), r));
            SignedDocument extended = attempt(results, i, r,
                    () -> FreshnessFloor.during(batchFloor, () -> steps.augment(extend)));
            if (extended != null) {
                results[i] = new BatchItemResult(i, r.document().name(), new SignedDocument(t.name(), t.mediaType(),
                        extended.content(), t.format(), r.options().level(), t.keyId(), t.signingTime()), null);
            }
        }
        return new ArrayList<>(Arrays.asList(results));
    }

    private static SignedDocument attempt(BatchItemResult[] results, int i, SignRequest r,
            Supplier<SignedDocument> step) {
        try {
            return step.get();
        } catch (SigningException e) {
            log.info("batch item {} ({}) failed: {} {}", i, r.document().name(), e.error(), e.getMessage());
            results[i] = new BatchItemResult(i, r.document().name(), null,
                    new BatchItemResult.Failure(e.error().code(), e.getMessage()));
            return null;
        }
    }

    private static SignOptions atBt(SignOptions o) {
        return new SignOptions(o.format(), SignatureLevel.B_T, o.packaging(), o.appearance(), o.placement(),
                o.numberSymbol(), o.copyForm(), o.digest(), o.requiredFamily(), null, o.copySource());
    }

    /** The original goes along where the signature does not contain it. */
    private static List<Document> detached(SignatureFormat format, SignRequest r) {
        Packaging packaging = r.options().packaging();
        // CAdES is detached unless asked otherwise; XAdES and JAdES only when asked.
        boolean detached = packaging == Packaging.DETACHED || (format == SignatureFormat.CADES && packaging == null);
        return detached ? List.of(r.document()) : List.of();
    }
}
