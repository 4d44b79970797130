package vn.kyso.api.verify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who may look a document up by the identifier its QR code carries. An identifier the service made is
 * unguessable by itself (a letter's random UUID: 122 bits; the QR stamper's {@code VB-} and 12 of 32 symbols:
 * 60 bits, behind the public rate limit), so its code alone opens the lookup. An identifier the issuer chose
 * (a register number such as {@code KQ-2026-000777}) can be counted through, so its link carries a token,
 * an HMAC of the identifier under a key only the service holds, and without the right token the lookup
 * answers exactly as for an identifier nobody issued.
 */
public final class IssuedLinks {

    /** The QR stamper's own identifiers (vn.kyso.signing.internal.QrStamper). */
    private static final Pattern GENERATED = Pattern.compile("VB-[A-HJ-NP-Z2-9]{12}");
    /** A random (version 4) UUID, which letters use. */
    private static final Pattern RANDOM_UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final String CONTEXT = "kyso-verify-link-v1:";
    /** 96 bits, 16 characters in the link: unguessable, and short, since every character makes the QR code denser. */
    private static final int TOKEN_BYTES = 12;

    private final SecretKeySpec key;

    /** @param key at least 32 bytes */
    public IssuedLinks(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("the verification link key must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** The token a link to this identifier carries as {@code t}. */
    public String token(String documentId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] full = mac.doFinal((CONTEXT + documentId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, TOKEN_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** True for an identifier the service made at random, which nobody can guess. */
    public static boolean unguessable(String documentId) {
        return documentId != null && (GENERATED.matcher(documentId).matches()
                || RANDOM_UUID.matcher(documentId).matches());
    }

    /** Whether a link with this identifier and token (null when absent) may see what the archive holds. */
    public boolean opens(String documentId, String token) {
        if (unguessable(documentId)) {
            return true;
        }
        byte[] expected = token(documentId).getBytes(StandardCharsets.US_ASCII);
        byte[] given = (token == null ? "" : token).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given); // constant time: the token is not found byte by byte
    }
}
