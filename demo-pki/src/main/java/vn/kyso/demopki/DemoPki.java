package vn.kyso.demopki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyStore;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kyso.core.KeyFamily;

/**
 * A demo PKI: generated once into a directory, loaded from it afterwards. It holds two CA families,
 * a time-stamping authority, the demo identities with their keys in SoftHSM2 tokens, and loopback
 * OCSP, CRL and time-stamp responders.
 *
 * <p>The SoftHSM2 library reads the environment variable {@code SOFTHSM2_CONF} once, when a process
 * first loads it; the JVM must therefore start with it set, and this class creates the tokens before
 * any SunPKCS11 provider of this JVM touches the library. Instances are thread-safe.
 */
public final class DemoPki implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoPki.class);
    /** Serialises generation within the JVM; the file lock does it across JVMs. */
    private static final Object GENERATION_LOCK = new Object();

    private final DemoPkiSettings settings;
    private final PkiStore store;
    private final SoftHsm softHsm;
    private final PkiContents contents;
    private final RevocationRegistry revocations;
    private final Responders responders;
    private final Map<KeyFamily, Long> slots = new EnumMap<>(KeyFamily.class);
    private final Map<KeyFamily, Provider> providers = new EnumMap<>(KeyFamily.class);

    private DemoPki(DemoPkiSettings settings, PkiStore store, SoftHsm softHsm, PkiContents contents) {
        this.settings = settings;
        this.store = store;
        this.softHsm = softHsm;
        this.contents = contents;
        this.revocations = new RevocationRegistry(store, issued(contents), revocable(contents));
        this.responders = new Responders(contents.cas(), revocations, new TimeStampAuthority(contents.tsa()));
    }

    /**
     * Loads the PKI from {@code settings.directory()} if it was generated before, else generates it (CAs,
     * end-entity certificates, SoftHSM2 tokens with the keys imported, appearance images). A directory
     * left by an interrupted generation, or whose tokens are gone, is generated again from scratch.
     *
     * @throws IllegalStateException if SOFTHSM2_CONF is not set in the environment
     */
    @SuppressWarnings("try") // the file lock is held for its scope (one generator across processes), never read
    public static DemoPki createOrLoad(DemoPkiSettings settings) {
        Objects.requireNonNull(settings, "settings");
        SoftHsm softHsm = new SoftHsm(settings.softhsmUtil(), settings.pkcs11Library(), SoftHsm.configuredConf());
        PkiStore store = new PkiStore(settings.directory());
        synchronized (GENERATION_LOCK) {
            try {
                Files.createDirectories(settings.directory());
                try (FileChannel channel = FileChannel.open(settings.directory().resolve(".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock lock = channel.lock()) {
                    Optional<String> reason = reasonToGenerate(store, softHsm);
                    if (reason.isPresent()) {
                        LOG.info("Generating a new demo PKI: {}", reason.get());
                        new PkiGenerator(store, softHsm, settings.port()).generate();
                    }
                    PkiContents contents = PkiContents.load(store);
                    if (settings.port() != 0 && settings.port() != contents.port()) {
                        LOG.warn("The demo PKI in {} uses port {}, fixed in its certificates; port {} is ignored",
                                settings.directory(), contents.port(), settings.port());
                    }
                    return new DemoPki(settings, store, softHsm, contents);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock the demo PKI directory " + settings.directory(), e);
            }
        }
    }

    private static Optional<String> reasonToGenerate(PkiStore store, SoftHsm softHsm) {
        if (!store.isComplete()) {
            return Optional.of("no complete PKI in " + store.root());
        }
        Map<String, String> serials = PkiContents.tokenSerials(store);
        for (KeyFamily family : KeyFamily.values()) {
            String label = tokenLabelOf(family);
            Optional<SoftHsm.TokenSlot> token;
            try {
                token = softHsm.findToken(label);
            } catch (IllegalStateException duplicates) {
                return Optional.of(duplicates.getMessage());
            }
            if (token.isEmpty()) {
                return Optional.of("token " + label + " is missing from " + softHsm.conf());
            }
            if (!token.get().serial().equals(serials.get(label))) {
                return Optional.of("token " + label + " in " + softHsm.conf() + " is not the one generated with "
                        + store.root());
            }
        }
        return Optional.empty();
    }

    /** Starts the HTTP responders on 127.0.0.1 at the port fixed at generation; does nothing if running. */
    public DemoPki startResponders() {
        responders.start(contents.port());
        return this;
    }

    /** For example {@code http://127.0.0.1:18480}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + contents.port());
    }

    public String tsaUrl() {
        return baseUri() + "/tsa";
    }

    /** The RFC 3161 policy OID of the time-stamps, {@code 1.2.3.4.1}. */
    public String tsaPolicy() {
        return TimeStampAuthority.POLICY.getId();
    }

    /** The TSA's certificate; its chain continues with the specialised issuing CA and root. */
    public X509Certificate tsaCertificate() {
        return contents.tsa().certificate();
    }

    /** A PEM file with that family's root certificate. */
    public Path trustAnchorsPem(KeyFamily family) {
        return store.trustAnchors(Objects.requireNonNull(family, "family"));
    }

    public List<X509Certificate> trustAnchors(KeyFamily family) {
        return List.of(contents.cas().get(CaId.root(Objects.requireNonNull(family, "family"))).certificate());
    }

    public List<DemoIdentity> identities() {
        return contents.identities();
    }

    /** @throws IllegalArgumentException if there is no identity with this alias */
    public DemoIdentity identity(String alias) {
        return contents.identities().stream()
                .filter(identity -> identity.alias().equals(alias))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo identity " + alias));
    }

    /** The SoftHSM2 configuration file in use, from SOFTHSM2_CONF. */
    public Path softHsmConf() {
        return softHsm.conf();
    }

    public String pkcs11Library() {
        return settings.pkcs11Library();
    }

    /** {@code kyso-specialised} or {@code kyso-public}. */
    public String tokenLabel(KeyFamily family) {
        return tokenLabelOf(Objects.requireNonNull(family, "family"));
    }

    /** A file whose first line is the token's user PIN; only its owner may read it. */
    public Path pinFile(KeyFamily family) {
        return store.userPinFile(Objects.requireNonNull(family, "family"));
    }

    /**
     * The PKCS#11 slot id of the family's token, for SunPKCS11's {@code slot} setting: JDK 17 cannot
     * select a token by label. SoftHSM2 derives the id from the token's serial, so it stays the same.
     */
    public synchronized long slotId(KeyFamily family) {
        return slots.computeIfAbsent(Objects.requireNonNull(family, "family"), f ->
                softHsm.findToken(tokenLabelOf(f)).orElseThrow(() -> new IllegalStateException(
                        "token " + tokenLabelOf(f) + " is missing from " + softHsm.conf())).slotId());
    }

    /**
     * A SunPKCS11 provider for the family's token, created on first use and not registered with
     * {@link java.security.Security}. Log in with {@code KeyStore.getInstance("PKCS11", provider)
     * .load(null, pin)}.
     */
    public synchronized Provider pkcs11Provider(KeyFamily family) {
        Provider provider = providers.get(family);
        if (provider == null) {
            provider = softHsm.provider(tokenLabelOf(family), slotId(family), "");
            providers.put(family, provider);
        }
        return provider;
    }

    /** Marks the identity's certificate revoked at that time (to the second), for OCSP and CRL; persisted. */
    public void revoke(String alias, Instant revocationTime) {
        Objects.requireNonNull(revocationTime, "revocationTime");
        revocations.revoke(identity(alias).alias(), revocationTime.truncatedTo(ChronoUnit.SECONDS));
    }

    /** When the identity's certificate was revoked, or empty while it is good. */
    public Optional<Instant> revocationTime(String alias) {
        return revocations.revokedAt(identity(alias).alias());
    }

    /** Undoes {@link #revoke}, so that tests sharing the PKI can restore the state they found. */
    public void reinstate(String alias) {
        revocations.reinstate(identity(alias).alias());
    }

    /** When false, every responder endpoint answers HTTP 503, as during an outage. */
    public void setRespondersAvailable(boolean available) {
        responders.setAvailable(available);
    }

    /**
     * A software copy of the key of an identity that is not in a token ({@code remote-signer}), for tests
     * of two-step signing where an external device holds the key.
     *
     * @throws IllegalArgumentException if the identity's key exists only in its token
     */
    public KeyStore.PrivateKeyEntry softwareKey(String alias) {
        DemoIdentity identity = identity(alias);
        if (identity.inToken()) {
            throw new IllegalArgumentException(
                    "the key of " + alias + " exists only in token " + identity.tokenLabel());
        }
        char[] password = store.readSecret(store.keyStorePasswordFile()).toCharArray();
        return store.readKeyStore(store.identityKeyStore(alias), alias, password);
    }

    /** Stops the responders; the PKI stays on disk and in the tokens. */
    @Override
    public void close() {
        responders.close();
    }

    static String tokenLabelOf(KeyFamily family) {
        return "kyso-" + family.name().toLowerCase(Locale.ROOT);
    }

    private static Set<RevocationRegistry.CertRef> issued(PkiContents contents) {
        Set<RevocationRegistry.CertRef> issued = contents.identities().stream()
                .map(identity -> ref(identity.certificate(), CaId.issuing(identity.family())))
                .collect(Collectors.toCollection(HashSet::new));
        for (CertificateAuthority ca : contents.cas().values()) {
            if (!ca.id().isRoot()) {
                issued.add(ref(ca.certificate(), ca.id().issuer()));
            }
        }
        issued.add(ref(contents.tsa().certificate(), CaId.SPECIALISED_CA));
        return issued;
    }

    private static Map<String, RevocationRegistry.CertRef> revocable(PkiContents contents) {
        Map<String, RevocationRegistry.CertRef> revocable = new HashMap<>();
        for (DemoIdentity identity : contents.identities()) {
            revocable.put(identity.alias(), ref(identity.certificate(), CaId.issuing(identity.family())));
        }
        return revocable;
    }

    private static RevocationRegistry.CertRef ref(X509Certificate certificate, CaId issuer) {
        BigInteger serial = certificate.getSerialNumber();
        return new RevocationRegistry.CertRef(issuer, serial);
    }
}
