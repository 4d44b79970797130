package vn.kyso.validation.internal;

import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.model.x509.revocation.Revocation;
import eu.europa.esig.dss.spi.x509.revocation.RevocationSource;
import eu.europa.esig.dss.spi.x509.revocation.RevocationToken;
import java.util.Date;
import java.util.Objects;
import vn.kyso.core.revocation.RevocationAnswer;
import vn.kyso.core.revocation.RevocationCache;
import vn.kyso.core.revocation.RevocationKey;

/**
 * DSS's view of the shared {@link RevocationCache} while validating: validation judges at "now", so
 * any answer still within its validity serves (no lower bound on its issue time), and a batch of
 * documents from the same signers costs one responder round trip per certificate.
 */
final class CachedRevocationSource<R extends Revocation> implements RevocationSource<R> {

    private static final long serialVersionUID = 1L;

    private final RevocationSource<R> source;
    private final RevocationKey.Kind kind;
    private final RevocationCache cache;

    CachedRevocationSource(RevocationSource<R> source, RevocationKey.Kind kind, RevocationCache cache) {
        this.source = Objects.requireNonNull(source);
        this.kind = Objects.requireNonNull(kind);
        this.cache = Objects.requireNonNull(cache);
    }

    @Override
    public RevocationToken<R> getRevocationToken(CertificateToken certificate, CertificateToken issuer) {
        RevocationKey key = new RevocationKey(kind, certificate.getDSSIdAsString(),
                issuer == null ? null : issuer.getDSSIdAsString());
        return cache.get(key, null, () -> answer(source.getRevocationToken(certificate, issuer)));
    }

    private static <R extends Revocation> RevocationAnswer<RevocationToken<R>> answer(RevocationToken<R> token) {
        if (token == null || token.getThisUpdate() == null) {
            return RevocationAnswer.none();
        }
        Date next = token.getNextUpdate();
        return new RevocationAnswer<>(token, token.getThisUpdate().toInstant(), next == null ? null : next.toInstant());
    }
}
