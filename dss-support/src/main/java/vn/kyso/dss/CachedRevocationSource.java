package vn.kyso.dss;

import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.model.x509.revocation.Revocation;
import eu.europa.esig.dss.spi.x509.revocation.RevocationSource;
import eu.europa.esig.dss.spi.x509.revocation.RevocationToken;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.function.Supplier;
import vn.kyso.core.revocation.RevocationAnswer;
import vn.kyso.core.revocation.RevocationCache;
import vn.kyso.core.revocation.RevocationKey;

/**
 * DSS's view of the shared {@link RevocationCache}. What differs between its users is only how fresh an
 * answer must be, so that is asked of {@code notIssuedBefore} at each request: signing passes its thread's
 * freshness floor (DSS asks only when the evidence it has is not issued after the best-signature-time, so
 * a cached answer from before the latest time-stamp must not serve); validation judges at "now" and passes
 * no bound, so a batch of documents from the same signers costs one responder round trip per certificate.
 */
public final class CachedRevocationSource<R extends Revocation> implements RevocationSource<R> {

    private static final long serialVersionUID = 1L;

    private final RevocationSource<R> source;
    private final RevocationKey.Kind kind;
    private final RevocationCache cache;
    private final Supplier<Instant> notIssuedBefore;

    /**
     * @param notIssuedBefore the instant an answer must have been issued after, asked at every request;
     *                        it may return null (no bound)
     */
    public CachedRevocationSource(RevocationSource<R> source, RevocationKey.Kind kind, RevocationCache cache,
            Supplier<Instant> notIssuedBefore) {
        this.source = Objects.requireNonNull(source);
        this.kind = Objects.requireNonNull(kind);
        this.cache = Objects.requireNonNull(cache);
        this.notIssuedBefore = Objects.requireNonNull(notIssuedBefore);
    }

    /** Without a bound: any answer still within its validity serves. */
    public static <R extends Revocation> CachedRevocationSource<R> unbounded(RevocationSource<R> source,
            RevocationKey.Kind kind, RevocationCache cache) {
        return new CachedRevocationSource<>(source, kind, cache, () -> null);
    }

    @Override
    public RevocationToken<R> getRevocationToken(CertificateToken certificate, CertificateToken issuer) {
        RevocationKey key = new RevocationKey(kind, certificate.getDSSIdAsString(),
                issuer == null ? null : issuer.getDSSIdAsString());
        return cache.get(key, notIssuedBefore.get(), () -> answer(source.getRevocationToken(certificate, issuer)));
    }

    static <R extends Revocation> RevocationAnswer<RevocationToken<R>> answer(RevocationToken<R> token) {
        if (token == null || token.getThisUpdate() == null) {
            return RevocationAnswer.none();
        }
        Date next = token.getNextUpdate();
        return new RevocationAnswer<>(token, token.getThisUpdate().toInstant(), next == null ? null : next.toInstant());
    }
}
