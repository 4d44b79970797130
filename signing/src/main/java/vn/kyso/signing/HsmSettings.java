package vn.kyso.signing;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import vn.kyso.core.KeyFamily;

/**
 * One PKCS#11 token and the keys on it. Several may be configured at once, typically one for
 * specialised (Government CA) keys and one for public CA keys.
 *
 * @param name         a short name for logs and health, for example "specialised"
 * @param family       the family of every key on this token
 * @param library      the vendor's PKCS#11 module, for example /usr/lib/softhsm/libsofthsm2.so
 * @param tokenLabel   the token label; takes precedence over {@code slot}
 * @param slot         the slot index (SunPKCS11 slotListIndex) when no label is given
 * @param pin          where the user PIN comes from (never the PIN itself)
 * @param keys         the keys to expose; an empty list exposes every key/certificate pair on the token
 * @param trustAnchors PEM file with the roots of this family, used to complete chains and fetch
 *                     revocation data for long-term levels
 * @param rsaScheme    how the RSA keys of this set sign; null for PKCS#1 v1.5 (EC keys ignore it)
 */
public record HsmSettings(
        String name,
        KeyFamily family,
        Path library,
        String tokenLabel,
        Integer slot,
        PinSource pin,
        List<KeySettings> keys,
        Path trustAnchors,
        RsaSignatureScheme rsaScheme) {

    public HsmSettings {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,40}")) {
            throw new IllegalArgumentException("HSM name must be lower-case letters, digits and dashes: " + name);
        }
        Objects.requireNonNull(family, "family of HSM " + name);
        Objects.requireNonNull(library, "library of HSM " + name);
        if ((tokenLabel == null || tokenLabel.isBlank()) && slot == null) {
            throw new IllegalArgumentException("HSM " + name + " needs a token label or a slot");
        }
        Objects.requireNonNull(pin, "pin of HSM " + name);
        keys = keys == null ? List.of() : List.copyOf(keys);
        rsaScheme = Objects.requireNonNullElse(rsaScheme, RsaSignatureScheme.PKCS1_V1_5);
    }

    /**
     * Where a PIN is read from: an environment variable or a file (first line). Exactly one is set;
     * the PIN itself never sits in configuration.
     */
    public record PinSource(String env, Path file) {

        public PinSource {
            boolean hasEnv = env != null && !env.isBlank();
            if (hasEnv == (file != null)) {
                throw new IllegalArgumentException("a PIN source names exactly one of env or file");
            }
        }
    }

    /**
     * One key on the token.
     *
     * @param id              the identifier clients use; unique across all HSMs
     * @param label           the PKCS#11 label (SunPKCS11 alias) of the key and its certificate
     * @param appearanceImage PNG shown by visible signatures: the person's signature or the seal
     * @param holder          PERSON or ORGANISATION; null to read it from the certificate
     * @param imageWidthMm    the real width of the seal (or signature) image in millimetres, so that it is
     *                        drawn at the size of the seal on paper; null to read it from the PNG's pHYs
     *                        resolution
     */
    public record KeySettings(String id, String label, Path appearanceImage, KeyInfo.KeyHolder holder,
            Double imageWidthMm) {

        public KeySettings {
            if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
                throw new IllegalArgumentException("key id must be letters, digits, '.', '_' or '-': " + id);
            }
            label = (label == null || label.isBlank()) ? id : label;
            if (imageWidthMm != null && !(imageWidthMm >= 5 && imageWidthMm <= 100)) {
                throw new IllegalArgumentException("imageWidthMm of key " + id + " must be between 5 and 100 mm");
            }
        }
    }
}
