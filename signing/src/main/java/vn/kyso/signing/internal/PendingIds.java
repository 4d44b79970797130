package vn.kyso.signing.internal;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable ids for prepared signatures: 144 random bits, URL-safe. */
final class PendingIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PendingIds() {
    }

    static String next() {
        byte[] raw = new byte[18];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
