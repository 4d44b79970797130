package vn.kyso.demopki;

import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the CAs have issued and revoked, shared by the OCSP and CRL responders. Revocations are
 * persisted on every change, so a restarted PKI answers as before.
 */
final class RevocationRegistry {

    /** A certificate as OCSP names it: its issuer and serial number. */
    record CertRef(CaId issuer, BigInteger serial) { }

    /** A revoked certificate as a CRL lists it. */
    record Revoked(BigInteger serial, Instant time) { }

    /** The answer to a status question; {@code revokedAt} is set only for {@link Kind#REVOKED}. */
    record Status(Kind kind, Instant revokedAt) {
        enum Kind { GOOD, REVOKED, UNKNOWN }
    }

    private final PkiStore store;
    private final Set<CertRef> issued;
    private final Map<String, CertRef> revocable;
    private final Map<CertRef, Instant> revoked = new ConcurrentHashMap<>();

    /**
     * @param issued    every certificate the CAs issued; others are answered "unknown"
     * @param revocable the certificates {@link #revoke} accepts, by identity alias
     */
    RevocationRegistry(PkiStore store, Set<CertRef> issued, Map<String, CertRef> revocable) {
        this.store = store;
        this.issued = Set.copyOf(issued);
        this.revocable = Map.copyOf(revocable);
        Properties saved = store.readProperties(store.revocations());
        for (String alias : saved.stringPropertyNames()) {
            CertRef ref = revocable.get(alias);
            if (ref != null) {
                try {
                    revoked.put(ref, Instant.parse(saved.getProperty(alias)));
                } catch (DateTimeParseException e) {
                    throw new IllegalStateException("bad revocation time for " + alias + " in "
                            + store.revocations(), e);
                }
            }
        }
    }

    Status status(CaId issuer, BigInteger serial) {
        CertRef ref = new CertRef(issuer, serial);
        if (!issued.contains(ref)) {
            return new Status(Status.Kind.UNKNOWN, null);
        }
        Instant time = revoked.get(ref);
        return time == null ? new Status(Status.Kind.GOOD, null) : new Status(Status.Kind.REVOKED, time);
    }

    List<Revoked> revokedBy(CaId issuer) {
        return revoked.entrySet().stream()
                .filter(e -> e.getKey().issuer() == issuer)
                .map(e -> new Revoked(e.getKey().serial(), e.getValue()))
                .toList();
    }

    Optional<Instant> revokedAt(String alias) {
        return Optional.ofNullable(revoked.get(ref(alias)));
    }

    synchronized void revoke(String alias, Instant time) {
        revoked.put(ref(alias), time);
        save();
    }

    synchronized void reinstate(String alias) {
        revoked.remove(ref(alias));
        save();
    }

    private CertRef ref(String alias) {
        CertRef ref = revocable.get(alias);
        if (ref == null) {
            throw new IllegalArgumentException("no demo identity " + alias);
        }
        return ref;
    }

    private void save() {
        Properties properties = new Properties();
        revocable.forEach((alias, ref) -> {
            Instant time = revoked.get(ref);
            if (time != null) {
                properties.setProperty(alias, time.toString());
            }
        });
        store.writeProperties(store.revocations(), properties, "Revoked demo identities: alias=revocation time");
    }
}
