package vn.kyso.signing.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.security.auth.login.LoginException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kyso.signing.HsmSettings;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;

/**
 * One PKCS#11 token reached through SunPKCS11. It logs in lazily, and when the token reports a lost
 * session, a removed device or a lost login, it drops the provider and connects afresh on the next
 * request, so the service recovers by itself once the HSM is back.
 *
 * <p>SunPKCS11 keeps its own pool of sessions, so concurrent {@link #sign} calls are safe; only
 * (re)connecting is serialised. After a failed login the same PIN is not retried for
 * {@code loginBackoff}, because HSMs lock a token after a few wrong PINs.
 */
final class Pkcs11Token implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Pkcs11Token.class);

    private final HsmSettings settings;
    private final Clock clock;
    private final Duration loginBackoff;
    private final Object connectLock = new Object();

    private volatile Connection connection;
    private volatile FailedLogin failedLogin;

    Pkcs11Token(HsmSettings settings, Clock clock, Duration loginBackoff) {
        this.settings = Objects.requireNonNull(settings);
        this.clock = Objects.requireNonNull(clock);
        this.loginBackoff = Objects.requireNonNull(loginBackoff);
    }

    HsmSettings settings() {
        return settings;
    }

    /** The labels of all key/certificate pairs on the token, each with its certificate chain. */
    Map<String, List<X509Certificate>> entries() {
        return connection().chains;
    }

    boolean available() {
        try {
            connection();
            return true;
        } catch (SigningException e) {
            return false;
        }
    }

    /** Signs with the key labelled {@code label}, reconnecting once if the token lost our session. */
    byte[] sign(String label, byte[] data, String jcaAlgorithm) {
        Connection c = connection();
        try {
            return signLocked(c, label, data, jcaAlgorithm);
        } catch (ProviderException | GeneralSecurityException e) {
            log.warn("HSM {} failed while signing ({}); reconnecting", settings.name(), e.toString());
            invalidate(c);
            Connection fresh = connection();
            try {
                return signLocked(fresh, label, data, jcaAlgorithm);
            } catch (ProviderException | GeneralSecurityException again) {
                invalidate(fresh);
                throw new SigningException(SigningError.HSM_UNAVAILABLE,
                        "HSM '" + settings.name() + "' could not sign; try again later", again);
            }
        }
    }

    /** One signature, while the library cannot be re-initialised under it. */
    private byte[] signLocked(Connection c, String label, byte[] data, String jcaAlgorithm)
            throws GeneralSecurityException {
        java.util.concurrent.locks.Lock calls = TokenLabels.callsInto(settings.library().toString());
        calls.lock();
        try {
            return c.sign(label, data, jcaAlgorithm);
        } finally {
            calls.unlock();
        }
    }

    /** Logs the token out, as a lost session would; the next request must log in again. For tests. */
    void simulateLostLogin() throws LoginException {
        Connection c = connection;
        if (c != null) {
            ((AuthProvider) c.provider).logout();
        }
    }

    private Connection connection() {
        Connection c = connection;
        if (c != null) {
            return c;
        }
        synchronized (connectLock) {
            if (connection == null) {
                connection = connect();
            }
            return connection;
        }
    }

    private void invalidate(Connection stale) {
        synchronized (connectLock) {
            if (connection == stale) {
                connection = null;
                stale.close();
            }
        }
    }

    /**
     * Connects; if the token is unavailable, once more after re-initialising the PKCS#11 library (at
     * most every few seconds per library), because a token removed and restored, or re-created under
     * its label, is invisible to a library initialised before: without this, signing and health stayed
     * down until a restart.
     */
    private Connection connect() {
        try {
            return connectOnce();
        } catch (SigningException e) {
            if (e.error() != SigningError.HSM_UNAVAILABLE || !reinitialiseLibrary()) {
                throw e;
            }
            log.info("HSM {} unavailable ({}); PKCS#11 library re-initialised to look for its token again",
                    settings.name(), e.getMessage());
            return connectOnce();
        }
    }

    private boolean reinitialiseLibrary() {
        try {
            return TokenLabels.reinitialise(settings.library().toString());
        } catch (RuntimeException | LinkageError e) {
            log.warn("HSM {}: re-initialising the PKCS#11 library failed: {}", settings.name(), e.toString());
            return false;
        }
    }

    private Connection connectOnce() {
        java.util.concurrent.locks.Lock calls = TokenLabels.callsInto(settings.library().toString());
        calls.lock();
        try {
            return connectOnceLocked();
        } finally {
            calls.unlock();
        }
    }

    private Connection connectOnceLocked() {
        char[] pin = readPin();
        try {
            FailedLogin failed = failedLogin;
            if (failed != null && failed.blocks(pin, clock.instant())) {
                throw new SigningException(SigningError.HSM_LOGIN_FAILED, "HSM '" + settings.name()
                        + "' rejected its PIN; fix the PIN source, retrying after " + failed.retryAt);
            }
            Provider provider = newProvider();
            KeyStore ks;
            try {
                ks = KeyStore.getInstance("PKCS11", provider);
                ks.load(null, pin);
            } catch (IOException e) {
                if (hasCause(e, LoginException.class)) {
                    failedLogin = new FailedLogin(Arrays.hashCode(pin), clock.instant().plus(loginBackoff));
                    throw new SigningException(SigningError.HSM_LOGIN_FAILED,
                            "HSM '" + settings.name() + "' rejected its PIN", e);
                }
                throw unavailable(e);
            } catch (GeneralSecurityException | ProviderException e) {
                throw unavailable(e);
            }
            failedLogin = null;
            Connection c = new Connection(provider, ks);
            log.info("HSM {} connected: {} key(s)", settings.name(), c.keys.size());
            return c;
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    private SigningException unavailable(Exception e) {
        return new SigningException(SigningError.HSM_UNAVAILABLE, "HSM '" + settings.name() + "' is unavailable", e);
    }

    private Provider newProvider() {
        // One lock with the label lookup: it initialises and then finalises the library when it is the
        // first user in the process, and a SunPKCS11 provider initialising on another thread in between
        // (another token, or another application context in the same JVM) would be left with a finalised
        // library, CKR_CRYPTOKI_NOT_INITIALIZED, for good. Once a provider holds the library initialised,
        // the lookup no longer finalises it.
        synchronized (TokenLabels.class) {
            return newProviderLocked();
        }
    }

    private Provider newProviderLocked() {
        long slot;
        try {
            if (settings.tokenLabel() != null && !settings.tokenLabel().isBlank()) {
                Long found = TokenLabels.slotsByLabel(settings.library().toString()).get(settings.tokenLabel());
                if (found == null) {
                    throw new SigningException(SigningError.HSM_UNAVAILABLE,
                            "HSM '" + settings.name() + "': no token labelled '" + settings.tokenLabel() + "'");
                }
                slot = found;
            } else {
                slot = settings.slot();
            }
            String config = "--name=kyso-" + settings.name() + "\n"
                    + "library=" + settings.library() + "\n"
                    + "slot=" + slot + "\n";
            return Security.getProvider("SunPKCS11").configure(config);
        } catch (SigningException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw unavailable(new IllegalStateException(e.toString(), e));
        }
    }

    private char[] readPin() {
        HsmSettings.PinSource source = settings.pin();
        String value;
        if (source.env() != null) {
            value = System.getenv(source.env());
            if (value == null) {
                throw new SigningException(SigningError.HSM_LOGIN_FAILED,
                        "HSM '" + settings.name() + "': PIN environment variable " + source.env() + " is not set");
            }
        } else {
            try {
                List<String> lines = Files.readAllLines(source.file(), StandardCharsets.UTF_8);
                value = lines.isEmpty() ? "" : lines.get(0).strip();
            } catch (IOException e) {
                throw new SigningException(SigningError.HSM_LOGIN_FAILED,
                        "HSM '" + settings.name() + "': PIN file cannot be read", e);
            }
        }
        return value.toCharArray();
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        synchronized (connectLock) {
            if (connection != null) {
                connection.close();
                connection = null;
            }
        }
    }

    /** Remembers a rejected PIN so that it is not tried again too soon. */
    private record FailedLogin(int pinHash, Instant retryAt) {
        boolean blocks(char[] pin, Instant now) {
            return Arrays.hashCode(pin) == pinHash && now.isBefore(retryAt);
        }
    }

    /** A logged-in provider with the key handles it found. */
    private static final class Connection {
        final Provider provider;
        final Map<String, PrivateKey> keys;
        final Map<String, List<X509Certificate>> chains;

        Connection(Provider provider, KeyStore ks) {
            this.provider = provider;
            Map<String, PrivateKey> k = new LinkedHashMap<>();
            Map<String, List<X509Certificate>> c = new LinkedHashMap<>();
            try {
                for (String alias : Collections.list(ks.aliases())) {
                    if (!ks.isKeyEntry(alias)) {
                        continue;
                    }
                    Certificate[] chain = ks.getCertificateChain(alias);
                    if (chain == null || chain.length == 0) {
                        continue;
                    }
                    k.put(alias, (PrivateKey) ks.getKey(alias, null));
                    List<X509Certificate> list = new ArrayList<>();
                    for (Certificate cert : chain) {
                        list.add((X509Certificate) cert);
                    }
                    c.put(alias, List.copyOf(list));
                }
            } catch (GeneralSecurityException e) {
                throw new SigningException(SigningError.HSM_UNAVAILABLE, "HSM keys cannot be listed", e);
            }
            this.keys = Map.copyOf(k);
            this.chains = Collections.unmodifiableMap(c);
        }

        byte[] sign(String label, byte[] data, String jcaAlgorithm) throws GeneralSecurityException {
            PrivateKey key = keys.get(label);
            if (key == null) {
                throw new SigningException(SigningError.KEY_NOT_FOUND, "no key labelled '" + label + "' on the HSM");
            }
            Signature signature = JcaSignatures.forSigning(jcaAlgorithm, provider);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        }

        void close() {
            // Deliberately no logout: PKCS#11 login state is shared by every session of the token in
            // this process, so logging out here would also log out other users of the same token.
        }
    }
}
