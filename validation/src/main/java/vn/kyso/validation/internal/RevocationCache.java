package vn.kyso.validation.internal;

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
 * OCSP responses or CRLs kept in memory and shared by every validation, so that a batch of documents
 * from the same signers costs one responder round trip per certificate.
 *
 * <p>Why hand-written: DSS ships only caches backed by JDBC or files ({@code JdbcCacheOCSPSource},
 * {@code FileCacheCRLSource}), which add I/O and a schema to the hot path; this is a map (ADR 0003).
 * An answer is served until its nextUpdate, never longer than {@code maxAge}. A failed fetch is
 * remembered briefly too, so that a responder outage costs one timeout per certificate, not one per
 * document.
 */
final class RevocationCache<R extends Revocation> implements RevocationSource<R> {

    private static final Duration FAILURE_MEMORY = Duration.ofSeconds(30);

    private final RevocationSource<R> source;
    private final Duration maxAge;
    private final Clock clock;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Entry<R>> cache = new ConcurrentHashMap<>();

    RevocationCache(RevocationSource<R> source, Duration maxAge, Clock clock, int maxEntries) {
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
        if (cache.size() >= maxEntries) {
            cache.entrySet().removeIf(e -> !now.isBefore(e.getValue().expiresAt));
            if (cache.size() >= maxEntries) {
                cache.clear();
            }
        }
        Instant expiry = fresh == null ? now.plus(min(FAILURE_MEMORY, maxAge)) : expiry(fresh, now);
        cache.put(key, new Entry<>(fresh, expiry));
        return fresh;
    }

    int size() {
        return cache.size();
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

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private record Entry<R extends Revocation>(RevocationToken<R> token, Instant expiresAt) {
    }
}
