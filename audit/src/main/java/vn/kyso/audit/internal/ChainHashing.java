package vn.kyso.audit.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The chain's canonical form, version 1 (docs/audit.md): a fixed tag, the sequence number as 8
 * big-endian bytes, the time as microseconds since the epoch (8 bytes), then actor, action, target,
 * outcome, detail and client address, each as a 4-byte big-endian length and its UTF-8 bytes, or
 * length -1 for null. Length prefixes make the encoding unambiguous, so no two different entries share
 * a byte string. {@code hash = SHA-256(previousHash || canonical)}.
 */
final class ChainHashing {

    static final byte[] GENESIS = new byte[32];
    private static final byte[] TAG = "kyso-audit-v1".getBytes(StandardCharsets.US_ASCII);
    private static final HexFormat HEX = HexFormat.of();

    private ChainHashing() {
    }

    /** The fields exactly as stored; strings rather than enums so that an edited row still hashes. */
    record Fields(long sequence, Instant recordedAt, String actor, String action, String target, String outcome,
            String detail, String clientAddress) {
    }

    /** PostgreSQL keeps microseconds: hash what will be read back. */
    static Instant storable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static byte[] canonical(Fields f) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(TAG);
            out.writeLong(f.sequence());
            Instant t = f.recordedAt();
            out.writeLong(Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000));
            for (String s : new String[] {f.actor(), f.action(), f.target(), f.outcome(), f.detail(),
                    f.clientAddress()}) {
                if (s == null) {
                    out.writeInt(-1);
                } else {
                    byte[] b = s.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(b.length);
                    out.write(b);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] hash(byte[] previousHash, Fields f) {
        MessageDigest sha256 = sha256();
        sha256.update(previousHash);
        sha256.update(canonical(f));
        return sha256.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String hex(byte[] b) {
        return HEX.formatHex(b);
    }

    static byte[] unhex(String s) {
        return HEX.parseHex(s);
    }
}
