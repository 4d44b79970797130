package vn.kyso.signing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.kyso.core.KeyFamily;
import vn.kyso.signing.HsmSettings;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.SigningTimings;

/**
 * The keys of every configured HSM, and the trust anchors of each family. Keys listed in the settings
 * are known without touching the HSM; a token configured without a key list is asked for its keys
 * when it is first reachable.
 */
final class KeyRegistry implements AutoCloseable {

    private final List<Pkcs11Token> tokens = new ArrayList<>();
    private final Map<String, KeyEntry> configured = new LinkedHashMap<>();
    private final Map<KeyFamily, List<X509Certificate>> anchors = new EnumMap<>(KeyFamily.class);

    private final SigningTimings timings;

    KeyRegistry(List<HsmSettings> hsms, Clock clock, Duration loginBackoff, SigningTimings timings) {
        this.timings = timings;
        for (KeyFamily f : KeyFamily.values()) {
            anchors.put(f, new ArrayList<>());
        }
        for (HsmSettings hsm : hsms) {
            Pkcs11Token token = new Pkcs11Token(hsm, clock, loginBackoff);
            tokens.add(token);
            if (hsm.trustAnchors() != null) {
                anchors.get(hsm.family()).addAll(readCertificates(hsm.trustAnchors()));
            }
            for (HsmSettings.KeySettings k : hsm.keys()) {
                byte[] image = k.appearanceImage() == null ? null : readImage(k.appearanceImage(), k.id());
                configured.put(k.id(), new KeyEntry(k.id(), hsm.family(),
                        new Pkcs11KeySigner(token, k.label(), timings),
                        image, k.holder(), token, k.imageWidthMm()));
            }
        }
    }

    /** Every key: the configured ones, then those found on tokens that have no key list. */
    List<KeyEntry> all() {
        List<KeyEntry> result = new ArrayList<>(configured.values());
        for (Pkcs11Token token : tokens) {
            if (token.settings().keys().isEmpty() && token.available()) {
                for (String label : token.entries().keySet()) {
                    if (!configured.containsKey(label)) {
                        result.add(discovered(token, label));
                    }
                }
            }
        }
        return result;
    }

    KeyEntry find(String id) {
        KeyEntry entry = configured.get(id);
        if (entry != null) {
            return entry;
        }
        for (Pkcs11Token token : tokens) {
            if (token.settings().keys().isEmpty() && token.available() && token.entries().containsKey(id)) {
                return discovered(token, id);
            }
        }
        throw new SigningException(SigningError.KEY_NOT_FOUND, "no signing key with id '" + id + "'");
    }

    Map<KeyFamily, List<X509Certificate>> anchors() {
        return anchors;
    }

    List<X509Certificate> allAnchors() {
        List<X509Certificate> all = new ArrayList<>();
        anchors.values().forEach(all::addAll);
        return all;
    }

    private KeyEntry discovered(Pkcs11Token token, String label) {
        return new KeyEntry(label, token.settings().family(),
                new Pkcs11KeySigner(token, label, timings), null, null, token);
    }

    static List<X509Certificate> readCertificates(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            List<X509Certificate> result = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                result.add((X509Certificate) c);
            }
            return result;
        } catch (IOException | CertificateException e) {
            throw new IllegalArgumentException("trust anchors cannot be read from " + pem + ": " + e.getMessage(), e);
        }
    }

    private static byte[] readImage(Path path, String keyId) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new IllegalArgumentException("appearance image of key " + keyId + " cannot be read: " + path, e);
        }
    }

    @Override
    public void close() {
        tokens.forEach(Pkcs11Token::close);
    }
}
