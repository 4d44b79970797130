package vn.kyso.archive.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and SHA-512 of one byte array, hex encoded. */
record Digests(String sha256, String sha512) {

    static Digests of(byte[] content) {
        return new Digests(hex("SHA-256", content), hex("SHA-512", content));
    }

    static String sha256(byte[] content) {
        return hex("SHA-256", content);
    }

    private static String hex(String algorithm, byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
