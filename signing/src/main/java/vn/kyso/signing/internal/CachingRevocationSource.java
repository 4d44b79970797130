package vn.kyso.signing.internal;

import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.model.x509.revocation.Revocation;
import eu.europa.esig.dss.spi.x509.revocation.RevocationSource;
import eu.europa.esig.dss.spi.x509.revocation.RevocationToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps OCSP responses and CRLs in memory while they are valid, so that signing at B-LT does not ask
 * the responder again for every document of the same signer.
 *
 * <p>Why hand-written: DSS ships caches backed by JDBC or files ({@code JdbcCacheOCSPSource},
 * {@code FileCacheOCSPSource}), which add I/O to the hot path; this one is a map. An entry is served
 * until the response's nextUpdate (never longer than {@code maxAge}), and a revoked status is served as
 * cached too: revocation is final.
 */
final class CachingRevocationSource<R extends Revocation> implements RevocationSource<R> {

    private final RevocationSource<R> source;
    private final Duration maxAge;
    private final Clock clock;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Entry<R>> cache = new ConcurrentHashMap<>();

    CachingRevocationSource(RevocationSource<R> source, Duration maxAge, Clock clock, int maxEntries) {
        this.source = Objects.requireNonNull(source);
        this.maxAge = Objects.requireNonNull(maxAge);
        this.clock = Objects.requireNonNull(clock);
        this.maxEntries = maxEntries;
    }

    @Override
    public RevocationToken<R> getRevocationToken(CertificateToken certificate, CertificateToken issuer) {
        String key = certificate.getDSSIdAsString() + '/' + (issuer == null ? "" : issuer.getDSSIdAsString());
        Instant now = clock.instant();
        Entry<R> cached = cache.get(key);
        if (cached != null && now.isBefore(cached.expiresAt)) {
            return cached.token;
        }
        RevocationToken<R> fresh = source.getRevocationToken(certificate, issuer);
        if (fresh != null) {
            if (cache.size() >= maxEntries) {
                cache.entrySet().removeIf(e -> !now.isBefore(e.getValue().expiresAt));
                if (cache.size() >= maxEntries) {
                    cache.clear();
                }
            }
            cache.put(key, new Entry<>(fresh, expiry(fresh, now)));
        }
        return fresh;
    }

    private Instant expiry(RevocationToken<R> token, Instant now) {
        Instant limit = now.plus(maxAge);
        Date nextUpdate = token.getNextUpdate();
        if (nextUpdate == null) {
            return limit;
        }
        Instant next = nextUpdate.toInstant();
        return next.isBefore(limit) ? next : limit;
    }

    int size() {
        return cache.size();
    }

    private record Entry<R extends Revocation>(RevocationToken<R> token, Instant expiresAt) {
    }
}
